"""The map step: one document in, its named graph out as N-Quads, with what it was read from.

Every document's graph carries two facts about itself, written first in its N-Quads:
``athar:contentHash`` (the SHA-256 of the file's bytes) and ``athar:extractedBy`` (a digest
of athar's reading code and language data). A build skips a file whose hash and digest the
store already holds; the same two lines open every file ``athar extract`` writes, so that a
folder of them is loaded, and re-loaded, the same way.

The functions here run in worker processes (:mod:`athar.graph.workers`, or Dask's): they take
plain values (paths, strings) and return a small :class:`Extracted`, never raise for a bad
document, and keep one :class:`Pipeline` per process.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import RDF, Literal

from athar.errors import DocumentError
from athar.graph.rdf import build_graph, document_iri
from athar.graph.store import nquads
from athar.graph.terms import ATHAR
from athar.read.pipeline import Pipeline
from athar.read.source import MAX_FILE_BYTES, Document, read_document

GRAPH_SUFFIX = ".nq"
# what a file written by athar extract opens with: the document's hash, then the reader's digest
_HEADER = re.compile(rb'<([^>]+)> <' + str(ATHAR.contentHash).encode() + rb'> "([0-9a-f]{64})" <([^>]+)> \.\n'
                     rb'<[^>]+> <' + str(ATHAR.extractedBy).encode() + rb'> "([0-9a-f]+)" <[^>]+> \.\n')
_READER_FILES = (".py", ".tsv", ".yaml", ".yml", ".json", ".txt")


@dataclass(frozen=True)
class Extracted:
    """What one document gave: its graph as N-Quads (``data``, empty once written to a file
    or when nothing changed), its counts, or the one line that refuses it."""

    path: str
    graph: str | None = None
    data: bytes = b""
    entities: int = 0
    events: int = 0
    relations: int = 0
    triples: int = 0
    error: str | None = None
    unchanged: bool = False


def graph_of(key: str) -> str:
    """The IRI of the named graph of the document whose identity is ``key``."""
    return str(document_iri(Document(name=key.rsplit("/", 1)[-1], body="", key=key)))


def file_hash(path: str | Path) -> str | None:
    """The SHA-256 of a regular file's bytes, or None when it is no file athar would read (the
    reading says why)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            return None
        with open(path, "rb") as f:
            return hashlib.sha256(f.read(MAX_FILE_BYTES + 1)).hexdigest()
    except OSError:
        return None


def reader_digest() -> str:
    """A digest of what decides a document's graph: the reading code and its language data
    (``athar.read``) and the writing of the graph (this module and ``graph/rdf.py``). A build
    reads again every document that an older or newer athar read."""
    h = hashlib.sha256()
    read = resources.files("athar.read")
    graph = resources.files("athar.graph")
    files = [*_tree(read), graph / "rdf.py", graph / "extract.py", graph / "terms.py"]
    for f in sorted(files, key=str):
        h.update(str(f).rsplit("athar", 1)[-1].encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _tree(folder):
    for item in folder.iterdir():
        if item.is_dir():
            if item.name != "__pycache__":
                yield from _tree(item)
        elif item.name.endswith(_READER_FILES):
            yield item


def extract_file(path: str, key: str, content_hash: str | None, digest: str,
                 pipeline: Pipeline | None = None, out: str | None = None) -> Extracted:
    """Read, extract and write one document's graph as N-Quads: returned in ``data``, or written
    to ``out``/KEY.nq (then ``data`` is empty). A refused document gives its one line in
    ``error``; a bug met while reading it, an internal error line."""
    try:
        doc = read_document(path, key=key)
        doc_graph = build_graph(doc, (pipeline or process_pipeline())(doc).facts)
    except DocumentError as e:
        return Extracted(path, error=str(e))
    except Exception as e:  # a bug met on this document: said with its name, the others still read
        return Extracted(path, error=f"{path}: internal error ({type(e).__name__}: {e}); the document was not "
                                     "stored (run with -v for details, and please report it)")
    graph = str(document_iri(doc))
    facts = [(s, p, o) for s, p, o in doc_graph]
    head = [(document_iri(doc), ATHAR.contentHash, _literal(content_hash or _hash_of(path))),
            (document_iri(doc), ATHAR.extractedBy, _literal(digest))]
    data = nquads(graph, head + facts)
    report = _counts(doc_graph, len(head) + len(facts))
    if out is None:
        return Extracted(path, graph, data, *report)
    target = Path(out) / f"{key}{GRAPH_SUFFIX}"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        os.replace(partial, target)  # a reader sees the old file or the new one, never half
    except OSError as e:
        return Extracted(path, error=f"{target}: cannot write the graph of {path} ({e.strerror or e})")
    return Extracted(path, graph, b"", *report)


def _counts(doc_graph, triples: int) -> tuple[int, int, int, int]:
    """(entities, events, relations, triples) of a document's graph."""
    entities = {s for s, p, _ in doc_graph.triples((None, ATHAR.mentionedIn, None))}
    relations = sum(1 for _ in doc_graph.triples((None, RDF.type, ATHAR.RelationStatement)))
    evidence = sum(1 for _ in doc_graph.triples((None, ATHAR.evidence, None)))
    return len(entities), evidence - relations, relations, triples


def _literal(value: str) -> Literal:
    return Literal(value)


def _hash_of(path: str) -> str:
    return file_hash(path) or ""


def read_graph_file(path: str | Path) -> Extracted:
    """A file ``athar extract`` wrote: its graph's N-Quads, checked to open with the document's
    hash and to hold quads of that one graph only (the N-Quads themselves are checked when
    loaded)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return Extracted(str(path), error=f"{path}: cannot be read ({e.strerror or e})")
    head = _HEADER.match(data)
    if head is None or head.group(1) != head.group(3):
        return Extracted(str(path), error=f"{path}:1: not a document graph written by 'athar extract' (it opens "
                                          "with the document's athar:contentHash and athar:extractedBy)")
    graph = head.group(1).decode()
    lines = data.count(b"\n")
    if not data.endswith(b"\n") or data.count(b" <" + head.group(1) + b"> .\n") != lines:
        return Extracted(str(path), error=f"{path}: holds quads outside the graph <{graph}> of its document; "
                                          "write it again with 'athar extract'")
    relations = data.count(b"> <" + str(RDF.type).encode() + b"> <" + str(ATHAR.RelationStatement).encode() + b"> ")
    return Extracted(str(path), graph, data, entities=data.count(b"> <" + str(ATHAR.mentionedIn).encode() + b"> "),
                     events=data.count(b"> <" + str(ATHAR.evidence).encode() + b"> ") - relations,
                     relations=relations, triples=lines)


def header(data: bytes) -> tuple[str, str] | None:
    """(content hash, reader digest) from the first two lines of a document's N-Quads."""
    head = _HEADER.match(data)
    return (head.group(2).decode(), head.group(4).decode()) if head else None


_PIPELINE: list[Pipeline] = []  # this process's pipeline: a worker process builds it once


def process_pipeline() -> Pipeline:
    """The pipeline of this process, built on first use (a worker keeps its caches warm)."""
    if not _PIPELINE:
        _PIPELINE.append(Pipeline())
    return _PIPELINE[0]


__all__ = ["GRAPH_SUFFIX", "Extracted", "extract_file", "file_hash", "graph_of", "header", "process_pipeline",
           "read_graph_file", "reader_digest"]
