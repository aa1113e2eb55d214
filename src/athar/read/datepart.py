"""What the date parser (:mod:`athar.read.dates`) has read of one date, before it is resolved."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Parts:
    """What the parser has read of one date, before it is resolved."""

    start: int = -1
    next: int = 0  # index of the token after the date
    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_day: int | None = None
    ref: str | None = None  # same | following | past | current | next
    ref_on: str = "year"  # what ref is about: the year, the month named ("آذار الماضي"), the month ("الشهر الماضي")
    weekday: bool = False
    season: str | None = None
    anchor: str | None = None
    about: bool = False
    today: int | None = None  # 0 today, -1 yesterday, -2 the day before yesterday
    then: bool = False  # "حينها", "آنذاك": the date before it in the text
    weekday_only: int | None = None  # ISO weekday of a weekday named alone ("الخميس")
    ago: tuple[int, str] | None = None
    # (count, designator): "بعد يومين من سقوط المدينة", "بعد عام من تحريرها": the event so long before the news
    before_event: tuple[int, str] | None = None
    duration: tuple[int, str] | None = None
    recent: tuple[int, str] | None = None  # (count, designator): "خلال الأيام الماضية", up to the paper's day
    until: Parts | None = field(default=None, repr=False)
