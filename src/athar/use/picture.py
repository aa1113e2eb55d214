"""Pictures for reports: a view as a PNG, and a timeline chart of the events by month.

Both are drawn by headless Chromium through Playwright (the ``png`` extra), the
system's ``/usr/bin/chromium`` when there is one (``$ATHAR_CHROMIUM`` names another),
with every request that is not ``file:`` or ``data:`` refused: the page is the same
offline page a browser opens, and a picture never touches the network.

``timeline_counts`` counts the events of a graph by month and class (an event dated to
a year only is left out of the months: it has no month); ``timeline_svg`` draws them as
stacked bars, labelled in Arabic or English, in an SVG whose every text is escaped.
"""

from __future__ import annotations

import asyncio
import html
import logging
import os
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import networkx as nx

from athar.errors import RenderError
from athar.use.views import Vocabulary

log = logging.getLogger(__name__)

CHROMIUM = "/usr/bin/chromium"
__all__ = ["render_png", "timeline_counts", "timeline_png", "timeline_svg"]

_CHART_CLASSES = 7  # the most frequent classes get a colour each; the rest are "other"


def _launch(playwright):
    path = os.environ.get("ATHAR_CHROMIUM") or (CHROMIUM if os.path.exists(CHROMIUM) else None)
    args = ["--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-sync"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(0, "--no-sandbox")
    try:
        return playwright.chromium.launch(executable_path=path, headless=True, args=args)
    except Exception as e:  # Playwright raises its own Error
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise RenderError(f"cannot start Chromium at {path or 'Playwright default'} ({first}); install "
                          "Debian's chromium (apt-get install chromium) or set ATHAR_CHROMIUM") from e


def _shoot(html_path: Path, png_path: Path, width: int, height: int, ready: str, selector: str | None):
    """Playwright's sync API refuses a thread with a running event loop (a notebook, or another
    Playwright session): then the picture is taken in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _shoot_here(html_path, png_path, width, height, ready, selector)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(_shoot_here, html_path, png_path, width, height, ready, selector).result()


def _shoot_here(html_path: Path, png_path: Path, width: int, height: int, ready: str, selector: str | None):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        raise RenderError("a PNG needs Playwright: pip install 'athar[png]' (or playwright)") from e
    png_path.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = _launch(p)
        try:
            page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
                       else r.abort())
            page.goto(html_path.resolve().as_uri(), wait_until="load")
            page.wait_for_function(ready, timeout=120_000)
            page.wait_for_timeout(300)
            target = page.locator(selector) if selector else page
            target.screenshot(path=str(png_path))
        except RenderError:
            raise
        except Exception as e:
            raise RenderError(f"{png_path}: cannot render the picture in Chromium ({e})") from e
        finally:
            browser.close()
    return png_path


def render_png(html_path: str | Path, png_path: str | Path, width: int = 1600, height: int = 1000) -> Path:
    """A screenshot of the view page at ``html_path`` (after its first drawing) at ``png_path``."""
    html_path, png_path = Path(html_path), Path(png_path)
    if not html_path.is_file():
        raise RenderError(f"{html_path}: no such page to render")
    _shoot(html_path, png_path, width, height, "() => window.athar && window.athar.ready()", None)
    log.info("wrote %s", png_path)
    return png_path


def timeline_counts(G: nx.MultiDiGraph) -> dict[str, Counter]:
    """Month ("2019-03") -> Counter of event classes, over the events dated to a month or a day."""
    months: dict[str, Counter] = {}
    for _, d in G.nodes(data=True):
        date = d.get("date") or ""
        if d.get("kind") == "event" and len(date) >= 7 and date[4] == "-":
            months.setdefault(date[:7], Counter())[d.get("cls") or "Event"] += 1
    return dict(sorted(months.items()))


def _all_months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def timeline_svg(G: nx.MultiDiGraph, lang: str, vocab: Vocabulary, colours: dict) -> str:
    """The events of ``G`` by month as stacked bars (an SVG document)."""
    counts = timeline_counts(G)
    title = "الأحداث في كل شهر" if lang == "ar" else "Events per month"
    if not counts:
        empty = "لا أحداث مؤرخة بالشهر" if lang == "ar" else "No event dated to a month"
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="600" height="120"><text x="20" y="60" '
                f'font-size="18">{html.escape(empty)}</text></svg>')
    total = Counter()
    for c in counts.values():
        total.update(c)
    top = [c for c, _ in total.most_common(_CHART_CLASSES)]
    months = _all_months(min(counts), max(counts))
    step = max(6, min(40, 1100 // len(months)))
    width, height, left, base = 160 + step * len(months), 460, 60, 380
    peak = max(sum(c.values()) for c in counts.values())
    scale = (base - 60) / peak
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width + 220}" height="{height}" '
             f'font-family="Noto Sans Arabic, sans-serif" font-size="13">',
             f'<rect width="100%" height="100%" fill="#fff"/>',
             f'<text x="{left}" y="28" font-size="18" font-weight="600">{html.escape(title)}</text>',
             f'<line x1="{left}" y1="{base}" x2="{left + step * len(months)}" y2="{base}" stroke="#555"/>']
    for k in range(0, peak + 1, max(1, peak // 5)):
        y = base - k * scale
        parts.append(f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{k}</text>')
    every = max(1, len(months) // 12)
    for i, month in enumerate(months):
        x, y = left + i * step, float(base)
        for c in top + ["other"]:
            n = counts.get(month, Counter())[c] if c != "other" else sum(
                v for k, v in counts.get(month, Counter()).items() if k not in top)
            if n:
                h = n * scale
                y -= h
                parts.append(f'<rect x="{x + 1}" y="{y:.1f}" width="{step - 2}" height="{h:.1f}" '
                             f'fill="{colours.get(c, "#b0bec5")}"><title>{html.escape(month)}: {n}</title></rect>')
        if i % every == 0:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{base + 16}" text-anchor="end" '
                         f'transform="rotate(-45 {x + step / 2:.1f} {base + 16})" fill="#333">{month}</text>')
    other = "غير ذلك" if lang == "ar" else "Other"
    for k, c in enumerate(top + (["other"] if len(total) > len(top) else [])):
        name = other if c == "other" else vocab.name(c, lang) or c
        y = 60 + k * 22
        parts.append(f'<rect x="{width + 10}" y="{y - 11}" width="14" height="14" fill="{colours.get(c, "#b0bec5")}"/>'
                     f'<text x="{width + 30}" y="{y}">{html.escape(name)} ({total[c] if c != "other" else sum(total.values()) - sum(total[t] for t in top)})</text>')
    parts.append("</svg>")
    return "".join(parts)


def timeline_png(G: nx.MultiDiGraph, png_path: str | Path, lang: str, vocab: Vocabulary,
                 colours: dict) -> Path:
    """The timeline chart of ``G`` as a PNG at ``png_path``."""
    svg = timeline_svg(G, lang, vocab, colours)
    page = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><style>body{{margin:0}}</style>'
            f'</head><body><div id="chart" style="display:inline-block">{svg}</div>'
            "<script>window.athar={ready:()=>true}</script></body></html>")
    with tempfile.TemporaryDirectory(prefix="athar-timeline-") as folder:
        src = Path(folder) / "timeline.html"
        src.write_text(page, encoding="utf-8")
        _shoot(src, Path(png_path), 1600, 600, "() => window.athar && window.athar.ready()", "#chart")
    log.info("wrote %s", png_path)
    return Path(png_path)
