"""Constructions of the genre's clauses that put words between a trigger's parts or between an
actor and its trigger: a light verb whose subject stands before its noun ("أعادت الشرطة فتح",
"أطلق مسلحون النار"), and a relative clause that describes a noun and tells no event of the
clause around it ("بعض قواته التي تركز على التدريب إلى بلدانها"). Used by
:mod:`athar.read.clause`."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from athar.read.function_words import function_words
from athar.read.language import Language, language_data
from athar.read.memo import name_ends
from athar.read.mentions import stopwords
from athar.read.morphology import object_masdars
from athar.read.rules import clause_openers, day_parts, holding_nouns, marker_ends, marker_forms
from athar.read.text import ARTICLE, COMMAS, Doc

if TYPE_CHECKING:
    from athar.read.clause import EventReading, Trigger
    from athar.read.mentions import Mention
    from athar.read.phrases import PhraseMatcher


@language_data
def _no_subject(lang: Language) -> frozenset[str]:
    """Words that are no part of a subject: stopwords, clause openers, relative pronouns."""
    return stopwords(lang) | clause_openers(lang) | function_words(lang, "relative")


SUBJECT_WORDS = 4  # the most words a subject between a light verb and its noun may take
_RELATIVE_WORDS = 12  # the most words a relative clause inside another clause is read over


def split_match(seg: Doc, matcher: PhraseMatcher, i: int, hit) -> tuple[tuple, tuple[int, int]] | None:
    """A form of several words whose first word, a light verb, stands at token i and the
    others after its subject ("أعادت الشرطة فتح", "أطلق مسلحون النار", "أخلت القوات مواقعها"):
    the match, as :meth:`PhraseMatcher.match_at` gives it, and the subject's tokens. The words
    between are a noun phrase: words of one sentence and clause, no function word, none
    governed by a preposition."""
    tokens = seg.tokens
    if hit is not None and hit[1] > i + 1:
        return None  # the form's words stand together
    if not any(reading.longer for reading in matcher._forms_at(tokens[i].text)):
        return None  # no form of several words starts with the word at i (match_split finds none)
    skip = _no_subject(seg.language)
    days = day_parts(seg.language)[1]
    bound = function_words(seg.language, "bound_preposition")
    # a name counts as one word, whatever its words ("زودت منظمة أطباء بلا حدود المستشفى بالأدوية")
    names = name_ends(seg)
    counts = _quantifiers(seg.language)
    j, words = i + 1, 0
    while j < len(tokens) - 1 and words < SUBJECT_WORDS:
        t = tokens[j]
        if t.sentence != tokens[i].sentence:
            return None
        # a count of the object in words ("دمرت الطائرات عددا من الآليات", "تدمير عدد من الآليات", "هدم
        # التنظيم عشرات المنازل"): the object follows it, the verb or its masdar takes it across
        quantity = counts.match_at(tokens, j) if counts.starts(seg.texts[j]) else None
        if quantity is not None and quantity[1] < len(tokens):
            found = matcher.match_split(tokens, i, quantity[1])
            if found is not None:
                return found, (i + 1, quantity[1])
            j, words = quantity[1], words + 1
            continue
        # the day it happened ("أعلنت الثلاثاء تحرير", "أعادت اليوم فتح") and a count of the object ("وزعت
        # المنظمة 500 سلة", "نزعت الفرق 300 لغم") stand between, no subject's words; a masdar takes
        # only the count right after it ("تدمير 21 آلية", "توزيع 500 سلة")
        if t.text in days or t.text[0].isdigit():
            found = matcher.match_split(tokens, i, j + 1)
            if found is not None and (tokens[i].text[found[0]:] not in object_masdars(seg.language)
                                      or j == i + 1 and t.text[0].isdigit()):
                return found, (i + 1, j + 1)
            j, words = j + 1, words + 1
            continue
        if j in names and tokens[names[j]].sentence == t.sentence:
            j = max(j, names[j])  # the name's last word
        elif not t.is_word or t.text in skip or t.text[0] in bound and t.text[1:].startswith((ARTICLE, ARTICLE[1])):
            return None
        elif matcher.match_at(tokens, j) is not None:
            return None  # "أعلن الجيش بدء معركة تحرير": a trigger of its own between
        words += 1
        found = matcher.match_split(tokens, i, j + 1)
        if found is not None:
            if tokens[i].text[found[0]:] in object_masdars(seg.language):
                return None  # a masdar's object follows it at once: "تقديم مليوني يورو لدعم ... إغاثة"
            if not any(names.get(k, j) > j + 1 for k in range(i + 1, j + 1)):
                return found, (i + 1, j + 1)
            # else the words after the subject are its name's ("وزع برنامج الأغذية العالمي"): read on
        j += 1
    return None


@language_data
def _quantifiers(lang: Language) -> PhraseMatcher:
    """The words that count a noun after them (markers.tsv's row ``quantifier``: "عدد من", "عشرات")."""
    from athar.read.phrases import PhraseMatcher

    return PhraseMatcher(lang, [(f, True) for f in marker_forms(lang, "quantifier")])


def in_relative_clause(reading: EventReading, k: int, after: Trigger) -> bool:
    """Whether trigger k stands in a relative clause that ends before the trigger ``after``:
    a relative pronoun a few words before it ("التي تركز على التدريب"), the words between
    them and up to ``after`` words of that clause (no comma, no trigger, no clause opener)."""
    tokens, trig = reading.doc.tokens, reading.triggers[k]
    relatives = function_words(reading.doc.language, "relative")
    for j in range(trig.first - 1, max(trig.first - 4, -1), -1):
        if tokens[j].text in relatives:
            break
        if not tokens[j].is_word or j in reading.trigger_starts:
            return False
    else:
        return False
    if after.first - j > _RELATIVE_WORDS:
        return False
    openers = reading.index.openers
    n = bisect_left(openers, j)
    return all(t.is_word and t.text not in COMMAS for t in tokens[j:after.first]) \
        and not (n < len(openers) and openers[n] < after.first)


def subject_of_relative(seg: Doc, trig: Trigger, m: Mention, verbal: bool) -> bool:
    """"قتلت الألغام التي زرعها تنظيم داعش عشرات المدنيين": a mention right after the verb of a
    relative clause that describes another noun after the trigger is that clause's subject, no
    argument of the trigger. A relative clause right after a masdar (an adjective between at
    most) describes the event itself ("الهجوم البري الذي شنه عناصر التنظيم"): its subject is
    the doer; none describes a verb."""
    r = m.first_token - 2  # relative pronoun, its verb, the mention
    if r < trig.last or not relative_subject(seg, m):
        return False
    return verbal or r - trig.last >= 2


def relative_subject(seg: Doc, m: Mention) -> bool:
    """Whether m stands right after a relative pronoun and its verb ("التي زرعها تنظيم داعش"):
    the subject of a relative clause."""
    r = m.first_token - 2
    return r >= 0 and seg.tokens[r].text in function_words(seg.language, "relative") and seg.tokens[r + 1].is_word


def holding_governed(seg: Doc, prev: Trigger, i: int, prefix: int) -> bool:
    """Whether the word at i names what a group holds ("معاقل", "مواقع", members.tsv) right
    after a preposition that gives a role of the event before it in the sentence ("هجوما على
    معاقل قسد"): the holding is what that event is done to, no event of its own."""
    tokens = seg.tokens
    if prefix or i < 1 or i - prev.last > 3 or tokens[i].sentence != tokens[prev.first].sentence \
            or tokens[i].text not in holding_nouns(seg.language):
        return False
    marker = marker_ends(seg.language)[1].get((tokens[i - 1].text,))
    return marker is not None and marker in prev.rule.slots
