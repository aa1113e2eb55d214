"""The derived graphs kept up to date document by document, not drawn again whole.

The entities graph (``aid:graph/entities``, :func:`athar.graph.rdf.refresh_entities`) states
each entity's types and labels once: a triple is there while a document graph that mentions the
entity states it, or the gazetteer does. Drawn again whole after any change it cost a pass over
every document graph (and at 100,000 documents about 960 MB for its DISTINCT); here a build or
removal that changed k documents costs work for those k documents and the entities they name:

- the graph keeps, beside the triples, a record of what it was drawn from (private predicates
  ``<aid:graph/entities#...>`` on a node of its own per document, ``<aid:graph/entities#GRAPH>``,
  which no query of the ontology's reads): each document graph's content hash and reader
  (``#hash``), the entities it mentions (``#in``, their IRIs as strings: no link to them), the
  months of its dated events (``#month``) and whether it states containment (``#contains``);
- a change is found by comparing the recorded hashes with the document graphs' own (two index
  look-ups a document, no scan of their triples), so whatever happened since (a build killed
  before its hooks ran, a graph dropped by hand) is brought up to date;
- for each changed, new or removed document (a batch of them at a time, one transaction each):
  the triples its graph states now are added (set semantics: once), and each triple of the
  entities it named before is kept only while some document graph or the gazetteer still
  states it (an existence test that stops at the first graph found, not a count);
- a batch's update also writes the new state (``#state``: the exclusive or of each document's
  digest): the summary graph records the state
  it follows, so one stopped half-way is drawn again whole at the next change.

The summary graph (:mod:`athar.graph.summary`) then takes the changed documents' old parts away
from its rows and adds their new ones (:func:`athar.graph.summary.update_summary`). When a
changed document states containment (``athar:locatedIn`` moves places, and the events of other
documents, between governorates) the views keyed by governorate are drawn again whole; the
summary is drawn whole when an entity named elsewhere too gains or loses a label or type (its
rows in other documents change), or when more than a quarter of the documents (and more than 32)
changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph as ox

from athar.graph.listing import refresh_rows
from athar.graph.pagekey import documents, refresh_keys
from athar.graph.summary import refresh_summary, summary_digest, update_summary
from athar.graph.terms import AID, ATHAR, PREFIXES

FORMAT = "1"  # bump when what the records hold changes: the graph is drawn again whole
BATCH = 256  # documents updated in one transaction
FLUSH_BATCHES = 8  # transactions between two flushes of the database's write buffers
WHOLE = 0.25  # above this share of the documents changed (and 32), the summary is drawn again whole

# athar.graph.rdf's ENTITIES_GRAPH and GAZETTEER_GRAPH (rdf calls this module)
_E = str(AID["graph/entities"])
GAZETTEER_GRAPH = AID["graph/gazetteer"]
_R = _E + "#"  # the records' predicates
_IN, _HASH, _MONTH, _CONTAINS, _STATE, _FORMAT, _GAZETTEER = (
    f"<{_R}{n}>" for n in ("in", "hash", "month", "contains", "state", "format", "gazetteer"))
_DOCS = PREFIXES["aid"] + "doc/"
_TYPE, _LABEL = f"<{PREFIXES['rdf']}type>", f"<{PREFIXES['rdfs']}label>"
# the three properties as a FILTER: a VALUES of them is planned as a scan of the store for each
# (0.9 s for the triples of 256 documents at 1,000 documents, against 0.05 s so)
_ONLY_PROPS = f"FILTER(?p IN ({_TYPE}, {_LABEL}, <{ATHAR.labelIsGuess}>))"
_MENTIONED = f"<{ATHAR.mentionedIn}>"
_MENTIONED_NODE, _LABEL_NODE = ox.NamedNode(str(ATHAR.mentionedIn)), ox.NamedNode(PREFIXES["rdfs"] + "label")
_GAZETTEER_IRI = str(GAZETTEER_GRAPH)


@dataclass
class Touched:
    """What the summary graph needs of a change: the documents changed, added or removed, whether
    one states containment, and whether it must be drawn whole."""

    docs: set[str] = field(default_factory=set)
    containment: bool = False  # a changed document states athar:locatedIn (before or after)
    whole: bool = False


def refresh(store, *, force: bool = False) -> bool:
    """Bring the entities graph and then the summary graph up to date with the document graphs
    (the whole of both when ``force``, when the records are of another format or absent, or when
    the gazetteer changed). Returns whether the entities graph changed."""
    docs = documents(store)
    meta = _meta(store)
    gazetteer = _gazetteer(store)
    full = force or meta.get(_FORMAT) != FORMAT or meta.get(_GAZETTEER) != gazetteer
    recorded = {} if full else _recorded(store)
    todo = sorted(g for g in docs.keys() | recorded.keys() if docs.get(g) != recorded.get(g))
    before = meta.get(_STATE, "")
    if not todo and not full:
        if _summary_behind(store, before):  # a change stopped before its summary, or new views
            refresh_summary(store, before, force=True)
        refresh_keys(store)  # the keys graph of the listing queries' pages: a look-up when current
        refresh_rows(store)  # and their rows (athar.graph.listing): a look-up when current
        return False
    # the state: the exclusive or of a digest of each document graph with its hash, kept up to
    # date batch by batch (the same documents, the same state, however the graph was drawn)
    state = 0 if full else int(before or "0", 16)
    # drawn whole: the graph emptied and the gazetteer's part written in the same transaction as
    # the first batch, so a build killed in between never leaves the gazetteer's part alone (a
    # corpus of up to BATCH changed documents is one transaction; a larger one is written batch by
    # batch, its state recorded with each, and the next build completes it)
    first = (f"DROP SILENT GRAPH <{_E}> ;\n"
             f"INSERT {{ GRAPH <{_E}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{GAZETTEER_GRAPH}> {{ "
             f"?s {_LABEL} ?l . ?s ?p ?o {_ONLY_PROPS} }} }} ;\n"
             f'INSERT DATA {{ GRAPH <{_E}> {{ <{_E}> {_FORMAT} "{FORMAT}" ; {_GAZETTEER} {_lit(gazetteer)} ; '
             f'{_STATE} "{state:064x}" }} }} ;\n') if full else ""
    touched = Touched(set(todo), whole=full or len(todo) > max(WHOLE * len(docs), 32) or _summary_behind(store, before))
    if first and not todo:
        store.update(first.removesuffix(" ;\n"))
    for i, batch in enumerate(_chunks(todo, BATCH), 1):
        for g in batch:
            state ^= _digest(g, recorded.get(g)) ^ _digest(g, docs.get(g))
        _update(store, batch, docs, touched, f"{state:064x}", first)
        first = ""
        # the database's write buffers grow with each transaction (up to 64 MB for each of Oxigraph's
        # column families: 1.3 GB more at 100,000 documents), and the first, drawing the graph whole,
        # holds the old graph's deletions (0.5 GB at 100,000 documents): flushed after it, then every 8
        if (i == 1 and full) or i % FLUSH_BATCHES == 0:
            store.flush()
    if touched.whole:
        refresh_summary(store, f"{state:064x}", force=True)
    else:
        update_summary(store, touched, before, f"{state:064x}")
    # then the keys graph, for the documents changed only when it followed the state before
    refresh_keys(store, changed=(before if not full else "", todo, {g: docs[g] for g in todo if g in docs}))
    # and the listing queries' rows: those of the documents changed, or drawn whole with the summary
    refresh_rows(store, changed=(before if not full else "", todo), whole=touched.whole)
    return True


def _update(store, batch: list[str], docs: dict[str, str], touched: Touched, state: str, first: str = "") -> None:
    """One transaction (after the update ``first``, in it): the batch's documents' triples added,
    the triples of the entities they named before that no graph states any more dropped, their
    records written anew."""
    present = [g for g in batch if g in docs]
    # after ``first`` (the graph drawn whole, dropped in this same transaction) nothing of the
    # graph as it is now counts: no record, and every triple of the batch is written
    old_records = [] if first else [(r["r"], r["p"], r["o"]) for r in store.query(
        f"SELECT ?r ?p ?o WHERE {{ VALUES ?r {{ {' '.join(_record(g) for g in batch)} }} GRAPH <{_E}> {{ ?r ?p ?o "
        f"FILTER(?p IN ({_IN}, {_HASH}, {_MONTH}, {_CONTAINS})) }} }}")]
    old = {f"<{o.value}>" for _, p, o in old_records if str(p) == _IN}
    new_records = [f"{_record(g)} {_HASH} {_lit(docs[g])}" for g in present]
    added: list[tuple] = []
    if present:
        inside = _values("?g", present)
        for r in store.query(f"SELECT DISTINCT ?g ?s WHERE {{ {inside} GRAPH ?g {{ ?s {_MENTIONED} ?d }} }}"):
            new_records.append(f"{_record(r['g'].value)} {_IN} {_lit(r['s'].value)}")
        for r in store.query(f"SELECT DISTINCT ?g ?m WHERE {{ {inside} GRAPH ?g {{ ?e <{ATHAR.date}> ?d ; "
                             f"<{ATHAR.evidence}> ?ev }} FILTER(STRLEN(STR(?d)) >= 7) BIND(SUBSTR(STR(?d), 1, 7) AS ?m) }}"):
            new_records.append(f"{_record(r['g'].value)} {_MONTH} {r['m']}")
        for r in store.query(f"SELECT DISTINCT ?g WHERE {{ {inside} GRAPH ?g {{ ?a <{ATHAR.locatedIn}> ?b }} }}"):
            new_records.append(f"{_record(r['g'].value)} {_CONTAINS} true")
            touched.containment = True
        unwritten = "" if first else f"FILTER NOT EXISTS {{ GRAPH <{_E}> {{ ?s ?p ?o }} }} "
        added = [(r["s"], r["p"], r["o"]) for r in store.query(
            f"SELECT DISTINCT ?s ?p ?o WHERE {{ {inside} GRAPH ?g {{ ?s {_MENTIONED} ?d . ?s ?p ?o {_ONLY_PROPS} }} "
            f"{unwritten}}}")]
    dropped: list[tuple] = []
    if old:  # the entities' triples no document graph nor the gazetteer states any more
        dropped = [(r["s"], r["p"], r["o"]) for chunk in _chunks(sorted(old), 2000) for r in store.query(
            f"SELECT ?s ?p ?o WHERE {{ {_values('?s', chunk)} GRAPH <{_E}> {{ ?s ?p ?o {_ONLY_PROPS} }} }}")
            if not _stated(store, r["s"], r["p"], r["o"])]
    if not touched.whole:
        touched.containment |= any(str(p) == _CONTAINS for _, p, _ in old_records)
        _note_relabels(store, touched, added, dropped)
    delete = [f"{s} {p} {o}" for s, p, o in [*old_records, *dropped]]
    insert = [*new_records, *(f"{s} {p} {o}" for s, p, o in added), f'<{_E}> {_STATE} "{state}"']
    store.update(first + f"DELETE WHERE {{ GRAPH <{_E}> {{ <{_E}> {_STATE} ?x }} }} ;\n"
                 + (f"DELETE DATA {{ GRAPH <{_E}> {{ {' . '.join(delete)} }} }} ;\n" if delete else "")
                 + f"INSERT DATA {{ GRAPH <{_E}> {{ {' . '.join(insert)} }} }}")


def _stated(store, s, p, o) -> bool:
    """Whether a document graph that mentions ``s``, or the gazetteer labelling it, states (s p o):
    the graphs holding the triple are read from the store's index one at a time, and the first
    that counts ends the search (a SPARQL FILTER NOT EXISTS read every graph naming a shared
    entity: 3.8 s for the entities of one document at 10,000 documents). athar's own store only
    (:func:`athar.graph.rdf.refresh_entities` calls this module for it)."""
    found = store._ox.quads_for_pattern  # noqa: SLF001 - an index look-up SPARQL does not stop early
    for quad in found(s, p, o, None):
        graph = quad.graph_name
        if not isinstance(graph, ox.NamedNode):
            continue
        if graph.value == _GAZETTEER_IRI and next(found(s, _LABEL_NODE, None, graph), None) is not None:
            return True
        if graph.value.startswith(_DOCS) and next(found(s, _MENTIONED_NODE, None, graph), None) is not None:
            return True
    return False


def _note_relabels(store, touched: Touched, added: list[tuple], dropped: list[tuple]) -> None:
    """A shared entity (not a document's own) that keeps some types and labels but gains or loses
    one: its rows in documents that did not change change too; the summary is drawn whole."""
    changed: dict[str, int] = {}
    for s, p, _ in added:
        if str(p) in (_TYPE, _LABEL) and not s.value.startswith(_DOCS):
            changed[str(s)] = changed.get(str(s), 0) + 1
    for s, p, _ in dropped:
        if str(p) in (_TYPE, _LABEL) and not s.value.startswith(_DOCS):
            changed[str(s)] = changed.get(str(s), 0) - 1
    if not changed:
        return
    counts = {str(r["s"]): int(r["n"].value) for r in store.query(
        f"SELECT ?s (COUNT(*) AS ?n) WHERE {{ {_values('?s', sorted(changed))} GRAPH <{_E}> {{ ?s ?p ?o "
        f"FILTER(?p IN ({_TYPE}, {_LABEL})) }} }} GROUP BY ?s")}
    for s, delta in changed.items():
        before = counts.get(s, 0)
        if before and before + delta > 0:
            touched.whole = True
            return


def _summary_behind(store, state: str) -> bool:
    from athar.graph.summary import SUMMARY_GRAPH

    rows = list(store.query(f"SELECT ?h WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{ATHAR.contentHash}> ?h }} }}"))
    return not (len(rows) == 1 and rows[0]["h"].value == summary_digest(state))


def _recorded(store) -> dict[str, str]:
    return {r["r"].value[len(_R):]: r["h"].value
            for r in store.query(f"SELECT ?r ?h WHERE {{ GRAPH <{_E}> {{ ?r {_HASH} ?h }} }}")}


def _record(graph: str) -> str:
    """The node of a document graph's records: neither the document nor its entities, so that
    what the store says about them (``<entity/isis> ?p ?o`` through the union) is unchanged."""
    return f"<{_R}{graph}>"


def _meta(store) -> dict[str, str]:
    return {str(r["p"]): r["o"].value for r in store.query(
        f"SELECT ?p ?o WHERE {{ GRAPH <{_E}> {{ <{_E}> ?p ?o VALUES ?p {{ {_FORMAT} {_GAZETTEER} {_STATE} }} }} }}")}


def _gazetteer(store) -> str:
    """The gazetteer graph's size and version (``load_background`` writes it with its digest)."""
    row = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) (SAMPLE(?v) AS ?version) WHERE {{ GRAPH <{GAZETTEER_GRAPH}> "
                                f"{{ ?s ?p ?o OPTIONAL {{ <{GAZETTEER_GRAPH}> <{PREFIXES['owl']}versionInfo> ?v }} }} }}")))
    version = row["version"].value if row["version"] is not None else ""
    return f"{row['n'].value} {version}"


def _digest(graph: str, content: str | None) -> int:
    return 0 if content is None else int.from_bytes(hashlib.sha256(f"{graph} {content}".encode()).digest(), "big")


def _values(var: str, items: Iterable[str]) -> str:
    return f"VALUES {var} {{ {' '.join(i if i.startswith('<') else f'<{i}>' for i in items)} }}"


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _chunks(items: list, n: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, n)):
        yield chunk


__all__ = ["BATCH", "FORMAT", "Touched", "refresh"]
