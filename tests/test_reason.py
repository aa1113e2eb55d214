"""Reasoning at work: transitive places, the class hierarchy and shortcuts, in the inferred graph."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from rdflib import OWL, RDF, BNode, Graph, Literal, URIRef

from athar.cli import main
from athar.graph.ingest import build
from athar.graph.terms import AID, ATHAR, ONTOLOGY_PATH
from athar.graph.reason import INFERRED_GRAPH, infer, reason
from athar.graph.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
PREFIXES = """
PREFIX athar: <https://w3id.org/athar/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
"""
# Events located in a region: a locative role whose value is the region or lies in it.
# No property path: only what is asserted or inferred counts.
EVENTS_IN = PREFIXES + """
SELECT DISTINCT ?e WHERE {
  VALUES ?role { athar:place athar:destination athar:origin }
  ?e ?role ?p .
  FILTER (?p = <%s> || EXISTS { ?p athar:locatedIn <%s> })
}"""
EVENTS_AT = PREFIXES + """
SELECT DISTINCT ?e WHERE { VALUES ?role { athar:place athar:destination athar:origin } ?e ?role <%s> }"""


def _set(store: Store, sparql: str) -> set[str]:
    return {sol[0].value for sol in store.query(sparql)}


def _events_in(store: Store, region: str) -> set[str]:
    iri = str(AID[f"entity/{region}"])
    return _set(store, EVENTS_IN % (iri, iri))


def _events_at(store: Store, place: str) -> set[str]:
    return _set(store, EVENTS_AT % AID[f"entity/{place}"])


@pytest.fixture(scope="module")
def stores():
    """The corpus before and after reasoning, and how long reasoning took."""
    before, after = Store(), Store()
    build(before, [CORPUS])
    build(after, [CORPUS])
    started = time.perf_counter()
    count = reason(after)
    return before, after, count, time.perf_counter() - started


def test_reasoning_infers_and_is_fast(stores):
    _, after, count, seconds = stores
    assert count > 500, f"only {count} triples inferred"
    assert str(INFERRED_GRAPH) in after.graphs()
    assert seconds < 60, f"reasoning took {seconds:.1f} s"


def test_inferred_graph_holds_only_new_clean_triples(stores):
    _, after, _, _ = stores
    asserted = {t for g in after.graphs() if g != str(INFERRED_GRAPH) for t in after.triples(g)}
    inferred = list(after.triples(str(INFERRED_GRAPH)))
    repeated = [t for t in inferred if t in asserted]
    assert not repeated, f"{len(repeated)} asserted triples repeated, e.g. {repeated[:3]}"
    junk = [t for t in inferred if isinstance(t[0], (Literal, BNode)) or isinstance(t[2], BNode)
            or not str(t[0]).startswith(("https://w3id.org/athar/id/", "https://w3id.org/athar/ontology#"))
            or (t[1] == RDF.type and t[2] == OWL.Thing) or (t[1] == OWL.sameAs and t[0] == t[2])
            or "wikidata.org" in str(t[2])]
    assert not junk, f"{len(junk)} noise triples, e.g. {junk[:3]}"


@pytest.mark.parametrize("place", ["tabqa", "raqqa"])
def test_events_in_raqqa_governorate_include_its_towns(stores, place):
    _, after, _, _ = stores
    at = _events_at(after, place)
    assert at, f"no event in the corpus is located in {place}"
    assert at <= _events_in(after, "raqqa-governorate")


@pytest.mark.parametrize("place", ["tabqa", "raqqa"])
def test_events_in_syria_need_transitive_located_in(stores, place):
    before, after, _, _ = stores
    at = _events_at(after, place)
    assert not at & _events_in(before, "syria"), "found without reasoning: the test shows nothing"
    assert at <= _events_in(after, "syria")


def test_contains_is_the_inverse(stores):
    _, after, _, _ = stores
    syria, tabqa = AID["entity/syria"], AID["entity/tabqa"]
    assert after.query(f"ASK {{ <{syria}> <{ATHAR.contains}> <{tabqa}> }}")
    assert after.query(f"ASK {{ <{tabqa}> <{ATHAR.locatedIn}> <{syria}> }}")


def test_armed_forces_find_the_sdf(stores):
    before, after, _, _ = stores
    sdf = str(AID["entity/sdf"])
    assert sdf in _set(after, PREFIXES + "SELECT ?x WHERE { ?x a athar:ArmedForce }")
    for cls in ("athar:Organization", "athar:Actor", "sem:Actor"):
        query = PREFIXES + f"SELECT ?x WHERE {{ ?x a {cls} }}"
        assert sdf not in _set(before, query), f"{cls} found without reasoning"
        assert sdf in _set(after, query), f"a query for {cls} does not find the SDF"


def test_liberated_shortcut_for_every_liberation_with_an_agent(stores):
    _, after, _, _ = stores
    rows = list(after.query(PREFIXES + """
        SELECT ?e ?agent ?place WHERE {
          ?e a athar:Liberation ; athar:agent ?agent ; athar:place ?place .
          FILTER NOT EXISTS { ?e athar:modality ?m . FILTER (?m IN (athar:Negated, athar:Planned)) } }"""))
    assert rows, "no Liberation with an agent in the corpus"
    missing = [(r[0].value, r[1].value, r[2].value) for r in rows
               if not after.query(f"ASK {{ <{r[1].value}> <{ATHAR.liberated}> <{r[2].value}> }}")]
    assert not missing, missing


@pytest.mark.parametrize("cls", ["athar:ConflictEvent", "athar:Event", "sem:Event"])
def test_liberations_are_typed_up_the_hierarchy(stores, cls):
    before, after, _, _ = stores
    liberations = _set(after, PREFIXES + "SELECT ?e WHERE { ?e a athar:Liberation }")
    typed = PREFIXES + f"SELECT ?e WHERE {{ ?e a {cls} }}"
    assert liberations and liberations <= _set(after, typed)
    assert not liberations & _set(before, typed), f"{cls} found without reasoning"


def test_reasoning_twice_rebuilds_the_same_graph(stores):
    _, after, count, _ = stores
    assert reason(after) == count


def _small(modality: str) -> Graph:
    g = Graph().parse(ONTOLOGY_PATH, format="turtle")
    g.parse(format="turtle", data=f"""
        @prefix athar: <https://w3id.org/athar/ontology#> . @prefix e: <https://w3id.org/athar/id/entity/> .
        <https://w3id.org/athar/id/doc/t/fact/Training-1-2> a athar:Training ;
            athar:agent e:coalition ; athar:trainee e:isf ; athar:modality athar:{modality} .
        e:coalition a athar:Coalition . e:isf a athar:ArmedForce .""")
    return g


@pytest.mark.parametrize(("modality", "expected"), [("Asserted", True), ("Ongoing", True),
                                                    ("Planned", False), ("Negated", False)])
def test_shortcut_rule_follows_modality(modality, expected):
    new = infer(_small(modality))
    triple = (URIRef(AID["entity/coalition"]), ATHAR.trained, URIRef(AID["entity/isf"]))
    assert (triple in new) is expected


def test_cli_build_reason(tmp_path):
    path = tmp_path / "store"
    assert main(["-q", "build", str(CORPUS / "baghuz-one-year.ar.txt"), "--store", str(path), "--reason"]) == 0
    with Store(path) as s:
        inferred = set(s.triples(str(INFERRED_GRAPH)))
        # "مستشفى الطبقة في محافظة الرقة": Tabqa lies in Raqqa Governorate, which lies in Syria
        assert (URIRef(AID["entity/tabqa"]), ATHAR.locatedIn, URIRef(AID["entity/syria"])) in inferred
        assert (URIRef(AID["entity/syria"]), ATHAR.contains, URIRef(AID["entity/tabqa"])) in inferred


def test_events_table_keeps_specific_types_after_reasoning(stores):
    from athar.use.query import events

    before, after, _, _ = stores
    assert {r["id"]: r["type"] for r in events(after)} == {r["id"]: r["type"] for r in events(before)}
