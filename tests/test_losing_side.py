"""Who fled: a flight joined to a state's deed made on a side is that side's, not the state's.
Sentences written for these tests in the style of news Arabic (none
copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import events_of, role_labels

ISIS = "Islamic State (ISIS / Daesh)"


@pytest.mark.parametrize("text, cls", [
    pytest.param("وسيطر الجيش العراقي على قرية البو علي بعد هجوم على مواقع مسلحي داعش انتهى بمقتل العشرات منهم وفرار الباقين",
                 "Escape", id="killing-then-flight"),
    pytest.param("حررت قوات الحشد الشعبي قرية الصفا غرب الموصل حيث تم قتل عشرين من عناصر داعش وهروب قادته",
                 "Escape", id="passive-killing-then-flight"),
])
def test_who_fled_after_a_states_deed_is_the_side_it_was_done_to(text, cls):
    fact = events_of(text, cls)[0]
    assert role_labels(fact, "agent") == [ISIS]


def test_attackers_who_flee_are_still_the_attackers():
    # an armed group's own deed: the ones who did it fled
    fact = events_of("قتل مسلحو داعش جنديين من الجيش العراقي في قضاء الحويجة وفروا إلى الصحراء", "Escape")[0]
    assert role_labels(fact, "agent") == [ISIS]


def test_a_force_that_withdraws_after_striking_a_place_is_the_force():
    # a deed done to no armed side: no one else is there to have withdrawn
    fact = events_of("هاجم الجيش العراقي قرية البو علي وانسحب منها بعد ساعات", "Withdrawal")[0]
    assert role_labels(fact, "agent") == ["Iraqi Army"]


@pytest.mark.parametrize("text, cls, force", [
    pytest.param("قتل الجيش العراقي خمسة من عناصر داعش في قرية البو علي وانسحب منها بعد ساعات", "Withdrawal",
                 "Iraqi Army", id="killed-then-withdrew"),
    pytest.param("هاجمت قوات سوريا الديمقراطية مواقع داعش في البلدة وقتلت عشرين منهم ثم انسحبت إلى مواقعها",
                 "Withdrawal", "Syrian Democratic Forces (SDF)", id="killed-then-withdrew-feminine"),
])
def test_a_verb_of_flight_joined_to_the_deeds_verb_shares_its_subject(text, cls, force):
    # "وانسحب" after "قتل الجيش ... من داعش": the verb's subject is the deed's, not its victims
    fact = events_of(text, cls)[0]
    assert role_labels(fact, "agent") == [force]
