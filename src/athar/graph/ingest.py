"""Ingest: documents in, named graphs out, through every extraction stage.

One document's failure does not stop the others: the error is recorded with
the file's name and the rest are loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from athar.errors import DocumentError, StoreError
from athar.read.pipeline import Pipeline
from athar.graph.terms import MAPPINGS_GRAPH, MAPPINGS_PATH, ONTOLOGY_GRAPH, ONTOLOGY_PATH
from athar.graph.rdf import GAZETTEER_GRAPH, build_graph, document_iri, gazetteer_graph, refresh_entities
from athar.graph.reason import INFERRED_GRAPH
from athar.graph.store import Store
from athar.read.source import Document, read_document

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".md")


@dataclass
class BuildReport:
    documents: int = 0
    entities: int = 0
    events: int = 0
    relations: int = 0
    triples: int = 0
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
                found = sorted(q for q in p.rglob("*") if q.suffix in TEXT_SUFFIXES and not q.is_dir())
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


def ingest_document(store: Store, doc: Document, pipeline: Pipeline | None = None) -> tuple[int, int, int, int]:
    """Replace the document's named graph; return (entities, events, relations, triples)."""
    facts = (pipeline or Pipeline())(doc).facts
    graph = build_graph(doc, facts)
    count = store.replace_graph(str(document_iri(doc)), graph)
    entities = {m.key for f in facts for _, m in f.roles}
    events = sum(1 for f in facts if not f.relation)
    return len(entities), events, len(facts) - events, count


def load_background(store: Store, pipeline: Pipeline) -> None:
    """The ontology, its mappings and the gazetteer of the pipeline's language, each in its own
    named graph; the inferred graph of an earlier ``build --reason`` is dropped, since what it
    says was drawn from graphs this build replaces (``--reason`` draws it again afterwards)."""
    store.drop_graph(str(INFERRED_GRAPH))
    store.load_file(ONTOLOGY_PATH, str(ONTOLOGY_GRAPH))
    store.load_file(MAPPINGS_PATH, str(MAPPINGS_GRAPH))
    store.replace_graph(str(GAZETTEER_GRAPH), gazetteer_graph(pipeline.lang))


def build(store: Store, paths: Iterable[str | Path], progress: Callable[[Path], None] | None = None,
          pipeline: Pipeline | None = None) -> BuildReport:
    """Read, extract and load every document of ``paths`` (files and folders); collect errors
    instead of stopping."""
    errors: list[str] = []
    found = collect_paths(paths, errors)
    report = ingest_all(store, found, progress, pipeline)
    report.errors[:0] = errors
    return report


def ingest_all(store: Store, found: list[tuple[Path, str]], progress: Callable[[Path], None] | None = None,
               pipeline: Pipeline | None = None) -> BuildReport:
    """Read, extract and load the documents :func:`collect_paths` found; collect errors instead
    of stopping. Two documents never share a graph: a second file with the identity of one
    already read is refused, not written over it (the same file named twice is read once)."""
    report = BuildReport()
    pipeline = pipeline or Pipeline()
    load_background(store, pipeline)
    taken: dict[str, Path] = {}
    for path, key in found:
        if progress:
            progress(path)
        try:
            first = taken.setdefault(key, path)
            if first is not path:
                if _resolved(first) == _resolved(path):
                    continue
                raise DocumentError(f"{path}: has the identity '{key}' of {first}, already read in this build; "
                                    "build the two in separate stores or rename one of their folders")
            doc = read_document(path, key=key)
            entities, events, relations, triples = ingest_document(store, doc, pipeline)
        except DocumentError as e:
            log.debug("%s", e)  # the report carries it; its caller says it once
            report.errors.append(str(e))
            continue
        except StoreError:
            raise  # the store itself failed: no document can be written
        except Exception as e:  # a bug met on this document: said with its name, the others still read
            log.debug("internal error reading %s", path, exc_info=True)
            report.errors.append(f"{path}: internal error ({type(e).__name__}: {e}); the document was not "
                                 "stored (run with -v for details, and please report it)")
            continue
        report.documents += 1
        report.entities += entities
        report.events += events
        report.relations += relations
        report.triples += triples
    refresh_entities(store)  # the derived graph of entities, from the document graphs as they now are
    store.flush()
    return report
