"""Who an attack killed when the clause of the attack does not say it: the dead a verb of killing
counts when the attack is its subject ("قتلت غارة جوية 5 مدنيين"), the noun a relative clause of
a verb of dying describes when the attack is what they died by ("المدنيين الذين قضوا بانفجار
ألغام"), the group a pronoun counts the dead a part of ("بمقتل العديد منهم"). Read by
:func:`athar.read.argument.roles_from_context`."""

from __future__ import annotations

from bisect import bisect_left

from athar.read.clause import EventReading, Trigger, marker_before, noun_context
from athar.read.function_words import function_words
from athar.read.language import Language, language_data
from athar.read.mentions import Mention, is_a
from athar.read.rules import marker_forms
from athar.read.text import COMMAS


def assassinated(reading: EventReading, trig: Trigger, roles: list) -> list[Mention]:
    """"اغتيال مختار القرية", "الاغتيالات التي تطال عناصر قسد": an attack told by a word of
    assassination (function_words' "assassination"), not after an attempt ("محاولة اغتيال"),
    killed the people it was made on: its targets that are actors; [] otherwise."""
    seg = reading.doc
    tokens, words = seg.tokens, function_words(seg.language, "assassination")
    # the first word without its proclitic ("واغتال", "باغتيال"), as the table writes it
    if trig.rule.event != "Attack" or not any(tokens[k].text[len(trig.proclitic) if k == trig.first else 0:] in words
                                               for k in range(trig.first, trig.last)):
        return []
    if trig.first > 0 and tokens[trig.first - 1].text in marker_forms(seg.language, "attempt"):
        return []
    return [m for r, m in roles if r == "target" and is_a(m.type, "Actor") and not is_a(m.type, "Place")]


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


def dead_of_an_attack(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"قتل على إثر ذلك أكثر من 50 شخصا", "ارتفع عدد القتلى في الهجوم الانتحاري إلى 50 قتيلا": a
    killing tied by a word of cause (causes.tsv) to the event told before ("ذلك") or to an attack
    named again with the article, in its clause, was done by the doer of that attack: the armed
    party the last attack told before it names as its doer (for "ذلك", in its sentence or the one
    before). [] otherwise."""
    if trig.rule.event != "Killing":
        return []
    seg = reading.doc
    tokens = seg.tokens
    causes, within, pointers = _causes(seg.language)
    sentence = seg.sentences[tokens[trig.first].sentence]
    lo, hi = max(sentence.first_token, trig.first - _CAUSE_REACH), min(sentence.last_token, trig.last + _CAUSE_REACH)
    pointed = named = False
    for j in range(lo, hi):
        if tokens[j].text not in pointers or not any(
                tuple(t.text for t in tokens[j - len(c):j]) == c for c in causes if j - len(c) >= sentence.first_token):
            continue
        pointed = True
    triggers = reading.triggers  # in the text's order: only those starting in [lo, hi) are looked at
    for t in triggers[bisect_left(triggers, lo, key=_first):bisect_left(triggers, hi, key=_first)]:
        if t.rule.event == "Attack" and lo <= t.first < hi and t is not trig \
                and tokens[t.first].text.removeprefix(t.proclitic).startswith(_THE) \
                and (t.proclitic.endswith(_BY_MEANS) or any(
                    tuple(w.text for w in tokens[t.first - len(c):t.first]) == c for c in causes | within
                    if t.first - len(c) >= sentence.first_token)):
            named = True
    if not (pointed or named):
        return []
    for p in reversed(reading.previous):
        if p.rule.event != "Attack" or p.first >= trig.first:
            continue
        if not named and sentence.index - tokens[p.first].sentence > 1:
            return []
        doers = [m for r, m in p.roles if r == "agent" and is_a(m.type, "Armed")]
        if doers:
            return doers
    return []


def part_of_a_group(reading: EventReading, trig: Trigger, sentence, roles: list) -> Mention | None:
    """"عمليات على مواقع إرهابيي داعش انتهت بمقتل العديد منهم", "القضاء على العشرات منهم": a killing
    whose word a pronoun of part follows (causes.tsv's "part"; a count or its doer between, no other
    name, comma or event) killed some of the group the sentence named last before it: a party or people,
    not a place, not the killing's own doer. None otherwise."""
    if trig.rule.event != "Killing":
        return None
    seg = reading.doc
    tokens, parts = seg.tokens, _parts(seg.language)
    starts = reading.trigger_starts
    end = min(sentence.last_token, trig.last + _PART_REACH)
    named = {m.first_token for m in reading.mention_spans.starting(trig.last, end) if not any(m is x for _, x in roles)}
    # (a trigger whose words end with "من" holds the pronoun itself: "القضاء على العشرات منهم")
    for k in range(trig.last - 1, end):
        if tokens[k].text in parts:
            break
        if k >= trig.last and (tokens[k].text in COMMAS or k in named or k in starts):
            return None
    else:
        return None
    doers = {m.key for r, m in roles if r == "agent"}
    for m in reversed(reading.mention_spans.starting(sentence.first_token, trig.first)):
        if m.last_token <= trig.first and is_a(m.type, "Actor") and not is_a(m.type, "Place") \
                and m.key not in doers:
            return m
    return None


_PART_REACH = 4  # the most tokens from a killing's word to the pronoun of part after it


def dead_told_apart(reading: EventReading, trig: Trigger, sentence, roles: list) -> list:
    """"أفاد المصدر بأن تسعة أشخاص قتلوا، هم ستة عسكريين وثلاثة مدنيين", "مقتل 13 شخصا على الأقل هم
    ثلاثة قرويين وعشرة جنود في قوات البيشمركة": the dead counted, then told apart after "هم"
    (function_words "breakdown"), a few words after the one victim: the parts named are the victims,
    the count word names no one of its own. A part described, then the body it serves in ("جنود في
    قوات البيشمركة"), is that body. ``roles`` unchanged otherwise."""
    victims = [m for r, m in roles if r == "victim"]
    if len(victims) != 1:
        return roles
    seg, whole = reading.doc, victims[0]
    tokens, words = seg.tokens, function_words(seg.language, "breakdown")
    stop = min(sentence.last_token, whole.last_token + _BREAKDOWN_REACH)
    at = next((k for k in range(whole.last_token, stop) if tokens[k].text in words), None)
    if at is None or reading.mention_spans.starting(whole.last_token, at):
        return roles
    reach = min(sentence.last_token, at + 1 + _PARTS_REACH)
    end = next((k for k in range(at + 1, reach) if tokens[k].text in COMMAS), reach)
    parts = [m for m in reading.mention_spans.starting(at + 1, end) if is_a(m.type, "Actor") and not is_a(m.type, "Place")]
    locative = function_words(seg.language, "locative")
    parts = [m for k, m in enumerate(parts) if not (
        m.source == "cue" and k + 1 < len(parts) and parts[k + 1].first_token == m.last_token + 1
        and tokens[m.last_token].text in locative)]
    if not parts:
        return roles
    return [(r, m) for r, m in roles if m is not whole] + [("victim", m) for m in parts]


_BREAKDOWN_REACH = 5  # the most tokens from the dead counted to the pronoun that tells them apart
_PARTS_REACH = 12  # the most tokens of the parts told after it


def _first(t: Trigger) -> int:
    return t.first


_CAUSE_REACH = 5  # the most tokens between a killing and the words that tie it to an attack
_THE = "ال"
_BY_MEANS = "ب"  # "بالهجوم": a proclitic of cause on the attack's noun


@language_data
def _causes(lang: Language) -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], frozenset[str]]:
    """causes.tsv: the words of cause and those that tie only before an attack's noun (as word
    tuples), and the demonstratives that point back."""
    rows = lang.table("causes.tsv", ("kind", "form"))

    def of(kind: str) -> frozenset[tuple[str, ...]]:
        return frozenset(tuple(f.split()) for row in rows if row["kind"] == kind for f in row.forms("form"))
    return of("cause"), of("within"), frozenset(w for (w,) in of("demonstrative"))


@language_data
def _parts(lang: Language) -> frozenset[str]:
    """causes.tsv's pronouns of part ("منهم", "معظمهم"), normalized as the tokens are."""
    return frozenset(f for row in lang.table("causes.tsv", ("kind", "form")) if row["kind"] == "part"
                     for f in row.forms("form"))
