"""The value of a date read by :mod:`athar.read.dates`: a :class:`DateMention`, resolved
against the paper's day and the dates read before it in the same text.

A day and month without a year take the year of the previous date in the text (the year before
when that year is the paper's and the date would come after the paper's; not of a
stretch since a relative date, "منذ العام الماضي", nor of a time ago the paper reckons only
about, "قبل 18 شهرا"; after a weekday, or with none, the most recent such date not after
``published``); "الماضي" after a
month is the most recent one before ``published``; "الشهر ذاته" is the month of the date
before. What cannot be resolved keeps ``value`` None and ``relative`` True.
"""

from __future__ import annotations

from athar.read.datemath import (SHIFT, Published, ago, days_back, iso, minus, month_from, nearest_year, precision_of,
                                 published_date, recent, week_period, weekday_before, xsd_duration)
from athar.read.datepart import Parts
from athar.read.datewords import UNIT_PRECISION
from athar.read.values import value

PRECISIONS = ("day", "month", "year", "season")


@value
class DateMention:
    """A date, period or duration in the text, at the precision the text gives."""

    start: int
    end: int
    value: str | None
    precision: str
    qualifier: str | None = None  # early | mid | late (a part of the period) | about
    end_value: str | None = None
    duration: str | None = None
    relative: bool = False
    anchor: str | None = None  # since | until | before | after: the date bounds a period
    of_event: bool = False  # the date of the event named after it, not of one before ("بعد يومين من اقتحامها")


class Resolver:
    """Resolves the dates of one text in order: it remembers the year and month of the last
    date resolved, which a later date without a year ("في 5 آذار", "الشهر ذاته") takes."""

    def __init__(self, published: Published | None):
        self.pub = published
        self.last_year: int | None = None
        self.last_month: Published | None = None  # the month of the last date read to the month
        self.last: DateMention | None = None  # the last date with a value

    def resolve(self, p: Parts, end: int) -> DateMention:
        """The mention of ``p``, which ends at character ``end``: its value, precision and span."""
        qualifier = p.season or ("about" if p.about else None)
        common = {"start": p.start, "end": end, "qualifier": qualifier, "anchor": p.anchor}
        if p.recent is not None:
            value = recent(self.pub, *p.recent)
            return DateMention(value=value, precision=precision_of(value) if value else UNIT_PRECISION[p.recent[1]],
                               relative=True, **common)
        if p.before_event is not None:  # "بعد يومين من سقوط المدينة": the date before the news's by so long
            return self._before_event(*p.before_event, about=p.about, common=common)
        if p.duration is not None:
            return DateMention(value=None, precision=UNIT_PRECISION[p.duration[1]],
                               duration=xsd_duration(*p.duration), **common)
        if p.ago is not None:
            value = ago(self.pub, *p.ago, about=p.about)
            precision = precision_of(value) if value else UNIT_PRECISION[p.ago[1]]
            if value and (p.ago[1] in "YM" or not p.ago[0]) and not common["qualifier"]:
                common["qualifier"] = "about"
            mention = DateMention(value=value, precision=precision, relative=True, duration=None if (
                value or not p.ago[0]) else xsd_duration(*p.ago), **common)
            return self._remember(mention, frames=common["qualifier"] != "about")
        if p.then:  # "حينها": the date before, as it was given
            last = self.last
            return DateMention(value=last and last.value, precision=last.precision if last else "year",
                               qualifier=last and last.qualifier, relative=True,
                               **{k: v for k, v in common.items() if k != "qualifier"})
        value, relative = self._value(p)
        end_value = None
        if p.until is not None:
            end_value, until_relative = self._value(p.until)
            relative = relative or until_relative
            if value and end_value and p.year is None and p.month and value[:len(end_value)] > end_value[:len(value)]:
                # "بين 21 من تشرين الأول و20 من كانون الثاني" in February: the range starts the year before its end
                value = iso(int(value[:4]) - 1, p.month, p.day)
        elif p.end_day is not None and value:
            end_value = iso(int(value[:4]), p.month, p.end_day)
        precision = "season" if p.season else precision_of(value) if value else "day" if (
            p.day or p.today is not None or p.weekday_only is not None or p.ref_on == "week") else "month" if (p.month or p.ref_on == "month") else "year"
        return self._remember(DateMention(value=value, precision=precision, end_value=end_value,
                                          relative=relative, **common))

    def _before_event(self, count: int, unit: str, about: bool, common: dict) -> DateMention:
        """An event so many days before the date of the day before it, else the paper's; so many
        weeks, months or years before the paper (a date a text gave earlier is too often of
        another time: "بعد مرور سنة على سقوط البلدة" after a paragraph on the year before). To
        the day for days, to the month for weeks, months and about so many days, to the year for years."""
        precision = "year" if unit == "Y" else "month" if unit in "WM" or about else "day"
        size = {"year": 4, "month": 7, "day": 10}[precision]
        last = self.last if unit == "D" and self.last is not None and self.last.precision == "day" else None
        value = minus(published_date(last.value) if last else self.pub, count, unit)
        return DateMention(value=value[:size] if value and len(value) >= size else None, precision=precision,
                           relative=True, of_event=True, **common)

    def _remember(self, mention: DateMention, frames: bool = True) -> DateMention:
        """Keep the year and month of ``mention`` for the dates after it; but a stretch since a
        date of the paper's own reckoning ("منذ العام الماضي", "منذ أشهر") runs up to the paper's
        day and frames no later date: "منتصف يونيو" after it is the nearest June. Nor does a time
        ago the paper reckons only about (``frames`` False: "قبل 18 شهرا" is no year a later
        "في مايو" is in), though "حينها" after it is that time."""
        latest = mention.end_value or mention.value
        if latest and not (mention.anchor == "since" and mention.relative):
            self.last = mention if mention.value else self.last
            if frames:
                self.last_year = int(latest[:4])
                self.last_month = Published(self.last_year, int(latest[5:7]), None) if len(latest) > 4 else None
        return mention

    def _value(self, p: Parts) -> tuple[str | None, bool]:
        pub = self.pub
        if p.weekday_only is not None:
            return weekday_before(pub, p.weekday_only, p.ref), True
        if p.today is not None:
            return days_back(pub, -p.today), True
        if p.ref_on == "week":
            if pub is None or pub.day is None or p.ref not in SHIFT:
                return None, True
            return week_period(pub, SHIFT[p.ref]), True  # "الأسبوع الماضي": the month holding it
        if p.ref_on == "month" and p.ref is not None:  # "الشهر الماضي"; "الشهر ذاته": the month of the date before
            return (month_from(pub, SHIFT[p.ref], p.day) if p.ref in SHIFT else
                    month_from(self.last_month, p.ref == "following", p.day)), True
        if p.year is not None:
            return iso(p.year, p.month, p.day), False
        if p.ref in ("same", "following"):
            year = None if self.last_year is None else self.last_year + (p.ref == "following")
        elif p.ref is not None and p.ref_on == "named-month":
            year = nearest_year(pub, p.month, p.day, p.ref)
        elif p.ref is not None:
            year = pub.year + SHIFT[p.ref] if pub else None
        elif p.month is not None and self.last_year is not None and not p.weekday:
            year = self.last_year
            if self._carried_past_paper(iso(year, p.month, p.day)):
                year = nearest_year(pub, p.month, p.day, "current")
        else:
            year = nearest_year(pub, p.month, p.day, "current") if p.month else None
        return (iso(year, p.month, p.day) if year is not None else None), True

    def _carried_past_paper(self, value: str | None) -> bool:
        """Whether the year carried from the date before puts a month (and day) after the paper
        when that date was not after it: "يوم الجمعة ... في هجوم بدأ في أكتوبر" in a paper of
        June tells of the October before, not of the year of that Friday. A text that named a
        year to come ("خطة لعام 2030 ... في مارس") keeps it."""
        if value is None or self.pub is None or self.last is None:
            return False
        paper = iso(self.pub.year, self.pub.month, self.pub.day)
        before = self.last.end_value or self.last.value
        return _after(value, paper) and not _after(before, paper)


def _after(value: str, paper: str) -> bool:
    """Whether an ISO value is after the paper's date, at the coarser precision of the two."""
    n = min(len(value), len(paper))
    return value[:n] > paper[:n]

