"""A count that reaches a figure ("ارتفع عدد X الذين قتلوا ... إلى 159"): the figure is the count of the
event right after the word of counting (markers.tsv, tally), not of an event named on the way to it.
Sentences written for the rule."""

from __future__ import annotations

import pytest

from reading import events_of


@pytest.mark.parametrize("text, cls, value", [
    pytest.param("وعثرت الفرق على جثث ستة عناصر، ليرتفع عدد المسلحين الذين قتلوا خلال أسبوع من المعارك مع الجيش السوري في ريف حلب إلى 73.",
                 "Killing", 73, id="killed-past-the-battles"),
    pytest.param("وارتفع عدد الجنود الذين قتلوا في الاشتباكات مع التنظيم في البادية إلى 41 جنديا.",
                 "Killing", 41, id="killed-past-the-clashes"),
    pytest.param("كما ارتفع عدد قتلى الفصائل الذين سقطوا في المعارك ذاتها إلى 18 قتيلا.",
                 "Killing", 18, id="count-of-the-dead"),
])
def test_the_figure_counts_the_event_after_the_count(text, cls, value):
    counted = [f for f in events_of(text, cls) if f.amount is not None]
    assert value in [f.amount.value for f in counted], [(f.trigger, f.amount) for f in counted]


@pytest.mark.parametrize("text, cls", [
    pytest.param("وعثرت الفرق على جثث ستة عناصر، ليرتفع عدد المسلحين الذين قتلوا خلال أسبوع من المعارك مع الجيش السوري في ريف حلب إلى 73.",
                 "Battle",
                 id="not-the-battle's"),
    pytest.param("وارتفع عدد الجنود الذين قتلوا في الاشتباكات مع التنظيم في البادية إلى 41 جنديا.", "Battle",
                 id="not-the-clashes'"),
])
def test_no_event_named_on_the_way_takes_it(text, cls):
    assert all(f.amount is None for f in events_of(text, cls))


def test_a_figure_put_before_the_count_is_not_one_after_it():
    """"ارتفع إلى ... عدد المخطوفين ... من 9 قرى": the villages are where they were taken from."""
    text = 'وقال المرصد إنه "ارتفع إلى ما لا يقل عن 150 عدد المدنيين الذين اختطفهم تنظيم داعش خلال يومين من 9 قرى" في الحسكة.'
    found = events_of(text, "Abduction")
    assert [f.amount.value for f in found if f.amount] == [150]


def test_a_figure_with_its_own_event_noun_counts_that_event():
    """"ارتفع عدد القتلى ... إلى 30 قتيلا وأكثر من 40 جريحا": the dead are 30, not the wounded."""
    text = "وقالت المصادر إن عدد القتلى والجرحى في التفجير الانتحاري ارتفع إلى 30 قتيلا وأكثر من 40 جريحا."
    assert [f.amount.value for f in events_of(text, "Killing") if f.amount] == [30]
