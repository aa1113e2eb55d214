"""The checks written as tallies (athar.graph.tally: the Entity label checks a batch of graphs at a
time, DatedEvent's sh:or grouped) find what their plain forms find, the gazetteer sound or not."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import XSD as _XSD

from athar.graph import check
from athar.graph.ingest import build
from athar.graph.rdf import GAZETTEER_GRAPH
from athar.graph.store import Store
from athar.graph.terms import AID, ATHAR, ONTOLOGY_GRAPH
from athar.graph.validate import compile_shapes, load_shapes

SEED = Path(__file__).resolve().parents[1] / "data" / "corpus" / "baghuz-one-year.ar.txt"
DOC = str(AID["doc/" + quote("corpus/baghuz-one-year.ar.txt", safe="-._~")])
LEADER, CAMP, TOWN = (AID[f"entity/{n}"] for n in ("abu-bakr-al-baghdadi", "al-hol-camp", "baghuz"))
LOCAL = URIRef(DOC + "/entity/local-councils")
TWO_LABELS = "the entity has two labels in the same language"
NO_ARABIC = "the entity has no Arabic label (rdfs:label with @ar)"
DISAGREE = "athar:date and athar:datePrecision disagree"


def _only_subject(g: Graph, node) -> None:
    """The graph keeps ``node`` as the subject of its other triples, without its labels, type or mention."""
    for p in (RDFS.label, RDF.type, ATHAR.mentionedIn):
        g.remove((node, p, None))


def _relabel(g: Graph, node, lang: str, text: str) -> None:
    for label in [o for o in g.objects(node, RDFS.label) if o.language == lang]:
        g.remove((node, RDFS.label, label))
    g.add((node, RDFS.label, Literal(text, lang=lang)))


# each a copy of the seed's graph, changed so; the gazetteer is changed too (below)
CHANGES = {
    "leader a subject alone": lambda g: _only_subject(g, LEADER),
    "camp without its labels": lambda g: [g.remove((CAMP, RDFS.label, None))],
    "two English labels": lambda g: g.add((LOCAL, RDFS.label, Literal("councils", lang="en"))),
    "no Arabic label": lambda g: [g.remove((LOCAL, RDFS.label, o)) for o in list(g.objects(LOCAL, RDFS.label))
                                  if o.language == "ar"],
    "the town's English label not the gazetteer's": lambda g: _relabel(g, TOWN, "en", "Baghouz"),
    "date and precision disagree": lambda g: g.set(
        (next(s for s, o in g.subject_objects(ATHAR.date) if o.datatype == _XSD.gYearMonth),
         ATHAR.datePrecision, Literal("day"))),
}


@pytest.fixture(scope="module")
def store() -> tuple[Store, list[str]]:
    """The seed, its changed copies, and a gazetteer in which the camp has two English labels and
    the leader no Arabic one (each then fails where the graph does not say otherwise)."""
    s = Store()
    build(s, [SEED])
    names = [DOC, str(GAZETTEER_GRAPH)]
    for i, change in enumerate(CHANGES.values()):
        g = Graph()
        for t in s.triples(DOC):
            g.add(t)
        change(g)
        names.append(str(AID[f"doc/changed-{i}"]))
        s.replace_graph(names[-1], g)
    gaz = Graph()
    for t in s.triples(str(GAZETTEER_GRAPH)):
        gaz.add(t)
    gaz.add((CAMP, RDFS.label, Literal("Hol camp", lang="en")))
    for label in [o for o in gaz.objects(LEADER, RDFS.label) if o.language == "ar"]:
        gaz.remove((LEADER, RDFS.label, label))
    s.replace_graph(str(GAZETTEER_GRAPH), gaz)
    return s, names


def compiled_checks(s: Store):
    """The shapes compiled plain, and told which predicates the gazetteer and ontology graphs hold."""
    hierarchy = Graph()
    for t in s.triples(str(ONTOLOGY_GRAPH)):
        if t[1] == RDFS.subClassOf:
            hierarchy.add(t)
    held = {g: {r["p"].value for r in s.query(f"SELECT DISTINCT ?p WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")}
            for g in (str(GAZETTEER_GRAPH), str(ONTOLOGY_GRAPH))}
    plain = compile_shapes(load_shapes(), hierarchy)
    tuned = compile_shapes(load_shapes(), hierarchy, holds=lambda g, p: str(p) in held[g])
    return plain, tuned


@pytest.mark.parametrize("batch", [1000, 2], ids=["one-batch", "batches-of-two"])
def test_tallied_checks_find_what_the_plain_checks_find(store, monkeypatch, batch):
    s, names = store
    monkeypatch.setattr(check, "BATCH", batch)
    plain, tuned = compiled_checks(s)
    written = {what: next(c for c in tuned if c.message.startswith(what)) for what in (TWO_LABELS, NO_ARABIC, DISAGREE)}
    assert written[TWO_LABELS].batch and written[NO_ARABIC].batch  # the forms of tally.py are the ones tested
    assert "GROUP BY ?g ?this }" in written[DISAGREE].query and "EXISTS" not in written[DISAGREE].query
    found = Counter(check.run(s, tuned, names))
    assert found == Counter(check.run(s, plain, names))
    few = [names[0], names[2], names[-1]]
    assert Counter(check.run(s, tuned, few)) == Counter(check.run(s, plain, few))
    rows = {(g, focus, message) for g, focus, _, _, message, _, _ in found}
    changed = {what: str(AID[f"doc/changed-{i}"]) for i, what in enumerate(CHANGES)}
    assert (changed["camp without its labels"], str(CAMP), TWO_LABELS) in rows  # the gazetteer's two alone
    assert (DOC, str(CAMP), TWO_LABELS) in rows and (str(GAZETTEER_GRAPH), str(CAMP), TWO_LABELS) in rows
    assert (changed["leader a subject alone"], str(LEADER), NO_ARABIC) in rows  # a subject the gazetteer types
    assert (DOC, str(LEADER), NO_ARABIC) not in rows  # the graph's own Arabic label
    assert (changed["two English labels"], str(LOCAL), TWO_LABELS) in rows
    assert (changed["no Arabic label"], str(LOCAL), NO_ARABIC) in rows
    assert (changed["the town's English label not the gazetteer's"], str(TOWN), TWO_LABELS) in rows
    assert (DOC, str(TOWN), TWO_LABELS) not in rows
    assert any(g == changed["date and precision disagree"] and m.startswith(DISAGREE) for g, _, m in rows)
    assert not any(g == DOC and m.startswith(DISAGREE) for g, _, m in rows)
