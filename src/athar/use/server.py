"""``athar serve``: the store over HTTP: a SPARQL 1.1 Protocol endpoint, a query page and
a page per entity, from one process, with nothing loaded from anywhere else.

Routes::

    GET  /                 the query page (static/index.html, app.js, app.css)
    GET  /api/queries      the saved queries, the prefixes and athar's base IRI (JSON)
    GET  /sparql           ?query=... ; without a query, the SPARQL 1.1 Service Description
    POST /sparql           query= or update= form-encoded, application/sparql-query,
                           application/sparql-update (updates: --allow-update and a bearer token)
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

import logging
import os
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

from athar.errors import AtharError, QueryError
from athar.graph.store import Store
from athar.graph.terms import PREFIXES, sparql_prefixes
from athar.use.protocol import (GRAPH_FORMATS, TURTLE, Dataset, Endpoint, Limits, choose_format, negotiate,
                                serialize_graph)
from athar.use.query import saved_queries
from athar.use.server_page import (BASE, describe_entity, entity_iri, read_entity, render_entity,
                                   service_description, static_text)

log = logging.getLogger(__name__)

UPDATE_TOKEN_VARIABLE = "ATHAR_UPDATE_TOKEN"
_STATIC = {"app.js": "text/javascript", "app.css": "text/css"}
_HTML = "text/html"
# the prefixes the editor starts with
_EDITOR_PREFIXES = ("athar", "aid", "entity", "rdf", "rdfs", "owl", "xsd", "nif", "dcterms", "prov", "skos")


def create_app(store: Store, limits: Limits = Limits()) -> Starlette:
    """The ASGI application over ``store`` (an open :class:`athar.graph.store.Store`)."""
    endpoint = Endpoint(store, limits)

    async def sparql(request: Request) -> Response:
        params = _params(request.url.query)
        if request.method == "POST":
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = (await request.body()).decode("utf-8", errors="replace")
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
            Route("/static/{name}", static),
            Route("/sparql", sparql, methods=["GET", "POST"], name="sparql"),
            Route("/entity/{id:path}", entity),
        ],
        middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                               allow_headers=["Accept", "Authorization", "Content-Type"],
                               expose_headers=["X-SPARQL-MaxRows"], max_age=600)],
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


def _description(request: Request, endpoint: Endpoint) -> Response:
    url = str(request.base_url).rstrip("/") + "/sparql"
    media = negotiate(request.headers.get("accept"), GRAPH_FORMATS, TURTLE)
    triples = service_description(url, endpoint.limits, endpoint.store.graphs())
    return Response(serialize_graph(triples, media), media_type=media, headers={"Vary": "Accept"})


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


