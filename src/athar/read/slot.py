"""The slot a mention of a trigger's clause fills where the plain order of the rule would read
it wrong: a subject fronted before its verb, a masdar's doer and object in a row, "قرب" and "من
قبل" read as "في" and the agent, a relative clause describing a mention, a unit standing for
the body it belongs to, a subject governed by a verb of ability or right after a reporting word;
a holding that describes a place, and the last events kept, from which a doer is inherited.
Read by :func:`athar.read.argument.roles_in_clause`."""

from __future__ import annotations

from athar.read.agency import dropped_subject
from athar.read.clause import EventReading, Trigger, coordinated, noun_context
from athar.read.construction import relative_subject
from athar.read.function_words import function_words
from athar.read.mentions import Mention, is_a
from athar.read.placement import is_word
from athar.read.morphology import masdar_forms
from athar.read.rules import (MARKER_BA, MARKER_FROM, MARKER_LI, apposition_words, holding_nouns, marker_forms, masdar_governors,
                              member_nouns, trigger_forms)
from athar.read.entity import stopwords
from athar.read.text import ARTICLE, COMMAS, WAW


def _fronted_subject(reading: EventReading, trig: Trigger, cands: list[Mention], slots) -> bool:
    """Whether a verb's subject stands before it: a bare actor at the head of its clause (the
    sentence's first word, or right after "أن"/"إن", a comma or "و"), the verb right after it, which
    the rule would make its doer ("قوات الأمن اعتقلت", "أن التحالف الدولي، دمر")."""
    seg, rule = reading.doc, trig.rule
    if rule.pos != "verb" or trig.gaps or noun_context(seg, trig) or "pre" not in slots or "subj" not in slots:
        return False
    before = [m for m in cands if m.last_token <= trig.first]
    if not before or before[-1].marker or not is_a(before[-1].type, "Actor") or id(before[-1]) in reading.consumed:
        return False
    m, tokens = before[-1], seg.tokens
    if any(t.is_word for t in tokens[m.last_token:trig.first]) or relative_subject(seg, m):
        return False
    j = m.first_token - 1
    head = j < 0 or tokens[j].sentence != tokens[m.first_token].sentence or tokens[j].text in COMMAS \
        or tokens[j].text in function_words(seg.language, "complementizer")
    if not head:
        return False
    doer = {r for r, _ in slots["subj"]}
    return any(r in doer and is_a(m.type, c) for r, c in slots["pre"])


def said_of_itself(reading: EventReading, trig: Trigger) -> bool:
    """"أعلنت الوزارة أنها اعتقلت خمسة من عناصر داعش", "قالت الشرطة إنها قد اعتقلت": a verb right after
    a speaker's pronoun of itself (function_words.tsv, self_reference; "قد" may stand between) has that
    pronoun for its subject: what follows the verb is its object. Not "أنه", which may be the pronoun
    of the matter before a passive verb the script does not mark ("أنه قتل خمسة": five were killed)."""
    seg, rule = reading.doc, trig.rule
    if rule.pos != "verb" or trig.gaps or noun_context(seg, trig):
        return False
    tokens, lang = seg.tokens, seg.language
    j = trig.first - 1
    if j > 0 and tokens[j].text in function_words(lang, "perfect_particle"):
        j -= 1
    return j >= 0 and tokens[j].text in function_words(lang, "self_reference") \
        and tokens[j].text not in function_words(lang, "matter")


def counted_after_fronted_noun(reading: EventReading, trig: Trigger, cands: list[Mention]) -> bool:
    """"وأكد المصدر أن القوات اعتقلت خمسة من عناصر داعش": a verb right after a definite noun no list
    names (no mention starts at it), itself right after "أن"/"إن", has that noun for its subject: a
    count between the verb and the first mention after it makes what it counts the verb's object,
    not its doer."""
    seg, rule = reading.doc, trig.rule
    if rule.pos != "verb" or trig.gaps or noun_context(seg, trig) or trig.first < 2:
        return False
    after = [m for m in cands if m.first_token >= trig.last]
    tokens = seg.tokens
    if not after or not reading.amount_spans.reaching(tokens[trig.last].start, after[0].start):
        return False
    noun, opener = tokens[trig.first - 1], tokens[trig.first - 2]
    if not noun.is_word or not noun.text.startswith(ARTICLE) or noun.text in stopwords(seg.language) \
            or opener.text not in function_words(seg.language, "complementizer") \
            or len({noun.sentence, opener.sentence, tokens[trig.first].sentence}) > 1:
        return False
    return not reading.mention_spans.starting(trig.first - 1, trig.first)


def _counted_after_dropped(reading: EventReading, trig: Trigger, cands: list[Mention]) -> bool:
    """"دخلت قسد الرقة. واعتقلت خمسة من عناصر داعش": in a sentence going on with the subject of the
    one before (:func:`athar.read.agency.dropped_subject`), members counted after the verb are its object."""
    after = [m for m in cands if m.first_token >= trig.last]
    if not after or not dropped_subject(reading, trig):
        return False
    tokens = reading.doc.tokens
    return bool(reading.amount_spans.reaching(tokens[trig.last].start, after[0].start))


def _doer_then_object(reading: EventReading, trig: Trigger, cands: list[Mention], slots) -> dict[int, tuple[str, tuple[str, ...]]]:
    """"بعد استعادة القوات العراقية مدينة الموصل", "اقتحام قوة من جهاز مكافحة الإرهاب حي النور": a
    masdar followed by two bare noun phrases, the second right after the first, has its doer in
    the genitive and its object in the accusative (or after "ل": "استعادة الجيش للقيارة"). Returns the slot each of the two fills (the
    doer's: the rule's subject, or the one before a masdar), by id; {} when the clause is not so."""
    seg = reading.doc
    if trig.gaps or not (trig.rule.pos == "noun" or noun_context(seg, trig)) or "obj" not in slots:
        return {}
    doer = "subj" if "subj" in slots else "pre" if "pre" in slots else None
    following = [m for m in cands if m.first_token >= trig.last]
    if doer is None or not following:
        return {}
    a = following[0]
    tokens, members = seg.tokens, member_nouns(seg.language)
    # the doer's members may stand before it ("اقتحام قوة من الجهاز")
    between = [t.text for t in tokens[trig.last:a.first_token]]
    if between and not (between[-1] == MARKER_FROM and all(w in members for w in between[:-1])):
        return {}
    if len(following) < 2 or following[1].first_token != a.last_token:
        return _doer_then_li_object(seg, a, doer, slots[doer])
    b = following[1]
    # "استعادة الجيش العراقي للقيارة": the object may come with "ل" (lam al-taqwiya) when it is no actor
    if a.marker or b.marker and not (b.marker == MARKER_LI and not is_a(b.type, "Actor")) \
            or a.key == b.key or b.first_token != a.last_token or not is_a(a.type, "Actor") \
            or coordinated(seg, a, b):
        return {}
    took = next((r for r, c in slots[doer] if r != "place" and is_a(a.type, c)), None)
    if took is None or not any(r != took and is_a(b.type, c) for r, c in slots["obj"]):
        return {}
    return {id(a): (doer, ()), id(b): ("obj", (took,))}


def _doer_then_li_object(seg, a: Mention, doer: str, doer_slot) -> dict[int, tuple[str, tuple[str, ...]]]:
    """"اقتحام الوحدات الكردية للقرية", "قصف الطيران الحربي للأحياء": an armed party in the
    masdar's genitive, then a definite object after "ل" that names nothing the text knows, is
    the doer (the object a "ل" brings is what the doer did it to). {a's id: the doer's slot} or {}."""
    tokens = seg.tokens
    j = a.last_token
    if a.marker or not is_a(a.type, "Armed") or j >= len(tokens) or tokens[j].sentence != tokens[a.first_token].sentence:
        return {}
    if not tokens[j].text.startswith(_LI_THE) or len(tokens[j].text) < len(_LI_THE) + 2:
        return {}
    if not any(r != "place" and is_a(a.type, c) for r, c in doer_slot):
        return {}
    return {id(a): (doer, ())}


_LI_THE = "لل"  # "ل" before the article, whose alif is not written ("للقرية")


def _near_as_in(seg, slots, slot: str, m: Mention) -> tuple:
    """"دارت اشتباكات بالقرب من قرية المياح": where a rule says nothing of "قرب", the place it
    names is where the event is, as "في" would say (a landmark of it, when the clause names that
    too). A direction ("قاعدة التاجي شمال بغداد") locates the place before it, not the event."""
    if slot != _NEAR or m.first_token == 0 or not any(
            is_word(seg.language, "landmark", t.text) for t in seg.tokens[max(0, m.first_token - 2):m.first_token]):
        return ()
    return tuple((role, constraint) for role, constraint in slots.get(_IN, ()) if role == "place")


def ba_as_in(slots, slot: str, m: Mention, trig: Trigger) -> tuple:
    """"استعادته بلدتين بمحافظة صلاح الدين", "السيطرة على عدد من القرى بريف حمص الشرقي": an event
    done to places (its object or what it is "على" is a place) whose rule says nothing of "بـ" is
    where an inhabited place "بـ" governs after the trigger says its places lie, as "في" would say
    (the narrowest place of the clause is chosen later). Not an event of no such object: "حملة رش
    بمدينة مأرب" is no campaign of war."""
    if slot != MARKER_BA or slot in slots or m.first_token < trig.last or not is_a(m.type, "Settlement") \
            or not any(r == "place" for s in (_OBJ, _ON) for r, _ in slots.get(s, ())):
        return ()
    return tuple((role, constraint) for role, constraint in slots.get(_IN, ()) if role == "place")


def _by_as_agent(rule, slot: str) -> tuple:
    """"تم تفكيك العبوات من قبل فرق الهندسة", "اعتقل المطلوبون على يد قوة من الشرطة": whatever
    a rule says of its other slots, "من قبل", "على يد" (markers.tsv's "by") name who did it, the
    agent of any event that has one."""
    return (("agent", "Actor"),) if slot == _BY and "agent" in rule.roles else ()


def _described(reading: EventReading, m: Mention, trig: Trigger) -> bool:
    """"مخيم الهول للنازحين، الذي يشكل": the trigger stands in a relative clause that describes m,
    whose pronoun follows m (two words at most between: an adjective, a genitive) and takes it as
    argument: the trigger follows the pronoun closely, no other event between. In "مقتل 96 إرهابيا
    خلال الساعات الماضية التي أعقبت السيطرة" the clause describes the hours: the dead take no part
    in the control. A trigger that opens an apposition right after a place describes it."""
    seg = reading.doc
    relatives = function_words(seg.language, "relative")
    tokens, words = seg.tokens, 0
    # "لاستعادة قضاء الشرقاط، آخر معاقل داعش": a trigger that opens an apposition describes the
    # place right before it, though the event before took that place
    if is_a(m.type, "Place") and tokens[trig.first].text in apposition_words(seg.language) \
            and all(t.text in COMMAS for t in tokens[m.last_token:trig.first]):
        return True
    for j in range(m.last_token, trig.first):
        if tokens[j].text in relatives:
            return trig.first - j <= _RELATIVE_REACH and not any(
                k in reading.trigger_starts for k in range(j + 1, trig.first))
        if tokens[j].is_word:
            words += 1
            if words > 2:
                return False
    return False


_RELATIVE_REACH = 12  # the most tokens from a relative pronoun to a trigger of its clause (as construction reads)


def _body_of_unit(seg, m: Mention, cands: list[Mention]) -> Mention:
    """"القوات المختصة في قوات المجلس العسكري لمدينة منبج": forces the article only describes,
    "في" (or "من") a body it names, are a unit of that body, which acts through them."""
    if m.scope != "document" or m.source != "cue" or not is_a(m.type, "Armed"):
        return m
    tokens, j = seg.tokens, m.last_token
    if j >= len(tokens) or tokens[j].text not in _UNIT_OF:
        return m
    j += 1
    # "في قوات المجلس": the head noun before the body, in its mention or not
    at = (j, j + 1) if j < len(tokens) and tokens[j].text in member_nouns(seg.language) else (j,)
    body = next((n for n in cands if n.first_token in at), None)
    return body if body is not None and is_a(body.type, "Organization") and body.scope != "document" else m


_UNIT_OF = frozenset({"في", "من"})
_IN = "في"
_OBJ, _ON = "obj", "على"  # the slots of what an event is done to
_BY = "by"  # the marker of markers.tsv for "من قبل", "على يد": the doer
_NEAR = "near"  # the marker of markers.tsv for "قرب", "بالقرب من"


def _governed(seg, m: Mention) -> bool:
    """Whether m is the subject of a verb that governs a masdar, right after it ("تمكنت القوات من")
    or right before it ("أن القوات العراقية تمكنت من قتل"); members "of" the group stand for it
    ("تمكنت عناصر من التنظيم من")."""
    j = m.first_token - 1
    members = member_nouns(seg.language)
    # "تمكن مسلحو التنظيم من", "تمكنت مجموعة من عناصر التنظيم": the group's members stand for it
    while j > 0 and (seg.tokens[j].text in members
                     or seg.tokens[j].text == MARKER_FROM and seg.tokens[j - 1].text in members):
        j -= 1
    governors = masdar_governors(seg.language)
    conjunctions = function_words(seg.language, "conjunction")

    def governs(word: str) -> bool:
        return word in governors or word[:1] in conjunctions and word[1:] in governors
    return j >= 0 and governs(seg.tokens[j].text) \
        or m.last_token < len(seg.tokens) and seg.tokens[m.last_token].text in governors


def _reports(reading: EventReading, m: Mention) -> bool:
    """Whether m is the subject right after a reporting word ("أعلنت قسد", "قال المرصد"); not the
    subject of the clause a complementizer opens ("قال مصدر إن اللاجئة ... وجدت مقتولة")."""
    tokens = reading.doc.tokens
    if m.first_token > 0 and tokens[m.first_token - 1].text in function_words(reading.doc.language, "complementizer"):
        return False
    ends = reading.index.reporting.get(tokens[m.first_token].sentence, ())
    return any(0 <= m.first_token - end <= 1 for end in ends)


def _members_doing(reading: EventReading, trig: Trigger, cands: list[Mention]) -> dict | None:
    """"قتل مسلحو التنظيم 7 أشخاص", "أعدم عناصر داعش رجلين": a verb the rules read as passive
    ("قُتل عناصر داعش": they were killed) is active when the members of an armed group follow it,
    in the genitive, and then, bare, whom it was done to (a count between them at most): the group is the doer (the
    rule's "by"), what follows the object (the subject's role). None when the clause is not so."""
    seg, rule = reading.doc, trig.rule
    if rule.pos != "passive" or "by" not in rule.slots or "subj" not in rule.slots or trig.gaps \
            or noun_context(seg, trig):
        return None
    tokens, members = seg.tokens, member_nouns(seg.language)
    after = [m for m in cands if m.first_token >= trig.last]
    if len(after) < 2 or not is_a(after[0].type, "Armed"):
        return None
    group, done_to = after[0], after[1]
    between = [t.text for t in tokens[trig.last:group.first_token]]
    if not between or not all(w in members for w in between):
        return None  # "قتل عناصر من داعش": who was killed, whatever follows
    gap = tokens[group.last_token:done_to.first_token]
    if any(t.is_word and not t.is_number for t in gap) and not reading.amount_spans.reaching(
            tokens[group.last_token].start, done_to.start) or coordinated(seg, group, done_to):
        return None
    return {**rule.slots, "subj": rule.slots["by"], "obj": rule.slots["subj"]}


def _undergoes(reading: EventReading, m: Mention, trig: Trigger) -> bool:
    """"تعرضت قوات الجيش لهجوم", "أصيب ثلاثة من عناصر قسد بإطلاق نار": m is the subject of a
    verb of undergoing (function_words' "undergo") that governs the trigger, the verb right before
    it (a count, the group's members and "من" between), the trigger right after it (or after "إلى"),
    past an apposition that locates a town ("تعرضت قرية المياح، شرقي كركوك، لهجوم")."""
    seg = reading.doc
    tokens = seg.tokens
    # "تعرضت دورية للجيش إلى تفجير": "إلى" may take the masdar, as a ل on it does
    between = [t.text for t in tokens[_past_direction(reading, m, trig.first):trig.first] if t.is_word]
    if len(between) > 1 or between and between[0] not in function_words(seg.language, "undergo_to") \
            or not (is_a(m.type, "Actor") or is_a(m.type, "Place")):
        return False
    members, undergo = member_nouns(seg.language), function_words(seg.language, "undergo")
    j = m.first_token - 1
    while j >= 0 and m.first_token - j <= 4 and (tokens[j].text in members or tokens[j].text == MARKER_FROM
                                                 or reading.amount_spans.reaching(tokens[j].start, tokens[j].end)):
        j -= 1
    return j >= 0 and tokens[j].text in undergo


def reached_role(reading: EventReading, m: Mention, trig: Trigger, filled: dict[str, str]) -> str | None:
    """"الاغتيالات التي تطال عناصر قسد", "عمليات اغتيال تطال عددا من عناصرها", "قصف طال منازل
    المدنيين": m is the object of a verb of reaching (function_words' "reach") that follows the
    trigger at once (or after a relative pronoun), a count, the group's members and "من" between:
    what the event was done to (its target, else its victim), though its slots after the trigger
    would give it another role; None when it is not, or the event has that role already."""
    role = "target" if "target" in trig.rule.roles else "victim"
    if role not in trig.rule.roles or role in filled.values() or not _reaches(reading, m, trig):
        return None
    return role


def _reaches(reading: EventReading, m: Mention, trig: Trigger) -> bool:
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    j = trig.last
    if j < m.first_token and tokens[j].text in function_words(lang, "relative"):
        j += 1
    if j >= m.first_token or tokens[j].text not in function_words(lang, "reach") or m.first_token - j > 5 \
            or tokens[j].sentence != tokens[m.first_token].sentence or is_a(m.type, "Place"):
        return False
    members = member_nouns(lang)
    return all(t.text in members or t.text == MARKER_FROM or reading.amount_spans.reaching(t.start, t.end)
               for t in tokens[j + 1:m.first_token])


def _past_direction(reading: EventReading, m: Mention, limit: int) -> int:
    """Where the words after a place resume past an apposition that locates it ("تعرضت بلدة
    الرشاد، شرقي كركوك، لهجوم": a comma, a word of direction and the place it governs, a comma or
    none); the token after m when none follows."""
    tokens, j = reading.doc.tokens, m.last_token
    if not is_a(m.type, "Place") or j + 1 >= limit or tokens[j].text not in COMMAS \
            or not is_word(reading.doc.language, "direction", tokens[j + 1].text):
        return j
    wider = next((n for n in reading.mention_spans.starting(j + 1, limit) if n.first_token in (j + 1, j + 2)
                  and is_a(n.type, "Place")), None)
    if wider is None:
        return j
    end = wider.last_token
    return end + 1 if end < limit and tokens[end].text in COMMAS else end


_PASSIVE_DOER = (("من", "قبل"), ("علي", "يد"), ("علي", "ايدي"))  # normalized, as the tokens are


def passive_doer(seg, m: Mention) -> bool:
    """Whether the words right before a mention are "من قبل" or "على يد": it names the doer of a
    passive verb."""
    return m.first_token >= 2 and tuple(t.text for t in seg.tokens[m.first_token - 2:m.first_token]) in _PASSIVE_DOER


def ends_conjunct(seg, trig: Trigger, m: Mention) -> bool:
    """"ملاحقة فلول داعش وتطهير العبوات": a mention right before a masdar joined by "و" (a noun, or a
    masdar of lemmas.tsv: "وتطهير" is no verb) ends the phrase of the masdar before it (its
    genitive); it is no subject fronted before this one."""
    return m.last_token == trig.first and trig.proclitic[:1] == WAW \
        and (trig.rule.pos == "noun" or noun_context(seg, trig)
             or seg.tokens[trig.first].text[len(trig.proclitic):] in masdar_forms(seg.language))


def past_holding(seg, trig: Trigger, m: Mention) -> bool:
    """"تدمير مقرات داعش", "دمرت مخازن التنظيم": a group right after the last word of a trigger of
    several words, the first an event's word and the last a holding of members.tsv, owns what the
    event is done to: the genitive of the holding, not the trigger's doer ("آخر معاقل داعش", a
    holding told by no event's word, keeps the holder as its own)."""
    last = trig.last - 1
    tokens = seg.tokens
    return m.first_token == trig.last and not trig.gaps and last > trig.first \
        and tokens[trig.first].text[len(trig.proclitic):] in trigger_forms(seg.language) \
        and tokens[last].text in holding_nouns(seg.language) and is_a(m.type, "Actor")


def describes_holding(seg, trig: Trigger) -> bool:
    """Whether the trigger is a holding that describes the place before it ("حي الجورة الخاضع
    لسيطرة قوات النظام", markers.tsv "held"): no act, whose doer would go on to the events after it
    or whose result they would be ("... بقذائف الهاون ما أدى إلى مقتل مدنيين": the regime killed none);
    the holding it goes on with ("على استيلائهم على ثلث أراضيه") keeps its holder."""
    tokens, k = seg.tokens, trig.first
    held = marker_forms(seg.language, "held")
    return k > 0 and (tokens[k - 1].text in held or k > 1 and f"{tokens[k - 2].text} {tokens[k - 1].text}" in held)


def last_kept(previous: list, n: int, keep) -> list:
    """The last ``n`` events of ``previous`` that ``keep`` keeps, in reading order: asked from the
    end, so that a trigger costs the events near it, not every event the text told before."""
    out = []
    for p in reversed(previous):
        if keep(p):
            out.append(p)
            if len(out) == n:
                break
    return out[::-1]
