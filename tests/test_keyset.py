"""Pages of a saved query (``athar query NAME --limit N --after KEY``, ``GET /api/queries/NAME``):
the pages put together are the whole answer in its order, each page names the key of the next,
and a listing query's page reads only its own events (``athar.use.keyset``).
"""

from __future__ import annotations

import re
import threading
import time

import httpx
import pytest
import uvicorn

from athar.cli import main
from athar.errors import QueryError
from athar.use.keyset import declared_page
from athar.use.output import results_json
from athar.use.protocol import Limits
from athar.use.query import answer, answer_page, resolve_query, saved_queries
from athar.use.server import create_app

PAGED = [q for q in saved_queries() if q.page is not None]


def _values(bindings: list[dict], columns: list[str]) -> list[tuple]:
    return [tuple(b.get(c, {}).get("value") for c in columns) for b in bindings]


def _order_columns(query) -> list[str]:
    """The ORDER BY variables the query projects (those a reader sees the order of)."""
    order = re.search(r"ORDER\s+BY\s+(.*)", query.text, re.IGNORECASE | re.DOTALL)[1]
    projected = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s+WHERE", query.text, re.IGNORECASE | re.DOTALL)[1]
    return [v for v in re.findall(r"\?(\w+)", order) if f"?{v}" in projected.split()]


def test_the_listing_queries_are_paged_by_a_key():
    assert sorted(q.name for q in PAGED) == ["evidence", "killings", "liberations", "pledges", "reconstruction",
                                             "returns", "timeline", "training"]


def _pages(store, query, limit: int) -> tuple[list[dict], list]:
    rows, after, pages = [], None, []
    while True:
        page = answer_page(store, query, limit=limit, after=after)
        rows += page.results["results"]["bindings"]
        pages.append(page)
        if page.next is None:
            return rows, pages
        assert page.next != after  # every page moves on
        after = page.next


@pytest.mark.parametrize("query", PAGED, ids=[q.name for q in PAGED])
@pytest.mark.parametrize("limit", [1, 3, 5])
def test_the_pages_put_together_are_the_whole_answer(corpus_store, query, limit):
    whole = results_json(answer(corpus_store, query))
    columns, expected = whole["head"]["vars"], whole["results"]["bindings"]
    rows, pages = _pages(corpus_store, query, limit)
    assert all(p.results["head"]["vars"] == columns for p in pages)
    # the same rows (rows equal in every ORDER BY key may come in either order: SPARQL leaves it open)
    assert sorted(_values(rows, columns), key=str) == sorted(_values(expected, columns), key=str)
    keys = _order_columns(query)
    if keys and keys[0] == query.page.key:  # in the order of the page key (when the answer shows it)
        assert _values(rows, keys[:1]) == _values(expected, keys[:1])
    if all(p.next is None or not p.next.endswith(">") for p in pages):  # no run of one key cut: in its whole order
        assert _values(rows, keys) == _values(expected, keys)
    # a page holds `limit` events and at most `limit` more (the rest of its last key's run)
    assert -(-pages[0].total // (2 * limit)) <= len(pages) <= pages[0].total


def test_a_run_of_one_key_longer_than_a_page_is_cut_by_event(corpus_store):
    # the seed's returns without a date: more than two; a page of one ends inside their run
    query = resolve_query("returns")
    first = answer_page(corpus_store, query, limit=1)
    assert re.fullmatch(r"<https://w3id\.org/athar/id/doc/\S+/fact/Return-\d+-\d+>", first.next)
    assert [b.get("date") for b in first.results["results"]["bindings"]] == [None]
    rows, pages = _pages(corpus_store, query, 1)
    assert first.total // 2 <= len(pages) < first.total  # one or two events a page
    whole = results_json(answer(corpus_store, query))["results"]["bindings"]
    assert sorted(_values(rows, ["who", "date", "evidence"]), key=str) == sorted(
        _values(whole, ["who", "date", "evidence"]), key=str)


def test_a_page_holds_every_row_of_its_last_key(corpus_store):
    # the seed's liberations: Manbij undated ("طرد تنظيم الدولة الإسلامية"), then Manbij on 2016-08-12 by
    # the Manbij Military Council and by the SDF (two rows of one event), Mosul 2017-07, ...
    query = resolve_query("liberations")
    first = answer_page(corpus_store, query, limit=1)
    assert [b.get("date") for b in first.results["results"]["bindings"]] == [None]
    assert first.next == "" and first.total == 7  # "": after the events without a date
    second = answer_page(corpus_store, query, limit=1, after=first.next)
    assert {(b["place"]["value"], b["date"]["value"]) for b in second.results["results"]["bindings"]} == {
        ("Manbij", "2016-08-12")}
    assert len(second.results["results"]["bindings"]) == 2 and second.next == "2016-08-12"
    third = answer_page(corpus_store, query, limit=1, after=second.next)
    assert [b["place"]["value"] for b in third.results["results"]["bindings"]] == ["Mosul"]


def test_a_page_reads_only_its_events(corpus_store):
    # the query of a page names its events first: the rows come from those alone
    query = resolve_query("evidence")
    page = answer_page(corpus_store, query, limit=1)
    assert {b["document"]["value"] for b in page.results["results"]["bindings"]} == {"baghuz-one-year.ar.txt"}
    assert page.unit == "documents" and page.total == 4 and page.next == "baghuz-one-year.ar.txt"


def test_a_query_without_a_key_is_paged_by_row_number(corpus_store):
    whole = results_json(answer(corpus_store, resolve_query("actors")))["results"]["bindings"]
    first = answer_page(corpus_store, resolve_query("actors"), limit=5)
    second = answer_page(corpus_store, resolve_query("actors"), limit=5, after=first.next)
    assert first.next == "5" and first.total == len(whole) and first.unit == "rows"
    assert first.results["results"]["bindings"] + second.results["results"]["bindings"] == whole[:10]
    with pytest.raises(QueryError, match="paged by row number"):
        answer_page(corpus_store, resolve_query("actors"), limit=5, after="2019-03")


def test_a_page_key_must_be_the_first_key_of_the_order(tmp_path):
    text = ("# Page: ?e by ?who { ?e a <x:Return> }\nSELECT ?who ?date WHERE { ?e <x:agent> ?who ; <x:date> ?date }\n"
            "ORDER BY ?date ?who\n")
    with pytest.raises(QueryError, match="the page key must be the first key of the query's ORDER BY"):
        declared_page(tmp_path / "q.rq", text)
    assert declared_page(tmp_path / "q.rq", text.replace("by ?who", "by ?date")).key == "date"
    with pytest.raises(QueryError, match="in its direction"):
        declared_page(tmp_path / "q.rq", text.replace("by ?who", "by DESC(?date)"))


def test_the_cli_pages_and_names_the_next_key(corpus_store, capsys):
    path = str(corpus_store.path)
    assert main(["query", "liberations", "--limit", "2", "--store", path, "-f", "csv"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0] == "place,from,by,date,evidence" and "Manbij" in out and "Mosul" not in out
    assert err.strip() == "3 rows of an answer of 7 events; next page: --after '2016-08-12'"
    assert main(["query", "liberations", "--limit", "1", "--after", "2016-08-12", "--store", path, "-f", "csv"]) == 0
    out, err = capsys.readouterr()
    assert "Manbij" not in out and "Mosul" in out and "next page: --after '2017-07'" in err
    assert main(["query", "liberations", "--after", "2016-08-12", "--store", path]) != 0
    assert "--after goes with --limit N" in capsys.readouterr().err


def test_the_endpoint_serves_pages(corpus_store):
    port_server = uvicorn.Server(uvicorn.Config(create_app(corpus_store, Limits(timeout=10)), host="127.0.0.1",
                                                port=0, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=port_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not port_server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        port = port_server.servers[0].sockets[0].getsockname()[1]
        url = f"http://127.0.0.1:{port}/api/queries"
        first = httpx.get(f"{url}/liberations", params={"limit": 2}).json()
        assert first["page"] == {"next": "2016-08-12", "total": 7, "unit": "events"}
        assert {b["place"]["value"] for b in first["results"]["bindings"]} == {"Manbij"}
        second = httpx.get(f"{url}/liberations", params={"limit": 1, "after": first["page"]["next"]}).json()
        assert second["page"]["next"] == "2017-07"
        by_place = httpx.get(f"{url}/by-place", params={"place": "الرقة", "limit": 2}).json()
        assert len(by_place["results"]["bindings"]) == 2 and by_place["page"]["unit"] == "rows"
        missing = httpx.get(f"{url}/no-such-query")
        assert missing.status_code == 404 and "no saved query 'no-such-query'" in missing.text
        assert httpx.get(f"{url}/..%2Fqueries%2Factors.rq").status_code == 404
    finally:
        port_server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_an_empty_key_is_not_the_events_without_a_key(descending):
    # three events without a key, two whose key is the empty string, one "a": --after ""
    # names the first run, '""' the second, so that every page moves on and each event comes once
    from athar.graph.pagekey import PageKey
    from athar.use.keyset import page_events

    import pyoxigraph as ox

    keys = [{"e": ox.NamedNode(f"http://example.org/{n}"), "k": k} for n, k in
            [("u1", None), ("u2", None), ("u3", None), ("s1", ox.Literal("")), ("s2", ox.Literal("")),
             ("a", ox.Literal("a"))]]
    page = PageKey("e", "k", descending, "{ }")
    seen, after, nexts = [], None, []
    for _ in range(len(keys)):
        events, after, total = page_events(keys, page, limit=2, after=after, name="q")
        seen += [e.value.rsplit("/", 1)[1] for e in events]
        nexts.append(after)
        if after is None:
            break
    runs = [["u1", "u2", "u3"], ["s1", "s2"], ["a"]]
    assert seen == sum(reversed(runs) if descending else runs, []) and after is None
    assert '""' in nexts and total == 6
