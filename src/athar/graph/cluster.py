"""The map step over a corpus: every document's graph written as one N-Quads file, by local
worker processes or by a Dask cluster.

``athar extract DIR -o OUT/`` writes ``OUT/<identity>.nq`` for each document (``OUT/corpus/
report.txt.nq``); ``athar build OUT/`` loads them. The step is incremental like a build: a
document whose file in ``OUT`` already opens with its content hash and the reader's digest is
not read again. With Dask, each task reads a file and writes its graph where the workers
see ``OUT`` (a shared folder when they run on other machines); only counts and error lines
travel back. Once every document is done, the graph files under ``OUT/<folder name>/`` of a
folder given whose documents are no longer in it are deleted (unless ``keep_missing``), so that
``athar build OUT/`` drops them from the store in turn.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from athar.errors import ClusterError
from athar.graph.extract import GRAPH_SUFFIX, Extracted, extract_file, file_hash, header, reader_digest
from athar.graph.provenance import Folder
from athar.graph.workers import Workers


@dataclass
class ExtractReport:
    documents: int = 0
    skipped: int = 0
    triples: int = 0
    removed: int = 0  # graph files of documents no longer in their folder, deleted
    errors: list[str] = field(default_factory=list)


def extract_folder(found: list[tuple[Path, str]], out: str | Path, jobs: int = 1, scheduler: str | None = None,
                   progress: Callable[[int], None] | None = None, folders: Iterable[Folder] = (),
                   keep_missing: bool = False) -> ExtractReport:
    """Write the graph of every text document of ``found`` (from :func:`collect_paths`) under
    ``out``, in ``jobs`` local processes, or on the Dask cluster at ``scheduler`` ("local":
    a cluster of ``jobs`` worker processes on this machine, started and stopped here); then,
    unless ``keep_missing``, delete the graph files of ``folders`` (listed whole) whose
    documents are no longer in them."""
    out = Path(out).resolve()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ClusterError(f"{out}: cannot make the output folder ({e.strerror or e})") from e
    report = ExtractReport()
    digest = reader_digest()
    done = 0

    def count(result: Extracted | None) -> None:
        nonlocal done
        done += 1
        if result is None:
            report.skipped += 1
        elif result.error:
            report.errors.append(result.error)
        else:
            report.documents += 1
            report.triples += result.triples
        if progress:
            progress(done)

    tasks = _tasks(found, out, digest, lambda: count(None))
    if scheduler:
        results = _on_dask(scheduler, jobs, tasks)
    elif jobs > 1:
        workers = Workers(jobs)
        results = _closing(workers, workers.run(_call, tasks))
    else:
        results = (_call(*task) for task in tasks)
    for result in results:
        count(result)
    if not keep_missing:
        report.removed = _delete_missing(out, folders, report.errors)
    return report


def _delete_missing(out: Path, folders: Iterable[Folder], errors: list[str]) -> int:
    """Delete ``OUT/<folder name>/**.nq`` of the documents no longer in their folder."""
    deleted = 0
    for folder in folders:
        if not folder.complete:
            continue
        for graph in sorted((out / folder.path.name).rglob(f"*{GRAPH_SUFFIX}")):
            if graph.relative_to(out).as_posix()[:-len(GRAPH_SUFFIX)] not in folder.keys:
                try:
                    graph.unlink()
                    deleted += 1
                except OSError as e:
                    errors.append(f"{graph}: the graph of a document no longer in {folder.path} cannot be deleted "
                                  f"({e.strerror or e}); delete it by hand")
    return deleted


def _tasks(found: list[tuple[Path, str]], out: Path, digest: str, skip: Callable[[], None]) -> Iterator[tuple]:
    for path, key in found:
        if path.suffix == GRAPH_SUFFIX:
            continue
        content_hash = file_hash(path)
        if content_hash and _written(out / f"{key}{GRAPH_SUFFIX}") == (content_hash, digest):
            skip()
            continue
        yield extract_file, str(path), key, content_hash, digest, None, str(out)


def _written(path: Path) -> tuple[str, str] | None:
    try:
        with open(path, "rb") as f:
            return header(f.read(4096))
    except OSError:
        return None


def _call(function, *args) -> Extracted:
    return function(*args)


def _closing(workers: Workers, results: Iterator[Extracted]) -> Iterator[Extracted]:
    with workers:
        yield from results


def _on_dask(scheduler: str, jobs: int, tasks: Iterator[tuple]) -> Iterator[Extracted]:
    """Run the tasks on a Dask cluster, at most a few per worker thread submitted at once."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as e:
        raise ClusterError("Dask is not installed; install athar's 'dist' extra (pip install 'athar[dist]')") from e
    cluster = None
    try:
        if scheduler == "local":
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as e:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"{scheduler}: cannot reach the Dask scheduler ({e})") from e
    try:
        window = 4 * max(1, sum(client.nthreads().values()))
        pending = as_completed()
        for task in tasks:
            pending.add(client.submit(_call, *task, pure=False))
            if pending.count() >= window:
                yield next(pending).result()
        for future in pending:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


__all__ = ["ExtractReport", "extract_folder"]
