"""Who an attack killed when the clause of the attack does not say it: the dead a verb of killing
counts when the attack is its subject ("قتلت غارة جوية 5 مدنيين"), the noun a relative clause of
a verb of dying describes when the attack is what they died by ("المدنيين الذين قضوا بانفجار
ألغام"). Read by :func:`athar.read.argument.roles_from_context`."""

from __future__ import annotations

from athar.read.clause import EventReading, Trigger, marker_before, noun_context
from athar.read.function_words import function_words
from athar.read.mentions import Mention, is_a


def killed_by_an_attack(reading: EventReading, trig: Trigger, sentence) -> Mention | None:
    """"قتلت غارة جوية 5 مدنيين", "وقتل قصف مدفعي، لم تعرف الجهة التي نفذه، ثلاثة أشخاص": a verb of
    killing whose subject is an attack (a trigger right after it) has its dead in the first bare
    mention of people after the attack's words, past an aside between commas; None otherwise."""
    seg = reading.doc
    if trig.rule.event != "Killing" or trig.rule.pos == "noun" or trig.gaps or noun_context(seg, trig):
        return None
    attack = next((t for t in reading.triggers if t.first == trig.last), None)
    if attack is None or attack.rule.event != "Attack" or attack.rule.pos != "noun":
        return None
    starts = reading.trigger_starts
    for m in reading.mention_spans.starting(attack.last, sentence.last_token):
        if any(j in starts for j in range(attack.last, m.first_token)):
            return None  # another event comes first
        # (no preposition before it: "على بلدة", "في قرية" are not the dead)
        if is_a(m.type, "Actor") and not is_a(m.type, "Place") \
                and not marker_before(seg, m, attack.last, reading.amounts, after=True):
            return m
    return None


def died_by(reading: EventReading, trig: Trigger) -> Mention | None:
    """"بلغ عدد المدنيين الذين قضوا بانفجار ألغام": an attack after ب right after a verb of dying
    (function_words' "died_by") killed the noun the relative clause of that verb describes;
    None otherwise."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    verb = trig.first - 1
    if trig.rule.pos != "noun" or trig.proclitic not in function_words(lang, "bound_preposition") or verb < 1 \
            or tokens[verb].text not in function_words(lang, "died_by") \
            or tokens[verb - 1].text not in function_words(lang, "relative") \
            or tokens[verb - 1].sentence != tokens[trig.first].sentence:
        return None
    head = next((m for m in reading.mention_spans.starting(max(0, verb - 8), verb - 1) if m.last_token == verb - 1), None)
    return head if head is not None and is_a(head.type, "Actor") and not is_a(head.type, "Place") else None
