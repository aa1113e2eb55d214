"""A person's other names (skos:altLabel) and the label of a person's role in a body
(athar:roleLabel on the relation's statement): read from sentences written for these tests in
the style of news Arabic, written into the graph, and found by SPARQL on a built store."""

from __future__ import annotations

import pytest
from rdflib import RDF, SKOS, Graph, Literal

from athar.graph.ingest import build
from athar.graph.rdf import ENTITIES_GRAPH
from athar.graph.store import Store
from athar.graph.terms import ATHAR
from athar.graph.validate import validate, validate_graph
from reading import facts_of


def aliases(text: str) -> set[tuple[str, str]]:
    return {(f.roles[0][1].label_ar, f.roles[1][1].label_ar) for f in facts_of(text) if f.type == "alias"}


@pytest.mark.parametrize("text, person, alias", [
    pytest.param("قتل القائد العسكري في التنظيم أحمد خالد المعروف بأبي علي في غارة جوية", "أحمد خالد", "أبو علي",
                 id="known-by-a-kunya-in-the-genitive"),
    pytest.param("اعتقلت الشرطة القيادي في التنظيم عمر حسين الملقب بالشبح في حي الزهراء", "عمر حسين", "الشبح",
                 id="nicknamed-with-the-proclitic"),
    pytest.param('اعتقلت الشرطة القيادي في التنظيم عمر حسين الملقب بـ"الشبح" في حي الزهراء', "عمر حسين", "الشبح",
                 id="nicknamed-quoted"),
    pytest.param("اعتقلت القوات القيادي في التنظيم سالم يوسف (أبو محمد العراقي) في الموصل", "سالم يوسف",
                 "أبو محمد العراقي", id="a-kunya-in-brackets"),
    pytest.param('قتل اللواء سامي حسن، قائد الفرقة 16، الملقب "أبو الموت" في الهجوم', "سامي حسن", "أبو الموت",
                 id="after-the-role-apposition"),
])
def test_a_persons_other_name_is_read(text, person, alias):
    assert (person, alias) in aliases(text)


@pytest.mark.parametrize("text", [
    pytest.param("قال المتحدث باسم التحالف الكولونيل مايلز كاغينز المعروف عنه الصرامة إن القوات تقدمت",
                 id="known-for-a-quality"),
    pytest.param("قال القائد العسكري في التنظيم أحمد خالد الشهير في المدينة إن", id="famous-in-a-place"),
])
def test_words_of_fame_without_a_name_give_no_alias(text):
    assert aliases(text) == set()


@pytest.mark.parametrize("text, kind, title", [
    pytest.param("قتل القيادي في التنظيم عمر حسين في غارة", "memberOf", "القيادي", id="leader-in"),
    pytest.param("قال العقيد مايلز كاغينز، المتحدث باسم التحالف الدولي، إن", "spokespersonOf", "المتحدث باسم",
                 id="spokesperson-apposition"),
    pytest.param("اعتقلت القوات عمر الحسن أحد قادة التنظيم في الموصل", "memberOf", "أحد قادة", id="one-of-the-leaders"),
])
def test_the_title_of_a_role_is_the_relations_trigger(text, kind, title):
    found = [f for f in facts_of(text) if f.type == kind]
    assert [f.trigger for f in found] == [title]
    assert title in found[0].evidence.text


_TEXT = """---
published: 2019-03-02
---
أعلنت الشرطة مقتل القيادي في التنظيم عمر حسين الملقب بالشبح في غارة جوية قرب الموصل.
وقال العقيد مايلز كاغينز، المتحدث باسم التحالف الدولي، إن الغارة استهدفت مخبأ للتنظيم.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    folder = tmp_path_factory.mktemp("aliases")
    (folder / "raid.ar.txt").write_text(_TEXT, encoding="utf-8")
    s = Store()
    report = build(s, [folder])
    assert not report.errors, report.errors
    return s


def test_a_sparql_user_finds_a_person_by_alias(store):
    rows = list(store.query(f"""
        SELECT ?label WHERE {{
          GRAPH ?g {{ ?person <{SKOS.altLabel}> "الشبح"@ar }}
          GRAPH <{ENTITIES_GRAPH}> {{ ?person a <{ATHAR.Person}> ; <http://www.w3.org/2000/01/rdf-schema#label> ?label }}
          FILTER(LANG(?label) = "ar")
        }}"""))
    assert [r["label"].value for r in rows] == ["عمر حسين"]


def test_the_alias_is_no_entity_of_its_own(store):
    rows = list(store.query(f"""
        SELECT ?e WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e <http://www.w3.org/2000/01/rdf-schema#label> "الشبح"@ar }} }}"""))
    assert rows == []


def test_a_sparql_user_reads_the_label_of_a_role(store):
    rows = list(store.query(f"""
        SELECT ?p ?ar ?en WHERE {{ GRAPH ?g {{
          ?st a <{ATHAR.RelationStatement}> ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ;
              <{ATHAR.roleLabel}> ?ar , ?en .
          FILTER(LANG(?ar) = "ar" && LANG(?en) = "en") }} }}"""))
    got = {(r["p"].value.rsplit("#", 1)[1], r["ar"].value, r["en"].value) for r in rows}
    assert ("memberOf", "القيادي", "Leader") in got  # a leading member "في" the body: one of its members
    assert ("spokespersonOf", "المتحدث باسم", "Spokesperson") in got


def test_aliases_and_role_labels_pass_the_shapes(store):
    report = validate(store)
    assert report.conforms, report


def test_the_shapes_report_a_bad_alias_and_a_bad_role_label(store):
    g = Graph()
    for graph in store.graphs():
        if "/doc/" in graph:
            for t in store.triples(graph):
                g.add(t)
    place = min(g.subjects(RDF.type, ATHAR.City), key=str)
    statement = min(g.subjects(ATHAR.roleLabel, None), key=str)
    g.add((place, SKOS.altLabel, Literal("أبو علي", lang="ar")))
    g.add((statement, ATHAR.roleLabel, Literal("قائد")))
    findings, _ = validate_graph(g)
    messages = {(f.focus, f.message) for f in findings if f.severity == "Violation"}
    assert any(focus == str(place) and "not an athar:Person" in m for focus, m in messages), messages
    assert any(focus == str(statement) and "role's label" in m for focus, m in messages), messages
