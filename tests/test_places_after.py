"""An event whose clause names no place is where the event it happened after is, when its sentence
names that event right after "بعد" ("قتل بعد اختطافه في ريف الحسكة", "بعد أن اختطفه مسلحون في
بلدة الشدادي"), as after "خلال" or "إثر". Sentences are written for these tests in the style of news
Arabic."""

from __future__ import annotations

import pytest

from reading import event_places as places


@pytest.mark.parametrize("text, place", [
    pytest.param("عثر على جثة شاب قتل بعد اختطافه على يد مسلحين مجهولين في ريف الحسكة الجنوبي",
                 "southern countryside of Al-Hasakah Governorate", id="after-a-masdar"),
    pytest.param("قتل مختار القرية بعد أن اختطفه مسلحون في بلدة الشدادي", "Al-Shaddadi", id="after-that-a-verb"),
])
def test_a_killing_is_where_the_abduction_before_it_was(text, place):
    assert places(text, "Killing") == {place}


def test_an_event_that_names_its_own_place_keeps_it():
    assert places("قتل المختار في مدينة الحسكة بعد أن اختطفه مسلحون في بلدة الشدادي", "Killing") == {"Hasakah"}


@pytest.mark.parametrize("text, event, place", [
    pytest.param("دارت اشتباكات عنيفة بين الجيش والتنظيم في محيط بلدة الشدادي بعد أن سيطر الجيش على "
                 "البلدة قبل أسبوع، وقتل خلالها عشرة من عناصر الطرفين", "Killing", "Al-Shaddadi", id="killed-during-it"),
    pytest.param("شنت القوات الأمنية حملة دهم في قرية الطيانة شرقي دير الزور، اعتقلت خلالها أربعة مطلوبين",
                 "Arrest", "Al-Tayana", id="arrested-during-it"),
])
def test_an_event_during_the_one_before_is_where_that_one_is(text, event, place):
    assert {p.replace(" District", "") for p in places(text, event)} == {place}


@pytest.mark.parametrize("text, event, place", [
    pytest.param("وتواصل حملة للتحالف لطرد مسلحي داعش من قضاء الحويجة", "MilitaryOperation", "Hawija",
                 id="a-campaign-to-expel-from"),
    pytest.param("قتل عشرات المدنيين خلال حملة لقوات سوريا الديمقراطية لطرد التنظيم من مدينة الطبقة",
                 "Killing", "Tabqa", id="killed-during-a-campaign-to-expel"),
])
def test_a_campaign_to_expel_a_group_is_where_it_is_expelled_from(text, event, place):
    assert places(text, event) == {place}


def test_not_past_a_comma():
    assert places("بدأت حملة للتحالف، بينما طرد الأهالي من بلدة الشدادي", "MilitaryOperation") == set()
