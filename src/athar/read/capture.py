"""A party announcing its own control of a place: "أعلنت الفصائل، المشاركة في العملية، اليوم الخميس،
سيطرتها على مدينة الباب", "وكانت قسد قد أعلنت قبل يومين سيطرتها الكاملة على الريف". Control a party
announces as its own is control it has taken, a capture (a Liberation, as events.tsv reads "أعلن سيطرته"
when the two words stand together), whatever words stand between the verb and the masdar that carries
the party's pronoun: its name and what describes it, the day, "قبل يومين". Not across "أن" or a relative
pronoun (what is said of another's hold: "أعلن الجيش أن المدينة ما تزال تحت سيطرته"), nor across another
event's word with no comma between (the control is where that deed was: "أعلن التحالف تدمير مقرات في
مناطق سيطرته"; a word of an aside set off by commas is passed: "الفصائل، المشاركة في العملية،"); not the
control held ("الخاضعة لسيطرته", "تحت سيطرتها") nor one a preposition or an area governs ("في مناطق
سيطرتها", "الحفاظ على سيطرتها"), nor an armed group's (its capture is no liberation: refine.tsv)."""

from __future__ import annotations

from athar.read.announcement import announce_words
from athar.read.clause import EventReading, Trigger
from athar.read.function_words import function_affixes, function_words
from athar.read.memo import trigger_starts
from athar.read.mentions import is_a
from athar.read.rules import MARKER_ON, marker_forms
from athar.read.text import ARTICLE, COMMAS

_REACH = 16  # the most words (punctuation aside) from the verb of announcing to the masdar of control
_CONTROL = "TerritorialControl"
CAPTURE = "Liberation"  # the class of control taken (events.tsv: "أعلن سيطرته")


def held_control(reading: EventReading, trig: Trigger, sentence) -> bool:
    """Whether the trigger is a masdar of control that tells ground held, not taken: under it ("الواقع تحت
    سيطرة قوات سوريا الديمقراطية"), subject to it ("الخاضعة لسيطرة الجيش") or the ground it is annexed to
    ("مناطق سيطرة الحكومة"). A state is no capture, whatever fighting its sentence tells around it
    ("مخيم الواقع تحت سيطرة القوات، مع اقتراب ساعة المعركة"): refine.tsv's cues of fighting do not make it one."""
    seg = reading.doc
    if trig.rule.event != _CONTROL or trig.first <= sentence.first_token \
            or seg.texts[trig.first].removeprefix(trig.proclitic).startswith(ARTICLE):
        return False  # a masdar with the article ("السيطرة على") is the taking told, not a hold
    lang, before = seg.language, seg.texts[trig.first - 1]
    return any(before in marker_forms(lang, kind) for kind in ("under", "held", "held_area"))


def announced_control(reading: EventReading, trig: Trigger, roles, sentence) -> bool:
    """Whether the control the trigger tells is a party's own (markers.tsv, own_control), announced by a
    verb before it in its sentence (speakers.tsv, announce): a capture."""
    seg = reading.doc
    lang, texts = seg.language, seg.texts
    if trig.rule.event != _CONTROL or trig.last - trig.first != 1 \
            or texts[trig.first][len(trig.proclitic):] not in marker_forms(lang, "own_control"):
        return False
    if any(r == "agent" and is_a(m.type, "ArmedGroup") for r, m in roles):
        return False
    before = texts[trig.first - 1] if trig.first > sentence.first_token else ""
    if before in marker_forms(lang, "held") or before in marker_forms(lang, "under") \
            or before in marker_forms(lang, "held_area") or before in function_words(lang, "preposition") \
            or before in marker_forms(lang, MARKER_ON) \
            or trig.proclitic[-1:] in function_words(lang, "bound_preposition"):
        return False  # "الخاضعة لسيطرته", "تحت سيطرتها", "في مناطق سيطرته", "على سيطرتها": a hold
    announce = announce_words(lang)
    stops = function_words(lang, "complementizer") | function_words(lang, "relative")
    conjunctions = function_affixes(lang, "conjunction")
    others = trigger_starts(seg)
    tokens, words, aside = seg.tokens, 0, False
    for j in range(trig.first - 1, sentence.first_token - 1, -1):
        word = texts[j]
        if word in stops:
            return False
        if word in announce or word[:1] in conjunctions and word[1:] in announce:
            return True
        aside = aside or word in COMMAS
        if j in others and not aside:
            return False  # "أعلن التحالف تدمير مقرات ... في مناطق سيطرته": the control is where another deed was
        words += tokens[j].is_word
        if words >= _REACH:
            return False
    return False
