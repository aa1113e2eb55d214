"""Relations between entities: where a place lies, who leads or speaks for whom.

A relation is a :class:`athar.read.facts.Fact` with ``relation=True``: its type is
the ontology property, its roles are ``subject`` and ``object``.
"""

from __future__ import annotations


from athar.read.function_words import function_word, function_words
from athar.read.lexicon import check_choice
from athar.read.mentions import Mention, gazetteer
from athar.read.rules import MARKER_BA
from athar.read.text import Doc
from athar.read.values import Evidence, Fact
from athar.read.language import Language, language_data

_RANK = {
    "Facility": 0, "Hospital": 0, "School": 0, "ChildrenCentre": 0, "PowerStation": 0, "Road": 0,
    "Mosque": 0, "MilitaryBase": 0, "Bridge": 0, "Dam": 0,
    "Village": 1, "Town": 1, "Camp": 1, "City": 2, "District": 3, "Governorate": 4, "Region": 5,
    "Country": 6,
}
_ROLE_RELATION = {"spokesperson": "spokespersonOf", "leader": "leaderOf", "member": "memberOf"}


@language_data
def _connectors(lang: Language) -> frozenset[tuple[str, ...]]:
    out = set()
    for row in lang.table("relations.tsv", ("relation", "forms")):
        check_choice(row, "relation", ("locatedIn",))
        out.update(tuple(f.split()) for f in row.forms("forms"))
    return frozenset(out)


def extract_relations(seg: Doc, mentions: list[Mention]) -> list[Fact]:
    """locatedIn between adjacent places; leaderOf, spokespersonOf and memberOf from titles."""
    tokens = seg.tokens
    out = []

    def fact(kind: str, a: Mention, b: Mention) -> Fact:
        nstart, nend = min(a.start, b.start), max(a.end, b.end)
        start, end = seg.norm.to_original(nstart, nend)
        sent = seg.sentences[tokens[a.first_token].sentence]
        s0, s1 = seg.norm.to_original(sent.start, sent.end)
        body = seg.norm.original
        return Fact(type=kind, trigger=body[start:end], trigger_start=start, trigger_end=end,
                    evidence=Evidence(start, end, body[start:end], body[s0:s1].strip()),
                    roles=(("subject", a), ("object", b)), relation=True)

    for a, b in located_pairs(seg, mentions):
        if a.source != "kind":  # "المنازل في البلدة": houses of no name are no entity to locate
            out.append(fact("locatedIn", a, b))
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        by_key.setdefault(m.key, []).append(m)
    for m in mentions:
        role, _, org_key = m.role_of.partition(":")
        if m.type != "Person" or role not in _ROLE_RELATION or not org_key:
            continue
        org = _nearest(by_key.get(org_key, []), m)
        if org is not None:
            out.append(fact(_ROLE_RELATION[role], m, org))
    return out


def located_pairs(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """The places the text says lie in the place right after them ("قرية الياشلي شمال غرب مدينة
    منبج", "مخيم الهول بريف الحسكة"): (smaller, larger) pairs, in text order."""
    return [(a, b) for a, b in _place_pairs(seg, mentions) if _RANK[a.type] < _RANK[b.type]]


def reference_places(seg: Doc, mentions: list[Mention]) -> set[int]:
    """The ids of the places the text names only to say where the place before them is: the
    larger place it lies in, or a landmark of any size ("شمالي محافظة صلاح الدين شمال بغداد")."""
    return {id(b) for _, b in _place_pairs(seg, mentions)}


def _place_pairs(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Two places in a row joined by words of relations.tsv ("X شرق Y", "X الواقعة في Y")."""
    tokens = seg.tokens
    out = []
    places = [m for m in mentions if m.type in _RANK]
    # "مخيم الهول بالحسكة": a ب on the second place reads as "في" after nothing (or "ريف")
    bare = {()} | {(w,) for w in function_words(seg.language, "countryside")}
    locative = (function_word(seg.language, "locative"),)
    for a, b in zip(places, places[1:]):
        if b.first_token < a.last_token or tokens[a.first_token].sentence != tokens[b.first_token].sentence:
            continue
        between = tuple(t.text for t in tokens[a.last_token:b.first_token] if t.text not in ('"', "'"))
        if b.marker == MARKER_BA and between in bare:
            between = between + locative
        if between[:1] == ("(",) and len(between) > 1:
            between = between[1:]  # "بلدة الشدادي (جنوب الحسكة)"
        if between in _connectors(seg.language) and a.key != b.key:
            out.append((a, b))
    return out


def place_containers(seg: Doc, mentions: list[Mention]) -> dict[str, set[str]]:
    """Every place of the text (by key) -> the keys of the places it lies in: as the text says
    (:func:`located_pairs`) and as the gazetteer knows (its ``parent`` column), transitively."""
    parents: dict[str, set[str]] = {}
    for a, b in located_pairs(seg, mentions):
        parents.setdefault(a.key, set()).add(b.key)
    known = gazetteer(seg.language)
    for m in mentions:
        if m.parent and m.type in _RANK:
            parents.setdefault(m.key, set()).add(m.parent)
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


def _nearest(same_key: list[Mention], person: Mention) -> Mention | None:
    """The organization the title named ("المتحدث باسم التحالف"), else the nearest mention of it."""
    same = [m for m in same_key if m is not person]
    named = [m for m in same if m.start == person.role_org_start]
    return (named or sorted(same, key=lambda m: abs(m.start - person.start)) or [None])[0]
