"""The doer of an operation a verb of waging names as its object: "بدأ تحالف قوات سوريا الديمقراطية،
المدعوم من واشنطن، حملة ضد التنظيم", "شاركت قوات أمريكية برية مع الجيش في عملية غرب البلاد", "نفذت
وحدات من الجيش عملية عسكرية": the operation's noun names no doer of its own, the verb's subject
(named right after it, an armed body) wages it (function_words.tsv "waging"). Asked by
:func:`athar.read.facts` for an operation whose clause names no agent: the governing verb's subject
is named by the clause's own words (events.tsv need "own:agent")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from athar.read.clause import noun_context
from athar.read.function_words import function_affixes, function_words
from athar.read.mentions import is_a

if TYPE_CHECKING:
    from athar.read.clause import EventReading, Trigger
    from athar.read.mentions import Mention

_OPERATION = "MilitaryOperation"
_REACH = 24  # the most tokens from the verb to the operation's noun (its subject may be described at length)
_SUBJECT_REACH = 3  # the subject starts this close after the verb ("بدأ تحالف (قوات سوريا الديمقراطية)")


def waged_by(reading: EventReading, trig: Trigger) -> list[Mention]:
    """The armed body named right after a verb of waging before the operation's noun, in its
    sentence, with no clause opened between them ("أن", "التي"); none when the noun of another
    event follows it ("حملة اعتقالات", "عملية إعادة نشر"), which tells what was done."""
    seg = reading.doc
    if trig.rule.event != _OPERATION or trig.rule.pos != "noun" and not noun_context(seg, trig):
        return []
    if trig.last in reading.trigger_starts:
        return []  # "شنت قسد حملة اعتقالات": the noun of another event after it is what is waged
    tokens, lang = seg.tokens, seg.language
    verbs = function_words(lang, "waging")
    openers = function_words(lang, "complementizer") | function_words(lang, "relative")
    conjunctions = function_affixes(lang, "conjunction")
    sentence = tokens[trig.first].sentence
    for j in range(trig.first - 1, max(0, trig.first - _REACH) - 1, -1):
        word = tokens[j].text
        if tokens[j].sentence != sentence or word in openers:
            return []
        if word in verbs or word[:1] in conjunctions and word[1:] in verbs:
            for m in reading.mention_spans.starting(j + 1, min(j + 1 + _SUBJECT_REACH, trig.first)):
                if not m.marker:
                    return [m] if is_a(m.type, "Armed") else []
            return []
    return []
