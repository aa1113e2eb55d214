"""Where a place lies when the news names a side of another place as a place of its own ("الجانب
الشرقي من مدينة الموصل"), two places with a dual word that puts both in a third ("التابعتين
لمحافظة"), and a village placed by a town. Sentences are written for these tests in the style of
news Arabic."""

from __future__ import annotations

import pytest

from reading import relation_pairs


def located(text: str) -> set[tuple[str, str]]:
    return relation_pairs(text, "locatedIn", "2020-06-15")


@pytest.mark.parametrize("text, side, place", [
    pytest.param("دخلت القطعات الجانب الغربي من مدينة الرمادي صباح اليوم", "الجانب الغربي من مدينة الرمادي",
                 "مدينة الرمادي", id="side-of-the-city"),
    pytest.param("تتواصل المعارك في الساحل الأيسر للموصل منذ أيام", "الساحل الأيسر للموصل", "الموصل",
                 id="bank-with-lam"),
    pytest.param("سيطر المسلحون على الحي الجنوبي لبلدة القائم", "الحي الجنوبي لبلدة القائم", "بلدة القائم",
                 id="quarter-of-the-town"),
    pytest.param("وصلت القوات إلى مدينة منبج، وانتشرت في الريف الغربي للمدينة", "الريف الغربي للمدينة",
                 "مدينة منبج", id="countryside-of-the-city-named-before"),
])
def test_a_side_of_a_place_lies_in_it(text, side, place):
    assert any(a == side and b in place for a, b in located(text))


def test_a_place_lies_in_the_side():
    found = located("حررت القوات حي النصر في الجانب الشمالي من مدينة تكريت")
    assert ("النصر", "الجانب الشمالي من مدينة تكريت") in found


@pytest.mark.parametrize("text", [
    pytest.param("قال الجانب العراقي إن المحادثات مستمرة", id="a-party-no-place"),
    pytest.param("انسحبت القوات إلى الجانب الغربي بعد المعركة", id="no-place-after"),
    pytest.param("وصل الوفد الأمريكي إلى الجانب الشرقي وفي بغداد عقد لقاء", id="no-partitive-nor-lam"),
])
def test_no_side_without_its_place(text):
    assert not any(a.startswith(("الجانب", "الحي")) for a, _ in located(text))


@pytest.mark.parametrize("text, places, whole", [
    pytest.param("استعادت القوات بلدتي الكرمة والصقلاوية التابعتين لمحافظة الأنبار", ("الكرمة", "الصقلاوية"),
                 "محافظة الأنبار", id="two-towns-belonging-to"),
    pytest.param("هاجم المسلحون قريتي المحمودية والزهراء الواقعتين في محافظة ديالى", ("المحمودية", "الزهراء"),
                 "محافظة ديالى", id="two-villages-lying-in"),
])
def test_a_dual_puts_both_places_in_the_third(text, places, whole):
    found = located(text)
    assert all((p, whole) in found for p in places)


@pytest.mark.parametrize("text, village, town", [
    pytest.param("قتل راع بانفجار لغم في قرية الحمام شرق بلدة الشدادي", "الحمام", "الشدادي",
                 id="village-east-of-the-town"),
    pytest.param("داهمت القوات قرية العزبة في ريف بلدة الهول", "العزبة", "الهول", id="village-in-the-town-countryside"),
])
def test_a_village_lies_by_the_town_that_places_it(text, village, town):
    assert any(a == village and b.endswith(town) for a, b in located(text))


@pytest.mark.parametrize("text, place, whole", [
    pytest.param("قتل مدنيون في مدينة الباب الواقعة تحت سيطرة فصائل المعارضة في ريف حلب", "الباب", "محافظة حلب",
                 id="under-the-control-of-a-group"),
    pytest.param("قتل مدنيون في مدينة الباب السورية، الواقعة تحت سيطرة فصائل المعارضة في ريف حلب", "الباب",
                 "محافظة حلب", id="an-adjective-and-a-comma-before-the-description"),
    pytest.param("قصفت الطائرات حي الجورة الخاضع لسيطرة قوات النظام في مدينة دير الزور", "الجورة", "دير الزور",
                 id="held-by-a-force"),
    pytest.param("وصلت القوات إلى بلدة الشدادي إلى الجنوب من الحسكة بنحو 60 كم", "الشدادي", "الحسكة",
                 id="to-the-south-of"),
    pytest.param("تقع قرية الكرامة إلى الشمال الغربي من الرقة", "الكرامة", "الرقة", id="to-the-north-west-of"),
])
def test_a_place_described_or_placed_by_a_direction_lies_in_the_next(text, place, whole):
    assert any(a == place and b.endswith(whole.split()[-1]) for a, b in located(text))


def test_a_list_of_villages_and_a_town_lies_where_the_last_does():
    found = located("سيطر التنظيم على قرية الحمرا وبلدة الهول شرق مدينة الحسكة")
    assert {("الحمرا", "الحسكة"), ("الهول", "الحسكة")} <= found


@pytest.mark.parametrize("text, place, whole", [
    pytest.param("سلم التحالف قاعدة الحبانية غربي العاصمة العراقية بغداد", "قاعدة الحبانية", "بغداد",
                 id="the-capital-and-its-country"),
    pytest.param("سقطت قذائف على ساحة الأمويين وسط العاصمة السورية دمشق", "ساحة الأمويين", "دمشق",
                 id="the-capital-and-its-country-in-the-middle"),
])
def test_the_capital_named_with_its_country_before_its_name(text, place, whole):
    assert any(a == place and b == whole for a, b in located(text))


@pytest.mark.parametrize("text, place, whole", [
    pytest.param("تقدمت القوات نحو بلدة الباغوز الواقعة شرقي نهر الفرات بريف دير الزور الشرقي", "الباغوز",
                 "ريف دير الزور الشرقي", id="east-of-the-river-then-ba"),
    pytest.param("تقدمت القوات نحو بلدة الباغوز جنوب نهر الفرات في ريف دير الزور الشرقي", "الباغوز",
                 "ريف دير الزور الشرقي", id="south-of-the-river-then-in"),
])
def test_a_place_described_by_a_direction_from_a_river_lies_in_the_place_after(text, place, whole):
    assert (place, whole) in located(text)
