"""What athar prints: tables drawn by rich to fit the terminal, CSV, TSV or JSON.

SPARQL results (in their SPARQL 1.1 JSON form) print in the SPARQL 1.1 formats:
JSON as it is, CSV with plain values, TSV with terms in Turtle syntax.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from typing import TYPE_CHECKING

import pyoxigraph as ox

from athar.errors import QueryError, RenderError, StoreError
from athar.graph.listed import ListedAnswer
from athar.graph.store import Table
from athar.graph.prefixes import PREFIXES

if TYPE_CHECKING:
    from athar.graph.validate import ValidationReport

# rich (tables) and athar.graph.validate (reports) are imported by the functions that draw them:
# ``athar query NAME -f csv`` needs neither (a fifth of its start).

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
    check_format(fmt)
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
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

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
    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False,
                      force_interactive=False, highlight=False, markup=False, emoji=False)
    console.print(renderable)
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines()).strip("\n")


def _one_line(value: str | None) -> str:
    return "" if value is None else value.replace("\r", " ").replace("\n", " ")


def check_format(fmt: str) -> None:
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
    check_format(fmt)
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


def write_results(found, fmt: str, out, *, width: int = DEFAULT_WIDTH) -> None:
    """An answer (Oxigraph's, a listing's read in Python, or SPARQL results JSON) written to the
    text file ``out`` as :func:`format_results` gives it, ending in a newline. A listing's rows
    go to CSV and TSV from their fields, without the results JSON (``evidence``'s 49,878 rows
    at 10,000 documents: 0.36 s of JSON not made); to CSV cut from the rows' literals as one
    text where no field needs quotes (:meth:`athar.graph.listed.ListedAnswer.csv_lines`)."""
    check_format(fmt)
    if isinstance(found, ListedAnswer) and fmt in ("csv", "tsv"):
        names = [v.value for v in found.variables]
        if fmt == "csv":
            csv.writer(out, lineterminator="\r\n").writerow(names)
            out.write(found.csv_lines())
        else:
            out.write("\t".join("?" + n for n in names) + "\n")
            out.writelines(map("{}\n".format, map("\t".join, found.rows_as(turtle_term))))
        return
    text = format_results(found if isinstance(found, dict) else results_json(found), fmt, width=width)
    out.write(text if text.endswith("\n") else text + "\n")


@contextmanager
def written_whole(output: str | None) -> Iterator[str]:
    """The path of a temporary file to write ``output``'s text into (None: stdout's): moved
    over ``output`` once the block ends (copied into it when it is no regular file, such as
    /dev/null, or a link; to stdout for None), removed when the block fails or is stopped, so that no
    half-written file is left. A new file gets mode 0644, an existing one keeps its mode."""
    target = None if output is None else Path(output)
    beside = target is not None and not target.is_symlink() and (target.is_file() or not target.exists())
    try:
        fd, part = tempfile.mkstemp(prefix=f".{target.name}." if beside else "athar-", suffix=".part",
                                    dir=target.parent if beside else None)
        os.close(fd)
    except OSError as e:
        raise RenderError(f"{output or 'a temporary file'}: cannot write ({e.strerror or e})") from e
    try:
        yield part
        if beside:
            os.chmod(part, target.stat().st_mode & 0o777 if target.exists() else 0o644)
            os.replace(part, target)
        else:
            _copy_out(part, output)
    except BrokenPipeError:  # stdout's reader has gone (``| head``): the command ends quietly
        raise
    except OSError as e:
        raise RenderError(f"{output or 'stdout'}: cannot write ({e.strerror or e})") from e
    finally:
        if os.path.exists(part):
            os.unlink(part)


def _copy_out(part: str, output: str | None) -> None:
    """The text of the file ``part`` written to ``output`` (a file opened for writing) or stdout."""
    with open(part, "rb") as src:
        if output is not None:
            with open(output, "wb") as out:
                shutil.copyfileobj(src, out)
            return
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stdout (a test's, an embedding program's)
            sys.stdout.write(src.read().decode("utf-8"))
        else:
            shutil.copyfileobj(src, buffer)
            buffer.flush()


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
    from athar.graph.validate import FORMATS as REPORT_FORMATS
    from athar.graph.validate import report_summary, report_table, report_turtle

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
