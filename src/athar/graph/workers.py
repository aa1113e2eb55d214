"""Worker processes: documents read in parallel, a bounded number in flight.

A :class:`Workers` runs a function of :mod:`athar.graph.extract` over tasks in ``jobs``
processes, keeping at most ``window`` tasks submitted and not yet taken back, so that memory
does not grow with the corpus when the workers read faster than the store writes. Results
come back as they complete. A worker that dies (killed, out of memory, a crash of a native
library) costs the documents it held an error line each; the pool is started again and the
build goes on. A worker ends itself when the build that started it is gone (a build killed
with SIGKILL leaves no reader behind; the fork server ends with its last worker).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from athar.graph.extract import Extracted


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class Workers:
    """``jobs`` worker processes (forked from a clean server process, athar's reading imported once)."""

    def __init__(self, jobs: int, window: int | None = None):
        self.jobs = jobs
        self.window = window or 4 * jobs
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["athar.graph.extract"])
        self._pool: ProcessPoolExecutor | None = None  # started with the first task sent away

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=self._context, initializer=_watch_parent,
                                   initargs=(os.getpid(),))

    def run(self, function: Callable[..., Extracted], tasks: Iterable[tuple],
            inline: Callable[[tuple], bool] = lambda task: False,
            idle: Callable[[], object] = lambda: None) -> Iterator[Extracted]:
        """``function(*task)`` for every task (whose first item is the document's path, or a
        function taking it first), in the order they complete; a task ``inline`` picks (one too
        cheap to send away) is run in this process. ``idle`` is called whenever no result is
        ready and this process would wait for one (a writer commits what it holds then)."""
        pending: dict[Future, tuple] = {}
        tasks = iter(tasks)
        more = True
        while more or pending:
            while more and len(pending) < self.window:
                task = next(tasks, None)
                if task is None:
                    more = False
                    break
                if inline(task):
                    yield function(*task)
                    continue
                pending[self._submit(function, task)] = task
            if not pending:
                break
            if not any(future.done() for future in pending):
                idle()
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                task = pending.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool as e:
                    broken = True
                    path = _path(task)
                    yield Extracted(path, error=f"{path}: the worker process reading it died ({e}); "
                                                "the document was not stored")
            if broken:  # every task still pending was lost with the pool: say so, start again
                for task in pending.values():
                    path = _path(task)
                    yield Extracted(path, error=f"{path}: a worker process died while it was read; "
                                                "the document was not stored (build again to retry)")
                pending.clear()
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._start()

    def _submit(self, function: Callable[..., Extracted], task: tuple) -> Future:
        if self._pool is None:
            self._pool = self._start()
        try:
            return self._pool.submit(function, *task)
        except BrokenProcessPool:
            self._pool = self._start()
            return self._pool.submit(function, *task)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _path(task: tuple) -> str:
    return str(task[1] if callable(task[0]) else task[0])


def _watch_parent(build: int) -> None:
    """In a worker: end this process when the build that started it is gone, instead of waiting
    forever for tasks no one will send, or blocking on a result no one will read. The build is
    watched by its process id, not as the worker's parent: a worker is forked from the fork
    server, which itself lives on while a worker holds its pipes."""

    def watch() -> None:
        while _alive(build):
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="athar-build-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a process of another user has the id: not ours, ours is gone
        return False
    return True


__all__ = ["Workers", "default_jobs"]
