"""The dead counted, then told apart after "هم" ("تسعة أشخاص قتلوا، هم ستة جنود وثلاثة مدنيين"):
the parts named are the victims, the count word names no one of its own; "بينهم" picks a part
among them and leaves the whole (athar.read.casualty.dead_told_apart). Sentences written for
these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import events_by_class


def _victims(text: str) -> set[str]:
    facts = events_by_class(text)
    told = facts.get("Killing", []) + facts.get("Attack", [])
    assert told, sorted(facts)
    return {m.key for f in told for r, m in f.roles if r == "victim"}


@pytest.mark.parametrize("text, parts", [
    pytest.param("قال مصدر في الشرطة إن سبعة أشخاص قتلوا، هم أربعة مدنيين وثلاثة من البيشمركة، في هجوم للتنظيم",
                 {"civilians", "peshmerga"}, id="after-a-comma"),
    pytest.param("أسفر الهجوم عن مقتل 11 شخصا على الأقل هم ثمانية مدنيين وثلاثة جنود في قوات البيشمركة",
                 {"civilians", "peshmerga"}, id="soldiers-of-a-named-force"),
])
def test_the_parts_told_after_they_are_the_dead(text, parts):
    assert _victims(text) == parts


def test_a_part_among_them_leaves_the_whole():
    assert "people" in _victims("قتل 12 شخصا بينهم ثلاثة مدنيين في انفجار سيارة مفخخة في السوق")
