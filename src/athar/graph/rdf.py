"""RDF: facts become triples under athar's ontology, with NIF and PROV evidence.

IRIs are derived from the document and the offsets of the words (or the
gazetteer key), so that building the same text twice gives the same graph.
See ``docs/model.md`` for the shape of the graph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, GEO, PROV

from athar.read.dates import DateMention
from athar.read.facts import Fact
from athar.read.language import Language, arabic
from athar.read.mentions import Mention, gazetteer
from athar.read.alias import ALIAS
from athar.read.relations import title_label
from athar.graph.summary import refresh_summary
from athar.graph import prefixes
from athar.graph.terms import AID, ATHAR, NIF, WD
from athar.read.source import Document

GAZETTEER_GRAPH = AID["graph/gazetteer"]
# Derived, never extracted: each entity's types and labels stated once (see refresh_entities).
ENTITIES_GRAPH = URIRef(prefixes.ENTITIES_GRAPH)
_BOUND = {"exact": ATHAR.Exact, "more-than": ATHAR.MoreThan, "at-least": ATHAR.AtLeast,
          "at-most": ATHAR.AtMost, "less-than": ATHAR.LessThan, "about": ATHAR.About}
_SHORTCUTS = {"Liberation": ("agent", "place", ATHAR.liberated),
              "Reconstruction": ("agent", "target", ATHAR.rebuilt),
              "Training": ("agent", "trainee", ATHAR.trained)}
_WEEKS = re.compile(r"^P(\d+)W$")


def document_iri(doc: Document) -> URIRef:
    return AID[f"doc/{doc.slug}"]


def entity_iri(doc: Document, m: Mention) -> URIRef:
    if m.scope == "global":
        return AID[f"entity/{m.key}"]
    return AID[f"doc/{doc.slug}/entity/{m.key}"]


def fact_iri(doc: Document, f: Fact) -> URIRef:
    return AID[f"doc/{doc.slug}/fact/{f.type}-{f.trigger_start}-{f.trigger_end}"]


def build_graph(doc: Document, facts: list[Fact], mentions: Iterable[Mention] = ()) -> Graph:
    """The named graph of one document: the document, its entities, facts and evidence."""
    g = Graph()
    d = document_iri(doc)
    g.add((d, RDF.type, ATHAR.Document))
    g.add((d, ATHAR.fileName, Literal(doc.name)))
    g.add((d, NIF.isString, Literal(doc.body)))
    g.add((d, DCTERMS.language, Literal(doc.language)))
    if doc.title:
        g.add((d, DCTERMS.title, Literal(doc.title)))
    if doc.published:
        g.add((d, DCTERMS.issued, date_literal(doc.published)))
    if doc.publisher:
        g.add((d, DCTERMS.publisher, Literal(doc.publisher)))
    if doc.source:
        g.add((d, DCTERMS.source, URIRef(doc.source) if re.match(r"https?://\S+$", doc.source)
               else Literal(doc.source)))
    for m in mentions:
        _add_entity(g, doc, m)
    for f in facts:
        for _, m in f.roles[:1] if f.type == ALIAS else f.roles:  # an alias is a name, no entity
            _add_entity(g, doc, m)
        if f.according_to is not None:
            _add_entity(g, doc, f.according_to)
        _add_fact(g, doc, f)
    return g


def _add_entity(g: Graph, doc: Document, m: Mention) -> URIRef:
    e = entity_iri(doc, m)
    g.add((e, RDF.type, ATHAR[m.type]))
    g.add((e, RDFS.label, Literal(m.label_ar, lang="ar")))
    g.add((e, RDFS.label, Literal(m.label_en, lang="en")))
    if m.label_guessed:
        g.add((e, ATHAR.labelIsGuess, Literal(True)))
    g.add((e, ATHAR.mentionedIn, document_iri(doc)))
    return e


def _add_evidence(g: Graph, doc: Document, f: Fact) -> URIRef:
    ev = AID[f"doc/{doc.slug}/evidence/{f.evidence.start}-{f.evidence.end}"]
    g.add((ev, RDF.type, ATHAR.Evidence))
    g.add((ev, NIF.referenceContext, document_iri(doc)))
    g.add((ev, NIF.beginIndex, Literal(f.evidence.start, datatype=XSD.nonNegativeInteger)))
    g.add((ev, NIF.endIndex, Literal(f.evidence.end, datatype=XSD.nonNegativeInteger)))
    g.add((ev, NIF.anchorOf, Literal(f.evidence.text)))
    g.add((ev, ATHAR.sentence, Literal(f.evidence.sentence)))
    g.add((ev, PROV.wasDerivedFrom, document_iri(doc)))
    return ev


def _add_fact(g: Graph, doc: Document, f: Fact) -> None:
    if f.type == ALIAS:
        _add_alias(g, doc, f)
        return
    node = fact_iri(doc, f)
    g.add((node, ATHAR.evidence, _add_evidence(g, doc, f)))
    if f.relation:
        subj, obj = (entity_iri(doc, m) for _, m in f.roles)
        prop = ATHAR[f.type]
        g.add((subj, prop, obj))
        g.add((node, RDF.type, ATHAR.RelationStatement))
        g.add((node, RDF.subject, subj))
        g.add((node, RDF.predicate, prop))
        g.add((node, RDF.object, obj))
        role = title_label(arabic(), f.trigger) if f.type in _ROLE_RELATIONS else None
        if role is not None:  # the title the text gives the role: "أمير", "المتحدث باسم"
            g.add((node, ATHAR.roleLabel, Literal(f.trigger, lang="ar")))
            g.add((node, ATHAR.roleLabel, Literal(role, lang="en")))
        return
    g.add((node, RDF.type, ATHAR[f.type]))
    g.add((node, ATHAR.trigger, Literal(f.trigger)))
    g.add((node, ATHAR.modality, ATHAR[f.modality]))
    g.add((node, RDFS.label, Literal(_label(f), lang="en")))
    for role, m in f.roles:
        g.add((node, ATHAR[role], entity_iri(doc, m)))
    if f.implied:
        g.add((node, ATHAR.implied, Literal(True)))
    if f.according_to is not None:
        g.add((node, ATHAR.accordingTo, entity_iri(doc, f.according_to)))
    if f.date is not None:
        _add_date(g, node, f.date)
    if f.duration:
        g.add((node, ATHAR.duration, duration_literal(f.duration)))
    if f.amount is not None:
        a = f.amount
        amount = AID[f"doc/{doc.slug}/amount/{f.trigger_start}-{f.trigger_end}"]
        g.add((node, ATHAR.amount, amount))
        g.add((amount, RDF.type, ATHAR.Amount))
        g.add((amount, ATHAR.value, Literal(_decimal(a.value), datatype=XSD.decimal)))
        if a.unit:
            g.add((amount, ATHAR.unit, Literal(a.unit)))
        g.add((amount, ATHAR.bound, _BOUND[a.bound]))
        g.add((amount, ATHAR.vague, Literal(bool(a.vague))))
        g.add((amount, ATHAR.words, Literal(f.amount_words or "")))
    shortcut = _SHORTCUTS.get(f.type)
    if shortcut and f.modality == "Asserted":
        src, dst, prop = shortcut
        for a in f.role(src):
            for b in f.role(dst):
                g.add((entity_iri(doc, a), prop, entity_iri(doc, b)))


_ROLE_RELATIONS = ("leaderOf", "spokespersonOf", "memberOf")


def _add_alias(g: Graph, doc: Document, f: Fact) -> None:
    """Another name of a person ("المعروف بأبي علي"): a skos:altLabel of the person, in Arabic as
    written (and in English when it is romanized), in the document graph that says it."""
    (_, person), (_, name) = f.roles
    subj = entity_iri(doc, person)
    g.add((subj, SKOS.altLabel, Literal(name.label_ar, lang="ar")))
    if name.label_en != name.label_ar:
        g.add((subj, SKOS.altLabel, Literal(name.label_en, lang="en")))


def _add_date(g: Graph, node: URIRef, d: DateMention) -> None:
    g.add((node, ATHAR.date, date_literal(d.value)))
    g.add((node, ATHAR.datePrecision, Literal(d.precision)))
    if d.qualifier:
        g.add((node, ATHAR.dateQualifier, Literal(d.qualifier)))
    if d.anchor:
        g.add((node, ATHAR.dateAnchor, Literal(d.anchor)))
    if d.end_value:
        g.add((node, ATHAR.endDate, date_literal(d.end_value)))


def date_literal(value: str) -> Literal:
    """An ISO date at its precision: xsd:date, xsd:gYearMonth or xsd:gYear."""
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def duration_literal(value: str) -> Literal:
    """xsd:duration has no weeks: "P6W" is written "P42D"."""
    m = _WEEKS.match(value)
    return Literal(f"P{int(m.group(1)) * 7}D" if m else value, datatype=XSD.duration)


def _decimal(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def _label(f: Fact) -> str:
    words = [f.type]
    for role in ("place", "target", "victim", "trainee", "beneficiary"):
        ms = f.role(role)
        if ms:
            words.append(f"{role}: " + ", ".join(m.label_en for m in ms))
            break
    return " — ".join(words)


def gazetteer_graph(lang: Language | None = None) -> Graph:
    """Background knowledge from the gazetteer (of the package's Arabic unless another
    language is given): labels, types, containment, Wikidata ids."""
    g = Graph()
    for e in gazetteer(lang or arabic()).values():
        if e.scope != "global":
            continue
        node = AID[f"entity/{e.key}"]
        g.add((node, RDF.type, ATHAR[e.type]))
        g.add((node, RDFS.label, Literal(e.label_ar, lang="ar")))
        g.add((node, RDFS.label, Literal(e.label_en, lang="en")))
        if e.parent:
            g.add((node, ATHAR.locatedIn, AID[f"entity/{e.parent}"]))
        if e.lat is not None:
            geometry = AID[f"entity/{e.key}/geometry"]
            g.add((node, GEO.hasGeometry, geometry))
            g.add((geometry, GEO.asWKT, Literal(f"POINT({e.lon} {e.lat})", datatype=GEO.wktLiteral)))
        if e.wikidata:
            g.add((node, ATHAR.wikidata, Literal(e.wikidata)))
            g.add((node, OWL.sameAs, WD[e.wikidata]))
            g.add((node, SKOS.note, Literal(f"Wikidata id confirmed by: {e.wikidata_source}", lang="en")))
    return g


# Every entity: the subject of athar:mentionedIn in a document's graph, or labelled in the gazetteer.
_ENTITY_FACTS = """
DROP SILENT GRAPH <{entities}> ;
INSERT {{ GRAPH <{entities}> {{ ?s ?p ?o }} }}
WHERE {{
  SELECT DISTINCT ?s ?p ?o WHERE {{
    VALUES ?p {{ <{type}> <{label}> <{guess}> }}
    {{ GRAPH ?g {{ ?s <{mentioned}> ?d . ?s ?p ?o }}
      FILTER(STRSTARTS(STR(?g), "{docs}")) }}
    UNION {{ GRAPH <{gazetteer}> {{ ?s <{label}> ?l . ?s ?p ?o }} }}
  }}
}}"""


def refresh_entities(store, *, force: bool = False) -> bool:
    """Bring the derived graph ``aid:graph/entities`` up to date: each entity's ``rdf:type``,
    ``rdfs:label`` and ``athar:labelIsGuess`` as the document graphs and the gazetteer state
    them, each triple once. A document graph stays whole (it repeats the labels of the
    entities it names, so that it can be replaced or dropped alone), but through the union
    of a thousand graphs a label join meets a thousand copies; queries read labels and types
    here instead, one row each. Then the summary graph of the aggregate queries follows
    (:mod:`athar.graph.summary`). Returns whether the entities graph changed.

    On athar's own store (Oxigraph) both are kept up to date document by document
    (:mod:`athar.graph.increment`): a change of k documents costs work for those k, and a build
    killed before this step is completed by the next one. On a remote store the graph records a
    digest of what it was drawn from (every document graph with its ``athar:contentHash`` and
    ``athar:extractedBy``, and the gazetteer's size): when they are the same, nothing is done;
    when they differ, it is drawn again whole, with the digest, in one update."""
    from athar.graph.store import Store

    if isinstance(store, Store):
        from athar.graph.increment import refresh

        return refresh(store, force=force)
    digest = _sources_digest(store)
    drawn = force or _stored_digest(store, ENTITIES_GRAPH) != digest
    if drawn:
        store.update(_ENTITY_FACTS.format(
            entities=ENTITIES_GRAPH, type=RDF.type, label=RDFS.label, guess=ATHAR.labelIsGuess,
            mentioned=ATHAR.mentionedIn, gazetteer=GAZETTEER_GRAPH, docs=AID["doc/"])
            + f' ;\nINSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{ <{ENTITIES_GRAPH}> <{ATHAR.contentHash}> "{digest}" }} }}')
    # the summary graph (athar.graph.summary) reads the labels drawn here: it follows, with its
    # own digest (a store built before it existed gets it at its next build)
    refresh_summary(store, digest, force=force)
    return drawn


def _stored_digest(store, graph: URIRef) -> str | None:
    rows = list(store.query(f"SELECT ?h WHERE {{ GRAPH <{graph}> {{ <{graph}> <{ATHAR.contentHash}> ?h }} }}"))
    return rows[0]["h"].value if len(rows) == 1 else None


def _sources_digest(store) -> str:
    """A digest of what the entities graph is drawn from: each document graph's IRI with its
    content hash and reader digest (index look-ups, not a scan of the store), and the size of
    the gazetteer graph."""
    docs = str(AID["doc/"])
    hashes = {r["g"].value: f'{r["h"].value} {r["d"].value if r["d"] is not None else ""}' for r in store.query(
        f"SELECT ?g ?h ?d WHERE {{ GRAPH ?g {{ ?g <{ATHAR.contentHash}> ?h OPTIONAL {{ ?g <{ATHAR.extractedBy}> ?d }} }} }}")}
    gazetteer = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GAZETTEER_GRAPH}> {{ ?s ?p ?o }} }}")))
    lines = [f"{g} {hashes.get(g, '')}" for g in store.graphs() if g.startswith(docs)]
    lines.append(f"gazetteer {gazetteer['n'].value}")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


__all__ = ["ENTITIES_GRAPH", "GAZETTEER_GRAPH", "build_graph", "date_literal", "document_iri", "entity_iri", "fact_iri",
           "gazetteer_graph", "refresh_entities"]
