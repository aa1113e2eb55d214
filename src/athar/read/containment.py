"""Where places lie, as the news states it beyond two places in a row (containment.tsv).

:mod:`athar.read.relations` reads ``locatedIn`` from the words between two places that
follow each other (relations.tsv). News writing says it in a few more ways, read here:

- the country named as "البلاد" with a direction: "محافظة نينوى شمالي البلاد" lies in the
  gazetteer's northern region of the country Nineveh is in;
- a comma before a place with ب: "رأس العين، بمحافظة الحسكة";
- a relative description of the first place between: "قرية دابق ذات الأهمية المعنوية لتنظيم
  داعش بمحافظة حلب";
- two directions joined: "في جنوب وجنوب غرب مدينة الحسكة";
- a list carried on to one more place that is no mention: "أحياء النشوة والشريعة وصولاً إلى
  شارع المدينة الرياضية في جنوب مدينة الحسكة";
- a word saying what the second place is before its name: "ساحة الطيران وسط العاصمة بغداد";
- a word saying outright that the first lies within the second: "مناطق سعدة والكرابلة ضمن قضاء القائم";
- a wider place that frames the narrower ones after it: opening its sentence ("وفي محافظة الأنبار،
  عاد 51 بالمائة إلى قضاء عنة"), or set off by a comma or a second "في" right before a narrower
  one ("في سوريا، خلال 24 ساعة في عدة مناطق بمحافظة دير الزور", "في دير الزور في بلدة الموحسن");
- a verb that says where the place lies before relations.tsv's words: "قرية الحمرا التي تقع في ريف
  الرقة", "منطقة المنصورة وأماكن ريفية أخرى تقع في شمال مدينة الرقة".

Every pair keeps the rules of relations.tsv: the first place is smaller than the second (as
large when the words say so outright), a place is never in itself, a country in nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from athar.read.entity import Mention, gazetteer, is_nisba
from athar.read.language import Language, language_data
from athar.read.rules import MARKER_BA
from athar.read.text import ARTICLE, COMMA, LAM, NAME_MARKS, WAW, Doc, normalize_word

_ROLES = ("country", "description", "joining", "reaching", "title", "within", "frame", "inner", "lying",
          "subdistrict", "distance", "degree", "relative", "unnamed", "side", "countryside side", "flank")
_REACH = 4  # words of a place no mention names after the words that carry a list on to it
_LOCATIVE = "في"


@language_data
def containment_words(lang: Language) -> dict[str, frozenset[tuple[str, ...]]]:
    """containment.tsv: role -> its words, each a tuple of normalized words."""
    out: dict[str, set[tuple[str, ...]]] = {r: set() for r in _ROLES}
    for row in lang.table("containment.tsv", ("role", "forms")):
        if row["role"] not in out:
            raise row.fail(f"role '{row['role']}' is none of {', '.join(_ROLES)}")
        out[row["role"]].update(tuple(f.split()) for f in row.forms("forms"))
    missing = [r for r in _ROLES if not out[r]]
    if missing:
        raise lang.table("containment.tsv", ("role", "forms"))[0].fail(
            f"no row for {', '.join(missing)}: add one to containment.tsv")
    return {r: frozenset(v) for r, v in out.items()}


@language_data
def _country_regions(lang: Language) -> dict[tuple[str, tuple[str, ...]], str]:
    """(country key, the direction words of a region's name) -> the region's key: every region of
    the gazetteer named as a direction of its country ("شمالي العراق": ("iraq", ("شمالي",)))."""
    rows = lang.table("gazetteer.tsv", ("key", "type", "en", "ar", "scope"))
    names = {r["key"]: [normalize_word(r["ar"])] + r.forms("aliases") for r in rows}
    countries = {r["key"] for r in rows if r["type"] == "Country"}
    out: dict[tuple[str, tuple[str, ...]], str] = {}
    for r in rows:
        parent = r.get("parent")
        if r["type"] != "Region" or parent not in countries:
            continue
        for form in names[r["key"]]:
            for country in names[parent]:
                if form.endswith(" " + country):
                    out.setdefault((parent, tuple(form[:-len(country)].split())), r["key"])
    return out


def stated_containments(seg: Doc, mentions: list[Mention], known: list[tuple[Mention, Mention]],
                        connectors: dict[tuple[str, ...], bool], rank: Callable[[Mention], int],
                        ranks: dict[str, int]) -> list[tuple[Mention, Mention]]:
    """(smaller, larger) pairs of places the text states and ``known`` (the pairs of two places in a
    row) lacks. ``connectors``: relations.tsv's words of locatedIn -> whether they say it outright;
    ``rank``: how large a place is; ``ranks``: the place types relations reads. A pair ``known`` has
    is stated again only when the text states it first this way ("ساحة الطيران وسط العاصمة بغداد ...
    ساحة الطيران، وسط بغداد"): the caller then keeps the first statement (:func:`first_stated`)."""
    have: dict[tuple[str, str], int] = {}  # the pairs known or stated -> where the first is named
    for a, b in known:
        have[(a.key, b.key)] = min(a.start, have.get((a.key, b.key), a.start))
    out: list[tuple[Mention, Mention]] = []

    def add(a: Mention, b: Mention, explicit: bool, joined: bool = False) -> None:
        # only the words between two places in a row state first a pair stated again later
        new = (a.key, b.key) not in have or joined and a.start < have[(a.key, b.key)]
        if new and a.key != b.key and a.type != "Country" \
                and may_lie_in(rank(a), rank(b), explicit, ranks) and a.source != "kind":
            have[(a.key, b.key)] = -1
            out.append((a, b))

    places = _places(mentions, ranks)
    others = {m.first_token: m.last_token for m in mentions if m.type not in ranks}
    stated = {(a.key, b.key) for a, b in known}
    listed: list[Mention] = []  # the places listed before ``a``: "ناحية صوران وقرية دابق"
    for i, a in enumerate(places):
        b = places[i + 1] if i + 1 < len(places) else None
        if b is not None and seg.tokens[a.first_token].sentence != seg.tokens[b.first_token].sentence:
            b = None
        if b is not None:
            explicit = _joined(seg, a, b, connectors, others)
            joined = explicit is not None  # this module's words say it, not only relations.tsv's
            if explicit is None and (a.key, b.key) in stated:  # relations.tsv's words: the list before
                plain = [t.text for t in seg.tokens[a.last_token:b.first_token] if t.text not in NAME_MARKS]
                explicit = bool(_connected(plain, b, connectors))  # lies there too, when smaller
            if explicit is not None:
                for c in _alike(listed, a, explicit, rank):
                    add(c, b, explicit, joined)
            reached = _reached(seg, places, i, connectors)
            if reached is not None:
                for c in _alike(listed, a, reached[1], rank):
                    add(c, *reached)
            beyond = _beyond_landmark(seg, places, i, connectors, rank)
            if beyond is not None:
                add(a, beyond, False)
        for c in _framed(seg, places, i, rank):
            add(c, a, False)
        region = _country_region(seg, a)
        if region is not None:
            for c in _alike(listed, a, False, rank):
                add(c, region, False)
        listed = listed + [a] if b is not None and _listed(seg, a, b) else []
    return out


def may_lie_in(smaller: float, larger: float, explicit: bool, ranks: dict[str, float]) -> bool:
    """Whether a place of rank ``smaller`` may be said to lie in one of rank ``larger`` (``ranks``:
    the place types' ranks) by words that say it outright (``explicit``) or not: a smaller place
    always; one as large when the words say so outright, or when neither is larger than a city: the
    news places a city, a village or a facility by another of its size ("مدينة عين العرب شمال شرق
    حلب", "مستشفى داخل مجمع المدينة الطبية"), where two regions in a row are two of a list ("غرب
    العراق وشرق سوريا")."""
    return smaller < larger or (explicit or larger <= ranks["City"]) and smaller <= larger


def first_stated(known: list[tuple[Mention, Mention]],
                 stated: list[tuple[Mention, Mention]]) -> list[tuple[Mention, Mention]]:
    """``known`` without the first pair of each two places that ``stated`` names earlier in the text."""
    earlier = {(a.key, b.key) for a, b in stated}
    out = []
    for a, b in known:
        if (a.key, b.key) in earlier:
            earlier.discard((a.key, b.key))
        else:
            out.append((a, b))
    return out


def _alike(listed: list[Mention], a: Mention, explicit: bool, rank) -> list[Mention]:
    """The places of the list ending with ``a`` that lie where ``a`` does: every one when the words
    say it outright ("ناحية صوران وقرية دابق بمحافظة حلب"), else those as large as ``a`` ("دير الزور
    والحسكة، وقاعدة التنف جنوب سوريا" puts only the base in the south)."""
    return [c for c in listed if explicit or int(rank(c)) == int(rank(a))] + [a]  # a village and a town alike


def _places(mentions: list[Mention], ranks: dict[str, int]) -> list[Mention]:
    """The places in text order, a place named inside another left out ("مستشفى الطبقة")."""
    out: list[Mention] = []
    for m in mentions:
        if m.type in ranks and not (out and out[-1].start <= m.start and m.end <= out[-1].end):
            out.append(m)
    return out


def _listed(seg: Doc, a: Mention, b: Mention) -> bool:
    """Places joined by "و" or a comma: "أحياء النشوة والشريعة", "ناحية صوران وقرية دابق" (each is
    then put in the place after the list only when smaller than it)."""
    between = tuple(t.text for t in seg.tokens[a.last_token:b.first_token] if t.text not in NAME_MARKS)
    return between in ((), (COMMA,), (WAW,), (COMMA, WAW)) \
        and (bool(between) or seg.tokens[b.first_token].text.startswith(WAW))


def _joined(seg: Doc, a: Mention, b: Mention, connectors: dict[tuple[str, ...], bool],
            others: dict[int, int]) -> bool | None:
    """Whether the words between ``a`` and ``b``, read in the ways of this module, say that ``a``
    lies in ``b``: None when they do not, else whether they say it outright."""
    words = containment_words(seg.language)
    tokens = seg.tokens
    k = a.last_token
    if tokens[k - 1].text in _heads(words, "description"):
        k -= 1  # the mention took the description's first word ("قرية دابق ذات")
    k = _past_description(seg, k, b.first_token, words, others)
    k, ranked = _past_degree(seg, k, b, words, connectors, others), k
    if k == b.first_token != ranked:
        return False  # "الباغوز، آخر جيب للتنظيم شرقي سوريا": in the region a direction names
    plain = [t.text for t in tokens[a.last_token:b.first_token] if t.text not in NAME_MARKS]
    between = _one_direction([t.text for t in tokens[k:b.first_token] if t.text not in NAME_MARKS], words,
                             connectors)
    if len(between) > 2 and between[-2] in _heads(words, "title") and is_nisba(between[-1]):
        between = between[:-2]  # "معسكر الرشيد جنوبي العاصمة العراقية بغداد": and its country's adjective
    elif len(between) > 1 and between[-1] in _heads(words, "title"):
        between = between[:-1]  # "ساحة الطيران وسط العاصمة بغداد": what Baghdad is, before its name
    if tuple(between) in words["within"]:
        return True  # "مناطق سعدة والكرابلة ضمن قضاء القائم"
    after = _past_lying(between, words)
    if after is not None:  # "قرية الحمرا التي تقع في ريف الرقة": relations.tsv's words after the verb
        return _connected(after, b, connectors)
    if between == plain and not (b.marker == MARKER_BA and between == [COMMA]):
        return None  # nothing read here that relations.tsv's words do not read
    return _connected(between, b, connectors)


def _connected(between: list[str], b: Mention, connectors: dict[tuple[str, ...], bool]) -> bool | None:
    """Whether words before place ``b`` say that what they follow lies in it (relations.tsv), a ب or a
    ل on ``b`` read as the last word: None when they do not, else whether they say it outright."""
    if b.marker == MARKER_BA:
        if between not in ([], [COMMA]):
            return None
        between = between + [_LOCATIVE]
    elif b.marker == LAM:
        between = between + [LAM]
    return connectors.get(tuple(between))


_UNNAMED = 4  # words of unnamed places a list goes on with before the verb ("وأماكن ريفية أخرى تقع في")


def _past_lying(between: list[str], words) -> list[str] | None:
    """The words after a verb that says where the place before lies ("التي تقع", "ويقع"), at the
    start of ``between`` or after a few words that carry the list on to places no mention names
    ("منطقة المنصورة وأماكن ريفية أخرى تقع في شمال مدينة الرقة"); None when there is none."""
    for i in range(min(len(between), _UNNAMED + 1)):
        if i and not between[0].startswith(WAW):
            break
        for phrase in words["lying"]:
            if tuple(between[i:i + len(phrase)]) == phrase and len(between) > i + len(phrase):
                return between[i + len(phrase):]
    return None


def _heads(words, role: str) -> frozenset[str]:
    return frozenset(w[0] for w in words[role] if len(w) == 1)


def _past_description(seg: Doc, k: int, end: int, words, others: dict[int, int]) -> int:
    """Where the words after token ``k`` go on past a relative description of the place before
    ("ذات الأهمية المعنوية لتنظيم داعش الإرهابي"): a word of containment.tsv's description, the
    definite words after it, a body named with ل and its definite words; ``k`` when none."""
    tokens = seg.tokens
    if k >= end or tokens[k].text not in _heads(words, "description"):
        return k
    j = k + 1
    while j < end and tokens[j].text.startswith(ARTICLE) and j not in others:
        j += 1
    if j == k + 1:
        return k
    if j in others and tokens[j].text.startswith(LAM) and others[j] <= end:
        j = others[j]
        while j < end and tokens[j].text.startswith(ARTICLE) and j not in others:
            j += 1
    return j


_DEGREE = 4  # words after a word of degree before the words that say where the place lies
_OPENERS = (COMMA, "-", "–", "—")  # what sets off an apposition: "منطقة باغوز -آخر جيب للتنظيم شرقي سوريا"


def _past_degree(seg: Doc, k: int, b: Mention, words, connectors: dict[tuple[str, ...], bool],
                 others: dict[int, int]) -> int:
    """Where the words after token ``k`` go on past an apposition that ranks the place before
    among others ("الموصل، ثاني أكبر مدينة في العراق", "الباغوز، آخر جيب لتنظيم داعش شرقي
    سوريا"): a comma, a word of degree, at most four words (a body named counts as one), then
    relations.tsv's words before ``b``; ``k`` when there is no such apposition."""
    tokens = seg.tokens
    if k + 1 >= b.first_token or tokens[k].text not in _OPENERS or tokens[k + 1].text not in _heads(words, "degree"):
        return k
    j, n = k + 2, 0
    while j < b.first_token and n <= _DEGREE:
        rest = tuple(t.text for t in tokens[j:b.first_token] if t.text not in NAME_MARKS)
        if n and rest in connectors:
            return j
        if tokens[j].text in (COMMA, WAW) or tokens[j].text in _heads(words, "relative"):
            return k
        j, n = (others[j] if j in others and others[j] <= b.first_token else j + 1), n + 1
    # "آخر جيب للتنظيم شرقي سوريا": a region named from a direction, right after the words
    return j if j == b.first_token and n and (tokens[j].text,) in connectors else k


def _reached(seg: Doc, places: list[Mention], i: int,
             connectors: dict[tuple[str, ...], bool]) -> tuple[Mention, bool] | None:
    """The place a list that ends with ``places[i]`` lies in when it goes on with "وصولاً إلى" and a
    few words of one more place (a street, or words a mention misreads) before a connector ("أحياء
    A وB وصولاً إلى شارع C في جنوب مدينة Y"): (Y, whether the words say it outright), else None."""
    tokens, words = seg.tokens, containment_words(seg.language)
    k = places[i].last_token
    for phrase in words["reaching"]:
        n = len(phrase)
        if tuple(t.text for t in tokens[k:k + n]) != phrase:
            continue
        for j in range(k + n + 1, min(k + n + 1 + _REACH, len(tokens))):
            if tokens[j].text == COMMA or tokens[j].sentence != tokens[k].sentence:
                return None
            if tokens[j].text == _LOCATIVE:
                b = next((p for p in places[i + 1:] if p.first_token > j), None)
                if b is None or tokens[b.first_token].sentence != tokens[k].sentence:
                    return None
                between = [t.text for t in tokens[j:b.first_token] if t.text not in NAME_MARKS]
                explicit = _connected(_one_direction(between, words, connectors), b, connectors)
                return None if explicit is None else (b, explicit)
    return None


def _beyond_landmark(seg: Doc, places: list[Mention], i: int, connectors: dict[tuple[str, ...], bool],
                     rank) -> Mention | None:
    """The place that holds ``places[i]`` beyond a landmark named to say where it is: "بقضاء
    الفلوجة شرق الرمادي بالأنبار", "مطار صرين، الواقع على بعد 30 كيلومترا جنوب غرب مدينة عين العرب
    (كوباني) في ريف حلب". The landmark (a direction or a distance from it) does not hold the
    place (it is no larger, or the place is measured from it); the place after it, governed by
    "في" or ب, holds the landmark and the place too when larger than both. None when there is none."""
    tokens, words = seg.tokens, containment_words(seg.language)
    if i + 2 >= len(places):
        return None
    a, b = places[i], places[i + 1]
    between = [t.text for t in tokens[a.last_token:b.first_token] if t.text not in NAME_MARKS]
    k = i + 2
    # "عين العرب (كوباني)": the landmark's other name in brackets
    if places[k].key == b.key and tokens[b.last_token].text == "(" and places[k].first_token == b.last_token + 1:
        b, k = places[k], k + 1
    if k >= len(places):
        return None
    c = places[k]
    if len({tokens[m.first_token].sentence for m in (a, b, c)}) > 1 or len({a.key, b.key, c.key}) < 3:
        return None
    told = between[1:] if between[:1] == [COMMA] else between  # "، الذي يقع على بعد"
    measured = any(tuple(told[:len(p)]) == p and len(told) - len(p) <= _MEASURE for p in words["distance"])
    if not measured and not (_connected(_one_direction(between, words, connectors), b, connectors) is False
                             and rank(a) >= rank(b)):
        return None  # "قرية الكسرة جنوب مدينة منبج": the village lies in the city's ground
    after = [t.text for t in tokens[b.last_token:c.first_token] if t.text not in NAME_MARKS and t.text != ")"]
    if not _connected(after, c, connectors) or not rank(c) > max(rank(a), rank(b)):
        return None
    return c


_MEASURE = 6  # words of a distance after its verb, before the place it is measured from ("نحو 30 كيلومترا جنوب غرب")


def _one_direction(between: list[str], words, connectors) -> list[str]:
    """"في جنوب وجنوب غرب": two directions joined read as the last one ("في جنوب غرب")."""
    joining = _heads(words, "joining")
    for i, w in enumerate(between):
        for j in joining:
            if i > 0 and w.startswith(j) and len(w) > len(j) \
                    and connectors.get(tuple(between[i - 1:i])) is False:
                rest = [w[len(j):]] + between[i + 1:]
                return between[:i - 1] + rest
    return between


_FRAME_REACH = 8  # tokens between a place set off by a comma and the narrower place it frames


def _framed(seg: Doc, places: list[Mention], i: int, rank) -> list[Mention]:
    """The narrower places that ``places[i]`` frames (:data:`_ROLES` frame, inner): it opens its
    sentence after "في" and a comma follows it, and they are named in that sentence after "في",
    "إلى", "من" or with ب, up to a place as wide; or it follows "في" and the next place, narrower,
    comes right after "في" (or a comma), or within a few words after a comma. A place the gazetteer
    puts in another of the frame's kind is not framed ("في سوريا، بينما في الأنبار")."""
    tokens, words = seg.tokens, containment_words(seg.language)
    a = places[i]
    sentence = seg.sentences[tokens[a.first_token].sentence]
    j = a.first_token - 1
    if not (a.marker == MARKER_BA or j >= sentence.first_token and (tokens[j].text,) in words["frame"]):
        return []
    opening = j <= sentence.first_token or a.marker == MARKER_BA and a.first_token == sentence.first_token
    comma = a.last_token < len(tokens) and tokens[a.last_token].text == COMMA
    out: list[Mention] = []
    for b in places[i + 1:]:
        if tokens[b.first_token].sentence != sentence.index or rank(b) >= rank(a):
            break
        k = b.first_token - 1
        governed = b.marker == MARKER_BA or (tokens[k].text,) in words["inner"]
        between = [t.text for t in tokens[a.last_token:k] if t.text not in NAME_MARKS]
        # "في قضاء تلعفر، و(25%) في سنجار": a place after "و" is the next of a list, not framed
        near = between in ([], [COMMA]) or comma and b.first_token - a.last_token <= _FRAME_REACH \
            and not any(w.startswith(WAW) for w in between)
        if governed and (opening and comma or near) and not _elsewhere(seg.language, b, a):
            out.append(b)
        if not (opening and comma):
            break
    return out


def _elsewhere(lang: Language, b: Mention, a: Mention) -> bool:
    """Whether the gazetteer puts ``b`` in a place of ``a``'s kind other than ``a``."""
    known = gazetteer(lang)
    key, seen = (b.key if b.key in known else b.parent), set()
    while key and key in known and key not in seen:
        seen.add(key)
        if key != b.key and known[key].type == a.type:
            return key != a.key
        key = known[key].parent
    return False


def _country_region(seg: Doc, a: Mention) -> Mention | None:
    """The region a place is said to lie in with the country named as "البلاد" ("محافظة نينوى
    شمالي البلاد", "مدينة الحسكة، في شرق البلاد"), from the country the gazetteer puts it in."""
    lang, tokens = seg.language, seg.tokens
    words = containment_words(lang)
    country = _country_of(lang, a)
    if country is None:
        return None
    k = a.last_token
    if k < len(tokens) and tokens[k].text in (COMMA, "("):
        k += 1  # "مدينة هيت (غربي البلاد)"
    if k < len(tokens) and tokens[k].text == _LOCATIVE:
        k += 1
    regions = _country_regions(lang)
    for n in (1, 2, 3):
        if k + n >= len(tokens) or tokens[k + n].sentence != tokens[a.first_token].sentence:
            break
        direction = [t.text for t in tokens[k:k + n]]
        if direction[0].startswith(MARKER_BA) and len(direction[0]) > 2:
            direction[0] = direction[0][len(MARKER_BA):]  # "بشمال البلاد"
        if (tokens[k + n].text,) not in words["country"]:
            continue
        key = regions.get((country, tuple(direction)))
        if key is None:
            return None
        e = gazetteer(lang)[key]
        return Mention(tokens[k].start, tokens[k + n].end, k, k + n + 1, e.key, e.type, e.label_ar, e.label_en,
                       e.scope, "gazetteer", "", e.parent, e.wikidata, e.wikidata_source)
    return None


def _country_of(lang: Language, m: Mention) -> str | None:
    """The country the gazetteer puts a place in, through its parents; None when none."""
    known = gazetteer(lang)
    key, seen = (m.key if m.key in known else m.parent), set()
    while key and key in known and key not in seen:
        seen.add(key)
        if known[key].type == "Country":
            return key if key != m.key else None
        key = known[key].parent
    return None
