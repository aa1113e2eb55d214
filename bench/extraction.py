"""Throughput of athar's extraction against pyarabic's tokenization of the same text.

    python bench/extraction.py [--mb 1.0] [--repeat 3]

pyarabic is a tool of this benchmark, not of athar: ``pip install -e ".[bench]"``
(``scripts/setup.sh --test`` installs it).

The bodies of ``data/corpus/*.txt`` are repeated until their text, joined with blank
lines, holds at least ``--mb`` megabytes of UTF-8 (10^6 bytes). Each repetition stays
an article-sized :class:`athar.read.text.Document`, as ingest would see it. Every stage runs
over the same documents, interleaved in one process, ``--repeat`` times; the best and
the median run are reported, as characters per second and as a ratio to the floor:
``pyarabic.araby.tokenize``, the least any Arabic pipeline in Python pays to read text.

Then: one run on the whole text as a single document (and on a quarter of it) to show
that the cost grows linearly with the length of a document; the peak memory of full
extraction (tracemalloc); and whether extraction is deterministic (two runs in this
process, and one in each of two subprocesses with different hash seeds).

``--cold RUNS`` measures instead the cost of reading articles not seen before: the 64
distinct articles of data/eval/dev and test, each read once by a fresh process with a fresh
``Language`` (tables loaded and caches built on the way), against pyarabic's tokenization of
the same bodies, and prints the digest of their facts (a pure speed change keeps it).

Exits 1 when full extraction costs more than ``--max-ratio`` (10) times the floor, so CI
can run it; it is a benchmark, not part of the test suite.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import json
import math
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from pyarabic import araby

from athar.read.language import arabic
from athar.read.mentions import extract_mentions
from athar.read.pipeline import Component, Pipeline, extract_facts
from athar.read.source import Document, read_document
from athar.read.text import segment

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"


def load_articles() -> list[Document]:
    paths = sorted(CORPUS.glob("*.txt"))
    if not paths:
        raise SystemExit(f"no articles in {CORPUS}")
    return [read_document(p) for p in paths]


def repeat_articles(articles: list[Document], megabytes: float) -> list[Document]:
    """Article-sized documents, the corpus over and over, until the joined text is big enough."""
    target = int(megabytes * 1_000_000)
    docs: list[Document] = []
    size = 0
    while size < target:
        a = articles[len(docs) % len(articles)]
        docs.append(Document(name=f"{len(docs):05d}-{a.name}", body=a.body, published=a.published))
        size += len(a.body.encode("utf-8")) + (2 if len(docs) > 1 else 0)  # the blank line joining them
    return docs


def joined(docs: list[Document]) -> str:
    return "\n\n".join(d.body for d in docs)


# -- stages: each processes every document once --------------------------------

def _pyarabic_tokenize(docs: list[Document]) -> None:
    for d in docs:
        araby.tokenize(d.body)


def _pyarabic_strip_tokenize(docs: list[Document]) -> None:
    for d in docs:
        araby.tokenize(araby.strip_tashkeel(d.body))


def _athar_segment(docs: list[Document]) -> None:
    for d in docs:
        segment(d.body)


def _athar_mentions(docs: list[Document]) -> None:
    make_doc = arabic().make_doc
    for d in docs:
        extract_mentions(make_doc(d.body))


def _athar_facts(docs: list[Document]) -> None:
    pipeline = Pipeline()
    for d in docs:
        pipeline(d)


STAGES: tuple[tuple[str, Callable[[list[Document]], None]], ...] = (
    ("pyarabic tokenize (floor)", _pyarabic_tokenize),
    ("pyarabic strip_tashkeel+tokenize", _pyarabic_strip_tokenize),
    ("athar segment", _athar_segment),
    ("athar segment+mentions", _athar_mentions),
    ("athar extract_facts (full)", _athar_facts),
)
FLOOR = STAGES[0][0]
FULL = STAGES[-1][0]


def _timed(run: Callable[[list[Document]], None], docs: list[Document]) -> float:
    gc.collect()
    t0 = time.perf_counter()
    run(docs)
    return time.perf_counter() - t0


def measure(docs: list[Document], repeat: int) -> dict[str, list[float]]:
    """Seconds of each stage over all documents, the stages interleaved within each round."""
    times: dict[str, list[float]] = {name: [] for name, _ in STAGES}
    for _ in range(repeat):
        for name, run in STAGES:
            times[name].append(_timed(run, docs))
    return times


# -- determinism -----------------------------------------------------------------

def _default(o):
    if dataclasses.is_dataclass(o):
        return {f.name: getattr(o, f.name) for f in dataclasses.fields(o)}
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    raise TypeError(f"cannot serialize {type(o).__name__}")


def digest(docs: list[Document]) -> str:
    """SHA-256 of a stable JSON serialization of every fact of every document."""
    h = hashlib.sha256()
    for d in docs:
        facts = extract_facts(d)
        h.update(json.dumps([d.name, facts], default=_default, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return h.hexdigest()


def _digest_in_subprocess(seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    out = subprocess.run([sys.executable, __file__, "--digest-only"], env=env, check=True,
                         capture_output=True, text=True)
    return out.stdout.strip()


# -- cold: distinct articles, a fresh process and Language -------------------------

EVAL = ROOT / "data" / "eval"
_COLD_RUN = r"""
import hashlib, json, sys, time
sys.path.insert(0, sys.argv[1])
from extraction import _default, cold_articles
docs = cold_articles()
import athar
from athar.read.language import Language
from pyarabic import araby
t0 = time.process_time()
lang = Language()
read = [athar.read(d, lang=lang) for d in docs]
athar_s = time.process_time() - t0
floor_s = min((lambda t: (sum(len(araby.tokenize(d.body)) for d in docs), time.process_time() - t)[1])(time.process_time())
              for _ in range(5))
h = hashlib.sha256()
for d, doc in zip(docs, read):
    h.update(json.dumps([d.name, doc.facts], default=_default, ensure_ascii=False, sort_keys=True).encode("utf-8"))
print(athar_s, floor_s, sum(len(d.body) for d in docs), len(docs), h.hexdigest())
"""


def cold_articles() -> list[Document]:
    """The distinct articles of data/eval/dev and data/eval/test (64), in a fixed order."""
    seen, out = set(), []
    for p in sorted((EVAL / "dev").glob("*.ar.txt")) + sorted((EVAL / "test").glob("*.ar.txt")):
        key = hashlib.sha256(p.read_bytes()).hexdigest()
        if key not in seen:
            seen.add(key)
            out.append(read_document(p))
    return out


def cold(runs: int) -> int:
    """Each run a fresh interpreter: one fresh Language reads every distinct article once (its
    tables loaded and its caches built on the way), against pyarabic's tokenization of the same
    bodies (the best of five, in the same process); CPU time, so that other processes on the
    machine weigh less. Prints every run, the best and median ratio, and the digest of the facts."""
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _COLD_RUN, str(Path(__file__).parent)], check=True,
                             capture_output=True, text=True).stdout.split()
        athar_s, floor_s, chars, n, sha = float(out[0]), float(out[1]), int(out[2]), int(out[3]), out[4]
        results.append((athar_s, floor_s, sha))
        print(f"  run {len(results)}: athar {athar_s * 1000:6.1f} ms, pyarabic {floor_s * 1000:5.2f} ms, "
              f"{athar_s / floor_s:5.1f}x")
    best = min(a for a, _, _ in results) / min(f for _, f, _ in results)
    median = statistics.median(a / f for a, f, _ in results)
    digests = {sha for _, _, sha in results}
    print(f"cold: {n} distinct articles, {chars:,} characters, {runs} fresh processes: "
          f"{best:.1f}x pyarabic (best/best), {median:.1f}x (median of runs); target <= 20x")
    print(f"facts sha256 {'/'.join(d[:16] for d in sorted(digests))}"
          f"{'' if len(digests) == 1 else ' (DIFFER between runs)'}")
    return 0 if len(digests) == 1 else 1


# -- where the time goes -----------------------------------------------------------

def breakdown(docs: list[Document]) -> tuple[float, list[tuple[str, float]]]:
    """Seconds of one full extraction, and of each step inside it: making the Doc (normalize,
    tokens, sentences) and each component of the pipeline, timed by wrapping it."""
    spent: dict[str, float] = {}

    def timed(label: str, run: Callable):
        def run_timed(*args):
            t0 = time.perf_counter()
            try:
                return run(*args)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - t0
        return run_timed

    pipeline = Pipeline()
    for c in pipeline.components:
        pipeline.replace(c.name, Component(c.name, c.reads, c.writes, timed(c.name, c.run)))
    lang = pipeline.lang
    make_doc = lang.make_doc
    lang.make_doc = timed("segment (normalize, tokens, sentences)", make_doc)  # this object only
    try:
        t0 = time.perf_counter()
        for d in docs:
            pipeline(d)
        total = time.perf_counter() - t0
    finally:
        del lang.make_doc
    steps = list(spent.items())
    steps.append(("the rest of the pipeline", total - sum(t for _, t in steps)))
    return total, steps


# -- memory ----------------------------------------------------------------------

def peak_memory(docs: list[Document]) -> tuple[int, int]:
    """Peak traced bytes of full extraction keeping every fact, and the largest for one document."""
    gc.collect()
    tracemalloc.start()
    kept = []
    for d in docs:
        kept.append(extract_facts(d))
    _, peak_all = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    gc.collect()
    peak_one = 0
    tracemalloc.start()
    for d in docs[: min(len(docs), 8)]:  # every article once (the corpus repeats)
        tracemalloc.reset_peak()
        base, _ = tracemalloc.get_traced_memory()
        extract_facts(d)
        _, peak = tracemalloc.get_traced_memory()
        peak_one = max(peak_one, peak - base)
    tracemalloc.stop()
    return peak_all, peak_one


# -- report ----------------------------------------------------------------------

def _row(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))


def print_table(times: dict[str, list[float]], chars: int) -> tuple[float, float]:
    floor_best, floor_median = min(times[FLOOR]), statistics.median(times[FLOOR])
    header = ["stage", "chars/s (best)", "s (best)", "s (median)", "x floor (best)", "x floor (median)"]
    rows = []
    for name, _ in STAGES:
        best, median = min(times[name]), statistics.median(times[name])
        rows.append([name, f"{chars / best:,.0f}", f"{best:.4f}", f"{median:.4f}",
                     f"{best / floor_best:.1f}", f"{median / floor_median:.1f}"])
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header))]
    print(_row(header, widths))
    print(_row(["-" * w for w in widths], widths))
    for r in rows:
        print(_row(r, widths))
    return min(times[FULL]) / floor_best, statistics.median(times[FULL]) / floor_median


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 epilog="example: python bench/extraction.py --mb 1.0 --repeat 3")
    ap.add_argument("--mb", type=float, default=1.0, help="megabytes of UTF-8 text to process (default 1.0)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of every stage (default 3)")
    ap.add_argument("--max-ratio", type=float, default=10.0,
                    help="fail when full extraction costs more than this many times the floor (default 10)")
    ap.add_argument("--skip-single", action="store_true", help="skip the single-document scaling run")
    ap.add_argument("--digest-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--cold", type=int, metavar="RUNS", default=0,
                    help="only the cold measure: distinct articles read once by a fresh process and Language, "
                         "RUNS times (e.g. 7)")
    args = ap.parse_args(argv)
    if args.cold:
        return cold(args.cold)

    articles = load_articles()
    if args.digest_only:  # one run in a fresh interpreter, for the hash-seed check
        print(digest(articles))
        return 0

    docs = repeat_articles(articles, args.mb)
    text = joined(docs)
    chars = sum(len(d.body) for d in docs)
    print(f"corpus: {len(articles)} articles ({', '.join(a.name for a in articles)})")
    print(f"input: {len(docs)} article-sized documents, {chars:,} characters, "
          f"{len(text.encode('utf-8')):,} bytes joined; python {sys.version.split()[0]}, "
          f"{args.repeat} interleaved rounds")
    for name, run in STAGES:  # warm up: lexicons load once, outside the timings
        run(articles)
    times = measure(docs, args.repeat)
    print()
    ratio_best, ratio_median = print_table(times, chars)
    print(f"\nfull extraction / pyarabic floor: {ratio_best:.1f}x (best), {ratio_median:.1f}x (median); "
          f"target <= {args.max_ratio:g}x")

    total, steps = min((breakdown(docs) for _ in range(min(3, args.repeat))), key=lambda r: r[0])
    floor_best = min(times[FLOOR])
    print(f"\nwhere full extraction spends its time (the fastest of {min(3, args.repeat)} runs, {total:.3f} s):")
    width = max(len(label) for label, _ in steps)
    for label, t in sorted(steps, key=lambda s: -s[1]):
        print(f"  {label.ljust(width)}  {t:7.3f} s  {100 * t / total:5.1f}%  {t / floor_best:5.1f}x floor")

    if not args.skip_single:
        print("\nscaling: the whole text as one document, one run each")
        quarter = text[: len(text) // 4]
        quarter = quarter[: quarter.rfind("\n\n")]
        results = []
        for label, body in (("1/4 of the text", quarter), ("all of the text", text)):
            doc = Document(name="single.txt", body=body, published=articles[0].published)
            t_floor = _timed(lambda ds: araby.tokenize(ds[0].body), [doc])
            t_full = _timed(_athar_facts, [doc])
            results.append((len(body), t_full))
            print(f"  {label}: {len(body):,} chars; extract_facts {t_full:.3f} s = {len(body) / t_full:,.0f} chars/s; "
                  f"floor {t_floor:.4f} s; ratio {t_full / t_floor:.1f}x")
        (n1, t1), (n2, t2) = results
        exponent = math.log(t2 / t1) / math.log(n2 / n1)
        per_article = min(times[FULL]) / chars
        print(f"  time grows as n^{exponent:.2f} from 1/4 to all (1.00 is linear); the single document costs "
              f"{t2 / n2 / per_article:.2f}x per character what article-sized documents do")

    peak_all, peak_one = peak_memory(docs)
    print(f"\nmemory (tracemalloc): peak {peak_all / 1e6:.1f} MB extracting all {len(docs)} documents and keeping "
          f"their facts; at most {peak_one / 1e6:.2f} MB for one article (largest {max(len(a.body) for a in articles):,} chars)")

    first, second = digest(docs), digest(docs)
    here = digest(articles)
    seeds = [_digest_in_subprocess(s) for s in ("0", "4242")]
    same_process = first == second
    across_seeds = seeds[0] == seeds[1] == here
    print(f"\ndeterminism: two runs over the {len(docs)} documents "
          f"{'give identical facts' if same_process else 'DIFFER'} (sha256 {first[:16]}, {second[:16]}); "
          f"the {len(articles)} articles in subprocesses with PYTHONHASHSEED=0 and 4242 "
          f"{'match this process' if across_seeds else 'DIFFER (or the code changed during the run)'} "
          f"(sha256 {here[:16]}, {seeds[0][:16]}, {seeds[1][:16]})")

    failed = []
    if ratio_best > args.max_ratio:
        failed.append(f"full extraction costs {ratio_best:.1f}x the pyarabic floor (limit {args.max_ratio:g}x)")
    if not (same_process and across_seeds):
        failed.append("extraction is not deterministic")
    for f in failed:
        print(f"FAIL: {f}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
