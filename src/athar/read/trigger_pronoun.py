"""The pronoun a trigger carries: a masdar's possessive ("انسحابه": his withdrawal, whose doer it
names) and a verb's object ("دمّره": destroyed it). Read by the roles of
:mod:`athar.read.argument`, the aims of :mod:`athar.read.aim` and the repetitions of
:mod:`athar.read.repetition`."""

from __future__ import annotations

from athar.read.clause import Trigger, noun_context
from athar.read.function_words import function_affixes
from athar.read.memo import of_trigger
from athar.read.rules import trigger_forms
from athar.read.text import ARTICLE, HARAKAT, TA_MARBUTA, Doc, normalize_word

# normalization writes ة as ه, the pronoun suffix "ه"
_MARBUTA_NORMALIZED = normalize_word(TA_MARBUTA)


def pronoun_suffix(seg: Doc, trig: Trigger) -> bool:
    """Whether a masdar trigger carries a possessive pronoun on its last word ("انسحابه": his
    withdrawal, "إعادة تأهيلها": its rehabilitation); on a verb the pronoun is the object
    ("هجوم شنه مسلحون"), not the actor (worked out once a trigger: athar.read.memo.of_trigger)."""
    if trig.gaps or trig.rule.pos != "noun" and not noun_context(seg, trig):
        return False
    return of_trigger(seg, "pronoun suffix", trig, lambda: _pronoun_suffix(seg, trig))


def _pronoun_suffix(seg: Doc, trig: Trigger) -> bool:
    words = [t.text for t in seg.tokens[trig.first:trig.last]]
    words[0] = words[0].removeprefix(trig.proclitic)
    forms = trigger_forms(seg.language)
    last = seg.tokens[trig.last - 1]
    # normalization writes ة as ه: "استعادة" (or "استعادةٍ") ends in no pronoun
    start, end = seg.norm.to_original(last.start, last.end)
    marbuta = seg.norm.original[start:end].rstrip(HARAKAT).endswith(TA_MARBUTA)
    for p in function_affixes(seg.language, "pronoun_suffix"):
        if p == _MARBUTA_NORMALIZED and marbuta:
            continue
        if words[-1].endswith(p) and len(words[-1]) > len(p) + 1:
            phrase = " ".join(words[:-1] + [words[-1][: -len(p)]])
            if phrase in forms or phrase.removeprefix(ARTICLE) in forms:
                return True
    return False


def object_pronoun(seg: Doc, trig: Trigger) -> bool:
    """Whether a verb trigger carries an object pronoun ("دمّره", "رممتها")."""
    if trig.last - trig.first != 1 or trig.rule.pos != "verb" or noun_context(seg, trig):
        return False
    word = seg.tokens[trig.first].text.removeprefix(trig.proclitic)
    return any(word.endswith(p) and word[: -len(p)] in trigger_forms(seg.language)
               for p in function_affixes(seg.language, "pronoun_suffix"))
