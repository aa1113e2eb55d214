"""A place that names who backs a side ("قوات المعارضة المدعومة من تركيا", "جماعات مدعومة من إيران"),
or that a place no name gives is measured from ("في منطقة تقع على بعد 30 كيلومترا جنوب الموصل"), is
no place of the event: the event is where its clause or its frame puts it, or nowhere. Sentences
are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import event_places as places


@pytest.mark.parametrize("text, event, backer", [
    pytest.param("وأصبح نصف البلدة تحت سيطرة فصائل المعارضة المدعومة من تركيا", "TerritorialControl", "Turkey",
                 id="under-control-of-backed-factions"),
    pytest.param("وقال القائد إن المدينة باتت تحت سيطرة القوات المدعومة من إيران", "TerritorialControl", "Iran",
                 id="reported-control-of-backed-forces"),
])
def test_the_backer_is_no_place(text, event, backer):
    assert backer not in places(text, event)


def test_the_place_of_the_clause_stays():
    found = places("سيطرت الفصائل المدعومة من تركيا على قرية الراعي شمالي حلب", "TerritorialControl")
    assert "Turkey" not in found and found, found


def test_a_country_after_another_preposition_is_still_a_place():
    found = places("شنت القوات الحكومية المدعومة بالطيران هجوماً في سوريا", "Attack")
    assert found == {"Syria"}, found


@pytest.mark.parametrize("text, event, landmark", [
    pytest.param("قتل خمسة جنود في كمين نصبه مسلحون في منطقة تقع على بعد 30 كيلومترا جنوب الموصل", "Attack",
                 "Mosul", id="an-area-lying-at-a-distance"),
    pytest.param("انفجرت عبوة ناسفة في قرية تبعد 15 كيلومترا شرقي مدينة كركوك", "Attack", "Kirkuk",
                 id="a-village-some-way-from"),
])
def test_a_place_an_unnamed_one_is_measured_from_is_no_place(text, event, landmark):
    assert landmark not in places(text, event)
