"""Offices and the bodies they name, as wire copy writes them: a minister leads a ministry (named
"وزارة X", not by the minister's title), feminine and other forms of the titles of the genre, a
unit "تابع ل" a body. Sentences are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import facts_of, relation_pairs


def relations(text: str, kind: str) -> set[tuple[str, str]]:
    return relation_pairs(text, kind, "2021-03-10")


@pytest.mark.parametrize("text, person, ministry", [
    pytest.param("وقالت وزيرة الهجرة سلمى الحسني إن المخيمات أغلقت", "سلمى الحسني", "وزارة الهجرة",
                 id="minister-of-a-ministry-named-after"),
    pytest.param("وزار وزير الصحة العراقي أحمد كاظم مستشفى الموصل أمس", "أحمد كاظم", "وزارة الصحة",
                 id="minister-and-nationality"),
    pytest.param("وقال وزير الخارجية الفرنسي جان مارتان إن بلاده ستدعم العراق", "جان مارتان", "وزارة الخارجية",
                 id="listed-ministry"),
])
def test_a_minister_leads_the_ministry_named_as_a_ministry(text, person, ministry):
    found = relations(text, "leaderOf")
    assert (person, ministry) in found, found
    assert not any(b.startswith("وزير") for _, b in found), found  # the title is no body's name


@pytest.mark.parametrize("text, kind, person, body", [
    pytest.param("وحذرت المديرة العامة لمنظمة الصحة العالمية هالة مراد من تفشي الوباء", "leaderOf", "هالة مراد",
                 "منظمة الصحة العالمية", id="director-general-feminine"),
    pytest.param("وقالت الناطقة الرسمية باسم منظمة اليونيسف رنا سعيد إن الأطفال بحاجة للغذاء", "spokespersonOf",
                 "رنا سعيد", "يونيسف", id="official-spokeswoman"),
    pytest.param("وقالت المتحدثة الإعلامية باسم منظمة الهجرة الدولية ليلى عمر إن العائلات عادت", "spokespersonOf",
                 "ليلى عمر", "للهجرة", id="media-spokeswoman"),
])
def test_feminine_titles_relate_the_person_to_the_body(text, kind, person, body):
    found = relations(text, kind)
    assert any(p == person and body in b for p, b in found), found


@pytest.mark.parametrize("text, unit, body", [
    pytest.param("هاجم لواء ثوار الرقة تابع لقوات سوريا الديمقراطية مواقع التنظيم", "لواء ثوار الرقة",
                 "قوات سوريا الديمقراطية", id="indefinite-tabi"),
    pytest.param("انسحب لواء صقور الجبل، تابع لقوات سوريا الديمقراطية، من القرية", "لواء صقور الجبل",
                 "قوات سوريا الديمقراطية", id="indefinite-tabi-comma"),
])
def test_a_unit_tabi_to_a_body_is_its_member(text, unit, body):
    assert (unit, body) in relations(text, "memberOf")


@pytest.mark.parametrize("text, kind, person, body", [
    pytest.param("وقال المتحدث باسم التحالف الدولي الكولونيل جون مارك إن الضربات مستمرة", "spokespersonOf",
                 "جون مارك", "التحالف الدولي", id="spokesman-body-rank-name"),
    pytest.param("وقال قائد شرطة كركوك العميد سامي عادل إن الوضع مستقر", "leaderOf", "سامي عادل", "شرطة كركوك",
                 id="commander-body-rank-name"),
    pytest.param("وقال المتحدث الرسمي باسم وزارة الداخلية اللواء خالد سعد إن القوات اعتقلت خمسة مطلوبين",
                 "spokespersonOf", "خالد سعد", "وزارة الداخلية", id="official-spokesman-rank-name"),
])
def test_a_rank_between_the_body_and_the_name_keeps_the_office(text, kind, person, body):
    assert (person, body) in relations(text, kind)


@pytest.mark.parametrize("text, person, command", [
    pytest.param("وقال قائد عمليات نينوى اللواء سالم حسن إن القوات حررت القرية", "سالم حسن", "قيادة عمليات نينوى",
                 id="operations-command-of-a-governorate"),
    pytest.param("أعلن قائد عمليات تحرير الموصل الفريق الركن كريم عباس انتهاء المرحلة الأولى", "كريم عباس",
                 "قيادة عمليات تحرير الموصل", id="operations-command-of-a-liberation"),
])
def test_the_commander_of_a_place_s_operations_leads_its_command(text, person, command):
    assert (person, command) in relations(text, "leaderOf")


def test_operations_with_no_place_after_them_name_no_command():
    assert relations("وقال قائد العمليات إن القوات تقدمت نحو المدينة", "leaderOf") == set()


@pytest.mark.parametrize("text, person, place", [
    pytest.param("وقال قائمقام قضاء تلعفر قاسم محمد إن العائلات عادت", "قاسم محمد", "تلعفر", id="qaimmaqam"),
    pytest.param("وقال قائممقام قضاء الحويجة سعد خلف إن العائلات عادت", "سعد خلف", "الحويجة", id="qaimmaqam-spelling"),
])
def test_the_governor_of_a_district_leads_its_administration(text, person, place):
    assert any(p == person and place in b for p, b in relations(text, "leaderOf"))


@pytest.mark.parametrize("text", [
    pytest.param("ونقلت وكالة الأنباء عن المتحدث باسم وزارة الدفاع قوله إن القوات تقدمت", id="his-saying"),
    pytest.param("ونقلت الصحيفة عن المتحدثة باسم المفوضية قولها إن العائلات عادت", id="her-saying"),
])
def test_the_masdar_of_saying_after_an_office_is_no_name(text):
    found = relations(text, "spokespersonOf")
    assert not any(p.startswith("قول") for p, _ in found), found


def test_the_quote_words_are_in_the_speaker_table():
    from athar.read.language import arabic
    from athar.read.statement import speaker_table

    assert speaker_table(arabic())["قوله"] == "quote"


@pytest.mark.parametrize("text, person, body", [
    pytest.param("قتلت الغارة المسؤول العسكري في تنظيم داعش أحمد خليل", "أحمد خليل", "تنظيم داعش", id="military-official-in"),
    pytest.param("اعتقلت القوات المسؤول الأمني لتنظيم داعش سالم عبيد في الموصل", "سالم عبيد", "تنظيم داعش",
                 id="security-official-of"),
])
def test_an_official_of_a_group_by_his_charge_is_its_member(text, person, body):
    assert (person, body) in relations(text, "memberOf")


@pytest.mark.parametrize("text, kind, person, body", [
    pytest.param("وقال ممثل منظمة اليونيسف في العراق جون هاريس إن الأطفال بحاجة للمساعدة", "spokespersonOf",
                 "جون هاريس", "يونيسف", id="representative-in-a-country-then-name"),
    pytest.param("وقالت مديرة منظمة الهجرة الدولية في الموصل سارة كمال، إن العائلات عادت", "leaderOf",
                 "سارة كمال", "للهجرة", id="director-in-a-city-name-comma"),
])
def test_a_name_after_the_place_of_an_office_holds_it(text, kind, person, body):
    assert any(p == person and body in b for p, b in relations(text, kind))


def test_words_after_the_place_of_an_office_that_are_no_name_name_no_one():
    found = relations("وقال مدير المستشفى الوطني في الرقة يعمل جاهدا على إصلاح المبنى", "leaderOf")
    assert found == set()


def test_two_countries_ministries_of_one_name_are_two_bodies():
    from athar.read.language import arabic
    from athar.read.mentions import extract_mentions

    text = ("التقى وزير الخارجية الكويتي سالم العلي بوزير الخارجية الألماني هانز مولر في الكويت. "
            "وقال وزير الثقافة العراقي أحمد حسن إن المتحف سيفتتح، كما زار وزير الثقافة الفرنسي بيير دوبون بغداد.")
    ministries = [m for m in extract_mentions(arabic().make_doc(text)) if m.label_ar.startswith("وزارة")]
    keys = {m.label_en: m.key for m in ministries}
    assert len(ministries) == 4 and len(set(keys.values())) == 4, keys


@pytest.mark.parametrize("text, unit, body", [
    pytest.param("وبدأت الفرقة 15 بالجيش العراقي تطهير القرية", "الفرقة 15", "الجيش العراقي", id="division-in-army"),
    pytest.param("وانسحب اللواء 30 بالحشد الشعبي من المدينة", "اللواء 30", "الحشد الشعبي", id="brigade-in-pmf"),
])
def test_a_unit_bi_a_force_is_its_member(text, unit, body):
    assert (unit, body) in relations(text, "memberOf")


def test_a_force_bi_a_place_is_no_member():
    assert relations("وانتشرت قوات الحشد الشعبي بالموصل", "memberOf") == set()


def test_a_body_named_in_full_before_is_led_through_its_mention_after_the_title():
    # the body named in full in the sentence before, then again after the title in the person's own
    # sentence: the relation is stated by that title and that mention, not the first
    text = ("دعت اللجنة الدولية للصليب الأحمر اليوم إلى حماية المستشفيات في المدينة. وقالت سلمى أحمد رئيسة "
            "وفد الصليب الأحمر في سوريا إن الوضع خطير")
    led = [f for f in facts_of(text, "2021-03-10") if f.type == "leaderOf"]
    assert len(led) == 1
    assert led[0].trigger == "سلمى أحمد رئيسة وفد الصليب الأحمر"
    assert led[0].evidence.start > text.index("وقالت")
