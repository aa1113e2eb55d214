"""Masdars a word governs that makes them no event told: what is asked or hoped for ("طالب
بتحرير"), what must be done ("شدد على ضرورة تحرير"), what one is charged with ("بتهمة قتال التنظيم"),
what cannot be done or is wanted ("تعذر إيصال المساعدات", "يرغب النازحون في العودة"), what is feared or
prepared for ("خشية وقوع هجمات", "استعدادا لاقتحام المدينة"). Read by :func:`athar.read.aim.drop_aims`."""

from __future__ import annotations

from athar.read.backdrop import aim_markers as _markers
from athar.read.memo import trigger_ends, trigger_starts
from athar.read.rules import MARKER_BA, MARKER_LI, clause_openers, marker_forms
from athar.read.text import ARTICLE, QUOTES, Doc, normalize_word

# how many words before the masdar a verb of asking reaches
_REACH = 8
# how many words (an adverb, the one it is impossible for) a word of impossibility and its masdar may have between them
_GENITIVE = 2
# what is asked for with these is still said or met: "دعا إلى اجتماع", "طالب بتصريح"
_SAID = frozenset({"Statement", "Meeting"})
_FROM = "من"

# the rows whose word before a masdar makes it no event told: what one is charged with, what cannot be done,
# what one wants to do
_UNTOLD = ("charge", "impediment", "wish")
_UNTOLD_ENDS = "untold ends"  # doc.memo's key of where the forms of _UNTOLD's rows end


def demanded(doc: Doc, trig) -> bool:
    """Whether the trigger is a masdar asked or hoped for: with ب, or after إلى or في (markers.tsv's
    rows الى and في), a verb of asking or hoping (markers.tsv's row ``demand``) at most ``_REACH``
    words before it in its sentence, with no clause opener between ("طالب بأن", "دعا ... أن": the
    clause says its own). A demand word right after an event's trigger
    is its argument, a noun ("قتل طالب جامعي بانفجار": a student), no verb of asking."""
    if trig.rule.event in _SAID:
        return False
    lang, tokens = doc.language, doc.tokens
    first = trig.first
    governed = MARKER_BA in trig.proclitic or first > 0 and tokens[first - 1].text in (
        marker_forms(lang, "الى") | marker_forms(lang, "في"))
    if not governed:
        return False
    demand, openers = _markers(lang)["demand"], clause_openers(lang)
    sentence = tokens[first].sentence
    lo = max(0, first - _REACH)
    ends = trigger_ends(doc)  # where a trigger ends (a word right after one is its argument, no verb of asking)
    for j in range(first - 1, lo - 1, -1):
        if tokens[j].sentence != sentence or tokens[j].text in openers:
            return False  # a clause of its own
        if demand.match_at(tokens, j) is not None:
            return j not in ends  # "قتل طالب": a noun after a trigger
    return False


def necessary(doc: Doc, trig) -> bool:
    """Whether the trigger is a masdar right after a word of necessity or urgency (markers.tsv's row
    ``necessity``: "شدد على ضرورة تحرير", "طالب بسرعة تحرير القضاء", "أكد أهمية استعادة المدينة"):
    what must or should be done, not what happened; of any class but a statement or a meeting. So is
    a masdar right after a charge (row ``charge``: "أعدم رجلين بتهمة قتال التنظيم": what they were
    accused of) or a word of impossibility (row ``impediment``: "جعل من المستحيل إيصال الغذاء", "تعذر
    إيصال المساعدات": what could not be done)."""
    if trig.rule.event in _SAID or trig.first == 0:
        return False
    tokens = doc.tokens
    if trig.proclitic in ("", ARTICLE):
        j = trig.first - 1
        found = _markers(doc.language)["necessity"].match_at(tokens, j)
        if found is None and j > 0:  # "بالإسراع في تحرير"
            j -= 1
            found = _markers(doc.language)["necessity"].match_at(tokens, j)
        if found is not None and found[1] == trig.first and tokens[j].sentence == tokens[trig.first].sentence:
            return True
        if _impeded(doc, trig):
            return True
    return _feared(doc, trig)


def _impeded(doc: Doc, trig) -> bool:
    """Whether a word of a charge, of impossibility or of wanting (markers.tsv's rows ``charge``,
    ``impediment``, ``wish``) governs the masdar at the trigger: right before it, past quotation marks
    ("بتهمة "قتال الدولة""), or with an adverb, the one it is impossible for or the one who wants it
    between (at most ``_GENITIVE`` + 2 words, none a trigger, in its sentence: "من المستحيل تقريبا
    لبرنامج الأغذية إيصال الغذاء", "يرغب مئات النازحين في العودة")."""
    tokens, texts, first = doc.tokens, doc.texts, trig.first
    matchers = [_markers(doc.language)[row] for row in _UNTOLD]
    starts = trigger_starts(doc)
    words = 0
    # token -> where the form of each row that starts there ends (asked for three j, and by the
    # triggers near it): the tokens never change, so once a text
    ends: dict[int, tuple] = doc.memo.setdefault(_UNTOLD_ENDS, {})
    for j in range(first - 1, max(-1, first - 2 * _GENITIVE - 6), -1):
        t = tokens[j]
        if t.sentence != tokens[first].sentence:
            return False
        for k in range(max(0, j - 2), j + 1):
            end = ends.get(k)
            if end is None:
                # (a form starts at few words: told by a look-up, without a call for each matcher)
                end = ends[k] = tuple(found[1] if m.starts(texts[k]) and (found := m.match_at(tokens, k)) is not None
                                      else None for m in matchers)
            if j + 1 in end:
                return True  # a word of the rows (of up to three tokens) ends at j
        if not t.is_word:
            if t.text not in QUOTES:
                return False
            continue
        words += 1
        if words > _GENITIVE + 2 or j in starts:
            return False
    return False


def _feared(doc: Doc, trig) -> bool:
    """Whether the trigger is what a word of fear or precaution right before it names (markers.tsv's row
    ``fear``, with ل or من between or on the masdar: "تحسبا لهجمات محتملة", "خشية وقوع هجمات", "خوفا من
    القصف") or of preparation (row ``preparation``: "تمهيدا لتوزيعها", "استعدادا لاقتحام المدينة"): an
    event feared, forestalled or prepared for, not one that happened; of any class but a statement."""
    tokens, first = doc.tokens, trig.first
    if trig.proclitic not in ("", ARTICLE, MARKER_LI, MARKER_LI + ARTICLE[1:], MARKER_LI + ARTICLE):
        return False
    matchers = _markers(doc.language)["fear"], _markers(doc.language)["preparation"]
    for j in range(first - 1, max(-1, first - 3), -1):
        if tokens[j].sentence != tokens[first].sentence or not tokens[j].is_word:
            return False
        for found in (m.match_at(tokens, j) for m in matchers if m.starts(doc.texts[j])):
            if found is not None and (found[1] == first or found[1] == first - 1 and tokens[first - 1].text in (
                    _FROM, normalize_word("وقوع"))):
                return True
    return False
