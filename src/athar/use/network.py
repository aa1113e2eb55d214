"""The knowledge graph as a networkx graph, projected from the store with SPARQL.

``read_network`` asks the store a handful of flat SELECT queries (who fills which role
of which event, which relations are stated, the types and labels of what they link)
and keeps the rows in a :class:`Network`; no query lists IRIs or walks the store in
Python, so a store of a thousand documents is read in a second or two.
:meth:`Network.graph` turns the rows into a ``MultiDiGraph`` in one of two shapes:

- ``events="nodes"`` (the ontology's own shape): entities and events are nodes
  (``kind="entity"`` / ``"event"``); an event points to each entity that fills one of
  its roles (``kind="role"``, ``role="agent"``...).
- ``events="edges"``: only entities are nodes; each event links every pair of its
  participants (``kind="event"``, ``event`` its IRI, ``cls`` its class, ``from_role`` and
  ``to_role``, and ``role`` both: "agent-target"),
  from the role named first in ``EVENT_ROLES`` (the agent) to the later one.

In both, an entity points to another through a stated relation (``kind="relation"``:
locatedIn, leaderOf, spokespersonOf), keyed by its statement; a relation of the
background (the gazetteer's "Raqqa is in Raqqa Governorate") is drawn between
entities of the graph with ``background=True``. With ``shortcuts=True`` the event
shortcuts (liberated, rebuilt, trained) are drawn too, each once per event behind it.
With ``evidence`` (from :func:`read_evidence`) an edge that comes from an event or a
statement carries its words, sentence, document and offsets, one edge per span.

``build_network`` is the graph the HTML views draw: events as nodes, shortcuts and
evidence included.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx
import rdflib
from rdflib.namespace import RDFS

from athar.errors import QueryError
from athar.graph.terms import ATHAR, EVENT_ROLES, ONTOLOGY_GRAPH, ONTOLOGY_PATH, sparql_prefixes
from athar.read.text import normalize_word

log = logging.getLogger(__name__)

EVENTS_AS = ("nodes", "edges")
# Entity-to-entity properties a sentence states (with a RelationStatement), and the
# shortcuts an event implies (drawn only when asked: the event says it already).
STATED = (ATHAR.locatedIn, ATHAR.leaderOf, ATHAR.spokespersonOf)
SHORTCUTS = (ATHAR.liberated, ATHAR.rebuilt, ATHAR.trained)
RELATIONS = STATED + SHORTCUTS
_ROLE_ORDER = {r: i for i, r in enumerate(EVENT_ROLES)}
_PREFIXES = sparql_prefixes("athar", "rdf", "rdfs", "nif", "prov")
_NEGATED = str(ATHAR.Negated)
_STATED = {str(p).rsplit("#", 1)[-1] for p in STATED}


@dataclass(frozen=True)
class Node:
    """An entity or an event: its most specific athar class and its labels."""

    iri: str
    kind: str
    cls: str | None = None
    label_ar: str | None = None
    label_en: str | None = None
    date: str | None = None
    trigger: str | None = None

    @property
    def label(self) -> str:
        """The Arabic label, else the English one, else the IRI's last part."""
        return self.label_ar or self.label_en or local_name(self.iri)

    def attrs(self) -> dict:
        d = {"iri": self.iri, "kind": self.kind, "cls": self.cls, "label_ar": self.label_ar,
             "label_en": self.label_en}
        if self.kind == "event":
            d.update(label=self.label_en or self.label_ar, date=self.date, trigger=self.trigger)
        return d


@dataclass(frozen=True)
class Evidence:
    """The words behind an edge: where they are and what they say."""

    iri: str = ""
    evidence: str = ""
    sentence: str = ""
    document: str = ""
    begin: int | None = None
    end: int | None = None

    def attrs(self) -> dict:
        return {"evidence": self.evidence, "sentence": self.sentence, "document": self.document,
                "begin": self.begin, "end": self.end}


@dataclass(frozen=True)
class Relation:
    """An entity-to-entity link, stated by ``statement``, or else implied by events or known beforehand."""

    subject: str
    predicate: str  # local name: locatedIn, liberated, ...
    object: str
    statement: str | None = None


@dataclass
class Network:
    """The rows a projection is made of, as the store gave them."""

    entities: dict[str, Node]
    events: dict[str, Node]
    roles: list[tuple[str, str, str]]  # (event, role, entity), sorted
    relations: list[Relation]
    documents: list[str]
    classes: dict[str, set[str]] = field(default_factory=dict)  # class -> its superclasses (local names)

    def is_a(self, node: Node, cls: str) -> bool:
        """Whether ``node``'s class is ``cls`` or one of its subclasses."""
        return node.cls == cls or cls in self.classes.get(node.cls or "", ())

    def graph(self, events: str = "nodes", *, shortcuts: bool = False,
              evidence: dict[str, list[Evidence]] | None = None) -> nx.MultiDiGraph:
        """The rows as a ``MultiDiGraph``, events as nodes or as edges (see the module's doc)."""
        if events not in EVENTS_AS:
            raise QueryError(f"events are drawn as {' or '.join(EVENTS_AS)}, not {events!r}")
        G = nx.MultiDiGraph(events=events)
        evidence = evidence or {}
        for iri in sorted(self.entities):
            G.add_node(iri, **self.entities[iri].attrs())
        if events == "nodes":
            for iri in sorted(self.events):
                G.add_node(iri, **self.events[iri].attrs())

        def link(s, o, key, spans, **attrs):
            for ev in spans or [Evidence()]:
                G.add_edge(s, o, key=f"{key}|{ev.iri}", **attrs, **(ev.attrs() if evidence else {}))

        if events == "nodes":
            for x, role, o in self.roles:
                link(x, o, f"{role}|{x}", evidence.get(x), kind="role", role=role,
                     predicate=str(ATHAR[role]), source=x, background=False)
        else:
            for x, members in self.participants().items():
                e = self.events[x]
                for i, (ra, a) in enumerate(members):
                    for rb, b in members[i + 1:]:
                        if a != b:
                            link(a, b, f"{ra}-{rb}|{x}", evidence.get(x), kind="event", role=f"{ra}-{rb}",
                                 cls=e.cls, from_role=ra, to_role=rb, event=x, date=e.date, source=x,
                                 background=False)
        by_entity = defaultdict(set)
        for x, _, o in self.roles:
            by_entity[o].add(x)
        for r in self.relations:
            if r.statement is None and r.predicate not in _STATED and not shortcuts:
                continue
            # A relation no sentence states takes the evidence of each event that links its ends.
            sources = [r.statement] if r.statement else \
                sorted(by_entity[r.subject] & by_entity[r.object]) or [None]
            for source in sources:
                link(r.subject, r.object, f"{r.predicate}|{source or ''}", evidence.get(source), kind="relation",
                     role=r.predicate, predicate=str(ATHAR[r.predicate]), source=source,
                     background=source is None)
        log.info("network: %d nodes, %d edges (events as %s)", len(G), G.number_of_edges(), events)
        return G

    def participants(self) -> dict[str, list[tuple[str, str]]]:
        """Event -> its (role, entity) pairs, agents first (the order of ``EVENT_ROLES``)."""
        out: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for x, role, o in self.roles:
            out[x].append((role, o))
        for members in out.values():
            members.sort(key=lambda m: (_ROLE_ORDER.get(m[0], len(_ROLE_ORDER)), m[1]))
        return out


def read_network(store, *, negated: bool = False, graphs: list[str] | None = None) -> Network:
    """Read entities, events, roles and relations from ``store`` (the union of ``graphs``,
    else of every named graph). Events the text says did not happen (modality Negated) are
    left out unless ``negated``."""
    def select(body: str):
        kwargs = {"default_graph": graphs} if graphs is not None else {}
        return store.query(_PREFIXES + body, **kwargs)

    supers = superclasses(store)
    statements, relations = {}, []
    for r in select("""SELECT ?st ?s ?p ?o WHERE {
            ?st a athar:RelationStatement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
            FILTER(isIRI(?s) && isIRI(?o)) }"""):
        statements[r["st"].value] = (r["s"].value, local_name(r["p"].value), r["o"].value)
    events: dict[str, dict] = defaultdict(lambda: {"types": set()})
    negative = set()
    # One row per event and label (an event has one type, one date, one trigger): a union of
    # the five would give four times as many rows, and rows cost more in Python than in the engine.
    for r in select("""SELECT ?x ?type ?label ?date ?trigger ?modality WHERE {
            ?x athar:evidence ?ev . OPTIONAL { ?x a ?type }
            OPTIONAL { ?x rdfs:label ?label } OPTIONAL { ?x athar:date ?date }
            OPTIONAL { ?x athar:trigger ?trigger } OPTIONAL { ?x athar:modality ?modality } }"""):
        x = r["x"].value
        if x in statements:
            continue
        _collect(events[x], r, ("date", "trigger"))
        if r["modality"] is not None and r["modality"].value == _NEGATED:
            negative.add(x)
    if not negated:
        for x in negative:
            del events[x]
    roles = " ".join(f"athar:{r}" for r in EVENT_ROLES)
    role_rows = sorted({(r["x"].value, local_name(r["p"].value), r["o"].value) for r in select(
        f"SELECT ?x ?p ?o WHERE {{ VALUES ?p {{ {roles} }} ?x ?p ?o . FILTER(isIRI(?o)) }}")
        if r["x"].value in events})

    entities: dict[str, dict] = defaultdict(lambda: {"types": set()})
    # DISTINCT: an entity of many documents has its type and labels in each document's graph.
    for r in select("""SELECT DISTINCT ?x ?type ?label WHERE {
            { SELECT DISTINCT ?x WHERE { ?x athar:mentionedIn ?d } }
            { ?x a ?type } UNION { ?x rdfs:label ?label } }"""):
        _collect(entities[r["x"].value], r)
    linked = {o for _, _, o in role_rows} | {e for s, _, o in statements.values() for e in (s, o)}
    missing = sorted(linked - set(entities) - set(events))
    if missing:  # linked but mentioned in no document (a hand-made graph): ask for these by name
        values = " ".join(f"<{i}>" for i in missing)
        for r in select(f"SELECT ?x ?type ?label WHERE {{ VALUES ?x {{ {values} }} "
                        "{ ?x a ?type } UNION { ?x rdfs:label ?label } }"):
            _collect(entities[r["x"].value], r)
        for i in missing:
            entities.setdefault(i, {"types": set()})
    for x in events:
        entities.pop(x, None)
    role_rows = [r for r in role_rows if r[2] in entities]  # an event filling a role is no participant

    for st, (s, p, o) in sorted(statements.items()):
        if s in entities and o in entities:
            relations.append(Relation(s, p, o, statement=st))
    stated = {(s, p, o) for s, p, o in statements.values()}
    props = " ".join(f"<{p}>" for p in RELATIONS)
    for r in select(f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {props} }} ?s ?p ?o }}"):
        s, p, o = r["s"].value, local_name(r["p"].value), r["o"].value
        if (s, p, o) not in stated and s in entities and o in entities:
            relations.append(Relation(s, p, o))
    relations.sort(key=lambda r: (r.subject, r.predicate, r.object, r.statement or ""))

    documents = sorted({r["f"].value for r in select("SELECT ?f WHERE { ?d a athar:Document ; athar:fileName ?f }")})
    return Network(
        entities={i: _node(i, "entity", d, supers) for i, d in entities.items()},
        events={i: _node(i, "event", d, supers) for i, d in events.items()},
        roles=role_rows, relations=relations, documents=documents,
        classes={local_name(c): {local_name(s) for s in ss} for c, ss in supers.items()},
    )


def read_evidence(store, facts: list[str] | None = None) -> dict[str, list[Evidence]]:
    """Event or statement -> its evidence spans, in document and text order (of ``facts`` only, if given)."""
    values = "VALUES ?x { " + " ".join(f"<{f}>" for f in facts) + " }" if facts is not None else ""
    if facts is not None and not facts:
        return {}
    seen, out = set(), defaultdict(list)
    for r in store.query(_PREFIXES + f"""SELECT ?x ?e ?anchor ?sentence ?begin ?end ?file ?file2 WHERE {{
            {values} ?x athar:evidence ?e .
            OPTIONAL {{ ?e nif:anchorOf ?anchor }} OPTIONAL {{ ?e athar:sentence ?sentence }}
            OPTIONAL {{ ?e nif:beginIndex ?begin }} OPTIONAL {{ ?e nif:endIndex ?end }}
            OPTIONAL {{ ?e nif:referenceContext/athar:fileName ?file }}
            OPTIONAL {{ ?e prov:wasDerivedFrom/athar:fileName ?file2 }} }}"""):
        x, e = r["x"].value, r["e"].value
        if (x, e) in seen:
            continue
        seen.add((x, e))
        file = r["file"] if r["file"] is not None else r["file2"]
        out[x].append(Evidence(
            iri=e, evidence=_text(r["anchor"]), sentence=_text(r["sentence"]), document=_text(file),
            begin=int(r["begin"].value) if r["begin"] is not None else None,
            end=int(r["end"].value) if r["end"] is not None else None))
    for spans in out.values():
        spans.sort(key=lambda e: (e.document, e.begin if e.begin is not None else -1, e.iri))
    return out


def build_network(store) -> nx.MultiDiGraph:
    """The graph the HTML views draw: events as nodes (negated ones too), the shortcuts beside
    them, and every edge with its evidence. Node ids are IRIs; edges are keyed
    ``"{role}|{source}|{evidence}"``, one per span of evidence."""
    net = read_network(store, negated=True)
    return net.graph("nodes", shortcuts=True, evidence=read_evidence(store))


def find_entity(G: nx.MultiDiGraph, name: str) -> str:
    """The node of the one entity of ``G`` that ``name`` names: its IRI, or an Arabic or English
    label equal to it once both are normalized (hamza, ta marbuta, diacritics, case), else one
    label that holds it as whole words ("Tabqa" for "Tabqa Hospital" when nothing is labelled
    "Tabqa"), and of several such, the one whose head it is ("التحالف" for "التحالف الدولي", not
    for "شركاء التحالف")."""
    if name in G and G.nodes[name].get("kind") == "entity":
        return name
    key = _key(name)
    labels = {n: (_key(d.get("label_ar") or ""), _key(d.get("label_en") or ""))
              for n, d in G.nodes(data=True) if d.get("kind") == "entity"}
    found = sorted(n for n, ls in labels.items() if key in ls)
    if not found and key:
        found = sorted(n for n, ls in labels.items() if any(f" {key} " in f" {label} " for label in ls))
        # Several: the one whose head it is (an Arabic name's first word, an English name's last).
        heads = [n for n in found if f"{labels[n][0]} ".startswith(f"{key} ") or f" {labels[n][1]}".endswith(f" {key}")]
        found = heads if len(heads) == 1 else found
    if len(found) == 1:
        return found[0]
    shown = " ".join(name.split())
    if not found:
        raise QueryError(f"no entity is labelled {shown!r}; give an Arabic or English label "
                         "(athar stats -f json lists the central ones) or an entity's IRI")
    names = "; ".join(_display(G, n) for n in found[:6]) + ("; ..." if len(found) > 6 else "")
    raise QueryError(f"{shown!r} names {len(found)} entities ({names}); give one of their labels in full or an IRI")


# -- helpers -------------------------------------------------------------


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _key(label: str) -> str:
    return " ".join(normalize_word(w).casefold() for w in label.split())


def _display(G: nx.MultiDiGraph, n: str) -> str:
    d = G.nodes[n]
    return d.get("label_ar") or d.get("label_en") or local_name(n)


def _text(term) -> str:
    return term.value if term is not None else ""


def _collect(d: dict, row, more: tuple[str, ...] = ()) -> None:
    """Fold one row of a union of types, labels (and the variables ``more``) into ``d``."""
    if row["type"] is not None:
        d["types"].add(row["type"].value)
    label = row["label"]
    if label is not None:
        lang = (label.language or "").split("-")[0]
        key = lang if lang in ("ar", "en") else "en"
        old = d.get(key)  # several labels in one language: the shortest, then the first in order
        if old is None or (len(label.value), label.value) < (len(old), old):
            d[key] = label.value
    for name in more:
        if row[name] is not None:
            d[name] = min(filter(None, (d.get(name), row[name].value)))


def _node(iri: str, kind: str, d: dict, supers: dict[str, set[str]]) -> Node:
    return Node(iri=iri, kind=kind, cls=_most_specific(d["types"], supers), label_ar=d.get("ar"),
                label_en=d.get("en"), date=d.get("date"), trigger=d.get("trigger"))


def superclasses(store) -> dict[str, set[str]]:
    """athar class -> all its athar superclasses (IRIs), from the ontology graph of the store, or
    from the package's ontology when the store holds none (a store made by hand). The closure is
    taken here, over the few direct links: a path with both ends open (``?c rdfs:subClassOf+ ?s``)
    is refused by some servers (Virtuoso: "transitive start not given")."""
    direct: dict[str, set[str]] = defaultdict(set)
    for r in store.query(_PREFIXES + f"""
            SELECT ?c ?s WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?c rdfs:subClassOf ?s }} }}"""):
        direct[r["c"].value].add(r["s"].value)
    if not direct:
        ontology = rdflib.Graph().parse(ONTOLOGY_PATH, format="turtle")
        for c, s in ontology.subject_objects(RDFS.subClassOf):
            direct[str(c)].add(str(s))
    supers: dict[str, set[str]] = defaultdict(set)
    for c in list(direct):
        todo = list(direct[c])
        while todo:
            s = todo.pop()
            if s not in supers[c]:
                supers[c].add(s)
                todo += direct.get(s, ())
    return supers


def _most_specific(types, supers: dict[str, set[str]]) -> str | None:
    """The local name of the athar class that no other of ``types`` specializes."""
    types = {t for t in types if t.startswith(str(ATHAR))}
    leaves = [t for t in types if not any(t in supers.get(u, ()) for u in types if u != t)]
    return local_name(sorted(leaves)[0]) if leaves else None
