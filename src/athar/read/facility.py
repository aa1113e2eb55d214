"""One facility of no name: "داخل مطعم وسط مدينة منبج", "قصفت منزلاً في بلدة محيميدة",
"سلمت مقرها في محافظة نينوى".

A common noun of kinds.tsv names a facility without its name ("مطعم", "المنازل"). Named in the
singular (the table's ``one`` column), it is one building the text can place, as a named place
is: it lies in the named place the words right after it give. In the plural ("المنازل في البلدة")
or counted ("سبعة آلاف منزل في مجمع") it is a kind of building, no entity to locate.
"""

from __future__ import annotations

from bisect import bisect_left

from athar.read.entity import Mention, is_a
from athar.read.language import Language, language_data
from athar.read.text import Doc

__all__ = ["one_facility"]


@language_data
def _single_forms(lang: Language) -> frozenset[tuple[str, ...]]:
    """kinds.tsv's forms that name one facility (column ``one``), each one of its row's forms, in a
    row of a place (a facility, a camp: what a place can contain)."""
    out: set[tuple[str, ...]] = set()
    for row in lang.table("kinds.tsv", ("key", "type", "en", "ar", "forms")):
        forms = set(row.forms("forms"))
        if row.get("one") and not is_a(row["type"], "Place"):
            raise row.fail(f"column one names one facility, but type '{row['type']}' is no place")
        for f in row.forms("one"):
            if f not in forms:
                raise row.fail(f"'{f}' of column one is none of the row's forms")
            out.add(tuple(f.split()))
    return frozenset(out)


def one_facility(seg: Doc, m: Mention) -> bool:
    """Whether the mention of no name ``m`` names one facility: a singular form of kinds.tsv
    (a proclitic on its first word left aside: "وبمنزل"), no number counting it before."""
    if m.source != "kind":
        return False
    words = seg.texts[m.first_token:m.last_token]
    if not words or not any(len(f) == len(words) and tuple(words[1:]) == f[1:] and words[0].endswith(f[0])
                            for f in _single_forms(seg.language)):
        return False
    return not _counted(seg, m)


def _counted(seg: Doc, m: Mention) -> bool:
    """Whether an amount takes ``m`` as its unit ("سبعة آلاف منزل") or, a bare number, ends right
    before it ("خمسة مطاعم"); an amount with a unit of its own counts something else ("استهدفت ثلاث
    غارات منزلا": the strikes)."""
    tokens = seg.tokens
    if m.first_token == 0 or tokens[m.first_token - 1].sentence != tokens[m.first_token].sentence:
        return False  # a number closing the sentence before counts nothing of this one
    before = tokens[m.first_token - 1].end
    return any(a.unit_start <= m.start < a.unit_end if a.unit_start is not None and a.unit_end is not None
               else a.end == before for a in _amounts_near(seg, m))


def _amounts_near(seg: Doc, m: Mention):
    """The amounts that end at or after the token before ``m`` and start before its end (the text's
    amounts are sorted: a bisect, not a walk over all of them)."""
    amounts = seg.amounts or []
    ends = seg.memo.get(_AMOUNT_ENDS)
    if ends is None or len(ends) != len(amounts):
        ends = seg.memo[_AMOUNT_ENDS] = [a.end for a in amounts]
    before = seg.tokens[m.first_token - 1].end
    i = bisect_left(ends, before)
    while i < len(amounts) and amounts[i].start < m.end:
        yield amounts[i]
        i += 1


_AMOUNT_ENDS = "facility: amount ends"  # Doc.memo's key of the amounts' ends, in text order
