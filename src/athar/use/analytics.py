"""Network analytics: what an analyst asks of the graph, answered with networkx.

    >>> report = analyse(store)                       # what `athar stats` prints
    >>> path = shortest_path(store, "التحالف الدولي", "Tabqa Hospital")
    >>> timeline(store)                               # [("2017-10", "Liberation", 3), ...]

The graph is projected from the store by SPARQL (``athar.use.network``), by default
with events as edges between their participants, so that actors and places are the
nodes; ``events="nodes"`` keeps events as nodes, the ontology's own shape.

- **Centrality** of actors (classes under athar:Actor) and places (under athar:Place):
  degree centrality (the share of the other nodes a node touches) and betweenness
  (how often it lies on the shortest path between two others), on the undirected
  simple graph. Betweenness is exact up to ``EXACT_BETWEENNESS`` nodes; above, it is
  estimated from a sample of source nodes (networkx's ``k``, a fixed seed) sized so
  the work stays near ``BETWEENNESS_BUDGET`` node and edge visits, and the report
  says how many were sampled.
- **Communities** by Louvain modularity (networkx, fixed seed; :func:`analyse`: igraph's
  implementation, seeded), **connected components**, each told by its best-connected entities.

:func:`analyse` (``athar stats``) reads the graph as integers and measures it with igraph
(:mod:`athar.use.projection`): the same numbers as the networkx functions here over
:func:`project`'s graph, in a fraction of the time and memory; the networkx functions stay for
the path, the views and as the reference the tests compare it with.
- **Shortest path** between two entities named by an Arabic or English label, with
  the facts along it and the words that state them.
- **Timeline** of events by month and class; **counts** of events per class, per
  place and per actor.

Events the text says did not happen (modality Negated) are left out.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import networkx as nx

from athar.errors import QueryError
from athar.graph.terms import ATHAR, sparql_prefixes
from athar.use.network import (  # noqa: F401  (build_network and local_name: the views draw with them)
    EVENTS_AS,
    Network,
    build_network,
    find_entity,
    local_name,
    read_evidence,
    read_network,
)
from athar.graph.reason import INFERRED_GRAPH
from athar.graph.store import Table
from athar.use.cache import kept
from athar.use.output import DEFAULT_WIDTH, render_table
from athar.use.projection import betweenness as betweenness_of
from athar.use.projection import components as connected
from athar.use.projection import degree_centrality, louvain, read_labels, read_projection
from athar.use.query import query_graphs

log = logging.getLogger(__name__)

EXACT_BETWEENNESS = 1000  # nodes
BETWEENNESS_BUDGET = 400_000  # sampled sources x (nodes + edges)
MIN_SAMPLES = 32
SEED = 0
COMMUNITIES = f"Louvain (igraph multilevel, seed {SEED})"
KINDS = {"actors": "Actor", "places": "Place"}
PLACE_ROLES = {"place", "destination", "origin"}  # roles that say where, whatever fills them


@dataclass(frozen=True)
class Ranked:
    """An entity and its score in one measure."""

    iri: str
    label_ar: str | None
    label_en: str | None
    cls: str | None
    score: float
    links: int  # its neighbours in the simple graph


@dataclass(frozen=True)
class Step:
    """One hop of a path: from one node to the next, and the facts that link them."""

    source: str
    target: str
    source_label: str
    target_label: str
    facts: tuple[dict, ...]  # {fact, type, role, date, evidence, sentence, document, begin, end}


def project(store, events: str = "edges") -> tuple[Network, nx.MultiDiGraph]:
    """The store's rows and their graph, events as ``"edges"`` or ``"nodes"``."""
    net = read_network(store, graphs=asserted(store))
    return net, net.graph(events)


def simple(G: nx.MultiDiGraph) -> nx.Graph:
    """``G`` undirected, one edge between two nodes, no loops: what the measures read."""
    U = nx.Graph()
    U.add_nodes_from(G)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return U


def betweenness(U: nx.Graph, samples: int | None = None) -> tuple[dict[str, float], int | None]:
    """Betweenness centrality of every node of ``U``, and the number of sampled sources
    (None when exact): exact up to ``EXACT_BETWEENNESS`` nodes unless ``samples`` is given."""
    n = len(U)
    if n < 3:
        return dict.fromkeys(U, 0.0), None
    if samples is None and n <= EXACT_BETWEENNESS:
        return nx.betweenness_centrality(U), None
    k = samples or max(MIN_SAMPLES, BETWEENNESS_BUDGET // (n + U.number_of_edges()))
    if k >= n:
        return nx.betweenness_centrality(U), None
    return nx.betweenness_centrality(U, k=k, seed=SEED), k


def centrality(net: Network, G: nx.MultiDiGraph, top: int = 10, samples: int | None = None,
               U: nx.Graph | None = None) -> dict:
    """The ``top`` actors and places by degree and by betweenness centrality."""
    U = simple(G) if U is None else U
    degree = nx.degree_centrality(U) if len(U) > 1 else dict.fromkeys(U, 0.0)
    between, k = betweenness(U, samples)
    out: dict = {"betweenness_samples": k}
    # an actor is ranked among the actors when it acts or is acted on somewhere: a country that is
    # only ever where things happen ("في سوريا") is ranked among the places, not the actors
    acting = {o for _, role, o in net.roles if role not in PLACE_ROLES}
    for kind, cls in KINDS.items():
        members = [n for n in U if n in net.entities and net.is_a(net.entities[n], cls)
                   and (kind != "actors" or n in acting or not net.is_a(net.entities[n], "Place"))]
        out[kind] = {name: [asdict(r) for r in _ranked(net, U, scores, members, top)]
                     for name, scores in (("degree", degree), ("betweenness", between))}
    return out


def communities(net: Network, G: nx.MultiDiGraph, top: int = 5, most: int = 5, U: nx.Graph | None = None) -> dict:
    """Louvain communities of the simple graph: how many, and the ``top`` largest with their
    ``most`` best-connected entities."""
    U = simple(G) if U is None else U
    found = nx.community.louvain_communities(U, seed=SEED) if U.number_of_edges() else [{n} for n in U]
    found = sorted(found, key=lambda c: (-len(c), min(c)))
    modularity = nx.community.modularity(U, found) if U.number_of_edges() else 0.0
    return {"count": len(found), "modularity": round(modularity, 4),
            "largest": [{"size": len(c), "entities": _best_connected(net, U, c, most)} for c in found[:top]]}


def components(net: Network, G: nx.MultiDiGraph, top: int = 5, most: int = 5, U: nx.Graph | None = None) -> dict:
    """Connected components: how many, their sizes (largest first) and what the ``top`` largest hold."""
    U = simple(G) if U is None else U
    found = sorted(nx.connected_components(U), key=lambda c: (-len(c), min(c)))
    return {"count": len(found), "sizes": [len(c) for c in found],
            "largest": [{"size": len(c), "entities": _best_connected(net, U, c, most)} for c in found[:top]]}


def counts(net: Network, top: int = 10) -> dict:
    """Events per class, and the ``top`` places and actors by the number of events they take part in."""
    per_entity = Counter()
    for x, o in {(x, o) for x, _, o in net.roles}:
        per_entity[o] += 1
    out = {"events": len(net.events),
           "classes": _sorted_counts(Counter(e.cls or "?" for e in net.events.values()))}
    for kind, cls in KINDS.items():
        members = [n for n in per_entity if net.is_a(net.entities[n], cls)]
        members.sort(key=lambda n: (-per_entity[n], net.entities[n].label, n))
        out[kind] = [{"iri": n, "label_ar": net.entities[n].label_ar, "label_en": net.entities[n].label_en,
                      "cls": net.entities[n].cls, "events": per_entity[n]} for n in members[:top]]
    return out


def timeline(store) -> list[tuple[str, str, int]]:
    """Events by month and class, in month order: ``[("2017-10", "Liberation", 2), ...]``. An event
    dated only to a year has no month and is left out, as are negated events."""
    rows = store.query(sparql_prefixes("athar") + f"""
        SELECT ?month ?cls (COUNT(DISTINCT ?x) AS ?n) WHERE {{
            ?x athar:date ?d ; a ?cls ; athar:evidence ?ev .
            FILTER(STRSTARTS(STR(?cls), "{ATHAR}") && STRLEN(STR(?d)) >= 7)
            FILTER NOT EXISTS {{ ?x athar:modality athar:Negated }}
            BIND(SUBSTR(STR(?d), 1, 7) AS ?month)
        }} GROUP BY ?month ?cls""", **_dataset(store))
    return sorted((r["month"].value, local_name(r["cls"].value), int(r["n"].value)) for r in rows)


def shortest_path(store, start: str, end: str, events: str = "edges") -> list[Step]:
    """The shortest path from the entity ``start`` names to the one ``end`` names (Arabic or
    English labels, or IRIs), each step with the facts that link its two ends and their evidence.
    Among paths of the same length, the one networkx's breadth-first search meets first
    (nodes and edges in IRI order)."""
    net, G = project(store, events)
    a, b = find_entity(G, start), find_entity(G, end)
    try:
        nodes = nx.shortest_path(simple(G), a, b)
    except nx.NetworkXNoPath:
        raise QueryError(f"no path links {_label(net, a)!r} and {_label(net, b)!r} in the graph; "
                         "they are in different components (athar stats lists them)") from None
    hops = list(zip(nodes, nodes[1:]))
    edges = {(u, v): _between(G, u, v) for u, v in hops}
    spans = read_evidence(store, sorted({d["source"] for ds in edges.values() for d in ds if d.get("source")}))
    steps = []
    for u, v in hops:
        facts = []
        for d in edges[(u, v)]:
            fact = d.get("source")
            kind = net.events[fact].cls if fact in net.events else d.get("role")
            for ev in spans.get(fact) or [None]:
                facts.append({"fact": fact, "type": kind, "role": _role(d, u), "date": d.get("date"),
                              **(ev.attrs() if ev else {})})
        steps.append(Step(u, v, _label(net, u), _label(net, v), tuple(facts)))
    return steps


def analyse(store, *, events: str = "edges", top: int = 10, samples: int | None = None,
            cache: bool | Path = False) -> dict:
    """What ``athar stats`` reports: sizes, counts, centrality, communities and components,
    and the timeline. The graph is read as integers and measured with igraph
    (:mod:`athar.use.projection`): the numbers of :func:`counts`, :func:`centrality` and
    :func:`components` over :func:`project`'s graph, and communities by the same method.
    ``cache`` (True: the default folder, or a folder): the report kept for the same store
    content and parameters is given back, else computed and kept (:mod:`athar.use.cache`)."""
    if events not in EVENTS_AS:
        raise QueryError(f"events are drawn as {' or '.join(EVENTS_AS)}, not {events!r}")
    if cache:
        return kept(store, "stats", {"events": events, "top": top, "samples": samples},
                    lambda: analyse(store, events=events, top=top, samples=samples),
                    None if cache is True else Path(cache))
    graphs = asserted(store)
    p = read_projection(store, events, graphs, frozenset(PLACE_ROLES))
    g = p.graph
    links = g.degree()
    k = _samples(g.vcount(), g.ecount(), samples)
    scores = {"degree": degree_centrality(g), "betweenness": betweenness_of(g, k, SEED)}
    rankings: list[tuple[tuple, list[int], Callable, int]] = []  # (where, candidates, key, how many)

    def rank(where: tuple, nodes, key: Callable, most: int) -> None:
        order = sorted(nodes, key=key)
        if len(order) > most:  # the first ``most`` and all that tie with the last: labels decide
            cut = key(order[most - 1])
            order = [n for n in order if key(n) <= cut]
        rankings.append((where, order, key, most))

    for kind, cls in KINDS.items():
        rank(("counts", kind), [e for e in p.per_entity if p.is_a(e, cls)], lambda e: (-p.per_entity[e],), top)
        members = [n for n in range(p.entities) if p.is_a(n, cls)
                   and (kind != "actors" or n in p.acting or not p.is_a(n, "Place"))]
        for name, score in scores.items():
            rank(("centrality", kind, name), members, lambda n, s=score: (-s[n], -links[n]), top)
    found, modularity = louvain(g, SEED)
    groups = {"communities": found, "components": connected(g)}
    for key, parts in groups.items():
        parts.sort(key=lambda c: (-len(c), min(p.iris[n] for n in c)))
        for i, c in enumerate(parts[:5]):
            rank((key, i), [n for n in c if n < p.entities], lambda n: (-links[n],), 5)

    labels = read_labels(store, [p.iris[n] for _, nodes, _, _ in rankings for n in nodes], graphs)
    name = {}
    for _, nodes, _, _ in rankings:
        for n in nodes:
            ar, en = labels[p.iris[n]]
            name[n] = (ar, en, ar or en or local_name(p.iris[n]))
    ranked = {where: sorted(nodes, key=lambda n, key=key: (*key(n), name[n][2], p.iris[n]))[:most]
              for where, nodes, key, most in rankings}

    def entity(n: int, **more) -> dict:
        return {"iri": p.iris[n], "label_ar": name[n][0], "label_en": name[n][1], "cls": p.cls[n], **more}

    counted = {kind: [entity(e, events=p.per_entity[e]) for e in ranked[("counts", kind)]] for kind in KINDS}
    central = {kind: {m: [asdict(Ranked(p.iris[n], name[n][0], name[n][1], p.cls[n], round(scores[m][n], 4),
                                        links[n])) for n in ranked[("centrality", kind, m)]] for m in scores}
               for kind in KINDS}
    parts = {key: [{"size": len(c), "entities": [name[n][2] for n in ranked[(key, i)]]}
                   for i, c in enumerate(cs[:5])] for key, cs in groups.items()}
    return {
        "documents": p.documents,
        "projection": {"events_as": events, "nodes": g.vcount(), "edges": g.ecount()},
        "counts": {"events": sum(p.event_classes.values()), "classes": _sorted_counts(Counter(p.event_classes)),
                   **counted},
        "centrality": {"betweenness_samples": k, "betweenness_seed": SEED if k else None, **central},
        "communities": {"count": len(found), "modularity": round(modularity, 4), "method": COMMUNITIES,
                        "largest": parts["communities"]},
        "components": {"count": len(groups["components"]), "sizes": [len(c) for c in groups["components"]],
                       "largest": parts["components"]},
        "timeline": [{"month": m, "class": c, "events": n} for m, c, n in p.timeline],
    }


def _samples(n: int, m: int, samples: int | None) -> int | None:
    """The sources betweenness is estimated from (None: exact), as :func:`betweenness` chooses them."""
    if n < 3 or (samples is None and n <= EXACT_BETWEENNESS):
        return None
    k = samples or max(MIN_SAMPLES, BETWEENNESS_BUDGET // (n + m))
    return None if k >= n else k


def summarize(G: nx.MultiDiGraph, top: int = 10) -> dict:
    """Sizes, classes, roles, the most central entities and the components of a graph of
    :func:`build_network` (what the views draw), every entity ranked."""
    U = simple(G)
    degree = nx.degree_centrality(U) if len(U) > 1 else dict.fromkeys(U, 0.0)
    between, _ = betweenness(U)
    ents = [n for n, d in G.nodes(data=True) if d.get("kind") == "entity"]

    def ranked(scores: dict) -> list[dict]:
        order = sorted(ents, key=lambda n: (-scores.get(n, 0.0), -G.degree(n), _display(G, n)))
        return [{"iri": n, "label": _display(G, n), "label_ar": G.nodes[n].get("label_ar"),
                 "label_en": G.nodes[n].get("label_en"), "cls": G.nodes[n].get("cls"), "links": G.degree(n),
                 "score": round(scores.get(n, 0.0), 4)} for n in order[:top]]

    found = sorted(nx.connected_components(U), key=lambda c: (-len(c), sorted(c)))
    return {
        "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
        "kinds": dict(Counter(d.get("kind") for _, d in G.nodes(data=True)).most_common()),
        "classes": _sorted_counts(Counter(d.get("cls") or "?" for _, d in G.nodes(data=True))),
        "roles": _sorted_counts(Counter(d.get("role") for _, _, d in G.edges(data=True))),
        "documents": sorted({d["document"] for _, _, d in G.edges(data=True) if d.get("document")}),
        "degree_centrality": ranked(degree), "betweenness": ranked(between),
        "components": {"count": len(found), "sizes": [len(c) for c in found],
                       "entities": [[_display(G, n) for n in sorted(
                           (n for n in c if G.nodes[n].get("kind") == "entity"),
                           key=lambda n: (-G.degree(n), _display(G, n)))[:top]] for c in found]},
    }


def asserted(store) -> list[str] | None:
    """The graphs to read: None (the union of all) unless ``athar build --reason`` left an inferred
    graph, then every other graph by name. (Oxigraph answers over a union of a thousand named
    graphs given by name a hundred times slower than over its own union.)"""
    graphs = store.graphs()
    return query_graphs(store) if str(INFERRED_GRAPH) in graphs else None


# -- helpers -------------------------------------------------------------


def _dataset(store) -> dict:
    graphs = asserted(store)
    return {} if graphs is None else {"default_graph": graphs}



def _ranked(net: Network, U: nx.Graph, scores: dict, members: list[str], top: int) -> list[Ranked]:
    order = sorted(members, key=lambda n: (-scores.get(n, 0.0), -U.degree(n), net.entities[n].label, n))
    return [Ranked(n, net.entities[n].label_ar, net.entities[n].label_en, net.entities[n].cls,
                   round(scores.get(n, 0.0), 4), U.degree(n)) for n in order[:top]]


def _best_connected(net: Network, U: nx.Graph, nodes, most: int) -> list[str]:
    ents = [n for n in nodes if n in net.entities]
    return [net.entities[n].label for n in sorted(ents, key=lambda n: (-U.degree(n), net.entities[n].label, n))[:most]]


def _between(G: nx.MultiDiGraph, u: str, v: str) -> list[dict]:
    """The edges of ``G`` between ``u`` and ``v``, either way, with ``_from`` telling which way."""
    out = [dict(d, _from=u) for d in G.get_edge_data(u, v, default={}).values()]
    out += [dict(d, _from=v) for d in G.get_edge_data(v, u, default={}).values()]
    return sorted(out, key=lambda d: (d.get("source") or "", d.get("role") or ""))


def _role(d: dict, u: str) -> str:
    """The role or relation of an edge, read from ``u``: "agent → target", "locatedIn", "place"."""
    if d.get("kind") == "event":
        pair = (d["from_role"], d["to_role"]) if d["_from"] == u else (d["to_role"], d["from_role"])
        return f"{pair[0]} → {pair[1]}"
    if d.get("kind") == "relation" and d["_from"] != u:
        return f"{d['role']} (inverse)"
    return d.get("role") or ""


def _label(net: Network, n: str) -> str:
    node = net.entities.get(n) or net.events.get(n)
    return node.label if node else local_name(n)


def _display(G: nx.MultiDiGraph, n: str) -> str:
    d = G.nodes[n]
    return d.get("label_ar") or d.get("label_en") or local_name(n)


def _sorted_counts(counter: Counter) -> dict:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))


# -- as text ---------------------------------------------------------------


def format_analysis(report: dict, width: int = DEFAULT_WIDTH) -> str:
    """The report of :func:`analyse` as text: a line of sizes, then a table per question."""
    p, c = report["projection"], report["counts"]
    k = report["centrality"]["betweenness_samples"]
    lines = [f"documents: {report['documents']}  events: {c['events']}  graph: events as {p['events_as']}, "
             f"{p['nodes']} nodes, {p['edges']} links",
             "events by class: " + ", ".join(f"{cls} {n}" for cls, n in c["classes"].items())]
    for kind in KINDS:
        rows = []
        cent = report["centrality"][kind]
        for i in range(max(len(cent["degree"]), len(cent["betweenness"]), len(c[kind]))):
            cells = []
            for col in (cent["degree"], cent["betweenness"]):
                cells.append(f"{_name(col[i])} {col[i]['score']:.3f}" if i < len(col) else "")
            cells.append(f"{_name(c[kind][i])} {c[kind][i]['events']}" if i < len(c[kind]) else "")
            rows.append([str(i + 1), *cells])
        lines += ["", f"{kind}:", render_table(Table(["#", "degree", "betweenness", "events"], rows), width=width)]
    seed = report["centrality"].get("betweenness_seed")
    lines.append("betweenness: " + (f"estimated from {k} sampled sources (of {p['nodes']} nodes, seed {seed})"
                                    if k else "exact"))
    for key in ("communities", "components"):
        part = report[key]
        extra = f", modularity {part['modularity']}" if "modularity" in part else ""
        extra += f", by {part['method']}" if part.get("method") else ""
        lines += ["", f"{key}: {part['count']}{extra}"]
        lines += [f"  {g['size']:>5}  " + "، ".join(g["entities"]) for g in part["largest"]]
    months = Table(["month", "class", "events"], [[t["month"], t["class"], str(t["events"])]
                                                 for t in report["timeline"]])
    lines += ["", "timeline (events dated to the month or the day):", render_table(months, width=width)]
    return "\n".join(lines)


def format_path(steps: list[Step]) -> str:
    """A path as text: each hop, then the facts that make it, each with its evidence and document."""
    if not steps:
        return "(the two names name the same entity)"
    lines = [" → ".join([steps[0].source_label] + [s.target_label for s in steps])]
    for s in steps:
        lines.append(f"\n{s.source_label} → {s.target_label}")
        for f in s.facts:
            where = f" [{f['document']} {f['begin']}-{f['end']}]" if f.get("document") else ""
            date = f" {f['date']}" if f.get("date") else ""
            lines.append(f"  {f['type']} ({f['role']}){date}: {f.get('evidence') or '(background knowledge)'}{where}")
    return "\n".join(lines)


def _name(row: dict) -> str:
    return row.get("label_ar") or row.get("label_en") or local_name(row["iri"])
