"""A task on the store run in a worker process, killed when it runs over its time limit.

:func:`in_worker` opens the store read-only in a worker process (forked where the system
allows, so the modules the command imported are not imported again; from a clean process of its
own, forkserver, once this process compacted a store: :func:`athar.graph.store.may_fork`), runs the task there and
returns what it returns: a small value (a query's results, or the summary of a page whose rows
the task wrote to a file itself). The engine cannot be stopped from within once it runs a
query, so the process is: the caller's error says the time limit was met. An error of the task
comes back as the same kind of error (a store's, an output's, else a query's), on one line; a
crash of the engine is an error, not the end of the caller.
"""

from __future__ import annotations

import gc
import multiprocessing
import signal
from collections.abc import Callable
from pathlib import Path

from athar.errors import QueryError, RenderError, StoreError
from athar.graph.store import Store, may_fork

_KINDS = {"StoreError": StoreError, "RenderError": RenderError}  # any other error: a QueryError


def in_worker(store_path: str | Path, task: Callable, args: tuple, timeout: float):
    """``task(store, *args)`` in a worker process that opens the store at ``store_path``
    read-only; killed after ``timeout`` seconds (a :class:`QueryError` then)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and may_fork():
        context = multiprocessing.get_context("fork")
    elif "forkserver" in methods:  # a clean process forks the workers, the task's module loaded once
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([task.__module__])
    else:
        context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(str(store_path), task, args, send), daemon=True)
    worker.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise QueryError(f"the query ran over its time limit of {timeout:g} s and was stopped; "
                             "narrow it (LIMIT, more specific patterns) or give --timeout SECONDS")
        try:
            outcome = receive.recv()
        except EOFError:
            worker.join(5)
            code = worker.exitcode
            cause = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit {code}"
            raise QueryError(f"the query engine stopped without an answer ({cause})") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join(5)
        receive.close()
    kind, value = outcome
    if kind == "ok":
        return value
    raise _KINDS.get(kind, QueryError)(value)


def _work(store_path: str, task: Callable, args: tuple, send) -> None:
    gc.disable()  # a process of one task: its garbage goes with it (evidence's 49,878 rows walked no more)
    try:
        with Store(store_path, read_only=True) as store:
            value = task(store, *args)
        send.send(("ok", value))
    except (QueryError, StoreError, RenderError) as e:
        kind = "StoreError" if isinstance(e, StoreError) else "RenderError" if isinstance(e, RenderError) else "QueryError"
        send.send((kind, " ".join(str(e).split())))
    except Exception as e:  # the engine's own error: its text, on one line
        send.send(("QueryError", " ".join(f"{type(e).__name__}: {e}".split())))
    finally:
        send.close()


__all__ = ["in_worker"]
