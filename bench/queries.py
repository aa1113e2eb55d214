"""The saved queries at scale: athar against the same query text in raw pyoxigraph, and
against rdflib's in-memory engine on the same data, side by side in one run.

    python bench/queries.py N [--work DIR] [--rdflib-max 1000] [--repeat 3]

Builds (or reuses) ``DIR/synth-N`` (``bench/synth.py``, SYNTHETIC articles) into the store
``DIR/store-N`` with ``athar build``, then times every saved query (``queries/*.rq``, the
parameters of ``by-place`` and ``by-actor`` bound to Raqqa and the SDF), ``athar events``
``athar events`` (all, and its first record), the drawing of the summary graph the aggregates
read, and ``athar validate`` (on ``--validate`` documents) as a user meets them:

- athar: ``athar.use.query.answer`` on the store, rows read (what ``athar query`` runs);
- raw: ``pyoxigraph.Store.query`` with the same text on the same store, union default graph,
  rows read: athar's overhead is athar / raw (target under 1.25);
- rdflib: the store's quads in an ``rdflib.Dataset`` with ``default_union``, the same text
  (only up to ``--rdflib-max`` documents: rdflib holds everything in Python objects; a query
  stopped after ``--rdflib-timeout`` seconds shows as ">60"): athar's speed-up is
  rdflib / athar (target at least 20).

Times are CPU seconds of this process (``time.process_time``, the best of ``--repeat``):
the engines run in this thread, and on a shared machine wall time measures the neighbours.
A benchmark, not a test: it prints, and exits 0.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

PARAMS = {"by-place": {"place": "الرقة"}, "by-actor": {"actor": "قوات سوريا الديمقراطية"}}


def cpu(fn, repeat: int) -> tuple[float, int]:
    """The best CPU time of ``repeat`` runs of ``fn``, and the size of its answer."""
    best, size = float("inf"), 0
    for _ in range(repeat):
        t = time.process_time()
        size = fn()
        best = min(best, time.process_time() - t)
    return best, size


def _bounded(fn, seconds: int) -> float | None:
    """The CPU time of ``fn``, or None when it ran past ``seconds`` (rdflib is pure Python: an
    alarm stops it)."""
    def stop(*_):
        raise TimeoutError
    signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        return cpu(fn, 1)[0]
    except TimeoutError:
        return None
    finally:
        signal.alarm(0)


def ensure_store(n: int, work: Path) -> Path:
    """The store of N synthetic documents, built with ``athar build`` unless it is there."""
    import synth

    corpus, store = work / f"synth-{n}", work / f"store-{n}"
    if not (corpus / "gold.yaml").exists():
        synth.write_corpus(n, corpus)
    if not (store / "CURRENT").exists():
        athar = [sys.executable, "-m", "athar"]
        t = time.perf_counter()
        subprocess.run([*athar, "-q", "build", str(corpus), "--store", str(store)], check=True)
        print(f"built {n} documents into {store} in {time.perf_counter() - t:.1f} s (wall)", file=sys.stderr)
    return store


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="how many synthetic documents")
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "athar-bench")
    ap.add_argument("--rdflib-max", type=int, default=200, help="largest N rdflib is run at")
    ap.add_argument("--rdflib-timeout", type=int, default=60, help="seconds after which an rdflib query is stopped")
    ap.add_argument("--validate", type=int, default=1000, help="how many document graphs validate checks")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    import pyoxigraph as ox

    from athar.graph.store import Store
    from athar.graph.validate import validate
    from athar.use.query import answer, bind_params, events, iter_events, saved_queries

    path = ensure_store(args.n, args.work)
    summary = None
    try:  # a store built before the summary graph: draw it (as the next build would), and time it
        from athar.graph.rdf import _sources_digest
        from athar.graph.summary import refresh_summary

        with Store(path) as writable:
            summary, _ = cpu(lambda: refresh_summary(writable, _sources_digest(writable), force=True), 1)
    except ImportError:  # an athar without one
        pass
    store = Store(path, read_only=True)
    raw = ox.Store.read_only(str(path))
    queries = [q for q in saved_queries() if not q.services]  # federated: they ask another endpoint
    dataset = None
    if args.n <= args.rdflib_max:
        import rdflib

        t = time.process_time()
        dataset = rdflib.Dataset(default_union=True)
        dataset.parse(data=store.serialize("nq"), format="nquads")
        print(f"rdflib: {len(dataset):,} quads loaded in {time.process_time() - t:.1f} s", file=sys.stderr)

    print(f"# {args.n} synthetic documents, {len(store):,} quads; CPU seconds, best of {args.repeat}")
    print(f"{'query':24s} {'rows':>7s} {'athar':>8s} {'raw':>8s} {'athar/raw':>9s} {'rdflib':>8s} {'rdflib/athar':>12s}")
    for q in queries:
        params = PARAMS.get(q.name, {})
        subs = bind_params(store, q, params) if q.params else None
        a, rows = cpu(lambda q=q, params=params: sum(1 for _ in answer(store, q, params=params)), args.repeat)
        r, _ = cpu(lambda q=q, subs=subs: sum(1 for _ in raw.query(q.text, substitutions=subs,
                                                                  use_default_graph_as_union=True)), args.repeat)
        line = f"{q.name:24s} {rows:7d} {a:8.3f} {r:8.3f} {a / r if r else float('nan'):9.2f}"
        if dataset is not None:
            init = {v.value: rdflib.URIRef(t.value) for v, t in (subs or {}).items()}
            d = _bounded(lambda q=q, init=init: len(list(dataset.query(q.text, initBindings=init))),
                         args.rdflib_timeout)
            line += f" {d:8.3f} {d / a if a else float('nan'):12.1f}" if d is not None else \
                f" {'>' + str(args.rdflib_timeout):>8s} {'>' + format(args.rdflib_timeout / a, '.0f'):>12s}"
        print(line, flush=True)
    e, size = cpu(lambda: len(events(store)), args.repeat)
    f, _ = cpu(lambda: len(next(iter_events(store))), args.repeat)
    print(f"{'athar events':24s} {size:7d} {e:8.3f}  (first record after {f:.3f})")
    if summary is not None:
        print(f"{'summary graph drawn':24s} {'':7s} {summary:8.3f}  (at the end of a build that changed something)")
    graphs = [g for g in store.graphs() if "/doc/" in g][:args.validate]
    if not graphs:
        return 0
    v, _ = cpu(lambda: len(validate(store, graphs).findings), 1)
    print(f"{'athar validate':24s} {len(graphs):7d} {v:8.3f}  ({v / max(len(graphs), 1) * 1000:.0f} ms a document)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
