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
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from rdflib import OWL, Literal

from athar.errors import DocumentError, PipelineError, StoreError
from athar.graph.extract import (GRAPH_SUFFIX, Extracted, extract_file, file_hash, graph_of, header,
                                 read_graph_file, reader_digest)
from athar.graph.rdf import GAZETTEER_GRAPH, gazetteer_graph, refresh_entities
from athar.graph.reason import INFERRED_GRAPH
from athar.graph.store import Store
from athar.graph.terms import (ATHAR, MAPPINGS_GRAPH, MAPPINGS_PATH, ONTOLOGY_GRAPH, ONTOLOGY_PATH,
                               PREFIXES)
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


@dataclass
class BuildReport:
    documents: int = 0
    entities: int = 0
    events: int = 0
    relations: int = 0
    triples: int = 0
    skipped: int = 0  # unchanged since the store read them: same bytes, same reader
    errors: list[str] = field(default_factory=list)


def collect_paths(paths: Iterable[str | Path], errors: list[str] | None = None) -> list[tuple[Path, str]]:
    """Files named directly, and the text files inside directories (sorted), each with its
    identity: its path under the folder given, with the folder's name ("corpus/a/report.txt");
    a file named directly, its folder's name and its own ("corpus/report.txt"). A folder with
    no document, or a path that cannot even be looked at (a name over the system's limit), is an
    error added to ``errors`` (raised when no list is given). Anything with a document's suffix
    that is not a folder is kept, so that what it is (a FIFO, a broken link, a link loop) is said
    when it is read, not passed over in silence."""
    out: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        try:
            if p.is_dir():
                root = p.resolve()
                found = sorted(q for q in p.rglob("*") if q.suffix in DOCUMENT_SUFFIXES and not q.is_dir())
                if not found:
                    raise DocumentError(f"{p}: no .txt or .md documents in this directory")
                out += [(q, f"{root.name}/{q.relative_to(p).as_posix()}") for q in found]
            else:
                out.append((p, f"{_resolved(p.parent).name}/{p.name}"))
        except (OSError, DocumentError) as e:
            problem = e if isinstance(e, DocumentError) else \
                DocumentError(f"{p}: cannot be read ({e.strerror or e})")
            if errors is None:
                raise problem from (None if e is problem else e)
            errors.append(str(problem))
    return out


def _resolved(p: Path) -> Path:
    """The absolute path of ``p``, symbolic links followed where they lead somewhere (a link
    loop is left as it is: reading it says what it is)."""
    try:
        return p.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, before Python 3.13
        return p.absolute()



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
          pipeline: Pipeline | None = None, jobs: int = 1) -> BuildReport:
    """Read, extract and load every document of ``paths`` (files and folders); collect errors
    instead of stopping."""
    errors: list[str] = []
    found = collect_paths(paths, errors)
    report = ingest_all(store, found, progress, pipeline, jobs=jobs)
    report.errors[:0] = errors
    return report


def ingest_all(store: Store, found: list[tuple[Path, str]], progress: Callable[[int], None] | None = None,
               pipeline: Pipeline | None = None, jobs: int = 1) -> BuildReport:
    """Read, extract and load the documents :func:`collect_paths` found, in ``jobs`` worker
    processes (1: in this process, with ``pipeline``); skip those the store holds unchanged;
    collect errors instead of stopping. ``progress`` is called with the number of documents
    done (stored, skipped or refused). Two documents never share a graph: a second file with
    the identity of one already read is refused, not written over it (the same file named twice
    is read once)."""
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
    with ExitStack() as stack:
        tasks = _plan(store, found, reader_digest(), report, refuse, tick, pipeline if jobs == 1 else None)
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
    store.flush()
    _after_change(store)  # also when nothing was stored: a build killed before its hooks ran left them to do
    return report


def _call(function: Callable[..., Extracted], *args) -> Extracted:
    return function(*args)


def _plan(store: Store, found: list[tuple[Path, str]], digest: str, report: BuildReport,
          refuse: Callable[[str], None], tick: Callable[[int], None], pipeline: Pipeline | None) -> Iterator[tuple]:
    """The work a build has to do, as tasks ``(function, *args)``: the documents of ``found``
    that are new or changed, a few hundred looked up in the store at a time. Unchanged
    documents are counted as skipped; a second file with an identity already taken is refused."""
    taken: dict[str, tuple[Path, str]] = {}
    paths = iter(found)
    while chunk := list(islice(paths, _LOOKUP)):
        planned = []
        for path, key in chunk:
            if path.suffix == GRAPH_SUFFIX:
                seen = _graph_file_header(path)
                if seen is None:  # not one of ours: reading it says why
                    planned.append((None, None, (read_graph_file, str(path))))
                    continue
                graph, content_hash, reader = seen
                task = (read_graph_file, str(path))
            else:
                graph, content_hash, reader = graph_of(key), file_hash(path), digest
                task = (extract_file, str(path), key, content_hash, digest, pipeline)
            first = taken.setdefault(graph, (path, key))
            if first[0] is not path:
                if _resolved(first[0]) != _resolved(path):
                    refuse(f"{path}: has the identity '{key}' of {first[0]}, already read in this build; "
                           "build the two in separate stores or rename one of their folders")
                else:
                    tick(1)  # the same file named twice: read once
                continue
            planned.append((graph, (content_hash, reader) if content_hash else None, task))
        stored = _stored_hashes(store, [graph for graph, _, _ in planned if graph])
        for graph, seen, task in planned:
            if seen is not None and stored.get(graph) == seen:
                report.skipped += 1
                tick(1)
            else:
                yield task


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


def _stored_hashes(store: Store, graphs: list[str]) -> dict[str, tuple[str, str]]:
    """The (content hash, reader digest) the store holds for each of ``graphs`` that it holds."""
    if not graphs:
        return {}
    values = " ".join(f"<{g}>" for g in graphs)
    rows = store.query(f"SELECT ?g ?h ?d WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ "
                       f"?g <{ATHAR.contentHash}> ?h ; <{ATHAR.extractedBy}> ?d }} }}")
    return {row["g"].value: (row["h"].value, row["d"].value) for row in rows}


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
        graphs = _graphs_named(target, errors)
        for graph in graphs:
            if not graph.startswith(_DOC_GRAPHS) or not store.query(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"):
                errors.append(f"{target}: no such document in the store; give its identity as 'athar build' "
                              "stored it (the folder's name and its path under it: corpus/report.txt) or its file")
                continue
            store.drop_graph(graph)
            removed.append(graph)
    if removed:
        store.drop_graph(str(INFERRED_GRAPH))  # drawn from graphs that are gone: build --reason draws it again
        store.flush()
        _after_change(store)
    return removed, errors


def _graphs_named(target: str | Path, errors: list[str]) -> list[str]:
    """The document graphs a target of :func:`remove` names."""
    text = str(target)
    if text.startswith(("http://", "https://")):
        return [text]
    if not Path(text).exists():
        return [graph_of(text)]
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
