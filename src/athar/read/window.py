"""The clause of a trigger: the token range whose mentions, dates and amounts may fill its event.
It runs between the triggers around it, bounded by commas, "، و" and words that open a clause of
their own ("أن"); those words are found once per document (:func:`index_clauses`). Used by the
events component (:mod:`athar.read.facts`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import compress, count
from typing import TYPE_CHECKING

from athar.read.amounts import AmountMention
from athar.read.clause import noun_context, told_before
from athar.read.construction import in_relative_clause
from athar.read.dates import DateMention
from athar.read.entity import is_a
from athar.read.function_words import function_words
from athar.read.rules import apposition_words, attribution_matcher, clause_openers, marker_ends, modality_matcher
from athar.read.text import CLAUSE_ENDS, COMMAS, WAW, Doc, normalize_word

if TYPE_CHECKING:
    from athar.read.clause import EventReading, Trigger


@dataclass
class ClauseIndex:
    """Where the words that bound clauses and report speech are, found once per document."""

    reporting: dict[int, list[int]]  # sentence -> where its reporting words end ("قالت", "بحسب")
    clause_starts: list[int]  # tokens that open a coordinated clause after a comma ("، وتعد")
    commas: list[int]  # tokens that may close a clause
    openers: list[int]  # tokens that open a clause of their own ("أن")
    modal: list[int]  # tokens where a word of modality.tsv may start ("لم", "سوف", "يجري")
    dates_in: dict[int, list[DateMention]] = field(default_factory=dict)  # sentence -> its dates, when asked
    amounts_in: dict[int, list[AmountMention]] = field(default_factory=dict)  # sentence -> its amounts, when asked
    markers: dict[tuple[int, int, bool], str] = field(default_factory=dict)  # (id(mention), floor, after) -> marker_before
    attributions: dict[int, list] = field(default_factory=dict)  # sentence -> (reporting word's end, mention), when asked
    lead_places: dict[int, list] = field(default_factory=dict)  # triggers read -> the lead's places, when asked
    # id(trigger) -> (the trigger, the roles asked about, the framings then, its settled places), when asked
    own_places: dict[int, tuple] = field(default_factory=dict)



def index_clauses(seg: Doc) -> ClauseIndex:
    tokens = seg.tokens
    matcher = attribution_matcher(seg.language)
    reporting: dict[int, list[int]] = {}
    for i in matcher.starts.indices(seg.texts):
        hit = matcher.match_at(tokens, i)
        if hit is not None:
            reporting.setdefault(tokens[i].sentence, []).append(hit[1])
    commas = list(compress(count(), map(CLAUSE_ENDS.__contains__, seg.texts)))
    clause_starts = [j + 1 for j in commas if tokens[j].text in COMMAS
                     and j + 1 < len(tokens) and tokens[j + 1].text.startswith(WAW)]
    # "أن" opens a clause of its own; "وهو" a nominal clause that describes the noun before it
    openers = list(compress(count(), map((clause_openers(seg.language) | function_words(seg.language, "describer")).__contains__,
                                         seg.texts)))
    modal = _outside_names(seg, modality_matcher(seg.language).starts.indices(seg.texts))
    return ClauseIndex(reporting, clause_starts, commas, openers, modal)


def _outside_names(seg: Doc, modal: list[int]) -> list[int]:
    """The words of modality.tsv that stand outside every mention of an entity: a name may hold
    a word of negation ("منظمة أطباء بلا حدود افتتحت مستشفى", "جمعية لا للعنف"), which negates
    nothing the sentence tells."""
    inside = set()
    for m in seg.mentions:
        inside.update(range(m.first_token, m.last_token))
    return [i for i in modal if i not in inside]


def clause_window(reading: EventReading, k: int) -> tuple[int, int]:
    """Token range of the trigger's clause: from the trigger before, a "، و" that opens a
    coordinated clause, or the sentence start; to the trigger after, a word that opens a clause
    of its own ("أن"), the first comma after the trigger that opens no aside, or the sentence end."""
    tokens, trig = reading.doc.tokens, reading.triggers[k]
    sentence = reading.doc.sentences[tokens[trig.first].sentence]
    left = sentence.first_token
    before = k - 1
    # "بعض قواته التي تركز على التدريب إلى بلدانها": a trigger in a relative clause describes the
    # noun before it; the clause of the trigger after runs back past it to that noun
    while before >= 0 and reading.triggers[before].last <= trig.first and in_relative_clause(reading, before, trig):
        before -= 1
    if before >= 0 and reading.triggers[before].last <= trig.first and not told_before(reading.doc, reading.triggers[before]):
        left = max(left, reading.triggers[before].last)
    # "...، وتعد هذه أكبر مساهمة": a new coordinated clause starts after "، و" (the last one
    # after left and before the trigger). A trigger that opens one itself ("، وسلمت مقراتها")
    # takes nothing from before the comma when an event before it in the sentence has an actor
    # to pass on; otherwise the subject of the sentence is before the comma ("وعملت المجالس
    # المحلية ... على تقديم المساعدة، وإعادة بناء").
    starts = reading.index.clause_starts
    n = bisect_right(starts, trig.first)
    if n > 0 and starts[n - 1] == trig.first and not _actor_to_pass(reading, trig):
        n -= 1
    if n > 0 and starts[n - 1] > left:
        left = starts[n - 1]
    right = sentence.last_token
    after = k + 2 if _during_after(reading, k) else k + 1
    if after < len(reading.triggers) and reading.triggers[after].first < right:
        right = reading.triggers[after].first
    # "وأضاف البيان أن قوات الحشد حررت": what follows "أن" is a clause of its own
    openers = reading.index.openers
    n = bisect_left(openers, trig.last)
    if n < len(openers) and openers[n] < right:
        right = openers[n]
    # the first comma after the trigger closes the clause, unless it opens an aside
    commas = reading.index.commas
    n = bisect_left(commas, trig.last)
    while n < len(commas) and commas[n] < right:
        if _completed_after(reading, commas[n], right) or _object_after(reading, trig, commas[n]) \
                or _listed_after(reading, trig, commas[n]):
            n += 1  # "حررت القوات القرية، من قبضة التنظيم": the phrase after the comma is the event's
            continue
        helped = _helped_aside(reading, commas[n], right)
        if helped is not None:
            n = bisect_left(commas, helped + 1)  # "افتتحت المنظمة، بالتعاون مع السلطات، مستشفى"
            continue
        if _after_time(reading, trig, commas[n]):
            n += 1  # "أخرجت منذ مطلع العام الجاري، 644 عائلة"
            continue
        aside = _aside_end(reading, commas[n], right)
        if aside is None:
            right = commas[n]
            break
        n = bisect_left(commas, aside + 1)  # "سلّم التحالف، الأحد، قاعدة التاجي": a date between commas is an aside
    return left, right


def _during_after(reading: EventReading, k: int) -> bool:
    """"قتلت القوات خلال معارك اليوم 23 عنصرا", "أعدم المسلحون أثناء هجومهم على البلدة العديد من
    السكان": whether the trigger after verb k is a circumstance of it, a word of "during"
    (function_words) right before it and no figure between the verb and that word, so that the
    verb's clause runs on past it to the verb's object."""
    triggers, seg = reading.triggers, reading.doc
    if k + 1 >= len(triggers) or triggers[k].rule.pos == "noun" or noun_context(seg, triggers[k]):
        return False
    nxt, tokens = triggers[k + 1], seg.tokens
    at = nxt.first - 1
    if at < triggers[k].last or tokens[at].text not in function_words(seg.language, "during") \
            or tokens[at].sentence != tokens[triggers[k].first].sentence:
        return False
    return not reading.amount_spans.reaching(tokens[triggers[k].last].start, tokens[at].start)


def coordinated_clause(reading: EventReading, trig: Trigger, sentence) -> tuple[int, int]:
    """The tokens of the trigger's sentence up to where a coordinated clause of its own opens after
    the trigger, a "، و" before a word that names nothing ("تطهير حي الجولان، وفككت المنازل
    الملغمة": the mined houses are the second clause's), not one that goes on a list of names
    ("في كركوك ونينوى، وديالى، عقب انسحاب البيشمركة")."""
    starts, tokens = reading.index.clause_starts, reading.doc.tokens
    n = bisect_right(starts, trig.last)
    while n < len(starts) and starts[n] <= sentence.last_token:
        if not reading.mention_spans.starting(starts[n], starts[n] + 1) and tokens[starts[n]].text != WAW:
            return sentence.first_token, starts[n] - 1
        n += 1
    return sentence.first_token, sentence.last_token


def _actor_to_pass(reading: EventReading, trig: Trigger) -> bool:
    tokens = reading.doc.tokens
    sentence = tokens[trig.first].sentence
    for p in reversed(reading.previous):
        if tokens[p.first].sentence != sentence:
            return False
        if any(r == "agent" for r, _ in p.roles):
            return True
    return False


_COMPLETING = frozenset({"من", "by"})  # markers.tsv: who it was taken from, who did it
_BY = "by"


def _completed_after(reading: EventReading, comma: int, right: int) -> bool:
    """Whether a comma stands before a marker phrase of two words that says from whose hands or by
    whom ("، من قبضة تنظيم داعش", "، على يد مسلحين"), or a one-word one that says by whom ("،
    بمشاركة الجيش", "، بواسطة طائرة مسيرة"): it completes the event before it."""
    words = tuple(reading.doc.texts[comma + 1:min(comma + 3, right)])
    phrases = marker_ends(reading.doc.language)[1]
    return len(words) == 2 and phrases.get(words) in _COMPLETING or len(words) >= 1 and phrases.get(words[:1]) == _BY


def _object_after(reading: EventReading, trig: Trigger, comma: int) -> bool:
    """Whether a comma after a verb's subject stands before the verb's object, "على" and what
    follows ("سيطرت قوات تابعة للحكومة، على مركز القضاء"): the object is the event's."""
    tokens = reading.doc.tokens
    return trig.rule.pos == "verb" and comma + 1 < len(tokens) and tokens[comma + 1].text == _ON \
        and _ON_SLOT in trig.rule.slots and comma - trig.last <= 6 and comma not in reading.trigger_starts


def _listed_after(reading: EventReading, trig: Trigger, comma: int) -> bool:
    """Whether a comma stands in a list of places of one kind after the trigger, the next one
    joined by "، و" ("حررت القوات قضائي عانة، وراوة", "قرى الخضراء، والبوليل"): the list is the
    event's."""
    tokens = reading.doc.tokens
    if comma + 1 >= len(tokens) or not tokens[comma + 1].text.startswith(WAW):
        return False
    before = [m for m in reading.mention_spans.starting(trig.last, comma)
              if m.last_token == comma and is_a(m.type, "Place")]
    after = reading.mention_spans.starting(comma + 1, comma + 3)
    return any(m.type == b.type and (m.first_token == comma + 1 or tokens[comma + 1].text == WAW)
               for m in after for b in before)


def _after_time(reading: EventReading, trig: Trigger, comma: int) -> bool:
    """Whether a comma closes a time phrase that stands between a verb and its object, the object
    not yet come ("أخرجت الإدارة منذ مطلع العام الجاري، 644 عائلة"): the object after it is the verb's."""
    tokens = reading.doc.tokens
    if trig.rule.pos != "verb" or "obj" not in trig.rule.slots or comma - trig.last > 8 or comma == trig.last:
        return False
    end = tokens[comma - 1].end
    if not any(d.end == end and d.start >= tokens[trig.last].start
               for d in reading.date_spans.reaching(tokens[trig.last].start, tokens[comma].start)):
        return False
    # the object has not come: no mention between the verb and the time but its subject
    return len([m for m in reading.mention_spans.starting(trig.last, comma) if m.last_token <= comma]) <= 1


_ON_SLOT = "على"  # as events.tsv keys the slot
_ON = normalize_word(_ON_SLOT)  # as normalization writes the word


def _helped_aside(reading: EventReading, comma: int, right: int) -> int | None:
    """The comma closing an aside that says with whose help ("، بالتعاون مع السلطات الصحية،",
    "، بدعم من التحالف،"): a phrase of markers.tsv's "support" set off by commas, no event in it."""
    texts, phrases = reading.doc.texts, marker_ends(reading.doc.language)[1]
    if not any(phrases.get(tuple(texts[comma + 1:comma + 1 + k])) == "support" for k in (1, 2)):
        return None
    close = next((j for j in range(comma + 2, min(comma + 10, right)) if texts[j] in COMMAS), None)
    if close is None or any(j in reading.trigger_starts for j in range(comma + 1, close)):
        return None
    return close


def _aside_end(reading: EventReading, comma: int, right: int) -> int | None:
    """The comma closing an aside set off by commas right after ``comma``: a date, or one or
    two words that name nothing and say nothing ("، الأحد،", "، مثلاً،")."""
    tokens = reading.doc.tokens
    if comma + 1 < right and tokens[comma + 1].text in apposition_words(reading.doc.language) \
            and not any(w in reading.trigger_starts for w in range(comma + 1, right)):
        # "على راوة، آخر البلدات التي كانت خاضعة للتنظيم": on to the next comma
        return comma + 1
    for close in range(comma + 2, min(comma + 4, right)):
        if tokens[close].text in COMMAS:
            words = range(comma + 1, close)
            if all(tokens[w].is_word for w in words) and not reading.mention_spans.starting(comma + 1, close) \
                    and not any(w in reading.trigger_starts for w in words):
                return close
            break
    for d in reading.date_spans.starting(tokens[comma].end, tokens[comma].end + 2):
        close = comma + 1
        while d is not None:  # "، اليوم الخميس 5 سبتمبر 2019،": dates in a row make one aside
            while close < right and tokens[close].start < d.end:
                close += 1
            d = next(iter(reading.date_spans.starting(tokens[close].start, tokens[close].start + 1)), None) \
                if close < right else None
        if close < right and tokens[close].text in COMMAS:
            return close
    return None
