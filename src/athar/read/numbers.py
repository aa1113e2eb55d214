"""Numbers in digits and in words, as Arabic news writes them.

    "210,000"            -> 210000      "1.5 مليون"          -> 1500000
    "ثلاثة وعشرون"       -> 23          "ثلاث مئة"           -> 300
    "عشرات الآلاف"       -> 10000, vague (ACLED's convention: the lower bound)
    "مليون دولار"        -> 1000000     "١٢٣"                -> 123
    "2ر3 مليون"          -> 3200000

Number words, scale words and vague quantities are in ``numbers.tsv``. :func:`read_number`
is what amounts and dates read numbers with.

Conventions of news writing it follows:

- Digits: Arabic-Indic digits are read as digits (the text normalizes them); "2,700" and
  "2.700.000" group thousands, "1.2" and "1,5" are decimals. One dot before three digits
  groups the thousands too ("1.229 نازحا" is 1,229; not before "%" nor a scale word
  other than a thousand: "2.500 مليون" is 2.5 million), and a thousand word after such a
  number writes its thousands twice ("(3.500) آلاف" is 3,500).
- A number in brackets takes the scale word after them: "(35) ألف" is 35,000. Wire copy of the Gulf agencies
  (KUNA and the agencies that take it) writes a decimal with ر and the fraction first:
  "2ر3 مليون" is 3.2 million, "45ر56" is 56.45.
- A scale word multiplies the number before it or stands alone for one of it: "200 ألف",
  "1.2 مليون", "مليون دولار" (1,000,000, never 1); a fraction joined after it is a fraction
  of it: "ثلاثة ملايين ونصف" (3,500,000), "مليون ونصف المليون" (1,500,000).
- Number words in every gender and case (ثلاثة/ثلاث، اثنان/اثنين، عشرون/عشرين) join as
  Arabic says them: unit + عشر (a teen), unit + و + ten, unit + مئة, anything + scale word.
- أحد/إحدى is no number: "one of X" names a member of a group (who acted, who was hit, "مستشفى
  الطبقة، أحد المنشآت"), which an event takes as a role; as a figure it would say nothing
  and take the place of the toll ("بتنفيذ أحد عناصره عملية ... أسفرت عن مقتل 5").
- Vague quantities (عشرات، مئات، آلاف، العشرات، بضعة، عدة) give their lower bound and are
  marked vague; before a scale word they multiply it ("عشرات الآلاف": 10,000).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from athar.read.language import Language, language_data
from athar.read.lexicon import check_choice, check_number
from athar.read.phrases import PhraseTable, proclitics
from athar.read.text import ARTICLE, WAW, Doc
from athar.read.values import value

NUMBER_KINDS = ("unit", "ten", "hundred", "scale", "dual", "fraction", "point", "vague")
_JOINING = NUMBER_KINDS[:-2]  # the kinds that join a number of several words


@dataclass(frozen=True)
class _Word:
    value: float
    kind: str
    times: float | None = None



@language_data
def _numbers(lang: Language) -> PhraseTable:
    table = PhraseTable()
    for row in lang.table("numbers.tsv", ("value", "kind", "forms")):
        kind = check_choice(row, "kind", NUMBER_KINDS)
        value = check_number(row, "value")
        times = check_number(row, "times") if row.get("times") else None
        if value <= 0:
            raise row.fail(f"'value' is {row['value']}, expected a positive number")
        for form in row.many("forms"):
            table.add(form, _Word(value, kind, times))
    return table



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


def _thousands_group(text: str) -> float | None:
    """"1.229" -> 1229.0: one to three digits, a dot and three digits, as the news of Iraq and
    the Levant group the thousands of a count; None for any other text."""
    if len(text) < 5 or text[-4] != "." or not (text[:-4].isdecimal() and text[-3:].isdecimal()) or len(text) > 7:
        return None
    return float(text[:-4] + text[-3:])


def _multiplied(w: _Word) -> bool:
    """What a vague quantity multiplies: a scale word ("عشرات الآلاف") or a vague hundreds or
    more ("عدة مئات", "بضعة آلاف")."""
    return w.kind == "scale" or w.kind == "vague" and w.value >= 100


def _kind(*kinds: str) -> Callable[[object], bool]:
    return lambda w: w.kind in kinds


def after_waw(word: str) -> tuple[tuple[str, int], ...]:
    """The word without a leading conjunction و ("وعشرون" -> "عشرون", 1)."""
    return ((word[1:], 1),) if word.startswith(WAW) and len(word) > 2 else ()


def may_start_number(lang: Language, word: str) -> bool:
    """Whether :func:`read_number` may find a number starting at a token reading ``word``."""
    if word[:1].isdigit():
        return True
    # most words: none of their readings is the first word of a number's form, told without
    # the table's own cache of (word, readings) (every new word of a text is asked here)
    readings = proclitics(lang).readings
    firsts = _number_firsts(lang)
    for form, _ in readings(word):
        if form in firsts:
            return _numbers(lang).starts(word, readings)
    return False


@language_data
def _number_firsts(lang: Language) -> frozenset[str]:
    return _numbers(lang).firsts()


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
        after = i + 1
        decimal = _reversed_decimal(seg, i)
        if decimal is not None:
            value, after = decimal
        # "(35) ألف نازح": a number in brackets, its scale word after them
        bracketed = 0 < i and after + 1 < len(toks) and toks[i - 1].text == "(" and toks[after].text == ")"
        scale_at = after + 1 if bracketed else after
        grouped = _thousands_group(tok.text)
        if grouped is not None:
            thousand = table.match(seg, scale_at, accept=lambda w: w.kind in ("scale", "dual") and (
                w.value == 1000 or w.value == 2000 and grouped // 1000 == 2))
            if thousand and toks[scale_at].sentence == tok.sentence:  # "(3.500) آلاف": the thousands written twice
                return Number(grouped, tok.start, toks[thousand.end - 1].end, thousand.end)
        scale = table.match(seg, scale_at, accept=_kind("scale")) if scale_at < len(toks) else None
        if scale and toks[scale_at].sentence == tok.sentence:
            times = scale.payloads[0].value
            half, end = _and_a_fraction(seg, scale.end, times)
            rest, end = _and_a_remainder(seg, end, times) if not half else (0.0, end)
            # rounded: 4.1 x 1e6 is 4099999.9999999995 in binary
            return Number(round(value * times + half + rest, 6), tok.start, toks[end - 1].end, end)
        if grouped is not None and not (after < len(toks) and toks[after].text == "%"):
            value = grouped  # "1.229 نازحا": a dot groups the thousands
        return Number(value, tok.start, toks[after - 1].end, after)
    hit = table.match(seg, i, first=proclitics(seg.language).readings)
    if hit is None:
        return None
    start = tok.start + hit.skip
    vague = next((w for w in hit.payloads if w.kind == "vague"), None)
    if vague is not None:
        scale = table.match(seg, hit.end, accept=_multiplied)
        if scale and vague.times and toks[hit.end].sentence == tok.sentence:
            return Number(vague.times * scale.payloads[0].value, start, toks[scale.end - 1].end, scale.end, True)
        return Number(vague.value, start, toks[hit.end - 1].end, hit.end, True)
    if all(w.kind == "point" for w in hit.payloads):
        return None
    total = current = last_value = 0.0
    last: str | None = None
    j = i
    while True:
        conj = False
        if last is not None:
            if j >= len(toks) or toks[j].sentence != tok.sentence:
                break
            hit = table.match(seg, j, accept=_kind(*_JOINING))
            if hit is None:
                hit = table.match(seg, j, first=after_waw, accept=_kind(*_JOINING))
                conj = hit is not None
            if hit is None:
                break
        word = next((w for w in hit.payloads if w.kind in _JOINING), None)
        if word is None:
            break
        if not _joins(last, word, conj):
            break
        if word.kind == "scale":
            total, current = total + (current or 1) * word.value, 0.0
            half, end = _and_a_fraction(seg, hit.end, word.value)
            if half:  # "ثلاثة ملايين ونصف": the number ends here
                return Number(total + half, start, toks[end - 1].end, end)
        elif word.kind == "dual":
            total += word.value
        elif word.kind == "hundred" and not conj and last == "unit":
            current += last_value * (word.value - 1)  # "ثلاث مئة" = 3 x 100
        else:
            current += word.value
        last, last_value, j = word.kind, word.value, hit.end
    if last is None or last == "fraction":
        return None
    if last in ("scale", "dual"):
        rest, j = _and_a_remainder(seg, j, last_value)
        total += rest
    return Number(total + current, start, toks[j - 1].end, j)


def _and_a_remainder(seg: Doc, k: int, scale: float) -> tuple[float, int]:
    """"839 ألفا و118", "مليونا و 37 ألف": the digits joined by a bare و after the scale word
    before token k, when they count less than it (the rest of one figure), and the token after
    them; (0, k) when none follows."""
    toks = seg.tokens
    if k + 1 >= len(toks) or toks[k].text != WAW or not toks[k + 1].is_number:
        return 0.0, k
    if toks[k].sentence != toks[k - 1].sentence or toks[k + 1].sentence != toks[k].sentence:
        return 0.0, k
    rest = read_number(seg, k + 1)
    if rest is None or rest.vague or rest.value >= scale:
        return 0.0, k
    return rest.value, rest.next


def _and_a_fraction(seg: Doc, k: int, scale: float) -> tuple[float, int]:
    """"مليون ونصف", "ثلاثة آلاف ونصف الألف": the fraction of the scale word before token k
    joined by و, with the scale word repeated after it or not, and the token after them;
    (0, k) when none follows."""
    toks, table = seg.tokens, _numbers(seg.language)
    if k >= len(toks) or toks[k].sentence != toks[k - 1].sentence:
        return 0.0, k
    fraction = table.match(seg, k, first=after_waw, accept=_kind("fraction"))
    if fraction is None:
        return 0.0, k
    end = fraction.end
    again = table.match(seg, end, first=_without_article, accept=_kind("scale")) if end < len(toks) else None
    if again is not None and toks[end].sentence == toks[k].sentence and again.payloads[0].value == scale:
        end = again.end  # "ونصف المليون"
    return fraction.payloads[0].value * scale, end


def _without_article(word: str) -> tuple[tuple[str, int], ...]:
    return ((word[len(ARTICLE):], len(ARTICLE)),) if word.startswith(ARTICLE) and len(word) > 4 else ()


def _reversed_decimal(seg: Doc, i: int) -> tuple[float, int] | None:
    """"2ر3": a decimal as KUNA's wire copy writes it, the fraction first and ر for the point
    (3.2), and the token after it; None when token i starts no such number."""
    toks = seg.tokens
    if i + 2 >= len(toks):
        return None
    point, whole, fraction = toks[i + 1], toks[i + 2], toks[i]
    if point.start != fraction.end or whole.start != point.end or not point.is_word:
        return None
    if _numbers(seg.language).match(seg, i + 1, accept=_kind("point")) is None:
        return None
    if not (whole.is_number and whole.text.isdecimal() and fraction.text.isdecimal()):
        return None
    return float(f"{whole.text}.{fraction.text}"), i + 3


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
