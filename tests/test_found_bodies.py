"""Killings told by the bodies found ("عثر على جثة"): the dead are named right after the word for the
body, its genitive ("عثر على جثة الشاب X"); whoever recovers bodies is no party to the killing.
Sentences written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import events_by_class, role_labels


def _victims(text: str) -> list[str]:
    killings = events_by_class(text).get("Killing", [])
    assert killings, text
    return sorted(m.label_ar for r, m in killings[0].roles if r == "victim")


@pytest.mark.parametrize("text, victim", [
    pytest.param("وعثر على جثة الشاب سامر خليل البالغ من العمر 30 عاما قرب منزله في مخيم الهول", "سامر خليل",
                 id="verb-a-named-young-man"),
    pytest.param("وعثرت على جثة لاجئ سوري آخر قرب الخيام في مخيم الهول", "اللاجئين", id="verb-someone-described"),
])
def test_the_dead_named_after_the_body_are_the_victims(text, victim):
    assert victim in _victims(text)


def test_who_recovers_the_bodies_is_no_victim():
    killings = events_by_class("انتشلت فرق الدفاع المدني جثث خمسة أشخاص من تحت الأنقاض").get("Killing", [])
    assert not any("الدفاع المدني" in v or "Civil Defence" in v for f in killings for v in role_labels(f, "victim"))
