"""The setting of an event beyond its own clause: where it is when the clause names no place (the
place that opens the sentence, one after a comma, the place of the event it is coordinated with,
the place of the lead while the news stays there), which of several places is the event's own (the
most specific; the wording it reads is :mod:`athar.read.placement`'s). Who did it when the clause
does not say is :mod:`athar.read.succession`'s, re-exported here. Used by the events component
(:mod:`athar.read.facts`) while it reads one Doc.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from athar.read.aside import told_of_a_party
from athar.read.clause import EventReading, Trigger, coordinated, marker_before
from athar.read.dateline import dateline_places
from athar.read.designation import speakers_place
from athar.read.function_words import function_word, function_words
from athar.read.landmark import place_landmarked
from athar.read.mentions import Mention, is_a
from athar.read.placement import (
    continues, framing_places, landmarks, narrowest, place_described, place_governed, place_in_apposition,
    is_word, place_pointed, place_referred, place_witnessed, size,
)
from athar.read.relations import place_containers, reference_places
from athar.read.rules import MARKER_BA
from athar.read.newsdate import carry_dates  # noqa: F401 -- the events component takes it from here
from athar.read.text import COMMAS
from athar.read.venue import (
    facility_done_to, frame_narrowed, place_during, place_expelled, place_hosting, place_located, place_titled,
    supporters_places, is_wider, zoomed,
)
from athar.read.succession import (  # noqa: F401 -- the arguments and events components take them from here
    active_slots, actor_before, holder_before, inherit, inherit_subject,
)


def _breaks(text: str, start: int = 0, end: int | None = None) -> int:
    """The line breaks in ``text[start:end]``: line feeds, and carriage returns that end a line
    alone (a file with old Mac line ends keeps them: its offsets are the file's own)."""
    end = len(text) if end is None else end
    return text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)


def place_around(reading: EventReading, k: int, left: int, right: int, sentence) -> list[Mention]:
    """Where an event is when its clause names no place: the place that opens its sentence ("ففي شرق
    سوريا فقط، حدثت مئات الهجمات"), the place "في" after a comma before the next event
    ("أعدم 19 رجلاً، رمياً بالرصاص، في بادية دير الزور"), or the place of the event it is
    coordinated with ("أعادت السلطات في الرقة تأهيل 75 مدرسة وأنشأت 11 مركزاً")."""
    seg, trig = reading.doc, reading.triggers[k]
    tokens = seg.tokens
    locative = function_word(seg.language, "locative")
    choices = trig.rule.slots.get(locative, ())
    constraint = next((c for r, c in choices if r == "place"), None)
    if constraint is None:
        return []

    def places_at(lo: int, hi: int, floor: int) -> list[Mention]:
        found: list[Mention] = []
        for m in reading.mention_spans.starting(lo, hi):
            if m.last_token > hi or not is_a(m.type, constraint):
                continue
            if found and coordinated(seg, found[-1], m):
                found.append(m)
            elif not found and marker_before(seg, m, floor, []) == locative:
                found.append(m)
            elif found:
                break
        return found

    def opening(s, before: int) -> list[Mention]:
        """The place in the phrase that opens sentence s, set off by a comma, before token
        ``before``: "في العراق، ...", "ومع تداعي آخر معقل لداعش في الباغوز، ..."."""
        comma = next((j for j in range(s.first_token, min(before, s.first_token + 12)) if tokens[j].text in COMMAS), None)
        if comma is None or any(t.first < comma and t.last > s.first_token and tokens[t.first].sentence == s.index
                                for t in reading.triggers[max(0, k - 4):k + 1]):
            return []
        found = places_at(s.first_token, comma, s.first_token)
        if any(speakers_place(reading, m) for m in found):
            return []  # "أعلنت القيادة المشتركة في العراق أمس، ...": who speaks, no frame
        return found if found and comma - found[-1].last_token <= 1 else []  # "ففي شرق سوريا فقط،"

    # "إعادة فتح مديرية شرطة الفلوجة": the place that names the institution or the building the
    # event is done to is where it is
    for r, m in trig.roles:
        if r == "target" and is_a(m.type, "Organization") | is_a(m.type, "Facility"):
            inner = [p for p in reading.mention_spans.starting(m.first_token, m.last_token)
                     if p is not m and p.last_token <= m.last_token and p.source != "kind" and is_a(p.type, constraint)]
            if inner:
                return inner[:1]
    # in the clause: the place a word of direction governs, a part of a place, a pronoun of place
    nxt = reading.triggers[k + 1].first if k + 1 < len(reading.triggers) else len(tokens)
    stop = min(nxt, sentence.last_token)
    within = min(sentence.last_token, max(stop, right))  # "هجوماً على معاقل قسد جنوب منبج": its clause
    # "نفذ الجيش حملة في قرية البوعيثة، اعتقل خلالها قياديا في التنظيم جنوب بغداد": an event
    # during another is where that one was, whatever the words after it describe
    found = place_during(reading, trig) or place_described(reading, trig, stop, constraint) \
        or place_referred(reading, trig, sentence, constraint) \
        or place_governed(reading, trig, within, constraint) or place_pointed(reading, trig, stop, sentence, constraint) \
        or place_titled(reading, trig, stop, constraint) or place_expelled(reading, trig, sentence.last_token, constraint)
    if found:
        return found
    if told_of_a_party(reading, trig):
        return []  # "التنظيم الذي احتل في عام 2014 ثلث البلاد": another time, another ground
    # the place that opens the sentence frames every event of it, and of the paragraph it opens
    framing = opening(sentence, trig.first)
    if framing:
        return framing
    back = sentence.index
    # "في العراق، يقوم التحالف بتعديل موقعه ...\nوهذا يعني أن التحالف يعيد تمركز قواته": a paragraph
    # that opens with a word of continuation goes on with the one before
    while back > 0 and back > sentence.index - 2 and (not _breaks(
            seg.norm.text, seg.sentences[back - 1].end, seg.sentences[back].start) or continues(seg, seg.sentences[back])):
        back -= 1
        framing = opening(seg.sentences[back], seg.sentences[back].last_token)
        if framing:
            return framing
    # after the clause, before the next event of the sentence
    if right < stop and tokens[right].text in COMMAS:
        later = places_at(right, stop, right)
        if later and not reading.trigger_starts & set(range(right, later[0].first_token)):
            return later
    # coordinated with the event before ("وأنشأت"): the same place
    prev = reading.previous[-1] if reading.previous else None
    coordinated_verb = prev is not None and (
        trig.proclitic[:1] in function_words(seg.language, "conjunction")
        or trig.first > 0 and tokens[trig.first - 1].text in function_words(seg.language, "continuer")) \
        and tokens[prev.first].sentence == tokens[trig.first].sentence and trig.rule.pos != "noun"
    if coordinated_verb:
        # where it was ("وفي الرقة أعادت ..."), not what it was done to ("حررت القوات الفلوجة")
        # or where a word of direction puts it ("استعادت القوات حيين شرقي مدينة الموصل، واقتحمت ثالثاً")
        return [m for r, m in prev.roles if r == "place" and id(m) not in dateline_places(reading)
                and not speakers_place(reading, m, prev) and (
            m.last_token <= prev.first or marker_before(seg, m, prev.last, []) == locative
            or m.first_token > 0 and is_word(seg.language, "direction", tokens[m.first_token - 1].text))]
    # the paragraph tells of one place: the place of the last event before, a sentence back at most
    for p in reversed(reading.previous[-3:]):
        gap = seg.norm.text[seg.tokens[p.last - 1].end:trig.start]
        if tokens[p.first].sentence == sentence.index and coordinated_verb:
            break  # a verb coordinated with the one before shares only where that one was (above)
        if _breaks(gap) or sentence.index - tokens[p.first].sentence > 1:
            break
        places = [m for r, m in p.roles if r == "place" and m.source != "kind"  # a named place, not "المنازل"
                  and id(m) not in dateline_places(reading) and not speakers_place(reading, m, p)]
        if places:
            return places
    return []


def place_before(reading: EventReading, trig: Trigger, sentence) -> Mention | None:
    """The nearest facility named before in the sentence, else the nearest place."""
    before = [m for m in reading.mention_spans.starting(sentence.first_token, trig.first)
              if m.last_token <= trig.first and is_a(m.type, "Place")]
    facilities = [m for m in before if is_a(m.type, "Facility")]
    return (facilities or before or [None])[-1]


def narrowest_places(reading: EventReading, roles):
    """"جنوب مدينة منبج بريف حلب": the event is at the most specific place; a place another place
    of the event lies in (as the text or the gazetteer says), or a landmark named to say where
    that one is ("شمالي محافظة صلاح الدين شمال بغداد"), is not where the event is."""
    places = [m for r, m in roles if r == "place"]
    if len(places) < 2:
        return roles
    if reading.containers is None:
        reading.containers = place_containers(reading.doc, reading.mentions)
        reading.references = reference_places(reading.doc, reading.mentions)
    named = {m.first_token for m in places if m.source != "kind"}
    # "المنازل في بلدة القحطانية": the named place is where ("مستشفيات الحسكة" are a place)
    drop = {id(m) for m in places if named and m.source == "kind" and m.last_token not in named}
    places = [m for m in places if id(m) not in drop]
    wider = set()
    for m in places:
        wider |= reading.containers.get(m.key, set()) - {m.key}
    # "في دير الزور في بلدة الموحسن": a narrower place after "في" zooms in, it does not locate the one before
    narrower = {id(m) for m in places if m.key in wider or id(m) in reading.references
                and not any(zoomed(reading.doc, p, m) for p in places)}
    if len(narrower) < len(places):
        drop |= narrower
    # "مخيم الهول للنازحين شرقي الحسكة", "في سنجار شمال العراق": a landmark, then a wider place
    # the text does not join to a narrower one by "و", is not where the event is
    left = sorted((m for m in places if id(m) not in drop and m.source != "kind"), key=lambda m: m.first_token)
    drop |= landmarks(reading, left)
    drop |= narrowest(reading, [m for m in left if id(m) not in drop])
    return [(r, m) for r, m in roles if r != "place" or id(m) not in drop] if drop else roles


_DONE_TO = ("target", "victim")  # what an event was done to: the object of its verb


def own_places(reading: EventReading, trig: Trigger, roles):
    """:func:`_own_places`, worked out once for the same trigger and roles: a trigger's places are
    asked again by the lead's place, the place shared with the next verb and its own fact. The
    answer stands while no place is marked as framing that event since: of the marks, it reads only its
    own trigger's (whether its places are carried from outside its clause)."""
    kept = reading.index.own_places.get(id(trig))
    asked = [(r, id(m)) for r, m in roles]
    framings = reading.framings.get(trig.first, 0)
    if kept is not None and kept[0] is trig and kept[2] == framings and kept[1] == asked:
        return list(kept[4])
    found = _own_places(reading, trig, roles)
    reading.index.own_places[id(trig)] = (trig, asked, reading.framings.get(trig.first, 0), tuple(roles), found)
    return list(found)


def _own_places(reading: EventReading, trig: Trigger, roles):
    """The places of an event from its sentence, once every event of the text has been read: an
    event whose clause names no place, or only a place carried from another sentence, is where the
    event that frames it in its sentence is ("قصف التحالف خلال معركة السيطرة على محافظة الرقة",
    "احتجز تسعين مسيحياً إثر هجوم على قريتي تل شاميرام وتل هرمز"); then the narrowest of
    its places (:func:`narrowest_places`)."""
    seg = reading.doc
    sentence = seg.sentences[seg.tokens[trig.first].sentence]
    filed = dateline_places(reading)
    if filed and any(r == "place" and id(m) in filed for r, m in roles):  # "بغداد - ...": where it was filed
        roles = [(r, m) for r, m in roles if r != "place" or id(m) not in filed]
    if trig.rule.event == "Demining" and any(r == "place" and m.source == "kind" for r, m in roles):
        # "فككت الألغام التي زرعها داعش في المنازل والطرقات": the houses are what is cleared
        target = [("target", m) for r, m in roles if r == "place" and m.source == "kind"]
        roles = [(r, m) for r, m in roles if not (r == "place" and m.source == "kind")]
        roles += [t for t in target if t not in roles] if not any(r == "target" for r, _ in roles) else []
    helped = supporters_places(reading, trig, [m for r, m in roles if r == "place"],
                               frozenset(m.first_token for r, m in roles if r in _DONE_TO))
    if helped:  # "بدعم من المنظمات الدولية للجنة الصحة في شمال وشرق سوريا": where the helper works
        roles = [(r, m) for r, m in roles if id(m) not in helped]
    host = place_hosting(reading, trig)
    if host is not None:  # "مؤتمر الكويت الدولي": held in Kuwait, which is no participant
        roles = [(r, m) for r, m in roles if m is not host and r != "place"] + [("place", host)]
    done_to = facility_done_to(reading, trig, roles)
    if done_to is not None:  # "استهدفت سجن التسفيرات وسط مدينة كركوك": the prison is the target, Kirkuk the place
        facility, where = done_to
        roles = [(r, m) for r, m in roles if not (r == "place" and m is facility)] + [("target", facility)] \
            + [("place", p) for p in where if all(p is not o for _, o in roles)]
    locative = trig.rule.slots.get(function_word(seg.language, "locative"), ())
    constraint = next((c for r, c in locative if r == "place"), None)
    if constraint is not None:
        # "مدينة منبج، معقل التنظيم المحاصر ... في شمال سوريا": the place the noun stands for
        beside = [m for m in place_in_apposition(reading, trig, constraint) if all(m is not p for _, p in roles)]
        k = bisect_right(reading.triggers, trig.first, key=lambda t: t.first)
        stop = min(reading.triggers[k].first, sentence.last_token) if k < len(reading.triggers) else sentence.last_token
        described = place_described(reading, trig, stop, constraint)
        if described:  # "حقل العمر النفطي، الذي سيطر عليه التنظيم": the field, whatever else the clause names
            roles = [(r, m) for r, m in roles if r != "place"]
            beside = described
        # "رأس العين، والتي تخضع لسيطرة الجيش الوطني": the place that witnesses or undergoes it,
        # unless the clause names where after the noun ("شهدت معارك في قرية الحمرا"), narrower than
        # it ("مدينة منبج الواقعة تحت سيطرة مقاتلين ... في شمال سوريا" names where Manbij lies)
        witnessed = [] if described else place_witnessed(reading, trig, sentence, constraint)
        if witnessed and not any(r == "place" and trig.last <= m.first_token < sentence.last_token
                                 and not is_wider(m, witnessed) for r, m in roles):
            roles = [(r, m) for r, m in roles if r != "place"]
            beside = [m for m in witnessed if all(m is not p for p in beside)] + beside
        if beside:
            roles = list(roles) + [("place", m) for m in beside]
            reading.frame(trig, beside)
    places = [m for r, m in roles if r == "place" and m.source != "kind"]
    carried = all(reading.framed(trig, m) and not sentence.first_token <= m.first_token < sentence.last_token
                  for m in places)
    if carried:
        framing = framing_places(reading, trig)
        if framing:
            roles = [(r, m) for r, m in roles if r != "place" or m.source == "kind"] + [("place", m) for m in framing]
            reading.frame(trig, framing)
    # "العديد من القرى بقضاء القيارة جنوبي الموصل": al-Qayyarah, which al-Mosul only locates
    located = {id(m): p for r, m in roles if r == "place" and m.source != "kind"
               and (p := place_located(reading, trig, m)) is not None and all(p is not o for _, o in roles)}
    if located:
        roles = [(r, located.get(id(m), m)) if r == "place" else (r, m) for r, m in roles]
    # "استهدفت المركز العام للشرطة، وسط مدينة الحمراء في محافظة النهرين": the town, which the governorate locates
    roles = place_landmarked(reading, trig, roles)
    return narrowest_places(reading, frame_narrowed(reading, trig, sentence, roles))


def settle_origin(reading: EventReading, trig: Trigger, roles):
    """Whom a place was taken from, settled: "استعادة الجيش العراقي للقيارة", a masdar, the force
    in its genitive and the place after "لـ", tells who took the place (the genitive is the doer,
    the place the object), not whom it was taken from; and no one takes a place from himself (an
    origin that is the event's agent is none)."""
    origins = [m for r, m in roles if r == "origin"]
    if not origins:
        return roles
    seg = reading.doc
    tokens = seg.tokens
    first = origins[0]
    if trig.rule.pos == "noun" and first.first_token == trig.last and is_a(first.type, "Armed") \
            and not any(r == "agent" for r, _ in roles) and first.last_token < len(tokens):
        taken = [m for m in reading.mention_spans.starting(first.last_token, first.last_token + 1)
                 if m.marker == _LI and is_a(m.type, "Place") and m.source != "kind"]
        if taken:
            roles = [("agent", m) if m is first else (r, m) for r, m in roles if r != "place"] + [("place", taken[0])]
    agents = {m.key for r, m in roles if r == "agent"}
    roles = [(r, m) for r, m in roles if r != "origin" or m.key not in agents]
    if not any(r == "origin" for r, _ in roles):  # "بعد تحريرها": from the group the article says held it
        holder = holder_before(reading, trig, roles)
        roles += [("origin", holder)] if holder is not None else []
    return roles


_LI = "ل"  # the proclitic marker of a mention ("للقيارة")


def settle_places(reading: EventReading, trig: Trigger, roles):
    """The places of an event, settled when every event of the text has been read
    (:func:`own_places`); an event that still has none is where the lead says (:func:`lead_places`)."""
    roles = own_places(reading, trig, settle_origin(reading, trig, roles))
    shared = place_shared(reading, trig, roles)
    if shared:
        roles = [(r, m) for r, m in roles if r != "place"] + [("place", m) for m in shared]
        reading.frame(trig, shared)
    # "المستشفيات والمدارس تعرضت للهجمات": buildings of a kind name no place; the lead's is where
    if not any(r == "place" and m.source != "kind" for r, m in roles):
        lead = lead_places(reading, trig, reading.doc.sentences[reading.doc.tokens[trig.first].sentence])
        if lead:
            roles = [(r, m) for r, m in roles if r != "place"] + [("place", m) for m in lead]
            reading.frame(trig, lead)
    return roles


def place_shared(reading: EventReading, trig: Trigger, roles) -> list[Mention]:
    """"قتلت قوة أمنية ثلاثة مسلحين ودمرت سيارتين شرقي مدينة الرمادي": a verb whose clause names no
    place of its own (none, or only one carried from around it) shares the place that ends the clause
    of the verb "و" joins right after it, the next event of its sentence: where that one is ("في",
    ب or a word of direction before the place), not what it is done to."""
    if trig.rule.pos == "noun" or any(r == "place" and m.source != "kind" and not reading.framed(trig, m)
                                      for r, m in roles):
        return []
    seg = reading.doc
    tokens = seg.tokens
    k = bisect_right(reading.triggers, trig.first, key=lambda t: t.first)
    if k >= len(reading.triggers):
        return []
    nxt = reading.triggers[k]
    if nxt.rule.pos == "noun" or nxt.proclitic[:1] not in function_words(seg.language, "conjunction") \
            or tokens[nxt.first].sentence != tokens[trig.first].sentence \
            or any(tokens[j].text in COMMAS for j in range(trig.last, nxt.first)):
        return []
    locative = function_word(seg.language, "locative")
    constraint = next((c for r, c in trig.rule.slots.get(locative, ()) if r == "place"), None)
    if constraint is None:
        return []
    sentence = seg.sentences[tokens[nxt.first].sentence]
    stop = min(reading.triggers[k + 1].first, sentence.last_token) if k + 1 < len(reading.triggers) \
        else sentence.last_token
    return [m for r, m in own_places(reading, nxt, nxt.roles)
            if r == "place" and m.source != "kind" and nxt.last <= m.first_token < stop
            and is_a(m.type, constraint) and id(m) not in dateline_places(reading)
            and (marker_before(seg, m, nxt.last, []) in (locative, MARKER_BA)  # "في", "بقضاء الفلوجة"
                 or is_word(seg.language, "direction", tokens[m.first_token - 1].text))]


def lead_places(reading: EventReading, trig: Trigger, sentence) -> list[Mention]:
    """"عثرت قوى الأمن في مخيم الهول على جثة لاجئة ... وتعتبر جريمة قتل اللاجئة الخامسة، بعد قتل
    أربعة لاجئين": an article tells where its news happened in its lead; an event after it whose
    sentence names no place is there: the narrowest place of the lead's events (or of the lead),
    unless the last event told since at a named place is away from it. Not a statement: who
    speaks says where the news happened, not where they speak."""
    seg = reading.doc
    tokens = seg.tokens
    if not reading.triggers or trig.rule.event == "Statement" or not any(
            r == "place" for choices in trig.rule.slots.values() for r, _ in choices) or told_of_a_party(reading, trig):
        return []
    lead = tokens[reading.triggers[0].first].sentence  # the first sentence that tells of an event
    if sentence.index <= lead:
        return []
    named = [m for m in reading.mention_spans.starting(sentence.first_token, sentence.last_token)
             if is_a(m.type, "Place") and m.source != "kind" and m.last_token <= sentence.last_token]
    if named:  # (the text's reference places asked once, not for each place: "على بعد 200 كم شمال بغداد")
        references = reference_places(seg, reading.mentions)
        named = [m for m in named if id(m) not in references]
    found = reading.index.lead_places.get(len(reading.triggers))
    if found is None:  # the lead's place, once per document (and again if triggers were dropped)
        found = reading.index.lead_places[len(reading.triggers)] = _lead_place(reading, seg.sentences[lead]) \
            or _opening_place(reading, lead)
    if not found:
        return []
    if any(_elsewhere(reading, m, found) for m in named):
        return []  # the sentence names a place away from the lead's: the event may be there
    # the news is still there: the lead's place is named again (or pointed to: "المخيم") in this
    # sentence or the three before it; a long article that has left it for other ground is not
    recent = seg.sentences[max(lead + 1, sentence.index - 3)].first_token
    if not any(m.key == found[0].key for m in reading.mention_spans.starting(recent, sentence.last_token)) \
            and sentence.index - lead > 3:
        return []
    # the last event told before it at a named place (fifty events back at most) is the scene
    k = bisect_left(reading.triggers, trig.first, key=lambda t: t.first)
    for t in reversed(reading.triggers[max(0, k - 50):k]):
        if tokens[t.first].sentence <= lead:
            break
        places = [m for r, m in own_places(reading, t, t.roles) if r == "place" and m.source != "kind"]
        if places:
            told = seg.sentences[tokens[t.first].sentence]
            # "وصل 3 آلاف شخص إلى المخيم قادمين من مناطق يسيطر عليها التنظيم في دير الزور": a
            # sentence that names the lead's place again keeps the news there
            again = any(m.key == found[0].key for m in reading.mention_spans.starting(told.first_token, told.last_token))
            if not again and any(_elsewhere(reading, m, found) for m in places):
                return []  # the news moved to another place since the lead
            break
    return found


def _lead_place(reading: EventReading, first) -> list[Mention]:
    """The narrowest place of the lead's events (or of the lead), at most one (:func:`lead_places`)."""
    seg = reading.doc
    found: list[Mention] = []
    for t in reading.triggers[:bisect_left(reading.triggers, first.last_token, key=lambda t: t.first)]:
        found += [m for r, m in own_places(reading, t, t.roles) if r == "place" and m.source != "kind"
                  and all(m.key != f.key for f in found) and not speakers_place(reading, m, t)]
    filed = dateline_places(reading)
    if not found:
        # "قال متحدث إن مخيم الهول في شمال شرق سوريا قد تضخم": the place the lead names, neither a
        # country nor a place its events take in another role ("تعهدت ميركل للعراق بتقديم الدعم")
        taken = {id(m) for t in reading.triggers[:bisect_left(reading.triggers, first.last_token, key=lambda t: t.first)]
                 for _, m in t.roles}
        found = [m for m in reading.mention_spans.starting(first.first_token, first.last_token)
                 if is_a(m.type, "Place") and m.source != "kind" and m.last_token <= first.last_token
                 and m.type != "Country" and id(m) not in taken and id(m) not in filed]
    if not found:
        return []
    town = _town_around(reading, found, first)
    if town is not None:
        return [town]
    # of the lead's places, the narrowest ("دخلت قسد مدينة الرقة، معقل داعش في سورية": al-Raqqa)
    drop = landmarks(reading, sorted(found, key=lambda m: m.first_token))
    found = [m for m in found if id(m) not in drop]
    drop = narrowest(reading, sorted(found, key=lambda m: m.first_token))
    found = [m for m in found if id(m) not in drop][:1]
    return found


def _opening_place(reading: EventReading, lead: int) -> list[Mention]:
    """"أعلنت الخلية تصفية 50 إرهابياً في قضاء القائم غربي الأنبار. وجاء في بيان ...": a text that
    opens with a sentence where no event was read, then tells its events without a place, is where
    that opening sentence says: its narrowest place, not a country (:func:`lead_places`)."""
    if lead == 0:
        return []
    seg = reading.doc
    first = seg.sentences[0]
    found = [m for m in reading.mention_spans.starting(first.first_token, first.last_token)
             if is_a(m.type, "Place") and m.source != "kind" and m.last_token <= first.last_token
             and m.type != "Country" and id(m) not in dateline_places(reading)]
    # each question asked once of the places, not once for each of them
    if found:
        references = reference_places(seg, reading.mentions)
        found = [m for m in found if id(m) not in references]
    if found:
        drop = landmarks(reading, found)
        found = [m for m in found if id(m) not in drop]
    if found:
        drop = narrowest(reading, found)
        found = [m for m in found if id(m) not in drop]
    return found[:1]


def _town_around(reading: EventReading, found: list[Mention], first) -> Mention | None:
    """"قتل شخص بانفجار لغم قرب مبنى الأمن في مدينة الرقة، فيما قتل ثلاثة في شارع المنصور وفي حي
    الرميلة بالمدينة": a lead whose events happen at several spots of one town or city it names
    tells the news of that town; what comes after (a toll, a sweep) is there, not at one of the
    spots. The spots (the town itself may be one) are known to lie in it, or are facilities (a
    street, a square, a building) not known to lie elsewhere."""
    spots = {m.key: m for m in found}
    if len(spots) < 2:
        return None
    towns = {m.key: m for m in reading.mention_spans.starting(first.first_token, first.last_token)
             if m.type in ("Town", "City") and m.source != "kind" and m.last_token <= first.last_token}
    if len(towns) != 1:
        return None
    town = next(iter(towns.values()))
    if reading.containers is None:
        reading.containers = place_containers(reading.doc, reading.mentions)
        reading.references = reference_places(reading.doc, reading.mentions)
    for m in spots.values():
        within = reading.containers.get(m.key, set())
        # a village or quarter that the text does not put in the town may lie outside it
        # ("جنوب مدينة منبج ... في قرية الكسرة"); a building, a street, a square lies in it
        if m.key != town.key and (size(m) != 0 or within) and town.key not in within:
            return None
    return town


def _elsewhere(reading: EventReading, m: Mention, lead: list[Mention]) -> bool:
    """Whether a place is away from the lead's: not one of them, not a wide region around them
    ("شمال سوريا" after "القامشلي" frames the same news), not known to lie in one of them. A
    governorate that holds the lead's town is other ground: the news has widened."""
    if any(m.key == p.key for p in lead):
        return False
    if m.type in ("Region", "Country") and m.source != "cue" and all(size(p) is not None and size(m) > size(p) for p in lead):
        return False
    if reading.containers is None:
        reading.containers = place_containers(reading.doc, reading.mentions)
        reading.references = reference_places(reading.doc, reading.mentions)
    within = reading.containers
    return not within.get(m.key, set()) & {p.key for p in lead}
