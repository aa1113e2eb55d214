"""Ingest: documents in, named graphs out, through every extraction stage.

One document's failure does not stop the others: the error is recorded with
the file's name and the rest are loaded.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from athar.errors import DocumentError
from athar.read.pipeline import Pipeline
from athar.graph.terms import MAPPINGS_GRAPH, MAPPINGS_PATH, ONTOLOGY_GRAPH, ONTOLOGY_PATH
from athar.graph.rdf import GAZETTEER_GRAPH, build_graph, document_iri, gazetteer_graph
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
    no document is an error added to ``errors`` (raised when no list is given)."""
    out: list[tuple[Path, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            root = p.resolve()
            found = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix in TEXT_SUFFIXES)
            if not found:
                problem = DocumentError(f"{p}: no .txt or .md documents in this directory")
                if errors is None:
                    raise problem
                errors.append(str(problem))
            out += [(q, f"{root.name}/{q.resolve().relative_to(root).as_posix()}") for q in found]
        else:
            out.append((p, f"{p.resolve().parent.name}/{p.name}"))
    return out


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
    named graph."""
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
                if first.resolve() == path.resolve():
                    continue
                raise DocumentError(f"{path}: has the identity '{key}' of {first}, already read in this build; "
                                    "build the two in separate stores or rename one of their folders")
            doc = read_document(path, key=key)
            entities, events, relations, triples = ingest_document(store, doc, pipeline)
        except DocumentError as e:
            log.debug("%s", e)  # the report carries it; its caller says it once
            report.errors.append(str(e))
            continue
        report.documents += 1
        report.entities += entities
        report.events += events
        report.relations += relations
        report.triples += triples
    store.flush()
    return report
