"""Queries: saved SPARQL by name, results as table, CSV, TSV or JSON, and the
events table (one row per event or relation, like an ACLED export).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from athar.errors import QueryError, QueryNotFound, RenderError, StoreError
from athar.graph.listed import ListedAnswer, listed_answer
from athar.graph.listing import rows_drawn_before
from athar.graph.location import is_remote, open_store
from athar.graph.prefixes import ENTITIES_GRAPH, INFERRED_GRAPH, PREFIXES, sparql_prefixes
from athar.graph.store import Store, Table
from athar.read.roles import EVENT_ROLES
from athar.use.keyset import (Page, PageKey, declared_page, indexed_page, keys_query, page_events, page_rows,
                              restricted)
from athar.use.guard import MAX_QUERY_CHARS, MAX_QUERY_DEPTH, check_query  # noqa: F401  (re-exported)
from athar.use.output import (DEFAULT_WIDTH, check_format, format_table,  # noqa: F401  (format_table re-exported:
                               results_json, write_results, written_whole)  # queries print through it)
from athar.use.worker import in_worker
from athar.use.event import events, iter_events  # noqa: F401  (re-exported: the events table's records, read from the store)

# Package data (the top-level queries/ is its editable source, linked into the package).
QUERY_DIR = Path(str(resources.files("athar.use") / "queries"))


@dataclass(frozen=True)
class Param:
    """A parameter a saved query declares (``# Param: place — an Arabic or English label``): the
    label of an entity, bound to the query's variable of the same name as the entity's IRI."""

    name: str
    description: str


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path
    question_en: str
    question_ar: str
    text: str
    params: tuple[Param, ...] = ()
    page: PageKey | None = None  # what ``--limit``/``--after`` pages by (athar.use.keyset)

    @property
    def services(self) -> tuple[str, ...]:
        """The parameters written ``SERVICE ?name``: endpoint URLs, not entity labels (a federated query)."""
        return tuple(p.name for p in self.params if re.search(rf"SERVICE\s+(?:SILENT\s+)?[?$]{p.name}\b",
                                                                self.text, re.IGNORECASE))


def saved_queries(directory: Path = QUERY_DIR) -> list[SavedQuery]:
    return [load_query(p) for p in sorted(directory.glob("*.rq"))]


def load_query(path: Path) -> SavedQuery:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise QueryNotFound(f"{path}: cannot read the query file ({e.strerror or e})") from e
    if len(raw) > MAX_QUERY_CHARS * 4:
        raise QueryError(f"{path}: is {len(raw):,} bytes; a query holds at most {MAX_QUERY_CHARS:,} characters")
    if b"\x00" in raw:
        raise QueryError(f"{path}: is a binary file (NUL bytes), not SPARQL text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise QueryError(f"{path}: is not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start}); "
                         "a .rq file is SPARQL saved as UTF-8") from e
    comments = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
    en = next((c.partition(":")[2].strip() for c in comments if c.lower().startswith("question:")), "")
    ar = next((c.partition(":")[2].strip() for c in comments if c.startswith("السؤال")), "")
    params, page = _declared_params(path, text), declared_page(path, text)
    if page is not None and params:
        raise QueryError(f"{path}: a query with parameters is not paged by a key (its answer is narrowed already)")
    return SavedQuery(path.stem, path, en, ar, text, params, page)


# "# Param: place — an Arabic or English label" (a dash, a colon or nothing before the description)
_PARAM = re.compile(r"#\s*param\s*:\s*(?P<name>\S*)\s*(?:[—–:-]+\s*)?(?P<description>.*)", re.IGNORECASE)


def _declared_params(path: Path, text: str) -> tuple[Param, ...]:
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), 1):
        m = _PARAM.fullmatch(line.strip())
        if not m:
            continue
        name = m["name"]
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise QueryError(f"{path}:{number}: a parameter is named like a SPARQL variable, not '{name}'")
        if not re.search(rf"[?$]{name}\b", "\n".join(t for t in text.splitlines() if not t.startswith("#"))):
            raise QueryError(f"{path}:{number}: parameter '{name}' is declared, but the query has no ?{name}")
        if any(p.name == name for p in params):
            raise QueryError(f"{path}:{number}: parameter '{name}' is declared twice")
        params.append(Param(name, m["description"].strip()))
    return tuple(params)


def resolve_query(name_or_path: str, directory: Path = QUERY_DIR) -> SavedQuery:
    """A saved query by name ("liberations"), or a .rq file by path."""
    p = Path(name_or_path)
    if p.suffix == ".rq" and p.exists():
        return load_query(p)
    candidate = directory / f"{name_or_path}.rq"
    if candidate.exists():
        return load_query(candidate)
    names = ", ".join(q.name for q in saved_queries(directory))
    raise QueryNotFound(f"no saved query '{name_or_path}'; saved queries: {names}")


# -- what a query reads, and its parameters ---------------------------------------

def query_graphs(store: Store, inferred: bool = False) -> list[str]:
    """The named graphs whose union is a query's default graph: the documents and the background
    (ontology, mappings, gazetteer), and the inferred graph of ``build --reason`` only when
    ``inferred`` (a saved query's answer is then the same whether the store was reasoned or not)."""
    return [g for g in store.graphs() if inferred or g != str(INFERRED_GRAPH)]


def _default_graph(store: Store, inferred: bool) -> list[str] | None:
    """The graphs of :func:`query_graphs`, or None when that is every named graph: Oxigraph's
    union default graph then answers, at the cost of the answer; a list of graphs is read graph
    by graph (one index seek each per pattern: a thousand documents, a thousand seeks)."""
    if inferred or not store.query(f"ASK {{ GRAPH <{INFERRED_GRAPH}> {{ ?s ?p ?o }} }}"):
        return None
    return query_graphs(store, inferred)


def parse_params(items: Iterable[str]) -> dict[str, str]:
    """``["place=الرقة"]`` (the --param options) as ``{"place": "الرقة"}``."""
    out: dict[str, str] = {}
    for item in items:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise QueryError(f"--param takes NAME=VALUE, not {item!r}")
        if name.strip() in out:
            raise QueryError(f"--param {name.strip()} is given twice")
        out[name.strip()] = value.strip()
    return out


def check_params(query: SavedQuery, given: Mapping[str, str]) -> None:
    """Refuse a parameter the query does not declare, and a declared one not given."""
    declared = {p.name for p in query.params}
    unknown = sorted(set(given) - declared)
    if unknown:
        raise QueryError(f"query '{query.name}' has no parameter {', '.join(map(repr, unknown))}; "
                         f"{_declared(query)}")
    missing = [p.name for p in query.params if not str(given.get(p.name, "")).strip()]
    if missing:
        raise QueryError(f"query '{query.name}' needs {' '.join(f'--param {n}=VALUE' for n in missing)}; "
                         f"{_declared(query)}")


def _declared(query: SavedQuery) -> str:
    if not query.params:
        return "it takes no parameters"
    return "its parameters: " + ", ".join(f"{p.name} ({p.description})" if p.description else p.name
                                          for p in query.params)


def with_services(query: SavedQuery, given: Mapping[str, str]) -> tuple[SavedQuery, dict[str, str]]:
    """The query with each ``SERVICE ?name`` parameter written in as the endpoint ``<URL>`` given
    for it (SPARQL engines call no endpoint named by a variable), and the parameters left to bind.
    The URL is then judged like any SERVICE IRI (``--allow-service``)."""
    if not query.services:
        return query, dict(given)
    check_params(query, given)
    text = query.text
    for name in query.services:
        url = str(given[name]).strip()
        if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", url):
            raise QueryError(f"--param {name} names the endpoint SERVICE asks: an http(s) URL, not {url!r}")
        text = re.sub(rf"(SERVICE\s+(?:SILENT\s+)?)[?$]{name}\b", lambda m: f"{m.group(1)}<{url}>", text,
                      flags=re.IGNORECASE)
    rest = tuple(p for p in query.params if p.name not in query.services)
    return replace(query, text=text, params=rest), {k: v for k, v in given.items() if k not in query.services}


def bind_params(store: Store, query: SavedQuery, given: Mapping[str, str],
                graphs: list[str] | None = None) -> dict[ox.Variable, ox.NamedNode]:
    """Each parameter as the IRI of the one entity its value names, for pyoxigraph's
    ``substitutions``: the value never enters the query's text, so no quote or brace in it can
    change the query. A value names an entity when it equals one of its labels, both normalized
    (Arabic letter variants, diacritics, tatweel; case aside), else when it is a whole-word part of
    one (the "Raqqa" of "Raqqa Governorate" only when nothing is labelled "Raqqa"); or it is the
    entity's IRI in full. A label or IRI given exactly as stored is an index look-up (:func:`_labelled`)."""
    check_params(query, given)
    return {ox.Variable(p.name): _entity(store, str(given[p.name]).strip()) for p in query.params}


_LABELLED = sparql_prefixes("rdfs") + f"SELECT DISTINCT ?x ?l WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?x rdfs:label ?l }} }}"


def _labelled(store: Store, value: str) -> ox.NamedNode | None:
    """The one entity whose IRI or exact label (Arabic, English or plain) is ``value``, by the
    label index (the value bound as a term), or None. An exact label wins over labels equal to it
    only once normalized: the user gave it in full, as the scan's ambiguity asks."""
    entities = f"{PREFIXES['aid']}entity/"
    if value.startswith(entities):
        try:
            node = ox.NamedNode(value)
        except ValueError:
            return None
        return node if any(True for _ in store.query(_LABELLED, substitutions={ox.Variable("x"): node})) else None
    if "\\" in value or any(c < " " for c in value):  # in no label; a remote store's text stays plain
        return None
    found = {x for lang in ("ar", "en", None) for sol in store.query(_LABELLED, substitutions={
        ox.Variable("l"): ox.Literal(value, language=lang)}) if (x := sol["x"].value).startswith(entities)}
    return ox.NamedNode(found.pop()) if len(found) == 1 else None


def _entity(store: Store, value: str) -> ox.NamedNode:
    found = _labelled(store, value)
    if found is not None:
        return found
    from athar.read.text import normalize_word  # the reading's tables only when a parameter is given

    def _key(label: str) -> str:
        return " ".join(normalize_word(label).casefold().split())

    labels: dict[str, set[str]] = {}
    entities = f"{PREFIXES['aid']}entity/"  # entities only: an event's label is no name of it
    for sol in store.query(sparql_prefixes("rdfs") + f"SELECT ?x ?l WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ "
                           f'?x rdfs:label ?l FILTER(STRSTARTS(STR(?x), "{entities}")) }} }}'):
        labels.setdefault(sol["x"].value, set()).add(sol["l"].value)
    if value in labels:
        return ox.NamedNode(value)
    key = _key(value)
    exact = sorted(x for x, ls in labels.items() if any(_key(label) == key for label in ls))
    found = exact or sorted(x for x, ls in labels.items()
                            if any(re.search(rf"(?<!\w){re.escape(key)}(?!\w)", _key(label)) for label in ls))
    if len(found) == 1:
        return ox.NamedNode(found[0])
    shown = " ".join(value.split())
    if not found:
        raise QueryError(f"no entity in the store is labelled {shown!r}; give an Arabic or English label "
                         "(athar events lists them) or an entity's IRI")
    names = "; ".join(min(labels[x]) for x in found[:6]) + ("; ..." if len(found) > 6 else "")
    raise QueryError(f"{shown!r} names {len(found)} entities ({names}); give one of their labels in full")


def answer(store: Store, query: SavedQuery | str, *, params: Mapping[str, str] | None = None,
           inferred: bool = False):
    """Oxigraph's answer to a saved query (its parameters bound) or to SPARQL text, over the
    default graph of :func:`query_graphs`."""
    graphs = _default_graph(store, inferred)
    if isinstance(query, SavedQuery):
        query, params = with_services(query, params or {})
        substitutions = bind_params(store, query, params or {}, graphs) or None
        text = _values_first(query.text, substitutions or {})
        if query.page is not None and not inferred and not substitutions:  # a listing: its rows drawn once
            found = listed_answer(store, query.name, text)  # per build (athar.graph.listing), read here
            if found is not None:  # when current (athar.graph.listed); else the query's own text
                return found
    else:
        if params:
            raise QueryError("--param goes with a saved query (one that declares its parameters), not with -e SPARQL")
        substitutions, text = None, query
    try:
        return store.query(text, default_graph=graphs, substitutions=substitutions)
    except RuntimeError as e:  # pyoxigraph refuses a substitution of a variable the query does not project
        raise QueryError(f"cannot bind the parameters: {e}") from e


def answer_page(store: Store, query: SavedQuery, *, limit: int, after: str | None = None,
                params: Mapping[str, str] | None = None, inferred: bool = False) -> Page:
    """The page of ``limit`` events (rows, for a query not declaring ``# Page:``) after the key
    ``after`` of a saved query's answer (:mod:`athar.use.keyset`): the keys read alone, then
    the query for the page's events only."""
    if limit < 1:
        raise QueryError(f"--limit takes a number from 1, not {limit}")
    if query.page is None:
        return page_rows(results_json(answer(store, query, params=params, inferred=inferred)),
                         limit=limit, after=after, name=query.name)
    # the keys graph first (a page costs its rows); else every event's key, sorted here
    found = None if inferred else indexed_page(store, query.name, query.page, limit=limit, after=after)
    if found is None:
        keys = answer(store, keys_query(query.text, query.page), inferred=inferred)
        found = page_events(keys, query.page, limit=limit, after=after, name=query.name)
    events, nxt, total = found
    text = restricted(query.text, query.page.subject, events)
    results = results_json(answer(store, replace(query, text=text, page=None), params=params, inferred=inferred))
    return Page(results, nxt, total, "documents" if query.page.subject in ("doc", "document") else "events")


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def _values_first(text: str, bound: Mapping[ox.Variable, ox.NamedNode]) -> str:
    """The saved query with its bound parameters also stated first in its WHERE, as VALUES of the
    entities' IRIs (IRIs of the store, never the user's words): pyoxigraph applies substitutions
    after planning, so by-place read every event before keeping those of the place (0.33 s at
    1,000 documents; 0.003 s with the VALUES)."""
    if not bound:
        return text
    at = 0
    for line in text.splitlines(keepends=True):  # the first WHERE outside a comment line
        m = None if line.lstrip().startswith("#") else _WHERE.search(line)
        if m:
            break
        at += len(line)
    else:
        return text
    end = at + m.end()
    names = " ".join(f"?{v.value}" for v in bound)
    row = " ".join(str(iri) for iri in bound.values())
    return f"{text[:end]}\n  VALUES ({names}) {{ ({row}) }}{text[end:]}"


# -- running a user's query safely -----------------------------------------------

# events of a listing query's answer ``athar query NAME`` shows as a table when not given --limit
# or --all (its first page: a screen, at the cost of its rows, not the store's)
SCREEN_EVENTS = 100

# A query runs within a time limit, in a worker process that is killed when it runs over.
DEFAULT_TIMEOUT = 30.0


def run_query(store_path: str | Path, sparql: str | SavedQuery, *, timeout: float = DEFAULT_TIMEOUT,
              allow_service: tuple[str, ...] = (), params: Mapping[str, str] | None = None,
              inferred: bool = False, limit: int | None = None, after: str | None = None) -> dict:
    """Answer SPARQL, or a saved query with its ``params``, against the store at ``store_path`` in
    a worker process, killed after ``timeout`` seconds: the SPARQL 1.1 results JSON of a SELECT or
    an ASK, and a CONSTRUCT or DESCRIBE answer as rows of ?subject ?predicate ?object. The
    default graph leaves out the inferred graph unless ``inferred`` (:func:`query_graphs`). The
    query is checked first (:func:`check_query`, :func:`check_params`); a crash of the engine is
    an error, not the end of the caller. With ``limit``, one page of the answer
    (:func:`answer_page`), its summary under the key ``"page"``."""
    sparql, params = _checked(store_path, sparql, allow_service, params, timeout, limit)
    task = (sparql, params, inferred, limit, after)
    if is_remote(store_path):  # the server runs the query; the time limit is the request's
        with open_store(store_path, read_only=True, timeout=timeout) as store:
            return _results(store, *task)
    return in_worker(store_path, _results, task, timeout)


def write_query(store_path: str | Path, sparql: str | SavedQuery, fmt: str, output: str | None, *,
                timeout: float = DEFAULT_TIMEOUT, allow_service: tuple[str, ...] = (),
                params: Mapping[str, str] | None = None, inferred: bool = False, limit: int | None = None,
                after: str | None = None, width: int = DEFAULT_WIDTH) -> str | None:
    """:func:`run_query`'s answer written as ``fmt`` (:func:`athar.use.output.write_results`) to
    the file ``output`` (None: stdout) by the worker process itself (by this process for a remote
    store, whose server keeps the time limit): what crosses back is the page's summary (returned;
    None for a whole answer), not the answer. The text goes to a
    temporary file, moved into place (or copied to stdout) once whole: a query stopped at its
    time limit, or failed, leaves no half-written file."""
    check_format(fmt)
    sparql, params = _checked(store_path, sparql, allow_service, params, timeout, limit)
    with written_whole(output) as part:
        task = (sparql, params, inferred, limit, after, fmt, width, part, output or "stdout")
        if is_remote(store_path):
            with open_store(store_path, read_only=True, timeout=timeout) as store:
                return _write_answer(store, *task)
        return in_worker(store_path, _write_answer, task, timeout)


def _checked(store_path, sparql: str | SavedQuery, allow_service: tuple[str, ...], params, timeout: float,
             limit: int | None) -> tuple[str | SavedQuery, dict[str, str]]:
    """The query and its parameters, checked before a worker starts."""
    if isinstance(sparql, SavedQuery):
        sparql, params = with_services(sparql, params or {})
    check_query(sparql.text if isinstance(sparql, SavedQuery) else sparql, allow_service=allow_service)
    if isinstance(sparql, SavedQuery):
        check_params(sparql, params or {})
    elif params:
        raise QueryError("--param goes with a saved query (one that declares its parameters), not with -e SPARQL")
    if not timeout > 0:
        raise QueryError(f"the time limit must be a positive number of seconds, not {timeout}")
    if limit is not None and not isinstance(sparql, SavedQuery):
        sparql = SavedQuery("SPARQL", Path("-e"), "", "", sparql)  # paged by row number
    if not is_remote(store_path) and not Path(store_path).exists():
        raise StoreError(f"{store_path}: no store here; run 'athar build' first or give --store PATH")
    return sparql, dict(params or {})


def _results(store, sparql: str | SavedQuery, params, inferred: bool, limit: int | None, after: str | None) -> dict:
    if limit is None:
        return results_json(answer(store, sparql, params=params, inferred=inferred))
    page = answer_page(store, sparql, limit=limit, after=after, params=params, inferred=inferred)
    return {**page.results, "page": page.summary()}


def _write_answer(store, sparql: str | SavedQuery, params, inferred: bool, limit: int | None, after: str | None,
                  fmt: str, width: int, path: str, shown: str) -> str | None:
    """The answer (or its page) written as ``fmt`` to the file ``path``; the page's summary."""
    if limit is None:
        found, summary = answer(store, sparql, params=params, inferred=inferred), None
        if isinstance(sparql, SavedQuery) and sparql.page is not None and not isinstance(found, ListedAnswer):
            summary = rows_drawn_before(store)  # a store whose rows another version drew: said, not hidden
    else:
        page = answer_page(store, sparql, limit=limit, after=after, params=params, inferred=inferred)
        found, summary = page.results, page.summary()
    try:
        with open(path, "w", encoding="utf-8") as out:
            write_results(found, fmt, out, width=width)
    except OSError as e:
        raise RenderError(f"{shown}: cannot write ({e.strerror or e})") from e
    return summary


def run_select(store: Store, sparql: str | SavedQuery, *, params: Mapping[str, str] | None = None,
               inferred: bool = False) -> Table:
    """Run a SELECT (or ASK) query, or a saved query with its ``params``, and return its rows as
    strings (the default graph of :func:`query_graphs`)."""
    result = answer(store, sparql, params=params, inferred=inferred)
    if isinstance(result, (bool, ox.QueryBoolean)):  # pyoxigraph 0.5 answers ASK with a QueryBoolean
        return Table(["ask"], [["true" if bool(result) else "false"]])
    if not isinstance(result, (ox.QuerySolutions, ListedAnswer)):
        raise QueryError("only SELECT and ASK queries give a table; use CONSTRUCT with 'athar export'")
    columns = [v.value for v in result.variables]
    rows = [[_text(sol[c]) for c in columns] for sol in result]
    return Table(columns, rows)


def _text(term) -> str | None:
    if term is None:
        return None
    return term.value


_ROLE_COLUMNS = EVENT_ROLES + ("subject", "object")
# Every column of the events table, and the few that fit a terminal: an event's agent and target
# share their columns with a relation's subject and object.
EVENT_COLUMNS = ("document", "start", "end", "type", "date", "date_qualifier", "amount", "modality",
                 *_ROLE_COLUMNS, "evidence")
KEY_COLUMNS = ("type", "date", "agent/subject", "target/object", "place", "evidence")
_SHARED_COLUMNS = ("agent/subject", "target/object")


def event_columns(text: str) -> tuple[str, ...]:
    """The columns named in "type,date,victim", checked against the events table's."""
    columns = tuple(c.strip() for c in text.split(",") if c.strip())
    known = (*EVENT_COLUMNS, *_SHARED_COLUMNS)
    unknown = [c for c in columns if c not in known] or ([] if columns else [text])
    if unknown:
        raise QueryError(f"unknown column {', '.join(map(repr, unknown))}; the columns are: {', '.join(known)}")
    return columns


def events_table(records: list[dict], columns: tuple[str, ...] = EVENT_COLUMNS) -> Table:
    """The events as a flat table of the given columns (several entities in a role joined by "; ")."""
    return Table(list(columns), [[_cell(r, c) for c in columns] for r in records])


def events_text(records: Iterable[dict], fmt: str, columns: tuple[str, ...] = EVENT_COLUMNS) -> Iterator[str]:
    """The events as JSON (every field), CSV or TSV (the given columns), a piece at a time, so
    that ``athar events`` writes each batch of records as it is read: the same text as
    ``json.dumps(records, indent=2)`` or :func:`format_table` of the whole table."""
    if fmt == "json":
        first = True
        for record in records:
            text = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            yield ("[\n  " if first else ",\n  ") + text
            first = False
        yield "[]" if first else "\n]"
        return
    if fmt not in ("csv", "tsv"):
        raise QueryError(f"events are written a piece at a time as json, csv or tsv, not {fmt!r}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow(["" if v is None else v for v in (_cell(record, c) for c in columns)])
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _cell(record: dict, column: str) -> str | None:
    if column in ("start", "end"):
        return str(record[column])
    if column == "amount":
        a = record["amount"]
        return None if a is None else f"{a['bound']} {a['value']:,} {a['unit'] or ''}".strip()
    if column in _SHARED_COLUMNS:
        return _labels(record, *column.split("/"))
    if column in _ROLE_COLUMNS:
        return _labels(record, column)
    return record[column]


def _labels(record: dict, *roles: str) -> str | None:
    entities = [e for role in roles for e in record.get(role, [])]
    return "; ".join(e["label_en"] or e["label_ar"] or e["id"] for e in entities) or None
