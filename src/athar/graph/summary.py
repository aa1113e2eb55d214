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
import re
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
_ENTITIES = str(AID["graph/entities"])  # athar.graph.rdf.ENTITIES_GRAPH (rdf imports this module)
_LABEL = PREFIXES["rdfs"] + "label"
_XSD = PREFIXES["xsd"]
_KEY = re.compile(r"^# key: (\w+) (label|governorate|month) \?(\w+)\b", re.M)


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

    @property
    def key(self) -> tuple[str, str, str]:
        """(column, kind, variable) of its ``# key:`` line: the rows are drawn again for the keys
        of that column a change touches (labels, governorates' labels or months), the events
        that may count for them bound to ``?e`` at its ``#@keys`` line (the variable names what
        the key is read from)."""
        found = _KEY.search(self.text)
        if found is None:
            raise ValueError(f"{self.name}.rq: no '# key: COLUMN label|governorate|month ?VARIABLE' line")
        return found.group(1), found.group(2), found.group(3)


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


def summary_digest(sources: str, views: list[View] | None = None) -> str:
    """What the summary graph records it was drawn from: ``sources`` and the views' text."""
    views = summary_views() if views is None else views
    return hashlib.sha256("\n".join([sources, *(f"{v.name}\n{v.text}" for v in views)]).encode()).hexdigest()


def refresh_summary(store, sources: str, *, force: bool = False) -> bool:
    """Draw the summary graph again when ``sources`` (the digest of the document graphs and
    the gazetteer, :func:`athar.graph.rdf.refresh_entities`'s, or the state of the entities
    graph :mod:`athar.graph.increment` keeps) or the views changed since it was drawn, or when
    ``force``: every view's rows and the digest written as one graph, in one step (the graph is
    replaced whole). Returns whether it was drawn again."""
    views = summary_views()
    digest = summary_digest(sources, views)
    if not force and _stored_digest(store) == digest:
        return False
    graph = ox.NamedNode(str(SUMMARY_GRAPH))
    quads = [ox.Quad(graph, ox.NamedNode(str(ATHAR.contentHash)), ox.Literal(digest), graph)]
    for view in views:
        columns, rows = view_rows(store, view)
        quads += _row_quads(view, columns, rows, graph)
    store.write_graphs([(str(SUMMARY_GRAPH), ox.serialize(quads, format=ox.RdfFormat.N_QUADS))])
    return True


def update_summary(store, touched, before: str, state: str) -> None:
    """Draw again the rows of the keys a change touched (``touched``, an
    :class:`athar.graph.increment.Touched`: the entities the changed documents named before or
    after, their English labels before, their months), each view in one transaction; then record
    ``state``. A summary that does not record ``before`` (drawn from another state of the
    entities graph, or not at all) is drawn again whole."""
    views = summary_views()
    if _stored_digest(store) != summary_digest(before, views):
        refresh_summary(store, state, force=True)
        return
    keys = {"label": touched.labels | _labels(store, touched.entities),
            "governorate": _governorates(store, touched.entities), "month": set(touched.months)}
    graph = ox.NamedNode(str(SUMMARY_GRAPH))
    for view in views:
        column, kind, var = view.key
        chosen = sorted(keys[kind])
        if kind == "governorate" and touched.containment:  # places moved: any governorate's rows may change
            columns, rows = view_rows(store, view)
            body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in _row_quads(view, columns, rows, graph))
            store.update(f"DELETE WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?row a <{view.row_type}> ; ?p ?o }} }}"
                         + (f" ;\nINSERT DATA {{ GRAPH <{SUMMARY_GRAPH}> {{ {body} }} }}" if body else ""))
            continue
        if not chosen:
            continue
        # the events that may count for those keys, first, in a sub-select of their own: those
        # naming an entity of those labels (or a place within those governorates), or dated in
        # those months (a VALUES of entities joined to the view's own patterns was planned as a
        # scan of every event for each entity: 11 s for 1 document at 1,000 documents)
        if kind == "month":
            found = [" ".join(_month_dates(m) for m in chosen)]
            events = f"?e <{ATHAR.date}> ?k_"
        else:
            found = _entities_labelled(store, chosen)
            if kind == "governorate":
                found = _within(store, found)
            events = "?e ?p_ ?k_"
        text = view.text.replace("#@keys", f"{{ SELECT DISTINCT ?e WHERE {{ VALUES ?k_ {{ {' '.join(found)} }} "
                                           f"{events} }} }}") + f"\nHAVING (?{column} IN ({', '.join(chosen)}))"
        columns, rows = view_rows(store, View(view.name, text))
        body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in _row_quads(view, columns, rows, graph))
        store.update(f"DELETE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?row ?p ?o }} }} WHERE {{ VALUES ?k {{ {' '.join(chosen)} }} "
                     f"GRAPH <{SUMMARY_GRAPH}> {{ ?row <{view.column(column)}> ?k ; a <{view.row_type}> ; ?p ?o }} }}"
                     + (f" ;\nINSERT DATA {{ GRAPH <{SUMMARY_GRAPH}> {{ {body} }} }}" if body else ""))
    store.update(f"DELETE WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{ATHAR.contentHash}> ?h }} }} ;\n"
                 f'INSERT DATA {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{ATHAR.contentHash}> '
                 f'"{summary_digest(state, views)}" }} }}')


def _row_quads(view: View, columns: list[str], rows: list[dict], graph) -> list:
    """A view's rows as quads: one node a row, named by its view and a digest of its values (the
    same rows, the same IRIs, whether drawn whole or key by key)."""
    quads = []
    type_ = ox.NamedNode(str(_RDF_TYPE))
    row_type = ox.NamedNode(view.row_type)
    predicates = {c: ox.NamedNode(view.column(c)) for c in columns}
    for row in rows:
        values = "\n".join(f"{c} {row[c]}" for c in sorted(row))
        node = ox.NamedNode(f"{view.row_type}/{hashlib.sha256(values.encode()).hexdigest()[:20]}")
        quads.append(ox.Quad(node, type_, row_type, graph))
        quads += [ox.Quad(node, predicates[c], term, graph) for c, term in row.items()]
    return quads


def _stored_digest(store) -> str | None:
    rows = list(store.query(f"SELECT ?h WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ "
                            f"<{SUMMARY_GRAPH}> <{ATHAR.contentHash}> ?h }} }}"))
    return rows[0]["h"].value if len(rows) == 1 else None


def _labels(store, entities) -> set[str]:
    """The English labels the entities graph gives ``entities`` (N-Triples literals)."""
    out: set[str] = set()
    for chunk in _chunks(sorted(entities)):
        out |= {str(r["l"]) for r in store.query(
            f"SELECT ?l WHERE {{ VALUES ?s {{ {' '.join(chunk)} }} GRAPH <{_ENTITIES}> {{ ?s <{_LABEL}> ?l "
            f'FILTER(LANG(?l) = "en") }} }}')}
    return out


def _governorates(store, entities) -> set[str]:
    """The English labels of the governorates that hold ``entities`` (or are among them)."""
    out: set[str] = set()
    for chunk in _chunks(sorted(entities)):
        out |= {str(r["l"]) for r in store.query(
            f"SELECT DISTINCT ?l WHERE {{ VALUES ?p {{ {' '.join(chunk)} }} ?p <{ATHAR.locatedIn}>* ?g . "
            f"GRAPH <{_ENTITIES}> {{ ?g a <{ATHAR.Governorate}> ; <{_LABEL}> ?l FILTER(LANG(?l) = \"en\") }} }}")}
    return out


def _entities_labelled(store, labels: list[str]) -> list[str]:
    """Every entity with one of ``labels``: a row keyed by a label counts all of them."""
    out: set[str] = set()
    for chunk in _chunks(labels):
        out |= {str(r["x"]) for r in store.query(
            f"SELECT DISTINCT ?x WHERE {{ VALUES ?l {{ {' '.join(chunk)} }} GRAPH <{_ENTITIES}> {{ ?x <{_LABEL}> ?l }} }}")}
    return sorted(out)


def _within(store, governorates: list[str]) -> list[str]:
    """The places within ``governorates`` (and themselves), through the union of the graphs."""
    out: set[str] = set()
    for chunk in _chunks(governorates):
        out |= {str(r["p"]) for r in store.query(
            f"SELECT DISTINCT ?p WHERE {{ VALUES ?g {{ {' '.join(chunk)} }} ?p <{ATHAR.locatedIn}>* ?g }}")}
    return sorted(out)


def _month_dates(month: str) -> str:
    """The date literals of a month (``"2019-05"``, N-Triples): the month itself and its days."""
    m = month.strip('"')
    return " ".join([f'"{m}"^^<{_XSD}gYearMonth>', *(f'"{m}-{d:02d}"^^<{_XSD}date>' for d in range(1, 32))])


def _chunks(items: list, n: int = 2000):
    for i in range(0, len(items), n):
        yield items[i:i + n]


__all__ = ["SUMMARY", "SUMMARY_GRAPH", "View", "refresh_summary", "summary_digest", "summary_rows", "summary_views",
           "update_summary", "view_rows"]
