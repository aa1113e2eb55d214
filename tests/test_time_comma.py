"""A comma after a time phrase that stands between a verb and its object does not cut the object
off ("أخرجت الإدارة منذ مطلع العام الجاري، 644 عائلة"). Sentences written for these tests in the
style of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import events_of


@pytest.mark.parametrize("text, cls, role, label", [
    pytest.param("واعتقلت قوات الأمن يوم أمس، خمسة من عناصر داعش في كركوك.", "Arrest", "target",
                 "Islamic State (ISIS / Daesh)", id="yesterday"),
    pytest.param("وأخرجت إدارة المخيم منذ بداية الشهر الجاري، 320 عائلة من مخيم الهول.", "Departure", "origin",
                 "al-Hol camp", id="since-the-start-of-the-month"),
])
def test_the_object_after_a_time_phrase_and_a_comma_is_the_verbs(text, cls, role, label):
    fact = events_of(text, cls)[0]
    assert label in [m.label_en for r, m in fact.roles if r == role], fact.roles


def test_a_comma_after_the_object_still_ends_the_clause():
    """"اعتقلت الشرطة خمسة مطلوبين يوم أمس، فيما قتل مسلحون": what follows is another clause."""
    fact = events_of("واعتقلت قوات الأمن عنصرين من داعش يوم أمس، في حين فر آخرون إلى الصحراء.", "Arrest")[0]
    assert "desert" not in " ".join(str(m.label_en) for _, m in fact.roles).lower()
