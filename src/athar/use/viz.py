"""The knowledge graph as one self-contained, offline HTML page that stays fast and readable.

``render_html`` draws a view of the store (``athar.use.views``: the whole store, a query's
answer, an entity's neighbourhood, or actors and their targets); ``render_network`` draws
any graph shaped like ``athar.use.analytics.build_network``'s. The page (``athar.use.page``)
gets the graph as data:

- nodes with their labels in Arabic and in English (an event's: its class and place, "تحرير
  — الرقة", and its date), class, family (which gives the shape), date, amount and the
  position computed here (``athar.use.layout``: the page never runs physics);
- edges with their role, whose label in both languages comes from the ontology;
- facts: each piece of evidence once, with its sentence, document, date and amount, which
  the tooltips and the side panel show;
- the classes with their colours and names, for the legend and the filters.

Labels come from untrusted text: they travel as JSON inside ``<script type=
"application/json">`` with ``<``, ``>`` and ``&`` escaped, and the page only ever sets them
as text (``textContent``, the canvas), never as HTML.
"""

from __future__ import annotations

import logging
import re
import textwrap
import zlib
from pathlib import Path

import networkx as nx

from athar.errors import RenderError
from athar.use.analytics import local_name
from athar.use.layout import place_nodes
from athar.use.page import check_offline as _check_offline  # noqa: F401  (tests/test_viz.py)
from athar.use.page import build_page, write_page
from athar.use.views import (OVERVIEW_LIMIT, TOP, VIEWS, Vocabulary, actor_view, amounts, around_view,
                             query_view, top_view, vocabulary, whole_view)

log = logging.getLogger(__name__)

LANGUAGES = ("ar", "en")
__all__ = ["LANGUAGES", "draw_timeline", "page_data", "render_html", "render_network"]

# A colour per class of the ontology. Entities (dots, label below) in strong colours:
# places blue and teal, facilities brown and pink, actors red, orange and purple.
# Events (boxes, dark label inside) in light colours: conflict warm, recovery green,
# movement blue, politics violet and grey.
# fmt: off
_COLOURS = {
    "Place": "#90a4ae", "Country": "#1f4e79", "Governorate": "#2e75b6", "Region": "#5b9bd5",
    "District": "#6fa8dc", "City": "#00897b", "Town": "#26a69a", "Village": "#4db6ac",
    "Camp": "#9ccc65", "River": "#29b6f6", "Dam": "#0277bd",
    "Facility": "#8d6e63", "Bridge": "#6d4c41", "Road": "#bcaaa4", "Hospital": "#d81b60",
    "School": "#f06292", "Mosque": "#795548", "PowerStation": "#5d4037",
    "MilitaryBase": "#616161", "ChildrenCentre": "#ec407a",
    "Actor": "#78909c", "Organization": "#7e57c2", "ArmedGroup": "#c62828",
    "ArmedForce": "#ef6c00", "Coalition": "#6a1b9a", "GovernmentBody": "#3949ab",
    "InternationalOrganization": "#8e24aa", "Group": "#ad1457", "MediaOutlet": "#455a64",
    "Person": "#ff7043", "Population": "#a1887f", "Programme": "#5e35b1",
    "Materiel": "#546e7a",
    "Event": "#eeeeee", "Situation": "#e0e0e0",
    "ConflictEvent": "#ffccbc", "Liberation": "#ffd54f", "TerritorialControl": "#ffab91",
    "Battle": "#ef9a9a", "Attack": "#e57373", "Killing": "#f48fb1", "Arrest": "#ce93d8",
    "Abduction": "#ba68c8",
    "Destruction": "#d7ccc8", "MilitaryOperation": "#ffcc80",
    "RecoveryEvent": "#c8e6c9", "Reconstruction": "#aed581", "Establishment": "#c5e1a5",
    "Training": "#80cbc4", "Funding": "#a5d6a7", "FundingAppeal": "#dcedc8", "Demining": "#e6ee9c",
    "ServiceProvision": "#b2dfdb", "Sponsorship": "#dce775",
    "Movement": "#bbdefb", "Return": "#81d4fa", "Displacement": "#9fa8da",
    "Departure": "#90caf9", "Escape": "#b39ddb", "Dispersal": "#b0bec5",
    "Redeployment": "#80deea", "Withdrawal": "#4dd0e1",
    "PoliticalEvent": "#ede7f6", "Handover": "#f8bbd0", "Meeting": "#e1bee7",
    "Mediation": "#d1c4e9", "Statement": "#cfd8dc", "Suspension": "#ffe082",
}
# fmt: on
_SPARE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#469990", "#9a6324",
          "#800000", "#808000", "#000075", "#dcbeff", "#aaffc3")
_WRAP = 26  # characters per line of a node label
_HEX = re.compile(r"^#[0-9a-f]{6}$")
_SHAPES = {"Place": "dot", "Facility": "triangle", "Actor": "diamond", "Person": "star",
           "Materiel": "hexagon", "Event": "square", None: "dot"}
_TITLES = {
    "whole": ("أثر — شبكة المعرفة", "athar — knowledge graph"),
    "around": ("أثر — حول {ar}", "athar — around {en}"),
    "query": ("أثر — جواب {q}", "athar — answer of {q}"),
    "actors": ("أثر — من فعل ماذا بمن", "athar — who did what to whom"),
    # what the top view leaves out is said in its title, in both languages
    "top": ("أثر — {drawn} من الفاعلين والأماكن الأكثر أحداثاً، من {entities} كياناً و{events} حدثاً، "
            "وأقوى {pairs} صلة بينها من {of_pairs} (athar viz --all يرسم الكل، --top N غير ذلك)",
            "athar — the {drawn} actors and places of the most events, of {entities} entities and {events} "
            "events, and their {pairs} strongest links of {of_pairs} (athar viz --all draws everything, "
            "--top N another cut)"),
}


def render_html(store, out_path: str | Path, lang: str = "ar", title: str | None = None, *,
                view: str = "whole", around: str | None = None, depth: int = 2,
                query: str | None = None, params: dict | None = None,
                overview: bool | None = None, top: int | None = None) -> Path:
    """Write a view of ``store`` as one offline HTML file at ``out_path``; return the path.

    ``view`` is one of ``VIEWS``; ``around`` (an entity's label) implies "around", ``query``
    (a saved query's name, a .rq file or SPARQL text) implies "query", ``top`` (how many actors
    and places) implies "top". ``lang`` is the language the page opens in (it can switch).
    ``overview``: open on the overview by class (default: when the view has more than
    ``OVERVIEW_LIMIT`` nodes).
    """
    if lang not in LANGUAGES:
        raise RenderError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    view = "around" if around is not None else "query" if query is not None else "top" if top is not None else view
    if view not in VIEWS:
        raise RenderError(f"unknown view {view!r}: choose one of {', '.join(VIEWS)}")
    vocab = vocabulary(store)
    fill = {"ar": "", "en": "", "q": query or ""}
    if view == "top":
        G = top_view(store, TOP if top is None else top)
        fill.update(G.graph["cut"])
    else:
        G = whole_view(store)
    if view == "around":
        G = around_view(G, around or "", depth)
        centre = G.nodes[G.graph["centre"]]
        fill.update(ar=centre.get("label_ar") or centre.get("label_en"),
                    en=centre.get("label_en") or centre.get("label_ar"))
    elif view == "query":
        G = query_view(store, G, query or "", params)
    elif view == "actors":
        G = actor_view(G, vocab)
    titles = {lg: t.format(**fill) for lg, t in zip(LANGUAGES, _TITLES[view])}
    if title:
        titles = {lg: title for lg in LANGUAGES}
    return render_network(G, out_path, lang, vocab, titles, amounts(store) if view != "top" else {}, overview)


def render_network(G: nx.MultiDiGraph, out_path: str | Path, lang: str = "ar",
                   vocab: Vocabulary | None = None, titles: dict | None = None,
                   amounts: dict | None = None, overview: bool | None = None) -> Path:
    """Write ``G`` (nodes and edges as ``build_network`` makes them) as an offline page."""
    out = Path(out_path)
    data = page_data(G, lang, vocab or Vocabulary(), titles, amounts, overview)
    write_page(out, build_page(data, lang, data["title"][lang]))
    log.info("wrote %s (%d nodes, %d edges)", out, G.number_of_nodes(), G.number_of_edges())
    return out


def page_data(G: nx.MultiDiGraph, lang: str, vocab: Vocabulary, titles: dict | None = None,
              amounts: dict | None = None, overview: bool | None = None) -> dict:
    """What the page draws, as plain JSON-able values (see the module's docstring)."""
    amounts = amounts or {}
    order = sorted(G.nodes, key=str)
    index = {n: i for i, n in enumerate(order)}
    pos = place_nodes(G)
    facts: list[dict] = []
    fact_ids: dict[tuple, int] = {}

    def fact(source: str | None, d: dict) -> int | None:
        if not (d.get("sentence") or d.get("evidence")):
            return None
        key = (source, d.get("document"), d.get("begin"), d.get("evidence"))
        if key not in fact_ids:
            event = G.nodes[source] if source in G else {}
            fact_ids[key] = len(facts)
            facts.append(_compact({"w": d.get("evidence"), "s": d.get("sentence"),
                                   "doc": d.get("document"), "d": d.get("date") or event.get("date"),
                                   "a": amounts.get(source)}))
        return fact_ids[key]

    # One line per (source, role, target): the same fact told by several events or
    # documents is one thicker edge whose facts list every sentence.
    parallel: dict[tuple[str, str, str], list[dict]] = {}
    for u, v, d in G.edges(data=True):
        parallel.setdefault((u, d["role"], v), []).append(d)
    edges, roles = [], set()
    event_facts: dict[str, list[int]] = {}
    for (u, role, v), ds in sorted(parallel.items()):
        ids = list(dict.fromkeys(i for d in ds if (i := fact(d.get("source"), d)) is not None))
        src = ds[0].get("source")
        if src in G and G.nodes[src].get("kind") == "event":
            event_facts.setdefault(src, []).extend(ids)
        roles.add(role)
        edges.append(_compact({"f": index[u], "t": index[v], "r": role, "s": ids,
                               "b": all(d.get("background") for d in ds) or None}))
    nodes = []
    for n in order:
        d = G.nodes[n]
        is_event = d.get("kind") == "event"
        labels = {}
        for lg in LANGUAGES:
            text = (_event_label(G, n, lg, vocab) if is_event else _pick(d, lg)) or local_name(n)
            if is_event and d.get("date"):
                text = f"{text}\n{d['date']}"
            labels[lg] = _isolate(text)
        x, y = pos[n]
        nodes.append(_compact({
            "i": n, "k": "v" if is_event else "e", "c": d.get("cls"), "ar": labels["ar"],
            "en": labels["en"], "la": d.get("label_ar"), "le": d.get("label_en"),
            "d": d.get("date"), "a": amounts.get(n), "x": x, "y": y, "n": G.degree(n),
            "s": list(dict.fromkeys(event_facts.get(n, []))) or None}))
    classes = {}
    for c in sorted({d.get("cls") for _, d in G.nodes(data=True)} - {None}):
        family = vocab.families.get(c)
        classes[c] = {"ar": vocab.name(c, "ar") or c, "en": vocab.name(c, "en") or _words(c),
                      "colour": _colour(c), "family": family, "shape": _SHAPES.get(family, "dot")}
    titles = titles or {lg: t for lg, t in zip(LANGUAGES, _TITLES["whole"])}
    return {
        "lang": lang,
        "view": G.graph.get("view", "whole"),
        "title": titles,
        "overview": G.number_of_nodes() > OVERVIEW_LIMIT if overview is None else bool(overview),
        "classes": classes,
        "roles": {r: {"ar": vocab.name(r, "ar") or _name_ar(r, vocab), "en": vocab.name(r, "en") or _words(r)}
                  for r in sorted(roles)},
        "nodes": nodes,
        "edges": edges,
        "facts": facts,
        "centre": index.get(G.graph.get("centre")),
    }


# -- labels ----------------------------------------------------------------------


def _compact(d: dict) -> dict:
    return {k: v for k, v in d.items() if v is not None and v != []}


def _words(name: str) -> str:
    """A local name as words, for a term the ontology does not label: "TerritorialControl"
    becomes "Territorial control"."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).split()
    return " ".join([words[0], *(w.lower() for w in words[1:])]) if words else name


def _name_ar(role: str, vocab: Vocabulary) -> str:
    """A role the ontology does not label in Arabic (an action edge names an event class)."""
    return vocab.name(role, "ar") or vocab.name(role, "en") or role


def _colour(c: str) -> str:
    """A stable colour per class: from the table, else from a checksum of its name."""
    colour = _COLOURS.get(c) or _SPARE[zlib.crc32(c.encode()) % len(_SPARE)]
    assert _HEX.match(colour), colour  # colours are ours, never data
    return colour


def _isolate(text: str) -> str:
    """Each line in First Strong Isolate marks, so that it takes its direction from its own
    first letter: an English name keeps its brackets and a date its order on an Arabic page.
    Long lines are wrapped here, not by vis-network, so that every piece is isolated."""
    lines = [
        w
        for line in text.split("\n")
        for w in textwrap.wrap(line, _WRAP, break_long_words=False, break_on_hyphens=False) or [""]
    ]
    return "\n".join(f"\u2068{line}\u2069" for line in lines)


def _pick(d: dict, lang: str) -> str | None:
    other = "en" if lang == "ar" else "ar"
    return d.get(f"label_{lang}") or d.get(f"label_{other}")


def _event_label(G, n: str, lang: str, vocab: Vocabulary) -> str | None:
    """The event's label in ``lang``; else its class and where (or on what) it happened."""
    d = G.nodes[n]
    if d.get(f"label_{lang}"):
        return d[f"label_{lang}"]
    ends = {e["role"]: v for _, v, e in G.out_edges(n, data=True)}
    where = next((ends[r] for r in ("place", "target", "trainee", "beneficiary") if r in ends), None)
    name = vocab.name(d.get("cls"), lang) or (_words(d["cls"]) if lang == "en" and d.get("cls") else None)
    if name and where is not None and _pick(G.nodes[where], lang):
        return f"{name} — {_pick(G.nodes[where], lang)}"
    if name:
        return name  # the class in the page's language beats a label in the other one
    return _pick(d, lang)


def draw_timeline(store, png_path: str | Path, lang: str = "ar") -> Path:
    """The events of ``store`` per month, by class, as a PNG chart (``athar viz --timeline``)."""
    from athar.use.picture import timeline_png

    if lang not in LANGUAGES:
        raise RenderError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    G = whole_view(store)
    colours = {c: _colour(c) for c in {d.get("cls") for _, d in G.nodes(data=True)} - {None}}
    return timeline_png(G, png_path, lang, vocabulary(store), colours)
