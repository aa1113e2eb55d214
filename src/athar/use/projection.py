"""The graph ``athar stats`` measures, read from the store as integers and measured with igraph.

:mod:`athar.use.network` reads every row into Python objects (nodes, role tuples, a networkx
``MultiDiGraph`` with a dict per edge): at 10,000 documents (50,000 events, 138,000 role rows)
that is 9 s and 400 MB before anything is measured, and networkx's betweenness and Louvain in
pure Python cost 7 s more. Here the same rows are asked for with the same SPARQL, but each
answer is read as one block of SPARQL TSV (no Python object per term) and every IRI becomes an
integer on the way; what the measures read is an igraph ``Graph`` of integers (C code); and labels
are asked for only for the entities the report names.

:func:`read_projection` gives the same graph as ``read_network(...).graph(events)`` made simple
(undirected, one edge between two nodes, no loops), with its nodes in the same order, so that:

- counts, degrees, components and exact betweenness are the same numbers;
- betweenness estimated from ``k`` sampled sources samples the same sources as networkx's
  ``betweenness_centrality(k=k, seed=SEED)`` (the same positions of the same node order) and is
  scaled as networkx scales it: the same estimate, to the last bits of a float;
- communities are Louvain's (igraph's ``community_multilevel``, its random numbers drawn from
  ``random.Random(SEED)``): the same method as networkx's, not the same implementation, so the
  communities found may differ from an earlier networkx run (modularity is the same measure).
"""

from __future__ import annotations

import io
import random
import threading
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import igraph as ig
import pyoxigraph as ox

from athar.errors import QueryError
from athar.graph.terms import ATHAR, EVENT_ROLES, sparql_prefixes
from athar.use.network import EVENTS_AS, RELATIONS, STATED, local_name, superclasses

_PREFIXES = sparql_prefixes("athar", "rdf", "rdfs")
_NEGATED = str(ATHAR.Negated)
_ATHAR = str(ATHAR)
_STATED = {local_name(str(p)) for p in STATED}
# What has evidence (events and statements), with its classes and dates: one row per combination.
_FACTS = """SELECT DISTINCT ?x ?type ?date WHERE { ?x athar:evidence ?ev .
    OPTIONAL { ?x a ?type } OPTIONAL { ?x athar:date ?date } }"""
_NEGATIVE = "SELECT DISTINCT ?x WHERE { ?x athar:modality athar:Negated }"
# Who fills a role of what, asked twice (the roles that say where, and the others) rather than with
# the role in each row, and literals dropped here rather than by a FILTER: each term the store
# writes out costs a look-up of its text, and these are the largest answers (138,000 rows at 10,000
# documents; 0.75 s instead of 1.3 s).
_ROLE_ROWS = "SELECT ?x ?o WHERE {{ VALUES ?p {{ {roles} }} ?x ?p ?o }}"
_ENTITIES = """SELECT DISTINCT ?x ?type WHERE { { SELECT DISTINCT ?x WHERE { ?x athar:mentionedIn ?d } }
    OPTIONAL { ?x a ?type } }"""
_STATEMENTS = """SELECT ?st ?s ?p ?o WHERE {
    ?st a athar:RelationStatement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . FILTER(isIRI(?s) && isIRI(?o)) }"""
_DOCUMENTS = "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?d a athar:Document ; athar:fileName ?f }"


@dataclass
class Projection:
    """The simple graph of a store's entities (and events, with ``events="nodes"``), as integers.

    Node ``i`` is ``iris[i]``; entities come first, in IRI order, then events in IRI order."""

    events_as: str
    iris: list[str]
    entities: int  # nodes 0 .. entities-1 are entities
    cls: list[str | None]  # each node's most specific athar class (local name)
    graph: ig.Graph
    event_classes: dict[str, int]  # class (or "?") -> events
    per_entity: dict[int, int]  # entity -> the events it takes part in
    acting: set[int]  # entities that fill a role other than a place's somewhere
    classes: dict[str, set[str]]  # class -> its superclasses (local names)
    timeline: list[tuple[str, str, int]]
    documents: int
    events: list[str]  # the events (negated ones left out), in IRI order
    members: dict[int, set[int]]  # event (its place in ``events``) -> the entities that fill its roles
    event_cls: list[str | None]  # each event's most specific class

    def is_a(self, node: int, cls: str) -> bool:
        c = self.cls[node]
        return c == cls or cls in self.classes.get(c or "", ())


def read_projection(store, events: str = "edges", graphs: list[str] | None = None,
                    place_roles: frozenset[str] = frozenset()) -> Projection:
    """The graph of ``store`` (the union of ``graphs``, else of every graph) as ``read_network``
    and ``Network.graph(events)`` draw it, negated events left out, made simple."""
    if events not in EVENTS_AS:
        raise QueryError(f"events are drawn as {' or '.join(EVENTS_AS)}, not {events!r}")
    dataset = {} if graphs is None else {"default_graph": graphs}

    def tsv(body: str) -> Iterator[list[str]]:
        return _tsv(store.query(_PREFIXES + body, **dataset))

    supers = superclasses(store)
    statements = {r["st"].value: (r["s"].value, local_name(r["p"].value), r["o"].value)
                  for r in store.query(_PREFIXES + _STATEMENTS, **dataset)}
    negative = {_iri(r[0]) for r in tsv(_NEGATIVE)}
    term = _Interned()  # a class or an entity is one string however many rows name it
    types: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, set[str]] = defaultdict(set)
    for x, t, d in tsv(_FACTS):
        x = _iri(x)
        types[x]
        if t:
            types[x].add(term(_iri(t)))
        if d:
            dates[x].add(term(_lexical(d)))
    timeline = _timeline(types, dates, negative)
    del dates
    event_types = {x: ts for x, ts in types.items() if x not in statements and x not in negative}
    del types

    entity_types: dict[str, set[str]] = defaultdict(set)
    for x, t in tsv(_ENTITIES):
        x = term(_iri(x))
        entity_types[x]
        if t:
            entity_types[x].add(term(_iri(t)))
    event_ids = {x: i for i, x in enumerate(sorted(event_types))}
    role_rows = []  # (event, entity, whether the role says where)
    for where in (False, True):
        roles = " ".join(f"athar:{r}" for r in EVENT_ROLES if (r in place_roles) == where)
        for x, o in tsv(_ROLE_ROWS.format(roles=roles)):
            i = event_ids.get(x[1:-1])
            if i is not None and o.startswith("<"):
                role_rows.append((i, term(o[1:-1]), where))
    linked = {o for _, o, _ in role_rows} | {e for s, _, o in statements.values() for e in (s, o)}
    missing = sorted(linked - entity_types.keys() - event_types.keys())
    if missing:  # linked but mentioned in no document (a graph made by hand): ask for these by name
        values = " ".join(f"<{i}>" for i in missing)
        for x, t in tsv(f"SELECT ?x ?type WHERE {{ VALUES ?x {{ {values} }} OPTIONAL {{ ?x a ?type }} }}"):
            entity_types[_iri(x)]
            if t:
                entity_types[_iri(x)].add(_iri(t))
    for x in event_types:
        entity_types.pop(x, None)

    iris = sorted(entity_types)
    n_entities = len(iris)
    if events == "nodes":
        iris += sorted(event_types)
    index = {iri: i for i, iri in enumerate(iris)}
    cls = [_most_specific(entity_types[i], supers) for i in iris[:n_entities]]
    cls += [_most_specific(event_types[i], supers) for i in iris[n_entities:]]

    members: dict[int, set[int]] = defaultdict(set)  # event -> its participants
    acting: set[int] = set()
    for x, o, where in role_rows:
        e = index.get(o)
        if e is None or e >= n_entities:  # an event filling a role is no participant
            continue
        members[x].add(e)
        if not where:
            acting.add(e)
    del role_rows
    pairs: set[tuple[int, int]] = set()
    for x, ends in members.items():
        if events == "nodes":
            pairs.update((e, n_entities + x) for e in ends)  # events in IRI order after the entities
        else:
            ends = sorted(ends)
            pairs.update((a, b) for i, a in enumerate(ends) for b in ends[i + 1:])
    stated = set()
    for s, p, o in statements.values():
        stated.add((s, p, o))
        if s in index and o in index and index[s] < n_entities and index[o] < n_entities:
            pairs.add(_edge(index[s], index[o]))
    props = " ".join(f"<{p}>" for p in RELATIONS)
    for s, p, o in tsv(f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {props} }} ?s ?p ?o }}"):
        s, p, o = _iri(s), local_name(_iri(p)), _iri(o)
        if p in _STATED and (s, p, o) not in stated and s in index and o in index \
                and index[s] < n_entities and index[o] < n_entities:
            pairs.add(_edge(index[s], index[o]))
    pairs = {(a, b) for a, b in pairs if a != b}
    graph = ig.Graph(n=len(iris), edges=sorted(pairs))

    event_cls = [_most_specific(event_types[x], supers) for x in sorted(event_ids)]
    event_classes: dict[str, int] = defaultdict(int)
    for c in event_cls:
        event_classes[c or "?"] += 1
    per_entity = {e: 0 for ends in members.values() for e in ends}
    for ends in members.values():
        for e in ends:
            per_entity[e] += 1
    documents = next(iter(store.query(_PREFIXES + _DOCUMENTS, **dataset)))["n"]
    return Projection(
        events_as=events, iris=iris, entities=n_entities, cls=cls, graph=graph, event_classes=dict(event_classes),
        per_entity=per_entity, acting=acting,
        classes={local_name(c): {local_name(s) for s in ss} for c, ss in supers.items()},
        timeline=timeline, documents=int(documents.value), events=sorted(event_ids), members=dict(members), event_cls=event_cls)


def read_labels(store, iris, graphs: list[str] | None = None) -> dict[str, tuple[str | None, str | None]]:
    """IRI -> its (Arabic, English) label as ``read_network`` picks them (the shortest, then the
    first; a label in another language or in none counts as English), for ``iris`` only."""
    from athar.use.network import _collect

    dataset = {} if graphs is None else {"default_graph": graphs}
    found: dict[str, dict] = {}
    iris = sorted(set(iris))
    for start in range(0, len(iris), 500):
        values = " ".join(f"<{i}>" for i in iris[start:start + 500])
        # DISTINCT: every document's graph repeats the labels of the entities it names (Syria's,
        # thousands of times): the store folds the copies, Python reads each label once
        for r in store.query(_PREFIXES + f"SELECT DISTINCT ?x ?type ?label WHERE {{ VALUES ?x {{ {values} }} "
                             "?x rdfs:label ?label }", **dataset):
            _collect(found.setdefault(r["x"].value, {"types": set()}), r)
    return {i: (found.get(i, {}).get("ar"), found.get(i, {}).get("en")) for i in iris}


# -- the measures -------------------------------------------------------------------


def degree_centrality(g: ig.Graph) -> list[float]:
    """Each node's neighbours over the other nodes (networkx's ``degree_centrality``)."""
    n = g.vcount()
    return [d / (n - 1) for d in g.degree()] if n > 1 else [0.0] * n


def betweenness(g: ig.Graph, k: int | None, seed: int) -> list[float]:
    """Betweenness centrality of each node, normalized as networkx normalizes it: exact when
    ``k`` is None, else estimated from ``k`` sources drawn as networkx draws them
    (``random.Random(seed).sample`` of the nodes in order) and scaled as networkx scales them."""
    n = g.vcount()
    if n < 3:
        return [0.0] * n
    N = n - 1  # the (s, t) pairs that can pass through v: v is not t
    if k is None or k >= n:
        raw = g.betweenness(directed=False)  # each unordered pair once
        return [2 * b / (N * (N - 1)) for b in raw]
    sources = random.Random(seed).sample(range(n), k)
    raw = g.betweenness(directed=False, sources=sources)  # halved, as for unordered pairs
    picked = set(sources)
    source_scale = 2 / ((k - 1) * (N - 1)) if k > 1 else float("nan")
    other_scale = 2 / (k * (N - 1))
    return [b * (source_scale if v in picked else other_scale) for v, b in enumerate(raw)]


_RNG_LOCK = threading.Lock()


def louvain(g: ig.Graph, seed: int) -> tuple[list[list[int]], float]:
    """Louvain communities (igraph's multilevel, random numbers from ``random.Random(seed)``)
    and their modularity; every node on its own when there is no edge."""
    if g.ecount() == 0:
        return [[v] for v in range(g.vcount())], 0.0
    with _RNG_LOCK:  # igraph's generator is process-wide: one seeded run at a time (server threads)
        ig.set_random_number_generator(random.Random(seed))
        try:
            found = g.community_multilevel()
        finally:
            ig.set_random_number_generator(random)
    return [list(c) for c in found], found.modularity


def components(g: ig.Graph) -> list[list[int]]:
    return [list(c) for c in g.connected_components()]


# -- helpers ---------------------------------------------------------------------------


class _Interned(dict):
    """One string object per distinct value: ``term(s)`` is the first ``s`` seen equal to it."""

    def __call__(self, value: str) -> str:
        return self.setdefault(value, value)


def _tsv(solutions) -> Iterator[list[str]]:
    """A SELECT's rows as N-Triples terms ("" unbound), written by the store as SPARQL TSV into a
    temporary file and read back a line at a time: a row costs a split, not a Python object per
    term, and the answer is never held whole in memory."""
    with tempfile.TemporaryFile() as f:
        solutions.serialize(f, format=ox.QueryResultsFormat.TSV)
        f.seek(0)
        lines = io.TextIOWrapper(f, encoding="utf-8", newline="\n")
        next(lines, None)  # the header
        for line in lines:
            yield line.rstrip("\n").split("\t")


def _iri(term: str) -> str:
    return term[1:-1] if term.startswith("<") else term


def _lexical(term: str) -> str:
    """The lexical form of an N-Triples literal without escapes (a date): ``"2017-10"^^<...>``."""
    if term.startswith('"'):
        return term[1:term.rindex('"')]
    return term


def _edge(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def _most_specific(types, supers: dict[str, set[str]]) -> str | None:
    """The local name of the athar class that no other of ``types`` specializes (as network's)."""
    types = {t for t in types if t.startswith(_ATHAR)}
    leaves = [t for t in types if not any(t in supers.get(u, ()) for u in types if u != t)]
    return local_name(sorted(leaves)[0]) if leaves else None


def _timeline(types: dict[str, set[str]], dates: dict[str, set[str]], negative: set[str]) -> list[tuple[str, str, int]]:
    """Events by month and class (every athar class an event states), as ``analytics.timeline``."""
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for x, ds in dates.items():
        if x in negative:
            continue
        months = {d[:7] for d in ds if len(d) >= 7}
        for month in months:
            for t in types.get(x, ()):
                if t.startswith(_ATHAR):
                    seen[(month, local_name(t))] += 1
    return sorted((m, c, n) for (m, c), n in seen.items())


__all__ = ["Projection", "betweenness", "components", "degree_centrality", "louvain", "read_labels", "read_projection"]
