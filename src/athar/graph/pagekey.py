"""The keys graph: each listed event's page key, in an order Oxigraph's index already keeps.

A listing query (``killings``, ``timeline``, ``evidence`` ...) declares the key its answer is
ordered by first (``# Page: ?e by ?date { pattern }``, :mod:`athar.use.keyset`). Reading every
event's key and sorting them before a page costs the whole store (2.6 to 6.1 s a first page at
100,000 documents). Here each event's key is written once per build into ``aid:graph/keys``,
beside a *bucket*: a string of at most 15 bytes that sorts like the key (``bucket``):

    <aid:graph/keys#EVENT> <aid:key/killings#bucket> "22019-05-13" ;
                           <aid:key/killings#key> "2019-05-13" ;
                           <aid:graph/keys#in> "DOCUMENT GRAPH" .

Oxigraph stores a string literal of up to 15 bytes inline in its index keys, so the index of a
predicate and object in one graph (GPOS) holds the events in bucket order, and a query of one
pattern with a LIMIT and no ORDER BY streams them from it in that order
(``FILTER(?b >= "...")`` scans from the start of the predicate's entries without sorting; an
ORDER BY sorts everything first). A page then reads its own buckets: the first page costs its
rows, a later one the index entries before it (about a microsecond each) and its rows. The
reader checks the order it gets and falls back to sorting the keys when it is not kept
(:func:`athar.use.query.answer_page`), as on a remote store, where this graph is not drawn.

The graph is kept document by document: each document graph's records (its content hash, its
events' counts per query) beside its events' keys; a build or removal draws the keys of the
documents that changed only, and records the entities graph's state it follows, so a reader
knows the keys are current with two look-ups (:func:`keys_current`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from athar.graph.prefixes import ENTITIES_GRAPH, PREFIXES

_AID = PREFIXES["aid"]
KEYS_GRAPH = _AID + "graph/keys"
_KEY = _AID + "key/"  # a listing query's node: <aid:key/NAME>
FORMAT = "1"  # bump when what the graph holds changes: it is drawn again whole
BATCH = 256  # documents whose keys one transaction replaces
_SLICE = 50_000  # triples added to the store at once when the graph is drawn whole (20 MB of text)
_G = str(KEYS_GRAPH)
_N = _G + "#"  # an event's node: <aid:graph/keys#EVENT IRI>, no link to the event itself
_DOCS = PREFIXES["aid"] + "doc/"
_R = _G + "/record#"  # a document graph's records: <aid:graph/keys/record#GRAPH IRI>
_IN, _HASH, _STATE, _FORMAT, _DECLARED, _COUNT = (
    f"<{_N}{n}>" for n in ("in", "hash", "state", "format", "declared", "count"))
_ENTITIES_STATE = f"<{ENTITIES_GRAPH}#state>"  # athar.graph.increment's record of its state
_QUERY_DIR = Path(str(resources.files("athar") / "use" / "queries"))  # the saved queries (package data)
_NUMERIC = {PREFIXES["xsd"] + t for t in ("decimal", "integer", "nonNegativeInteger", "positiveInteger", "int",
                                          "long", "short", "double", "float")}
_PREFIX = re.compile(r"^\s*PREFIX\s+[\w-]*:\s*<[^>]*>", re.IGNORECASE | re.MULTILINE)
# "# Page: ?e by ?date { ... }", "# Page: ?e by DESC(?amount) { ... }"
DECLARATION = re.compile(r"#\s*page\s*:\s*\?(?P<subject>\w+)\s+by\s+(?:(?P<dir>ASC|DESC)\(\s*\?(?P<key1>\w+)\s*\)"
                         r"|\?(?P<key2>\w+))\s*(?P<pattern>\{.*\})\s*", re.IGNORECASE)
_DIGITS = 14
_TOP = 10 ** _DIGITS - 1


@dataclass(frozen=True)
class PageKey:
    """What a listing query is paged by: the events ``subject`` names, ordered by ``key``."""

    subject: str
    key: str
    descending: bool
    pattern: str

    @property
    def declaration(self) -> str:
        return f"?{self.subject} by {'DESC(?' + self.key + ')' if self.descending else '?' + self.key} {self.pattern}"


def parse_declaration(line: str) -> PageKey | None:
    m = DECLARATION.fullmatch(line.strip())
    if m is None:
        return None
    return PageKey(m["subject"], m["key1"] or m["key2"], (m["dir"] or "").upper() == "DESC", m["pattern"])


def order_of(term) -> tuple:
    """A key as SPARQL orders it (unbound first, numbers by value, other literals by their text)."""
    if term is None:
        return (0,)
    if isinstance(term, ox.Literal) and term.datatype.value in _NUMERIC:
        try:
            return (1, Decimal(term.value))
        except InvalidOperation:
            pass
    return (2, term.value)


def bucket(order: tuple, descending: bool) -> str:
    """A string of at most 15 ASCII bytes whose order follows the key's (``order_of``) in the
    query's direction: two keys in order never have buckets out of order (equal buckets are
    read whole and sorted). Numbers by their integer part (14 digits, clamped), text by its
    first ASCII bytes: at the first other byte it stops with U+007F, above every ASCII byte it
    keeps (so "é..." sorts after "z..." as in SPARQL, and two texts differing only after it share
    a bucket)."""
    kind = order[0]
    if kind == 1:
        value = order[1]
        whole = int(value.to_integral_value(rounding=ROUND_FLOOR)) if value.is_finite() else \
            (_TOP if value.is_infinite() and value > 0 else 0)
        whole = min(max(whole, 0), _TOP)
        return "1" + f"{(_TOP - whole) if descending else whole:0{_DIGITS}d}"
    if kind == 0:
        return "2" if descending else "0"
    if descending:  # text before numbers in descending order: one bucket of its own
        return "0"
    out = []
    for ch in order[1][:_DIGITS]:
        if ord(ch) >= 0x7F:
            out.append("\x7f")
            break
        out.append(ch)
    return "2" + "".join(out)


def listing_pages(directory: Path = _QUERY_DIR) -> dict[str, tuple[PageKey, str]]:
    """The saved queries that declare ``# Page:``: name -> (their key, their PREFIX lines)."""
    out = {}
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            page = parse_declaration(line) if line.lstrip().startswith("#") else None
            if page is not None:
                out[path.stem] = (page, "\n".join(p.group(0).strip() for p in _PREFIX.finditer(text)))
                break
    return out


def bucket_predicate(name: str) -> str:
    return f"{_KEY}{name}#bucket"


def key_predicate(name: str) -> str:
    return f"{_KEY}{name}#key"


def event_of(node: str) -> str:
    return node[len(_N):].replace("%23", "#")


def _node(event: str) -> str:
    return f"<{_N}{event.replace('#', '%23')}>"


def keys_current(store, name: str, page: PageKey) -> bool:
    """Whether the keys graph holds ``name``'s keys as declared now, drawn at the state of the
    entities graph the store is at (two look-ups)."""
    rows = list(store.query(
        f"SELECT ?s ?d ?e WHERE {{ GRAPH <{_G}> {{ <{_G}> {_STATE} ?s . <{_KEY}{name}> {_DECLARED} ?d }} "
        f"OPTIONAL {{ GRAPH <{ENTITIES_GRAPH}> {{ <{ENTITIES_GRAPH}> {_ENTITIES_STATE} ?e }} }} }}"))
    return len(rows) == 1 and rows[0]["e"] is not None and rows[0]["s"].value == rows[0]["e"].value \
        and rows[0]["d"].value == page.declaration


def stored_count(store, name: str) -> int | None:
    rows = list(store.query(f"SELECT ?n WHERE {{ GRAPH <{_G}> {{ <{_KEY}{name}> {_COUNT} ?n }} }}"))
    return int(rows[0]["n"].value) if len(rows) == 1 else None


def stream_keys(store, name: str, start: str, *, inclusive: bool, limit: int,
                below: str | None = None) -> list[tuple[str, str, object]]:
    """Up to ``limit`` (bucket, event IRI, key or None) from ``start`` on (below ``below``), in
    the index's order (not sorted: :func:`athar.use.keyset` checks it)."""
    op = ">=" if inclusive else ">"
    upto = "" if below is None else f" && ?b < {ox.Literal(below)}"
    rows = store.query(f"SELECT ?n ?b ?k WHERE {{ GRAPH <{_G}> {{ ?n <{bucket_predicate(name)}> ?b "
                       f"FILTER(?b {op} {ox.Literal(start)}{upto}) OPTIONAL {{ ?n <{key_predicate(name)}> ?k }} }} }} "
                       f"LIMIT {int(limit)}")
    return [(r["b"].value, event_of(r["n"].value), r["k"]) for r in rows]


def bucket_run(store, name: str, value: str, descending: bool) -> list[tuple[str, str, object]]:
    """Every (bucket, event IRI, key or None) of one bucket (an index look-up)."""
    # a key in every bucket but the one of the events without one ("0" ascending, "2" descending):
    # a join, not an OPTIONAL, which Oxigraph answers by reading every key of the query first
    key = "" if value == bucket((0,), descending) else f" . ?n <{key_predicate(name)}> ?k"
    rows = store.query(f"SELECT ?n ?k WHERE {{ GRAPH <{_G}> {{ "
                       f"?n <{bucket_predicate(name)}> {ox.Literal(value)}{key} }} }}")
    return [(value, event_of(r["n"].value), r["k"]) for r in rows]


def refresh_keys(store, *, force: bool = False, changed: tuple[str, list[str], dict[str, str]] | None = None) -> bool:
    """Bring the keys graph up to date with the document graphs (after the entities and summary
    graphs, by :func:`athar.graph.increment.refresh`, at the end of every build and removal):
    the keys of the documents that changed since it was drawn, or the whole graph when
    ``force``, when its format or a query's ``# Page:`` declaration changed. On athar's own
    store on disk only (an in-memory store and a remote server keep no order this reader could
    use). ``changed``, from
    :func:`athar.graph.increment.refresh`: the entities graph's state before a change, the
    document graphs it changed and their hashes now; when the keys followed that state, only
    those are drawn again (else every document's recorded hash is compared). Returns whether it
    changed."""
    from athar.graph.store import Store

    if not isinstance(store, Store) or store.path is None:
        return False
    pages = listing_pages()
    meta = {str(r["p"]): r["o"].value for r in store.query(
        f"SELECT ?p ?o WHERE {{ GRAPH <{_G}> {{ <{_G}> ?p ?o }} }}")}
    declared = {r["q"].value[len(_KEY):]: r["d"].value for r in store.query(
        f"SELECT ?q ?d WHERE {{ GRAPH <{_G}> {{ ?q {_DECLARED} ?d }} }}")}
    state = _entities_state(store)
    full = force or meta.get(_FORMAT) != FORMAT or declared != {n: p.declaration for n, (p, _) in pages.items()}
    if not full and state and meta.get(_STATE) == state:  # drawn for these very documents (the entities
        return False  # graph's state digests each one with its hash): no look-up of 100,000 hashes
    if not full and changed is not None and changed[0] and meta.get(_STATE) == changed[0]:
        todo, docs = sorted(changed[1]), changed[2]  # the documents the entities graph just followed
    else:
        docs = documents(store)
        recorded = {} if full else {r["r"].value[len(_R):]: r["h"].value for r in store.query(
            f"SELECT ?r ?h WHERE {{ GRAPH <{_G}> {{ ?r {_HASH} ?h }} }}")}
        todo = sorted(g for g in docs.keys() | recorded.keys() if docs.get(g) != recorded.get(g))
    if not full and not todo and meta.get(_STATE) == state:
        return False
    if full:
        _draw_whole(store, pages, docs, state)
        return True
    counts = {n: int(r) for n, r in ((r["q"].value[len(_KEY):], r["n"].value) for r in store.query(
        f"SELECT ?q ?n WHERE {{ GRAPH <{_G}> {{ ?q {_COUNT} ?n }} }}"))}
    for batch in _chunks(todo, BATCH):
        _update(store, pages, batch, docs, counts)
    store.update(f"DELETE WHERE {{ GRAPH <{_G}> {{ <{_G}> {_STATE} ?x }} }} ;\n"
                 f"INSERT DATA {{ GRAPH <{_G}> {{ <{_G}> {_STATE} {ox.Literal(state)} }} }}")
    return True


def documents(store) -> dict[str, str]:
    """Each document graph with its content hash and reader, as the graph states them (what
    :mod:`athar.graph.increment` records, which imports this module)."""
    out = {}
    for r in store.query(f"SELECT ?g ?h ?d WHERE {{ GRAPH ?g {{ ?g <{PREFIXES['athar']}contentHash> ?h "
                         f"OPTIONAL {{ ?g <{PREFIXES['athar']}extractedBy> ?d }} }} }}"):
        if r["g"].value.startswith(_DOCS):
            out[r["g"].value] = f'{r["h"].value} {r["d"].value if r["d"] is not None else ""}'
    for g in store.graphs():  # a document graph without a hash (written by hand) counts too
        if g.startswith(_DOCS):
            out.setdefault(g, "")
    return out


def _entities_state(store) -> str:
    rows = list(store.query(f"SELECT ?s WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ "
                            f"<{ENTITIES_GRAPH}> {_ENTITIES_STATE} ?s }} }}"))
    return rows[0]["s"].value if len(rows) == 1 else ""


def _drawn(store, pages, graphs: list[str]) -> tuple[dict, set]:
    """The keys of each query's events in the document graphs ``graphs``, one graph at a time
    (``GRAPH <g>``: 2 ms for the eight queries of a document at 10,000 documents, where a
    ``VALUES ?g`` of it was planned over every graph, 0.2 to 0.3 s): per name, {event IRI:
    (document graph, [keys])}; and the names whose events are blank nodes (they cannot be
    listed by IRI: those queries are left to the reader's sort)."""
    found: dict[str, dict[str, tuple[str, list]]] = {}
    blank: set[str] = set()
    for name, (page, prologue) in pages.items():
        events = found.setdefault(name, {})
        for g in graphs:
            for r in store.query(f"{prologue}\nSELECT ?{page.subject} ?{page.key} "
                                 f"WHERE {{ GRAPH <{g}> {page.pattern} }}"):
                e = r[page.subject]
                if not isinstance(e, ox.NamedNode):
                    blank.add(name)
                    continue
                events.setdefault(e.value, (g, []))[1].append(r[page.key])
    return found, blank


def _quads(pages, found: dict, blank: set) -> tuple[list[str], dict[tuple[str, str], int]]:
    """The triples (N-Triples) of the drawn keys, and the count of events per (document, name)."""
    lines, counts, placed = [], {}, set()
    for name, events in found.items():
        if name in blank:
            continue
        page = pages[name][0]
        b, k = f"<{bucket_predicate(name)}>", f"<{key_predicate(name)}>"
        for event, (g, keys) in events.items():
            node = _node(event)
            if (node, g) not in placed:
                placed.add((node, g))
                lines.append(f"{node} {_IN} {ox.Literal(g)}")
            for key in {str(t) if t is not None else None: t for t in keys}.values():
                lines.append(f"{node} {b} {ox.Literal(bucket(order_of(key), page.descending))}")
                if key is not None:
                    lines.append(f"{node} {k} {key}")
            counts[(g, name)] = counts.get((g, name), 0) + 1
    return lines, counts


def _draw_whole(store, pages, docs: dict[str, str], state: str) -> None:
    """The graph drawn again: emptied, then each query's keys streamed from the store and added
    a slice at a time (memory flat whatever the store's size), the state last, so that a
    reader finds the graph current only once it is whole."""
    store.drop_graph(_G)  # until the state is written again, a reader sorts the keys itself
    lines: list[str] = []
    counts: dict[tuple[str, str], int] = {}
    docs_key = {g: g for g in docs}

    def flush(least: int) -> None:
        if len(lines) >= least:
            store.add_quads("".join(f"{line} <{_G}> .\n" for line in lines).encode("utf-8"))
            lines.clear()

    for name, (page, prologue) in pages.items():
        b, k, total = f"<{bucket_predicate(name)}>", f"<{key_predicate(name)}>", 0
        # each event's keys written (an event counts once): its one key's text, a set when it has more
        # (the events of a query are held, not their rows: 280,000 of timeline at 100,000 documents)
        written: dict[str, str | None | set] = {}
        blank = False
        for r in store.query(f"{prologue}\nSELECT ?g ?{page.subject} ?{page.key} WHERE {{ GRAPH ?g {page.pattern} }}"):
            g, event, key = r["g"].value, r[page.subject], r[page.key]
            if g not in docs:
                continue
            if not isinstance(event, ox.NamedNode):  # cannot be listed by IRI: this query's reader sorts
                blank = True
                continue
            node, text = _node(event.value), None if key is None else str(key)
            if event.value not in written:
                written[event.value] = text
                lines.append(f"{node} {_IN} {ox.Literal(g)}")
                counted = (docs_key[g], name)  # the document's IRI held once, not once per event
                counts[counted] = counts.get(counted, 0) + 1
                total += 1
            else:
                keys = written[event.value]
                if keys == text or (isinstance(keys, set) and text in keys):
                    continue
                written[event.value] = (keys if isinstance(keys, set) else {keys}) | {text}
            lines.append(f"{node} {b} {ox.Literal(bucket(order_of(key), page.descending))}")
            if key is not None:
                lines.append(f"{node} {k} {text}")
            flush(_SLICE)
        del written
        if not blank:
            lines += [f"<{_KEY}{name}> {_DECLARED} {ox.Literal(page.declaration)}",
                      f"<{_KEY}{name}> {_COUNT} {ox.Literal(total)}"]
    for g, h in docs.items():
        lines.append(f"<{_R}{g}> {_HASH} {ox.Literal(h)}")
        flush(_SLICE)
    for (g, name), n in counts.items():
        lines.append(f"<{_R}{g}> <{_KEY}{name}#count> {ox.Literal(n)}")
        flush(_SLICE)
    # the format and the state in the last slice: a graph of one slice (a build of some thousand
    # events) is added whole or not at all; a larger one lacks its state until its last slice
    lines += [f"<{_G}> {_FORMAT} {ox.Literal(FORMAT)}", f"<{_G}> {_STATE} {ox.Literal(state)}"]
    flush(0)


def _update(store, pages, batch: list[str], docs: dict[str, str], counts: dict[str, int]) -> None:
    """One transaction: the keys and records of ``batch``'s documents replaced by those their
    graphs give now, each query's count moved by the difference."""
    values = " ".join(str(ox.Literal(g)) for g in batch)
    old = [f"{r['n']} {r['p']} {r['o']}" for r in store.query(
        f"SELECT ?n ?p ?o WHERE {{ VALUES ?d {{ {values} }} GRAPH <{_G}> {{ ?n {_IN} ?d . ?n ?p ?o }} }}")]
    records = " ".join(f"<{_R}{g}>" for g in batch)
    for r in store.query(f"SELECT ?r ?p ?o WHERE {{ VALUES ?r {{ {records} }} GRAPH <{_G}> {{ ?r ?p ?o }} }}"):
        old.append(f"{r['r']} {r['p']} {r['o']}")
        if r["p"].value.endswith("#count") and r["p"].value.startswith(_KEY):
            name = r["p"].value[len(_KEY):-len("#count")]
            counts[name] = counts.get(name, 0) - int(r["o"].value)
    present = [g for g in batch if g in docs]
    lines: list[str] = []
    blank: set[str] = set()
    if present:
        found, blank = _drawn(store, pages, present)
        lines, drawn = _quads(pages, found, blank)
        for (g, name), n in drawn.items():
            lines.append(f"<{_R}{g}> <{_KEY}{name}#count> {ox.Literal(n)}")
            counts[name] = counts.get(name, 0) + n
        lines += [f"<{_R}{g}> {_HASH} {ox.Literal(docs[g])}" for g in present]
    lines += [f"<{_KEY}{name}> {_COUNT} {ox.Literal(n)}" for name, n in counts.items()]
    unlisted = "".join(f"DELETE WHERE {{ GRAPH <{_G}> {{ <{_KEY}{name}> {_DECLARED} ?d }} }} ;\n"
                       for name in sorted(blank))  # events without an IRI: that query's reader sorts
    store.update(unlisted + f"DELETE WHERE {{ GRAPH <{_G}> {{ ?q {_COUNT} ?x }} }} ;\n"
                 + (f"DELETE DATA {{ GRAPH <{_G}> {{ {' . '.join(old)} }} }} ;\n" if old else "")
                 + f"INSERT DATA {{ GRAPH <{_G}> {{ {' . '.join(lines)} }} }}")


def _chunks(items: list, n: int):
    for i in range(0, len(items), n):
        yield items[i:i + n]


__all__ = ["BATCH", "DECLARATION", "FORMAT", "KEYS_GRAPH", "PageKey", "bucket", "bucket_predicate", "bucket_run",
           "event_of", "key_predicate", "keys_current", "listing_pages", "order_of", "parse_declaration",
           "refresh_keys", "stored_count", "stream_keys"]
