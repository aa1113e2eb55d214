"""Where an event is, from the other things its clause names (used by :mod:`athar.read.setting`):
a place a word of direction governs after the trigger only says where the place before it lies
("العديد من القرى بقضاء القيارة جنوبي الموصل"); a facility that is the bare object of an event
is what the event is done to, and the event is at the place named after it ("استهدفت سجن التسفيرات
وسط مدينة كركوك"); a meeting named by a place is held there ("مؤتمر الكويت الدولي"); a wide place
a phrase of support governs says where the helper works ("بدعم من المنظمات الدولية ... في شمال
وشرق سوريا"); a wide place frames the narrower one the sentence names after it ("في دير الزور في
بلدة الموحسن"). The words are :mod:`athar.read.placement`'s (``lang/ar/placement.tsv``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from athar.read.clause import EventReading, Trigger, coordinated, marker_before
from athar.read.entity import is_nisba
from athar.read.function_words import function_word
from athar.read.mentions import Mention, is_a
from athar.read.location import measured_from_unnamed
from athar.read.placement import _SIZE, is_word, size
from athar.read.relations import place_containers, reference_places
from athar.read.rules import MARKER_BA, marker_ends
from athar.read.text import ARTICLE, COMMAS, WAW, Doc, normalize_word


def place_located(reading: EventReading, trig: Trigger, m: Mention) -> Mention | None:
    """"حررت القوات العديد من القرى بقضاء القيارة جنوبي الموصل": a place a word of direction governs
    only says where the place right before that word lies; after the trigger (or before it in its
    sentence), that place is the event's (None when no place ends right before the word)."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    # before the trigger, from its sentence's start ("تفجير في مدينة الصدر شرقي بغداد وأسفر عن استشهاد")
    floor = trig.last if m.first_token >= trig.last else seg.sentences[tokens[trig.first].sentence].first_token
    j = m.first_token - 1
    if j <= floor or not is_word(lang, "direction", tokens[j].text) or tokens[j].text.startswith(WAW):
        return None
    while j - 1 >= floor and is_word(lang, "direction", tokens[j - 1].text):
        j -= 1
    located = [p for p in reading.mention_spans.starting(max(floor, j - 8), j)
               if p.last_token == j and is_a(p.type, "Place") and p.source != "kind"
               and tokens[p.first_token].sentence == tokens[m.first_token].sentence]
    return located[-1] if located else None


def facility_done_to(reading: EventReading, trig: Trigger, roles) -> tuple[Mention, list[Mention]] | None:
    """"استهدفت سجن التسفيرات وسط مدينة كركوك", "دمرت الغارات مستودعاً قرب مطار دمشق": a facility
    that is the bare object of an event that takes a target is what the event is done to, and the
    event is at the place named right after it, linked by a word of direction or location or by
    "في"/"بـ" (none when no place follows). None when no facility is the object."""
    slots = trig.rule.slots
    if not any(r == "target" for choices in slots.values() for r, _ in choices) or any(r == "target" for r, _ in roles):
        return None
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    sentence = tokens[trig.first].sentence
    for r, m in roles:
        if r != "place" or not is_a(m.type, "Facility") or m.first_token < trig.last or m.source == "anaphor" \
                or tokens[m.first_token].sentence != sentence or marker_before(seg, m, trig.last, []):
            continue
        for p in reading.mention_spans.starting(m.last_token, min(len(tokens), m.last_token + 8)):
            if not is_a(p.type, "Place") or is_a(p.type, "Facility") or p.source == "kind" \
                    or tokens[p.first_token].sentence != sentence:
                continue
            between = [t.text for t in tokens[m.last_token:p.first_token] if t.is_word and not t.is_number]
            linked = all(is_word(lang, "direction", w) or is_word(lang, "locator", w) or w == _IN
                         or is_word(lang, "title", w) for w in between)  # "وسط العاصمة بغداد"
            return (m, [p]) if linked or p.marker in (_IN, _BI) else (m, [])
        return m, []
    return None


_IN, _BI = normalize_word("في"), "ب"  # "في مدينة كركوك", "بمدينة كركوك": where a facility lies


def place_hosting(reading: EventReading, trig: Trigger) -> Mention | None:
    """"مؤتمر الكويت الدولي لإعادة إعمار العراق", "قمة بغداد": a meeting named by a place, in the
    genitive right after its noun (a word of the role "host"), is held there; None otherwise, and
    when places joined by "و" follow ("اجتماع العراق وتركيا" names who meet)."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    if trig.last >= len(tokens) or not is_word(lang, "host", tokens[trig.last - 1].text):
        return None
    named = [m for m in reading.mention_spans.starting(trig.last, trig.last + 1)
             if is_a(m.type, "Place") and m.source != "kind" and not is_a(m.type, "Facility")]
    if not named:
        return None
    m = max(named, key=lambda m: m.last_token)
    if m.last_token < len(tokens) and tokens[m.last_token].text.startswith(WAW):
        return None
    return m


def supporters_places(reading: EventReading, trig: Trigger, places: list[Mention], done_to: frozenset[int] = frozenset()
                       ) -> set[int]:
    """The ids of the wide places (a governorate or wider) after the trigger that a phrase of
    support governs, with no comma or event between ("تأهيل المستشفى بدعم من المنظمات الدولية
    للجنة الصحة في شمال وشرق سوريا"): they say where the helper works, not where the event is; any
    place that names a backer (:func:`backer`) or that a place no name gives is measured from. Nor
    past what the event was done to (``done_to``: the first tokens of its target and victims): "قتلت
    القوات بإسناد من الطيران 21 من مسلحي التنظيم في محافظة الأنبار" goes on with the verb's object
    after the phrase, and the place is the killing's."""
    seg = reading.doc
    tokens, phrases = seg.tokens, marker_ends(seg.language)[1]
    # "في منطقة تقع على بعد 200 كيلومتر شمال بغداد": Baghdad is measured from, asked of each place
    # alone (the text's every mention once an event made long text cost the square of its events)
    out: set[int] = {id(m) for m in places
                     if backer(seg, m) or (is_a(m.type, "Place") and measured_from_unnamed(seg, m))}
    for m in places:
        if id(m) in out or m.first_token < trig.last or (size(m) or 0) < _SIZE["Governorate"]:
            continue  # "بدعم من اليونيسف في مدينة الرقة" may say where the event is
        for j in range(m.first_token - 1, trig.last - 1, -1):
            if tokens[j].text in COMMAS or j in reading.trigger_starts or j in done_to:
                break
            if any(phrases.get(tuple(seg.texts[j:j + k])) == "support" for k in (1, 2, 3)):
                out.add(id(m))
                break
    return out


_FROM = normalize_word("من")


def backer(seg: Doc, m: Mention) -> bool:
    """Whether a place names who backs a side: right after a participle of backing and "من" ("قوات
    المعارضة المدعومة من تركيا", "جماعات مدعومة من إيران"), or with ب right after it ("مدعومة
    بقوات تركية" names forces, "مدعومة بتركيا" the state)."""
    tokens, lang = seg.tokens, seg.language
    j = m.first_token - 1
    if j >= 1 and tokens[j].text == _FROM:
        return is_word(lang, "backed", tokens[j - 1].text)
    return j >= 0 and m.marker == MARKER_BA and is_word(lang, "backed", tokens[j].text)


def place_during(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"دارت اشتباكات عنيفة في قرية الحمرا، قتل خلالها خمسة مسلحين": an event said to happen during
    another by a word of framing with a pronoun right after its trigger ("خلالها", "أثناءه") is where
    the nearest event before it in its sentence that names a place is."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    if not any(is_word(lang, "during", tokens[j].text) for j in range(trig.last, min(trig.last + 2, len(tokens)))):
        return []
    sentence = tokens[trig.first].sentence
    for p in reversed(reading.previous):
        if tokens[p.first].sentence != sentence:
            break
        places = [m for r, m in p.roles if r == "place" and m.source != "kind"]
        if places:
            return places
    return []


def place_titled(reading: EventReading, trig: Trigger, stop: int, constraint: str) -> list[Mention]:
    """"قتل ثلاثة مدنيين في العاصمة دمشق", "عقد اجتماعاً في العاصمة الأردنية عمان": a place after
    the trigger, before ``stop``, named after a word that says what it is (placement.tsv title) and
    its relative adjectives, governed by "في" or a ب on the title word, is where the event is."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    locative = function_word(lang, "locative")
    for m in reading.mention_spans.starting(trig.last, stop):
        if m.last_token > stop or not is_a(m.type, constraint) or m.source == "kind" or m.marker:
            continue
        j = m.first_token - 1
        while j > trig.last and tokens[j].text.startswith(ARTICLE) and is_nisba(tokens[j].text) \
                and not is_word(lang, "title", tokens[j].text):
            j -= 1  # "العاصمة الأردنية عمان": what the capital is of
        if j < trig.last or not is_word(lang, "title", tokens[j].text):
            continue
        word = tokens[j].text
        if word[0] == MARKER_BA and not word.startswith(ARTICLE) or j - 1 >= trig.last and tokens[j - 1].text == locative:
            return [m]
    return []


_EXPELLED = 6  # words from a word of expelling to the "من" of the place


def place_expelled(reading: EventReading, trig: Trigger, stop: int, constraint: str) -> list[Mention]:
    """"حملة للتحالف لطرد تنظيم الدولة من الرقة": an event whose clause goes on with a word of
    expelling (placement.tsv expel) a few words on, no comma between, is where the place after its
    "من" is, the ground to be cleared of the group (before ``stop``)."""
    seg = reading.doc
    tokens, lang = seg.tokens, seg.language
    for j in range(trig.last, min(stop, trig.last + _EXPELLED + 2)):
        if tokens[j].text in COMMAS:
            return []
        if not is_word(lang, "expel", tokens[j].text):
            continue  # "حملة للتحالف الذي تقوده الولايات المتحدة لطرد": past the doer and its leader
        for m in reading.mention_spans.starting(j + 1, min(stop, j + 1 + _EXPELLED)):
            if is_a(m.type, constraint) and m.source != "kind" and not m.marker and m.last_token <= stop \
                    and tokens[m.first_token - 1].text == _FROM:
                return [m]
        return []
    return []


# -- a wide place that frames a narrower one ----------------------------------------------

def frame_narrowed(reading: EventReading, trig: Trigger, sentence, roles):
    """"أعدم التنظيم 15 رجلاً في سوريا، خلال 24 ساعة في عدة مناطق بمحافظة دير الزور", "قتل جنديان
    في دير الزور في بلدة الموحسن": an event its clause puts in a wide place is at the place in it
    that its sentence names after, governed by "في" or "ب", before the next event or "أن" (a
    country), or right after it (any wider place): the wide place frames it. Not a statement: who
    speaks in a country says where they speak."""
    named = [m for r, m in roles if r == "place" and m.source != "kind"]
    if not named or trig.rule.event == "Statement":
        return roles
    seg = reading.doc
    k = bisect_right(reading.triggers, trig.first, key=lambda t: t.first)
    stop = min(reading.triggers[k].first, sentence.last_token) if k < len(reading.triggers) else sentence.last_token
    openers = reading.index.openers  # "قالت ممثلة البرنامج في العراق إن النزاع في الموصل": other words
    n = bisect_left(openers, trig.last)
    stop = min(stop, openers[n]) if n < len(openers) else stop
    if reading.containers is None:
        reading.containers = place_containers(seg, reading.mentions)
        reading.references = reference_places(seg, reading.mentions)
    locative = (function_word(seg.language, "locative"), MARKER_BA)
    keys = {m.key for m in named}
    # a country frames the place in it named a few words on; a narrower place frames only one right after
    countries = all(m.type == "Country" for m in named)
    after = max(trig.last, *(m.last_token for m in named))
    found: list[Mention] = []
    for m in reading.mention_spans.starting(after, stop):
        if m.last_token > stop or not is_a(m.type, "Place") or m.source == "kind" or m.type == "Country" \
                or m.key in keys:
            continue
        if found and coordinated(seg, found[-1], m):
            found.append(m)
        elif found:
            break
        elif marker_before(seg, m, after, []) in locative and (countries and reading.containers.get(m.key, set()) & keys
                                                               or zoomed(seg, named[-1], m)):
            found.append(m)
    if not found:
        return roles
    wide = set().union(*(reading.containers.get(m.key, set()) for m in found)) & keys
    wide |= {named[-1].key} if zoomed(seg, named[-1], found[0]) else set()
    return [(r, m) for r, m in roles if r != "place" or m.source == "kind" or m.key not in wide] \
        + [("place", m) for m in found]


def zoomed(seg: Doc, wide: Mention, m: Mention) -> bool:
    """"في دير الزور في بلدة الموحسن": a narrower place right after a wider one, a comma at most
    between, brought in by its own preposition."""
    between = [t.text for t in seg.tokens[wide.last_token:m.first_token]]
    return is_wider(wide, [m]) and (between in ([], [COMMAS[0]]) and m.marker == MARKER_BA
                                  or between in ([function_word(seg.language, "locative")],
                                                 [COMMAS[0], function_word(seg.language, "locative")]))


def is_wider(m: Mention, places: list[Mention]) -> bool:
    """Whether a place is wider than each of ``places`` (:func:`size`)."""
    return size(m) is not None and all(size(p) is not None and size(m) > size(p) for p in places)
