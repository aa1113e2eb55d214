"""Events told in an aside on an armed party: a verb in a relative clause right after the party's
name ("التنظيم الذي سيطر في عام 2014 على ثلث مساحة البلاد", "الجماعة التي احتلت مدناً كبرى") says what
the party did at another time and place, not what the news tells here. Such an event has the places
its own clause names (a pronoun of place in it still points back: "التنظيم الذي انسحب منها"); it takes
none from around it: not the lead's, not the last event's, not the one it would be coordinated with
(used by :mod:`athar.read.setting`).
"""

from __future__ import annotations

from athar.read.clause import EventReading, Trigger
from athar.read.function_words import function_words
from athar.read.mentions import is_a

__all__ = ["told_of_a_party"]


def told_of_a_party(reading: EventReading, trig: Trigger) -> bool:
    """Whether the trigger is a verb opening a relative clause on the armed party named right before
    its relative pronoun (see the module)."""
    seg = reading.doc
    tokens = seg.tokens
    k = trig.first - 1
    if trig.proclitic or k < 1 or tokens[k].text not in function_words(seg.language, "relative"):
        return False
    if trig.last < len(tokens) and _on_a_place(seg, tokens[trig.last].text):
        return False  # "التنظيم الذي انسحب منها": it tells of the place named before
    j = k  # 'تنظيم "داعش" الذي': a closing quote may stand between
    while j > 0 and not tokens[j - 1].is_word:
        j -= 1
    return any(m.last_token == j and is_a(m.type, "Armed") for m in reading.mention_spans.starting(max(0, j - 8), j))


def _on_a_place(seg, word: str) -> bool:
    """Whether a word is a preposition with the pronoun of a place ("منها", "فيها", "عليها";
    function_words.tsv, suffixed_preposition and place_pronoun)."""
    lang = seg.language
    return any(word.endswith(p) and word[:-len(p)] in function_words(lang, "suffixed_preposition")
               for p in function_words(lang, "place_pronoun"))
