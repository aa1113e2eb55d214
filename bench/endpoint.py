"""The SPARQL endpoint under load: requests per second and p50/p99 latency of the saved
queries under 1, 8 and 32 concurrent clients, ``athar serve`` beside Oxigraph's own
server (the ``oxigraph`` binary of the bench extra) on the same data, in the same run.

    .venv/bin/python bench/endpoint.py [--requests 300] [--corpus data/corpus]

It builds the corpus into a fresh store, copies it so that each server opens its own,
starts both servers on free loopback ports (athar serve read-only; ``oxigraph
serve-read-only --union-default-graph``, athar's default dataset), and sends the saved
queries round-robin from one asyncio client (httpx), each request asking for SPARQL JSON
results. Both servers and the client share this machine's cores; the client is the same
for both, so the ratios compare the servers. Every answer is checked for status 200.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from athar.graph.ingest import build
from athar.graph.store import Store
from athar.use.query import saved_queries

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LEVELS = (1, 8, 32)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(command: list[str], url: str) -> subprocess.Popen:
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"{command[0]} exited: {proc.stderr.read().decode()}")
        time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"{command[0]} did not answer at {url}")


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


async def load(url: str, queries: list[str], clients: int, requests: int) -> tuple[float, list[float]]:
    """Send ``requests`` queries from ``clients`` concurrent clients; the wall time and each latency."""
    latencies: list[float] = []
    counter = iter(range(requests))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:
        async def worker() -> None:
            for i in counter:
                t = time.perf_counter()
                r = await client.post(url, data={"query": queries[i % len(queries)]},
                                      headers={"Accept": "application/sparql-results+json"})
                latencies.append(time.perf_counter() - t)
                if r.status_code != 200:
                    raise SystemExit(f"{url}: {r.status_code} {r.text[:200]}")
        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        return time.perf_counter() - started, latencies


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="requests per server and level (default: 300)")
    parser.add_argument("--corpus", default=str(ROOT / "data" / "corpus"))
    args = parser.parse_args()
    oxigraph = shutil.which("oxigraph", path=str(BIN)) or shutil.which("oxigraph")
    if oxigraph is None:
        raise SystemExit("no oxigraph binary: install the bench extra (pip install -e '.[bench]')")
    queries = [q.text for q in saved_queries()]
    with tempfile.TemporaryDirectory() as tmp:
        store_dir = Path(tmp) / "athar-store"
        with Store(store_dir) as store:
            report = build(store, [args.corpus])
            triples = len(store)
        shutil.copytree(store_dir, Path(tmp) / "oxigraph-store")
        print(f"{report.documents} documents, {triples} triples; {len(queries)} saved queries; "
              f"{args.requests} requests per level; {os.cpu_count()} cores shared by client and server")
        servers = {}
        port = free_port()
        servers["athar"] = (start([str(BIN / "athar"), "-q", "serve", "--store", str(store_dir),
                                   "--port", str(port)], f"http://127.0.0.1:{port}/sparql"),
                            f"http://127.0.0.1:{port}/sparql")
        port = free_port()
        servers["oxigraph"] = (start([oxigraph, "serve-read-only", "--location", str(Path(tmp) / "oxigraph-store"),
                                      "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                     f"http://127.0.0.1:{port}/query"), f"http://127.0.0.1:{port}/query")
        try:
            results = {}
            for name, (_, url) in servers.items():
                asyncio.run(load(url, queries, 1, len(queries) * 2))  # warm up
                for level in LEVELS:
                    wall, lat = asyncio.run(load(url, queries, level, args.requests))
                    results[name, level] = (len(lat) / wall, percentile(lat, 50) * 1000, percentile(lat, 99) * 1000)
        finally:
            for proc, _ in servers.values():
                stop(proc)
    print(f"\n{'clients':>7}  {'athar req/s':>11} {'p50 ms':>7} {'p99 ms':>7}   "
          f"{'oxigraph req/s':>14} {'p50 ms':>7} {'p99 ms':>7}   {'req/s ratio':>11} {'p50 ratio':>9}")
    for level in LEVELS:
        a, o = results["athar", level], results["oxigraph", level]
        print(f"{level:>7}  {a[0]:>11.0f} {a[1]:>7.1f} {a[2]:>7.1f}   {o[0]:>14.0f} {o[1]:>7.1f} {o[2]:>7.1f}"
              f"   {a[0] / o[0]:>11.2f} {a[1] / o[1]:>9.2f}")
    print("\nratios are athar / oxigraph: req/s below 1 and p50 above 1 mean athar is slower")


if __name__ == "__main__":
    main()
