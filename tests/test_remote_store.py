"""The remote store against two real SPARQL servers on loopback, started here: Oxigraph
(``oxigraph serve``) and Virtuoso (Debian's ``virtuoso-opensource``, updates through
/sparql-auth with HTTP Digest authentication). For each: build the seed, query it (the saved
queries answer as the embedded store does), build it again (no duplicates), remove a document
(its facts gone, the facts other documents give shared entities kept); the commands run with
``--store FILE.toml``. Then what goes wrong: a dropped connection, a 401, a 5xx, a server that
does not answer, each one line; and HTTP Basic through a proxy in front of Oxigraph.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import socket
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from athar.cli import main
from athar.errors import QueryError, QueryTimeout, StoreError
from athar.graph.ingest import build, remove
from athar.graph.location import is_remote, open_store, read_endpoints
from athar.graph.provenance import SOURCES_GRAPH
from athar.graph.rdf import ENTITIES_GRAPH
from athar.graph.remote import Endpoints, RemoteStore, bind_values
from athar.graph.store import Store
from athar.graph.summary import SUMMARY_GRAPH, summary_rows, summary_views
from athar.graph.terms import PREFIXES
from athar.read.pipeline import Pipeline
from athar.use.output import results_json
from athar.use.query import answer, answer_page, saved_queries

from conftest import CORPUS, SEED
from remote_servers import VIRTUOSO_DEVIATES, VIRTUOSO_PASSWORD_ENV, free_port, oxigraph_server, virtuoso_server

PASSWORD = "athar-test-7d1e"
XSD_STRING = URIRef(PREFIXES["xsd"] + "string")
SERVERS = ("oxigraph", "virtuoso")
PARAMS = {"by-place": {"place": "الرقة"}, "by-actor": {"actor": "SDF"}}


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    """Both servers, once per session: name -> the .toml file naming its endpoints."""
    os.environ[VIRTUOSO_PASSWORD_ENV] = PASSWORD
    folder = tmp_path_factory.mktemp("servers")
    with oxigraph_server(folder / "oxigraph") as ox_config, virtuoso_server(folder / "virtuoso", PASSWORD) as vt:
        yield {"oxigraph": ox_config, "virtuoso": vt}
    os.environ.pop(VIRTUOSO_PASSWORD_ENV, None)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(params=SERVERS)
def remote(request, servers):
    """A remote store with none of athar's graphs in it, on each server."""
    with open_store(str(servers[request.param])) as store:
        for g in store.graphs():
            store.drop_graph(g)
        store.name = request.param
        yield store


@pytest.fixture(scope="session")
def local_seed(pipeline) -> Store:
    store = Store()
    assert build(store, [SEED], pipeline=pipeline).errors == []
    return store


def _rows(result) -> list:
    """An answer as rows of plain strings, sorted, each group's concatenation sorted: what the
    standard leaves to the engine (GROUP_CONCAT's order, ties of ORDER BY) set aside."""
    data = results_json(result)
    names = data["head"]["vars"]
    rows = [tuple((b.get(n) or {}).get("value") for n in names) for b in data["results"]["bindings"]]
    return sorted((tuple(_sorted_parts(v) for v in row) for row in rows), key=repr)


def _sorted_parts(value: str | None) -> str | None:
    for sep in (", ", "; "):
        if value and sep in value:
            value = sep.join(sorted(value.split(sep)))
    return value


def _same_graphs(remote_store, local: Store) -> None:
    """The same graphs, each isomorphic to the embedded store's. Virtuoso keeps a typed literal
    in a type of its own (an integer as xsd:nonNegativeInteger, a duration as seconds, a WKT
    point as virtrdf:Geometry in single precision): there, a typed literal other than a string
    is compared as "some typed literal"; text, language tags, IRIs and the shape are compared."""
    exact = "virtuoso" not in getattr(remote_store, "name", "")
    assert remote_store.graphs() == local.graphs()
    # the record of where each document was read from says how each store was built (a folder,
    # files named one by one): the documents and what is drawn from them are compared
    sources = str(SOURCES_GRAPH)
    assert len(remote_store) - _size(remote_store, sources) - _records(remote_store) == \
        len(local) - _size(local, sources) - _records(local)
    for view in summary_views():  # derived: the same rows (a concatenation's order is each engine's own)
        assert _summary(remote_store, view) == _summary(local, view), view.name
    for g in local.graphs():
        if g in (sources, str(SUMMARY_GRAPH)):
            continue
        mine, theirs = (_graph([t for t in store.triples(g) if not _record(t)], exact) for store in (remote_store, local))
        assert len(mine) == len(theirs), g
        assert isomorphic(mine, theirs), f"graph <{g}> differs from the embedded store's"


def _summary(store, view) -> list:
    rows = [{c: _sorted_parts(term.value) for c, term in row.items()} for row in summary_rows(store, view)]
    for row in rows:
        for c, value in row.items():
            try:
                row[c] = float(value)
            except ValueError:
                pass
    return sorted((sorted(row.items()) for row in rows), key=repr)


def _size(store, graph: str) -> int:
    return sum(1 for _ in store.triples(graph))


def _record(triple) -> bool:
    """A record the embedded store's entities graph keeps of what it was drawn from
    (athar.graph.increment; a remote store's is drawn whole, with a digest)."""
    return str(triple[1]).startswith(f"{ENTITIES_GRAPH}#") or (
        str(triple[0]) == str(ENTITIES_GRAPH) and str(triple[1]).endswith("#contentHash"))


def _records(store) -> int:
    return sum(1 for t in store.triples(str(ENTITIES_GRAPH)) if _record(t))


def _remote_len(local: Store) -> int:
    """The size of a remote store holding what ``local`` holds: its entities graph carries one
    digest triple instead of the embedded store's records."""
    return len(local) - _records(local) + 1


def _graph(triples, exact: bool) -> Graph:
    g = Graph()
    for s, p, o in triples:
        if not exact and isinstance(o, Literal) and o.datatype not in (None, XSD_STRING):
            o = Literal("typed", datatype=URIRef("urn:athar-test:typed"))
        g.add((s, p, o))
    return g


# -- build, query, re-build, remove ------------------------------------------------

def test_build_the_seed_holds_the_same_graphs_as_the_embedded_store(remote, local_seed, pipeline):
    report = build(remote, [SEED], pipeline=pipeline)
    assert report.errors == [] and report.documents == 1
    _same_graphs(remote, local_seed)


def _cases():
    for server in SERVERS:
        for q in saved_queries():
            if q.services:  # federated: they ask another endpoint (tests/test_link.py)
                continue
            deviates = server == "virtuoso" and q.name in VIRTUOSO_DEVIATES
            marks = [pytest.mark.xfail(reason=f"Virtuoso 7.2 {VIRTUOSO_DEVIATES[q.name]}", strict=True)] \
                if deviates else []
            yield pytest.param(server, q, marks=marks, id=f"{server}-{q.name}")


@pytest.mark.parametrize("server, query", list(_cases()))
def test_saved_queries_answer_as_the_embedded_store(servers, local_seed, pipeline, server, query):
    with open_store(str(servers[server])) as store:
        if store.graphs() != local_seed.graphs() or len(store) != _remote_len(local_seed):  # built once for them all
            for g in store.graphs():
                store.drop_graph(g)
            build(store, [SEED], pipeline=pipeline)
        got = answer(store, query, params=PARAMS.get(query.name))
    expected = answer(local_seed, query, params=PARAMS.get(query.name))
    # the same rows; the order of GROUP_CONCAT and of ORDER BY's ties is each engine's own (and
    # Oxigraph's own differs between the union of every graph and a list of them)
    assert _rows(got) == _rows(expected)


@pytest.mark.parametrize("server", SERVERS)
def test_pages_answer_as_the_embedded_store(servers, local_seed, pipeline, server):
    # a page is two queries (the keys alone, then the page's events as a VALUES sub-select):
    # each server gives the same rows, the same next key and the same total
    with open_store(str(servers[server])) as store:
        if store.graphs() != local_seed.graphs() or len(store) != len(local_seed):
            for g in store.graphs():
                store.drop_graph(g)
            build(store, [SEED], pipeline=pipeline)
        for query in (q for q in saved_queries() if q.page is not None):
            after = None
            while True:
                got, expected = (answer_page(s, query, limit=2, after=after) for s in (store, local_seed))
                assert (_json_rows(got.results), got.next, got.total) == (
                    _json_rows(expected.results), expected.next, expected.total), (query.name, after)
                if got.next is None:
                    break
                after = got.next


def _json_rows(data: dict) -> list:
    names = data["head"]["vars"]
    return sorted((tuple((b.get(n) or {}).get("value") for n in names) for b in data["results"]["bindings"]), key=repr)


def test_building_again_adds_no_duplicates(remote, local_seed, pipeline):
    build(remote, [SEED], pipeline=pipeline)
    first = len(remote)
    build(remote, [SEED], pipeline=pipeline)
    assert len(remote) == first == _remote_len(local_seed)
    (doc,) = [g for g in remote.graphs() if "/doc/" in g]
    assert len(list(remote.triples(doc))) == len(list(local_seed.triples(doc)))


def test_removing_a_document_keeps_what_the_others_say(remote, pipeline):
    build(remote, [CORPUS], pipeline=pipeline)
    others = Store()
    build(others, sorted(p for p in CORPUS.glob("*.txt") if p != SEED), pipeline=pipeline)
    (seed_graph,) = [g for g in remote.graphs() if g.endswith(SEED.name)]
    isis = "https://w3id.org/athar/id/entity/isis"
    about_isis = f"SELECT (COUNT(*) AS ?n) WHERE {{ <{isis}> ?p ?o }}"
    assert remove(remote, [seed_graph]) == ([seed_graph], [])  # athar remove: the derived graphs follow

    assert seed_graph not in remote.graphs()
    assert list(remote.triples(seed_graph)) == []
    facts = remote.query(f'SELECT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{seed_graph}/")) }}')
    assert list(facts) == [], "a fact of the removed document is still in the store"
    count = int(next(iter(remote.query(about_isis)))["n"].value)
    assert count == int(next(iter(others.query(about_isis)))["n"].value) > 0
    _same_graphs(remote, others)


def test_a_folder_built_again_drops_the_documents_that_left_it(remote, pipeline, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    kept, gone = sorted(CORPUS.glob("*.txt"))[:2]
    for text in (kept, gone):
        (folder / text.name).write_bytes(text.read_bytes())
    assert build(remote, [folder], pipeline=pipeline).documents == 2
    (folder / gone.name).unlink()
    report = build(remote, [folder], pipeline=pipeline, keep_missing=True)
    assert (report.removed, report.skipped) == (0, 1)
    report = build(remote, [folder], pipeline=pipeline)
    assert (report.removed, report.skipped, report.errors) == (1, 1, [])
    assert [g for g in remote.graphs() if "/doc/" in g] == [g for g in remote.graphs() if g.endswith(kept.name)]
    alone = Store()
    build(alone, [folder], pipeline=pipeline)
    _same_graphs(remote, alone)


# -- the commands, with --store FILE.toml ----------------------------------------------

def test_commands_run_against_the_server(remote, servers, tmp_path, capsys, local_seed):
    config = str(servers[remote.name])
    assert main(["-q", "build", str(SEED), "--store", config]) == 0
    assert "store triples: " + str(_remote_len(local_seed)) in capsys.readouterr().out
    local = tmp_path / "local"
    assert main(["-q", "build", str(SEED), "--store", str(local)]) == 0
    capsys.readouterr()
    for argv in (["query", "liberations", "-f", "json"], ["query", "by-place", "--param", "place=الرقة", "-f", "json"],
                 ["events", "-f", "json"]):
        assert main([*argv, "--store", config]) == 0
        remote_out = json.loads(capsys.readouterr().out)
        assert main([*argv, "--store", str(local)]) == 0
        local_out = json.loads(capsys.readouterr().out)
        if remote.name == "virtuoso" and argv[0] == "events":  # Virtuoso keeps a duration as seconds
            assert {r["duration"] for r in local_out} == {None, "P42D"}  # "six weeks"
            assert {r["duration"] for r in remote_out} == {None, "3.6288e+06"}  # 42 days in seconds
            remote_out = [{**r, "duration": None} for r in remote_out]
            local_out = [{**r, "duration": None} for r in local_out]
        assert remote_out == local_out, argv
    status = main(["validate", "--store", config])
    findings = capsys.readouterr().out
    expected = (main(["validate", "--store", str(local)]), capsys.readouterr().out)
    if remote.name == "virtuoso":  # the duration Virtuoso turned into seconds is not an xsd:duration
        assert status == 1 and "0 violations" in expected[1]
        assert re.search(r"\b1 violation\b", findings) and "athar:duration must" in findings
    else:
        assert (status, findings) == expected
    pages = tmp_path / "remote.html", tmp_path / "local.html"
    assert main(["viz", "--store", config, "-o", str(pages[0])]) == 0
    assert main(["viz", "--store", str(local), "-o", str(pages[1])]) == 0
    assert pages[0].read_text(encoding="utf-8") == pages[1].read_text(encoding="utf-8")


def test_serve_refuses_a_remote_store(servers, capsys):
    assert main(["serve", "--store", str(servers["oxigraph"])]) == 1
    err = capsys.readouterr().err
    assert "is its own endpoint" in err and len(err.strip().splitlines()) == 1


# -- what goes wrong, in one line ---------------------------------------------------

@contextmanager
def _socket_server(handle):
    """A TCP server on loopback whose every connection ``handle(conn)`` serves."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def loop():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    finally:
        stop.set()
        listener.close()


def _drops(conn):
    conn.recv(65536)
    conn.close()


def _never_answers(conn):
    conn.recv(65536)
    threading.Event().wait(5)
    conn.close()


def _fails(conn):
    conn.recv(65536)
    body = b"Virtuoso 42000 Error: out of space\nsecond line of a stack trace"
    conn.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: "
                 + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
    conn.close()


def _one_line(error: Exception, *needles: str) -> None:
    text = str(error)
    assert "\n" not in text, text
    for needle in needles:
        assert needle in text, text


@pytest.mark.parametrize("handler, needles", [
    pytest.param(_drops, ("dropped the connection", "was not replaced"), id="dropped"),
    pytest.param(_fails, ("HTTP 500", "out of space", "was not replaced"), id="5xx"),
])
def test_a_failed_write_is_one_line_and_leaves_the_graph_whole(handler, needles, servers, pipeline):
    """The server's Graph Store fails while a document is written: the graph it had stays whole."""
    with open_store(str(servers["oxigraph"])) as good:
        build(good, [SEED], pipeline=pipeline)
        before, doc = len(good), next(g for g in good.graphs() if "/doc/" in g)
        with _socket_server(handler) as bad:
            broken = RemoteStore(Endpoints(query=good.endpoints.query, update=bad, graph_store=bad))
            with pytest.raises(StoreError) as e:
                broken.replace_graph(doc, [])
            _one_line(e.value, bad, *needles)
        assert len(good) == before


def test_a_server_that_does_not_answer_is_stopped_at_the_time_limit():
    with _socket_server(_never_answers) as url:
        store = RemoteStore(Endpoints(query=url, update=url, timeout=0.5))
        with pytest.raises(QueryTimeout) as e:
            store.query("ASK {}", union=False)
        _one_line(e.value, "no answer within 0.5 s", "--timeout")
        with pytest.raises(StoreError) as e:
            store.drop_graph("https://w3id.org/athar/id/doc/x")
        _one_line(e.value, "no answer within 0.5 s", "was not dropped")


def test_no_server_at_the_address():
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(StoreError) as e:
        RemoteStore(Endpoints(query=url, update=url)).graphs()
    _one_line(e.value, "cannot connect", "is the SPARQL server running")


def test_a_malformed_query_is_the_servers_400(servers):
    with open_store(str(servers["oxigraph"])) as store, pytest.raises(QueryError) as e:
        store.query("SELECT ?x WHERE { ?x ?y }")
    _one_line(e.value, "refused the query", "HTTP 400")


# -- authentication ---------------------------------------------------------------------

def _virtuoso(servers, **changes) -> RemoteStore:
    return RemoteStore(dataclasses.replace(read_endpoints(str(servers["virtuoso"])), **changes))


def test_virtuoso_refuses_a_wrong_password_in_one_line(servers):
    with _virtuoso(servers, password="wrong") as store, pytest.raises(StoreError) as e:
        store.drop_graph("https://w3id.org/athar/id/doc/x")
    _one_line(e.value, "HTTP 401", "user 'dba'", "ATHAR_STORE_PASSWORD")
    with _virtuoso(servers, user=None, password=None) as store, pytest.raises(StoreError) as e:
        store.drop_graph("https://w3id.org/athar/id/doc/x")
    _one_line(e.value, "HTTP 401", "no user", "ATHAR_STORE_USER")


def test_digest_is_chosen_when_the_server_asks_for_it(servers):
    with _virtuoso(servers, auth=None) as store:
        graph = "https://w3id.org/athar/id/doc/digest-test"
        triple = (URIRef(graph + "/x"), URIRef("https://w3id.org/athar/ontology#note"), Literal("نص"))
        assert store.replace_graph(graph, [triple]) == 1
        assert store._http.auth.scheme == "digest"
        assert list(store.triples(graph)) == [triple]
        store.drop_graph(graph)
        assert list(store.triples(graph)) == []


@contextmanager
def _basic_proxy(target: str, user: str, password: str):
    """A reverse proxy on loopback that asks for HTTP Basic, then forwards to ``target`` (as
    nginx in front of Oxigraph would)."""
    import base64

    expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    class Handler(BaseHTTPRequestHandler):
        def _forward(self):
            if self.headers.get("Authorization") != expected:
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="athar"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")}
            r = httpx.request(self.command, target + self.path, content=body, headers=headers, timeout=60)
            self.send_response(r.status_code)
            for k in ("content-type",):
                if k in r.headers:
                    self.send_header(k, r.headers[k])
            self.send_header("Content-Length", str(len(r.content)))
            self.end_headers()
            self.wfile.write(r.content)

        do_GET = do_POST = do_PUT = do_DELETE = _forward

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_basic_auth_through_a_proxy_with_credentials_from_the_environment(servers, tmp_path, monkeypatch,
                                                                          local_seed, pipeline):
    target = read_endpoints(str(servers["oxigraph"])).query.rsplit("/", 1)[0]
    with _basic_proxy(target, "analyst", "s3cret") as proxy:
        config = tmp_path / "proxy.toml"
        config.write_text(f'query = "{proxy}/query"\nupdate = "{proxy}/update"\ngraph_store = "{proxy}/store"\n')
        monkeypatch.setenv("ATHAR_STORE_USER", "analyst")
        monkeypatch.setenv("ATHAR_STORE_PASSWORD", "s3cret")
        with open_store(str(config)) as store:
            for g in store.graphs():
                store.drop_graph(g)
            build(store, [SEED], pipeline=pipeline)
            assert store._http.auth.scheme == "basic"
            assert len(store) == _remote_len(local_seed)
        monkeypatch.setenv("ATHAR_STORE_PASSWORD", "wrong")
        with open_store(str(config)) as store, pytest.raises(StoreError) as e:
            len(store)
        _one_line(e.value, "HTTP 401", "user 'analyst'")


# -- where the store is ---------------------------------------------------------------

def test_a_url_serves_queries_and_updates_and_query_finds_update_beside_it():
    env: dict = {}
    assert read_endpoints("https://example.org/sparql", env).update == "https://example.org/sparql"
    beside = read_endpoints("http://127.0.0.1:7878/query", env)
    assert (beside.update, beside.graph_store) == ("http://127.0.0.1:7878/update", None)
    assert is_remote("http://h/sparql") and is_remote("store.toml") and not is_remote("athar-store")


def test_credentials_come_from_the_environment_never_the_url():
    got = read_endpoints("https://example.org/sparql",
                         {"ATHAR_STORE_USER": "u", "ATHAR_STORE_PASSWORD": "pw-9f2", "ATHAR_STORE_AUTH": "Digest"})
    assert (got.user, got.password, got.auth) == ("u", "pw-9f2", "digest")
    assert "pw-9f2" not in repr(got)
    with pytest.raises(StoreError) as e:
        read_endpoints("https://u:secret@example.org/sparql", {})
    _one_line(e.value, "ATHAR_STORE_PASSWORD")
    assert "secret" not in str(e.value)


@pytest.mark.parametrize("text, needle", [
    pytest.param('query = "http://h/sparql"\nendpoint = "x"\n', "unknown key endpoint", id="unknown-key"),
    pytest.param('update = "http://h/update"\n', "no query endpoint", id="no-query"),
    pytest.param('query = "ftp://h/sparql"\n', "not an http(s) URL", id="not-http"),
    pytest.param('query = "http://h/sparql"\nuser = "u"\npassword_env = "NOT_SET_X"\n', "NOT_SET_X", id="env"),
    pytest.param('query = "http://h/sparql"\nauth = "ntlm"\n', "basic or digest", id="auth"),
    pytest.param('query = "http://h/sparql"\ntimeout = 0\n', "positive number", id="timeout"),
    pytest.param('query = [\n', "not a TOML file", id="toml"),
])
def test_a_bad_store_file_is_one_line_naming_it(tmp_path, text, needle):
    path = tmp_path / "store.toml"
    path.write_text(text)
    with pytest.raises(StoreError) as e:
        read_endpoints(str(path), {})
    _one_line(e.value, str(path), needle)


def test_parameters_are_bound_at_the_head_of_the_where_group():
    import pyoxigraph as ox

    text = ('# WHERE in a comment {\nPREFIX a: <http://x/>\nSELECT ?p ?n WHERE { ?p a:name ?n '
            'FILTER(?n != "WHERE {") }')
    bound = bind_values(text, {ox.Variable("p"): ox.NamedNode("http://x/p1")})
    assert bound.endswith('WHERE { VALUES (?p) { (<http://x/p1>) } ?p a:name ?n FILTER(?n != "WHERE {") }')
    store = ox.Store()
    for who, name in (("p1", "one"), ("p2", "two")):
        store.add(ox.Quad(ox.NamedNode(f"http://x/{who}"), ox.NamedNode("http://x/name"), ox.Literal(name)))
    assert [s["n"].value for s in store.query(bound)] == ["one"]


def test_a_url_alone_loads_by_sparql_update(servers, tmp_path, local_seed, pipeline, capsys):
    """``--store http://host/query``: updates go to /update beside it, and each document's graph
    is written by one SPARQL Update (no Graph Store endpoint named); building twice adds nothing."""
    url = read_endpoints(str(servers["oxigraph"])).query
    with open_store(url) as store:
        assert store.endpoints.graph_store is None
        for g in store.graphs():
            store.drop_graph(g)
    for _ in range(2):
        assert main(["-q", "build", str(SEED), "--store", url]) == 0
        assert f"store triples: {_remote_len(local_seed)}" in capsys.readouterr().out
    assert main(["export", "-f", "nq", "--store", url]) == 0
    exported = io.BytesIO()
    local_seed.export("nq", exported, leave_out=[str(SOURCES_GRAPH)])  # this machine's paths: not exported
    got, expected = capsys.readouterr().out.splitlines(), exported.getvalue().decode("utf-8").splitlines()
    # the records of the embedded store's entities graph, the digest of the remote one's
    got, expected = ([line for line in lines if f"<{ENTITIES_GRAPH}#" not in line
                      and not line.startswith(f"<{ENTITIES_GRAPH}> ")] for lines in (got, expected))
    assert len(got) == len(expected)
    # blank nodes renamed; the summary graph's rows hold concatenations in each engine's order
    named = [sorted(line for line in lines if "_:" not in line and f"<{SUMMARY_GRAPH}> ." not in line)
             for lines in (got, expected)]
    assert named[0] == named[1]
    with open_store(url) as store:
        assert [_summary(store, v) for v in summary_views()] == [_summary(local_seed, v) for v in summary_views()]
