"""The remote store: load and query times against Oxigraph's server and Virtuoso on loopback,
beside the embedded store, on the same data, in the same run.

    .venv/bin/python bench/remote.py [--docs 20] [--timeout 60] [--no-queries]

The corpus is read once; its document graphs are then copied under new document IRIs (the
document's own facts, mentions and evidence renamed, the entities they name shared, as in a
real corpus) up to ``--docs`` graphs. Each store gets the same graphs, one request per
document (the embedded store: one transaction each; Oxigraph: a Graph Store PUT; Virtuoso: a
Graph Store PUT behind Digest authentication), then the saved queries, each once to warm up and
then timed (best of 3). The servers are started by ``tests/remote_servers.py``, each on free
loopback ports, and share this machine's cores with the client.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib import URIRef

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from remote_servers import VIRTUOSO_DEVIATES, VIRTUOSO_PASSWORD_ENV, oxigraph_server, virtuoso_server  # noqa: E402

from athar.errors import AtharError  # noqa: E402
from athar.graph.ingest import build, load_background  # noqa: E402
from athar.graph.location import open_store  # noqa: E402
from athar.graph.store import Store  # noqa: E402
from athar.read.pipeline import Pipeline  # noqa: E402
from athar.use.query import answer, saved_queries  # noqa: E402

PARAMS = {"by-place": {"place": "الرقة"}, "by-actor": {"actor": "SDF"}}


def documents(corpus: Path, count: int) -> list[tuple[str, list[tuple]]]:
    """``count`` document graphs: the corpus's, then copies with the document's IRIs renamed."""
    with Store() as store:
        build(store, [corpus])
        originals = [(g, list(store.triples(g))) for g in store.graphs() if "/doc/" in g]
    out = []
    for i in range(count):
        graph, triples = originals[i % len(originals)]
        if i < len(originals):
            out.append((graph, triples))
            continue
        new = f"{graph}-copy{i}"
        out.append((new, [tuple(_rename(t, graph, new) for t in triple) for triple in triples]))
    return out


def _rename(term, old: str, new: str):
    if isinstance(term, URIRef) and term.startswith(old):
        return URIRef(new + term[len(old):])
    return term


def load(store, docs) -> tuple[float, int]:
    """Seconds to load the background and every document graph, one request each; triples loaded."""
    started = time.perf_counter()
    load_background(store, Pipeline())
    triples = sum(store.replace_graph(g, t) for g, t in docs)
    store.flush()
    return time.perf_counter() - started, triples


def query_times(store, timeout: float) -> dict[str, float | None]:
    """Best of 3 seconds per saved query after one warm-up run; None when it fails or runs over."""
    out: dict[str, float | None] = {}
    if hasattr(store, "timeout"):
        store.timeout = timeout
    for q in saved_queries():
        try:
            list(answer(store, q, params=PARAMS.get(q.name)))
            best = float("inf")
            for _ in range(3):
                started = time.perf_counter()
                list(answer(store, q, params=PARAMS.get(q.name)))
                best = min(best, time.perf_counter() - started)
            out[q.name] = best
        except AtharError as e:
            print(f"  {q.name}: {' '.join(str(e).split())[:120]}", file=sys.stderr)
            out[q.name] = None
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=20, help="document graphs to load (default: 20)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds a remote query may take")
    parser.add_argument("--corpus", default=str(ROOT / "data" / "corpus"))
    parser.add_argument("--no-queries", action="store_true", help="time the load only")
    args = parser.parse_args()
    docs = documents(Path(args.corpus), args.docs)
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print(f"commit {commit}; {len(docs)} document graphs, {sum(len(t) for _, t in docs):,} document triples; "
          f"{os.cpu_count()} cores shared by client and servers")
    os.environ[VIRTUOSO_PASSWORD_ENV] = "bench-remote-3c9a"
    loads, queries = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "embedded") as store:
            loads["embedded"] = load(store, docs)
            queries["embedded"] = {} if args.no_queries else query_times(store, args.timeout)
        with oxigraph_server(Path(tmp) / "oxigraph") as config, open_store(str(config)) as store:
            loads["oxigraph"] = load(store, docs)
            queries["oxigraph"] = {} if args.no_queries else query_times(store, args.timeout)
        with virtuoso_server(Path(tmp) / "virtuoso", os.environ[VIRTUOSO_PASSWORD_ENV]) as config, \
                open_store(str(config)) as store:
            loads["virtuoso"] = load(store, docs)
            queries["virtuoso"] = {} if args.no_queries else query_times(store, args.timeout)
    names = list(loads)
    base = loads["embedded"][0]
    print(f"\n{'load':<24}" + "".join(f"{n:>22}" for n in names))
    print(f"{'seconds':<24}" + "".join(f"{loads[n][0]:>22.2f}" for n in names))
    print(f"{'documents/s':<24}" + "".join(f"{len(docs) / loads[n][0]:>22.1f}" for n in names))
    print(f"{'triples/s':<24}" + "".join(f"{loads[n][1] / loads[n][0]:>22,.0f}" for n in names))
    print(f"{'time / embedded':<24}" + "".join(f"{loads[n][0] / base:>22.2f}" for n in names))
    if args.no_queries:
        return
    print(f"\n{'query (ms, best of 3)':<24}" + "".join(f"{n:>11}{'ratio':>11}" for n in names))
    for q in queries["embedded"]:
        e = queries["embedded"][q]
        cells = []
        for n in names:
            t = queries[n][q]
            cells.append(f"{'-' if t is None else f'{t * 1000:.1f}':>11}"
                         f"{'-' if t is None or not e else f'{t / e:.2f}':>11}")
        print(f"{q + ('*' if q in VIRTUOSO_DEVIATES else ''):<24}" + "".join(cells))
    for n in names:
        done = [t for t in queries[n].values() if t is not None]
        print(f"{'total ' + n:<24}{sum(done) * 1000:>11.1f} ms over {len(done)} queries")
    print("\nratio: the store's time / the embedded store's, same query, same data; *: Virtuoso's answer "
          "lacks rows (tests/remote_servers.py, VIRTUOSO_DEVIATES), its time is not comparable")


if __name__ == "__main__":
    main()
