"""The listing queries' whole answers, this checkout against a base commit, each run in a fresh process.

    python bench/listed.py STORE --base REF [--base-store STORE] [--repeat 3] [--command] [--query NAME ...]

For each listing query (the saved queries that declare ``# Page:``) and each side (the base:
``git archive REF src`` into a temporary folder; this: the checkout's ``src``), ``--repeat``
runs, the sides alternating, each a fresh Python process that opens ``STORE`` read-only and
answers the saved query whole (``athar.use.query.answer`` and its SPARQL results JSON: what
``athar query NAME --all``, ``-f csv`` and the Python API read). Printed per query: the rows,
the CPU seconds of the answer in that process (its median over the runs), the CPU seconds of
the process until the answer is made (interpreter, imports, opening the store, the answer; not
the digest below), and how the answer
was read (``python``: the rows cut here, ``athar.graph.listed``; ``sparql``: by a query).
``--command`` also times ``athar query NAME --all -f csv -o /dev/null --timeout 900`` (the
command and its worker process, CPU seconds).

When the rows graph's format differs between the two sides (``athar.graph.listing.FORMAT``),
each reads a store drawn in its own: ``--base-store`` the base's, ``STORE`` this checkout's (a
side reading the other's format answers from the document graphs, correctly but slowly).

Each run also prints a digest of its answer (the rows as a multiset, and the sequence of the
ORDER BY columns it shows): the bench stops when the two sides' digests differ.

CPU seconds, not wall time: on a shared machine wall time measures the neighbours. A
benchmark, not a test: it prints a Markdown table, and exits 0 when the answers agree.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from baseline import ROOT, baseline_src

_CHILD = r"""
import hashlib, json, re, resource, sys, time
from athar.graph.store import Store
from athar.use.output import results_json
from athar.use.query import answer, resolve_query
query = resolve_query(sys.argv[2])
with Store(sys.argv[1], read_only=True) as store:
    t = time.process_time()
    found = answer(store, query)
    results = results_json(found)
    cpu = time.process_time() - t
usage = resource.getrusage(resource.RUSAGE_SELF)  # the process so far: interpreter, imports, store, answer
process = usage.ru_utime + usage.ru_stime
columns = results["head"]["vars"]
order = re.findall(r"[?$](\w+)", re.search(r"ORDER\s+BY\s+(.*)", query.text, re.I | re.S)[1])
shown = [v for v in order if v in columns]
rows = [json.dumps([b.get(c) for c in columns], sort_keys=True) for b in results["results"]["bindings"]]
keys = [json.dumps([b.get(c) for c in shown], sort_keys=True) for b in results["results"]["bindings"]]
digest = hashlib.sha256("\n".join(sorted(rows)).encode()).hexdigest()[:16] + "/" + \
    hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]
how = "python" if type(found).__name__ == "ListedAnswer" else "sparql"
print(json.dumps({"cpu": cpu, "process": process, "rows": len(rows), "digest": digest, "how": how}))
"""


def _env(src: Path) -> dict:
    return {**os.environ, "PYTHONPATH": str(src)}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_answer(src: Path, store: str, name: str) -> dict:
    """One fresh process answering ``name`` whole: its answer's CPU s, the process's until then, rows, digest."""
    done = subprocess.run([sys.executable, "-c", _CHILD, store, name], env=_env(src), capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{name} with {src}: {done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_command(src: Path, store: str, name: str) -> float:
    """CPU s of ``athar query NAME --all -f csv -o /dev/null`` and its worker."""
    before = _children_cpu()
    done = subprocess.run([sys.executable, "-m", "athar", "query", name, "--all", "-f", "csv", "-o", "/dev/null",
                           "--timeout", "900", "--store", store], env=_env(src), capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"athar query {name} with {src}: {done.stderr.strip()}")
    return _children_cpu() - before


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", help="an athar store on disk (bench/queries.py builds one: DIR/store-N)")
    ap.add_argument("--base", required=True, help="the commit to compare with (git ref)")
    ap.add_argument("--base-store", help="the store the base reads, when the rows graph's format changed between "
                                         "the two (a copy of STORE drawn by each side: bench/derived.py; default STORE)")
    ap.add_argument("--repeat", type=int, default=3, help="fresh processes per query and side (the median is shown)")
    ap.add_argument("--command", action="store_true", help="also time the whole `athar query NAME --all -f csv`")
    ap.add_argument("--query", action="append", help="only these listing queries (default: every one)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    from athar.use.query import saved_queries

    names = args.query or [q.name for q in saved_queries() if q.page is not None]
    with tempfile.TemporaryDirectory(prefix="athar-base-") as tmp:
        sides = {"base": baseline_src(args.base, Path(tmp)), "this": ROOT / "src"}
        stores = {"base": args.base_store or args.store, "this": args.store}
        head = ["query", "rows", "base answer", "this answer", "base process", "this process"]
        head += ["base command", "this command"] if args.command else []
        head += ["base / this", "read (base, this)"]
        print("| " + " | ".join(head) + " |")
        print("|---|" + "---:|" * (len(head) - 2) + "---|")
        agree = True
        for name in names:
            runs: dict[str, list[dict]] = {s: [] for s in sides}
            commands: dict[str, list[float]] = {s: [] for s in sides}
            for _ in range(args.repeat):
                for side, src in sides.items():  # alternating: both under the same load
                    runs[side].append(run_answer(src, stores[side], name))
                    if args.command:
                        commands[side].append(run_command(src, stores[side], name))
            digests = {r["digest"] for rs in runs.values() for r in rs}
            if len(digests) != 1:
                agree = False
                print(f"{name}: the answers differ: {sorted(digests)}", file=sys.stderr)
            med = {s: statistics.median(r["cpu"] for r in rs) for s, rs in runs.items()}
            proc = {s: statistics.median(r["process"] for r in rs) for s, rs in runs.items()}
            cells = [name, f"{runs['this'][0]['rows']:,}", f"{med['base']:.3f}", f"**{med['this']:.3f}**",
                     f"{proc['base']:.2f}", f"{proc['this']:.2f}"]
            if args.command:
                cells += [f"{statistics.median(commands['base']):.2f}", f"{statistics.median(commands['this']):.2f}"]
            cells += [f"{med['base'] / max(med['this'], 1e-9):.1f}",
                      f"{runs['base'][0]['how']}, {runs['this'][0]['how']}"]
            print("| " + " | ".join(cells) + " |", flush=True)
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
