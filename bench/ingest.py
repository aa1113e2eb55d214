"""Ingest at scale: ``athar build`` on corpora of 1,000 and 10,000 articles with ``--jobs 1``
and ``--jobs 2`` (articles per second, peak memory of the whole process tree, growth for ten
times the corpus), a re-run on unchanged files, and the load of the map step's N-Quads beside
pyoxigraph's raw ``bulk_load`` of the same file and rdflib's parser, in the same run.

    .venv/bin/python bench/ingest.py [--sizes 1000,10000] [--jobs 1,2] [--load-size 1000]

The corpus is ``bench/synth.py N DIR`` (distinct articles: the reader's caches are cold) when
that generator is there, else copies of ``data/corpus`` and ``data/eval/dev`` under distinct
names (``--copies``: the same 48 texts again and again, so the caches are warm and the
figures flattered). Every build is the real command line in a process of its own on a fresh
on-disk store; memory is the largest sum of the resident sets of the build and its workers,
sampled every 50 ms (psutil); processor time is that of the build, its fork server and its
workers (RUSAGE_CHILDREN, this process made their reaper), so it compares across ``--jobs``.
"""

from __future__ import annotations

import argparse
import ctypes
import itertools
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import psutil
import pyoxigraph as ox
import rdflib

from athar.graph import ingest
from athar.graph.ingest import collect_paths, ingest_all
from athar.graph.store import Store

ROOT = Path(__file__).resolve().parents[1]
ATHAR = [sys.executable, "-m", "athar"]


def make_corpus(n: int, folder: Path, synth: Path | None) -> str:
    """``n`` articles in ``folder``; says how they were made."""
    if synth is not None:
        subprocess.run([sys.executable, str(synth), str(n), str(folder), "--no-gold"], check=True, capture_output=True)
        _reap_orphans()
        return f"bench/synth.py {n} (distinct synthetic articles)"
    texts = sorted([*(ROOT / "data" / "corpus").glob("*.txt"), *(ROOT / "data" / "eval" / "dev").glob("*.txt")])
    folder.mkdir(parents=True)
    for i, text in zip(range(n), itertools.cycle(texts)):
        shutil.copyfile(text, folder / f"{i:06d}-{text.name}")
    return f"copies of the {len(texts)} texts of data/corpus and data/eval/dev"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # every descendant waited for (see _adopt_orphans)
    return usage.ru_utime + usage.ru_stime


def _adopt_orphans() -> None:
    """Make this process the reaper of its descendants (Linux's PR_SET_CHILD_SUBREAPER). The
    workers of ``--jobs 2`` are children of multiprocessing's fork server, which is a child of
    the build but outlives it by a moment: without this it is re-parented to init, and the
    processor time of the fork server and of the workers it waited for is counted nowhere. With
    it, it is re-parented here, :func:`_reap_orphans` waits for it, and RUSAGE_CHILDREN holds
    the whole tree's time."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(36, 1, 0, 0, 0) != 0:  # 36: PR_SET_CHILD_SUBREAPER
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed: worker time cannot be counted")


def _reap_orphans(timeout: float = 60.0) -> None:
    """Wait for the descendants a finished build left behind (its fork server, its resource tracker)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # none left
        if pid == 0:
            time.sleep(0.02)
    raise SystemExit("a process the build left behind did not end within a minute")


def run_measured(args: list[str], cwd: Path) -> tuple[float, float, str, float]:
    """(wall seconds, peak MB of the process tree, stdout, processor seconds of the tree) of one command."""
    _reap_orphans()  # what an earlier command left behind is not this one's time
    cpu = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    out, err = proc.communicate()
    _reap_orphans()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} failed: {err}")
    return seconds, peak / 2**20, out.strip(), _children_cpu() - cpu


def bench_builds(sizes: list[int], jobs: list[int], work: Path, synth: Path | None) -> dict:
    results = {}
    for n in sizes:
        corpus = work / f"corpus-{n}"
        how = make_corpus(n, corpus, synth)
        for j in jobs:
            store = work / f"store-{n}-{j}"
            seconds, mb, out, cpu = run_measured([*ATHAR, "-q", "build", corpus.name, "--store", store.name,
                                                  "--jobs", str(j)], work)
            results[(n, j)] = (seconds, mb)
            print(f"build {n:>6} articles --jobs {j}: {seconds:7.1f} s  {n / seconds:6.1f} articles/s  "
                  f"peak {mb:6.0f} MB  processor {1000 * cpu / n:.1f} ms/article (build and workers)   [{out}]",
                  flush=True)
        again, mb, out, cpu = run_measured([*ATHAR, "-q", "build", corpus.name, "--store", store.name,
                                       "--jobs", str(jobs[-1])], work)
        full = results[(n, jobs[-1])][0]
        print(f"re-run {n:>5} unchanged --jobs {jobs[-1]}: {again:7.2f} s = {again / full:.3f} of the full build  "
              f"[{out}]", flush=True)
        shutil.rmtree(store)
    print(f"corpus: {how}")
    for j in jobs:
        if len(sizes) > 1:
            small, large = sizes[0], sizes[-1]
            growth = results[(large, j)][0] / results[(small, j)][0]
            print(f"growth --jobs {j}: {large / small:.0f}x the articles took {growth:.2f}x the time; "
                  f"peak memory {results[(small, j)][1]:.0f} MB -> {results[(large, j)][1]:.0f} MB")
    return results


def bench_load(n: int, work: Path, synth: Path | None, rounds: int = 3) -> None:
    """The map step's N-Quads of ``n`` articles loaded: athar (``build OUT/``, with where its time
    goes) beside pyoxigraph's raw ``bulk_load`` of the same quads (one file; two halves in two
    threads; a store in memory) and rdflib's parser; interleaved rounds on fresh stores, best of."""
    corpus = work / f"corpus-{n}"
    if not corpus.exists():
        make_corpus(n, corpus, synth)
    out = work / f"graphs-{n}"
    subprocess.run([*ATHAR, "-q", "extract", corpus.name, "-o", out.name], cwd=work, check=True, capture_output=True)
    _reap_orphans()
    joined = work / f"graphs-{n}.nq"
    with open(joined, "wb") as f:
        for part in sorted(out.rglob("*.nq")):
            f.write(part.read_bytes())
    size = joined.stat().st_size / 2**20
    folders: list = []
    found = collect_paths([out], None, folders)
    stores = itertools.count()

    def fresh() -> Path:
        return work / f"store-{next(stores)}"

    def raw_file() -> None:
        store = ox.Store(str(fresh()))
        store.bulk_load(path=str(joined), format=ox.RdfFormat.N_QUADS)
        store.flush()

    def raw_threads() -> None:  # the file cut in two at a line's end, each half bulk-loaded by a thread
        data = joined.read_bytes()
        half = data.index(b"\n", len(data) // 2) + 1
        store = ox.Store(str(fresh()))
        threads = [threading.Thread(target=store.bulk_load, args=(part,), kwargs={"format": ox.RdfFormat.N_QUADS})
                   for part in (data[:half], data[half:])]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        store.flush()

    def raw_memory() -> None:
        ox.Store().bulk_load(path=str(joined), format=ox.RdfFormat.N_QUADS)

    def raw_memory_then_disk() -> None:  # loaded in memory, its dump bulk-loaded into a store on disk
        memory = ox.Store()
        memory.bulk_load(path=str(joined), format=ox.RdfFormat.N_QUADS)
        store = ox.Store(str(fresh()))
        store.bulk_load(memory.dump(format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
        store.flush()

    phases: dict[str, float] = {}

    def athar(path: Path | None) -> None:
        with _phases(phases), Store(path) as store:
            report = ingest_all(store, found, jobs=1, folders=folders)
        assert report.documents == n and not report.errors, report.errors[:3]

    variants = {"raw bulk_load, one file": raw_file, "raw bulk_load, two threads": raw_threads,
                "raw bulk_load, in memory": raw_memory, "raw, in memory then to disk": raw_memory_then_disk,
                "athar build OUT/": lambda: athar(fresh()),
                "athar build OUT/, in memory": lambda: athar(None)}
    times: dict[str, list[float]] = {name: [] for name in variants}
    spent: list[dict[str, float]] = []
    for _ in range(rounds):
        for name, run in variants.items():
            phases.clear()
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
            if name == "athar build OUT/":
                spent.append(dict(phases, total=times[name][-1]))
            for old in work.glob("store-*"):
                shutil.rmtree(old)
    start = time.perf_counter()
    rdflib.Dataset().parse(str(joined), format="nquads")
    rdflib_time = time.perf_counter() - start
    best = {name: min(t) for name, t in times.items()}
    raw = best["raw bulk_load, one file"]
    print(f"load {n} graphs ({size:.0f} MB of N-Quads; best of {rounds}, interleaved; rdflib's parser "
          f"{rdflib_time:.1f} s, once):")
    for name, seconds in best.items():
        print(f"  {name:<30} {seconds:6.2f} s   {raw / seconds:5.2f} of raw   {rdflib_time / seconds:5.1f}x rdflib")
    fastest = min(spent, key=lambda p: p["total"])
    parts = ", ".join(f"{k} {v:.2f} s" for k, v in fastest.items() if k != "total")
    rest = fastest["total"] - sum(v for k, v in fastest.items() if k != "total")
    print(f"  athar's best run, where the time went: {parts}, reading the files and the rest {rest:.2f} s")
    print(f"load speed: athar / raw bulk_load = {raw / best['athar build OUT/']:.2f} (target >= 0.8); athar vs "
          f"rdflib = {rdflib_time / best['athar build OUT/']:.1f}x faster (target >= 10)")


@contextmanager
def _phases(totals: dict[str, float]):
    """Time spent in the parts of a build that are not athar's bookkeeping, added to ``totals``."""
    parts = [(ingest, "load_background", "background graphs"), (Store, "write_graphs", "writing (bulk_load)"),
             (ingest, "_after_change", "derived graphs"), (ingest, "stored_hashes", "look-ups"),
             (ingest, "stored_sources", "look-ups"), (ingest, "record_sources", "recording sources"),
             (ingest, "drop_missing", "recording sources")]
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in parts]

    def timed(function, label):
        def run(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals[label] = totals.get(label, 0.0) + time.perf_counter() - start
        return run

    for (owner, name, label), (_, _, function) in zip(parts, originals):
        setattr(owner, name, timed(function, label))
    try:
        yield totals
    finally:
        for owner, name, function in originals:
            setattr(owner, name, function)


def watch_build(corpus: Path, store: Path, jobs: int, every: float = 30.0) -> None:
    """One long build (``ingest_all``, what ``athar build`` runs) of ``corpus`` into ``store``,
    printing every ``every`` seconds the documents done, documents per second since the last
    line and overall, and the resident memory of this process and its workers: how far a build
    that cannot finish in the time given got, and whether its speed and memory stayed flat."""
    folders: list = []
    found = collect_paths([corpus], None, folders)
    me = psutil.Process()
    start = last_time = time.perf_counter()
    last_done = [0, start]

    def progress(done: int) -> None:
        now = time.perf_counter()
        if now - last_done[1] < every and done < len(found):
            return
        rss = sum(p.memory_info().rss for p in [me, *me.children(recursive=True)] if p.is_running()) / 2**20
        rate = (done - last_done[0]) / (now - last_done[1])
        print(f"{time.strftime('%H:%M:%S', time.gmtime())}  {now - start:7.0f} s  {done:>7,}/{len(found):,} documents  "
              f"{rate:6.1f}/s now  {done / (now - start):6.1f}/s overall  {rss:6.0f} MB", flush=True)
        last_done[:] = [done, now]

    print(f"watch: {len(found):,} documents of {corpus} into {store}, --jobs {jobs}, "
          f"load average {' '.join(f'{x:.1f}' for x in psutil.getloadavg())}", flush=True)
    with Store(store) as target:
        report = ingest_all(target, found, progress=progress, jobs=jobs, folders=folders)
    print(f"done in {time.perf_counter() - last_time:.0f} s: {report.documents:,} documents, {report.skipped:,} "
          f"skipped, {len(report.errors)} errors", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--load-size", type=int, default=1000)
    parser.add_argument("--copies", action="store_true", help="copies of the repository's texts, not bench/synth.py")
    parser.add_argument("--synth", type=Path, default=ROOT / "bench" / "synth.py", help="the corpus generator")
    parser.add_argument("--watch", nargs=2, type=Path, metavar=("CORPUS", "STORE"),
                        help="one long build of CORPUS into STORE (--jobs: its last value), its progress every 30 s")
    args = parser.parse_args()
    synth = None if args.copies or not args.synth.exists() else args.synth
    sizes = [int(s) for s in args.sizes.split(",") if s]
    jobs = [int(j) for j in args.jobs.split(",") if j]
    if args.watch:
        return watch_build(*args.watch, jobs=jobs[-1])
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    print(f"commit {commit.stdout.strip()}, {psutil.cpu_count()} CPUs, load average "
          f"{' '.join(f'{x:.1f}' for x in psutil.getloadavg())}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    _adopt_orphans()
    with tempfile.TemporaryDirectory(prefix="athar-bench-ingest-") as tmp:
        work = Path(tmp)
        if sizes:
            bench_builds(sizes, jobs, work, synth)
        if args.load_size:
            bench_load(args.load_size, work, synth)
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in psutil.getloadavg())}")


if __name__ == "__main__":
    main()
