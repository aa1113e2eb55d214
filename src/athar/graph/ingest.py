"""Ingest: documents in, named graphs out, through every extraction stage.

A build streams the paths it is given: each file's bytes are hashed and compared with the
hash the store holds for that document (a batch of look-ups at a time), an unchanged document
is skipped, the others are read in worker processes (:mod:`athar.graph.workers`, ``jobs``) or
in this one, and their graphs are written in batches (:meth:`Store.write_graphs`: a new
graph by the bulk loader, a changed one replaced in its own transaction). Files ``athar
extract`` wrote (``.nq``, one document's graph each) are loaded the same way. At most a
window of documents and one batch of quads are held at once, whatever the corpus's size.

One document's failure does not stop the others: the error is recorded with
the file's name and the rest are loaded.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from rdflib import OWL, Literal

from athar.errors import DocumentError, PipelineError, StoreError
from athar.graph.extract import (GRAPH_SUFFIX, Extracted, extract_file, file_hash, graph_of, header,
                                 read_graph_file, reader_digest)
from athar.graph.provenance import (Folder, Places, documents_in, drop_missing, elsewhere, folder_iri, forget_sources,
                                    path_of, record_sources, resolved, stored_hashes, stored_sources)
from athar.graph.rdf import GAZETTEER_GRAPH, gazetteer_graph, refresh_entities
from athar.graph.reason import INFERRED_GRAPH
from athar.graph.store import Store
from athar.graph.terms import MAPPINGS_GRAPH, MAPPINGS_PATH, ONTOLOGY_GRAPH, ONTOLOGY_PATH, PREFIXES
from athar.graph.workers import Workers
from athar.read.pipeline import Pipeline

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md")
DOCUMENT_SUFFIXES = (*TEXT_SUFFIXES, GRAPH_SUFFIX)  # texts, and graphs 'athar extract' wrote
BATCH_QUADS = 200_000  # quads written to the store at once, at most (about 40 MB of N-Quads)
_LOOKUP = 256  # documents whose stored hashes one query asks for
_DOC_GRAPHS = PREFIXES["aid"] + "doc/"

# Called with the store at the end of every build and removal: derived graphs (such as the
# deduplicated graph of entities) are refreshed here, in one place. Each hook finds out itself
# whether what it is drawn from changed (refresh_entities keeps a digest of its sources), so a
# build that changed nothing costs a look-up, and one killed before its hooks ran is completed.
AFTER_CHANGE: tuple[Callable[[Store], object], ...] = (refresh_entities,)
# A build or removal that changed at least 1/COMPACT_SHARE of the store's documents leaves the
# store compacted (Store.compact: the queries' look-ups seek in one file per index, not in every
# batch's). A compaction costs the store's size, at most COMPACT_SHARE times what the change
# wrote: the cost stays linear in what is written, and a correction of a few documents in a
# large store costs nothing more.
COMPACT_SHARE = 4


@dataclass
class BuildReport:
    documents: int = 0
    entities: int = 0
    events: int = 0
    relations: int = 0
    triples: int = 0
    skipped: int = 0  # unchanged since the store read them: same bytes, same reader
    removed: int = 0  # stored from a folder of this build, and no longer in it
    errors: list[str] = field(default_factory=list)


def collect_paths(paths: Iterable[str | Path], errors: list[str] | None = None,
                  folders: list[Folder] | None = None) -> list[tuple[Path, str]]:
    """Files named directly, and the text files inside directories (sorted), each with its
    identity: its path under the folder given, with the folder's name ("corpus/a/report.txt");
    a file named directly, its folder's name and its own ("corpus/report.txt"). A folder with
    no document, or a path that cannot even be looked at (a name over the system's limit), is an
    error added to ``errors`` (raised when no list is given); so is a sub-folder that cannot be
    listed (its folder is then marked incomplete in ``folders``). Anything with a document's
    suffix that is not a folder is kept, so that what it is (a FIFO, a broken link, a link loop)
    is said when it is read, not passed over in silence. ``folders``, when given, receives each
    folder of ``paths`` with the identities found in it."""
    out: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        try:
            if p.is_dir():
                root = p.resolve()
                folder = Folder(root)
                found = sorted(_walk(p, folder, errors))
                if not found:
                    raise DocumentError(f"{p}: no .txt or .md documents in this directory")
                keys = [f"{root.name}/{q.relative_to(p).as_posix()}" for q in found]
                out += zip(found, keys)
                folder.keys.update(keys)
                if folders is not None:
                    folders.append(folder)
            else:
                out.append((p, f"{resolved(p.parent).name}/{p.name}"))
        except (OSError, DocumentError) as e:
            problem = e if isinstance(e, DocumentError) else \
                DocumentError(f"{p}: cannot be read ({e.strerror or e})")
            if errors is None:
                raise problem from (None if e is problem else e)
            errors.append(str(problem))
    return out


def _walk(top: Path, folder: Folder, errors: list[str] | None) -> Iterator[Path]:
    """The files with a document's suffix under ``top`` (symbolic links to folders not followed);
    a sub-folder that cannot be listed is an error, and leaves ``folder`` incomplete."""

    def unlisted(e: OSError) -> None:
        folder.complete = False
        problem = DocumentError(f"{e.filename}: cannot be listed ({e.strerror or e}); its documents were not "
                                f"built, and no document of {top} was taken as gone")
        if errors is None:
            raise problem
        errors.append(str(problem))

    for where, _, names in os.walk(top, onerror=unlisted):
        for name in names:
            if Path(name).suffix in DOCUMENT_SUFFIXES:
                q = Path(where) / name
                if not q.is_dir():
                    yield q


def load_background(store: Store, pipeline: Pipeline, *, unless_loaded: bool = False) -> None:
    """The ontology, its mappings and the gazetteer of the pipeline's language, each in its own
    named graph; the inferred graph of an earlier ``build --reason`` is dropped, since what it
    says was drawn from graphs this build replaces (``--reason`` draws it again afterwards).
    With ``unless_loaded`` (athar's own language), graphs the store holds from the same
    ontology, mappings and reader are left as they are: the gazetteer graph, written last,
    carries their digest (``owl:versionInfo``)."""
    store.drop_graph(str(INFERRED_GRAPH))
    version = Literal(f"background {_background_digest()}")
    if unless_loaded and store.query(f"ASK {{ GRAPH <{GAZETTEER_GRAPH}> {{ <{GAZETTEER_GRAPH}> <{OWL.versionInfo}> "
                                     f"{version.n3()} }} }}"):
        return
    store.load_file(ONTOLOGY_PATH, str(ONTOLOGY_GRAPH))
    store.load_file(MAPPINGS_PATH, str(MAPPINGS_GRAPH))
    gazetteer = gazetteer_graph(pipeline.lang)
    gazetteer.add((GAZETTEER_GRAPH, OWL.versionInfo, version))
    store.replace_graph(str(GAZETTEER_GRAPH), gazetteer)


def _background_digest() -> str:
    h = hashlib.sha256(reader_digest().encode())
    for path in (ONTOLOGY_PATH, MAPPINGS_PATH):
        h.update(Path(path).read_bytes())
    return h.hexdigest()[:16]


def build(store: Store, paths: Iterable[str | Path], progress: Callable[[int], None] | None = None,
          pipeline: Pipeline | None = None, jobs: int = 1, keep_missing: bool = False) -> BuildReport:
    """Read, extract and load every document of ``paths`` (files and folders); collect errors
    instead of stopping. A folder's documents stored by an earlier build and no longer in it
    are dropped, unless ``keep_missing``."""
    errors: list[str] = []
    folders: list[Folder] = []
    found = collect_paths(paths, errors, folders)
    report = ingest_all(store, found, progress, pipeline, jobs=jobs, folders=folders, keep_missing=keep_missing)
    report.errors[:0] = errors
    return report


def ingest_all(store: Store, found: list[tuple[Path, str]], progress: Callable[[int], None] | None = None,
               pipeline: Pipeline | None = None, jobs: int = 1, folders: list[Folder] = (),
               keep_missing: bool = False) -> BuildReport:
    """Read, extract and load the documents :func:`collect_paths` found, in ``jobs`` worker
    processes (1: in this process, with ``pipeline``); skip those the store holds unchanged;
    collect errors instead of stopping. ``progress`` is called with the number of documents
    done (stored, skipped or refused). Two documents never share a graph: a second file with
    the identity of one already read is refused, not written over it (the same file named twice
    is read once), and so is a file with the identity of a stored document read from another
    file that is still there. Each document's file (and folder, of ``folders``) is recorded
    (:mod:`athar.graph.provenance`); once every document is written, the documents recorded
    as read from one of ``folders`` and not found in it now are dropped (unless ``keep_missing``,
    or the folder could not be listed whole): a build stopped before its end drops nothing."""
    if pipeline is not None and jobs > 1:
        raise PipelineError("a pipeline of your own runs in this process: build with jobs=1")
    report = BuildReport()
    load_background(store, pipeline or Pipeline(), unless_loaded=pipeline is None)
    pipeline = pipeline or Pipeline()
    done = [0]

    def tick(n: int = 1) -> None:
        done[0] += n
        if progress:
            progress(done[0])

    def refuse(error: str) -> None:
        log.debug("%s", error)  # the report carries it; its caller says it once
        report.errors.append(error)
        tick()

    batch = _Batch(store, report)
    places = Places(folders)
    with ExitStack() as stack:
        tasks = _plan(store, found, reader_digest(), report, refuse, tick, pipeline if jobs == 1 else None, places)
        # Group commit: what is ready is written when the reader would wait for more (after each
        # document read in this process), or when it reaches BATCH_QUADS: small batches while
        # the store keeps up, large ones (the bulk loader's) when it is the slower side.
        if jobs > 1:
            workers = stack.enter_context(Workers(jobs))
            results: Iterator[Extracted] = workers.run(_call, tasks, inline=lambda task: task[0] is read_graph_file,
                                                       idle=batch.write)
        else:
            results = (_call(*task) for task in tasks)
        for result in results:
            if result.error:
                refuse(result.error)
                continue
            batch.add(result)
            tick()
            if jobs == 1 and not result.path.endswith(GRAPH_SUFFIX):
                batch.write()
        batch.write()
    if not keep_missing:
        report.removed = drop_missing(store, places)
    store.flush()
    _after_change(store)  # also when nothing was stored: a build killed before its hooks ran left them to do
    _compact_after(store, report.documents + report.removed)
    return report


def _call(function: Callable[..., Extracted], *args) -> Extracted:
    return function(*args)


def _plan(store: Store, found: list[tuple[Path, str]], digest: str, report: BuildReport,
          refuse: Callable[[str], None], tick: Callable[[int], None], pipeline: Pipeline | None,
          places: Places) -> Iterator[tuple]:
    """The work a build has to do, as tasks ``(function, *args)``: the documents of ``found``
    that are new or changed, a few hundred looked up in the store at a time (their sources
    recorded before any of them is written). Unchanged documents are counted as skipped; a
    second file with an identity already taken (in this build, or by a stored document whose
    file is still there) is refused."""
    taken: dict[str, tuple[Path, str]] = {}
    paths = iter(found)
    while chunk := list(islice(paths, _LOOKUP)):
        planned = []
        for path, key in chunk:
            if path.suffix == GRAPH_SUFFIX:
                seen = _graph_file_header(path)
                if seen is None:  # not one of ours: reading it says why
                    places.source(path, key, None)
                    yield read_graph_file, str(path)
                    continue
                graph, content_hash, reader = seen
                task = (read_graph_file, str(path))
            else:
                graph, content_hash, reader = graph_of(key), file_hash(path), digest
                task = (extract_file, str(path), key, content_hash, digest, pipeline)
            source = places.source(path, key, graph)
            first = taken.setdefault(graph, (path, key))
            if first[0] is not path:
                if resolved(first[0]) != resolved(path):
                    refuse(f"{path}: has the identity '{key}' of {first[0]}, already read in this build; "
                           "build the two in separate stores or rename one of their folders")
                else:
                    tick(1)  # the same file named twice: read once
                continue
            planned.append((graph, (content_hash, reader) if content_hash else None, task, path, key, source))
        graphs = [graph for graph, *_ in planned]
        stored, sources = stored_hashes(store, graphs), stored_sources(store, graphs)
        todo, changed = [], {}
        for graph, seen, task, path, key, source in planned:
            old = sources.get(graph)
            if graph in stored and old is not None and old[0] != source[0] and elsewhere(old[0], path):
                if stored[graph] == seen:  # the same bytes in another file: the store holds them already
                    report.skipped += 1
                    tick(1)
                else:
                    refuse(f"{path}: has the identity '{key}' of {path_of(old[0])}, which the store holds from "
                           "an earlier build; remove that one first ('athar remove' with its path) or rename "
                           "one of their folders")
                continue
            if old is not None and old[1] and source[1] is None and source[0].startswith(old[1]):
                source = (source[0], old[1])  # a file of a folder named alone: still one of that folder's
            if old != source:
                changed[graph] = source
            if seen is not None and stored.get(graph) == seen:
                report.skipped += 1
                tick(1)
            else:
                todo.append(task)
        if changed:
            record_sources(store, changed, sources)
        yield from todo


def _graph_file_header(path: Path) -> tuple[str, str, str] | None:
    """(graph, content hash, reader digest) of a file 'athar extract' wrote, from its first lines."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return None
    seen = header(head)
    if seen is None:
        return None
    return head[1:head.index(b">")].decode(), *seen


class _Batch:
    """Graphs waiting to be written, at most :data:`BATCH_QUADS` quads of them."""

    def __init__(self, store: Store, report: BuildReport):
        self.store, self.report = store, report
        self.items: list[Extracted] = []
        self.quads = 0

    def add(self, item: Extracted) -> None:
        self.items.append(item)
        self.quads += item.triples
        if self.quads >= BATCH_QUADS:
            self.write()

    def write(self) -> None:
        items, self.items, self.quads = self.items, [], 0
        if not items:
            return
        try:
            self.store.write_graphs((item.graph, item.data) for item in items)
            written = items
        except StoreError as e:
            if not isinstance(e.__cause__, SyntaxError):
                raise  # the store itself failed: no document can be written
            written = self._one_by_one(items)  # a batch is written whole or not at all: find the bad file
        for item in written:
            self.report.documents += 1
            self.report.entities += item.entities
            self.report.events += item.events
            self.report.relations += item.relations
            self.report.triples += item.triples

    def _one_by_one(self, items: list[Extracted]) -> list[Extracted]:
        written = []
        for item in items:
            try:
                self.store.write_graphs([(item.graph, item.data)])
                written.append(item)
            except StoreError as e:
                if not isinstance(e.__cause__, SyntaxError) or not item.path.endswith(GRAPH_SUFFIX):
                    raise
                self.report.errors.append(f"{item.path}: not valid N-Quads ({e.__cause__}); "
                                          "write it again with 'athar extract'")
        return written


def remove(store: Store, targets: Iterable[str | Path]) -> tuple[list[str], list[str]]:
    """Drop documents from the store, each named by its identity ("corpus/report.txt"), its
    file (or a folder of them) or its graph's IRI; return (the graphs dropped, one error line
    for each target that names no document of the store). Other documents keep their facts,
    those about entities they share with the dropped ones included."""
    removed: list[str] = []
    errors: list[str] = []
    for target in targets:
        graphs = _graphs_named(store, target, errors)
        for graph in graphs:
            if not graph.startswith(_DOC_GRAPHS) or not store.query(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"):
                errors.append(f"{target}: no such document in the store; give its identity as 'athar build' "
                              "stored it (the folder's name and its path under it: corpus/report.txt) or its file")
                continue
            store.drop_graph(graph)
            removed.append(graph)
    if removed:
        forget_sources(store, removed)
        store.drop_graph(str(INFERRED_GRAPH))  # drawn from graphs that are gone: build --reason draws it again
        store.flush()
        _after_change(store)
        _compact_after(store, len(removed))
    return removed, errors


def _graphs_named(store: Store, target: str | Path, errors: list[str]) -> list[str]:
    """The document graphs a target of :func:`remove` names (a folder that is gone: the
    documents recorded as read from it)."""
    text = str(target)
    if text.startswith(("http://", "https://")):
        return [text]
    if not Path(text).exists():
        return documents_in(store, folder_iri(resolved(Path(text)))) or [graph_of(text)]
    graphs = []
    for path, key in collect_paths([text], errors):
        if path.suffix == GRAPH_SUFFIX:
            seen = _graph_file_header(path)
            graphs += [seen[0]] if seen else []
        else:
            graphs.append(graph_of(key))
    return graphs


def _after_change(store: Store) -> None:
    for refresh in AFTER_CHANGE:
        refresh(store)


def _compact_after(store: Store, changed: int) -> None:
    """Compact the store when ``changed`` documents are a large share of those it holds now."""
    if changed and changed * COMPACT_SHARE >= sum(1 for g in store.graphs() if g.startswith(_DOC_GRAPHS)):
        store.compact()
