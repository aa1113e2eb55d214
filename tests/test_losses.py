"""Losses inflicted on an armed party or suffered by it (كبّد، تكبيد، تكبّد خسائر) tell its fighters
killed, as the genre says it; a company's or a team's losses tell nothing. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.reading import events_by_class, events_of, role_labels


def test_losses_inflicted_name_who_inflicted_and_who_suffered():
    (killing,) = events_of("كبدت قوات البيشمركة تنظيم داعش خسائر فادحة قرب مخمور", "Killing")
    assert role_labels(killing, "agent") and "Islamic State (ISIS / Daesh)" in role_labels(killing, "victim")


@pytest.mark.parametrize("text", [
    pytest.param("استعاد الجيش البلدة بعد تكبيد داعش خسائر كبيرة", id="the-masdar"),
    pytest.param("وتكبد مسلحو التنظيم خسائر بشرية في محيط الحويجة", id="suffered"),
])
def test_losses_of_an_armed_party_are_a_killing(text):
    (killing,) = events_of(text, "Killing")
    assert "Islamic State (ISIS / Daesh)" in role_labels(killing, "victim"), killing.roles


@pytest.mark.parametrize("text", [
    pytest.param("تكبدت الشركة خسائر مالية كبيرة هذا العام في البصرة", id="a-company"),
    pytest.param("تكبد المنتخب العراقي خسارة قاسية أمام إيران في الدوحة", id="a-team"),
    pytest.param("يتكبد المزارعون خسائر كبيرة بسبب الجفاف في نينوى", id="farmers"),
])
def test_losses_of_others_tell_no_killing(text):
    assert "Killing" not in events_by_class(text)
