"""A sentence read again: a trigger word that said nothing is taken out and the sentence is read
again without it (athar.read.facts). The reading thrown away leaves nothing behind: what is read
is what a first reading of the words kept gives (sentences written for these tests)."""

from __future__ import annotations

import pytest

import athar
from athar.read.argument import inferred_keys
from athar.read.clause import EventReading
from athar.read.facts import _read_all
from athar.read.window import index_clauses

# each sentence has a trigger word that says nothing before a kept event whose clause, once that
# word is gone, reaches back to a place the first reading had marked as framing it from outside
SENTENCES = [
    pytest.param("رغم التحذيرات التي أصدرها المجلس المحلي في منبج وتنبيه الأهالي بعدم الدخول إلى تلك "
                 "الأحياء دون علم الفرق المختصة بنزع الألغام.", "Demining", "منبج", id="entering-before-demining"),
    pytest.param("وتعد الباغوز الواقعة في محافظة دير الزور آخر بلدة كانت توجد فيها إدارة للتنظيم، لكن ما "
                 "تزال هناك جيوب أخرى فر إليها عناصر التنظيم.", "Escape", "محافظة دير الزور", id="presence-before-escape"),
]


def _reading(text: str, keep=None):
    doc = athar.read(text, published="2020-11-16")
    triggers = [t for t in doc.triggers if keep is None or t.first in keep]
    reading = EventReading(doc, doc.mentions, doc.dates, doc.amounts, triggers, index_clauses(doc))
    return doc, reading, _read_all(reading)


def _read(found) -> list:
    return [(r.type, r.kept, [(n, m.key) for n, m in r.fact.roles], r.fact.evidence.text) if r.kept else (r.type, False)
            for r in found]


@pytest.mark.parametrize(("text", "event", "place"), SENTENCES)
def test_a_reading_thrown_away_leaves_nothing_behind(text, event, place):
    doc, reading, found = _reading(text)
    kept = {t.first for t in reading.triggers}
    assert len(kept) < len(doc.triggers), "the sentence is read again"
    first = _read(found)
    _, _, again = _reading(text, kept)
    assert first == _read(again)
    # the forgotten word's guesses are forgotten too
    assert all(not inferred_keys(doc, t.first) for t in doc.triggers if t.first not in kept)


@pytest.mark.parametrize(("text", "event", "place"), SENTENCES)
def test_the_place_the_clause_reaches_is_evidence(text, event, place):
    facts = [f for f in athar.read(text, published="2020-11-16").facts if f.type == event]
    assert facts and place in facts[0].evidence.text
