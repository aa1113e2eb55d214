"""Linking out (``athar link``): the corpus tied to Wikidata, offline from the shipped snapshot
and online against a real SPARQL server on loopback.

The online tests run ``oxigraph serve-read-only`` (the ``oxigraph`` package of the test extra)
over tests/data/wikidata-fixture.ttl, behind a small HTTP proxy started here that counts the
requests and can answer 429, 500 or nothing at all. What a user checks: the right item is
chosen among places and persons of the same name, an ambiguous name is not linked, a second
run asks nothing, a failing server leaves the store as it was with one clear line, and the
federated saved queries answer through SERVICE.
"""

from __future__ import annotations

import csv
import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest

from athar.cli import main
from athar.graph.ingest import build
from athar.graph.rdf import GAZETTEER_GRAPH
from athar.graph.store import Store
from athar.read.language import arabic
from athar.read.mentions import gazetteer
from athar.use.link import enrichment_graph, link_store, link_with, links_graph
from athar.use.linker import SparqlLinker, load_config
from athar.use.query import resolve_query, run_query

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
FIXTURE = Path(__file__).resolve().parent / "data" / "wikidata-fixture.ttl"
VERIFIED = ROOT / "data" / "reference" / "wikidata-verified.csv"
WD = "http://www.wikidata.org/entity/"
E = "https://w3id.org/athar/id/entity/"
PREFIXES = """PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX athar: <https://w3id.org/athar/ontology#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


# -- servers ---------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def wikidata(tmp_path_factory) -> str:
    """``oxigraph serve-read-only`` on loopback over the fixture: its query URL."""
    oxigraph = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    assert oxigraph, "no oxigraph binary: install the test extra (pip install -e '.[test]')"
    db = tmp_path_factory.mktemp("wikidata") / "db"
    subprocess.run([oxigraph, "load", "--location", str(db), "--file", str(FIXTURE)], check=True,
                   capture_output=True, timeout=60)
    port = _free_port()
    server = subprocess.Popen([oxigraph, "serve-read-only", "--location", str(db), "--bind", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not start within 10 s")
        yield url
    finally:
        server.terminate()
        server.wait(10)


class Proxy(http.server.ThreadingHTTPServer):
    """Forwards to the fixture server and keeps what it was sent; ``mode`` makes it answer
    429 (``"429"``, once, then pass), 500 (``"500"``) or nothing for 3 s (``"hang"``)."""

    daemon_threads = True

    def __init__(self, upstream: str):
        super().__init__(("127.0.0.1", 0), _Forward)
        self.upstream, self.mode, self.seen = upstream, "pass", []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/query"


class _Forward(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        proxy: Proxy = self.server
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        proxy.seen.append({"agent": self.headers.get("User-Agent", ""), "body": urllib.parse.unquote_plus(
            body.decode()), "mode": proxy.mode})
        if proxy.mode == "hang":
            time.sleep(3)
            return self._answer(200, b"{}", "application/json")
        if proxy.mode in ("429", "500"):
            code = int(proxy.mode)
            if code == 429:
                proxy.mode = "pass"
            return self._answer(code, b"busy", "text/plain", {"Retry-After": "0"} if code == 429 else {})
        request = urllib.request.Request(proxy.upstream, data=body, method="POST", headers={
            k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")})
        with urllib.request.urlopen(request, timeout=10) as r:
            self._answer(r.status, r.read(), r.headers.get("Content-Type", ""))

    def _answer(self, code: int, data: bytes, kind: str, headers: dict | None = None) -> None:
        try:
            self.send_response(code)
            for k, v in {"Content-Type": kind, "Content-Length": str(len(data)), **(headers or {})}.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)
        except OSError:
            pass  # the client gave up (a timeout test)


@pytest.fixture
def proxy(wikidata):
    server = Proxy(wikidata)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The corpus, built once and closed; each test links a copy."""
    path = tmp_path_factory.mktemp("built") / "athar-store"
    with Store(path) as store:
        assert build(store, [CORPUS]).errors == []
    return path


@pytest.fixture
def store_path(built, tmp_path) -> Path:
    path = tmp_path / "athar-store"
    shutil.copytree(built, path)
    return path


def settings():
    return replace(load_config().settings, backoff=0.01, timeout=1.0, retries=2)


def online(store: Store, url: str, cache: Path):
    cfg = load_config()
    return link_store(store, SparqlLinker(cfg.sources["wikidata"], settings(), endpoint=url, cache_dir=cache),
                      settings())


def links(store: Store, source: str = "wikidata") -> dict[str, tuple[str, str]]:
    """entity key -> (relation, item) in the source's links graph."""
    out = {}
    for r in store.query(PREFIXES + f"""SELECT ?e ?p ?i WHERE {{ GRAPH <{links_graph(source)}> {{
            ?e ?p ?i FILTER(?p IN (owl:sameAs, skos:closeMatch)) }} }}"""):
        out[r["e"].value.removeprefix(E)] = (r["p"].value.rsplit("#", 1)[-1], r["i"].value.removeprefix(WD))
    return out


# -- online, against the fixture -------------------------------------------------------

def test_the_right_item_is_chosen_and_an_ambiguous_name_is_not_linked(store_path, proxy, tmp_path):
    with Store(store_path) as store:
        report = online(store, proxy.url, tmp_path / "cache")
        got = links(store)
    assert got["raqqa"] == ("sameAs", "Q283368")             # not the Iraqi village of the same name
    assert got["tabqa"] == ("sameAs", "Q1822804")            # the one in Raqqa Governorate
    assert got["manbij"] == ("sameAs", "Q1146939")           # the city, not the person
    assert got["person-35b7b8fe7e"] == ("sameAs", "Q99000004")  # the person, not the village
    assert got["mosul"] == ("sameAs", "Q83317")
    assert got["syria"] == ("sameAs", "Q858")
    assert got["isis"] == ("closeMatch", "Q2429253")         # by an alias only
    assert "village-aa06074a75" not in got                   # two villages "حجر صغير": unsure
    assert [d.entity.iri.removeprefix(E) for d in report.unsure] == ["village-aa06074a75"]
    assert "unsure:" in report.summary() and "Q99000006" in report.summary()
    assert not set(i for _, i in got.values()) & {"Q99000001", "Q99000002", "Q99000003", "Q99000005"}


def test_each_link_records_its_method_score_and_date(store_path, proxy, tmp_path):
    with Store(store_path) as store:
        online(store, proxy.url, tmp_path / "cache")
        rows = list(store.query(PREFIXES + f"""SELECT ?e ?score ?how ?when ?used WHERE {{ GRAPH <{links_graph("wikidata")}> {{
            ?l a rdf:Statement ; rdf:subject ?e ; rdf:predicate owl:sameAs ; rdf:object <{WD}Q283368> ;
               athar:confidence ?score ; dcterms:description ?how ; prov:generatedAtTime ?when ;
               prov:wasGeneratedBy [ a prov:Activity ; prov:used ?used ] }} }}"""))
    assert len(rows) == 1 and rows[0]["e"].value == E + "raqqa"
    assert float(rows[0]["score"].value) == 1.0
    assert rows[0]["how"].value == "label match: label, type, country, context"
    assert rows[0]["when"].value[:4] >= "2024" and rows[0]["used"].value == proxy.url


def test_enrichment_is_a_graph_of_its_own(store_path, proxy, tmp_path):
    with Store(store_path) as store:
        online(store, proxy.url, tmp_path / "cache")
        graph = enrichment_graph("wikidata")
        assert graph in store.graphs() and links_graph("wikidata") in store.graphs()
        row = next(iter(store.query(PREFIXES + f"""SELECT * WHERE {{ GRAPH <{graph}> {{
            <{WD}Q283368> geo:hasGeometry/geo:asWKT ?wkt ; wdt:P17 ?country ; wdt:P131 ?unit ;
                wdt:P1082 ?population ; rdfs:label "الرقة"@ar , "Raqqa"@en . ?unit rdfs:label ?unitName }} }}""")))
        assert row["wkt"].value == "POINT(39.00788 35.95283)"
        assert row["wkt"].datatype.value == "http://www.opengis.net/ont/geosparql#wktLiteral"
        assert (row["country"].value, row["unit"].value, int(row["population"].value)) == (
            WD + "Q858", WD + "Q235563", 200000)
        # only items linked by owl:sameAs are enriched: the close match lends the graph nothing
        assert not store.query(f"ASK {{ GRAPH <{graph}> {{ <{WD}Q2429253> ?p ?o }} }}")


def test_requests_are_few_batched_and_say_who_sends_them(store_path, proxy, tmp_path):
    with Store(store_path) as store:
        report = online(store, proxy.url, tmp_path / "cache")
    assert report.requests == len(proxy.seen) <= 3  # ~55 labels in 2 VALUES blocks, the items in 1
    assert all("VALUES" in s["body"] for s in proxy.seen)
    assert all(s["agent"].startswith("athar/") and "https://w3id.org/athar" in s["agent"] for s in proxy.seen)


def test_a_second_run_asks_nothing_already_answered(store_path, proxy, tmp_path):
    with Store(store_path) as store:
        first = online(store, proxy.url, tmp_path / "cache")
        before = links(store)
        sent = len(proxy.seen)
        second = online(store, proxy.url, tmp_path / "cache")
        assert links(store) == before
    assert sent > 0 and len(proxy.seen) == sent and second.requests == 0
    assert second.cached == first.requests


def test_a_429_is_waited_out(store_path, proxy, tmp_path):
    proxy.mode = "429"
    with Store(store_path) as store:
        report = online(store, proxy.url, tmp_path / "cache")
        assert links(store)["raqqa"] == ("sameAs", "Q283368")
    assert [s["mode"] for s in proxy.seen][:2] == ["429", "pass"] and report.requests == len(proxy.seen)


@pytest.mark.parametrize("mode, message", [
    pytest.param("500", "HTTP 500 after 4 tries", id="http-500"),
    pytest.param("hang", "no answer within 1 s after 2 tries", id="timeout"),
])
def test_a_failing_server_leaves_the_store_unchanged(store_path, proxy, tmp_path, capsys, mode, message):
    with Store(store_path) as store:
        before = store.serialize("nq")
    proxy.mode = mode
    argv = ["--store", str(store_path), "link", "--endpoint", proxy.url, "--cache", str(tmp_path / "cache"),
            "--timeout", "1"]
    if mode == "hang":
        cfg = tmp_path / "fewer-tries.toml"
        cfg.write_text("[link]\nretries = 1\nbackoff = 0.01\n", encoding="utf-8")
        argv += ["--config", str(cfg)]
    else:
        cfg = tmp_path / "fast.toml"
        cfg.write_text("[link]\nbackoff = 0.01\n", encoding="utf-8")
        argv += ["--config", str(cfg)]
    assert main(argv) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith(f"athar link: error: {proxy.url}: ")
    assert message in err and "the store is unchanged" in err
    with Store(store_path) as store:
        assert store.serialize("nq") == before


def test_a_source_of_your_own_is_configured_not_coded(store_path, wikidata, tmp_path, capsys):
    # DBpedia ships configured beside Wikidata
    cfg = load_config()
    assert cfg.sources["dbpedia"].endpoint == "https://dbpedia.org/sparql"
    assert cfg.sources["dbpedia"].classes["City"] == frozenset({"http://dbpedia.org/ontology/City",
                                                                 "http://dbpedia.org/ontology/Settlement"})
    # a user's reference data, in Wikidata's shape, named in a file of their own
    mine = tmp_path / "mine.toml"
    mine.write_text(f"""
[source.mine]
endpoint = "{wikidata}"
item_prefix = "{WD}"
labels = ["rdfs:label"]
type = "wdt:P31/wdt:P279*"
country = "wdt:P17"
[source.mine.prefixes]
wd = "{WD}"
wdt = "http://www.wikidata.org/prop/direct/"
[source.mine.classes]
City = ["wd:Q515"]
Country = ["wd:Q6256"]
""", encoding="utf-8")
    assert main(["--store", str(store_path), "link", "--source", "mine", "--config", str(mine)]) == 1
    assert "source 'mine' ships no snapshot; link it online (--online or --endpoint URL)" in capsys.readouterr().err
    assert main(["--store", str(store_path), "link", "--source", "mine", "--config", str(mine), "--online",
                 "--cache", str(tmp_path / "cache")]) == 0
    assert "mine (" in capsys.readouterr().out
    with Store(store_path) as store:
        got = links(store, "mine")
        assert got["raqqa"] == ("sameAs", "Q283368") and got["manbij"] == ("sameAs", "Q1146939")
        assert links_graph("wikidata") not in store.graphs()


def test_an_unknown_source_is_one_line(store_path, capsys):
    assert main(["--store", str(store_path), "link", "--source", "nowhere"]) == 1
    assert capsys.readouterr().err.strip() == (
        "athar link: error: no source 'nowhere' in the linker configuration; configured: wikidata, dbpedia")


# -- offline, from the shipped snapshot ------------------------------------------------

def _verified() -> dict[str, dict]:
    with VERIFIED.open(encoding="utf-8", newline="") as f:
        return {row["wikidata"]: row for row in csv.DictReader(f)}


def test_the_shipped_identifiers_are_verified_and_cite_their_sources():
    rows = _verified()
    assert rows and all(r["sources"].strip() for r in rows.values())
    for entry in gazetteer(arabic()).values():  # the gazetteer carries no id the reference lacks
        if entry.wikidata:
            row = rows[entry.wikidata]
            assert (row["label_ar"], row["sources"]) == (entry.label_ar, entry.wikidata_source), entry.key
            if entry.lat is not None:
                assert (float(row["lat"]), float(row["lon"])) == (entry.lat, entry.lon)


def test_offline_links_every_entity_the_snapshot_knows(store_path, capsys):
    assert main(["--store", str(store_path), "link"]) == 0  # offline is the default
    out = capsys.readouterr().out
    rows = _verified()
    with Store(store_path) as store:
        got = links(store)
        # every entity of the documents whose identifier the snapshot holds is linked to it
        mentioned = {r["e"].value.removeprefix(E) for r in store.query(
            f'SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?e a ?c }} FILTER(STRSTARTS(STR(?g), '
            f'"https://w3id.org/athar/id/doc/") && STRSTARTS(STR(?e), "{E}")) }}')}
        known = {e.key: e.wikidata for e in gazetteer(arabic()).values() if e.wikidata and e.key in mentioned}
        assert len(known) >= 9
        assert {k: got.get(k) for k in known} == {k: ("sameAs", q) for k, q in known.items()}
        # no entity anywhere in the store carries an identifier that is not verified
        said = {r["i"].value.removeprefix(WD) for r in store.query(PREFIXES + f"""SELECT DISTINCT ?i WHERE {{
            {{ ?e owl:sameAs|skos:closeMatch ?i }} UNION {{ ?e athar:wikidata ?q BIND(IRI(CONCAT("{WD}", ?q)) AS ?i) }}
            FILTER(STRSTARTS(STR(?i), "{WD}")) }}""")}
        assert said and said <= set(rows)
        # coordinates for every linked place: its snapshot row's, or for a country without them the
        # countryinfo package's representative point, which says so
        places = {r["e"].value.removeprefix(E): r["wkt"] for r in store.query(PREFIXES + f"""
            SELECT ?e ?wkt WHERE {{ GRAPH <{links_graph("wikidata")}> {{ ?e owl:sameAs ?i }}
              ?e a/rdfs:subClassOf* athar:Place .
              OPTIONAL {{ GRAPH <{enrichment_graph("wikidata")}> {{ ?i geo:hasGeometry/geo:asWKT ?wkt }} }} }}""")}
    assert {"raqqa", "tabqa", "manbij", "mosul", "deir-ez-zor", "raqqa-governorate"} <= set(places)
    for key, wkt in places.items():
        row = rows[known[key]]
        assert wkt is not None, key
        if row["lat"]:
            assert wkt.value == f"POINT({float(row['lon'])} {float(row['lat'])})", key
        else:
            assert row["kind"] == "country", key
    assert places["syria"].value == "POINT(38.0 35.0)" and places["iraq"].value == "POINT(44.0 33.0)"
    assert "no coordinates" not in out
    assert "0 requests" in out


def test_the_gazetteer_graph_still_says_the_same(store_path):
    """`athar build` states the gazetteer's verified ids too (graph/rdf.py); link adds, never contradicts."""
    with Store(store_path) as store:
        link_with(store)  # offline, the default
        rows = list(store.query(PREFIXES + f"""SELECT ?e ?i ?j WHERE {{
                GRAPH <{GAZETTEER_GRAPH}> {{ ?e owl:sameAs ?i }} GRAPH <{links_graph("wikidata")}> {{ ?e owl:sameAs ?j }} }}"""))
    assert len(rows) >= 9 and all(r["i"] == r["j"] for r in rows)


# -- federated queries -----------------------------------------------------------------

def test_federated_queries_answer_through_service(store_path, wikidata):
    with Store(store_path) as store:
        link_with(store)  # offline, the default
    params = {"wikidata": wikidata}
    got = run_query(store_path, resolve_query("federated-liberated-places"), params=params,
                    allow_service=(wikidata,))
    rows = [(b["place"]["value"], b["item"]["value"].removeprefix(WD), int(b["population"]["value"]),
             b["coordinates"]["value"]) for b in got["results"]["bindings"]]
    assert rows == [("Mosul", "Q83317", 1500000, "Point(43.129167 36.341667)"),
                    ("Raqqa", "Q283368", 200000, "Point(39.00788 35.95283)"),
                    ("Manbij", "Q1146939", 100000, "Point(37.956329 36.526645)")]
    got = run_query(store_path, resolve_query("federated-events-by-unit"), params=params, allow_service=(wikidata,))
    units = {(b["unit"]["value"], b["place"]["value"]) for b in got["results"]["bindings"]}
    assert units == {("Raqqa Governorate", "Raqqa"), ("Raqqa Governorate", "Tabqa"), ("Aleppo Governorate", "Manbij")}


def test_a_federated_query_calls_only_an_allowed_endpoint(store_path, wikidata, capsys):
    assert main(["--store", str(store_path), "query", "federated-liberated-places",
                 "--param", f"wikidata={wikidata}"]) == 1
    err = capsys.readouterr().err
    assert f"SERVICE <{wikidata}>" in err and "--allow-service" in err
    assert main(["--store", str(store_path), "query", "federated-liberated-places", "--param", "wikidata=Raqqa",
                 "--allow-service", wikidata]) == 1
    assert "an http(s) URL, not 'Raqqa'" in capsys.readouterr().err


# -- the configured queries --------------------------------------------------------------

class _Recorder(SparqlLinker):
    """Keeps the queries it would send, and answers none (to read what a configuration asks)."""

    def select(self, query: str) -> list[dict]:
        self.sent = getattr(self, "sent", []) + [query]
        return []


@pytest.mark.parametrize("source, endpoint, method", [
    pytest.param("wikidata", "https://query.wikidata.org/sparql", "entity search", id="wikidata-mwapi"),
    pytest.param("wikidata", "http://127.0.0.1:1/query", "label match", id="wikidata-elsewhere"),
    pytest.param("dbpedia", "https://dbpedia.org/sparql", "label match", id="dbpedia"),
])
def test_every_configured_source_asks_valid_sparql(source, endpoint, method):
    import pyoxigraph

    cfg = load_config()
    linker = _Recorder(cfg.sources[source], cfg.settings, endpoint=endpoint)
    assert linker.method == method
    linker.candidates([("الرقة", "ar"), ('Raqqa "city"', "en")])
    linker.describe([cfg.sources[source].item_prefix + "X1"])
    assert len(linker.sent) == (3 if method == "entity search" else 2)
    for query in linker.sent:  # each runs on an empty store (the entity search's SERVICE as a plain group)
        try:
            list(pyoxigraph.Store().query(query.replace("SERVICE wikibase:mwapi", "OPTIONAL")))
        except SyntaxError as e:
            pytest.fail(f"{source}: invalid SPARQL ({e}):\n{query}")
    assert any('"Raqqa \\"city\\""' in q for q in linker.sent)  # a label's quotes are escaped
