"""The dates of events as the news gives them: the conventions an analyst follows when the text
does not date an event in its own clause. Used by the events component (:mod:`athar.read.facts`)
once every event of a Doc has been read; the dates themselves are read by :mod:`athar.read.dates`.

The conventions, in the order they apply:

1. **Its own date.** An event dated in its clause keeps that date, at the precision the text
   gives it (:func:`athar.read.circumstance.pick_date`): "أمس" is the day before the paper's
   day; a weekday, or "أمس", in a paper of which only the month is known is that month, never
   a guessed day; a past month in a paper known only by its year is in that year; a range
   ("بين أيار 2018 ونيسان 2021") is dated by its start, with its end; a part of a period
   ("مطلع عام 2020") is the period with its qualifier. A date later in the sentence, set off by
   commas, is the event's when no other event, relative clause or bound comes between; a date
   in the clause of a background event ("منذ انسحابها منها في يونيو 2014") is that event's only.
   A statement is not dated by a date in the clause it reports ("قالت المفوضية إن عدد النازحين
   بلغ ألفاً مقارنة بألفين نهاية آذار الماضي": March is the count's), only by one before
   "إن"/"أن" ("قالت الوزارة، الأحد، إن"). A recent stretch ("خلال الأيام الماضية", "الأشهر الأخيرة") is a date of its own: the
   smallest calendar period that holds it (:func:`athar.read.datemath.recent`), as a week is
   ("الأسبوع الماضي": its month). Days after an event ("بعد يومين من اقتحام المدينة") date that
   event so many days before the date before them, and not an event told before them.
2. **The report's date.** A news report is dated once: in an article (more than one
   sentence), an asserted event of the lead (its first sentence, or the first that tells of an
   event after a dateline or a byline: "برلين – وكالات") with no date of its own is
   the news of the day the report was published, at the precision ``published`` has (the
   day, or the month when only the month is known, or the year when only the year is: the
   fresh11 annotators dated the lead's news at the year in 6 of their 8 such papers, the
   earlier batches left it undated, and none gave it another date). Not the background the lead recalls: an event in a relative clause
   ("المدينة التي سيطر عليها التنظيم"), one told in the pluperfect ("وكان التنظيم قد سيطر"),
   a masdar after a preposition of time ("بعد تحرير المدينة", "منذ سيطرة التنظيم"), nor an
   aim or a plan (any modality but Asserted): those are not the day's news.
3. **The same news told again.** An event with no date of its own that tells again an event
   of the same class dated before it, in the lead or in its own paragraph, at no other place,
   takes that date ("أعلنت قسد، اليوم الأحد 20 كانون الأول، إلقاء القبض على خلية ... ألقى
   الجهاز القبض على خلية"); in any later paragraph, when it is named by a noun with the article
   and a relative clause ("الهجوم الذي وقع في المدينة"): that names one event, told before, where a
   bare definite noun may name a kind ("الحرب ضد التنظيم", "العمليات ضد داعش").
   Not a plan: what will happen is not the news told again. The other way too, in a paper
   known to the month: the lead's news that a later event of its class, at the same ground,
   dates in its own words to a day of that month ("وقال المجلس في بيان صدر صباح الجمعة 19
   أغسطس: قامت قسد بتسليم كل المواقع") is of that day (not a bound: "حتى 17 تشرين الثاني").
4. **The day of the news.** A hard-news report tells one day's news: its body's asserted events
   with no date of their own (the statement "وقال ... في بيان", "وأفاد"; what the source says
   happened) and what it says still holds ("ما يزال جنود يحتفظون بقواعد", modality Ongoing)
   are of the day its lead dates, at that date's precision: the lead's first date when the
   lead gives one at the report's time ("أمس الاثنين" in Tuesday's paper: Monday, for every
   event after it), else the report's date (convention 2). A report
   is hard news by its lead's own words: its first date is within a week before ``published``
   (or in ``published``'s month, or year, when the paper is known only to the month, or the
   year: the fresh12 annotators dated such a body's news at the year, in 3 of their 6 papers
   known to the year; the earlier batches left it undated, which is not scored), or it gives none. A
   lead that dates its news further back ("قبل عامين، في 5 آذار 2017، حررت القوات"), an
   anniversary, a review of the past, is no day's news: its body keeps no date it does not
   state. Neither do background, aims and plans, in any report (convention 2's exceptions),
   nor an event told after a word of plan or expectation anywhere before it in its sentence
   ("ومن المقرر أن تبدأ البلدية قريبا حملة تشمل المساعدة على تسهيل عودة النازحين").
5. **What pictures show.** An event that pictures or a film show ("كشفت مواقع مقربة من
   التنظيم، الثلاثاء، عن صور تظهر تدمير المعبد") happened before the day they were put out, on a
   day the text does not tell: a date of the day before the verb of depiction (its own or the
   report's) is given at its month.

The dev gold (the held-aside fresh5 batch not read): of the body events of the fresh4 batch that
the text does not date (19 that athar read), the annotators dated 11 with the lead's day or month
(4 of them the day before publication that the lead's "أمس" gives) and left 8 undated (a past
battle's toll, a state described); the earlier batches left such events undated, and a date the
gold does not give is not scored. Where the lead itself gives no date, 4 of 5 dated lead events
carry the paper's day, 1 its month: the day is kept (convention 2).
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from dataclasses import replace

from athar.read.background import background, background_words
from athar.read.circumstance import reaching_matcher
from athar.read.clause import noun_context
from athar.read.datemath import published_date
from athar.read.function_words import function_words
from athar.read.memo import triggers_by_start
from athar.read.dates import DateMention
from athar.read.placement import landmark_pairs
from athar.read.relations import place_containers
from athar.read.text import ARTICLE, Doc
from athar.read.values import Fact

_OF_THE_DAY = ("Asserted", "Ongoing")  # a body's news: what happened, and what still holds ("ما يزال")
_LINE_END = re.compile(r"\r\n|\r|\n")
_DATELINES, _DATELINE_WORDS = 2, 6  # the lines a lead may follow, and their words at most


def carry_dates(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """The dates of the events with none of their own, by the conventions of this module: the
    report's date for the lead's news, the date of the same news told before."""
    body = doc.text
    found: list[dict[str, set[str]]] = []

    def containers() -> dict[str, set[str]]:  # built once, when two events' places must be compared
        if not found:
            within = place_containers(doc, doc.mentions)
            for a, b in landmark_pairs(doc, doc.mentions):  # "قرى ... شمال شرق مركز قضاء الحويجة"
                within.setdefault(a, set()).update({b} | within.get(b, set()))
            found.append(within)
        return found[0]

    dated: dict[str, tuple[Fact, int]] = {}  # class -> the last dated fact of it, and its paragraph
    out = []
    today = _report_date(doc)
    lead_start, lead_end = _lead(doc)
    news_day = _news_day(doc, today, lead_start, lead_end)
    told = _background_triggers(doc)
    line_ends = [m.start() for m in _LINE_END.finditer(body)]  # once: counting per fact is quadratic
    planned = _PlannedSentences(doc)
    for f in facts:
        if f.relation:
            out.append(f)
            continue
        paragraph = bisect_left(line_ends, f.trigger_start)  # the line breaks before it
        if f.type == "Statement" and f.date is not None and f.date.end > f.date.start and planned.reported(f):
            f = replace(f, date=None)  # "قالت ... إن ... نهاية آذار الماضي": the date is what was said
        if f.date is None and f.trigger_start in told:
            out.append(f)  # background: neither the day's news nor the news told again
            continue
        if f.date is None and today is not None and lead_start <= f.trigger_start and f.trigger_end <= lead_end \
                and f.modality == "Asserted":
            f = replace(f, date=today)  # the lead tells the news of the day it is published
        if f.date is None and f.type in dated and f.modality == "Asserted":
            before, where = dated[f.type]
            places, earlier = {m.key for m in f.role("place")}, {m.key for m in before.role("place")}
            if (before.trigger_end <= lead_end or where == paragraph or _named_again(doc, f)) \
                    and _same_ground(containers, places, earlier):
                f = replace(f, date=before.date)
        elif f.date is not None and f.date.value:
            dated[f.type] = (f, paragraph)
        if f.date is None and news_day is not None and f.trigger_start >= lead_end and f.modality in _OF_THE_DAY \
                and not planned(f.trigger_start):
            f = replace(f, date=news_day)  # the body of a hard-news report tells the lead's day
        if f.date is not None and f.date.precision == "day" and f.date.value and planned.depicted(f):
            f = replace(f, date=replace(f.date, value=f.date.value[:7], precision="month", end_value=None))
        out.append(f)
    if today is not None and today.precision == "month":
        _to_the_day(out, lead_end, containers)
    return out


def _to_the_day(facts: list[Fact], lead_end: int, containers) -> None:
    """The lead's news in a paper known to the month takes the day the text gives it when it
    tells it again ("سلمت قسد مواقعها في منبج لمجلس منبج العسكري ... وقال المجلس في بيان صدر
    صباح الجمعة 19 أغسطس: قامت قسد بتسليم كل المواقع"): a later event of its class dated in
    its own words to a day of that month, at the same ground; not a bound ("حتى 17 تشرين
    الثاني": a count up to that day). Facts are read once, from the last: the first such
    telling after each fact is at hand."""
    later: dict[str, Fact] = {}  # class -> the first event after, dated in its words to a day
    for i in range(len(facts) - 1, -1, -1):
        f = facts[i]
        if f.relation or f.date is None:
            continue
        d = f.date
        if d.start == d.end == 0 and d.precision == "month" and f.trigger_end <= lead_end and f.type in later:
            again = later[f.type]
            if again.date.value.startswith(d.value + "-") and _same_ground(
                    containers, {m.key for m in f.role("place")}, {m.key for m in again.role("place")}):
                facts[i] = replace(f, date=again.date)
        elif d.end > d.start and d.precision == "day" and d.anchor is None and d.value:
            later[f.type] = f


class _PlannedSentences:
    """Whether an event is told after a word of plan or expectation earlier in its sentence
    (modality.tsv, Planned: "ومن المقرر أن تبدأ البلدية حملة تشمل ... تسهيل عودة النازحين"), however far
    back: what a sentence says will or may happen is not the day's news. Each sentence is read
    once, when one of its events asks."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: dict[int, int] | None = None  # original trigger start -> its first token
        self.after: dict[int, int | None] = {}  # sentence -> the token after its first word of plan

    def first_token(self, start: int) -> int | None:
        """The first token of the trigger that starts at original offset ``start``."""
        doc = self.doc
        if self.starts is None:
            self.starts = {doc.original(t.start, t.end)[0]: t.first for t in doc.triggers or ()}
        return self.starts.get(start)

    def reported(self, f: Fact) -> bool:
        """Whether the date of a statement is in the clause it reports: after "إن", "أن",
        "بأنه" past its trigger, in its sentence ("قالت المفوضية إن ... مقارنة بألفين نهاية
        آذار الماضي"), not before it ("قالت الوزارة، الأحد، إن")."""
        doc, first = self.doc, self.first_token(f.trigger_start)
        if first is None:
            return False
        tokens, lang = doc.tokens, doc.language
        opening = function_words(lang, "complementizer") | function_words(lang, "self_reference")
        sentence = tokens[first].sentence
        for t in tokens[first + 1:]:
            if t.start >= f.date.start or t.sentence != sentence:
                return False
            if t.text in opening:
                return True
        return False

    def depicted(self, f: Fact) -> bool:
        """Whether an event is what pictures or a film show, by a verb of depiction before it in
        its sentence and after its date (date_cues.tsv, role depiction: "كشفت مواقع التنظيم،
        الثلاثاء، عن صور تظهر تدمير المعبد"): it happened before the day they were put out,
        which the text does not tell; its month stands (convention 5)."""
        doc, first = self.doc, self.first_token(f.trigger_start)
        if first is None:
            return False
        words = doc.language.data(depiction_words)
        tokens = doc.tokens
        sentence = tokens[first].sentence
        for t in reversed(tokens[doc.sentences[sentence].first_token:first]):
            if t.end <= f.date.start:
                break
            if t.text in words:
                return True
        return False

    def __call__(self, start: int) -> bool:
        doc = self.doc
        first = self.first_token(start)
        if first is None:
            return False
        sentence = doc.tokens[first].sentence
        if sentence not in self.after:
            matcher, s = reaching_matcher(doc.language), doc.sentences[sentence]
            self.after[sentence] = next((hit[1] for j in range(s.first_token, s.last_token)
                                         if matcher.starts(doc.texts[j])
                                         and (hit := matcher.match_at(doc.tokens, j)) is not None
                                         and hit[2][0] == "Planned"), None)
        after = self.after[sentence]
        return after is not None and after <= first


_NEWS_WEEK = 7  # days before publication a lead's date may be and still be the report's news


def _news_day(doc: Doc, today: DateMention | None, lead_start: int, lead_end: int) -> DateMention | None:
    """The day of a hard-news report's news (convention 4): the lead's first date (not a bound
    of a period: "منذ 2014"; not a length) when it is at the report's time, the report's date when
    the lead gives none; None for a lead that dates its news earlier (a retrospective)."""
    if today is None:
        return None
    pub = published_date(doc.published)
    for d in doc.dates or ():
        start, end = doc.original(d.start, d.end)
        if start >= lead_end:
            break
        if start < lead_start or d.value is None or d.anchor is not None or d.of_event:
            continue
        if not _at_report_time(d.value, pub):
            return None  # "قبل عامين، في 5 آذار 2017": the lead looks back, the report is no day's news
        return replace(d, start=0, end=0, relative=True)  # a date of the report, at no words of the body
    return today


def _at_report_time(value: str, pub) -> bool:
    """Whether a date is the report's time: within a week before the paper's day (a month or a
    year holding it does not say which day: not the report's day), or the paper's month when
    only its month is known, its year when only its year is."""
    if pub.month is None:
        return value[:4] == f"{pub.year:04d}"
    if pub.day is None:
        return value[:7] == f"{pub.year:04d}-{pub.month:02d}"
    if len(value) < 10:
        return False
    day = datetime.date.fromisoformat(value[:10])
    return 0 <= (datetime.date(pub.year, pub.month, pub.day) - day).days <= _NEWS_WEEK


def _lead(doc: Doc) -> tuple[int, int]:
    """The original span of the lead: the first sentence, or, after a dateline or a byline of a
    few words ("برلين – وكالات", "عمار عزيز - سنجار"), the first sentence that tells of an event;
    with the sentence after it when it is a headline (a line with no full stop)."""
    if not doc.sentences:
        return 0, 0
    lead = doc.sentences[0]
    if doc.triggers:
        first = doc.sentences[doc.tokens[doc.triggers[0].first].sentence]
        if first.index <= _DATELINES and all(
                s.last_token - s.first_token <= _DATELINE_WORDS for s in doc.sentences[:first.index]):
            lead = first
    end = lead
    if lead.index + 1 < len(doc.sentences) and doc.tokens[lead.last_token - 1].is_word \
            and "\n" in doc.norm.text[lead.end:doc.sentences[lead.index + 1].start]:
        end = doc.sentences[lead.index + 1]  # a headline, a line with no full stop: the lead is under it too
    return doc.norm.to_original(lead.start, end.end)


def _report_date(doc: Doc) -> DateMention | None:
    """The date of the report, for the lead's news: the day, the month or the year of
    publication, as far as it is known, in an article (more than one sentence)."""
    pub = published_date(doc.published)
    if pub is None or len(doc.sentences) < 2:
        return None
    return DateMention(0, 0, doc.published, "day" if pub.day else "month" if pub.month else "year", relative=True)


def _background_triggers(doc: Doc) -> set[int]:
    """The original offsets at which the triggers of background events start (:func:`background`),
    and of every event of a sentence that opens with a form of كان: "وكانت الحكومة تعهدت بالدعم
    عندما استضافت العاصمة اجتماع المانحين" tells what came before the news, the "when" too."""
    out: set[int] = set()
    previous = 0
    pluperfect = background_words(doc.language)["pluperfect"]
    tokens, sentences = doc.tokens, doc.sentences
    for t in doc.triggers or ():
        opening = tokens[sentences[tokens[t.first].sentence].first_token].text
        if opening in pluperfect or background(doc, t.first, previous, verb=t.rule.pos in ("verb", "passive")):
            out.add(doc.original(t.start, t.end)[0])
        previous = t.last
    return out


def depiction_words(lang) -> frozenset[str]:
    """The verbs by which pictures or a film show an event (date_cues.tsv, role depiction)."""
    return frozenset(f for row in lang.table("date_cues.tsv", ("role", "forms")) if row["role"] == "depiction"
                     for f in row.forms("forms"))


def _named_again(doc: Doc, f: Fact) -> bool:
    """Whether an event is named by a noun with the article and a relative clause ("الهجوم الذي
    وقع", "والانفجار الذي حدث"): one event the text has told."""
    trig = triggers_by_start(doc).get(f.trigger_start)
    if trig is None or not (trig.rule.pos == "noun" or noun_context(doc, trig)) \
            or not doc.tokens[trig.first].text.removeprefix(trig.proclitic).startswith(ARTICLE):
        return False
    k = trig.last
    return k < len(doc.tokens) and doc.tokens[k].sentence == doc.tokens[trig.first].sentence \
        and doc.tokens[k].text in function_words(doc.language, "relative")


def _same_ground(containers, places: set[str], earlier: set[str]) -> bool:
    """Whether two events may be one, by their places: either names none, they share one, or
    one lies in the other ("مدينة البصيرة" in "ريف دير الزور")."""
    if not places or not earlier or places & earlier:
        return True
    within = containers()
    return any(within.get(a, set()) & earlier for a in places) or any(within.get(b, set()) & places for b in earlier)
