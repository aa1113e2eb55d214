"""An armed party's announcement (speakers.tsv "announce", read/announcement.py): a Statement of the
party, beside the deed it announces, which keeps the doer and roles its clause gives it. Sentences
written for these tests."""

from __future__ import annotations

import importlib

import pytest

import athar

PUBLISHED = "2021-03-16"  # a Tuesday


def _facts(text: str):
    return [f for f in athar.read(text, published=PUBLISHED).facts if not f.relation]


def _speakers(text: str) -> list[str]:
    return [m.label_ar for f in _facts(text) if f.type == "Statement" for m in f.role("agent")]


def _deeds(text: str) -> list[tuple[str, tuple]]:
    return [(f.type, tuple(sorted((r, m.label_ar) for r, m in f.roles)))
            for f in _facts(text) if f.type != "Statement"]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("أعلن الجيش العراقي اليوم السيطرة الكاملة على قرية البو حمدان جنوب الموصل.",
                 "الجيش العراقي", id="army-after-verb"),
    pytest.param("وكانت قوات سوريا الديمقراطية قد أعلنت أمس تحرير قرية الجزرة من تنظيم داعش.",
                 "قوات سوريا الديمقراطية", id="pluperfect-before-verb"),
    pytest.param("أعلن تنظيم داعش مسؤوليته عن التفجير الذي ضرب سوقا في مدينة القامشلي.",
                 "تنظيم داعش", id="claim-of-responsibility"),
])
def test_an_armed_party_that_announces_makes_a_statement(text, speaker):
    assert speaker in _speakers(text)


@pytest.mark.parametrize("text", [
    pytest.param("أعلن الجيش العراقي اليوم السيطرة الكاملة على قرية البو حمدان جنوب الموصل.", id="capture"),
    pytest.param("وكانت قوات سوريا الديمقراطية قد أعلنت أمس تحرير قرية الجزرة من تنظيم داعش.", id="liberation"),
    pytest.param("أعلنت قوات الحشد الشعبي، اليوم الاثنين، اعتقال خمسة عناصر من داعش في قضاء الحويجة.", id="arrest"),
])
def test_the_deed_announced_keeps_its_roles(text, monkeypatch):
    with_statement = _deeds(text)
    monkeypatch.setattr(importlib.import_module("athar.read.pipeline"), "armed_announcements", lambda doc, facts: facts)
    assert with_statement == _deeds(text) and with_statement


@pytest.mark.parametrize("text", [
    pytest.param("وصلت الأفواج التي أعلنت عن قرب عودة السكان إلى المدينة.", id="relative-clause"),
    pytest.param("أعلن المزارعون في القرية بدء موسم الحصاد.", id="not-armed"),
])
def test_no_armed_statement_where_no_armed_party_announces(text):
    assert _speakers(text) == []


def test_a_civil_body_announces_as_before():
    assert _speakers("أعلنت وزارة الداخلية العراقية اعتقال خمسة مطلوبين في كركوك.") == ["وزارة الداخلية العراقية"]


@pytest.mark.parametrize("text, date", [
    pytest.param("أعلن الجيش العراقي، في بيان نقلته الوكالة أمس، السيطرة على قرية البو حمدان.", "2021-03-15",
                 id="date-before-what-was-announced"),
    pytest.param("وفي 10 آذار الجاري، أعلن التحالف الدولي سحب قواته من قاعدة القيارة.", "2021-03-10",
                 id="date-before-the-verb"),
    pytest.param("وأعلن تنظيم داعش عن قتل عناصره خلال 2019 عشرات الجنود.", None, id="date-of-what-was-announced"),
])
def test_the_announcement_is_dated_by_its_own_words(text, date):
    found = [f for f in _facts(text) if f.type == "Statement" and "أعلن" in f.trigger]
    assert (found[0].date.value if found[0].date else None) == date


@pytest.mark.parametrize("text, speaker", [
    pytest.param("أعلنت فرنسا عن تقديم خمسة ملايين يورو لإعادة إعمار المدارس في الموصل.", "فرنسا", id="country-after"),
    pytest.param("وكانت بريطانيا قد أعلنت أنها سترسل مدربين إلى قاعدة عين الأسد.", "بريطانيا", id="country-before"),
])
def test_a_country_s_announcement_is_its_statement(text, speaker):
    assert _speakers(text) == [speaker]
