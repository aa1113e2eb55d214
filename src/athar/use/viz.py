"""The knowledge graph as one self-contained, offline HTML page (pyvis over vis-network).

``render_html`` draws the network of ``athar.use.analytics.build_network``: entities as
dots and events as boxes, coloured by class, with a legend, edge labels naming the
role, and tooltips giving the evidence sentence and its document.

The page never touches the network: ``athar.use.page`` inlines the vis-network
bundled with pyvis in place of pyvis's CDN links, and refuses a page that still
names a remote resource. Fonts are the system's ("Noto Sans Arabic", "Noto Naskh Arabic", sans-serif).

Labels come from untrusted text. Node and edge data reach the page as JSON with
``<``, ``>``, ``&`` and ``'`` escaped (``\\u003c``...), tooltips are plain strings
(vis-network 9 sets them with ``innerText``), and the legend and title are
HTML-escaped.
"""

from __future__ import annotations

import html
import logging
import re
import textwrap
import zlib
from pathlib import Path

import rdflib
from pyvis.network import Network
from rdflib.namespace import RDFS

from athar.use.analytics import build_network, local_name
from athar.errors import RenderError
from athar.graph.terms import ATHAR, ONTOLOGY_GRAPH, ONTOLOGY_PATH, sparql_prefixes
from athar.use.page import check_offline as _check_offline  # noqa: F401  (tests/test_viz.py)
from athar.use.page import offline_page, write_page

log = logging.getLogger(__name__)

FONT_STACK = '"Noto Sans Arabic", "Noto Naskh Arabic", sans-serif'
LANGUAGES = ("ar", "en")

_UI = {
    "ar": {
        "title": "أثر — شبكة المعرفة",
        "legend": "مفتاح الألوان",
        "entities": "كيانات",
        "events": "أحداث",
        "class": "الصنف",
        "source": "المصدر",
        "date": "التاريخ",
        "unknown": "غير مصنف",
    },
    "en": {
        "title": "athar — knowledge graph",
        "legend": "Legend",
        "entities": "Entities",
        "events": "Events",
        "class": "Class",
        "source": "Source",
        "date": "Date",
        "unknown": "Unclassified",
    },
}
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
_SPARE = (
    "#e6194b",
    "#3cb44b",
    "#4363d8",
    "#f58231",
    "#911eb4",
    "#469990",
    "#9a6324",
    "#800000",
    "#808000",
    "#000075",
    "#dcbeff",
    "#aaffc3",
)
_WRAP = 26  # characters per line of a node label
_HEX = re.compile(r"^#[0-9a-f]{6}$")

_OPTIONS = {
    "nodes": {
        "font": {"face": FONT_STACK, "size": 16, "color": "#1a1a1a"},
        "borderWidth": 1,
        "widthConstraint": {"maximum": 260},
        # keep labels readable when the whole graph is in view (vis hides them below 5px)
        "scaling": {"label": {"enabled": False, "drawThreshold": 1, "maxVisible": 40}},
    },
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "color": {"color": "#9aa5b1", "highlight": "#37474f", "hover": "#37474f"},
        "font": {"face": FONT_STACK, "size": 12, "align": "middle", "color": "#37474f"},
        "smooth": {"type": "dynamic"},
    },
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140},
        "stabilization": {"enabled": True, "iterations": 300},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
}
_CSS = """
html, body { margin: 0; padding: 0; font-family: $FONT; color: #1a1a1a; background: #fff; }
header { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 1.5em;
         padding: 0.6em 1em; border-bottom: 1px solid #ddd; }
header h1 { font-size: 1.3em; margin: 0.2em 0; font-weight: 600; }
#legend h2 { font-size: 0.95em; margin: 0 0 0.3em; }
#legend ul { list-style: none; margin: 0; padding: 0;
             display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; }
#legend li { display: flex; align-items: center; gap: 0.4em; font-size: 0.9em; }
#legend .swatch { display: inline-block; width: 0.9em; height: 0.9em; border: 1px solid #555; }
#legend .entity .swatch { border-radius: 50%; }
#legend .event .swatch { border-radius: 2px; }
#legend .count { color: #666; }
.card { width: 100% !important; }
#mynetwork { float: none !important; width: 100% !important; height: 80vh !important;
             border: none !important; }
div.vis-tooltip { font-family: $FONT; white-space: pre-wrap; max-width: 36em;
                  unicode-bidi: plaintext; text-align: start; line-height: 1.6; }
""".replace("$FONT", FONT_STACK)


def render_html(store, out_path: str | Path, lang: str = "ar", title: str | None = None) -> Path:
    """Write the graph in ``store`` as one offline HTML file at ``out_path``; return the path.

    ``lang`` ("ar" or "en") chooses the labels, the page direction and the legend.
    An entity without a label in that language shows its other label; an event shows
    its class and place in that language ("تحرير — الرقة"), else its other label.
    """
    if lang not in LANGUAGES:
        raise RenderError(f"unknown language {lang!r}: choose one of {', '.join(LANGUAGES)}")
    out = Path(out_path)
    G = build_network(store)
    names = _term_names(store, lang)
    ui = _UI[lang]
    colours = _class_colours({d.get("cls") for _, d in G.nodes(data=True)})

    net = _network()
    for n, d in sorted(G.nodes(data=True)):
        is_event = d.get("kind") == "event"
        label = (_event_label(G, n, lang, names) if is_event else _pick(d, lang)) or local_name(n)
        if is_event and d.get("date"):
            label = f"{label}\n{d['date']}"
        label = _isolate(label)
        extra = {"margin": 8} if is_event else {"size": 14}
        net.add_node(
            n,
            label=label,
            title=_node_tooltip(d, n, names, ui),
            shape="box" if is_event else "dot",
            color=colours.get(d.get("cls"), "#b0bec5"),
            **extra,
        )
    # One line per (source, role, target): the same fact told by several events or
    # documents is one thicker edge whose tooltip lists every sentence.
    parallel: dict[tuple[str, str, str], list[dict]] = {}
    for u, v, d in G.edges(data=True):
        parallel.setdefault((u, d["role"], v), []).append(d)
    for (u, role, v), ds in parallel.items():
        net.add_edge(
            u,
            v,
            label=names.get(role, role),
            title=_edge_tooltip(role, ds, names, ui),
            width=min(len(ds), 5),
        )

    page = offline_page(net, lang, title or ui["title"], _legend(G, colours, names, ui), _CSS)
    write_page(out, page)
    log.info("wrote %s (%d nodes, %d edges)", out, G.number_of_nodes(), G.number_of_edges())
    return out


# -- the graph -----------------------------------------------------------


def _network():
    net = Network(height="80vh", width="100%", directed=True, heading="", cdn_resources="remote")
    net.options = dict(_OPTIONS)
    return net


def _term_names(store, lang: str) -> dict[str, str]:
    """Local name of a class or property -> its rdfs:label in ``lang``.

    From the ontology graph in the store; when the store has none (a store built by
    hand, or by an older athar), from ``ontology/athar.ttl``. A term without a label
    in ``lang`` is shown by its local name.
    """
    names: dict[str, str] = {}
    for r in store.query(sparql_prefixes("rdfs") + f"""
        SELECT ?t ?l WHERE {{
            GRAPH <{ONTOLOGY_GRAPH}> {{ ?t rdfs:label ?l }}
            FILTER(STRSTARTS(STR(?t), "{ATHAR}") && LANGMATCHES(LANG(?l), "{lang}"))
        }} ORDER BY ?t ?l"""):
        names.setdefault(local_name(r["t"].value), r["l"].value)
    if names or not ONTOLOGY_PATH.exists():
        return names
    g = rdflib.Graph()
    try:
        g.parse(ONTOLOGY_PATH, format="turtle")
    except Exception as e:  # rdflib raises many parser errors
        log.warning("%s: cannot read class names (%s); showing local names", ONTOLOGY_PATH, e)
        return names
    for t, label in sorted(g.subject_objects(RDFS.label)):
        if str(t).startswith(str(ATHAR)) and getattr(label, "language", None) == lang:
            names.setdefault(local_name(str(t)), str(label))
    return names


def _class_colours(classes: set) -> dict:
    """A stable colour per class: from the table, else from a checksum of its name."""
    out = {}
    for c in classes:
        if c is None:
            continue
        colour = _COLOURS.get(c) or _SPARE[zlib.crc32(c.encode()) % len(_SPARE)]
        assert _HEX.match(colour), colour  # colours are ours, never data: safe in style=""
        out[c] = colour
    return out


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


def _event_label(G, n: str, lang: str, names: dict) -> str | None:
    """The event's label in ``lang``; else its class and where (or on what) it happened."""
    d = G.nodes[n]
    if d.get(f"label_{lang}"):
        return d[f"label_{lang}"]
    ends = {e["role"]: v for _, v, e in G.out_edges(n, data=True)}
    where = next(
        (ends[r] for r in ("place", "target", "trainee", "beneficiary") if r in ends), None
    )
    cls = d.get("cls")
    if cls in names and where is not None and _pick(G.nodes[where], lang):
        return f"{names[cls]} — {_pick(G.nodes[where], lang)}"
    if cls in names:
        return names[cls]  # the class in the page's language beats a label in the other one
    return _pick(d, lang)


def _node_tooltip(d: dict, iri: str, names: dict, ui: dict) -> str:
    lines = [x for x in (d.get("label_ar"), d.get("label_en")) if x] or [local_name(iri)]
    cls = d.get("cls")
    lines.append(f"{ui['class']}: {names.get(cls, cls) if cls else ui['unknown']}")
    if d.get("date"):
        lines.append(f"{ui['date']}: {d['date']}")
    return "\n".join(lines)


def _edge_tooltip(role: str, ds: list[dict], names: dict, ui: dict, most: int = 5) -> str:
    """The role, then each evidence sentence with its document (the first ``most``)."""
    blocks = [names.get(role, role)]
    told = []
    for d in ds:
        lines = [x for x in (d.get("sentence") or d.get("evidence"),) if x]
        if d.get("document"):
            lines.append(f"{ui['source']}: {d['document']}")
        if lines and lines not in told:
            told.append(lines)
    blocks += ["\n".join(lines) for lines in told[:most]]
    if len(told) > most:
        blocks.append(f"(+{len(told) - most})")
    return "\n\n".join(blocks)


def _legend(G, colours: dict, names: dict, ui: dict) -> str:
    counts: dict[tuple[str, str], int] = {}
    for _, d in G.nodes(data=True):
        key = (d.get("kind", "entity"), d.get("cls"))
        counts[key] = counts.get(key, 0) + 1
    items = []
    for kind in ("entity", "event"):
        for (k, cls), n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0][1]))):
            if k != kind:
                continue
            name = names.get(cls, cls) if cls else ui["unknown"]
            colour = colours.get(cls, "#b0bec5")
            items.append(
                f'<li class="{kind}"><span class="swatch" style="background:{colour}"></span>'
                f'{html.escape(name)} <span class="count">({n})</span></li>'
            )
    return (
        f'<section id="legend"><h2>{html.escape(ui["legend"])} '
        f"<small>(● {html.escape(ui['entities'])} — ■ {html.escape(ui['events'])})</small></h2>"
        f"<ul>{''.join(items)}</ul></section>"
    )
