"""The compiled SHACL checks (athar.graph.shacl) run over a store's document graphs.

A :class:`Check` is one constraint as a SPARQL SELECT whose rows name the graph (?g), the focus
node (?this) and the value; :func:`run` runs a list of them over the graphs asked for, the checks
of one kind on one focus merged into one query, and returns the rows a
:class:`~athar.graph.validate.Finding` is made of. A check marked ``batch`` (athar.graph.tally)
runs over ``BATCH`` graphs at a time, so that what its query holds is bounded by the batch.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from athar.graph.tally import BATCH, absent_query


@dataclass(frozen=True)
class Check:
    """One compiled constraint: its query (rows ?g ?this [?value]) and what its results say."""

    query: str
    severity: str
    shape: str
    message: str
    path: str | None
    component: str = ""  # the constraint's key in the shapes ("minCount", "sparql", ...)
    # run() merges the checks of a ``kind`` on one ``focus`` (_merged): "absent" (``part`` matches a
    # focus that conforms), "count" (``part`` binds ?value, ``test`` the most); "" runs alone.
    # ``targets``: the focus as a pattern (FILTER EXISTS), when the path is the documents' own.
    focus: str = ""
    kind: str = ""
    part: str = ""
    test: str = ""
    targets: str = ""
    batch: bool = False  # run over a batch of graphs at a time, %BATCH% their VALUES (athar.graph.tally)
    shared: str = ""  # a batched "absent" check's focus nodes in the gazetteer (athar.graph.tally.absent)


def graph_clause(names: list[str], every: list[str]) -> str:
    """The clause that restricts ?g to ``names`` among the store's graphs ``every``: the few
    others left out by a FILTER (a long VALUES list makes Oxigraph join graph by graph)."""
    others = sorted(set(every) - set(names))
    if len(others) < len(names):
        return f"FILTER (?g NOT IN ({', '.join(f'<{n}>' for n in others)}))" if others else ""
    return "VALUES ?g { " + " ".join(f"<{n}>" for n in names) + " }"



def run(store, checks: list[Check], names: list[str]) -> list[tuple]:
    """Run the checks over the graphs ``names``; rows (graph, focus, severity, shape, message, path, value)."""
    rows = []
    if not names:
        return rows
    graphs = graph_clause(names, store.graphs())
    # A VALUES of a few graphs is written where each pattern on ?g opens (%ONLY%), so that
    # Oxigraph starts from those graphs: at the end of the focus it was joined after the rest had
    # been read from every graph (10 graphs of 10,000: 1.1 s a query, against 0.03 s). It also
    # restricts the parts evaluated apart from the focus nodes (MINUS, counts); a FILTER NOT IN
    # cannot (a gazetteer's value, with no ?g, would be filtered out), so it stays at the end.
    graphs, only = ("", graphs) if graphs.startswith("VALUES") else (graphs, "")
    for query, members in _queries(checks):
        texts = [query.replace("%GRAPHS%", graphs).replace("%ONLY%", only)]
        if members[0].batch:
            texts = [query.replace("%BATCH%", "VALUES ?g { " + " ".join(f"<{n}>" for n in names[i:i + BATCH]) + " }")
                     for i in range(0, len(names), BATCH)]
        for r in (r for text in texts for r in store.query(text, union=False)):
            if len(members) == 1:
                check, value = members[0], _value(r, query)
            else:
                check, value = members[int(r["k_"].value)], None
            rows.append((r["g"].value, r["this"].value, check.severity, check.shape, check.message, check.path, value))
    return rows


def _queries(checks: list[Check]) -> list[tuple[str, list[Check]]]:
    """The queries that run ``checks``, each with the checks it answers for (row ?k_ names one):
    the checks of one kind on one focus are one query, the focus computed once (a shape's
    sh:minCount checks: 0.08 s at 1,000 documents, 0.03 s as one). The value checks are not."""
    out, groups = [], {}
    for c in checks:
        if c.kind:
            groups.setdefault((c.focus, c.kind, c.batch), []).append(c)
        else:
            out.append((c.query, [c]))
    for (focus, kind, batch), members in groups.items():
        if batch:
            out.append((absent_query(members), members))
        else:
            out.append((members[0].query if len(members) == 1 else _merged(focus, kind, members), members))
    return out


def _merged(focus: str, kind: str, members: list[Check]) -> str:
    """One query for the checks ``members`` of one kind on ``focus``; its rows ?g ?this ?k_ [?value]."""
    branches = " UNION ".join(f"{{ %ONLY% {c.part} VALUES ?k_ {{ {i} }} }}" for i, c in enumerate(members))
    if kind == "absent":  # each (focus, check) pair, less those that have what the check asks for
        every = " ".join(map(str, range(len(members))))
        return f"SELECT ?g ?this ?k_ WHERE {{ {focus} VALUES ?k_ {{ {every} }} MINUS {{ {branches} }} }}"
    test = " || ".join(f"(?k_ = {i} && ?n_ > {c.test})" for i, c in enumerate(members))
    counts = f"{{ SELECT ?g ?this ?k_ (COUNT(DISTINCT ?value) AS ?n_) WHERE {{ {branches} }} GROUP BY ?g ?this ?k_ }}"
    if all(c.targets for c in members):  # the few nodes with too many values, then whether each is a focus
        return (f"SELECT ?g ?this ?k_ WHERE {{ {{ SELECT ?g ?this ?k_ WHERE {{ {counts} FILTER ({test}) }} }} "
                f"FILTER EXISTS {{ {members[0].targets} }} }}")
    return f"SELECT ?g ?this ?k_ WHERE {{ {focus} {counts} FILTER ({test}) }}"


def _value(row, query: str) -> str | None:
    """The ?value of a row as Finding keeps it: an IRI or a literal's lexical form; none for a blank node."""
    if "?value" not in query.split("WHERE", 1)[0]:
        return None
    term = row["value"]
    return None if term is None or isinstance(term, ox.BlankNode) else term.value
