"""The place "في" puts right after a speaker: "أعلنت وزارة الدفاع في العراق أن ...", "قال مصدر أمني في
محافظة نينوى", "أعلن الحشد الشعبي في العراق". It says who speaks (the body of that country, the source
of that province), not where the news told happened: no event takes it from the statement, from the
lead, or from the phrase that opens a sentence (used by :mod:`athar.read.setting`).
"""

from __future__ import annotations

from athar.read.clause import EventReading, Trigger
from athar.read.function_words import function_word
from athar.read.informant import speaker_table, unjoined_word
from athar.read.memo import triggers_by_first
from athar.read.mentions import Mention, is_a

__all__ = ["speakers_place"]


def speakers_place(reading: EventReading, m: Mention, told: Trigger | None = None) -> bool:
    """"أعلنت وزارة الدفاع في العراق أن ...", "قال مصدر أمني في محافظة نينوى": the place "في" puts
    right after the speaker a verb of saying or announcing names says who speaks (the body of that
    country, the source of that province), not where the news it tells happened: no event is there
    for it but the statement (``told``, when asked of its places)."""
    seg = reading.doc
    tokens = seg.tokens
    if m.marker or m.first_token < 3 or tokens[m.first_token - 1].text != function_word(seg.language, "locative"):
        return False
    end = m.first_token - 1
    if told is not None and told.rule.event == "Statement" \
            and any(r == "agent" and a.last_token == end for r, a in told.roles):
        return True  # the speaker the statement's own roles read
    for a in reading.mention_spans.starting(max(0, end - _NAME_WORDS), end):
        if a.last_token != end or is_a(a.type, "Place") or a.first_token < 1:
            continue
        verb = tokens[a.first_token - 1].text
        said = triggers_by_first(seg).get(a.first_token - 1)
        if said is not None and said.rule.event == "Statement" \
                or speaker_table(seg.language).get(unjoined_word(seg.language, verb)) == _ANNOUNCE:
            return True
    return False


_NAME_WORDS = 8  # the longest name of a speaker between its verb and "في"
_ANNOUNCE = "announce"  # speakers.tsv's kind of the verbs an armed party announces by ("أعلن")
