"""The views: offline, right-to-left, Arabic shaped, searchable, filterable, and safe with hostile labels.

The fixture store is written by hand after docs/model.md: two documents, a
Liberation (agent, place, origin), a Reconstruction led by a body known only by
its Arabic name and supported by an entity whose labels are HTML and script, a
locatedIn statement, and the shortcuts beside the events.

The browser tests drive the system Chromium through Playwright, with every
request that is not file: or data: aborted and recorded.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from athar.use.analytics import build_network, summarize
from athar.errors import RenderError
from athar.graph.terms import AID, ATHAR, NIF, ONTOLOGY_GRAPH, ONTOLOGY_PATH
from athar.graph.store import Store
from athar.errors import QueryError
from athar.use.layout import place_nodes
from athar.use.picture import render_png, timeline_counts, timeline_png
from athar.use.views import actor_view, around_view, find_entity, query_view, vocabulary
from athar.use.viz import _check_offline, draw_timeline, render_html

PROV = Namespace("http://www.w3.org/ns/prov#")
DCT = Namespace("http://purl.org/dc/terms/")
GYEARMONTH = URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth")

HOSTILE_EN = '</script><script>alert(1)</script><a href="javascript:alert(2)">x</a>'
HOSTILE_AR = "<img src=x onerror=alert(1)>"
CHROMIUM = "/usr/bin/chromium"
N_NODES = 8  # sdf, raqqa, isis, syria, civil council, hostile, two events
N_EDGES = 9  # 3 + 3 roles, locatedIn, liberated, rebuilt

LIBERATION = "أعلنت قوات سوريا الديمقراطية تحرير مدينة الرقة من تنظيم داعش."
LOCATED = "وتقع الرقة في شمال سوريا."
REBUILD = f"أعاد مجلس الرقة المدني إعمار جسر الرقة بدعم من منظمة {HOSTILE_EN}."


def _evidence(g, doc, slug, body, words, sentence):
    start = body.index(words)
    end = start + len(words)
    ev = AID[f"doc/{slug}/evidence/{start}-{end}"]
    g += [
        (ev, RDF.type, ATHAR.Evidence),
        (ev, NIF.referenceContext, doc),
        (ev, NIF.beginIndex, Literal(start)),
        (ev, NIF.endIndex, Literal(end)),
        (ev, NIF.anchorOf, Literal(words)),
        (ev, ATHAR.sentence, Literal(sentence)),
        (ev, PROV.wasDerivedFrom, doc),
    ]
    return ev


def _fact(slug, kind, body, trigger):
    start = body.index(trigger)
    return AID[f"doc/{slug}/fact/{kind}-{start}-{start + len(trigger)}"]


def _entity(g, iri, cls, doc, ar=None, en=None):
    g += [(iri, RDF.type, cls), (iri, ATHAR.mentionedIn, doc)]
    if ar:
        g.append((iri, RDFS.label, Literal(ar, lang="ar")))
    if en:
        g.append((iri, RDFS.label, Literal(en, lang="en")))


def _document(g, slug, body):
    doc = AID[f"doc/{slug}"]
    g += [
        (doc, RDF.type, ATHAR.Document),
        (doc, ATHAR.fileName, Literal(f"{slug}.ar.txt")),
        (doc, DCT.title, Literal(slug)),
        (doc, DCT.language, Literal("ar")),
        (doc, NIF.isString, Literal(body)),
    ]
    return doc


def _liberation_graph():
    slug, body = "raqqa-liberation", f"{LIBERATION} {LOCATED}"
    g: list = []
    doc = _document(g, slug, body)
    sdf, raqqa, isis, syria = (
        AID["entity/sdf"],
        AID["entity/raqqa"],
        AID["entity/isis"],
        AID["entity/syria"],
    )
    _entity(g, sdf, ATHAR.ArmedGroup, doc, "قوات سوريا الديمقراطية", "Syrian Democratic Forces")
    _entity(g, raqqa, ATHAR.City, doc, "الرقة", "Raqqa")
    _entity(g, isis, ATHAR.ArmedGroup, doc, "داعش", "ISIS")
    _entity(g, syria, ATHAR.Country, doc, "سوريا", "Syria")

    ev = _fact(slug, "Liberation", body, "تحرير")
    evd = _evidence(g, doc, slug, body, "تحرير مدينة الرقة من تنظيم داعش", LIBERATION)
    g += [
        (ev, RDF.type, ATHAR.Liberation),
        (ev, RDFS.label, Literal("Liberation of Raqqa", lang="en")),
        (ev, ATHAR.trigger, Literal("تحرير")),
        (ev, ATHAR.agent, sdf),
        (ev, ATHAR.place, raqqa),
        (ev, ATHAR.origin, isis),
        (ev, ATHAR.date, Literal("2017-10", datatype=GYEARMONTH)),
        (ev, ATHAR.datePrecision, Literal("month")),
        (ev, ATHAR.modality, ATHAR.Asserted),
        (ev, ATHAR.evidence, evd),
        (sdf, ATHAR.liberated, raqqa),
    ]
    st = _fact(slug, "locatedIn", body, "وتقع")
    g += [
        (raqqa, ATHAR.locatedIn, syria),
        (st, RDF.type, ATHAR.RelationStatement),
        (st, RDF.subject, raqqa),
        (st, RDF.predicate, ATHAR.locatedIn),
        (st, RDF.object, syria),
        (st, ATHAR.evidence, _evidence(g, doc, slug, body, "الرقة في شمال سوريا", LOCATED)),
    ]
    return doc, g


def _rebuild_graph():
    slug, body = "raqqa-rebuild", REBUILD
    g: list = []
    doc = _document(g, slug, body)
    raqqa = AID["entity/raqqa"]
    council = AID[f"doc/{slug}/entity/civil-council"]
    hostile = AID[f"doc/{slug}/entity/hostile"]
    _entity(g, raqqa, ATHAR.City, doc, "الرقة", "Raqqa")
    _entity(g, council, ATHAR.GovernmentBody, doc, ar="مجلس الرقة المدني")  # Arabic only
    _entity(g, hostile, ATHAR.InternationalOrganization, doc, HOSTILE_AR, HOSTILE_EN)

    ev = _fact(slug, "Reconstruction", body, "إعمار")
    g += [
        (ev, RDF.type, ATHAR.Reconstruction),
        (ev, RDFS.label, Literal("إعمار جسر الرقة", lang="ar")),
        (ev, ATHAR.trigger, Literal("إعمار")),
        (ev, ATHAR.agent, council),
        (ev, ATHAR.place, raqqa),
        (ev, ATHAR.supporter, hostile),
        (ev, ATHAR.modality, ATHAR.Asserted),
        (ev, ATHAR.evidence, _evidence(g, doc, slug, body, body[:-1], body)),
        (council, ATHAR.rebuilt, raqqa),
    ]
    return doc, g


@pytest.fixture
def store():
    s = Store(None)
    for doc, triples in (_liberation_graph(), _rebuild_graph()):
        s.replace_graph(str(doc), triples)
    return s


@pytest.fixture(params=["ar", "en"])
def page_file(request, store, tmp_path):
    return request.param, render_html(
        store, tmp_path / f"graph.{request.param}.html", lang=request.param
    )


# -- analytics ----------------------------------------------------------------


def test_network_has_entities_events_and_evidenced_edges(store):
    G = build_network(store)
    assert G.number_of_nodes() == N_NODES
    assert G.number_of_edges() == N_EDGES
    lib = next(n for n, d in G.nodes(data=True) if d["cls"] == "Liberation")
    assert G.nodes[lib]["kind"] == "event" and G.nodes[lib]["date"] == "2017-10"
    assert {d["role"] for _, _, d in G.out_edges(lib, data=True)} == {"agent", "place", "origin"}
    council = str(AID["doc/raqqa-rebuild/entity/civil-council"])
    assert (
        G.nodes[council]["label_ar"] == "مجلس الرقة المدني" and G.nodes[council]["label_en"] is None
    )
    for u, v, d in G.edges(data=True):
        assert d["evidence"] and d["sentence"] and d["document"].endswith(".ar.txt"), (u, v, d)
    (located,) = [d for _, _, d in G.edges(data=True) if d["role"] == "locatedIn"]
    body = f"{LIBERATION} {LOCATED}"
    assert body[located["begin"] : located["end"]] == located["evidence"] == "الرقة في شمال سوريا"
    (liberated,) = [d for _, _, d in G.edges(data=True) if d["role"] == "liberated"]
    assert liberated["sentence"] == LIBERATION and liberated["source"] == lib


def test_summary_ranks_the_most_linked_entity_first(store):
    summary = summarize(build_network(store))
    raqqa = str(AID["entity/raqqa"])
    assert summary["nodes"] == N_NODES and summary["edges"] == N_EDGES
    assert summary["kinds"] == {"entity": 6, "event": 2}
    assert summary["classes"]["ArmedGroup"] == 2 and summary["classes"]["Liberation"] == 1
    assert summary["degree_centrality"][0]["iri"] == raqqa
    assert summary["degree_centrality"][0]["label"] == "الرقة"
    assert summary["degree_centrality"][0]["links"] == 5
    assert summary["betweenness"][0]["iri"] == raqqa
    assert summary["components"]["count"] == 1 and summary["components"]["sizes"] == [N_NODES]
    assert summary["components"]["entities"][0][0] == "الرقة"
    assert summary["documents"] == ["raqqa-liberation.ar.txt", "raqqa-rebuild.ar.txt"]


# -- the views, as graphs ---------------------------------------------------------

RAQQA = str(AID["entity/raqqa"])
LIBERATION_EVENT = str(AID["doc/raqqa-liberation/fact/Liberation-29-34"])


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("الرقة", id="as-written"),
        pytest.param("الرقه", id="ta-marbuta-as-ha"),
        pytest.param("الرَّقَّة", id="diacritics"),
        pytest.param("raqqa", id="english-lower-case"),
        pytest.param(RAQQA, id="iri"),
    ],
)
def test_an_entity_is_found_whatever_its_spelling(store, name):
    assert find_entity(build_network(store), name) == RAQQA


def test_an_unknown_entity_says_what_to_give(store):
    with pytest.raises(QueryError, match="no entity in the store is labelled 'حلب'"):
        find_entity(build_network(store), "حلب")


def test_around_keeps_what_is_within_depth(store):
    G = build_network(store)
    one = around_view(G, "Syria", depth=1)
    assert set(one) == {str(AID["entity/syria"]), RAQQA}  # Syria <- locatedIn - Raqqa
    two = around_view(G, "Syria", depth=2)  # Raqqa's events, and who liberated and rebuilt it
    assert len(two) == 6 and LIBERATION_EVENT in two and str(AID["entity/isis"]) not in two
    assert len(around_view(G, "Syria", depth=3)) == N_NODES  # ISIS and the supporter through the events


def test_query_view_draws_what_the_answer_names(store):
    G = build_network(store)
    view = query_view(store, G, "SELECT ?e WHERE { ?e a <https://w3id.org/athar/ontology#Liberation> }")
    assert LIBERATION_EVENT in view and RAQQA in view and str(AID["entity/isis"]) in view
    assert str(AID["doc/raqqa-rebuild/entity/hostile"]) not in view
    built = query_view(store, G, f"CONSTRUCT {{ ?s <{ATHAR.liberated}> ?o }} WHERE {{ ?s <{ATHAR.liberated}> ?o }}")
    assert set(built) == {str(AID["entity/sdf"]), RAQQA}


def test_actor_view_links_actors_to_targets(store):
    G = build_network(store)
    view = actor_view(G, vocabulary(store))
    pairs = {(u, d["role"], v) for u, v, d in view.edges(data=True)}
    assert (str(AID["entity/sdf"]), "liberated", RAQQA) in pairs
    assert (str(AID["doc/raqqa-rebuild/entity/civil-council"]), "rebuilt", RAQQA) in pairs
    assert all(d["kind"] == "entity" for _, d in view.nodes(data=True))


def test_layout_places_every_node_apart_and_the_same_each_time(store):
    G = build_network(store)
    pos = place_nodes(G)
    assert set(pos) == set(G) and len(set(pos.values())) == len(G)
    assert place_nodes(G) == pos


def test_timeline_counts_events_by_month(store):
    assert timeline_counts(build_network(store)) == {"2017-10": {"Liberation": 1}}


# -- the page, read as text ---------------------------------------------------


def _data(path: Path) -> dict:
    import json
    import re

    page = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="athar-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def test_page_is_self_contained(page_file):
    lang, path = page_file
    page = path.read_text(encoding="utf-8")
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in page
    _check_offline(page)  # no src/href/url() outside the file
    for cdn in ("cdn.jsdelivr", "cdnjs.cloudflare", "bootstrap.min", "fonts.googleapis", "unpkg"):
        assert cdn not in page
    assert HOSTILE_EN not in page and HOSTILE_AR not in page
    blob = page[page.index('id="athar-data">') + 16 : page.index("</script>", page.index('id="athar-data">'))]
    assert "<" not in blob and ">" not in blob and "&" not in blob, "the data cannot close its element"
    assert len(_data(path)["nodes"]) == N_NODES


REMOTE = "https://" + "cdn.example"  # built, so that no tracked file names a CDN address itself


def test_offline_check_refuses_remote_resources():
    with pytest.raises(RenderError):
        _check_offline(f'<html><head><script src="{REMOTE}/x.js"></script></head></html>')
    with pytest.raises(RenderError):
        _check_offline(
            '<html><head><link rel="stylesheet" href="//cdn.example/x.css"></head></html>'
        )
    with pytest.raises(RenderError):
        _check_offline("<html><head><style>@import 'http://x/y.css';</style></head></html>")


def test_class_and_role_names_come_from_the_ontology_graph(store, tmp_path):
    store.replace_graph(
        str(ONTOLOGY_GRAPH),
        [(ATHAR.City, RDFS.label, Literal("حاضرة", lang="ar")),
         (ATHAR.agent, RDFS.label, Literal("الفاعل", lang="ar"))],
    )
    data = _data(render_html(store, tmp_path / "g.html"))
    assert data["classes"]["City"]["ar"] == "حاضرة"
    assert data["roles"]["agent"]["ar"] == "الفاعل"


def test_class_names_without_the_ontology_are_words_not_camel_case(store, tmp_path):
    data = _data(render_html(store, tmp_path / "g.html", lang="en"))
    assert data["classes"]["GovernmentBody"]["en"] == "Government body"
    assert data["classes"]["City"]["ar"] == "مدينة" and data["roles"]["agent"]["en"] == "agent"
    event = next(n for n in data["nodes"] if n["i"] == LIBERATION_EVENT)
    assert event["d"] == "2017-10" and event["s"], "an event carries its facts"
    fact = data["facts"][event["s"][0]]
    assert fact["s"] == LIBERATION and fact["doc"] == "raqqa-liberation.ar.txt" and fact["d"] == "2017-10"


def test_with_the_ontology_and_gazetteer_loaded(store):
    """As ``athar build`` leaves it: the most specific class wins, and background
    containment between places no document mentions adds no node."""
    store.load_file(ONTOLOGY_PATH, str(ONTOLOGY_GRAPH))
    raqqa, governorate = AID["entity/raqqa"], AID["entity/raqqa-governorate"]
    store.replace_graph(
        str(AID["graph/gazetteer"]),
        [
            (raqqa, RDF.type, ATHAR.Place),
            (raqqa, ATHAR.locatedIn, governorate),
            (governorate, RDF.type, ATHAR.Governorate),
            (governorate, ATHAR.locatedIn, AID["entity/syria"]),
        ],
    )
    G = build_network(store)
    assert G.nodes[str(raqqa)]["cls"] == "City"
    assert G.number_of_nodes() == N_NODES and G.number_of_edges() == N_EDGES


def test_missing_directories_are_made(store, tmp_path):
    assert render_html(store, tmp_path / "new" / "dir" / "g.html").exists()


def test_unwritable_path_is_a_render_error(store, tmp_path):
    (tmp_path / "a-file").write_text("not a directory")
    with pytest.raises(RenderError, match="a-file"):
        render_html(store, tmp_path / "a-file" / "g.html")


# -- the page, in a browser -----------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    args = [
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(0, "--no-sandbox")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        except Exception as e:  # Playwright raises its own Error, or OSError
            pytest.fail(
                f"cannot launch Chromium at {CHROMIUM} ({e}); run the test command in the "
                "README, which installs Chromium and the Noto fonts",
                pytrace=False,
            )
        yield b
        b.close()


def _open(browser, path: Path, record: dict):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("pageerror", lambda e: record["errors"].append(str(e)))
    page.on("dialog", lambda d: (record["dialogs"].append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            record["external"].append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_function("() => window.athar && athar.ready()")
    return page


@pytest.fixture
def record():
    rec = {"errors": [], "dialogs": [], "external": []}
    yield rec
    assert rec["external"] == [], "the page tried to reach the network"
    assert rec["errors"] == []
    assert rec["dialogs"] == [], "a label ran as script"


def _index(page, iri: str) -> int:
    return page.evaluate("(iri) => athar.data.nodes.findIndex(n => n.i === iri)", iri)


def _label(page, i: int) -> str:
    """A node's label as drawn, without the bidi isolates and line breaks viz adds."""
    label = page.evaluate("(i) => network.body.data.nodes.get(i).label", i)
    assert label.startswith("\u2068"), "labels are wrapped in First Strong Isolates"
    return " ".join(label.replace("\u2068", "").replace("\u2069", "").split())


_CANVAS_COLOURS = """() => {
    const c = document.querySelector('#mynetwork canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) seen.add(d.slice(i, i + 4).join(','));
    return seen.size;
}"""

_SHAPING = """(word) => {
    const ctx = document.createElement('canvas').getContext('2d');
    const family = getComputedStyle(document.body).fontFamily;
    ctx.font = '32px ' + family;
    const joined = ctx.measureText(word).width;
    const apart = [...word].reduce((sum, ch) => sum + ctx.measureText(ch).width, 0);
    const width = (f) => { ctx.font = '32px ' + f; return ctx.measureText(word).width; };
    const sans = width('"Noto Sans Arabic"'), naskh = width('"Noto Naskh Arabic"');
    return {family, joined, apart, sans, naskh};
}"""

# the page's own three scripts (data, vis-network, view.js), and no element a label could make
_INJECTED = """() => document.scripts.length - 3 + document.querySelectorAll(
    'img, iframe, object, embed, a, [onerror], [onclick], [onload]').length"""


def _hover(page, i: int):
    x, y = page.evaluate(
        """(id) => {
        const p = network.canvasToDOM(network.getPositions([id])[id]);
        const r = document.querySelector('#mynetwork').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""",
        i,
    )
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y, steps=5)
    return page.wait_for_selector("#tip", state="visible", timeout=5000)


@pytest.mark.browser
def test_page_in_chromium(browser, page_file, record, tmp_path):
    lang, path = page_file
    page = _open(browser, path, record)
    try:
        assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
        # the node and edge counts are those of the graph read from the store
        assert page.evaluate("network.body.data.nodes.length") == N_NODES
        assert page.evaluate("network.body.data.edges.length") == N_EDGES  # one per (from, role, to)
        lib = _index(page, LIBERATION_EVENT)
        assert _label(page, lib) == ("تحرير — الرقة 2017-10" if lang == "ar" else "Liberation of Raqqa 2017-10")
        assert page.evaluate(_CANVAS_COLOURS) > 3, "the canvas is blank"

        # The hostile labels arrive as data, intact, and their tooltip is plain text.
        hostile = _index(page, str(AID["doc/raqqa-rebuild/entity/hostile"]))
        assert _label(page, hostile) == (HOSTILE_AR if lang == "ar" else HOSTILE_EN)
        tip = _hover(page, hostile)
        assert HOSTILE_AR in tip.inner_text() or HOSTILE_EN in tip.inner_text()
        assert tip.evaluate("t => [...t.querySelectorAll('*')].every(e => ['STRONG', 'DIV'].includes(e.tagName))")
        page.evaluate("(i) => athar.focus(i)", hostile)  # its panel shows the hostile sentence as text
        panel = page.inner_text("#panel")
        assert HOSTILE_EN in panel and "raqqa-rebuild.ar.txt" in panel
        assert page.evaluate(_INJECTED) == 0, "an element came from a label"

        # Arabic is joined: the word is narrower than its letters set apart.
        m = page.evaluate(_SHAPING, "الرقة")
        assert "Noto Sans Arabic" in m["family"]
        assert m["joined"] < m["apart"] * 0.95, m
        assert m["sans"] != m["naskh"], f"the Noto Arabic fonts are not installed: {m}"
        legend = page.inner_text("#legend")
        if lang == "ar":
            assert "مدينة" in legend and "تحرير" in legend and "مفتاح" in legend
        else:
            assert "City" in legend and "Liberation" in legend and "Government body" in legend
        page.screenshot(path=str(tmp_path / f"graph.{lang}.png"))
    finally:
        page.close()


@pytest.mark.browser
def test_language_switch_changes_labels(browser, store, record, tmp_path):
    page = _open(browser, render_html(store, tmp_path / "g.html", lang="ar"), record)
    try:
        raqqa = _index(page, RAQQA)
        assert _label(page, raqqa) == "الرقة"
        page.select_option("#lang", "en")
        assert _label(page, raqqa) == "Raqqa"
        assert page.evaluate("document.documentElement.dir") == "ltr"
        assert "City" in page.inner_text("#legend")
        edge_labels = page.evaluate("network.body.data.edges.get().map(e => e.label)")
        assert "agent" in edge_labels  # the role's English label from the ontology
        page.select_option("#lang", "ar")
        assert _label(page, raqqa) == "الرقة" and page.evaluate("document.documentElement.dir") == "rtl"
    finally:
        page.close()


@pytest.mark.browser
def test_search_finds_arabic_whatever_the_spelling(browser, store, record, tmp_path):
    page = _open(browser, render_html(store, tmp_path / "g.html", lang="ar"), record)
    try:
        raqqa = _index(page, RAQQA)
        page.fill("#search", "الرقه")
        found = page.eval_on_selector_all("#results li[data-node]", "ls => ls.map(l => +l.dataset.node)")
        assert raqqa in found
        page.press("#search", "Enter")
        assert page.evaluate("network.getSelectedNodes()") == [found[0]]
        page.fill("#search", "مجلس الرقّة")  # a shadda, and a name inside a longer one
        assert page.eval_on_selector_all("#results li[data-node]", "ls => ls.length") == 1
        page.evaluate("(i) => athar.focus(i)", raqqa)
        assert "الرقة" in page.inner_text("#panel h2")
        assert LIBERATION in page.inner_text("#panel")  # the evidence sentence of its facts
    finally:
        page.close()


@pytest.mark.browser
def test_filters_hide_classes_and_dates(browser, store, record, tmp_path):
    page = _open(browser, render_html(store, tmp_path / "g.html", lang="en"), record)
    try:
        every = set(range(N_NODES))
        assert set(page.evaluate("athar.visible()")) == every
        page.uncheck('#legend li[data-cls="ArmedGroup"] input')
        armed = {_index(page, str(AID["entity/sdf"])), _index(page, str(AID["entity/isis"]))}
        assert set(page.evaluate("athar.visible()")) == every - armed
        page.check('#legend li[data-cls="ArmedGroup"] input')
        page.fill("#date-from", "2018-01")
        page.dispatch_event("#date-from", "change")
        events = {_index(page, LIBERATION_EVENT),
                  _index(page, str(AID["doc/raqqa-rebuild/fact/Reconstruction-23-28"]))}
        assert set(page.evaluate("athar.visible()")) == every - events  # 2017-10, and undated
        page.fill("#date-from", "2017-01")
        page.dispatch_event("#date-from", "change")
        assert _index(page, LIBERATION_EVENT) in page.evaluate("athar.visible()")
    finally:
        page.close()


@pytest.mark.browser
def test_each_view_loads_with_the_nodes_of_the_store(browser, store, record, tmp_path):
    G = build_network(store)
    cases = [
        (dict(around="الرقه", depth=1), len(around_view(G, "الرقة", 1))),
        (dict(query="liberations"), None),
        (dict(view="actors"), len(actor_view(G, vocabulary(store)))),
        (dict(overview=True), len({d["cls"] for _, d in G.nodes(data=True)})),
    ]
    for kwargs, expected in cases:
        path = render_html(store, tmp_path / "v.html", lang="en", **kwargs)
        page = _open(browser, path, record)
        try:
            shown = page.evaluate("network.body.data.nodes.length")
            assert shown == (expected if expected is not None else len(_data(path)["nodes"])), kwargs
            assert shown > 0
        finally:
            page.close()
    # the overview drills down: a search result shows the node and its neighbours
    page = _open(browser, path, record)
    try:
        assert page.evaluate("athar.mode()") == "overview"
        page.select_option("#group", "place")  # Raqqa with its two events, Syria, and the rest by class
        groups = page.evaluate("network.body.data.nodes.get().map(n => n.label.replace(/[\u2068\u2069]/g, ''))")
        assert sorted(groups) == sorted(["Raqqa\n(3)", "Syria\n(1)", "Armed group\n(2)", "Government body\n(1)",
                                         "International organization\n(1)"])
        page.select_option("#group", "class")
        page.fill("#search", "raqqa")
        page.press("#search", "Enter")
        raqqa = _index(page, RAQQA)
        assert page.evaluate("athar.mode()") == "nodes"
        assert page.evaluate("network.body.data.nodes.length") == 1 + len(set(nx_neighbours(G, RAQQA)))
        assert page.evaluate("network.getSelectedNodes()") == [raqqa]
    finally:
        page.close()


def nx_neighbours(G, n):
    return {m for m in G.predecessors(n)} | {m for m in G.successors(n)}


@pytest.mark.browser
def test_png_and_timeline_pictures(store, tmp_path):
    page = render_html(store, tmp_path / "g.html", lang="ar")
    png = render_png(page, tmp_path / "g.png", width=900, height=600)
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(head[16:20], "big") == 900 and int.from_bytes(head[20:24], "big") == 600
    chart = draw_timeline(store, tmp_path / "t.png", "en")
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and chart.stat().st_size > 2000


# -- the corpus, through the command line -------------------------------------------


def _count_from_store(store) -> int:
    """Entities and events, counted with SPARQL alone: what a view of the whole store must show."""
    from athar.graph.terms import EVENT_ROLES

    roles = " ".join(f"<{ATHAR[r]}>" for r in EVENT_ROLES)
    (row,) = store.query(f"""
        PREFIX athar: <{ATHAR}> PREFIX rdf: <{RDF}>
        SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{
            {{ ?x athar:evidence ?e FILTER NOT EXISTS {{ ?x a athar:RelationStatement }} }}
            UNION {{ ?x athar:mentionedIn ?d }}
            UNION {{ ?v athar:evidence ?e2 VALUES ?p {{ {roles} }} ?v ?p ?x FILTER(isIRI(?x))
                     FILTER NOT EXISTS {{ ?v a athar:RelationStatement }} }}
            UNION {{ ?st a athar:RelationStatement {{ ?st rdf:subject ?x }} UNION {{ ?st rdf:object ?x }} }}
        }}""")
    return int(row["n"].value)


@pytest.mark.browser
def test_corpus_views_from_the_command_line(browser, corpus_store, record, tmp_path):
    from athar.cli import main

    store = str(corpus_store.path)
    whole, around = tmp_path / "whole.html", tmp_path / "around.html"
    assert main(["-q", "viz", "--store", store, "-o", str(whole), "--overview", "off"]) == 0
    assert main(["-q", "viz", "--store", store, "-o", str(around), "--around", "الرقه", "--depth", "1",
                 "--lang", "en"]) == 0
    expected = _count_from_store(corpus_store)
    page = _open(browser, whole, record)
    try:
        assert page.evaluate("network.body.data.nodes.length") == expected
    finally:
        page.close()
    page = _open(browser, around, record)
    try:
        centre = page.evaluate("network.getSelectedNodes()")
        assert len(centre) == 1 and "Raqqa" in page.inner_text("#panel h2")
        G = build_network(corpus_store)
        raqqa = find_entity(G, "الرقة")
        assert page.evaluate("network.body.data.nodes.length") == 1 + len(nx_neighbours(G, raqqa))
    finally:
        page.close()
