"""Linking out: each actor, place, facility and person of the store tied to its item in an open
dataset (Wikidata first), with the facts that item adds, each in a named graph of its own.

``link_store`` reads the entities of the document graphs, asks a :class:`~athar.use.linker.Linker`
for the items labelled like them, scores each candidate, and writes, only once every answer is
in (a source that fails leaves the store as it was):

- ``aid:graph/links/SOURCE``: ``owl:sameAs`` when the score reaches ``same_as``, ``skos:closeMatch``
  when it reaches ``close_match``, nothing below, nor when two items score within ``margin`` of
  each other (unsure). Each link is also an ``rdf:Statement`` with its score
  (``athar:confidence``), its method (``dcterms:description``), the sources that confirm it
  (``dcterms:source``, offline) and the activity that made it (``prov:wasGeneratedBy``: when,
  from which endpoint or file).
- ``aid:graph/enrichment/SOURCE``: what the source says of each item linked by ``owl:sameAs``:
  its coordinates as a GeoSPARQL WKT point, country, containing unit, population and Arabic and
  English labels. The subjects are the source's IRIs (ours stay ours: ``owl:sameAs`` joins them).

A score adds the weights of ``[link.score]``: a label or an alias in common; a type (through the
item's subclass chain) that fits the entity's class, while a type that does not excludes the item;
the item's country against the entity's (the countries it lies in, by ``athar:locatedIn``); and
the unit the item lies in against the places of the entity's documents.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone

import rdflib
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from athar.graph.store import Store
from athar.graph.terms import AID, ATHAR, ONTOLOGY_GRAPH, ONTOLOGY_PATH, PREFIXES, sparql_prefixes
from athar.errors import LinkError
from athar.use.linker import Item, Linker, Settings, SnapshotLinker, SparqlLinker, key, load_config

log = logging.getLogger(__name__)

GEO = rdflib.Namespace(PREFIXES["geo"])
# the classes whose instances are linked, and their subclasses
LINKED_CLASSES = ("Actor", "Place", "Facility")


def links_graph(source: str) -> str:
    return str(AID[f"graph/links/{source}"])


def enrichment_graph(source: str) -> str:
    return str(AID[f"graph/enrichment/{source}"])


@dataclass(frozen=True)
class Entity:
    iri: str
    classes: tuple[str, ...]                 # its class, then the superclasses, nearest first
    labels: frozenset                        # (text, lang)
    countries: frozenset = frozenset()       # label keys of the countries it lies in
    context: frozenset = frozenset()         # label keys of the places around it and in its documents

    @property
    def label(self) -> str:
        return min((t for t, lang in self.labels if lang == "en"), default=None) or min(
            (t for t, _ in self.labels), default=self.iri)

    @property
    def is_place(self) -> bool:
        return "Place" in self.classes or "Facility" in self.classes


@dataclass(frozen=True)
class Decision:
    entity: Entity
    item: Item | None
    relation: str            # "sameAs", "closeMatch", "" (no link)
    score: float
    why: str                 # what the score is made of, or why nothing was linked


@dataclass
class LinkReport:
    source: str
    origin: str
    decisions: list[Decision] = field(default_factory=list)
    requests: int = 0
    cached: int = 0
    triples: int = 0

    def linked(self, relation: str = "sameAs") -> list[Decision]:
        return [d for d in self.decisions if d.relation == relation]

    @property
    def unsure(self) -> list[Decision]:
        return [d for d in self.decisions if not d.relation and d.why.startswith("unsure")]

    @property
    def missing_coordinates(self) -> list[Decision]:
        """Places linked by owl:sameAs whose item has no coordinates: reported, never invented."""
        return [d for d in self.linked() if d.entity.is_place and d.item.lat is None]

    def summary(self) -> str:
        lines = [f"{self.source} ({self.origin}): {len(self.decisions)} entities, "
                 f"{len(self.linked())} owl:sameAs, {len(self.linked('closeMatch'))} skos:closeMatch, "
                 f"{len(self.unsure)} unsure, {self.requests} requests, {self.cached} cached answers"]
        for d in self.unsure:
            lines.append(f"unsure: {d.entity.label} <{d.entity.iri}>: {d.why}")
        for d in self.missing_coordinates:
            lines.append(f"no coordinates: {d.entity.label} <{d.entity.iri}> = <{d.item.iri}>")
        return "\n".join(lines)


def link_with(store: Store, *, source: str = "wikidata", online: bool = False, endpoint: str | None = None,
              config: str | None = None, cache: str | None = None, timeout: float | None = None) -> LinkReport:
    """``athar link``: the configured ``source`` linked into ``store``, from its shipped snapshot
    (offline, the default), or from its endpoint when ``online`` or an ``endpoint`` is given."""
    cfg = load_config(config)
    if source not in cfg.sources:
        raise LinkError(f"no source '{source}' in the linker configuration; configured: {', '.join(cfg.sources)}")
    settings = cfg.settings if timeout is None else replace(cfg.settings, timeout=timeout)
    if online or endpoint:
        linker = SparqlLinker(cfg.sources[source], settings, endpoint=endpoint, cache_dir=cache)
    else:
        linker = SnapshotLinker(cfg.sources[source])
    return link_store(store, linker, settings)


def link_store(store: Store, linker: Linker, settings: Settings, *, now: datetime | None = None) -> LinkReport:
    """Link every entity of the store's documents through ``linker``; write the links and the
    enrichment graphs of its source (replacing those of an earlier run) and return the report."""
    entities = read_entities(store)
    labels = {(t, lang) for e in entities for t, lang in e.labels}
    found = linker.candidates(labels)
    by_key: dict[str, set[str]] = defaultdict(set)
    for (text, _), items in found.items():
        by_key[key(text)] |= items
    wanted = {i for e in entities for t, _ in e.labels for i in by_key.get(key(t), ())}
    items = linker.describe(wanted)
    report = LinkReport(linker.name, linker.origin)
    for e in entities:
        candidates = {i for t, _ in e.labels for i in by_key.get(key(t), ())}
        report.decisions.append(decide(e, [items[i] for i in sorted(candidates) if i in items],
                                       linker.accepted_types(e.classes), settings))
    now = now or datetime.now(timezone.utc).replace(microsecond=0)
    links, enrichment = link_graphs(report, linker, now)
    report.requests, report.cached = linker.requests, linker.cached
    report.triples = store.replace_graph(links_graph(linker.name), links)
    report.triples += store.replace_graph(enrichment_graph(linker.name), enrichment)
    store.flush()
    return report


def decide(entity: Entity, items: list[Item], accepted: frozenset, settings: Settings) -> Decision:
    """The item ``entity`` is, if one stands out; see the module's docstring for the score."""
    scored = []
    for item in items:
        s, why = _score(entity, item, accepted, settings.score)
        if s is not None:
            scored.append((round(s, 3), item, why))
    if not scored:
        return Decision(entity, None, "", 0.0, "no item of a fitting type has its label" if items else
                        "no item has its label")
    scored.sort(key=lambda x: (-x[0], x[1].iri))
    best, item, why = scored[0]
    if len(scored) > 1 and best - scored[1][0] < settings.margin:
        rivals = ", ".join(f"<{i.iri}> {s:g}" for s, i, _ in scored[:3])
        return Decision(entity, None, "", best, f"unsure: {rivals}")
    # the raw sum decides (a place named, typed, placed and in context beats one only named,
    # typed and placed); the link records it as a confidence from 0 to 1
    if best >= settings.same_as:
        return Decision(entity, item, "sameAs", min(best, 1.0), why)
    if best >= settings.close_match:
        return Decision(entity, item, "closeMatch", min(best, 1.0), why)
    return Decision(entity, None, "", best, f"too weak: <{item.iri}> {best:g} ({why})")


def _score(e: Entity, item: Item, accepted: frozenset, w: dict) -> tuple[float | None, str]:
    mine = {key(t) for t, _ in e.labels}
    parts = []
    if mine & {key(t) for t, _ in item.labels}:
        score = w.get("label", 0.5)
        parts.append("label")
    elif mine & {key(t) for t, _ in item.aliases}:
        score = w.get("alias", 0.4)
        parts.append("alias")
    else:
        return None, ""
    if item.types and accepted:
        if not item.types & accepted:
            return None, ""  # a person is no place, whatever its name
        score += w.get("type", 0.3)
        parts.append("type")
    countries = {key(n) for ref in item.countries for n in ref.labels}
    if e.countries and countries:
        if e.countries & countries:
            score += w.get("country", 0.2)
            parts.append("country")
        else:
            score += w.get("country_conflict", -0.5)
            parts.append("other country")
    if e.context & {key(n) for ref in item.within for n in ref.labels}:
        score += w.get("context", 0.1)
        parts.append("context")
    return score, ", ".join(parts)


# -- the store's entities -----------------------------------------------------------

def read_entities(store: Store) -> list[Entity]:
    """The actors, places, facilities and persons of the store's documents, with their labels,
    the countries they lie in and the places around them."""
    chains = class_chains(store)
    docs = f"{PREFIXES['aid']}doc/"
    ents = f"{PREFIXES['aid']}entity/"
    classes: dict[str, set[str]] = defaultdict(set)
    in_doc: dict[str, set[str]] = defaultdict(set)
    for r in store.query(f"""SELECT DISTINCT ?e ?c ?g WHERE {{ GRAPH ?g {{ ?e a ?c }}
            FILTER(STRSTARTS(STR(?g), "{docs}") && STRSTARTS(STR(?e), "{ents}")) }}"""):
        c = r["c"].value.removeprefix(str(ATHAR._NS))
        if any(x in LINKED_CLASSES for x in chains.get(c, ())):
            classes[r["e"].value].add(c)
            in_doc[r["g"].value].add(r["e"].value)
    labels: dict[str, set] = defaultdict(set)
    for r in store.query(sparql_prefixes("rdfs") + f"""SELECT DISTINCT ?e ?l WHERE {{ ?e rdfs:label ?l
            FILTER(STRSTARTS(STR(?e), "{ents}") && LANG(?l) IN ("ar", "en")) }}"""):
        labels[r["e"].value].add((r["l"].value, r["l"].language))
    around: dict[str, set[str]] = defaultdict(set)
    countries: dict[str, set[str]] = defaultdict(set)
    for r in store.query(sparql_prefixes("athar") + f"""SELECT DISTINCT ?e ?p ?country WHERE {{
            ?e athar:locatedIn+ ?p . OPTIONAL {{ ?p a athar:Country BIND(true AS ?country) }}
            FILTER(STRSTARTS(STR(?e), "{ents}")) }}"""):
        around[r["e"].value].add(r["p"].value)
        if r["country"] is not None:
            countries[r["e"].value].add(r["p"].value)
    for e, cs in classes.items():
        if "Country" in cs:
            countries[e].add(e)
    for members in in_doc.values():
        for e in members:
            around[e] |= members - {e}
    out = []
    for e in sorted(classes):
        chain = _chain(classes[e], chains)
        out.append(Entity(e, chain, frozenset(labels[e]),
                          frozenset(key(t) for c in countries[e] for t, _ in labels.get(c, ())),
                          frozenset(key(t) for p in around[e] for t, _ in labels.get(p, ()))))
    return [e for e in out if e.labels]


def class_chains(store: Store) -> dict[str, tuple[str, ...]]:
    """Each athar class -> itself and its superclasses, nearest first (from the ontology graph
    in the store, else from the package's ontology file)."""
    pairs = [(r["c"].value, r["s"].value) for r in store.query(sparql_prefixes("rdfs") + f"""
        SELECT ?c ?s WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?c rdfs:subClassOf ?s }} }}""")]
    if not pairs:
        g = Graph().parse(ONTOLOGY_PATH, format="turtle")
        pairs = [(str(c), str(s)) for c, s in g.subject_objects(RDFS.subClassOf)]
    ns = str(ATHAR._NS)
    parents: dict[str, list[str]] = defaultdict(list)
    for c, s in sorted(pairs):
        if c.startswith(ns) and s.startswith(ns):
            parents[c.removeprefix(ns)].append(s.removeprefix(ns))
    chains = {}
    for c in list(parents) + [s for ss in list(parents.values()) for s in ss]:
        seen, frontier = [c], [c]
        while frontier:
            frontier = [p for x in frontier for p in parents.get(x, ()) if p not in seen]
            seen += list(dict.fromkeys(frontier))
        chains[c] = tuple(seen)
    return chains


def _chain(classes: set[str], chains: dict) -> tuple[str, ...]:
    """The most specific of an entity's classes first, then the rest of every chain."""
    leaves = sorted(c for c in classes if not any(c != o and c in chains.get(o, ()) for o in classes))
    out: list[str] = []
    for c in leaves:
        out += [x for x in chains.get(c, (c,)) if x not in out]
    return tuple(out)


# -- the graphs ---------------------------------------------------------------------

def link_graphs(report: LinkReport, linker: Linker, now: datetime) -> tuple[Graph, Graph]:
    links, enrichment = Graph(), Graph()
    stamp = Literal(now.isoformat(), datatype=XSD.dateTime)
    activity = AID[f"linking/{linker.name}/{now.strftime('%Y%m%dT%H%M%SZ')}"]
    origin = URIRef(linker.origin) if "://" in linker.origin else AID[f"reference/{linker.origin}"]
    links.add((activity, RDF.type, PROV.Activity))
    links.add((activity, RDFS.label, Literal(f"athar link: {linker.name} ({linker.method})", lang="en")))
    links.add((activity, PROV.used, origin))
    links.add((activity, PROV.endedAtTime, stamp))
    for d in report.decisions:
        if not d.relation:
            continue
        e, item = URIRef(d.entity.iri), URIRef(d.item.iri)
        predicate = OWL.sameAs if d.relation == "sameAs" else SKOS.closeMatch
        links.add((e, predicate, item))
        if d.relation == "sameAs" and d.item.iri.startswith(PREFIXES["wd"]):
            links.add((e, ATHAR.wikidata, Literal(d.item.iri.removeprefix(PREFIXES["wd"]))))
        node = AID[f"link/{linker.name}/" + hashlib.sha1(f"{e} {predicate} {item}".encode()).hexdigest()[:16]]
        for p, o in ((RDF.type, RDF.Statement), (RDF.subject, e), (RDF.predicate, predicate), (RDF.object, item),
                     (ATHAR.confidence, Literal(f"{d.score:.3f}", datatype=XSD.decimal)),
                     (DCTERMS.description, Literal(f"{linker.method}: {d.why}", lang="en")),
                     (PROV.generatedAtTime, stamp), (PROV.wasGeneratedBy, activity)):
            links.add((node, p, o))
        if d.item.sources:
            links.add((node, DCTERMS.source, Literal(d.item.sources)))
        if d.relation == "sameAs":
            _enrich(enrichment, d.item, linker)
    if len(enrichment):
        g = URIRef(enrichment_graph(linker.name))
        enrichment.add((g, PROV.wasDerivedFrom, origin))
        enrichment.add((g, PROV.generatedAtTime, stamp))
    return links, enrichment


def _enrich(g: Graph, item: Item, linker: Linker) -> None:
    node = URIRef(item.iri)
    for text, lang in item.labels:
        g.add((node, RDFS.label, Literal(text, lang=lang or None)))
    if item.lat is not None and item.lon is not None:
        geometry = AID[f"enrichment/{linker.name}/{item.iri.rsplit('/', 1)[-1]}/geometry"]
        g.add((node, GEO.hasGeometry, geometry))
        g.add((geometry, GEO.asWKT, Literal(f"POINT({item.lon} {item.lat})", datatype=GEO.wktLiteral)))
        if item.coordinates_source:
            g.add((geometry, RDFS.comment, Literal(item.coordinates_source, lang="en")))
    paths = getattr(getattr(linker, "source", None), "paths", {})
    for what, refs in (("country", item.countries), ("within", item.within)):
        predicate = _predicate(linker, paths.get(what))
        for ref in refs:
            if predicate is not None:
                g.add((node, predicate, URIRef(ref.iri)))
            for name in ref.labels:
                g.add((URIRef(ref.iri), RDFS.label, Literal(name)))
    predicate = _predicate(linker, paths.get("population"))
    if item.population is not None and predicate is not None:
        g.add((node, predicate, Literal(int(item.population), datatype=XSD.integer)))


def _predicate(linker: Linker, path: str | None) -> URIRef | None:
    """The property of a one-step path ("wdt:P17") as an IRI; None for a longer path."""
    if not path or any(ch in path for ch in "/|*+^ "):
        return None
    prefix, _, local = path.partition(":")
    return URIRef(linker.source.prefixes[prefix] + local)


__all__ = ["Decision", "Entity", "LinkReport", "class_chains", "decide", "enrichment_graph", "link_store", "link_with",
           "links_graph", "read_entities"]
