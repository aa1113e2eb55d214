"""Facts: events with their roles, dates and amounts, read from triggers and the
words around them, each with the evidence that states it.

For every trigger (``lang/ar/events.tsv``) the clause around it is read
(:mod:`athar.read.window`); its mentions fill the roles (:mod:`athar.read.argument`):
bare mentions after a verb are its subject and object, mentions after a
preposition (``markers.tsv``) fill the role the rule gives that preposition,
mentions joined by "و" share a role. A verb whose subject is elided inherits it
from the clause before ("وسرعان ما خسر الرقة"); an event with no agent inherits
the agent of the same kind of event just before. Here the readings are kept or
dropped, merged (a killing into the attack it came of, its toll kept apart when the
attack counts what it struck) and made into facts; then the forces of a named
operation give way to its doers (:mod:`athar.read.operation`) and tolls told one after
another become killings of their own (:mod:`athar.read.tally`).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import islice
from dataclasses import dataclass, replace

from athar.read.agency import stand_ins
from athar.read.party import made_on_another
from athar.read.sequence import after_withdrawal, attacked_to_take, fought_over
from athar.read.amounts import AmountMention
from athar.read.candidate import _definite
from athar.read.capture import CAPTURE, announced_control, held_control
from athar.read.argument import add_inferred, candidates, forget_inferred, roles_from_context, roles_in_clause
from athar.read.circumstance import end_of, modality, pick_amount, pick_date
from athar.read.clause import EventReading, Trigger, find_triggers, noun_context, says_result
from athar.read.doers import unarmed_doers
from athar.read.frames import CONFLICT_EVENTS, confirms, frame_words, other_sense
from athar.read.function_words import function_affixes, function_word, function_words
from athar.read.language import Language, language_data
from athar.read.memo import of_trigger
from athar.read.mentions import Mention, is_a
from athar.read.operation import operation_forces
from athar.read.opponent import (foe_in_document, foe_in_sentence, foe_role, killer_in_document, opponent_before,
                                  side_of_battle)
from athar.read.placement import place_witnessed
from athar.read.rules import MONEY, Rule, day_parts, refinements_of
from athar.read.setting import carry_dates, holder_before, place_around, settle_places
from athar.read.statement import STATEMENT, issuer
from athar.read.tally import tolls_apart
from athar.read.trigger_pronoun import pronoun_suffix
from athar.read.text import ARTICLE, Doc
from athar.read.toll import with_toll
from athar.read.utterance import named_again, statement_before
from athar.read.values import Evidence, Fact
from athar.read.waging import waged_by
from athar.read.window import clause_window, coordinated_clause, index_clauses


# -- rules ------------------------------------------------------------------

def extract_triggers(doc: Doc) -> list[Trigger]:
    """The trigger words of the text's events that may say something: a word that needs an
    amount ("بلغ عدد سكانها") is left out when its sentence has none it could take."""
    return _countable(doc, find_triggers(doc, doc.mentions), doc.amounts)


def extract_events(doc: Doc) -> list[Fact]:
    """The events of the text, in reading order, from its triggers and the layers before them."""
    reading = EventReading(doc, doc.mentions, doc.dates, doc.amounts, doc.triggers, index_clauses(doc))
    facts = _merge_killings_into_attacks(doc.language, _read_all(reading), doc.text)
    facts = attacked_to_take(doc.language, after_withdrawal(doc.language, facts, doc.text), doc.text)
    facts = operation_forces(killer_in_document(doc, fought_over(facts)))
    return carry_dates(doc, tolls_apart(doc, facts))


def outside_currencies(mentions: list[Mention], amounts: list[AmountMention]) -> list[Mention]:
    """"300 مليون ليرة سورية": the country of a currency is no place the text speaks of."""
    currencies = sorted((a.unit_start, a.unit_end) for a in amounts if a.unit in MONEY and a.unit_start is not None)
    if not currencies:
        return mentions
    # amounts do not overlap: the one currency that can hold a mention is the last to start before it
    starts = [s for s, _ in currencies]
    return [m for m in mentions if not ((k := bisect_right(starts, m.start) - 1) >= 0 and m.end <= currencies[k][1])]


def _countable(seg: Doc, triggers: list[Trigger], amounts: list[AmountMention]) -> list[Trigger]:
    """Leave out the triggers that need an amount ("بلغ عدد سكانها", "رصدت الحكومة") when their
    sentence has none they could take: such a word says nothing, so it bounds no clause. (Read
    with it, the sentence would be read again without it; the other triggers of the sentence are
    then judged without it from the start.)"""
    with_amounts: dict[bool, set[int]] = {True: set(), False: set()}  # money? -> sentences
    for a in amounts:
        first = seg.token_at(a.start)
        if first is not None:
            with_amounts[a.unit in MONEY].add(seg.tokens[first].sentence)
    out = []
    for t in triggers:
        rule = t.rule
        if rule.needs in ("amount", "money") and rule.event not in ("Killing", "Attack"):
            sentence = seg.tokens[t.first].sentence
            money = sentence in with_amounts[True] and rule.amounts in ("money", "any")
            counts = sentence in with_amounts[False] and rule.amounts != "money" and rule.needs != "money"
            if not (money or counts):
                continue
        out.append(t)
    return out


@dataclass
class _Reading:
    """What reading one trigger gave: enough to decide what to keep; the fact itself (offsets
    into the body, evidence) is made only for the readings that are kept or merged."""

    type: str
    kept: bool
    sentence: int  # index of the trigger's sentence
    parts: tuple  # the arguments of _make_fact
    _fact: Fact | None = None

    @property
    def fact(self) -> Fact:
        if self._fact is None:
            self._fact = _make_fact(*self.parts)
        return self._fact


def _read_all(reading: EventReading) -> list[_Reading]:
    """Read the triggers sentence by sentence, in order. A trigger word that found nothing to
    say ("الرعاية الطبية") bounds no clause: its sentence is read again without it, before
    the next sentence is read (a clause never reaches past its sentence)."""
    triggers, tokens = reading.triggers, reading.doc.tokens
    read: list[_Reading] = []
    k = 0
    while k < len(triggers):
        sentence, end = tokens[triggers[k].first].sentence, k + 1
        while end < len(triggers) and tokens[triggers[end].first].sentence == sentence:
            end += 1
        before = len(reading.consumed), len(reading.used_amounts), len(reading.framing)
        # the first reading stops at the first word that says nothing: the readings after it would
        # be thrown away, and a reading thrown away leaves nothing behind (below)
        group = _read_triggers(reading, k, end, until_useless=True)
        # the first word that said nothing goes, and the words after it are read again without it:
        # they may say something then ("أعلنت قسد - بمؤتمر صحفي ... - بدء المعركة"); the words that
        # still say nothing go all at once (a sentence is read three times at most)
        for first_only in (True, False):
            useless = [j for j, (t, r) in enumerate(zip(triggers[k:end], group))
                       if not r.kept and t.rule.event not in _TOLLS][:1 if first_only else None]
            if not useless:
                break
            # a reading thrown away leaves nothing behind: what it took, the places it marked as
            # framing, the entities it guessed (the output depends on the readings kept only)
            _forget_after(reading.consumed, before[0])
            _forget_after(reading.used_amounts, before[1])
            _forget_after(reading.framing, before[2])
            for t in triggers[k:end]:
                forget_inferred(reading.doc, t.first)
            del reading.previous[len(reading.previous) - len(group):]
            for j in reversed(useless):
                reading.trigger_starts.discard(triggers[k + j].first)
                del triggers[k + j]
            end -= len(useless)
            group = _read_triggers(reading, k, end)
        read += group
        k = end
    return read


def _forget_after(taken: dict, count: int) -> None:
    """Forget what was taken after the first ``count`` (a key taken again keeps its place)."""
    for key in list(islice(reversed(taken), len(taken) - count)):
        del taken[key]


def _read_triggers(reading: EventReading, k: int, end: int, until_useless: bool = False) -> list[_Reading]:
    """The readings of triggers k to end; ``until_useless``: up to the first that says nothing."""
    read = []
    for j in range(k, end):
        trig = reading.triggers[j]
        trig.roles = []
        read.append(r := _read_event(reading, j))
        reading.previous.append(trig)
        if until_useless and not r.kept and trig.rule.event not in _TOLLS:
            break
    return read




def _read_event(reading: EventReading, k: int) -> _Reading:
    """The event of the k-th trigger, and whether it has what its rule needs to be kept."""
    seg, trig = reading.doc, reading.triggers[k]
    reading.dropped = None
    sentence = seg.sentences[seg.tokens[trig.first].sentence]
    left, right = clause_window(reading, k)
    rule = trig.rule
    cands, according = candidates(reading, trig, left, right, sentence)
    roles = roles_in_clause(reading, trig, cands, left)
    if rule.event == STATEMENT and not any(r == "agent" for r, _ in roles):
        who = issuer(seg, trig, reading.mention_spans.starting(sentence.first_token, sentence.last_token))
        if who is not None:
            roles.append(("agent", who))
        elif named_again(seg, trig):  # "وتابع البيان": the speakers of the statement it goes on with
            roles += [("agent", m) for m in statement_before(reading, trig)]
    if rule.event == STATEMENT and named_again(seg, trig):
        # what the clause before "وتابع البيان" named is the statement's it goes on with
        roles[:] = [(r, m) for r, m in roles if r == "agent" or m.first_token >= trig.last]
    if "agent" in rule.roles and not any(r == "agent" for r, _ in roles):
        # "بدأ تحالف قوات سوريا الديمقراطية ... حملة ضد التنظيم": the verb that governs the noun names its doer
        roles += [("agent", m) for m in waged_by(reading, trig)]
    stated = {id(m) for _, m in roles}
    named = list(roles)
    implied = roles_from_context(reading, trig, roles, according, sentence)
    trig.roles = roles
    amount = pick_amount(reading, trig, left, right, sentence)
    kept = (_kept(rule, roles, amount, _new(seg, trig), named) or _kept_by_witness(reading, trig, roles, amount, sentence)) \
        and _confirmed(reading, trig, roles, sentence)
    if kept:
        # what only the words around gave it stays free for the clause that states it ("بعد اقتحام الوحدات
        # الكردية ما أجبر تنظيم الدولة على الانسحاب": the group the storming was guessed made on withdrew)
        reading.consumed.update((id(m), None) for _, m in roles if id(m) in stated)
        if amount is not None:
            reading.used_amounts[id(amount)] = None
        holder = None if any(r == "origin" for r, _ in roles) else holder_before(reading, trig, roles)
        if holder is not None:  # "بعد تحريرها": from the group the article says held it
            roles.append(("origin", holder))
            implied = True
        sides = side_of_battle(reading, trig, roles, sentence)
        if sides:  # "في معارك بمناطق متفرقة": with the story's one armed group
            roles += [("participant", m) for m in sides]
            add_inferred(seg, trig.first, sides)
            implied = True
    # a place outside the clause is not taken from others; "تطهير المنازل والطرق": houses and
    # roads are what the event is done to, the named place around them is where. An attack that
    # names nothing is read for the killing it may tell the cause of ("قتل 8 مدنيين جراء انفجار
    # ألغام، في عدة مواقع من مدينة الرقة"): its place too
    if kept or rule.event in _TOLLS:
        if all(m.source == "kind" for r, m in roles if r == "place"):
            place = place_around(reading, k, left, right, sentence)
            if place:
                roles = [(r, m) for r, m in roles if r != "place"] + [("place", m) for m in place]
                trig.roles = roles
                reading.frame(trig, place)
    # a place carried from around the clause ("استهدف ساحة الطيران" in the lead) is not what
    # the verb names ("فجر نفسه"): no refinement reads it as the verb's object
    carried = {id(m) for r, m in roles if r == "place" and reading.framed(trig, m)}
    event_type = rule.event if held_control(reading, trig, sentence) \
        else _refine(rule.event, roles, seg, coordinated_clause(reading, trig, sentence), carried)
    if event_type == rule.event and announced_control(reading, trig, roles, sentence):
        event_type = CAPTURE  # "أعلنت الفصائل، اليوم الخميس، سيطرتها على المدينة": a capture
    if kept and event_type != rule.event:
        foes = _foe_of_refined(reading, trig, event_type, roles, sentence)
        if foes:  # "فرضت وحدات من الجيش سيطرتها على قرية": control a state took back, from its foe
            roles = roles + foes
            trig.roles = roles
            implied = True
    # "استأنف البرنامج عملياته": an aid agency does no military deed (of the class the event ends as:
    # "تطهير المنطقة من الألغام" is an agency's demining)
    roles[:], not_its = unarmed_doers(seg.language, event_type, roles)
    kept = kept and not not_its
    return _Reading(event_type, kept, sentence.index,
                    (reading, trig, event_type, roles, amount, implied, left, right, sentence, according))


def _foe_of_refined(reading: EventReading, trig: Trigger, event: str, roles, sentence) -> list:
    """The side an event refined after its roles were read ("فرض سيطرته" by a state's forces: a
    Liberation) was made on, looked for as for an event of its class (:mod:`athar.read.opponent`)
    when no role names it: the side the same doer fought before, the one armed group of the
    sentence, the one of the story."""
    role = foe_role(event)
    if role is None or any(r == role for r, _ in roles):
        return []
    foes = opponent_before(reading, trig, roles) or foe_in_sentence(reading, trig, roles, sentence) \
        or foe_in_document(reading, trig, event, roles, sentence)
    return [(role, m) for m in foes]


_TOLLS = ("Killing", "Attack")  # the events a killing merges into, or is the toll of


def _merge_killings_into_attacks(lang: Language, read: list[_Reading], body: str) -> list[Fact]:
    """"30 مقاتلًا قتلوا ... في هجوم" and "شن التنظيم هجوماً ... ما أدى إلى مقتل 12": the killing is
    the attack's toll; one Attack event carries the victims, the count and the date (as ACLED
    codes fatalities). Returns the facts kept, in reading order."""
    out: list[_Reading] = []
    for r in read:
        prev = out[-1] if out else None
        if prev is not None and prev.sentence == r.sentence:
            if prev.type == "Killing" and r.type == "Attack" and prev.kept and not _other_sense(r):
                if 0 <= r.fact.trigger_start - prev.fact.trigger_end <= 80 and not _listed_after(lang, r):
                    out[-1] = _merged(r, with_toll(r.fact, prev.fact, body))
                    out += _toll_apart(r.fact, prev)
                    continue
            elif prev.type == "Attack" and r.type == "Killing" and r.kept and not _other_sense(prev):
                gap = r.fact.trigger_start - prev.fact.trigger_end
                if 0 <= gap <= 80 and says_result(lang, body[prev.fact.trigger_end:r.fact.trigger_start]):
                    out[-1] = _merged(prev, with_toll(prev.fact, r.fact, body))
                    out += _toll_apart(prev.fact, r)
                    continue
        out.append(r)
    return [r.fact for r in out if r.kept]


def _other_sense(attack: _Reading) -> bool:
    """Whether the words around the attack's trigger give it another sense (frames.tsv: "آثار إطلاق نار",
    "المواد القابلة للتفجير"): no attack the killing could be the toll of."""
    if not attack.parts:
        return False
    reading, trig = attack.parts[0], attack.parts[1]
    return other_sense(reading.doc, trig.first, trig.last, trig.gaps) is not None


def _listed_after(lang: Language, attack: _Reading) -> bool:
    """Whether the attack is another deed listed after the killing with "و" ("قتل 207 عناصر وتفجير 36
    سيارة"), not the attack it came of, brought in by a word of cause ("قتلوا في هجوم", "جراء انفجار",
    "بانفجار") or named as the killing's doer ("قتلت غارات"): its word carries the conjunction."""
    return bool(attack.parts) and attack.parts[1].proclitic[:1] in function_affixes(lang, "conjunction")


def _toll_apart(attack: Fact, killing: _Reading) -> list[_Reading]:
    """"قصف خمسة مواقع ... أسفرت عن مقتل 22", "قتل 15 مدنيا في غارات استهدفت اربع قرى": an attack
    that counts what it struck has two figures, the toll and its own; the merged attack keeps its
    own, and the killing stays a fact of its own with the toll, done by the attack's doer where
    it names none, where the attack was when it names no place. [] when one figure is all."""
    toll = killing.fact
    if attack.amount is None or toll.amount is None or attack.amount is toll.amount:
        return []
    doers = () if toll.role("agent") else tuple(("agent", m) for m in attack.role("agent"))
    places = () if toll.role("place") else tuple(("place", m) for m in attack.role("place"))
    fact = replace(toll, roles=tuple(dict.fromkeys(toll.roles + doers + places)))
    return [_Reading(fact.type, True, killing.sentence, (), fact)]


def _merged(attack: _Reading, fact: Fact) -> _Reading:
    return _Reading(fact.type, True, attack.sentence, (), fact)


def _kept(rule: Rule, roles, amount, new: bool = False, named=None) -> bool:
    return rule.satisfied(roles, amount, new, named)


def _new(seg: Doc, trig: Trigger) -> bool:
    """Whether the trigger is an indefinite noun, which brings a new event in ("وقع انفجار قرب السوق",
    "تم عبر سيارة مفخخة"): a word of it without the article, not annexed to a definite noun ("تفجير
    السيارة") nor carrying a possessive pronoun. A definite one ("أسفر التفجير عن", "تنتظر الانفجار",
    "معدا للتفجير") refers back to an event told, or to none (athar.read.repetition). Of a trigger
    merged across words that are not its own ("التفجير الأول تم عبر سيارة مفخخة"), one word is enough."""
    # of the trigger's words and the tokens around alone: once a trigger (asked at each re-reading)
    return of_trigger(seg, "new", trig, lambda: _is_new(seg, trig))


def _is_new(seg: Doc, trig: Trigger) -> bool:
    if not (trig.rule.pos == "noun" or noun_context(seg, trig)) or not trig.gaps and pronoun_suffix(seg, trig):
        return False
    tokens = seg.tokens
    words = [i for i in range(trig.first, trig.last) if not any(s <= i < e for s, e in trig.gaps)]
    own = set(words)
    for i in words:
        if _definite(seg, tokens[i].text):
            continue
        nxt = i + 1
        if nxt in own or nxt >= len(tokens) or tokens[nxt].sentence != tokens[i].sentence \
                or not _definite(seg, tokens[nxt].text):
            return True
    return False


def _kept_by_witness(reading: EventReading, trig: Trigger, roles, amount, sentence) -> bool:
    """"بلدة الشدادي ..., والتي تعد آخر معاقل التنظيم": a rule that needs a place is kept by
    the place the noun's word of witness names, which the event takes when its places are
    settled (setting.settle_places), though no slot of the clause read it."""
    rule = trig.rule
    if "place" not in (rule.needs or "") or any(r == "place" for r, _ in roles):
        return False
    locative = rule.slots.get(function_word(reading.doc.language, "locative"), ())
    constraint = next((c for r, c in locative if r == "place"), None)
    if constraint is None:
        return False
    witnessed = place_witnessed(reading, trig, sentence, constraint)
    return bool(witnessed) and rule.satisfied(list(roles) + [("place", m) for m in witnessed], amount)


def _confirmed(reading: EventReading, trig: Trigger, roles, sentence) -> bool:
    """Whether the context confirms a conflict event (athar.read.frames): "انسحاب الفريق من
    الدوري" and "رئيس التحرير" report no war. Other events need no confirming, but a sense rule
    may give their trigger another sense too ("بحثا عن المقاتلين" is a search, no talks)."""
    if trig.rule.event not in CONFLICT_EVENTS:
        return other_sense(reading.doc, trig.first, trig.last, trig.gaps) is None
    if reading.frames is None:
        reading.frames = frame_words(reading.doc)
    in_sentence = reading.mention_spans.starting(sentence.first_token, sentence.last_token)
    return confirms(reading.doc, reading.frames, trig.first, trig.last, roles,
                    [m for m in in_sentence if m.last_token <= sentence.last_token], trig.gaps)


def _refine(event: str, roles, seg, clause: tuple[int, int], carried: frozenset[int] | set[int] = frozenset()) -> str:
    for _, dst, role, constraint, as_object, cues in refinements_of(seg.language).get(event, ()):
        if any(r == role and is_a(m.type, constraint)
               and not (as_object and (id(m) in carried or _after_preposition(seg, m)))
               for r, m in roles) and (not cues or _cue_in(seg, clause, cues)):
            return dst
    return event


def _cue_in(seg: Doc, clause: tuple[int, int], cues: tuple[str, ...]) -> bool:
    """Whether a word of the trigger's own clause is one of ``cues``, its proclitics aside
    ("وفجروا", "بالمخلفات"): "تطهير حي الجولان، وفككت المنازل الملغمة" clears a quarter; the mined
    houses are another clause's. A word that only ends with a cue is another word: "انفجرت"
    (went off) is no "فجرت" (blew up), "تدمر" (Palmyra) no "دمر"; a part of the day before a day
    word is a time, as for triggers: "فجر اليوم" is dawn today, no "فجر" (blew up)."""
    left, right = clause
    lang = seg.language
    parts, days = day_parts(lang)
    texts = seg.texts
    endings = _cue_endings(lang)
    ending = endings.get(cues)
    if ending is None or len(ending) >= _WORDS_KEPT:
        ending = endings[cues] = {}
    for k in range(left, right):
        w = texts[k]
        found = ending.get(w)
        if found is None:
            found = ending[w] = tuple(cue for cue in cues if w.endswith(cue) and _proclitics(lang, w[:len(w) - len(cue)]))
        if found and any(not (cue in parts and k + 1 < len(texts) and texts[k + 1] in days) for cue in found):
            return True
    return False


_WORDS_KEPT = 1 << 16  # words whose cues _cue_in remembers, for one list of cues, before it starts over


@language_data
def _cue_endings(lang: Language) -> dict[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """A refinement's cues -> a word -> the cues it is, its proclitics aside (:func:`_cue_in`): filled
    as the words are met, since a word's clause is read for several triggers and texts."""
    return {}


def _proclitics(lang: Language, head: str) -> bool:
    """Whether ``head`` is nothing or proclitics only: a conjunction, then a joined preposition or the
    future prefix, then the article (ال, or ل after ل: "للمخيم")."""
    head = head[1:] if head[:1] in function_affixes(lang, "conjunction") else head
    head = head[1:] if head[:1] in function_affixes(lang, "bound_preposition") + function_affixes(lang, "future") \
        else head
    return head in ("", ARTICLE, ARTICLE[1])


def _after_preposition(seg, m) -> bool:
    """Whether a mention is brought in by a preposition ("في سوق", "بالسوق"), not named as the
    verb's object: "فجر انتحاري حزامه في سوق" is an attack there, "فجروا الجسر" destroys the bridge;
    so is one after an adverb of place ("وسط مجلس عزاء", "أمام مبنى المحافظة")."""
    norm = seg.norm.text  # the mentions' offsets are into the normalized text
    words = norm[max(0, m.start - 16):m.start].split()
    if not words:
        return False
    lang, word = seg.language, words[-1]
    if norm[m.start - 1].isspace():
        preposition = function_words(lang, "preposition") | function_words(lang, "locative") \
            | function_words(lang, "place_adverb")
    else:  # a proclitic of the mention's own word
        preposition = function_words(lang, "bound_preposition")
    return word in preposition or (word[:1] in function_words(lang, "conjunction") and word[1:] in preposition)


def _make_fact(reading: EventReading, trig, event_type, roles, amount, implied, left, right, sentence, according) -> Fact:
    seg = reading.doc
    body = seg.text
    roles, stood_in = stand_ins(reading, made_on_another(seg.language, roles), sentence)  # no side attacks or arrests itself
    implied = implied or stood_in
    held = {id(m) for r, m in roles if r == "origin"}
    roles = settle_places(reading, trig, roles)
    # a place is no victim: "قتيلا من جنسيات سورية" says where the dead came from, not who they were
    roles = [(r, m) for r, m in roles if r != "victim" or not is_a(m.type, "Place")]
    implied = implied or any(r == "origin" and id(m) not in held for r, m in roles)  # "بعد تحريرها": the holder
    date, duration = pick_date(reading, trig, left, right, sentence)  # no other event takes a date: read it last
    norm = seg.norm
    lo, hi = seg.tokens[left].start, end_of(seg, right)
    # the words of every role stated in the same sentence, inherited ones too ("وعملت المجالس ... وإعادة بناء")
    spans = [(trig.start, trig.end)] + [(m.start, m.end) for _, m in roles
                                         if sentence.start <= m.start and m.end <= sentence.end
                                         and not reading.framed(trig, m)]
    for extra in (date, amount):
        if extra is not None and lo <= extra.start and extra.end <= hi:
            spans.append((extra.start, extra.end))
    nstart, nend = min(s for s, _ in spans), max(e for _, e in spans)
    start, end = norm.to_original(nstart, nend)
    sstart, send = norm.to_original(sentence.start, sentence.end)
    tstart, tend = norm.to_original(trig.start, trig.end)
    amount_words = None
    if amount is not None:
        a0, a1 = norm.to_original(amount.start, amount.end)
        amount_words = body[a0:a1]
    return Fact(
        type=event_type, trigger=body[tstart:tend], trigger_start=tstart, trigger_end=tend,
        evidence=Evidence(start, end, body[start:end], body[sstart:send].strip()),
        roles=tuple(dict.fromkeys(roles)), date=date, duration=duration, amount=amount,
        amount_words=amount_words, modality=modality(reading, trig, left), according_to=according,
        implied=implied,
    )
