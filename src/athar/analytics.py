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

log = logging.getLogger(__name__)

ATHAR = "https://w3id.org/athar/ontology#"
ONTOLOGY_GRAPH = "https://w3id.org/athar/ontology"

# Object properties from an event to an entity (docs/model.md, "Roles").
ROLES = (
    "agent", "target", "place", "origin", "destination", "beneficiary", "supporter",
    "recipient", "victim", "participant", "trainee", "accordingTo",
)
# Entity-to-entity properties: relations with a statement, and the event shortcuts.
RELATIONS = ("locatedIn", "leaderOf", "spokespersonOf", "liberated", "rebuilt", "trained")
# athar: properties of an event whose object is never an entity.
_NOT_ROLES = frozenset({"evidence", "amount", "modality"})

_PREFIXES = f"""
PREFIX athar: <{ATHAR}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""
_EVENT_FILTER = "?x athar:evidence ?_evd . FILTER NOT EXISTS { ?x a athar:RelationStatement }"


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
    event nodes also ``date`` and ``trigger``. Edges are keyed ``"{role}|{source}"``
    where source is the event or statement they come from.
    """
    supers = _superclasses(store)
    G = nx.MultiDiGraph()

    events = {_v(r["x"]) for r in store.query(_PREFIXES + f"SELECT DISTINCT ?x WHERE {{ {_EVENT_FILTER} }}")}
    evidence = _evidence(store)

    # Edges first: their endpoints are entities even when nothing says athar:mentionedIn.
    role_edges = []
    for r in store.query(_PREFIXES + f"""
        SELECT DISTINCT ?x ?p ?o WHERE {{
            {_EVENT_FILTER}
            ?x ?p ?o . FILTER(isIRI(?o) && STRSTARTS(STR(?p), "{ATHAR}"))
        }}"""):
        role = _local(_v(r["p"]))
        if role not in _NOT_ROLES:
            role_edges.append((_v(r["x"]), role, _v(r["o"])))

    values = " ".join(f"athar:{p}" for p in RELATIONS)
    statements = [
        (_v(r["st"]), _v(r["s"]), _local(_v(r["p"])), _v(r["o"]))
        for r in store.query(_PREFIXES + f"""
            SELECT DISTINCT ?st ?s ?p ?o WHERE {{
                ?st a athar:RelationStatement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
            }}""")
    ]
    direct = [
        (_v(r["s"]), _local(_v(r["p"])), _v(r["o"]))
        for r in store.query(_PREFIXES + f"""
            SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o . FILTER(isIRI(?o)) }}""")
    ]

    entities = {_v(r["e"]) for r in store.query(_PREFIXES + "SELECT DISTINCT ?e WHERE { ?e athar:mentionedIn ?d }")}
    entities |= {o for _, role, o in role_edges if role in ROLES}
    entities |= {x for _, s, _, o in statements for x in (s, o)}
    entities |= {x for s, _, o in direct for x in (s, o)}
    entities -= events
    # A non-role athar: link from an event counts only when it points at a known entity.
    role_edges = [(x, role, o) for x, role, o in role_edges if o in entities]

    info = _node_info(store, entities | events)
    for iri in sorted(entities):
        d = info.get(iri, {})
        G.add_node(iri, iri=iri, kind="entity", cls=_most_specific(d.get("types", ()), supers),
                   label_ar=d.get("ar"), label_en=d.get("en"))
    for iri in sorted(events):
        d = info.get(iri, {})
        G.add_node(iri, iri=iri, kind="event", cls=_most_specific(d.get("types", ()), supers),
                   label_ar=d.get("ar"), label_en=d.get("en"), label=d.get("en") or d.get("ar"),
                   date=d.get("date"), trigger=d.get("trigger"))

    for x, role, o in sorted(role_edges):
        for ev in evidence.get(x) or [_Evidence()]:
            G.add_edge(x, o, key=f"{role}|{x}|{ev.iri}", kind="role", role=role,
                       predicate=ATHAR + role, source=x, **ev.attrs())

    stated = set()
    for st, s, rel, o in sorted(statements):
        stated.add((s, rel, o))
        for ev in evidence.get(st) or [_Evidence()]:
            G.add_edge(s, o, key=f"{rel}|{st}|{ev.iri}", kind="relation", role=rel,
                       predicate=ATHAR + rel, source=st, **ev.attrs())

    # Shortcuts (and relations nobody stated in a sentence): the evidence is that of
    # any event that links both ends, one edge per such event.
    by_event = defaultdict(set)
    for x, _, o in role_edges:
        by_event[x].add(o)
    for s, rel, o in sorted(direct):
        if (s, rel, o) in stated:
            continue
        sources = sorted(x for x, ends in by_event.items() if s in ends and o in ends)
        if not sources:
            G.add_edge(s, o, key=f"{rel}|", kind="relation", role=rel, predicate=ATHAR + rel,
                       source=None, **_Evidence().attrs())
        for x in sources:
            for ev in evidence.get(x) or [_Evidence()]:
                G.add_edge(s, o, key=f"{rel}|{x}|{ev.iri}", kind="relation", role=rel,
                           predicate=ATHAR + rel, source=x, **ev.attrs())

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
        "classes": dict(sorted(Counter(d.get("cls") or "?" for _, d in G.nodes(data=True)).items(),
                               key=lambda kv: (-kv[1], kv[0]))),
        "roles": dict(sorted(Counter(d.get("role") for _, _, d in G.edges(data=True)).items(),
                             key=lambda kv: (-kv[1], kv[0]))),
        "documents": sorted({d["document"] for _, _, d in G.edges(data=True) if d.get("document")}),
        "degree_centrality": ranked(degree),
        "betweenness": ranked(between),
        "components": {
            "count": len(components),
            "sizes": [len(c) for c in components],
            "largest": sorted(_display(G, n) for n in components[0]) if components else [],
        },
    }


# -- helpers -------------------------------------------------------------


def _v(term) -> str:
    return term.value


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _display(G: nx.MultiDiGraph, n: str) -> str:
    d = G.nodes[n]
    return d.get("label_ar") or d.get("label_en") or _local(n)


def _superclasses(store) -> dict[str, set[str]]:
    """athar class -> all its athar superclasses, from the ontology graph when loaded."""
    supers: dict[str, set[str]] = defaultdict(set)
    for r in store.query(_PREFIXES + f"""
        SELECT ?c ?s WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?c rdfs:subClassOf+ ?s }} }}"""):
        supers[_v(r["c"])].add(_v(r["s"]))
    return supers


def _most_specific(types, supers: dict[str, set[str]]) -> str | None:
    """The local name of the athar class that no other of ``types`` specializes."""
    types = set(types)
    leaves = [t for t in types if not any(t in supers.get(u, ()) for u in types if u != t)]
    return _local(sorted(leaves)[0]) if leaves else None


def _node_info(store, iris: set[str]) -> dict[str, dict]:
    """Types, Arabic and English labels, date and trigger of each node."""
    info: dict[str, dict] = defaultdict(lambda: {"types": set()})
    if not iris:
        return info
    values = " ".join(f"<{i}>" for i in sorted(iris))
    for r in store.query(_PREFIXES + f"""
        SELECT ?n ?type ?label ?date ?trigger WHERE {{
            VALUES ?n {{ {values} }}
            {{ ?n a ?type . FILTER(STRSTARTS(STR(?type), "{ATHAR}")) }}
            UNION {{ ?n rdfs:label ?label }}
            UNION {{ ?n athar:date ?date }}
            UNION {{ ?n athar:trigger ?trigger }}
        }}"""):
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
    for r in store.query(_PREFIXES + """
        SELECT ?x ?e (SAMPLE(?a) AS ?anchor) (SAMPLE(?s) AS ?sentence) (SAMPLE(?f) AS ?file)
               (SAMPLE(?b) AS ?begin) (SAMPLE(?z) AS ?end) WHERE {
            ?x athar:evidence ?e .
            OPTIONAL { ?e nif:anchorOf ?a }
            OPTIONAL { ?e athar:sentence ?s }
            OPTIONAL { ?e nif:beginIndex ?b }
            OPTIONAL { ?e nif:endIndex ?z }
            OPTIONAL { { ?e nif:referenceContext ?doc } UNION { ?e <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc }
                       ?doc athar:fileName ?f }
        } GROUP BY ?x ?e"""):
        out[_v(r["x"])].append(_Evidence(
            iri=_v(r["e"]),
            evidence=_v(r["anchor"]) if r["anchor"] is not None else "",
            sentence=_v(r["sentence"]) if r["sentence"] is not None else "",
            document=_v(r["file"]) if r["file"] is not None else "",
            begin=int(_v(r["begin"])) if r["begin"] is not None else None,
            end=int(_v(r["end"])) if r["end"] is not None else None,
        ))
    for spans in out.values():
        spans.sort(key=lambda e: (e.document, e.begin if e.begin is not None else -1, e.iri))
    return out
