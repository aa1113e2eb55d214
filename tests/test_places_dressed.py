"""A place whose name is dressed by words before it, a hashtag sign or a word saying what the place
is with the adjectives of whose it is, is governed by what governs those words (athar.read.placeword,
read by athar.read.clause). Every sentence here was written for these tests, in the style of news
Arabic (none is copied from a corpus)."""

from __future__ import annotations

from athar.read.pipeline import extract_facts
from athar.read.source import parse_document


def places(text: str, event: str) -> set[str]:
    doc = parse_document(f"---\npublished: 2021-03-10\n---\n{text}", "test.txt")
    found = [f for f in extract_facts(doc) if f.type == event]
    assert found, f"no {event} in: {text}"
    return {m.label_ar for m in found[0].role("place")}


def test_a_killing_in_the_capital_named_after_its_title_is_in_that_city():
    assert places("قتل أربعة مدنيين أمس في العاصمة دمشق", "Killing") == {"دمشق"}


def test_the_adjectives_of_whose_capital_it_is_are_passed_too():
    assert places("قتل ثلاثة رعاة أمس في العاصمة العراقية بغداد", "Killing") == {"بغداد"}


def test_a_place_written_as_a_hashtag_is_where_the_battle_is():
    assert places("تخوض الفصائل معارك عنيفة ضد تنظيم #داعش في #منبج منذ أسبوعين", "Battle") == {"منبج"}
