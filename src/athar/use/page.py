"""The page of a view: one self-contained HTML file that works offline.

``build_page`` puts together, inline: vis-network's script and stylesheet as they ship
inside the installed pyvis package (read from there, never from a CDN), athar's own
script and stylesheet (``static/view.js``, ``static/view.css``: the legend, filters,
search, language switch, side panel and tooltips), and the view's data as JSON in a
``<script type="application/json">`` element, with ``<``, ``>`` and ``&`` escaped so that
no label can close it. The page's markup holds no data: the script sets every label as
text. ``check_offline`` refuses a page that names a remote resource; ``write_page``
replaces the file whole or not at all.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pyvis

from athar.errors import RenderError

__all__ = ["build_page", "check_offline", "write_page"]

_BODY = """<body>
<header>
  <h1 id="title"></h1>
  <div class="controls">
    <input id="search" type="search" autocomplete="off">
    <label><span data-ui="from"></span> <input id="date-from" type="month"></label>
    <label><span data-ui="to"></span> <input id="date-to" type="month"></label>
    <button id="overview" type="button" hidden></button>
    <select id="group" hidden><option value="class"></option><option value="place"></option></select>
    <select id="lang"><option value="ar">العربية</option><option value="en">English</option></select>
  </div>
  <ul id="results"></ul>
</header>
<main>
  <div id="mynetwork"></div>
  <aside>
    <section id="panel"><p data-ui="hint"></p></section>
    <section id="legend"><h2 data-ui="legend"></h2><ul></ul></section>
  </aside>
</main>
<div id="tip" role="tooltip" hidden></div>
"""


def build_page(data: dict, lang: str, title: str) -> str:
    """The page for ``data`` (``athar.use.viz.page_data``), opening in ``lang``."""
    js, vis_css = _vis_assets()
    own_js, own_css = _static("view.js"), _static("view.css")
    direction = "rtl" if lang == "ar" else "ltr"
    page = (
        f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{vis_css}</style>\n<style>{own_css}</style>\n"
        f"</head>\n{_BODY}"
        f'<script type="application/json" id="athar-data">{_script_json(data)}</script>\n'
        f"<script>{js}</script>\n<script>{own_js}</script>\n</body>\n</html>\n"
    )
    check_offline(page)
    return page


def _script_json(value) -> str:
    """JSON safe inside <script>: no character of it can close the element."""
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def _static(name: str) -> str:
    try:
        text = resources.files("athar.use").joinpath("static", name).read_text(encoding="utf-8")
    except OSError as e:
        raise RenderError(f"athar/use/static/{name}: cannot read the page's {name} ({e}); reinstall athar") from e
    if re.search(r"</(script|style)", text, re.IGNORECASE):
        raise RenderError(f"athar/use/static/{name} cannot be inlined (it closes its own tag)")
    return text


def _vis_assets() -> tuple[str, str]:
    """The vis-network script and stylesheet that ship with the installed pyvis."""
    root = Path(pyvis.__file__).parent
    found = sorted(root.glob("**/vis-*/vis-network.min.js"), key=lambda p: _version(p.parent.name))
    if not found:
        raise RenderError(f"{root}: no vis-network.min.js in the pyvis package; reinstall pyvis")
    js_path = found[-1]
    css_path = js_path.with_name("vis-network.css")
    try:
        js = js_path.read_text(encoding="utf-8")
        css = css_path.read_text(encoding="utf-8")
    except OSError as e:
        raise RenderError(f"{js_path.parent}: cannot read vis-network ({e})") from e
    if re.search(r"</script", js, re.IGNORECASE) or re.search(r"</style", css, re.IGNORECASE):
        raise RenderError(
            f"{js_path.parent}: vis-network cannot be inlined (it closes its own tag)"
        )
    return js, css


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", name))


class _ResourceFinder(HTMLParser):
    """Collects every URL the page would fetch: src/href-like attributes and CSS url()/@import.

    Remote URLs are refused anywhere; a script, stylesheet, image or frame must also
    not name a file beside the page (the page travels alone), only ``data:``.
    """

    _ATTRS = {"src", "href", "srcset", "data", "poster", "action", "formaction", "background"}
    _EMBEDS = {"script", "link", "img", "iframe", "source", "embed", "object", "audio", "video"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.remote: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in self._ATTRS and (
                _is_remote(value)
                or (tag in self._EMBEDS and not value.strip().lower().startswith("data:"))
            ):
                self.remote.append(f"<{tag} {name}={value!r}>")
            if name == "style":
                self._css(value, f"<{tag} style>")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self._css(data, "<style>")

    def _css(self, css: str, where: str):
        for m in re.finditer(
            r"""(?:url\(\s*["']?|@import\s+["'])([^"')\s]+)""", css, re.IGNORECASE
        ):
            if _is_remote(m.group(1)):
                self.remote.append(f"{where} {m.group(1)}")


def _is_remote(url: str) -> bool:
    return bool(re.match(r"\s*(?:https?:)?//", url, re.IGNORECASE))


def check_offline(page: str) -> None:
    """Raise ``RenderError`` if the page would load anything from outside itself."""
    finder = _ResourceFinder()
    finder.feed(page)
    finder.close()
    if finder.remote:
        raise RenderError(
            f"the page would load resources from outside itself: {', '.join(finder.remote[:5])}"
        )
    if "vis.Network" not in page:
        raise RenderError("the page does not carry vis-network inline")


def write_page(out: Path, page: str) -> None:
    """Write through a temporary file in the same directory, then rename over ``out``."""
    tmp = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        mode = out.stat().st_mode & 0o777 if out.exists() else 0o644
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(page)
        os.chmod(tmp, mode)  # mkstemp makes 0600; the page is meant to be opened and shared
        os.replace(tmp, out)
    except OSError as e:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise RenderError(f"{out}: cannot write the HTML graph ({e})") from e
