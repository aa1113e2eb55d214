"""The words of placement (``lang/ar/placement.tsv``) by role, and the words that dress a place's
name: read by :mod:`athar.read.placement` and the modules that say where an event is, and by
:mod:`athar.read.clause` to find what governs a place named after them.
"""

from __future__ import annotations

from athar.errors import LexiconError
from athar.read.entity import is_nisba
from athar.read.language import Language, language_data
from athar.read.lexicon import check_choice
from athar.read.text import ARTICLE

TABLE = "placement.tsv"
ROLES = ("direction", "locator", "resumptive", "antecedent", "link", "object", "part", "continuation", "landmark",
         "witness", "whole", "host", "title", "degree", "backed", "during", "expel", "there")
_CLITICS = ("ب", "ل", "و", "ف")


@language_data
def placement_words(lang: Language) -> dict[str, frozenset[str]]:
    """role -> its normalized words (placement.tsv); every role must have a row."""
    out: dict[str, set[str]] = {role: set() for role in ROLES}
    for row in lang.table(TABLE, ("role", "forms")):
        role = check_choice(row, "role", ROLES)
        forms = row.forms("forms")
        if not forms or any(" " in f for f in forms):
            raise row.fail("'forms' must list single words")
        out[role].update(forms)
    missing = [role for role in ROLES if not out[role]]
    if missing:
        raise LexiconError(f"{TABLE}: no row gives the role(s) {', '.join(missing)}")
    return {role: frozenset(forms) for role, forms in out.items()}


def is_word(lang: Language, role: str, text: str) -> bool:
    """Whether a token is a word of ``role``, as it stands or after one proclitic letter, with
    the article or without it ("بالقرب", "الأطراف"); remembered for each role and word (asked
    of every word a few tokens after a trigger, by several rules)."""
    try:  # asked tens of thousands of times a text: the language's own dict, at once
        known = lang._data[_KNOWN]  # type: ignore[index]
    except KeyError:
        known = _known(lang)
    found = known.get((role, text))
    if found is None:
        if len(known) >= _KNOWN_MAX:
            known.clear()
        found = known[role, text] = _is_word(lang, role, text)
    return found


_KNOWN_MAX = 1 << 16  # (role, word) answers remembered before the cache starts over


@language_data
def _known(lang: Language) -> dict[tuple[str, str], bool]:
    """(role, word) -> :func:`is_word`'s answer, filled as words are asked about."""
    return {}


_KNOWN = _known.__wrapped__  # the key the language keeps the answers under


def _is_word(lang: Language, role: str, text: str) -> bool:
    words = placement_words(lang)[role]
    if text in words or len(text) > 2 and text[0] in _CLITICS and text[1:] in words:  # "الواقعة" as written
        return True
    if text.startswith(ARTICLE) and len(text) > 4:
        text = text[len(ARTICLE):]
    elif len(text) > 5 and text[0] in _CLITICS and text[1:].startswith(ARTICLE):
        text = text[1 + len(ARTICLE):]
    return text in words


_HASH = "#"


def name_dressed(lang: Language, tokens, j: int, floor: int) -> int:
    """The token before a place's name, ``j``, once the words that only dress the name are passed
    (never below ``floor``): a hashtag sign ("في #منبج") and a word that says what the place is,
    with the article, after the adjectives of whose it is ("في العاصمة السورية دمشق", placement.tsv
    title). What governs those words governs the name; ``j`` itself when none is there."""
    k = j
    while k >= floor and tokens[k].text == _HASH:
        k -= 1
    i = k
    while i >= floor and tokens[i].text.startswith(ARTICLE) and is_nisba(tokens[i].text) \
            and not is_word(lang, "title", tokens[i].text):
        i -= 1  # "العاصمة السورية": whose capital it is
    if i >= floor and tokens[i].text.startswith(ARTICLE) and is_word(lang, "title", tokens[i].text):
        return i - 1
    return k
