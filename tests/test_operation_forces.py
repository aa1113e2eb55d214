"""The forces of a named operation ("قوات حملة (X)", "قوات عملية «X»") are no force called after the
campaign's noun: they are the forces the text says wage that operation, or, when it says none,
the forces of the operation by that name. Sentences written for these tests."""

from __future__ import annotations

import pytest

from reading import events_of, role_labels

PUBLISHED = "2018-05-01"
TOLD = "وكانت قوات سوريا الديمقراطية قد أطلقت حملة \"فجر الوادي\" لطرد تنظيم داعش من المنطقة."


@pytest.mark.parametrize("text", [
    pytest.param("وتمكنت قوات حملة (فجر الوادي) من السيطرة على قرية الحسينية. " + TOLD, id="brackets-operation-told-after"),
    pytest.param(TOLD + " وتمكنت قوات حملة «فجر الوادي» من السيطرة على قرية الحسينية.", id="quotes-operation-told-before"),
])
def test_the_forces_of_an_operation_are_those_that_wage_it(text):
    assert role_labels(events_of(text, "Liberation", PUBLISHED)[0], "agent") == ["Syrian Democratic Forces (SDF)"]


@pytest.mark.parametrize("text, cls, force", [  # a force waging a military operation takes ground: a Liberation
    pytest.param("وتمكنت قوات عملية (فجر الوادي) من السيطرة على قرية الحسينية.", "Liberation",
                 "قوات عملية فجر الوادي", id="forces-of-an-operation"),
    pytest.param("وتمكنت فصائل عملية «فجر الوادي» من السيطرة على قرية الحسينية.", "Liberation",
                 "فصائل عملية فجر الوادي", id="factions-of-an-operation"),
])
def test_an_operation_no_one_is_told_to_wage_is_waged_by_its_forces(text, cls, force):
    # no doer told under the operation's name: the forces called after it are the only name the
    # text gives those who wage it (and the operation's name is no place: "الفرات" is no river here)
    (first, *_) = events_of(text, cls, PUBLISHED)
    assert [m.label_ar for r, m in first.roles if r == "agent"] == [force]
    assert not [m for r, m in first.roles if r == "place" and m.label_ar != "الحسينية"]


@pytest.mark.parametrize("text, force", [
    pytest.param("وسيطرت قوات النخبة على قرية الحسينية.", "elite forces", id="a-force-named-by-a-word"),
])
def test_a_force_with_a_name_of_its_own_stays(text, force):
    assert force in role_labels(events_of(text, "Liberation", PUBLISHED)[0], "agent")
