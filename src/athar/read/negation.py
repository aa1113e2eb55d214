"""How far a negation reaches: the event named after the word it denies.

A word of negation (modality.tsv: "لم", "لا", "عدم", "دون") denies the first thing said after it.
When that is another word, and the event is a noun with the article brought in after it by a
preposition, the event is one the text takes as known, not one it denies: "لم يستطع التحالف
المشاركة في المعركة" denies the taking part; the battle took place. A few verbs carry the
negation on to what they govern (function_words.tsv, ``negation_through``): "لم تتمكن القوات من
السيطرة على القرية" denies the taking of the village.
"""

from __future__ import annotations

from athar.read.clause import EventReading, Trigger
from athar.read.function_words import function_affixes, function_words
from athar.read.language import Language, language_data
from athar.read.rules import MARKER_LI
from athar.read.text import ARTICLE


def presupposed(reading: EventReading, trig: Trigger, after: int) -> bool:
    """Whether the event of ``trig`` stands outside the negation that ends at token ``after``:
    a noun with the article after a preposition, with a word of its own denied between."""
    doc = reading.doc
    lang, tokens = doc.language, doc.tokens
    if trig.first <= after or not _definite(tokens[trig.first].text, trig.proclitic):
        return False
    # "بالمعركة", "للهجوم": the preposition is the trigger's own word
    head = trig.proclitic[1:] if trig.proclitic[:1] in function_affixes(lang, "conjunction") else trig.proclitic
    bound = head[:1] in function_affixes(lang, "bound_preposition")
    end = trig.first if bound else trig.first - 1
    if not bound and (end < after or _bare(lang, tokens[end].text) not in function_words(lang, "argument_preposition")):
        return False
    named = set()
    for m in reading.mention_spans.starting(after, end):
        named.update(range(m.first_token, m.last_token))
    through = _through(lang)
    openers = function_words(lang, "complementizer")
    awaited, denied = None, False
    for k in range(after, end):
        word = _bare(lang, tokens[k].text)
        if awaited is not None:  # "لم يتمكن الجيش من": the verb's subject, up to the preposition it takes
            awaited = None if word == awaited else awaited
            continue
        if k in named or word in openers:
            continue
        if word in through:
            awaited = through[word]
            continue
        denied = True  # a word of its own takes the negation
    # the event after the preposition a verb of managing takes is what the negation reaches
    return denied and awaited is None


@language_data
def _through(lang: Language) -> dict[str, str | None]:
    """The verbs of ``negation_through``, each with the preposition it takes its event by (None
    when it takes it as its object: "لم يستطع الجيش السيطرة على")."""
    out = {}
    for form in function_affixes(lang, "negation_through"):
        verb, *preposition = form.split()
        out[verb] = preposition[0] if preposition else None
    return out


def _definite(word: str, proclitic: str) -> bool:
    """Whether a trigger's word has the article, its proclitics aside ("في المعركة", "بالمعركة", "للهجوم")."""
    return proclitic.endswith((ARTICLE, MARKER_LI + MARKER_LI)) or word[len(proclitic):].startswith(ARTICLE)


def _bare(lang, word: str) -> str:
    """The word without a conjunction joined to it ("وعدم", "فلم")."""
    return word[1:] if word[:1] in function_affixes(lang, "conjunction") and len(word) > 2 else word
