"""`athar stats` read as integers and measured with igraph (athar.use.projection): the same
answers as the networkx graph of athar.use.network where they are exact, the same estimate
where betweenness is sampled, and a report kept by the store's content (athar.use.cache).

The networkx functions of athar.use.analytics (`counts`, `centrality`, `components` over
`project`'s graph) are the reference: they read every row into Python objects, slowly, but
plainly."""

from __future__ import annotations

import json
import shutil

import networkx as nx
import pytest

from athar.cli import main
from athar.graph.ingest import build
from athar.graph.store import Store
from athar.use import analytics, cache, projection

from conftest import CORPUS, DEV, SEED


@pytest.fixture(scope="module")
def corpus(corpus_store):
    return corpus_store


@pytest.mark.parametrize("events", ["edges", "nodes"])
def test_the_report_has_the_numbers_of_the_networkx_graph(corpus, events):
    report = analytics.analyse(corpus, events=events)
    net, G = analytics.project(corpus, events)
    U = analytics.simple(G)
    assert report["projection"] == {"events_as": events, "nodes": len(U), "edges": U.number_of_edges()}
    assert report["counts"] == analytics.counts(net)
    assert report["components"] == analytics.components(net, G, U=U)
    central = analytics.centrality(net, G, U=U)
    assert report["centrality"]["betweenness_samples"] is None  # a few hundred nodes: exact
    for kind in analytics.KINDS:
        assert report["centrality"][kind] == central[kind], kind
    assert report["timeline"] == [{"month": m, "class": c, "events": n} for m, c, n in analytics.timeline(corpus)]


def test_sampled_betweenness_is_networkx_estimate_from_the_same_sources(corpus):
    net, G = analytics.project(corpus)
    U = analytics.simple(G)
    theirs = nx.betweenness_centrality(U, k=12, seed=analytics.SEED)
    p = projection.read_projection(corpus, graphs=analytics.asserted(corpus),
                                   place_roles=frozenset(analytics.PLACE_ROLES))
    assert p.iris == list(U.nodes)
    ours = projection.betweenness(p.graph, 12, analytics.SEED)
    assert ours == pytest.approx([theirs[n] for n in p.iris], abs=1e-12)
    assert any(ours)  # a sample that found no path would prove nothing


def test_a_sampled_report_says_how_and_is_the_same_each_time(corpus):
    first = analytics.analyse(corpus, samples=12)
    assert first["centrality"]["betweenness_samples"] == 12
    assert first["centrality"]["betweenness_seed"] == analytics.SEED
    assert first["communities"]["method"].startswith("Louvain")
    assert analytics.analyse(corpus, samples=12) == first  # the same seed, the same sources and communities
    other = analytics.analyse(corpus, samples=12 + 1)
    assert other["centrality"]["betweenness_samples"] == 13
    text = analytics.format_analysis(first)
    assert "estimated from 12 sampled sources" in text and f"seed {analytics.SEED}" in text and "Louvain" in text


def test_communities_partition_the_graph(corpus):
    report = analytics.analyse(corpus)
    assert 0 < report["communities"]["modularity"] < 1
    assert report["communities"]["count"] >= report["components"]["count"]
    assert sum(c["size"] for c in report["communities"]["largest"]) <= report["projection"]["nodes"]


def test_the_report_is_kept_until_the_store_changes(tmp_path, monkeypatch):
    store = Store(tmp_path / "store")
    build(store, [SEED])
    kept = tmp_path / "cache"
    first = analytics.analyse(store, cache=kept)
    assert len(list(kept.glob("*.json"))) == 1

    def fail(*args, **kwargs):
        raise AssertionError("the store was read again")

    monkeypatch.setattr(analytics, "read_projection", fail)
    assert analytics.analyse(store, cache=kept) == first  # unchanged: the kept report
    with pytest.raises(AssertionError):
        analytics.analyse(store, cache=kept, top=3)  # another question: computed
    with pytest.raises(AssertionError):
        analytics.analyse(store, cache=False)
    monkeypatch.undo()

    build(store, [DEV[0]])  # one more document: another digest, another report
    second = analytics.analyse(store, cache=kept)
    assert second["documents"] == first["documents"] + 1
    assert second == analytics.analyse(store)
    # a graph with no content hash (written by hand) counts by its size
    before = cache.store_digest(store)
    store.update('INSERT DATA { GRAPH <https://example.org/by-hand> { <https://example.org/a> '
                 '<https://example.org/b> "c" } }')
    assert cache.store_digest(store) != before


def test_stats_from_the_command_line_keeps_its_report(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ATHAR_CACHE", str(tmp_path / "cache"))
    path = str(tmp_path / "store")
    assert main(["-q", "build", str(SEED), "--store", path]) == 0
    capsys.readouterr()
    assert main(["stats", "-f", "json", "--store", path]) == 0
    first = json.loads(capsys.readouterr().out)
    assert len(list((tmp_path / "cache" / "stats").glob("*.json"))) == 1
    assert main(["stats", "-f", "json", "--store", path]) == 0
    assert json.loads(capsys.readouterr().out) == first
    shutil.rmtree(tmp_path / "cache")
    assert main(["stats", "-f", "json", "--no-cache", "--store", path]) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert not (tmp_path / "cache").exists()  # --no-cache neither reads nor keeps

