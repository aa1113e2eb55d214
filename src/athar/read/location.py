"""Where places lie: the pairs of places the text says one lies in the other, read from the words
between them (relations.tsv's locatedIn and contains), and what the events' rules ask of them (the
places named only to say where another is, every place's containers).

Split from :mod:`athar.read.relations`, which makes the locatedIn facts of these pairs.
"""

from __future__ import annotations

from dataclasses import replace

from athar.read.function_words import function_word, function_words
from athar.read.lexicon import check_choice
from athar.read.memo import of_mentions
from athar.read.containment import containment_words, may_lie_in
from athar.read.side import SIDE_PART
from athar.read.entity import COUNTRYSIDE_PART, _cue_matcher, is_nisba, modifier
from athar.read.mentions import Mention, gazetteer, is_a
from athar.read.reference import countryside_direction
from athar.read.rules import MARKER_BA
from athar.read.text import ARTICLE, COMMA, LAM, NAME_MARKS, WAW, Doc
from athar.read.language import Language, language_data


_RANK = {
    "Facility": 0, "Hospital": 0, "School": 0, "ChildrenCentre": 0, "PowerStation": 0, "Road": 0,
    "Mosque": 0, "MilitaryBase": 0, "Bridge": 0, "Dam": 0,
    "Village": 1, "Town": 1.5, "Camp": 1, "City": 2, "District": 3, "Governorate": 4, "Region": 5,
    "Country": 6,
}
_ADMINISTRATIVE = ("District", "Governorate")  # cues that name a place at their level ("قضاء الحويجة")


_KINDS = ("locatedIn", "contains", "memberOf", "describing", "led", "comprising", "part", "body", "office", "rank",
          "origin")


@language_data
def _tables(lang: Language) -> dict[str, dict[tuple[str, ...], bool]]:
    """relations.tsv: relation -> the words between two mentions that say it -> whether they say
    it outright."""
    out: dict[str, dict[tuple[str, ...], bool]] = {k: {} for k in _KINDS}
    for row in lang.table("relations.tsv", ("relation", "forms", "explicit")):
        kind = check_choice(row, "relation", _KINDS)
        explicit = check_choice(row, "explicit", ("yes", "no")) == "yes"
        if kind != "locatedIn" and not explicit:
            raise row.fail(f"the words of {kind} say it outright: explicit must be yes")
        for f in row.forms("forms"):
            out[kind][tuple(f.split())] = explicit
    return out


def _connectors(lang: Language) -> dict[tuple[str, ...], bool]:
    """The words between two places that say the first lies in the second -> whether they say
    it outright (the places may then be as large as each other)."""
    return _tables(lang)["locatedIn"]


@language_data
def _directions(lang: Language) -> frozenset[str]:
    """The direction words of the connectors ("شمال", "شرقي"): a place named from one
    ("شمالي العراق") right after another holds it."""
    return frozenset(k[0] for k, explicit in _connectors(lang).items() if len(k) == 1 and not explicit
                     and k[0] not in ("(", "ريف", "بريف", "قرب"))



def _between(seg: Doc, a: Mention, b: Mention) -> tuple[str, ...]:
    """The words between two mentions, quotes left out, and a ل or ب on the second as the last word
    ("التابعة لبلدة العلم": "التابعة ل"; "الفرقة 16 بالجيش العراقي": "ب")."""
    between = tuple(t.text for t in seg.tokens[a.last_token:b.first_token] if t.text not in NAME_MARKS)
    return between + (b.marker,) if b.marker in _JOINED else between


_JOINED = (LAM, "ب")  # the prepositions written on the second mention that relations.tsv reads


def _next_pairs(seg: Doc, mentions: list[Mention]):
    """Mentions of one sentence in a row (the second after the first ends), not of one entity."""
    for a, b in zip(mentions, mentions[1:]):
        if a.key != b.key and b.first_token >= a.last_token \
                and seg.tokens[a.first_token].sentence == seg.tokens[b.first_token].sentence:
            yield a, b



def _contained(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """A place and one that lies in it, named after it: "محافظة نينوى وكبرى مدنها الموصل"
    (relations.tsv contains): (smaller, larger), the second first."""
    places = [m for m in mentions if m.type in _RANK and m.source != "kind"]
    words, rank = _tables(seg.language)["contains"], _ranker(seg)
    return [(b, a) for a, b in _next_pairs(seg, places)
            if _between(seg, a, b) in words and rank(b) <= rank(a)]


def located_pairs(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """The places the text says lie in the place right after them ("قرية الياشلي شمال غرب مدينة
    منبج", "مخيم الهول بريف الحسكة"), or in the place before them ("محافظة نينوى وكبرى مدنها
    الموصل"): (smaller, larger) pairs, in text order of the first named."""
    # asked by the relations and, through place_containers, by several rules of the events: once
    return list(of_mentions(seg, "located_pairs", mentions,
                            lambda: _place_pairs(seg, mentions) + _contained(seg, mentions)))


def reference_places(seg: Doc, mentions: list[Mention]) -> set[int]:
    """The ids of the places (of ``mentions``) the text names only to say where the place before
    them is: the larger place it lies in, or a landmark of any size ("شمالي محافظة صلاح الدين شمال
    بغداد"); of a place with its other name in brackets, its first name."""
    return set(of_mentions(seg, "reference_places", mentions, lambda: _reference_places(seg, mentions)))


def _reference_places(seg: Doc, mentions: list[Mention]) -> set[int]:
    first_name = _named_places(seg, mentions)[1]
    return {id(first_name.get(id(b), b)) for _, b in _place_pairs(seg, mentions, ranked=False)} \
        | measured_unnamed(seg, mentions)


def measured_unnamed(seg: Doc, mentions: list[Mention]) -> set[int]:
    """The ids of the places a place no name gives is measured from ("في منطقة تقع على بعد مئتي
    كيلومتر شمال بغداد"): named only to say where that place is, as after a named one."""
    return set(of_mentions(seg, "measured_unnamed", mentions, lambda: _measured_unnamed(seg, mentions)))


def _measured_unnamed(seg: Doc, mentions: list[Mention]) -> set[int]:
    return {id(b) for b in mentions if is_a(b.type, "Place") and measured_from_unnamed(seg, b)}


def measured_from_unnamed(seg: Doc, b: Mention) -> bool:
    """Whether the place ``b`` is what a place no name gives is measured from (see
    :func:`measured_unnamed`): the words before it alone, so that asking of one place costs its
    window, not the text's mentions."""
    if not containment_words(seg.language)["unnamed"]:
        return False
    key = (_MEASURED, b.first_token)  # the words before the place only: once a text for each place
    found = seg.memo.get(key)
    if found is None:
        unnamed, texts = _unnamed_words(seg.language), seg.texts
        found = seg.memo[key] = any(texts[j] in unnamed and _measures(seg, j + 1, b.first_token)
                                    for j in range(max(0, b.first_token - _MEASURE - 5), b.first_token))
    return found


_MEASURED = "measured from unnamed"  # the answers' key in Doc.memo


@language_data
def _unnamed_words(lang: Language) -> frozenset[str]:
    """containment.tsv's one-word nouns of a place no name gives ("منطقة"): the words
    :func:`measured_from_unnamed` looks for."""
    return frozenset(w[0] for w in containment_words(lang)["unnamed"] if len(w) == 1)


def _named_places(seg: Doc, mentions: list[Mention]):
    """The places ``mentions`` name, in text order, a place with its other name in brackets after
    it as one ("مدينة عين العرب (كوباني)", a new mention over both); each such place's first name
    (by the id of the new mention); and the place the name of a facility holds ("مستشفى الطبقة"),
    by the facility's id. Worked out once for the same mentions and kept with them, so that the
    new mentions live, and their ids name them, while the text is read."""
    return of_mentions(seg, "named_places", mentions, lambda: _gather_places(seg, mentions))


def _gather_places(seg: Doc, mentions: list[Mention]):
    places: list[Mention] = []
    first_name: dict[int, Mention] = {}
    inner: dict[int, Mention] = {}
    for m in mentions:  # in text order, the longer first
        if m.type not in _RANK:
            continue
        if places and places[-1].start <= m.start and m.end <= places[-1].end:
            inner.setdefault(id(places[-1]), m)
        elif places and _bracketed(seg, places[-1], m):
            # "مدينة عين العرب (كوباني) في ريف حلب": the place's other name, in brackets, is part of it
            named = first_name.get(id(places[-1]), places[-1])
            places[-1] = replace(places[-1], last_token=m.last_token + 1, end=seg.tokens[m.last_token].end)
            first_name[id(places[-1])] = named
        else:
            places.append(m)
    return places, first_name, inner


def _place_pairs(seg: Doc, mentions: list[Mention], ranked: bool = True) -> list[tuple[Mention, Mention]]:
    """Two places in a row joined by words of relations.tsv ("X شرق Y", "X الواقعة في Y"), the
    first smaller (``ranked``), and the places coordinated before the first ("بلدتي السوسة
    والباغوز بريف دير الزور"); not ``ranked``: every place named to say where the one before is,
    a place a distance is measured from as well."""
    out = []
    places, _, inner = _named_places(seg, mentions)
    coordinated: list[Mention] = []  # the places joined to ``a`` by "و" or a comma, before it
    _rank = _ranker(seg)
    # the mentions of no place, by their first token: "آخر معاقل التنظيم" between two places
    others = {m.first_token: m.last_token for m in mentions if m.type not in _RANK}
    for a, b in zip(places, places[1:]):
        if b.first_token < a.last_token or seg.tokens[a.first_token].sentence != seg.tokens[b.first_token].sentence:
            coordinated = []
            continue
        explicit = _joined(seg, a, b, others)
        if not ranked:
            if (explicit is not None or _measured_from(seg, a, b)) and a.key != b.key:
                out.append((a, b))
            continue
        if explicit is not None and a.key != b.key and may_lie_in(_rank(a), _rank(b), explicit, _RANK):
            # a place named again right after it ("الباغوز، البلدة الواقعة على ..."): its first name
            firsts: dict[str, Mention] = {}
            for c in coordinated + [a]:
                firsts.setdefault(c.key, c)
            for c in firsts.values():
                # the facility, and the place it is named after when the words say so outright
                # ("مستشفى الطبقة في محافظة الرقة"; "مصفاة بيجي شمال تكريت" says nothing of Baiji)
                for d in (c, inner.get(id(c)) if explicit else None):
                    if d is not None and d.key != b.key and may_lie_in(_rank(d), _rank(b), explicit, _RANK):
                        out.append((d, b))
            coordinated = []
        elif _coordinated(seg, a, b, _rank):
            coordinated = coordinated + [a]
        else:
            coordinated = []
    return out


_MEASURE = 4  # words of a distance between its verb and the place it is measured from ("80 كيلومترا جنوبي")


def _measured_from(seg: Doc, a: Mention, b: Mention) -> bool:
    """Whether the words between places ``a`` and ``b`` measure how far ``a`` is from ``b``
    (containment.tsv distance): "بلدة المسيب التي تبعد 80 كيلومترا جنوبي بغداد". ``b`` is then
    named only to say where ``a`` is (a landmark, no place of what happens in ``a``), and ``a``
    need not lie in it: no locatedIn."""
    return _measures(seg, a.last_token, b.first_token)


def _measures(seg: Doc, start: int, end: int) -> bool:
    """Whether the words from token ``start`` to ``end`` measure a distance (containment.tsv)."""
    words = [t.text for t in seg.tokens[start:end] if t.text not in NAME_MARKS]
    if not words or words[0] not in _distance_heads(seg.language):
        return False  # no phrase of a distance starts the words
    for phrase in containment_words(seg.language)["distance"]:
        n = len(phrase)
        if tuple(words[:n]) == phrase and len(words) - n <= _MEASURE:
            return True
    return False


@language_data
def _distance_heads(lang: Language) -> frozenset[str]:
    """The first words of containment.tsv's phrases of a distance."""
    return frozenset(phrase[0] for phrase in containment_words(lang)["distance"])


def _bracketed(seg: Doc, a: Mention, m: Mention) -> bool:
    """Whether ``m`` names place ``a`` again in brackets right after it ("عين العرب (كوباني)")."""
    tokens = seg.tokens
    return m.key == a.key and m.first_token == a.last_token + 1 and tokens[a.last_token].text == "(" \
        and m.last_token < len(tokens) and tokens[m.last_token].text == ")"


def _ranker(seg: Doc):
    """How large a place is: an area or a neighbourhood a cue word introduces ("حي المشلب",
    "منطقة الستمية") is as small as a village, a region the gazetteer knows is large; a known
    place its cue names at a larger level ("قضاء الحويجة": the district, not the town) is that large,
    but a subdistrict (containment.tsv) is smaller than a city: "ناحية القيارة جنوب الموصل"."""
    cues = _cue_matcher(seg.language)
    below_city = containment_words(seg.language)["subdistrict"]

    def rank(m: Mention) -> float:
        if countryside_direction(m) or m.key.startswith(COUNTRYSIDE_PART):
            return _RANK["District"]  # "ريف دير الزور الشرقي", "الريف الشرقي": larger than a city
        if m.key.startswith(SIDE_PART):  # "الجانب الغربي من مدينة الرمادي": smaller than a city
            return (_RANK["Town"] + _RANK["City"]) / 2
        if m.type == "Region" and m.source == "cue":
            return 1
        own = _RANK[m.type]
        if m.source == "cue":
            hit = cues.match_at(seg.tokens, m.first_token)
            if hit is not None and hit[2][0] in _ADMINISTRATIVE:
                word = seg.tokens[m.first_token].text[hit[0]:]
                if (word,) in below_city:  # between a town and a city: a village may lie in it
                    return (_RANK["Town"] + _RANK["City"]) / 2
                return max(own, _RANK[hit[2][0]])
        return own
    return rank


_LIST_MARKS = NAME_MARKS | {"(", ")", "/"}  # the marks around the names of a list


def _joined(seg: Doc, a: Mention, b: Mention, others: dict[int, int] | None = None) -> bool | None:
    """Whether the words between places ``a`` and ``b`` say that ``a`` lies in ``b``: None when
    they do not, else whether they say it outright (relations.tsv)."""
    tokens, lang = seg.tokens, seg.language
    k = _described(seg, a.last_token, b.first_token, others or {})
    between = [t.text for t in tokens[k:b.first_token] if t.text not in NAME_MARKS]
    # the first place's description: "مدينة الباب الاستراتيجية", "ذات الغالبية الكردية"
    while between and _adjective(lang, between[0]):
        between = between[1:]
    if between and between[0].startswith(WAW) and between[0].endswith(_POSSESSIVE) and len(between[0]) > 4:
        between = between[1:]  # "مسجد النوري الكبير ومنارته التاريخية في الموصل": and a part of it
        while between and _adjective(lang, between[0]):
            between = between[1:]
    if len(between) > 3 and between[0] in _COUNTED and between[1] == function_word(lang, "partitive") \
            and between[2].startswith(ARTICLE):
        between = between[3:]  # "وسفاخير وعدد من المزارع في الريف": the list goes on with things counted
    if between[:1] in (["ذات"], ["ذو"]) and len(between) > 2 and between[1].startswith(ARTICLE):
        between = between[3:] if is_nisba(between[2]) else between[2:]
    between = tuple(between)
    connectors = _connectors(lang)
    # "مخيم الهول بالحسكة": a ب on the second place reads as "في" after nothing (or "ريف");
    # "التابعة لبلدة العلم": a ل on it is the connector's last word
    if b.marker == MARKER_BA and between in _bare(lang):
        between = between + (function_word(lang, "locative"),)
    elif b.marker == LAM:
        between = between + (LAM,)
    if between[:1] == ("(",) and len(between) > 1:
        between = between[1:]  # "بلدة الشدادي (جنوب الحسكة)"
    if between[-1:] == (_CENTRE,) and (between[:-1] in connectors or between[:1] == (COMMA,)
                                        and connectors.get(between[1:-1]) is False):
        between = between[:-1]  # "شمال شرق مركز قضاء الحويجة"
    if between not in connectors and between[:1] == (COMMA,) and between[1:2] and between[1] in _LYING:
        between = between[2:]  # "حي مقتلة، الواقع عند الطرف الشرقي للمدينة"
    elif between not in connectors and between[:1] and between[0] in _LYING and connectors.get(between[1:]) is False:
        between = between[1:]  # "منطقة الطاش الواقعة على الأطراف الجنوبية من مدينة الرمادي"
    if between not in connectors and between[:1] == (COMMA,) and connectors.get(between[1:]) is False:
        between = between[1:]  # "ومراطة الكبرى، شمال شرق مركز قضاء الحويجة"
    if between in connectors:
        return connectors[between]
    if between in ((), (COMMA,)) and not b.marker and tokens[b.first_token].text in _directions(lang):
        return False  # "الموصل شمالي العراق", "محافظة دير الزور، شرقي سوريا": named from a direction
    return None


def _described(seg: Doc, k: int, end: int, others: dict[int, int]) -> int:
    """Where the words after a place at token ``k`` go on, past a description of it that names
    a group (relations.tsv, describing): "حي الجولان آخر معاقل التنظيم شمال غربي الفلوجة", past the
    place's adjectives and a comma ("مدينة منبج السورية، الواقعة تحت سيطرة مقاتلين عرب وأكراد في")."""
    tokens = seg.tokens
    j = k
    while j < end and (tokens[j].text in NAME_MARKS or _adjective(seg.language, tokens[j].text)):
        j += 1
    if j < end and tokens[j].text == COMMA:
        j += 1
    if j >= end:
        return k
    # the phrases that start with the word at j, in the table's order (no other can be the words)
    for phrase in _describing(seg.language).get(tokens[j].text, ()):
        n = len(phrase)
        if tuple(t.text for t in tokens[j:min(end, j + n)]) == phrase and j + n in others and others[j + n] <= end:
            return others[j + n]
    return k


@language_data
def _describing(lang: Language) -> dict[str, tuple[tuple[str, ...], ...]]:
    """relations.tsv's describing phrases by their first word, in the table's order."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _tables(lang)["describing"]:
        out.setdefault(phrase[0], []).append(phrase)
    return {w: tuple(p) for w, p in out.items()}


def _adjective(lang: Language, word: str) -> bool:
    """An adjective with the article: a relative one ("الاستراتيجية") or one of modifiers.tsv ("الكبير"),
    not a connector's first word ("التابعة")."""
    if not word.startswith(ARTICLE) or word in _connector_heads(lang):
        return False
    known = modifier(lang, word[len(ARTICLE):])
    return is_nisba(word) or (known is not None and known[0] in ("quantifier", "adjective"))


@language_data
def _connector_heads(lang: Language) -> frozenset[str]:
    return frozenset(k[0] for k in _connectors(lang) if k)


_POSSESSIVE = ("ه", "ها")
_COUNTED = frozenset({"وعدد", "وجمله", "والعديد"})  # "و" and a noun of number before the partitive
_CENTRE = "مركز"
_LYING = frozenset({"الواقع", "الواقعه", "الواقعة"})


@language_data
def _bare(lang: Language) -> frozenset[tuple[str, ...]]:
    return frozenset({()} | {(w,) for w in function_words(lang, "countryside")})


def _coordinated(seg: Doc, a: Mention, b: Mention, _rank) -> bool:
    """Places of one kind joined by "و" or a comma: "بلدتي السوسة والباغوز", "حيي (الفردوس) و
    (النهضة)", "بلدتي /الإسحاقي/ و/الضلوعية/"."""
    if int(_rank(a)) != int(_rank(b)):  # one class of size: "قرى X وبلدة Y", a village and a town
        return False
    between = tuple(t.text for t in seg.tokens[a.last_token:b.first_token] if t.text not in _LIST_MARKS)
    if between in ((), (WAW,), (COMMA,), (COMMA, WAW)):
        return bool(between) or seg.tokens[b.first_token].text.startswith(WAW)
    return False


def place_containers(seg: Doc, mentions: list[Mention]) -> dict[str, set[str]]:
    """Every place of the text (by key) -> the keys of the places it lies in: as the text says
    (:func:`located_pairs`) and as the gazetteer knows (its ``parent`` column), transitively.
    Worked out once for the same mentions; each caller gets its own copy."""
    within = of_mentions(seg, "place_containers", mentions, lambda: _place_containers(seg, mentions))
    return {key: set(keys) for key, keys in within.items()}


def _place_containers(seg: Doc, mentions: list[Mention]) -> dict[str, set[str]]:
    parents: dict[str, set[str]] = {}
    for a, b in located_pairs(seg, mentions):
        parents.setdefault(a.key, set()).add(b.key)
    known = gazetteer(seg.language)
    for m in mentions:
        if m.parent and m.type in _RANK:
            parents.setdefault(m.key, set()).add(m.parent)
    _in_countryside_parts(seg, mentions, parents, known)
    out: dict[str, set[str]] = {}
    for key in parents:
        seen, todo = set(), list(parents[key])
        while todo:
            k = todo.pop()
            if k not in seen and k != key:
                seen.add(k)
                todo.extend(parents.get(k, ()))
                if k in known and known[k].parent:
                    todo.append(known[k].parent)
        out[key] = seen
    return out


def _in_countryside_parts(seg: Doc, mentions: list[Mention], parents: dict[str, set[str]], known) -> None:
    """"في ريف دير الزور الشرقي ... في مدينة البصيرة شرق دير الزور": a place the text puts to the
    east of a place of the governorate lies in the governorate's eastern countryside."""
    parts = {(m.parent, countryside_direction(m)): m.key for m in mentions if countryside_direction(m)}
    if not parts:
        return
    for a, b in located_pairs(seg, mentions):
        between = [t.text for t in seg.tokens[a.last_token:b.first_token]]
        ground = {b.key, b.parent, known[b.key].parent if b.key in known else ""}
        for (governorate, stem), key in parts.items():
            if governorate in ground and a.key != key and any(w.startswith(stem) for w in between):
                parents.setdefault(a.key, set()).add(key)
