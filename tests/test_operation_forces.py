"""The forces of a named operation ("قوات حملة (X)", "قوات عملية «X»") are no force called after the
campaign's noun: they are the forces the text says wage that operation, or none. Sentences written
for these tests."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2018-05-01"
TOLD = "وكانت قوات سوريا الديمقراطية قد أطلقت حملة \"فجر الوادي\" لطرد تنظيم داعش من المنطقة."


def _agents(text: str, cls: str) -> list[list[str]]:
    return [[m.label_en for m in f.role("agent")] for f in athar.read(text, published=PUBLISHED).facts if f.type == cls]


@pytest.mark.parametrize("text", [
    pytest.param("وتمكنت قوات حملة (فجر الوادي) من السيطرة على قرية الحسينية. " + TOLD, id="brackets-operation-told-after"),
    pytest.param(TOLD + " وتمكنت قوات حملة «فجر الوادي» من السيطرة على قرية الحسينية.", id="quotes-operation-told-before"),
])
def test_the_forces_of_an_operation_are_those_that_wage_it(text):
    assert _agents(text, "Liberation")[:1] == [["Syrian Democratic Forces (SDF)"]], _agents(text, "Liberation")


def test_an_operation_no_one_is_told_to_wage_leaves_the_doer_open():
    agents = _agents("وتمكنت قوات عملية (فجر الوادي) من السيطرة على قرية الحسينية.", "Liberation")
    assert agents and not any(agents[0]), agents


@pytest.mark.parametrize("text, force", [
    pytest.param("وسيطرت قوات النخبة على قرية الحسينية.", "elite forces", id="a-force-named-by-a-word"),
])
def test_a_force_with_a_name_of_its_own_stays(text, force):
    assert force in sum(_agents(text, "Liberation") + _agents(text, "TerritorialControl"), [])
