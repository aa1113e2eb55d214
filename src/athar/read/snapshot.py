"""A language's compiled tables, kept in a file between processes.

Building a :class:`~athar.read.language.Language`'s matchers, word sets, lemmas and rules
from its TSV tables cost about 40 ms at every start, a tenth of reading the 96 articles of
data/eval cold. The first process to build them writes what it built (every value of
:func:`~athar.read.language.language_data` that pickles) to one file; the next processes
load it in a few milliseconds and build only the rest.

The file is named by a digest of everything the values are made of: the Python version,
the source of ``athar.read`` (the code that builds them) and the text of every table. A
change to any of them names another file, so a stale file is never read (old files are left
for the user to delete: each is about 1 MB). It lives in ``$ATHAR_CACHE/tables``, else
``$XDG_CACHE_HOME/athar/tables``, else ``~/.cache/athar/tables``; ``ATHAR_TABLE_CACHE=off``
turns it off. A folder that cannot be written or a file that cannot be read is ignored: the
language builds its tables as it always did. Only a language of the package's own tables
uses it (one given ``tables`` or a ``directory`` builds its own).

The collector is left alone: freezing the objects alive after the first load (``gc.freeze()``)
saved 4% of a cold read, but a library must not change how the host process collects.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from athar.read.language import Language

_PROTOCOL = 5
_SOURCES: list[str] = []  # the digest of athar.read's code, worked out once per process


def enabled() -> bool:
    return os.environ.get("ATHAR_TABLE_CACHE", "").lower() not in ("off", "0", "no")


def folder() -> Path:
    """``$ATHAR_CACHE/tables``, else ``$XDG_CACHE_HOME/athar/tables``, else ``~/.cache/athar/tables``."""
    if os.environ.get("ATHAR_CACHE"):
        return Path(os.environ["ATHAR_CACHE"]) / "tables"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "athar" / "tables"


def key_of(build: Callable) -> str:
    """The name a built value is kept under: its builder's module and name."""
    return f"{build.__module__}:{build.__qualname__}"


def _code_digest() -> str:
    if not _SOURCES:
        h = hashlib.sha256()
        package = resources.files("athar.read")
        for item in sorted(package.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".py"):
                h.update(item.name.encode())
                h.update(item.read_bytes())
        _SOURCES.append(h.hexdigest())
    return _SOURCES[0]


def path_of(lang: Language) -> Path:
    """The file of ``lang``'s compiled tables: named by the digest of Python's version,
    athar.read's code and the text of every table."""
    h = hashlib.sha256()
    h.update(f"{sys.version}\0{_PROTOCOL}\0{_code_digest()}".encode())
    for name in lang.names():
        h.update(f"\0{name}\0".encode())
        h.update(lang.text_of(name).encode())
    return folder() / f"{h.hexdigest()[:32]}.pickle"


_LANGUAGE = "language"  # what a kept value holds in place of the language it was built for


class _Pickler(pickle.Pickler):
    """A value that holds its language (the date words' lexicon, an index of the amount words)
    is kept with a mark where the language was: the language itself (its lock, its tables) is
    no value to keep, and the one that loads the file takes its place."""

    def __init__(self, file, lang: Language | None):
        super().__init__(file, protocol=_PROTOCOL)
        self._lang = lang

    def persistent_id(self, obj: object) -> str | None:
        return _LANGUAGE if obj is not None and obj is self._lang else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, lang: Language | None):
        super().__init__(file)
        self._lang = lang

    def persistent_load(self, pid: object) -> object:
        if pid != _LANGUAGE or self._lang is None:
            raise pickle.UnpicklingError(f"a kept value refers to {pid!r}, which is no language to load")
        return self._lang


def load(path: Path, lang: Language | None = None) -> dict[str, object] | None:
    """The values kept in ``path`` (``lang``: the language that takes the place of the one they
    were built for); None when it is missing or cannot be read."""
    collecting = gc.isenabled()
    gc.disable()  # 150,000 new objects, none of them garbage: a fifth faster without collections
    try:
        with open(path, "rb") as f:
            values = _Unpickler(f, lang).load()
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or foreign file: build the tables again and write it anew
        return None
    finally:
        if collecting:
            gc.enable()
    return values if isinstance(values, dict) else None


def save(path: Path, built: Iterable[tuple[str, object]], lang: Language | None = None) -> None:
    """Keep every value of ``built`` that pickles (with the others it shares objects with) in
    ``path``, written whole or not at all; nothing when the folder cannot be written. ``lang``:
    the language they were built for, kept as a mark (the loading language takes its place)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tables-", suffix=".tmp")
    except OSError:
        return
    try:
        values = {}
        for key, value in built:
            try:
                _Pickler(io.BytesIO(), lang).dump(value)
            except Exception:  # noqa: S112 (a closure, a lock: built again in each process)
                continue
            values[key] = value
        with os.fdopen(fd, "wb") as f:
            _Pickler(f, lang).dump(values)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError, RecursionError):
        pass
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
