"""Reasoning: what the ontology implies, materialized into its own named graph.

``reason(store)`` reads the ontology, the gazetteer and every document graph,
adds the shortcut triples that the event roles imply (``athar:liberated``,
``athar:rebuilt``, ``athar:trained``: OWL 2 RL cannot say "the agent of a
Liberation liberated its place", so a SPARQL rule does), runs the OWL 2 RL
closure (owlrl), and keeps only the new triples that say something about
athar's own terms and instances:

- the class hierarchy: ``aid:entity/sdf a athar:Organization, athar:Actor, sem:Actor``;
- inverse and transitive properties: ``tabqa athar:locatedIn syria``,
  ``syria athar:contains tabqa``;
- the super-properties of the alignments: ``?event sem:hasPlace ?place``;
- the shortcuts, where the document graph does not already state them.

Dropped as noise: triples about the rdf:, rdfs:, owl: and xsd: vocabulary and
other namespaces, blank nodes, literal subjects, reflexive ``owl:sameAs`` and
``rdfs:subClassOf``, ``owl:Thing``, and the copies that ``owl:sameAs`` makes of
every triple onto the Wikidata IRIs. The graph
``https://w3id.org/athar/id/graph/inferred`` is dropped and rebuilt each time,
and dropped by every plain ``build`` (its inferences were drawn from graphs
the build replaces). ``athar query`` and ``Store.query`` leave it out of the
default graph unless asked (``--inferred``, ``inferred=True``).
"""

from __future__ import annotations

import logging
import time

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef

from athar.errors import OntologyError
from athar.graph import prefixes
from athar.graph.terms import AID, ATHAR, MAPPINGS_GRAPH, ONTOLOGY_GRAPH, PREFIXES, WD, sparql_prefixes
from athar.graph.store import Store

log = logging.getLogger(__name__)

INFERRED_GRAPH = URIRef(prefixes.INFERRED_GRAPH)
_OWN = (str(AID), str(ATHAR._NS))
_VOCABULARY = tuple(PREFIXES[p] for p in ("rdf", "rdfs", "owl", "xsd"))
_REFLEXIVE = {OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty, RDFS.subClassOf, RDFS.subPropertyOf}
_JUNK_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
_TERM_AXIOMS = {RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty,
                OWL.inverseOf}

# The shortcut properties of events, as the rdf stage writes them: an event of the
# class, neither negated nor planned, with both roles. (docs/model.md, "shortcuts")
_SHORTCUTS = sparql_prefixes("athar", "rdf", "rdfs") + """CONSTRUCT { ?x ?shortcut ?y }
WHERE {
  VALUES (?class ?from ?to ?shortcut) {
    (athar:Liberation athar:agent athar:place athar:liberated)
    (athar:Reconstruction athar:agent athar:target athar:rebuilt)
    (athar:Training athar:agent athar:trainee athar:trained)
  }
  ?event rdf:type/rdfs:subClassOf* ?class ; ?from ?x ; ?to ?y .
  FILTER NOT EXISTS { ?event athar:modality ?m . FILTER (?m IN (athar:Negated, athar:Planned)) }
}
"""


def shortcuts(graph: Graph) -> Graph:
    """The shortcut triples that the events of ``graph`` (with the ontology in it) imply."""
    out = Graph()
    for t in graph.query(_SHORTCUTS):
        out.add(t)
    return out


def infer(asserted: Graph) -> Graph:
    """The new triples that OWL 2 RL and the shortcut rule derive from ``asserted`` (kept intact)."""
    import owlrl

    closure = Graph()
    closure += asserted
    closure += shortcuts(asserted)
    try:
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                               datatype_axioms=False).expand(closure)
    except Exception as e:  # owlrl raises plain exceptions on odd input
        raise OntologyError(f"OWL 2 RL reasoning failed ({e})") from e
    new = Graph()
    for t in closure:
        if t not in asserted and _keep(t):
            new.add(t)
    return new


def reason(store: Store) -> int:
    """Rebuild the inferred graph from the ontology and all data graphs; return its size."""
    started = time.perf_counter()
    asserted = Graph()
    for name in store.graphs():
        if name in (str(INFERRED_GRAPH), str(MAPPINGS_GRAPH)):
            continue
        for t in store.triples(name):
            asserted.add(t)
    if not any(True for _ in asserted.triples((None, RDF.type, OWL.Ontology))):
        raise OntologyError(f"no ontology in the store (graph <{ONTOLOGY_GRAPH}>); run 'athar build' first")
    new = infer(asserted)
    count = store.replace_graph(str(INFERRED_GRAPH), new)
    store.flush()
    log.info("reasoning: %d asserted triples, %d inferred, %.1f s", len(asserted), count,
             time.perf_counter() - started)
    return count


def _keep(t: tuple) -> bool:
    s, p, o = t
    if not isinstance(s, URIRef) or isinstance(o, BNode) or isinstance(p, BNode):
        return False
    if not str(s).startswith(_OWN):
        return False  # other vocabularies, and the owl:sameAs copies onto wd: IRIs
    if isinstance(o, URIRef) and str(o).startswith(str(WD)):
        return False
    if p in _REFLEXIVE and s == o:
        return False
    if p == RDF.type and (o in _JUNK_TYPES or (isinstance(o, URIRef) and str(o).startswith(_VOCABULARY)
                                                and str(s).startswith(str(AID)))):
        return False
    if str(s).startswith(str(ATHAR._NS)):
        # about a term of the ontology: only its place in the hierarchy
        return p in _TERM_AXIOMS and isinstance(o, URIRef) and not str(o).startswith(_VOCABULARY)
    return not (isinstance(o, Literal) and str(p).startswith(_VOCABULARY))


__all__ = ["INFERRED_GRAPH", "infer", "reason", "shortcuts"]
