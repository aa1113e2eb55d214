"""Tolls told one after another: "سقط نحو 32 قتيلا من قسد و6 عناصر من الفرق الهندسية", "قتل ثمانية
مدنيين امس في منطقة الجاير و15 آخرين يوم الاثنين في مدينة الشدادي". A killing counts its dead,
then "و" joins a second count of people with a group or a place of its own: two tolls, each its
own killing (as the news tells them and ACLED codes them), not one killing of both groups with the
first count. A part after a word of amount_links.tsv ("بينهم 3 أطفال") is no count of its own
(:mod:`athar.read.amounts`), nor are the wounded ("و45 جريحا": no noun of people counts them).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from athar.read.amounts import AmountMention
from athar.read.function_words import function_word, function_words
from athar.read.language import Language, language_data
from athar.read.mentions import is_a
from athar.read.text import CLAUSE_ENDS, WAW, Doc
from athar.read.values import Evidence, Fact

_REACH = 12  # the most tokens from the first count to the second
_BRACKET = "("  # "و (6) عناصر"


def tolls_apart(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """The facts, each killing whose count "و" and a second count of people follow in its clause
    told as two: the first keeps its count and what is named before the second; the second takes
    the second count, the victims and places named after it (those of the first when it names
    none: "و15 آخرين"), and the first's doer. Another event that took the second count ("نزع
    الألغام" after "و6 عناصر من الفرق الهندسية") gives it up: it counts the dead."""
    amounts = doc.amounts or []
    starts = [a.start for a in amounts]
    mentions = sorted(doc.mentions or (), key=lambda m: m.first_token)
    firsts = [m.first_token for m in mentions]
    out: list[Fact] = []
    tolls: set[int] = set()
    for f in facts:
        out.append(f)
        second = _second_count(doc, f, amounts, starts) if f.type == "Killing" and f.amount is not None else None
        if second is None or id(second) in tolls:
            continue
        at = doc.token_at(second.start)
        after = [(r, m) for r, m in f.roles if r in ("victim", "place") and m.first_token >= at]
        victims, places = [m for r, m in after if r == "victim"], [m for r, m in after if r == "place"]
        victims = victims or _counted(doc, second, mentions, firsts)
        if not victims and not _others(doc, second):
            continue  # a count of whom the words do not say
        moved = {id(m) for _, m in after}
        first = [(r, m) for r, m in f.roles if id(m) not in moved]
        victims = victims or [m for r, m in first if r == "victim"]
        places = places or _placed(doc, second, mentions, firsts) or [m for r, m in first if r == "place"]
        roles = [(r, m) for r, m in first if r == "agent"] + [("victim", m) for m in victims] \
            + [("place", m) for m in places]
        a0, a1 = doc.original(second.start, second.end)
        # its own words: from its count to the last thing named after it (a fact of its own, apart from the first)
        end = max([a1] + [doc.original(m.start, m.end)[1] for m in victims + places if m.first_token >= at])
        evidence = Evidence(a0, end, doc.text[a0:end], f.evidence.sentence)
        out[-1] = replace(f, roles=tuple(first))
        # told by its count, its count is the words it is known by ("و15 آخرين")
        out.append(replace(f, roles=tuple(dict.fromkeys(roles)), amount=second, amount_words=doc.text[a0:a1],
                           evidence=evidence, trigger=doc.text[a0:a1], trigger_start=a0, trigger_end=a1))
        tolls.add(id(second))
    if not tolls:
        return out
    return [replace(f, amount=None, amount_words=None) if f.amount is not None and id(f.amount) in tolls
            and f.type != "Killing" else f for f in out]


def _second_count(doc: Doc, f: Fact, amounts: list[AmountMention], starts: list[int]) -> AmountMention | None:
    """The count of people that "و" joins right after the killing's count, in its clause (no comma
    between, a few words at most), or None."""
    first = f.amount
    k = bisect_left(starts, first.end)
    if k >= len(amounts):
        return None
    second, tokens = amounts[k], doc.tokens
    last, at = doc.token_at(first.end - 1), doc.token_at(second.start)
    if last is None or at is None or not 0 < at - last <= _REACH or tokens[at].sentence != tokens[last].sentence:
        return None
    if any(t.text in CLAUSE_ENDS for t in tokens[last + 1:at]):
        return None
    glued = tokens[at].text.startswith(WAW) and second.start > tokens[at].start  # "و15"
    before = at - 2 if tokens[at - 1].text == _BRACKET else at - 1
    if not glued and not (before > last and tokens[before].text == WAW):
        return None
    if second.unit is not None and second.unit != first.unit and second.unit not in _people(doc.language):
        return None  # "و45 جريحا", "و3 آليات": no second toll
    return second


def _counted(doc: Doc, count: AmountMention, mentions: list, firsts: list[int]) -> list:
    """"و (4) من المدنيين", "و6 عناصر من الفرق الهندسية": the people the count names right after it
    (after "من" at most), none when it names none."""
    first, last = doc.token_at(count.start), doc.token_at(count.end - 1)
    if first is None or last is None:
        return []
    k = last + 1
    if k < len(doc.tokens) and doc.tokens[k].text == function_word(doc.language, "partitive"):
        k += 1
    return [m for m in mentions[bisect_left(firsts, first + 1):bisect_right(firsts, k)]
            if is_a(m.type, "Actor") and not is_a(m.type, "Place")][:1]


def _placed(doc: Doc, count: AmountMention, mentions: list, firsts: list[int]) -> list:
    """"و15 آخرين يوم الاثنين في مدينة الشدادي": the place "في" brings in after the count, in its
    clause (a few words on, no comma between), or none."""
    last = doc.token_at(count.end - 1)
    if last is None:
        return []
    tokens, where = doc.tokens, function_word(doc.language, "locative")
    end = last + 1
    while end < min(len(tokens), last + _REACH) and tokens[end].text not in CLAUSE_ENDS \
            and tokens[end].sentence == tokens[last].sentence:
        end += 1
    return [m for m in mentions[bisect_left(firsts, last + 1):bisect_left(firsts, end)]
            if is_a(m.type, "Place") and tokens[m.first_token - 1].text == where][:1]


def _others(doc: Doc, count: AmountMention) -> bool:
    """Whether "others" follows the count ("و15 آخرين"): more of the first count's victims."""
    last = doc.token_at(count.end - 1)
    return last is not None and last + 1 < len(doc.tokens) \
        and doc.tokens[last + 1].text in function_words(doc.language, "others")


@language_data
def _people(lang: Language) -> frozenset[str]:
    """The units of units.tsv that count people: those a singular noun counts one of."""
    return frozenset(row["unit"] for row in lang.table("units.tsv", ("unit", "kind", "forms")) if row.get("one"))
