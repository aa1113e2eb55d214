"""A pyvis network as one self-contained, offline HTML page.

The page never touches the network. pyvis's template loads Bootstrap and
vis-network from CDNs whatever ``cdn_resources`` says, so the HTML is rewritten
after rendering: every ``<script src=//...>`` and ``<link href=//...>`` goes, the
vis-network script and stylesheet bundled with the installed pyvis are inlined,
and a final check (``check_offline``) refuses a page that still names a remote
resource. ``write_page`` replaces the file whole or not at all.

The options reach the page as JSON with ``<``, ``>`` and ``&`` escaped (``\\u003c``...);
the title is escaped here; the header is HTML that the caller has escaped.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pyvis

from athar.errors import RenderError

__all__ = ["check_offline", "offline_page", "write_page"]

_REMOTE_TAG = re.compile(
    r"""<(script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//[^>]*>(?:\s*</script\s*>)?""",
    re.IGNORECASE | re.DOTALL,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def offline_page(net, lang: str, title: str, header: str, css: str) -> str:
    """pyvis's page for ``net``, rewritten to be offline, right-to-left when Arabic, and titled.

    ``header`` is HTML put after the title at the top of the body; ``css`` is added last.
    """
    template = net.templateEnv.get_template(net.path)
    nodes, edges, _heading, height, width, _options = net.get_network_data()
    page = template.render(
        height=height,
        width=width,
        nodes=nodes,
        edges=edges,
        heading="",
        options=_script_json(net.options),
        physics_enabled=True,
        use_DOT=False,
        dot_lang="",
        widget=False,
        bgcolor=net.bgcolor,
        conf=False,
        tooltip_link=False,  # pyvis's link popup sets innerHTML from the title: never
        neighborhood_highlight=False,
        select_menu=False,
        filter_menu=False,
        notebook=False,
        cdn_resources="remote",
    )
    page = _REMOTE_TAG.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = _COMMENT.sub("", page)
    js, vis_css = _vis_assets()
    direction = "rtl" if lang == "ar" else "ltr"
    head = (
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{vis_css}</style>\n<script>{js}</script>\n<style>{css}</style>\n"
    )
    page = _replace_once(page, "<html>", f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">')
    page = _replace_once(page, "</head>", head + "</head>")
    page = _replace_once(
        page, "<body>", f"<body>\n<header><h1>{html.escape(title)}</h1>{header}</header>"
    )
    check_offline(page)
    return page


def _script_json(value) -> str:
    """JSON safe inside <script>: no character of it can close the element."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def _replace_once(page: str, old: str, new: str) -> str:
    if page.count(old) != 1:
        raise RenderError(f"pyvis template changed: expected one {old!r} in the page")
    return page.replace(old, new)


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
