"""The forces of a named operation ("قوات حملة (X)", "قوات عملية «X»") are no force called after the
campaign's noun: they are the forces the text says wage that operation, or none. Sentences written
for these tests."""

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


def test_an_operation_no_one_is_told_to_wage_leaves_the_doer_open():
    (first, *_) = events_of("وتمكنت قوات عملية (فجر الوادي) من السيطرة على قرية الحسينية.", "Liberation", PUBLISHED)
    assert role_labels(first, "agent") == []


@pytest.mark.parametrize("text, force", [
    pytest.param("وسيطرت قوات النخبة على قرية الحسينية.", "elite forces", id="a-force-named-by-a-word"),
])
def test_a_force_with_a_name_of_its_own_stays(text, force):
    assert force in role_labels(events_of(text, "Liberation", PUBLISHED)[0], "agent")
