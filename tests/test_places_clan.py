"""A village named for a clan ("قرية البو خليل") is one name, the clan word and the word after it
(function_words.tsv name_part). Every sentence here was written for these tests, in the style of
news Arabic (none is copied from a corpus)."""

from __future__ import annotations

import athar
from athar.read.language import Language
from athar.read.pipeline import extract_facts
from athar.read.source import parse_document


def _doc(text: str):
    return parse_document(f"---\npublished: 2021-03-10\n---\n{text}", "test.txt")


def test_a_village_named_for_a_clan_keeps_both_words_of_its_name():
    text = "هاجم مسلحون قرية البو حمدان جنوب سامراء فجر اليوم"
    attack = next(f for f in extract_facts(_doc(text)) if f.type == "Attack")
    assert {m.label_ar for m in attack.role("place")} == {"البو حمدان"}


def test_the_english_label_of_the_village_spells_the_clan_word():
    doc = athar.read(_doc("اعتقلت القوات مطلوبين في قرية البو حمدان"), lang=Language())
    assert "Al-Bu Hamdan" in {m.label_en for m in doc.mentions}
