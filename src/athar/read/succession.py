"""Who did an event when its clause does not say: the actor of the event it is coordinated with or
continues, the armed group a liberation is from, the organization named last before it, and the
voice of a verb the rules read as passive whose subject is an armed group. Used through
:mod:`athar.read.setting` by the arguments and events components.
"""

from __future__ import annotations

from bisect import bisect_left

from athar.read.circumstance import purpose
from athar.read.clause import EventReading, Trigger, noun_context, says_result
from athar.read.function_words import function_words
from athar.read.mentions import Mention, is_a
from athar.read.opponent import STATE_SIDE, restates_a_force
from athar.read.rules import MARKER_LI, marker_forms
from athar.read.language import Language, language_data
from athar.read.text import ARTICLE, QUOTE, normalize_word
from athar.read.utterance import STATEMENT, goes_on_from, own_subject
from athar.read.window import clause_window


def holder_before(reading: EventReading, trig: Trigger, roles) -> Mention | None:
    """"مدينة الرقة بعد تحريرها": a liberation that does not say from whom is from the armed group
    (not a state's force) the article named last before it, else the one its sentence names after
    it, when the rule takes an armed group as the origin; none when the article named none."""
    if not any(r == "origin" and c in ("Armed", "ArmedGroup") for choices in trig.rule.slots.values()
               for r, c in choices):
        return None
    taken = {m.key for _, m in roles}
    for m in reversed(reading.mention_spans.starting(0, trig.first)):
        if m.type == "ArmedGroup" and m.last_token <= trig.first and m.key not in taken \
                and not restates_a_force(reading, m):
            return m
    # "حررت فصائل الجيش الحر ناحية صوران وقرية دابق ذات الأهمية لتنظيم داعش": an article that opens
    # with the liberation names the group it was from later in the sentence (before any other
    # event: "بعد اشتباكات بين الجيش وتنظيم داعش" names two sides, not a loser), in its clause
    # ("، من جهة أخرى وصل تنظيم داعش" is other news; "، اليوم الأحد،" an aside)
    k = reading.triggers.index(trig)
    right, other = clause_window(reading, k)[1], reading.trigger_starts
    # "السيطرة على بلدة هجين آخر معاقل داعش": the stronghold told right after the place names its holder
    if k + 1 < len(reading.triggers) and reading.triggers[k + 1].first == right \
            and reading.triggers[k + 1].rule.event == "TerritorialControl":
        right, other = clause_window(reading, k + 1)[1], other - {right}
    for m in reading.mention_spans.starting(trig.last, right):
        if other & set(range(trig.last, m.first_token)):
            break
        if m.type == "ArmedGroup" and m.last_token <= right and m.key not in taken:
            return m
    return None


def active_slots(reading: EventReading, trig: Trigger, cands: list[Mention]) -> dict | None:
    """"قتل التنظيم 19 شخصاً", "أعدمهن تنظيم داعش": a verb the rules read as passive (its subject
    is the victim: "قُتل ثلاثة جنود") is active when an armed group is its subject, right after it:
    the group is the doer (the rule's "by" role), what follows is the object (the subject's role)."""
    rule, seg = trig.rule, reading.doc
    # a trigger merged from words apart ("الضحايا الذين أعدمهم"): its last word is the verb
    verb = trig.gaps[-1][1] if trig.gaps else trig.first
    if rule.pos != "passive" or "by" not in rule.slots or "subj" not in rule.slots \
            or trig.last - verb != 1 or not trig.gaps and noun_context(seg, trig):
        return None
    tokens = seg.tokens
    if _dead_noun(seg, trig):
        return None  # "عدد قتلى قوات سوريا الديمقراطية": the dead of a side, no verb with a subject
    first = next((m for m in cands if m.first_token >= trig.last), None)
    if first is not None and first.first_token == trig.last and not first.marker and is_a(first.type, "Armed"):
        return {**rule.slots, "subj": rule.slots["by"], "obj": rule.slots["subj"]}
    # "إن تنظيم داعش أعدم 19 رجلاً": the group before the verb, a count or a name right after it
    before = [m for m in cands if m.last_token <= trig.first]
    if before and not before[-1].marker and is_a(before[-1].type, "Armed") \
            and not any(t.is_word for t in tokens[before[-1].last_token:trig.first]) \
            and (_count_after(reading, trig, first)
                 or first is not None and first.first_token == trig.last and not first.marker):
        return {**rule.slots, "pre": rule.slots["by"], "subj": rule.slots["subj"]}
    return None


@language_data
def _dead_nouns(lang: Language) -> frozenset[str]:
    """The nouns of the dead (units.tsv, unit ``killed``: "قتيل", "قتلى", "شهداء"), normalized."""
    return frozenset(normalize_word(f) for row in lang.table("units.tsv", ("unit", "kind", "forms"))
                     if row["unit"] == _KILLED for f in row.many("forms"))


_KILLED = "killed"


def _dead_noun(seg, trig: Trigger) -> bool:
    """Whether the trigger is a noun of the dead ("قتلى", "القتلى"): the armed group annexed to it is whose
    dead they are, never who killed them ("قتلى الجيش")."""
    word = seg.tokens[trig.first].text.removeprefix(trig.proclitic)
    return word in _dead_nouns(seg.language) or word.removeprefix(ARTICLE) in _dead_nouns(seg.language)


# how many words an adverb of time or circumstance between a verb and its counted object may have
# ("قتلت خلال اشتباكات الأحد 14 مسلحا")
_ADVERB_WORDS = 3


def _count_after(reading: EventReading, trig: Trigger, first: Mention | None) -> bool:
    """Whether a count follows the verb as its object: right after it, or after a few words of time or
    circumstance that name no party ("إن قوات الحشد قتلت خلال اشتباكات الأحد 14 مسلحا من داعش"); a passive
    verb has no object, so the group before it is its doer. Not across punctuation ("قتلوا، وأصيب 5")."""
    tokens = reading.doc.tokens
    for j in range(trig.last, min(len(tokens), trig.last + _ADVERB_WORDS + 1)):
        t = tokens[j]
        if reading.amount_spans.starting(t.start, t.end):
            return True
        if not t.is_word or first is not None and first.first_token <= j:
            return False
    return False


def actor_before(reading: EventReading, trig: Trigger, sentence) -> Mention | None:
    """The organization named last before the trigger in its sentence; the holder of an office
    ("افتتح رئيس الوزراء العراقي حيدر العبادي ... بعد إعادة إعماره"), whose mention spans the body
    he leads, is the one who acts, not the body."""
    named = [m for m in reading.mention_spans.starting(sentence.first_token, trig.first) if m.last_token <= trig.first]
    before = [m for m in named if is_a(m.type, "Organization")]
    holders = [m for m in named if m.type == "Person" and any(
        o.start >= m.start and o.end <= m.end and o is not m for o in before)]
    before = [m for m in before if not any(h.start <= m.start and m.end <= h.end for h in holders)] + holders
    return max(before, key=lambda m: m.end) if before else None


_VIOLENT = frozenset({"Attack", "Killing", "Battle", "Arrest", "Destruction"})


_TAKING = ("TerritorialControl", "Liberation")


def inherit(seg, trig, previous) -> list[Mention]:
    """Agents of the event before when this one is coordinated with it or continues it."""
    tokens = seg.tokens
    recent = previous[-3:]
    if trig.rule.event == STATEMENT:
        # "أعلن التحالف أن قسد سيطرت ...، كما صرح بأن": the speaker goes on, never the doers it told of
        p = goes_on_from(seg, trig, recent, 1)
        # "وأضاف المرصد أن ... . وكانت قسد قد أعلنت": a verb that names its own subject goes on with no one
        if p is not None and any(m.key not in {a.key for r, a in p.roles if r == "agent"} for m in own_subject(seg, trig)):
            p = None
        recent = [p] if p is not None else []
    for k in range(len(recent) - 1, -1, -1):
        p = recent[k]
        agents = [m for r, m in p.roles if r == "agent"]
        if not agents or _in_words_said(seg, p, trig):
            continue  # "وأوضحت المنظمة أن العائلات ستعود ويعيدوا بناء حياتهم": the speaker did not rebuild
        # "انسحب مقاتلو التنظيم من القرية والسيطرة على الطريق": who withdrew did not take the ground
        if p.rule.event == "Withdrawal" and trig.rule.event in _TAKING:
            return []
        # "انتهت بمقتل العديد منهم وفرار الباقين", "قتل العشرات من عناصر داعش وهروب قادته": who fled
        # a state's forces is the armed side their deed before was done to, never they ("هاجم مسلحون
        # الحاجز وقتلوا جنديين ثم فروا": the attackers fled); a deed done to no armed side leaves the
        # forces their own withdrawal ("هاجم الجيش القرية وانسحب منها"); a verb joined to the deed's
        # verb shares its subject ("قتل الجيش خمسة منهم وانسحب من القرية": the army withdrew), so only
        # a flight told by its masdar ("وفرار", "وهروب") goes to the side the deed was made on
        losers = _losers(p) if trig.rule.event in _FLIGHT and p.rule.event in _DONE_TO_A_SIDE \
            and all(m.type in STATE_SIDE for m in agents) \
            and (trig.rule.pos == "noun" or noun_context(seg, trig)) else []
        if losers:
            return losers if _goes_on(seg, p, trig) else []
        same_sentence = tokens[p.first].sentence == tokens[trig.first].sentence
        near_sentence = tokens[trig.first].sentence - tokens[p.first].sentence <= 1
        # "وأنشأت" coordinated, or "خصصت ... لإعادة إعمار": a masdar of purpose, done by the same actor
        coordinated = trig.proclitic[:1] in function_words(seg.language, "conjunction") or purpose(seg.language, trig) or (
            trig.first > 0 and tokens[trig.first - 1].text in function_words(seg.language, "continuer"))
        # the same kind of event going on carries its actor over, but violence keeps its
        # perpetrator unknown unless the text names it
        continues = p.rule.event == trig.rule.event and near_sentence and trig.rule.event not in _VIOLENT
        # "استكملت القوات تطهير المدينة، مما أسفر عن مقتل 96 مسلحاً": who did the one did what came of it
        # (what a speaker reports came of an event did not come of the speaking: "قالت المنظمة إن
        # حملة التحالف أسفرت عن مقتل مئات المدنيين")
        result = same_sentence and p.last <= trig.first and p.rule.event != "Statement" \
            and says_result(seg.language, seg.norm.text[tokens[p.last - 1].end:trig.start])
        if same_sentence and coordinated or continues or result or same_sentence and _framed(seg, p, trig, agents):
            return agents
        return []
    return []


# the deeds of the side that lost ground, and the deeds made on a side
_FLIGHT = frozenset({"Escape", "Withdrawal"})
_DONE_TO_A_SIDE = frozenset({"Killing", "Liberation", "TerritorialControl", "Attack", "MilitaryOperation", "Arrest"})
_SIDE_ROLES = frozenset({"victim", "origin", "target"})  # the roles of those deeds that name the side


def _goes_on(seg, p, trig) -> bool:
    """Whether ``trig`` goes on from the event ``p`` in its sentence: joined to it by a conjunction."""
    tokens = seg.tokens
    return tokens[p.first].sentence == tokens[trig.first].sentence and p.last <= trig.first \
        and trig.proclitic[:1] in function_words(seg.language, "conjunction")


def _losers(p) -> list[Mention]:
    """The armed side the deed ``p`` was made on: whoever flees after it."""
    return [m for r, m in p.roles if r in _SIDE_ROLES and is_a(m.type, "Armed")]


# the deeds of armed men in the field an operation named after them in their sentence frames (control
# taken is read as a holding until the events are refined)
_FRAMED = frozenset({"Liberation", "TerritorialControl", "Attack", "Demining", "Arrest", "Destruction"})


def _framed(seg, p, trig, agents) -> bool:
    """"حررت الفصائل ناحية صوران، وذلك في إطار عملية درع الفرات", "فرض الجيش سيطرته على القرية بعد
    عمليات مكثفة": an operation named right after the words of a frame (markers.tsv "framing",
    function_words.tsv "operation_frame"),
    after an armed party's deed in the field told before it in its sentence, is that party's."""
    if trig.rule.event != "MilitaryOperation" or p.rule.event not in _FRAMED or p.last > trig.first \
            or not all(is_a(m.type, "Armed") for m in agents):
        return False
    tokens, frames = seg.tokens, marker_forms(seg.language, "framing") | function_words(seg.language, "operation_frame")
    k = trig.first
    if not any(k - n >= 0 and " ".join(t.text for t in tokens[k - n:k]) in frames for n in (1, 2)):
        return False
    # "استعادت القوات القائم بعد عمليات عسكرية للتحالف", "بعد عمليات التحالف": an operation that names its
    # own party after it (its genitive, or after the lam of belonging) is that one's
    mentions, doers = seg.mentions or [], {m.key for m in agents}
    at = bisect_left(mentions, trig.last, key=lambda m: m.first_token)
    return not any(is_a(m.type, "Actor") and m.key not in doers and (m.first_token == trig.last or m.marker == MARKER_LI)
                   for m in mentions[at:at + 3] if m.first_token < trig.last + _OWN_PARTY_REACH)


_OWN_PARTY_REACH = 4  # the most tokens after an operation its own party is named in


def _in_words_said(seg, p, trig) -> bool:
    """Whether ``trig``, an event other than a statement, sits in what the statement ``p`` of its
    sentence said, in a clause with a subject of its own: after "أن"/"إن", a colon or a quotation
    mark that follow the verb of saying, someone other than the speaker is named before the event
    ("وأوضحت المنظمة أن العائلات ستعود ويعيدوا بناء منازلهم"). What a speaker says they did
    ("قالت الوزارة إنها نقلت العائلات ووزعت المساعدات") keeps the speaker as its doer."""
    tokens = seg.tokens
    if p.rule.event != "Statement" or trig.rule.event == "Statement" or trig.first < p.last \
            or tokens[p.first].sentence != tokens[trig.first].sentence:
        return False
    openers, suffixes = marker_forms(seg.language, "clause"), function_words(seg.language, "pronoun_suffix")
    opener = next((k for k in range(p.last, trig.first) if tokens[k].text in openers or tokens[k].text in _SAID_MARKS
                   or any(tokens[k].text.endswith(s) and tokens[k].text[:-len(s)] in openers for s in suffixes)), None)
    if opener is None:
        return False
    speakers = {m.key for r, m in p.roles if r == "agent"}
    return any(opener < m.first_token < trig.first and m.key not in speakers and is_a(m.type, "Actor")
               for m in seg.mentions or ())


# what opens the words said: a colon or a double quotation mark (« and “ as normalized); not a single
# one (text.QUOTES), which this rule never took (the corpus reads the same with it)
_SAID_MARKS = frozenset({":", QUOTE})


def inherit_subject(seg, trig, previous, role) -> list[tuple[str, Mention]]:
    """"خسر داعش الموصل ... وسرعان ما خسر الرقة": the subject carries over."""
    tokens = seg.tokens
    for p in reversed(previous[-2:]):
        if p.rule is trig.rule or p.rule.event == trig.rule.event:
            if tokens[trig.first].sentence - tokens[p.first].sentence <= 1:
                return [(r, m) for r, m in p.roles if r == role]
    return []
