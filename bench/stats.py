"""`athar stats` on stores of many documents, against an earlier commit's, side by side.

    python bench/stats.py [--docs 100,1000] [--baseline 822958f] [--timeout 900] [--work /tmp/athar-bench-stats]
    python bench/stats.py --store /tmp/store-1000,/tmp/store-10000 --baseline 2836a79 --repeat 1

For each size N, a store is built (once; kept in --work) from N copies of the articles of
data/corpus and data/eval/dev under distinct names ("0007-<name>"), so that each is its own
document with its own graph, as `athar build` sees them; or --store names stores already built
(bench/synth.py's corpus, say). Then the whole command, a fresh process reading the store cold,
is timed (wall clock, processor time, peak memory): `athar stats -f json` of this tree without its
kept report (`--no-cache`, best of --repeat runs), of this tree again with the report kept by a
first run (what a second `athar stats` on an unchanged store costs), and of the --baseline commit
(its src/ taken with `git archive`; one run, stopped after --timeout seconds). The ratio is
baseline time / this tree's time. The two trees' reports are compared: counts, degrees,
components and the timeline must be the same.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "data" / "corpus", ROOT / "data" / "eval" / "dev"]


def corpus(folder: Path, n: int) -> Path:
    """``folder`` holding ``n`` copies of the source articles, each under its own name."""
    texts = sorted(p for d in SOURCES for p in d.glob("*.txt"))
    if len(list(folder.glob("*.txt"))) != n:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for i in range(n):
            shutil.copyfile(texts[i % len(texts)], folder / f"{i:04d}-{texts[i % len(texts)].name}")
    return folder


def store(work: Path, n: int, src: Path) -> Path:
    path = work / f"store-{n}"
    if not (path / "CURRENT").exists():
        shutil.rmtree(path, ignore_errors=True)
        docs = corpus(work / f"corpus-{n}", n)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "athar", "-q", "build", str(docs), "--store", str(path)],
                       env=_env(src), check=True, stdout=subprocess.DEVNULL)
        print(f"built {n} documents in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def baseline_tree(commit: str, work: Path) -> Path:
    """The src/ of ``commit``, unpacked under ``work``."""
    out = work / f"src-{commit}"
    if not (out / "src" / "athar").exists():
        out.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src"], check=True,
                                 capture_output=True).stdout
        with tempfile.TemporaryFile() as f:
            f.write(archive)
            f.seek(0)
            tarfile.open(fileobj=f).extractall(out, filter="data")
    return out / "src"


def time_stats(src: Path, path: Path, timeout: float, *more: str, env: dict | None = None):
    """Wall-clock and processor seconds (user + system), peak memory (MB) and the report of the whole
    `athar stats -f json`, or None past ``timeout``. Processor time depends less on what else the
    machine runs."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen([sys.executable, "-m", "athar", "stats", "-f", "json", "--store", str(path), *more],
                                 env={**_env(src), **(env or {})}, stdout=out)
        timer = threading.Timer(timeout, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)  # this child's own processor time and memory
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            return None
        wall = time.perf_counter() - started
        out.seek(0)
        report = json.loads(out.read())
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, report


def _env(src: Path) -> dict:
    return {**os.environ, "PYTHONPATH": str(src)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", default="100,1000", help="store sizes, comma-separated (default: 100,1000)")
    parser.add_argument("--store", help="stores already built, comma-separated (instead of --docs)")
    parser.add_argument("--baseline", default="822958f",
                        help="the commit to compare with (default: 822958f, before this benchmark; 'none': no baseline)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds before a baseline run is stopped")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "athar-bench-stats"))
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    here = ROOT / "src"
    base = baseline_tree(args.baseline, work) if args.baseline != "none" else None
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip()
    print(f"| store | this tree ({head}): wall s, cpu s, MB | kept report: wall s, cpu s, MB "
          f"| baseline ({args.baseline}): wall s, cpu s, MB | baseline / this (cpu) | same answers |")
    print("|---|---:|---:|---:|---:|---|")
    stores = [Path(p) for p in args.store.split(",")] if args.store else \
        [store(work, int(n), here) for n in args.docs.split(",")]
    for path in stores:
        with tempfile.TemporaryDirectory() as kept:
            runs = [r for r in (time_stats(here, path, args.timeout, "--no-cache") for _ in range(args.repeat)) if r]
            mine = (min(r[0] for r in runs), min(r[1] for r in runs), min(r[2] for r in runs), runs[0][3])
            time_stats(here, path, args.timeout, env={"ATHAR_CACHE": kept})  # the first run keeps it
            again = time_stats(here, path, args.timeout, env={"ATHAR_CACHE": kept})
        cells = [path.name, _cell(mine), _cell(again)]
        theirs = time_stats(base, path, args.timeout) if base is not None else None
        if base is None:
            cells += ["", "", ""]
        elif theirs is None:
            cells += [f"> {args.timeout:.0f} s (stopped)", f"> {args.timeout / mine[0]:.0f}x wall", ""]
        else:
            cells += [_cell(theirs), f"{theirs[1] / mine[1]:.1f}x", _same(mine[3], theirs[3])]
        print("| " + " | ".join(cells) + " |", flush=True)


def _cell(run) -> str:
    return f"{run[0]:.2f}, {run[1]:.2f}, {run[2]:.0f}"


def _same(a: dict, b: dict) -> str:
    """Which parts of two reports agree: the exact ones must; communities are said apart."""
    exact = ["documents", "projection", "counts", "components", "timeline"]
    exact += [f"centrality.{kind}.degree" for kind in ("actors", "places")]
    if a["centrality"]["betweenness_samples"] == b["centrality"]["betweenness_samples"]:
        exact += [f"centrality.{kind}.betweenness" for kind in ("actors", "places")]

    def part(r, key):
        for k in key.split("."):
            r = r[k]
        return r

    differ = [k for k in exact if part(a, k) != part(b, k)]
    communities = f"communities {a['communities']['count']} (Q {a['communities']['modularity']}) vs " \
                  f"{b['communities']['count']} (Q {b['communities']['modularity']})"
    return ("all exact parts" if not differ else "DIFFER: " + ", ".join(differ)) + "; " + communities


if __name__ == "__main__":
    main()
