"""The rows graph: each listing query's whole answer drawn once per build, a document's rows a literal.

A listing query (``killings``, ``timeline``, ``evidence`` ..., the saved queries that declare
``# Page:``) reads about ten index look-ups a row through the document graphs: the event's class,
its evidence and words, each role and its label, the date, the amount (0.2 ms a row at 10,000
documents, 1.2 s for 7,000 killings, 11 s for the 50,000 rows of ``evidence``). Its answer
changes only when a document does, so each document's rows of each listing query are drawn
here at the end of a build or removal, from the query's own text, and the saved query reads
them back with one index entry and one string a document::

    <aid:graph/rows#DOCUMENT GRAPH> <aid:rows/killings>
        "KEY\\u001eKEY\\u001cs Killing\\u001fl<en> civilians\\u001f...\\u001es ..." .

A row is the query's columns (and the variables its ORDER BY reads), each written as its kind
and text (``s`` a plain string, ``l`` and a language, ``d`` and a datatype, ``x`` and the name
of one of XSD's, ``i`` an IRI, ``u`` unbound), each followed by U+001F. A document's literal
holds its rows' sort keys (:mod:`athar.graph.rowkey`: the ORDER BY as text that sorts as SPARQL
orders), U+001C, then its rows, both in the keys' order and separated by U+001E (the rows alone, unordered, when one has
no key). :mod:`athar.graph.listed` reads them with one pattern, puts the documents' literals
in order by their first keys, and cuts and ranks the rows only where documents' rows interleave
in the answer's order or lack keys; a row shared by two documents is one row of the answer, as
through the union. A row belongs to the document graph of the event that gives it (the
``# Page:`` subject: an event's IRI is its document's followed by ``/``).

Kept document by document (:func:`update_rows`, called by :mod:`athar.graph.increment` with the
documents a change touched): their old rows are dropped and their new ones drawn (the query
for their events only), in one transaction a batch; drawn whole (:func:`refresh_rows`) when a
shared entity's label changed (other documents' rows change), when many documents changed, or
when a query's text changed, then loaded by Oxigraph's bulk loader at once (a build killed
before it leaves no rows graph: the saved queries then read the document graphs, and the next
build draws it). The graph records the entities graph's state it follows and a digest of each
query's text: :func:`rows_current` checks both (two look-ups), else the query's own text is
answered. Only on athar's own store on disk, and not with ``--inferred`` (the inferred graph may add
rows: the query's own text answers), nor on a remote store, where the query's text runs as it is.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from importlib import resources
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from athar.graph.pagekey import documents, parse_declaration
from athar.graph.prefixes import ENTITIES_GRAPH, INFERRED_GRAPH, PREFIXES
from athar.graph.rowkey import KEY_END, key_layout, order_conditions, row_key

_AID = PREFIXES["aid"]
ROWS_GRAPH = _AID + "graph/rows"
_ROWS = _AID + "rows/"  # a listing query's predicate: <aid:rows/NAME>
FORMAT = "2"  # bump when what a row holds changes: the graph is drawn again whole (2: rows by document, keyed)
BATCH = 256  # documents whose rows one transaction replaces
SEP = "\x1f"  # between a row's fields (a value holding it leaves its query to its own text)
ROW_SEP = "\x1e"  # between the rows of a document's literal, and between their keys
_G = str(ROWS_GRAPH)
_N = _G + "#"  # a document's node: <aid:graph/rows#DOCUMENT GRAPH>, no link to the document itself
_STATE, _FORMAT, _TEXT = (f"<{_N}{n}>" for n in ("state", "format", "text"))
_ENTITIES = ENTITIES_GRAPH
_ENTITIES_STATE = f"<{_ENTITIES}#state>"  # athar.graph.increment's record of its state
_DOCS = PREFIXES["aid"] + "doc/"
_INFERRED = INFERRED_GRAPH
_XSD = PREFIXES["xsd"]
_XSD_STRING = _XSD + "string"
_QUERY_DIR = Path(str(resources.files("athar") / "use" / "queries"))  # the saved queries (package data)
_SELECT = re.compile(r"\bSELECT\s+DISTINCT\s+((?:[?$]\w+\s+)+)WHERE\b", re.IGNORECASE)
_MODIFIERS = re.compile(r"\}\s*((?:ORDER\s+BY|LIMIT|OFFSET)\b[^{}]*)$", re.IGNORECASE)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


class Unlisted(Exception):
    """A query whose rows cannot be kept here (a blank node, a value holding the separator)."""


def listings(directory: Path = _QUERY_DIR) -> dict[str, tuple[str, str, list[str]]]:
    """The saved queries whose rows are kept: name -> (their text, the ``# Page:`` subject, the
    variables a row holds: the columns, then those the ORDER BY reads besides)."""
    out = {}
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        shape = _shape(text)
        if shape is not None:
            out[path.stem] = (text, *shape)
    return out


def _shape(text: str) -> tuple[str, list[str]] | None:
    page = next((p for line in text.splitlines() if line.lstrip().startswith("#")
                 and (p := parse_declaration(line)) is not None), None)
    body = _body(text)
    select = _SELECT.search(body)
    if page is None or select is None or re.search(r"\b(SERVICE|LIMIT|OFFSET|GROUP\s+BY)\b", body, re.IGNORECASE):
        return None
    columns = [v[1:] for v in select.group(1).split()]
    modifiers = _MODIFIERS.search(body)
    order = [] if modifiers is None else re.findall(r"[?$](\w+)", modifiers.group(1))
    return page.subject, columns + [v for v in dict.fromkeys(order) if v not in columns]


def query_shape(text: str) -> tuple[list[str], list[str], str | None] | None:
    """A listing query's columns, the variables a row of it holds (:func:`listings`) and its
    solution modifiers (``ORDER BY ...``); None for a query whose rows are not kept."""
    shape = _shape(text)
    if shape is None:
        return None
    body = _body(text)
    modifiers = _MODIFIERS.search(body)
    return ([v[1:] for v in _SELECT.search(body).group(1).split()], shape[1],
            None if modifiers is None else modifiers.group(1).strip())


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def text_digest(text: str) -> str:
    return hashlib.sha256(f"{FORMAT}\n{text}".encode()).hexdigest()[:32]


def rows_predicate(name: str) -> str:
    return f"{_ROWS}{name}"


def rows_current(store, name: str, text: str) -> bool:
    """Whether the rows graph holds ``name``'s rows for this very text, drawn at the state of the
    entities graph the store is at (two look-ups)."""
    from athar.graph.store import Store

    if not isinstance(store, Store) or store.path is None:
        return False
    rows = list(store.query(
        f"SELECT ?s ?d ?e WHERE {{ GRAPH <{_G}> {{ <{_G}> {_STATE} ?s . <{rows_predicate(name)}> {_TEXT} ?d }} "
        f"OPTIONAL {{ GRAPH <{_ENTITIES}> {{ <{_ENTITIES}> {_ENTITIES_STATE} ?e }} }} }}"))
    return len(rows) == 1 and rows[0]["e"] is not None and rows[0]["s"].value == rows[0]["e"].value \
        and rows[0]["d"].value == text_digest(text)


def rows_drawn_before(store) -> str | None:
    """What to say of a store whose rows graph another version of athar drew (another format):
    its listings are answered by their own text, correctly but slowly, until a build draws it."""
    from athar.graph.store import Store

    if not isinstance(store, Store) or store.path is None:
        return None
    drawn = [r["f"].value for r in store.query(f"SELECT ?f WHERE {{ GRAPH <{_G}> {{ <{_G}> {_FORMAT} ?f }} }}")]
    if not drawn or drawn == [FORMAT]:
        return None
    return (f"the listings' rows in this store were drawn in format {drawn[0]}, this athar reads format {FORMAT}: "
            "answered from the documents (slower, the same rows); 'athar build' draws them again")


def refresh_rows(store, *, force: bool = False, changed: tuple[str, list[str]] | None = None,
                 whole: bool = False) -> bool:
    """Bring the rows graph up to date (after the entities graph, by
    :func:`athar.graph.increment.refresh`): the rows of the documents ``changed`` (the entities
    graph's state before the change, and the document graphs it changed) when the graph followed
    that state; else, or when ``force`` or ``whole``, the whole graph. Returns whether it changed."""
    from athar.graph.store import Store

    if not isinstance(store, Store) or store.path is None:  # on disk only, as the keys graph: a store in
        return False  # memory is small, and holds what a remote one holds (tests/test_remote_store.py)
    queries = listings()
    meta = {str(r["p"]): r["o"].value for r in store.query(f"SELECT ?p ?o WHERE {{ GRAPH <{_G}> {{ <{_G}> ?p ?o }} }}")}
    texts = {r["q"].value[len(_ROWS):]: r["d"].value for r in store.query(
        f"SELECT ?q ?d WHERE {{ GRAPH <{_G}> {{ ?q {_TEXT} ?d }} }}")}
    state = _entities_state(store)
    drawn = meta.get(_FORMAT) == FORMAT and {n: d.lstrip("-") for n, d in texts.items()} == {
        n: text_digest(t) for n, (t, _, _) in queries.items()}
    if not force and not whole and drawn and meta.get(_STATE) == state:
        return False
    if force or whole or not drawn or changed is None or not changed[0] or meta.get(_STATE) != changed[0]:
        _draw_whole(store, queries, state)
        return True
    listed = {n for n, d in texts.items() if not d.startswith("-")}
    for batch in _chunks(sorted(changed[1]), BATCH):
        _update(store, queries, batch, listed)
    store.update(f"DELETE WHERE {{ GRAPH <{_G}> {{ <{_G}> {_STATE} ?x }} }} ;\n"
                 f"INSERT DATA {{ GRAPH <{_G}> {{ <{_G}> {_STATE} {ox.Literal(state)} }} }}")
    return True


def _draw_whole(store, queries, state: str) -> None:
    """Every document's rows of every listing query written to an N-Quads file, then the graph
    dropped and loaded from it by the bulk loader (at once or not at all: until then it is
    absent, and the saved queries answer from the document graphs)."""
    docs = set(documents(store))
    dataset = _dataset(store)
    graph = f" <{_G}> .\n"
    with tempfile.TemporaryDirectory(prefix="athar-rows-") as tmp:
        path = Path(tmp) / "rows.nq"
        with path.open("w", encoding="utf-8") as out:
            for name, (text, subject, held) in queries.items():
                try:
                    rows = _rows(store, _drawing(text, subject, held), subject, held, docs, dataset,
                                 row_layout(text, held), {})
                    lines = [line + graph for line in _lines(name, rows)]
                except Unlisted:  # recorded as such: this query's own text answers
                    out.write(f"<{rows_predicate(name)}> {_TEXT} {ox.Literal('-' + text_digest(text))}{graph}")
                    continue
                out.writelines(lines)
                out.write(f"<{rows_predicate(name)}> {_TEXT} {ox.Literal(text_digest(text))}{graph}")
            out.write(f"<{_G}> {_FORMAT} {ox.Literal(FORMAT)}{graph}<{_G}> {_STATE} {ox.Literal(state)}{graph}")
        store.drop_graph(_G)
        store.add_quads(path=path)


def _update(store, queries, batch: list[str], listed: set[str]) -> None:
    """One transaction: the rows of ``batch``'s documents replaced by those their graphs give now."""
    # the batch's graphs the store holds (a look-up each: every document's hash read costs 0.4 s at 10,000)
    docs = {g for g in batch if store._ox.contains_named_graph(ox.NamedNode(g))}  # noqa: SLF001
    dataset = _dataset(store)
    lines: list[str] = []
    unlisted: list[str] = []
    for name, (text, subject, held) in queries.items():
        if name not in listed:
            continue
        try:
            rows: dict[str, dict[str, str | None]] = {}
            for chunk in _chunks(_events(store, text, subject, sorted(docs)), 512):
                _rows(store, _restricted(_drawing(text, subject, held), subject, chunk), subject, held, docs,
                      dataset, row_layout(text, held), rows)
            found = _lines(name, rows)
        except Unlisted:
            unlisted.append(name)
            continue
        lines += found
    nodes = " ".join(f"<{_N}{g}>" for g in batch)
    parts = [f"DELETE {{ GRAPH <{_G}> {{ ?n ?p ?o }} }} WHERE {{ VALUES ?n {{ {nodes} }} GRAPH <{_G}> {{ ?n ?p ?o }} }}"]
    for name in unlisted:  # its rows dropped, and recorded as unlisted: its own text answers
        listed.discard(name)
        q = f"<{rows_predicate(name)}>"
        parts += [f"DELETE WHERE {{ GRAPH <{_G}> {{ ?n {q} ?r }} }}", f"DELETE WHERE {{ GRAPH <{_G}> {{ {q} {_TEXT} ?d }} }}",
                  f"INSERT DATA {{ GRAPH <{_G}> {{ {q} {_TEXT} {ox.Literal('-' + text_digest(queries[name][0]))} }} }}"]
    if lines:
        parts.append(f"INSERT DATA {{ GRAPH <{_G}> {{ {' . '.join(lines)} }} }}")
    store.update(" ;\n".join(parts))


def _events(store, text: str, subject: str, docs: list[str]) -> list[str]:
    """The ``# Page:`` subjects of the documents ``docs``, read in each document graph."""
    page = next(p for line in text.splitlines() if line.lstrip().startswith("#") and (p := parse_declaration(line)))
    prologue = "\n".join(m.group(0).strip() for m in re.finditer(r"^\s*PREFIX\s+[\w-]*:\s*<[^>]*>", text,
                                                                  re.IGNORECASE | re.MULTILINE))
    out: dict[str, None] = {}
    for g in docs:
        for r in store.query(f"{prologue}\nSELECT DISTINCT ?{subject} WHERE {{ GRAPH <{g}> {page.pattern} }}"):
            if not isinstance(r[subject], ox.NamedNode):
                raise Unlisted(subject)
            out[str(r[subject])] = None
    return list(out)


def _drawing(text: str, subject: str, held: list[str]) -> str:
    """The query's own text selecting its subject and every variable a row holds, unordered."""
    body = _body(text)
    select = _SELECT.search(body)
    modifiers = _MODIFIERS.search(body)
    body = body[:modifiers.start() + 1] if modifiers is not None else body
    variables = " ".join("?" + v for v in dict.fromkeys([subject, *held]))
    return body[:select.start()] + f"SELECT DISTINCT {variables}\nWHERE" \
        + body[select.end():]


def _restricted(text: str, subject: str, events: list[str]) -> str:
    m = _WHERE.search(text)
    return f"{text[:m.end()]}\n  {{ SELECT ?{subject} WHERE {{ VALUES ?{subject} {{ {' '.join(events)} }} }} }}{text[m.end():]}"


def _rows(store, drawing: str, subject: str, held: list[str], docs: set[str], dataset, layout,
          into: dict[str, dict[str, str | None]]) -> dict[str, dict[str, str | None]]:
    """The rows the query ``drawing`` gives, added to ``into``: document graph -> each row's
    fields (joined, as a literal holds them) -> its sort key (None when it has none)."""
    for sol in store.query(drawing, default_graph=dataset):
        doc = _document(sol[subject], docs)
        fields = [_field(sol[v]) for v in held]
        into.setdefault(doc, {})[SEP.join(fields) + SEP] = None if layout is None else row_key(fields, layout)
    return into


def _lines(name: str, rows: dict[str, dict[str, str | None]]) -> list[str]:
    """Each document's rows (:func:`_rows`) as one literal under its node (N-Triples): the rows'
    keys, then U+001C and the rows, each part's rows in the keys' order (ties: by their fields)
    and separated by U+001E; the rows alone, unordered, when one of them has no key."""
    predicate = f"<{rows_predicate(name)}>"
    out = []
    for doc, found in rows.items():
        if None in found.values():
            text = ROW_SEP.join(found)
        else:
            keyed = sorted(zip(found.values(), found))
            text = ROW_SEP.join(k for k, _ in keyed) + KEY_END + ROW_SEP.join(r for _, r in keyed)
        out.append(f"<{_N}{doc}> {predicate} {ox.Literal(text)}")
    return out


def row_layout(text: str, held: list[str]):
    """The layout of the sort key of a listing query's rows (:func:`athar.graph.rowkey.key_layout`)."""
    shape = query_shape(text)
    return None if shape is None else key_layout(held, order_conditions(shape[2]))


def _document(term, docs: set[str]) -> str:
    if not isinstance(term, ox.NamedNode):
        raise Unlisted("a blank node")
    iri = term.value
    while iri not in docs:
        cut = iri.rfind("/")
        if cut <= len(_DOCS):
            raise Unlisted(term.value)
        iri = iri[:cut]
    return iri


def _field(term) -> str:
    if term is None:
        return "u"
    if SEP in term.value or KEY_END in term.value or ROW_SEP in term.value:
        raise Unlisted("a separator")
    if isinstance(term, ox.NamedNode):
        return "i " + term.value
    if isinstance(term, ox.Literal):
        if term.language:
            return f"l{term.language} {term.value}"
        if term.datatype.value == _XSD_STRING:
            return "s " + term.value
        if term.datatype.value.startswith(_XSD):  # "x" and the name: a third of evidence's text was xsd:integer
            return f"x{term.datatype.value[len(_XSD):]} {term.value}"
        return f"d{term.datatype.value} {term.value}"
    raise Unlisted("a blank node")


def _dataset(store) -> list[str] | None:
    """The graphs a saved query reads: every graph but the inferred one."""
    graphs = store.graphs()
    return [g for g in graphs if g != _INFERRED] if _INFERRED in graphs else None


def _entities_state(store) -> str:
    rows = list(store.query(f"SELECT ?s WHERE {{ GRAPH <{_ENTITIES}> {{ <{_ENTITIES}> {_ENTITIES_STATE} ?s }} }}"))
    return rows[0]["s"].value if len(rows) == 1 else ""


def _chunks(items: list, n: int):
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


__all__ = ["ROW_SEP", "ROWS_GRAPH", "SEP", "listings", "query_shape", "refresh_rows", "rows_current",
           "rows_drawn_before", "rows_predicate", "text_digest"]
