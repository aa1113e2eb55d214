"""The place a pronoun points to is the one the news is about, not the wider place named a few
words after it to say where it lies (athar.read.placement.holding). Every sentence here was written
for these tests, in the style of news Arabic (none is copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import facts_of


def test_a_pronoun_after_a_city_and_the_country_it_lies_in_points_to_the_city():
    text = "احتفل الأهالي بذكرى دخول القوات مدينة الرمادي، كبرى مدن الأنبار غربي العراق، وتحريرها من التنظيم"
    places = {m.label_ar for f in facts_of(text) if f.type == "Liberation" for m in f.role("place")}
    assert places == {"الرمادي"}


def test_a_wider_place_named_in_another_sentence_can_still_be_what_the_pronoun_means():
    # Mosul lies in Iraq, but Iraq opens its own sentence: "أراضيه" are Iraq's
    text = "انفجرت عبوة ناسفة في مدينة الموصل أمس. وأعلن العراق عام 2017 النصر باستعادة كامل أراضيه"
    places = {m.label_ar for f in facts_of(text) if f.type == "Liberation" for m in f.role("place")}
    assert places == {"العراق"}


@pytest.mark.parametrize("text, cls, place", [
    pytest.param("قال نازحون خرجوا من بلدة الباغوز إن المسلحين ما زالوا يحتجزون عشرات المدنيين هناك، بحسب شهود",
                 "Arrest", "الباغوز", id="there-before-a-comma"),
    pytest.param("وصلت القوات إلى مدينة الرقة. وقال قائد ميداني إن التنظيم ما زال يحتجز عشرات المدنيين هناك",
                 "Arrest", "الرقة", id="there-at-the-end-of-a-sentence"),
])
def test_an_adverb_of_place_that_ends_a_clause_points_to_the_place_before(text, cls, place):
    places = {m.label_ar for f in facts_of(text) if f.type == cls for m in f.role("place")}
    assert places == {place}


def test_there_before_a_noun_says_that_something_is_and_points_to_no_place():
    text = "زار الوفد مدينة الرقة أمس. وما زال التنظيم يحتجز عشرات المدنيين رغم أن هناك دعوات دولية للإفراج عنهم"
    places = {m.label_ar for f in facts_of(text) if f.type == "Arrest" for m in f.role("place")}
    assert "الرقة" not in places
