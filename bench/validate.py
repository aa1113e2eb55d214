"""`athar validate` on N synthetic documents: the fast engine against pyshacl, side by side.

    python bench/validate.py [--docs 1000] [--work /tmp/athar-bench-validate] [--repeat 3]

A store of N synthetic articles (``bench/synth.py N``, then ``athar build``) is made once and
kept in --work. Then ``validate(store, engine=...)`` is timed in this process (wall clock and
processor time) for pyshacl (once: the baseline) and for the fast engine (best of --repeat), and
their findings are compared (graph, focus, severity, shape, message, path, value). The ratio is
pyshacl's time / the fast engine's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from athar.graph.store import Store  # noqa: E402
from athar.graph.validate import validate  # noqa: E402


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


def timed(s: Store, engine: str):
    wall, cpu = time.perf_counter(), time.process_time()
    report = validate(s, engine=engine)
    return time.perf_counter() - wall, time.process_time() - cpu, report


def key(f):
    return f.graph, f.focus, f.severity, f.shape, f.message, f.path, f.value


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--work", type=Path, default=Path("/tmp/athar-bench-validate"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    with Store(store(args.work, args.docs), read_only=True) as s:
        fast = [timed(s, "fast") for _ in range(args.repeat)]
        f_wall, f_cpu, f_report = min(fast, key=lambda r: r[0])
        p_wall, p_cpu, p_report = timed(s, "pyshacl")
    same = Counter(map(key, f_report.findings)) == Counter(map(key, p_report.findings))
    print(f"{args.docs} documents, {len(f_report.graphs)} graphs, {len(f_report.findings)} findings "
          f"({len(f_report.violations)} violations); same findings as pyshacl: {'yes' if same else 'NO'}")
    print(f"{'engine':10} {'wall s':>8} {'cpu s':>8}")
    print(f"{'pyshacl':10} {p_wall:8.2f} {p_cpu:8.2f}")
    print(f"{'fast':10} {f_wall:8.2f} {f_cpu:8.2f}")
    print(f"ratio (pyshacl / fast): wall {p_wall / f_wall:.1f}x, cpu {p_cpu / f_cpu:.1f}x")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
