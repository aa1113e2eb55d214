"""Network analytics: the knowledge graph as a networkx graph, and what an analyst asks of it.

``build_network`` reads the store with SPARQL and returns a ``MultiDiGraph`` with
two kinds of node (``kind="entity"`` and ``kind="event"``) and two kinds of edge:
an event points to each entity that fills one of its roles (``kind="role"``), and
an entity points to another through a relation (``kind="relation"``: locatedIn,
leaderOf, spokespersonOf, and the shortcuts liberated, rebuilt, trained). Every
edge that comes from an event or a relation statement carries the words that say
so (``evidence``), their sentence, the document's file name and the offsets.

``summarize`` answers "which actors are most central", "how many events of each
kind", "how many separate stories does the graph tell".
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx

from athar.graph.terms import ATHAR, EVENT_ROLES, ONTOLOGY_GRAPH, sparql_prefixes

log = logging.getLogger(__name__)

# Entity-to-entity properties: relations with a statement, and the event shortcuts.
RELATIONS = (
    ATHAR.locatedIn,
    ATHAR.leaderOf,
    ATHAR.spokespersonOf,
    ATHAR.liberated,
    ATHAR.rebuilt,
    ATHAR.trained,
)
_ROLE_IRIS = tuple(ATHAR[r] for r in EVENT_ROLES)

_PREFIXES = sparql_prefixes("athar", "rdf", "rdfs", "nif", "prov")
# An event is what has evidence and is not a relation statement (this holds with or
# without the ontology graph in the store).
_EVENT = "?x athar:evidence ?_evd . FILTER NOT EXISTS { ?x a athar:RelationStatement }"


@dataclass(frozen=True)
class _Evidence:
    """The words behind an edge: where they are and what they say."""

    iri: str = ""
    evidence: str = ""
    sentence: str = ""
    document: str = ""
    begin: int | None = None
    end: int | None = None

    def attrs(self) -> dict:
        return {
            "evidence": self.evidence,
            "sentence": self.sentence,
            "document": self.document,
            "begin": self.begin,
            "end": self.end,
        }


def build_network(store) -> nx.MultiDiGraph:
    """Read entities, events, roles and relations from ``store`` into a MultiDiGraph.

    Node ids are IRIs. Entity nodes have ``iri, label_ar, label_en, cls, kind``;
    event nodes also ``label``, ``date`` and ``trigger``. Edges have ``kind`` ("role" or
    "relation"), ``role`` (the property's local name), ``predicate``, ``source`` (the event
    or statement they come from), ``background`` and the evidence attributes; they are
    keyed ``"{role}|{source}|{evidence}"``, one edge per piece of evidence.

    A relation that no sentence states and no event supports (the gazetteer's
    "Raqqa is in Raqqa Governorate") is drawn only between entities the documents
    mention, with ``background=True`` and no evidence.
    """
    supers = _superclasses(store)
    G = nx.MultiDiGraph()
    evidence = _evidence(store)
    events = {
        _v(r["x"]) for r in store.query(_PREFIXES + f"SELECT DISTINCT ?x WHERE {{ {_EVENT} }}")
    }

    roles = " ".join(f"<{p}>" for p in _ROLE_IRIS)
    role_edges = sorted(
        (_v(r["x"]), local_name(_v(r["p"])), _v(r["o"]))
        for r in store.query(
            _PREFIXES
            + f"""
            SELECT DISTINCT ?x ?p ?o WHERE {{
                {_EVENT} VALUES ?p {{ {roles} }} ?x ?p ?o . FILTER(isIRI(?o))
            }}"""
        )
    )
    statements = sorted(
        (_v(r["st"]), _v(r["s"]), local_name(_v(r["p"])), _v(r["o"]))
        for r in store.query(
            _PREFIXES
            + """
            SELECT DISTINCT ?st ?s ?p ?o WHERE {
                ?st a athar:RelationStatement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                FILTER(isIRI(?s) && isIRI(?o))
            }"""
        )
    )
    relations = " ".join(f"<{p}>" for p in RELATIONS)
    direct = sorted(
        (_v(r["s"]), local_name(_v(r["p"])), _v(r["o"]))
        for r in store.query(
            _PREFIXES
            + f"""
            SELECT DISTINCT ?s ?p ?o WHERE {{
                VALUES ?p {{ {relations} }} ?s ?p ?o . FILTER(isIRI(?o))
            }}"""
        )
    )

    q = _PREFIXES + "SELECT DISTINCT ?e WHERE { ?e athar:mentionedIn ?d }"
    entities = {_v(r["e"]) for r in store.query(q)}
    entities |= {o for _, _, o in role_edges}
    entities |= {x for _, s, _, o in statements for x in (s, o)}
    entities -= events

    info = _node_info(store, entities | events)
    for iri in sorted(entities):
        d = info.get(iri, {})
        G.add_node(
            iri,
            iri=iri,
            kind="entity",
            cls=_most_specific(d.get("types", ()), supers),
            label_ar=d.get("ar"),
            label_en=d.get("en"),
        )
    for iri in sorted(events):
        d = info.get(iri, {})
        G.add_node(
            iri,
            iri=iri,
            kind="event",
            cls=_most_specific(d.get("types", ()), supers),
            label_ar=d.get("ar"),
            label_en=d.get("en"),
            label=d.get("en") or d.get("ar"),
            date=d.get("date"),
            trigger=d.get("trigger"),
        )

    def link(s, o, kind, role, source, ev, background=False):
        G.add_edge(
            s,
            o,
            key=f"{role}|{source or ''}|{ev.iri}",
            kind=kind,
            role=role,
            predicate=str(ATHAR[role]),
            source=source,
            background=background,
            **ev.attrs(),
        )

    for x, role, o in role_edges:
        if o in entities:
            for ev in evidence.get(x) or [_Evidence()]:
                link(x, o, "role", role, x, ev)

    stated = set()
    for st, s, rel, o in statements:
        stated.add((s, rel, o))
        for ev in evidence.get(st) or [_Evidence()]:
            link(s, o, "relation", rel, st, ev)

    # Shortcuts: the evidence is that of each event that links both ends.
    ends = defaultdict(set)
    for x, _, o in role_edges:
        ends[x].add(o)
    for s, rel, o in direct:
        if (s, rel, o) in stated:
            continue
        sources = sorted(x for x, e in ends.items() if s in e and o in e)
        for x in sources:
            for ev in evidence.get(x) or [_Evidence()]:
                link(s, o, "relation", rel, x, ev)
        if not sources and s in entities and o in entities:
            link(s, o, "relation", rel, None, _Evidence(), background=True)

    log.info("network: %d nodes, %d edges", G.number_of_nodes(), G.number_of_edges())
    return G


def summarize(G: nx.MultiDiGraph, top: int = 10) -> dict:
    """Counts, the most central entities and the connected components of ``G``.

    Centrality is computed on the undirected simple graph (events included, as the
    hubs that tie actors together) and ranked over entities only: degree centrality
    is the share of other nodes an entity touches, betweenness how often it lies on
    the shortest path between two others. ``links`` is the raw number of edges.
    """
    U = nx.Graph(G.to_undirected(as_view=True))
    ents = [n for n, d in G.nodes(data=True) if d.get("kind") == "entity"]
    degree = nx.degree_centrality(U) if len(U) > 1 else dict.fromkeys(U, 0.0)
    between = nx.betweenness_centrality(U) if len(U) > 2 else dict.fromkeys(U, 0.0)

    def ranked(scores: dict) -> list[dict]:
        order = sorted(ents, key=lambda n: (-scores.get(n, 0.0), -G.degree(n), _display(G, n)))
        return [
            {
                "iri": n,
                "label": _display(G, n),
                "label_ar": G.nodes[n].get("label_ar"),
                "label_en": G.nodes[n].get("label_en"),
                "cls": G.nodes[n].get("cls"),
                "links": G.degree(n),
                "score": round(scores.get(n, 0.0), 4),
            }
            for n in order[:top]
        ]

    components = sorted(nx.connected_components(U), key=lambda c: (-len(c), sorted(c)))
    return {
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "kinds": dict(Counter(d.get("kind") for _, d in G.nodes(data=True)).most_common()),
        "classes": dict(
            sorted(
                Counter(d.get("cls") or "?" for _, d in G.nodes(data=True)).items(),
                key=lambda kv: (-kv[1], kv[0]),
            )
        ),
        "roles": dict(
            sorted(
                Counter(d.get("role") for _, _, d in G.edges(data=True)).items(),
                key=lambda kv: (-kv[1], kv[0]),
            )
        ),
        "documents": sorted({d["document"] for _, _, d in G.edges(data=True) if d.get("document")}),
        "degree_centrality": ranked(degree),
        "betweenness": ranked(between),
        "components": {
            "count": len(components),
            "sizes": [len(c) for c in components],
            "entities": [_best_connected(G, c, top) for c in components],
        },
    }


# -- helpers -------------------------------------------------------------


def _v(term) -> str:
    return term.value


def local_name(iri: str) -> str:
    """The part of an IRI after its last ``#`` or ``/``."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _display(G: nx.MultiDiGraph, n: str) -> str:
    d = G.nodes[n]
    return d.get("label_ar") or d.get("label_en") or local_name(n)


def _best_connected(G: nx.MultiDiGraph, nodes, top: int) -> list[str]:
    """What a component is about: its entities with the most links, best first."""
    ents = [n for n in nodes if G.nodes[n].get("kind") == "entity"]
    return [
        _display(G, n) for n in sorted(ents, key=lambda n: (-G.degree(n), _display(G, n)))[:top]
    ]


def _superclasses(store) -> dict[str, set[str]]:
    """athar class -> all its athar superclasses, from the ontology graph when loaded. The closure
    is taken here, over the few direct links: a path with both ends open (``?c rdfs:subClassOf+
    ?s``) is refused by some servers (Virtuoso: "transitive start not given")."""
    direct: dict[str, set[str]] = defaultdict(set)
    for r in store.query(
        _PREFIXES
        + f"""
        SELECT ?c ?s WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?c rdfs:subClassOf ?s }} }}"""
    ):
        direct[_v(r["c"])].add(_v(r["s"]))
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
    types = set(types)
    leaves = [t for t in types if not any(t in supers.get(u, ()) for u in types if u != t)]
    return local_name(sorted(leaves)[0]) if leaves else None


def _node_info(store, iris: set[str]) -> dict[str, dict]:
    """Types, Arabic and English labels, date and trigger of each node."""
    info: dict[str, dict] = defaultdict(lambda: {"types": set()})
    if not iris:
        return info
    values = " ".join(f"<{i}>" for i in sorted(iris))
    for r in store.query(
        _PREFIXES
        + f"""
        SELECT ?n ?type ?label ?date ?trigger WHERE {{
            VALUES ?n {{ {values} }}
            {{ ?n a ?type . FILTER(STRSTARTS(STR(?type), "{ATHAR}")) }}
            UNION {{ ?n rdfs:label ?label }}
            UNION {{ ?n athar:date ?date }}
            UNION {{ ?n athar:trigger ?trigger }}
        }}"""
    ):
        d = info[_v(r["n"])]
        if r["type"] is not None:
            d["types"].add(_v(r["type"]))
        if r["label"] is not None:
            lang = (r["label"].language or "").split("-")[0]
            key = lang if lang in ("ar", "en") else "en"
            # Several labels in one language: keep the shortest, then the first in order.
            old = d.get(key)
            if old is None or (len(r["label"].value), r["label"].value) < (len(old), old):
                d[key] = r["label"].value
        if r["date"] is not None:
            d["date"] = min(filter(None, (d.get("date"), r["date"].value)))
        if r["trigger"] is not None:
            d["trigger"] = r["trigger"].value
    return info


def _evidence(store) -> dict[str, list[_Evidence]]:
    """Subject (event or statement) -> its evidence spans, in document and text order."""
    out: dict[str, list[_Evidence]] = defaultdict(list)
    for r in store.query(
        _PREFIXES
        + """
        SELECT ?x ?e (SAMPLE(?a) AS ?anchor) (SAMPLE(?s) AS ?sentence) (SAMPLE(?f) AS ?file)
               (SAMPLE(?b) AS ?begin) (SAMPLE(?z) AS ?end) WHERE {
            ?x athar:evidence ?e .
            OPTIONAL { ?e nif:anchorOf ?a }
            OPTIONAL { ?e athar:sentence ?s }
            OPTIONAL { ?e nif:beginIndex ?b }
            OPTIONAL { ?e nif:endIndex ?z }
            OPTIONAL { { ?e nif:referenceContext ?doc } UNION { ?e prov:wasDerivedFrom ?doc }
                       ?doc athar:fileName ?f }
        } GROUP BY ?x ?e"""
    ):
        out[_v(r["x"])].append(
            _Evidence(
                iri=_v(r["e"]),
                evidence=_v(r["anchor"]) if r["anchor"] is not None else "",
                sentence=_v(r["sentence"]) if r["sentence"] is not None else "",
                document=_v(r["file"]) if r["file"] is not None else "",
                begin=int(_v(r["begin"])) if r["begin"] is not None else None,
                end=int(_v(r["end"])) if r["end"] is not None else None,
            )
        )
    for spans in out.values():
        spans.sort(key=lambda e: (e.document, e.begin if e.begin is not None else -1, e.iri))
    return out
