"""The derived graphs (entities, summary) kept up to date document by document: after a build, a
re-build of a changed document and a removal they hold what a full redraw gives, and a change of
one document does not draw the summary again whole."""

from __future__ import annotations

import json
import shutil
from collections import Counter
import sys
from pathlib import Path

import pytest

from athar.graph import increment, summary
from athar.graph.ingest import build, remove
from athar.graph.rdf import ENTITIES_GRAPH, refresh_entities
from athar.graph.store import Store
from athar.graph.listing import ROWS_GRAPH
from athar.graph.summary import SUMMARY_GRAPH, summary_rows, summary_views

from conftest import CORPUS, SEED
from test_listing import assert_listings_are_their_queries
from test_summary import _key, assert_summary_is_the_aggregate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

_STATE = f"<{ENTITIES_GRAPH}#state>"


def _derived(store: Store) -> tuple[set, dict, set]:
    """The entities graph (less its state id), the summary's rows (as a multiset of their values,
    a concatenation as the set of its parts: its order is the engine's) and the listing queries'
    rows graph (less its state)."""
    found = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?s ?p ?o }} }}")
    entities = {(str(r["s"]), str(r["p"]), str(r["o"])) for r in found if str(r["p"]) != _STATE}
    rows = {v.name: Counter(map(_key, summary_rows(store, v))) for v in summary_views()}
    found = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{ROWS_GRAPH}> {{ ?s ?p ?o }} }}")
    listed = {(str(r["s"]), str(r["p"]), str(r["o"])) for r in found if not str(r["p"]).endswith("#state>")}
    return entities, rows, listed


def assert_equal_to_a_full_redraw(store: Store) -> None:
    kept = _derived(store)
    assert refresh_entities(store, force=True) is True
    drawn = _derived(store)
    assert kept[0] == drawn[0]
    assert kept[1] == drawn[1]
    assert kept[2] == drawn[2] and any("/rows/timeline>" in p for _, p, _ in kept[2])
    assert_summary_is_the_aggregate(store)
    assert_listings_are_their_queries(store)


@pytest.fixture
def whole(monkeypatch) -> list[str]:
    """The states the summary was drawn whole for."""
    calls: list[str] = []
    original = increment.refresh_summary

    def spy(store, sources, *, force=False):
        calls.append(sources)
        return original(store, sources, force=force)

    monkeypatch.setattr(increment, "refresh_summary", spy)
    return calls


def test_the_seed_and_dev_corpus_after_a_correction_and_a_removal(tmp_path, whole):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    store = Store(tmp_path / "store")
    assert build(store, [corpus]).errors == []
    assert_equal_to_a_full_redraw(store)
    whole.clear()
    # the seed states containment (athar:locatedIn): the governorate views are drawn whole, the
    # others key by key
    seed = corpus / SEED.name
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text[: len(text) // 2], encoding="utf-8")
    assert build(store, [corpus]).skipped == 3
    assert whole == []
    assert_equal_to_a_full_redraw(store)
    whole.clear()
    (graph,) = [g for g in store.graphs() if g.endswith(SEED.name)]
    assert remove(store, [graph])[0] == [graph]
    assert whole == []
    assert_equal_to_a_full_redraw(store)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "synth"
    synth.write_corpus(50, out, gold=False)
    return out


def test_fifty_synthetic_documents_changed_one_and_five_at_a_time(synthetic, tmp_path, whole):
    corpus = tmp_path / "synth"
    shutil.copytree(synthetic, corpus)
    store = Store(tmp_path / "store")
    assert build(store, [corpus]).errors == []
    assert len(whole) == 1  # a first build: drawn whole
    assert_equal_to_a_full_redraw(store)
    files = sorted(corpus.glob("*.txt"))
    whole.clear()

    # one document corrected: its old facts go, its new ones come, key by key
    first = files[0].read_text(encoding="utf-8")
    files[0].write_text(files[1].read_text(encoding="utf-8"), encoding="utf-8")
    assert build(store, [corpus]).skipped == 49
    assert whole == []
    assert_equal_to_a_full_redraw(store)
    whole.clear()

    # five removed, then back
    gone = files[10:15]
    for f in gone:
        f.rename(tmp_path / f.name)
    assert build(store, [corpus]).removed == 5
    assert whole == []
    assert_equal_to_a_full_redraw(store)
    whole.clear()
    for f in gone:
        (tmp_path / f.name).rename(f)
    files[0].write_text(first, encoding="utf-8")
    assert build(store, [corpus]).skipped == 44
    assert whole == []
    assert_equal_to_a_full_redraw(store)


def test_a_change_stopped_before_its_summary_is_completed_by_the_next_build(synthetic, tmp_path, monkeypatch):
    corpus = tmp_path / "synth"
    shutil.copytree(synthetic, corpus)
    store = Store(tmp_path / "store")
    build(store, [corpus])
    (corpus / "synth-000002.ar.txt").unlink()

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(increment, "update_summary", killed)
    with pytest.raises(KeyboardInterrupt):
        build(store, [corpus])
    monkeypatch.undo()
    build(store, [corpus])  # nothing to read: the summary, behind the entities graph, is drawn again
    assert_equal_to_a_full_redraw(store)


def test_an_entities_graph_without_records_is_drawn_whole(tmp_path):
    store = Store(tmp_path / "store")
    build(store, [SEED])
    store.drop_graph(str(ENTITIES_GRAPH))  # a store of an athar before the records
    assert refresh_entities(store) is True
    assert_equal_to_a_full_redraw(store)


def test_builds_removals_and_corrections_in_a_random_order_end_as_a_redraw_from_nothing(synthetic, tmp_path, whole):
    """Parts added and taken away in any order, the same rows as the views drawn from nothing:
    documents removed by a build or by ``remove``, brought back, corrected (given another's text
    or half their own), the seed (which states containment) among them."""
    import random

    corpus = tmp_path / "synth"
    shutil.copytree(synthetic, corpus)
    shutil.copy(SEED, corpus / SEED.name)
    aside = tmp_path / "aside"
    aside.mkdir()
    store = Store(tmp_path / "store")
    assert build(store, [corpus]).errors == []
    whole.clear()
    rng = random.Random(12)
    for step in range(12):
        files = sorted(corpus.glob("*.txt"))
        action = rng.choice(["remove", "back", "correct", "forget"])
        if action == "remove":
            for f in rng.sample(files, rng.randint(1, 4)):
                f.rename(aside / f.name)
        elif action == "back" and list(aside.iterdir()):
            for f in list(aside.iterdir())[: rng.randint(1, 3)]:
                f.rename(corpus / f.name)
        elif action == "correct":
            for f in rng.sample(files, rng.randint(1, 3)):
                text = rng.choice(files).read_text(encoding="utf-8")
                f.write_text(text if rng.random() < 0.5 else f.read_text(encoding="utf-8")[: len(text) // 2],
                             encoding="utf-8")
        if action == "forget":  # athar remove, the file left in place for a later build to bring back
            docs = sorted(g for g in store.graphs() if "/doc/" in g)
            assert remove(store, rng.sample(docs, 2))[0]
        else:
            assert build(store, [corpus]).errors == []
    assert whole == []  # every step took parts away and added them, none drew the summary whole
    kept = _derived(store)[1]
    assert kept["actors"] and kept["places"] and kept["events-by-governorate"]
    assert_equal_to_a_full_redraw(store)


def _summary_graph(store: Store) -> set:
    """The summary graph's triples, a part's or a state's JSON read as its value."""
    out = set()
    for r in store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?s ?p ?o }} }}"):
        value = r["o"].value
        if str(r["p"]).endswith(("/summary/part>", "/summary/state>")):
            value = json.dumps(sorted(json.loads(value), key=repr) if value.startswith("[") else json.loads(value),
                               sort_keys=True)
        out.add((str(r["s"]), str(r["p"]), value))
    return out


def test_the_summary_drawn_whole_in_shares_of_one_document_is_the_summary_drawn_in_one(synthetic, tmp_path, monkeypatch):
    corpus = tmp_path / "synth"
    shutil.copytree(synthetic, corpus)
    store = Store(tmp_path / "store")
    assert build(store, [corpus]).errors == []
    one = _summary_graph(store)
    assert sum("/summary/part/" in s for s, _, _ in one) >= 50 * 2  # every document has parts
    monkeypatch.setattr(summary, "_SHARE", 1)  # a share of the parts spilled per graph of the store
    assert summary.refresh_summary(store, "another state", force=True) is True
    assert refresh_entities(store, force=True) is True  # the graph replaced whole: no digest of "another state"
    assert _summary_graph(store) == one
    # parts spilled so are the parts a change takes away: a removal then keeps the rows right
    monkeypatch.undo()
    (corpus / "synth-000002.ar.txt").unlink()
    assert build(store, [corpus]).removed == 1
    assert_equal_to_a_full_redraw(store)
