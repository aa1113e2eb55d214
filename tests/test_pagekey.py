"""The keys graph of the listing queries' pages (``athar.graph.pagekey``): a page read from it is
the page read by sorting every key; it is kept up to date document by document, as if drawn
again whole; and a graph not drawn for the store as it is now is not read.

What a user checks: ``athar query killings --limit 50`` gives the same rows, and the same key
for ``--after``, whichever way it is read, after any build or removal.
"""

from __future__ import annotations

import csv
import random
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

import athar.use.query as query_module
from athar.cli import main
from athar.graph.ingest import build, remove
from athar.graph.pagekey import KEYS_GRAPH, bucket, listing_pages, order_of, refresh_keys
from athar.graph.store import Store
from athar.use.keyset import indexed_page
from athar.use.query import answer_page, saved_queries

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
PAGED = [q for q in saved_queries() if q.page is not None]


def _all_pages(store, query, limit: int) -> list[tuple]:
    out, after = [], None
    while True:
        page = answer_page(store, query, limit=limit, after=after)
        out.append((page.results, page.next, page.total))
        if page.next is None:
            return out
        after = page.next


def _keys_graph(store) -> set[str]:
    return {f"{q.subject} {q.predicate} {q.object}" for q in store._ox.quads_for_pattern(
        None, None, None, ox.NamedNode(str(KEYS_GRAPH)))}


@pytest.mark.parametrize("limit", [1, 2, 4])
def test_a_page_read_from_the_keys_graph_is_the_page_read_by_sorting_every_key(corpus_store, monkeypatch, limit):
    for query in PAGED:
        assert indexed_page(corpus_store, query.name, query.page, limit=limit, after=None) is not None, query.name
        indexed = _all_pages(corpus_store, query, limit)
        with monkeypatch.context() as m:
            m.setattr(query_module, "indexed_page", lambda *a, **k: None)
            assert _all_pages(corpus_store, query, limit) == indexed, query.name


def test_a_key_after_which_nothing_or_everything_comes(corpus_store, monkeypatch):
    # keys the answer never gives (a number for a text key, text for a number, none at all, the empty string)
    for query in PAGED:
        for after in ("", "\"\"", "0", "99999999999999999", "zzz", "2017", "مدينة", "1.5"):
            try:
                indexed = answer_page(corpus_store, query, limit=3, after=after)
            except Exception as e:  # refused the same way by both readers
                with monkeypatch.context() as m:
                    m.setattr(query_module, "indexed_page", lambda *a, **k: None)
                    with pytest.raises(type(e)):
                        answer_page(corpus_store, query, limit=3, after=after)
                continue
            with monkeypatch.context() as m:
                m.setattr(query_module, "indexed_page", lambda *a, **k: None)
                sorted_ = answer_page(corpus_store, query, limit=3, after=after)
            assert (indexed.results, indexed.next, indexed.total) == (sorted_.results, sorted_.next, sorted_.total), \
                (query.name, after)


def test_a_bucket_of_text_keys_in_descending_order_keeps_its_keys(tmp_path):
    # pledges are ordered by DESC(?amount): an amount written as text (no number) sorts first,
    # in bucket "0", and its run is read with its keys (not as the events without one)
    store = Store(tmp_path / "store")
    build(store, [CORPUS])
    store.update('INSERT DATA { GRAPH <https://w3id.org/athar/id/doc/x> { '
                 '<https://w3id.org/athar/id/doc/x> <https://w3id.org/athar/ontology#contentHash> "h" . '
                 '<https://w3id.org/athar/id/doc/x/fact/F-1> a <https://w3id.org/athar/ontology#Funding> ; '
                 '<https://w3id.org/athar/ontology#amount> <https://w3id.org/athar/id/doc/x/amount/1> . '
                 '<https://w3id.org/athar/id/doc/x/amount/1> <https://w3id.org/athar/ontology#value> "many" ; '
                 '<https://w3id.org/athar/ontology#bound> <https://w3id.org/athar/ontology#Exact> } }')
    from athar.graph.rdf import refresh_entities

    refresh_entities(store)
    refresh_keys(store)
    query = next(q for q in PAGED if q.name == "pledges")
    found = indexed_page(store, query.name, query.page, limit=1, after=None)
    assert found is not None and found[0] == [ox.NamedNode("https://w3id.org/athar/id/doc/x/fact/F-1")]
    assert found[1] == "many"


def test_buckets_never_put_two_keys_out_of_order():
    rng = random.Random(7)
    alphabet = "0129-.az~\x7fé\u0627\u0644"
    terms = [None] + [ox.Literal(str(rng.randint(-5, 10 ** 16)) if rng.random() < 0.5 else
                                 str(Decimal(rng.randint(0, 10 ** 6)) / 100),
                                 datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
                      for _ in range(300)]
    terms += [ox.Literal("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))) for _ in range(600)]
    for descending in (False, True):
        ordered = sorted(terms, key=order_of, reverse=descending)
        buckets = [bucket(order_of(t), descending) for t in ordered]
        assert buckets == sorted(buckets)
        assert all(len(b.encode("utf-8")) <= 15 for b in buckets)  # inline in Oxigraph's index keys


def test_the_keys_graph_kept_document_by_document_is_the_graph_drawn_whole(tmp_path):
    corpus = tmp_path / "news"
    shutil.copytree(CORPUS, corpus)
    store = Store(tmp_path / "store")
    build(store, [corpus])
    first = sorted(corpus.glob("*.txt"))
    first[0].write_text(first[0].read_text(encoding="utf-8").split("\n\n")[0] + "\n", encoding="utf-8")
    build(store, [corpus])  # one document changed
    remove(store, [first[1]])  # one removed
    kept = _keys_graph(store)
    assert refresh_keys(store, force=True)
    assert _keys_graph(store) == kept
    counts = {q.name: answer_page(store, q, limit=1).total for q in PAGED}
    assert counts["timeline"] > 0 and set(counts) == set(listing_pages())


def test_a_keys_graph_behind_the_store_is_not_read(tmp_path):
    store = Store(tmp_path / "store")
    build(store, [CORPUS])
    query = next(q for q in PAGED if q.name == "timeline")
    assert indexed_page(store, query.name, query.page, limit=2, after=None) is not None
    # a change whose hooks have not run yet (a build killed before them): the entities graph's
    # state moves on, the keys graph's does not
    store.update("DELETE WHERE { GRAPH <https://w3id.org/athar/id/graph/entities> { "
                 "<https://w3id.org/athar/id/graph/entities> <https://w3id.org/athar/id/graph/entities#state> ?s } } ;"
                 "INSERT DATA { GRAPH <https://w3id.org/athar/id/graph/entities> { "
                 '<https://w3id.org/athar/id/graph/entities> <https://w3id.org/athar/id/graph/entities#state> "x" } }')
    assert indexed_page(store, query.name, query.page, limit=2, after=None) is None
    assert answer_page(store, query, limit=2).results["results"]["bindings"]  # read by sorting instead


def test_an_in_memory_store_keeps_no_keys_graph():
    store = Store()
    build(store, [CORPUS / "baghuz-one-year.ar.txt"])
    assert not store._ox.contains_named_graph(ox.NamedNode(str(KEYS_GRAPH)))
    query = next(q for q in PAGED if q.name == "timeline")
    assert answer_page(store, query, limit=2).next is not None


def test_athar_query_shows_a_screen_of_a_long_listing_and_says_how_to_see_more(tmp_path, capsys, monkeypatch):
    path = str(tmp_path / "store")
    assert main(["-q", "build", str(CORPUS), "--store", path]) == 0
    capsys.readouterr()
    monkeypatch.setattr(query_module, "SCREEN_EVENTS", 5)  # the corpus' timeline has about thirty events
    assert main(["query", "timeline", "--store", path]) == 0
    out, err = capsys.readouterr()
    # the key of the last row shown: its date, and its IRI when the next row shares the date
    assert "next page: --after '2016-08-19" in err and "--all: the whole answer" in err
    assert int(re.search(r"of (\d+) events", err).group(1)) > 20
    shown = out
    assert main(["query", "timeline", "--store", path, "--all"]) == 0
    whole, err = capsys.readouterr()
    assert err == "" and len(whole.splitlines()) > len(shown.splitlines())
    assert main(["query", "timeline", "--store", path, "-f", "csv"]) == 0  # what scripts read: the whole answer
    out, err = capsys.readouterr()
    assert err == "" and len(out.splitlines()) == 1 + len({tuple(r) for r in csv.reader(out.splitlines()[1:])})
    assert len(out.splitlines()) > 20
    monkeypatch.setattr(query_module, "SCREEN_EVENTS", 100)  # a listing that fits a screen: no note
    assert main(["query", "timeline", "--store", path]) == 0
    out, err = capsys.readouterr()
    assert err == "" and sorted(out.splitlines()) == sorted(whole.splitlines())  # ties of ORDER BY in either order
