"""The ontology documentation: every term, both languages, a diagram, nothing from the network."""

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


def test_every_term_has_a_section(onto, html):
    missing = [t for t in _terms(onto) if f'id="{str(t)[len(NS):]}"' not in html]
    assert not missing, missing


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
    text = " ".join(t for t in root.itertext())
    for name in ("Actor", "Event", "Place", "Evidence", "Liberation", "agent", "locatedIn"):
        assert name in text, name


def test_committed_docs_are_up_to_date(out):
    for name in ("index.html", "diagram.svg"):
        committed = COMMITTED / name
        assert committed.is_file(), f"{committed} missing: run 'athar docs'"
        assert committed.read_text(encoding="utf-8") == (out / name).read_text(encoding="utf-8"), \
            f"{committed} is out of date with the ontology: run 'athar docs'"


def test_cli_docs(tmp_path):
    assert main(["docs", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "index.html").stat().st_size > 10_000
