"""Checks written as tallies: a node's values read in one pass and grouped by (graph, node), with no
look-up a row (athar.graph.shacl compiles the shapes; these are two of its forms, for a store whose
gazetteer's predicates are known).

Oxigraph sets no block cache, so a look-up by key (a join evaluated row by row, a FILTER EXISTS)
costs more as the store grows (8 µs at 10,000 documents, 18 µs at 100,000), where a scan stays
linear; and a GROUP BY over every graph holds all its groups at once (the Entity labels'
sh:uniqueLang: 3.1 GB at 100,000 documents). So:

- :func:`unique_lang` counts the labels of each (graph, node, language) one batch of graphs at a
  time (``%BATCH%``: a VALUES of the batch's graphs before each pattern on ?g, one seek a graph),
  the gazetteer's labels joined to the batch's nodes by hash, and looks up whether a node is a
  focus for the few that fail;
- :func:`grouped_or` evaluates an ``sh:or`` of shapes made of property constraints on the node's
  own values as aggregates over those values (DatedEvent: which precision, which datatypes),
  grouped by (graph, node), where each member's ``EXISTS`` looked the values up node by node.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.collection import Collection

from athar.graph.terms import PREFIXES

SH = Namespace(PREFIXES["sh"])

BATCH = 1000  # graphs a query of a batched check reads: its groups, so its memory, are bounded by it


def unique_lang(compiler, node_shape, path, v: str) -> str:
    """sh:uniqueLang on ``path`` (which the gazetteer holds too) as a query over one batch of
    graphs; its rows (?g ?this), one a language with two values, as the whole-store form's. The
    values of a (graph, node) are the graph's and, when the graph states the node's ``path`` at
    all, the gazetteer's; a node the graph states no value for has the gazetteer's alone, which
    fail only where the gazetteer has two of a language (a short list, joined to every graph of
    the batch, empty when the gazetteer is sound)."""
    p, gaz = path.n3(), f"<{compiler.gazetteer}>"
    targets = compiler._targets(node_shape).replace("%ONLY%", "").replace("%GRAPHS%", "")
    own = f"{{ SELECT ?g ?this {v} WHERE {{ %BATCH% GRAPH ?g {{ ?this {p} {v} }} }} }}"
    joined = (f"{{ SELECT DISTINCT ?g ?this WHERE {{ %BATCH% GRAPH ?g {{ ?this {p} ?w_ }} }} }} "
              f"{{ SELECT ?this {v} WHERE {{ GRAPH {gaz} {{ ?this {p} {v} }} }} }}")
    doubled = (f"%BATCH% {{ SELECT ?this {v} WHERE {{ {{ SELECT ?this WHERE {{ GRAPH {gaz} {{ ?this {p} ?u_ }} "
               f"BIND (LCASE(lang(?u_)) AS ?m_) FILTER (?m_ != '') }} GROUP BY ?this ?m_ "
               f"HAVING (COUNT(DISTINCT ?u_) > 1) }} GRAPH {gaz} {{ ?this {p} {v} }} }} }}")
    return (f"SELECT ?g ?this WHERE {{ {{ SELECT ?g ?this ?l_ (COUNT(DISTINCT {v}) AS ?k_) WHERE {{ "
            f"{{ {own} }} UNION {{ {joined} }} UNION {{ {doubled} }} "
            f"BIND (LCASE(lang({v})) AS ?l_) FILTER (?l_ != '') }} GROUP BY ?g ?this ?l_ }} FILTER (?k_ > 1) "
            f"FILTER EXISTS {{ {targets} }} }}")


def grouped_or(compiler, shape, arg) -> str | None:
    """The ``sh:or`` ``arg`` of node shape ``shape`` as one pass over its members' values, or None
    when it is not of that form: each member only property shapes on paths the documents alone
    state, with sh:hasValue, sh:minCount 1 or value tests; the shape's targets the subjects of
    some of those paths (so every focus has a value, and is a group). A member is violated when
    one of its constraints is (no value is the one asked for, none at all, one fails its test);
    the node fails when every member is."""
    if compiler.holds is None or (shape, SH.targetClass, None) in compiler.shapes:
        return None
    targets = set(compiler.shapes.objects(shape, SH.targetSubjectsOf))
    paths: dict = {}
    tallies: list[str] = []  # each an aggregate over the values ?v_ of path number ?w_
    members = []
    for member in Collection(compiler.shapes, arg):
        if any(p != SH.property for p, _ in compiler.shapes.predicate_objects(member)):
            return None
        tests = []
        for prop in compiler.shapes.objects(member, SH.property):
            path = compiler.shapes.value(prop, SH.path)
            if not compiler._own(path):
                return None
            w = paths.setdefault(path, len(paths))
            for key, val in compiler._constraints(prop, nested=True):
                if key == SH.hasValue:
                    hit, violated = f"sameTerm(?v_, {val.n3()})", "= 0"
                elif key == SH.minCount and int(val) == 1:
                    hit, violated = "true", "= 0"
                elif key in (SH["class"], SH["or"], SH.lessThan) or key in (SH.maxCount, SH.minCount, SH.uniqueLang,
                                                                            SH.qualifiedMinCount):
                    return None
                else:
                    fails = compiler.value_fails(prop, key, val, "?v_", "?this")
                    if not fails.startswith("FILTER ("):
                        return None
                    hit, violated = fails[len("FILTER "):], "= 1"
                tallies.append(f"(MAX(IF(COALESCE(?w_ = {w} && {hit}, false), 1, 0)) AS ?a{len(tallies)}_)")
                tests.append(f"?a{len(tallies) - 1}_ {violated}")
        if not tests:
            return None
        members.append("(" + " || ".join(tests) + ")")
    if not targets or not targets <= set(paths) or not members:
        return None
    values = " UNION ".join(f"{{ %ONLY% GRAPH ?g {{ ?this {p.n3()} ?v_ }} BIND ({w} AS ?w_) }}"
                            for p, w in paths.items())
    # a node with a value of a path that is no target's: whether it is a focus, for the few that fail
    focus = "" if targets == set(paths) else \
        f" FILTER EXISTS {{ {compiler._targets(shape).replace('%ONLY%', '').replace('%GRAPHS%', '')} }}"
    return (f"SELECT ?g ?this (?this AS ?value) WHERE {{ {{ SELECT ?g ?this {' '.join(tallies)} WHERE {{ "
            f"{{ {values} }} %GRAPHS% }} GROUP BY ?g ?this }} FILTER ({' && '.join(members)}){focus} }}")


def absent(compiler, shape, node_shape, key, arg, path) -> dict | None:
    """A check that a focus has a value of ``path`` (sh:minCount 1, sh:hasValue, a qualified
    sh:minCount 1 of a test), when the gazetteer holds ``path`` too, as the parts of a query over a
    batch of graphs (Check fields; check._merged joins a shape's into one): the focus nodes the
    batch's graphs state (typed, or subjects of a target predicate: one seek a graph), and the
    gazetteer's nodes that fail on the gazetteer's values alone, each in every graph of the batch
    that has it as a subject; less those with a value in their graph (``part``) or in the
    gazetteer (``test``). None when the check is not of that form."""
    if compiler.holds is None or not hasattr(path, "n3") or compiler._own(path) \
            or (path, None, None) in compiler.shapes:  # a sequence path
        return None
    v = compiler.var("v")
    if key == SH.minCount and int(arg) == 1:
        cond = ""
    elif key == SH.hasValue:
        cond = f"FILTER (sameTerm({v}, {arg.n3()}))"
    elif key == SH.qualifiedMinCount and int(arg) == 1:
        test = compiler.violation_test(compiler.shapes.value(shape, SH.qualifiedValueShape), v)
        if not test:
            return None
        cond = f"FILTER (!({test}))"
    else:
        return None
    classes = ", ".join(c.n3() for c in sorted({c for cls in compiler.shapes.objects(node_shape, SH.targetClass)
                                                 for c in compiler.below(cls)}))
    gaz = f"<{compiler.gazetteer}>"
    own, shared = [], []
    if classes:
        own.append(f"{{ %BATCH% GRAPH ?g {{ ?this a ?t_ }} FILTER (?t_ IN ({classes})) }}")
        shared.append(f"{{ GRAPH {gaz} {{ ?this a ?t_ }} FILTER (?t_ IN ({classes})) }}")
    for p in sorted(compiler.shapes.objects(node_shape, SH.targetSubjectsOf)):
        own.append(f"{{ %BATCH% GRAPH ?g {{ ?this {p.n3()} ?x_ }} }}")
        if compiler.holds(compiler.gazetteer, p):
            shared.append(f"{{ GRAPH {gaz} {{ ?this {p.n3()} ?x_ }} }}")
    return {"kind": "absent", "batch": True, "part": f"%BATCH% GRAPH ?g {{ ?this {path.n3()} {v} }} {cond}",
            "test": f"GRAPH {gaz} {{ ?this {path.n3()} {v} }} {cond}", "targets": " UNION ".join(own),
            "shared": " UNION ".join(shared)}


def absent_query(members: list) -> str:
    """The query of a shape's batched :func:`absent` checks ``members``; rows ?g ?this ?k_."""
    every = " ".join(map(str, range(len(members))))
    own = " UNION ".join(f"{{ {c.part} VALUES ?k_ {{ {i} }} }}" for i, c in enumerate(members))
    gaz = " UNION ".join(f"{{ {c.test} VALUES ?k_ {{ {i} }} }}" for i, c in enumerate(members))
    nodes = f"{{ {{ SELECT DISTINCT ?g ?this WHERE {{ {members[0].targets} }} }} VALUES ?k_ {{ {every} }} }}"
    if members[0].shared:  # few (none when the gazetteer is sound): each looked up in each graph of the batch
        nodes += (f" UNION {{ {{ SELECT ?this ?k_ WHERE {{ {{ {members[0].shared} }} VALUES ?k_ {{ {every} }} "
                  f"MINUS {{ {gaz} }} }} }} %BATCH% FILTER EXISTS {{ GRAPH ?g {{ ?this ?p_ ?o_ }} }} }}")
    return (f"SELECT ?g ?this ?k_ WHERE {{ {{ SELECT DISTINCT ?g ?this ?k_ WHERE {{ {nodes} }} }} "
            f"MINUS {{ {own} }} MINUS {{ {gaz} }} }}")
