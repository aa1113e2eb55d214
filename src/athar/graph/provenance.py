"""Where each document of the store was read from: what lets a new build of a folder drop the
documents that are no longer in it, and only those.

The named graph ``aid:graph/sources`` states, for each document graph, the file it was read
from and, when the build was given a folder, that folder::

    <aid:doc/news%2Fx.txt> prov:hadPrimarySource <file:///data/news/x.txt> ;
                           dcterms:isPartOf <file:///data/news/> .

A build records these for the documents it plans (before writing them: a build stopped
half-way leaves no document it wrote without its source); a build of a folder then drops the
documents recorded as part of that folder that it did not find in it. Documents built from
other folders, or from files named directly, carry another folder or none, and stay. The
graph is bookkeeping about how this store was built: two stores holding the same documents
built in other ways differ in it, and in nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from rdflib.namespace import DCTERMS, PROV

from athar.graph.reason import INFERRED_GRAPH
from athar.graph.terms import AID, ATHAR

log = logging.getLogger(__name__)

SOURCES_GRAPH = AID["graph/sources"]
_FILE = str(PROV.hadPrimarySource)
_FOLDER = str(DCTERMS.isPartOf)
_CHUNK = 256  # graphs named in one query or update
_TEXT_SUFFIXES = (".txt", ".md")  # the files a document is read from (not the graphs 'athar extract' wrote)


@dataclass
class Folder:
    """A folder a build was given: its resolved path, the identities of the documents found in
    it, and whether every sub-folder could be listed (if not, nothing of it is taken as gone)."""

    path: Path
    keys: set[str] = field(default_factory=set)
    complete: bool = True


class Places:
    """Where each document of a build comes from: its folder (of those the build was given) and
    the document graphs seen in each folder."""

    def __init__(self, folders: Iterable[Folder]):
        self.folders = list(folders)
        self._of = {key: folder for folder in self.folders for key in folder.keys}
        self.seen: dict[Path, set[str]] = {folder.path: set() for folder in self.folders}

    def source(self, path: Path, key: str, graph: str | None) -> tuple[str, str | None]:
        """(file IRI, folder IRI or None) of a document; notes its graph as seen in its folder
        (a document whose graph cannot be told leaves its folder incomplete)."""
        folder = self._of.get(key)
        if folder is not None:
            if graph is None:
                folder.complete = False
            else:
                self.seen[folder.path].add(graph)
        if folder is None:
            return file_iri(resolved(path)), None
        # the file as listed under the folder's resolved path (a file in it is named by its place
        # there, with no system call: resolving every file cost a tenth of a load of N-Quads)
        return file_iri(folder.path / key.split("/", 1)[1]), folder_iri(folder.path)


def drop_missing(store, places: Places) -> int:
    """Drop the documents recorded as read from a folder of this build (one listed whole) and
    not found in it now; return how many were dropped."""
    gone: list[str] = []
    for folder in places.folders:
        if folder.complete:
            gone += [g for g in documents_in(store, folder_iri(folder.path)) if g not in places.seen[folder.path]]
    stored = list(stored_hashes(store, gone))  # a source recorded by a build stopped before the document was written
    for graph in stored:
        store.drop_graph(graph)
        log.info("%s: no longer in its folder; dropped", graph)
    forget_sources(store, gone)
    if stored:
        store.drop_graph(str(INFERRED_GRAPH))  # drawn from graphs that are gone: build --reason draws it again
    return len(stored)


def elsewhere(recorded: str, path: str | Path) -> bool:
    """Whether a text document recorded as read from the file ``recorded`` would now be read from
    another text file, while the recorded one is still there (two files with one identity)."""
    old = path_of(recorded)
    if old.suffix not in _TEXT_SUFFIXES or Path(path).suffix not in _TEXT_SUFFIXES:
        return False  # a graph 'athar extract' wrote is the text's own graph, read in another form
    try:
        return old.exists() and not old.samefile(path)
    except OSError:
        return False


def resolved(p: Path) -> Path:
    """The absolute path of ``p``, symbolic links followed where they lead somewhere (a link
    loop is left as it is: reading it says what it is)."""
    try:
        return p.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return p.absolute()


def stored_hashes(store, graphs: list[str]) -> dict[str, tuple[str, str]]:
    """The (content hash, reader digest) the store holds for each of ``graphs`` that it holds."""
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(graphs), _CHUNK):
        values = " ".join(f"<{g}>" for g in graphs[start:start + _CHUNK])
        rows = store.query(f"SELECT ?g ?h ?d WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ "
                           f"?g <{ATHAR.contentHash}> ?h ; <{ATHAR.extractedBy}> ?d }} }}")
        found.update((row["g"].value, (row["h"].value, row["d"].value)) for row in rows)
    return found


def file_iri(path: Path) -> str:
    """The ``file:`` IRI of an absolute path (percent-encoded: any name is a valid IRI)."""
    return path.as_uri()


def folder_iri(path: Path) -> str:
    """The ``file:`` IRI of a folder, with its closing slash."""
    return path.as_uri().rstrip("/") + "/"


def path_of(iri: str) -> Path:
    """The path a ``file:`` IRI names."""
    return Path(unquote(urlsplit(iri).path))


def stored_sources(store, graphs: list[str]) -> dict[str, tuple[str, str | None]]:
    """(file IRI, folder IRI or None) recorded for each of ``graphs`` that has a source."""
    found: dict[str, tuple[str, str | None]] = {}
    for start in range(0, len(graphs), _CHUNK):
        values = " ".join(f"<{g}>" for g in graphs[start:start + _CHUNK])
        rows = store.query(f"SELECT ?g ?f ?d WHERE {{ VALUES ?g {{ {values} }} GRAPH <{SOURCES_GRAPH}> {{ "
                           f"?g <{_FILE}> ?f OPTIONAL {{ ?g <{_FOLDER}> ?d }} }} }}")
        for row in rows:
            found[row["g"].value] = (row["f"].value, row["d"].value if row["d"] is not None else None)
    return found


def record_sources(store, sources: dict[str, tuple[str, str | None]],
                   recorded: dict[str, tuple[str, str | None]]) -> None:
    """Record (file IRI, folder IRI or None) as the source of each document graph of ``sources``,
    in place of what ``recorded`` (:func:`stored_sources`) says was recorded before: one update
    (one transaction of the store) per few hundred, of the triples themselves (no pattern to
    match: the cost does not grow with the store)."""
    items = list(sources.items())
    for start in range(0, len(items), _CHUNK):
        chunk = items[start:start + _CHUNK]
        old = [_triples(g, *recorded[g]) for g, _ in chunk if g in recorded]
        new = [_triples(g, *source) for g, source in chunk]
        store.update((f"DELETE DATA {{ GRAPH <{SOURCES_GRAPH}> {{\n" + "\n".join(old) + "\n} } ;\n" if old else "")
                     + f"INSERT DATA {{ GRAPH <{SOURCES_GRAPH}> {{\n" + "\n".join(new) + "\n} }")


def forget_sources(store, graphs: Iterable[str]) -> None:
    """Drop what is recorded of the sources of ``graphs`` (documents removed from the store)."""
    graphs = list(graphs)
    for start in range(0, len(graphs), _CHUNK):
        store.update(" ;\n".join(f"DELETE WHERE {{ GRAPH <{SOURCES_GRAPH}> {{ <{g}> ?p ?o }} }}"
                                  for g in graphs[start:start + _CHUNK]))


def documents_in(store, folder: str) -> list[str]:
    """The document graphs recorded as read from the folder whose IRI is ``folder``."""
    rows = store.query(f"SELECT ?g WHERE {{ GRAPH <{SOURCES_GRAPH}> {{ ?g <{_FOLDER}> <{folder}> }} }}")
    return sorted(row["g"].value for row in rows)


def _triples(graph: str, file: str, folder: str | None) -> str:
    return f"<{graph}> <{_FILE}> <{file}> ." + (f" <{graph}> <{_FOLDER}> <{folder}> ." if folder else "")


__all__ = ["SOURCES_GRAPH", "Folder", "Places", "documents_in", "drop_missing", "elsewhere", "file_iri", "folder_iri",
           "forget_sources", "path_of", "record_sources", "resolved", "stored_hashes", "stored_sources"]
