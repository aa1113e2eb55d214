"""Clauses: the trigger words of events and the words around them.

A trigger is a word (or a few) of ``events.tsv``; several triggers of one event merge
("الهجمات ... واغتيالات استهدفت", "استعادت القوات السيطرة"). Around a trigger, the
preposition before a mention says what part it plays (``markers.tsv``), "و" joins
mentions, a pronoun on the trigger points back to an entity named before. A trigger's
clause (:func:`athar.read.window.clause_window`) runs between the triggers around it, bounded by commas,
"، و" and words that open a clause of their own ("أن"). :class:`EventReading` is the state of the
events component while it reads one Doc (see :mod:`athar.read.facts`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from athar.read.amounts import AmountMention
from athar.read.construction import holding_governed, split_match
from athar.read.dates import DateMention
from athar.read.frames import Frames
from athar.read.function_words import function_affixes, function_words
from athar.read.entity import _cue_matcher
from athar.read.mentions import Mention, is_a, stopwords
from athar.read.placeword import name_dressed
from athar.read.position import framed, no_trigger_at, spoken
from athar.read.rules import (
    Rule,
    belonging_words,
    MARKER_LI,
    MARKER_FROM,
    MARKER_ON,
    compounds,
    holding_nouns,
    marker_ends,
    masdar_governors,
    member_nouns,
    result_phrases,
    rules,
    trigger_forms,
    unit_nouns,
)
from athar.read.text import ARTICLE, CLAUSE_ENDS, COMMA, WAW, Doc, normalize
from athar.read.language import Language, language_data

if TYPE_CHECKING:
    from athar.read.window import ClauseIndex


@dataclass
class Trigger:
    rule: Rule
    first: int
    last: int  # exclusive token index
    start: int  # normalized offsets
    end: int
    proclitic: str = ""
    roles: list = field(default_factory=list)
    gaps: list = field(default_factory=list)  # token ranges inside a merged trigger that are not its words
    noun: bool | None = None  # whether the words around make it a masdar (see noun_context), once known


class Spans:
    """Items of one text in order, narrowed down by bisection when their starts (and ends) are
    sorted; the narrowed list keeps the order and every item a caller's own test could keep."""

    def __init__(self, items: list, start, end):
        self.items = items
        starts, ends = [start(x) for x in items], [end(x) for x in items]
        self.starts = starts if all(a <= b for a, b in zip(starts, starts[1:])) else None
        self.ends = ends if self.starts is not None and all(a <= b for a, b in zip(ends, ends[1:])) else None

    def starting(self, lo: int, hi: int) -> list:
        """Every item that starts in [lo, hi)."""
        if self.starts is None:
            return self.items
        return self.items[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def reaching(self, lo: int, hi: int) -> list:
        """Every item that ends after lo and starts before hi."""
        if self.ends is None:
            return self.items
        return self.items[bisect_right(self.ends, lo):bisect_left(self.starts, hi)]


@dataclass
class EventReading:
    """The reading of one Doc's events, trigger by trigger: the layers it reads (mentions,
    dates, amounts, triggers), indexed by position so that each trigger looks at its
    clause only, and what the triggers read so far have taken. Made and used by the events
    component (:func:`athar.read.facts.extract_events`) and the helpers it calls here and
    in :mod:`athar.read.circumstance`; no other component sees it."""

    doc: Doc
    mentions: list[Mention]
    dates: list[DateMention]
    amounts: list[AmountMention]
    triggers: list[Trigger]
    index: ClauseIndex
    previous: list[Trigger] = field(default_factory=list)
    # ids of the mentions that fill a role already, and of the amounts taken, in the order they
    # were taken (dicts as ordered sets: a sentence read again forgets what it took)
    consumed: dict[int, None] = field(default_factory=dict)
    used_amounts: dict[int, None] = field(default_factory=dict)
    # the frame words of the text (athar.read.frames), found when a conflict trigger is judged
    frames: Frames | None = None
    # place key -> the keys of the places it lies in (athar.read.relations.place_containers), when asked
    containers: dict[str, set[str]] | None = None
    # (trigger, id(mention)) of places that frame an event from outside its clause: not its evidence;
    # in the order they were marked, like what was consumed (a sentence read again forgets them)
    framing: dict[tuple[int, int], None] = field(default_factory=dict)
    # trigger -> how many times places were marked as framing its event: what was asked of its framing
    # stands while this count does (athar.read.setting.own_places)
    framings: dict[int, int] = field(default_factory=dict)
    references: set[int] = field(default_factory=set)  # ids of places named as landmarks of another
    # id(place) -> the place named right before it that lies in it (athar.read.landmark), when asked
    located: dict[int, Mention] | None = None
    dateline: frozenset[int] | None = None  # ids of the places of the dateline (athar.read.dateline), when asked
    # (trigger, its dropped subject: athar.read.agency.dropped_subject) while that trigger is read: asked
    # by the slots and again by the roles from context, of the same previous events
    dropped: tuple | None = None
    # the same lists, searchable by position: each trigger looks at its clause, not the whole text
    mention_spans: Spans = field(init=False, repr=False)
    date_spans: Spans = field(init=False, repr=False)
    amount_spans: Spans = field(init=False, repr=False)

    trigger_starts: set[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.triggers = list(self.triggers)  # a trigger that bounds nothing is taken out
        self.trigger_starts = {t.first for t in self.triggers}
        self.mention_spans = Spans(self.mentions, lambda m: m.first_token, lambda m: m.last_token)
        self.date_spans = Spans(self.dates, lambda d: d.start, lambda d: d.end)
        self.amount_spans = Spans(self.amounts, lambda a: a.start, lambda a: a.end)

    def frame(self, trig: Trigger, places) -> None:
        """Mark ``places`` as framing the event of ``trig`` from outside its clause."""
        self.framing.update(((trig.first, id(m)), None) for m in places)
        self.framings[trig.first] = self.framings.get(trig.first, 0) + 1

    def framed(self, trig: Trigger, m: Mention) -> bool:
        """Whether the place ``m`` frames the event of ``trig`` from outside its clause."""
        return (trig.first, id(m)) in self.framing


def find_triggers(seg: Doc, mentions: list[Mention]) -> list[Trigger]:
    matcher, _ = rules(seg.language)
    compound_of = compounds(seg.language)
    inside = set()
    for m in mentions:
        # materiel's words may tell an event themselves: "انفجرت سيارة مفخخة" is an attack
        # whose instrument is the car bomb
        if m.type != "Materiel":
            inside.update(range(m.first_token, m.last_token))
    found: list[Trigger] = []
    i = 0
    tokens = seg.tokens
    spans = None

    def mentions_starting(lo: int, hi: int) -> list[Mention]:
        nonlocal spans
        if spans is None:  # built when first needed: few texts need it
            spans = Spans(mentions, lambda m: m.first_token, lambda m: m.last_token)
        return spans.starting(lo, hi)

    for k in matcher.starts.indices(seg.texts):
        if k < i or k in inside:
            continue
        i = k
        hit = matcher.match_at(tokens, i)
        split = split_match(seg, matcher, i, hit)
        if split is not None:
            (prefix, end, rule, marker), gap = split
            if rule.pos == "noun" or "subj" not in rule.slots:
                # its first word is a verb: a subject, then an object; the subject is the actor
                # who would stand before the noun ("قوات الحشد عملية" as "أطلقت قوات الحشد عملية")
                slots = rule.slots if "subj" in rule.slots or "pre" not in rule.slots \
                    else {**rule.slots, "subj": rule.slots["pre"]}
                rule = Rule(rule.event, "verb", slots, rule.needs, rule.where, rule.takes_event, rule.amounts)
            hit = prefix, end, rule, marker
        if hit is None:
            i += 1
            continue
        prefix, end, rule, _marker = hit
        if no_trigger_at(seg, i, end, prefix):
            i = end  # "من سيطرة داعش", "فجر الإثنين", "بحذر" (read/position.py)
            continue
        if rule.stated_need and end < len(tokens) and matcher.match_at(tokens, end) is not None:
            i += 1  # "بعملية إعادة نشر", "عملية تحرير الموصل": a noun whose doer its clause must name, right
            continue  # before another event's word, is that event's noun, no event of its own
        # "ناشدت المنظمة كل الأطراف": a call, no appeal for funds; "في إطار عملية «X»": an operation told
        rule = framed(seg, i, end, prefix, spoken(seg, i, end, prefix, rule))
        proclitic = tokens[i].text[:prefix]
        trig = Trigger(rule, i, end, tokens[i].start + prefix, tokens[end - 1].end, proclitic,
                       gaps=[gap] if split is not None else [])
        prev = found[-1] if found else None
        if prev is not None and prev.rule.takes_event and i - prev.last <= 4 \
                and tokens[i].sentence == tokens[prev.first].sentence:
            i = end  # "علقت قوات الأمن كل التدريب": the training is what was suspended
            continue
        if prev is not None and holding_governed(seg, prev, i, prefix):
            i = end  # "شن التنظيم هجوما على معاقل قسد": the strongholds are what was attacked
            continue
        compound = compound_of.get((prev.rule.event, rule.event)) if prev is not None else None
        # (not across a place the first already names: "لاستعادة الموصل أكبر مدينة خاضعة لسيطرة التنظيم")
        if compound and tokens[i].sentence == tokens[prev.first].sentence and i - prev.last <= compound[0] \
                and compound[1] == prev.rule.event and rule.event != prev.rule.event \
                and not any(is_a(m.type, "Place") for m in mentions_starting(prev.last, i)):
            if i > prev.last:
                prev.gaps.append((prev.last, i))  # "استعادت القوات العراقية السيطرة على"
            prev.last, prev.end = end, trig.end
            i = end
            continue
        # "الهجمات بالعبوات الناسفة واغتيالات استهدفت": one event, several words
        # and "استضافت بغداد اجتماع التحالف": a verb and its masdar object, one short mention apart
        # ("تعهدت الإمارات العربية المتحدة بتقديم": one mention, however long, a comma after it or not:
        # "استعاد الجيش السوري، السيطرة على عدد من القرى")
        # (not across "، و" that opens a clause of its own: "98 عائلة خرجت في يناير، و105 خرجوا في شباط"
        # tells two departures, each with its month; nor a verb right after a comma that closes a
        # prepositional phrase: "وفي بيان له، قال التحالف": the verb's clause has its own subject)
        if prev is not None and prev.rule.event == rule.event and tokens[i].sentence == tokens[prev.first].sentence \
                and not _new_clause_between(tokens, prev.last, i) \
                and not (rule.pos == "verb" and tokens[i - 1].text == COMMA and _after_preposition(seg, prev)) \
                and (i - prev.last <= 2 or i - prev.last <= 6 and (not any(
                    m.first_token >= prev.last and m.last_token <= i and m.source != "kind"
                    for m in mentions_starting(prev.last, i)) or any(
                    m.first_token == prev.last and (m.last_token == i or m.last_token == i - 1 and tokens[i - 1].text == COMMA)
                    for m in mentions_starting(prev.last, i)))):
            if i > prev.last:
                prev.gaps.append((prev.last, i))  # "تعهدت ألمانيا بتقديم": the donor stays a role
            prev.last, prev.end = end, trig.end
            if rule.pos == "verb" and prev.rule.pos == "noun":
                # the verb says more about the roles than the noun before it; right after the
                # noun, or after a relative pronoun, it is a relative clause whose subject is that
                # noun ("اغتيالات استهدفت عناصر قسد"): the words after it are its object
                relatives = function_words(seg.language, "relative")
                relative = all(t.text in relatives for t in tokens[prev.last:i])
                prev.rule = Rule(rule.event, "noun" if relative else rule.pos, rule.slots, prev.rule.needs,
                                 rule.where, rule.takes_event, prev.rule.amounts or rule.amounts)
        else:
            found.append(trig)
        i = end
    return found


def marker_before(seg: Doc, m: Mention, floor: int, amounts: list[AmountMention], after: bool = False) -> str:
    """The preposition that governs a mention: its proclitic, or the words before it,
    looking past a counted amount ("لأكثر من 500,000 شخص") and the nouns of an
    idafa chain ("في أطراف صحارى وجبال العراق"). A mention reached through what a group
    holds ("قصفت مواقع داعش", "مقراً لقوات سوريا الديمقراطية") with no preposition before is
    what the event is "على": the target. After the trigger (``after``), members counted "من" a
    group ("تسلمت 200 عنصر من تنظيم داعش") stand for it, bare as "عناصر داعش"."""
    tokens = seg.tokens
    j = m.first_token - 1
    if m.marker:
        if m.marker == MARKER_LI and j >= floor and tokens[j].text in belonging_words(seg.language):
            # "فرق ... التابعة لمجلس الرقة": the owner stands for what is his, governed by what
            # governs it ("من قبل فرق الهندسة التابعة للجيش": by the army)
            return _owned_marker(seg.language, tokens, j, floor)
        # "على دورية للجيش": members or holdings of a group, governed by what governs them
        if not (m.marker == MARKER_LI and j >= floor and tokens[j].text in member_nouns(seg.language)):
            return m.marker
    j = name_dressed(seg.language, tokens, j, floor) if is_a(m.type, "Place") else j  # "في العاصمة دمشق"
    opened = j
    while j >= floor and tokens[j].text in ('"', "'", "("):
        j -= 1
    # "من قبضة تنظيم (داعش)", "على مواقع حركة “أحرار الشام”": the head noun of a name in quotes
    # or brackets stands before them, governed as the name is
    if j < opened and j >= floor and tokens[j].is_word and not tokens[j].text.startswith(ARTICLE) \
            and tokens[j].text not in stopwords(seg.language) and not _marker_ending_at(seg.language, tokens, j, floor):
        j -= 1
    bound = function_words(seg.language, "bound_preposition")
    for a in amounts:
        if j >= floor and a.start <= tokens[j].start and tokens[j].end <= a.end:
            first = seg.token_at(a.start)
            if first is not None and tokens[first].text[0] in bound and not tokens[first].text.startswith(ARTICLE):
                return tokens[first].text[0]
            j = (first or j) - 1
            break
    skipped = 0
    held = ""  # "على" (MARKER_ON) once a holding noun was passed
    while j >= floor:
        marker = _marker_ending_at(seg.language, tokens, j, floor)
        if marker in _OF_A_GROUP and tokens[j].text == marker and j - 1 >= floor \
                and tokens[j - 1].text in member_nouns(seg.language) and tokens[j - 1].text not in holding_nouns(seg.language) \
                and (after and j - 2 >= floor and tokens[j - 2].is_number and marker == MARKER_FROM
                     or is_a(m.type, "Armed") and (not after or marker != MARKER_FROM or _armed_head(seg, j - 1))):
            # "200 عنصر من تنظيم داعش", "استعادت قوات من الجيش العراقي", "قوة من البيشمركة انسحبت",
            # "ثلاثة منتسبين في الجيش العراقي": members or a unit of the group, who stand for it (after
            # a verb only forces: "اعتقلت عناصر من داعش" arrested some of its members)
            j -= 1
            continue
        if marker == MARKER_FROM and tokens[j].text == MARKER_FROM and j - 2 >= floor and tokens[j - 1].is_word \
                and not tokens[j - 1].text.startswith(ARTICLE) \
                and (governing := _marker_ending_at(seg.language, tokens, j - 2, floor)) not in ("", MARKER_FROM):
            return governing  # "على يد خبراء من التحالف": the people of a group, governed by "على يد"
        if marker == MARKER_FROM and tokens[j].text == MARKER_FROM and _instrument_before(seg.language, tokens, j, floor):
            return _BY  # "قتل جندي برصاص قناص من داعش": who fired it, not who was killed
        if marker:
            # "قتلى في صفوف التنظيم", "في صفوفه": the ranks of a group count its members, as "من" does
            return MARKER_FROM if marker == _IN and j + 1 < len(tokens) and tokens[j + 1].text.startswith(_RANKS) \
                and is_a(m.type, "Armed") else marker
        t = tokens[j].text
        if skipped == 0 and t[:1] == _BA and t[1:] in _instruments(seg.language):
            return _BY  # "بنيران الجيش": the genitive of the weapon fired it
        if skipped >= 3 or not tokens[j].is_word or t.startswith((ARTICLE, WAW + ARTICLE)) \
                or t in stopwords(seg.language):
            return held
        if t in holding_nouns(seg.language) or t[0] == MARKER_LI and t[1:] in member_nouns(seg.language) and j > floor \
                and tokens[j - 1].text in holding_nouns(seg.language) \
                or t[0] == WAW and t[1:] in holding_nouns(seg.language):  # "مواقع ومقرات التنظيم"
            held = MARKER_ON  # "وكراً لعصابات داعش": the den of ISIS's gangs
        elif not is_a(m.type, "Place") and t not in member_nouns(seg.language):
            return held  # "إلى مخططات داعش": only "عناصر/مقاتلي X" stand for the actor X
        if t[0] in bound and t[1:] in trigger_forms(seg.language):
            return t[0]  # "بتدريب الجيش": the mention is inside a prepositional phrase
        skipped += 1
        j -= 1
    return held


def _owned_marker(lang: Language, tokens, j: int, floor: int) -> str:
    """The marker before the thing a belonging word at j says is owned ("من قبل فرق الهندسة
    التابعة"): the words of that thing (two at most) and a marker ending right before them."""
    for k in range(j - 2, max(floor, j - 3) - 1, -1):
        if not tokens[k + 1].is_word:
            return ""
        marker = _marker_ending_at(lang, tokens, k, floor)
        if marker:
            return marker
    return ""


def governed_genitive(seg: Doc, m: Mention, floor: int) -> bool:
    """Whether m is the genitive of a common noun a preposition governs ("على احتياجات الأطفال",
    "في مساعدة اللاجئين"): a noun that does not stand for its group (members.tsv) nor governs a
    masdar ("عن تمكن عناصره من قتل")."""
    tokens, j = seg.tokens, m.first_token - 1
    if m.marker or j - 1 < floor or not tokens[j].is_word or tokens[j].text.startswith(ARTICLE):
        return False
    word = tokens[j].text
    if word in member_nouns(seg.language) or word in masdar_governors(seg.language) \
            or word in stopwords(seg.language):
        return False
    return _marker_ending_at(seg.language, tokens, j - 1, floor) != ""


def _armed_head(seg: Doc, j: int) -> bool:
    """Whether token j is the head noun of an armed force or group ("قوات", "لواء": cues.tsv) or
    names a body of one ("وحدات", "مفرزة": members.tsv's units)."""
    if seg.tokens[j].text in unit_nouns(seg.language):
        return True
    hit = _cue_matcher(seg.language).match_at(seg.tokens, j)
    return hit is not None and hit[0] == 0 and is_a(hit[2][0], "Armed")


_IN, _RANKS = "في", "صفوف"  # "في صفوف": in the ranks of
_BA, _BY = "ب", "by"  # the preposition of the instrument; the marker of markers.tsv for the doer


def _instrument_before(lang: Language, tokens, j: int, floor: int) -> bool:
    """Whether "من" at token j follows a weapon and the one who used it ("برصاص قناص من"), or the
    weapon alone ("بنيران من"): the group after "من" fired it."""
    for k in (j - 1, j - 2):
        if k >= floor and tokens[k].text[:1] == _BA and tokens[k].text[1:] in _instruments(lang):
            return True
    return False


@language_data
def _instruments(lang: Language) -> frozenset[str]:
    return frozenset(f for row in lang.table("instruments.tsv", ("form",)) for f in row.forms("form"))
_OF_A_GROUP = (MARKER_FROM, "في")  # "عناصر من التنظيم", "منتسبين في الجيش", "قتلى في صفوف التنظيم"


def _marker_ending_at(lang: Language, tokens, j: int, floor: int) -> str:
    last, last_words = tokens[j].text, _last_words(lang)
    if last not in last_words and not (last.startswith(WAW) and last[1:] in last_words):
        return ""  # no marker phrase ends with this word
    lengths, phrases = marker_ends(lang)
    for length in lengths:
        lo = j - length + 1
        if lo < floor:
            continue
        words = tuple(t.text for t in tokens[lo:j + 1])
        marker = phrases.get(words)
        if marker is None and words[0].startswith(WAW):
            marker = phrases.get((words[0][1:],) + words[1:])  # "وبدعم من"
        if marker is not None:
            return marker
    return ""


@language_data
def _last_words(lang: Language) -> frozenset[str]:
    return frozenset(words[-1] for words in marker_ends(lang)[1])


def coordinated(seg: Doc, prev: Mention | None, m: Mention) -> bool:
    """Whether m is joined to the mention before it by "و" ("سوريا والعراق", "عانة، وراوة")."""
    if prev is None:
        return False
    tokens = seg.tokens
    between = []
    for j in range(prev.last_token, m.first_token):
        if tokens[j].text not in ('"', "'", ")", "("):
            if len(between) == 2:
                return False  # at most "، و" comes between
            between.append(tokens[j].text)
    if len(between) == 1 and between[0].startswith(WAW) and between[0][1:] in member_nouns(seg.language):
        return True  # "قوات النظام وعناصر التنظيم"
    # "سوريا والعراق", "قريتي الخضراء، ومحيميدة": the "و" glued to the name, a comma before it or not
    return (between in ([], [COMMA]) and tokens[m.first_token].text.startswith(WAW)) \
        or between in ([WAW], [COMMA, WAW])


def told_before(seg: Doc, trig: Trigger) -> bool:
    """"شنت قسد عقب الهجوم حملة": a masdar with the article right after a word of time names an
    event told before; it is an adjunct of the clause around it, and bounds no clause."""
    tokens = seg.tokens
    return trig.first > 0 and tokens[trig.first - 1].text in function_words(seg.language, "time") \
        and tokens[trig.first].text[len(trig.proclitic):].startswith(ARTICLE)


def _after_preposition(seg: Doc, trig: Trigger) -> bool:
    """Whether a trigger stands in a prepositional phrase ("وفي بيان له"): a preposition before it or joined to it."""
    tokens = seg.tokens
    word = tokens[trig.first - 1].text if trig.first > 0 else ""
    return trig.proclitic.endswith(function_affixes(seg.language, "bound_preposition")) \
        or word in _noun_context_words(seg.language) \
        or word[:1] in function_words(seg.language, "conjunction") and word[1:] in _noun_context_words(seg.language)


def _new_clause_between(tokens, a: int, b: int) -> bool:
    """Whether a comma followed by "و" (a coordinated clause) stands between tokens a and b."""
    return any(tokens[j].text == COMMA and tokens[j + 1].text.startswith(WAW) for j in range(a, b))


def noun_context(seg: Doc, trig: Trigger) -> bool:
    """"بعد طرد التنظيم": after a preposition or with the article, a verb-looking trigger is a
    masdar; so it is after a verb that governs one ("واستطاعت القوات العراقية طرد")."""
    if trig.noun is None:
        trig.noun = _noun_context(seg, trig)
    return trig.noun


def _noun_context(seg: Doc, trig: Trigger) -> bool:
    tokens = seg.tokens
    word = tokens[trig.first].text[len(trig.proclitic):]
    # "ألقت القبض" is written "القت" once normalized: a verb's own alef-lam is no article
    article = word.startswith(ARTICLE) and (trig.rule.pos != "verb" or word[len(ARTICLE):] in trigger_forms(seg.language))
    if trig.proclitic.endswith(function_affixes(seg.language, "bound_preposition")) or article:
        return True
    if trig.first > 0 and tokens[trig.first - 1].text in _noun_context_words(seg.language):
        return True
    conjunctions = function_words(seg.language, "conjunction")
    if trig.proclitic[:1] in conjunctions:
        return False  # "بدأت القوات هجوماً واعتقلت": a verb of its own, coordinated
    # "واستطاعت القوات العراقية طرد": the governing verb is a few words back, in the same clause
    governors, matcher = masdar_governors(seg.language), rules(seg.language)[0]
    for j in range(trig.first - 1, max(-1, trig.first - 6), -1):
        t = tokens[j]
        if t.sentence != tokens[trig.first].sentence or t.text in CLAUSE_ENDS:
            return False
        if t.text in governors or t.text[0] in conjunctions and t.text[1:] in governors:
            return True
        if matcher.starts(t.text) and matcher.match_at(tokens, j):
            return False  # another event's word is in between (a whole form: "القوات" only looks like "ألقوا القبض")
    return False


@language_data
def _noun_context_words(lang: Language) -> frozenset[str]:
    """The words after which a verb-looking trigger is a masdar: prepositions, of time too."""
    return function_words(lang, "time") | function_words(lang, "preposition")


def says_result(lang: Language, words: str) -> bool:
    """Whether the words between two events say the second came of the first ("ما أدى إلى")."""
    text = " " + normalize(words).text + " "
    return any(bare in text or joined in text for bare, joined in _result_needles(lang))


@language_data
def _result_needles(lang: Language) -> tuple[tuple[str, str], ...]:
    """Each of :func:`athar.read.rules.result_phrases` as :func:`says_result` looks for it, between
    spaces, alone and with "و" (built once, not for each pair of events)."""
    return tuple((f" {phrase} ", f" {WAW}{phrase} ") for phrase in result_phrases(lang))
