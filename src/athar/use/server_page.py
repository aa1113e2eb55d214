"""What the server says about one entity or event: its labels, types, facts and the
sentences that state them, as an HTML page or as RDF; and what it says about itself
(the SPARQL 1.1 Service Description).

Every value written into the page goes through :func:`html.escape`: labels and
sentences come from the news, and the news may say ``<script>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from string import Template
from urllib.parse import quote

import pyoxigraph as ox

from athar.graph.store import Store
from athar.graph.terms import PREFIXES, sparql_prefixes
from athar.use.protocol import GRAPH_FORMATS, RESULT_FORMATS, Limits, serialize_graph

BASE = PREFIXES["aid"]
_ARABIC = range(0x0600, 0x0700)
# The W3C vocabularies of the service description (used by the server alone).
SD = "http://www.w3.org/ns/sparql-service-description#"
_RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")

# The queries about one IRI: ``$e`` is replaced by the IRI, written by pyoxigraph once it has
# checked it (no '>', no space can end it early). pyoxigraph's substitutions would be the
# tidier way, but they bind a variable only where it is projected, and CONSTRUCT takes none.
_OUT = sparql_prefixes("rdfs") + """SELECT ?p ?o ?label WHERE {
  $e ?p ?o . OPTIONAL { ?o rdfs:label ?label }
} ORDER BY ?p ?o"""
_IN = sparql_prefixes("rdfs") + """SELECT ?s ?p ?label WHERE {
  ?s ?p $e . OPTIONAL { ?s rdfs:label ?label }
} ORDER BY ?p ?s"""
_EVIDENCE = sparql_prefixes("athar", "nif") + """SELECT DISTINCT ?fact ?type ?words ?sentence ?file WHERE {
  { BIND($e AS ?fact) } UNION { ?fact ?role $e }
  ?fact athar:evidence ?ev .
  ?ev nif:anchorOf ?words ; athar:sentence ?sentence ; nif:referenceContext ?doc .
  OPTIONAL { ?doc athar:fileName ?file }
  OPTIONAL { ?fact a ?type . FILTER(STRSTARTS(STR(?type), STR(athar:))) }
} ORDER BY ?file ?fact"""
_DESCRIBE = sparql_prefixes("athar") + """CONSTRUCT { $e ?p ?o . ?s ?q $e . ?ev ?r ?x } WHERE {
  { $e ?p ?o } UNION { ?s ?q $e } UNION { $e athar:evidence ?ev . ?ev ?r ?x }
}"""


@dataclass(frozen=True)
class Entity:
    """What the store holds about one IRI: rows of (property, value, label) out and (subject, property, label) in."""

    iri: str
    out: list[tuple[ox.NamedNode, object, str | None]]
    into: list[tuple[object, ox.NamedNode, str | None]]
    evidence: list[dict]


def entity_iri(path_id: str) -> str:
    """The IRI of ``/entity/{path_id}``: athar's base joined with the id as it came (percent-escapes kept)."""
    return BASE + path_id


def entity_path(iri: str) -> str | None:
    """The server path of an IRI under athar's base, or None for any other IRI."""
    if not iri.startswith(BASE):
        return None
    return "/entity/" + quote(iri[len(BASE):], safe="/%:@!$&'()*+,;=-._~")


def read_entity(store: Store, iri: str) -> Entity | None:
    """Everything about ``iri`` in the union of the store's graphs, or None when it is unknown."""
    def rows(query):
        return list(store._ox.query(_about(query, iri), use_default_graph_as_union=True))

    out = [(r["p"], r["o"], _value(r["label"])) for r in rows(_OUT)]
    into = [(r["s"], r["p"], _value(r["label"])) for r in rows(_IN)]
    if not out and not into:
        return None
    evidence = [{k: _value(r[k]) for k in ("fact", "type", "words", "sentence", "file")} for r in rows(_EVIDENCE)]
    return Entity(iri, _first_label(out), _first_label(into), evidence)


def describe_entity(store: Store, iri: str, media: str) -> bytes:
    """The triples about ``iri`` (and its evidence) in an RDF format."""
    triples = list(store._ox.query(_about(_DESCRIBE, iri), use_default_graph_as_union=True))
    return serialize_graph(triples, media)


def _about(query: str, iri: str) -> str:
    return query.replace("$e", str(ox.NamedNode(iri)))  # NamedNode raises ValueError on a bad IRI


def render_entity(entity: Entity) -> str:
    """The entity page: labels, types, same-as links, facts, roles in events, evidence sentences."""
    label_p, same_p = PREFIXES["rdfs"] + "label", PREFIXES["owl"] + "sameAs"
    labels = [(o.value, o.language) for p, o, _ in entity.out if p.value == label_p and isinstance(o, ox.Literal)]
    types = [o for p, o, _ in entity.out if p == _RDF_TYPE]
    same = [o.value for p, o, _ in entity.out if p.value == same_p and isinstance(o, ox.NamedNode)]
    facts = [(p, o, label) for p, o, label in entity.out if p.value not in (label_p, same_p) and p != _RDF_TYPE]
    title = labels[0][0] if labels else compact(entity.iri)
    parts = [f"<h1{_dir(title)}>{escape(title)}</h1>",
             f'<p class="iri"><code>{escape(entity.iri)}</code> · '
             f'<a href="{escape(_turtle_link(entity.iri))}">Turtle</a></p>']
    if labels:
        parts.append("<h2>Labels · التسميات</h2><ul>" + "".join(
            f'<li><span lang="{escape(lang or "")}"{_dir(text)}>{escape(text)}</span>'
            f' <small>{escape(lang or "")}</small></li>' for text, lang in labels) + "</ul>")
    if types:
        parts.append("<h2>Types · الأنواع</h2><ul>" + "".join(f"<li>{_term(t)}</li>" for t in types) + "</ul>")
    if same:
        parts.append("<h2>Same as · مطابق لـ</h2><ul>" + "".join(
            f'<li><a rel="noopener noreferrer" href="{escape(_safe_href(iri))}">{escape(compact(iri))}</a></li>'
            for iri in same) + "</ul>")
    if facts:
        parts.append("<h2>Facts · الحقائق</h2><table><tr><th>property</th><th>value</th></tr>" + "".join(
            f"<tr><td>{_term(p)}</td><td>{_term(o, label)}</td></tr>" for p, o, label in facts) + "</table>")
    if entity.into:
        parts.append("<h2>Named by · مذكور في</h2><table><tr><th>subject</th><th>property</th></tr>" + "".join(
            f"<tr><td>{_term(s, label)}</td><td>{_term(p)}</td></tr>" for s, p, label in entity.into) + "</table>")
    if entity.evidence:
        parts.append("<h2>Evidence · الشواهد</h2><table><tr><th>fact</th><th>sentence</th><th>document</th></tr>"
                     + "".join(_evidence_row(ev) for ev in entity.evidence) + "</table>")
    return static_text("entity.html").substitute(title=escape(title), body="\n".join(parts))


def _evidence_row(ev: dict) -> str:
    sentence, words = ev["sentence"] or "", ev["words"] or ""
    at = sentence.find(words) if words else -1
    text = (escape(sentence) if at < 0 else escape(sentence[:at]) + "<mark>" + escape(words) + "</mark>"
            + escape(sentence[at + len(words):]))
    kind = compact(ev["type"]) if ev["type"] else "fact"
    link = entity_path(ev["fact"] or "")
    fact = f'<a href="{escape(link)}">{escape(kind)}</a>' if link else escape(kind)
    return (f'<tr><td>{fact}</td><td{_dir(sentence)} class="sentence">{text}</td>'
            f'<td>{escape(ev["file"] or "")}</td></tr>')


def compact(iri: str) -> str:
    """``aid:entity/raqqa`` for an IRI under a known namespace, else the IRI."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def _term(term, label: str | None = None) -> str:
    if isinstance(term, ox.NamedNode):
        shown = escape(label or compact(term.value))
        path = entity_path(term.value)
        if path:
            return f'<a href="{escape(path)}"{_dir(label or "")}>{shown}</a>'
        return f'<span title="{escape(term.value)}">{shown}</span>'
    if isinstance(term, ox.Literal):
        lang = f' lang="{escape(term.language)}"' if term.language else ""
        return f"<span{lang}{_dir(term.value)}>{escape(term.value)}</span>"
    return f"<code>{escape(str(term))}</code>"


def _dir(text: str) -> str:
    """``dir="rtl"`` for text that is mostly Arabic."""
    arabic = sum(1 for c in text if ord(c) in _ARABIC)
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return ' dir="rtl"' if arabic > latin else ""


def _safe_href(iri: str) -> str:
    return iri if iri.startswith(("http://", "https://")) else "#"


def _turtle_link(iri: str) -> str:
    return (entity_path(iri) or "") + "?format=turtle"


def _value(term) -> str | None:
    return None if term is None else term.value


def _first_label(rows: list[tuple]) -> list[tuple]:
    """One row per (a, b) pair, keeping the first label (rows come ordered)."""
    seen, out = set(), []
    for a, b, label in rows:
        if (a, b) not in seen:
            seen.add((a, b))
            out.append((a, b, label))
    return out


@cache
def static_text(name: str) -> Template:
    """A file of ``athar/use/static`` (package data) as a template of ``$name`` fields."""
    return Template((resources.files("athar.use") / "static" / name).read_text(encoding="utf-8"))


def service_description(endpoint_url: str, limits: Limits, graphs: list[str]) -> list[ox.Triple]:
    """The SPARQL 1.1 Service Description of the endpoint at ``endpoint_url``."""
    def sd(name):
        return ox.NamedNode(SD + name)

    svc, dataset, default = ox.BlankNode(), ox.BlankNode(), ox.BlankNode()
    triples = [
        ox.Triple(svc, _RDF_TYPE, sd("Service")),
        ox.Triple(svc, sd("endpoint"), ox.NamedNode(endpoint_url)),
        ox.Triple(svc, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(svc, sd("feature"), sd("UnionDefaultGraph")),
        ox.Triple(svc, sd("defaultDataset"), dataset),
        ox.Triple(dataset, _RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default),
        ox.Triple(default, _RDF_TYPE, sd("Graph")),
    ]
    if limits.allow_update:
        triples.append(ox.Triple(svc, sd("supportedLanguage"), sd("SPARQL11Update")))
    if limits.allow_service:
        triples.append(ox.Triple(svc, sd("feature"), sd("BasicFederatedQuery")))
    formats = {f.iri for f in RESULT_FORMATS.values()} | {f.iri for f in GRAPH_FORMATS.values()}
    triples += [ox.Triple(svc, sd("resultFormat"), ox.NamedNode(iri)) for iri in sorted(formats)]
    for g in graphs:
        named = ox.BlankNode()
        triples += [ox.Triple(dataset, sd("namedGraph"), named), ox.Triple(named, _RDF_TYPE, sd("NamedGraph")),
                    ox.Triple(named, sd("name"), ox.NamedNode(g))]
    return triples
