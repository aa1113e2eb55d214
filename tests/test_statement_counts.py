"""A statement counts nothing (events.tsv amounts "none"): the figure it reports is the count
of the event it tells, which keeps it."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-16"


@pytest.mark.parametrize("text, count", [
    ("أعربت منظمة الصحة العالمية عن قلقها حيال نحو 30 ألف مدني لا يزالون عالقين في مدينة الرقة.", 30000),
    ("وقالت اليونيسف في بيان صحفي إنه لا يزال حوالي 12 ألف طفل عالقين في مدينة الموصل.", 12000),
])
def test_the_count_a_statement_reports_is_the_count_of_what_it_tells(text, count):
    facts = athar.read(text, published=PUBLISHED).facts
    assert all(f.amount is None for f in facts if f.type == "Statement")
    assert [f.amount.value for f in facts if f.type == "Population"] == [count]
