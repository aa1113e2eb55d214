"""The SPARQL 1.1 Protocol over athar's store, apart from HTTP: which requests may run,
over which dataset, within which limits, answered in which format.

``server.py`` turns requests into calls of :class:`Endpoint` and its answers into
responses; everything here can be called and tested without a socket.

What a request may do:

- A query or update longer than 1,000,000 characters, nested more than 200 brackets deep or
  holding a NUL is refused before anything else reads it (:func:`check_shape`, the command
  line's own check): Oxigraph's parser recurses, and a query 3,000 braces deep would end
  the server's process with a segmentation fault.
- A query that names a remote or ``file:`` IRI is refused before it runs
  (:func:`check_sparql`): ``SERVICE`` unless its endpoint is on the allow-list,
  ``LOAD`` always, ``FROM``/``FROM NAMED``/``USING`` and the protocol's
  ``default-graph-uri``/``named-graph-uri`` unless they name a graph of the store.
  Oxigraph would otherwise fetch a ``SERVICE`` endpoint itself.
- A query runs in a thread of its own. Rows are read one at a time, so a query
  that streams (a cross join) stops at the time or row limit; one that computes
  everything before its first row (a COUNT over a cross join) cannot be
  interrupted inside Oxigraph: its thread is abandoned and finishes on its own,
  while the client gets the time limit's answer at once and the server goes on
  serving. At most ``max_threads`` queries run at once; past that a request waits
  for a free thread up to ``queue_wait`` seconds, then is told the server is busy.
- SELECT rows past ``max_rows`` (and CONSTRUCT triples past it) are cut off and
  the answer says so in the ``X-SPARQL-MaxRows`` header (Virtuoso's convention).

The errors here add to the tree of ``athar.errors``::

    AtharError
    ├── QueryTimeout (TimeoutError)     (503)  over the time limit
    ├── EndpointBusy                    (503)  every query thread is taken
    └── Forbidden (PermissionError)     (403)  an update without the server's permission
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin

import pyoxigraph as ox

from athar.errors import (
    AtharError,
    EndpointBusy,
    Forbidden,
    QueryError,
    QueryTimeout,
    StoreError,
)
from athar.graph.store import Store
from athar.graph.terms import PREFIXES
from athar.use.output import term_json
from athar.use.guard import check_query

log = logging.getLogger(__name__)

RESULTS_JSON = "application/sparql-results+json"
TURTLE = "text/turtle"

# media type (and aliases clients send) -> pyoxigraph's format
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    RESULTS_JSON: ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    TURTLE: ox.RdfFormat.TURTLE,
    "application/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/xml": ox.RdfFormat.RDF_XML,
    "text/xml": ox.RdfFormat.RDF_XML,
}
# the protocol's ``format=`` parameter (SPARQLWrapper sends it, links can carry it)
FORMAT_NAMES = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None), "tsv": ("text/tab-separated-values", None),
    "turtle": (None, TURTLE), "ttl": (None, TURTLE), "n3": (None, TURTLE),
    "nt": (None, "application/n-triples"), "ntriples": (None, "application/n-triples"),
    "json-ld": (None, "application/ld+json"), "jsonld": (None, "application/ld+json"),
    "rdfxml": (None, "application/rdf+xml"), "rdf+xml": (None, "application/rdf+xml"),
}


@dataclass(frozen=True)
class Limits:
    """What one server allows: time and rows per query, updates, remote endpoints."""

    timeout: float = 30.0
    max_rows: int = 10_000
    max_threads: int = 16
    queue_wait: float = 5.0  # seconds a request waits for a free query thread before "busy"
    allow_update: bool = False
    update_token: str | None = None
    allow_service: tuple[str, ...] = ()
    # a request body (a POSTed query or update, form-encoded or not); 8 MiB holds the longest
    # query allowed (1,000,000 characters) even when each is a percent-encoded Arabic letter
    max_body: int = 8 * 1024 * 1024


@dataclass(frozen=True)
class Answer:
    """A serialized answer: its bytes, media type, and whether rows were cut off."""

    body: bytes
    media_type: str
    truncated: bool = False


@dataclass(frozen=True)
class Dataset:
    """The protocol's dataset: ``default-graph-uri`` and ``named-graph-uri`` values."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = field(default_factory=tuple)


# -- content negotiation ----------------------------------------------------------

def negotiate(accept: str | None, offered: dict, default: str) -> str:
    """The offered media type the Accept header prefers (q-values, ``type/*``, ``*/*``), else ``default``."""
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranked.append((-q, i, media.lower()))
    for _, _, media in sorted(ranked):
        if media in offered:
            return media
        if media == "*/*":
            return default
        if media.endswith("/*"):
            kind = media[:-1]
            if default.startswith(kind):
                return default
            match = next((m for m in offered if m.startswith(kind)), None)
            if match:
                return match
    return default


def choose_format(accept: str | None, format_name: str | None, graph: bool) -> str:
    """The media type of an answer: ``format=`` first, then Accept, then JSON results or Turtle."""
    if format_name:
        named = FORMAT_NAMES.get(format_name.strip().lower())
        if named is None and format_name in (RESULT_FORMATS if not graph else GRAPH_FORMATS):
            return format_name
        if named and named[graph]:
            return named[graph]
    return negotiate(accept, GRAPH_FORMATS if graph else RESULT_FORMATS, TURTLE if graph else RESULTS_JSON)


# -- what a query may name --------------------------------------------------------------

_TOKENS = re.compile(r'''
    (?P<comment>\#[^\n]*)
  | (?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^'\\]|\\.|'(?!''))*\'\'\'
              |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<pname>(?:[^\W\d][\w.-]*)?:[\w.%:-]*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>\S)
''', re.VERBOSE)


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(m.lastgroup, m.group()) for m in _TOKENS.finditer(text) if m.lastgroup != "comment"]


def check_sparql(text: str, graphs: Callable[[str], bool], allow_service: tuple[str, ...]) -> None:
    """Refuse a query or update that would reach outside the store (see the module's docstring).

    ``graphs(iri)`` says whether ``iri`` names a graph of the store.
    """
    tokens = _tokens(text)
    prefixes: dict[str, str] = {}
    base = ""

    def iri_at(k: int, what: str) -> str:
        kind, value = tokens[k] if k < len(tokens) else ("other", "")
        if kind == "iri":
            return urljoin(base, value[1:-1]) if base else value[1:-1]
        if kind == "pname":
            prefix, _, local = value.partition(":")
            if prefix not in prefixes:
                raise QueryError(f"{what} {value}: the prefix '{prefix}:' is not declared")
            return prefixes[prefix] + local
        raise QueryError(f"{what} needs an IRI here, not {value or 'the end of the query'!r}: "
                         "this endpoint does not call endpoints named by variables")

    for k, (kind, value) in enumerate(tokens):
        if kind != "word":
            continue
        word = value.upper()
        if word == "PREFIX" and k + 2 < len(tokens) and tokens[k + 1][0] == "pname":
            prefixes[tokens[k + 1][1].rstrip(":")] = iri_at(k + 2, "PREFIX")
        elif word == "BASE" and k + 1 < len(tokens) and tokens[k + 1][0] == "iri":
            base = iri_at(k + 1, "BASE")
        elif word == "SERVICE":
            j = k + 2 if k + 1 < len(tokens) and tokens[k + 1][1].upper() == "SILENT" else k + 1
            endpoint = iri_at(j, "SERVICE")
            if endpoint not in allow_service:
                allowed = ", ".join(allow_service) or "none (start the server with --allow-service URL)"
                raise QueryError(f"SERVICE <{endpoint}> is not allowed; endpoints allowed: {allowed}")
        elif word == "LOAD":
            raise QueryError("LOAD is refused: this endpoint does not fetch remote or local files")
        elif word in ("FROM", "USING"):
            j = k + 2 if k + 1 < len(tokens) and tokens[k + 1][1].upper() == "NAMED" else k + 1
            check_graph(iri_at(j, word), graphs, word)


def check_shape(text: str) -> None:
    """Refuse a query or an update too long or nested too deep for the engine, with the position
    of the bracket over the limit (the command line's :func:`~athar.use.guard.check_query`).

    Only its size, nesting and NUL checks apply here: which SERVICE endpoints may be called is
    :func:`check_sparql`'s to say, since it resolves prefixed names and BASE.
    """
    check_query(text, services=False)


def check_graph(iri: str, graphs: Callable[[str], bool], what: str) -> None:
    if iri.lower().startswith("file:") or not graphs(iri):
        raise QueryError(f"{what} <{iri}>: not a graph of this store; this endpoint does not fetch "
                         "remote data or files")


# -- running ----------------------------------------------------------------------------

class Endpoint:
    """Answers SPARQL queries and updates over one store, within :class:`Limits`."""

    def __init__(self, store: Store, limits: Limits = Limits()):
        self.store = store
        self.limits = limits
        self._slots = threading.BoundedSemaphore(limits.max_threads)

    def has_graph(self, iri: str) -> bool:
        return self.store._ox.contains_named_graph(ox.NamedNode(iri))

    async def query(self, text: str, *, accept: str | None = None, format_name: str | None = None,
                    dataset: Dataset = Dataset()) -> Answer:
        """Run a query and serialize its answer in the negotiated format."""
        check_shape(text)
        check_sparql(text, self._has_graph_safe, self.limits.allow_service)
        for iri in (*dataset.default, *dataset.named):
            check_graph(iri, self._has_graph_safe, "default-graph-uri" if iri in dataset.default
                        else "named-graph-uri")
        kwargs = {"use_default_graph_as_union": True}
        if dataset.default or dataset.named:
            kwargs = {"default_graph": [ox.NamedNode(i) for i in dataset.default] or None,
                      "named_graphs": [ox.NamedNode(i) for i in dataset.named] or None}

        def work(expired: Callable[[], bool]) -> Answer:
            try:
                return self._serialize(self.store._ox.query(text, **kwargs), accept, format_name, expired)
            except SyntaxError as e:
                raise QueryError(f"malformed SPARQL: {e}") from e
            except OSError as e:  # a SERVICE that cannot be reached, a store that cannot be read
                raise StoreError(f"the query failed: {e}") from e

        return await self._run(work)

    async def update(self, text: str, token: str | None) -> None:
        """Run a SPARQL Update, when the server allows updates and ``token`` is its token."""
        limits = self.limits
        if not limits.allow_update:
            raise Forbidden("updates are disabled; start the server with --allow-update")
        if not token or not limits.update_token or not hmac.compare_digest(token, limits.update_token):
            raise Forbidden("an update needs 'Authorization: Bearer <token>' with the token "
                            "in the server's ATHAR_UPDATE_TOKEN")
        check_shape(text)
        check_sparql(text, self._has_graph_safe, limits.allow_service)

        def work(expired: Callable[[], bool]) -> None:
            try:
                self.store._ox.update(text)
            except SyntaxError as e:
                raise QueryError(f"malformed SPARQL Update: {e}") from e
            except OSError as e:
                raise StoreError(f"the update failed: {e}") from e

        await self._run(work)

    async def run(self, fn: Callable[[], object]):
        """Run a plain function of the store (a page's queries) in a query thread, within the time limit."""
        return await self._run(lambda expired: fn())

    def _has_graph_safe(self, iri: str) -> bool:
        try:
            return self.has_graph(iri)
        except (ValueError, OSError):
            return False

    async def _run(self, work: Callable[[Callable[[], bool]], object]):
        # a request waits for a free thread (a burst of clients), up to queue_wait seconds, then is
        # told the server is busy (its threads held by queries that do not end)
        waited, pause = 0.0, 0.005
        while not self._slots.acquire(blocking=False):
            if waited >= self.limits.queue_wait:
                raise EndpointBusy(f"all {self.limits.max_threads} query threads were busy for "
                                   f"{self.limits.queue_wait:g} s; try again shortly")
            await asyncio.sleep(pause)
            waited += pause
            pause = min(pause * 2, 0.1)
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        deadline = time.monotonic() + self.limits.timeout
        stop = threading.Event()

        def expired() -> bool:
            return stop.is_set() or time.monotonic() > deadline

        def target() -> None:
            try:
                outcome = (True, work(expired))
            except BaseException as e:  # handed to the waiting request, whatever it is
                if not isinstance(e, AtharError):  # as text: a record's exc_info would keep the frames
                    log.error("a query thread failed:\n%s", traceback.format_exc())
                outcome = (False, _without_frames(e))
            finally:
                self._slots.release()
            try:
                loop.call_soon_threadsafe(_settle, future, outcome)
            except RuntimeError:  # the loop closed while an abandoned query ran on
                pass

        threading.Thread(target=target, name="athar-query", daemon=True).start()
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.limits.timeout)
        except TimeoutError:
            stop.set()
            raise QueryTimeout(f"the query ran past the time limit of {self.limits.timeout:g} s "
                               "and was stopped; narrow it or add a LIMIT") from None

    def _serialize(self, results, accept, format_name, expired: Callable[[], bool]) -> Answer:
        limit = self.limits.max_rows
        if isinstance(results, ox.QueryBoolean):
            media = choose_format(accept, format_name, graph=False)
            return Answer(results.serialize(format=RESULT_FORMATS[media]), media)
        if isinstance(results, ox.QuerySolutions):
            media = choose_format(accept, format_name, graph=False)
            names = [v.value for v in results.variables]
            rows, truncated = [], False
            for solution in results:
                if expired():
                    raise QueryTimeout(f"the query ran past the time limit of {self.limits.timeout:g} s")
                if len(rows) == limit:
                    truncated = True
                    break
                rows.append({n: term_json(solution[n]) for n in names if solution[n] is not None})
            body = json.dumps({"head": {"vars": names}, "results": {"bindings": rows}},
                              ensure_ascii=False).encode("utf-8")
            fmt = RESULT_FORMATS[media]
            if fmt != ox.QueryResultsFormat.JSON:  # pyoxigraph writes the other formats
                body = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
            return Answer(body, media, truncated)
        media = choose_format(accept, format_name, graph=True)
        triples, truncated = [], False
        for triple in results:
            if expired():
                raise QueryTimeout(f"the query ran past the time limit of {self.limits.timeout:g} s")
            if len(triples) == limit:
                truncated = True
                break
            triples.append(triple)
        return Answer(serialize_graph(triples, media), media, truncated)


def serialize_graph(triples: list, media: str) -> bytes:
    """Triples in an RDF format by media type, with athar's prefixes where the format has them."""
    fmt = GRAPH_FORMATS[media]
    prefixes = None
    if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML):
        used = {t.value for triple in triples for t in (triple.subject, triple.predicate, triple.object)
                if isinstance(t, ox.NamedNode)} | {t.datatype.value for t in (tr.object for tr in triples)
                                                  if isinstance(t, ox.Literal)}
        prefixes = {p: ns for p, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in used)}
    return ox.serialize(triples, format=fmt, prefixes=prefixes)


def _without_frames(error: BaseException) -> BaseException:
    """The error without its tracebacks: their frames hold pyoxigraph's result iterators, which
    must be dropped in the thread that made them, not in the one the error is handed to."""
    seen = set()
    e = error
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        e.__traceback__ = None
        e = e.__cause__ or e.__context__
    return error


def _settle(future: asyncio.Future, outcome: tuple[bool, object]) -> None:
    if future.done():
        return
    ok, value = outcome
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)


