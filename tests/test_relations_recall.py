"""Relations the news states about entities it named before or describes around them: a place
said to lie in "the governorate" named earlier ("في المحافظة"), a unit of a force described by
adjectives before the words that put it in the force ("قوات أمريكية برية، ضمن التحالف"). Sentences are written for these tests in
the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read.pipeline import extract_facts
from athar.read.source import parse_document
from reading import relation_pairs


def relations(text: str, kind: str) -> set[tuple[str, str]]:
    return relation_pairs(text, kind, "2020-06-15")


@pytest.mark.parametrize("text, subject, obj", [
    pytest.param("بدأت القوات عملية واسعة في محافظة صلاح الدين. وتقدمت نحو قضاء الشرقاط، آخر معاقل التنظيم في "
                 "المحافظة.", "الشرقاط", "محافظة صلاح الدين", id="the-stronghold-in-the-governorate"),
    pytest.param("زار الوزير محافظة الأنبار أمس. وقال إن مدينة هيت في المحافظة بحاجة إلى دعم.", "هيت",
                 "محافظة الأنبار", id="a-city-in-the-governorate"),
])
def test_a_place_lies_in_the_governorate_named_before(text, subject, obj):
    assert (subject, obj) in relations(text, "locatedIn")


def test_the_governorate_of_no_name_before_is_no_place():
    assert not relations("وقال المسؤول إن مدينة هيت في المحافظة بحاجة إلى دعم.", "locatedIn")


@pytest.mark.parametrize("text, obj", [
    pytest.param("نفذت قوات بريطانية خاصة، ضمن التحالف الدولي، عملية إنزال قرب الحدود", "التحالف الدولي",
                 id="indefinite-adjective-comma-within"),
    pytest.param("وصلت قوات الفرقة الخامسة المدرعة التابعة للجيش العراقي إلى المدينة", "الجيش العراقي",
                 id="definite-adjective-belonging-to"),
])
def test_adjectives_of_a_unit_are_passed(text, obj):
    assert any(o == obj for _, o in relations(text, "memberOf"))


@pytest.mark.parametrize("text", [
    pytest.param("وقال قائد القوات الأمريكية إن الجنود وصلوا في الموعد", id="no-body-after"),
    pytest.param("شاركت قوات أمريكية وصلت في الليل ضمن التحالف الدولي في العملية", id="a-verb-is-no-adjective"),
    pytest.param("تقدمت القوات الأمنية المدعومة بالحشد الشعبي نحو القرية", id="supported-by-is-no-unit"),
    pytest.param("تقدمت قوات النخبة المدعومة بقوات سوريا الديمقراطية نحو القرية", id="a-named-body-supported-by"),
])
def test_no_unit_without_its_force(text):
    assert not relations(text, "memberOf")


def memberships(text: str) -> list[tuple[str, str]]:
    doc = parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")
    return [(f.roles[0][1].label_ar, f.roles[1][1].label_ar) for f in extract_facts(doc) if f.type == "memberOf"]


@pytest.mark.parametrize("text, subject", [
    pytest.param("وقال إعلام الحشد الشعبي في بيان إن القوات تقدمت نحو القرية", "إعلام الحشد الشعبي",
                 id="the-media-of-the-force-named-in-full"),
    pytest.param("تقدمت قوات الحشد الشعبي نحو القرية. وذكرت مديرية أمن الحشد أنها اعتقلت مطلوبين",
                 "مديرية أمن الحشد", id="a-directorate-of-the-force-named-before"),
])
def test_an_office_in_construct_with_a_force_is_of_it(text, subject):
    found = memberships(text)
    assert any(s.replace("أ", "ا") == subject.replace("أ", "ا") and o == "الحشد الشعبي" for s, o in found), found


def test_an_office_is_read_at_its_first_mention():
    text = "وقال إعلام الحشد الشعبي إن القوات تقدمت. وأضاف إعلام الحشد الشعبي أن القرية حررت"
    assert len(memberships(text)) == 1


@pytest.mark.parametrize("text", [
    pytest.param("وذكرت مديرية أمن الحشد أنها اعتقلت مطلوبين", id="the-force-never-named"),
    pytest.param("وقصفت قوات التحالف الدولي مواقع التنظيم", id="the-forces-of-a-body-are-the-body"),
])
def test_no_office_without_a_force_named(text):
    assert not memberships(text)


@pytest.mark.parametrize("text, subject, obj", [
    pytest.param("أعلنت الشرطة القبض على قيادي بتنظيم داعش في أطراف المدينة", "قيادي بتنظيم داعش", "تنظيم داعش",
                 id="a-leader-with-ba"),
    pytest.param("قتل أمير في تنظيم داعش بغارة جوية على منزله", "أمير في تنظيم داعش", "تنظيم داعش",
                 id="an-emir-in"),
    pytest.param("وقال قائد ميداني من البيشمركة إن الهجوم صد", "قائد ميداني من البيشمركة", "البيشمركة",
                 id="a-field-commander-from"),
    pytest.param("أعلنت القوات مقتل قياديا عسكريا بتنظيم داعش في الغارة", "قياديا عسكريا بتنظيم داعش", "تنظيم داعش",
                 id="a-rank-and-its-adjective-with-ba"),
])
def test_someone_of_a_rank_in_a_body_is_one_of_its_members(text, subject, obj):
    assert (subject, obj) in memberships(text)


@pytest.mark.parametrize("text", [
    pytest.param("قتل أبو خالد العراقي، قيادي في تنظيم داعش، بغارة جوية", id="named-before"),
    pytest.param("اعتقلت القوات قياديا في تنظيم داعش، أبو محمد الشامي، قرب الحدود", id="named-after"),
    pytest.param("قال قائد في الجيش إن الهجوم صد", id="a-force-never-named"),
])
def test_a_rank_of_a_person_named_is_no_member_of_no_name(text):
    assert not [s for s, _ in memberships(text) if s.startswith(("قيادي", "قائد"))]



@pytest.mark.parametrize("text", [
    pytest.param("ألقت القوات القبض على خلية تابعة لمرتزقة داعش في ريف الحسكة", id="a-cell-of-the-mercenaries"),
    pytest.param("ألقت القوات القبض على خلية تابعة لمرتزقة تنظيم داعش في الريف", id="of-the-mercenaries-of-the-organization"),
])
def test_a_cell_of_the_mercenaries_of_isis_is_of_isis(text):
    assert any(o == "تنظيم داعش" for _, o in relations(text, "memberOf"))
