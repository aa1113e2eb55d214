"""The ontology loads everywhere, documents every term, and matches ``ATHAR``."""

from __future__ import annotations

import re

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from athar.graph.terms import ATHAR, ONTOLOGY_GRAPH, ONTOLOGY_IRI, ONTOLOGY_PATH, ROLES, SEM

NS = str(ATHAR._NS)
ARABIC = re.compile(r"[\u0600-\u06FF]")
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
         OWL.NamedIndividual, RDFS.Datatype)

EVENT_CLASSES = {
    "ConflictEvent": ["Liberation", "TerritorialControl", "Battle", "Attack", "Killing",
                      "Arrest", "Abduction", "Destruction", "MilitaryOperation"],
    "RecoveryEvent": ["Reconstruction", "Establishment", "Training", "Funding", "FundingAppeal", "Demining",
                      "ServiceProvision", "Sponsorship"],
    "Movement": ["Return", "Displacement", "Departure", "Escape", "Dispersal",
                 "Redeployment", "Withdrawal"],
    "PoliticalEvent": ["Handover", "Meeting", "Mediation", "Statement", "Suspension"],
    "Situation": ["Population"],
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def _declared(g: Graph) -> set[URIRef]:
    """athar: IRIs that the ontology describes (subjects), minus the ontology itself."""
    return {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}


def _superclasses(g: Graph, cls: URIRef) -> set[URIRef]:
    return set(g.transitive_objects(cls, RDFS.subClassOf))


def _report(title: str, items) -> str:
    return f"{title}:\n  " + "\n  ".join(sorted(str(i) for i in items))


def test_ontology_path_exists():
    assert ONTOLOGY_PATH.is_file(), f"ontology not found at {ONTOLOGY_PATH}"


def test_parses_in_rdflib(onto):
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto, f"{ONTOLOGY_IRI} is not an owl:Ontology"
    assert ONTOLOGY_GRAPH == ONTOLOGY_IRI


def test_loads_in_pyoxigraph(onto):
    store = pyoxigraph.Store()
    store.load(path=str(ONTOLOGY_PATH), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(onto), "pyoxigraph and rdflib read a different number of triples"


def test_version(onto):
    info = list(onto.objects(ONTOLOGY_IRI, OWL.versionInfo))
    iri = list(onto.objects(ONTOLOGY_IRI, OWL.versionIRI))
    assert len(info) == 1, f"expected one owl:versionInfo, found {info}"
    assert len(iri) == 1, f"expected one owl:versionIRI, found {iri}"
    assert str(iri[0]).endswith("/" + str(info[0])), f"versionIRI {iri[0]} does not end in {info[0]}"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_ontology_has_title_and_description(onto, lang):
    from rdflib import DCTERMS

    for prop in (DCTERMS.title, DCTERMS.description, DCTERMS.creator):
        langs = {o.language for o in onto.objects(ONTOLOGY_IRI, prop) if isinstance(o, Literal)}
        assert lang in langs, f"the ontology has no {prop} in @{lang}"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_term_has_one_label_per_language(onto, lang):
    bad = []
    for term in _declared(onto):
        labels = [o for o in onto.objects(term, RDFS.label) if isinstance(o, Literal) and o.language == lang]
        if len(labels) != 1:
            bad.append(f"{term} ({len(labels)} @{lang} labels)")
        elif lang == "ar" and not ARABIC.search(labels[0]):
            bad.append(f"{term} (@ar label {labels[0]!r} has no Arabic letters)")
    assert not bad, _report(f"terms without exactly one rdfs:label @{lang}", bad)


def test_every_term_has_a_comment(onto):
    missing = [t for t in _declared(onto)
               if not any(isinstance(o, Literal) and o.language == "en"
                          for o in onto.objects(t, RDFS.comment))]
    assert not missing, _report("terms without an rdfs:comment @en", missing)


def test_every_used_athar_term_is_declared(onto):
    used = {o for o in onto.objects() if isinstance(o, URIRef) and str(o).startswith(NS)}
    typed = {t for t in _declared(onto) if (t, RDF.type, None) in onto}
    undeclared = used - typed
    assert not undeclared, _report("athar: terms used but not declared with rdf:type", undeclared)


def test_namespace_module_has_every_ontology_term(onto):
    missing = _declared(onto) - set(dir(ATHAR))
    assert not missing, _report("declared in ontology/athar.ttl but missing from ATHAR", missing)


def test_namespace_module_has_no_extra_term(onto):
    extra = set(dir(ATHAR)) - _declared(onto)
    assert not extra, _report("in ATHAR but not declared in ontology/athar.ttl", extra)


def test_namespace_is_closed():
    with pytest.raises(AttributeError):
        ATHAR.Liberaton  # noqa: B018 (a typo must fail)


def test_no_punning(onto):
    """Each IRI is of one OWL kind only (OWL 2 DL without punning)."""
    punned = []
    for s in set(onto.subjects(RDF.type, None)):
        kinds = [k for k in KINDS if (s, RDF.type, k) in onto]
        if len(kinds) > 1:
            punned.append(f"{s}: {', '.join(onto.qname(k) for k in kinds)}")
    assert not punned, _report("IRIs declared as more than one kind", punned)


@pytest.mark.parametrize(
    ("axiom", "kinds"),
    [
        (RDFS.subClassOf, (OWL.Class,)),
        (RDFS.subPropertyOf, (OWL.ObjectProperty, OWL.DatatypeProperty)),
    ],
    ids=["subClassOf", "subPropertyOf"],
)
def test_aligned_terms_are_declared(onto, axiom, kinds):
    """External classes and properties we align with are declared (rdf: terms are reserved)."""
    undeclared = [
        o for o in set(onto.objects(None, axiom))
        if isinstance(o, URIRef) and not str(o).startswith(str(RDF))
        and not any((o, RDF.type, k) in onto for k in kinds)
    ]
    assert not undeclared, _report(f"objects of {onto.qname(axiom)} not declared", undeclared)


def test_located_in_is_transitive_with_inverse(onto):
    assert (ATHAR.locatedIn, RDF.type, OWL.TransitiveProperty) in onto, "locatedIn is not transitive"
    assert (ATHAR.locatedIn, OWL.inverseOf, ATHAR.contains) in onto, "locatedIn is not inverse of contains"
    assert (ATHAR.leaderOf, OWL.inverseOf, ATHAR.ledBy) in onto, "leaderOf is not inverse of ledBy"


@pytest.mark.parametrize(
    ("group", "name"),
    [pytest.param(group, name, id=name) for group, names in EVENT_CLASSES.items()
     for name in [group, *names]],
)
def test_event_class_is_an_event(onto, group, name):
    supers = _superclasses(onto, ATHAR[name])
    missing = [c for c in (ATHAR[group], ATHAR.Event, SEM.Event) if c not in supers]
    assert not missing, _report(f"athar:{name} is not a subclass of", missing)


def test_every_subclass_of_event_is_listed(onto):
    events = {c for c in onto.transitive_subjects(RDFS.subClassOf, ATHAR.Event)} - {ATHAR.Event}
    listed = {ATHAR[n] for group, names in EVENT_CLASSES.items() for n in [group, *names]}
    assert events == listed, _report("event classes not in the test list", events ^ listed)


def test_roles_are_object_properties_on_events(onto):
    bad = []
    for name in ROLES:
        prop = ATHAR[name]
        if (prop, RDF.type, OWL.ObjectProperty) not in onto:
            bad.append(f"{name}: not an owl:ObjectProperty")
        domains = set(onto.objects(prop, RDFS.domain))
        in_union = {m for d in domains for u in onto.objects(d, OWL.unionOf)
                    for m in onto.items(u)}
        if ATHAR.Event not in domains | in_union:
            bad.append(f"{name}: domain is not athar:Event")
    assert not bad, _report("role properties", bad)
    assert len(set(ROLES)) == len(ROLES), "ROLES has duplicates"


@pytest.mark.parametrize(
    ("cls", "values"),
    [
        ("Bound", ["Exact", "MoreThan", "AtLeast", "AtMost", "LessThan", "About"]),
        ("Modality", ["Asserted", "Negated", "Planned", "Ongoing"]),
    ],
)
def test_concept_schemes(onto, cls, values):
    scheme = ATHAR[cls + "Scheme"]
    members = set(onto.subjects(RDF.type, ATHAR[cls]))
    assert members == {ATHAR[v] for v in values}, _report(f"members of athar:{cls}", members)
    outside = [m for m in members if (m, URIRef("http://www.w3.org/2004/02/skos/core#inScheme"), scheme) not in onto]
    assert not outside, _report(f"not in athar:{cls}Scheme", outside)


# The PROV-O axioms our alignments could clash with (https://www.w3.org/ns/prov-o).
_PROV_AXIOMS = """
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
prov:Activity owl:disjointWith prov:Entity .
prov:wasDerivedFrom rdfs:domain prov:Entity ; rdfs:range prov:Entity .
prov:wasAttributedTo rdfs:domain prov:Entity ; rdfs:range prov:Agent .
prov:wasAssociatedWith rdfs:domain prov:Activity ; rdfs:range prov:Agent .
"""

# One fact of every shape docs/model.md describes.
_SAMPLE = """
@prefix athar: <https://w3id.org/athar/ontology#> .
@prefix e: <https://w3id.org/athar/id/entity/> .
@prefix d: <https://w3id.org/athar/id/doc/sample/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://w3id.org/athar/id/doc/sample> a athar:Document ; athar:fileName "sample.ar.txt" .
e:baghuz a athar:Town ; athar:locatedIn e:east-syria ; athar:mentionedIn <https://w3id.org/athar/id/doc/sample> .
e:east-syria a athar:Region ; athar:locatedIn e:syria .
e:syria a athar:Country .
e:isis a athar:ArmedGroup . e:sdf a athar:ArmedForce . e:amaq a athar:MediaOutlet .
d:fact a athar:Liberation ; athar:agent e:sdf ; athar:place e:baghuz ; athar:origin e:isis ;
    athar:date "2019-03-23"^^xsd:date ; athar:datePrecision "day" ; athar:modality athar:Asserted ;
    athar:accordingTo e:amaq ; athar:implied true ; athar:amount d:amount ; athar:evidence d:evidence .
d:amount a athar:Amount ; athar:value 100000.0 ; athar:unit "km2" ; athar:bound athar:MoreThan ;
    athar:vague false .
d:evidence a athar:Evidence ; nif:beginIndex 95 ; nif:endIndex 141 ; athar:sentence "..." ;
    prov:wasDerivedFrom <https://w3id.org/athar/id/doc/sample> .
d:relation a athar:RelationStatement ; rdf:subject e:baghuz ; rdf:predicate athar:locatedIn ;
    rdf:object e:east-syria ; athar:evidence d:evidence ; athar:accordingTo e:amaq .
e:sdf athar:liberated e:baghuz .
"""


def test_sample_graph_is_consistent_under_owl_rl(onto):
    """The model's triples, with the ontology and PROV-O, raise no OWL RL clash."""
    import owlrl

    g = Graph()
    g += onto
    g.parse(data=_PROV_AXIOMS, format="turtle")
    g.parse(data=_SAMPLE, format="turtle")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    error = URIRef("http://www.daml.org/2002/03/agents/agent-ont#error")
    errors = list(g.objects(None, error))
    assert not errors, _report("OWL RL inconsistencies", errors)
    syria = URIRef("https://w3id.org/athar/id/entity/syria")
    baghuz = URIRef("https://w3id.org/athar/id/entity/baghuz")
    assert (syria, ATHAR.contains, baghuz) in g, "locatedIn is not transitive with inverse contains"
