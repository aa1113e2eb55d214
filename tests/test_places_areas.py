"""An event at areas or villages it does not name, which the clause of the event after it
describes ("في مناطق واقعة تحت سيطرة التنظيم في ...", "إلى داخل الأراضي التي يسيطر عليها ... في
..."), is where that event is. Sentences are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import event_places as places


@pytest.mark.parametrize("text, event, place", [
    pytest.param("قتل ثمانية مدنيين أمس في قصف جوي على مناطق واقعة تحت سيطرة تنظيم داعش في محافظة الرقة",
                 "Attack", "Raqqa Governorate", id="areas-under-control"),
    pytest.param("توغلت قوات سوريا الديمقراطية إلى داخل الأراضي التي يسيطر عليها تنظيم داعش في محافظة الحسكة",
                 "MilitaryOperation", "Al-Hasakah Governorate", id="lands-a-group-holds"),
    pytest.param("شن التنظيم هجمات على المناطق الخاضعة لسيطرة الجيش في ريف حماة الشرقي",
                 "Attack", "eastern countryside of Hama Governorate", id="areas-subject-to-control"),
    pytest.param("قتل خمسة مدنيين في غارات جوية على قريتين واقعتين تحت سيطرة التنظيم في محافظة دير الزور",
                 "Attack", "Deir ez-Zor Governorate", id="two-villages-lying-under-control"),
])
def test_an_event_at_areas_the_next_clause_describes_is_where_that_clause_says(text, event, place):
    assert places(text, event) == {place}


def test_a_place_of_its_own_is_kept():
    assert places("قتل ثمانية مدنيين في قصف على بلدة الشدادي قرب مناطق واقعة تحت سيطرة تنظيم داعش في محافظة الحسكة",
                  "Attack") == {"Al-Shaddadi"}
