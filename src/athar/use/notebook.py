"""What athar's objects show in Jupyter (``_repr_html_``): answers as tables, the graph inline.

    >>> store.query("liberations")     # Rows: a list of dicts, drawn as an HTML table
    >>> store.view()                   # the offline graph page in a sandboxed frame
    >>> store.stats()                  # Analysis: the report of `athar stats`, as tables

Everything shown comes from documents, so every value is HTML-escaped; the graph
page goes into ``<iframe srcdoc>`` escaped whole, and the frame is sandboxed
(scripts run, but in an origin of their own: they cannot reach the notebook).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

MAX_ROWS = 200  # rows a table shows; the rest are counted
FRAME_HEIGHT = 600  # pixels


def html_table(columns: Sequence[str], rows: Iterable[Sequence], caption: str = "", limit: int = MAX_ROWS) -> str:
    """An HTML table of ``rows`` under ``columns``, every cell escaped; at most ``limit`` rows shown."""
    rows = list(rows)
    head = "".join(f"<th>{_cell(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f'<td dir="auto">{_cell(v)}</td>' for v in row) + "</tr>" for row in rows[:limit])
    more = f"<p>… {len(rows) - limit} more rows</p>" if len(rows) > limit else ""
    title = f"<caption>{_cell(caption)}</caption>" if caption else ""
    return f'<table class="athar">{title}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}'


class Rows(list):
    """The answer to a SELECT: a list of dicts (one per solution) that knows its columns."""

    def __init__(self, rows: Iterable[dict] = (), columns: Sequence[str] = ()):
        super().__init__(rows)
        self.columns = list(columns)

    def _repr_html_(self) -> str:
        count = f"{len(self)} row{'' if len(self) == 1 else 's'}"
        return html_table(self.columns, ([r.get(c) for c in self.columns] for r in self), caption=count)


class GraphView:
    """The graph page, shown inline in a notebook; or, when the graph is too large for a page,
    a summary of it (``page`` None) that says how to draw a part of it."""

    def __init__(self, page: str | None, nodes: int, edges: int, height: int = FRAME_HEIGHT):
        self.page, self.nodes, self.edges, self.height = page, nodes, edges, height

    def _repr_html_(self) -> str:
        if self.page is None:
            return (f"<p>athar graph: {self.nodes} nodes, {self.edges} edges: too many to draw inline; "
                    "<code>store.stats()</code> summarizes it and <code>athar viz</code> draws it in a page.</p>")
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
                f'style="width: 100%; height: {int(self.height)}px; border: 1px solid #ddd" '
                f'title="athar graph: {self.nodes} nodes, {self.edges} edges"></iframe>')

    def __repr__(self) -> str:
        return f"<athar graph: {self.nodes} nodes, {self.edges} edges>"


class Analysis(dict):
    """The report of ``athar stats`` (``athar.use.analytics.analyse``), drawn as tables."""

    def _repr_html_(self) -> str:
        p, c = self["projection"], self["counts"]
        parts = [f"<p>{self['documents']} documents, {c['events']} events; graph with events as "
                 f"{_cell(p['events_as'])}: {p['nodes']} nodes, {p['edges']} links.</p>"]
        for kind in ("actors", "places"):
            cent = self["centrality"][kind]
            rows = [[i + 1, *(_ranked(col, i) for col in (cent["degree"], cent["betweenness"])),
                     f"{_name(c[kind][i])} {c[kind][i]['events']}" if i < len(c[kind]) else ""]
                    for i in range(max(len(cent["degree"]), len(c[kind])))]
            parts.append(html_table(["#", "degree", "betweenness", "events"], rows, caption=kind))
        parts.append(html_table(["class", "events"], c["classes"].items(), caption="events by class"))
        parts.append(html_table(["month", "class", "events"],
                                ([t["month"], t["class"], t["events"]] for t in self["timeline"]), caption="timeline"))
        return "\n".join(parts)


def _ranked(col: list[dict], i: int) -> str:
    return f"{_name(col[i])} {col[i]['score']:.3f}" if i < len(col) else ""


def _name(row: dict) -> str:
    return row.get("label_ar") or row.get("label_en") or row["iri"]


def _cell(value) -> str:
    return "" if value is None else html.escape(str(value), quote=True)
