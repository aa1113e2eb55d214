"""The words of dates: the lexicon tables :mod:`athar.read.dates` parses with, and what each word may start.

Month names, weekdays, ordinal days, cue words and units of time are data (``months.tsv``,
``weekdays.tsv``, ``ordinals.tsv``, ``date_cues.tsv``, ``durations.tsv``), each loaded into a
:class:`DateTable` and validated row by row.

The parser tries a dozen table look-ups at each place a date may start, and most of them find
nothing. :class:`Word` lists once per word (cached) the forms of each table whose first word
is that word, read as the parser reads it (with or without a proclitic, after و, without the
accusative alef): the parser skips a look-up where the list is empty, and otherwise only checks
the later words of the forms listed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from athar.read.numbers import after_waw, may_start_number
from athar.read.phrases import Variants, exact_form, proclitics
from athar.read.lexicon import Row, check_choice, check_number
from athar.read.phrases import WordIndex
from athar.read.text import ARTICLE, TANWEEN_ALEF, Doc, normalize_word, token_texts
from athar.read.language import Language, language_data

ROLES = ("year", "month", "week", "day", "season", "anchor", "about", "ref", "same-pre", "today", "yesterday", "then",
         "ago", "of", "sep", "range-from", "range-to", "years", "pair", "idiom", "background", "recent",
         "depiction", "lapse", "over", "upon", "activity")
UNIT_PRECISION = {"Y": "year", "M": "month", "W": "day", "D": "day", "H": "day"}  # by duration designator
# cue roles read at the first token of a date by the grammar of athar.read.dates: a function word
# ("في", "من", "قبل", "حتى") opens dates only with a date word after it; the others are date words
_FUNCTION_ROLES = frozenset({"anchor", "about", "range-from", "ago"})
_DATE_WORD_ROLES = frozenset({"season", "day", "week", "month", "year", "same-pre", "today", "yesterday", "then"})
# the cues that may come first in a date (dates._Parser._date) and in a length of time (_time_span)
_DATE_OPENERS = _DATE_WORD_ROLES | {"anchor", "about"}
_SPAN_OPENERS = frozenset({"ago", "anchor"})

# what may start at a word (Word.start)
NO_DATE = 0
NEEDS_DATE_WORD = 1  # a number or a function word: a date starts there only with a date word soon after
DATE_WORD = 2  # a month, weekday, ordinal, unit of time, date-word cue or four-digit year

# the forms that may start at a word: (characters of proclitic skipped, later words, payload)
Heads = tuple[tuple[int, tuple[str, ...], object], ...]


@dataclass(frozen=True)
class Cue:
    role: str
    value: str


class DateTable:
    """One- or many-word normalized forms with their payloads, indexed by their first word.

    Forms are split into words as :class:`athar.read.phrases.PhraseTable` splits them, and
    :meth:`heads` lists them in the order its ``match`` tries them, so that the parser's
    longest match (``dates._Parser.longest``) finds what ``PhraseTable.match`` would.
    """

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}

    def add(self, form: str, payload: object) -> None:
        words = token_texts(normalize_word(form))
        if words:
            self._by_first.setdefault(words[0], []).append((words[1:], payload))

    def heads(self, word: str, first: Variants = exact_form) -> Heads:
        """The forms whose first word is a reading of ``word`` (by ``first``), readings first."""
        by_first = self._by_first
        readings = tuple(first(word))
        for form, _ in readings:
            if form in by_first:  # most words: no reading is the first word of a form
                return tuple((skip, tail, payload) for form, skip in readings
                             for tail, payload in by_first.get(form, ()))
        return ()

    def firsts(self) -> frozenset[str]:
        """The first words of the forms."""
        return frozenset(self._by_first)


@dataclass(frozen=True, slots=True)
class Word:
    """The forms of each table that may start at a token reading this word, by reading, and
    what the parser may find there. An empty tuple of forms means the look-up finds nothing."""

    cues: Heads  # the word as it is
    clitic_cues: Heads  # the word, then the word without a proclitic
    cue_roles: frozenset[str]  # the roles of cues
    clitic_cue_roles: frozenset[str]  # the roles of clitic_cues
    months: Heads
    clitic_months: Heads
    clitic_weekdays: Heads
    ordinals: Heads
    waw_ordinals: Heads  # after و ("والعشرين")
    units: Heads  # read by unit_forms
    article_units: Heads  # a plural or dual unit with the article: "الأيام", "الأسبوعين" (a recent stretch)
    number: bool  # read_number may find a number here
    digits: bool  # the word is a number in digits
    start: int  # NO_DATE, NEEDS_DATE_WORD or DATE_WORD
    opens_date: bool  # a cue, weekday, day, month or year that may come first in a date
    opens_span: bool  # "قبل", "منذ", a unit of time or a number: may come first in a length of time


@dataclass(frozen=True)
class DateLexicon:
    """The date tables, and the :class:`Word` of each word read against them."""

    months: DateTable  # (month, bare)
    weekdays: DateTable  # ISO weekday
    ordinals: DateTable  # (value, kind)
    cues: DateTable  # Cue
    units: DateTable  # (designator, 2 for a dual form, else None)
    lang: Language  # whose tables these are

    @functools.cached_property
    def words(self) -> WordIndex:
        """The :class:`Word` of each word, computed when first asked for: ``lex.words[text]``."""
        return WordIndex(self.read)

    @functools.cached_property
    def _firsts(self) -> frozenset[str]:
        """The first words of the forms of every table (the tables do not change once loaded)."""
        return frozenset().union(*(t.firsts() for t in (self.months, self.weekdays, self.ordinals, self.cues,
                                                        self.units)))

    @functools.cached_property
    def _gate(self) -> frozenset[str]:
        """The readings a word must have one of for some table to read it: the first words, and
        each with the accusative alef (what :meth:`unit_forms` strips); a word starting with و
        is tested without it too (``after_waw``)."""
        return self._firsts | {first + TANWEEN_ALEF for first in self._firsts}

    def _read_by_no_table(self, word: str, readings: tuple[tuple[str, int], ...]) -> bool:
        """Whether no reading of ``word`` the tables are read with (exact, with proclitics,
        :meth:`unit_forms`, ``after_waw``) is the first word of a form: a superset of them is
        tested against :attr:`_gate` (the readings with proclitics hold the word itself)."""
        gate = self._gate
        for form, _ in readings:
            if form in gate:
                return False
        return not any(form in gate for form, _ in after_waw(word))

    @functools.cached_property
    def _made(self) -> dict[tuple, Word]:
        """The Words made, by their fields: most words have the same (no form of any table)."""
        return {}

    def read(self, word: str) -> Word:
        """The :class:`Word` of ``word``, from the tables (not cached: use :attr:`words`)."""
        with_proclitics = proclitics(self.lang).readings
        # most words are read by no form of any table under any of the readings the tables are
        # read with (below): one set operation tells, and every look-up is empty
        bare = ((word[len(ARTICLE):], 0),) if word.startswith(ARTICLE) else ()  # "الأيام": a unit with the article
        if self._read_by_no_table(word, tuple(with_proclitics(word)) + bare):
            clitic_cues = cues = months = clitic_months = clitic_weekdays = ordinals = waw_ordinals = units = ()
            article_units = ()
        else:
            clitic_cues = self.cues.heads(word, with_proclitics)
            cues = self.cues.heads(word)
            months = self.months.heads(word)
            clitic_months = self.months.heads(word, with_proclitics)
            clitic_weekdays = self.weekdays.heads(word, with_proclitics)
            ordinals = self.ordinals.heads(word)
            waw_ordinals = self.ordinals.heads(word, after_waw)
            units = self.units.heads(word, self.unit_forms)
            article_units = tuple(h for h in self.units.heads(word[len(ARTICLE):]) if h[2][1] in (0, 2)) \
                if word.startswith(ARTICLE) else ()
        roles = _roles(clitic_cues)
        number = may_start_number(self.lang, word)
        digits = word[0].isdigit()
        if digits:
            start = DATE_WORD if len(word) == 4 and word[:2] in ("19", "20") else NEEDS_DATE_WORD
        elif not roles.isdisjoint(_DATE_WORD_ROLES) or clitic_months or clitic_weekdays or ordinals or units \
                or article_units:
            start = DATE_WORD
        else:
            start = NEEDS_DATE_WORD if not roles.isdisjoint(_FUNCTION_ROLES) or number else NO_DATE
        fields = (cues, clitic_cues, _roles(cues), roles, months, clitic_months, clitic_weekdays, ordinals,
                  waw_ordinals, units, article_units, number, digits, start,
                  bool(not roles.isdisjoint(_DATE_OPENERS) or digits or clitic_weekdays or ordinals or clitic_months),
                  bool(not roles.isdisjoint(_SPAN_OPENERS) or units or article_units or number))
        made = self._made.get(fields)
        if made is None:
            made = self._made[fields] = Word(*fields)
        return made

    def unit_forms(self, word: str) -> tuple[tuple[str, int], ...]:
        """A unit of time with a proclitic or the accusative alef: "وعامين", "يوما" (not "اليوم")."""
        out = []
        for form, skip in proclitics(self.lang).readings(word):
            out.append((form, skip))
            if form.endswith(TANWEEN_ALEF) and len(form) > 2:
                out.append((form[:-1], skip))
        return tuple(out)


_NO_ROLES: frozenset[str] = frozenset()


def _roles(cues: Heads) -> frozenset[str]:
    return frozenset(cue.role for _, _, cue in cues) if cues else _NO_ROLES  # most words: one shared set


def _table(lang: Language, name: str, columns: tuple[str, ...], read: Callable[[Row], Iterable[tuple[str, object]]]) -> DateTable:
    table = DateTable()
    for row in lang.table(name, columns):
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


@language_data
def lexicon(lang: Language) -> DateLexicon:
    """The date tables, loaded and checked once."""
    seen: dict[str, int] = {}
    return DateLexicon(
        lang=lang,
        months=_table(lang, "months.tsv", ("month", "family", "forms", "bare"), lambda r: _month_row(r, seen)),
        weekdays=_table(lang, "weekdays.tsv", ("weekday", "forms"),
                        lambda r: [(f, _int_in(r, "weekday", 1, 7)) for f in r.many("forms")]),
        ordinals=_table(lang, "ordinals.tsv", ("value", "kind", "forms"), lambda r: [
            (f, (_int_in(r, "value", 1, 30), check_choice(r, "kind", ("unit", "compound", "teen", "ten"))))
            for f in r.many("forms")]),
        cues=_table(lang, "date_cues.tsv", ("role", "forms"),
                    lambda r: [(f, Cue(check_choice(r, "role", ROLES), r.get("value"))) for f in r.many("forms")]),
        # (designator, count): None for a unit read after a number, 2 for a dual, 0 for a plural
        units=_table(lang, "durations.tsv", ("designator", "forms"), lambda r: [
            (f, (check_choice(r, "designator", tuple(UNIT_PRECISION)), count))
            for column, count in (("forms", None), ("dual", 2), ("plural", 0)) for f in r.many(column)]),
    )


def ordinal_teen(seg: Doc, k: int) -> bool:
    """"الساعة الحادية عشرة", "للمرة الثالثة عشرة": the عشر of an ordinal (ordinals.tsv) is no number."""
    table, toks = lexicon(seg.language).ordinals, seg.tokens
    return k > 0 and toks[k - 1].is_word and any(p[1] == "teen" and not tail for _, tail, p in table.heads(toks[k].text)) \
        and any(p[1] in ("unit", "compound") and p[0] < 10 and not tail
                for _, tail, p in table.heads(toks[k - 1].text, proclitics(seg.language).readings))
