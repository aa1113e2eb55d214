"""Who killed the dead news ties to an attack told before: "على إثر ذلك", "جراء ذلك", "في الهجوم",
"بالتفجير" (casualty.dead_of_an_attack, causes.tsv; sentences written for these tests, none
copied from a corpus)."""

from __future__ import annotations

import pytest

from tests.reading import events_of, role_labels

ISIS = "Islamic State (ISIS / Daesh)"
ATTACK = "هاجم مسلحو تنظيم داعش بلدة الزهيرات شمال بعقوبة فجر اليوم. "


@pytest.mark.parametrize("sentence", [
    pytest.param("وقتل على إثر ذلك سبعة أشخاص", id="in-the-wake-of-that"),
    pytest.param("وقتل جراء ذلك سبعة أشخاص", id="because-of-that"),
    pytest.param("وقتل نتيجة ذلك سبعة أشخاص", id="as-a-result-of-that"),
    # (a killing told in the attack's clause, "قتل سبعة أشخاص في الهجوم", is read as its victims)
    pytest.param("وارتفع عدد القتلى في الهجوم إلى سبعة قتلى", id="the-toll-of-the-attack"),
    pytest.param("وارتفع عدد القتلى بالهجوم إلى سبعة قتلى", id="the-toll-by-the-attack"),
    pytest.param("وارتفع عدد القتلى جراء التفجير إلى سبعة قتلى", id="the-toll-of-the-blast"),
])
def test_the_dead_tied_to_an_attack_told_before_were_killed_by_its_doer(sentence):
    fact = events_of(ATTACK + sentence, "Killing")[0]
    assert role_labels(fact, "agent") == [ISIS]


@pytest.mark.parametrize("sentence", [
    pytest.param("وقتل في ذلك اليوم سبعة أشخاص في حادث سير", id="that-day-is-a-time"),
    pytest.param("وقتل سبعة أشخاص في مدينة الموصل", id="no-word-of-cause"),
])
def test_the_dead_not_tied_to_the_attack_have_no_doer_from_it(sentence):
    fact = events_of(ATTACK + sentence, "Killing")[0]
    assert role_labels(fact, "agent") == []


def test_that_points_back_one_sentence_at_most():
    text = ATTACK + "وأعلنت الحكومة حالة الطوارئ. ووصل وفد إلى المدينة. وقتل على إثر ذلك سبعة أشخاص"
    fact = events_of(text, "Killing")[0]
    assert role_labels(fact, "agent") == []
