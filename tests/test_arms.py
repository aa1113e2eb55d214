"""A state's arms named again by their noun alone ("سلاح الجو", "القوة الجوية") after the text named
them with the country's adjective: the same state's forces, read from sentences written for these tests."""

from __future__ import annotations

import pytest

from reading import events_of, role_labels


@pytest.mark.parametrize("text, agent", [
    pytest.param("أغار سلاح الجو السوري على مواقع التنظيم قرب السخنة. وقصف سلاح الجو بعد ذلك مواقع "
                 "في بادية حمص", "Syrian Arab Army", id="air-arm"),
    pytest.param("شنت القوة الجوية العراقية غارات على أوكار داعش في صحراء الأنبار. وقال بيان إن القوة الجوية "
                 "قصفت مخبأ للتنظيم قرب القائم", "Iraqi Army", id="air-force"),
])
def test_arms_named_again_by_their_noun_are_the_state_named_before(text, agent):
    second = events_of(text, "Attack")[-1]
    assert role_labels(second, "agent") == [agent]


def test_arms_by_their_noun_with_no_state_named_before_are_no_one():
    # nothing named the air force's country: no one is guessed
    fact = events_of("وقصف سلاح الجو مواقع للمسلحين قرب البلدة", "Attack")[0]
    assert role_labels(fact, "agent") == []
