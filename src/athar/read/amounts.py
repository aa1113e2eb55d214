"""Amounts: numbers with their bound, scale and counted noun, found in normalized text.

    "أكثر من 1,500 شخص"        -> 1500.0 person, more-than
    "لـ415 ألف نازح"            -> 415000.0 displaced, exact (the clitic stays outside)
    "عشرات الآلاف من الناس"     -> 10000.0 person, at-least, vague
    "20 مليار دولار"            -> 2e10 USD
    "90% على الأقل"             -> 90.0 percent, at-least

Number words, scale words and vague quantities are in ``numbers.tsv``; bound words in
``bounds.tsv``; counted nouns, currencies and measures in ``units.tsv``; proclitics in
``clitics.tsv``. An unknown noun after a number leaves ``unit`` None.

Conventions of news writing it follows (the dev gold's, which are ACLED's where ACLED has one):

- One figure per quantity. A total with its breakdown ("نحو 12 ألف أجنبي، بواقع 4000 امرأة
  و8000 طفل", "قتل 10 أشخاص بينهم 3 أطفال") is the total: the parts after a word of
  ``amount_links.tsv`` are no amounts of their own. A figure counted another way after it
  ("500 عائلة يمثلون 2700 شخص", "450 خيمة، وهو ما يكفي لإيواء 2,700 شخص") is the first.
- A scale word alone is one of it ("ممتلكات بقيمة مليون دولار": 1,000,000).
- An estimate is about ("بكلفة قدرت بـ 200 ألف دولار"); a figure a count reached ("وصل إلى
  1.2 مليون شخص") is about; one something may reach ("بكلفة تصل إلى") is at most; two bounds
  before a number read as the nearer one ("قدرت بنحو", "تقدر بأكثر من").
- A counted noun counts without a number: in the dual, two ("مقتل شابين"); a singular noun
  of people, indefinite and alone, one ("قتل فيه شخص", "مقتل جندي"; ``one`` in
  ``units.tsv``). أحد/إحدى ("one of") names a member of a group, a role, and counts nothing,
  but after a word of a death, an abduction or an arrest, where it names whom the event befell:
  "مقتل أحد قادة البشمركة" (1; ``one-of`` in ``amount_links.tsv``).
- Vague quantities (العشرات، مئات، آلاف) are their lower bound, "at least", and vague.

A number inside a name the mentions found ("قاعدة “كي 1” الجوية", "اللواء 11") is no amount.

Dates are not this module's business: "2019" in "آذار 2019" and "5" in "5 شباط" are
numbers here. A caller that has found dates passes their spans as ``exclude``, and
an amount overlapping any of them is dropped.

Numbers themselves are read by :mod:`athar.read.numbers`; the words of amounts (bounds, units,
counted nouns, links) and where an amount may start, by :mod:`athar.read.quantity`; the tables
of forms they match are :class:`athar.read.phrases.PhraseTable`.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import replace

from athar.read.datewords import ordinal_teen
from athar.read.function_words import function_word
from athar.read.language import Language
from athar.read.numbers import read_number
from athar.read.phrases import noun_variants, proclitics
from athar.read.quantity import (_after, _amount_starts, _before, _bounds, _duals, _each, _indefinite, _links, _most,
                                 _nisba, _one, _one_of, _ones, _symbol, _tying, _unit_kinds, _units,
                                 joined_noun_variants)
from athar.read.text import WAW, Doc
from athar.read.values import value

_LINK_MARKS = ("،", ",", "-", "–", "—", "(")  # what may come between an amount and a word of amount_links.tsv
_MOST_REACH = 40  # tokens from an amount to a word that stands for most of it ("معظمهم")
_PURPOSE = "ل"  # the lam of purpose on the masdar between "ما يكفي" and its amount ("لإيواء")
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


def extract_amounts(seg: Doc, exclude: Sequence[tuple[int, int]] = ()) -> list[AmountMention]:
    """Amounts in the text, sorted and non-overlapping.

    ``exclude`` holds normalized spans (usually the dates found by
    :func:`athar.read.dates.extract_dates`); an amount overlapping one of them is dropped, but
    for one whose counted noun opens the date ("قتل ثلاثة يوم الثلاثاء"): the figure is kept alone.
    """
    found: list[AmountMention] = []
    excluded = _Spans(exclude)
    # a number inside a name ("قاعدة “كي 1”", "اللواء 11") names, it counts nothing (a counted noun that is a
    # mention, "لاجئة", still counts one)
    named = _Spans((m.start, m.end) for m in seg.mentions or ())
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
        if exclude and excluded.covers(toks[k].start, toks[k].end) or toks[k].is_number and named.covers(
                toks[k].start, toks[k].end) or ordinal_teen(seg, k):
            continue
        i = k
        how = starts(toks[i].text)
        if how == "most":
            back = _most_of(seg, i, found[-1]) if found else None
            if back is not None and not excluded.overlap(back.start, back.end):
                found.append(back)
            i += 1
            continue
        if how == "one-of":
            one = _one_of_at(seg, i)
            if one is not None and not excluded.overlap(one.start, one.end):
                found.append(one)
            i += 1
            continue
        hit = _amount_at(seg, i, bound_only=how == "bound")
        if hit is not None and excluded.overlap(hit[0].start, hit[0].end):
            hit = _before_a_date(seg, hit[0], excluded)
        if hit is not None:
            found.append(hit[0])
            i = _after_linked(seg, hit[1], hit[0])
        else:
            i += 1
    return found


def _before_a_date(seg: Doc, a: AmountMention, excluded: _Spans) -> tuple[AmountMention, int] | None:
    """"قتل ثلاثة يوم الثلاثاء": the word read as the figure's counted noun opens a date; the figure
    counts alone, and the date is the date's. None when the figure itself is in the date."""
    k = seg.token_at(a.unit_start) if a.unit_start is not None else None
    if k is None or k == 0 or excluded.overlap(a.start, seg.tokens[k - 1].end) or not excluded.covers(
            seg.tokens[k].start, seg.tokens[k].end):
        return None
    return replace(a, end=seg.tokens[k - 1].end, unit=None, unit_start=None, unit_end=None), k


def _most_of(seg: Doc, k: int, before: AmountMention) -> AmountMention | None:
    """"وتسببت بمقتل معظمهم": most of the amount ``before``, fewer than it, when token k reads as
    a word of most (amount_links.tsv) in the same sentence and words stand between them."""
    toks = seg.tokens
    last = seg.token_at(before.end - 1)
    if last is None or toks[last].sentence != toks[k].sentence or k - last > _MOST_REACH:
        return None
    if not any(t.is_word for t in toks[last + 1:k]):
        return None  # "قتل 20 شخصا معظمهم مدنيون": what the 20 were, no second count
    word = _links(seg.language).match(seg, k, first=proclitics(seg.language).readings, accept=_most)
    if word is None:
        return None
    return AmountMention(toks[k].start + word.skip, toks[word.end - 1].end, before.value, before.unit, "less-than",
                         vague=before.vague)



def _one_of_at(seg: Doc, i: int) -> AmountMention | None:
    """"مقتل أحد قادة البشمركة": one, where a word of a death (``one-of``) at token i has
    أحد/إحدى (``one``) right after it and a word after that in its sentence; not the first of
    a list of victims ("مقتل أحد القادة، ومقاتلين، والعشرات من المسلحين"), which it does not count."""
    toks, lang, k = seg.tokens, seg.language, i + 1
    if (k + 1 >= len(toks) or not toks[k + 1].is_word or toks[k + 1].sentence != toks[i].sentence
            or not _links(lang).match(seg, k, accept=_one)
            or not _links(lang).match(seg, i, first=proclitics(lang).readings, accept=_one_of)):
        return None
    if any(toks[j].text in _LINK_MARKS[:2] and toks[j + 1].text.startswith(WAW) and toks[j].sentence == toks[k].sentence
           for j in range(k + 2, min(k + 6, len(toks) - 1))):
        return None
    noun = _units(lang).match(seg, k + 1, first=noun_variants, rest=noun_variants)
    return AmountMention(toks[k].start, toks[k + 1].end, 1.0, noun.payloads[0].key if noun else None, "exact")


def _after_linked(seg: Doc, k: int, total: AmountMention) -> int:
    """The token after the amounts that a word of amount_links.tsv at token k (after a comma or
    a dash) ties to ``total``: its parts ("بواقع 4000 امرأة و8000 طفل") or the same figure
    counted another way ("يمثلون 2700 شخص"); k when none is."""
    toks, lang = seg.tokens, seg.language
    n = len(toks)
    if k >= n or toks[k].sentence != toks[k - 1].sentence:
        return k
    j = k + 1 if not toks[k].is_word and not toks[k].is_number and toks[k].text in _LINK_MARKS else k
    link = _links(lang).match(seg, j, first=proclitics(lang).readings, accept=_tying)
    if link is None or link.end >= n or toks[link.end].sentence != toks[k].sentence:
        return k
    kind, j = link.payloads[0], link.end
    if kind == "restates" and toks[j].is_word and toks[j].text.startswith(_PURPOSE) and j + 1 < n:
        j += 1  # "ما يكفي لإيواء 2,700 شخص"
    after = k
    while True:
        hit = _amount_at(seg, j) if j < n and toks[j].sentence == toks[k].sentence else None
        if hit is None or kind == "part" and not _part_of(lang, hit[0], total):
            return after
        after = hit[1]
        if kind != "part" or after >= n:
            return after
        j = after + 1 if toks[after].text == WAW else after  # "و8000 طفل", "وخمسة أطفال"


def _part_of(lang: Language, part: AmountMention, total: AmountMention) -> bool:
    """Whether ``part`` may be a part of ``total``: a quantity of the same kind (money of
    money, a count of a count) and no more than it, unless the total is a floor."""
    kinds = _unit_kinds(lang)
    if part.unit and total.unit and kinds.get(part.unit) != kinds.get(total.unit):
        return False
    return total.vague or total.bound in ("more-than", "at-least") or part.value <= total.value



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


def _past_lone_proclitic(seg: Doc, j: int) -> int:
    """The token after a proclitic written apart, or an opening bracket, before a number ("قدرت
    بـ 200", "قرابة (3500)"), else j."""
    toks = seg.tokens
    if j + 1 < len(toks) and (toks[j].text in proclitics(seg.language).forms or toks[j].text == "(") \
            and toks[j + 1].is_number:
        return j + 1
    return j


def _counted_by_noun(seg: Doc, j: int) -> tuple[AmountMention, int] | None:
    """A noun that counts on its own at token j: a dual ("شابين": two), or a singular noun of
    people, indefinite ("قتل فيه شخص": one; "شخص واحد" reads the same)."""
    lang, toks = seg.language, seg.tokens
    value, noun = 2.0, _duals(lang).match(seg, j, first=joined_noun_variants)
    if noun is None:
        value, noun = 1.0, _ones(lang).match(seg, j, first=_indefinite)
        if noun is None or j > 0 and _links(lang).match(seg, j - 1, first=proclitics(lang).readings, accept=_each):
            return None  # "كل شخص", "لأي طفل": everyone, no one counted
    end = noun.end
    if value == 1.0:
        one = read_number(seg, end) if end < len(toks) and toks[end].sentence == toks[j].sentence else None
        if one is not None and one.value == 1.0 and not one.vague:
            end = one.next  # "شخص واحد"
    unit = toks[j].start + noun.skip, toks[noun.end - 1].end
    return AmountMention(unit[0], toks[end - 1].end, value, noun.payloads[0].key, "exact",
                         unit_start=unit[0], unit_end=unit[1]), end


def _range_at(seg: Doc, i: int, words) -> tuple[AmountMention, int] | None:
    """"ما بين 30 و50 ألف شخص": a range, read as its upper figure and the range's bound (the
    lower figure takes the scale word of the upper one and is no amount of its own); None
    when no two numbers joined by و follow the range's words at token i."""
    toks = seg.tokens
    low = read_number(seg, words.end) if toks[words.end - 1].sentence == toks[i].sentence else None
    if low is None or low.next >= len(toks) or toks[low.next].sentence != toks[i].sentence:
        return None
    k = low.next + 1 if toks[low.next].text == WAW else low.next
    if k == low.next and not toks[k].text.startswith(WAW) or k >= len(toks):
        return None
    high = _amount_at(seg, k)
    if high is None or high[0].bound != "exact" or high[0].value <= low.value:
        return None
    return replace(high[0], start=toks[i].start + words.skip, bound=words.payloads[0].bound), high[1]


def _amount_at(seg: Doc, i: int, bound_only: bool = False) -> tuple[AmountMention, int] | None:
    """The amount starting at token i and the token after it; with ``bound_only``, no number
    or symbol starts at token i, only a bound may."""
    toks, lang = seg.tokens, seg.language
    bound, start, j = None, None, i
    before = _bounds(lang).match(seg, i, first=proclitics(lang).readings, accept=_before)
    if before and before.payloads[0].position == "range":
        return _range_at(seg, i, before)
    if before and before.end < len(toks) and toks[before.end].sentence == toks[i].sentence:
        bound, start, j = before.payloads[0].bound, toks[i].start + before.skip, _past_lone_proclitic(seg, before.end)
        # a second bound, nearer the number, says more: "قدرت بنحو 200", "تقدر بأكثر من 200"
        nearer = _bounds(lang).match(seg, j, first=proclitics(lang).readings, accept=_before)
        if nearer and nearer.end < len(toks) and toks[nearer.end].sentence == toks[i].sentence:
            bound, j = nearer.payloads[0].bound, _past_lone_proclitic(seg, nearer.end)
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
        return None if bound or unit else _counted_by_noun(seg, j)
    if start is None:
        start = unit_span[0] if unit_span else number.start
    end, k, sentence = number.end, number.next, toks[j].sentence
    if j > 0 and toks[j - 1].text == "(" and k < len(toks) and toks[k].text == ")":
        k += 1  # "(1229) نازحا": the counted noun after the bracket
    if unit is None:
        for at in (k, k + 1):
            if at >= len(toks) or toks[at].sentence != sentence or (at > k and toks[k].text != function_word(lang, "partitive")):
                break
            noun = _units(lang).match(seg, at, first=noun_variants, rest=noun_variants)
            if noun is not None:
                unit, unit_span, k = noun.payloads[0], (toks[at].start, toks[noun.end - 1].end), noun.end
                end = unit_span[1]
                break
        if unit is None and k < len(toks) and toks[k].sentence == sentence and toks[k].is_word:
            unit = _nisba(seg, k, number.value)
            if unit is not None:
                unit_span, end, k = (toks[k].start, toks[k].end), toks[k].end, k + 1
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
