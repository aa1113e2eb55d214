"""Where a listing query's row goes: the saved query's WHERE built up one group at a time,
each step timed in raw pyoxigraph on the same store, then DISTINCT and ORDER BY, then the
conversion of the rows to Python and athar's whole answer (what ``athar query NAME --all``
runs), side by side in one process.

    python bench/rowcost.py STORE [NAME ...] [--repeat 2]

STORE is opened read-only (a copy of a built store: ``bench/queries.py`` builds one). Each
top-level group of the WHERE (one line, or the lines up to its closing brace: the saved
queries are written so) is added in turn to ``SELECT *``; the cost a row of each step over the
one before is what that group costs (a pattern through the union of the graphs, an OPTIONAL
with its label look-up). CPU seconds, the best of ``--repeat``. A benchmark: it prints, and
exits 0.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pyoxigraph as ox

from athar.graph.store import Store
from athar.use.output import results_json
from athar.use.query import answer, resolve_query
from queries import cpu  # bench/queries.py: the best CPU time of some runs, and the answer's size


def split_where(text: str) -> tuple[str, list[str], str]:
    """The prologue, the WHERE's top-level groups (comments dropped), and what follows it."""
    head, rest = text.split("WHERE {", 1)
    body, tail = rest.rsplit("}", 1)
    out, open_ = [], ""
    for line in body.splitlines():
        line = re.sub(r"\s+#[^\n]*$", "", line).strip()
        if not line or line.startswith("#"):
            continue
        open_ += line + "\n"
        if open_.count("{") == open_.count("}"):
            out.append(open_)
            open_ = ""
    prologue = "\n".join(l for l in head.splitlines() if l.startswith("PREFIX"))
    return prologue, out, tail


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("names", nargs="*", default=["killings", "returns", "training"])
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    with Store(args.store, read_only=True) as store:
        raw = store._ox  # noqa: SLF001 - the same engine, without athar

        def count(text: str) -> int:
            return sum(1 for _ in raw.query(text, use_default_graph_as_union=True))

        for name in args.names:
            query = resolve_query(name)
            prologue, parts, tail = split_where(query.text)
            select = re.search(r"SELECT (DISTINCT )?([^\n]*)\n", query.text)
            print(f"\n{name}: step, rows, CPU s, ms a row, the step's own ms a row")
            before, body = 0.0, ""
            for part in parts:
                body += part
                t, n = cpu(lambda: count(f"{prologue}\nSELECT * WHERE {{\n{body}}}"), args.repeat)
                first = part.splitlines()[0][:70]
                print(f"  + {first:72} {n:7} {t:7.3f} {1e3 * t / max(n, 1):6.3f} {1e3 * (t - before) / max(n, 1):6.3f}")
                before = t
            whole = f"{prologue}\nSELECT {select.group(1) or ''}{select.group(2)}\nWHERE {{\n{body}}}"
            t, n = cpu(lambda: count(whole), args.repeat)
            print(f"  {'the projection, DISTINCT':74} {n:7} {t:7.3f} {1e3 * t / max(n, 1):6.3f}")
            t, n = cpu(lambda: count(whole + tail), args.repeat)
            print(f"  {'ORDER BY (the saved query, raw)':74} {n:7} {t:7.3f} {1e3 * t / max(n, 1):6.3f}")
            columns = select.group(2).replace("?", "").split()
            t2, _ = cpu(lambda: len([[sol[c] and sol[c].value for c in columns]
                                      for sol in raw.query(query.text, use_default_graph_as_union=True)]), args.repeat)
            print(f"  {'the rows read into Python strings':74} {n:7} {t2:7.3f} {1e3 * t2 / max(n, 1):6.3f}")
            t3, _ = cpu(lambda: len(results_json(answer(store, query))["results"]["bindings"]), args.repeat)
            print(f"  {'athar: answer() as SPARQL JSON (athar query --all)':74} {n:7} {t3:7.3f} {1e3 * t3 / max(n, 1):6.3f}"
                  f"   athar / raw {t3 / t:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
