"""Analytics: values checked by hand on the seed article, exports Gephi and networkx can read,
and what a notebook shows.

The hand checks, from the seed gold (shared/seed/gold.yaml) and the seed's text:

- The most central actor is ISIS. The gold names it in 10 of its 33 facts (F01, F03-F07,
  F22, F23, F25, F27), the Coalition in 7 (F05, F08, F25, F29-F31, F33), the SDF in 3; it
  is the one actor on both sides of the story, the fighting (Baghuz, Mosul, Raqqa) and
  what followed (its leader, its escape, the operations against it).
- The Coalition reaches Tabqa Hospital through the local councils: "وعملت المجالس المحلية،
  بدعمٍ من التحالف الدولي" (the councils rebuilt with the Coalition's support), and
  "مستشفى الطبقة ... أحد المنشآت التي جرى إعادة ترميمها" (the hospital was one of the
  facilities rebuilt): two facts, both Reconstruction, two hops with events as edges and
  four with events as nodes.
- The months of the timeline are those the gold dates to the month or the day:
  2017-07 (Mosul) and 2017-10 (Raqqa) Liberation, 2019-03 Liberation (Baghuz),
  2019-06 Return, 2019-10 Killing (al-Baghdadi).
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from athar.cli import main
from athar.errors import QueryError
from athar.graph.terms import AID, ATHAR, NIF
from athar.read.source import read_document
from athar.use import analytics
from athar.use.api import Store as ApiStore
from athar.use.gephi import export_network
from athar.use.network import build_network, read_network
from athar.use.notebook import Analysis, GraphView, Rows, html_table
from athar.use.query import events

from conftest import SEED

ISIS = str(AID["entity/isis"])
COALITION = str(AID["entity/coalition"])
HOSPITAL = str(AID["entity/hospital-tabqa"])
SYRIA = str(AID["entity/syria"])
RAQQA = str(AID["entity/raqqa"])
HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


@pytest.fixture(scope="module")
def seed(seed_store):
    return seed_store


# -- hand-checked on the seed ---------------------------------------------------


@pytest.mark.parametrize("events", ["edges", "nodes"])
def test_the_most_central_actor_of_the_seed_is_isis(seed, events):
    report = analytics.analyse(seed, events=events)
    actors = report["centrality"]["actors"]
    assert actors["betweenness"][0]["iri"] == ISIS
    assert actors["betweenness"][0]["label_ar"] == "تنظيم داعش"
    assert report["counts"]["actors"][0]["iri"] == ISIS  # the actor of the most events
    assert report["counts"]["actors"][0]["events"] > report["counts"]["actors"][1]["events"]
    assert report["centrality"]["betweenness_samples"] is None  # 86 nodes: exact
    # Syria is only ever where things happen in the seed: a place, not an actor, however central
    assert SYRIA not in [a["iri"] for a in actors["betweenness"]]
    assert SYRIA in [p["iri"] for p in report["centrality"]["places"]["betweenness"]]
    # Raqqa ties the war (its liberation) to the recovery (returns, schools, mediation); with
    # events as nodes, Syria (the place of the country-wide facts: control, training, demining)
    # and the governorates come near it.
    # Since the names work (branch names), "ضد القوات الأمنية" names a force, so "العمليات الإرهابية
    # ... ضد القوات الأمنية" in Syria and Iraq is read as well: Syria and Raqqa come first or second.
    places = [p["iri"] for p in report["centrality"]["places"]["betweenness"]]
    assert RAQQA in places[:3] and (events == "nodes" or RAQQA in places[:2])


def test_with_events_as_nodes_isis_touches_the_most_facts(seed):
    report = analytics.analyse(seed, events="nodes")
    top = report["centrality"]["actors"]["degree"][0]
    assert top["iri"] == ISIS
    # its links are its events and its one relation (al-Baghdadi leads it)
    assert top["links"] == report["counts"]["actors"][0]["events"] + 1


def test_the_path_from_the_coalition_to_the_tabqa_hospital(seed):
    steps = analytics.shortest_path(seed, "التحالف الدولي", "مستشفى الطبقة")
    assert [(s.source, s.target) for s in steps] == [
        (COALITION, steps[0].target), (steps[0].target, HOSPITAL)]
    assert [s.target_label for s in steps] == ["المجالس المحلية", "مستشفى الطبقة"]
    (support,), (rebuild,) = (s.facts for s in steps)
    assert support["type"] == rebuild["type"] == "Reconstruction"
    assert support["role"] == "supporter → agent" and rebuild["role"] == "agent → target"
    assert "بدعمٍ من التحالف الدولي" in support["evidence"]
    assert rebuild["evidence"] == "مستشفى الطبقة في محافظة الرقة مثلاً، أحد المنشآت التي جرى إعادة ترميمها"
    text = read_document(SEED).body
    for fact in (support, rebuild):  # the evidence cuts the document's text
        assert text[fact["begin"]:fact["end"]] == fact["evidence"]
        assert fact["document"] == SEED.name and fact["evidence"] in fact["sentence"]


def test_with_events_as_nodes_the_path_passes_through_the_two_reconstructions(seed):
    steps = analytics.shortest_path(seed, "التحالف الدولي", "مستشفى الطبقة", events="nodes")
    labels = [steps[0].source_label] + [s.target_label for s in steps]
    assert len(steps) == 4 and labels[0] == "التحالف الدولي" and labels[-1] == "مستشفى الطبقة"
    # two routes are as short: through the two reconstructions (supporter, agent, agent, target), or,
    # since "مستشفى الطبقة في محافظة الرقة" gives the hospital its locatedIn (branch names), through
    # Syria and the governorate it lies in; either passes through an event the Coalition took part in
    assert [s.facts[0]["role"] for s in steps] in (["supporter", "agent", "agent", "target"],
                                                  ["agent", "place", "locatedIn (inverse)", "locatedIn (inverse)"])


@pytest.mark.parametrize("start, end", [
    pytest.param("التحالف", "Tabqa Hospital", id="arabic-head-and-english"),
    pytest.param("Global Coalition against Daesh", "مستشفى الطبقه", id="ta-marbuta-as-ha"),
    pytest.param("التّحالف الدولي", "مُستشفى الطَّبقة", id="diacritics"),
    pytest.param(COALITION, HOSPITAL, id="iris"),
])
def test_entities_are_found_whatever_the_spelling(seed, start, end):
    steps = analytics.shortest_path(seed, start, end)
    assert steps[0].source == COALITION and steps[-1].target == HOSPITAL


@pytest.mark.parametrize("name, needle", [
    pytest.param("Coalition", "names 2 entities", id="ambiguous"),
    pytest.param("مستشفى الموصل", "no entity is labelled", id="unknown"),
])
def test_a_name_that_does_not_name_one_entity(seed, name, needle):
    with pytest.raises(QueryError, match=needle):
        analytics.shortest_path(seed, name, "مستشفى الطبقة")


def test_the_timeline_of_the_seed(seed):
    months = analytics.timeline(seed)
    assert months == sorted(months)
    assert {(m, c) for m, c, _ in months} >= {
        ("2017-07", "Liberation"), ("2017-10", "Liberation"), ("2019-03", "Liberation"),
        ("2019-06", "Return"), ("2019-10", "Killing")}
    assert all(len(m) == 7 and n >= 1 for m, _, n in months)  # "2015" (a year alone) has no month


def test_counts_per_class_agree_with_the_events_table(seed):
    counts = analytics.analyse(seed)["counts"]
    expected = {}
    for r in events(seed):  # relations (locatedIn, leaderOf) are no events
        if r["type"][0].isupper() and r.get("modality") != "Negated":
            expected[r["type"]] = expected.get(r["type"], 0) + 1
    assert counts["classes"] == dict(sorted(expected.items(), key=lambda kv: (-kv[1], kv[0])))
    assert counts["events"] == sum(expected.values())
    places = {p["label_en"]: p["events"] for p in counts["places"]}
    assert places["Baghuz"] >= 3  # freed (twice told) and held by ISIS before


def test_components_and_communities_partition_the_graph(seed):
    net, G = analytics.project(seed)
    comps = analytics.components(net, G)
    assert sum(comps["sizes"]) == len(G) and comps["count"] == nx.number_connected_components(analytics.simple(G))
    comms = analytics.communities(net, G)
    assert comms["count"] >= comps["count"] and 0 < comms["modularity"] < 1
    assert "تنظيم داعش" in sum((c["entities"] for c in comms["largest"]), [])


def test_events_as_edges_link_every_pair_of_participants(seed):
    net = read_network(seed)
    G = net.graph("edges")
    assert all(d["kind"] == "entity" for _, d in G.nodes(data=True))
    pairs = sum(len({e for _, e in m}) * (len({e for _, e in m}) - 1) // 2 for m in net.participants().values())
    assert sum(1 for *_, d in G.edges(data=True) if d["kind"] == "event") == pairs
    stated = sum(1 for r in net.relations if r.statement)
    assert sum(1 for *_, d in G.edges(data=True) if d["kind"] == "relation" and not d["background"]) == stated


def test_betweenness_is_sampled_when_asked_and_says_so(seed):
    report = analytics.analyse(seed, samples=10)
    assert report["centrality"]["betweenness_samples"] == 10
    U = analytics.simple(analytics.project(seed)[1])
    exact, k = analytics.betweenness(U)
    assert k is None and exact == nx.betweenness_centrality(U)


def test_the_views_graph_keeps_negated_events_and_shortcuts(seed):
    G = build_network(seed)
    assert any(d["role"] == "rebuilt" for *_, d in G.edges(data=True))
    assert all(d["evidence"] for *_, d in G.edges(data=True) if not d["background"])


# -- GraphML and GEXF -----------------------------------------------------------


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
@pytest.mark.parametrize("events", ["edges", "nodes"])
def test_exports_open_in_networkx_with_both_labels(seed, tmp_path, fmt, read, events):
    path = tmp_path / f"seed.{fmt}"
    path.write_text(export_network(seed, fmt, events=events), encoding="utf-8")
    H = read(str(path))
    G = read_network(seed).graph(events)
    assert set(H.nodes) == set(G.nodes)
    isis = H.nodes[ISIS]
    assert isis["label_ar"] == "تنظيم داعش" and isis["label_en"] == "Islamic State (ISIS / Daesh)"
    assert isis["cls"] == "ArmedGroup" and isis["label"] == "تنظيم داعش"
    text = read_document(SEED).body
    told = [d for *_, d in H.edges(data=True) if d.get("evidence")]
    assert told and all(text[d["begin_offset"]:d["end_offset"]] == d["evidence"] for d in told)


def test_export_from_the_command_line(seed_path, tmp_path, capsys):
    out = tmp_path / "g.graphml"
    assert main(["export", "-f", "graphml", "--store", seed_path, "-o", str(out)]) == 0
    assert nx.read_graphml(str(out)).nodes[HOSPITAL]["label_en"] == "Tabqa Hospital"


# -- the command line -------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_path(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("seed") / "store")
    assert main(["-q", "build", str(SEED), "--store", path]) == 0
    return path


def test_stats_table(seed_path, capsys):
    assert main(["stats", "--store", seed_path, "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("documents: 1  events: ")
    assert "betweenness: exact" in out and "2017-10  Liberation" in out
    actors = out[out.index("actors:"):out.index("places:")]
    first = next(line for line in actors.splitlines() if line.startswith("1  "))
    assert re.search(r"تنظيم داعش \d+$", first)  # the actor of the most events


def test_stats_path_as_text_and_json(seed_path, capsys):
    assert main(["stats", "--store", seed_path, "--path", "التحالف", "مستشفى الطبقة"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "التحالف الدولي → المجالس المحلية → مستشفى الطبقة"
    assert "[baghuz-one-year.ar.txt " in out
    assert main(["stats", "-f", "json", "--store", seed_path, "--path", "التحالف", "مستشفى الطبقة"]) == 0
    steps = json.loads(capsys.readouterr().out)
    assert [s["target"] for s in steps][-1] == HOSPITAL


def test_stats_path_with_an_unknown_name_is_one_line(seed_path, capsys):
    assert main(["stats", "--store", seed_path, "--path", "التحالف", "لا أحد"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "no entity is labelled 'لا أحد'" in err


# -- notebooks --------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(text: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


def test_a_query_result_is_an_escaped_html_table():
    with ApiStore() as store:
        rows = store.query(f'SELECT ?x ?n WHERE {{ VALUES (?x ?n) {{ ("{HOSTILE.replace(chr(34), chr(39))}" 1) '
                           '("الرقة" 2) } }')
    assert isinstance(rows, Rows) and isinstance(rows, list) and rows.columns == ["x", "n"]
    page = rows._repr_html_()
    assert [t for t, _ in _tags(page)] == ["table", "caption", "thead", "tr", "th", "th", "tbody",
                                          "tr", "td", "td", "tr", "td", "td"]
    assert html.escape(HOSTILE.replace('"', "'")) in page and "<script" not in page and "<img" not in page
    assert "<td dir=\"auto\">الرقة</td>" in page and "2 rows" in page


def test_a_long_table_shows_its_first_rows():
    text = html_table(["n"], [[i] for i in range(250)], limit=10)
    assert text.count("<tr>") == 11 and "240 more rows" in text


def test_the_graph_view_is_the_page_in_a_sandboxed_frame(tmp_path):
    with ApiStore() as store:
        _hostile_document(store)
        view = store.view(lang="en")
    tags = _tags(view._repr_html_())
    assert [t for t, _ in tags] == ["iframe"]  # the page is inside the attribute, escaped
    frame = tags[0][1]
    assert frame["sandbox"] == "allow-scripts"
    assert frame["srcdoc"] == view.page and view.page.startswith("<!DOCTYPE html>")
    assert view.nodes == 3 and "3 nodes" in frame["title"]


def test_a_graph_too_large_to_draw_shows_a_summary():
    view = GraphView(None, 25_000, 40_000)
    assert "25000 nodes" in view._repr_html_() and "<iframe" not in view._repr_html_()


def test_the_stats_report_shows_escaped_tables():
    with ApiStore() as store:
        _hostile_document(store)
        report = store.stats()
    assert isinstance(report, Analysis)
    page = report._repr_html_()
    assert "<script" not in page and "<img" not in page and html.escape(HOSTILE) in page
    assert {t for t, _ in _tags(page)} == {"p", "table", "caption", "thead", "tr", "th", "tbody", "td"}


def _hostile_document(store: ApiStore) -> None:
    """One document: a Liberation of Raqqa whose agent is named by hostile text."""
    doc, slug = AID["doc/hostile"], "hostile"
    agent = AID[f"doc/{slug}/entity/agent"]
    fact, ev = AID[f"doc/{slug}/fact/Liberation-0-5"], AID[f"doc/{slug}/evidence/0-5"]
    raqqa = AID["entity/raqqa"]
    triples = [
        (doc, RDF.type, ATHAR.Document), (doc, ATHAR.fileName, Literal("hostile.ar.txt")),
        (agent, RDF.type, ATHAR.ArmedGroup), (agent, RDFS.label, Literal(HOSTILE, lang="ar")),
        (agent, RDFS.label, Literal(HOSTILE, lang="en")), (agent, ATHAR.mentionedIn, doc),
        (raqqa, RDF.type, ATHAR.City), (raqqa, RDFS.label, Literal("الرقة", lang="ar")),
        (raqqa, ATHAR.mentionedIn, doc),
        (fact, RDF.type, ATHAR.Liberation), (fact, ATHAR.agent, agent), (fact, ATHAR.place, raqqa),
        (fact, ATHAR.modality, ATHAR.Asserted), (fact, ATHAR.evidence, ev),
        (ev, NIF.referenceContext, doc), (ev, NIF.anchorOf, Literal(HOSTILE)),
    ]
    store._graph.replace_graph(str(doc), triples)


def test_a_negated_event_is_drawn_but_not_counted():
    """'The SDF did not attack Raqqa' is drawn in the views (marked so), but an analyst's counts,
    centrality and timeline take only what happened."""
    with ApiStore() as store:
        _hostile_document(store)
        doc, fact, ev = AID["doc/negated"], AID["doc/negated/fact/Attack-0-4"], AID["doc/negated/evidence/0-4"]
        sdf, raqqa = AID["entity/sdf"], AID["entity/raqqa"]
        store._graph.replace_graph(str(doc), [
            (doc, RDF.type, ATHAR.Document), (doc, ATHAR.fileName, Literal("negated.ar.txt")),
            (sdf, RDF.type, ATHAR.ArmedForce), (sdf, ATHAR.mentionedIn, doc),
            (fact, RDF.type, ATHAR.Attack), (fact, ATHAR.agent, sdf), (fact, ATHAR.target, raqqa),
            (fact, ATHAR.modality, ATHAR.Negated), (fact, ATHAR.evidence, ev),
            (fact, ATHAR.date, Literal("2017-06", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth"))),
            (ev, NIF.referenceContext, doc), (ev, NIF.anchorOf, Literal("لم تهاجم")),
        ])
        report = analytics.analyse(store._graph)
        drawn = build_network(store._graph)
        timeline = analytics.timeline(store._graph)
    assert report["counts"]["classes"] == {"Liberation": 1} and report["documents"] == 2
    assert str(fact) in drawn and drawn.nodes[str(fact)]["cls"] == "Attack"
    assert timeline == []
