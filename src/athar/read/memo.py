"""What the rules of one text work out once and look up again.

The events component reads every trigger of a sentence in turn (a sentence is read again
when a trigger word said nothing), and several rules ask the same question of the same
sentence or the same layer for each trigger: whether a word of the sentence ends with a cue,
which places the text puts in which. The answers depend only on the Doc's tokens and on the
layer asked about, so they are kept in the Doc (``doc.memo``) and worked out once a text.
A layer's answer is kept with the mentions it was read from (their identities), so a layer
replaced or changed in place is read again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from athar.read.text import Doc, Sentence

T = TypeVar("T")


def ends_with_cue(doc: Doc, sentence: Sentence, cues: tuple[str, ...]) -> bool:
    """Whether a word of ``sentence`` is or ends with one of ``cues`` (normalized forms)."""
    key = ("cue", sentence.index, cues)
    memo = doc.memo
    found = memo.get(key)
    if found is None:
        texts = doc.texts[sentence.first_token:sentence.last_token]
        found = memo[key] = any(w.endswith(cues) for w in texts)
    return found  # type: ignore[return-value]


def of_mentions(doc: Doc, name: str, mentions: list, work: Callable[[], T]) -> T:
    """``work()``, a question ``name`` asks of ``mentions`` (a layer of ``doc``), worked out once
    for the same mentions: the answer is kept with them (their identities, and the mentions
    themselves so that no identity is taken by another object while the Doc lives)."""
    key = (name, tuple(map(id, mentions)))
    kept = doc.memo.get(key)
    if kept is None:
        kept = doc.memo[key] = (tuple(mentions), work())
    return kept[1]  # type: ignore[index,return-value]


def of_sentence(doc: Doc, name: str, sentence: Sentence, work: Callable[[], T]) -> T:
    """``work()``, a question ``name`` asks of the tokens of ``sentence``, worked out once a
    sentence (the tokens of a Doc never change)."""
    key = (name, sentence.index)
    memo = doc.memo
    if key in memo:
        return memo[key]  # type: ignore[return-value]
    found = memo[key] = work()
    return found


def of_trigger(doc: Doc, name: str, trig, work: Callable[[], T]) -> T:
    """``work()``, a question ``name`` asks of the trigger ``trig`` alone (its words and the tokens
    around them), worked out once a trigger: the events ask it again at each re-reading of its
    sentence. Kept with the trigger itself: another trigger at the same token is asked anew."""
    key = (name, trig.first)
    kept = doc.memo.get(key)
    if kept is None or kept[0] is not trig:
        kept = doc.memo[key] = (trig, work())
    return kept[1]  # type: ignore[index,return-value]


def triggers_by_start(doc: Doc) -> dict:
    """The triggers of ``doc.triggers`` by where each starts in the original text (asked by the
    aims, the repetitions and the statements): worked out once for the same triggers; a shared
    dict, to read, not to change."""
    triggers = doc.triggers or []
    return _of_triggers(doc, "triggers_by_start", lambda: {doc.original(t.start, t.end)[0]: t for t in triggers})


def trigger_starts(doc: Doc) -> frozenset[int]:
    """The first tokens of ``doc.triggers`` (asked by the aims for each trigger): worked out once."""
    return _of_triggers(doc, "trigger_starts", lambda: frozenset(t.first for t in doc.triggers or ()))


def trigger_ends(doc: Doc) -> frozenset[int]:
    """The tokens right after the last of ``doc.triggers`` (asked by the aims for each trigger): worked out once."""
    return _of_triggers(doc, "trigger_ends", lambda: frozenset(t.last for t in doc.triggers or ()))


def _of_triggers(doc: Doc, name: str, work: Callable[[], T]) -> T:
    """``work()`` about ``doc.triggers``, kept with the list it was worked out for: the pipeline sets
    that list once, so its identity is the key (a key over every trigger, asked once a trigger,
    would cost the square of their number)."""
    triggers = doc.triggers
    kept = doc.memo.get(name)
    if kept is None or kept[0] is not triggers:
        kept = doc.memo[name] = (triggers, work())
    return kept[1]  # type: ignore[index,return-value]


def mention_starts(doc: Doc) -> dict[int, list]:
    """The mentions of ``doc.mentions`` by the token each starts at, worked out once for the same
    list (its identity and its length: mentions are only added while a text is read), so that a
    rule asking whether a name starts at a token costs a look-up, not a walk over the text's names."""
    mentions = doc.mentions or []
    key = ("mention starts", id(mentions), len(mentions))
    kept = doc.memo.get(key)
    if kept is None:
        by: dict[int, list] = {}
        for m in mentions:
            by.setdefault(m.first_token, []).append(m)
        kept = doc.memo[key] = (mentions, by)
    return kept[1]  # type: ignore[index,return-value]


def name_ends(doc: Doc) -> dict[int, int]:
    """The token each mention of ``doc.mentions`` starts at -> the last token of the longest
    starting there, worked out once for the same list (its identity and its length, as
    :func:`mention_starts`): a rule that reads a name as one word skips it in a look-up."""
    mentions = doc.mentions
    if not mentions:
        return {}
    key = ("name ends", id(mentions), len(mentions))
    kept = doc.memo.get(key)
    if kept is None:
        ends: dict[int, int] = {}
        for m in mentions:
            ends[m.first_token] = max(ends.get(m.first_token, 0), m.last_token - 1)
        kept = doc.memo[key] = (mentions, ends)
    return kept[1]  # type: ignore[index,return-value]


def money_sentences(doc: Doc, money: frozenset[str] | set[str]) -> frozenset[int]:
    """The sentences of ``doc`` that name a sum of money (an amount in one of the units ``money``),
    worked out once for the same amounts."""
    amounts = doc.amounts or []
    key = ("money sentences", id(amounts), len(amounts))
    kept = doc.memo.get(key)
    if kept is None:
        found = set()
        for a in amounts:
            first = doc.token_at(a.start)
            if a.unit in money and first is not None:
                found.add(doc.tokens[first].sentence)
        kept = doc.memo[key] = (amounts, frozenset(found))
    return kept[1]  # type: ignore[index,return-value]


def triggers_by_first(doc: Doc) -> dict:
    """The triggers of ``doc.triggers`` by their first token (asked by the purposes for each trigger):
    worked out once; a shared dict, to read, not to change."""
    return _of_triggers(doc, "triggers_by_first", lambda: {t.first: t for t in doc.triggers or ()})


def first_sayings(doc: Doc, event: str) -> dict[int, int]:
    """Each sentence -> the last token of the first trigger of ``event`` in it (a verb or noun of
    saying), over every trigger the text holds, those a reading dropped too: worked out once."""
    def work() -> dict[int, int]:
        found: dict[int, int] = {}
        for t in doc.triggers or ():
            if t.rule.event == event:
                sentence = doc.tokens[t.first].sentence
                found[sentence] = min(found.get(sentence, t.last), t.last)
        return found
    return _of_triggers(doc, "first sayings " + event, work)
