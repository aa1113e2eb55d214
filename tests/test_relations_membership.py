"""Members of a body described by where they come from ("جنديين بريطانيين من قوات التحالف"): a
group of the body's own (relations.tsv origin); the body's men counted with no adjective of origin
make none. A body named by its office and ل before the force ("المركز الإعلامي لقوات X"): one of the
force's. The bodies listed in brackets after a body: its members. Sentences are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import relation_pairs


def members(text: str) -> set[tuple[str, str]]:
    return relation_pairs(text, "memberOf", "2020-06-15")


@pytest.mark.parametrize("text, group, body", [
    pytest.param("وأسفر الانفجار عن مقتل جنديين بريطانيين من قوات التحالف الدولي قرب القاعدة", "جنديين بريطانيين",
                 "التحالف الدولي", id="dual-soldiers"),
    pytest.param("وأصيب مستشار فرنسي من قوات التحالف الدولي في الهجوم", "مستشار فرنسي", "التحالف الدولي",
                 id="singular-adviser"),
    pytest.param("وقالت المصادر إن 15 مقاتلاً أجنبياً من تنظيم داعش سلموا أنفسهم", "15 مقاتلاً أجنبياً", "داعش",
                 id="counted-foreign-fighters"),
    pytest.param("واعتقلت القوات عناصر أجنبية من تنظيم داعش في الصحراء", "عناصر أجنبية", "داعش",
                 id="feminine-adjective-with-ta-marbuta"),
])
def test_members_of_an_origin_are_a_group_of_the_body(text, group, body):
    found = members(text)
    assert any(g == group and body in b for g, b in found), found


@pytest.mark.parametrize("text", [
    pytest.param("واعتقلت القوات الأمنية عناصر من تنظيم داعش في الصحراء", id="no-adjective"),
    pytest.param("وقتل عنصرين آخرين من تنظيم داعش في الاشتباكات", id="other-is-no-origin"),
])
def test_the_bodys_men_counted_make_no_group(text):
    assert not members(text)


@pytest.mark.parametrize("text, body, force", [
    pytest.param("وقال المركز الإعلامي لقوات سوريا الديمقراطية إن الهجوم صد", "المركز الإعلامي لقوات سوريا الديمقراطية",
                 "قوات سوريا الديمقراطية", id="media-centre-of"),
    pytest.param('وبحسب المكتب الإعلامي لـ "الحشد الشعبي"، فإن القوات تقدمت', "المكتب الإعلامي لـ",
                 "الحشد الشعبي", id="media-office-of-quoted"),
    pytest.param("وأعلنت القيادة العامة لقوات سوريا الديمقراطية انتهاء العملية", "القيادة العامة لقوات",
                 "قوات سوريا الديمقراطية", id="general-command-of"),
])
def test_an_office_of_a_force_is_a_body_of_the_force(text, body, force):
    found = members(text)
    assert any(b.startswith(body) and f == force for b, f in found), found


def test_an_office_its_holder_leads_is_related_once():
    found = members("وقال مدير المركز الإعلامي لقوات سوريا الديمقراطية فارس حسن إن الهجوم صد")
    assert len(found) == 1, found


@pytest.mark.parametrize("text, listed, body", [
    pytest.param("وتولت القوات المشتركة [الجيش العراقي، الشرطة الاتحادية، والحشد الشعبي] مسك الأرض",
                 {"الجيش العراقي", "الشرطة الاتحادية", "الحشد الشعبي"}, "القوات المشتركة", id="square-brackets"),
    pytest.param("وانتشرت القوات الأمنية (الجيش العراقي والشرطة الاتحادية) في الأحياء المحررة",
                 {"الجيش العراقي", "الشرطة الاتحادية"}, "القوات الأمنية", id="round-brackets-with-waw"),
])
def test_the_bodies_in_brackets_after_a_body_are_its_members(text, listed, body):
    found = members(text)
    assert {m for m, b in found if b == body} == listed, found


def test_a_bodys_other_name_in_brackets_is_no_member():
    assert not members("وقالت قوات سوريا الديمقراطية (قسد) إن الهجوم صد")


def test_the_wounded_are_no_origin():
    # "جرحى" ends in ى, which normalization writes ي like a relative adjective's ending
    assert not members("وأجلت القوات عناصر جرحى من تنظيم داعش إلى الشمال")


@pytest.mark.parametrize("text, body", [
    pytest.param("بدأ الحشد الشعبي عملية واسعة. وذكر بيان لإعلام الحشد أن القوات تقدمت", "إعلام الحشد",
                 id="a-statement-of-the-media-of"),
    pytest.param("وذكر بيان لمديرية أمن الحشد الشعبي أن القوات تقدمت", "مديرية أمن الحشد", id="of-the-security-directorate"),
])
def test_an_office_in_construct_with_a_proclitic_is_a_body_of_the_force(text, body):
    assert any(b.startswith(body) and "الحشد" in f for b, f in members(text)), members(text)
