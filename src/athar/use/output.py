"""What athar prints: a table as aligned text, CSV, TSV or JSON."""

from __future__ import annotations

import csv
import io
import json

from athar.errors import QueryError
from athar.graph.store import Table
from athar.graph.validate import FORMATS as REPORT_FORMATS
from athar.graph.validate import ValidationReport, report_summary, report_table, report_turtle

FORMATS = ("table", "csv", "tsv", "json")


def format_table(table: Table, fmt: str) -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}")
    if fmt == "json":
        return json.dumps([dict(zip(table.columns, r)) for r in table.rows], ensure_ascii=False, indent=2)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows([["" if c is None else c for c in r] for r in table.rows])
        return buf.getvalue()
    widths = [min(60, max([len(c)] + [len(r[i] or "") for r in table.rows])) for i, c in enumerate(table.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(table.columns, widths)),
             "  ".join("-" * w for w in widths)]
    for r in table.rows:
        lines.append("  ".join(_cut(v or "", w).ljust(w) for v, w in zip(r, widths)))
    lines.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(lines)


def _cut(value: str, width: int) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= width else value[: width - 1] + "…"


def format_report(report: ValidationReport, fmt: str = "table") -> str:
    """The validation report: a table of findings and a summary line, or SHACL's report in Turtle."""
    if fmt == "ttl":
        return report_turtle(report)
    if fmt != "table":
        raise QueryError(f"unknown format '{fmt}'; use one of {', '.join(REPORT_FORMATS)}")
    summary = report_summary(report)
    return (format_table(report_table(report), "table") + "\n" + summary) if report.findings else summary
