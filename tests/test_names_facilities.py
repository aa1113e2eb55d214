"""Places and facilities athar has never seen, bounded as news writes them: facility head nouns,
a place on a highway named by its kilometre, the dual of a district's head noun, a name that a
description ends ("ذات", "الواقعة"), a name that is a genitive construct, a church's name with its
community, and a head noun described by whose control it is under (no name at all).
Sentences are written for these tests in the style of news Arabic (none is copied from the corpus)."""

from __future__ import annotations

import pytest

from athar.read.language import arabic
from athar.read.mentions import extract_mentions


def found(text: str) -> list[tuple[str, str, str]]:
    """(type, Arabic label, English label) of every mention of ``text``."""
    return [(m.type, m.label_ar, m.label_en) for m in extract_mentions(arabic().make_doc(text))]


@pytest.mark.parametrize("text, type_, label_ar, label_en", [
    pytest.param("انفجرت عبوة ناسفة قرب متحف الحضارة صباح اليوم", "Facility", "متحف الحضارة",
                 "Al-Hadara Museum", id="museum"),
    pytest.param("فجر المسلحون معبد \"نبو\" الأثري", "Facility", "معبد نبو", "Nabu Temple", id="temple-quoted"),
    pytest.param("هاجم مسلحون حاجز السلام ليلة أمس", "Facility", "حاجز السلام", "Al-Salam checkpoint",
                 id="checkpoint"),
    pytest.param("استهدفت غارة مصفاة الصمود النفطية", "Facility", "مصفاة الصمود", "Al-Samud Refinery",
                 id="refinery"),
    pytest.param("احترق معمل الغاز في البلدة", "Facility", "معمل الغاز", "Al-Ghaz factory", id="factory"),
    pytest.param("اقتحمت القوات فندق الربيع المهجور", "Facility", "فندق الربيع", "Al-Rabi' Hotel", id="hotel"),
    pytest.param("قطع المسلحون الطريق الدولي عند الكيلو 35 غرب المدينة", "Region", "الكيلو 35", "Kilo 35",
                 id="kilometre-place"),
])
def test_facility_head_nouns_name_what_the_gazetteer_lacks(text, type_, label_ar, label_en):
    assert (type_, label_ar, label_en) in found(text)


def test_a_checkpoint_named_by_its_kilometre_is_a_checkpoint_on_that_place():
    got = found("هاجم مسلحون حاجز الكيلو 70 فجر اليوم")
    assert ("Facility", "حاجز الكيلو 70", "Kilo 70 checkpoint") in got
    assert ("Region", "الكيلو 70", "Kilo 70") in got


def test_a_kilometre_counted_is_no_place():
    assert [t for t, *_ in found("قطعت القافلة 40 كيلو في يومين")] == []


def test_the_dual_of_a_district_names_two_districts():
    got = found("قصف الطيران قضائي الزيدية والعطاوي")
    assert [(t, ar) for t, ar, _ in got] == [("District", "الزيدية"), ("District", "العطاوي")]


def test_the_dual_of_a_district_names_two_districts_with_a_comma_before_the_second():
    got = found("قصف الطيران قضائي الزيدية، والعطاوي بالمدفعية")
    assert [(t, ar) for t, ar, _ in got] == [("District", "الزيدية"), ("District", "العطاوي")]


@pytest.mark.parametrize("text, name", [
    pytest.param("سيطرت الفصائل على قرية عين الصقر ذات الأهمية الاستراتيجية", "عين الصقر", id="dhat"),
    pytest.param("انسحب المسلحون من بلدة الزهيرة الواقعة على ضفة النهر", "الزهيرة", id="al-waqi'a"),
    pytest.param("قصفت المدفعية قرية البويطة المجاورة للطريق", "البويطة", id="al-mujawira"),
])
def test_a_description_ends_a_place_s_name(text, name):
    assert [ar for t, ar, _ in found(text) if t == "Village" or t == "Town"] == [name]


def test_a_genitive_construct_after_a_head_noun_is_a_name():
    got = found("وقع هجوم انتحاري وسط قضاء جمالية الوادي شمالي البلاد")
    assert ("District", "جمالية الوادي", "Jamaliya al-Wadi District") in got


def test_a_relative_adjective_after_a_head_noun_is_still_no_name():
    assert [t for t, *_ in found("هاجم المسلحون قرية زراعية قرب النهر") if t == "Village"] == []


@pytest.mark.parametrize("text, label_ar, label_en", [
    pytest.param("سقطت قذيفة قرب كنيسة الأرمن الكاثوليك وسط المدينة", "كنيسة الأرمن الكاثوليك",
                 "Armenian Catholic Church", id="armenian-catholic"),
    pytest.param("أعيد افتتاح كنيسة الروم الأرثوذكس بعد ترميمها", "كنيسة الروم الأرثوذكس",
                 "Greek Orthodox Church", id="greek-orthodox"),
])
def test_a_church_s_name_goes_on_with_its_community(text, label_ar, label_en):
    assert ("Facility", label_ar, label_en) in found(text)


@pytest.mark.parametrize("text", [
    pytest.param("سقطت قذائف على مدينة خاضعة لسيطرة المسلحين", id="khadi'a"),
    pytest.param("قصف الطيران بلدة تحت سيطرة الفصائل", id="taht"),
])
def test_a_head_noun_described_by_who_controls_it_names_no_place(text):
    assert [t for t, *_ in found(text) if t in ("City", "Town")] == []


@pytest.mark.parametrize("text, type_, label_ar, label_en", [
    pytest.param("عثر على مقبرة جماعية في منطقة (السلام) جنوب المدينة", "Region", "السلام", "Al-Salam area",
                 id="area"),
    pytest.param("نقلت قناة (الرافدين) عن مصدر أمني", "MediaOutlet", "قناة الرافدين", "Al-Rafdin TV", id="channel"),
])
def test_a_name_in_brackets_after_its_head_noun(text, type_, label_ar, label_en):
    assert (type_, label_ar, label_en) in found(text)


def test_a_name_in_brackets_the_gazetteer_knows_with_its_head_noun_is_the_whole():
    # "مخيم (الهول)" is the camp, as "مخيم الهول" is, not the town the camp is named after
    got = found("وصلت قافلة المساعدات إلى مخيم (الهول) صباح اليوم")
    assert ("Camp", "مخيم الهول", "al-Hol camp") in got and [t for t, *_ in got if t == "Town"] == []


def test_brackets_after_a_head_noun_that_hold_no_name():
    assert [t for t, *_ in found("سقط قتلى في منطقة (شمال المدينة) أمس") if t == "Region"] == []


@pytest.mark.parametrize("text", [
    pytest.param("سيطرت قوات البيشمركة على قرية حسن شام شرقي الموصل بعد معارك مع التنظيم", id="the-village"),
    pytest.param("نقلت المنظمة مئات الأسر إلى مخيم جديد في حسن شام شرقي الموصل", id="a-new-camp-in-the-village"),
])
def test_a_camp_is_not_named_by_the_place_it_lies_in(text):
    # a camp takes the name of the village or area it stands in ("مخيم حسن شام"): the name alone is
    # that place, whatever camps stand in it
    assert not [label for t, label, _ in found(text) if t == "Camp"]
