"""``athar serve``: the real server (uvicorn in a thread, on a free loopback port) over a
store built from data/corpus and one hostile document, asked by the clients people use:
SPARQLWrapper, rdflib's SPARQLStore, plain HTTP (httpx), and Chromium through Playwright
with every request to another host refused.

Two servers: ``server`` allows updates with a token and one SERVICE endpoint and has a
generous time limit; ``strict`` has the defaults (read-only, no SERVICE) but a 1-second
time limit, for the query that runs too long.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDFS
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, XML, SPARQLWrapper

from athar.graph.ingest import build
from athar.graph.store import Store
from athar.graph.terms import PREFIXES, sparql_prefixes
from athar.use.protocol import Limits
from athar.use.query import saved_queries
from athar.use.server import create_app

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
TOKEN = "test-token-5f1c"
ALLOWED_SERVICE = "http://127.0.0.1:9/sparql"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
AID = PREFIXES["aid"]
SCRIPT = "<script>alert(1)</script>"
HOSTILE = f"حررت قوات سوريا الديمقراطية قرية “{SCRIPT}” من تنظيم داعش.\n"
LABELS = ("SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label "
          f'FILTER(STRSTARTS(STR(?s), "{AID}entity/")) }} ORDER BY ?s LIMIT 5')
CROSS_JOIN = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _running(store: Store, limits: Limits):
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store, limits), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail(f"the server did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    hostile = tmp_path_factory.mktemp("hostile")
    (hostile / "hostile.ar.txt").write_text(HOSTILE, encoding="utf-8")
    store = Store()
    report = build(store, [CORPUS, hostile])
    assert report.errors == [] and report.documents == 5
    return store


@pytest.fixture(scope="module")
def server(store):
    limits = Limits(timeout=10, max_rows=1000, allow_update=True, update_token=TOKEN,
                    allow_service=(ALLOWED_SERVICE,))
    with _running(store, limits) as url:
        yield url


@pytest.fixture(scope="module")
def strict(store):
    with _running(store, Limits(timeout=1.0, max_rows=10**8)) as url:
        yield url


def _wrapper(server, query, fmt):
    w = SPARQLWrapper(server + "/sparql")
    w.setQuery(query)
    w.setReturnFormat(fmt)
    return w.query().convert()


# -- SPARQLWrapper ------------------------------------------------------------------

def test_select_in_json(server):
    answer = _wrapper(server, LABELS, JSON)
    assert answer["head"]["vars"] == ["s", "label"]
    assert len(answer["results"]["bindings"]) == 5
    assert all(b["s"]["value"].startswith(AID) for b in answer["results"]["bindings"])


def test_select_in_xml(server):
    doc = _wrapper(server, LABELS, XML)  # a DOM document
    assert len(doc.getElementsByTagName("result")) == 5


def test_select_in_csv(server):
    text = _wrapper(server, LABELS, CSV).decode("utf-8")
    lines = text.strip().splitlines()
    assert lines[0].strip() == "s,label" and len(lines) == 6


def test_ask(server):
    assert _wrapper(server, f"ASK {{ <{AID}entity/raqqa> ?p ?o }}", JSON)["boolean"] is True
    assert _wrapper(server, f"ASK {{ <{AID}entity/no-such-place> ?p ?o }}", JSON)["boolean"] is False


def test_construct_to_turtle(server):
    raqqa = URIRef(AID + "entity/raqqa")
    text = _wrapper(server, f"CONSTRUCT WHERE {{ <{raqqa}> ?p ?o }}", TURTLE)
    g = Graph().parse(data=text, format="turtle")
    assert (raqqa, RDFS.label, Literal("الرقة", lang="ar")) in g


@pytest.mark.parametrize("query", [q for q in saved_queries() if not q.services], ids=lambda q: q.name)
def test_every_saved_query_answers(server, query):
    answer = _wrapper(server, query.text, JSON)
    assert "results" in answer or "boolean" in answer


# -- rdflib's SPARQLStore -------------------------------------------------------------

def test_rdflib_sparqlstore(server):
    remote = SPARQLStore(query_endpoint=server + "/sparql")
    rows = list(remote.query(LABELS))
    assert len(rows) == 5 and all(str(r[0]).startswith(AID) for r in rows)
    assert remote.query(f"ASK {{ <{AID}entity/raqqa> ?p ?o }}").askAnswer is True


# -- plain HTTP ----------------------------------------------------------------------

def test_get_and_post_forms_and_negotiation(server):
    url = server + "/sparql"
    got = httpx.get(url, params={"query": LABELS}, headers={"Accept": "text/tab-separated-values"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/tab-separated-values")
    posted = httpx.post(url, content=LABELS, headers={"Content-Type": "application/sparql-query",
                                                      "Accept": "application/sparql-results+xml"})
    assert posted.status_code == 200 and "<sparql" in posted.text
    unknown = httpx.post(url, data={"query": LABELS}, headers={"Accept": "image/png"})
    assert unknown.headers["content-type"].startswith("application/sparql-results+json")
    graph = httpx.get(url, params={"query": f"DESCRIBE <{AID}entity/raqqa>"},
                      headers={"Accept": "application/ld+json"})
    assert graph.headers["content-type"].startswith("application/ld+json") and graph.json()


def test_dataset_parameters(server, store):
    graph = next(g for g in store.graphs() if "baghuz" in g)
    url = server + "/sparql"
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    one = httpx.get(url, params={"query": query, "default-graph-uri": graph}).json()
    everything = httpx.get(url, params={"query": query}).json()
    n = int(one["results"]["bindings"][0]["n"]["value"])
    assert 0 < n < int(everything["results"]["bindings"][0]["n"]["value"])
    named = httpx.get(url, params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                   "named-graph-uri": graph}).json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [graph]
    remote = httpx.get(url, params={"query": query, "default-graph-uri": "http://example.org/data"})
    assert remote.status_code == 400 and "not a graph of this store" in remote.text


def test_row_limit_is_announced(server):
    got = httpx.get(server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert got.status_code == 200 and got.headers["x-sparql-maxrows"] == "1000"
    assert len(got.json()["results"]["bindings"]) == 1000


def test_malformed_query_is_400_with_the_position(server):
    got = httpx.post(server + "/sparql", data={"query": "SELECT * WHERE {\n  ?s ?p \n}"})
    assert got.status_code == 400
    assert "malformed SPARQL" in got.text and "error at 3:" in got.text


def test_update_needs_the_token(server):
    update = (f'INSERT DATA {{ GRAPH <{AID}graph/test-hostile> {{ <{AID}entity/test-hostile> '
              f'<{RDFS.label}> "{SCRIPT}"@en }} }}')
    url = server + "/sparql"
    assert httpx.post(url, data={"update": update}).status_code == 403
    wrong = httpx.post(url, data={"update": update}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    done = httpx.post(url, content=update, headers={"Content-Type": "application/sparql-update",
                                                    "Authorization": f"Bearer {TOKEN}"})
    assert done.status_code == 200, done.text
    assert _wrapper(server, f"ASK {{ <{AID}entity/test-hostile> ?p ?o }}", JSON)["boolean"] is True


def test_updates_are_off_by_default(strict):
    got = httpx.post(strict + "/sparql", data={"update": "CLEAR ALL"},
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert got.status_code == 403 and "--allow-update" in got.text


# queries that reach another endpoint or a file: refused on /sparql and on /graph alike
REFUSED = [
    pytest.param("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", id="service"),
    pytest.param("PREFIX ex: <http://example.org/>\nSELECT * WHERE { SERVICE SILENT ex:sparql { ?s ?p ?o } }",
                 id="service-prefixed"),
    pytest.param("SELECT * WHERE { SERVICE ?where { ?s ?p ?o } }", id="service-variable"),
    pytest.param("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", id="from-file"),
    pytest.param("SELECT * FROM NAMED <http://example.org/g> WHERE { ?s ?p ?o }", id="from-remote"),
]


@pytest.mark.parametrize("query", REFUSED)
def test_remote_and_file_iris_are_refused(server, query):
    got = httpx.post(server + "/sparql", data={"query": query})
    assert got.status_code == 400, got.text


def test_service_on_the_allow_list_passes_the_check(server):
    # the allowed endpoint is a closed port: the check lets it through, the call then fails
    got = httpx.post(server + "/sparql",
                     data={"query": f"SELECT * WHERE {{ SERVICE <{ALLOWED_SERVICE}> {{ ?s ?p ?o }} }}"})
    assert got.status_code != 400 or "not allowed" not in got.text


def test_service_words_in_strings_and_comments_are_not_calls(server):
    query = ('SELECT * WHERE { ?s ?p "SERVICE <http://example.org/>" } # SERVICE <http://example.org/>\n')
    assert httpx.post(server + "/sparql", data={"query": query}).status_code == 200


def test_load_is_refused(server):
    got = httpx.post(server + "/sparql", data={"update": "LOAD <http://example.org/data.ttl>"},
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert got.status_code == 400 and "LOAD" in got.text


def test_an_oversized_body_is_413_and_the_server_goes_on(strict):
    limit = Limits().max_body
    big = "query=" + "%D8%A7" * (limit // 6 + 1)  # percent-encoded Arabic letters, over the limit
    r = httpx.post(strict + "/sparql", content=big.encode(), timeout=30,
                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413 and f"the limit is {limit:,}" in r.text

    def chunks():  # no Content-Length: the limit is kept while the body streams in
        for _ in range(limit // 65536 + 2):
            yield b"#" * 65536
    r = httpx.post(strict + "/sparql", content=chunks(), timeout=30,
                   headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413 and "over the limit" in r.text
    r = httpx.post(strict + "/graph", content=big.encode(), timeout=30,
                   headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413
    # a body just under the limit is read, and meets the query's own length limit
    r = httpx.post(strict + "/sparql", content=b"ASK {}" + b" " * (limit - 16), timeout=30,
                   headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 400 and "the limit is 1,000,000" in r.text
    ok = httpx.post(strict + "/sparql", content=b"ASK {}", timeout=30,
                    headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert ok.status_code == 200 and ok.json()["boolean"] is True


@pytest.mark.parametrize("path", [
    "/static/../server.py", "/static/..%2Fserver.py", "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/static/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/static/app.js%00.html", "/static/",
    "/entity/..%2F..%2F..%2Fetc%2Fpasswd", "/entity/../../etc/passwd", "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
])
def test_paths_out_of_the_served_files_are_not_found(strict, path):
    with httpx.Client(base_url=strict) as client:
        r = client.send(client.build_request("GET", strict + path))  # sent as written, not normalized
    assert r.status_code == 404, (path, r.status_code, r.text[:200])
    assert "root:" not in r.text and "import " not in r.text and "[project]" not in r.text


def test_a_query_over_the_time_limit_stops_while_others_are_answered(strict):
    url = strict + "/sparql"
    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        slow = pool.submit(httpx.post, url, data={"query": CROSS_JOIN}, timeout=30)
        time.sleep(0.3)
        quick = httpx.post(url, data={"query": "ASK { ?s ?p ?o }"}, timeout=5)
        quick_done = time.monotonic() - started
        answer = slow.result()
    assert quick.status_code == 200 and quick.json()["boolean"] is True
    assert quick_done < 1.0, "the quick query waited for the slow one"
    assert answer.status_code == 503 and "time limit of 1 s" in answer.text
    assert httpx.post(url, data={"query": "ASK { ?s ?p ?o }"}).status_code == 200


def test_service_description(server):
    got = httpx.get(server + "/sparql", headers={"Accept": "text/turtle"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=got.text, format="turtle")
    service = g.value(predicate=SD.endpoint, object=URIRef(server + "/sparql"))
    assert service is not None
    languages = set(g.objects(service, SD.supportedLanguage))
    assert {SD.SPARQL11Query, SD.SPARQL11Update} <= languages
    assert URIRef("http://www.w3.org/ns/formats/SPARQL_Results_CSV") in set(g.objects(service, SD.resultFormat))


def test_cors(server):
    got = httpx.options(server + "/sparql", headers={"Origin": "http://example.org",
                                                     "Access-Control-Request-Method": "POST"})
    assert got.status_code == 200 and got.headers["access-control-allow-origin"] == "*"


# -- entity pages ----------------------------------------------------------------------

def test_entity_page_in_html(server):
    got = httpx.get(server + "/entity/entity/raqqa", headers={"Accept": "text/html"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/html")
    page = got.text
    assert "الرقة" in page and "Raqqa" in page
    assert 'href="http://www.wikidata.org/entity/Q283368"' in page
    assert "<mark>" in page, "evidence sentences mark the words that state the fact"


def test_entity_page_in_turtle(server):
    got = httpx.get(server + "/entity/entity/raqqa", headers={"Accept": "text/turtle"})
    assert got.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=got.text, format="turtle")
    raqqa = URIRef(AID + "entity/raqqa")
    assert (raqqa, RDFS.label, Literal("الرقة", lang="ar")) in g
    assert (raqqa, URIRef(PREFIXES["owl"] + "sameAs"), URIRef("http://www.wikidata.org/entity/Q283368")) in g


def test_event_page_keeps_percent_escapes(server, store):
    fact = next(iter(store.query(
        f"SELECT ?f WHERE {{ ?f <{PREFIXES['athar']}evidence> ?e . FILTER(CONTAINS(STR(?f), '%2F')) }} LIMIT 1")))
    path = "/entity/" + fact["f"].value[len(AID):]
    assert httpx.get(server + path).status_code == 200
    assert httpx.get(server + "/entity/entity/no-such-thing").status_code == 404


def test_hostile_text_is_escaped(server, store):
    rows = list(store.query(f"SELECT ?f WHERE {{ ?f <{PREFIXES['athar']}evidence> ?e . "
                            f"?e <{PREFIXES['athar']}sentence> ?s . FILTER(CONTAINS(?s, 'script')) }}"))
    assert rows, "the hostile document gives an event whose evidence sentence holds the script"
    page = httpx.get(server + "/entity/" + rows[0]["f"].value[len(AID):]).text
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_hostile_label_is_escaped(server):
    httpx.post(server + "/sparql", headers={"Authorization": f"Bearer {TOKEN}"}, data={
        "update": f'INSERT DATA {{ GRAPH <{AID}graph/test-label> {{ <{AID}entity/test-label> '
                  f'<{RDFS.label}> "{SCRIPT}"@en }} }}'}).raise_for_status()
    page = httpx.get(server + "/entity/entity/test-label").text
    assert SCRIPT not in page and "&lt;script&gt;" in page


# -- the query page, in Chromium -------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(0, "--no-sandbox")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        except Exception as e:  # Playwright raises its own Error, or OSError
            pytest.fail(f"cannot launch Chromium at {CHROMIUM} ({e}); run the test command in the README",
                        pytrace=False)
        yield b
        b.close()


@pytest.mark.browser
def test_query_page_runs_a_saved_query_and_downloads_csv(browser, server, tmp_path):
    outside, dialogs, errors = [], [], []
    page = browser.new_page(accept_downloads=True)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if r.request.url.startswith((server + "/", "blob:", "data:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(server + "/", wait_until="load")
    page.wait_for_selector("#saved-list button[data-name='liberations']")
    questions = page.locator("#saved-list button[data-name='liberations'] .q-ar")
    assert questions.get_attribute("dir") == "rtl" and questions.inner_text()
    page.click("#saved-list button[data-name='liberations']")
    page.click("#run")
    page.wait_for_selector("#result-table tbody tr")
    rows = page.locator("#result-table tbody tr").count()
    assert rows > 0
    arabic = page.locator("#result-table td[dir='rtl']")
    assert arabic.count() > 0, "Arabic values are shown right to left"
    page.locator("#result-table th").first.click()
    assert page.locator("#result-table th").first.get_attribute("aria-sort") == "ascending"
    with page.expect_download() as info:
        page.click("#download-csv")
    saved = tmp_path / "results.csv"
    info.value.save_as(saved)
    assert info.value.suggested_filename == "athar-results.csv"
    assert len(saved.read_text(encoding="utf-8").strip().splitlines()) == rows + 1
    # free SPARQL with a hostile value: shown as text, never run
    page.fill("#query", f"SELECT ?x WHERE {{ BIND(\"{SCRIPT}\" AS ?x) }}")
    page.click("#run")
    # the saved query's rows are still on the page until the new answer replaces them: wait for it
    page.wait_for_function("s => document.querySelector('#result-table tbody td')?.innerText === s", arg=SCRIPT)
    assert page.locator("#result-table tbody td").first.inner_text() == SCRIPT
    page.close()
    assert outside == [] and dialogs == [] and errors == []


# -- the graph view ---------------------------------------------------------------------

def _vis_data(page: str, name: str) -> list[dict]:
    """The nodes or edges of a graph page (athar.use.viz's JSON in ``<script id="athar-data">``),
    each with its IRI (``id``, ``from``), its labels and the sentences of its facts (``title``)."""
    import json
    import re

    m = re.search(r'<script type="application/json" id="athar-data">(.*?)</script>', page, re.S)
    assert m, "no data in the page"
    data = json.loads(m.group(1))
    nodes, facts = data["nodes"], data["facts"]

    def told(ids):
        return " ".join(facts[k].get("s") or facts[k].get("w") or "" for k in ids or [])

    if name == "nodes":
        return [{"id": n["i"], "label": f"{n['ar']} {n['en']}", "title": told(n.get("s"))} for n in nodes]
    return [{"from": nodes[e["f"]]["i"], "to": nodes[e["t"]]["i"], "label": e["r"], "title": told(e.get("s"))}
            for e in data["edges"]]


def _saved(name):
    return next(q for q in saved_queries() if q.name == name)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_graph_of_a_saved_query_is_an_offline_page(server, lang):
    got = httpx.get(server + "/graph", params={"query": _saved("liberations").text, "lang": lang}, timeout=30)
    assert got.status_code == 200, got.text
    assert got.headers["content-type"].startswith("text/html")
    page = got.text
    assert f'<html lang="{lang}"' in page
    assert not re.search(r"""<(script|link|img)\b[^>]*\b(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    labels = " ".join(n["label"] + " " + n["title"] for n in _vis_data(page, "nodes"))
    assert "الباغوز" in labels or "Baghuz" in labels
    assert _vis_data(page, "edges")


def test_graph_of_a_construct_has_exactly_its_nodes(server, store):
    query = (sparql_prefixes("athar") + "CONSTRUCT { ?x a athar:Liberation ; athar:evidence ?e ; athar:place ?p } "
             "WHERE { ?x a athar:Liberation ; athar:evidence ?e ; athar:place ?p }")
    triples = list(store.query(query))
    expected = {str(t.subject.value) for t in triples} | {t.object.value for t in triples
                                                           if str(t.predicate.value).endswith("place")}
    assert expected
    page = httpx.post(server + "/graph", data={"query": query, "lang": "en"}, timeout=30).text
    assert {n["id"] for n in _vis_data(page, "nodes")} == expected
    assert {e["from"] for e in _vis_data(page, "edges")} <= expected


def test_graph_keeps_hostile_text_escaped(server):
    athar = PREFIXES["athar"]
    httpx.post(server + "/sparql", headers={"Authorization": f"Bearer {TOKEN}"}, data={
        "update": f'INSERT DATA {{ GRAPH <{AID}graph/test-graph-label> {{ <{AID}entity/test-graph-label> '
                  f'<{RDFS.label}> "{SCRIPT}"@ar ; <{athar}mentionedIn> <{AID}doc/test-graph-label> }} }}'
    }).raise_for_status()
    query = (f"SELECT ?x WHERE {{ {{ ?x <{athar}evidence>/<{athar}sentence> ?s FILTER(CONTAINS(?s, 'script')) }} "
             f"UNION {{ BIND(<{AID}entity/test-graph-label> AS ?x) }} }}")
    got = httpx.get(server + "/graph", params={"query": query, "lang": "ar"}, timeout=30)
    assert got.status_code == 200, got.text
    nodes, edges = _vis_data(got.text, "nodes"), _vis_data(got.text, "edges")
    assert any(SCRIPT in n["label"] for n in nodes), "the hostile label is drawn, as text"
    assert any(SCRIPT in e["title"] for e in edges), "the hostile sentence is in a tooltip, as text"
    assert SCRIPT not in got.text and "<img" not in got.text


@pytest.mark.parametrize("query", [
    *REFUSED,
    pytest.param("SELECT * WHERE {", id="malformed"),
    pytest.param("ASK { ?s ?p ?o }", id="ask"),
])
def test_graph_refuses_what_sparql_refuses(server, query):
    got = httpx.post(server + "/graph", data={"query": query})
    assert got.status_code == 400, got.text


def test_graph_is_cut_and_says_so(server):
    query = f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{AID}")) }}'
    got = httpx.get(server + "/graph", params={"query": query, "lang": "en"}, timeout=60)
    assert got.status_code == 200 and got.headers["x-athar-graph-cut"] == "300"
    entities = [n for n in _vis_data(got.text, "nodes") if n["id"].startswith(AID)]
    assert 0 < len(entities) <= 300


@pytest.mark.browser
def test_query_page_shows_the_graph(browser, server):
    outside, dialogs, errors = [], [], []
    page = browser.new_page()
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))

    def route(r):
        if r.request.url.startswith((server + "/", "blob:", "data:", "about:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(server + "/", wait_until="load")
    page.wait_for_selector("#saved-list button[data-name='liberations']")
    page.click("#saved-list button[data-name='liberations']")
    page.click("#run")
    page.wait_for_selector("#result-table tbody tr")
    page.select_option("#graph-lang", "ar")
    page.click("#show-graph")
    page.wait_for_selector("#graph-view:not([hidden])")
    frame = page.frame_locator("#graph-frame")
    frame.locator("#mynetwork canvas").wait_for(timeout=20_000)
    assert frame.locator("html").get_attribute("lang") == "ar"
    assert page.locator("#graph-note").inner_text() == ""
    page.close()
    assert outside == [] and dialogs == [] and errors == []


# -- the query threads: a burst waits for a free one, a server held by endless queries says "busy"

def test_a_request_waits_for_a_free_query_thread_then_is_told_busy():
    import asyncio

    from athar.errors import EndpointBusy
    from athar.use.protocol import Endpoint

    async def burst(limits: Limits, seconds: float) -> list:
        endpoint = Endpoint(Store(), limits)
        first = asyncio.ensure_future(endpoint.run(lambda: time.sleep(seconds) or "first"))
        await asyncio.sleep(0.05)  # the first holds the only thread
        second = endpoint.run(lambda: "second")
        return await asyncio.gather(first, second, return_exceptions=True)

    def run(limits: Limits, seconds: float) -> list:  # a loop of its own (a browser test may hold this thread's)
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(lambda: asyncio.run(burst(limits, seconds))).result(timeout=30)

    # a thread frees within the wait: the second request is answered, not refused
    assert run(Limits(max_threads=1, queue_wait=2.0), 0.3) == ["first", "second"]
    # held past the wait: the second is told the server is busy, and why
    first, second = run(Limits(max_threads=1, queue_wait=0.2), 1.0)
    assert first == "first" and isinstance(second, EndpointBusy) and "busy for 0.2 s" in str(second)
