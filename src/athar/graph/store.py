"""The store: an embedded, on-disk Oxigraph database holding one named graph per document.

rdflib builds the graphs; Oxigraph keeps and queries them. A graph is replaced
whole, so loading the same document twice leaves the store as it was.
"""

from __future__ import annotations

import functools
import io
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO
from pathlib import Path

import pyoxigraph as ox

if TYPE_CHECKING:
    import rdflib

from athar.errors import QueryError, StoreError
from athar.graph.prefixes import PREFIXES

log = logging.getLogger(__name__)

DEFAULT_STORE = "athar-store"
BULK_QUADS = 20_000  # from this many new quads on, write_graphs uses the bulk loader
LOAD_THREADS = 4  # at most this many bulk loads of shares of one batch at once (one a core)
# quads written in transactions between two flushes of the database's write buffers: without
# it RocksDB keeps up to 64 MB of buffers for each of Oxigraph's column families (1.4 GB seen
# at 10,000 articles); with it a build's memory stays flat
FLUSH_QUADS = 100_000


@dataclass(frozen=True)
class Table:
    """Rows of plain strings under named columns: what a SELECT answers, or any report."""

    columns: list[str]
    rows: list[list[str | None]]


def default_store_path() -> str:
    """``$ATHAR_STORE`` or ``./athar-store``."""
    return os.environ.get("ATHAR_STORE") or DEFAULT_STORE


class Store:
    """An Oxigraph store, on disk when given a path, in memory otherwise."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = None if path is None else Path(path)
        self.read_only = read_only
        self._unflushed = 0  # quads written in transactions since the last flush
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                if not self.path.exists():
                    raise StoreError(
                        f"{self.path}: no store here; run 'athar build' first or give --store PATH"
                    )
                self._ox = ox.Store.read_only(str(self.path))
            else:
                _check_store_folder(self.path)
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as e:
            raise StoreError(
                f"{self.path}: cannot open the store ({e}); is another athar process using it?"
            ) from e

    # -- writing ---------------------------------------------------------
    def replace_graph(self, graph_iri: str, triples: Iterable[tuple]) -> int:
        """Drop the named graph and load ``triples`` (rdflib terms) into it; return the count."""
        g = ox.NamedNode(graph_iri)
        quads = [ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), g) for s, p, o in triples]
        # One SPARQL update is one transaction of the store: the old graph is dropped and the new
        # one written together, or neither (a build stopped half-way leaves each graph whole).
        try:
            self._replace(graph_iri, quads)
        except SyntaxError as e:
            raise StoreError(f"{self.path}: cannot write graph <{graph_iri}>: a term is not valid RDF ({e})") from e
        except OSError as e:
            raise StoreError(f"{self.path}: cannot write graph <{graph_iri}> ({e})") from e
        return len(quads)

    def write_graphs(self, graphs: Iterable[tuple[str, bytes]]) -> int:
        """Write named graphs given as N-Quads (each ``(graph IRI, bytes)``, every quad in that
        graph), replacing any the store holds; return the number of quads written.

        Graphs the store does not hold yet are written together in one step: in one
        transaction, or, from :data:`BULK_QUADS` quads on, by Oxigraph's bulk loader, which is
        atomic since pyoxigraph 0.5.1 (its files are ingested at once, or none is). A build
        stopped half-way leaves each of them whole or absent. A graph the store already holds is
        replaced in a transaction of its own (dropped and written together)."""
        fresh: list[bytes] = []
        count = 0
        try:
            for graph_iri, data in graphs:
                if self._ox.contains_named_graph(ox.NamedNode(graph_iri)):
                    quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
                    self._replace(graph_iri, quads)
                    count += len(quads)
                    self._unflushed += len(quads)
                else:
                    fresh.append(data)
            if fresh:
                lines = sum(data.count(b"\n") for data in fresh)  # N-Quads: one quad a line
                count += lines
                if lines >= BULK_QUADS:
                    self._bulk_load(fresh)
                else:  # a few documents: a transaction, not a set of files for the database to merge
                    self._ox.load(b"".join(fresh), format=ox.RdfFormat.N_QUADS)
                    self._unflushed += lines
            if self._unflushed >= FLUSH_QUADS:
                self.flush()
        except SyntaxError as e:
            raise StoreError(f"{self.path}: cannot write a batch of graphs: not valid N-Quads ({e})") from e
        except OSError as e:
            raise StoreError(f"{self.path}: cannot write a batch of graphs ({e})") from e
        return count

    def add_quads(self, data: bytes | None = None, *, path: Path | None = None) -> None:
        """Add N-Quads (``data``, or the file ``path``, read as it is loaded) to the store, replacing
        nothing, by Oxigraph's bulk loader: added at once or not at all (a derived graph drawn a
        slice at a time, its readers told by a record written last that it is whole; or drawn to
        a file and loaded whole)."""
        try:
            if path is not None:
                self._ox.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
                return
            self._ox.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        except SyntaxError as e:
            raise StoreError(f"{self.path}: cannot add quads: not valid N-Quads ({e})") from e
        except OSError as e:
            raise StoreError(f"{self.path}: cannot add quads ({e})") from e

    def _bulk_load(self, graphs: list[bytes]) -> None:
        """Bulk-load new graphs, in shares of whole graphs loaded by one thread each, one a core
        (at most :data:`LOAD_THREADS`): the bulk loader parses its input on one thread, and
        two shares on two cores loaded 1.0 to 1.5 times as fast as one (``bench/ingest.py``).
        Each share is atomic, so a load stopped half-way still leaves each graph whole or absent."""
        shares = _shares(graphs, min(LOAD_THREADS, _cores()))
        if len(shares) == 1:
            self._ox.bulk_load(b"".join(graphs), format=ox.RdfFormat.N_QUADS)
            return
        with ThreadPoolExecutor(len(shares), thread_name_prefix="athar-bulk-load") as pool:
            loads = [pool.submit(self._ox.bulk_load, b"".join(share), format=ox.RdfFormat.N_QUADS) for share in shares]
            for load in loads:
                load.result()

    def _replace(self, graph_iri: str, quads: list[ox.Quad]) -> None:
        g = ox.NamedNode(graph_iri)
        if not self._ox.contains_named_graph(g):  # nothing to drop: one transaction of parsed N-Quads
            data = ox.serialize([ox.Quad(q.subject, q.predicate, q.object, g) for q in quads], format=ox.RdfFormat.N_QUADS)
            self._ox.load(data, format=ox.RdfFormat.N_QUADS)
            return
        body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
        self._ox.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")

    def load_file(self, path: str | Path, graph_iri: str) -> int:
        """Replace a named graph with the contents of a Turtle file (parsed by Oxigraph, written
        in one transaction)."""
        try:
            quads = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=Path(path).resolve().as_uri()))
        except (SyntaxError, OSError) as e:
            raise StoreError(f"{path}: cannot parse Turtle ({e})") from e
        try:
            self._replace(graph_iri, quads)
        except OSError as e:
            raise StoreError(f"{self.path}: cannot write graph <{graph_iri}> ({e})") from e
        return len(quads)

    def flush(self) -> None:
        """Write the database's buffers to its files (memory is freed, nothing is lost either way)."""
        self._unflushed = 0
        if self.path is not None and not self.read_only:
            try:
                self._ox.flush()
            except OSError as e:
                raise StoreError(f"{self.path}: cannot flush the store ({e})") from e

    def compact(self) -> None:
        """Merge the database's files into one sorted run per index (RocksDB's full compaction:
        pyoxigraph's ``optimize``). A build writes a batch at a time, and the database's own
        merging stops with the process that wrote: the files it leaves overlap, and each index
        look-up of a query seeks in every one of them (the bound ``by-actor`` at 10,000 documents
        reads 1.5 to 2 times faster once compacted). It reads and writes the whole store once
        (about 4 s CPU for the 1 GB of 10,000 documents)."""
        if self.path is not None and not self.read_only:
            global _compacted
            _compacted = True
            try:
                self._ox.optimize()
            except OSError as e:
                raise StoreError(f"{self.path}: cannot compact the store ({e})") from e

    # -- reading ---------------------------------------------------------
    def query(self, sparql: str, *, union: bool = True, default_graph: Iterable[str] | None = None,
              substitutions: dict | None = None):
        """Run SPARQL with the union of named graphs as the default graph, or with the union of
        the named graphs ``default_graph`` lists (every named graph stays reachable by GRAPH);
        ``substitutions`` binds variables to terms (pyoxigraph's, SEP-0007) without touching the text."""
        dataset = {"use_default_graph_as_union": union} if default_graph is None else \
            {"default_graph": [ox.NamedNode(g) for g in default_graph]}
        try:
            return self._ox.query(sparql, substitutions=substitutions, **dataset)
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL: {e}") from e
        except OSError as e:
            raise StoreError(f"{self.path}: query failed ({e})") from e

    def drop_graph(self, graph_iri: str) -> None:
        """Remove a named graph, if the store holds it."""
        try:
            self._ox.update(f"DROP SILENT GRAPH {ox.NamedNode(graph_iri)}")
        except OSError as e:
            raise StoreError(f"{self.path}: cannot drop graph <{graph_iri}> ({e})") from e

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update as one transaction (derived graphs are recomputed this way)."""
        try:
            self._ox.update(sparql)
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL update: {e}") from e
        except OSError as e:
            raise StoreError(f"{self.path}: update failed ({e})") from e

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def triples(self, graph_iri: str | None = None) -> Iterator[tuple]:
        """Yield rdflib (s, p, o) triples of one named graph, or of all of them."""
        g = ox.NamedNode(graph_iri) if graph_iri else None
        for q in self._ox.quads_for_pattern(None, None, None, g):
            if isinstance(q.graph_name, ox.DefaultGraph) and g is None:
                continue
            yield _to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object)

    def to_dataset(self, leave_out: Iterable[str] = ()) -> rdflib.Dataset:
        """All named graphs (but ``leave_out``) as an rdflib Dataset (for serialization and validation)."""
        import rdflib

        ds = rdflib.Dataset()
        for q in self._quads(leave_out):
            ctx = None if isinstance(q.graph_name, ox.DefaultGraph) else _to_rdflib(q.graph_name)
            ds.add((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object), ctx))
        return ds

    def _quads(self, leave_out: Iterable[str] = ()) -> Iterator[ox.Quad]:
        quads = self._ox.quads_for_pattern(None, None, None, None)
        skip = {ox.NamedNode(g) for g in leave_out}
        return (q for q in quads if q.graph_name not in skip) if skip else quads

    def serialize(self, fmt: str) -> str:
        """The whole store as TriG, N-Quads, JSON-LD (named graphs kept) or Turtle (merged)."""
        out = io.BytesIO()
        self.export(fmt, out)
        return out.getvalue().decode("utf-8")

    def export(self, fmt: str, output: BinaryIO, *, leave_out: Iterable[str] = ()) -> None:
        """Write the store, but the named graphs ``leave_out``, to the binary file ``output``, as
        TriG, N-Quads, JSON-LD (named graphs kept) or Turtle (merged). TriG and N-Quads are
        streamed from the database: memory stays flat whatever the store's size (a string of
        the whole export held 1.4 GB for a 430 MB file at 10,000 documents); Turtle and JSON-LD
        are built in memory by rdflib, for small stores."""
        if fmt in ("trig", "nq"):
            target = ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS
            prefixes = {p: PREFIXES[p] for p in ("athar", "aid", "nif", "rdfs", "xsd")} if fmt == "trig" else None
            ox.serialize(self._quads(leave_out), output, format=target, prefixes=prefixes)
            return
        if fmt not in ("jsonld", "ttl"):
            raise StoreError(f"unknown export format '{fmt}'; use ttl, trig, nq or jsonld")
        ds = self.to_dataset(leave_out)
        if fmt == "jsonld":
            output.write(ds.serialize(format="json-ld", indent=2).encode("utf-8"))
            return
        import rdflib

        merged = rdflib.Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
        merged.bind("athar", PREFIXES["athar"])
        merged.bind("aid", PREFIXES["aid"])
        output.write(merged.serialize(format="turtle").encode("utf-8"))

    def __len__(self) -> int:
        return len(self._ox)

    def close(self) -> None:
        self.flush()
        del self._ox

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_compacted = False  # whether this process compacted a store (Store.compact)


def may_fork() -> bool:
    """Whether a child forked from this process may open a store: not once this process compacted
    one. The database goes on with work of its own in background threads after a compaction (its
    files merged, the old ones deleted), and a child forked while one of them holds a lock of the
    database's shared thread pool waits for it forever (a query forked right after a build's
    compaction ran over its time limit on a store of one document)."""
    return not _compacted


def nquads(graph_iri: str, triples: Iterable[tuple]) -> bytes:
    """rdflib triples as the N-Quads of one named graph (the form :meth:`Store.write_graphs` takes)."""
    g = ox.NamedNode(graph_iri)
    terms: dict = {}  # a document names the same entities and properties many times

    def term(t):
        found = terms.get(t)
        if found is None:
            found = terms[t] = _to_ox(t)
        return found

    return ox.serialize([ox.Quad(term(s), term(p), term(o), g) for s, p, o in triples], format=ox.RdfFormat.N_QUADS)


def _shares(graphs: list[bytes], n: int) -> list[list[bytes]]:
    """``graphs`` cut into at most ``n`` runs of about the same size in bytes."""
    total = sum(map(len, graphs))
    shares: list[list[bytes]] = [[]]
    size = 0
    for data in graphs:
        if size >= total * len(shares) / n and len(shares) < n:
            shares.append([])
        shares[-1].append(data)
        size += len(data)
    return shares


def _cores() -> int:
    """The cores this process may run on (as workers.default_jobs counts them; that module
    imports this one through extract, so it cannot be imported here)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _check_store_folder(path: Path) -> None:
    """A store is written in a new folder, an empty one, or one that holds an Oxigraph store
    (RocksDB's ``CURRENT`` file): never among the files of an ordinary folder."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: is a file, not a store; give --store a new or empty folder")
    if path.is_dir() and not (path / "CURRENT").is_file() and any(path.iterdir()):
        raise StoreError(f"{path}: is a folder of other files, not an athar store; give --store a new "
                         "or empty folder (or the folder of an existing store)")


@functools.cache
def _rdflib_terms() -> tuple[type, type, type]:
    """rdflib's IRI, blank node and literal classes, imported when a term is first converted:
    a command that only queries the store does not import rdflib (a sixth of its start)."""
    from rdflib.term import BNode, Literal, URIRef

    return URIRef, BNode, Literal


def _to_ox(term):
    URIRef, BNode, Literal = _rdflib_terms()  # noqa: N806 - the classes, under their names
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise StoreError(f"cannot store RDF term {term!r}")


def _to_rdflib(term):
    URIRef, BNode, Literal = _rdflib_terms()  # noqa: N806 - the classes, under their names
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == PREFIXES["xsd"] + "string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise StoreError(f"unexpected term {term!r}")
