"""The subject of a verb of saying told in the pluperfect: "وكانت “قسد” قد أعلنت", "وكان مصدر محلي
في المحافظة أفاد، اليوم، بأن", "كانت قوات سوريا الديمقراطية، وهي تحالف تدعمه واشنطن، قد أعلنت أنها".
"كان" opens the clause and its subject follows it at once, whatever stands between the subject and
the verb (quotation marks, an aside between commas, where the speaker is): the verb says who spoke,
and a statement told before it does not go on. Used by :mod:`athar.read.statement` when it settles
who makes a statement."""

from __future__ import annotations

from bisect import bisect_left

from athar.read.clause import Trigger, coordinated
from athar.read.function_words import function_words
from athar.read.informant import UNNAMED, pluperfect_words, unjoined_word, unnamed_source
from athar.read.mentions import Mention, is_a
from athar.read.text import Doc
from athar.read.utterance import STATEMENT, what_was_said

_REACH = 20  # the most tokens from "كان" to its verb ("كانت قسد، وهي تحالف ... المتحدة، قد أعلنت")


def pluperfect_subject(doc: Doc, trig: Trigger, said: int, mentions: list[Mention]) -> list[Mention]:
    """The body or the source named right after the "كان" of ``trig``'s clause, with the bodies "و"
    joins to it ("وكانت قسد والمجلس العسكري أعلنا"), when no other event's word nor a reported
    clause stands between it and the verb; [] for a verb told otherwise, or a subject that is a
    person (read.statement.subject_before) or no speaker."""
    tokens, lang = doc.tokens, doc.language
    if trig.rule.pos != "verb" or trig.proclitic:
        return []
    first = doc.sentences[tokens[trig.first].sentence].first_token
    pluperfect, openers = pluperfect_words(lang), function_words(lang, "complementizer")
    start = None
    for j in range(trig.first - 1, max(first, trig.first - _REACH) - 1, -1):
        word = unjoined_word(lang, tokens[j].text)
        if word in openers or tokens[j].text in openers:
            return []  # "يذكر أن X كان قد صرح": the subject stands before "كان"
        if word not in pluperfect:
            continue
        s = j + 1
        while s < trig.first and not tokens[s].is_word:
            s += 1  # "وكانت “قسد”": the name in quotation marks
        if s < trig.first and unjoined_word(lang, tokens[s].text) not in pluperfect:
            start = s
            break
    if start is None or _event_between(doc, start, trig.first):
        return []
    at = next((k for k, m in enumerate(mentions) if m.first_token == start), None)
    if at is None:
        source = unnamed_source(doc, start, said, mentions, kinds=(UNNAMED,))
        return [source] if source is not None else []
    if any(m.type == "Person" and start <= m.first_token < trig.first for m in mentions):
        return []  # "وكان وزير الدفاع العراقي، X، أعلن": the person speaks (subject_before)
    named = [mentions[at]]
    for m in mentions[at + 1:]:
        if m.last_token > trig.first or not coordinated(doc, named[-1], m):
            break
        named.append(m)
    if any(m.marker or m.last_token > trig.first or not (m.type == "Country" or is_a(m.type, "Organization"))
           for m in named):
        return []
    return named


def _event_between(doc: Doc, lo: int, hi: int) -> bool:
    """Whether the word of another event starts between tokens ``lo`` and ``hi``."""
    triggers = doc.triggers or []
    at = bisect_left(triggers, lo, key=lambda t: t.first)
    return at < len(triggers) and triggers[at].first < hi


def pluperfect_speaker(reading, trig: Trigger) -> list[Mention]:
    """The speaker of a statement told in the pluperfect (:func:`pluperfect_subject`), for the events
    component while it reads the statement's roles, when the words said open after the verb: what
    the speaker says it did is its deed ("وكانت “قسد” قد أعلنت أنها فرضت سيطرتها")."""
    if trig.rule.event != STATEMENT:
        return []
    doc = reading.doc
    sentence = doc.sentences[doc.tokens[trig.first].sentence]
    said = what_was_said(doc, trig, sentence.last_token)
    if said == sentence.last_token:
        return []  # "وكانت “قسد” والمجلس أعلنا سيطرتهما": the masdar's own clause reads its doers
    return pluperfect_subject(doc, trig, said, reading.mention_spans.starting(sentence.first_token, trig.first))
