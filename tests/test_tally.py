"""Tolls told one after another, joined by "و": each count of people with its own group or place
is a killing of its own (athar.read.tally; sentences written for these tests, none copied from a
corpus)."""

from __future__ import annotations

import pytest

from tests.reading import events_of, role_labels

SDF = "Syrian Democratic Forces (SDF)"


def _tolls(text: str) -> list[tuple[float, list[str]]]:
    return sorted((f.amount.value, role_labels(f, "victim")) for f in events_of(text, "Killing") if f.amount)


@pytest.mark.parametrize("text, expected", [
    pytest.param("وأفاد المرصد بمقتل نحو 20 عنصرا من قوات سوريا الديمقراطية و (4) من المدنيين خلال الشهر الماضي",
                 [(4.0, ["civilians"]), (20.0, [SDF])], id="two-groups-bracketed"),
    pytest.param("وقتل خمسة مدنيين في بلدة الشدادي و12 آخرين في مدينة الحسكة بقصف مدفعي",
                 [(5.0, ["civilians"]), (12.0, ["civilians"])], id="others-elsewhere"),
])
def test_a_second_count_joined_by_and_is_a_toll_of_its_own(text, expected):
    assert _tolls(text) == expected


@pytest.mark.parametrize("text, total", [
    pytest.param("قتل 19 مدنيا و45 جريحا في تفجير سيارة مفخخة نفذه تنظيم داعش في مدينة القامشلي", 19,
                 id="the-wounded-are-no-toll"),
    pytest.param("قتل تنظيم داعش 10 مدنيين بينهم 4 أطفال في قرية قرب مدينة الموصل", 10, id="a-part-is-no-toll"),
])
def test_no_second_toll(text, total):
    assert [value for value, _ in _tolls(text)] == [total]


def test_the_second_toll_is_where_its_words_say():
    # "و12 آخرين في مدينة الحسكة": the others were killed in the place named after their count
    text = "وقتل خمسة مدنيين في بلدة الشدادي و12 آخرين في مدينة الحسكة بقصف مدفعي"
    places = {f.amount.value: role_labels(f, "place") for f in events_of(text, "Killing") if f.amount}
    assert places == {5.0: ["Al-Shaddadi"], 12.0: ["Hasakah"]}
