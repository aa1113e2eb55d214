"""Who did it and to whom: the agent, target, victim, origin and sides of an event, read from
sentences written for these tests in the style of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-10"


def _events(text: str, cls: str):
    facts = [f for f in athar.read(text, published=PUBLISHED).facts if not f.relation]
    found = [f for f in facts if f.type == cls]
    assert found, [(f.type, f.trigger) for f in facts]
    return found


def _role(fact, role):
    return sorted(m.label_en or m.label_ar for r, m in fact.roles if r == role)


def test_from_before_a_liberation_names_no_origin():
    # the militia backs the army; ISIS is the one driven out ("من" after the trigger)
    fact = _events("تمكن الجيش العراقي مدعوما بمقاتلين من الحشد الشعبي من تحرير بلدة بيجي من تنظيم داعش",
                   "Liberation")[0]
    assert _role(fact, "origin") == ["Islamic State (ISIS / Daesh)"]
    assert "Popular Mobilization Forces" not in _role(fact, "origin")
