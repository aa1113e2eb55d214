"""Where an event is, from the wording around its places (used by :mod:`athar.read.setting`).

Of several places an event's clause gives, a place named only to say where another one lies
is a landmark, not where the event is ("مخيم الهول للنازحين شرقي الحسكة", "قريتي تل شاميرام وتل
هرمز الواقعتين في محيط بلدة تل تمر"), and a wider place beside a narrower one that the text does
not join to it by "و" is where the narrower one lies ("في سنجار شمال العراق"). An event whose clause
names no place is at the place a word of direction governs after it ("هجوم على معاقل قسد جنوب
مدينة منبج"), at a part of a place ("في القطاع الثالث من المخيم"), at the place named before a
pronoun of place in its clause ("سيطروا على بعض المناطق بها") or its object pronoun ("بعد أن
حررتها القوات"), at the place a relative clause describes ("حقل العمر، الذي سيطر عليه التنظيم") or
a noun stands in apposition to ("مدينة منبج، معقل التنظيم"), or where the event that frames it in
its sentence is ("شن هجوماً في محاولة لاستعادة مدينة عين العرب"). A paragraph opening with a word
of continuation ("وهذا يعني", "وأضاف") goes on with the one before. The words are data
(``lang/ar/placement.tsv``).
"""

from __future__ import annotations

from bisect import bisect_left

from athar.read.circumstance import purpose
from athar.read.clause import EventReading, Trigger, coordinated, marker_before
from athar.read.entity import COUNTRYSIDE_PART, _cue_matcher
from athar.read.function_words import function_affixes, function_words
from athar.read.language import Language
from athar.read.mentions import Mention, is_a
from athar.read.numbers import may_start_number
from athar.read.reference import countryside_direction
from athar.read.relations import place_containers, reference_places
from athar.read.placeword import _CLITICS, ROLES, TABLE, is_word, placement_words  # noqa: F401 -- re-exported
from athar.read.rules import trigger_forms
from athar.read.text import ARTICLE, HARAKAT, TA_MARBUTA, WAW, Doc, normalize_word


# How much ground a place covers, smallest first: a neighbourhood or an area a cue names ("حي
# النشوة", "منطقة تل زيدان") is as small as a village; a region the gazetteer knows ("شمال
# العراق") is wider than a governorate.
_SIZE = {
    "Facility": 0, "Hospital": 0, "School": 0, "ChildrenCentre": 0, "PowerStation": 0, "Road": 0,
    "Mosque": 0, "MilitaryBase": 0, "Bridge": 0, "Dam": 0,
    "Village": 1, "Camp": 1, "Town": 2, "City": 3, "District": 4, "Governorate": 5, "Region": 6,
    "Country": 7,
}
_MARBUTA = normalize_word(TA_MARBUTA)  # as normalization writes it
_NISBA = ("ي", "يه")  # the endings of a relative adjective, as normalization writes them ("العراقية")
_ON, _AWAY = normalize_word("على"), normalize_word("بعد")  # "على بعد 5 كم من": at a distance, a landmark




def size(m: Mention) -> int | None:
    """The ground a place covers (:data:`_SIZE`); None for what is no place."""
    if m.key.startswith(COUNTRYSIDE_PART) or countryside_direction(m):
        return _SIZE["District"]  # "الريف الشرقي", "ريف حمص الشرقي": wider than a city
    if m.type == "Region" and m.source == "cue":
        return 1  # "حي الجولان", "منطقة تل زيدان"
    return _SIZE.get(m.type)


# -- of several places, the event's own ---------------------------------------------

def landmarks(reading: EventReading, places: list[Mention]) -> set[int]:
    """The ids of the places among ``places`` (an event's, in text order) that the text names to
    say where another of them lies: after it in the sentence, with a word of direction or of
    location between ("X شرقي Y", "X الواقعة في محيط Y", "X (76 كم شمال غرب Y)"), or right after
    it and wider ("سنجار شمال العراق"); never one joined to it by "و"."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    out: set[int] = set()
    for k, b in enumerate(places):
        for a in places[:k]:
            if a.key == b.key or a.last_token > b.first_token or b.first_token - a.last_token > 10 \
                    or tokens[a.first_token].sentence != tokens[b.first_token].sentence:
                continue
            if coordinated(seg, a, b) or any(coordinated(seg, p, b) for p in places[:k] if p is not a):
                continue
            between = [t.text for t in tokens[a.last_token:b.first_token] if t.is_word]
            if reading.trigger_starts & set(range(a.last_token, b.first_token)):
                continue
            if any(w == _ON and nxt != _AWAY for w, nxt in zip(between, between[1:] + [""])):
                continue  # "سيطرت قوات تابعة لحكومة بغداد، على مركز قضاء سنجار": an object, not a landmark
            if _by_each(reading, a, b):
                continue  # "شمال وشرق مدينة تدمر وشمال قرية البصيري": by each, one not said of the other
            own = tokens[b.first_token].text  # "شمال العراق": the direction opens the name
            said = any(is_word(lang, "direction", w) or is_word(lang, "locator", w) for w in between)
            wider = size(a) is not None and size(b) is not None and size(b) > size(a)
            if said and not (between and between[-1].startswith(WAW) and not is_word(lang, "direction", between[-1])) \
                    or not between and wider and (b.source == "gazetteer" or is_word(lang, "direction", own)):
                out.add(id(b))
                break
    return out


def _by_each(reading: EventReading, a: Mention, b: Mention) -> bool:
    """Whether only words of direction, the first with "و", stand between two places ("جنوب مدينة
    الرقة وشرق مدينة دير الزور"): the event is by each, as places joined by "و" are."""
    tokens, lang = reading.doc.tokens, reading.doc.language
    between = [t.text for t in tokens[a.last_token:b.first_token]]
    return bool(between) and between[0].startswith(WAW) and is_word(lang, "direction", between[0][len(WAW):]) \
        and all(is_word(lang, "direction", w) for w in between)  # not "وسط", whose و is its own


def narrowest(reading: EventReading, places: list[Mention]) -> set[int]:
    """The ids of the places to drop so that the narrowest remain: of places the text does not
    join by "و" (or a comma and "و"), the wider ones lie around the narrowest ("ناحية القحطانية"
    and "محافظة نينوى" in one clause: the event is in the district)."""
    sized = [m for m in places if size(m) is not None and m.source != "kind"]  # "مستشفيات الرقة" stay
    if len(sized) < 2:
        return set()
    least = min(size(m) for m in sized)
    keep = [m for m in sized if size(m) == least]
    drop: set[int] = set()
    seg = reading.doc
    for m in sized:
        if size(m) == least:
            continue
        joined = any(coordinated(seg, a, b) or _by_each(reading, a, b) for a, b in zip(sized, sized[1:]) if m in (a, b))
        if not joined and keep:
            drop.add(id(m))
    return drop


# -- a place for an event whose clause names none -------------------------------------

def place_governed(reading: EventReading, trig: Trigger, stop: int, constraint: str) -> list[Mention]:
    """After the trigger, before ``stop`` (the next event or the sentence's end): the place a word
    of direction governs ("هجوماً جديداً على معاقل قسد جنوب مدينة منبج"), or the place "من" names
    after a part of it ("في القطاع الثالث من المخيم")."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    for m in reading.mention_spans.starting(trig.last, stop):
        if m.last_token > stop or not is_a(m.type, constraint) or m.source == "kind":
            continue
        j = m.first_token - 1
        if j >= trig.last and is_word(lang, "direction", tokens[j].text) and not tokens[j].text.startswith(WAW):
            while j - 1 >= trig.last and is_word(lang, "direction", tokens[j - 1].text):
                j -= 1
            # "في محافظة الرقة شمالي شرقي سوريا": the direction locates the place before it
            located = [p for p in reading.mention_spans.starting(max(trig.last, j - 8), j)
                       if p.last_token == j and is_a(p.type, constraint) and p.source != "kind"]
            if not located and _settlements_unnamed(seg, j - 1):
                return []  # "تحرير 3 قرى شمال شرق قضاء الحويجة": in villages that lie by al-Hawija
            return located[-1:] or [m]
        # "احتل ثلث مساحة العراق", "في أنحاء سوريا": a part of the place, the place its genitive
        if j >= trig.last and _part(lang, tokens[j].text) and not tokens[j].text.startswith(ARTICLE):
            return [m]
        # "في القطاع الثالث من المخيم": في, a part, at most two words, من
        if j >= trig.last and tokens[j].text == "من":
            words = [t.text for t in tokens[max(trig.last, j - 4):j]]
            for i, w in enumerate(words):
                # "في عدة مواقع من مدينة الرقة": a word of number may come before the part
                if w == "في" and any(_part(lang, p) for p in words[i + 1:i + 3]) and len(words) - i <= 4:
                    return [m]
    return []


def _settlements_unnamed(seg: Doc, j: int) -> bool:
    """Whether token j is the head noun of a settlement (cues.tsv: "قرى", "قريتين", "بلدة") that
    names none: the places of the event, which a direction after it only locates."""
    hit = _cue_matcher(seg.language).match_at(seg.tokens, j) if j >= 0 else None
    return hit is not None and hit[0] == 0 and is_a(hit[2][0], "Settlement")


def _part_of_it(lang: Language, word: str) -> bool:
    """Whether a word is a noun of part with the pronoun "ها" or "ه" ("أحيائها", "مناطقها", "أراضيه")."""
    if not word.endswith(("ها", "ه")) or len(word) < 6:
        return False
    stem = word[:-2] if word.endswith("ها") else word[:-1]
    return _part(lang, stem) or stem.endswith("ي") and _part(lang, stem[:-1] + "ء")  # "أحياء" + "ها"


def _part(lang: Language, word: str) -> bool:
    bare = word[len(ARTICLE):] if word.startswith(ARTICLE) else word
    return bare in placement_words(lang)["part"]


def place_pointed(reading: EventReading, trig: Trigger, stop: int, sentence, constraint: str) -> list[Mention]:
    """"وسيطروا على بعض المناطق بها", "يحتجز مدنيين هناك،": a pronoun or an adverb of place in the
    clause points to the place named last before the trigger, in its sentence or the one before."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    resumptive, there = placement_words(lang)["resumptive"], placement_words(lang)["there"]
    if not any(tokens[j].text in resumptive or tokens[j].text in there and (
            j + 1 >= len(tokens) or not tokens[j + 1].is_word or tokens[j + 1].sentence != tokens[j].sentence)
            for j in range(trig.last, stop)):
        return []
    floor = seg.sentences[sentence.index - 1].first_token if sentence.index > 0 else sentence.first_token
    named = reading.mention_spans.starting(floor, trig.first)
    before = [m for m in named if m.last_token <= trig.first and is_a(m.type, constraint) and m.source != "kind"
              and not any(o is not m and o.first_token <= m.first_token and m.last_token <= o.last_token for o in named)]
    # "مدينة الحسكة شمال شرقي سوريا وسيطروا على ... بها": the city
    far = landmarks(reading, before) | holding(reading, before)
    before = [m for m in before if id(m) not in far]
    return before[-1:]


def framed_by(reading: EventReading, trig: Trigger) -> list[Trigger]:
    """The events after this one in its sentence that frame it, nearest first: after a word of
    framing ("خلال معركة", "في محاولة لاستعادة", "انتهت بسيطرة"), with the lam of purpose
    ("تقاتل للسيطرة على"), a masdar right after it ("معركة السيطرة على الرقة"), or what it is
    done to ("هجوماً جديداً على معاقل قسد")."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    sentence = tokens[trig.first].sentence
    out = []
    for t in reading.triggers[bisect_left(reading.triggers, trig.last, key=lambda t: t.first):]:
        if t is trig:
            continue
        if tokens[t.first].sentence != sentence or t.first - trig.last > 20:
            break
        right_after = t.first == trig.last
        linked = any(is_word(lang, "link", tokens[j].text) for j in range(max(trig.last, t.first - 2), t.first))
        linked = linked and (t.first - trig.last <= 14 or tokens[t.first - 1].text in placement_words(lang)["link"])
        done_to = t.first - trig.last <= 3 and tokens[t.first - 1].text in placement_words(lang)["object"]
        if right_after or linked or done_to or purpose(lang, t) or _object_event(reading, trig, t) \
                or _area_described(reading, trig, t):
            out.append(t)
            break  # the nearest frame only; it may be framed in turn
    return out


def _area_described(reading: EventReading, trig: Trigger, t: Trigger) -> bool:
    """"قتل 15 مدنياً في غارات في مناطق واقعة تحت سيطرة التنظيم في محافظة الحسكة", "تقدمت القوات
    إلى داخل الأراضي التي يسيطر عليها التنظيم في محافظة دير الزور": an event at areas or villages it
    does not name, which the clause of the event after it describes (a relative pronoun, a word of
    witness or of where a place lies, two at most, between), is where that event is."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    j = t.first - 1
    between = 0
    while j > trig.last and between < 2 and (tokens[j].text in function_words(lang, "relative") or any(
            is_word(lang, role, tokens[j].text.removeprefix(ARTICLE)) for role in ("witness", "locator"))):
        j, between = j - 1, between + 1
    # "هجوماً على مناطق سيطرة النظام في ريف حمص": the areas of the control, its masdar right after them
    construct = not t.proclitic and (t.rule.pos == "noun" or _marbuta(seg, t.first))
    if j < trig.last or j == t.first - 1 and not construct \
            or not (_part(lang, tokens[j].text) or _settlements_unnamed(seg, j)):
        return False
    # the areas are the event's: governed by a preposition, as its place would be ("في مناطق", "على القرى"),
    # or the bare object of its word, a number at most before them ("غارات استهدفت أربع قرى واقعة تحت سيطرة")
    word = tokens[j].text
    before = tokens[j - 1].text if j - 1 >= trig.last else ""
    done_to = j == trig.last or j - 1 == trig.last and may_start_number(lang, before)
    return word[:1] in _CLITICS[:1] and len(word) > 4 or before in _GOVERNING or done_to


def _marbuta(seg: Doc, k: int) -> bool:
    """Whether token k ends in ة as the text writes it ("سيطرة": a masdar, which normalization
    writes as it writes the pronoun of "حرره")."""
    start, end = seg.norm.to_original(seg.tokens[k].start, seg.tokens[k].end)
    return seg.norm.original[start:end].rstrip(HARAKAT).endswith(TA_MARBUTA)


_GOVERNING = frozenset(normalize_word(w) for w in ("في", "على", "داخل", "إلى"))  # the words that govern an event's place


def _object_event(reading: EventReading, trig: Trigger, t: Trigger) -> bool:
    """"صدت قوات البشمركة، الجمعة، هجوماً شنه التنظيم على محافظة كركوك": a verb whose object is
    an event noun (bare, after only the subject and asides of time) is where that event is."""
    if trig.rule.pos != "verb" or t.rule.pos != "noun" or t.proclitic or t.first - trig.last > 10 \
            or trig.rule.event == "Statement":  # "أدانت المنظمة الهجوم على مستشفى في إدلب": said elsewhere
        return False
    seg = reading.doc
    tokens = seg.tokens
    covered = set()
    for m in reading.mention_spans.starting(trig.last, t.first):
        covered.update(range(m.first_token, m.last_token))
    for d in reading.date_spans.starting(tokens[trig.last].start, tokens[t.first].start):
        covered.update(j for j in range(trig.last, t.first) if d.start <= tokens[j].start and tokens[j].end <= d.end)
    for j in range(trig.last, t.first):
        if j - 1 in covered and tokens[j].text.startswith(ARTICLE) and tokens[j].text.endswith(_NISBA):
            covered.add(j)  # "قوات البشمركة العراقية": an adjective of the subject
    return all(j in covered or not tokens[j].is_word for j in range(trig.last, t.first))


def framing_places(reading: EventReading, trig: Trigger, depth: int = 0) -> list[Mention]:
    """The named places of the event that frames this one (:func:`framed_by`), or of the one that
    frames it in turn (two steps at most)."""
    for t in framed_by(reading, trig):
        places = [m for r, m in t.roles if r == "place" and m.source != "kind"]
        if places:
            return places
        if depth < 1:
            return framing_places(reading, t, depth + 1)
    return []


def landmark_pairs(doc: Doc, mentions: list[Mention]) -> list[tuple[str, str]]:
    """(place, landmark) keys of places the text locates by a word of direction or location right
    before the next place of the sentence: "قرى مراطة الصغرى، والشيخ مزهر، ومراطة الكبرى، شمال شرق
    مركز قضاء الحويجة" (the villages lie by al-Hawija)."""
    tokens, lang = doc.tokens, doc.language
    places = [m for m in mentions if m.type in _SIZE and m.source != "kind"]
    out = []
    for a, b in zip(places, places[1:]):
        if a.key == b.key or b.first_token < a.last_token or b.first_token - a.last_token > 12 \
                or tokens[a.first_token].sentence != tokens[b.first_token].sentence:
            continue
        j, said = b.first_token - 1, False
        while j >= a.last_token and (not tokens[j].is_word or tokens[j].is_number
                                     or is_word(lang, "direction", tokens[j].text) or is_word(lang, "locator", tokens[j].text)):
            said = said or tokens[j].is_word and not tokens[j].is_number
            j -= 1
        if said:
            out.append((a.key, b.key))
    return out


def place_described(reading: EventReading, trig: Trigger, stop: int, constraint: str) -> list[Mention]:
    """"بالقرب من حقل العمر النفطي، الذي سيطر عليه عناصر التنظيم": a trigger that opens a relative
    clause with a pronoun pointing back is about the place the clause describes."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    j = trig.first - 1
    # "حي الأعلام الذي تم استعادته": a masdar made passive, its pronoun the place
    light = j >= 1 and tokens[j].text in function_words(lang, "passive_light") and _pronoun_on(seg, trig)
    if light:
        j -= 1
    if j < 1 or tokens[j].text not in function_words(lang, "relative"):
        return []
    if not light and not any(tokens[i].text in placement_words(lang)["antecedent"]
                             for i in range(trig.last, min(stop, trig.last + 4))):
        return []
    j -= 1
    while j >= 0 and not tokens[j].is_word:  # "، الذي"
        j -= 1
    before = [m for m in reading.mention_spans.starting(max(0, j - 6), j + 1)
              if is_a(m.type, constraint) and m.source != "kind" and m.last_token - 1 <= j]
    # the noun the clause describes ends right before it, or an adjective after it does ("النفطي")
    near = [m for m in before if j - (m.last_token - 1) <= 1]
    # "مناطق جنوب غربي كركوك التي يسيطر عليها داعش": the areas, which Kirkuk only locates
    if near and near[-1].first_token > 0 and is_word(lang, "direction", tokens[near[-1].first_token - 1].text):
        return []
    return near[-1:]


def _pronoun_on(seg: Doc, trig: Trigger) -> bool:
    """Whether the trigger's first word is a trigger form with a pronoun suffix ("استعادته")."""
    word = seg.tokens[trig.first].text.removeprefix(trig.proclitic)
    forms = trigger_forms(seg.language)
    stems = {word[:-len(p)] for p in function_affixes(seg.language, "pronoun_suffix")
             if word.endswith(p) and len(word) > len(p) + 2}
    # "استعادة" + "ه" is written "استعادته": the ta marbuta opens before a suffix
    return any(s in forms or s.endswith("ت") and s[:-1] + _MARBUTA in forms for s in stems)


def place_in_apposition(reading: EventReading, trig: Trigger, constraint: str) -> list[Mention]:
    """"مدينة منبج، معقل التنظيم المحاصر": a noun standing after a place and a comma says what
    the place is: its event is there."""
    seg = reading.doc
    tokens = seg.tokens
    j = trig.first - 1
    if trig.rule.pos != "noun" or j < 1 or tokens[j].text not in ("،", ","):
        return []
    return [m for m in reading.mention_spans.starting(max(0, j - 6), j)
            if m.last_token == j and is_a(m.type, constraint) and m.source != "kind"]


def continues(doc: Doc, sentence) -> bool:
    """Whether a sentence opens with a word that continues the paragraph before ("وهذا يعني",
    "وأضاف")."""
    return sentence.first_token < len(doc.tokens) and \
        doc.tokens[sentence.first_token].text in placement_words(doc.language)["continuation"]


def place_referred(reading: EventReading, trig: Trigger, sentence, constraint: str) -> list[Mention]:
    """"قاعدة القائم ... بعد أن حررتها القوات العراقية", "مدينة الرقة بعد تحريرها من التنظيم": a
    verb with the pronoun "ها" as its object, or a masdar with it not followed by "على" (in
    "سيطرتها على" the pronoun is who took control), is done to the place named last before it,
    in its sentence or the one before."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    word = tokens[trig.last - 1].text
    # "تحرير أحيائها الشرقية": an object that is a part of the place the pronoun points to
    after = trig.last + (trig.last < len(tokens) and is_word(lang, "whole", tokens[trig.last].text))  # "كامل أراضيه"
    part = after < len(tokens) and _part_of_it(lang, tokens[after].text)
    if not part and (not word.endswith("ها") or trig.rule.pos not in ("verb", "noun") or len(word) < 5):
        return []
    if not part and trig.rule.pos == "noun" and trig.last < len(tokens) \
            and tokens[trig.last].text in placement_words(lang)["object"]:
        return []
    constraint = next((c for r, c in trig.rule.slots.get("obj", ()) if r == "place"), constraint)  # its object
    floor = seg.sentences[sentence.index - 1].first_token if sentence.index > 0 else sentence.first_token
    named = reading.mention_spans.starting(floor, trig.first)
    before = [m for m in named if m.last_token <= trig.first and is_a(m.type, constraint) and m.source != "kind"
              and not any(o is not m and o.first_token <= m.first_token and m.last_token <= o.last_token for o in named)]
    far = landmarks(reading, before) | holding(reading, before)
    before = [m for m in before if id(m) not in far]
    return before[-1:]


def holding(reading: EventReading, places: list[Mention]) -> set[int]:
    """The ids of the places among ``places`` (in text order) named a few words after another of
    them in its sentence that they hold, as the text or the gazetteer says ("استعادة مدينة الموصل،
    ثاني أكبر مدينة في العراق، وتحريرها"): a pronoun points to the place the news is about, not to
    the wider one named to say where it lies."""
    if len(places) < 2:
        return set()
    if reading.containers is None:
        reading.containers = place_containers(reading.doc, reading.mentions)
        reading.references = reference_places(reading.doc, reading.mentions)
    tokens = reading.doc.tokens
    return {id(b) for k, b in enumerate(places) for a in places[:k]
            if b.key in reading.containers.get(a.key, set()) and 0 <= b.first_token - a.last_token <= _NEAR
            and tokens[a.first_token].sentence == tokens[b.first_token].sentence}


_NEAR = 8  # words from a place to the wider one that says where it lies


def place_witnessed(reading: EventReading, trig: Trigger, sentence, constraint: str) -> list[Mention]:
    """"وشهدت مدينة الموصل معارك ضارية", "رأس العين، والتي تخضع لسيطرة الجيش الوطني", "وبقيت
    الموصل ... تحت سيطرة التنظيم": an event noun that a place witnesses or undergoes (a word of
    the role "witness" right before it) is at that place: the one named between the word and the
    noun, the one a relative pronoun or a participle with the article before the word describes
    (the narrowest of the places right before it), or else the sentence's subject before the word
    (the nearest place no preposition governs)."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    places = [m for m in reading.mention_spans.starting(sentence.first_token, trig.first)
              if m.last_token <= trig.first and is_a(m.type, constraint) and m.source != "kind"]
    j = trig.first - 1
    between = [m for m in places if m.last_token == trig.first]
    if between and is_word(lang, "witness", tokens[between[-1].first_token - 1].text):
        return between[-1:]  # "شهدت مدينة الموصل معارك"
    if j > sentence.first_token and is_word(lang, "degree", tokens[j].text) and is_word(lang, "witness", tokens[j - 1].text):
        j -= 1  # "والذي يعد آخر معاقل التنظيم"
    if j < sentence.first_token or not is_word(lang, "witness", tokens[j].text):
        return []
    relative = function_words(lang, "relative")
    k = j - 1
    text = tokens[j].text
    described = text.startswith(ARTICLE) or text[:1] in _CLITICS and text[1:].startswith(ARTICLE)
    if not described and k >= sentence.first_token and (
            tokens[k].text in relative or tokens[k].text[:1] == WAW and tokens[k].text[1:] in relative
            or tokens[k].text.startswith(ARTICLE) and is_word(lang, "locator", tokens[k].text)):  # "الواقعة تحت"
        described, k = True, k - 1
    if described:
        while k >= sentence.first_token and not tokens[k].is_word:
            k -= 1
        # the noun phrase before the relative: its places back to the event before it
        floor = max(sentence.first_token, k - 12, *(t.last for t in reading.triggers if t.last <= k + 1))
        near = [m for m in places if floor <= m.first_token and m.last_token <= k + 1]
        if not near or near[-1].last_token < k:
            return []
        drop = landmarks(reading, near)
        near = [m for m in near if id(m) not in drop]
        drop = narrowest(reading, near)
        return [m for m in near if id(m) not in drop]
    subjects = [m for m in places if m.last_token <= j and not marker_before(seg, m, sentence.first_token, [])
                and j - m.last_token <= 25]
    return subjects[-1:]
