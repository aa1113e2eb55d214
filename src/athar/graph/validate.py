"""Validation: each document's named graph against the SHACL shapes of ``ontology/shapes.ttl``.

Each document graph is checked with the ontology beside it (so that
``sh:targetClass athar:Event`` reaches ``athar:Liberation`` through
``rdfs:subClassOf``) and the gazetteer graph (so that an entity's class and
labels from the gazetteer count). Only results about nodes of the graph being
checked are kept: the background is context, not the subject of the check.
The gazetteer graph is checked on its own as well.

A finding names the entity (the focus node), the shape and its message, and
the evidence sentence when the focus node has one. Violations make the graph
invalid; warnings are reported but do not (see the comments in shapes.ttl).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef

from athar.errors import OntologyError
from athar.graph.terms import (
    AID, ATHAR, MAPPINGS_GRAPH, NIF, ONTOLOGY_GRAPH, ONTOLOGY_PATH, PREFIXES, SHAPES_PATH,
)
from athar.graph.rdf import ENTITIES_GRAPH, GAZETTEER_GRAPH, gazetteer_graph
from athar.graph.listing import ROWS_GRAPH
from athar.graph.pagekey import KEYS_GRAPH
from athar.graph.summary import SUMMARY_GRAPH
from athar.graph.store import Store, Table

log = logging.getLogger(__name__)

SH = Namespace(PREFIXES["sh"])
SHAPES_NS = PREFIXES["ashape"]
FORMATS = ("table", "ttl")
ENGINES = ("fast", "pyshacl")
# Graphs that are derived or are vocabularies, or the bookkeeping of ingest (athar.graph.provenance):
# no facts to check.
_SKIP = (str(ONTOLOGY_GRAPH), str(AID["graph/inferred"]), str(MAPPINGS_GRAPH), str(ENTITIES_GRAPH),
         str(SUMMARY_GRAPH), str(AID["graph/sources"]), str(KEYS_GRAPH), str(ROWS_GRAPH))
_SHORT = ((str(AID), "aid:"), (str(ATHAR._NS), "athar:"), (SHAPES_NS, "ashape:"),
          (PREFIXES["rdf"], "rdf:"), (PREFIXES["rdfs"], "rdfs:"), (str(NIF), "nif:"))


@dataclass(frozen=True)
class Finding:
    """One SHACL result: which graph, which entity, which shape said what."""

    graph: str
    focus: str
    severity: str  # Violation | Warning | Info
    shape: str
    message: str
    path: str | None = None
    value: str | None = None
    sentence: str | None = None


@dataclass
class ValidationReport:
    findings: list[Finding] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)
    shacl: Graph = field(default_factory=Graph)  # the SHACL results graph; built by the pyshacl engine only
    engine: str = "pyshacl"
    checked: list[str] | None = None  # the graphs checked now, when the others' findings were kept (ledger.py)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Warning"]

    @property
    def conforms(self) -> bool:
        return not self.violations


def load_shapes(path=SHAPES_PATH) -> Graph:
    """The shapes graph; an unreadable file is an :class:`OntologyError`."""
    try:
        return Graph().parse(str(path), format="turtle")
    except Exception as e:  # rdflib raises many parser errors
        raise OntologyError(f"{path}: cannot read the SHACL shapes ({e})") from e


def default_background() -> Graph:
    """The ontology and the gazetteer, as ``build`` loads them, for graphs not in a store."""
    g = Graph()
    try:
        g.parse(str(ONTOLOGY_PATH), format="turtle")
    except Exception as e:
        raise OntologyError(f"{ONTOLOGY_PATH}: cannot read the ontology ({e})") from e
    g += gazetteer_graph()
    return g


def validate_graph(data: Graph, background: Graph | None = None, *, graph_iri: str = "",
                   shapes: Graph | None = None, prepared: dict | None = None) -> tuple[list[Finding], Graph]:
    """Check one graph; return its findings and the SHACL results graph (results on its nodes only).
    ``prepared`` keeps the shapes' SPARQL parsed from one graph to the next (give the same dict)."""
    import pyshacl

    shapes = load_shapes() if shapes is None else shapes
    background = default_background() if background is None else background
    merged = _PreparedQueryGraph({} if prepared is None else prepared)
    merged += data
    merged += background
    own = {s for s in data.subjects() if not isinstance(s, Literal)}
    try:
        # inplace: merged is already a copy; pyshacl's focus_nodes would skip rdfs:subClassOf targets
        _, results, _ = pyshacl.validate(merged, shacl_graph=shapes, inference="none", allow_warnings=True,
                                         inplace=True)
    except Exception as e:  # pyshacl reports bad shapes with its own errors
        raise OntologyError(f"{SHAPES_PATH}: SHACL validation failed ({e})") from e
    findings, kept = [], Graph()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        if focus not in own:
            continue
        for t in _closure(results, result):
            kept.add(t)
        findings.append(_finding(results, result, shapes, merged, graph_iri))
    findings.sort(key=lambda f: (f.graph, f.severity != "Violation", f.focus, f.shape, f.message))
    return findings, kept


def validate(store: Store, graphs: Iterable[str] | None = None, *, engine: str = "fast",
             every: bool = False) -> ValidationReport:
    """Check every document graph of the store (and the gazetteer graph) against the shapes.
    ``engine`` "fast" runs the shapes compiled into SPARQL over all graphs at once (athar.graph.shacl);
    "pyshacl" runs pyshacl graph by graph, and also builds the SHACL report graph (``report.shacl``).
    The fast engine on a store in a folder keeps each graph's findings there (athar.graph.ledger)
    and re-checks only the graphs that changed since; ``every`` checks them all."""
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}: one of {', '.join(ENGINES)}")
    shapes = load_shapes()
    names = list(graphs) if graphs is not None else [g for g in store.graphs() if g not in _SKIP]
    background = _graph(store, str(ONTOLOGY_GRAPH))
    if not len(background):
        log.info("no ontology graph in the store; using %s", ONTOLOGY_PATH)
        background = default_background()
    # The class hierarchy is all of the ontology the shapes read (sh:class, sh:targetClass and the
    # SPARQL constraints follow rdfs:subClassOf); the gazetteer is read for the entities a graph
    # names. Merging the whole background into each graph made pyshacl check every gazetteer
    # entry again for every document (0.5 s a document); this context is the same for the
    # document's own nodes, which are all a finding is reported about.
    hierarchy = Graph()
    for t in background.triples((None, RDFS.subClassOf, None)):
        hierarchy.add(t)
    if engine == "fast":
        if not isinstance(store, Store):
            # the compiled queries are checked against pyshacl on Oxigraph only; another server's
            # SPARQL (Virtuoso's literals and paths) answers them otherwise
            log.info("a remote store: validating with pyshacl, graph by graph")
        elif str(ONTOLOGY_GRAPH) in store.graphs():
            keep = graphs is None and store.path is not None  # the ledger speaks of every graph of the store
            return _validate_fast(store, names, shapes, hierarchy, keep=keep, reuse=keep and not every)
        else:
            log.info("no ontology graph in the store for the SHACL-SPARQL constraints: validating with pyshacl")
    gazetteer = _graph(store, str(GAZETTEER_GRAPH))
    report = ValidationReport(graphs=names)
    prepared: dict[str, object] = {}  # each SPARQL constraint parsed once, not once per graph
    for name in names:
        data = _graph(store, name)
        context = Graph()
        context += hierarchy
        if name != str(GAZETTEER_GRAPH):
            _add_described(context, gazetteer, set(data.subjects()) | set(data.objects()))
        findings, results = validate_graph(data, context, graph_iri=name, shapes=shapes, prepared=prepared)
        report.findings += findings
        report.shacl += results
    _add_report_node(report)
    return report


def _validate_fast(store: Store, names: list[str], shapes: Graph, hierarchy: Graph, *, keep: bool = False,
                   reuse: bool = False) -> ValidationReport:
    """The compiled checks over ``names``; ``keep``: write each graph's findings to the ledger,
    ``reuse``: take the findings of the graphs unchanged since from it, and check only the others."""
    from athar.graph import check
    from athar.graph.ledger import Ledger, context_digest

    background = [str(GAZETTEER_GRAPH), str(ONTOLOGY_GRAPH)]
    predicates = {g: {r["p"].value for r in store.query(f"SELECT DISTINCT ?p WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")}
                  for g in background}
    checks = compile_shapes(shapes, hierarchy, holds=lambda g, p: str(p) in predicates[g])
    kept, todo = [], names
    if keep:
        gazetteer = sorted(f"{s.n3()} {p.n3()} {o.n3()}" for s, p, o in store.triples(str(GAZETTEER_GRAPH)))
        book = Ledger.load(store.path, context_digest(*(c.query for c in checks), *gazetteer))
        digests = _digests(store, names)
        if str(GAZETTEER_GRAPH) in digests:  # its triples are in the context: findings kept while it is the same
            digests[str(GAZETTEER_GRAPH)] = "context"
        if reuse:
            same = book.unchanged(digests)
            todo = [g for g in names if g not in same]
            if len(todo) > len(names) // 10:  # a long VALUES of graphs costs as much as all of them
                todo = names
            kept = [Finding(*row) for g in names if g not in todo for row in book.findings(g)]
    rows = check.run(store, checks, todo)
    sentences = _sentences(store, {(r[0], r[1]) for r in rows})
    findings = [Finding(*row, sentence=sentences.get((row[0], row[1]))) for row in rows]
    if keep:
        book.record(digests, todo, findings)
        book.save()
    findings += kept
    findings.sort(key=lambda f: (f.graph, f.severity != "Violation", f.focus, f.shape, f.message))
    return ValidationReport(findings=findings, graphs=names, engine="fast", checked=todo if reuse else None)


def _digests(store: Store, names: list[str]) -> dict[str, str]:
    """Each graph's content hash and reader digest, as the graph states them ("" when it does not)."""
    found = {r["g"].value: f'{r["h"].value} {r["d"].value if r["d"] is not None else ""}' for r in store.query(
        f"SELECT ?g ?h ?d WHERE {{ GRAPH ?g {{ ?g <{ATHAR.contentHash}> ?h OPTIONAL {{ ?g <{ATHAR.extractedBy}> ?d }} }} }}",
        union=False)}
    return {g: found.get(g, "") for g in names}


def compile_shapes(shapes: Graph, hierarchy: Graph, holds=None) -> list:
    """The shapes as the fast engine's queries (:class:`athar.graph.check.Check`); ``hierarchy``
    holds the ontology's rdfs:subClassOf triples; ``holds(graph, predicate)`` may say which
    predicates the gazetteer and ontology graphs have (the SHACL-SPARQL constraints read them
    beside each graph). Shapes it cannot compile raise OntologyError."""
    from athar.graph import shacl

    return shacl.Compiler(shapes, hierarchy, str(GAZETTEER_GRAPH), _shape_name,
                          [str(GAZETTEER_GRAPH), str(ONTOLOGY_GRAPH)], holds).compile()


def _sentences(store: Store, foci: set[tuple[str, str]]) -> dict:
    """The evidence sentence of each (graph, focus) as :func:`_sentence` finds it, in three queries
    over the graphs with findings (not each graph read into rdflib)."""
    if not foci:
        return {}
    graphs = " ".join(f"<{g}>" for g in sorted({g for g, _ in foci}))
    sentence, evidence, pointing = {}, {}, {}
    each = "SELECT ?g ?s ?o WHERE {{ VALUES ?g {{ {} }} GRAPH ?g {{ ?s <{}> ?o }} }}"
    for r in store.query(each.format(graphs, ATHAR.sentence)):
        sentence.setdefault((r["g"].value, r["s"].value), r["o"].value)
    for r in store.query(each.format(graphs, ATHAR.evidence)):
        evidence.setdefault((r["g"].value, r["s"].value), []).append(r["o"].value)
    rows = " ".join(f"(<{g}> <{f}>)" for g, f in sorted(foci) if ":" in f)  # IRIs, not blank nodes' ids
    for r in store.query(f"SELECT ?g ?s ?p ?f WHERE {{ VALUES (?g ?f) {{ {rows} }} GRAPH ?g {{ ?s ?p ?f }} }}"):
        pointing.setdefault((r["g"].value, r["f"].value), []).append((r["s"].value, r["p"].value))

    def own(g, node):
        if (g, node) in sentence:
            return sentence[(g, node)]
        return next((sentence[(g, ev)] for ev in evidence.get((g, node), ()) if (g, ev) in sentence), None)

    out = {}
    for g, f in foci:
        owners = [s for s, p in pointing.get((g, f), ()) if p == str(ATHAR.amount)]
        found = next((x for x in (own(g, n) for n in [f, *owners]) if x is not None), None)
        if found is None:
            for s in sorted(s for s, _ in pointing.get((g, f), ())):
                found = next((sentence[(g, ev)] for ev in evidence.get((g, s), ()) if (g, ev) in sentence), None)
                if found is not None:
                    break
        out[(g, f)] = found
    return out


def report_table(report: ValidationReport) -> Table:
    """The findings as a table: severity, entity, shape, message, evidence."""
    rows = [[f.severity, _short(f.focus), _short(f.shape), f.message + (f" ({_short(f.value)})" if f.value else ""),
             f.sentence] for f in report.findings]
    return Table(["severity", "entity", "shape", "message", "evidence"], rows)


def _document(graph: str) -> str:
    """A document graph by its document's identity ("corpus/report.txt"), another graph in short."""
    doc = str(AID["doc/"])
    return unquote(graph[len(doc):]) if graph.startswith(doc) else _short(graph)


def report_turtle(report: ValidationReport) -> str:
    """The SHACL validation report in Turtle (pyshacl's: the fast engine builds findings only)."""
    if report.engine != "pyshacl":
        raise OntologyError("the SHACL report in Turtle is built by the pyshacl engine only; validate with "
                            "engine='pyshacl' (athar validate -f ttl does)")
    report.shacl.bind("sh", SH)
    report.shacl.bind("aid", AID)
    report.shacl.bind("athar", ATHAR._NS)
    report.shacl.bind("ashape", SHAPES_NS)
    return report.shacl.serialize(format="turtle")


def report_summary(report: ValidationReport) -> str:
    """One line: how many graphs were checked (and how many of them again, when the others had not
    changed since the last validation), with how many violations (and in which documents: the
    first five, by their identity "corpus/report.txt") and warnings."""
    where = list(dict.fromkeys(_document(f.graph) for f in report.violations))
    named = f" ({', '.join(where[:5])}{', ...' if len(where) > 5 else ''})" if where else ""
    again = ""
    if report.checked is not None and len(report.checked) < len(report.graphs):
        which = [_document(g) for g in report.checked[:5]]
        which_text = f": {', '.join(which)}{', ...' if len(report.checked) > 5 else ''}" if which else ""
        again = (f" ({len(report.checked)} re-checked{which_text}; {len(report.graphs) - len(report.checked)} "
                 "unchanged since the last validation, their findings kept; --all re-checks every graph)")
    return (f"{len(report.graphs)} graph{'s' if len(report.graphs) != 1 else ''} checked{again}: "
            f"{len(report.violations)} violation{'s' if len(report.violations) != 1 else ''}{named}, "
            f"{len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''}")


# -- helpers ----------------------------------------------------------------

class _PreparedQueryGraph(Graph):
    """A graph that parses each SPARQL text once.

    pyshacl runs a SHACL-SPARQL constraint once per focus node with the same
    text; rdflib would parse it every time (most of the validation time). The cache
    is the caller's, so that the graphs of one validation share it.
    """

    def __init__(self, prepared: dict[str, object]) -> None:
        super().__init__()
        self._prepared = prepared

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            from rdflib.plugins.sparql import prepareQuery

            prepared = self._prepared.get(query_object)
            if prepared is None:
                prepared = self._prepared[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(query_object, *args, **kwargs)


def _add_described(context: Graph, source: Graph, nodes: set) -> None:
    """Add what ``source`` says about ``nodes``, and about the nodes that says they point to
    (Tabqa lies in Raqqa Governorate, which is a Place), to ``context``."""
    todo, seen = [n for n in nodes if isinstance(n, URIRef)], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for t in source.triples((node, None, None)):
            context.add(t)
            if isinstance(t[2], URIRef):
                todo.append(t[2])


def _graph(store: Store, name: str) -> Graph:
    g = Graph()
    for t in store.triples(name):
        g.add(t)
    return g


def _closure(g: Graph, node) -> Iterable[tuple]:
    """The triples of a result node and of the blank nodes under it."""
    todo, seen = [node], set()
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        for s, p, o in g.triples((n, None, None)):
            yield s, p, o
            if isinstance(o, BNode):
                todo.append(o)


def _finding(results: Graph, result, shapes: Graph, data: Graph, graph_iri: str) -> Finding:
    focus = results.value(result, SH.focusNode)
    severity = results.value(result, SH.resultSeverity)
    source = results.value(result, SH.sourceShape)
    message = results.value(result, SH.resultMessage)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    return Finding(
        graph=graph_iri,
        focus=str(focus),
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
        shape=_shape_name(shapes, source),
        message=str(message) if message else str(results.value(result, SH.sourceConstraintComponent)),
        path=None if path is None or isinstance(path, BNode) else str(path),
        value=None if value is None or isinstance(value, BNode) else str(value),
        sentence=_sentence(data, focus),
    )


def _shape_name(shapes: Graph, shape) -> str:
    """A property shape is a blank node: name it by the node shape that holds it, and its path."""
    if isinstance(shape, BNode):
        parent = shapes.value(None, SH.property, shape)
        path = shapes.value(shape, SH.path)
        if parent is not None:
            return f"{parent}" + (f" / {_short(str(path))}" if isinstance(path, URIRef) else "")
    return str(shape)


def _sentence(data: Graph, focus) -> str | None:
    """The evidence sentence of the focus node: its own, its fact's, or the fact's whose amount it is."""
    candidates = [focus]
    candidates += list(data.subjects(ATHAR.amount, focus))
    for node in candidates:
        sentence = data.value(node, ATHAR.sentence)
        if sentence is not None:
            return str(sentence)
        for ev in data.objects(node, ATHAR.evidence):
            sentence = data.value(ev, ATHAR.sentence)
            if sentence is not None:
                return str(sentence)
    # an entity: the first sentence of a fact that names it
    for s, _, _ in sorted(data.triples((None, None, focus)), key=lambda t: str(t[0])):
        for ev in data.objects(s, ATHAR.evidence):
            sentence = data.value(ev, ATHAR.sentence)
            if sentence is not None:
                return str(sentence)
    return None


def _add_report_node(report: ValidationReport) -> None:
    node = BNode()
    report.shacl.add((node, RDF.type, SH.ValidationReport))
    report.shacl.add((node, SH.conforms, Literal(report.conforms)))
    for result in set(report.shacl.subjects(RDF.type, SH.ValidationResult)):
        report.shacl.add((node, SH.result, result))


def _short(iri: str | None) -> str:
    if iri is None:
        return ""
    for long, short in _SHORT:
        if iri.startswith(long):
            return short + iri[len(long):]
    return iri


__all__ = ["ENGINES", "FORMATS", "compile_shapes", "SHAPES_PATH", "Finding", "ValidationReport", "default_background", "report_summary", "report_table", "report_turtle",
           "load_shapes", "validate", "validate_graph"]
