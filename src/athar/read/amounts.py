"""Amounts: numbers with their bound, scale and counted noun, found in normalized text.

    "أكثر من 1,500 شخص"        -> 1500.0 person, more-than
    "لـ415 ألف نازح"            -> 415000.0 displaced, exact (the clitic stays outside)
    "عشرات الآلاف من الناس"     -> 10000.0 person, at-least, vague
    "20 مليار دولار"            -> 2e10 USD
    "90% على الأقل"             -> 90.0 percent, at-least

Number words, scale words and vague quantities are in ``numbers.tsv``; bound words in
``bounds.tsv``; counted nouns, currencies and measures in ``units.tsv``; proclitics in
``clitics.tsv``. An unknown noun after a number leaves ``unit`` None.

Dates are not this module's business: "2019" in "آذار 2019" and "5" in "5 شباط" are
numbers here. A caller that has found dates passes their spans as ``exclude``, and
an amount overlapping any of them is dropped.

The module also holds what :mod:`athar.read.dates` reads numbers with:
:class:`PhraseTable` and :func:`read_number`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from athar.read.lexicon import check_choice, check_number
from athar.read.phrases import WordIndex
from athar.read.function_words import function_word
from athar.read.text import ALEF, ARTICLE, LAM, TANWEEN_ALEF, WAW, Doc, normalize_word, segment
from athar.read.values import value
from athar.read.language import Language, language_data

BOUNDS = ("exact", "more-than", "at-least", "at-most", "less-than", "about")
_NUMBER_KINDS = ("unit", "ten", "hundred", "scale", "dual", "fraction", "vague")
_UNIT_KINDS = ("currency", "ratio", "area", "length", "mass", "time", "count")
_CODE_JOINERS = ("-", "/")  # a number glued after these is part of a code or a date: COVID-19, F-16, 3/5


@value
class AmountMention:
    """A quantity in the text: normalized span, value, unit and how exact it is."""

    start: int
    end: int
    value: float
    unit: str | None
    bound: str
    vague: bool = False
    unit_start: int | None = None
    unit_end: int | None = None


# -- matching forms over tokens ---------------------------------------------

Variants = Callable[[str], Iterable[tuple[str, int]]]


def exact_form(word: str) -> tuple[tuple[str, int], ...]:
    """The word itself: (form, characters skipped at its start)."""
    return ((word, 0),)


class Proclitics:
    """The proclitic chains of a language (clitics.tsv), and the readings they give a word.

    :meth:`readings` is a :data:`Variants`: "بنحو" reads as itself and as ("نحو", 1). Every
    date and amount table tries every token this way, several times: the readings are
    remembered per word (up to ``_MAX`` words, then started over)."""

    _MAX = 1 << 16

    def __init__(self, forms: tuple[str, ...]):
        self.forms = forms  # longest first
        self._known: dict[str, tuple[tuple[str, int], ...]] = {}

    def readings(self, word: str) -> tuple[tuple[str, int], ...]:
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= self._MAX:
                self._known.clear()
            known = self._known[word] = self._read(word)
        return known

    def _read(self, word: str) -> tuple[tuple[str, int], ...]:
        out = [(word, 0)]
        for prefix in self.forms:
            rest = word[len(prefix):]
            if word.startswith(prefix) and len(rest) >= 2:
                out.append((rest, len(prefix)))
                if prefix.endswith(LAM) and rest.startswith(LAM) and not rest.startswith(ARTICLE):
                    out.append((ALEF + rest, len(prefix) + 1))  # "للعام" = ل + العام
        return tuple(out)


def noun_variants(word: str) -> Iterator[tuple[str, int]]:
    """A noun with and without its article and accusative alef ("الهجمات", "نازحا")."""
    bases = [word] + ([word[len(ARTICLE):]] if word.startswith(ARTICLE) and len(word) > 3 else [])
    for base in bases:
        yield base, 0
        if base.endswith(TANWEEN_ALEF) and len(base) > 2:
            yield base[:-1], 0


@value
class Match:
    payloads: tuple
    end: int  # index of the token after the phrase
    skip: int  # characters of proclitic at the start of the first token


class PhraseTable:
    """Longest match of one- or many-word normalized forms over the tokens of a sentence.

    A form may carry several payloads ("آلاف" is a scale word and a vague quantity);
    ``accept`` keeps the ones a caller wants before lengths are compared.
    """

    _HEADS_MAX = 1 << 16  # words remembered per table before the cache starts over

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        self._heads: dict[tuple[str, Variants], tuple[tuple[int, tuple[str, ...], object], ...]] = {}

    def add(self, form: str, payload: object) -> None:
        words = tuple(t.text for t in segment(normalize_word(form)).tokens)
        if words:
            self._by_first.setdefault(words[0], []).append((words[1:], payload))
            self._heads.clear()

    def _forms_at(self, word: str, first: Variants) -> tuple[tuple[int, tuple[str, ...], object], ...]:
        """(skip, remaining words, payload) of every form whose first word is a reading of ``word``,
        in the order readings and forms are tried; cached, since most words start no form at all."""
        key = (word, first)
        heads = self._heads.get(key)
        if heads is None:
            heads = tuple((skip, tail, payload) for cand, skip in first(word)
                          for tail, payload in self._by_first.get(cand, ()))
            if len(self._heads) >= self._HEADS_MAX:
                self._heads.clear()
            self._heads[key] = heads
        return heads

    def starts(self, word: str, first: Variants = exact_form, accept: Callable[[object], bool] | None = None) -> bool:
        """Whether some form (that ``accept`` keeps) may start at a token reading ``word``."""
        heads = self._forms_at(word, first)
        return bool(heads) and (accept is None or any(accept(payload) for _, _, payload in heads))

    def match(self, seg: Doc, i: int, first: Variants = exact_form, rest: Variants = exact_form,
              accept: Callable[[object], bool] | None = None) -> Match | None:
        toks = seg.tokens
        if i >= len(toks):
            return None
        heads = self._heads.get((toks[i].text, first))  # most calls end here: no form starts
        if heads is None:
            heads = self._forms_at(toks[i].text, first)
        if not heads:
            return None
        best: Match | None = None
        # most forms of many words are told apart by their second word: test it first
        second = toks[i + 1].text if i + 1 < len(toks) and rest is exact_form else None
        for skip, tail, payload in heads:
            if second is not None and tail and tail[0] != second:
                continue
            if accept is not None and not accept(payload):
                continue
            end = i + 1 + len(tail)
            if end > len(toks) or toks[end - 1].sentence != toks[i].sentence:
                continue
            if tail and not _tail_fits(toks, i + 1, tail, rest):
                continue
            best = longer_match(best, payload, end, skip)
        return best


def longer_match(best: Match | None, payload: object, end: int, skip: int) -> Match:
    """The match so far with one more form that fits: a longer form wins; one as long, read
    with the same proclitic, adds its payload ("آلاف" is a scale word and a vague quantity)."""
    if best is None or end > best.end:
        return Match((payload,), end, skip)
    if end == best.end and skip == best.skip and payload not in best.payloads:
        return Match(best.payloads + (payload,), end, skip)
    return best


def _tail_fits(toks, j: int, tail: tuple[str, ...], rest: Variants) -> bool:
    """Whether the tokens from j read as the words of ``tail``."""
    if rest is exact_form:  # the only reading of a token is its text
        return all(toks[j + k].text == w for k, w in enumerate(tail))
    return all(w in {c for c, _ in rest(toks[j + k].text)} for k, w in enumerate(tail))


# -- lexicons ----------------------------------------------------------------

@dataclass(frozen=True)
class _Word:
    value: float
    kind: str
    times: float | None = None


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
def proclitics(lang: Language) -> Proclitics:
    """The proclitics of clitics.tsv; ``proclitics(lang).readings`` is the word with and
    without a proclitic chain."""
    rows = lang.table("clitics.tsv", ("kind", "forms"))
    forms = {normalize_word(f) for r in rows if r["kind"] == "proclitic" for f in r.many("forms")}
    return Proclitics(tuple(sorted(forms, key=len, reverse=True)))


@language_data
def _numbers(lang: Language) -> PhraseTable:
    table = PhraseTable()
    for row in lang.table("numbers.tsv", ("value", "kind", "forms")):
        kind = check_choice(row, "kind", _NUMBER_KINDS)
        value = check_number(row, "value")
        times = check_number(row, "times") if row.get("times") else None
        if value <= 0:
            raise row.fail(f"'value' is {row['value']}, expected a positive number")
        for form in row.many("forms"):
            table.add(form, _Word(value, kind, times))
    return table


@language_data
def _bounds(lang: Language) -> PhraseTable:
    table = PhraseTable()
    for row in lang.table("bounds.tsv", ("bound", "position", "forms")):
        payload = _Bound(check_choice(row, "bound", BOUNDS[1:]), check_choice(row, "position", ("before", "after")))
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


# -- numbers -----------------------------------------------------------------

@value
class Number:
    """A number read from tokens: value, normalized span, and the token after it."""

    value: float
    start: int
    end: int
    next: int
    vague: bool = False


@functools.cache
def _digit_patterns() -> tuple[re.Pattern[str], ...]:
    """Thousands with commas, thousands with dots, a decimal comma, a plain or decimal number."""
    return tuple(re.compile(p) for p in (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", r"\d{1,3}(?:\.\d{3}){2,}", r"\d+,\d+",
                                         r"\d+(?:\.\d+)?"))


def parse_digits(text: str) -> float | None:
    """"210,000" -> 210000.0, "1.5" -> 1.5, "1,5" -> 1.5, "1.500.000" -> 1500000.0."""
    if text.isdecimal():  # digits only (re's \d is str.isdecimal): what plain matches, the others never
        return float(text)
    thousands, dotted, decimal_comma, plain = _digit_patterns()
    if thousands.fullmatch(text):
        return float(text.replace(",", ""))
    if dotted.fullmatch(text):
        return float(text.replace(".", ""))
    if decimal_comma.fullmatch(text):
        return float(text.replace(",", "."))
    return float(text) if plain.fullmatch(text) else None


def _kind(*kinds: str) -> Callable[[object], bool]:
    return lambda w: w.kind in kinds


def after_waw(word: str) -> tuple[tuple[str, int], ...]:
    """The word without a leading conjunction و ("وعشرون" -> "عشرون", 1)."""
    return ((word[1:], 1),) if word.startswith(WAW) and len(word) > 2 else ()


def may_start_number(lang: Language, word: str) -> bool:
    """Whether :func:`read_number` may find a number starting at a token reading ``word``."""
    return word[:1].isdigit() or _numbers(lang).starts(word, proclitics(lang).readings)


def read_number(seg: Doc, i: int) -> Number | None:
    """The number starting at token i, in digits or words ("ثلاثة وعشرون", "1.5 مليون")."""
    toks, table = seg.tokens, _numbers(seg.language)
    if i >= len(toks):
        return None
    tok = toks[i]
    if tok.is_number:
        value = parse_digits(tok.text)
        if value is None:
            return None
        scale = table.match(seg, i + 1, accept=_kind("scale"))
        if scale and toks[i + 1].sentence == tok.sentence:
            return Number(value * scale.payloads[0].value, tok.start, toks[scale.end - 1].end, scale.end)
        return Number(value, tok.start, tok.end, i + 1)
    hit = table.match(seg, i, first=proclitics(seg.language).readings)
    if hit is None:
        return None
    start = tok.start + hit.skip
    vague = next((w for w in hit.payloads if w.kind == "vague"), None)
    if vague is not None:
        scale = table.match(seg, hit.end, accept=_kind("scale"))
        if scale and vague.times and toks[hit.end].sentence == tok.sentence:
            return Number(vague.times * scale.payloads[0].value, start, toks[scale.end - 1].end, scale.end, True)
        return Number(vague.value, start, toks[hit.end - 1].end, hit.end, True)
    total = current = last_value = 0.0
    last: str | None = None
    j = i
    while True:
        conj = False
        if last is not None:
            if j >= len(toks) or toks[j].sentence != tok.sentence:
                break
            hit = table.match(seg, j, accept=_kind(*_NUMBER_KINDS[:-1]))
            if hit is None:
                hit = table.match(seg, j, first=after_waw, accept=_kind(*_NUMBER_KINDS[:-1]))
                conj = hit is not None
            if hit is None:
                break
        word = next(w for w in hit.payloads if w.kind != "vague")
        if not _joins(last, word, conj):
            break
        if word.kind == "scale":
            total, current = total + (current or 1) * word.value, 0.0
        elif word.kind == "dual":
            total += word.value
        elif word.kind == "hundred" and not conj and last == "unit":
            current += last_value * (word.value - 1)  # "ثلاث مئة" = 3 x 100
        else:
            current += word.value
        last, last_value, j = word.kind, word.value, hit.end
    if last is None or last == "fraction":
        return None
    return Number(total + current, start, toks[j - 1].end, j)


def _joins(last: str | None, word: _Word, conj: bool) -> bool:
    """Whether a number word may follow the previous one (with or without و)."""
    k = word.kind
    if last is None:
        return True
    if conj:
        return (k == "unit" and last in ("hundred", "scale", "dual")) or (
            k == "ten" and last in ("unit", "hundred", "scale", "dual")) or (
            k == "hundred" and last in ("scale", "dual"))
    return (k == "ten" and word.value == 10 and last == "unit") or (
        k == "hundred" and word.value == 100 and last == "unit") or (
        k == "scale" and last in ("unit", "ten", "hundred", "fraction"))


# -- amounts -----------------------------------------------------------------

def extract_amounts(seg: Doc, exclude: Sequence[tuple[int, int]] = ()) -> list[AmountMention]:
    """Amounts in the text, sorted and non-overlapping.

    ``exclude`` holds normalized spans (usually the dates found by
    :func:`athar.read.dates.extract_dates`); an amount overlapping one of them is dropped.
    """
    found: list[AmountMention] = []
    excluded = _Spans(exclude)
    i = 0
    # most words start no amount: visit only those that may (one look-up each)
    starts = _amount_starts(seg.language)
    toks = seg.tokens
    for k in starts.indices(seg.texts):
        if k < i:
            continue
        # An amount starts inside the token it is read from (after a proclitic at most) and
        # ends after that: a token inside an excluded span (a number of a date) starts only
        # amounts that overlap it, and would be dropped.
        if exclude and excluded.covers(toks[k].start, toks[k].end):
            continue
        i = k
        hit = _amount_at(seg, i, bound_only=starts(toks[i].text) == "bound")
        if hit is not None and not excluded.overlap(hit[0].start, hit[0].end):
            found.append(hit[0])
            i = hit[1]
        else:
            i += 1
    return found


class _Spans:
    """Spans of a text, asked whether any overlaps a range (by bisection, so that a long
    text with many dates costs no more per amount than a short one)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        spans = sorted(spans)
        self._starts = [s for s, _ in spans]
        self._reach = list(itertools.accumulate((e for _, e in spans), max))  # furthest end so far

    def overlap(self, start: int, end: int) -> bool:
        """Whether a span starts before ``end`` and ends after ``start``."""
        k = bisect.bisect_left(self._starts, end)  # the spans that start before end
        return k > 0 and self._reach[k - 1] > start

    def covers(self, start: int, end: int) -> bool:
        """Whether a span starts at or before ``start`` and ends at or after ``end``."""
        k = bisect.bisect_right(self._starts, start)  # the spans that start at or before start
        return k > 0 and self._reach[k - 1] >= end


@language_data
def _amount_starts(lang: Language) -> WordIndex:
    """How an amount may start at each word, remembered by the language."""
    return WordIndex(functools.partial(_amount_start, lang))


def _amount_start(lang: Language, word: str) -> str:
    """How :func:`_amount_at` may find an amount at a token reading ``word``: "number" where
    a number or a symbol ("%90") starts (or a bound), "bound" where only a bound that comes
    before its number does ("أكثر من"), else ""."""
    if may_start_number(lang, word) or _units(lang).starts(word, accept=_symbol):
        return "number"
    return "bound" if _bounds(lang).starts(word, proclitics(lang).readings, _before) else ""


def _before(bound: _Bound) -> bool:
    return bound.position == "before"


def _after(bound: _Bound) -> bool:
    return bound.position == "after"


def _symbol(unit: _Unit) -> bool:
    return unit.symbol


def _amount_at(seg: Doc, i: int, bound_only: bool = False) -> tuple[AmountMention, int] | None:
    """The amount starting at token i and the token after it; with ``bound_only``, no number
    or symbol starts at token i, only a bound may."""
    toks, lang = seg.tokens, seg.language
    bound, start, j = None, None, i
    before = _bounds(lang).match(seg, i, first=proclitics(lang).readings, accept=_before)
    if before and before.end < len(toks) and toks[before.end].sentence == toks[i].sentence:
        bound, start, j = before.payloads[0].bound, toks[i].start + before.skip, before.end
    elif bound_only:
        return None  # the number would have to start at token i
    unit = unit_span = None
    symbol = _units(lang).match(seg, j, accept=_symbol)  # "%90", "$100"
    if symbol and symbol.end < len(toks) and toks[symbol.end].is_number and toks[symbol.end].start == toks[j].end:
        unit, unit_span, j = symbol.payloads[0], (toks[j].start, toks[j].end), symbol.end
    # a number glued after a code joiner or a word is part of a code or a name ("F-16", "كوردستان24");
    # after a proclitic it is a number ("لـ415 ألف")
    glued = j > 0 and toks[j - 1].end == toks[j].start and (
        toks[j - 1].text in _CODE_JOINERS or toks[j - 1].is_word and toks[j - 1].text not in proclitics(lang).forms)
    number = None if glued else read_number(seg, j)
    if number is None:
        return None
    if start is None:
        start = unit_span[0] if unit_span else number.start
    end, k, sentence = number.end, number.next, toks[j].sentence
    if unit is None:
        for at in (k, k + 1):
            if at >= len(toks) or toks[at].sentence != sentence or (at > k and toks[k].text != function_word(lang, "partitive")):
                break
            noun = _units(lang).match(seg, at, first=noun_variants, rest=noun_variants)
            if noun is not None:
                unit, unit_span, k = noun.payloads[0], (toks[at].start, toks[noun.end - 1].end), noun.end
                end = unit_span[1]
                break
    after = _bounds(lang).match(seg, k, accept=_after)
    if after and toks[k].sentence == sentence:
        bound = bound or after.payloads[0].bound
        end, k = toks[after.end - 1].end, after.end
    mention = AmountMention(
        start=start,
        end=end,
        value=number.value,
        unit=unit.key if unit else None,
        bound=bound or ("at-least" if number.vague else "exact"),
        vague=number.vague,
        unit_start=unit_span[0] if unit_span else None,
        unit_end=unit_span[1] if unit_span else None,
    )
    return mention, k
