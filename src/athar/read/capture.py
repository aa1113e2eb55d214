"""A party announcing its own control of a place: "أعلنت الفصائل، المشاركة في العملية، اليوم الخميس،
سيطرتها على مدينة الباب", "وكانت قسد قد أعلنت قبل يومين سيطرتها الكاملة على الريف". Control a party
announces as its own is control it has taken, a capture (a Liberation, as events.tsv reads "أعلن سيطرته"
when the two words stand together), whatever words stand between the verb and the masdar that carries
the party's pronoun: its name and what describes it, the day, "قبل يومين". Not across "أن" or a relative
pronoun (what is said of another's hold: "أعلن الجيش أن المدينة ما تزال تحت سيطرته"), not the control
held ("الخاضعة لسيطرته", "تحت سيطرتها"), nor an armed group's (its capture is no liberation:
refine.tsv)."""

from __future__ import annotations

from athar.read.announcement import announce_words
from athar.read.clause import EventReading, Trigger
from athar.read.function_words import function_affixes, function_words
from athar.read.mentions import is_a
from athar.read.rules import marker_forms

_REACH = 16  # the most words (punctuation aside) from the verb of announcing to the masdar of control
_CONTROL = "TerritorialControl"
CAPTURE = "Liberation"  # the class of control taken (events.tsv: "أعلن سيطرته")


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
    if before in marker_forms(lang, "held") or before in marker_forms(lang, "under"):
        return False  # "الخاضعة لسيطرته", "تحت سيطرتها": a hold
    announce = announce_words(lang)
    stops = function_words(lang, "complementizer") | function_words(lang, "relative")
    conjunctions = function_affixes(lang, "conjunction")
    tokens, words = seg.tokens, 0
    for j in range(trig.first - 1, sentence.first_token - 1, -1):
        word = texts[j]
        if word in stops:
            return False
        if word in announce or word[:1] in conjunctions and word[1:] in announce:
            return True
        words += tokens[j].is_word
        if words >= _REACH:
            return False
    return False
