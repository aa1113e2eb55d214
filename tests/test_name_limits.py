"""Words that end or open no name: a verb of reporting before a person's name, a relational noun
with its pronoun after a title, an adjective after a head noun of places. Sentences written for
these tests."""

from __future__ import annotations

from reading import mentions_found as found


def test_a_verb_of_reporting_is_no_part_of_the_name_after_it():
    got = found("حذرت سارة نوفل، المديرة القطرية للمنظمة، من نقص الغذاء")
    assert got.get("سارة نوفل", ("",))[0] == "Person"
    assert not any(words.startswith("حذرت") for words in got)


def test_a_counterpart_is_no_name_after_a_title():
    got = found("استقبل وزير الدفاع التركي نظيره الأردني في أنقرة")
    assert not any("نظيره" in words for words in got)


def test_places_an_adjective_describes_are_no_place_named():
    # "مخيمات متفرقة", "مناطق هامة": camps and areas described, none named
    got = found("يسكن النازحون في مخيمات متفرقة بينما استعاد الجيش مناطق هامة قرب الحدود")
    assert not any(t == "Camp" and words != "مخيمات" for words, (t, _) in got.items())
    assert not any(t == "Region" for t, _ in got.values())
    # a camp named still is one
    assert found("عاد النازحون من مخيم الهول")["مخيم الهول"][0] == "Camp"
