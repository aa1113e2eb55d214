"""The summary graph: the rows of the aggregate saved queries, drawn once per change of the store.

An aggregate (the actors of the most events, the events of each place or month) reads every
event of the store to answer a few dozen rows: 1.2 s for ``actors`` at 10,000 documents, ten
times that at 100,000. Its answer changes only when a document does, so it is drawn here at the
end of each build and removal (the hook of :func:`athar.graph.rdf.refresh_entities`, which
``athar.graph.ingest.AFTER_CHANGE`` calls), and the saved query reads the few rows back: a cost
that follows the answer, not the store.

Each view is a SPARQL SELECT in ``summaries/NAME.rq`` (package data): the saved query's own
aggregate, without its ORDER BY and LIMIT. Its rows are written in the named graph
``aid:graph/summary``, one node a row, named by its view and a digest of its values::

    <https://w3id.org/athar/id/summary/actors/3f2a...> a <https://w3id.org/athar/id/summary/actors> ;
       <https://w3id.org/athar/id/summary/actors#actor> "ISIS" ;
       <https://w3id.org/athar/id/summary/actors#events> 42 ; ...

(an unbound column has no triple), and ``queries/NAME.rq`` reads them with the saved query's
ORDER BY. Like the entities graph, the summary records a digest of what it was drawn from (the
document graphs with their hashes, the gazetteer, the views' text): when that is the same,
nothing is drawn. It is computed over the union of the store's graphs less the inferred graph
of ``athar reason``, as a saved query reads them; the inferred graph adds nothing these
aggregates count (the most specific class, the stated places).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from athar.graph.terms import AID, ATHAR, PREFIXES

SUMMARY_GRAPH = AID["graph/summary"]
SUMMARY = AID["summary/"]  # a view's rows are typed <SUMMARY + name>, its columns <SUMMARY + name#column>
_INFERRED = str(AID["graph/inferred"])
_RDF_TYPE = PREFIXES["rdf"] + "type"
_VIEW_DIR = Path(str(resources.files("athar.graph") / "summaries"))


@dataclass(frozen=True)
class View:
    """One aggregate drawn into the summary graph: its name (the saved query's) and SELECT."""

    name: str
    text: str

    @property
    def row_type(self) -> str:
        return f"{SUMMARY}{self.name}"

    def column(self, name: str) -> str:
        return f"{SUMMARY}{self.name}#{name}"


def summary_views(directory: Path = _VIEW_DIR) -> list[View]:
    """The views of the summary graph, by name."""
    return [View(p.stem, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.rq"))]


def view_rows(store, view: View) -> tuple[list[str], list[dict]]:
    """The view's columns and rows as its SELECT answers them now, over the graphs a saved
    query reads (every graph but the inferred one): what the summary graph holds after a refresh."""
    graphs = store.graphs()
    default = [g for g in graphs if g != _INFERRED] if _INFERRED in graphs else None
    result = store.query(view.text, default_graph=default)
    columns = [v.value for v in result.variables]
    return columns, [{c: sol[c] for c in columns if sol[c] is not None} for sol in result]


def summary_rows(store, view: View) -> list[dict]:
    """The rows of a view as the summary graph holds them (column -> term)."""
    rows: dict[str, dict] = {}
    found = store.query(f"SELECT ?row ?p ?v WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ "
                        f"?row a <{view.row_type}> ; ?p ?v }} }}")
    prefix = view.column("")
    for sol in found:
        if sol["p"].value.startswith(prefix):
            rows.setdefault(sol["row"].value, {})[sol["p"].value[len(prefix):]] = sol["v"]
    return list(rows.values())


def refresh_summary(store, sources: str, *, force: bool = False) -> bool:
    """Draw the summary graph again when ``sources`` (the digest of the document graphs and
    the gazetteer, :func:`athar.graph.rdf.refresh_entities`'s) or the views changed since it
    was drawn, or when ``force``: every view's rows and the digest written as one graph, in one
    step (the graph is replaced whole). Returns whether it was drawn again."""
    views = summary_views()
    digest = hashlib.sha256("\n".join([sources, *(f"{v.name}\n{v.text}" for v in views)]).encode()).hexdigest()
    if not force:
        rows = list(store.query(f"SELECT ?h WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ "
                                f"<{SUMMARY_GRAPH}> <{ATHAR.contentHash}> ?h }} }}"))
        if len(rows) == 1 and rows[0]["h"].value == digest:
            return False
    graph = ox.NamedNode(str(SUMMARY_GRAPH))
    quads = [ox.Quad(graph, ox.NamedNode(str(ATHAR.contentHash)), ox.Literal(digest), graph)]
    type_ = ox.NamedNode(str(_RDF_TYPE))
    for view in views:
        columns, rows = view_rows(store, view)
        row_type = ox.NamedNode(view.row_type)
        predicates = {c: ox.NamedNode(view.column(c)) for c in columns}
        for row in rows:  # a row's IRI: its view and a digest of its values (the same rows, the same IRIs)
            values = "\n".join(f"{c} {row[c]}" for c in sorted(row))
            node = ox.NamedNode(f"{view.row_type}/{hashlib.sha256(values.encode()).hexdigest()[:20]}")
            quads.append(ox.Quad(node, type_, row_type, graph))
            quads += [ox.Quad(node, predicates[c], term, graph) for c, term in row.items()]
    store.write_graphs([(str(SUMMARY_GRAPH), ox.serialize(quads, format=ox.RdfFormat.N_QUADS))])
    return True


__all__ = ["SUMMARY", "SUMMARY_GRAPH", "View", "refresh_summary", "summary_rows", "summary_views", "view_rows"]
