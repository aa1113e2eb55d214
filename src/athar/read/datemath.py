"""Calendar arithmetic for dates read from the news: the date of publication, ISO values at
the text's precision, and dates counted back from publication ("قبل عام", "الشهر الماضي").
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from athar.errors import DocumentError


@dataclass(frozen=True)
class Published:
    year: int
    month: int | None
    day: int | None


def published_date(text: str | None) -> Published | None:
    if text is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)  # re caches the compiled pattern
    try:
        if m is None:
            raise ValueError(text)
        y, mo, d = (int(g) if g else None for g in m.groups())
        datetime.date(y, mo or 1, d or 1)
    except ValueError as e:
        raise DocumentError(f"published date '{text}' must be YYYY, YYYY-MM or YYYY-MM-DD") from e
    return Published(y, mo, d)


def minus(pub: Published | None, count: int, designator: str) -> str | None:
    """The published date minus a length of time: to the day for days and weeks, to the
    month for months and years (at most the published date's precision)."""
    if pub is None or designator == "H" or (designator == "M" and pub.month is None) or (
            designator in "WD" and pub.day is None):
        return None
    if designator in "WD":
        days = count * (7 if designator == "W" else 1)
        return (datetime.date(pub.year, pub.month, pub.day) - datetime.timedelta(days=days)).isoformat()
    # "a year ago" names a month, not a day: no finer than the month
    months = pub.year * 12 + (pub.month or 1) - 1 - count * (12 if designator == "Y" else 1)
    year, month = months // 12, months % 12 + 1
    return iso(year, month if pub.month else None, None)


def ago(pub: Published | None, count: int, designator: str, about: bool = False) -> str | None:
    """"قبل ثلاثة أشهر": the published date less a length of time (:func:`minus`). About so many
    days or weeks ago ("قبل نحو أسبوع"), or a few ("قبل أيام": count 0), names no day: the month
    it falls in; a few months or years ago ("قبل سنوات") names no date at all."""
    if count == 0:
        if designator not in "WD":
            return None
        count, about = 1, True
    value = minus(pub, count, designator)
    return value[:7] if value and about and designator in "WD" else value


# "the past", "this" and "the next" month or year, as steps from the published one
SHIFT = {"past": -1, "current": 0, "next": 1}


def nearest_year(pub: Published | None, month: int | None, day: int | None, ref: str) -> int | None:
    """The year of the month (and day) nearest the published date: "current" means not after it,
    "past" strictly before it, "next" strictly after it. Against a paper of which only the year
    is known, the month is in that year ("17 أكتوبر الماضي" in a paper of 2016: 2016-10-17),
    but for a past December: no paper calls the December of its own year past, as the month is
    the year's last ("ديسمبر الماضي" in a paper of 2019: 2018-12)."""
    if pub is None or month is None:
        return None
    if pub.month is None:
        return pub.year - 1 if ref == "past" and month == 12 else pub.year
    order = (month > pub.month) - (month < pub.month)
    if order == 0 and day and pub.day:
        order = (day > pub.day) - (day < pub.day)
    if ref == "next":
        return pub.year if order > 0 else pub.year + 1
    if ref == "past":
        return pub.year if order < 0 else pub.year - 1
    return pub.year if order <= 0 else pub.year - 1


def weekday_before(pub: Published | None, weekday: int, ref: str | None) -> str | None:
    """A weekday named alone, against the day of publication: the most recent such day on or
    before it ("الخميس" in Thursday's paper is that Thursday); before it with "الماضي"; the
    next one after it with "المقبل". Against a paper of which only the month (or the year) is
    known, the day cannot be told: the date is that month (or year), the precision it has."""
    if pub is None:
        return None
    if pub.day is None:
        return iso(pub.year, pub.month)
    day = datetime.date(pub.year, pub.month, pub.day)
    if ref == "next":
        return (day + datetime.timedelta(days=(weekday - day.isoweekday() - 1) % 7 + 1)).isoformat()
    back = (day.isoweekday() - weekday) % 7
    if ref == "past" and back == 0:
        back = 7
    return (day - datetime.timedelta(days=back)).isoformat()


def days_back(pub: Published | None, days: int) -> str | None:
    """"اليوم" (0), "أمس" (1), "أول أمس" (2): the paper's day less so many days; in a paper of
    which only the month (or the year) is known, that month (or year): no day is guessed."""
    if pub is None:
        return None
    if pub.day is None:
        return iso(pub.year, pub.month)
    return (datetime.date(pub.year, pub.month, pub.day) - datetime.timedelta(days=days)).isoformat()


def month_from(pub: Published | None, shift: int, day: int | None = None) -> str | None:
    """The month ``shift`` months from the paper's ("الشهر الماضي": -1), or its day ``day``
    ("الثالث من الشهر الجاري"); None when the paper's month is not known."""
    if pub is None or pub.month is None:
        return None
    months = pub.year * 12 + pub.month - 1 + shift
    return iso(months // 12, months % 12 + 1, day)


def week_of(pub: Published, shift: int) -> tuple[str, str]:
    """The first and last day of the week ``shift`` weeks from the published day's ("الأسبوع
    الماضي": -1): Sunday to Saturday, the working week of Syria and Iraq."""
    day = datetime.date(pub.year, pub.month, pub.day)
    sunday = day - datetime.timedelta(days=(day.weekday() + 1) % 7) + datetime.timedelta(weeks=shift)
    return sunday.isoformat(), (sunday + datetime.timedelta(days=6)).isoformat()


def week_period(pub: Published, shift: int) -> str | None:
    """A week ``shift`` weeks from the published day's ("الأسبوع الماضي": -1) as a date: the
    smallest calendar period that holds its Sunday to its Saturday, as a recent stretch is
    (:func:`recent`): its month when the week lies in one month, else its year, else None. The
    text names a week, not a day: "شن غارات الأسبوع الماضي" in a paper of 17 December is
    December, not the 9th."""
    first, last = week_of(pub, shift)
    if first[:7] == last[:7]:
        return first[:7]
    return first[:4] if first[:4] == last[:4] else None


def iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, day).isoformat()
    except (ValueError, OverflowError):  # "31/2/2019"; a day of twenty digits ("2019/3/99999999999999999999")
        return None


def precision_of(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")  # "2019", "2019-03", "2019-03-23"


def xsd_duration(count: int, designator: str) -> str:
    return f"PT{count}H" if designator == "H" else f"P{count}{designator}"


def recent(pub: Published | None, count: int, designator: str) -> str | None:
    """A stretch of ``count`` units up to the paper's day ("خلال الأيام الماضية": a few days;
    "الأشهر الثلاثة الماضية"), as the smallest calendar period that holds it: the paper's month
    when it starts in that month, else its year when it starts in that year, else None. In a
    paper known to the month, days and weeks are that month (as "أمس" is); in a paper known
    to the year, anything shorter than years is that year. A day's hours or fewer ("خلال
    الساعات الماضية", "خلال الـ24 ساعة الماضية") are the news of the paper's day: that day."""
    if pub is None:
        return None
    if pub.month is None:
        return None if designator == "Y" else iso(pub.year)
    if pub.day is None and designator in "DHW":
        return iso(pub.year, pub.month)
    if designator == "H" and count <= 24:
        return iso(pub.year, pub.month, pub.day)
    if designator in "MY":
        months = pub.year * 12 + pub.month - 1 - count * (12 if designator == "Y" else 1)
        start = datetime.date(months // 12, months % 12 + 1, 1)  # the month is what counts
    else:
        days = {"D": count, "W": 7 * count, "H": -(-count // 24)}[designator]
        start = datetime.date(pub.year, pub.month, pub.day) - datetime.timedelta(days=days)
    if (start.year, start.month) == (pub.year, pub.month):
        return iso(pub.year, pub.month)
    return iso(pub.year) if start.year == pub.year else None
