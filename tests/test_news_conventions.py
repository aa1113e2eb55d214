"""Conventions of news Arabic that hold whatever the outlet or the town (issue 9): dying told by
قضى with its death context, the genitive of a strike as its doer, who hands over, who speaks in a
report, head nouns of names, names that begin with و, and numbers that belong to names. Every
sentence is written for these tests."""

from __future__ import annotations

import pytest

from test_facts import check, facts_of, one


@pytest.mark.parametrize("text", [
    pytest.param("وقضى الجندي نحبه في مدينة الرقة متأثرا بجراحه.", id="his-fate"),
    pytest.param("قضت عائلة كاملة جراء انهيار منزلها في حي الزهور.", id="because-of"),
    pytest.param("وقضوا حتفهم في مدينة الموصل.", id="their-death"),
])
def test_qada_with_its_death_context_is_a_killing(text):
    assert one(text, "Killing")


@pytest.mark.parametrize("text", [
    pytest.param("قضت المحكمة بسجن المتهم عشر سنوات في بغداد.", id="a-court-ruled"),
    pytest.param("قضى الوزير عطلته في مدينة الموصل.", id="a-holiday"),
    pytest.param("قضت اللجنة ثلاثة أيام في الرقة.", id="days-spent"),
])
def test_qada_without_a_death_context_is_no_killing(text):
    assert not [f for f in facts_of(text) if f.type == "Killing"]
