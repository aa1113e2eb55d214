"""A square or a roundabout is a place of its town ("ساحة النصر", "دوار الكرامة"); a facility an
event is done to lies in the town named after it, past the word that says what that town is
("وسط العاصمة بغداد"); a facility carried from the lead to a later event is where that event
is, not what its verb names. Sentences are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read import facts
from athar.read.pipeline import extract_facts, read as read_doc
from athar.read.source import parse_document


def read(text: str):
    doc = parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")
    found = extract_facts(doc)
    for f in found:
        assert doc.body[f.evidence.start:f.evidence.end] == f.evidence.text
    return found


def roles(text: str, event: str) -> set[tuple[str, str]]:
    return {(r, m.label_ar) for f in read(text) if f.type == event for r, m in f.roles}


@pytest.mark.parametrize("text, name", [
    pytest.param("انفجرت عبوة ناسفة في ساحة النصر وسط مدينة كركوك", "ساحة النصر", id="a-square"),
    pytest.param("أعدم مسلحون شاباً في دوار الكرامة بمدينة الرقة", "دوار الكرامة", id="a-roundabout"),
])
def test_a_square_or_a_roundabout_is_where_the_event_is(text, name):
    places = {m.label_ar for f in read(text) if f.type[:1].isupper() for r, m in f.roles if r == "place"}
    assert name in places, places


@pytest.mark.parametrize("text", [
    pytest.param("قتل ثلاثة جنود في ساحة المعركة", id="the-battlefield"),
    pytest.param("انسحب المقاتلون من ساحات القتال", id="the-fields-of-fighting"),
])
def test_the_field_of_battle_names_no_square(text):
    assert not any(m.type == "Facility" for f in read(text) for _, m in f.roles)


def test_a_facility_done_to_lies_in_the_capital_named_after_it():
    found = roles("استهدف انتحاري ساحة النصر وسط العاصمة بغداد", "Attack")
    assert ("target", "ساحة النصر") in found and ("place", "بغداد") in found
    assert ("place", "ساحة النصر") not in found


def test_a_facility_carried_from_elsewhere_is_not_what_a_bombing_verb_names():
    """"فجروا ساحة النصر" destroys the square; a square carried to "فجر نفسه" from an event before
    (where it was the object of "استهدف") is only where the bombing was: no Destruction."""
    doc = read_doc("فجر المسلحون ساحة النصر")
    square = next(m for m in doc.mentions if m.label_ar == "ساحة النصر")
    clause = doc.sentences[0].first_token, doc.sentences[0].last_token
    assert facts._refine("Attack", [("place", square)], doc, clause) == "Destruction"
    assert facts._refine("Attack", [("place", square)], doc, clause, {id(square)}) == "Attack"


@pytest.mark.parametrize("text", [
    pytest.param("انفجرت سيارة مفخخة قرب ساحة النصر وسط العاصمة بغداد", id="in-the-middle-of-the-capital"),
    pytest.param("تجمع المحتجون في ساحة النصر في العاصمة بغداد", id="in-the-capital"),
])
def test_a_place_lies_in_the_capital_named_after_it(text):
    found = {(f.roles[0][1].label_ar, f.roles[1][1].label_ar) for f in read(text) if f.type == "locatedIn"}
    assert ("ساحة النصر", "بغداد") in found, found
