"""Dates in Arabic news: calendar dates, years, parts of periods, ranges, relative dates, durations.

    "23 آذار/مارس 2019"              -> 2019-03-23, day
    "أواخر العام 2015"                -> 2015, season, qualifier late
    "منذ أواسط العام 2019"            -> 2019, season, qualifier mid, anchor since
    "ما بين 21 و31 من آذار 2019"      -> 2019-03-21 to 2019-03-31
    "الجمعة 19 آب" (published 2016-08-25) -> 2016-08-19, relative
    "قبل عام" (published 2020-03)     -> 2019-03, relative
    "73 يومًا"                        -> duration P73D, value None
    "خلال الأيام الماضية" (published 2016-11-20) -> 2016-11, relative: the stretch up to that day

Month names, weekdays, ordinal days, cue words and units of time are data, loaded by
:mod:`athar.read.datewords`; numbers are read with :func:`athar.read.numbers.read_number`. A bare
number is never a year: a year follows a month, a cue word (عام، سنة), a season word or an
anchor (منذ، حتى), or closes a range.

Resolution. A day and month without a year take the year of the previous date in the text
(after a weekday, or with none, the most recent such date not after ``published``); "الماضي"
after a month is the most recent one before ``published`` (in a paper of a year, that year's).
"أمس" or a weekday in a paper known to the month (or year) is that month (or year): no day is
guessed (:mod:`athar.read.newsdate` lists the conventions). A date that cannot be resolved keeps
``value`` None, ``relative`` True; "قبل ثلاثة أشهر" then keeps its length in ``duration``.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress, count
from operator import attrgetter

from athar.read.numbers import Number, read_number
from athar.read.phrases import Match, longer_match
from athar.read.function_words import function_word
from athar.read.datewords import DATE_WORD, Heads, lexicon
from athar.read.datepart import Parts as _Parts
from athar.read.datemath import SHIFT, Published, iso, published_date
from athar.read.datevalue import PRECISIONS, DateMention, Resolver
from athar.read.text import Doc

__all__ = ["PRECISIONS", "DateMention", "extract_dates"]
_UNIT_ROLES = frozenset({"year", "month", "week", "today"})  # the words an ordinal after them counts: "الأسبوع الأول"
_MONTH_REFS = frozenset(SHIFT) | {"same", "following"}
_YEARS = range(1900, 2101)
_PLURAL_COUNTS = (3, 10)  # the numbers that count a plural noun ("خمسة أيام"), not a singular ("خمسة يوم")


def extract_dates(seg: Doc, published: str | None) -> list[DateMention]:
    """Dates in the text, sorted by start and non-overlapping (the longest at each place wins)."""
    parser = _Parser(seg, published_date(published))
    found: list[DateMention] = []
    after = 0  # the token after the last date found: dates do not overlap
    for i in parser.starts():
        parts = parser.parse(i) if i >= after else None
        if parts is not None:
            found.append(parser.resolve(parts))
            after = parts.next
    return found


_START = attrgetter("start")  # Word.start: what a token may start, for map() over a text


class _Parser:
    def __init__(self, seg: Doc, published: Published | None):
        self.seg, self.toks, self.lex = seg, seg.tokens, lexicon(seg.language)
        words = self.lex.words
        self.words = list(map(words.__getitem__, seg.texts))  # what each token may start (datewords.Word)
        self.stop = 0  # the end of the sentence being parsed (exclusive token index)
        self.resolver = Resolver(published)

    # -- token helpers ---------------------------------------------------

    def starts(self) -> list[int]:
        """The tokens where a date may start. Every reading in :meth:`parse` begins with a
        number or a word of a table, and a number ("23", "ثلاث") or a function word ("في",
        "من", "قبل", "حتى") starts a date only when a date word (a month, a weekday, a unit of
        time, a year cue, a four-digit year) follows within six words of its sentence
        ("ما بين 21 و31 من آذار"): most of them start none."""
        toks, kinds = self.toks, list(map(_START, self.words))
        found = []
        date_word = len(toks) + 6  # the first date word after token i (none yet)
        for i in reversed(list(compress(count(), kinds))):  # the tokens that may start a date, last first
            if kinds[i] == DATE_WORD:
                date_word = i
            # tokens come in order of sentence: the tokens up to the date word are all in token
            # i's sentence when that date word is
            elif date_word - i > 6 or toks[date_word].sentence != toks[i].sentence:
                continue
            found.append(i)
        found.reverse()
        return found

    def ok(self, j: int) -> bool:
        """Whether token j is in the sentence being parsed (the parser only reads forward)."""
        return j < self.stop

    def at(self, j: int, skip: int = 0) -> int:
        return self.toks[j].start + skip

    # The look-ups of the grammar: each reads the forms of its table that the token's Word
    # lists (most lists are empty) and keeps the longest that fits.

    def longest(self, j: int, heads: Heads, accept: Callable[[object], bool] | None = None) -> Match | None:
        """The longest of ``heads`` (forms listed by token j's Word) that ``accept`` keeps and
        whose later words are the next tokens of the sentence; forms of that length with the
        same proclitic pool their payloads. It is ``PhraseTable.match`` over a date table."""
        best: Match | None = None
        toks = self.toks
        for skip, tail, payload in heads:
            end = j + 1 + len(tail)
            # the word after token j first: most forms of many words are told apart there
            if end > self.stop or tail and (toks[j + 1].text != tail[0]
                                            or any(toks[j + 1 + k].text != w for k, w in enumerate(tail))):
                continue
            if accept is not None and not accept(payload):
                continue
            best = longer_match(best, payload, end, skip)
        return best

    def cue(self, j: int, *roles: str) -> Match | None:
        """A cue word of one of ``roles`` (date_cues.tsv) at token j, as it is."""
        if j < self.stop and not (word := self.words[j]).cue_roles.isdisjoint(roles):
            return self.longest(j, word.cues, lambda c: c.role in roles)
        return None

    def clitic_cue(self, j: int, *roles: str, value: str | None = None) -> Match | None:
        """A cue word of one of ``roles`` (and of ``value``) at token j, maybe after a proclitic."""
        if j < self.stop and not (word := self.words[j]).clitic_cue_roles.isdisjoint(roles):
            return self.longest(j, word.clitic_cues, lambda c: c.role in roles and value in (None, c.value))
        return None

    def month(self, j: int, clitics: bool) -> Match | None:
        if j < self.stop and (heads := self.words[j].clitic_months if clitics else self.words[j].months):
            return self.longest(j, heads)
        return None

    def weekday(self, j: int) -> Match | None:
        if j < self.stop and (heads := self.words[j].clitic_weekdays):
            return self.longest(j, heads)
        return None

    def ordinal(self, j: int, accept: Callable[[tuple[int, str]], bool] | None = None,
                waw: bool = False) -> Match | None:
        """An ordinal day word, after و with ``waw``."""
        if j < self.stop and (heads := self.words[j].waw_ordinals if waw else self.words[j].ordinals):
            return self.longest(j, heads, accept)
        return None

    def unit(self, j: int, accept: Callable[[tuple[str, int | None]], bool] | None = None) -> Match | None:
        if j < self.stop and (heads := self.words[j].units):
            return self.longest(j, heads, accept)
        return None

    def number(self, j: int) -> Number | None:
        return read_number(self.seg, j) if j < self.stop and self.words[j].number else None

    # -- grammar -----------------------------------------------------------

    def parse(self, i: int) -> _Parts | None:
        """The longest date, range, relative date or duration starting at token i."""
        self.stop = self.seg.sentences[self.toks[i].sentence].last_token
        if self.clitic_cue(i, "idiom"):
            return None
        # each branch reads token i first: skip the ones its word cannot open (datewords.Word)
        found = [self._date(i) if self.words[i].opens_date else None,
                 self._time_span(i) if self.words[i].opens_span else None]
        opening = self.clitic_cue(i, "range-from") or self.clitic_cue(i, "years")
        if opening and opening.payloads[0].role == "years":  # "عامي 2019 و2020": both years, as "بين عامي"
            a = self._date(i, in_range=True, bare=True)
        else:
            a = self._date(opening.end, in_range=True, bare=True) if opening else None
        if a is not None and a.end_day is None:
            to = self.clitic_cue(a.next, "range-to")
            b = self._date(to.end, bare=a.month is None and a.year is not None) if to else None
            if b is None and a.month is not None and self.ok(a.next) \
                    and self.toks[a.next].text.startswith(function_word(self.seg.language, "conjunction")):
                # "بين أيار 2018 ونيسان 2021": the second month with "و" written on it
                b = self._date(a.next)
                b = b if b is not None and b.month is not None and b.day is None else None
            if b is None:
                a = None
            else:
                a.until, a.next = b, b.next
                if a.year is None and a.ref is None:
                    a.year, a.ref, a.ref_on = b.year, b.ref, b.ref_on
        if a is not None:
            a.start = self.at(i, opening.skip)
            found.append(a)
        found = [p for p in found if p is not None]
        return max(found, key=lambda p: p.next, default=None)

    def _date(self, i: int, in_range: bool = False, bare: bool = False) -> _Parts | None:
        p, j = _Parts(), i
        for role, attr in (("anchor", "anchor"), ("about", "about"), ("season", "season")):
            m = self.clitic_cue(j, role)
            if m:
                p.start = p.start if p.start >= 0 else self.at(j, m.skip)
                setattr(p, attr, m.payloads[0].value or True)
                j = m.end
        bare = bare or bool(p.anchor or p.season)
        k = self._numeric(j, p) or self._calendar(j, p, in_range) or self._period(j, p, bare)
        if k is None:
            return None
        p.next = k
        return p

    def _numeric(self, j: int, p: _Parts) -> int | None:
        """"23/3/2019", "2019-03-23": three numbers glued by one separator."""
        if not self.ok(j + 4) or not self.toks[j].text.isdecimal():
            return None
        t = self.toks[j:j + 5]
        if any(t[n].start != t[n - 1].end for n in range(1, 5)) or not all(x.text.isdecimal() for x in t[::2]):
            return None
        if t[1].text != t[3].text or t[1].text not in ("/", "-", "."):
            return None
        y, m, d = (int(x.text) for x in ((t[0], t[2], t[4]) if len(t[0].text) == 4 else (t[4], t[2], t[0])))
        if y not in _YEARS or not 1 <= m <= 12 or iso(y, m, d) is None:
            return None
        p.year, p.month, p.day, p.start = y, m, d, p.start if p.start >= 0 else t[0].start
        return j + 5

    def _calendar(self, j: int, p: _Parts, in_range: bool) -> int | None:
        """[يوم] [weekday] [day [to day] [من]] month [year part]."""
        k, start, weekday, day, end_day = j, None, False, None, None
        m = self.clitic_cue(k, "day")
        if m:
            start, k = self.at(k, m.skip), m.end
        m = self.weekday(k)
        if m:
            start, k, weekday = start if start is not None else self.at(k, m.skip), m.end, True
            named = k
            k = (self.cue(k, "sep") or Match((), k, 0)).end
        d = self._day(k)
        if d is None and weekday and self._month(k) is None:
            # "الخميس", "يوم الثلاثاء الماضي": a bare weekday, the most recent one (datemath)
            ref = self.cue(named, "ref")
            p.start = p.start if p.start >= 0 else start
            p.weekday_only, p.ref = m.payloads[0], ref.payloads[0].value if ref else None
            return ref.end if ref else named
        if d is None and k != j:
            return None
        if d is not None:
            start, (day, k) = start if start is not None else self.at(k), d
            to = self.clitic_cue(k, "range-to") if in_range else None
            d2 = self._day(to.end) if to else None
            if d2 is not None:
                end_day, k = d2
            k = (self.cue(k, "of") or Match((), k, 0)).end
            if self._slash(k) and self._month(k + 1):  # "22 / شباط / 2017", as Iraqi papers write it
                k += 1
        month = self._month(k)
        if month is None and day is not None and end_day is None:
            # "في الثالث من الشهر الجاري": a day of the month named against the published one
            # ("خلال الأسبوع الأول من الشهر الجاري" counts weeks, not days)
            unit = self.clitic_cue(k, "month")  # none in "يوم 5 الجاري": "الجاري" alone is the current month
            ref = self.cue(unit.end if unit else k, "ref")
            if ref is None or ref.payloads[0].value not in (_MONTH_REFS if unit else ("current",)) or j > 0 and (
                    self.words[j - 1].units or not self.words[j - 1].cue_roles.isdisjoint(_UNIT_ROLES)):
                return None
            p.start = p.start if p.start >= 0 else start
            p.day, p.weekday, p.ref, p.ref_on = day, weekday, ref.payloads[0].value, "month"
            return ref.end
        if month is None:
            return None
        number, explicit, mstart, k = month
        year = self._year_part(k, after_month=True)
        if day is None and year is None and not (explicit or p.season or p.anchor):
            return None
        if day is not None and year is not None and year[0] is not None and iso(year[0], number, day) is None:
            return None  # "31 شباط 2019" is no date
        p.start = p.start if p.start >= 0 else (start if start is not None else mstart)
        p.month, p.day, p.end_day, p.weekday = number, day, end_day, weekday
        if year is not None:
            p.year, p.ref, p.ref_on, k = year
        return k

    def _day(self, k: int) -> tuple[int, int] | None:
        """A day of the month: "5", "الأول", "الحادي عشر", "الخامس والعشرين"."""
        if not self.ok(k):
            return None
        tok = self.toks[k]
        if self.words[k].digits:  # "5"; not "5,3" nor "²" (a digit int() does not read)
            if not tok.text.isdecimal():
                return None
            return (int(tok.text), k + 1) if len(tok.text) <= 2 and 1 <= int(tok.text) <= 31 else None
        m = self.ordinal(k, lambda o: o[1] != "teen")
        if m is None:
            return None
        value, kind = m.payloads[0]
        if kind in ("unit", "compound") and value < 10:
            teen = self.ordinal(m.end, lambda o: o[1] == "teen")
            ten = teen or self.ordinal(m.end, lambda o: o[1] == "ten", waw=True)
            if ten:
                return value + ten.payloads[0][0], ten.end
        return None if kind == "compound" else (value, m.end)

    def _month(self, k: int) -> tuple[int, bool, int, int] | None:
        """(month, read as a month for sure, start, next): "شهر آذار", "آذار/مارس", "آذار (مارس)"."""
        start, explicit = None, False
        m = self.clitic_cue(k, "month")
        if m:
            start, k, explicit = self.at(k, m.skip), m.end, True
        m = self.month(k, clitics=True)
        if m is None:
            return None
        (month, bare), start, k = m.payloads[0], start if start is not None else self.at(k, m.skip), m.end
        pair = self.cue(k, "pair")
        other = self.month(pair.end if pair else k + 1, clitics=False)
        if other and other.payloads[0][0] == month:
            if pair:
                return month, True, start, other.end
            if self.toks[k].text == "(" and self.ok(other.end) and self.toks[other.end].text == ")":
                return month, True, start, other.end + 1
        return month, explicit or bare, start, k

    def _year_part(self, k: int, after_month: bool) -> tuple[int | None, str | None, str, int] | None:
        """(year, ref, ref_on, next) after a month: "2019", "من عام 2019", "من العام ذاته", "الماضي"."""
        lead = self.cue(k, "sep", "of") if after_month else None
        j = lead.end if lead else k + 1 if after_month and self._slash(k) else k
        if after_month and (y := self._year_digits(j)):
            return y[0], None, "year", y[1]
        cue = self.clitic_cue(j, "year")
        if cue is None and (pre := self.cue(j, "same-pre")) and self.cue(pre.end, "year"):
            return None, pre.payloads[0].value, "year", self.cue(pre.end, "year").end
        if cue and (y := self._year_digits(cue.end)):
            return y[0], None, "year", y[1]
        if cue and (ref := self.cue(cue.end, "ref")):
            if y := self._year_digits(ref.end):  # "العام الحالي 2021": the year the text writes
                return y[0], None, "year", y[1]
            return None, ref.payloads[0].value, "year", ref.end
        ref = self.cue(k, "ref") if after_month else None
        if ref and ref.payloads[0].value in ("past", "current", "next"):
            if (written := self._year_part(ref.end, after_month=True)) and written[2] == "year":
                return written  # "آذار الفائت من العام 2019", "من العام الماضي": the year the text names
            return None, ref.payloads[0].value, "named-month", ref.end
        return None

    def _slash(self, k: int) -> bool:
        return self.ok(k) and self.toks[k].text == "/"

    def _year_digits(self, k: int) -> tuple[int, int] | None:
        if not self.ok(k) or not self.toks[k].text.isdecimal() or len(self.toks[k].text) != 4:
            return None
        year = int(self.toks[k].text)
        if year not in _YEARS:
            return None
        glued = self.ok(k + 1) and self.toks[k + 1].text == function_word(self.seg.language, "year_suffix") \
            and self.toks[k + 1].start == self.toks[k].end  # "2019م" (ميلادي)
        return year, k + 2 if glued else k + 1

    def _period(self, j: int, p: _Parts, bare: bool) -> int | None:
        """A year or month without a named month: "عام 2019", "العام ذاته", "الشهر الماضي", "اليوم"."""
        first = self.clitic_cue(j, "year", "month", "week", "same-pre", "today", "yesterday", "then")
        if first is None:
            y = self._year_digits(j) if bare else None
            if y is None:
                return None
            p.start, p.year = p.start if p.start >= 0 else self.at(j), y[0]
            return y[1]
        if first.payloads[0].role == "then":  # "وقتل حينها", "آنذاك"
            p.then, k = True, first.end
        elif first.payloads[0].role in ("today", "yesterday"):
            if self.ordinal(first.end) or self.cue(first.end, "ref"):
                return None  # "في اليوم الأول", "اليوم التالي": a day of the story, not today
            # "أمس", "أول أمس": value counts the days back (none: one)
            p.today = 0 if first.payloads[0].role == "today" else -int(first.payloads[0].value or 1)
            k = first.end
        elif first.payloads[0].role in ("month", "week"):
            ref = self.cue(first.end, "ref")
            if ref is None:
                return None
            p.ref, p.ref_on, k = ref.payloads[0].value, first.payloads[0].role, ref.end
        elif first.payloads[0].role == "same-pre" and (unit := self.cue(first.end, "month", "week")):
            p.ref, p.ref_on, k = first.payloads[0].value, unit.payloads[0].role, unit.end  # "هذا الشهر", "نفس الشهر"
        else:
            year = self._year_part(j, after_month=False)
            if year is None:
                return None
            p.year, p.ref, p.ref_on, k = year
        p.start = p.start if p.start >= 0 else self.at(j, first.skip)
        return k

    def _length(self, k: int, single: bool) -> tuple[int, str, int, int] | None:
        """(count, designator, next, start): "ستة أسابيع", "73 يومًا", "عامين"; with ``single`` "عام واحد"."""
        m = self.unit(k)
        if m and (m.payloads[0][1] == 2 or single):  # "قبل أيام": a plural alone counts a few (0)
            count, end = 1 if m.payloads[0][1] is None else m.payloads[0][1], m.end
            one = self.number(end) if count == 1 else None
            return count, m.payloads[0][0], one.next if one and one.value == 1 else end, self.at(k, m.skip)
        n = self.number(k)
        if n is None or n.vague or n.value != int(n.value) or not self.ok(n.next):
            return None
        m = self.unit(n.next, lambda u: u[1] != 2)
        if m is None or m.payloads[0][1] is None and (
                _PLURAL_COUNTS[0] <= n.value <= _PLURAL_COUNTS[1] or self._date(n.next) is not None):
            # "قتل خمسة يوم الجمعة", "اعتقل 12 عام 2019": a figure, then the word that opens a date;
            # three to ten count a plural ("خمسة أيام"), and no length is the first word of a date (a
            # figure after one that opens none is no date's: "خلال 24 ساعة 15 مدنيا")
            return None
        return int(n.value), m.payloads[0][0], m.end, n.start

    def _time_span(self, i: int) -> _Parts | None:
        """A length: "قبل ثلاثة أشهر" (ago), "73 يومًا", "منذ ثلاث سنوات"; a recent stretch: :meth:`_recent`."""
        if self.words[i].article_units:
            return self._recent(i)
        if (later := self._days_after(i)) is not None:
            return later
        lead = self.clitic_cue(i, "ago") or self.clitic_cue(i, "anchor", value="since")
        ago = lead is not None and lead.payloads[0].role == "ago"
        # "قبل حوالي عشرين يوما": an approximate length after "قبل"
        about = self.clitic_cue(lead.end, "about") if ago else None
        length = self._length(about.end if about else lead.end if lead else i, single=ago)
        if length is None:
            return None
        p = _Parts(start=self.at(i, lead.skip) if lead else length[3], next=length[2])
        if lead is None and (ref := self.cue(length[2], "recent")):  # "خلال الـ24 ساعة الماضية"
            p.next, p.recent = ref.end, length[:2]
            return p
        p.about = about is not None
        p.anchor = "since" if lead and not ago else None
        p.ago, p.duration = (length[:2], None) if ago else (None, length[:2])
        return p

    def _days_after(self, i: int) -> _Parts | None:
        """"بعد يوم من اقتحام المدينة", "بعد يومين من سقوطها", "بعد عام من تحريرها", "بعد مرور
        أكثر من عامين على سيطرته": so long after an event, counted from the news: the event so
        long before the date before (:class:`Resolver`), at the precision of the length's unit."""
        lead = self.clitic_cue(i, "anchor", value="after")
        if lead is None:
            return None
        lapse = self.cue(lead.end, "lapse")  # "بعد مرور عام على"
        k = lapse.end if lapse else lead.end
        about = self.cue(k, "about", "over")
        length = self._length(about.end if about else k, single=True)
        if length is None or length[1] == "H":
            return None
        of = self.cue(length[2], "of") or (self.cue(length[2], "upon") if lapse else None)
        if not of or self.cue(of.end, "activity"):  # "بعد ثلاثة أسابيع من القتال": how long it lasted
            return None
        return _Parts(start=self.at(i, lead.skip), next=of.end, before_event=length[:2], about=about is not None)

    def _recent(self, i: int) -> _Parts | None:
        """A plural or dual unit with the article, a word at most, then "الماضية", "الأخيرة": the
        stretch up to the paper's day ("الأيام الماضية", "الأيام الثلاثة الماضية", "الأسبوعين
        الماضيين"); a plural counts the number written there, else a few (3)."""
        m = self.longest(i, self.words[i].article_units)
        ref = m and (self.cue(m.end, "recent") or self.cue(m.end + 1, "recent"))
        if not ref:
            return None
        (designator, count), n = m.payloads[0], self.number(m.end) if ref.end > m.end + 1 else None
        count = count or (int(n.value) if n and n.next == m.end + 1 and not n.vague and n.value == int(n.value) else 3)
        return _Parts(start=self.at(i), next=ref.end, recent=(count, designator))

    def resolve(self, p: _Parts) -> DateMention:
        return self.resolver.resolve(p, self.toks[p.next - 1].end)
