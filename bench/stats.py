"""`athar stats` on stores of many documents, against an earlier commit's, side by side.

    python bench/stats.py [--docs 100,1000] [--baseline 822958f] [--timeout 900] [--work /tmp/athar-bench-stats]

For each size N, a store is built (once; kept in --work) from N copies of the articles of
data/corpus and data/eval/dev under distinct names ("0007-<name>"), so that each is its own
document with its own graph, as `athar build` sees them. Then the whole command, a fresh
process reading the store cold, is timed (wall clock and processor time): `athar stats -f
json` of this tree (best of --repeat runs) and of the --baseline commit (its src/ taken with `git archive`; one run,
stopped after --timeout seconds). The ratio is baseline time / this tree's time.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
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


def time_stats(src: Path, path: Path, timeout: float) -> tuple[float, float] | None:
    """Wall-clock and processor seconds (user + system) of the whole `athar stats -f json`, or
    None past ``timeout``. Processor time depends less on what else the machine runs."""
    before, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    try:
        subprocess.run([sys.executable, "-m", "athar", "stats", "-f", "json", "--store", str(path)],
                       env=_env(src), check=True, stdout=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return time.perf_counter() - started, cpu


def _env(src: Path) -> dict:
    return {**os.environ, "PYTHONPATH": str(src)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", default="100,1000", help="store sizes, comma-separated (default: 100,1000)")
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
    print(f"| documents | this tree ({head}): wall s, cpu s | baseline ({args.baseline}): wall s, cpu s "
          "| baseline / this (wall, cpu) |")
    print("|---:|---:|---:|---:|")
    for n in (int(x) for x in args.docs.split(",")):
        path = store(work, n, here)
        runs = [time_stats(here, path, args.timeout) for _ in range(args.repeat)]
        wall, cpu = min(r[0] for r in runs if r), min(r[1] for r in runs if r)
        if base is None:
            print(f"| {n} | {wall:.2f}, {cpu:.2f} | | |", flush=True)
            continue
        theirs = time_stats(base, path, args.timeout)
        if theirs is None:
            print(f"| {n} | {wall:.2f}, {cpu:.2f} | > {args.timeout:.0f} (stopped) | > {args.timeout / wall:.0f}x |",
                  flush=True)
        else:
            print(f"| {n} | {wall:.2f}, {cpu:.2f} | {theirs[0]:.1f}, {theirs[1]:.1f} "
                  f"| {theirs[0] / wall:.0f}x, {theirs[1] / cpu:.0f}x |", flush=True)

if __name__ == "__main__":
    main()
