"""``athar serve``: the store over HTTP: a SPARQL 1.1 Protocol endpoint, a query page and
a page per entity, from one process, with nothing loaded from anywhere else.

Routes::

    GET  /                 the query page (static/index.html, app.js, app.css)
    GET  /api/queries      the saved queries, the prefixes and athar's base IRI (JSON)
    GET  /api/queries/{name}  ?limit=N&after=KEY (and the query's parameters by name): one page
                           of a saved query's answer, SPARQL 1.1 results JSON with "page":
                           {"next", "total", "unit"} (athar.use.keyset)
    GET  /sparql           ?query=... ; without a query, the SPARQL 1.1 Service Description
    POST /sparql           query= or update= form-encoded, application/sparql-query,
                           application/sparql-update (updates: --allow-update and a bearer token)
    GET  /graph            ?query=...&lang=ar|en (or POST, form-encoded): the answer drawn as a
                           graph (athar.use.viz): a CONSTRUCT's triples, or the neighbourhood
                           of the entities in a SELECT's rows, as one offline HTML page
    GET  /entity/{id}      an entity or event under https://w3id.org/athar/id/: HTML, or RDF
                           when the client asks for it (Accept or ?format=turtle)

The stack is Starlette on uvicorn. Starlette is a small ASGI toolkit (routing,
requests, responses, CORS) with few dependencies of its own (anyio), maintained by
Encode, the authors of httpx and uvicorn; it gives what an endpoint needs
without a framework's model layer (FastAPI is Starlette plus validation and
OpenAPI, which a protocol fixed by the W3C does not need; Flask and Django are
WSGI, and a query that runs for seconds would hold a worker). uvicorn is the
reference ASGI server. Queries do not run on the event loop: each runs in a
thread of its own under ``protocol.Endpoint``'s time limit, so one slow query
does not hold up the others.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from contextlib import asynccontextmanager
from dataclasses import asdict
from urllib.parse import parse_qs

import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from athar.errors import AtharError, QueryError, QueryNotFound, RequestTooLarge
from athar.graph.store import Store
from athar.graph.terms import ONTOLOGY_GRAPH, ONTOLOGY_PATH, PREFIXES, sparql_prefixes
from athar.use.protocol import (GRAPH_FORMATS, RESULTS_JSON, TURTLE, Dataset, Endpoint, Limits, choose_format,
                                negotiate, serialize_graph)
from athar.use.query import answer_page, saved_queries
from athar.use.server_page import (BASE, describe_entity, entity_iri, read_entity, render_entity,
                                   service_description, static_text)
from athar.use.viz import LANGUAGES, render_html

log = logging.getLogger(__name__)

UPDATE_TOKEN_VARIABLE = "ATHAR_UPDATE_TOKEN"
_STATIC = {"app.js": "text/javascript", "app.css": "text/css"}
_HTML = "text/html"
# the prefixes the editor starts with
# the most entities a graph view draws; the page says when an answer had more
MAX_GRAPH_ENTITIES = 300
GRAPH_CUT_HEADER = "X-Athar-Graph-Cut"
_MAX_GRAPH_TRIPLES = 20_000
_N_TRIPLES = "application/n-triples"
_EDITOR_PREFIXES = ("athar", "aid", "entity", "rdf", "rdfs", "owl", "xsd", "nif", "dcterms", "prov", "skos")


def create_app(store: Store, limits: Limits = Limits()) -> Starlette:
    """The ASGI application over ``store`` (an open :class:`athar.graph.store.Store`)."""
    endpoint = Endpoint(store, limits)

    async def sparql(request: Request) -> Response:
        params = _params(request.url.query)
        if request.method == "POST":
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = (await _body(request, limits.max_body)).decode("utf-8", errors="replace")
            if kind == "application/x-www-form-urlencoded":
                for k, v in _params(body).items():
                    params.setdefault(k, []).extend(v)
            elif kind == "application/sparql-query":
                params.setdefault("query", []).append(body)
            elif kind == "application/sparql-update":
                params.setdefault("update", []).append(body)
            else:
                return PlainTextResponse(
                    f"unsupported Content-Type {kind!r}: use application/x-www-form-urlencoded, "
                    "application/sparql-query or application/sparql-update", status_code=415)
        query, update = _one(params, "query"), _one(params, "update")
        if query is not None and update is not None:
            raise QueryError("give query= or update=, not both")
        if update is not None:
            if request.method != "POST":
                raise QueryError("an update is sent with POST, not GET")
            if params.get("using-graph-uri") or params.get("using-named-graph-uri"):
                raise QueryError("using-graph-uri and using-named-graph-uri are not supported; "
                                 "write USING in the update")
            auth = request.headers.get("authorization", "")
            token = auth[7:].strip() if auth[:7].lower() == "bearer " else None
            await endpoint.update(update, token)
            return PlainTextResponse("update done\n")
        if query is None:
            return _description(request, endpoint)
        dataset = Dataset(tuple(params.get("default-graph-uri", ())), tuple(params.get("named-graph-uri", ())))
        answer = await endpoint.query(query, accept=request.headers.get("accept"),
                                      format_name=_one(params, "format") or _one(params, "output"),
                                      dataset=dataset)
        headers = {"Vary": "Accept"}
        if answer.truncated:
            headers["X-SPARQL-MaxRows"] = str(limits.max_rows)
        return Response(answer.body, media_type=answer.media_type, headers=headers)

    async def graph(request: Request) -> Response:
        params = _params(request.url.query)
        if request.method == "POST":
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind != "application/x-www-form-urlencoded":
                return PlainTextResponse(f"unsupported Content-Type {kind!r}: use "
                                         "application/x-www-form-urlencoded", status_code=415)
            body = (await _body(request, limits.max_body)).decode("utf-8", errors="replace")
            for k, v in _params(body).items():
                params.setdefault(k, []).extend(v)
        query, lang = _one(params, "query"), _one(params, "lang") or "ar"
        if query is None:
            raise QueryError("give the query to draw: /graph?query=...")
        if lang not in LANGUAGES:
            raise QueryError(f"lang={lang!r}: choose one of {', '.join(LANGUAGES)}")
        # the same checks, limits and thread as /sparql; the answer comes back as data
        answer = await endpoint.query(query, accept=f"{RESULTS_JSON}, {_N_TRIPLES}")
        page, cut = await endpoint.run(lambda: _graph_page(store, answer.body, answer.media_type, lang))
        headers = {GRAPH_CUT_HEADER: str(MAX_GRAPH_ENTITIES)} if cut else {}
        return HTMLResponse(page, headers=headers)

    async def entity(request: Request) -> Response:
        raw = request.scope.get("raw_path", request.url.path.encode()).decode("latin-1")
        path_id = raw.partition("?")[0][len("/entity/"):]
        iri = entity_iri(path_id)
        try:
            ox.NamedNode(iri)
        except ValueError:
            return PlainTextResponse(f"not an IRI: <{iri}>", status_code=404)
        fmt = request.query_params.get("format")
        offered = {_HTML: _HTML, **GRAPH_FORMATS}
        media = choose_format(None, fmt, graph=True) if fmt else negotiate(request.headers.get("accept"),
                                                                           offered, _HTML)
        found = await endpoint.run(lambda: read_entity(store, iri))
        if found is None:
            return PlainTextResponse(f"no entity <{iri}> in this store", status_code=404)
        if media == _HTML:
            return HTMLResponse(render_entity(found), headers={"Vary": "Accept"})
        body = await endpoint.run(lambda: describe_entity(store, iri, media))
        return Response(body, media_type=media, headers={"Vary": "Accept"})

    async def index(request: Request) -> Response:
        return HTMLResponse(static_text("index.html").template)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _STATIC:
            return PlainTextResponse("not found", status_code=404)
        return Response(static_text(name).template, media_type=_STATIC[name])

    async def queries(request: Request) -> Response:
        return JSONResponse({
            "base": BASE,
            "prefixes": PREFIXES,
            "prologue": sparql_prefixes(*_EDITOR_PREFIXES),
            "queries": [{"name": q.name, "question_en": q.question_en, "question_ar": q.question_ar,
                         "text": q.text} for q in saved_queries()],
            "limits": {k: v for k, v in asdict(limits).items() if k != "update_token"},
        })

    async def saved_page(request: Request) -> Response:
        named = {q.name: q for q in saved_queries()}  # a name, never a path
        query = named.get(request.path_params["name"])
        if query is None or query.services:
            raise QueryNotFound(f"no saved query '{request.path_params['name']}' to page here; "
                                f"saved queries: {', '.join(n for n, q in named.items() if not q.services)}")
        given = _params(request.url.query)
        try:
            limit = int(_one(given, "limit") or 50)
        except ValueError:
            raise QueryError(f"limit={_one(given, 'limit')!r}: give a number of events") from None
        params = {p.name: _one(given, p.name) or "" for p in query.params}
        page = await endpoint.run(lambda: answer_page(store, query, limit=min(limit, limits.max_rows),
                                                      after=_one(given, "after"), params=params or None))
        return JSONResponse({**page.results, "page": {"next": page.next, "total": page.total, "unit": page.unit}})

    async def athar_error(request: Request, exc: AtharError) -> Response:
        if exc.status >= 500:
            log.warning("%s %s: %s", request.method, request.url.path, exc)
        return PlainTextResponse(str(exc) + "\n", status_code=exc.status)

    @asynccontextmanager
    async def lifespan(app):
        yield
        store.close()

    return Starlette(
        routes=[
            Route("/", index),
            Route("/api/queries", queries),
            Route("/api/queries/{name}", saved_page),
            Route("/static/{name}", static),
            Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"),
            Route("/graph", graph, methods=["GET", "POST"]),
            Route("/entity/{id:path}", entity),
        ],
        middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                               allow_headers=["Accept", "Authorization", "Content-Type"],
                               expose_headers=["X-SPARQL-MaxRows", GRAPH_CUT_HEADER], max_age=600)],
        exception_handlers={AtharError: athar_error},
        lifespan=lifespan,
    )


def serve(store_path: str, host: str = "127.0.0.1", port: int = 8000, *, timeout: float = 30.0,
          max_rows: int = 10_000, allow_update: bool = False, allow_service: tuple[str, ...] = ()) -> None:
    """Serve the store at ``store_path`` until interrupted (``athar serve``).

    Updates need ``allow_update`` and a token in ``$ATHAR_UPDATE_TOKEN``; the store is
    opened read-only otherwise.
    """
    import uvicorn

    token = os.environ.get(UPDATE_TOKEN_VARIABLE) or None
    if allow_update and not token:
        raise QueryError(f"--allow-update needs a token: set {UPDATE_TOKEN_VARIABLE} to a secret, "
                         "and send it as 'Authorization: Bearer <token>'")
    limits = Limits(timeout=timeout, max_rows=max_rows, allow_update=allow_update, update_token=token,
                    allow_service=tuple(allow_service))
    store = Store(store_path, read_only=not allow_update)
    log.warning("serving %s at http://%s:%d/ (SPARQL at /sparql)", store_path, host, port)
    uvicorn.run(create_app(store, limits), host=host, port=port, log_level="warning")


def _graph_page(store: Store, body: bytes, media_type: str, lang: str) -> tuple[str, bool]:
    """The answer of a query drawn by :func:`athar.use.viz.render_html`; and whether entities were cut.

    A CONSTRUCT or DESCRIBE answer is drawn as its own triples; a SELECT answer as the
    neighbourhood of the entities in its rows, by IRI or by label (every triple with one
    of them as subject or object). Either way the entities named get their labels, types, mentions and
    evidence from the store, so that viz can name, colour and explain them, and the
    ontology graph comes along for the class names. Past ``MAX_GRAPH_ENTITIES`` entities,
    the rest and their triples are left out.
    """
    if media_type.startswith(_N_TRIPLES):
        core, named = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)), []
    else:
        answer = json.loads(body)
        if "boolean" in answer:
            raise QueryError("an ASK query answers yes or no: there is no graph to draw")
        terms = [term for row in answer["results"]["bindings"] for term in row.values()]
        named = _entities([*(ox.NamedNode(t["value"]) for t in terms if t.get("type") == "uri"),
                           *_labelled(store, terms)])[:MAX_GRAPH_ENTITIES]
        values = " ".join(str(e) for e in named)
        core = [ox.Triple(r["s"], r["p"], r["o"]) for r in store.query(
            f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?x {{ {values} }} "
            "{ ?x ?p ?o BIND(?x AS ?s) } UNION { ?s ?p ?x BIND(?x AS ?o) } }"
            f" LIMIT {_MAX_GRAPH_TRIPLES}")] if named else []
    # the entities of the rows first, then their neighbours
    entities = _entities([*named, *(x for t in core for x in (t.subject, t.object))])
    cut = len(entities) > MAX_GRAPH_ENTITIES
    kept = set(entities[:MAX_GRAPH_ENTITIES])
    core = [t for t in core if all(not _is_entity(x) or x in kept for x in (t.subject, t.object))]
    view = ox.NamedNode(BASE + "graph/view")
    fresh = Store()
    fresh._ox.extend(ox.Quad(t.subject, t.predicate, t.object, view) for t in core)
    if kept:
        context = store.query(sparql_prefixes("athar", "rdf", "rdfs", "nif", "prov") + f"""
            CONSTRUCT {{ ?x ?p ?o . ?ev ?q ?v . ?doc athar:fileName ?file }} WHERE {{
                VALUES ?x {{ {" ".join(str(e) for e in sorted(kept, key=str))} }}
                {{ VALUES ?p {{ rdf:type rdfs:label athar:mentionedIn athar:date athar:trigger }} ?x ?p ?o }}
                UNION {{ ?x athar:evidence ?ev . BIND(athar:evidence AS ?p) BIND(?ev AS ?o) ?ev ?q ?v
                         OPTIONAL {{ {{ ?ev nif:referenceContext ?doc }} UNION {{ ?ev prov:wasDerivedFrom ?doc }}
                                    ?doc athar:fileName ?file }} }}
            }}""")
        fresh._ox.extend(ox.Quad(t.subject, t.predicate, t.object, view) for t in context)
    ontology = list(store.triples(str(ONTOLOGY_GRAPH)))
    if ontology:
        fresh.replace_graph(str(ONTOLOGY_GRAPH), ontology)
    else:
        fresh.load_file(ONTOLOGY_PATH, str(ONTOLOGY_GRAPH))
    with tempfile.TemporaryDirectory(prefix="athar-graph-") as folder:
        path = render_html(fresh, os.path.join(folder, "graph.html"), lang=lang)
        return path.read_text(encoding="utf-8"), cut


def _labelled(store: Store, terms: list[dict]) -> list:
    """The entities whose ``rdfs:label`` is one of the language-tagged literals of a SELECT's
    rows: a query that shows names ("Baghuz"@en) names the entities behind them."""
    labels = dict.fromkeys(ox.Literal(t["value"], language=t["xml:lang"]) for t in terms
                           if t.get("type") == "literal" and t.get("xml:lang"))
    if not labels:
        return []
    values = " ".join(str(label) for label in list(labels)[:MAX_GRAPH_ENTITIES * 4])
    return [r["x"] for r in store.query(
        f"SELECT DISTINCT ?x WHERE {{ VALUES ?l {{ {values} }} ?x <{PREFIXES['rdfs']}label> ?l "
        f'FILTER(STRSTARTS(STR(?x), "{BASE}")) }} ORDER BY ?x')]


def _is_entity(term) -> bool:
    return isinstance(term, ox.NamedNode) and term.value.startswith(BASE)


def _entities(terms) -> list:
    """athar's entities and events among ``terms`` (IRIs under BASE), once each, in order."""
    return list(dict.fromkeys(t for t in terms if _is_entity(t)))


def _description(request: Request, endpoint: Endpoint) -> Response:
    url = str(request.base_url).rstrip("/") + "/sparql"
    media = negotiate(request.headers.get("accept"), GRAPH_FORMATS, TURTLE)
    triples = service_description(url, endpoint.limits, endpoint.store.graphs())
    return Response(serialize_graph(triples, media), media_type=media, headers={"Vary": "Accept"})


async def _body(request: Request, limit: int) -> bytes:
    """The request's body, refused past ``limit`` bytes: by its Content-Length before a byte is
    read, and while it streams in when it declares none (chunked) or declares less than it sends."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise RequestTooLarge(f"the request body is {int(declared):,} bytes; the limit is {limit:,}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestTooLarge(f"the request body is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _params(text: str) -> dict[str, list[str]]:
    try:
        return parse_qs(text, keep_blank_values=True, strict_parsing=False)
    except ValueError as e:
        raise QueryError(f"malformed parameters: {e}") from e


def _one(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise QueryError(f"{name}= is given {len(values)} times; give it once")
    return values[0]


