"""A SHACL-SPARQL constraint rewritten to run over every document graph in one query.

A constraint's ``sh:select`` reads the default graph: for a document graph that is the graph
itself with the gazetteer and the ontology beside it. Run as written, it needs one query per
document graph (a thousand documents: about 2,600 small queries). Here its text is parsed into
SPARQL algebra (rdflib's parser) and written out again with each triple pattern read from
``GRAPH ?g`` or from a background graph, so that one query answers for every graph at once and
each row names its graph; the focus nodes (``$this``) are joined in the innermost group, so
that every FILTER and BIND sees them bound, as SHACL's pre-binding does.

A path ``rdfs:subClassOf*`` to a class is closed in Python from the ontology's class
hierarchy, as the compiled shapes close ``sh:class`` (athar.graph.shacl). The subset of SPARQL
written out is what constraints use: basic graph patterns with sequence, inverse and
hierarchy paths, FILTER, BIND, OPTIONAL, UNION, MINUS, (NOT) EXISTS and the expressions of
SPARQL 1.1; anything else raises :class:`Unsupported`, so a constraint is never silently
changed.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable

from rdflib import RDFS, BNode, Literal, URIRef, Variable
from rdflib.paths import InvPath, MulPath, SequencePath
from rdflib.plugins.sparql.algebra import translateGroupGraphPattern, translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

# the arguments of a builtin call, in the order SPARQL writes them
_ARGS = ("arg", "arg1", "arg2", "arg3", "text", "start", "length", "pattern", "replacement", "flags")
_RESERVED = {"g"}  # the graph variable of the rewritten query


class Unsupported(ValueError):
    """A part of the constraint the rewrite does not write out."""


class Rewrite:
    """Writes constraints over ``GRAPH ?g`` and the ``background`` graphs. ``below(cls)`` lists
    ``cls`` and its subclasses; ``holds(graph, predicate)``, when given, says whether a
    background graph has a triple with that predicate (a branch that cannot match is left out)."""

    def __init__(self, background: Iterable[str], below: Callable[[URIRef], list],
                 holds: Callable[[str, URIRef], bool] | None = None) -> None:
        self.background, self.below, self.holds = list(background), below, holds
        self._fresh = itertools.count()
        self._apart = False  # the next group of triples is written as sub-selects (select's targets)

    def select(self, text: str, focus: str, targets: str = "") -> tuple[str, list[str]]:
        """The constraint's select as ``SELECT ?g ?this ... WHERE { focus ... }``, with the names
        of its projected variables (``this`` first). With ``targets`` (the focus as a pattern on a
        bound ?g ?this), when a triple of its first group binds $this, the rows are found first,
        each triple of that group read on its own and joined by hash (where Oxigraph looks each
        evidence's four offsets and text up one by one: 3.5 s at 10,000 documents, 1.1 s so),
        and the focus is looked up for the rows that fail."""
        try:
            query = translateQuery(parseQuery(text))
        except Exception as e:  # rdflib's parser raises pyparsing's errors
            raise Unsupported(f"a sh:select that does not parse ({e})") from e
        node = query.algebra
        if node.name != "SelectQuery" or node.p.name != "Project":
            raise Unsupported("a query other than a plain SELECT (no DISTINCT, ORDER BY, LIMIT, GROUP BY)")
        names = [self._name(v) for v in node.p.PV]
        if "this" not in names:
            raise Unsupported("a SELECT that does not project $this")
        projected = " ".join("?" + n for n in names)
        if targets and _binds_this(node.p.p, self._own):
            self._apart = True
            try:
                body = self.pattern(node.p.p)
            finally:
                self._apart = False
            return (f"SELECT ?g {projected} WHERE {{ {{ SELECT ?g {projected} WHERE {{ {body} }} }} "
                    f"FILTER EXISTS {{ {targets} }} }}"), names
        body = self.pattern(node.p.p, lead=focus)
        return f"SELECT ?g {projected} WHERE {{ {body} }}", names

    def _own(self, p) -> bool:
        """Whether triples of predicate ``p`` are read from the graph checked alone (no background)."""
        return isinstance(p, URIRef) and self.holds is not None and not any(self.holds(g, p) for g in self.background)

    # -- graph patterns: each written as the contents of a group -------------------------------
    def pattern(self, node, lead: str = "") -> str:
        """``node`` as group contents; ``lead`` (the focus) is joined into its innermost group."""
        if not isinstance(node, CompValue):
            raise Unsupported(f"the pattern {node!r}")
        if node.name in ("GroupGraphPatternSub", "TriplesBlock"):
            node = translateGroupGraphPattern(node)
        name = node.name
        first = f"{{ {lead} }} " if lead else ""
        if name == "BGP":
            if self._apart:  # the first group's triples, each a sub-select: joined by hash
                self._apart = False
                return " ".join(f"{{ SELECT * WHERE {{ %ONLY% {self.triple(*t)} }} }}" for t in node.triples)
            return first + " ".join(self.triple(*t) for t in node.triples)
        if name == "Filter":
            return f"{{ {self.pattern(node.p, lead)} }} FILTER ({self.expr(node.expr)})"
        if name == "Extend":
            return f"{{ {self.pattern(node.p, lead)} }} BIND ({self.expr(node.expr)} AS {self.term(node.var)})"
        if name == "Join":
            return f"{{ {self.pattern(node.p1, lead)} }} {{ {self.pattern(node.p2)} }}"
        if name == "LeftJoin":
            cond = "" if _is_true(node.expr) else f" FILTER ({self.expr(node.expr)})"
            return f"{{ {self.pattern(node.p1, lead)} }} OPTIONAL {{ {{ {self.pattern(node.p2)} }}{cond} }}"
        if name == "Minus":
            return f"{{ {self.pattern(node.p1, lead)} }} MINUS {{ {self.pattern(node.p2)} }}"
        if name == "Union":
            return f"{first}{{ {{ {self.pattern(node.p1)} }} UNION {{ {self.pattern(node.p2)} }} }}"
        raise Unsupported(f"the SPARQL form {name}")

    def triple(self, s, p, o) -> str:
        """One triple pattern (or path) read from the graph checked or the background."""
        if isinstance(p, (URIRef, Variable)):
            graphs = ["?g"] + [f"<{g}>" for g in self.background
                               if self.holds is None or isinstance(p, Variable) or self.holds(g, p)]
            quad = f"{self.term(s)} {self.term(p)} {self.term(o)}"
            return "{ " + " UNION ".join(f"{{ GRAPH {g} {{ {quad} }} }}" for g in graphs) + " }"
        if isinstance(p, InvPath):
            return self.triple(o, p.arg, s)
        if isinstance(p, SequencePath):
            steps = list(p.args)
            if len(steps) > 1 and _is_closure(steps[-1]) and isinstance(o, URIRef):
                # "p/rdfs:subClassOf* C": p to each class below C, a constant each (Oxigraph looks a
                # constant up in its index, where a VALUES of classes is joined after a scan)
                head = SequencePath(*steps[:-1]) if len(steps) > 2 else steps[0]
                return "{ " + " UNION ".join(f"{{ {self.triple(s, head, c)} }}" for c in self.below(o)) + " }"
            parts, start = [], s
            for i, step in enumerate(steps):
                end = o if i == len(steps) - 1 else Variable(f"step{next(self._fresh)}_")
                parts.append(self.triple(start, step, end))
                start = end
            return " ".join(parts)
        if _is_closure(p) and isinstance(o, URIRef) and isinstance(s, Variable):
            return f"VALUES {self.term(s)} {{ {' '.join(c.n3() for c in self.below(o))} }}"
        raise Unsupported(f"the property path {p.n3() if hasattr(p, 'n3') else p!r} (only sequences, "
                          "inverses and rdfs:subClassOf* from a variable to a class are rewritten)")

    # -- expressions -----------------------------------------------------------------------
    def expr(self, e) -> str:
        if isinstance(e, (Variable, URIRef, Literal)):
            return self.term(e)
        if isinstance(e, list):
            return ", ".join(self.expr(x) for x in e)
        if not isinstance(e, CompValue):
            raise Unsupported(f"the expression {e!r}")
        name = e.name
        if name in ("ConditionalOrExpression", "ConditionalAndExpression"):
            op = " || " if name.startswith("ConditionalOr") else " && "
            return "(" + op.join(self.expr(x) for x in [e.expr, *(e.other or [])]) + ")"
        if name == "RelationalExpression":
            if e.op in ("IN", "NOT IN"):
                return f"({self.expr(e.expr)} {e.op} ({self.expr(list(e.other))}))"
            return f"({self.expr(e.expr)} {e.op} {self.expr(e.other)})"
        if name in ("AdditiveExpression", "MultiplicativeExpression"):
            out = self.expr(e.expr)
            for op, other in zip(e.op, e.other):
                out += f" {op} {self.expr(other)}"
            return f"({out})"
        if name in ("UnaryNot", "UnaryMinus", "UnaryPlus"):
            return f"({ {'UnaryNot': '!', 'UnaryMinus': '-', 'UnaryPlus': '+'}[name] }{self.expr(e.expr)})"
        if name == "Function":
            if e.distinct:
                raise Unsupported("DISTINCT in a function call")
            return f"{self.term(e.iri)}({self.expr(list(e.expr or []))})"
        if name in ("Builtin_EXISTS", "Builtin_NOTEXISTS"):
            word = "EXISTS" if name == "Builtin_EXISTS" else "NOT EXISTS"
            return f"{word} {{ {self.pattern(e.graph)} }}"
        if name.startswith("Builtin_"):
            args = [e[k] for k in _ARGS if k in e and e[k] is not None]
            known = {k for k in e if not k.startswith("_")}
            if known - set(_ARGS):
                raise Unsupported(f"the arguments {sorted(known - set(_ARGS))} of {name[8:]}")
            return f"{name[8:]}({', '.join(self.expr(a) for a in args)})"
        raise Unsupported(f"the expression {name}")

    def term(self, t) -> str:
        if isinstance(t, Variable):
            return "?" + self._name(t)
        if isinstance(t, (URIRef, Literal)):
            return t.n3()
        if isinstance(t, BNode):
            raise Unsupported("a blank node in a pattern")
        raise Unsupported(f"the term {t!r}")

    @staticmethod
    def _name(v: Variable) -> str:
        return f"{v}_c" if str(v) in _RESERVED else str(v)


def _binds_this(node, own) -> bool:
    """Whether the first group of triples (through FILTER, BIND and the left of joins) has $this in
    a triple read from the graph checked alone (``own``), so that each row binds it and ?g."""
    while isinstance(node, CompValue):
        if node.name in ("GroupGraphPatternSub", "TriplesBlock"):
            node = translateGroupGraphPattern(node)
        if node.name == "BGP":
            return any(Variable("this") in (t[0], t[2]) and own(t[1]) for t in node.triples)
        if node.name not in ("Filter", "Extend", "Join", "LeftJoin", "Minus"):
            return False
        node = node.p if node.name in ("Filter", "Extend") else node.p1
    return False


def _is_closure(path) -> bool:
    return isinstance(path, MulPath) and path.path == RDFS.subClassOf and path.mod == "*"


def _is_true(expr) -> bool:
    return expr is None or (isinstance(expr, CompValue) and expr.name == "TrueFilter")
