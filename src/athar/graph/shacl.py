"""The SHACL shapes compiled into SPARQL SELECT queries that Oxigraph runs over all document graphs at once.

pyshacl evaluates each constraint in Python, node by node, graph by graph (about 0.06 s of CPU
a document). Here each constraint of ``ontology/shapes.ttl`` becomes one query with a
``GRAPH ?g`` pattern, so each row names its document graph, its focus node and its value; the
rows become the same :class:`~athar.graph.validate.Finding` objects pyshacl's results do.

What a document graph is checked against is what ``validate`` gives pyshacl: the graph itself,
the gazetteer graph (an entity's class and labels) and the class hierarchy of the ontology
(``rdfs:subClassOf``, closed in Python and written into the queries as ``VALUES``). Only nodes
that are subjects of the graph are focus nodes. A SHACL-SPARQL constraint reads the default graph
(for a document: the graph, the gazetteer and the ontology); its text is rewritten to read
``GRAPH ?g`` and those two (athar.graph.constraint), so that it too is one query over all graphs.

Only the subset the shapes use is compiled; any other shape feature raises
:class:`~athar.errors.OntologyError` when the shapes are loaded, so a new shape cannot be
silently ignored (``athar validate --engine pyshacl`` still checks everything).
"""

from __future__ import annotations

import itertools

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from athar.errors import OntologyError
from athar.graph import tally
from athar.graph.check import Check
from athar.graph.constraint import Rewrite, Unsupported
from athar.graph.terms import PREFIXES, SHAPES_PATH

SH = Namespace(PREFIXES["sh"])
XSD = Namespace(PREFIXES["xsd"])
_NODE_KINDS = {
    SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))", SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
}
# datatypes whose lexical form Oxigraph checks by a cast (an ill-typed literal fails sh:datatype)
_CASTS = {XSD[t] for t in ("date", "gYearMonth", "gYear", "duration", "decimal", "integer", "boolean",
                           "double", "float", "dateTime")}
_VALUE_KEYS = {SH.datatype, SH["class"], SH.nodeKind, SH["in"], SH.minInclusive, SH.minLength, SH.languageIn,
               SH["or"], SH.lessThan}
_FOCUS_KEYS = {SH.minCount, SH.maxCount, SH.hasValue, SH.uniqueLang, SH.qualifiedValueShape, SH.qualifiedMinCount}
_ANNOTATIONS = {RDF.type, RDFS.comment, RDFS.label, SH.message, SH.severity, SH.path, SH.property,
                SH.targetClass, SH.targetSubjectsOf, SH.sparql, SH.name, SH.description}


class Compiler:
    """Turns the shapes graph into :class:`Check` objects; ``hierarchy`` holds rdfs:subClassOf.
    A SHACL-SPARQL constraint reads ``background`` (graph IRIs) beside each graph; ``holds(graph,
    predicate)``, when given, says which predicates a background graph has (see constraint.py)."""

    def __init__(self, shapes: Graph, hierarchy: Graph, gazetteer: str, shape_name,
                 background: list[str] | None = None, holds=None) -> None:
        self.shapes, self.gazetteer, self.shape_name = shapes, gazetteer, shape_name
        self.background = [gazetteer] if background is None else background
        self.holds = holds
        self.supers: dict = {}
        for s, o in hierarchy.subject_objects(RDFS.subClassOf):
            self.supers.setdefault(s, set()).add(o)
        self._fresh = itertools.count()

    # -- the class hierarchy, closed in Python --------------------------------
    def _above(self, cls, strict: bool) -> set:
        """The classes above ``cls`` (itself too unless ``strict``)."""
        seen, todo = set(), list(self.supers.get(cls, ())) if strict else [cls]
        while todo:
            c = todo.pop()
            if c not in seen:
                seen.add(c)
                todo += self.supers.get(c, ())
        return seen

    def below(self, cls) -> list:
        """``cls`` and every class below it (rdfs:subClassOf*), sorted."""
        classes = set(self.supers) | {cls}
        return sorted(c for c in classes if cls in self._above(c, strict=False))

    # -- SPARQL pieces -------------------------------------------------------
    def var(self, name: str) -> str:
        return f"?{name}{next(self._fresh)}"

    def triple(self, s: str, p, o: str) -> str:
        """A triple of the graph checked (?g) or of the gazetteer beside it (when the gazetteer
        has that predicate: a union with a branch without ?g makes Oxigraph join on the node
        alone, across every graph that names it)."""
        if self.holds is not None and not self.holds(self.gazetteer, p):
            return f"{{ %ONLY% GRAPH ?g {{ {s} {_n3(p)} {o} }} }}"
        return (f"{{ {{ %ONLY% GRAPH ?g {{ {s} {_n3(p)} {o} }} }} UNION "
                f"{{ GRAPH <{self.gazetteer}> {{ {s} {_n3(p)} {o} }} }} }}")

    def focused(self, focus: str, path, value: str) -> str:
        """The focus (?g ?this) joined with the values of ``path``, as two joins (with ?g, with the
        gazetteer) when the gazetteer holds it: joined with their union on ?this alone, an entity's
        labels in every graph met its focus in every graph (uniqueLang: 8.5 s, so 4.5 s at 10,000)."""
        if isinstance(path, URIRef) and (self.holds is None or self.holds(self.gazetteer, path)):
            return (f"{{ {focus} {{ %ONLY% GRAPH ?g {{ ?this {_n3(path)} {value} }} }} }} UNION "
                    f"{{ {focus} GRAPH <{self.gazetteer}> {{ ?this {_n3(path)} {value} }} }}")
        return f"{focus} {self.path('?this', path, value)}"

    def is_a(self, node: str, cls) -> str:
        t = self.var("t")
        return f"{self.triple(node, RDF.type, t)} VALUES {t} {{ {' '.join(_n3(c) for c in self.below(cls))} }}"

    def path(self, focus: str, path, value: str) -> str:
        """The pattern binding ``value`` to each value of ``path`` from ``focus``."""
        if isinstance(path, URIRef):
            return self.triple(focus, path, value)
        steps = list(Collection(self.shapes, path)) if (path, RDF.first, None) in self.shapes else None
        if not steps or not isinstance(steps[0], URIRef):
            raise self._unsupported(path, "a path that is not an IRI or a sequence starting with one")
        # the rest of the sequence walks the class hierarchy: closed here into (start, end) pairs
        pairs = None
        for step in steps[1:]:
            one = self._hierarchy_step(step)
            pairs = one if pairs is None else {(a, c) for a, b in pairs for b2, c in one if b == b2}
        mid = self.var("c")
        rows = " ".join(f"({_n3(a)} {_n3(b)})" for a, b in sorted(pairs or ()))
        return f"{self.triple(focus, steps[0], mid)} VALUES ({mid} {value}) {{ {rows} }}"

    def _hierarchy_step(self, step) -> set:
        if step == RDFS.subClassOf:
            return {(a, b) for a, bs in self.supers.items() for b in bs}
        more = self.shapes.value(step, SH.oneOrMorePath)
        if more == RDFS.subClassOf:
            return {(a, b) for a in self.supers for b in self._above(a, strict=True)}
        raise self._unsupported(step, "a path step other than rdfs:subClassOf or its sh:oneOrMorePath after the first")

    # -- constraints ---------------------------------------------------------
    def value_fails(self, shape, key, arg, v: str, focus: str) -> str:
        """A pattern that matches when value node ``v`` fails the constraint ``key arg``."""
        if key == SH.datatype:
            if arg == XSD.string:
                ok = f"(isLiteral({v}) && lang({v}) = '' && datatype({v}) = {_n3(XSD.string)})"
            elif arg == RDF.langString:
                ok = f"(isLiteral({v}) && lang({v}) != '')"
            else:
                ok = f"(isLiteral({v}) && datatype({v}) = {_n3(arg)})"
                if arg in _CASTS:
                    ok = f"({ok} && STRLEN(STR({_n3(arg)}(STR({v})))) >= 0)"
            return f"FILTER (!COALESCE({ok}, false))"
        if key == SH["class"]:
            return f"FILTER (isLiteral({v}) || NOT EXISTS {{ {self.is_a(v, arg)} }})"
        if key == SH.nodeKind:
            if arg not in _NODE_KINDS:
                raise self._unsupported(shape, f"sh:nodeKind {arg}")
            return f"FILTER (!{_NODE_KINDS[arg].format(v=v)})"
        if key == SH["in"]:
            members = list(Collection(self.shapes, arg))
            return f"FILTER (!({' || '.join(f'sameTerm({v}, {_n3(m)})' for m in members) or 'false'}))"
        if key == SH.minInclusive:
            return f"FILTER (!COALESCE({v} >= {_n3(arg)}, false))"
        if key == SH.minLength:
            return f"FILTER (isBlank({v}) || STRLEN(STR({v})) < {int(arg)})"
        if key == SH.languageIn:
            tags = [str(t) for t in Collection(self.shapes, arg)]
            ok = " || ".join(f"langMatches(lang({v}), {_n3(Literal(t))})" for t in tags) or "false"
            return f"FILTER (!COALESCE(isLiteral({v}) && ({ok}), false))"
        if key == SH["or"]:
            members = list(Collection(self.shapes, arg))
            tests = [self.violation_test(m, v) for m in members]
            return "FILTER (" + " && ".join(f"({t})" if t else f"EXISTS {{ {self.violation(m, v)} }}"
                                            for m, t in zip(members, tests)) + ")"
        if key == SH.lessThan:
            o = self.var("o")
            return f"{self.triple(focus, arg, o)} FILTER (!COALESCE({v} < {o}, false))"
        raise self._unsupported(shape, f"the constraint {key}")

    def classes(self, key, arg) -> list | None:
        """The classes a value must have one of, for sh:class and an sh:or of shapes that are each
        one sh:class (a value fails them all when it is none of their classes); else None."""
        if key == SH["class"]:
            return self.below(arg)
        if key != SH["or"]:
            return None
        out = set()
        for member in Collection(self.shapes, arg):
            said = list(self.shapes.predicate_objects(member))
            if len(said) != 1 or said[0][0] != SH["class"]:
                return None
            out.update(self.below(said[0][1]))
        return sorted(out)

    def class_fails(self, v: str, classes: list) -> str:
        """What is left of the rows when the values ``v`` of one of ``classes`` (in their graph or
        the gazetteer) are taken out. Two MINUS are one pass each over the typed nodes, where a
        FILTER NOT EXISTS looked each value up (the EventLike targets' classes: 3.05 s at
        10,000 documents, 0.25 s so); a literal is never typed, so it fails, as in ``value_fails``."""
        t, listed = self.var("t"), " ".join(_n3(c) for c in classes)
        out = f"MINUS {{ %ONLY% GRAPH ?g {{ {v} {_n3(RDF.type)} {t} }} VALUES {t} {{ {listed} }} }}"
        if self.holds is None or self.holds(self.gazetteer, RDF.type):
            out += f" MINUS {{ GRAPH <{self.gazetteer}> {{ {v} {_n3(RDF.type)} {t} }} VALUES {t} {{ {listed} }} }}"
        return out

    def focus_fails(self, shape, key, arg, focus: str, path, top: bool = False) -> str:
        """A pattern that matches when ``focus`` fails the constraint ``key arg`` on its ``path`` values.
        ``top``: the focus is the query's own ?this (not a node bound outside a nested pattern), and
        "no such value" is written as a MINUS of the (?g ?this) that have one, which Oxigraph
        answers by one pass over the values where FILTER NOT EXISTS looks them up focus by focus
        (the Entity label checks: 0.26 s against 1.2 s at 1,000 documents). A value read from the
        gazetteer (no ?g) takes its entity out in every graph, as it counts for each of them."""
        v = self.var("v")
        # %ONLY%: the few graphs a run is restricted to (a MINUS is evaluated on its own, not per focus)
        absent = (lambda pattern: f"MINUS {{ %ONLY% {pattern} }}") if top else \
            (lambda pattern: f"FILTER NOT EXISTS {{ {pattern} }}")
        if key == SH.minCount:
            if int(arg) != 1:
                raise self._unsupported(shape, "sh:minCount other than 1")
            return absent(self.path(focus, path, v))
        if key == SH.maxCount:
            n = self.var("n")
            only = "%ONLY% " if top else ""
            return (f"{{ SELECT ?g {focus} (COUNT(DISTINCT {v}) AS {n}) WHERE {{ {only}{self.path(focus, path, v)} }} "
                    f"GROUP BY ?g {focus} }} FILTER ({n} > {int(arg)})")
        if key == SH.hasValue:
            return absent(f"{self.path(focus, path, v)} FILTER (sameTerm({v}, {_n3(arg)}))")
        if key == SH.qualifiedMinCount:
            q = self.shapes.value(shape, SH.qualifiedValueShape)
            if q is None or int(arg) != 1:
                raise self._unsupported(shape, "sh:qualifiedMinCount other than 1 with a sh:qualifiedValueShape")
            test = self.violation_test(q, v)
            if test:
                return absent(f"{self.path(focus, path, v)} FILTER (!({test}))")
            return absent(f"{self.path(focus, path, v)} FILTER NOT EXISTS {{ {self.violation(q, v)} }}")
        raise self._unsupported(shape, f"the constraint {key}")

    def violation(self, shape, node: str) -> str:
        """A pattern that matches when ``node`` does not conform to the (nested) ``shape``."""
        parts = []
        for key, arg in self._constraints(shape, nested=True):
            parts.append(self.value_fails(shape, key, arg, node, node))
        for prop in self.shapes.objects(shape, SH.property):
            path = self.shapes.value(prop, SH.path)
            for key, arg in self._constraints(prop, nested=True):
                v = self.var("v")
                pattern = (self.focus_fails(prop, key, arg, node, path) if key in _FOCUS_KEYS
                           else f"{self.path(node, path, v)} {self.value_fails(prop, key, arg, v, node)}")
                parts.append(pattern)
        if not parts:
            raise self._unsupported(shape, "a nested shape without constraints")
        return " UNION ".join(f"{{ {p} }}" for p in parts)

    def violation_test(self, shape, node: str) -> str | None:
        """:meth:`violation` as an expression, for a nested shape of constraints on ``node`` itself
        (no property, no sh:lessThan): ``EXISTS { { FILTER (e) } }`` is ``COALESCE(e, false)``, which
        Oxigraph evaluates without building a pattern for each row. None when it is not one."""
        if (shape, SH.property, None) in self.shapes:
            return None
        tests = []
        for key, arg in self._constraints(shape, nested=True):
            fails = self.value_fails(shape, key, arg, node, node)
            if key == SH.lessThan or not fails.startswith("FILTER ("):
                return None
            tests.append(f"COALESCE({fails[len('FILTER '):]}, false)")
        return " || ".join(tests) or None

    def _constraints(self, shape, nested: bool) -> list[tuple]:
        known = _VALUE_KEYS | _FOCUS_KEYS | _ANNOTATIONS
        out = []
        for p, o in sorted(self.shapes.predicate_objects(shape)):
            if p not in known:
                raise self._unsupported(shape, f"{p}")
            if nested and p in (SH.message, SH.severity, SH.sparql, SH.targetClass, SH.targetSubjectsOf):
                raise self._unsupported(shape, f"{p} on a nested shape")
            if (shape, SH.path, None) in self.shapes and p in (SH.sparql, SH.property, SH.targetClass,
                                                               SH.targetSubjectsOf):
                raise self._unsupported(shape, f"{p} on a property shape")
            if p == SH.uniqueLang and nested:
                raise self._unsupported(shape, "sh:uniqueLang on a nested shape")
            if p in (_VALUE_KEYS | _FOCUS_KEYS) - {SH.qualifiedValueShape}:
                out.append((p, o))
        return out

    # -- the top-level shapes ------------------------------------------------
    def compile(self) -> list[Check]:
        checks = []
        for shape in sorted(set(self.shapes.subjects(SH.targetClass)) | set(self.shapes.subjects(SH.targetSubjectsOf))):
            for bad in (SH.targetNode, SH.targetObjectsOf, SH.deactivated):
                if (shape, bad, None) in self.shapes:
                    raise self._unsupported(shape, f"{bad}")
            focus = self._focus(shape)
            checks += self._checks(shape, shape, focus, None)
            for prop in self.shapes.objects(shape, SH.property):
                checks += self._checks(prop, shape, focus, self.shapes.value(prop, SH.path))
            for sparql in self.shapes.objects(shape, SH.sparql):
                checks.append(self._sparql(shape, sparql, focus))
        return checks

    def _focus(self, shape) -> str:
        """A subquery of the (?g ?this) pairs: targets that are subjects of ?g."""
        return f"{{ SELECT DISTINCT ?g ?this WHERE {{ {self._targets(shape)} }} }}"

    def _targets(self, shape) -> str:
        """The pattern of :meth:`_focus` (in a FILTER EXISTS: whether a bound (?g ?this) is one)."""
        own = "GRAPH ?g { ?this ?p_ ?o_ }"
        branches = []  # each opens with %ONLY%: Oxigraph joins a VALUES of graphs at the end after the rest
        # the classes of every sh:targetClass in one VALUES: the gazetteer's entities joined with
        # their triples in every graph once, not once per target class (Entity: Actor, Place, Programme)
        classes = " ".join(_n3(c) for c in sorted({c for cls in self.shapes.objects(shape, SH.targetClass)
                                                   for c in self.below(cls)}))
        if classes:
            branches.append(f"{{ %ONLY% GRAPH ?g {{ ?this a ?t_ }} VALUES ?t_ {{ {classes} }} }}")
            branches.append(f"{{ %ONLY% GRAPH <{self.gazetteer}> {{ ?this a ?t_ }} VALUES ?t_ {{ {classes} }} {own} }}")
        for p in sorted(self.shapes.objects(shape, SH.targetSubjectsOf)):
            branches.append(f"{{ %ONLY% GRAPH ?g {{ ?this {_n3(p)} ?x_ }} }}")
            if self.holds is None or self.holds(self.gazetteer, p):
                branches.append(f"{{ %ONLY% GRAPH <{self.gazetteer}> {{ ?this {_n3(p)} ?x_ }} {own} }}")
        return f"{{ {' UNION '.join(branches)} }} %GRAPHS%"

    def _checks(self, shape, node_shape, focus: str, path) -> list[Check]:
        severity = self.shapes.value(shape, SH.severity, default=SH.Violation)
        messages = [str(m) for m in self.shapes.objects(shape, SH.message)]
        constraints = self._constraints(shape, nested=False)
        if constraints and not messages:
            raise self._unsupported(shape, "a constraint without sh:message (pyshacl's default texts are not "
                                           "reproduced)")
        if path is None and any(k in _FOCUS_KEYS for k, _ in constraints):
            raise self._unsupported(shape, "a cardinality constraint on a node shape")
        checks = []
        for key, arg in constraints:
            v = self.var("v")
            merge = {}  # how run() merges it with its shape's other checks (Check.kind)
            if key == SH.uniqueLang:
                if not arg.toPython():
                    continue
                if isinstance(path, URIRef) and self.holds is not None and not self._own(path):
                    merge = {"batch": True}  # the gazetteer's values too: a batch of graphs at a time
                    select = tally.unique_lang(self, node_shape, path, v)
                else:
                    select = (f"SELECT ?g ?this WHERE {{ {{ SELECT ?g ?this ?l_ (COUNT(DISTINCT {v}) AS ?k_) "
                              f"WHERE {{ {self.focused(focus, path, v)} BIND (LCASE(lang({v})) AS ?l_) "
                              f"FILTER (?l_ != '') }} GROUP BY ?g ?this ?l_ }} FILTER (?k_ > 1) }}")
            elif key in _FOCUS_KEYS:
                fails = self.focus_fails(shape, key, arg, '?this', path, top=True)
                select = f"SELECT ?g ?this WHERE {{ {focus} {fails} }}"
                if key == SH.maxCount:
                    merge = {"kind": "count", "part": self.path("?this", path, "?value"), "test": str(int(arg)),
                             "targets": self._targets(node_shape) if self._own(path) else ""}
                elif fails.startswith("MINUS { %ONLY% ") and fails.endswith(" }"):
                    # the gazetteer's values too: a batch of graphs at a time (tally.py)
                    merge = tally.absent(self, shape, node_shape, key, arg, path) or \
                        {"kind": "absent", "part": fails[len("MINUS { %ONLY% "):-2]}
            elif path is None:
                fails = self.value_fails(shape, key, arg, "?this", "?this")
                if self.classes(key, arg) is not None:
                    fails = self.class_fails("?this", self.classes(key, arg))
                select = f"SELECT ?g ?this (?this AS ?value) WHERE {{ {focus} {fails} }}"
                if key == SH["or"] and self.classes(key, arg) is None:
                    select = tally.grouped_or(self, shape, arg) or select
            else:
                # pyshacl's sh:lessThan reports each (value, other) pair; the others report each value once
                distinct = "" if key == SH.lessThan else "DISTINCT "
                fails = self.value_fails(shape, key, arg, v, '?this')
                if self.classes(key, arg) is not None:
                    fails = self.class_fails(v, self.classes(key, arg))
                values, own = self.path('?this', path, v), self._own(path)
                if own:  # read whole, joined by hash: Oxigraph looked them up focus by focus (dearer as it grows)
                    values = f"{{ SELECT * WHERE {{ {values} }} }}"
                    if key == SH.lessThan and self._own(arg):  # the other path's values too
                        other = fails[:fails.index(" FILTER (")]
                        fails = f"{{ SELECT * WHERE {other} }}" + fails[len(other):]
                select = (f"SELECT {distinct}?g ?this ({v} AS ?value) WHERE {{ "
                          f"{{ SELECT DISTINCT ?g ?this {v} WHERE {{ {focus} {values} }} }} {fails} }}")
                if fails.startswith("FILTER") and own:
                    # the values that fail first (a sub-select: a FILTER EXISTS in the same group was
                    # evaluated for every value, Event's modality 0.70 s at 10,000 documents, 0.06 s
                    # so), then whether their node is a focus, looked up for the few that fail. Not with
                    # the gazetteer's values (no ?g), nor the MINUS of sh:class (0.021 s joined, 0.068 s so).
                    select = (f"SELECT {distinct}?g ?this ({v} AS ?value) WHERE {{ {{ SELECT ?g ?this {v} WHERE {{ "
                              f"{self.path('?this', path, v)} {fails} }} }} FILTER EXISTS {{ {self._targets(node_shape)} }} }}")
            for message in messages:
                checks.append(Check(select, _severity(severity), self.shape_name(self.shapes, shape), message,
                                    str(path) if isinstance(path, URIRef) else None, _local(key), focus, **merge))
        return checks

    def _own(self, path) -> bool:
        """Whether the values of ``path`` are read from the document graphs only (rows with ?g)."""
        return isinstance(path, URIRef) and self.holds is not None and not self.holds(self.gazetteer, path)

    def _sparql(self, shape, sparql, focus: str) -> Check:
        text = self.shapes.value(sparql, SH.select)
        messages = [str(m) for m in self.shapes.objects(sparql, SH.message)] or \
            [str(m) for m in self.shapes.objects(shape, SH.message)]
        if text is None or len(messages) != 1 or "{" in messages[0] or (sparql, SH.deactivated, None) in self.shapes:
            raise self._unsupported(sparql, "a SPARQL constraint without sh:select or without one plain sh:message")
        prefixes = "".join(f"PREFIX {self.shapes.value(d, SH.prefix)}: <{self.shapes.value(d, SH.namespace)}>\n"
                           for d in self.shapes.objects(self.shapes.value(sparql, SH.prefixes), SH.declare))
        # one query over all graphs: its triples read GRAPH ?g and the background, its $this the targets
        rewrite = Rewrite(self.background, self.below, self.holds)
        try:
            query, names = rewrite.select(prefixes + str(text), focus, self._targets(shape))
        except Unsupported as e:
            raise self._unsupported(shape, f"{e} in its sh:sparql select (see athar/graph/constraint.py)") from e
        if set(names) - {"this", "value"}:
            raise self._unsupported(shape, "a sh:sparql select projecting more than $this and ?value")
        severity = self.shapes.value(shape, SH.severity, default=SH.Violation)
        return Check(query, _severity(severity), self.shape_name(self.shapes, shape), messages[0], None, "sparql")

    def _unsupported(self, node, what: str) -> OntologyError:
        parent = self.shapes.value(None, SH.property, node) or "a shape"
        where = node if isinstance(node, URIRef) else f"a shape of {parent}"
        return OntologyError(f"{SHAPES_PATH}: {where} uses {what}, which the fast validation engine does not "
                             "compile; run `athar validate --engine pyshacl`, or add it to src/athar/graph/shacl.py")


def _severity(node) -> str:
    return str(node).rsplit("#", 1)[-1]


def _local(iri) -> str:
    return str(iri).rsplit("#", 1)[-1]


def _n3(term) -> str:
    if isinstance(term, BNode):
        raise OntologyError(f"{SHAPES_PATH}: a blank node where the fast validation engine needs an IRI or literal")
    return term.n3()
