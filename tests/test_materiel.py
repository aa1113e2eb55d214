"""Materiel of war (athar:Materiel): vehicles, weapons and munitions named by their kind, read as
one phrase, the target of a destruction; never a doer, a place or a victim. Sentences are
written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal
from rdflib.namespace import PROV

from athar.graph.rdf import build_graph
from athar.graph.terms import ATHAR, ONTOLOGY_PATH
from athar.graph.validate import validate_graph
from athar.read.entity import ENTITY_TYPES, is_a
from athar.read.language import arabic
from athar.read.mentions import extract_mentions
from athar.read.pipeline import read
from athar.read.source import parse_document
from reading import facts_of

make_doc = arabic().make_doc


def materiel(text: str) -> list[str]:
    """The words of each materiel mention of ``text``, as written."""
    seg = make_doc(text)
    out = []
    for m in extract_mentions(seg):
        if m.type == "Materiel":
            start, end = seg.norm.to_original(m.start, m.end)
            out.append(text[start:end])
    return out


@pytest.mark.parametrize("text, words", [
    pytest.param("قصفت الطائرات ثلاث سيارات مفخخة قرب البلدة", ["سيارات مفخخة"], id="car-bombs"),
    pytest.param("استهدف الطيران عجلة مفخخة على الطريق", ["عجلة مفخخة"], id="car-bomb-iraqi-word"),
    pytest.param("أعطبت القوات دبابتين للمسلحين", ["دبابتين للمسلحين"], id="tanks-dual-and-owner"),
    pytest.param("دمرت المدفعية دبابة وقصفت القرية", ["دبابة"], id="tank-alone"),
    pytest.param("شوهدت عدد من الآليات العسكرية على الحدود", ["الآليات"], id="vehicles-article"),
    pytest.param("ضبطت الشرطة أسلحة وذخائر في مخبأ", ["أسلحة وذخائر"], id="coordinated-one-lot"),
    pytest.param("صادرت القوات أسلحتهم وعتادهم بعد الاشتباك", ["أسلحتهم وعتادهم"], id="coordinated-pronouns"),
    pytest.param("رصدت الدوريات آلية تحمل مسلحين قرب الوادي", ["آلية تحمل مسلحين"], id="carrying-what"),
    pytest.param("أعطبت القوات آلية عسكرية قرب الوادي", ["آلية عسكرية"], id="a-military-vehicle"),
    pytest.param("استهدفت الطائرة الآلية العسكرية على الطريق", ["الآلية العسكرية"], id="the-military-vehicle"),
    pytest.param("أسقطت الدفاعات طائرة مسيرة فوق المطار", ["طائرة مسيرة"], id="drone"),
    pytest.param("نقلت الشاحنات مدافع هاون وراجمات صواريخ", ["مدافع هاون وراجمات صواريخ"], id="artillery"),
    pytest.param("أعطبت القوات عربة تحمل مقاتلين عند المعبر", ["عربة تحمل مقاتلين"], id="vehicle-carrying"),
    pytest.param("وقع هجوم بسيارة مفخخة قرب السوق", [], id="instrument-after-bi"),
    pytest.param("انفجرت عبوة ناسفة بعربة عسكرية على الطريق", [], id="struck-after-bi"),
])
def test_materiel_mention_and_its_words(text, words):
    assert materiel(text) == words


@pytest.mark.parametrize("text", [
    pytest.param("وصلت سيارة إسعاف إلى باب المستشفى", id="ambulance"),
    pytest.param("افتتح معرض السيارات الدولي في المدينة", id="car-show"),
    pytest.param("هبطت طائرة الركاب في المطار بعد تأخير", id="airliner"),
    pytest.param("خرجت مسيرة احتجاجية في وسط المدينة", id="march-no-drone"),
    pytest.param("وضعت الحكومة آلية جديدة لصرف الرواتب", id="mechanism"),
])
def test_civic_sentences_give_no_conflict_event(text):
    conflict = {"Attack", "Destruction", "Killing", "Battle", "Arrest", "MilitaryOperation"}
    assert not [f.type for f in facts_of(text) if f.type in conflict]


@pytest.mark.parametrize("text", [
    pytest.param("وصلت سيارة إسعاف إلى باب المستشفى", id="ambulance"),
    pytest.param("افتتح معرض السيارات الدولي في المدينة", id="car-show"),
    pytest.param("هبطت طائرة الركاب في المطار بعد تأخير", id="airliner"),
    pytest.param("خرجت مسيرة احتجاجية في وسط المدينة", id="march-no-drone"),
    pytest.param("وضعت الحكومة آلية جديدة لصرف الرواتب", id="mechanism"),
    pytest.param("اتفق الطرفان على الآلية التي تضمن وصول المساعدات", id="the-mechanism"),
])
def test_civic_vehicles_are_no_materiel(text):
    assert materiel(text) == []


def _targets(fact) -> list[str]:
    return [m.label_ar for role, m in fact.roles if role == "target"]


@pytest.mark.parametrize("text, target", [
    pytest.param("وتمكنت قوات الجيش من تدمير أربع سيارات مفخخة في الصحراء", "سيارات مفخخة", id="masdar-car-bombs"),
    pytest.param("ودمرت القوات الخاصة عددا من الآليات قرب الحدود", "الآليات", id="verb-quantified"),
    pytest.param("ودمرت القوات الخاصة دبابات التنظيم", "دبابات التنظيم", id="owner-in-construct"),
    pytest.param("ودمر الطيران أربع عجلات مفخخة لداعش في القرية", "عجلات مفخخة لداعش", id="owner-with-lam"),
    pytest.param("وأسفر الهجوم المعاكس عن تدمير أسلحة وذخائر كانت بحوزة المسلحين", "أسلحة وذخائر",
                 id="coordinated-lot"),
    pytest.param("كما دمرت المروحيات 12 آلية تحمل مقاتلين", "آلية تحمل مقاتلين", id="carrying"),
])
def test_a_destruction_takes_materiel_as_its_target(text, target):
    found = [f for f in facts_of(text) if f.type == "Destruction"]
    assert found, [(f.type, f.trigger) for f in facts_of(text)]
    assert _targets(found[0]) == [target]


@pytest.mark.parametrize("text", [
    pytest.param("انفجرت سيارة مفخخة في سوق شعبي ما أدى إلى مقتل سبعة مدنيين", id="car-bomb-market"),
    pytest.param("فجر انتحاري شاحنة مفخخة عند حاجز للجيش", id="truck-bomb-checkpoint"),
])
def test_a_car_bomb_that_explodes_is_an_attack_and_no_target(text):
    facts = facts_of(text)
    assert "Attack" in [f.type for f in facts]
    for f in facts:  # the bomb is the instrument of the attack: no role of any event
        assert not [m for _, m in f.roles if m.type == "Materiel"], (f.type, f.roles)


@pytest.mark.parametrize("text", [
    pytest.param("قتلت طائرة مسيرة ثلاثة مدنيين في القرية", id="drone-not-doer"),
    pytest.param("استهدفت مدافع هاون حيا سكنيا في المدينة", id="mortars-not-doer"),
    pytest.param("قصف الجيش تجمعا للآليات في البادية", id="vehicles-not-place"),
])
def test_materiel_is_no_doer_place_or_victim(text):
    for f in facts_of(text):
        assert all(role == "target" for role, m in f.roles if m.type == "Materiel"), (f.type, f.roles)


def test_materiel_is_neither_actor_nor_place():
    assert "Materiel" in ENTITY_TYPES
    for constraint in ("Actor", "Armed", "Place", "Facility", "Settlement", "Organization"):
        assert not is_a("Materiel", constraint), constraint


def test_ontology_declares_materiel_as_a_physical_thing_apart_from_actors_and_places():
    onto = Graph().parse(ONTOLOGY_PATH, format="turtle")
    assert (ATHAR.Materiel, RDF.type, OWL.Class) in onto
    assert (ATHAR.Materiel, RDFS.subClassOf, PROV.Entity) in onto
    labels = {(lab.language, str(lab)) for lab in onto.objects(ATHAR.Materiel, RDFS.label)}
    assert {lang for lang, _ in labels} == {"ar", "en"}
    disjoint_with = set()
    for node in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(onto.items(onto.value(node, OWL.members)))
        if ATHAR.Materiel in members:
            disjoint_with.update(members)
    assert {ATHAR.Actor, ATHAR.Place, ATHAR.Event} <= disjoint_with


def test_the_graph_types_the_materiel_and_passes_the_shapes():
    text = "ودمرت قوات الجيش ثلاث سيارات مفخخة قرب الحدود"
    document = parse_document(f"---\npublished: 2021-03-10\n---\n{text}", "materiel.txt")
    doc = read(document)
    g = build_graph(document, doc.facts, doc.mentions)
    things = set(g.subjects(RDF.type, ATHAR.Materiel))
    assert things, "no athar:Materiel in the graph"
    assert any((e, ATHAR.target, t) in g for t in things for e in g.subjects(RDF.type, ATHAR.Destruction))
    assert all(Literal("سيارات مفخخة", lang="ar") in set(g.objects(t, RDFS.label)) for t in things)
    findings, _ = validate_graph(g)
    assert not [f for f in findings if f.severity == "Violation"], findings


def test_the_views_name_and_draw_materiel_as_a_family_of_its_own():
    from athar.graph.store import Store
    from athar.use.views import vocabulary
    from athar.use.viz import _COLOURS, _SHAPES

    vocab = vocabulary(Store())
    assert vocab.families["Materiel"] == "Materiel"
    assert vocab.name("Materiel", "ar") == "عتاد حربي" and vocab.name("Materiel", "en") == "Materiel"
    assert _COLOURS["Materiel"] and _SHAPES["Materiel"] not in (_SHAPES["Place"], _SHAPES["Actor"])


@pytest.mark.parametrize("text, target", [
    pytest.param("قصفت الطائرات آليات التنظيم قرب البلدة", "آليات التنظيم", id="struck-with-owner"),
    pytest.param("استهدفت المدفعية عربة تحمل مقاتلين على الطريق", "عربة تحمل مقاتلين", id="struck-carrying"),
])
def test_an_attack_on_materiel_takes_it_as_its_target(text, target):
    found = [f for f in facts_of(text) if f.type == "Attack"]
    assert found, [(f.type, f.trigger) for f in facts_of(text)]
    assert _targets(found[0]) == [target]
