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
from athar.graph.terms import AID, MAPPINGS_GRAPH, MAPPINGS_PATH, ONTOLOGY_GRAPH, ONTOLOGY_PATH
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


def collect_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the text files inside directories (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix in TEXT_SUFFIXES)
            if not found:
                raise DocumentError(f"{p}: no .txt or .md documents in this directory")
            out += found
        else:
            out.append(p)
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
    """Read, extract and load every document; collect errors instead of stopping."""
    report = BuildReport()
    pipeline = pipeline or Pipeline()
    load_background(store, pipeline)
    for path in collect_paths(paths):
        if progress:
            progress(path)
        try:
            doc = read_document(path)
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
