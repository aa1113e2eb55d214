"""Documentation of the ontology: one self-contained HTML page and an SVG diagram.

``write_docs(directory)`` reads ``ontology/athar.ttl`` and ``ontology/mappings.ttl``
and writes ``index.html`` (every class, property and individual with its IRI,
English and Arabic labels and comments, super- and subclasses, domain and range,
characteristics and alignments, including the ACLED and CAMEO mappings) and
``diagram.svg`` (the class hierarchy under each top class, and the object
properties between the top classes). The page has no script and loads nothing
from the network; Arabic text sits in ``dir="rtl"`` spans. The output is
deterministic, so the generated files can be committed and checked.

pyLODE was the first choice; see docs/ontology/PROFILE.md for why it is not used.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from athar.errors import OntologyError, RenderError
from athar.graph.terms import ATHAR, MAPPINGS_PATH, ONTOLOGY_IRI, ONTOLOGY_PATH, PREFIXES

NS = str(ATHAR._NS)
# The prefixes the page writes terms with, in this order (a term takes the first that fits).
_PREFIXES = {name: PREFIXES[name] for name in (
    "athar", "acled", "cameo", "rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "sem", "prov", "schema",
    "foaf", "org", "geo", "time", "oa", "nif")}
_KINDS = (("Classes", "الأصناف", OWL.Class), ("Object properties", "خصائص الربط", OWL.ObjectProperty),
          ("Datatype properties", "خصائص القيم", OWL.DatatypeProperty),
          ("Named individuals", "الأفراد المسمّون", OWL.NamedIndividual))
_CHARACTERISTICS = (OWL.TransitiveProperty, OWL.FunctionalProperty, OWL.SymmetricProperty,
                    OWL.InverseFunctionalProperty)
_MATCHES = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
_ROOT_ORDER = ("Actor", "Event", "Place", "Amount", "Bound", "Modality", "Evidence", "Document",
               "RelationStatement", "Programme", "Materiel")
_CSS = """
body{font-family:system-ui,'Noto Sans','Noto Naskh Arabic',sans-serif;max-width:70rem;margin:auto;padding:1rem 2rem;
color:#222;line-height:1.45}h1,h2,h3{color:#123}code,.iri{font-family:ui-monospace,monospace;font-size:.9em}
.term{border-top:1px solid #ccd;padding:.6rem 0}.term h3{margin:.2rem 0}.ar{font-family:'Noto Naskh Arabic',
'Amiri',serif;font-size:1.1em}table.kv th{text-align:left;vertical-align:top;padding-right:1rem;white-space:nowrap;
font-weight:600;color:#345}nav ul{columns:4;font-size:.9em}.muted{color:#667}svg{max-width:100%;height:auto}
"""


def load_ontology(path: Path = ONTOLOGY_PATH, mappings: Path = MAPPINGS_PATH) -> Graph:
    g = Graph()
    for p in (path, mappings):
        try:
            g.parse(str(p), format="turtle")
        except Exception as e:  # rdflib raises many parser errors
            raise OntologyError(f"{p}: cannot read ({e})") from e
    for prefix, iri in _PREFIXES.items():
        g.bind(prefix, iri, override=True)
    return g


def write_docs(directory: Path, graph: Graph | None = None) -> Path:
    """Write index.html and diagram.svg into ``directory``; return the path of index.html."""
    g = load_ontology() if graph is None else graph
    svg = render_svg(g)
    html = render_html(g, svg)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "diagram.svg").write_text(svg, encoding="utf-8")
        (directory / "index.html").write_text(html, encoding="utf-8")
    except OSError as e:
        raise RenderError(f"{directory}: cannot write the documentation ({e.strerror or e})") from e
    return directory / "index.html"


# -- HTML ---------------------------------------------------------------------

def render_html(g: Graph, svg: str) -> str:
    o = ONTOLOGY_IRI
    out = ['<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
           f"<title>{escape(_text(g, o, DCTERMS.title, 'en'))}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
           f"<h1>{escape(_text(g, o, DCTERMS.title, 'en'))}</h1>\n",
           f'<p class="ar" dir="rtl" lang="ar">{escape(_text(g, o, DCTERMS.title, "ar"))}</p>\n<table class="kv">\n']
    for name, value in (("IRI", _code(o)), ("Version", escape(_text(g, o, OWL.versionInfo))),
                        ("Version IRI", _code(g.value(o, OWL.versionIRI))),
                        ("License", _link(g, g.value(o, DCTERMS.license))),
                        ("Prefix", f"<code>athar: &lt;{escape(NS)}&gt;</code>")):
        out.append(f"<tr><th>{name}</th><td>{value}</td></tr>\n")
    out.append("</table>\n")
    out.append(f"<p>{escape(_text(g, o, DCTERMS.description, 'en'))}</p>\n")
    out.append(f'<p class="ar" dir="rtl" lang="ar">{escape(_text(g, o, DCTERMS.description, "ar"))}</p>\n')
    out.append("<h2>Diagram</h2>\n<p class=\"muted\">Top classes with their subclasses; arrows are object "
               "properties from domain to range (<a href=\"diagram.svg\">full size</a>).</p>\n")
    out.append(svg[svg.index("<svg"):] + "\n")
    out.append("<nav><h2>Contents</h2>\n")
    for title, _, kind in _KINDS:
        terms = _terms(g, kind)
        out.append(f"<h3>{title}</h3><ul>" + "".join(
            f'<li><a href="#{_local(t)}">{escape(_local(t))}</a></li>' for t in terms) + "</ul>\n")
    out.append("</nav>\n")
    for title, title_ar, kind in _KINDS:
        out.append(f'<h2>{title} <span class="ar" dir="rtl" lang="ar">{title_ar}</span></h2>\n')
        for t in _terms(g, kind):
            out.append(_term_html(g, t))
    out.append("</body>\n</html>\n")
    return "".join(out)


def _term_html(g: Graph, t: URIRef) -> str:
    rows = [("IRI", _code(t))]
    labels = (f'{escape(_text(g, t, RDFS.label, "en"))} · '
              f'<span class="ar" dir="rtl" lang="ar">{escape(_text(g, t, RDFS.label, "ar"))}</span>')
    rows.append(("Labels", labels))
    types = [k for k in g.objects(t, RDF.type) if k not in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty,
                                                             OWL.NamedIndividual)]
    for name, values in (
        ("Type", types),
        ("Subclass of", list(g.objects(t, RDFS.subClassOf))),
        ("Superclass of", list(g.subjects(RDFS.subClassOf, t))),
        ("Subproperty of", list(g.objects(t, RDFS.subPropertyOf))),
        ("Superproperty of", list(g.subjects(RDFS.subPropertyOf, t))),
        ("Inverse of", list(g.objects(t, OWL.inverseOf))),
        ("Domain", list(g.objects(t, RDFS.domain))),
        ("Range", list(g.objects(t, RDFS.range))),
        ("In scheme", list(g.objects(t, SKOS.inScheme))),
        ("Members", list(g.subjects(RDF.type, t)) if (t, RDF.type, OWL.Class) in g else []),
        ("See also", list(g.objects(t, RDFS.seeAlso))),
    ):
        if values:
            rows.append((name, ", ".join(sorted(_term(g, v) for v in values))))
    for match in _MATCHES:
        targets = sorted(g.objects(t, match), key=str)
        if targets:
            rows.append((f"{_qname(g, match)}", ", ".join(_mapped(g, x) for x in targets)))
    body = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows)
    return (f'<section class="term" id="{_local(t)}"><h3>{escape(_local(t))}</h3>\n'
            f'<p>{escape(_text(g, t, RDFS.comment, "en"))}</p>\n'
            f'<p class="ar" dir="rtl" lang="ar">{escape(_text(g, t, RDFS.comment, "ar"))}</p>\n'
            f'<table class="kv">{body}</table></section>\n')


def _terms(g: Graph, kind: URIRef) -> list[URIRef]:
    return sorted({s for s in g.subjects(RDF.type, kind) if isinstance(s, URIRef) and str(s).startswith(NS)},
                  key=lambda s: _local(s).lower())


def _term(g: Graph, v) -> str:
    """A term as a link (our own), a qname (others), or a class expression or data range."""
    if isinstance(v, BNode):
        for op, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            members = g.value(v, op)
            if members is not None:
                return "(" + word.join(_term(g, m) for m in g.items(members)) + ")"
        one_of = g.value(v, OWL.oneOf)
        if one_of is not None:
            return "one of {" + ", ".join(escape(str(m)) for m in g.items(one_of)) + "}"
        base = g.value(v, OWL.onDatatype)
        if base is not None:
            facets = [f"{_qname(g, p)} {escape(str(val))}" for r in g.items(g.value(v, OWL.withRestrictions))
                      for p, val in g.predicate_objects(r)]
            return f"{_term(g, base)} [{', '.join(sorted(facets))}]"
        return "(anonymous)"
    if isinstance(v, Literal):
        return escape(str(v))
    if str(v).startswith(NS):
        return f'<a href="#{_local(v)}">{escape(_qname(g, v))}</a>'
    return f'<a href="{escape(str(v))}"><code>{escape(_qname(g, v))}</code></a>'


def _mapped(g: Graph, x) -> str:
    label = _text(g, x, SKOS.prefLabel, "en")
    notation = g.value(x, SKOS.notation)
    extra = " ".join(p for p in (str(notation) if notation else "", f"“{label}”" if label else "") if p)
    return f"<code>{escape(_qname(g, x))}</code>" + (f" {escape(extra)}" if extra else "")


def _text(g: Graph, s, p, lang: str | None = None) -> str:
    for o in sorted(g.objects(s, p), key=str):
        if isinstance(o, Literal) and (lang is None or o.language == lang):
            return str(o)
    return ""


def _qname(g: Graph, iri) -> str:
    for prefix, ns in _PREFIXES.items():
        if str(iri).startswith(ns) and str(iri) != ns:
            return f"{prefix}:{str(iri)[len(ns):]}"
    return str(iri)


def _local(iri) -> str:
    return str(iri)[len(NS):] if str(iri).startswith(NS) else str(iri).rsplit("/", 1)[-1]


def _code(iri) -> str:
    return f"<code>{escape(str(iri))}</code>" if iri is not None else ""


def _link(g: Graph, iri) -> str:
    return f'<a href="{escape(str(iri))}">{escape(str(iri))}</a>' if iri is not None else ""


# -- SVG ----------------------------------------------------------------------

_COL, _ROW = 178, 19  # column width, outline row height


def render_svg(g: Graph) -> str:
    """The class hierarchy under each top class, and object properties between top classes."""
    roots = [ATHAR[n] for n in _ROOT_ORDER]
    x_of = {r: 20 + i * _COL for i, r in enumerate(roots)}
    edges = sorted(_edges(g, roots).items(), key=lambda e: (x_of[e[0][0]], x_of[e[0][1]]))
    arcs = [_Arc(x_of[src] + _COL / 2 - 9, x_of[dst] + _COL / 2 - 9, k, names)
            for k, ((src, dst), names) in enumerate(edges)]
    top = 60 + max((a.height for a in arcs), default=0)
    parts, height = [], top
    for r in roots:
        x = x_of[r]
        for i, (depth, cls) in enumerate(_outline(g, r)):
            y = top + i * _ROW
            label = escape(_local(cls))
            if depth == 0:
                parts.append(f'<rect x="{x}" y="{y}" width="{_COL - 18}" height="{_ROW + 4}" rx="4" '
                             f'fill="#1d4e89" /><text x="{x + 6}" y="{y + 16}" fill="#fff" font-weight="bold">'
                             f'<a href="#{label}">{label}</a></text>')
                ar = escape(_text(g, cls, RDFS.label, "ar"))
                parts.append(f'<text x="{x + _COL - 24}" y="{y + _ROW + 18}" text-anchor="end" font-size="12" '
                             f'fill="#1d4e89">{ar}</text>')
            else:
                ix = x + 8 + depth * 12
                y += 18
                parts.append(f'<path d="M{ix - 8},{y + 4} v8 h6" fill="none" stroke="#99a" />'
                             f'<text x="{ix + 2}" y="{y + 16}" font-size="12">{label}</text>')
            height = max(height, y + 2 * _ROW)
    parts += [a.svg(top - 2) for a in arcs]
    width = 20 + len(roots) * _COL
    legend = ('<text x="20" y="18" font-size="13" fill="#555">athar ontology: top classes (blue, with their '
              'Arabic labels) and their subclasses; red arrows: object properties from domain to range</text>')
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" font-family="sans-serif" '
            f'font-size="13">\n<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#a33" /></marker>'
            f'</defs>\n{legend}\n' + "\n".join(parts) + "\n</svg>\n")


def _outline(g: Graph, root: URIRef, depth: int = 0) -> list[tuple[int, URIRef]]:
    rows = [(depth, root)]
    for sub in sorted(g.subjects(RDFS.subClassOf, root), key=lambda s: _local(s)):
        if isinstance(sub, URIRef) and str(sub).startswith(NS):
            rows += _outline(g, sub, depth + 1)
    return rows


def _root(g: Graph, cls, roots: list[URIRef]):
    seen, todo = set(), [cls]
    while todo:
        c = todo.pop(0)
        if c in roots:
            return c
        if c in seen:
            continue
        seen.add(c)
        todo += [s for s in g.objects(c, RDFS.subClassOf) if str(s).startswith(NS)]
    return None


def _members(g: Graph, v) -> list:
    union = g.value(v, OWL.unionOf) if isinstance(v, BNode) else None
    return list(g.items(union)) if union is not None else [v]


def _edges(g: Graph, roots: list[URIRef]) -> dict[tuple, list[str]]:
    edges: dict[tuple, list[str]] = {}
    for p in sorted(g.subjects(RDF.type, OWL.ObjectProperty), key=str):
        if not str(p).startswith(NS):
            continue
        for d in (m for v in g.objects(p, RDFS.domain) for m in _members(g, v)):
            for r in (m for v in g.objects(p, RDFS.range) for m in _members(g, v)):
                src, dst = _root(g, d, roots), _root(g, r, roots)
                if src is not None and dst is not None:
                    edges.setdefault((src, dst), []).append(_local(p))
    return edges


class _Arc:
    """An arc above the top-class boxes from x1 to x2 (a loop when they are the same), labelled."""

    def __init__(self, x1: float, x2: float, k: int, names: list[str]):
        self.x1, self.x2 = x1, x2
        self.lines = [""]
        for w in sorted(set(names)):
            if len(self.lines[-1]) + len(w) > 26 and self.lines[-1]:
                self.lines.append("")
            self.lines[-1] += (", " if self.lines[-1] else "") + w
        if x1 == x2:
            self.h = 40 + 14 * len(self.lines)
        else:
            self.h = 45 + 0.16 * abs(x2 - x1) + 26 * (k % 5)
        self.height = self.h + 14 * len(self.lines) + 10

    def svg(self, y: float) -> str:
        x1, x2, h, lines = self.x1, self.x2, self.h, self.lines
        if x1 == x2:
            path = f"M{x1 - 30},{y} C{x1 - 60},{y - h} {x1 + 60},{y - h} {x1 + 30},{y}"
            lx, ly = x1, y - h * 0.75 - 4 - 14 * (len(lines) - 1)
        else:
            path = f"M{x1},{y} Q{(x1 + x2) / 2},{y - 2 * h} {x2},{y}"
            lx, ly = (x1 + x2) / 2, y - h - 4 - 14 * (len(lines) - 1)
        text = "".join(f'<tspan x="{lx:.0f}" dy="{0 if i == 0 else 14}">{escape(line)}</tspan>'
                       for i, line in enumerate(lines))
        return (f'<path d="{path}" fill="none" stroke="#a33" stroke-width="1.3" marker-end="url(#arrow)" />'
                f'<text x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle" font-size="11" fill="#a33" '
                f'stroke="#fff" stroke-width="3" paint-order="stroke">{text}</text>')


__all__ = ["load_ontology", "render_html", "render_svg", "write_docs"]
