"""The saved queries at scale: athar against the same query text in raw pyoxigraph, and
against rdflib's in-memory engine on the same data, side by side in one run.

    python bench/queries.py N [--work DIR] [--rdflib-max 1000] [--repeat 3] [--page 50] [--quads Q]

Builds (or reuses) ``DIR/synth-N`` (``bench/synth.py``, SYNTHETIC articles) into the store
``DIR/store-N`` with ``athar build``, then times every saved query (``queries/*.rq``, the
parameters of ``by-place`` and ``by-actor`` bound to Raqqa and the SDF), ``athar events``
``athar events`` (all, and its first record), the drawing of the summary graph the aggregates
read, and ``athar validate`` (on ``--validate`` documents) as a user meets them:

- athar: ``athar.use.query.answer`` on the store, rows read (what ``athar query`` runs: a
  listing query marked "(rows)" is read from the rows graph, ``athar.graph.listing``);
- raw: ``pyoxigraph.Store.query`` with the same text athar runs on the same store, union default
  graph, rows read: athar's overhead is athar / raw (target under 1.25);
- rdflib: the store's quads in an ``rdflib.Dataset`` with ``default_union``, the same text
  (only up to ``--rdflib-max`` documents: rdflib holds everything in Python objects; a query
  stopped after ``--rdflib-timeout`` seconds shows as ">60"): athar's speed-up is
  rdflib / athar (target at least 20).

- page: athar's first page of ``--page`` events (``athar query NAME --limit 50``,
  ``athar.use.keyset``), and the page after its key: what a user's first screen costs. A
  listing query's pages are read from the keys graph (``athar.graph.pagekey``, drawn here when
  the store has none, and timed); ``sorted`` is the same first page with every key read and
  sorted (the way before it, and the fallback), ``mid`` the page after the middle key.
  ``--listing`` times the listing queries' pages, and their whole answers in athar and in raw
  pyoxigraph (the text athar runs: from the rows graph when "rows?"), no rdflib.

The store is compacted first, as ``athar build`` leaves it after a large change (an athar
with ``Store.compact``).

``--quads Q`` measures on a store of the background graphs and the first document graphs of
``store-N`` up to Q quads (``DIR/store-N-Q``, its entities and summary graphs drawn again):
rdflib at a million triples without holding the whole 10,000-document store in Python (its
load stops, and rdflib is left out, past ``--rdflib-memory`` GB of resident memory).

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


def subset_store(path: Path, quads: int) -> Path:
    """A store of ``path``'s background graphs and its first document graphs up to ``quads``
    quads (whole graphs), with its entities and summary graphs drawn again for them."""
    import pyoxigraph as ox

    from athar.graph.rdf import refresh_entities
    from athar.graph.store import Store

    target = path.with_name(f"{path.name}-{quads}")
    if (target / "CURRENT").exists():
        return target
    source = ox.Store.read_only(str(path))
    derived = ("graph/entities", "graph/summary", "graph/keys", "graph/rows")
    graphs = [g for g in source.named_graphs() if not g.value.endswith(derived)]
    background = [g for g in graphs if "/doc/" not in g.value]
    documents = sorted((g for g in graphs if "/doc/" in g.value), key=lambda g: g.value)
    with Store(target) as store:
        count = 0
        for g in background + documents:
            data = ox.serialize(source.quads_for_pattern(None, None, None, g), format=ox.RdfFormat.N_QUADS)
            count += store.write_graphs([(g.value, data)])
            if count >= quads:
                break
        refresh_entities(store, force=True)
    print(f"subset store {target}: {count:,} quads of {path}", file=sys.stderr)
    return target


def _rss_gb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1e6


def load_rdflib(store, memory_gb: float):
    """The store's quads in an rdflib Dataset, graph by graph; None past ``memory_gb`` GB resident."""
    import pyoxigraph as ox
    import rdflib

    dataset = rdflib.Dataset(default_union=True)
    for g in store._ox.named_graphs():
        data = ox.serialize(store._ox.quads_for_pattern(None, None, None, g), format=ox.RdfFormat.N_QUADS)
        dataset.parse(data=data.decode("utf-8"), format="nquads")
        if _rss_gb() > memory_gb:
            print(f"rdflib: stopped at {len(dataset):,} quads, {_rss_gb():.1f} GB resident", file=sys.stderr)
            return None
    return dataset


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="how many synthetic documents")
    ap.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "athar-bench")
    ap.add_argument("--rdflib-max", type=int, default=200, help="largest N rdflib is run at")
    ap.add_argument("--rdflib-timeout", type=int, default=60, help="seconds after which an rdflib query is stopped")
    ap.add_argument("--validate", type=int, default=1000, help="how many document graphs validate checks")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--page", type=int, default=50, help="events in the first page timed (0: no pages)")
    ap.add_argument("--quads", type=int, default=0, help="measure on the first document graphs up to this many quads")
    ap.add_argument("--rdflib-memory", type=float, default=3.0, help="GB resident past which rdflib is left out")
    ap.add_argument("--listing", action="store_true", help="only the listing queries' pages")
    args = ap.parse_args(argv)

    import pyoxigraph as ox

    from athar.graph.store import Store
    from athar.graph.validate import validate
    from athar.use.query import answer, answer_page, bind_params, events, iter_events, saved_queries

    path = ensure_store(args.n, args.work)
    if args.quads:
        path = subset_store(path, args.quads)
    from athar.graph.rdf import refresh_entities

    with Store(path) as writable:  # the derived graphs as a build leaves them (the entities graph's records)
        derived, _ = cpu(lambda: refresh_entities(writable), 1)
    print(f"derived graphs brought up to date in {derived:.1f} s CPU", file=sys.stderr)
    rows = None
    try:  # the listing queries' rows (athar.graph.listing), drawn whole, timed
        from athar.graph.listing import refresh_rows

        with Store(path) as writable:
            rows, _ = cpu(lambda: refresh_rows(writable, force=True), 1)
    except ImportError:  # an athar without them
        pass
    try:  # the SPARQL that cut the rows (athar before the rows graph's format 2)
        from athar.graph.listing import listed_text
    except ImportError:  # every query's own text (its rows are read by athar.graph.listed)
        def listed_text(store, name, text):
            return text
    summary = None
    try:  # a store built before the summary graph: draw it (as the next build would), and time it
        from athar.graph.rdf import _sources_digest
        from athar.graph.summary import refresh_summary

        with Store(path) as writable:
            summary, _ = cpu(lambda: refresh_summary(writable, _sources_digest(writable), force=True), 1)
    except ImportError:  # an athar without one
        pass
    keys = None
    try:  # the keys graph of the listing queries' pages (athar.graph.pagekey), as a build draws it
        from athar.graph.pagekey import refresh_keys

        with Store(path) as writable:
            keys, _ = cpu(lambda: refresh_keys(writable), 1)
    except ImportError:
        pass
    compacted = None
    with Store(path) as writable:  # as a build of that many documents leaves it (athar.graph.ingest)
        if hasattr(writable, "compact"):  # an athar that compacts the store after a large change
            compacted = cpu(lambda: writable.compact(), 1)[0]
    store = Store(path, read_only=True)
    raw = ox.Store.read_only(str(path))
    queries = [q for q in saved_queries() if not q.services]  # federated: they ask another endpoint
    dataset = None
    if args.n <= args.rdflib_max:
        import rdflib

        t = time.process_time()
        dataset = load_rdflib(store, args.rdflib_memory)
        if dataset is not None:
            print(f"rdflib: {len(dataset):,} quads loaded in {time.process_time() - t:.1f} s, "
                  f"{_rss_gb():.1f} GB resident", file=sys.stderr)

    print(f"# {args.n} synthetic documents, {len(store):,} quads; CPU seconds, best of {args.repeat}")
    if args.listing:
        return listing_pages(store, [q for q in queries if q.page is not None], args.page, args.repeat, keys)
    print(f"{'query':24s} {'rows':>7s} {'athar':>8s} {'raw':>8s} {'athar/raw':>9s} {'page':>6s} {'1st':>7s} "
          f"{'2nd':>7s} {'rdflib':>8s} {'rdflib/athar':>12s}")
    for q in queries:
        params = PARAMS.get(q.name, {})
        subs = bind_params(store, q, params) if q.params else None
        text = listed_text(store, q.name, q.text) if q.page is not None else q.text  # what athar runs
        a, size = cpu(lambda q=q, params=params: sum(1 for _ in answer(store, q, params=params)), args.repeat)
        r, _ = cpu(lambda text=text, subs=subs: sum(1 for _ in raw.query(text, substitutions=subs,
                                                                        use_default_graph_as_union=True)), args.repeat)
        line = f"{q.name + (' (rows)' if text != q.text else ''):24s} {size:7d} {a:8.3f} {r:8.3f} " \
               f"{a / r if r else float('nan'):9.2f}"
        if args.page:  # the first page of --page events (rows), and the page after its key
            first, page = cpu(lambda q=q, params=params: answer_page(store, q, limit=args.page, params=params),
                              args.repeat)
            second = cpu(lambda q=q, params=params, after=page.next: answer_page(
                store, q, limit=args.page, after=after, params=params), args.repeat)[0] if page.next else 0.0
            line += f" {len(page.results['results']['bindings']):6d} {first:7.3f} {second:7.3f}"
        if dataset is not None:
            init = {v.value: rdflib.URIRef(t.value) for v, t in (subs or {}).items()}
            d = _bounded(lambda text=text, init=init: len(list(dataset.query(text, initBindings=init))),
                         args.rdflib_timeout)
            line += f" {d:8.3f} {d / a if a else float('nan'):12.1f}" if d is not None else \
                f" {'>' + str(args.rdflib_timeout):>8s} {'>' + format(args.rdflib_timeout / a, '.0f'):>12s}"
        print(line, flush=True)
    e, size = cpu(lambda: len(events(store)), args.repeat)
    f, _ = cpu(lambda: len(next(iter_events(store))), args.repeat)
    print(f"{'athar events':24s} {size:7d} {e:8.3f}  (first record after {f:.3f})")
    if rows is not None:
        print(f"{'rows graph drawn':24s} {'':7s} {rows:8.3f}  (whole; a build draws the changed documents' rows)")
    if compacted is not None:
        print(f"{'store compacted':24s} {'':7s} {compacted:8.3f}  (at the end of a build that changed a quarter of it)")
    if summary is not None:
        print(f"{'summary graph drawn':24s} {'':7s} {summary:8.3f}  (at the end of a build that changed something)")
    graphs = [g for g in store.graphs() if "/doc/" in g][:args.validate]
    if not graphs:
        return 0
    v, _ = cpu(lambda: len(validate(store, graphs).findings), 1)
    print(f"{'athar validate':24s} {len(graphs):7d} {v:8.3f}  ({v / max(len(graphs), 1) * 1000:.0f} ms a document)")
    return 0


def listing_pages(store, queries, limit: int, repeat: int, keys: float | None) -> int:
    """The first page of each listing query from the keys graph and by sorting every key, the
    page after it, and the page after the middle key of the answer."""
    import athar.use.query as query_module
    from athar.use.keyset import _order, keys_query

    sorting = query_module.indexed_page

    def by_sort(*_, **__):
        return None

    try:
        from athar.graph.listing import listed_text
    except ImportError:  # an athar without the rows graph: the query's own text
        def listed_text(store, name, text):
            return text
    import pyoxigraph as ox

    raw = ox.Store.read_only(str(store.path))
    print(f"{'query':16s} {'events':>8s} {'page':>5s} {'1st':>7s} {'2nd':>7s} {'mid':>7s} {'1st sorted':>10s} "
          f"{'sorted/1st':>10s} {'rows':>6s} {'whole':>7s} {'raw':>7s} {'rows?':>5s}")
    for q in queries:
        whole, size = cpu(lambda q=q: sum(1 for _ in query_module.answer(store, q)), repeat)
        text = listed_text(store, q.name, q.text)
        bare = cpu(lambda text=text: sum(1 for _ in raw.query(text, use_default_graph_as_union=True)), repeat)[0]
        first, page = cpu(lambda q=q: query_module.answer_page(store, q, limit=limit), repeat)
        second = cpu(lambda q=q, after=page.next: query_module.answer_page(store, q, limit=limit, after=after),
                     repeat)[0] if page.next else 0.0
        ordered = sorted(query_module.answer(store, keys_query(q.text, q.page)),
                         key=lambda s, q=q: _order(s[q.page.key]), reverse=q.page.descending)
        middle = ordered[len(ordered) // 2][q.page.key]
        mid = cpu(lambda q=q, after="" if middle is None else middle.value:
                  query_module.answer_page(store, q, limit=limit, after=after), repeat)[0]
        query_module.indexed_page = by_sort
        try:
            old, same = cpu(lambda q=q: query_module.answer_page(store, q, limit=limit), repeat)
        finally:
            query_module.indexed_page = sorting
        assert (same.results, same.next, same.total) == (page.results, page.next, page.total), q.name  # the same page
        print(f"{q.name:16s} {page.total:8d} {len(page.results['results']['bindings']):5d} {first:7.3f} "
              f"{second:7.3f} {mid:7.3f} {old:10.3f} {old / first if first else float('nan'):10.1f} {size:6d} "
              f"{whole:7.3f} {bare:7.3f} {'yes' if text != q.text else 'no':>5s}", flush=True)
    if keys is not None:
        print(f"{'keys graph drawn':16s} {keys:8.3f}  (CPU s; nothing when it was up to date)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
