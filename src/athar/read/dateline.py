"""The places of a dateline or a byline: where a report was filed, not where its news happened
("بغداد - أعلن الجيش العراقي ...", "أربيل – (وكالات) – وافق البرلمان ...", a first line "سامر علي -
الموصل"). No event is there for being named in it: not by its clause, not as the lead's place (used by
:mod:`athar.read.setting`).

A dateline is the words before a dash or a colon among the first words of the text, before any
event's word; a byline is a short first line with no event's word.
"""

from __future__ import annotations

from athar.read.clause import EventReading
from athar.read.mentions import is_a

__all__ = ["dateline_places"]

_MARKS = frozenset({"-", "–", "—", "ـ", ":"})  # what ends a dateline
_WORDS = 10  # a dateline is no longer than this
_BYLINE = 6  # nor a byline, on its own first line (these words and the dash between a name and a place)


def dateline_places(reading: EventReading) -> frozenset[int]:
    """The ids of the place mentions of the text's dateline or byline (see the module), worked out
    once a reading."""
    if reading.dateline is None:
        reading.dateline = _dateline(reading)
    return reading.dateline


def _dateline(reading: EventReading) -> frozenset[int]:
    seg = reading.doc
    tokens = seg.tokens
    if not tokens:
        return frozenset()
    end = None
    for j in range(min(_WORDS, len(tokens))):
        if j in reading.trigger_starts:
            break
        if tokens[j].text in _MARKS and j > 0:
            end = j
            break
    line = seg.norm.text.find("\n", tokens[0].start)
    if line != -1:  # a byline: a short first line with no event's word
        words = [j for j, t in enumerate(tokens[:_BYLINE + 2]) if t.end <= line]
        if words and len(words) <= _BYLINE + 1 and not reading.trigger_starts & set(words) and tokens[words[-1]].end <= line:
            end = max(end or 0, words[-1] + 1)
    if end is None:
        return frozenset()
    return frozenset(id(m) for m in reading.mention_spans.starting(0, end)
                     if m.last_token <= end and is_a(m.type, "Place") and m.source != "kind")
