"""Who did it when the clause does not say, from the sentence around it: the group that claims
an attack ("تبنى تنظيم داعش مقتل شابين"), a speaker who says it did something itself ("وقال
التحالف في بيان إنه سيقوم بإعادة نشر"), the doer of the event a passive masdar goes on telling
("ألقت قوات الأمن القبض على خلية ... وخلال العملية جرى اعتقال قيادي"). Used by the events component
(:mod:`athar.read.facts`) once the clause's own roles are read; the other parties (an operation's
target by its purpose, both sides, the group of people named by a kind) are :mod:`athar.read.party`'s,
re-exported here."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from athar.read.clause import marker_before, noun_context, says_result
from athar.read.function_words import function_affixes, function_words
from athar.read.informant import only_reports
from athar.read.language import Language, language_data
from athar.read.mentions import is_a
from athar.read.opponent import side_in_account, side_in_sentence
from athar.read.party import _sides, both_sides, purpose_target, stand_ins  # noqa: F401 (re-exported)
from athar.read.rules import MARKER_LI, belonging_words, claim_words, fell_to_words, marker_ends, masdar_governors
from athar.read.sequence import MADE_ON
from athar.read.text import COMMAS
from athar.read.voice import we  # noqa: F401 (re-exported)

if TYPE_CHECKING:
    from athar.read.clause import EventReading, Trigger
    from athar.read.mentions import Mention

# the events a claim names: the claimer did them
_CLAIMED = frozenset({"Attack", "Killing", "Abduction", "Destruction"})


def _words(reading: EventReading, trig: Trigger) -> str:
    """The trigger's own words, without its proclitic and the words between its parts (the
    subject in "أعلن تنظيم داعش مسؤوليته")."""
    tokens = reading.doc.tokens
    words = [tokens[j].text for j in range(trig.first, trig.last) if not any(a <= j < b for a, b in trig.gaps)]
    words[0] = words[0].removeprefix(trig.proclitic)
    return " ".join(words)


def _agents(trig: Trigger) -> list[Mention]:
    return [m for r, m in trig.roles if r == "agent"]


def claimer(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"تبنى تنظيم داعش ... مقتل شابين": the group that claims the event right after its claim,
    in the same sentence, did it."""
    if trig.rule.event not in _CLAIMED or not reading.previous:
        return []
    tokens = reading.doc.tokens
    p = reading.previous[-1]
    if tokens[p.first].sentence != tokens[trig.first].sentence or p.last > trig.first \
            or _words(reading, p) not in claim_words(reading.doc.language):
        return []
    return _agents(p)


def own_outlet(reading: EventReading, trig: Trigger, according: Mention | None) -> list[Mention]:
    """"قالت وكالة أعماق التابعة لتنظيم الدولة إن 30 مقاتلاً قتلوا في هجوم": the outlet of an armed
    group that reports an attack claims it for the group that owns it."""
    if according is None or according.type != "MediaOutlet" or trig.rule.event not in _CLAIMED:
        return []
    tokens = reading.doc.tokens
    j = according.last_token
    while j < len(tokens) and not tokens[j].is_word:
        j += 1  # "وكالة “أعماق” التابعة"
    if j >= len(tokens) or tokens[j].text not in belonging_words(reading.doc.language):
        return []
    return [m for m in reading.mention_spans.starting(j + 1, j + 2) if m.marker == MARKER_LI and is_a(m.type, "Armed")]


def speaker(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"وقال التحالف في بيان إنه سيقوم بعملية إعادة نشر", "أعلنت الوزارة أن طائراتها قصفت": a speaker
    who says "أنه" (of itself), or names its own forces right before the verb, did what the sentence
    tells after it: the agent of the statement, before it in the sentence, with no other event
    between the self-reference and the trigger."""
    tokens = reading.doc.tokens
    sentence = tokens[trig.first].sentence
    selves = function_words(reading.doc.language, "self_reference")
    if trig.first > 0 and tokens[trig.first - 1].text in function_words(reading.doc.language, "passive_light"):
        return []  # "وأضاف أنه خلال العملية جرى اعتقال": "أنه" before a passive is the pronoun of the matter
    stated = []
    for p in reversed(reading.previous):  # in reading order: walk back only over this sentence's events
        at = tokens[p.first].sentence
        if at < sentence:
            break
        if at == sentence and p.last <= trig.first:
            stated.append(p)
    stated.reverse()
    if not stated:
        return []
    last = stated[-1]
    if last.rule.event != "Statement":
        return []
    said = [p for p in stated if p.rule.event == "Statement"]
    agents = next((_agents(p) for p in reversed(said) if _agents(p)), [])
    if not agents:
        return []
    # "أعلنت الوزارة أن طائراتها قصفت": its forces, right before the verb, are the speaker's (a body
    # that is no armed force itself: the type the rule asks of the doer would refuse it)
    keys = {a.key for a in agents}
    if any(m.source == "anaphor" and m.key in keys and m.last_token == trig.first
           for m in reading.mention_spans.starting(last.last, trig.first)):
        return agents
    between = [t.text for t in tokens[last.last:trig.first]]
    if not any(w in selves for w in between):
        return []
    self_at = max(j for j in range(last.last, trig.first) if tokens[j].text in selves)
    if reading.mention_spans.starting(self_at + 1, trig.first):
        return []  # "قال التحالف إنه والقوات العراقية ...": another actor stands between
    if matter_pronoun(reading.doc, self_at):
        return []  # "وأكد المتحدث أنه منذ بداية العمليات بلغ عدد النازحين": no one's deed
    return agents


def matter_pronoun(doc, k: int) -> bool:
    """Whether "أنه" at token ``k`` is the pronoun of the matter (ضمير الشأن), not a speaker speaking
    of itself: a fronted phrase of time or circumstance follows it, a comma between or not ("أفاد
    المتحدث أنه في ليلة الخميس، وصل أكثر من 3 آلاف شخص", "وذكر في بيان أنه مع اشتداد القتال قد يضطر
    ..."): the clause after it has a subject of its own."""
    tokens, lang = doc.tokens, doc.language
    if tokens[k].text not in function_words(lang, "matter"):
        return False
    j = k + 1
    while j < len(tokens) and tokens[j].text in COMMAS:
        j += 1
    return j < len(tokens) and tokens[j].text in function_words(lang, "matter_opener")


def continued(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"ألقى الجهاز القبض على خلية ... وأضاف أنه خلال العملية جرى اعتقال قيادي": a passive
    masdar ("جرى اعتقال", "تم تفكيك") of the class of the event told just before, in its sentence
    or the one before, tells more of it: its doer is that event's. So does the same deed told again
    by the same word further on (:func:`_deed_again`)."""
    tokens = reading.doc.tokens
    if trig.first == 0 or tokens[trig.first - 1].text not in function_words(reading.doc.language, "passive_light"):
        return _deed_again(reading, trig)
    sentence = tokens[trig.first].sentence
    for p in reversed(reading.previous):
        if sentence - tokens[p.first].sentence > 1:
            return []
        if p.rule.event == trig.rule.event:
            return _agents(p)
    return []


def _deed_again(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"أقدم تنظيم داعش على إعدام 15 رجلا ... وأكد المرصد إعدام رجلين عند دوار البلدة": a killing or an
    abduction told again by the same word, indefinite, naming no doer, in a story that names one
    armed party from the deed told first up to it, is that party's again. A story that names another
    armed party keeps the doer unknown; attacks and destructions, which a story tells of both sides
    and in general ("هجمات"), are not carried."""
    tokens, word = reading.doc.tokens, _words(reading, trig)
    if trig.rule.event not in _ONE_SIDED or word.startswith(_THE):
        return []  # "الهجوم": the event told before, named again (read.repetition leaves it out)
    first = next((p for p in reading.previous if p.rule.event == trig.rule.event and _bare(_words(reading, p)) == word
                  and any(is_a(m.type, "Armed") for m in _agents(p))), None)
    if first is None:
        return []
    agents = [m for m in _agents(first) if is_a(m.type, "Armed")]
    ours = {m.key for m in agents}
    end = reading.doc.sentences[tokens[trig.first].sentence].last_token
    if any(is_a(m.type, "Armed") and m.key not in ours for m in reading.mention_spans.starting(first.first, end)):
        return []
    return agents


_ONE_SIDED = frozenset({"Killing", "Abduction"})  # the deeds one party does to people it holds or hunts


def _bare(words: str) -> str:
    """A trigger's words without the article ("الإعدام" is إعدام told again)."""
    return words.removeprefix(_THE)


# the events an announcer may have done itself: not a killing or an attack, which a body announces
# of others too ("أعلنت الوزارة مقتل جنديين")
_ANNOUNCED = frozenset({"Arrest", "Liberation", "Demining", "Reconstruction", "Establishment", "Training",
                        "Redeployment", "Withdrawal", "Handover", "Suspension", "MilitaryOperation", "Funding",
                        "ServiceProvision", "Return", "Destruction"})


def announcer(reading: EventReading, trig: Trigger, roles: list) -> list[Mention]:
    """"أعلنت وزارة الداخلية، اليوم الأحد، إلقاء القبض على 3 من عناصر داعش": the masdar an
    announcement takes as its object (nothing named between them but a date) tells what the
    announcer did (``roles``: what the event's clause gave)."""
    if trig.rule.event not in _ANNOUNCED or not reading.previous:
        return []
    tokens = reading.doc.tokens
    p = reading.previous[-1]
    if p.rule.event != "Statement" or p.last > trig.first \
            or tokens[p.first].sentence != tokens[trig.first].sentence:
        return []
    if trig.rule.pos != "noun" and not noun_context(reading.doc, trig):
        return []  # "أعلنت الوزارة واعتقلت": a verb of its own
    # "أعلنت الوزارة أن ...", "أعلنت اليونيسف أنها أعادت": a clause of its own (its subject may be the
    # speaker: that is speaker()'s reading, by "أنها")
    lang = reading.doc.language
    openers, pronouns = function_words(lang, "complementizer"), function_affixes(lang, "pronoun_suffix")
    own = {id(m) for _, m in p.roles}
    if any(t.text in openers or any(t.text.startswith(o) and t.text[len(o):] in pronouns for o in openers)
           for t in tokens[p.last:trig.first]) \
            or any(id(m) not in own and not only_reports(m) for m in reading.mention_spans.starting(p.last, trig.first)):
        return []  # a clause of its own, or someone else named between ("في بيان نقلته رويترز": who tells it is none)
    # "أعلنت خلية الإعلام تسلم قوات الأمن القاعدة": an actor of the event's own who is not done to
    # (who receives, takes part, helps) tells someone else did it
    if any(r not in _DONE_TO and is_a(m.type, "Actor") for r, m in roles):
        return []
    return _agents(p)


_DONE_TO = frozenset({"target", "victim", "origin", "place", "destination", "beneficiary", "trainee"})


def carried_out(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"احتجز التنظيم تسعين مسيحياً إثر هجوم شنه الاثنين على قريتين": a verb of carrying out with
    a pronoun for the event ("شنه", "نفذها") and no doer named after it has the subject of the
    sentence for its subject: the doer of the event told just before, in its sentence."""
    tokens = reading.doc.tokens
    j = trig.last
    if j >= len(tokens) or not reading.previous or _carrying(reading.doc.language).get(tokens[j].text) is None:
        return []
    if reading.mention_spans.starting(j + 1, min(j + 3, len(tokens))):
        return []  # "هجوم شنه مسلحون": the doer is named
    p = reading.previous[-1]
    if tokens[p.first].sentence != tokens[trig.first].sentence or p.last > trig.first:
        return []
    return [m for m in _agents(p) if is_a(m.type, "Armed")]


@language_data
def _carrying(lang: Language) -> dict[str, str]:
    """The one-word markers of the doer: verbs of carrying out with a pronoun ("شنه", "نفذها")."""
    return {words[0]: marker for words, marker in marker_ends(lang)[1].items() if len(words) == 1 and marker == "by"}


def dropped_subject(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"دخلت قوات سوريا الديمقراطية مدينة الرقة. ونجحت في السيطرة على حي المشلب": a sentence that
    goes on with "و", "ف", "كما" or "ثم" and a verb whose subject it does not name (the trigger, or its masdar right
    after the verb and a preposition) has the subject of the sentence before, in its paragraph: the
    doer of the first event told there. So has a verb after a comma (:func:`_after_comma`), a masdar
    far from the verb of ability that governs it (:func:`_governing_subject`), and a
    masdar after the words that add one more deed ("دمر الجيش 17 عربة إضافة إلى مقتل 60 إرهابيا",
    additions.tsv): the doer of the event told last before it, in its sentence. Worked out once
    while the trigger is read (the events before it and their roles do not change meanwhile)."""
    kept = reading.dropped
    if kept is not None and kept[0] is trig:
        return kept[1]
    found = _dropped_subject(reading, trig)
    reading.dropped = (trig, found)
    return found


def _dropped_subject(reading: EventReading, trig: Trigger) -> list[Mention]:
    seg = reading.doc
    tokens = seg.tokens
    sentence = seg.sentences[tokens[trig.first].sentence]
    first = sentence.first_token
    texts = seg.texts
    ending = _additions(seg.language).get(texts[trig.first - 1], ()) if trig.first > first else ()
    if any(texts[trig.first - len(w):trig.first] == w for w in ending if trig.first - len(w) >= first):  # (a masdar, "مقتل" too)
        return next((a for p in _told_before(reading, first, trig.first)
                     if (a := [m for m in _agents(p) if is_a(m.type, "Organization")])), [])
    governing = _governing_subject(reading, trig, first)  # (of a killing too: "تمكنت القوات من قتل")
    if governing:
        return governing
    if trig.rule.pos == "passive" or trig.rule.event not in _ANNOUNCED:
        # "وقتل ثلاثة مدنيين": read as a passive, it tells no doer; "وأفاد": a speaker of its own; but
        # "تحررت المدينة" was freed by the one state's side its sentence names, or whose account it goes on
        return side_in_sentence(reading, trig) or side_in_account(reading, trig)
    return _dropped(reading, trig, sentence, first) or side_in_sentence(reading, trig) or side_in_account(reading, trig)


def _dropped(reading: EventReading, trig: Trigger, sentence, first: int) -> list[Mention]:
    """The subject a verb after a comma or opening a sentence that goes on does not name (see
    :func:`dropped_subject`)."""
    seg = reading.doc
    tokens = seg.tokens
    if trig.first > first and tokens[trig.first - 1].text in COMMAS:
        return _after_comma(reading, trig, first)
    # "كما اعتقلت", "ثم تمكنت من": a word that goes on (function_words "continuer") may open it too
    opened = len(tokens[first].text) > 1 and tokens[first].text in function_words(seg.language, "continuer")
    verb = first + 1 if opened else first
    if sentence.index == 0 or trig.first < verb or trig.first - verb > 2 \
            or not opened and tokens[first].text[:1] not in _GOING_ON \
            or reading.mention_spans.starting(first, trig.first) \
            or "\n" in seg.norm.text[tokens[first - 1].end:tokens[first].start]:
        return []
    if trig.first > verb and trig.first - verb != 2:
        return []  # "ونجحت في السيطرة": the verb, then its preposition
    before = [p for p in reading.previous if tokens[p.first].sentence == sentence.index - 1]
    agents = next((_agents(p) for p in before if _agents(p)), [])
    return [m for m in agents if is_a(m.type, "Organization")]


_GOING_ON = frozenset("وف")  # the conjunctions a sentence that goes on with the same subject opens with


@language_data
def _additions(lang: Language) -> dict[str, tuple[tuple[str, ...], ...]]:
    """additions.tsv: the words that add one more thing the doer before did ("إضافة إلى مقتل"), by
    their last word (most words before a trigger end none)."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for row in lang.table("additions.tsv", ("form",)):
        for f in row.forms("form"):
            words = tuple(f.split())
            if words:
                out.setdefault(words[-1], set()).add(words)
    return {last: tuple(sorted(found)) for last, found in out.items()}


def _after_comma(reading: EventReading, trig: Trigger, first: int) -> list[Mention]:
    """"شنت قسد حملة دهم في قرية الطيانة، اعتقلت خلالها ثلاثة من عناصر داعش", "دخلت القوات البلدة،
    واعتقلت خمسة مطلوبين": a verb right after a comma (with "و" or none) that names no subject before
    its object goes on with the subject of the clause before the comma, in its sentence: the doer
    of the event told there, when nobody else is named between."""
    tokens = reading.doc.tokens
    if trig.rule.pos != "verb" or noun_context(reading.doc, trig) or trig.proclitic not in ("", _AND):
        return []
    comma = trig.first - 1
    p = next(_told_before(reading, first, comma), None)
    if p is None:
        return []
    agents = [m for m in _agents(p) if is_a(m.type, "Organization") or is_a(m.type, "Armed")]
    own = {id(m) for _, m in p.roles}
    if not agents or any(is_a(m.type, "Actor") and id(m) not in own
                         for m in reading.mention_spans.starting(p.first, comma)):
        return []  # "سيطرت قسد على القرية بعد معارك مع داعش، واعتقلت": another party between
    return agents


_AND = "و"


def _governing_subject(reading: EventReading, trig: Trigger, first: int) -> list[Mention]:
    """"وتمكنت قوات الأمن العراقية، بعد اشتباكات استمرت ساعات، من اعتقال ثلاثة من عناصر داعش": the
    masdar a verb of ability governs through a preposition ("تمكن من", "نجح في": markers.tsv "masdar") has
    that verb's subject, named right after it, however far the words between push the masdar (in its
    sentence, no reported clause between)."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    if trig.rule.pos != "noun" and not noun_context(seg, trig) or _words(reading, trig).startswith(_THE):
        return []  # "صد تعرض القوة المهاجمة": with the article, no masdar a verb governs
    # "من اعتقال", "في تحرير", "بتمشيط": a preposition, its own or before it, joins it to the verb
    if not trig.proclitic.endswith(function_affixes(lang, "bound_preposition")) \
            and tokens[trig.first - 1].text not in function_words(lang, "preposition"):
        return []
    governors, openers = masdar_governors(lang), function_words(lang, "complementizer")
    conjunctions = function_affixes(lang, "conjunction")
    for j in range(trig.first - 1, max(first, trig.first - _GOVERNED_REACH) - 1, -1):
        word = tokens[j].text
        if word in openers:
            return []
        if word in governors or word[:1] in conjunctions and word[1:] in governors:
            subject = [m for m in reading.mention_spans.starting(j + 1, j + 2) if not m.marker]
            named = [m for m in subject if is_a(m.type, "Organization") or is_a(m.type, "Armed")]
            if named or subject or word in governors:
                return named
            return _goes_on_with(reading, j, first, trig)  # "شنت الفصائل هجوما على القرية وتمكنت من قتل"
    return []


def _goes_on_with(reading: EventReading, j: int, first: int, trig: Trigger) -> list[Mention]:
    """The doer a verb at token ``j`` joined by "و" or "ف" and naming no subject goes on with: that of
    the event told last before it in its sentence (no statement), when nobody else is named between,
    and not the party the masdar at ``trig`` is done to ("شن التنظيم هجوما على مواقع الفصائل وتمكنت من
    قتل عشرة من عناصره": the members killed are its own, so another killed them)."""
    p = next(_told_before(reading, first, j), None)
    if p is None:
        return []
    agents = [m for m in _agents(p) if is_a(m.type, "Organization") or is_a(m.type, "Armed")]
    own = {id(m) for _, m in p.roles}
    if any(is_a(m.type, "Actor") and id(m) not in own for m in reading.mention_spans.starting(p.first, j)):
        return []  # "هاجم التنظيم القرية بعد معارك مع الجيش، وتمكن من": another party between
    tokens = reading.doc.tokens
    done_to = {m.key for m in reading.mention_spans.starting(trig.last, trig.last + _DONE_TO_REACH)
               if tokens[m.first_token].sentence == tokens[trig.first].sentence}
    return [m for m in agents if m.key not in done_to]


def _told_before(reading: EventReading, first: int, last: int):
    """The events read before (no statement) from token ``first`` on that end by token ``last``, the
    last told first: ``reading.previous`` is in reading order, so the walk stops at the first event
    before ``first`` (a walk over every event read would cost the square of their number)."""
    for p in reversed(reading.previous):
        if p.first < first:
            return
        if p.last <= last and p.rule.event != "Statement":
            yield p


_GOVERNED_REACH = 14  # the most tokens from a verb of ability to the masdar it governs
_DONE_TO_REACH = 8  # the tokens after a masdar in which the party it is done to is named


def result_of(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"أسفر هجوم لداعش عن مقتل ثلاثة جنود", "أدت غارة للتحالف إلى تدمير جسر", "القصف أسفر عن
    مقتل": the event a verb of result takes as its subject, told right before the trigger, brought
    it about: its doer did it. An attack named with the article and no doer of its own ("وأدى
    التفجير إلى مقتل", "أن القصف أسفر عن") is the one told last before it: that one's doer did it."""
    if trig.rule.event not in _RESULTING or not reading.previous:
        return []
    tokens, lang = reading.doc.tokens, reading.doc.language
    p, held = _cause_before(reading, trig)
    if p.rule.event not in MADE_ON or p.first == 0 and not held or p.last > trig.first \
            or tokens[p.first].sentence != tokens[trig.first].sentence:
        return []
    verb = tokens[p.first - 1].text if not p.proclitic and p.first else ""
    # "القصف أسفر عن مقتل"; past a holding, the words of result right before the trigger
    between = " ".join(t.text for t in tokens[max(p.last, trig.first - 3) if held else p.last:trig.first])
    if not (verb and not held and (says_result(lang, verb) or says_result(lang, f"{verb} {tokens[trig.first - 1].text}"))
            or (held or 0 < trig.first - p.last <= 3) and says_result(lang, between)
            or not held and _fell_to(reading, p, trig)):
        return []
    agents = [m for m in _agents(p) if is_a(m.type, "Armed")]
    if agents or p.last - p.first != 1 or not _words(reading, p).startswith(_THE):
        return agents
    told = next((t for t in reversed(reading.previous[:-1]) if t.rule.event in MADE_ON and _agents(t)), None)
    if told is None or tokens[p.first].sentence - tokens[told.first].sentence > _TOLD_REACH:
        return []
    return [m for m in _agents(told) if is_a(m.type, "Armed")]


def _fell_to(reading: EventReading, p: Trigger, trig: Trigger) -> bool:
    """"هجوم داعش على ديالى راح ضحيته 14 شخصا", "تفجير في سوق المدينة أودى بحياة عشرة": a killing
    whose own words (markers.tsv "fell_to") take the event before as their subject, told right
    after its words (no comma, no more than its doer and place between)."""
    tokens = reading.doc.tokens
    if not 0 <= trig.first - p.last <= _FELL_TO_REACH or any(t.text in COMMAS for t in tokens[p.last:trig.first]):
        return False
    fell = fell_to_words(reading.doc.language)
    words = [t.text for t in tokens[trig.first:min(trig.first + 2, len(tokens))]]
    return words[0] in fell or " ".join(words) in fell


_FELL_TO_REACH = 6  # the most tokens from an attack's word to the words that say whom it killed


def _cause_before(reading: EventReading, trig: Trigger):
    """The event told last before ``trig`` that may have brought it about, and whether holdings told
    between were passed over: "استهدف التنظيم مدرسة في حي هرايش الواقع تحت سيطرة قوات النظام، ما أدى
    إلى مقتل": who holds the place struck describes it, and brought nothing about."""
    tokens, told = reading.doc.tokens, reading.previous
    sentence, k = tokens[trig.first].sentence, len(told) - 1
    while k > 0 and told[k].rule.event == _HOLDING and tokens[told[k].first].sentence == sentence:
        k -= 1
    return told[k], k < len(told) - 1


_HOLDING = "TerritorialControl"
_THE = "ال"  # the article: an event named with it was told before
_TOLD_REACH = 2  # the most sentences back the attack an article names was told in


_RESULTING = frozenset({"Killing", "Destruction", "Displacement"})  # what an attack may bring about


def shared_doer(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"تم تدمير مخزن للعتاد ومعالجة 66 عبوة ناسفة من قبل قوة من الجيش": masdars joined by "و" after
    one passive light verb ("تم", "جرى") are done by the one the words of the doer ("من قبل",
    "بواسطة", "على يد") name after the last of them."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    sentence = tokens[trig.first].sentence
    light = function_words(lang, "passive_light")
    first = seg.sentences[sentence].first_token
    conjunctions = function_words(lang, "conjunction")
    at = next((j for j in range(trig.first - 1, max(first, trig.first - 3 * _CHAIN_REACH) - 1, -1)
               if tokens[j].text in light), None)
    if at is None:
        return []
    k = bisect_right(reading.triggers, trig.first, key=lambda t: t.first)
    # "تم العثور على موقع وتدمير مخزن ومعالجة عبوات": the triggers between the light verb and this
    # one are the masdars of its chain, joined by "و"
    if any(at < t.first and tokens[t.first].text[:1] not in conjunctions for t in reading.triggers[:k - 1]) \
            or trig.first - 1 != at and trig.proclitic[:1] not in conjunctions:
        return []
    last = trig
    while k < len(reading.triggers):  # the masdars joined to it by "و", in its sentence
        t = reading.triggers[k]
        if tokens[t.first].sentence != sentence or t.proclitic[:1] not in conjunctions \
                or t.first - last.last > _CHAIN_REACH:
            break
        last, k = t, k + 1
    if last is trig:
        return []
    stop = reading.triggers[k].first if k < len(reading.triggers) else seg.sentences[sentence].last_token
    for m in reading.mention_spans.starting(last.last, min(stop, last.last + _CHAIN_REACH)):
        if is_a(m.type, "Actor") and marker_before(
                seg, m, last.last, reading.amount_spans.reaching(tokens[last.last].start, m.start), True) == _BY:
            return [m]
    return []


_CHAIN_REACH = 8  # the most tokens between the masdars of a chain, and from its last to the doer
_BY = "by"  # the marker of markers.tsv for "من قبل", "بواسطة", "على يد"
