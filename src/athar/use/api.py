"""The public facade: a store of Arabic news as a knowledge graph, in a few methods.

    >>> from athar.use.api import Store
    >>> with Store() as store:                      # in memory; Store("athar-store") on disk
    ...     report = store.build("data/corpus")
    ...     rows = store.query("liberations")        # a saved query, or SPARQL text
    ...     store.draw("graph.html", lang="en")
    ...     report = store.stats()                   # centrality, communities, timeline

SELECT answers come back as dicts of plain Python values (``results="python"``)
or in the SPARQL 1.1 Query Results JSON form (``results="json"``); ASK as a bool.
In Jupyter, answers and reports show as tables and ``store.view()`` as the graph
inline (``_repr_html_``, see ``athar.use.notebook``).
"""

from __future__ import annotations

import datetime
import json
import re
import tempfile
from pathlib import Path

import pyoxigraph as ox

from athar.errors import QueryError
from athar.graph.ingest import BuildReport, build
from athar.graph.listed import ListedAnswer
from athar.graph.location import open_store
from athar.graph.terms import PREFIXES
from athar.use.analytics import analyse
from athar.use.network import read_network
from athar.use.notebook import Analysis, GraphView, Rows
from athar.use.query import SavedQuery, events, resolve_query
from athar.use.query import answer as run
from athar.use.viz import render_html

XSD = PREFIXES["xsd"]
RESULTS = ("python", "json")
_SAVED_NAME = re.compile(r"[\w.\-/]+")  # a saved query's name or a .rq path: no spaces, no braces


def default_drawing(lang: str = "ar") -> Path:
    """Where a drawing goes when no path is given: ``out/athar-graph.html`` (``.en.html`` in English)."""
    return Path("out") / ("athar-graph.html" if lang == "ar" else f"athar-graph.{lang}.html")


class Store:
    """Arabic news as a knowledge graph: on disk at ``path``, in memory when it is None, or in a
    SPARQL server when ``path`` is its URL or a .toml file naming its endpoints."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self._graph = open_store(path, read_only=read_only)

    @property
    def path(self) -> Path | None:
        return self._graph.path

    def build(self, *paths: str | Path) -> BuildReport:
        """Read, extract and load documents (files or directories); errors are listed in the report."""
        return build(self._graph, paths)

    def query(self, sparql_or_name: str, *, results: str = "python", params: dict[str, str] | None = None,
              inferred: bool = False) -> Rows | dict | bool:
        """Answer SPARQL text, or a saved query by name ("liberations") or .rq path, with the
        parameters it declares (``params={"place": "الرقة"}``: an entity's label).

        The default graph is the documents and the background graphs; what ``build --reason``
        inferred is read only with ``inferred=True``. SELECT gives a list of dicts (``Rows``: str, int,
        float, bool, ``datetime.date``; None where a variable is unbound), or with
        ``results="json"`` the SPARQL 1.1 Query Results JSON dict. ASK gives a bool (or
        ``{"head": {}, "boolean": ...}``).
        """
        if results not in RESULTS:
            raise QueryError(f"unknown results form {results!r}; use one of {', '.join(RESULTS)}")
        answer = _results_json(run(self._graph, _sparql(sparql_or_name), params=params, inferred=inferred))
        if results == "json":
            return answer
        if "boolean" in answer:
            return answer["boolean"]
        names = answer["head"]["vars"]
        return Rows(({n: python_value(b.get(n)) for n in names} for b in answer["results"]["bindings"]), names)

    def events(self) -> list[dict]:
        """One record per event or relation: the records of ``athar events -f json``."""
        return events(self._graph)

    def draw(self, path: str | Path | None = None, lang: str = "ar", **view) -> Path:
        """Write the graph as one offline HTML page (default: ``out/athar-graph.html``); return its path.

        ``view`` goes to :func:`athar.use.viz.render_html`: ``around="الرقة", depth=2``,
        ``query="liberations"``, ``view="actors"``, ``overview=True``."""
        return render_html(self._graph, Path(path) if path is not None else default_drawing(lang), lang=lang, **view)

    def view(self, lang: str = "ar", max_nodes: int = 2000, **view) -> GraphView:
        """The graph page for a notebook (shown inline), or a summary when the store holds more than
        ``max_nodes`` nodes; ``view`` goes to :meth:`draw` (``around="الرقة", depth=1``)."""
        net = read_network(self._graph)
        nodes, edges = len(net.entities) + len(net.events), len(net.roles) + len(net.relations)
        if nodes > max_nodes:
            return GraphView(None, nodes, edges)
        with tempfile.TemporaryDirectory() as tmp:
            page = render_html(self._graph, Path(tmp) / "graph.html", lang=lang, **view).read_text(encoding="utf-8")
        return GraphView(page, nodes, edges)

    def stats(self, *, events: str = "edges", top: int = 10) -> Analysis:
        """The report of ``athar stats`` (centrality, communities, counts, timeline), shown as tables."""
        return Analysis(analyse(self._graph, events=events, top=top))

    def __len__(self) -> int:
        return len(self._graph)

    def close(self) -> None:
        self._graph.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        where = self.path or getattr(self._graph, "location", None)
        return f"athar.Store({str(where) if where else None!r})"


def _sparql(sparql_or_name: str) -> SavedQuery | str:
    text = sparql_or_name.strip()
    return resolve_query(text) if _SAVED_NAME.fullmatch(text) else sparql_or_name


def _results_json(answer) -> dict:
    if isinstance(answer, ListedAnswer):  # a listing query's rows, read in Python (athar.graph.listed)
        return answer.results_json()
    if not isinstance(answer, (ox.QuerySolutions, ox.QueryBoolean)):
        raise QueryError("only SELECT and ASK queries have results; CONSTRUCT and DESCRIBE give graphs "
                         "(see 'athar export')")
    return json.loads(answer.serialize(format=ox.QueryResultsFormat.JSON))


def python_value(term: dict | None):
    """A term of the SPARQL JSON form as a plain value: IRIs and text as str, numbers, bools, dates."""
    if term is None:
        return None
    if term["type"] == "bnode":
        return "_:" + term["value"]
    convert = _CONVERTERS.get(term.get("datatype"))
    if convert is None:
        return term["value"]
    try:
        return convert(term["value"])
    except ValueError:  # an ill-typed literal ("abc"^^xsd:integer) stays as its text
        return term["value"]


def _boolean(text: str) -> bool:
    if text not in ("true", "false", "1", "0"):
        raise ValueError(text)
    return text in ("true", "1")


_CONVERTERS = {
    XSD + "integer": int, XSD + "int": int, XSD + "long": int, XSD + "short": int,
    XSD + "nonNegativeInteger": int, XSD + "positiveInteger": int,
    XSD + "decimal": float, XSD + "double": float, XSD + "float": float,
    XSD + "boolean": _boolean,
    XSD + "date": datetime.date.fromisoformat,
    XSD + "dateTime": datetime.datetime.fromisoformat,
}
