"""Names athar has never seen: places and facilities after cue words, their romanized labels
(the scheme of romanization.tsv), and the relations news states about people and units.
Sentences are written for these tests in the style of news Arabic (none is copied from the
corpus)."""

from __future__ import annotations

import pytest
from rdflib import Literal

import athar
from athar.graph.rdf import build_graph, entity_iri
from athar.graph.terms import ATHAR
from athar.read.language import arabic
from athar.read.mentions import extract_mentions
from athar.read.pipeline import extract_facts
from athar.read.romanization import romanize
from athar.read.source import parse_document


def _doc(text: str):
    return parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")


def facts_of(text: str):
    doc = _doc(text)
    found = extract_facts(doc)
    for f in found:
        assert doc.body[f.evidence.start:f.evidence.end] == f.evidence.text
    return found


def relations(text: str, kind: str) -> set[tuple[str, str]]:
    return {(f.roles[0][1].label_ar, f.roles[1][1].label_ar) for f in facts_of(text) if f.type == kind}


def mention(text: str, words: str):
    seg = arabic().make_doc(text)
    for m in extract_mentions(seg):
        start, end = seg.norm.to_original(m.start, m.end)
        if words in text[start:end]:
            return m
    raise AssertionError(f"no mention holds {words!r}: {[m.label_ar for m in extract_mentions(seg)]}")


# -- the romanization scheme ------------------------------------------------------------------

@pytest.mark.parametrize("arabic_name, latin", [
    pytest.param("حجر صغير", "Hajar Saghir", id="guessed-vowels"),
    pytest.param("السبخة", "Al-Sabkha", id="article-and-ta-marbuta"),
    pytest.param("قلعة جعبر", "Qal'at Ja'bar", id="construct-at"),
    pytest.param("أبو علي", "Abu Ali", id="final-waw-and-initial-ain"),
    pytest.param("تل الصفا", "Tal al-Safa", id="article-inside"),
    pytest.param("الطيانة", "Al-Tayana", id="ya-before-alef-is-y"),
    pytest.param("وادي الذيب", "Wadi al-Dhib", id="final-ya-is-i"),
    pytest.param("الـقُرَيّة", "Al-Qarya", id="marks-and-tatweel-dropped"),
])
def test_romanization_scheme(arabic_name, latin):
    assert romanize(arabic(), arabic_name) == (latin, True)


@pytest.mark.parametrize("name", [
    pytest.param("K2 الشرقية", id="latin-letters"),
    pytest.param("النقطة 17", id="digits"),
])
def test_a_name_the_scheme_cannot_spell_stays_arabic(name):
    assert romanize(arabic(), name) == (name, False)


@pytest.mark.parametrize("text, words, label", [
    pytest.param("قصفت الطائرات قرية السبخة صباح اليوم", "السبخة", "Al-Sabkha", id="village"),
    pytest.param("نقل الجرحى إلى مستشفى الرحمة في المدينة", "الرحمة", "Al-Rahma Hospital", id="hospital"),
])
def test_an_unknown_name_gets_a_guessed_label(text, words, label):
    m = mention(text, words)
    assert m.label_en == label and m.label_guessed


def test_a_known_name_is_no_guess():
    assert not mention("دخلت القوات مدينة الرقة", "الرقة").label_guessed


def test_the_graph_says_which_label_is_a_guess():
    doc = _doc("قصفت الطائرات قرية الحويش في ريف الرقة")
    read = athar.read(doc)
    g = build_graph(doc, list(read.facts), read.mentions)
    guessed = [m for m in read.mentions if m.label_guessed]
    assert guessed
    for m in read.mentions:
        flag = (entity_iri(doc, m), ATHAR.labelIsGuess, Literal(True)) in g
        assert flag == m.label_guessed
