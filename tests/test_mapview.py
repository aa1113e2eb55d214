"""The map (``athar viz --map``): after ``athar link --offline`` on the corpus, one offline page
with the outlines of Syria and Iraq and one marker per linked place that has events, whose
tooltip tells the place and its events as the graph's tooltips do. Chromium opens it with the
network blocked: nothing leaves the page.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from athar.cli import main
from athar.errors import RenderError
from athar.graph.ingest import build
from athar.graph.store import Store
from athar.use.link import enrichment_graph, links_graph
from athar.use.mapview import check_offline, write_map

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
CHROMIUM = "/usr/bin/chromium"
E = "https://w3id.org/athar/id/entity/"


@pytest.fixture(scope="module")
def linked(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("map") / "athar-store"
    with Store(path) as store:
        assert build(store, [CORPUS]).errors == []
    assert main(["-q", "--store", str(path), "link", "--offline"]) == 0
    return path


@pytest.fixture(scope="module")
def expected(linked) -> dict[str, int]:
    """Linked places with a point in the enrichment graph -> how many events have them as place or destination."""
    with Store(linked, read_only=True) as store:
        rows = store.query(f"""PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX geo: <http://www.opengis.net/ont/geosparql#>
            PREFIX athar: <https://w3id.org/athar/ontology#>
            SELECT ?p (COUNT(DISTINCT ?e) AS ?n) WHERE {{
              GRAPH <{links_graph("wikidata")}> {{ ?p owl:sameAs ?i }}
              GRAPH <{enrichment_graph("wikidata")}> {{ ?i geo:hasGeometry/geo:asWKT ?wkt }}
              ?e athar:place|athar:destination ?p . ?e athar:evidence ?ev
            }} GROUP BY ?p""")
        return {r["p"].value.removeprefix(E): int(r["n"].value) for r in rows}


@pytest.fixture(params=["ar", "en"])
def page_file(linked, tmp_path, request, capsys) -> tuple[Path, str]:
    out = tmp_path / f"map.{request.param}.html"
    assert main(["--store", str(linked), "viz", "--map", "--lang", request.param, "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out.resolve())
    return out, request.param


def test_the_corpus_has_linked_places_with_events(expected):
    # the cities the articles tell events in, each linked to a verified Wikidata item with coordinates
    assert {"raqqa", "manbij", "mosul", "tabqa", "deir-ez-zor"} <= set(expected)
    assert expected["manbij"] >= 3


def test_the_page_names_nothing_remote(page_file, expected):
    path, lang = page_file
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", text)
    assert f'lang="{lang}"' in text and f'dir="{"rtl" if lang == "ar" else "ltr"}"' in text
    assert text.count('class="marker') == len(expected)


def test_check_offline_refuses_a_remote_script():
    with pytest.raises(RenderError, match="remote resource"):
        check_offline('<script src="https://cdn.example.org/x.js"></script>')


def test_a_store_without_links_gets_one_clear_line(tmp_path):
    with Store(tmp_path / "s") as store:
        build(store, [CORPUS / "manbij-military-council-handover.ar.txt"])
        with pytest.raises(RenderError, match=r"^no linked place with coordinates has an event; run 'athar link"):
            write_map(store, tmp_path / "map.html")
    assert not (tmp_path / "map.html").exists()


# -- in chromium ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-sync"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(0, "--no-sandbox")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        except Exception as e:  # Playwright raises its own Error, or OSError
            pytest.fail(f"cannot launch Chromium at {CHROMIUM} ({e}); run the test command in the README, "
                        "which installs Chromium and the Noto fonts", pytrace=False)
        yield b
        b.close()


@pytest.mark.browser
def test_the_map_in_chromium(browser, page_file, expected):
    path, lang = page_file
    record = {"external": [], "errors": []}
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("pageerror", lambda e: record["errors"].append(str(e)))

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            record["external"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri(), wait_until="load")
    # one marker per linked place with events, sized by their count; the two outlines
    markers = page.eval_on_selector_all(".marker", "ms => ms.map(m => [m.dataset.iri, +m.dataset.events])")
    assert dict(markers) == expected and len(markers) == len(expected)
    assert page.eval_on_selector_all("path.country", "ps => ps.map(p => p.dataset.country)") == ["syria", "iraq"]
    # where they stand: Mosul east of Raqqa, Deir ez-Zor south of Raqqa, Manbij west of both
    at = dict(page.eval_on_selector_all(
        ".marker circle", "cs => cs.map(c => [c.parentNode.dataset.iri, [+c.getAttribute('cx'), +c.getAttribute('cy')]])"))
    assert at["mosul"][0] > at["raqqa"][0] > at["manbij"][0] and at["deir-ez-zor"][1] > at["raqqa"][1]
    # the same tooltip as the graph's: names and class, then each event with its sentence and document
    page.hover('.marker[data-iri="manbij"] circle')
    tip = page.inner_text("#tip")
    assert tip.startswith("منبج\nManbij\n") and ("الصنف: مدينة" if lang == "ar" else "Class: City") in tip
    assert "manbij-military-council-handover.ar.txt" in tip and "منبج" in tip.split("\n\n")[1]
    assert page.is_visible("#tip")
    page.mouse.move(5, 5)
    assert not page.is_visible("#tip")
    assert record == {"external": [], "errors": []}
    page.close()
