"""The arguments of a trigger: which mentions of its clause fill which roles, by position and
preposition ("و" passes a role on, the nearest bare mention before the trigger is its subject),
and what the words around fill when the clause leaves a role open (a speaker, a claimer, a
pronoun's antecedent, the actor of the event before). Used by the events component
(:mod:`athar.read.facts`) for each trigger it reads, over the mentions :mod:`athar.read.candidate`
keeps; where word order misleads, the slot a mention fills is read by :mod:`athar.read.slot`."""

from __future__ import annotations

from athar.read.agency import (announcer, both_sides, carried_out, claimer, continued, dropped_subject, matter_pronoun,
                               own_outlet, purpose_target, result_of, shared_doer, speaker, we)
from athar.read.building import STRIKES, damaged_building, struck_building
from athar.read.casualty import assassinated, dead_of_an_attack, dead_told_apart, died_by, killed_by_an_attack, part_of_a_group
from athar.read.candidate import candidates  # noqa: F401 (read by athar.read.facts)
from athar.read.clause import (
    EventReading,
    Trigger,
    coordinated,
    governed_genitive,
    marker_before,
    noun_context,
    told_before,
)
from athar.read.construction import relative_subject, subject_of_relative
from athar.read.function_words import function_words
from athar.read.informant import only_reports
from athar.read.mentions import Mention, is_a
from athar.read.opponent import STATE_SIDE, foe_in_document, foe_in_sentence, foe_role, opponent_before
from athar.read.own_deeds import own_deed
from athar.read.placement import is_word
from athar.read.pluperfect import pluperfect_speaker
from athar.read.rules import MARKER_FROM, MARKER_LI
from athar.read.setting import active_slots, actor_before, inherit, inherit_subject, place_before
from athar.read.slot import (_BY, _IN, _NEAR, _body_of_unit, _by_as_agent, _counted_after_dropped, _described,
                             _doer_then_object, _fronted_subject, _governed, _members_doing, _near_as_in, _reports,
                             _undergoes, ba_as_in, counted_after_fronted_noun, describes_holding, ends_conjunct, last_kept,
                             passive_doer, past_holding, reached_role, said_of_itself)
from athar.read.text import COMMAS
from athar.read.trigger_pronoun import object_pronoun, pronoun_suffix
from athar.read.utterance import STATEMENT


_ON, _ON_WORD = "على", "علي"  # the slot of "على" and the word as tokens are normalized: what an attack is made on
_WITH = "مع"


def roles_in_clause(reading: EventReading, trig: Trigger, cands: list[Mention], left: int) -> list[tuple[str, Mention]]:
    """The roles the clause gives by position and preposition: read in text order, "و" passes a
    role on to the next mention, the nearest bare mention before the trigger is its subject."""
    seg, rule = reading.doc, trig.rule
    tokens = seg.tokens
    roles: list[tuple[str, Mention]] = []
    filled: dict[str, str] = {}  # slot -> the role it gave
    slots = active_slots(reading, trig, cands) or _members_doing(reading, trig, cands) or rule.slots

    landmarks: set[int] = set()  # places the event is only near ("قرب مدرسة ...")
    within: list[Mention] = []  # places the event is in ("في سوق", "داخل مطعم")
    subjects: list[Mention] = []  # the mentions the subject slot took
    assailed: list[Mention] = []  # places an attack was made on ("هجوم على قرية", "هاجموا مدينة")

    def assign(m: Mention, slot: str, unless: tuple[str, ...] = ()) -> str | None:
        m = _body_of_unit(seg, m, cands)
        for role, constraint in slots.get(slot, ()) or _near_as_in(seg, slots, slot, m) or ba_as_in(slots, slot, m, trig) \
                or _by_as_agent(rule, slot) \
                or _on_as_against(seg, rule, slot, m, trig):
            if role not in unless and is_a(m.type, constraint) \
                    and not (role == "agent" and rule.event != STATEMENT and only_reports(m)):
                roles.append((role, m))
                filled[slot] = role
                if slot == "subj":
                    subjects.append(m)
                if slot == _IN and role == "place":
                    within.append(m)
                if slot == _ON and role == "place" and m.first_token > 0 and tokens[m.first_token - 1].text == _ON_WORD:
                    # "هجوم على قرية": right after the word; "هجوم على مركز للشرطة": a building struck (below)
                    (within if is_a(m.type, "Facility") else assailed).append(m)
                if slot == _NEAR and m.first_token > 0 and any(
                        is_word(seg.language, "landmark", t.text) for t in tokens[max(0, m.first_token - 2):m.first_token]):
                    landmarks.add(id(m))
                return role
        # "مراسم التسليم للقاعدة": after a masdar, "ل" may bring in its object (lam al-taqwiya)
        # when the thing it names is none of what the rule's "ل" takes
        if slot == MARKER_LI and "obj" not in filled and m.first_token >= trig.last \
                and (rule.pos == "noun" or noun_context(seg, trig)):
            for role, constraint in slots.get("obj", ()):
                if role not in unless and role not in ("agent", "place") and is_a(m.type, constraint) \
                        and not is_a(m.type, "Actor"):
                    roles.append((role, m))
                    filled["obj"] = role
                    return role
        return None

    prev, prev_role = None, None
    bare_done = False
    bare_before: list[tuple[Mention, list[Mention]]] = []  # bare mentions before the trigger, with their conjuncts
    gap_of = {m.first_token: a for m in cands for a, b in trig.gaps if a <= m.first_token < b} if trig.gaps else {}
    passive = trig.first > 0 and tokens[trig.first - 1].text in function_words(seg.language, "passive_light")
    openers = function_words(seg.language, "complementizer")
    # "القوات الخاصة من الشرطة الاتحادية": the body a unit belongs to acts through the unit; it
    # fills no role of its own
    bodies = {id(b) for m in cands if (b := _body_of_unit(seg, m, cands)) is not m}
    in_order = {} if passive else _doer_then_object(reading, trig, cands, slots)
    # "قوات الأمن اعتقلت ثلاثة من عناصر داعش": a verb whose subject stands right before it, at the
    # head of its clause, takes the bare mention after it as its object
    fronted = _fronted_subject(reading, trig, cands, slots) or _counted_after_dropped(reading, trig, cands) \
        or counted_after_fronted_noun(reading, trig, cands) \
        or said_of_itself(reading, trig)
    for m in cands:
        if id(m) in bodies:
            prev, prev_role = m, None
            continue
        # a mention between the words of a merged trigger ("استضافت بغداد اجتماع") follows its verb
        after = m.first_token >= trig.last or m.first_token in gap_of
        if prev is not None and coordinated(seg, prev, m) and (prev.first_token >= trig.last) == after:
            if prev_role:
                roles.append((prev_role, m))
                if any(a is prev for a in assailed):
                    assailed.append(m)  # "هجماتهم على المتونة وتيما"
            elif bare_before and bare_before[-1][1][-1] is prev:
                bare_before[-1][1].append(m)
            prev = m
            continue
        # "للمدينة التي تعتبر المعقل الأكبر للتنظيم": the noun a relative clause describes is an
        # argument of the trigger in that clause, whatever governs it in the clause around
        described = not after and _described(reading, m, trig)
        if not after and id(m) in reading.consumed and not described:
            prev, prev_role = m, None  # the event before took it
            continue
        # "تعرضت قوات الجيش لهجوم", "أصيب ثلاثة من عناصر قسد بإطلاق نار": who underwent the event
        # is what it was done to, whatever the slot before the trigger would give
        if not after and "target" in rule.roles and "target" not in filled.values() and _undergoes(reading, m, trig):
            if is_a(m.type, "Place"):  # "تعرضت قرية المياح لهجوم": the town is where, and what (below,
                roles.append(("place", m))  # not when a state's forces after the trigger struck it)
                if not any(c.first_token >= trig.last and any(is_a(c.type, t) for t in STATE_SIDE) for c in cands):
                    assailed.append(m)
            else:
                roles.append(("target", m))
            filled["undergo"] = "target"
            prev, prev_role = m, "target"
            continue
        # "الاغتيالات التي تطال عناصر قسد": what it was done to, whatever the marker before it gives
        if after and (reach := reached_role(reading, m, trig, filled)):
            roles.append((reach, m))
            filled["reach"] = prev_role = reach
            prev = m
            continue
        floor = gap_of.get(m.first_token, trig.last) if after else left
        marker = reading.index.markers.get((id(m), floor, after))
        if marker is None:  # the clause after one trigger is the clause before the next: read once
            marker = reading.index.markers[id(m), floor, after] = marker_before(
                seg, m, floor, reading.amount_spans.reaching(tokens[floor].start, m.start), after)
        if after and not marker and past_holding(seg, trig, m):
            marker = _ON  # "تدمير مقرات داعش": the group whose holdings the masdar names is what it was done to
        role = None
        if marker == MARKER_LI and gap_of.get(m.first_token) == m.first_token and is_a(m.type, "Armed") \
                and "subj" in slots and "subj" not in filled:
            role = assign(m, "subj")  # "غارات للتحالف استهدفت": the "ل" of the noun's doer, before its verb
        elif after and id(m) in in_order:
            role = assign(m, *in_order[id(m)])
        elif marker and not described:
            # "مدعومة بمقاتلين من الحشد ... من تحرير": "من" before the trigger names no origin
            # (who is driven out follows the trigger), though it may count the victims
            # ("12 جندياً من الجيش قتلوا")
            # and counts the victims of a passive verb only right before it: in "هاجم مسلحون من لواء ثوار
            # الرقة حاجزاً ...، ما أسفر عن مقتل أربعة جنود" the brigade is who attacked, not who was killed
            # "وفي اتصال هاتفي مع الأناضول، أشار إلى قتال": "مع" in a phrase fronted before a comma
            # says with whom the sentence was spoken, no side of the event
            if marker == _WITH and not after and any(t.text in COMMAS for t in tokens[m.last_token:trig.first]):
                pass
            # "عدد أقل من الرجال، مضيفة أن ... التنظيم يحتجز مدنيين": "أن" opens the clause of the
            # trigger; a phrase before it belongs to the clause around
            elif not after and marker == MARKER_FROM and any(t.text in openers for t in tokens[m.last_token:trig.first]):
                pass
            # "تمكنت عناصر من التنظيم من إعدام خمسة مدنيين": the members of the group who could do
            # it are the subject of the verb that governs the masdar, its doer, not its victims
            elif not after and marker == MARKER_FROM and rule.pos == "passive" and _BY in slots \
                    and _BY not in filled and noun_context(seg, trig) and _governed(seg, m):
                role = assign(m, _BY)
            elif after or marker != MARKER_FROM \
                    or marker in slots and (rule.pos != "passive" or trig.first - m.last_token <= 3):
                unless = () if after or marker != MARKER_FROM else ("origin",)
                if after and marker == MARKER_LI and pronoun_suffix(seg, trig):
                    unless = ("agent",)  # "خسارة الموصل معقلها لصالح القوات": the pronoun names the holder
                role = assign(m, marker, unless)
        elif after:
            if bare_done and (rule.pos == "noun" or noun_context(seg, trig) and slots is rule.slots) \
                    or subject_of_relative(seg, trig, m, rule.pos != "noun" and not noun_context(seg, trig)):
                prev, prev_role = m, None
                continue
            # a verb takes a subject then an object; a masdar one genitive, the object first
            verbal = rule.pos in ("verb", "passive") and (not noun_context(seg, trig) or slots is not rule.slots)
            order = ("subj", "obj") if verbal else ("obj", "subj")
            # the subject follows its verb closely (a title may come between); a masdar's
            # genitive follows it at once ("سيطرة داعش", not "السيطرة على هجين آخر معاقل داعش")
            near = m.first_token - gap_of.get(m.first_token, trig.last) <= (4 if verbal else 1)
            # a trigger of words apart has its subject between them ("أعادت الشرطة فتح مديرية"), or after
            # its last word read as an active verb ("الضحايا الذين أعدمهم التنظيم"); "تم افتتاح مديرية": none
            near = near and not passive and (not trig.gaps or (m.first_token in gap_of) != (slots is not rule.slots))
            # a passive verb (or a masdar read as one: "تبنى التنظيم مقتل شابين بتهمة إجبار الأهالي")
            # has a subject and no object: its subject took the role its object would give
            intransitive = rule.pos == "passive" and "subj" in filled and "obj" in slots \
                and any(r == filled["subj"] for r, _ in slots["obj"])
            # "ضرباته على مواقع التنظيم": a masdar whose pronoun names its doer has no other doer after it
            owned = ("agent",) if not verbal and pronoun_suffix(seg, trig) else ()
            for slot in order:
                if slot not in filled and slot in slots and (slot != "subj" or near and not fronted) \
                        and not (slot == "obj" and intransitive):
                    role = assign(m, slot, owned if slot == "obj" else ())
                    if role:
                        bare_done = True
                        break
        elif (id(m) not in reading.consumed or described) and not relative_subject(seg, m) \
                and not ((rule.pos == "noun" or noun_context(seg, trig)) and governed_genitive(seg, m, left)) \
                and not ends_conjunct(seg, trig, m):
            # "القوات التي يقودها التحالف حررت": the subject of a relative clause is not the trigger's;
            # nor is a noun's genitive a preposition governs the subject of a masdar ("على احتياجات
            # الأطفال وتقديم المياه"), though a verb may describe it ("على جثة لاجئة قُتلت")
            bare_before.append((m, [m]))
        prev, prev_role = m, role
    # the nearest bare mention before the trigger is its fronted subject ("التحالف ... قام بتحرير")
    # (unless the subject after the verb took the role it would give: "مخيم الهول يؤوي نحو خمسين ألف
    # شخص" keeps the camp, whose subject gave the people)
    # an event told before ("شنت قسد عقب الهجوم حملة"): the subject before it is the main verb's
    # "قال اللواء ...: اليوم تم افتتاح مديرية": a masdar made passive by تم/جرى has no doer before it
    if bare_before and "pre" in slots and not told_before(seg, trig) and not passive \
            and all(slot != "pre" for slot, _ in in_order.values()) \
            and filled.get("subj") not in {r for r, _ in slots["pre"]}:
        for m, group in reversed(bare_before):
            if len(group) > 1 and _described(reading, group[-1], trig):
                # "مسلحي التنظيم والقوات العراقية التي اقتحمت الحي": the clause describes the last
                m, group = group[-1], [group[-1]]
            # "تمكن مقاتلوه خلال الأيام الثلاثة الماضية من قتل العشرات": the subject of a verb that governs
            # the masdar (تمكن، استطاع، واصل) does what it tells, though the rule's subject is its victim
            if slots is rule.slots and rule.pos == "passive" and "by" in slots and "by" not in filled \
                    and noun_context(seg, trig) and _governed(seg, m):
                role = assign(m, "by")
                if role:
                    roles += [(role, g) for g in group[1:]]
                    break
            # the victim of a passive verb stands right before it ("50 من عناصر التنظيم قتلوا"),
            # not at the head of the sentence ("عثرت قوى الأمن على جثة لاجئة قُتلت"); so does the one
            # the pronoun on it stands for when its doer follows ("عثرت الشرطة على رفات عشرين شخصا
            # أعدمهم التنظيم")
            if rule.pos == "passive" and trig.first - group[-1].last_token > 3 \
                    and not _described(reading, group[-1], trig):
                break
            # nor is the one who reports it ("أعلنت قسد مقتل عناصر من التنظيم")
            if slots is rule.slots and rule.pos == "passive" and _reports(reading, m):
                break
            # "تدريب 250 شخصاً على يد مدربين أمريكيين": a role the words after the trigger gave
            # ("على يد", "من قبل") is not given again to the subject before it
            role = assign(m, "pre", (filled["by"],) if "by" in filled else ())
            if role:
                roles += [(role, g) for g in group[1:]]
                break
    # "قتل جندي عراقي برصاص قناص من داعش": a verb whose doer the words of the doer name after it is
    # a passive (unvowelled, "قُتل"): its subject is who it was done to
    if filled.get(_BY) == "agent" and filled.get("subj") == "agent" and subjects:
        # (of a killing only: "حررت القوات القرية بمشاركة الحشد" names a second doer; but "من قبل" and
        # "على يد" name the doer of a passive only: "اعتقل ثلاثة من عناصر داعش من قبل قوات الأمن")
        passive_by = any(r == "agent" and passive_doer(seg, m) for r, m in roles)
        done_to = next((r for r, c in rule.slots.get("obj", ()) if (r == "victim" or passive_by and r != "agent")
                        and all(is_a(m.type, c) for m in subjects)), None)
        if done_to is not None:
            roles = [(done_to if r == "agent" and any(m is s for s in subjects) else r, m) for r, m in roles]
    # "فجر انتحاري حزامه الناسف في سوق مزدحمة", "سقطت قذائف قرب كنيسة في مدينة الحسكة": the building
    # struck is what the attack was made on; the town around it is where (athar.read.building)
    roles = struck_building(reading, rule.event, roles, within, landmarks)
    # "هجوم داعش على قرية المقدادية", "هجماتهم على المتونة وتيما": a town an attack was made on
    # ("على" right before it), not only where it was, is what it was made on; not a state's attack
    # ("قصف الطيران على مدينة الرقة"), made on the side holding the town (athar.read.opponent)
    if rule.event in STRIKES and assailed and not any(r == "target" for r, _ in roles) \
            and not any(r == "agent" and any(is_a(m.type, t) for t in STATE_SIDE) for r, m in roles) \
            and not _struck_next(reading, trig):
        roles += [("target", m) for m in assailed]
    # "بانفجار لغم قرب مدرسة عمار بن ياسر في حي هشام": a landmark the event was near is not where
    # it was when the clause names that too
    if landmarks and any(r == "place" and id(m) not in landmarks for r, m in roles):
        roles = [(r, m) for r, m in roles if r != "place" or id(m) not in landmarks]
    return roles


def _on_as_against(seg, rule, slot: str, m: Mention, trig: Trigger) -> tuple:
    """"الحملة على تنظيم داعش", "عملياتها العسكرية على هيئة تحرير الشام": an armed side after "على"
    following an operation's word is whom it was made on, when its rule gives "على" no role; not
    after an operation told before ("تم القضاء خلال العمليات على عدد من إرهابيي داعش": "على" is the
    killing's)."""
    return ((("target", "Armed"),) if slot == _ON and rule.event == _OPERATION and m.first_token >= trig.last
            and not told_before(seg, trig) else ())


_OPERATION = "MilitaryOperation"


def _struck_next(reading: EventReading, trig: Trigger) -> bool:
    """"شن التنظيم هجوما على قرية البشير واستهدف منازل المدنيين فيها": the sentence goes on to tell,
    by another trigger of the attack's class, what in the town was struck (the same attack, told
    again: read.repetition merges the two)."""
    tokens = reading.doc.tokens
    sentence = tokens[trig.first].sentence
    return any(t.first >= trig.last and tokens[t.first].sentence == sentence and t.rule.event == trig.rule.event
               for t in reading.triggers)


def roles_from_context(reading: EventReading, trig: Trigger, roles: list, according: Mention | None, sentence) -> bool:
    """Fill what the clause left open from the words around it: the speaker who says it did
    something, a pronoun on the trigger, the actor of the event before. Return whether any
    role came from context (the fact is then marked implied)."""
    seg, rule = reading.doc, trig.rule
    stated = len(roles)
    implied = _roles_from_context(reading, trig, roles, according, sentence)
    if rule.event != STATEMENT:  # "بيان نقلته رويترز", "ذكرت رويترز أنه": who reports did none of it
        roles[stated:] = [(r, m) for r, m in roles[stated:] if not (r == "agent" and only_reports(m))]
    # what the clause does not state is kept apart: no later event is a retelling of this one
    # for naming it (athar.read.repetition.inferred_keys)
    seg.memo[(_INFERRED, trig.first)] = frozenset(m.key for _, m in roles[stated:]) - {m.key for _, m in roles[:stated]}
    return implied


_INFERRED = "inferred roles"  # doc.memo's key, with the trigger's first token


def inferred_keys(doc, first_token: int) -> frozenset[str]:
    """The entities the event of the trigger at ``first_token`` names only by inference (from the
    words around its clause, not in it), as :func:`roles_from_context` last read it."""
    return doc.memo.get((_INFERRED, first_token), frozenset())  # type: ignore[return-value]


def add_inferred(doc, first_token: int, mentions) -> None:
    """Count ``mentions``, given to the event of the trigger at ``first_token`` after its roles
    were read (athar.read.facts), among those it names only by inference."""
    doc.memo[(_INFERRED, first_token)] = inferred_keys(doc, first_token) | {m.key for m in mentions}


def forget_inferred(doc, first_token: int) -> None:
    """Forget what a reading of the trigger at ``first_token`` counted as inferred: the reading
    was thrown away (athar.read.facts)."""
    doc.memo.pop((_INFERRED, first_token), None)


def _roles_from_context(reading: EventReading, trig: Trigger, roles: list, according: Mention | None, sentence) -> bool:
    seg, rule = reading.doc, trig.rule
    tokens = seg.tokens
    implied = False
    can = rule.roles
    has = {r for r, _ in roles}
    # "وأضاف أنه خلال العملية جرى اعتقال": before a masdar made passive, "أنه" is the pronoun of
    # the matter, which speaks of no one
    passive = trig.first > 0 and tokens[trig.first - 1].text in function_words(seg.language, "passive_light")
    itself = according is not None and not passive and _of_itself(seg, according.last_token, trig.first)
    if itself and "agent" in can and "agent" not in has:
        roles.append(("agent", according))  # "أعلنت اليونيسف أنها أعادت تأهيل": the speaker did it
        has.add("agent")
        implied = True
    # "أعلن المجلس العسكري أنه تسلّم من قسد كافة النقاط": the speaker who speaks of itself is the
    # verb's subject, whatever role its subject takes (who received it, not only who did it)
    subject = _subject_of(rule, has)
    if subject is not None and not passive:
        spoke = [according] if itself else speaker(reading, trig)
        found = [(role, m) for m in spoke for role, c in subject if is_a(m.type, c)][:1]
        if found and found[0][0] != "agent":
            roles.append(found[0])
            has.add(found[0][0])
            implied = True
    if "agent" in can and "agent" not in has:
        # "تبنى التنظيم مقتل شابين", "وقال التحالف إنه سيقوم بإعادة نشر": the claimer, the speaker
        # "أعلنت الوزارة إلقاء القبض", "هجوم شنه الاثنين": the announcer, the subject of the sentence
        told = pluperfect_speaker(reading, trig) \
            or claimer(reading, trig) or own_outlet(reading, trig, according) or speaker(reading, trig) or we(reading, trig) \
            or continued(reading, trig) \
            or announcer(reading, trig, roles) or own_deed(reading, trig) or carried_out(reading, trig) \
            or shared_doer(reading, trig) or result_of(reading, trig) or dropped_subject(reading, trig) or dead_of_an_attack(reading, trig)
        if told:
            roles += [("agent", m) for m in told]
            has.add("agent")
            implied = True
    if "target" in can and "target" not in has:
        # "عملية عسكرية لملاحقة فلول داعش": made on them; "قذائف قرب كنيسة، ما أدى إلى أضرار فيها": the building
        aimed = purpose_target(reading, trig, roles) or [m for m in [damaged_building(reading, trig)] if m]
        if aimed:
            roles += [("target", m) for m in aimed]
            has.add("target")
            implied = True
    if "victim" in has:
        roles[:] = dead_told_apart(reading, trig, sentence, roles)  # "تسعة أشخاص قتلوا، هم ستة عسكريين"
    if "victim" in can and "victim" not in has:
        # "قتلت غارات جوية، لم تحدد هوية منفذها، 11 شخصا": a strike the subject of the verb of killing
        struck = killed_by_an_attack(reading, trig, sentence)
        if struck is not None:
            roles.append(("victim", struck))
            has.add("victim")
    if rule.event == "Attack" and "victim" not in has:
        # "الاغتيالات التي تطال عناصرها": whom an assassination was made on died by it
        roles += [("victim", m) for m in assassinated(reading, trig, roles)]
        has.update(r for r, _ in roles)
    if rule.event == "Attack" and "victim" not in has:
        # "المدنيين الذين قضوا بانفجار ألغام": who died by the attack
        dead = died_by(reading, trig)
        if dead is not None:
            roles.append(("victim", dead))
            has.add("victim")
    part = None  # "القضاء على العشرات منهم": the pronoun of part ends the trigger, and names no doer (below)
    if "victim" in can and "victim" not in has:
        part = part_of_a_group(reading, trig, sentence, roles)  # "انتهت بمقتل العديد منهم"
        if part is not None:
            roles.append(("victim", part))
            has.add("victim")
            implied = True
    if "victim" in can and "victim" not in has:
        sides = both_sides(reading, trig)  # "قتل خلالها العشرات من عناصر الطرفين": the battle's sides
        if sides:
            roles += [("victim", m) for m in sides]
            has.add("victim")
            implied = True
    suffix = ("target" in can and "target" not in has or "agent" in can and "agent" not in has) \
        and part is None and pronoun_suffix(seg, trig)
    # "هجماتهم على المتونة": a pronoun of people (plural or dual) stands for no place
    people = tokens[trig.last - 1].text.endswith(_PEOPLE_PRONOUNS)
    if "target" in can and "target" not in has and (suffix or object_pronoun(seg, trig)) and not people:
        antecedent = place_before(reading, trig, sentence)
        # "جسراً ... بعد أن دمّره التنظيم", "محطة مياه ... بعد إعادة تأهيلها": the pronoun is what
        # was named before
        if antecedent is not None:
            roles.append(("target", antecedent))
            implied, suffix = True, False
    # "قبل انسحابه": the pronoun is the actor named before; "تمت محاصرته": after تم/جرى, whom it was done to
    undergone = "target" if passive else "agent"
    if undergone in can and undergone not in has and "agent" not in has and suffix:
        antecedent = actor_before(reading, trig, sentence)
        if antecedent is not None and rule.takes(undergone, antecedent):  # "وزارة التخطيط ... تقدمها": no armed party
            roles.append((undergone, antecedent))
            has.add(undergone)
            implied = True
    if "agent" in can and "agent" not in has:
        # (a holding that describes a place hands its holder to no other class of event after it
        # in its sentence)
        inherited = inherit(seg, trig, last_kept(reading.previous, 3, lambda p: p.rule.event == rule.event
                                                  or tokens[p.first].sentence != sentence.index or not describes_holding(seg, p)))
        inherited = [m for m in inherited if not any(m.key == t.key for r, t in roles if r == "target")]
        if inherited:
            roles += [("agent", m) for m in inherited]
            implied = True
    # "استعادت القوات حيين من مسلحي داعش، واقتحمت ثالثا": the same doer going on against the
    # side its event before was made on
    aimed_at = "origin" if rule.event == _LIBERATION else "target"
    # (a side guessed so keeps no event its clause would not keep: "needs" is met without it)
    if rule.event in _AGAINST_A_SIDE and not any(r == aimed_at for r, _ in roles) and rule.satisfied(roles, None):
        foes = opponent_before(reading, trig, roles) or foe_in_sentence(reading, trig, roles, sentence)
        if foes:
            roles += [(aimed_at, m) for m in foes]
            implied = True
    # "شنت قوات مشتركة أخرى هجوما باتجاه منطقة الستمية": a state's deed on a side no word of its
    # sentence names was made on the one armed group the story names
    foe = foe_role(rule.event)
    if foe is not None and not any(r == foe for r, _ in roles) and rule.satisfied(roles, None):
        foes = foe_in_document(reading, trig, rule.event, roles, sentence)
        if foes:
            roles += [(foe, m) for m in foes]
            implied = True
    subj = rule.slots.get("subj")
    if subj and rule.pos == "verb" and subj[0][0] != "agent" and not any(r == subj[0][0] for r, _ in roles):
        inherited = inherit_subject(seg, trig, reading.previous, subj[0][0])
        if inherited:
            roles += inherited
            implied = True
    return implied


def _of_itself(seg, lo: int, hi: int) -> bool:
    """Whether the words from token ``lo`` to ``hi`` hold a self-reference after a speaker ("أنها",
    "بأنه"), the last of them no pronoun of the matter (agency.matter_pronoun: "أنه في ليلة الخميس")."""
    selves = function_words(seg.language, "self_reference")
    at = next((j for j in range(hi - 1, lo - 1, -1) if seg.tokens[j].text in selves), None)
    return at is not None and not matter_pronoun(seg, at)


def _subject_of(rule, has: set[str]) -> list | None:
    """The choices of a verb's subject slot, when its first role is not the agent's and no role the
    slot gives was read: who a speaker that speaks of itself may be in the event."""
    subject = rule.slots.get("subj") if rule.pos == "verb" else None
    if not subject or subject[0][0] == "agent" or any(r in has for r, _ in subject):
        return None
    return subject


_PEOPLE_PRONOUNS = ("هم", "هما", "هن")  # normalized as the tokens are
_LIBERATION = "Liberation"  # whose side it was taken from is its origin, not its target
# the events made on a side of the fighting: each has that role (ontology/athar.ttl), whatever its trigger's slots
_AGAINST_A_SIDE = frozenset({"Attack", "MilitaryOperation", _LIBERATION})
