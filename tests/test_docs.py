"""The ontology documentation: every term, both languages, a diagram, nothing from the network.

What a reader checks here: every class and property of ontology/athar.ttl has its own section
(an anchor to link to) with its English and Arabic labels and comments, the index links to it,
the diagram names the top classes and main properties, and the page loads nothing remote."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, URIRef

from athar.cli import main
from athar.use.docs import write_docs
from athar.graph.terms import ATHAR, ONTOLOGY_PATH

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "docs" / "ontology"
NS = str(ATHAR._NS)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("docs")
    write_docs(directory)
    return directory


@pytest.fixture(scope="module")
def html(out) -> str:
    return (out / "index.html").read_text(encoding="utf-8")


def _terms(onto: Graph) -> set[URIRef]:
    return {s for s in onto.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(NS)}


def _section(html: str, name: str) -> str:
    start = html.index(f'<section class="term" id="{name}">')
    return html[start:html.index("</section>", start)]


def test_every_term_has_a_section(onto, html):
    missing = [t for t in _terms(onto) if f'<section class="term" id="{str(t)[len(NS):]}">' not in html]
    assert not missing, missing


def test_each_section_gives_its_term_labels_and_comments_in_both_languages(onto, html):
    bad = []
    for term in _terms(onto):
        name = str(term)[len(NS):]
        section = _section(html, name)
        labels = {lit.language: str(lit) for lit in onto.objects(term, RDFS.label)}
        comments = {lit.language: str(lit) for lit in onto.objects(term, RDFS.comment)}
        if not section.startswith(f'<section class="term" id="{name}"><h3>{name}</h3>'):
            bad.append(f"{name}: no heading")
        if f'{escape(labels["en"])} · <span class="ar" dir="rtl" lang="ar">{escape(labels["ar"])}</span>' not in section:
            bad.append(f"{name}: labels")
        if f"<p>{escape(comments['en'])}</p>" not in section:
            bad.append(f"{name}: English comment")
        if "ar" in comments and f'<p class="ar" dir="rtl" lang="ar">{escape(comments["ar"])}</p>' not in section:
            bad.append(f"{name}: Arabic comment")
        if f"<code>{term}</code>" not in section:
            bad.append(f"{name}: IRI")
    assert not bad, bad


def test_every_term_is_linked_from_the_page(onto, html):
    missing = [t for t in _terms(onto) if f'href="#{str(t)[len(NS):]}"' not in html]
    assert not missing, missing


def test_a_subclass_links_to_its_superclass(html):
    assert '<tr><th>Subclass of</th><td><a href="#ConflictEvent">athar:ConflictEvent</a></td></tr>' in _section(
        html, "Liberation")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_labels_in_both_languages(onto, html, lang):
    missing = [t for t in _terms(onto) for label in onto.objects(t, RDFS.label)
               if label.language == lang and escape(str(label)) not in html]
    assert not missing, missing


def test_arabic_is_right_to_left(onto, html):
    liberation_ar = next(str(o) for o in onto.objects(ATHAR.Liberation, RDFS.label) if o.language == "ar")
    assert f'dir="rtl" lang="ar">{escape(liberation_ar)}</span>' in html


def test_alignments_and_mappings_are_shown(html):
    section = html[html.index('id="Liberation"'):html.index("</section>", html.index('id="Liberation"'))]
    assert "sem:Event" in html and "prov:Activity" in html
    assert "acled:GovernmentRegainsTerritory" in section and "Government regains territory" in section


def test_nothing_loaded_from_the_network(html):
    assert "<script" not in html
    assert not re.search(r'<(link|img|iframe)[^>]+(href|src)="https?://', html)


def test_diagram_is_svg_with_the_top_classes(out):
    root = ET.parse(out / "diagram.svg").getroot()
    assert root.tag.endswith("svg")
    # a box names one class; an arrow lists its properties, "accordingTo, agent"
    names = {n.strip() for t in root.itertext() for n in t.split(",") if n.strip()}
    for name in ("Actor", "Event", "Place", "Evidence", "Liberation", "agent", "locatedIn"):
        assert name in names, (name, sorted(names))


def test_committed_docs_are_up_to_date(out):
    for name in ("index.html", "diagram.svg"):
        committed = COMMITTED / name
        assert committed.is_file(), f"{committed} missing: run 'athar docs'"
        assert committed.read_text(encoding="utf-8") == (out / name).read_text(encoding="utf-8"), \
            f"{committed} is out of date with the ontology: run 'athar docs'"


def test_cli_docs_writes_the_page_and_the_diagram(tmp_path, out):
    assert main(["docs", "-o", str(tmp_path)]) == 0
    for name in ("index.html", "diagram.svg"):  # what write_docs makes, and the tests above read
        assert (tmp_path / name).read_text(encoding="utf-8") == (out / name).read_text(encoding="utf-8"), name
