"""What goes into a view: the whole store, a query's answer, one entity's neighbourhood, or
who acted on whom.

Every view is a subgraph of ``athar.use.analytics.build_network`` (entities and events as
nodes, roles and relations as edges, each edge with its evidence), so that the page draws
and explains them all the same way:

- ``whole``: every node; the page opens on an overview by class above ``OVERVIEW_LIMIT``
  nodes (``athar.use.viz`` decides);
- ``around``: the nodes within ``depth`` links of one entity, found by its Arabic or
  English label whatever its hamza, ta marbuta, alif maqsura or diacritics (``find_entity``);
- ``query``: the entities and events a SELECT names (with the events and entities one link
  away, so that their facts show), or the nodes a CONSTRUCT's triples join;
- ``actors``: actor-to-target edges only: the shortcut properties (liberated, rebuilt,
  trained) and, for an event with no shortcut, its agent to its target (or place),
  labelled with the event's class.
- ``top`` (:func:`top_view`, what ``athar viz`` draws of a store of more than ``CUT_ABOVE``
  events unless ``--all``): the ``top`` actors and places that take part in the most events,
  each pair linked by the events they share, one line per class of event with its count and
  the evidence of a few of them; each entity's ``LINKS`` strongest pairs. It is read from the
  store as :mod:`athar.use.projection` reads it (negated events left out), not through the
  whole graph: at 10,000 documents the whole graph is 73,000 nodes, a page no one can read.

``vocabulary`` reads what the page needs of the ontology: each class's and property's
label in Arabic and English, and each class's family (place, facility, actor, person,
event), which gives its shape.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import networkx as nx

from athar.errors import QueryError
from athar.graph.store import Store
from athar.graph.terms import ATHAR, ONTOLOGY_GRAPH, ONTOLOGY_PATH, sparql_prefixes
from athar.read.text import normalize_word
from athar.use.analytics import PLACE_ROLES, asserted, build_network, local_name
from athar.use.network import read_evidence, superclasses
from athar.use.projection import read_labels, read_projection
from athar.use.query import answer, resolve_query

log = logging.getLogger(__name__)

VIEWS = ("whole", "around", "query", "actors", "top")
OVERVIEW_LIMIT = 400  # above this many nodes the whole store opens on an overview
TOP = 100  # actors and places the top view draws
LINKS = 3  # pairs the top view draws, per entity drawn
CUT_ABOVE = 2000  # events in the store above which `athar viz` draws the top view unless --all
EXAMPLES = 2  # events whose evidence a line of the top view carries, per class
FAMILIES = ("Person", "Facility", "Place", "Actor", "Materiel", "Event")  # most specific first
_SHORTCUTS = {"Liberation": "liberated", "Reconstruction": "rebuilt", "Training": "trained"}

__all__ = ["CUT_ABOVE", "FAMILIES", "OVERVIEW_LIMIT", "TOP", "VIEWS", "Vocabulary", "actor_view", "amounts",
           "around_view", "count_events", "find_entity", "query_view", "top_view", "vocabulary"]


@dataclass(frozen=True)
class Vocabulary:
    """Labels of the ontology's terms by language (``labels["ar"]["City"]``), and families."""

    labels: dict = field(default_factory=dict)
    families: dict = field(default_factory=dict)

    def name(self, term: str | None, lang: str) -> str | None:
        return self.labels.get(lang, {}).get(term) if term else None


def vocabulary(store) -> Vocabulary:
    """The labels and families of the ontology graph in ``store``; else of ``ontology/athar.ttl``."""
    source = store
    ask = f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}"
    if not store.query(ask) and ONTOLOGY_PATH.exists():
        source = Store()
        source.load_file(ONTOLOGY_PATH, str(ONTOLOGY_GRAPH))
    labels: dict[str, dict[str, str]] = {"ar": {}, "en": {}}
    for r in source.query(sparql_prefixes("rdfs") + f"""
        SELECT ?t ?l WHERE {{
            GRAPH <{ONTOLOGY_GRAPH}> {{ ?t rdfs:label ?l }} FILTER(STRSTARTS(STR(?t), "{ATHAR}"))
        }} ORDER BY ?t ?l"""):
        lang = (r["l"].language or "").split("-")[0]
        if lang in labels:
            labels[lang].setdefault(local_name(r["t"].value), r["l"].value)
    families: dict[str, str] = {}
    # the closure of rdfs:subClassOf is taken in Python (network.superclasses): a path whose
    # start is not a constant is refused by some servers (Virtuoso: "transitive start not given")
    for c, supers in superclasses(source).items():
        found = {local_name(c), *map(local_name, supers)}
        family = next((f for f in FAMILIES if f in found), None)
        if family:
            families[local_name(c)] = family
    for f in FAMILIES:
        families.setdefault(f, f)
    return Vocabulary(labels, families)


def amounts(store) -> dict[str, str]:
    """Event IRI -> its amounts as written ("أكثر من 100 ألف كيلومتر مربع"), or value and unit."""
    out: dict[str, list[str]] = {}
    for r in store.query(sparql_prefixes("athar") + """
        SELECT ?x ?w ?v ?u WHERE { ?x athar:amount ?a .
            OPTIONAL { ?a athar:words ?w } OPTIONAL { ?a athar:value ?v } OPTIONAL { ?a athar:unit ?u } }
        ORDER BY ?x ?w ?v"""):
        text = r["w"].value if r["w"] is not None else " ".join(
            t.value for t in (r["v"], r["u"]) if t is not None)
        if text and text not in out.get(r["x"].value, []):
            out.setdefault(r["x"].value, []).append(text)
    return {x: "; ".join(ts) for x, ts in out.items()}


# -- finding an entity --------------------------------------------------------


def _key(text: str) -> str:
    return " ".join(normalize_word(text).casefold().split())


def find_entity(G: nx.MultiDiGraph, name: str) -> str:
    """The node whose Arabic or English label is ``name`` (normalized), else contains it as
    whole words; or the node whose IRI is ``name``. The best-linked wins a tie."""
    if name in G and G.nodes[name].get("kind") == "entity":
        return name
    key = _key(name)
    if not key:
        raise QueryError("give the entity to centre the view on: --around NAME (Arabic or English)")
    entities = [(n, d) for n, d in G.nodes(data=True) if d.get("kind") == "entity"]
    exact = [n for n, d in entities if key in {_key(d.get(f"label_{lang}") or "") for lang in ("ar", "en")}]
    word = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
    found = exact or [n for n, d in entities
                      if any(word.search(_key(d.get(f"label_{lang}") or "")) for lang in ("ar", "en"))]
    if not found:
        raise QueryError(f"no entity in the store is labelled {name!r}; give an Arabic or English "
                         "label (athar events lists them) or an entity's IRI")
    return min(found, key=lambda n: (-G.degree(n), n))


# -- the views ------------------------------------------------------------------


def around_view(G: nx.MultiDiGraph, name: str, depth: int = 2) -> nx.MultiDiGraph:
    """The nodes within ``depth`` links of the entity ``name`` (edges in either direction)."""
    if depth < 1:
        raise QueryError(f"--depth must be 1 or more, not {depth}")
    centre = find_entity(G, name)
    near = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre, cutoff=depth)
    view = G.subgraph(near).copy()
    view.graph.update(view="around", centre=centre, depth=depth)
    return view


def query_view(store, G: nx.MultiDiGraph, query: str, params: dict | None = None) -> nx.MultiDiGraph:
    """The nodes a query's answer names: a saved query's name, a ``.rq`` file, or SPARQL text."""
    text = query if re.search(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\s", query, re.I) else None
    result = answer(store, text or resolve_query(query), params=params)
    if isinstance(result, bool):
        raise QueryError("an ASK query answers yes or no: there is no graph to draw")
    named: list[str] = []
    construct = False
    # a row that shows names or evidence ("Baghuz"@en) names the entities and events behind them
    by_text: dict[str, list[str]] = {}
    for n, d in G.nodes(data=True):
        for lang in ("ar", "en"):
            if d.get(f"label_{lang}"):
                by_text.setdefault(d[f"label_{lang}"], []).append(n)
    for _, _, d in G.edges(data=True):
        if d.get("evidence") and d.get("source") in G:
            by_text.setdefault(d["evidence"], []).append(d["source"])
    for row in result:
        if hasattr(row, "subject"):  # a triple of a CONSTRUCT or DESCRIBE
            construct = True
            terms = (row.subject, row.object)
        else:
            terms = [row[i] for i in range(len(row))]
        for t in terms:
            if type(t).__name__ == "NamedNode":
                named.append(t.value)
            elif type(t).__name__ == "Literal" and not construct:
                named += by_text.get(t.value, [])
    keep = dict.fromkeys(n for n in named if n in G)
    if not construct:
        for n in list(keep):  # the facts of what a row names: its events, and their entities
            for m in nx.all_neighbors(G, n):
                keep.setdefault(m)
                if G.nodes[m].get("kind") == "event":
                    keep.update(dict.fromkeys(nx.all_neighbors(G, m)))
    view = G.subgraph(keep).copy()
    view.graph.update(view="query", query=query)
    log.info("query view: %d of %d IRIs named are in the graph", len(set(named) & set(G)), len(set(named)))
    return view


def actor_view(G: nx.MultiDiGraph, vocab: Vocabulary) -> nx.MultiDiGraph:
    """Entities only: who liberated, rebuilt, trained, attacked ... whom or what.

    The shortcut properties come as they are; an event of another class becomes an edge
    from its agent to its target (else its place), with the event's class as the role.
    """
    view = nx.MultiDiGraph(view="actors")
    for n, d in G.nodes(data=True):
        if d.get("kind") == "entity":
            view.add_node(n, **d)
    for u, v, k, d in G.edges(keys=True, data=True):
        if d.get("kind") == "relation" and d["role"] in _SHORTCUTS.values():
            view.add_edge(u, v, key=k, **d)
    for n, d in G.nodes(data=True):
        if d.get("kind") != "event" or _SHORTCUTS.get(d.get("cls")):
            continue
        ends: dict[str, list[tuple[str, dict]]] = {}
        for _, o, e in G.out_edges(n, data=True):
            ends.setdefault(e["role"], []).append((o, e))
        targets = ends.get("target") or ends.get("victim") or ends.get("place") or []
        for a, e in ends.get("agent", []):
            for t, _ in targets:
                if a != t:
                    view.add_edge(a, t, key=f"{d.get('cls')}|{n}|{e.get('evidence')}",
                                  **{**e, "kind": "action", "role": d.get("cls") or "Event", "source": n,
                                     "date": d.get("date")})
    view.remove_nodes_from([n for n in list(view) if view.degree(n) == 0])
    return view


def whole_view(store) -> nx.MultiDiGraph:
    G = build_network(store)
    G.graph["view"] = "whole"
    return G


def count_events(store) -> int:
    """How many facts with evidence the store holds (events and statements): what decides whether
    ``athar viz`` draws the whole graph or the top view."""
    rows = store.query(sparql_prefixes("athar") + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x athar:evidence ?e }")
    return int(next(iter(rows))["n"].value)


def top_view(store, top: int = TOP, links: int = LINKS) -> nx.MultiDiGraph:
    """The ``top`` actors and places of the most events, linked by the events they share (see the
    module's doc); ``G.graph["cut"]`` says what was left out."""
    if top < 1:
        raise QueryError(f"--top must be 1 or more, not {top}")
    graphs = asserted(store)
    p = read_projection(store, "edges", graphs, frozenset(PLACE_ROLES))
    ranked = sorted((e for e in p.per_entity if p.is_a(e, "Actor") or p.is_a(e, "Place")),
                    key=lambda e: (-p.per_entity[e], p.iris[e]))
    keep = set(ranked[:top])
    shared: dict[tuple[int, int], list[int]] = {}
    for x in sorted(p.members):
        ends = sorted(p.members[x] & keep)
        for i, a in enumerate(ends):
            for b in ends[i + 1:]:
                shared.setdefault((a, b), []).append(x)
    # each entity's ``links`` strongest pairs: the strongest overall would all be between a few hubs
    strongest: dict[int, list[tuple[int, int]]] = {}
    for ab in sorted(shared, key=lambda ab: (-len(shared[ab]), ab)):
        for e in ab:
            strongest.setdefault(e, []).append(ab)
    pairs = sorted({ab for found in strongest.values() for ab in found[:links]})
    by_class: dict[tuple[int, int, str], list[int]] = {}
    for a, b in pairs:
        for x in shared[(a, b)]:
            by_class.setdefault((a, b, p.event_cls[x] or "Event"), []).append(x)
    examples = sorted({p.events[x] for xs in by_class.values() for x in xs[:EXAMPLES]})
    spans = read_evidence(store, examples)
    dates = {r["x"].value: r["d"].value for r in store.query(sparql_prefixes("athar") + "SELECT ?x (MIN(STR(?d)) AS ?d) "
             "WHERE { VALUES ?x { " + " ".join(f"<{x}>" for x in examples) + " } ?x athar:date ?d } GROUP BY ?x")
             if r["d"] is not None} if examples else {}
    labels = read_labels(store, [p.iris[e] for e in keep], graphs)
    G = nx.MultiDiGraph(view="top")
    for e in sorted(keep, key=lambda e: p.iris[e]):
        ar, en = labels[p.iris[e]]
        G.add_node(p.iris[e], iri=p.iris[e], kind="entity", cls=p.cls[e], label_ar=ar, label_en=en)
    for (a, b, cls), xs in sorted(by_class.items(), key=lambda kv: (p.iris[kv[0][0]], p.iris[kv[0][1]], kv[0][2])):
        for x in xs[:EXAMPLES]:
            event = p.events[x]
            for ev in spans.get(event, [None])[:1]:
                G.add_edge(p.iris[a], p.iris[b], key=f"{cls}|{event}", kind="shared", role=cls, source=event,
                           events=len(xs), date=dates.get(event), background=False, **(ev.attrs() if ev else {}))
    G.graph["cut"] = {"top": top, "entities": p.entities, "events": len(p.events), "drawn": len(keep),
                      "pairs": len(pairs), "of_pairs": len(shared),
                      "shared_events": len({x for xs in shared.values() for x in xs})}
    log.info("top view: %d actors and places of %d entities, %d of %d pairs", len(keep), p.entities,
             len(pairs), len(shared))
    return G
