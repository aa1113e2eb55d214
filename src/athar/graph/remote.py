"""A remote store: any SPARQL 1.1 server, read and written over HTTP, with the methods of the
embedded :class:`~athar.graph.store.Store` that athar's commands use.

- queries go to the query endpoint (SPARQL 1.1 Protocol, POST), with athar's named graphs as the
  default graph (``default-graph-uri``): a server may hold other data, athar reads only its own;
- a document's graph is replaced in one request: a PUT of the Graph Store HTTP Protocol
  (``?graph=IRI``) when a graph store endpoint is known, else one SPARQL Update request
  (``DROP SILENT GRAPH`` and ``INSERT DATA`` together);
- small changes (dropping a graph) are SPARQL 1.1 Update;
- HTTP Basic or Digest authentication, the scheme the server asks for unless one is named.

Where the endpoints are and who the user is comes from :class:`Endpoints` (see
:mod:`athar.graph.location`, which reads a URL, a TOML file and the environment).
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO
from urllib.parse import urlencode

import httpx
import pyoxigraph as ox
import rdflib

from athar.errors import QueryError, QueryTimeout, StoreError
from athar.graph.store import Store, _to_ox, _to_rdflib
from athar.graph.terms import AID, ONTOLOGY_GRAPH, PREFIXES

log = logging.getLogger(__name__)

# athar's named graphs: the documents, the background and the inferred graph under aid:, and the
# ontology's own graph. Other graphs of the server (its system graphs, other people's data) are
# neither listed, nor read, nor counted.
OWN_GRAPHS = (str(AID), str(ONTOLOGY_GRAPH))
# The default graph of a query when athar has no graph yet: one it never writes (an empty list
# would let a server such as Virtuoso answer from every graph it holds).
_NO_GRAPH = f"{AID}graph/none"

# What a SELECT or ASK is answered in, and a CONSTRUCT, a DESCRIBE or a Graph Store GET.
_ACCEPT_RESULTS = "application/sparql-results+json, application/sparql-results+xml;q=0.5, text/tab-separated-values;q=0.4"
_ACCEPT_GRAPH = "application/n-triples, text/turtle;q=0.8, application/rdf+xml;q=0.3"
_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML, "application/xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPHS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/ntriples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}


@dataclass(frozen=True)
class Endpoints:
    """Where a SPARQL server answers, and as whom: ``query`` for SPARQL queries, ``update`` for
    SPARQL Update, ``graph_store`` for the Graph Store HTTP Protocol (None: documents are loaded
    by SPARQL Update); ``auth`` is "basic", "digest" or None (the scheme the server asks for)."""

    query: str
    update: str
    graph_store: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    auth: str | None = None
    timeout: float = 60.0
    union_default_graph: bool = False


class RemoteStore:
    """athar's named graphs in a SPARQL 1.1 server. Implements, as :class:`Store` does:
    ``replace_graph``, ``load_file``, ``drop_graph``, ``remove``, ``flush``, ``query``,
    ``graphs``, ``triples``, ``to_dataset``, ``serialize``, ``len()``, ``close`` and ``with``."""

    path = None  # not a folder: commands that name a store's folder name ``location`` instead

    def __init__(self, endpoints: Endpoints, *, read_only: bool = False):
        self.endpoints = endpoints
        self.read_only = read_only
        self.location = endpoints.query
        self.timeout = endpoints.timeout
        auth = _Credentials(endpoints.user, endpoints.password or "", endpoints.auth) if endpoints.user else None
        self._http = httpx.Client(auth=auth, timeout=httpx.Timeout(endpoints.timeout, connect=10.0),
                                  headers={"User-Agent": "athar (remote store)"}, follow_redirects=True)
        self._graphs: set[str] | None = None  # athar's graphs on the server, listed once, then kept

    # -- writing ---------------------------------------------------------
    def replace_graph(self, graph_iri: str, triples: Iterable[tuple]) -> int:
        """Replace the named graph with ``triples`` (rdflib terms) in one request; return the count."""
        return self._put(graph_iri, [ox.Triple(_to_ox(s), _to_ox(p), _to_ox(o)) for s, p, o in triples])

    def _put(self, graph_iri: str, data: list[ox.Triple]) -> int:
        self._writable(graph_iri)
        body = ox.serialize(data, format=ox.RdfFormat.N_TRIPLES)
        what = f"the graph <{graph_iri}> was not replaced"
        if self.endpoints.graph_store:
            self._send("PUT", self.endpoints.graph_store, what, params={"graph": graph_iri}, content=body,
                       headers={"Content-Type": "application/n-triples; charset=utf-8"})
        else:
            g = ox.NamedNode(graph_iri)
            update = (f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n".encode()
                      + body + b"\n} }")
            self._send("POST", self.endpoints.update, what, content=update,
                       headers={"Content-Type": "application/sparql-update; charset=utf-8"})
        if self._graphs is not None:
            (self._graphs.add if data else self._graphs.discard)(graph_iri)
        return len(data)

    def write_graphs(self, graphs: Iterable[tuple[str, bytes]]) -> int:
        """Write named graphs given as N-Quads (each ``(graph IRI, bytes)``, every quad in that
        graph), as :meth:`athar.graph.store.Store.write_graphs` does: each graph replaced in one
        request of its own, so a failure leaves every graph whole; return the quads written."""
        count = 0
        for graph_iri, data in graphs:
            try:
                quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
            except SyntaxError as e:
                raise StoreError(f"{self.location}: the graph <{graph_iri}> was not written: "
                                 f"not valid N-Quads ({e})") from e
            count += self._put(graph_iri, [ox.Triple(q.subject, q.predicate, q.object) for q in quads])
        return count

    def load_file(self, path, graph_iri: str) -> int:
        """Replace a named graph with the contents of a Turtle file."""
        g = rdflib.Graph()
        try:
            g.parse(str(path), format="turtle")
        except Exception as e:  # rdflib raises many parser errors
            raise StoreError(f"{path}: cannot parse Turtle ({e})") from e
        return self.replace_graph(graph_iri, g)

    def drop_graph(self, graph_iri: str) -> None:
        """Remove a named graph, if the server holds it (SPARQL Update ``DROP SILENT GRAPH``)."""
        self._writable(graph_iri)
        self._send("POST", self.endpoints.update, f"the graph <{graph_iri}> was not dropped",
                   content=f"DROP SILENT GRAPH {ox.NamedNode(graph_iri)}".encode(),
                   headers={"Content-Type": "application/sparql-update; charset=utf-8"})
        if self._graphs is not None:
            self._graphs.discard(graph_iri)

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update in one request (derived graphs are recomputed this way)."""
        self._writable(None)
        self._send("POST", self.endpoints.update, "the update was not run", content=sparql.encode(),
                   headers={"Content-Type": "application/sparql-update; charset=utf-8"})
        self._graphs = None  # it may have made or dropped graphs: list them again when asked


    def flush(self) -> None:
        """Nothing to do: every request is written when the server answers it."""

    def compact(self) -> None:
        """Nothing to do: the server keeps its own files."""

    # -- reading ---------------------------------------------------------
    def query(self, sparql: str, *, union: bool = True, default_graph: Iterable[str] | None = None,
              substitutions: dict | None = None):
        """Answer SPARQL as :meth:`Store.query` does, with pyoxigraph's answer types (solutions,
        a boolean, or a list of triples): the default graph is the union of athar's graphs, or of
        those ``default_graph`` lists; every graph of athar stays reachable by GRAPH;
        ``substitutions`` bind variables (a VALUES block at the head of the WHERE clause)."""
        if substitutions:
            sparql = bind_values(sparql, substitutions)
        data: list[tuple[str, str]] = [("query", sparql)]
        graphs = [] if default_graph is None and not union else \
            self.graphs() if default_graph is None else sorted(set(default_graph))
        if graphs and self.endpoints.union_default_graph and graphs == self.graphs():
            graphs = []  # the server's default graph is already their union
        elif graphs or default_graph is not None:
            data += [("default-graph-uri", g) for g in graphs or [_NO_GRAPH]]
            if re.search(r"\bGRAPH\b", sparql, re.IGNORECASE):
                data += [("named-graph-uri", g) for g in self.graphs() or [_NO_GRAPH]]
        accept = _ACCEPT_GRAPH if _form(sparql) in ("CONSTRUCT", "DESCRIBE") else _ACCEPT_RESULTS
        return self._ask(data, "no answer was read", timeout=self.timeout, accept=accept)

    def graphs(self) -> list[str]:
        """athar's named graphs on the server, sorted."""
        if self._graphs is None:
            text = ("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER("
                    + " || ".join(f'STRSTARTS(STR(?g), "{p}")' for p in OWN_GRAPHS) + ") }")
            answer = self._ask([("query", text)], "the graphs were not listed")
            self._graphs = {s["g"].value for s in answer if isinstance(s["g"], ox.NamedNode)}
        return sorted(self._graphs)

    def triples(self, graph_iri: str | None = None) -> Iterator[tuple]:
        """Yield rdflib (s, p, o) triples of one named graph, or of all of athar's."""
        for name in [graph_iri] if graph_iri else self.graphs():
            for t in self._graph_triples(name):
                yield _to_rdflib(t.subject), _to_rdflib(t.predicate), _to_rdflib(t.object)

    def _graph_triples(self, graph_iri: str) -> list:
        if self.endpoints.graph_store:
            response = self._send("GET", self.endpoints.graph_store, f"the graph <{graph_iri}> was not read",
                                  params={"graph": graph_iri}, headers={"Accept": _ACCEPT_GRAPH}, missing_ok=True)
            if response.status_code == 404:  # the protocol's answer for a graph the server does not hold
                return []
            return _answer(response, self.endpoints.graph_store)
        g = ox.NamedNode(graph_iri)
        return self._ask([("query", f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")],
                         f"the graph <{graph_iri}> was not read", accept=_ACCEPT_GRAPH)

    def to_dataset(self) -> rdflib.Dataset:
        """All of athar's named graphs as an rdflib Dataset."""
        ds = rdflib.Dataset()
        for name in self.graphs():
            ctx = rdflib.URIRef(name)
            for s, p, o in self.triples(name):
                ds.add((s, p, o, ctx))
        return ds

    def serialize(self, fmt: str) -> str:
        """athar's graphs as TriG, N-Quads, JSON-LD or Turtle, written as the embedded store writes them."""
        out = io.BytesIO()
        self.export(fmt, out)
        return out.getvalue().decode("utf-8")

    def export(self, fmt: str, output: BinaryIO, *, leave_out: Iterable[str] = ()) -> None:
        """athar's graphs but ``leave_out`` written to ``output`` as the embedded store writes them
        (read graph by graph from the server into an in-memory copy first)."""
        skip = set(leave_out)
        with Store() as copy:
            for name in self.graphs():
                if name not in skip:
                    copy.replace_graph(name, self.triples(name))
            copy.export(fmt, output)

    def __len__(self) -> int:
        """The number of triples in athar's graphs."""
        text = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER("
                + " || ".join(f'STRSTARTS(STR(?g), "{p}")' for p in OWN_GRAPHS) + ") }")
        answer = self._ask([("query", text)], "the triples were not counted")
        return next((int(s["n"].value) for s in answer), 0)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RemoteStore({self.location!r})"

    # -- HTTP ------------------------------------------------------------
    def _ask(self, form: list[tuple[str, str]], undone: str, timeout: float | None = None,
             accept: str = _ACCEPT_RESULTS):
        """POST a query (and its dataset) to the query endpoint, form-encoded; the answer parsed."""
        response = self._send("POST", self.endpoints.query, undone, content=urlencode(form).encode("ascii"),
                              headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
                              timeout=timeout, query=True)
        return _answer(response, self.endpoints.query)

    def _writable(self, graph_iri: str | None) -> None:
        if self.read_only:
            what = f"<{graph_iri}> was not written" if graph_iri else "nothing was written"
            raise StoreError(f"{self.location}: opened read-only; {what}")

    def _send(self, method: str, url: str, undone: str, *, query: bool = False, missing_ok: bool = False,
              timeout: float | None = None, **kwargs) -> httpx.Response:
        """One request; every way it can fail is one line that says where, what was not done, and
        what to do."""
        if timeout is not None:
            kwargs["timeout"] = httpx.Timeout(timeout, connect=10.0)
        try:
            response = self._http.request(method, url, **kwargs)
        except httpx.TimeoutException as e:
            seconds = timeout or self.endpoints.timeout
            if query:
                raise QueryTimeout(f"{url}: no answer within {seconds:g} s; the query was stopped (narrow it, or "
                                   "give a longer time limit: --timeout, or 'timeout' in the store's file)") from e
            raise StoreError(f"{url}: no answer within {seconds:g} s; {undone} (give a longer 'timeout' in the "
                             "store's file, or see the server's log)") from e
        except httpx.ConnectError as e:
            raise StoreError(f"{url}: cannot connect ({_reason(e)}); is the SPARQL server running at this "
                             "address?") from e
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as e:
            raise StoreError(f"{url}: the server dropped the connection before answering ({_reason(e)}); "
                             f"{undone}; try again, or see the server's log") from e
        except httpx.HTTPError as e:
            raise StoreError(f"{url}: the request failed ({_reason(e)}); {undone}") from e
        status = response.status_code
        if status < 300 or (missing_ok and status == 404):
            return response
        said = _said(response)
        if status in (401, 403):
            who = f"user '{self.endpoints.user}'" if self.endpoints.user else "no user"
            raise StoreError(f"{url}: the server refused access (HTTP {status}{said}) for {who}; {undone}; set "
                             "ATHAR_STORE_USER and ATHAR_STORE_PASSWORD, or user and password in the store's "
                             "file")
        if query and status in (400, 422):
            raise QueryError(f"{url}: the server refused the query (HTTP {status}{said})")
        if status >= 500:
            raise StoreError(f"{url}: the server failed (HTTP {status}{said}); {undone}; see the server's log")
        raise StoreError(f"{url}: the server answered HTTP {status}{said}; {undone}")


def bind_values(sparql: str, substitutions: dict) -> str:
    """``sparql`` with its variables bound as pyoxigraph's ``substitutions`` bind them, for a
    server that takes text only: ``VALUES (?a ?b) { (<x> <y>) }`` at the head of the query's
    WHERE group (the first ``{`` after WHERE, or the first ``{`` of a query without WHERE)."""
    names = " ".join(f"?{v.value}" for v in substitutions)
    terms = " ".join(str(t) for t in substitutions.values())
    at = None
    seen_where = False
    for m in _LEXEME.finditer(sparql):
        if m.group("where"):
            seen_where = True
        elif m.group("open") and (seen_where or at is None):
            at = m.end()
            if seen_where:
                break
    if at is None:
        raise QueryError("cannot bind the parameters: the query has no WHERE group")
    return f"{sparql[:at]} VALUES ({names}) {{ ({terms}) }}{sparql[at:]}"


# Comments, strings and IRIs (in which a brace or a keyword is none), the query's form, WHERE,
# and an opening brace.
_LEXEME = re.compile(r"""
    \#[^\n]* | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
  | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*' | <[^<>"{}|^`\\\x00-\x20]*>
  | (?<![\w:?$])(?P<form>SELECT|ASK|CONSTRUCT|DESCRIBE)\b
  | (?<![\w:?$])(?P<where>WHERE)\b | (?P<open>\{)
""", re.VERBOSE | re.IGNORECASE)


def _form(sparql: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of them outside comments, strings and IRIs."""
    return next((m["form"].upper() for m in _LEXEME.finditer(sparql) if m["form"]), None)


def _answer(response: httpx.Response, url: str):
    """The server's answer in pyoxigraph's types: QuerySolutions, QueryBoolean, or a list of Triples."""
    kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if kind in _RESULTS:
            content = response.content
            if _RESULTS[kind] == ox.QueryResultsFormat.JSON and _XSD_BOOLEAN.encode() in content:
                content = _canonical_booleans(content)
            return ox.parse_query_results(input=content, format=_RESULTS[kind])
        if kind in _GRAPHS:
            return [q.triple if isinstance(q, ox.Quad) else q
                    for q in ox.parse(input=response.content, format=_GRAPHS[kind])]
    except (SyntaxError, ValueError) as e:
        raise StoreError(f"{url}: the server's answer is not valid {kind} ({e})") from e
    raise StoreError(f"{url}: the server answered in {kind or 'no declared format'}, not SPARQL results or RDF; "
                     "is this a SPARQL endpoint?")


_XSD_BOOLEAN = PREFIXES["xsd"] + "boolean"


def _canonical_booleans(content: bytes) -> bytes:
    """SPARQL results JSON with each xsd:boolean in its canonical form: Virtuoso writes true as
    "1" and false as "0" (forms of the same values), which a reader comparing with "true" misreads."""
    data = json.loads(content)
    for row in data.get("results", {}).get("bindings", []):
        for term in row.values():
            if term.get("datatype") == _XSD_BOOLEAN and term.get("value") in ("1", "0"):
                term["value"] = "true" if term["value"] == "1" else "false"
    return json.dumps(data).encode()


def _reason(e: Exception) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def _said(response: httpx.Response) -> str:
    """The first line of the server's error text (a few words), after a colon."""
    text = " ".join(response.text.strip().split("\n", 1)[0].split())[:160] if response.content else ""
    return f": {text}" if text else ""


class _Credentials(httpx.Auth):
    """HTTP Basic or Digest, as ``scheme`` says, or as the server's first challenge asks."""

    requires_request_body = True

    def __init__(self, user: str, password: str, scheme: str | None):
        self._schemes = {"basic": httpx.BasicAuth(user, password), "digest": httpx.DigestAuth(user, password)}
        self.scheme = scheme

    def auth_flow(self, request):
        if self.scheme:
            yield from self._schemes[self.scheme].auth_flow(request)
            return
        response = yield request
        offered = [h.split(None, 1)[0].lower() for h in response.headers.get_list("www-authenticate") if h.strip()]
        scheme = next((s for s in ("digest", "basic") if s in offered), None)
        if response.status_code != 401 or scheme is None:
            return
        self.scheme = scheme
        flow = self._schemes[scheme].auth_flow(request)
        request = next(flow)
        if scheme == "digest":  # the challenge is in the answer already given: no second round trip
            request = flow.send(response)
        response = yield request
        try:
            flow.send(response)
        except StopIteration:
            pass
