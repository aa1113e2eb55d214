"""The words of amounts, read from the language's tables: bounds (``bounds.tsv``), units and the
nouns that count on their own (``units.tsv``: a dual, a singular of people, a nisba's ending),
the links after an amount (``amount_links.tsv``), and how an amount may start at a word. Read by
:mod:`athar.read.amounts`, which finds the amounts."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from athar.read.language import Language, language_data
from athar.read.lexicon import check_choice
from athar.read.numbers import may_start_number
from athar.read.phrases import PhraseTable, WordIndex, noun_variants, proclitics
from athar.read.text import ALEF, ARTICLE, TANWEEN_ALEF, WAW, Doc

BOUNDS = ("exact", "more-than", "at-least", "at-most", "less-than", "about")
_UNIT_KINDS = ("currency", "ratio", "area", "length", "mass", "time", "count")
_GENITIVE_FROM = 100  # from a hundred up, the counted noun is a genitive singular ("مئة رجل", "ألف عراقي")


@dataclass(frozen=True)
class _Bound:
    bound: str
    position: str


@dataclass(frozen=True)
class _Unit:
    key: str
    kind: str
    symbol: bool


@language_data
def _bounds(lang: Language) -> PhraseTable:
    table = PhraseTable()
    for row in lang.table("bounds.tsv", ("bound", "position", "forms")):
        payload = _Bound(check_choice(row, "bound", BOUNDS[1:]), check_choice(row, "position", ("before", "after", "range")))
        for form in row.many("forms"):
            table.add(form, payload)
    return table


@language_data
def _units(lang: Language) -> PhraseTable:
    table = PhraseTable()
    for row in lang.table("units.tsv", ("unit", "kind", "forms")):
        kind = check_choice(row, "kind", _UNIT_KINDS)
        for form in row.many("forms"):
            table.add(form, _Unit(row["unit"], kind, not form[0].isalpha()))
    return table


@language_data
def _duals(lang: Language) -> PhraseTable:
    """Counted nouns in the dual, which count two on their own ("مقتل شابين", "لاجئان")."""
    return _count_nouns(lang, "dual")


@language_data
def _ones(lang: Language) -> PhraseTable:
    """Singular nouns of people, which count one on their own when indefinite ("قتل شخص")."""
    return _count_nouns(lang, "one")


def _count_nouns(lang: Language, column: str) -> PhraseTable:
    table = PhraseTable()
    for row in lang.table("units.tsv", ("unit", "kind", "forms")):
        for form in row.many(column) if row.get(column) else ():
            table.add(form, _Unit(row["unit"], row["kind"], False))
    return table


@language_data
def _nisba_endings(lang: Language) -> tuple[tuple[str, _Unit], ...]:
    """The endings of a nisba that count a unit after a number ("96 إرهابيا": persons), longest first."""
    out = [(ending, _Unit(row["unit"], row["kind"], False)) for row in lang.table("units.tsv", ("unit", "kind", "forms"))
           for ending in (row.forms("endings") if row.get("endings") else ())]
    return tuple(sorted(out, key=lambda e: -len(e[0])))


def _nisba(seg: Doc, k: int, count: float) -> _Unit | None:
    """The unit a nisba at token k counts, indefinite after a number of ``count`` ("31212
    عراقياً"): the ending of a row's ``endings``, after a stem of three letters or more that does
    not end in alef (the broken plural "قضايا" is no nisba). A bare ي, the genitive singular,
    counts only after a hundred or more, where Arabic puts the singular in the genitive ("900
    كردي", "30 ألف عراقي"), and only written ي: a noun in ى ("ألف مبنى") is no nisba."""
    word = seg.tokens[k].text
    if word.startswith(ARTICLE):
        return None
    for ending, unit in _nisba_endings(seg.language):
        stem = len(word) - len(ending)
        if stem < 3 or not word.endswith(ending) or word[stem - 1] == ALEF:
            continue
        if len(ending) == 1 and (count < _GENITIVE_FROM or _last_letter(seg, k) != ending):
            continue
        return unit
    return None


def _last_letter(seg: Doc, k: int) -> str:
    """The last letter of token k as the original writes it (ى where the normalized text has ي)."""
    original = seg.text[slice(*seg.original(seg.tokens[k].start, seg.tokens[k].end))]
    return next((c for c in reversed(original) if c.isalpha()), "")


_LINKS = ("part", "restates", "most", "each", "one", "one-of", "made-of")


@language_data
def _links(lang: Language) -> PhraseTable:
    """Words after an amount that make the amount after them a part of it or the same figure
    counted another way, and words that stand for most of it (amount_links.tsv)."""
    table = PhraseTable()
    for row in lang.table("amount_links.tsv", ("link", "forms")):
        link = check_choice(row, "link", _LINKS)
        for form in row.many("forms"):
            table.add(form, link)
    return table


def _indefinite(word: str) -> tuple[tuple[str, int], ...]:
    """A noun as written and without its accusative alef ("شخصا"), never with the article."""
    if word.endswith(TANWEEN_ALEF) and len(word) > 2:
        return (word, 0), (word[:-1], 0)
    return ((word, 0),)
def made_of(seg: Doc, j: int) -> int | None:
    """The token after words of composition at token j ("مؤلفة من", "مكونة من", "قوامها"), which
    put the size of what they follow after them; None when none starts there."""
    lang = seg.language
    hit = _links(lang).match(seg, j, first=proclitics(lang).readings, accept=lambda link: link == "made-of")
    return hit.end if hit else None


def _most(link: str) -> bool:
    return link == "most"


def _each(link: str) -> bool:
    return link == "each"


_one, _one_of, _tying = ({"one"}.__contains__, {"one-of"}.__contains__, {"part", "restates"}.__contains__)

@language_data
def _unit_kinds(lang: Language) -> dict[str, str]:
    return {row["unit"]: row["kind"] for row in lang.table("units.tsv", ("unit", "kind", "forms"))}

@language_data
def _amount_starts(lang: Language) -> WordIndex:
    """How an amount may start at each word, remembered by the language."""
    return WordIndex(functools.partial(_amount_start, lang))


@language_data
def _symbol_dual_bound_firsts(lang: Language) -> frozenset[str]:
    """The first words of the forms of the unit, dual, one and bound tables and of the links."""
    return (_units(lang).firsts() | _duals(lang).firsts() | _ones(lang).firsts() | _bounds(lang).firsts()
            | _links(lang).firsts())


@language_data
def _noun_gate(lang: Language) -> frozenset[str]:
    """The words one of whose ``noun_variants`` may be the first word of a unit, dual or bound:
    each first word, with the article, the accusative alef or both."""
    firsts = _symbol_dual_bound_firsts(lang)
    return frozenset(f"{article}{first}{alef}" for first in firsts for article in ("", ARTICLE)
                     for alef in ("", TANWEEN_ALEF))


def _amount_start(lang: Language, word: str) -> str:
    """How :func:`athar.read.amounts._amount_at` may find an amount at a token reading ``word``:
    "number" where a number or a symbol ("%90") starts (or a bound), "bound" where only a bound
    that comes before its number does ("أكثر من"), "most" where a word stands for most of the
    amount before it ("معظمهم"), else ""."""
    if may_start_number(lang, word):
        return "number"
    # most words: no reading the three tables below are read with is the first word of a form
    # (a noun variant is one when the word is in _noun_gate; the readings hold the word itself)
    readings = proclitics(lang).readings
    if word not in _noun_gate(lang) and _symbol_dual_bound_firsts(lang).isdisjoint(
            [form for form, _ in readings(word)]):
        return ""
    if _units(lang).starts(word, accept=_symbol) or _duals(lang).starts(word, joined_noun_variants) or _ones(
            lang).starts(word, _indefinite):
        return "number"
    if _bounds(lang).starts(word, readings, _before):
        return "bound"
    if _links(lang).starts(word, readings, _one_of):
        return "one-of"
    return "most" if _links(lang).starts(word, readings, _most) else ""


def joined_noun_variants(word: str) -> tuple[tuple[str, int], ...]:
    """A noun's variants (:func:`noun_variants`) and, after the conjunction و, those of the rest
    of the word: a dual listed after another thing counts two ("مدرستين ومنزلين")."""
    own = noun_variants(word)
    if word.startswith(WAW) and len(word) > 4:
        return own + tuple((form, skip + 1) for form, skip in noun_variants(word[1:]))
    return own


def _before(bound: _Bound) -> bool:
    return bound.position != "after"  # a range's words come before its numbers too


def _after(bound: _Bound) -> bool:
    return bound.position == "after"


def _symbol(unit: _Unit) -> bool:
    return unit.symbol
