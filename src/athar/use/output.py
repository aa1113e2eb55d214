"""What athar prints: tables drawn by rich to fit the terminal, CSV, TSV or JSON.

SPARQL results (in their SPARQL 1.1 JSON form) print in the SPARQL 1.1 formats:
JSON as it is, CSV with plain values, TSV with terms in Turtle syntax.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

import pyoxigraph as ox
from rich import box
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from athar.errors import QueryError, StoreError
from athar.graph.listed import ListedAnswer
from athar.graph.store import Table
from athar.graph.terms import PREFIXES
from athar.graph.validate import FORMATS as REPORT_FORMATS
from athar.graph.validate import (
    ValidationReport,
    report_summary,
    report_table,
    report_turtle,
)

FORMATS = ("table", "csv", "tsv", "json")
DEFAULT_WIDTH = 100  # when stdout is not a terminal

XSD = PREFIXES["xsd"]
# Literals Turtle writes bare (what SPARQL's TSV format uses), by datatype: the lexical forms it accepts.
_BARE = {
    XSD + "integer": re.compile(r"[+-]?\d+"),
    XSD + "decimal": re.compile(r"[+-]?\d*\.\d+"),
    XSD + "double": re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+"),
    XSD + "boolean": re.compile(r"true|false"),
}
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def format_table(table: Table, fmt: str, *, width: int = DEFAULT_WIDTH, cut: Iterable[str] = (),
                 keep: Iterable[str] = ()) -> str:
    """``table`` as text (see :func:`render_table`), CSV, TSV or JSON."""
    _check_format(fmt)
    if fmt == "json":
        return json.dumps([dict(zip(table.columns, r)) for r in table.rows], ensure_ascii=False, indent=2)
    if fmt in ("csv", "tsv"):
        return _delimited(table.columns, [["" if c is None else c for c in r] for r in table.rows],
                          "," if fmt == "csv" else "\t", "\n")
    return render_table(table, width=width, cut=cut, keep=keep)


def render_table(table: Table, *, width: int = DEFAULT_WIDTH, cut: Iterable[str] = (),
                 keep: Iterable[str] = ()) -> str:
    """The table drawn by rich within ``width`` columns, and a count of its rows.

    Cells wrap, except those of the ``keep`` columns (short codes, dates) and of the
    ``cut`` columns, which keep to one line (at most 30% of the width) and end in "…".
    Text goes in as it is: no markup, and Arabic keeps its logical order.
    """
    cut, keep = set(cut), set(keep)
    grid = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
    for column in table.columns:
        header = column.replace("/", "/\n")  # "agent/subject" in two short lines
        if column in cut:
            grid.add_column(header, no_wrap=True, overflow="ellipsis", max_width=max(20, width * 3 // 10))
        else:
            grid.add_column(header, no_wrap=column in keep, overflow="fold")
    for row in table.rows:
        grid.add_row(*(Text(_one_line(value)) for value in row))
    count = len(table.rows)
    return f"{_render(grid, width)}\n({count} row{'' if count == 1 else 's'})"


def _render(renderable, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False,
                      force_interactive=False, highlight=False, markup=False, emoji=False)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines()).strip("\n")


def _one_line(value: str | None) -> str:
    return "" if value is None else value.replace("\r", " ").replace("\n", " ")


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")


def _delimited(header: list[str], rows: list[list[str]], delimiter: str, end: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=end)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


# -- SPARQL results ------------------------------------------------------


def format_results(results: dict, fmt: str, *, width: int = DEFAULT_WIDTH) -> str:
    """SPARQL results, given in the SPARQL 1.1 JSON form, as JSON, CSV, TSV or a table.

    CSV and TSV follow "SPARQL 1.1 Query Results CSV and TSV Formats": CSV holds
    plain values under the variable names, lines ending in CRLF; TSV holds terms
    in Turtle syntax under ``?name``. An ASK answer prints as ``true`` or ``false``.
    """
    _check_format(fmt)
    if fmt == "json":
        return json.dumps(results, ensure_ascii=False, indent=2)
    if "boolean" in results:
        return "true" if results["boolean"] else "false"
    names = results["head"]["vars"]
    bindings = results["results"]["bindings"]
    if fmt == "csv":
        return _delimited(names, [[_csv_value(b.get(n)) for n in names] for b in bindings], ",", "\r\n")
    if fmt == "tsv":
        lines = ["\t".join("?" + n for n in names)]
        lines += ["\t".join(turtle_term(b.get(n)) for n in names) for b in bindings]
        return "\n".join(lines) + "\n"
    return render_table(Table(names, [[_csv_value(b.get(n)) or None for n in names] for b in bindings]),
                        width=width)


def _csv_value(term: dict | None) -> str:
    if term is None:
        return ""
    return "_:" + term["value"] if term["type"] == "bnode" else term["value"]


def turtle_term(term: dict | None) -> str:
    """One term of a SPARQL JSON binding in Turtle syntax ("" when unbound): ``<iri>``, ``"text"@ar``, ``3``."""
    if term is None:
        return ""
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    if kind != "literal":
        raise QueryError(f"cannot write a {kind} term as Turtle")
    datatype = term.get("datatype")
    bare = _BARE.get(datatype)
    if bare is not None and bare.fullmatch(value):
        return value
    quoted = '"' + "".join(_ESCAPES.get(ch, ch) for ch in value) + '"'
    if "xml:lang" in term:
        return f"{quoted}@{term['xml:lang']}"
    if datatype and datatype != XSD + "string":
        return f"{quoted}^^<{datatype}>"
    return quoted


def format_report(report: ValidationReport, fmt: str = "table", *, width: int = DEFAULT_WIDTH) -> str:
    """The validation report: a table of findings and a summary line, or SHACL's report in Turtle."""
    if fmt == "ttl":
        return report_turtle(report)
    if fmt != "table":
        raise QueryError(f"unknown format '{fmt}'; use one of {', '.join(REPORT_FORMATS)}")
    summary = report_summary(report)
    if not report.findings:
        return summary
    return render_table(report_table(report), width=width) + "\n" + summary


# -- SPARQL 1.1 Query Results JSON ------------------------------------------------

_XSD_STRING = PREFIXES["xsd"] + "string"
_LANG_STRING = PREFIXES["rdf"] + "langString"


def results_json(answer) -> dict:
    """An Oxigraph answer as the SPARQL 1.1 results JSON; a graph (CONSTRUCT, DESCRIBE) as rows
    of ?subject ?predicate ?object."""
    if isinstance(answer, ListedAnswer):  # a listing query's rows, read in Python (athar.graph.listed)
        return answer.results_json()
    if isinstance(answer, (ox.QuerySolutions, ox.QueryBoolean)):
        return json.loads(answer.serialize(format=ox.QueryResultsFormat.JSON))
    names = ["subject", "predicate", "object"]
    rows = [dict(zip(names, map(term_json, (t.subject, t.predicate, t.object)))) for t in answer]
    return {"head": {"vars": names}, "results": {"bindings": rows}}


_XSD_STRING = PREFIXES["xsd"] + "string"
_LANG_STRING = PREFIXES["rdf"] + "langString"


def term_json(term) -> dict:
    """A term in the SPARQL 1.1 Query Results JSON form."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise StoreError(f"unexpected term {term!r}")
