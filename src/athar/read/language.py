"""The language object: the Arabic data athar reads with, and everything built from it.

A :class:`Language` reads its lexicons (TSV tables, see :mod:`athar.read.lexicon`) from a
folder of package data, ``athar/read/lang/ar/``, found with :mod:`importlib.resources`,
so an installed wheel reads the same data as a checkout. A test or a user may replace
any table with text of their own::

    lang = Language(tables={"events.tsv": "event\\ttriggers\\tpos\\tslots\\n..."})

Everything derived from the tables (matchers, word sets, the rules) is built on first
use and kept in the language object, never in a module global: two languages with
different tables live side by side, and dropping one drops its caches. A function that
builds such a thing is decorated with :func:`language_data` and takes the language::

    @language_data
    def stopwords(lang: Language) -> frozenset[str]: ...

    stopwords(lang)  # built once per language

A language of the package's own tables keeps what it built in a file of the user's cache
folder, for the next process to load instead of building it again (:mod:`athar.read.snapshot`;
``Language(cache=False)`` or ``ATHAR_TABLE_CACHE=off`` builds everything in the process).
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from typing import TYPE_CHECKING, TypeVar

from athar.errors import LexiconError
from athar.read import snapshot
from athar.read.lexicon import Row, parse_table
from athar.read.text import Doc, segment

if TYPE_CHECKING:
    from athar.read.source import Document

T = TypeVar("T")

# The package's own Arabic data.
DATA = resources.files("athar.read") / "lang" / "ar"


class Language:
    """Arabic as athar reads it: lexicon tables from ``directory`` (the package's data by
    default), any of them replaced by ``tables`` (file name -> TSV text); and every cache.
    ``cache``: load what an earlier process built from the same code and tables (the
    package's tables only)."""

    code = "ar"

    def __init__(self, tables: Mapping[str, str] | None = None, *, directory: Traversable | None = None,
                 cache: bool = True):
        self.directory = directory if directory is not None else DATA
        self.overrides = dict(tables or {})
        self._tables: dict[tuple[str, tuple[str, ...]], tuple[Row, ...]] = {}
        self._data: dict[Callable, object] = {}
        self._lock = threading.RLock()
        # the values built by an earlier process, kept in a file (see athar.read.snapshot): None
        # until the first value is asked for; the package's own tables only
        self._kept: dict[str, object] | None = (
            None if cache and directory is None and not tables and snapshot.enabled() else {})

    def __repr__(self) -> str:
        own = f", tables={sorted(self.overrides)}" if self.overrides else ""
        return f"Language({self.code!r}{own})"

    def names(self) -> list[str]:
        """The file names of every table this language can read."""
        found = {p.name for p in self.directory.iterdir() if p.name.endswith(".tsv")}
        return sorted(found | set(self.overrides))

    def text_of(self, name: str) -> str:
        """The TSV text of the table ``name``."""
        if name in self.overrides:
            return self.overrides[name]
        source = self.directory / name
        try:
            return source.read_text(encoding="utf-8")
        except FileNotFoundError as e:
            raise LexiconError(f"{source}: lexicon file is missing") from e
        except UnicodeDecodeError as e:
            raise LexiconError(f"{source}: not valid UTF-8") from e

    def table(self, name: str, required: tuple[str, ...]) -> tuple[Row, ...]:
        """The entries of ``name``, each checked to fill the ``required`` columns."""
        key = (name, required)
        rows = self._tables.get(key)
        if rows is None:
            rows = self._tables[key] = tuple(parse_table(self.text_of(name).splitlines(), name, required))
        return rows

    def data(self, build: Callable[[Language], T]) -> T:
        """What ``build`` makes of this language, made once and kept."""
        try:
            return self._data[build]  # type: ignore[return-value]
        except KeyError:
            pass
        with self._lock:  # built once even when two threads ask at the same time
            if build not in self._data:
                if self._kept is None:
                    self._open_snapshot()
                kept = self._kept.pop(snapshot.key_of(build), _NONE) if self._kept else _NONE
                self._data[build] = build(self) if kept is _NONE else kept
            return self._data[build]  # type: ignore[return-value]

    def _open_snapshot(self) -> None:
        """Load the values an earlier process built from the same code and tables; when there
        are none, build every value now (each component's) and keep them for the next process."""
        try:
            path = snapshot.path_of(self)
        except (LexiconError, OSError, RuntimeError, KeyError):  # a table unreadable, no home folder
            self._kept = {}  # each value built when asked for: its table's error where it is read
            return
        kept = snapshot.load(path, self)
        self._kept = kept if kept is not None else {}
        if kept is None:  # every value of athar's modules imported (a pipeline imports every component's)
            for build in list(_BUILDERS):
                if build.__module__.startswith("athar.read."):
                    try:
                        self.data(build)
                    except Exception:  # noqa: S112 (raised again where the value is asked for, as before)
                        continue
            snapshot.save(path, [(snapshot.key_of(b), self._data[b]) for b in _BUILDERS if b in self._data], self)

    def make_doc(self, text: str, meta: Document | None = None,
                 joins: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())) -> Doc:
        """The :class:`~athar.read.text.Doc` of ``text``: normalized, tokenized, split into
        sentences, read with this language; ``meta`` is its :class:`~athar.read.text.Document`;
        ``joins``: the words a line break after or before goes on with the sentence
        (:func:`athar.read.function_words.line_joins`)."""
        doc = segment(text, joins)
        doc.lang = self
        doc.meta = meta
        return doc


_NONE = object()
# every function decorated with language_data: what a language builds to fill its snapshot
_BUILDERS: list[Callable] = []


def language_data(build: Callable[[Language], T]) -> Callable[[Language], T]:
    """Make ``build(lang)`` a value of each language: built on first use, kept in it."""
    _BUILDERS.append(build)

    @functools.wraps(build)
    def get(lang: Language) -> T:
        try:  # the hot path: one dict look-up (stages ask for their tables once per trigger)
            return lang._data[build]  # type: ignore[return-value]
        except KeyError:
            return lang.data(build)

    return get


_DEFAULT: list[Language] = []


def arabic() -> Language:
    """The package's Arabic, made on first use and shared: its tables never change."""
    if not _DEFAULT:
        _DEFAULT.append(Language())
    return _DEFAULT[0]
