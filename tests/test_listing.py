"""The listing queries' rows drawn once per build (``athar.graph.listing``): a saved listing
query answered whole from the rows graph gives the rows its own text gives, in its order; the
graph follows builds and removals (``tests/test_derived.py`` compares it with one drawn whole
after each step); a graph behind the store, a query of another text and ``--inferred`` are
answered by the query's own text.

What a user checks: ``athar query killings --all`` (or CSV, or the endpoint) gives the same
rows after any build or removal, whichever way it is read.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter

import pyoxigraph as ox
import pytest

from athar.graph import listing
from athar.graph.ingest import build, remove
from athar.graph.listed import listed_answer
from athar.graph.listing import ROWS_GRAPH, listings, refresh_rows, rows_current
from athar.graph.reason import reason
from athar.graph.rowkey import KEY_END
from athar.graph.store import Store
from athar.use.output import results_json
from athar.use.query import answer, resolve_query, saved_queries

from conftest import CORPUS

LISTED = [q for q in saved_queries() if q.page is not None]


def _rows(results: dict) -> list[tuple]:
    return [tuple(sorted((k, tuple(sorted(v.items()))) for k, v in r.items())) for r in results["results"]["bindings"]]


def _order(text: str, results: dict) -> list[tuple]:
    """Each row's values of the variables the query's ORDER BY reads (ties come in the engine's order)."""
    order = re.findall(r"[?$](\w+)", text[text.rindex("ORDER BY"):])
    return [tuple(str(r.get(v)) for v in order) for r in results["results"]["bindings"]]


def assert_listings_are_their_queries(store: Store) -> None:
    """Every listing query read from the rows graph gives what its own text gives over the store."""
    for name, (text, _, _) in listings().items():
        read = listed_answer(store, name, text)
        assert read is not None, f"{name}: its rows are not current"
        own, rows = results_json(store.query(text)), read.results_json()
        assert own["head"] == rows["head"], name
        assert Counter(_rows(own)) == Counter(_rows(rows)), name
        assert _order(text, own) == _order(text, rows), name


def test_every_listing_query_keeps_its_rows():
    assert set(listings()) == {q.name for q in LISTED}
    assert {"killings", "timeline", "evidence"} <= set(listings())


def test_the_rows_graph_answers_as_the_queries_do(corpus_store):
    assert_listings_are_their_queries(corpus_store)
    timeline = resolve_query("timeline")
    whole = results_json(answer(corpus_store, timeline))
    assert len(whole["results"]["bindings"]) > 20
    own = results_json(corpus_store.query(timeline.text))  # through the document graphs
    assert whole["head"] == own["head"] and Counter(_rows(whole)) == Counter(_rows(own))
    assert _order(timeline.text, whole) == _order(timeline.text, own)  # read in Python (athar.graph.listed)


def test_a_documents_rows_are_one_literal_under_its_node(corpus_store):
    rows = list(corpus_store._ox.quads_for_pattern(None, ox.NamedNode(listing.rows_predicate("killings")), None,
                                                   ox.NamedNode(str(ROWS_GRAPH))))
    assert rows and all(isinstance(q.object, ox.Literal) and q.object.value.endswith(listing.SEP) for q in rows)
    docs = [q.subject.value.split("#", 1)[1] for q in rows]
    assert len(docs) == len(set(docs)) and set(docs) <= set(corpus_store.graphs())
    for q in rows:  # the rows' keys, then the rows, as many, each part in the keys' order
        keys, end, text = q.object.value.partition(KEY_END)
        assert end, "killings' rows have keys"
        keys, lines = keys.split(listing.ROW_SEP), text.split(listing.ROW_SEP)
        assert len(keys) == len(lines) and keys == sorted(keys)


def test_rows_behind_the_store_or_of_another_text_are_not_read(tmp_path, monkeypatch):
    corpus = tmp_path / "news"
    shutil.copytree(CORPUS, corpus)
    store = Store(tmp_path / "store")
    build(store, [corpus])
    killings = resolve_query("killings")
    assert rows_current(store, "killings", killings.text)
    assert not rows_current(store, "killings", killings.text.replace("?date ?victim", "?victim ?date"))
    # a change whose hook has not drawn the rows yet (a build killed before it)
    monkeypatch.setattr("athar.graph.increment.refresh_rows", lambda *a, **k: False)
    files = sorted(corpus.glob("*.txt"))
    remove(store, [files[0]])
    assert not rows_current(store, "killings", killings.text)
    assert listed_answer(store, "killings", killings.text) is None  # its own text answers
    monkeypatch.undo()
    assert refresh_rows(store) is True  # drawn whole: it did not follow the state before the change
    assert_listings_are_their_queries(store)


def test_a_killed_drawing_leaves_no_rows_and_the_next_build_draws_them(tmp_path, monkeypatch):
    store = Store(tmp_path / "store")
    build(store, [CORPUS])

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "add_quads", killed)  # stopped between dropping the graph and loading it
    with pytest.raises(KeyboardInterrupt):
        refresh_rows(store, force=True)
    monkeypatch.undo()
    assert not store._ox.contains_named_graph(ox.NamedNode(str(ROWS_GRAPH)))
    assert all(listed_answer(store, q.name, q.text) is None for q in LISTED)
    build(store, [CORPUS])  # nothing to read: the rows are drawn
    assert_listings_are_their_queries(store)


def test_inferred_answers_from_the_documents(tmp_path, monkeypatch):
    store = Store(tmp_path / "store")
    build(store, [CORPUS])
    reason(store)
    read = []
    monkeypatch.setattr("athar.use.query.listed_answer", lambda s, n, t: read.append(n) or listed_answer(s, n, t))
    killings = resolve_query("killings")
    plain = results_json(answer(store, killings))
    assert read == ["killings"]
    assert results_json(answer(store, killings, inferred=True))["results"]["bindings"]
    assert read == ["killings"]  # --inferred: the query's own text over the inferred graph too
    assert plain["results"]["bindings"]


def test_an_in_memory_store_keeps_no_rows_graph_and_answers_by_the_text():
    store = Store()
    build(store, [CORPUS / "baghuz-one-year.ar.txt"])
    assert not store._ox.contains_named_graph(ox.NamedNode(str(ROWS_GRAPH)))
    timeline = resolve_query("timeline")
    assert listed_answer(store, "timeline", timeline.text) is None
    assert results_json(answer(store, timeline))["results"]["bindings"]


def test_rows_drawn_in_another_format_are_not_read_and_are_said(tmp_path):
    """A store whose rows graph an older athar drew (format 1: a row a literal, no keys): its
    listings answer by their own text (the same rows), the command says why, a build draws the
    rows again."""
    store = Store(tmp_path / "store")
    build(store, [CORPUS])
    killings = resolve_query("killings")
    assert listed_answer(store, "killings", killings.text) is not None and listing.rows_drawn_before(store) is None
    g, fmt = f"<{ROWS_GRAPH}>", f"<{ROWS_GRAPH}#format>"
    store.update(f'DELETE WHERE {{ GRAPH {g} {{ {g} {fmt} ?f }} }} ; INSERT DATA {{ GRAPH {g} {{ {g} {fmt} "1" }} }}')
    store.update(f"DELETE WHERE {{ GRAPH {g} {{ ?q <{ROWS_GRAPH}#text> ?d }} }}")  # digests of format 1's texts
    for name, (text, _, _) in listings().items():
        old = listing.hashlib.sha256(f"1\n{text}".encode()).hexdigest()[:32]
        store.update(f'INSERT DATA {{ GRAPH {g} {{ <{listing.rows_predicate(name)}> <{ROWS_GRAPH}#text> "{old}" }} }}')
    assert listed_answer(store, "killings", killings.text) is None
    assert "format 1" in listing.rows_drawn_before(store) and "athar build" in listing.rows_drawn_before(store)
    own = results_json(answer(store, killings))
    assert Counter(_rows(own)) == Counter(_rows(results_json(store.query(killings.text))))
    build(store, [CORPUS])  # nothing new to read: the rows drawn again, in this format
    assert listing.rows_drawn_before(store) is None
    assert_listings_are_their_queries(store)
