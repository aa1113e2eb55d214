"""The lead's place and what stands in its way: the places of a dateline or a byline are where a
report was filed, not where its news happened (athar.read.dateline); buildings of a kind ("المدارس")
name no place that would keep the lead's away (athar.read.setting.settle_places). Every text here was
written for these tests, in the style of news Arabic (none is copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import facts_of


def places(text: str, event: str) -> set[str]:
    found = [f for f in facts_of(text) if f.type == event]
    assert found, [(f.type, f.trigger) for f in facts_of(text)]
    return {m.label_en or m.label_ar for f in found for r, m in f.roles if r == "place"}


@pytest.mark.parametrize("text, event, filed", [
    pytest.param("سامر علي - الموصل\nشنت طائرات التحالف غارات على مواقع للتنظيم.\nوأسفرت الغارات عن مقتل عشرة مسلحين.",
                 "Killing", "Mosul", id="byline"),
    pytest.param("بغداد - وكالات\nشنت طائرات التحالف غارات على مواقع للتنظيم.\nوأسفرت الغارات عن مقتل عشرة مسلحين.",
                 "Killing", "Baghdad", id="dateline-on-its-line"),
])
def test_no_event_is_where_the_report_was_filed(text, event, filed):
    assert filed not in places(text, event)


def test_the_lead_place_after_a_dateline_is_the_news():
    text = ("أربيل – (وكالات) – وافق البرلمان الهولندي على أن تقوم قواته بتدريب المقاتلين الأكراد شمال العراق.\n"
            "وتدرب القوات الهولندية المقاتلين في دورات تستمر شهراً.")
    assert places(text, "Training") == {"northern Iraq"}


def test_a_place_that_opens_the_news_without_a_dash_is_the_news():
    text = "شن التنظيم هجوماً على بلدة هجين شرقي دير الزور.\nوقتل في الهجوم خمسة مدنيين."
    assert places(text, "Attack") == {"Hajin"}


def test_buildings_of_a_kind_leave_the_event_at_the_leads_place():
    # the hospitals were hit in the town the lead names: they are no place of their own
    text = ("شن الطيران الحربي غارات على بلدة الزهور في ريف إدلب فجر اليوم.\n"
            "وأفاد مسعفون بأن الغارات استهدفت المدارس والمستشفيات.")
    attacks = [f for f in facts_of(text) if f.type == "Attack" and "استهدفت" in f.trigger]
    assert attacks and {m.label_en for f in attacks for r, m in f.roles if r == "place"} == {"Al-Zahur"}
