"""Crash safety of a build: ``athar build`` (the real command line, in a process of its own) is
killed with SIGKILL at random points of a build of 32 documents, and after each kill

- the store opens (read and written, as the next build opens it);
- every document graph in it is whole: its triple count is the count a clean build gives
  for that document, none is partial, and no graph is there that a clean build has not;
- building again completes it: the same graphs with the same counts as the clean build.

The documents are the articles of data/corpus copied under other names, so each is a graph
of its own. RELIABILITY.md ("Durability") gives the figures of this test.
"""

from __future__ import annotations

import gc
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from athar.graph.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
COPIES = 8  # of the 4 articles: 32 documents
TRIALS = int(os.environ.get("ATHAR_CRASH_TRIALS", "20"))
DOC_GRAPH = "https://w3id.org/athar/id/doc/"
KEYS = "https://w3id.org/athar/id/graph/keys"
COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def _athar_build(work: Path, store: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "athar", "build", "news", "--store", store, "-q"],
                            cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _graph_counts(path: Path) -> dict[str, int]:
    """Triples per named graph, the store opened for writing as a build opens it (a store that
    a crash left unopenable fails here)."""
    store = Store(path)
    try:
        return {row[0].value: int(row[1].value) for row in store._ox.query(COUNTS)}
    finally:
        store.close()
        del store
        gc.collect()


def _keys_marked_current(path: Path) -> bool:
    """Whether the keys graph records the entities graph's state (what a reader checks before it
    pages from it, :func:`athar.graph.pagekey.keys_current`)."""
    store = Store(path)
    try:
        return bool(store._ox.query(f"ASK {{ GRAPH <{KEYS}> {{ <{KEYS}> <{KEYS}#state> ?s }} }}"))
    finally:
        store.close()
        del store
        gc.collect()


def _processes_in(work: Path) -> list[str]:
    """The processes whose command line names ``work`` (a build's workers carry its folder in
    their path), but this test's own."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            line = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if str(work) in line:
            found.append(f"{proc.name}: {line[:100]}")
    return found


def _wait_for_store(build: subprocess.Popen, path: Path) -> float:
    """When the build made its store (the process started and read its arguments)."""
    deadline = time.monotonic() + 60
    while not path.exists() and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    return time.monotonic()


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """A folder of 32 documents and the graphs a clean, uninterrupted build gives them."""
    work = tmp_path_factory.mktemp("crash")
    folder = work / "news"
    folder.mkdir()
    for i in range(COPIES):
        for article in sorted(CORPUS.glob("*.txt")):
            shutil.copyfile(article, folder / f"copy{i}-{article.name}")
    build = _athar_build(work, "clean")
    opened = _wait_for_store(build, work / "clean")
    out, err = build.communicate(timeout=300)
    assert build.returncode == 0, err
    seconds = time.monotonic() - opened  # from the store's opening to the build's end
    clean = _graph_counts(work / "clean")
    documents = [g for g in clean if g.startswith(DOC_GRAPH)]
    assert len(documents) == COPIES * 4
    return work, clean, seconds


def test_a_killed_build_leaves_whole_graphs_and_a_rerun_completes_them(news):
    work, clean, seconds = news
    rng = random.Random(int(os.environ.get("ATHAR_CRASH_SEED", "20261206")))
    outcomes = []  # the documents stored when each kill fell
    # Kills fall at random points after the store opens, in a window that narrows onto the
    # ingest: a kill after the last document lowers its end, one before the first raises its start.
    low, high = 0.0, seconds
    for trial in range(TRIALS):
        store = f"store-{trial}"
        build = _athar_build(work, store)
        _wait_for_store(build, work / store)
        delay = rng.uniform(low, high)
        time.sleep(delay)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=30)
        counts = _graph_counts(work / store)
        for graph, n in counts.items():
            assert graph in clean, f"trial {trial}: a graph no clean build makes: {graph}"
            if graph == KEYS and n != clean[graph]:
                # drawn a slice at a time, its state recorded last: a partial keys graph is one no
                # reader trusts (a graph of one slice, as here, is added whole or not at all)
                assert not _keys_marked_current(work / store), (
                    f"trial {trial}: the keys graph holds {n} triples, a clean build {clean[graph]}, "
                    "and records its state: readers would page from a partial graph")
                continue
            assert n == clean[graph], (f"trial {trial}: {graph} holds {n} triples, a clean build "
                                       f"{clean[graph]}: a partial graph")
        outcomes.append(sum(g.startswith(DOC_GRAPH) for g in counts))
        if outcomes[-1] == COPIES * 4:
            high = max(delay, low + 0.3)
        elif outcomes[-1] == 0:
            low = min(delay, high - 0.3)
        rerun = _athar_build(work, store)
        _, err = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, f"trial {trial}: the build after the kill failed: {err}"
        assert _graph_counts(work / store) == clean, f"trial {trial}: the rerun did not give the clean graphs"
        shutil.rmtree(work / store)
    # the killed builds' worker processes (and their fork server) end with them: none is left
    deadline = time.monotonic() + 10
    while (left := _processes_in(work)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not left, f"processes of killed builds still running: {left}"
    partial = [n for n in outcomes if 0 < n < COPIES * 4]
    print(f"\ncrash safety: {TRIALS} kills over a build of {seconds:.1f} s (after the store opens); "
          f"documents stored when killed: {outcomes}; {len(partial)} kills fell inside the ingest")
    # the random delays must reach the ingest itself, not only the start or the end of the process
    assert len(partial) >= TRIALS // 4, outcomes
