"""A sentence read again: a trigger word that said nothing is taken out and the sentence is read
again without it (athar.read.facts). The reading thrown away leaves nothing behind: what is read
is what a first reading of the words kept gives (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

import athar
from athar.read import facts
from athar.read.argument import inferred_keys
from athar.read.clause import EventReading
from athar.read.facts import _read_all
from athar.read.source import read_document
from athar.read.window import index_clauses

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"

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


# each sentence has a word that says nothing (a care or a sponsorship with no one to give it) before
# events that say something: the first reading stops at that word, the readings after it would be
# thrown away
STOPPED = [
    pytest.param("وناقش الاجتماع الرعاية الصحية في المدينة، ثم اقتحمت قوات الجيش حي الزهور وقتلت خمسة من "
                 "عناصر التنظيم.", 5, id="care-after-meeting-before-storming"),
    pytest.param("ودعت المنظمة إلى تقديم الرعاية الطبية للجرحى، بعدما هاجم مسلحون من داعش قرية الحمرا وقتلوا "
                 "ثلاثة مدنيين.", 3, id="care-before-attack"),
]


def _counted(monkeypatch, text: str, *, whole_first: bool):
    """The readings of ``text`` and how many trigger readings made them; ``whole_first``: every
    word of a sentence read the first time, as before the first reading stopped."""
    real_event, real_triggers = facts._read_event, facts._read_triggers
    calls = []
    monkeypatch.setattr(facts, "_read_event", lambda reading, k: calls.append(k) or real_event(reading, k))
    if whole_first:
        monkeypatch.setattr(facts, "_read_triggers",
                            lambda reading, k, end, until_useless=False: real_triggers(reading, k, end))
    found = _read(_reading(text)[2])
    monkeypatch.undo()
    return found, len(calls)


@pytest.mark.parametrize(("text", "readings"), STOPPED)
def test_the_first_reading_stops_at_a_word_that_says_nothing(monkeypatch, text, readings):
    stopped, made = _counted(monkeypatch, text, whole_first=False)
    whole, made_whole = _counted(monkeypatch, text, whole_first=True)
    assert stopped == whole
    # each sentence is read by the pipeline and again by _reading: the words after the one that
    # says nothing are read once less each time
    assert made == 2 * readings < made_whole


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_stopping_the_first_reading_changes_no_fact(monkeypatch, path):
    doc = read_document(path)
    stopped = athar.read(doc).facts
    real_triggers = facts._read_triggers
    monkeypatch.setattr(facts, "_read_triggers", lambda reading, k, end, until_useless=False: real_triggers(reading, k, end))
    assert athar.read(doc).facts == stopped
