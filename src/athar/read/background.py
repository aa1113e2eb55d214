"""Background to the news: the events a report recalls rather than tells, by the words before
their trigger ("التي سيطر عليها", "وكان التنظيم قد سيطر", "بعد تحرير المدينة"). A date in the
clause of such an event is that event's, and the report's date is not (:mod:`athar.read.newsdate`).
The words are data: date_cues.tsv, role ``background``.
"""

from __future__ import annotations

from athar.read.function_words import function_words
from athar.read.language import Language, language_data
from athar.read.text import Doc

_BACKGROUND = ("told-before", "pluperfect", "particle")


@language_data
def background_words(lang: Language) -> dict[str, frozenset[str]]:
    """The words that make an event background (date_cues.tsv, role ``background``), by kind:
    ``told-before`` (prepositions of time before a masdar), ``pluperfect`` (forms of كان) and
    ``particle`` ("قد", which makes a verb after a form of كان pluperfect)."""
    out: dict[str, set[str]] = {kind: set() for kind in _BACKGROUND}
    for row in lang.table("date_cues.tsv", ("role", "forms")):
        if row["role"] == "background":
            if row.get("value") not in out:
                raise row.fail(f"background value {row.get('value')!r} is none of {', '.join(_BACKGROUND)}")
            out[row["value"]].update(row.forms("forms"))
    return {kind: frozenset(forms) for kind, forms in out.items()}


def background(doc: Doc, first: int, previous: int, verb: bool = False) -> bool:
    """Whether the event whose trigger starts at token ``first`` is background to the news, by
    the words before it back to ``previous`` (the token after the trigger before it): a relative
    pronoun right before it ("التي سيطر عليها"), a preposition of time right before it ("بعد
    تحرير"), or "قد" after a form of كان ("وكان التنظيم قد سيطر"); with ``verb`` (the trigger is a
    verb), a form of كان a few words before it with no "قد" ("وكان التنظيم سيطر على المدينة",
    "وكانت القوات تقاتل"): the pluperfect and the past continuous tell what came before the news."""
    tokens, lang = doc.tokens, doc.language
    words = background_words(lang)
    sentence = tokens[first].sentence
    before = [t.text for t in tokens[max(previous, first - 8):first] if t.sentence == sentence]
    if not before:
        return False
    if before[-1] in function_words(lang, "relative") or len(before) > 1 and before[-2] in function_words(lang, "relative"):
        return True  # "التي سيطر عليها", "الذي كان يسيطر"
    if before[-1] in words["told-before"]:
        return True
    if not words["particle"].isdisjoint(before[-2:]) and not words["pluperfect"].isdisjoint(before):
        return True
    return verb and not words["pluperfect"].isdisjoint(before[-4:])
