"""The words of dates: the lexicon tables :mod:`athar.dates` parses with, and what each word may start.

Month names, weekdays, ordinal days, cue words and units of time are data (``months.tsv``,
``weekdays.tsv``, ``ordinals.tsv``, ``date_cues.tsv``, ``durations.tsv``), each loaded into a
:class:`~athar.amounts.PhraseTable` and validated row by row.

The parser tries a dozen table look-ups at each place a date may start, and most of them find
nothing. :class:`Word` says once per word (cached) which tables and which cue roles have a form
whose first word is that word, read as the parser reads it (with or without a proclitic, after
و, without the accusative alef), so that the parser skips a look-up that cannot match.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from athar.amounts import PhraseTable, after_waw, may_start_number, with_proclitics
from athar.lexicon import Row, check_choice, check_number, load_table

ROLES = ("year", "month", "day", "season", "anchor", "about", "ref", "same-pre", "today", "yesterday",
         "ago", "of", "sep", "range-from", "range-to", "pair", "idiom")
UNIT_PRECISION = {"Y": "year", "M": "month", "W": "day", "D": "day", "H": "day"}  # by duration designator
# cue roles read at the first token of a date by the grammar of athar.dates: a function word
# ("في", "من", "قبل", "حتى") opens dates only with a date word after it; the others are date words
_FUNCTION_ROLES = frozenset({"anchor", "about", "range-from", "ago"})
_DATE_WORD_ROLES = frozenset({"season", "day", "month", "year", "same-pre", "today", "yesterday"})
# the cues that may come first in a date (dates._Parser._date) and in a length of time (_time_span)
_DATE_OPENERS = _DATE_WORD_ROLES | {"anchor", "about"}
_SPAN_OPENERS = frozenset({"ago", "anchor"})

# what may start at a word (Word.start)
NO_DATE = 0
NEEDS_DATE_WORD = 1  # a number or a function word: a date starts there only with a date word soon after
DATE_WORD = 2  # a month, weekday, ordinal, unit of time, date-word cue or four-digit year


@dataclass(frozen=True)
class Cue:
    role: str
    value: str


@dataclass(frozen=True)
class Word:
    """What a table may match at a token reading this word: flags and cue roles, by reading."""

    cues: frozenset[str]  # roles of the cues that may start at the word as it is
    clitic_cues: frozenset[str]  # ... or without a proclitic
    month: bool
    clitic_month: bool
    clitic_weekday: bool
    ordinal: bool
    waw_ordinal: bool  # an ordinal after و ("والعشرين")
    unit: bool  # read by unit_forms
    number: bool  # read_number may find a number here
    digits: bool  # the word is a number in digits
    start: int  # NO_DATE, NEEDS_DATE_WORD or DATE_WORD
    opens_date: bool  # a cue, weekday, day, month or year that may come first in a date
    opens_span: bool  # "قبل", "منذ", a unit of time or a number: may come first in a length of time


@dataclass(frozen=True)
class DateLexicon:
    months: PhraseTable  # (month, bare)
    weekdays: PhraseTable  # ISO weekday
    ordinals: PhraseTable  # (value, kind)
    cues: PhraseTable  # Cue
    units: PhraseTable  # (designator, 2 for a dual form, else None)

    @functools.cached_property
    def words(self) -> _Words:
        """The :class:`Word` of each word, computed when first asked for: ``lex.words[text]``."""
        return _Words(self)

    def read(self, word: str) -> Word:
        cues = self.cues
        clitic_cues = frozenset(role for role in ROLES if cues.starts(word, with_proclitics, _role(role))) \
            if cues.starts(word, with_proclitics) else frozenset()
        # the word itself is one of its readings with proclitics: its roles are among clitic_cues
        exact_cues = frozenset(role for role in clitic_cues if cues.starts(word, accept=_role(role)))
        clitic_month = self.months.starts(word, with_proclitics)
        clitic_weekday = self.weekdays.starts(word, with_proclitics)
        ordinal = self.ordinals.starts(word)
        unit = self.units.starts(word, unit_forms)
        number = may_start_number(word)
        digits = word[0].isdigit()
        if digits:
            start = DATE_WORD if len(word) == 4 and word[:2] in ("19", "20") else NEEDS_DATE_WORD
        elif clitic_cues & _DATE_WORD_ROLES or clitic_month or clitic_weekday or ordinal or unit:
            start = DATE_WORD
        else:
            start = NEEDS_DATE_WORD if clitic_cues & _FUNCTION_ROLES or number else NO_DATE
        return Word(cues=exact_cues, clitic_cues=clitic_cues, month=clitic_month and self.months.starts(word),
                    clitic_month=clitic_month, clitic_weekday=clitic_weekday, ordinal=ordinal,
                    waw_ordinal=self.ordinals.starts(word, after_waw), unit=unit, number=number, digits=digits,
                    start=start, opens_date=bool(clitic_cues & _DATE_OPENERS) or digits or clitic_weekday or ordinal
                    or clitic_month, opens_span=bool(clitic_cues & _SPAN_OPENERS) or unit or number)


class _Words(dict):
    """word -> :class:`Word`, filled on first use and started over past 65,536 words."""

    def __init__(self, lexicon: DateLexicon):
        super().__init__()
        self.lexicon = lexicon

    def __missing__(self, word: str) -> Word:
        if len(self) >= 1 << 16:
            self.clear()
        known = self[word] = self.lexicon.read(word)
        return known


@functools.cache
def _role(role: str) -> Callable[[Cue], bool]:
    return lambda cue: cue.role == role


def unit_forms(word: str) -> Iterable[tuple[str, int]]:
    """A unit of time with a proclitic or the accusative alef: "وعامين", "يوما" (not "اليوم")."""
    for form, skip in with_proclitics(word):
        yield form, skip
        if form.endswith("ا") and len(form) > 2:
            yield form[:-1], skip


def _table(name: str, columns: tuple[str, ...], read: Callable[[Row], Iterable[tuple[str, object]]]) -> PhraseTable:
    table = PhraseTable()
    for row in load_table(name, columns):
        for form, payload in read(row):
            table.add(form, payload)
    return table


def _int_in(row: Row, column: str, low: int, high: int) -> int:
    value = int(check_number(row, column, int))
    if not low <= value <= high:
        raise row.fail(f"'{column}' is {value}, expected {low} to {high}")
    return value


def _month_row(row: Row, seen: dict[str, int]) -> list[tuple[str, object]]:
    month = _int_in(row, "month", 1, 12)
    check_choice(row, "family", ("levantine", "egyptian", "maghreb"))
    payload = (month, check_choice(row, "bare", ("yes", "no")) == "yes")
    for form in row.forms("forms"):
        if seen.setdefault(form, month) != month:
            raise row.fail(f"'{form}' is already month {seen[form]}")
    return [(form, payload) for form in row.many("forms")]


@functools.cache
def lexicon() -> DateLexicon:
    """The date tables, loaded and checked once."""
    seen: dict[str, int] = {}
    return DateLexicon(
        months=_table("months.tsv", ("month", "family", "forms", "bare"), lambda r: _month_row(r, seen)),
        weekdays=_table("weekdays.tsv", ("weekday", "forms"),
                        lambda r: [(f, _int_in(r, "weekday", 1, 7)) for f in r.many("forms")]),
        ordinals=_table("ordinals.tsv", ("value", "kind", "forms"), lambda r: [
            (f, (_int_in(r, "value", 1, 30), check_choice(r, "kind", ("unit", "compound", "teen", "ten"))))
            for f in r.many("forms")]),
        cues=_table("date_cues.tsv", ("role", "forms"),
                    lambda r: [(f, Cue(check_choice(r, "role", ROLES), r.get("value"))) for f in r.many("forms")]),
        units=_table("durations.tsv", ("designator", "forms"), lambda r: [
            (f, (check_choice(r, "designator", tuple(UNIT_PRECISION)), count))
            for column, count in (("forms", None), ("dual", 2)) for f in r.many(column)]),
    )
