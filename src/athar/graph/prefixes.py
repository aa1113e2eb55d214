"""The prefix map of athar's graph, and the named graphs a query reads, as plain strings.

``athar.graph.terms`` builds rdflib's namespaces and the ontology's terms over ``PREFIXES``
and re-exports it; the modules that only query the store (``athar query``'s path: the store,
the rows and keys graphs, the saved queries) import this one, without rdflib (a sixth of the
command's start).
"""

from __future__ import annotations

__all__ = ["ENTITIES_GRAPH", "INFERRED_GRAPH", "PREFIXES", "sparql_prefixes"]

# Every namespace athar writes or reads, by the prefix the ontology files give it.
PREFIXES: dict[str, str] = {
    # athar's own: the ontology, minted IRIs, the SKOS schemes of mappings.ttl, the shapes
    "athar": "https://w3id.org/athar/ontology#",
    "aid": "https://w3id.org/athar/id/",
    "entity": "https://w3id.org/athar/id/entity/",
    "acled": "https://w3id.org/athar/acled#",
    "cameo": "https://w3id.org/athar/cameo#",
    "ashape": "https://w3id.org/athar/shapes#",
    # W3C and the aligned vocabularies
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "time": "http://www.w3.org/2006/time#",
    "org": "http://www.w3.org/ns/org#",
    "oa": "http://www.w3.org/ns/oa#",
    "geo": "http://www.opengis.net/ont/geosparql#",
    "schema": "https://schema.org/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vann": "http://purl.org/vocab/vann/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "wd": "http://www.wikidata.org/entity/",
}


def sparql_prefixes(*names: str) -> str:
    """The ``PREFIX`` lines of a SPARQL query for ``names`` (keys of ``PREFIXES``), one a line.

    >>> print(sparql_prefixes("athar", "rdfs"), end="")
    PREFIX athar: <https://w3id.org/athar/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    """
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in names)


# The named graphs of entities (drawn by athar.graph.rdf from every document's) and of the
# reasoner's conclusions (athar.graph.reason, ``build --reason``): those modules hold them as
# rdflib terms made of these.
ENTITIES_GRAPH = PREFIXES["aid"] + "graph/entities"
INFERRED_GRAPH = PREFIXES["aid"] + "graph/inferred"
