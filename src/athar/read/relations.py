"""Relations between entities: where a place lies, who leads or speaks for whom.

A relation is a :class:`athar.read.facts.Fact` with ``relation=True``: its type is
the ontology property, its roles are ``subject`` and ``object``.
"""

from __future__ import annotations

from dataclasses import replace

from athar.read.function_words import function_word, function_words
from athar.read.lexicon import check_choice
from athar.read.memo import of_mentions
from athar.read.entity import (COUNTRYSIDE_PART, _cue_matcher, _office_matcher, _title_matcher, is_nisba, modifier,
                               nisba_country)
from athar.read.mentions import Mention, gazetteer, is_a
from athar.read.reference import countryside_direction
from athar.read.alias import ALIAS, aliases
from athar.read.containment import stated_containments
from athar.read.rules import MARKER_BA
from athar.read.text import ARTICLE, COMMA, LAM, WAW, Doc, normalize_word
from athar.read.values import Evidence, Fact
from athar.read.language import Language, language_data

_RANK = {
    "Facility": 0, "Hospital": 0, "School": 0, "ChildrenCentre": 0, "PowerStation": 0, "Road": 0,
    "Mosque": 0, "MilitaryBase": 0, "Bridge": 0, "Dam": 0,
    "Village": 1, "Town": 1, "Camp": 1, "City": 2, "District": 3, "Governorate": 4, "Region": 5,
    "Country": 6,
}
_ADMINISTRATIVE = ("District", "Governorate")  # cues that name a place at their level ("قضاء الحويجة")
_ROLE_RELATION = {"spokesperson": "spokespersonOf", "leader": "leaderOf", "member": "memberOf"}


_KINDS = ("locatedIn", "contains", "memberOf", "describing", "led", "comprising")


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


def extract_relations(seg: Doc, mentions: list[Mention]) -> list[Fact]:
    """locatedIn between adjacent places; leaderOf, spokespersonOf and memberOf from titles."""
    tokens = seg.tokens
    out = []

    def fact(kind: str, a: Mention, b: Mention, said: tuple[int, int] | None = None) -> Fact:
        nstart, nend = min(a.start, b.start), max(a.end, b.end)
        start, end = seg.norm.to_original(nstart, nend)
        sent = seg.sentences[tokens[a.first_token].sentence]
        s0, s1 = seg.norm.to_original(sent.start, sent.end)
        body = seg.norm.original
        # the trigger: the words that state the relation when they are known (a role's title), else the span
        t0, t1 = seg.norm.to_original(*said) if said is not None else (start, end)
        return Fact(type=kind, trigger=body[t0:t1], trigger_start=t0, trigger_end=t1,
                    evidence=Evidence(min(start, t0), max(end, t1), body[min(start, t0):max(end, t1)],
                                      body[s0:s1].strip()),
                    roles=(("subject", a), ("object", b)), relation=True)

    for a, b in located_pairs(seg, mentions):
        if a.source != "kind":  # "المنازل في البلدة": houses of no name are no entity to locate
            out.append(fact("locatedIn", a, b))
    lang = seg.language  # and as the news states it beyond two places in a row (containment.py)
    for a, b in stated_containments(seg, mentions, located_pairs(seg, mentions), _connectors(lang), _ranker(seg), _RANK):
        out.append(fact("locatedIn", a, b))
    for a, b in _units(seg, mentions):
        out.append(fact("memberOf", a, b))
    for kind, a, b, said in _clause_relations(seg, mentions):
        out.append(fact(kind, a, b, said))
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        by_key.setdefault(m.key, []).append(m)
    for m in mentions:
        role, _, org_key = m.role_of.partition(":")
        if m.type != "Person" or role not in _ROLE_RELATION or not org_key:
            continue
        org = _nearest(by_key.get(org_key, []), m)
        if org is not None:
            out.append(fact(_ROLE_RELATION[role], m, org, role_title(seg, org)))
    for a, b in aliases(seg, mentions):
        out.append(fact(ALIAS, a, b, (b.start, b.end)))
    return out


_ROLE_TITLES = ("leader", "member", "spokesperson", "office", "official")
_TITLE_REACH = 6  # tokens a title may stand before the body it names ("المتحدث الرسمي باسم")


def role_title(seg: Doc, org: Mention) -> tuple[int, int] | None:
    """The normalized span of the title that names a person's role in the body ``org`` ("أمير",
    "المتحدث باسم", "وزير الثقافة"): the title right before the body's mention, or the mention
    itself when the office names the body ("وزير الخارجية الألماني"); None when none is there."""
    tokens, lang = seg.tokens, seg.language
    for k in range(org.first_token, max(-1, org.first_token - _TITLE_REACH), -1):
        if tokens[k].sentence != tokens[org.first_token].sentence:
            break
        for matcher in (_title_matcher(lang), _office_matcher(lang)):
            hit = matcher.match_at(tokens, k)
            if hit is None or hit[2][0] not in _ROLE_TITLES:
                continue
            gap = [t.text for t in tokens[hit[1]:org.first_token]]
            if k == org.first_token or all(w in _BEFORE_BODY for w in gap) and len(gap) <= 2:
                return tokens[k].start + hit[0], tokens[hit[1] - 1].end
            if org.marker in _BEFORE_BODY and 0 < len(gap) <= _OFFICE_WORDS and all(
                    t.is_word and t.text not in _BEFORE_BODY for t in tokens[hit[1]:org.first_token]):
                # "منسق مشروعات الطوارئ بالمنظمة": the title and the words of the office
                return tokens[k].start + hit[0], tokens[org.first_token - 1].end
    return None


_BEFORE_BODY = frozenset({"في", '"', "ب", "ل"})
_OFFICE_WORDS = 3  # words of an office between its title and the body it serves  # "القيادي في التنظيم", "مدير «المرصد»"


def title_label(lang: Language, words: str) -> str | None:
    """The English of a title of titles.tsv as written ("المتحدث باسم" -> "Spokesperson"), None when
    the words are no title."""
    tokens = tuple(normalize_word(w) for w in words.split())
    return _title_english(lang).get(tokens)


@language_data
def _title_english(lang: Language) -> dict[tuple[str, ...], str]:
    out = {}
    for row in lang.table("titles.tsv", ("title", "role", "en")):
        if row["role"] in _ROLE_TITLES:
            for f in row.forms("title"):
                out.setdefault(tuple(normalize_word(w) for w in f.split()), row["en"])
    return out




def _between(seg: Doc, a: Mention, b: Mention) -> tuple[str, ...]:
    """The words between two mentions, quotes left out, and a ل or ب on the second as the last word
    ("التابعة لبلدة العلم": "التابعة ل"; "الفرقة 16 بالجيش العراقي": "ب")."""
    between = tuple(t.text for t in seg.tokens[a.last_token:b.first_token] if t.text not in _SKIPPED)
    return between + (b.marker,) if b.marker in _JOINED else between


_JOINED = (LAM, "ب")  # the prepositions written on the second mention that relations.tsv reads


def _next_pairs(seg: Doc, mentions: list[Mention]):
    """Mentions of one sentence in a row (the second after the first ends), not of one entity."""
    for a, b in zip(mentions, mentions[1:]):
        if a.key != b.key and b.first_token >= a.last_token \
                and seg.tokens[a.first_token].sentence == seg.tokens[b.first_token].sentence:
            yield a, b


def _units(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """A unit and the force or body it belongs to: "اللواء 11 التابع للحشد", "اللواء 73 ضمن
    الفرقة 16" (memberOf, relations.tsv)."""
    orgs = [m for m in mentions if is_a(m.type, "Organization")]
    words, locative = _tables(seg.language)["memberOf"], (function_word(seg.language, "locative"),)
    # a body the article describes and does not name ("القوات المختصة في قوات X") is no unit of it;
    # "في" makes a unit of a body its head noun names ("مديرية X في وزارة الداخلية"), not of a body
    # the gazetteer knows ("مشاركة الجيش في التحالف": no member)
    out = []
    for a, b in _next_pairs(seg, orgs):
        between = _between(seg, a, b)
        if a.source == "cue":  # "هيئة العلاقات الخارجية في الإدارة الذاتية": the name's adjectives
            while between and is_nisba(between[0]) and nisba_country(seg.language, between[0]) is None:
                between = between[1:]
        if a.scope != "document" and between in words and (between != locative or a.source == "cue"):
            out.append((a, b))
    return out


_CLAUSE_KINDS = {"led": "leaderOf", "comprising": "memberOf"}


def _clause_relations(seg: Doc, mentions: list[Mention]) -> list[tuple[str, Mention, Mention, tuple[int, int]]]:
    """A body and who leads it or what it holds, in a clause after it (relations.tsv led and
    comprising): "التحالف الدولي الذي تقوده الولايات المتحدة", "التحالف، بقيادة واشنطن" (the second
    leads the first), "قوات سوريا الديمقراطية، التي تضم مقاتلين من وحدات حماية الشعب" (the second
    is a member of the first); the body may be placed before the clause ("التحالف الدولي في العراق
    والذي تتزعمه أمريكا"). (kind, subject, object, the words) for each."""
    tokens, out = seg.tokens, []
    starts = _clause_phrases(seg.language)
    by_first = {m.first_token: m for m in mentions}
    for k in range(1, len(tokens)):
        for kind, phrase in starts.get(tokens[k].text, ()):
            n = len(phrase)
            if tuple(t.text for t in tokens[k:k + n]) != phrase:
                continue
            second = by_first.get(k + n)
            first = _body_before(seg, mentions, k) if second is not None else None
            if first is None or first.key == second.key or tokens[k + n].sentence != tokens[k].sentence:
                continue
            if is_a(second.type, "Organization") or kind == "led" and second.type in ("Person", "Country"):
                out.append((_CLAUSE_KINDS[kind], second, first, (tokens[k].start, tokens[k + n - 1].end)))
            break
    return out


@language_data
def _clause_phrases(lang: Language) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The phrases of relations.tsv led and comprising by their first word, the longest first."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    tables = _tables(lang)
    for kind in _CLAUSE_KINDS:
        for phrase in sorted(tables[kind], key=len, reverse=True):
            out.setdefault(phrase[0], []).append((kind, phrase))
    return out


def _body_before(seg: Doc, mentions: list[Mention], k: int) -> Mention | None:
    """The organization named right before token ``k``, a comma or a place it is in ("في العراق")
    between."""
    tokens = seg.tokens
    end = k - (tokens[k - 1].text == COMMA)
    while end > 0 and tokens[end - 1].text in _SKIPPED:
        end -= 1  # "قوات “سوريا الديمقراطية”، التي تضم"
    by_last = {m.last_token: m for m in mentions}
    m = by_last.get(end)
    if m is not None and is_a(m.type, "Place") and m.first_token > 0 \
            and tokens[m.first_token - 1].text == function_word(seg.language, "locative"):
        m = by_last.get(m.first_token - 1)
    if m is None or not is_a(m.type, "Organization") or tokens[m.first_token].sentence != tokens[k].sentence:
        return None
    return m


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
    """The ids of the places the text names only to say where the place before them is: the
    larger place it lies in, or a landmark of any size ("شمالي محافظة صلاح الدين شمال بغداد")."""
    return set(of_mentions(seg, "reference_places", mentions,
                           lambda: {id(b) for _, b in _place_pairs(seg, mentions, ranked=False)}))


def _place_pairs(seg: Doc, mentions: list[Mention], ranked: bool = True) -> list[tuple[Mention, Mention]]:
    """Two places in a row joined by words of relations.tsv ("X شرق Y", "X الواقعة في Y"), the
    first smaller (``ranked``), and the places coordinated before the first ("بلدتي السوسة
    والباغوز بريف دير الزور"); not ``ranked``: every place named to say where the one before is."""
    out = []
    places: list[Mention] = []
    inner: dict[int, Mention] = {}  # a facility -> the place its name holds ("مستشفى الطبقة")
    for m in mentions:  # in text order, the longer first
        if m.type not in _RANK:
            continue
        if places and places[-1].start <= m.start and m.end <= places[-1].end:
            inner.setdefault(id(places[-1]), m)
        elif places and _bracketed(seg, places[-1], m):
            # "مدينة عين العرب (كوباني) في ريف حلب": the place's other name, in brackets, is part of it
            places[-1] = replace(places[-1], last_token=m.last_token + 1, end=seg.tokens[m.last_token].end)
        else:
            places.append(m)
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
            if explicit is not None and a.key != b.key:
                out.append((a, b))
            continue
        if explicit is not None and a.key != b.key and (_rank(a) < _rank(b) or explicit and _rank(a) <= _rank(b)):
            for c in coordinated + [a]:
                # the facility, and the place it is named after when the words say so outright
                # ("مستشفى الطبقة في محافظة الرقة"; "مصفاة بيجي شمال تكريت" says nothing of Baiji)
                for d in (c, inner.get(id(c)) if explicit else None):
                    if d is not None and d.key != b.key and (_rank(d) < _rank(b) or explicit and _rank(d) <= _rank(b)):
                        out.append((d, b))
            coordinated = []
        elif _coordinated(seg, a, b, _rank):
            coordinated = coordinated + [a]
        else:
            coordinated = []
    return out


def _bracketed(seg: Doc, a: Mention, m: Mention) -> bool:
    """Whether ``m`` names place ``a`` again in brackets right after it ("عين العرب (كوباني)")."""
    tokens = seg.tokens
    return m.key == a.key and m.first_token == a.last_token + 1 and tokens[a.last_token].text == "(" \
        and m.last_token < len(tokens) and tokens[m.last_token].text == ")"


def _ranker(seg: Doc):
    """How large a place is: an area or a neighbourhood a cue word introduces ("حي المشلب",
    "منطقة الستمية") is as small as a village, a region the gazetteer knows is large; a known
    place its cue names at a larger level ("قضاء الحويجة": the district, not the town) is that large."""
    cues = _cue_matcher(seg.language)

    def rank(m: Mention) -> int:
        if countryside_direction(m) or m.key.startswith(COUNTRYSIDE_PART):
            return _RANK["District"]  # "ريف دير الزور الشرقي", "الريف الشرقي": larger than a city
        if m.type == "Region" and m.source == "cue":
            return 1
        own = _RANK[m.type]
        if m.source == "cue":
            hit = cues.match_at(seg.tokens, m.first_token)
            if hit is not None and hit[2][0] in _ADMINISTRATIVE:
                return max(own, _RANK[hit[2][0]])
        return own
    return rank


_SKIPPED = ('"', "'", "#", "_", "«", "»")


def _joined(seg: Doc, a: Mention, b: Mention, others: dict[int, int] | None = None) -> bool | None:
    """Whether the words between places ``a`` and ``b`` say that ``a`` lies in ``b``: None when
    they do not, else whether they say it outright (relations.tsv)."""
    tokens, lang = seg.tokens, seg.language
    k = _described(seg, a.last_token, b.first_token, others or {})
    between = [t.text for t in tokens[k:b.first_token] if t.text not in _SKIPPED]
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
    if between not in connectors and between[:1] == (COMMA,) and connectors.get(between[1:]) is False:
        between = between[1:]  # "ومراطة الكبرى، شمال شرق مركز قضاء الحويجة"
    if between in connectors:
        return connectors[between]
    if between in ((), (COMMA,)) and not b.marker and tokens[b.first_token].text in _directions(lang):
        return False  # "الموصل شمالي العراق", "محافظة دير الزور، شرقي سوريا": named from a direction
    return None


def _described(seg: Doc, k: int, end: int, others: dict[int, int]) -> int:
    """Where the words after a place at token ``k`` go on, past a description of it that names
    a group (relations.tsv, describing): "حي الجولان آخر معاقل التنظيم شمال غربي الفلوجة"."""
    words = [t.text for t in seg.tokens[k:end]]
    for phrase in _tables(seg.language)["describing"]:
        n = len(phrase)
        if tuple(words[:n]) == phrase and k + n in others and others[k + n] < end:
            return others[k + n]
    return k


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
    """Places of one kind joined by "و" or a comma: "بلدتي السوسة والباغوز"."""
    if _rank(a) != _rank(b):
        return False
    between = tuple(t.text for t in seg.tokens[a.last_token:b.first_token] if t.text not in _SKIPPED)
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


def _nearest(same_key: list[Mention], person: Mention) -> Mention | None:
    """The organization the title named ("المتحدث باسم التحالف"), else the nearest mention of it."""
    same = [m for m in same_key if m is not person]
    named = [m for m in same if m.start == person.role_org_start]
    return (named or sorted(same, key=lambda m: abs(m.start - person.start)) or [None])[0]
