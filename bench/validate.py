"""`athar validate` on N synthetic documents: this checkout's fast engine against a baseline
commit's, and against pyshacl, side by side in one run.

    python bench/validate.py [--docs 1000] [--work /tmp/athar-bench-validate] [--repeat 3]
                             [--baseline 6e22b6c] [--changed 10] [--pyshacl | --no-pyshacl]

A store of N synthetic articles (``bench/synth.py N``, then ``athar build``) is made once and
kept in --work. Each engine runs in a process of its own, on the same store, timed around
``validate()`` (wall clock and processor time, best of --repeat):

- baseline: the fast engine of the commit --baseline (its ``src/`` taken with ``git archive``;
  6e22b6c, before the SHACL-SPARQL rewrite and the ledger);
- full: this checkout, every graph checked (``validate(store, every=True)``, ``athar validate --all``);
- unchanged: this checkout after a validation, nothing changed since (the ledger's findings);
- changed: this checkout with --changed graphs taken out of the ledger before each run, as a
  build that read that many documents again leaves it (they are checked, the others' findings kept);
- pyshacl: graph by graph, the reference (once; by default at 1,000 documents or fewer).

Each run's peak memory (the process's maximum resident set) is printed beside its times.

The findings (graph, focus, severity, shape, message, path, value) of every run are compared
with the full run's. Exit status 1 if any differ.

    python bench/validate.py --docs N --queries      # this checkout's queries, each timed alone

prints the processor time of each query of a full run (a shape's merged checks are one query),
dearest first, on the same store, with the process's peak memory after it (the query that raised it).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from baseline import ROOT, baseline_src
LEDGER = "validation.json"

HARNESS = r"""
import inspect, json, resource, sys, time
from athar.graph.store import Store
from athar.graph.validate import validate
path, engine, kwargs, repeat = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), int(sys.argv[4])
if kwargs.pop("whole", False) and "every" in inspect.signature(validate).parameters:
    kwargs["every"] = True  # a baseline that keeps a ledger: every graph checked in each repeat
best = None
with Store(path, read_only=True) as s:
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        r = validate(s, engine=engine, **kwargs)
        w, c = time.perf_counter() - w, time.process_time() - c
        if best is None or w < best[0]:
            best = (w, c, r)
w, c, r = best
checked = getattr(r, "checked", None)
print(json.dumps({"wall": w, "cpu": c, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                  "graphs": len(r.graphs), "checked": None if checked is None else len(checked),
                  "findings": [[f.graph, f.focus, f.severity, f.shape, f.message, f.path, f.value] for f in r.findings]}))
"""


QUERIES = r"""
import resource, sys, time
from rdflib import Graph, RDFS
from athar.graph import check
from athar.graph.rdf import GAZETTEER_GRAPH
from athar.graph.store import Store
from athar.graph.terms import ONTOLOGY_GRAPH
from athar.graph.validate import _SKIP, compile_shapes, load_shapes
with Store(sys.argv[1], read_only=True) as s:
    names = [g for g in s.graphs() if g not in _SKIP]
    hierarchy = Graph()
    for t in s.triples(str(ONTOLOGY_GRAPH)):
        if t[1] == RDFS.subClassOf:
            hierarchy.add(t)
    background = [str(GAZETTEER_GRAPH), str(ONTOLOGY_GRAPH)]
    held = {g: {r["p"].value for r in s.query(f"SELECT DISTINCT ?p WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")}
            for g in background}
    checks = compile_shapes(load_shapes(), hierarchy, holds=lambda g, p: str(p) in held[g])
    timed = []
    for _, members in check._queries(checks):
        c = time.process_time()
        rows = check.run(s, members, names)
        timed.append((time.process_time() - c, len(members), len(rows), members[0].kind or members[0].component,
                      members[0].shape.rsplit("#", 1)[-1], resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024))
    for t in sorted(timed, reverse=True):  # peak MB: the process's peak after the query (a query that raised it)
        print(f"{t[0]:7.2f} s  {t[1]:2d} check(s)  {t[2]:6d} rows  peak {t[5]:5d} MB  {t[3]:18s} {t[4]}")
    print(f"{len(timed)} queries, {sum(t[0] for t in timed):.2f} s of processor time")
"""


def store(work: Path, n: int) -> Path:
    path = work / f"store-{n}"
    if not (path / "CURRENT").exists():
        docs = work / f"corpus-{n}"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), str(n), str(docs)], check=True, env=env)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "athar", "-q", "build", str(docs), "--store", str(path)],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        print(f"built {n} documents in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def timed(src: Path, path: Path, engine: str, repeat: int, **kwargs) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-c", HARNESS, str(path), engine, json.dumps(kwargs), str(repeat)],
                          env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{engine} {kwargs} with {src}: failed\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def forget(path: Path, k: int) -> None:
    """Take ``k`` document graphs out of the store's ledger (as if their documents had changed)."""
    ledger = json.loads((path / LEDGER).read_text(encoding="utf-8"))
    docs = sorted(g for g in ledger["graphs"] if "/doc/" in g)
    for g in docs[:: max(1, len(docs) // k)][:k]:
        del ledger["graphs"][g]
    (path / LEDGER).write_text(json.dumps(ledger, ensure_ascii=False), encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--work", type=Path, default=Path("/tmp/athar-bench-validate"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", default="6e22b6c", help="the commit whose fast engine is the baseline")
    ap.add_argument("--changed", type=int, default=10, help="graphs re-checked in the 'changed' run")
    ap.add_argument("--pyshacl", action=argparse.BooleanOptionalAction, default=None,
                    help="also run pyshacl (default: at 1,000 documents or fewer)")
    ap.add_argument("--queries", action="store_true", help="time each query of this checkout alone, nothing else")
    ap.add_argument("--runs", default="baseline,full,unchanged,changed",
                    help="which runs, comma-separated (100,000 documents: baseline,full)")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    path = store(args.work, args.docs)
    if args.queries:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        return subprocess.run([sys.executable, "-c", QUERIES, str(path)], env=env).returncode
    here = ROOT / "src"
    runs, wanted = {}, set(args.runs.split(",")) | {"full"}
    (path / LEDGER).unlink(missing_ok=True)  # the baseline checks every graph, whether or not it keeps a ledger
    if "baseline" in wanted:
        with tempfile.TemporaryDirectory() as tmp:
            runs["baseline"] = timed(baseline_src(args.baseline, Path(tmp)), path, "fast", args.repeat, whole=True)
    runs["full"] = timed(here, path, "fast", args.repeat, every=True)
    if "unchanged" in wanted:
        runs["unchanged"] = timed(here, path, "fast", args.repeat)
    if "changed" in wanted:
        best = None
        for _ in range(args.repeat):
            forget(path, args.changed)
            r = timed(here, path, "fast", 1)
            best = r if best is None or r["wall"] < best["wall"] else best
        runs["changed"] = best
    if args.pyshacl or (args.pyshacl is None and args.docs <= 1000):
        runs["pyshacl"] = timed(here, path, "pyshacl", 1)
    reference = Counter(map(tuple, runs["full"]["findings"]))
    full = runs["full"]
    print(f"{args.docs} documents, {full['graphs']} graphs, {len(full['findings'])} findings "
          f"({sum(f[2] == 'Violation' for f in full['findings'])} violations)")
    print(f"{'run':10} {'checked':>8} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'base/this':>10}  same findings")
    # base/this: the ratio of processor times (the wall clock depends on the machine's other work)
    same_all = True
    for name, r in runs.items():
        same = Counter(map(tuple, r["findings"])) == reference
        same_all &= same
        checked = r["graphs"] if r["checked"] is None else r["checked"]
        ratio = runs["baseline"]["cpu"] / r["cpu"] if "baseline" in runs else float("nan")
        print(f"{name:10} {checked:8d} {r['wall']:8.2f} {r['cpu']:8.2f} {r['rss']:8d} {ratio:9.1f}x  "
              f"{'yes' if same else 'NO'}")
    return 0 if same_all else 1


if __name__ == "__main__":
    sys.exit(main())
