"""The summary graph: the rows of the aggregate saved queries, kept up to date document by document.

An aggregate (the actors of the most events, the events of each place or month) reads every
event of the store to answer a few dozen rows: 1.2 s for ``actors`` at 10,000 documents, ten
times that at 100,000. Its answer changes only when a document does, so it is kept here, brought
up to date at the end of each build and removal (the hook of
:func:`athar.graph.rdf.refresh_entities`, which ``athar.graph.ingest.AFTER_CHANGE`` calls), and
the saved query reads the few rows back: a cost that follows the answer, not the store.

Each view is a SPARQL SELECT in ``summaries/NAME.rq`` (package data): the saved query's own
aggregate, without its ORDER BY and LIMIT, grouped by document as well (``?doc``, the graph of
the event; ``#@doc`` is where one document's ``VALUES`` goes). Every event belongs to one
document graph, so each aggregate is the combination of the documents' parts: counts and sums
add up, a maximum is the largest of the documents' maxima, a ``GROUP_CONCAT(DISTINCT ...)`` the
union of their lists. The summary graph ``aid:graph/summary`` holds, for each view:

- its rows, one node a row, named by its view and a digest of its key (the GROUP BY values)::

    <https://w3id.org/athar/id/summary/actors/3f2a...> a <https://w3id.org/athar/id/summary/actors> ;
       <https://w3id.org/athar/id/summary/actors#actor> "ISIS" ;
       <https://w3id.org/athar/id/summary/actors#events> 42 ; ...

  (an unbound column has no triple) with, under ``<summary/state>``, the multiset of the
  documents' parts it combines (JSON: how many documents, each part's value with how many
  documents give it);
- each document's part (``<summary/part/VIEW/DIGEST>``, under ``<summary/part>``: its rows, JSON).

A build or removal of k documents takes their old parts away from the rows they touched and
adds their new ones (:func:`update_summary`): work for those documents, not the store. When a
changed document states containment (``athar:locatedIn`` moves other documents' events between
governorates), the views that read it are drawn again whole. ``queries/NAME.rq`` reads the rows
with the saved query's ORDER BY. Like the entities graph, the summary records a digest of what
it was drawn from (the entities graph's state, the gazetteer, the views' text): when that is the
same, nothing is drawn. It is computed over the union of the store's graphs less the inferred
graph of ``athar reason``, as a saved query reads them; the inferred graph adds nothing these
aggregates count (the most specific class, the stated places).
"""

from __future__ import annotations

import hashlib
import json
import marshal
import re
import tempfile
import zlib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from athar.graph.terms import AID, ATHAR, PREFIXES

SUMMARY_GRAPH = AID["graph/summary"]
SUMMARY = AID["summary/"]  # a view's rows are typed <SUMMARY + name>, its columns <SUMMARY + name#column>
_INFERRED = str(AID["graph/inferred"])
_RDF_TYPE = f"<{PREFIXES['rdf']}type>"
_INTEGER = ox.NamedNode(PREFIXES["xsd"] + "integer")
_STATE, _PART = f"<{SUMMARY}state>", f"<{SUMMARY}part>"
_VIEW_DIR = Path(str(resources.files("athar.graph") / "summaries"))
_AGGREGATE = re.compile(r'\((COUNT|SUM|MAX|GROUP_CONCAT)\((?:DISTINCT )?\?\w+(?:; SEPARATOR="([^"]*)")?\) AS \?(\w+)\)')
_GROUP = re.compile(r"^GROUP BY \?doc((?: \?\w+)+)[ \t]*$", re.M)
_KINDS = {"COUNT": "sum", "SUM": "sum", "MAX": "max", "GROUP_CONCAT": "concat"}
_CHUNK = 64  # documents in one query's VALUES
_SHARE = 2000  # graphs of the store per share of the documents' parts spilled when the graph is drawn whole
_CALC = ox.Store()  # an empty store: the sums and maxima of the parts, with SPARQL's own arithmetic


@dataclass(frozen=True)
class View:
    """One aggregate kept in the summary graph: its name (the saved query's) and SELECT, grouped by
    document (``?doc``) and by its key."""

    name: str
    text: str

    @property
    def row_type(self) -> str:
        return f"{SUMMARY}{self.name}"

    def column(self, name: str) -> str:
        return f"{SUMMARY}{self.name}#{name}"

    @property
    def keys(self) -> list[str]:
        """The columns of its GROUP BY after ``?doc``: what names a row."""
        found = _GROUP.search(self.text)
        if found is None:
            raise ValueError(f"{self.name}.rq: no 'GROUP BY ?doc ?KEY ...' line")
        return found.group(1).split(" ?")[1:]

    @property
    def aggregates(self) -> dict[str, tuple[str, str]]:
        """Each aggregate column: how the documents' parts combine (sum, max, concat) and the
        separator of a concatenation."""
        return {m.group(3): (_KINDS[m.group(1)], m.group(2) or " ") for m in _AGGREGATE.finditer(self.text)}

    @property
    def containment(self) -> bool:
        """Whether its rows follow containment (which may be stated by any document)."""
        return "athar:locatedIn" in self.text

    @property
    def direct(self) -> str:
        """The saved query's aggregate over the whole store, not grouped by document."""
        text = re.sub(r"\bSELECT (DISTINCT )?\?doc ", r"SELECT \1", self.text)
        return text.replace("GROUP BY ?doc ", "GROUP BY ")

    def for_docs(self, docs: list[str]) -> str:
        return self.text.replace("#@doc", f"VALUES ?doc {{ {' '.join(f'<{d}>' for d in docs)} }}")


def summary_views(directory: Path = _VIEW_DIR) -> list[View]:
    """The views of the summary graph, by name."""
    return [View(p.stem, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.rq"))]


def _dataset(store) -> list[str] | None:
    """The graphs a saved query reads: every graph but the inferred one."""
    graphs = store.graphs()
    return [g for g in graphs if g != _INFERRED] if _INFERRED in graphs else None


def view_rows(store, view: View) -> tuple[list[str], list[dict]]:
    """The view's columns and rows as its aggregate answers them now over the whole store (the
    saved query's own, not grouped by document): what the summary graph holds after a refresh."""
    result = store.query(view.direct, default_graph=_dataset(store))
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
    return hashlib.sha256("\n".join([sources, "parts 1", *(f"{v.name}\n{v.text}" for v in views)]).encode()).hexdigest()


def refresh_summary(store, sources: str, *, force: bool = False) -> bool:
    """Draw the summary graph again when ``sources`` (the digest of the document graphs and
    the gazetteer, :func:`athar.graph.rdf.refresh_entities`'s, or the state of the entities
    graph :mod:`athar.graph.increment` keeps) or the views changed since it was drawn, or when
    ``force``: every document's parts (one query a view), the rows they combine into, and the
    digest written as one graph, in one step (the graph is replaced whole). Returns whether it
    was drawn again.

    The drawing streams (:func:`_draw`): each view's rows are folded into its rows' states as
    they come, and spilled to files by document, so that what is held is a view's rows (a few
    hundred) and a share of the documents' parts, whatever the store's size; the graph is then
    bulk-loaded from a file, atomically (a build killed before leaves the old graph or none)."""
    views = summary_views()
    digest = summary_digest(sources, views)
    if not force and _stored_digest(store) == digest:
        return False
    from athar.graph.store import Store

    with tempfile.TemporaryDirectory(prefix="athar-summary-") as tmp:
        path = _draw(store, views, digest, Path(tmp))
        if isinstance(store, Store):  # replaced: dropped (a graph the store holds is replaced by a SPARQL
            # INSERT DATA, parsed slowly: 40 MB at 10,000 documents, 20 s and a gigabyte), then loaded by
            # the bulk loader from the file, at once or not at all. Stopped in between, the graph is
            # absent: it records no digest, and is drawn at the next change
            store.drop_graph(str(SUMMARY_GRAPH))
            store.add_quads(path=path)
        else:
            store.write_graphs([(str(SUMMARY_GRAPH), path.read_bytes())])
    return True


def _draw(store, views: list[View], digest: str, tmp: Path) -> Path:
    """The whole summary graph written to an N-Quads file in ``tmp``: the digest, each view's rows
    (their states folded from the view's rows as the store answers them) and every document's
    parts. A document's part gathers its rows of the view, which come in no order: they are
    spilled to a file of their share of the documents (by a digest of the document), then each
    share is read back and grouped."""
    dataset = _dataset(store)
    shares = max(1, len(store.graphs()) // _SHARE)
    spills = [(tmp / f"share-{i}").open("wb") for i in range(shares)]
    path = tmp / "summary.nq"
    graph = f" <{SUMMARY_GRAPH}> .\n"
    with path.open("w", encoding="utf-8") as out:
        out.write(f"<{SUMMARY_GRAPH}> <{ATHAR.contentHash}> {_lit(digest)}{graph}")
        for view in views:
            states: dict[tuple, dict] = {}
            for doc, key, part in _rows(store, view, None, dataset):
                _add(states.setdefault(key, {}), part, 1)
                marshal.dump((view.name, doc, key, part), spills[zlib.crc32(doc.encode()) % shares])
            out.writelines(line + graph for line in _row_lines(view, states))
        by_name = {v.name: v for v in views}
        for spill in spills:
            spill.close()
            parts: dict[tuple[str, str], dict] = {}
            with open(spill.name, "rb") as f:
                while True:
                    try:
                        name, doc, key, part = marshal.load(f)
                    except EOFError:
                        break
                    parts.setdefault((name, doc), {})[key] = part
            Path(spill.name).unlink()
            for (name, doc), found in parts.items():
                out.writelines(line + graph for line in _part_lines(by_name[name], doc, found))
    return path


def update_summary(store, touched, before: str, state: str) -> None:
    """Take the old parts of the documents a change touched (``touched.docs``, an
    :class:`athar.graph.increment.Touched`) away from their rows and add their new ones, each view
    in one transaction; a view that follows containment is drawn again whole when a changed
    document states containment (``touched.containment``). Then record ``state``. A summary that
    does not record ``before`` (drawn from another state of the entities graph, or not at all) is
    drawn again whole."""
    views = summary_views()
    if _stored_digest(store) != summary_digest(before, views):
        refresh_summary(store, state, force=True)
        return
    docs = sorted(touched.docs)
    dataset = _dataset(store)
    for view in views:
        if view.containment and touched.containment:
            lines = _whole(store, view, dataset)
            store.update(f"DELETE WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?n a <{view.row_type}> ; ?p ?o }} }} ;\n"
                         f"DELETE WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?n a <{_part_type(view)}> ; ?p ?o }} }}")
            # the view's rows and parts loaded as N-Quads, not parsed as a SPARQL INSERT DATA (megabytes
            # at 10,000 documents); stopped in between, the digest is not written: drawn whole next time
            _insert(store, lines)
        elif docs:
            _apply(store, view, docs, dataset)
    store.update(f"DELETE WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{ATHAR.contentHash}> ?h }} }} ;\n"
                 f"INSERT DATA {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{ATHAR.contentHash}> "
                 f"{_lit(summary_digest(state, views))} }} }}")


def _whole(store, view: View, dataset) -> list[str]:
    """The view's rows and every document's part, drawn from the store (triples, N-Triples)."""
    parts = _parts(store, view, None, dataset)
    states: dict[tuple, dict] = {}
    for found in parts.values():
        for key, part in found.items():
            _add(states.setdefault(key, {}), part, 1)
    return _row_lines(view, states) + [line for doc, found in parts.items() for line in _part_lines(view, doc, found)]


def _apply(store, view: View, docs: list[str], dataset) -> None:
    """The documents' old parts taken away from the rows they count in, their new parts added."""
    nodes = {_part_node(view, d): d for d in docs}
    old: dict[str, dict] = {}
    for chunk in _chunks(sorted(nodes)):
        for r in store.query(f"SELECT ?n ?j WHERE {{ VALUES ?n {{ {' '.join(chunk)} }} "
                             f"GRAPH <{SUMMARY_GRAPH}> {{ ?n {_PART} ?j }} }}"):
            old[nodes[str(r["n"])]] = {tuple(k): p for k, p in json.loads(r["j"].value)}
    new: dict[str, dict] = {}
    for chunk in _chunks(docs):
        new.update(_parts(store, view, chunk, dataset))
    keys = {k for found in (*old.values(), *new.values()) for k in found}
    if not keys:
        return
    rows = {_row_node(view, k): k for k in keys}
    states: dict[tuple, dict] = {k: {} for k in keys}
    for chunk in _chunks(sorted(rows)):
        for r in store.query(f"SELECT ?n ?j WHERE {{ VALUES ?n {{ {' '.join(chunk)} }} "
                             f"GRAPH <{SUMMARY_GRAPH}> {{ ?n {_STATE} ?j }} }}"):
            states[rows[str(r["n"])]] = json.loads(r["j"].value)
    for found, sign in ((old, -1), (new, 1)):
        for parts in found.values():
            for key, part in parts.items():
                _add(states[key], part, sign)
    lines = _row_lines(view, {k: s for k, s in states.items() if s.get("", 0) > 0})
    lines += [line for doc, found in new.items() for line in _part_lines(view, doc, found)]
    gone, body = " ".join([*rows, *nodes]), " .\n".join(lines)
    store.update(f"DELETE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?n ?p ?o }} }} WHERE {{ VALUES ?n {{ {gone} }} "
                 f"GRAPH <{SUMMARY_GRAPH}> {{ ?n ?p ?o }} }}"
                 + (f" ;\nINSERT DATA {{ GRAPH <{SUMMARY_GRAPH}> {{ {body} }} }}" if body else ""))


def _insert(store, lines: list[str]) -> None:
    """Triples added to the summary graph: athar's store loads them as N-Quads, a remote one by
    SPARQL Update."""
    from athar.graph.store import Store

    if not lines:
        return
    if isinstance(store, Store):
        store._ox.load("".join(f"{line} <{SUMMARY_GRAPH}> .\n" for line in lines).encode(),  # noqa: SLF001
                       format=ox.RdfFormat.N_QUADS)
    else:
        store.update(f"INSERT DATA {{ GRAPH <{SUMMARY_GRAPH}> {{ {' .'.join(lines)} }} }}")


def _parts(store, view: View, docs: list[str] | None, dataset) -> dict[str, dict]:
    """Each document's part of the view (of ``docs``, or of every document): key -> column ->
    value (SPARQL: N-Triples, an integer bare), a concatenation as the list of its members
    ("LANG\tVALUE")."""
    out: dict[str, dict] = {}
    for doc, key, part in _rows(store, view, docs, dataset):
        out.setdefault(doc, {})[key] = part
    return out


def _rows(store, view: View, docs: list[str] | None, dataset):
    """The view's rows as the store answers them, one (document, key, part) each: a row is one
    document's part of one key (the view is grouped by ``?doc`` and the key)."""
    result = store.query(view.text if docs is None else view.for_docs(docs), default_graph=dataset)
    aggregates = view.aggregates
    for sol in result:
        key = tuple(None if sol[k] is None else str(sol[k]) for k in view.keys)
        part: dict = {}
        for column, (kind, sep) in aggregates.items():
            term = sol[column]
            if term is None:
                continue
            if kind == "concat":
                lang = getattr(term, "language", None) or ""
                part[column] = [f"{lang}\t{v}" for v in term.value.split(sep)]
            else:  # an integer as SPARQL writes it bare (a third of the size of its N-Triples form)
                part[column] = term.value if getattr(term, "datatype", None) == _INTEGER else str(term)
        yield sol["doc"].value, key, part


def _add(state: dict, part: dict, sign: int) -> None:
    """A document's part added to (taken away from) a row's state: the number of documents, and
    each column's values with the number of documents giving them."""
    state[""] = state.get("", 0) + sign
    for column, value in part.items():
        counts = state.setdefault(column, {})
        for v in value if isinstance(value, list) else [value]:
            n = counts.get(v, 0) + sign
            if n:
                counts[v] = n
            else:
                counts.pop(v, None)


def _row_lines(view: View, states: dict[tuple, dict]) -> list[str]:
    """The rows the states combine into, with their states (triples, N-Triples)."""
    aggregates = view.aggregates
    keys = list(states)
    rows: list[dict] = []
    numbers = []
    for i, key in enumerate(keys):
        row = {k: v for k, v in zip(view.keys, key) if v is not None}
        for column, (kind, sep) in aggregates.items():
            counts = states[key].get(column) or {}
            if not counts:
                continue
            if kind == "concat":
                members = [m.split("\t", 1) for m in counts]
                langs = {lang for lang, _ in members}
                text = sep.join(sorted({v for _, v in members}))
                lang = langs.pop() if len(langs) == 1 else ""
                row[column] = str(ox.Literal(text, language=lang) if lang else ox.Literal(text))
            else:
                numbers += [f'({i} "{column}" {v} {n})' for v, n in counts.items()]
        rows.append(row)
    if numbers:  # SPARQL's arithmetic: the same datatype and form as the aggregate over the store
        for r in _CALC.query(f"SELECT ?i ?c (SUM(?v * ?w) AS ?s) (MAX(?v) AS ?m) WHERE {{ VALUES (?i ?c ?v ?w) "
                             f"{{ {' '.join(numbers)} }} }} GROUP BY ?i ?c"):
            column = r["c"].value
            rows[int(r["i"].value)][column] = str(r["s"] if aggregates[column][0] == "sum" else r["m"])
    lines = []
    for key, row in zip(keys, rows):
        node = _row_node(view, key)
        lines += [f"{node} {_RDF_TYPE} <{view.row_type}>", f"{node} {_STATE} {_lit(json.dumps(states[key], sort_keys=True))}"]
        lines += [f"{node} <{view.column(c)}> {v}" for c, v in row.items()]
    return lines


def _part_lines(view: View, doc: str, found: dict) -> list[str]:
    node = _part_node(view, doc)
    return [f"{node} {_RDF_TYPE} <{_part_type(view)}>",
            f"{node} {_PART} {_lit(json.dumps([[list(k), p] for k, p in found.items()], sort_keys=True))}"]


def _row_node(view: View, key: tuple) -> str:
    return f"<{view.row_type}/{hashlib.sha256(json.dumps(key).encode()).hexdigest()[:20]}>"


def _part_node(view: View, doc: str) -> str:
    return f"<{SUMMARY}part/{view.name}/{hashlib.sha256(doc.encode()).hexdigest()[:24]}>"


def _part_type(view: View) -> str:
    return f"{SUMMARY}part/{view.name}"


def _lit(text: str) -> str:
    return str(ox.Literal(text))


def _stored_digest(store) -> str | None:
    rows = list(store.query(f"SELECT ?h WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ "
                            f"<{SUMMARY_GRAPH}> <{ATHAR.contentHash}> ?h }} }}"))
    return rows[0]["h"].value if len(rows) == 1 else None


def _chunks(items: list, n: int = _CHUNK):
    for i in range(0, len(items), n):
        yield items[i:i + n]


__all__ = ["SUMMARY", "SUMMARY_GRAPH", "View", "refresh_summary", "summary_digest", "summary_rows", "summary_views",
           "update_summary", "view_rows"]
