"""The derived graphs' step at the end of a build or removal (the entities graph, the summary
graph, the keys and rows graphs of the listing queries: ``athar.graph.rdf.refresh_entities``): this checkout against a baseline commit, side by side
on copies of one store.

    python bench/derived.py STORE [--baseline 2836a79] [--changes 1,100] [--work /tmp/athar-bench-derived]

For each of the baseline (its ``src/`` by ``git archive``) and this checkout, on a copy of STORE
of its own, each in a process of its own:

- full: the step as the end of a full build meets it (this checkout: the entities graph dropped,
  drawn from nothing; the baseline: drawn again whole), with the process's peak memory;
- for each k of --changes: k document graphs removed (as ``athar remove`` leaves the store), the
  step timed; then the same k graphs written back (as a build of k new or changed documents), the
  step timed.

Times are wall and CPU seconds of the step alone; the documents are spread over the store.
Afterwards this checkout's derived graphs are compared with a full redraw (``--check``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from baseline import ROOT, baseline_src

HARNESS = r"""
import json, resource, sys, time
from athar.graph.rdf import ENTITIES_GRAPH, refresh_entities
from athar.graph.store import Store
path, mode, changes = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
out = {}

def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    fn()
    return {"wall": time.perf_counter() - w, "cpu": time.process_time() - c}

with Store(path) as s:
    if mode == "full":
        try:
            import athar.graph.increment  # this checkout: the graph drawn from nothing
            s.drop_graph(str(ENTITIES_GRAPH))
            out["full"] = timed(lambda: refresh_entities(s))
        except ImportError:
            out["full"] = timed(lambda: refresh_entities(s, force=True))
        out["full"]["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    else:
        docs = sorted(g for g in s.graphs() if "/doc/" in g)
        for k in changes:
            chosen = docs[:: max(1, len(docs) // k)][:k]
            saved = [(g, "".join(f"{q} .\n" for q in s._ox.quads_for_pattern(None, None, None, __import__("pyoxigraph").NamedNode(g))).encode()) for g in chosen]
            for g in chosen:
                s.drop_graph(g)
            s.flush()
            out[f"remove {k}"] = timed(lambda: refresh_entities(s))
            s.write_graphs(saved)
            s.flush()
            out[f"add {k}"] = timed(lambda: refresh_entities(s))
print(json.dumps(out))
"""

CHECK = r"""
import sys
from collections import Counter
sys.path.insert(0, sys.argv[2])
from athar.graph.store import Store
from athar.graph.rdf import ENTITIES_GRAPH, refresh_entities
from athar.graph.summary import summary_rows, summary_views
from test_summary import _key
state = f"<{ENTITIES_GRAPH}#state>"
def derived(s):
    e = {(str(r["s"]), str(r["p"]), str(r["o"])) for r in s.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?s ?p ?o }} }}") if str(r["p"]) != state}
    rows = f"<{ENTITIES_GRAPH}>".replace("graph/entities", "graph/rows")  # athar.graph.listing's, when there
    r = {(str(x["s"]), str(x["p"]), str(x["o"])) for x in s.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {rows} {{ ?s ?p ?o }} }}") if not str(x["p"]).endswith("#state>")}
    return e, {v.name: Counter(map(_key, summary_rows(s, v))) for v in summary_views()}, r
with Store(sys.argv[1]) as s:
    kept = derived(s)
    refresh_entities(s, force=True)
    print("same as a full redraw:", kept == derived(s))
"""


def run(src: Path, store: Path, mode: str, changes: list[int]) -> dict:
    done = subprocess.run([sys.executable, "-c", HARNESS, str(store), mode, json.dumps(changes)],
                          env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{mode} with {src}: failed\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--baseline", default="2836a79")
    ap.add_argument("--changes", default="1,100")
    ap.add_argument("--work", type=Path, default=Path("/tmp/athar-bench-derived"))
    ap.add_argument("--check", action=argparse.BooleanOptionalAction, default=True)
    args = ap.parse_args()
    changes = [int(k) for k in args.changes.split(",") if k]
    args.work.mkdir(parents=True, exist_ok=True)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, src in (("baseline", baseline_src(args.baseline, Path(tmp))), ("this", ROOT / "src")):
            copy = args.work / f"{args.store.name}-{name}"
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(args.store, copy)
            results[name] = {**run(src, copy, "full", []), **run(src, copy, "changes", changes)}
            if name == "this" and args.check:
                print(subprocess.run([sys.executable, "-c", CHECK, str(copy), str(ROOT / "tests")],
                                     env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"}, capture_output=True,
                                     text=True).stdout.strip())
            shutil.rmtree(copy, ignore_errors=True)
    print(f"{args.store}: the derived graphs' step, seconds (wall / CPU)")
    print(f"{'step':12} {'baseline':>17} {'this':>17} {'CPU ratio':>9}")
    for step in results["this"]:
        b, t = results["baseline"][step], results["this"][step]
        line = f"{step:12} {b['wall']:8.2f}/{b['cpu']:7.2f} {t['wall']:8.2f}/{t['cpu']:7.2f} {b['cpu'] / t['cpu']:8.1f}x"
        if "peak_mb" in t:
            line += f"   peak memory {b['peak_mb']:.0f} MB / {t['peak_mb']:.0f} MB"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
