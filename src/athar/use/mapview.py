"""The events of linked places on a map: one offline HTML page (``athar viz --map``).

A marker stands on each place that ``athar link`` tied to an item with coordinates (the
GeoSPARQL point of an enrichment graph) and that is the place or the destination of an event.
Its tooltip says what the graph's tooltips say: the place's Arabic and English names and class,
then each event there with its class, date, the sentence that tells it and its document.

The map needs no tile server and no network: the outlines of Syria and Iraq are drawn from the
Natural Earth shapes that the ``countryinfo`` package ships (world.geo.json), projected
(equirectangular, scaled by the cosine of the middle latitude) into an inline SVG; the page
holds no script or style from elsewhere, and refuses to be written if it names one.
"""

from __future__ import annotations

import html
import logging
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from athar.errors import RenderError
from athar.graph.store import Store
from athar.graph.terms import ATHAR, ONTOLOGY_GRAPH, PREFIXES, sparql_prefixes
from athar.use.analytics import build_network, local_name

log = logging.getLogger(__name__)

COUNTRIES = ("syria", "iraq")        # countryinfo's names of the outlines drawn
ROLES = ("place", "destination")     # an event is "at" a place in these roles
AREAS = ("Governorate", "District", "Region", "Country")  # drawn as a ring around their point
WIDTH, HEIGHT, PAD = 960.0, 720.0, 30.0

_UI = {
    "ar": {"title": "أثر — خريطة الأحداث", "class": "الصنف", "date": "التاريخ", "source": "المصدر",
           "events": "أحداث", "note": "الحدود: Natural Earth (عبر الحزمة countryinfo)؛ الإحداثيات: رسم الإثراء بعد athar link."},
    "en": {"title": "athar — events on a map", "class": "Class", "date": "Date", "source": "Source",
           "events": "events", "note": "Outlines: Natural Earth (through the countryinfo package); "
                                       "coordinates: the enrichment graph of athar link."},
}


@dataclass(frozen=True)
class Marker:
    iri: str
    label: str
    lat: float
    lon: float
    events: int
    tooltip: str
    area: bool = False


def write_map(store: Store, out_path: str | Path, lang: str = "ar") -> Path:
    """Write the map of ``store`` to ``out_path`` (one self-contained HTML file); return the path."""
    if lang not in _UI:
        raise RenderError(f"unknown language {lang!r}: choose one of ar, en")
    markers = place_markers(store, lang)
    if not markers:
        raise RenderError("no linked place with coordinates has an event; run 'athar link' "
                          "(offline, or --online) on this store first")
    page = render_map(markers, outlines(), lang)
    check_offline(page)
    out = Path(out_path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
    except OSError as e:
        raise RenderError(f"{out}: cannot write the map ({e.strerror or e})") from e
    log.info("wrote %s (%d markers)", out, len(markers))
    return out


def place_markers(store: Store, lang: str = "ar") -> list[Marker]:
    """One marker per linked place with coordinates that is the place or destination of an event."""
    points: dict[str, tuple[float, float]] = {}
    for r in store.query(sparql_prefixes("owl", "geo") + f"""SELECT ?e ?wkt WHERE {{
            GRAPH ?links {{ ?e owl:sameAs ?item }} GRAPH ?enrichment {{ ?item geo:hasGeometry/geo:asWKT ?wkt }}
            FILTER(STRSTARTS(STR(?links), "{PREFIXES['aid']}graph/links/")
                   && STRSTARTS(STR(?enrichment), "{PREFIXES['aid']}graph/enrichment/")) }}"""):
        m = re.search(r"point\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)", r["wkt"].value, re.IGNORECASE)
        if m:
            points.setdefault(r["e"].value, (float(m.group(2)), float(m.group(1))))
    if not points:
        return []
    G = build_network(store)
    names = _class_names(store, lang)
    ui = _UI[lang]
    told: dict[str, list[str]] = defaultdict(list)
    events: dict[str, set[str]] = defaultdict(set)
    for ev, place, d in sorted(G.edges(data=True), key=lambda x: (x[0], x[1], x[2].get("begin") or 0)):
        if place not in points or d.get("kind") != "role" or d.get("role") not in ROLES:
            continue
        events[place].add(ev)
        e = G.nodes[ev]
        head = names.get(e.get("cls"), e.get("cls") or "")
        if e.get("date"):
            head += f" — {ui['date']}: {e['date']}"
        lines = [head, d.get("sentence") or d.get("evidence") or ""]
        if d.get("document"):
            lines.append(f"{ui['source']}: {d['document']}")
        block = "\n".join(x for x in lines if x)
        if block not in told[place]:
            told[place].append(block)
    markers = []
    for place in sorted(events):
        d = G.nodes[place]
        other = "en" if lang == "ar" else "ar"
        label = d.get(f"label_{lang}") or d.get(f"label_{other}") or local_name(place)
        head = [x for x in (d.get("label_ar"), d.get("label_en")) if x] or [local_name(place)]
        head.append(f"{ui['class']}: {names.get(d.get('cls'), d.get('cls') or '')}")
        blocks = ["\n".join(head)] + told[place][:8] + ([f"(+{len(told[place]) - 8})"] if len(told[place]) > 8 else [])
        lat, lon = points[place]
        markers.append(Marker(place, label, lat, lon, len(events[place]), "\n\n".join(blocks), d.get("cls") in AREAS))
    return markers


def _class_names(store: Store, lang: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for r in store.query(sparql_prefixes("rdfs") + f"""SELECT ?t ?l WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{
            ?t rdfs:label ?l }} FILTER(STRSTARTS(STR(?t), "{ATHAR._NS}") && LANGMATCHES(LANG(?l), "{lang}")) }}
            ORDER BY ?t ?l"""):
        names.setdefault(local_name(r["t"].value), r["l"].value)
    return names


def outlines() -> dict[str, list[list[tuple[float, float]]]]:
    """Each country's rings as (lon, lat) points, from the countryinfo package's GeoJSON."""
    try:
        from countryinfo import CountryInfo
    except ImportError as e:
        raise RenderError("the map's outlines come from the countryinfo package; install it "
                          "(pip install countryinfo)") from e
    out = {}
    for name in COUNTRIES:
        rings = []
        for feature in CountryInfo(name).geo_json().get("features", []):
            geometry = feature.get("geometry") or {}
            polygons = geometry.get("coordinates", [])
            if geometry.get("type") == "Polygon":
                polygons = [polygons]
            rings += [[(float(x), float(y)) for x, y in ring] for polygon in polygons for ring in polygon]
        if not rings:
            raise RenderError(f"countryinfo has no outline of {name}; reinstall the package")
        out[name] = rings
    return out


def _projection(points: list[tuple[float, float]]):
    """(lon, lat) -> (x, y) in the SVG: equirectangular, longitudes scaled by cos(middle latitude)."""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    k = math.cos(math.radians((min(lats) + max(lats)) / 2))
    w, h = (max(lons) - min(lons)) * k or 1.0, (max(lats) - min(lats)) or 1.0
    scale = min((WIDTH - 2 * PAD) / w, (HEIGHT - 2 * PAD) / h)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return PAD + (lon - min(lons)) * k * scale, PAD + (max(lats) - lat) * scale
    return project


def render_map(markers: list[Marker], shapes: dict, lang: str) -> str:
    ui = _UI[lang]
    project = _projection([p for rings in shapes.values() for ring in rings for p in ring]
                          + [(m.lon, m.lat) for m in markers])
    paths = []
    for name, rings in shapes.items():
        d = " ".join("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in (project(*p) for p in ring)) + " Z" for ring in rings)
        paths.append(f'<path class="country" data-country="{name}" d="{d}"/>')
    dots = []
    for m in sorted(markers, key=lambda m: (not m.area, -m.events, m.iri)):  # areas under the towns in them
        x, y = project(m.lon, m.lat)
        r = (14 if m.area else 5) + 2.5 * math.sqrt(m.events)
        tip = html.escape(m.tooltip)
        tx, ty = (x, y + r + 14) if m.area else (x + r + 3, y + 4)
        dots.append(f'<g class="marker{" area" if m.area else ""}" data-iri="{html.escape(local_name(m.iri))}" '
                    f'data-events="{m.events}" data-tip="{tip}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">'
                    f'<title>{tip}</title></circle><text x="{tx:.1f}" y="{ty:.1f}">{html.escape(m.label)}</text></g>')
    direction = "rtl" if lang == "ar" else "ltr"
    return f"""<!DOCTYPE html>
<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{html.escape(ui['title'])}</title>
<style>
body {{ font-family: "Noto Sans Arabic", "Noto Naskh Arabic", sans-serif; margin: 1em; }}
svg {{ max-width: 100%; height: auto; background: #f4f8fb; border: 1px solid #ccd; }}
.country {{ fill: #fdfcf7; stroke: #7a8a99; stroke-width: 1.2; }}
.marker circle {{ fill: #c62828; fill-opacity: .75; stroke: #fff; stroke-width: 1.5; cursor: pointer; }}
.marker.area circle {{ fill: #c62828; fill-opacity: .08; stroke: #c62828; stroke-dasharray: 4 3; }}
.marker.area text {{ text-anchor: middle; font-style: italic; fill: #6d1b1b; }}
.marker text {{ font-size: 13px; fill: #222; paint-order: stroke; stroke: #fff; stroke-width: 3px; direction: ltr; }}
#tip {{ position: fixed; display: none; white-space: pre-wrap; max-width: 36em; background: #fff; border: 1px solid #999;
        padding: .5em; font-size: 13px; box-shadow: 0 2px 6px rgba(0,0,0,.2); pointer-events: none; unicode-bidi: plaintext; }}
footer {{ color: #555; font-size: 12px; }}
</style></head><body>
<h1>{html.escape(ui['title'])}</h1>
<svg id="map" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" role="img" aria-label="{html.escape(ui['title'])}">
{chr(10).join(paths)}
{chr(10).join(dots)}
</svg>
<div id="tip"></div>
<footer>{len(markers)} · {html.escape(ui['note'])}</footer>
<script>
const tip = document.getElementById("tip");
for (const m of document.querySelectorAll(".marker")) {{
  m.addEventListener("mouseenter", () => {{ tip.textContent = m.dataset.tip; tip.style.display = "block"; }});
  m.addEventListener("mousemove", (e) => {{ tip.style.left = (e.clientX + 12) + "px"; tip.style.top = (e.clientY + 12) + "px"; }});
  m.addEventListener("mouseleave", () => {{ tip.style.display = "none"; }});
}}
</script>
</body></html>
"""


_REMOTE = re.compile(r"""(?:src|href|url)\s*[=(]\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def check_offline(page: str) -> None:
    """Refuse a page that would load anything from the network."""
    m = _REMOTE.search(page)
    if m:
        raise RenderError(f"the map would load a remote resource ({page[m.start():m.start() + 60]!r}); "
                          "it must work offline")


__all__ = ["Marker", "check_offline", "outlines", "place_markers", "render_map", "write_map"]
