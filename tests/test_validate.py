"""The SHACL shapes accept every corpus graph and catch each kind of breakage."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import XSD as _XSD

from athar.cli import main
from athar.graph.ingest import build
from athar.graph.terms import AID, ATHAR, NIF
from athar.graph.rdf import GAZETTEER_GRAPH
from athar.graph.store import Store
from athar.graph.validate import SHAPES_PATH, load_shapes, validate, validate_graph
from athar.use.output import format_report

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
DOCS = sorted(p.name.removesuffix(".ar.txt") for p in CORPUS.glob("*.txt"))
SEED = "baghuz-one-year"


def graph_of(stem: str) -> str:
    """The document graph of a corpus article: its identity is the folder given and its file."""
    return "doc/" + quote(f"corpus/{stem}.ar.txt", safe="-._~")
SH = "http://www.w3.org/ns/shacl#"


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store()
    report = build(s, [CORPUS])
    assert not report.errors, report.errors
    return s


@pytest.fixture(scope="module")
def report(store):
    return validate(store)


@pytest.fixture(scope="module")
def background(store) -> Graph:
    g = Graph()
    for name in ("https://w3id.org/athar/ontology", str(GAZETTEER_GRAPH)):
        for t in store.triples(name):
            g.add(t)
    return g


@pytest.fixture()
def seed(store) -> Graph:
    """A fresh copy of the seed's document graph, to break."""
    g = Graph()
    for t in store.triples(str(AID[graph_of(SEED)])):
        g.add(t)
    return g


def _violations(findings, focus=None):
    return [f for f in findings if f.severity == "Violation" and (focus is None or f.focus == str(focus))]


def test_shapes_load():
    shapes = load_shapes()
    assert len(shapes) > 100, f"{SHAPES_PATH} is nearly empty"


def test_corpus_has_the_seed_and_dev_documents():
    assert SEED in DOCS and len(DOCS) >= 4, DOCS


@pytest.mark.parametrize("doc", DOCS)
def test_document_graph_passes(report, doc):
    graph = str(AID[graph_of(doc)])
    assert graph in report.graphs, f"{graph} was not checked"
    bad = [f for f in report.violations if f.graph == graph]
    assert not bad, "\n".join(f"{f.focus}: {f.message} ({f.value})" for f in bad)


def test_gazetteer_graph_passes(report):
    assert str(GAZETTEER_GRAPH) in report.graphs
    assert not [f for f in report.violations if f.graph == str(GAZETTEER_GRAPH)]


def test_warnings_do_not_fail(report):
    assert report.conforms
    assert all(f.severity in ("Violation", "Warning", "Info") for f in report.findings)


def _event(g: Graph, cls: str) -> URIRef:
    return min(g.subjects(RDF.type, ATHAR[cls]), key=str)


def test_event_without_evidence_is_reported(seed, background):
    event = _event(seed, "Liberation")
    seed.remove((event, ATHAR.evidence, None))
    findings, results = validate_graph(seed, background)
    bad = _violations(findings, event)
    assert any("no athar:evidence" in f.message for f in bad), findings
    assert (None, URIRef(SH + "focusNode"), event) in results


def test_offsets_that_do_not_cut_the_evidence_words_are_reported(seed, background):
    event = _event(seed, "Liberation")
    ev = seed.value(event, ATHAR.evidence)
    end = int(seed.value(ev, NIF.endIndex))
    seed.set((ev, NIF.endIndex, Literal(end + 3, datatype=_XSD.nonNegativeInteger)))
    findings, _ = validate_graph(seed, background)
    bad = _violations(findings, ev)
    assert any("do not cut the evidence words" in f.message for f in bad), findings
    assert all(f.sentence for f in bad), "the finding does not show the evidence sentence"


@pytest.mark.parametrize(("begin", "end"), [pytest.param(50, 40, id="begin-after-end"),
                                            pytest.param(-1, 40, id="negative-begin"),
                                            pytest.param(40, 40, id="empty-span")])
def test_bad_offsets_are_reported(seed, background, begin, end):
    ev = min(seed.subjects(RDF.type, ATHAR.Evidence), key=str)
    seed.set((ev, NIF.beginIndex, Literal(begin, datatype=_XSD.integer)))
    seed.set((ev, NIF.endIndex, Literal(end, datatype=_XSD.integer)))
    findings, _ = validate_graph(seed, background)
    assert _violations(findings, ev), findings


def test_entity_without_arabic_label_is_reported(seed, background):
    entity = AID[graph_of(SEED) + "/entity/local-councils"]
    assert (entity, ATHAR.mentionedIn, None) in seed, "the seed no longer mentions the local councils"
    for label in list(seed.objects(entity, RDFS.label)):
        if label.language == "ar":
            seed.remove((entity, RDFS.label, label))
    findings, _ = validate_graph(seed, background)
    assert any("no Arabic label" in f.message for f in _violations(findings, entity)), findings


def test_unbacked_shortcut_is_reported(seed, background):
    isis, mosul = AID["entity/isis"], AID["entity/mosul"]
    seed.add((isis, ATHAR.liberated, mosul))
    findings, _ = validate_graph(seed, background)
    assert any("not backed" in f.message for f in _violations(findings, isis)), findings


def test_asserted_shortcuts_are_backed(seed, background):
    shortcuts = list(seed.triples((None, ATHAR.liberated, None)))
    findings, _ = validate_graph(seed, background)
    assert not [f for f in _violations(findings) if "not backed" in f.message], (shortcuts, findings)


def test_date_precision_must_match_the_date(seed, background):
    event = next(s for s, o in seed.subject_objects(ATHAR.date) if o.datatype == _XSD.gYearMonth)
    seed.set((event, ATHAR.datePrecision, Literal("day")))
    findings, _ = validate_graph(seed, background)
    assert any("disagree" in f.message for f in _violations(findings, event)), findings


def test_two_dates_are_reported(seed, background):
    event = next(iter(seed.subjects(ATHAR.date, None)))
    seed.add((event, ATHAR.date, Literal("1999", datatype=_XSD.gYear)))
    findings, _ = validate_graph(seed, background)
    assert _violations(findings, event), findings


def test_amount_without_bound_is_reported_and_without_unit_is_a_warning(seed, background):
    amount = min(seed.subjects(RDF.type, ATHAR.Amount), key=str)
    seed.remove((amount, ATHAR.bound, None))
    seed.remove((amount, ATHAR.unit, None))
    findings, _ = validate_graph(seed, background)
    mine = [f for f in findings if f.focus == str(amount)]
    assert any(f.severity == "Violation" and "bound" in f.message for f in mine), mine
    assert any(f.severity == "Warning" and "no unit" in f.message for f in mine), mine


def test_event_without_class_is_reported(seed, background):
    event = _event(seed, "Battle")
    seed.remove((event, RDF.type, None))
    findings, _ = validate_graph(seed, background)
    assert _violations(findings, event), findings


def test_report_formats(store, report):
    table = format_report(report, "table")
    assert "0 violations" in table
    ttl = format_report(validate(store, engine="pyshacl"), "ttl")
    g = Graph().parse(data=ttl, format="turtle")
    assert (None, RDF.type, URIRef(SH + "ValidationReport")) in g


def test_cli_validate(tmp_path):
    path = tmp_path / "store"
    assert main(["-q", "build", str(CORPUS), "--store", str(path)]) == 0
    out = tmp_path / "report.ttl"
    assert main(["validate", "--store", str(path), "-f", "ttl", "-o", str(out)]) == 0
    assert "sh:conforms true" in out.read_text(encoding="utf-8")


def test_cli_validate_fails_on_violations(tmp_path):
    path = tmp_path / "store"
    with Store(path) as s:
        build(s, [CORPUS / f"{SEED}.ar.txt"])
        graph = str(AID[graph_of(SEED)])
        triples = [t for t in s.triples(graph) if t[1] != ATHAR.evidence]
        s.replace_graph(graph, triples)
    assert main(["validate", "--store", str(path), "-o", str(tmp_path / "report.txt")]) == 1
    assert "no athar:evidence" in (tmp_path / "report.txt").read_text(encoding="utf-8")


# -- the fast engine (shapes compiled into SPARQL) against pyshacl ------------------------------

def _first(g: Graph, p, o=None):
    return min((s for s in g.subjects(p, o)), key=str)


def _set(g: Graph, s, p, o) -> None:
    g.set((s, p, o))


LOCAL = AID[graph_of(SEED) + "/entity/local-councils"]
# Each breakage of the seed's graph, named by the constraint kinds of shapes.ttl it breaks.
BREAKAGES = {
    "minCount (no evidence)": lambda g: g.remove((_event(g, "Liberation"), ATHAR.evidence, None)),
    "maxCount (two dates)": lambda g: g.add((next(iter(g.subjects(ATHAR.date, None))), ATHAR.date,
                                             Literal("1999", datatype=_XSD.gYear))),
    "datatype (trigger not a string)": lambda g: _set(g, _event(g, "Battle"), ATHAR.trigger, Literal(7)),
    "minLength (empty trigger)": lambda g: _set(g, _event(g, "Battle"), ATHAR.trigger, Literal("")),
    "in (modality)": lambda g: _set(g, _event(g, "Battle"), ATHAR.modality,
                                    URIRef(str(ATHAR.Asserted).replace("Asserted", "Perhaps"))),
    "or of datatypes, ill-typed (date)": lambda g: _set(g, _event(g, "Battle"), ATHAR.date,
                                                        Literal("2019-13-45", datatype=_XSD.date)),
    "datatype ill-typed (duration)": lambda g: g.add((_event(g, "Battle"), ATHAR.duration,
                                                      Literal("six weeks", datatype=_XSD.duration))),
    "class, nodeKind (agent a literal; warnings)": lambda g: g.add((_event(g, "Battle"), ATHAR.agent, Literal("x"))),
    "class (origin, or of classes)": lambda g: g.add((_event(g, "Battle"), ATHAR.origin, ATHAR.Battle)),
    "nodeKind, class (evidence a literal)": lambda g: g.add((_event(g, "Battle"), ATHAR.evidence, Literal("e"))),
    "class (referenceContext)": lambda g: _set(g, _first(g, RDF.type, ATHAR.Evidence), NIF.referenceContext,
                                               AID["entity/isis"]),
    "lessThan, SPARQL (begin after end)": lambda g: (
        _set(g, _first(g, RDF.type, ATHAR.Evidence), NIF.beginIndex, Literal(50, datatype=_XSD.integer)),
        _set(g, _first(g, RDF.type, ATHAR.Evidence), NIF.endIndex, Literal(40, datatype=_XSD.integer))),
    "minInclusive (negative begin)": lambda g: _set(g, _first(g, RDF.type, ATHAR.Evidence), NIF.beginIndex,
                                                    Literal(-1, datatype=_XSD.integer)),
    "minInclusive (negative amount)": lambda g: _set(g, _first(g, RDF.type, ATHAR.Amount), ATHAR.value,
                                                     Literal("-5", datatype=_XSD.decimal)),
    "minCount, warning (amount without bound or unit)": lambda g: (
        g.remove((_first(g, RDF.type, ATHAR.Amount), ATHAR.bound, None)),
        g.remove((_first(g, RDF.type, ATHAR.Amount), ATHAR.unit, None))),
    "datatype boolean (vague)": lambda g: _set(g, _first(g, RDF.type, ATHAR.Amount), ATHAR.vague, Literal("maybe")),
    "qualifiedMinCount, languageIn (no Arabic label)": lambda g: [
        g.remove((LOCAL, RDFS.label, lab)) for lab in list(g.objects(LOCAL, RDFS.label)) if lab.language == "ar"],
    "uniqueLang (two English labels)": lambda g: g.add((LOCAL, RDFS.label, Literal("councils", lang="en"))),
    "class (locatedIn)": lambda g: g.add((LOCAL, ATHAR.locatedIn, _event(g, "Battle"))),
    "SPARQL (unbacked shortcut)": lambda g: g.add((AID["entity/isis"], ATHAR.liberated, AID["entity/mosul"])),
    "SPARQL (relation statement without its triple)": lambda g: [
        g.remove((g.value(r, RDF.subject), g.value(r, RDF.predicate), g.value(r, RDF.object)))
        for r in list(g.subjects(RDF.type, ATHAR.RelationStatement))],
    "or of shapes (date and precision disagree)": lambda g: _set(
        g, next(s for s, o in g.subject_objects(ATHAR.date) if o.datatype == _XSD.gYearMonth),
        ATHAR.datePrecision, Literal("day")),
    "hasValue on a path, or of classes (event of no specific class)": lambda g: [
        (g.remove((e, RDF.type, None)), g.add((e, RDF.type, ATHAR.Event))) for e in [_event(g, "Attack")]],
    "or of classes (no class at all)": lambda g: g.remove((_event(g, "Battle"), RDF.type, None)),
    "languageIn (a role's label of no language)": lambda g: g.add(
        (_first(g, RDF.type, ATHAR.RelationStatement), ATHAR.roleLabel, Literal("قائد"))),
    "class, languageIn (an alias of no person)": lambda g: g.add((LOCAL, SKOS.altLabel, Literal("x"))),
}


@pytest.fixture(scope="module")
def broken(store) -> tuple[Store, list[str]]:
    """The corpus store with one broken copy of the seed's graph per breakage."""
    s = Store()
    for name in store.graphs():
        s.replace_graph(name, store.triples(name))
    seed_graph = str(AID[graph_of(SEED)])
    names = [seed_graph, str(GAZETTEER_GRAPH)]
    for i, breakage in enumerate(BREAKAGES.values()):
        g = Graph()
        for t in store.triples(seed_graph):
            g.add(t)
        breakage(g)
        names.append(str(AID[f"doc/broken-{i}"]))
        s.replace_graph(names[-1], g)
    return s, names


def _key(f):
    return f.graph, f.focus, f.severity, f.shape, f.message, f.path, f.value


def test_fast_engine_equals_pyshacl_on_the_corpus(store, report):
    reference = validate(store, engine="pyshacl")
    assert Counter(map(_key, report.findings)) == Counter(map(_key, reference.findings))
    assert report.graphs == reference.graphs


def test_fast_engine_equals_pyshacl_on_every_breakage(broken):
    s, names = broken
    fast, reference = validate(s, names, engine="fast"), validate(s, names, engine="pyshacl")
    # One known difference, in the reference: with a negative nif:beginIndex the Evidence shape's
    # SPARQL takes SUBSTR(text, 0, n), which SPARQL (XPath fn:substring) counts from position 1, so
    # it is the first n - 1 characters (Oxigraph); rdflib returns "". Both report the finding.
    negative = str(AID[f"doc/broken-{list(BREAKAGES).index('minInclusive (negative begin)')}"])

    def key(f):
        substr = f.graph == negative and f.shape.endswith("#Evidence") and f.path is None
        return _key(f)[:-1] + (None if substr else f.value,)

    assert Counter(map(key, fast.findings)) == Counter(map(key, reference.findings))
    def found(graph):
        return Counter(_key(f)[1:] for f in fast.findings if f.graph == graph)

    for i, what in enumerate(BREAKAGES):
        assert found(str(AID[f"doc/broken-{i}"])) - found(names[0]), f"breaking {what} was not reported"
    shapes = {f.shape.split(" / ")[0].rsplit("#", 1)[-1] for f in fast.findings}
    assert {"Event", "EventLike", "Fact", "DatedEvent", "EventRoles", "Evidence", "Amount", "Entity", "Liberated",
            "RelationStatement"} <= shapes, shapes
    assert [f for f in fast.findings if f.sentence], "no finding shows its evidence sentence"


def test_every_constraint_kind_of_the_shapes_is_broken_at_least_once(broken):
    from athar.graph import check
    from athar.graph.validate import compile_shapes

    s, names = broken
    hierarchy = Graph()
    for t in s.triples("https://w3id.org/athar/ontology"):
        if t[1] == RDFS.subClassOf:
            hierarchy.add(t)
    checks = compile_shapes(load_shapes(), hierarchy)
    fired = {c.component for c in checks if check.run(s, [c], names[2:])}
    kinds = {c.component for c in checks}
    assert {"minCount", "maxCount", "datatype", "class", "nodeKind", "in", "hasValue", "minInclusive", "minLength",
            "uniqueLang", "or", "lessThan", "qualifiedMinCount", "sparql"} <= kinds, kinds
    assert fired == kinds, f"never broken: {kinds - fired}"


def test_the_checks_of_a_shape_run_together_find_what_each_finds_alone(broken):
    """run() merges the checks on one focus into one query (?k_ names the check): the same rows."""
    from athar.graph import check
    from athar.graph.validate import compile_shapes

    s, names = broken
    hierarchy = Graph()
    for t in s.triples("https://w3id.org/athar/ontology"):
        if t[1] == RDFS.subClassOf:
            hierarchy.add(t)
    checks = compile_shapes(load_shapes(), hierarchy)
    merged = [members for _, members in check._queries(checks) if len(members) > 1]
    assert {m[0].kind for m in merged} == {"absent", "count"}, "no checks were merged"
    alone = Counter(row for c in checks for row in check.run(s, [c], names))
    together = Counter(check.run(s, checks, names))
    assert together == alone
    fired = {row[4] for row in together}
    assert {kind for group in merged for c in group if c.message in fired for kind in [c.kind]} == {"absent", "count"}


def test_checks_written_for_the_store_find_what_the_plain_checks_find(broken):
    """Told which predicates the gazetteer and ontology hold, the compiler writes checks that find
    their rows first and look the focus up after (value tests, SPARQL constraints): the same rows
    as the checks joined with the focus, over every graph and over a few (the ledger's runs)."""
    from athar.graph import check
    from test_validate_tally import compiled_checks

    s, names = broken
    plain, tuned = compiled_checks(s)
    apart = [c for c in tuned if c.component == "sparql" and c.query.startswith("SELECT ?g ?this ?value WHERE { { SELECT")]
    assert {c.shape.rsplit("#", 1)[-1] for c in apart} >= {"Evidence", "Liberated", "RelationStatement"}, apart
    found = Counter(check.run(s, tuned, names))
    assert found == Counter(check.run(s, plain, names))
    assert {row[4] for row in found} >= {c.message for c in apart if c.shape.endswith(("#Evidence", "#Liberated"))}
    few = [names[0], *names[-4:]]
    assert Counter(check.run(s, tuned, few)) == Counter(check.run(s, plain, few))


def test_a_shape_the_fast_engine_cannot_compile_fails_at_load():
    from athar.errors import OntologyError
    from athar.graph.validate import compile_shapes

    shapes = load_shapes()
    shapes.add((URIRef("https://w3id.org/athar/shapes#Event"), URIRef(SH + "closed"), Literal(True)))
    with pytest.raises(OntologyError, match="shacl#closed.*--engine pyshacl"):
        compile_shapes(shapes, Graph())


def test_cli_validate_engines_agree(tmp_path):
    path = tmp_path / "store"
    with Store(path) as s:
        build(s, [CORPUS / f"{SEED}.ar.txt"])
        graph = str(AID[graph_of(SEED)])
        s.replace_graph(graph, [t for t in s.triples(graph) if t[1] != ATHAR.evidence])
    outs = {}
    for engine in ("fast", "pyshacl"):
        outs[engine] = tmp_path / f"{engine}.txt"
        assert main(["validate", "--store", str(path), "--engine", engine, "-o", str(outs[engine])]) == 1
    fast = outs["fast"].read_text(encoding="utf-8")
    assert "no athar:evidence" in fast
    assert fast == outs["pyshacl"].read_text(encoding="utf-8")
    assert main(["validate", "--store", str(path), "--engine", "fast", "-f", "ttl"]) != 0


# -- incremental validation: each graph's findings kept with its digest (graph/ledger.py) -------

def _copy(store: Store, path: Path) -> Store:
    """The store on disk; each broken copy of the seed's graph says its own content hash, as a
    document graph does (a graph that does not is checked every time)."""
    s = Store(path)
    for name in store.graphs():
        own = [(URIRef(name), ATHAR.contentHash, Literal(name))] if "/doc/broken-" in name else []
        s.replace_graph(name, [*store.triples(name), *own])
    return s


def test_incremental_validation_rechecks_only_changed_graphs_and_agrees_with_pyshacl(broken, tmp_path):
    src, names = broken
    s = _copy(src, tmp_path / "store")
    first = validate(s)
    assert set(first.checked) == set(first.graphs) and (tmp_path / "store" / "validation.json").is_file()
    again = validate(s)
    assert again.checked == [], again.checked
    assert Counter(map(_key, again.findings)) == Counter(map(_key, first.findings))
    assert "0 re-checked" in format_report(again)
    # a document read again: the seed's graph with another content hash and one more breakage
    seed = str(AID[graph_of(SEED)])
    g = Graph()
    for t in s.triples(seed):
        g.add(t)
    g.set((URIRef(seed), ATHAR.contentHash, Literal("0" * 64)))
    BREAKAGES["SPARQL (unbacked shortcut)"](g)
    s.replace_graph(seed, g)
    s.drop_graph(names[-1])  # and a document removed
    third = validate(s)
    assert third.checked == [seed], third.checked
    assert f"1 re-checked: corpus/{SEED}.ar.txt; {len(third.graphs) - 1} unchanged" in format_report(third)
    assert names[-1] not in third.graphs
    reference = validate(s, engine="pyshacl")
    negative = str(AID[f"doc/broken-{list(BREAKAGES).index('minInclusive (negative begin)')}"])

    def key(f):  # the one known difference (see test_fast_engine_equals_pyshacl_on_every_breakage)
        return _key(f)[:-1] + (None if f.graph == negative and f.shape.endswith("#Evidence") and f.path is None
                               else f.value,)

    assert Counter(map(key, third.findings)) == Counter(map(key, reference.findings))
    assert any("not backed" in f.message for f in _violations(third.findings) if f.graph == seed)
    assert Counter(map(_key, third.findings)) == Counter(map(_key, validate(s, every=True).findings))
    s.close()


def test_a_graph_edited_in_place_is_seen_with_all(tmp_path):
    path = tmp_path / "store"
    with Store(path) as s:
        build(s, [CORPUS / f"{SEED}.ar.txt"])
    assert main(["validate", "--store", str(path), "-o", str(tmp_path / "1.txt")]) == 0
    with Store(path) as s:  # the content hash stays: the ledger cannot tell
        graph = str(AID[graph_of(SEED)])
        s.replace_graph(graph, [t for t in s.triples(graph) if t[1] != ATHAR.evidence])
    assert main(["validate", "--store", str(path), "-o", str(tmp_path / "2.txt")]) == 0
    assert "0 re-checked" in (tmp_path / "2.txt").read_text(encoding="utf-8")
    assert main(["validate", "--store", str(path), "--all", "-o", str(tmp_path / "3.txt")]) == 1
    assert "no athar:evidence" in (tmp_path / "3.txt").read_text(encoding="utf-8")


def test_a_sparql_constraint_the_rewrite_cannot_write_fails_at_load():
    from rdflib import Namespace

    from athar.errors import OntologyError
    from athar.graph.validate import compile_shapes

    sh = Namespace(SH)
    shapes = load_shapes()
    constraint = shapes.value(URIRef("https://w3id.org/athar/shapes#Liberated"), sh.sparql)
    text = str(shapes.value(constraint, sh.select))
    shapes.set((constraint, sh.select, Literal(text.replace("$this athar:liberated ?value",
                                                            "$this athar:liberated|athar:rebuilt ?value"))))
    with pytest.raises(OntologyError, match="shapes#Liberated.*property path.*--engine pyshacl"):
        compile_shapes(shapes, Graph())
