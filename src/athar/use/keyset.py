"""Pages of a saved query's answer by a stable key (``athar query NAME --limit N --after KEY``).

Oxigraph sorts every row of an answer before it gives the first one, and a listing row
costs a dozen index look-ups (its evidence, roles, labels): at 10,000 documents `killings`
reads 7,074 rows in about 1 s, `evidence` 49,878 in 9 to 12 s, and ``LIMIT 50`` saves
nothing. A listing query declares instead the key its answer is ordered by first, and the
pattern that gives that key to each of its events (``# Page:`` in the .rq file; :func:`athar.use.query.answer_page` runs it)::

    # Page: ?e by ?date { ?e a athar:Return OPTIONAL { ?e athar:date ?dt } BIND(STR(?dt) AS ?date) }

A page is then two queries: the keys alone (one to four look-ups an event, sorted in
Python), and the query itself for the page's events only, given first as a VALUES sub-select
so that every join starts from them. The page ends where the key changes (unless one key's
run is longer than a page: :func:`page_events`), so a page holds every row of its keys, the
pages put together are the whole answer in its order, and ``--after`` takes the last key of
a page (a date, an amount, a document's name; ``""`` after the events without one, ``'""'``
after those whose key is the empty string, a key of two quotes being read as that). Each
event's key is one value (one date, one amount, one evidence): ``tests/test_keyset.py`` pages every declared
query through the seed and checks the pages against the whole answer.

A query without ``# Page:`` (the aggregates, whose answers are a few hundred rows read from
the summary graph) is paged by row number: the whole answer, cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from athar.errors import QueryError
from athar.graph.prefixes import PREFIXES
from athar.graph.pagekey import (DECLARATION, PageKey, bucket, bucket_run, keys_current, order_of, stored_count,
                                 stream_keys)

_ORDER = re.compile(r"\bORDER\s+BY\s+(?:(?P<dir>ASC|DESC)\s*\(\s*\?(?P<key1>\w+)\s*\)|\?(?P<key2>\w+))", re.IGNORECASE)
_PREFIX = re.compile(r"^\s*PREFIX\s+[\w-]*:\s*<[^>]*>", re.IGNORECASE | re.MULTILINE)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """One page: its rows (SPARQL 1.1 results JSON), the key to give ``--after`` for the next
    page (None on the last), how many events (or rows) the whole answer has, and of what."""

    results: dict
    next: str | None
    total: int
    unit: str

    def summary(self) -> str:
        rows = len(self.results["results"]["bindings"])
        more = f"next page: --after {self.next!r}" if self.next is not None else "last page"
        return f"{rows} row{'s' if rows != 1 else ''} of an answer of {self.total:,} {self.unit}; {more}"


def declared_page(path, text: str) -> PageKey | None:
    """The ``# Page:`` line of a query file, checked against the query's ORDER BY."""
    lines = [(n, m) for n, line in enumerate(text.splitlines(), 1) if (m := DECLARATION.fullmatch(line.strip()))]
    if not lines:
        if re.search(r"^#\s*page\s*:", text, re.IGNORECASE | re.MULTILINE):
            raise QueryError(f"{path}: a # Page: line reads '# Page: ?event by ?key {{ pattern }}' "
                             "(or by DESC(?key))")
        return None
    if len(lines) > 1:
        raise QueryError(f"{path}:{lines[1][0]}: a query declares one # Page: line")
    number, m = lines[0]
    key, descending = m["key1"] or m["key2"], (m["dir"] or "").upper() == "DESC"
    body = "\n".join(t for t in text.splitlines() if not t.lstrip().startswith("#"))
    order = _ORDER.search(body)
    if not order or (order["key1"] or order["key2"]) != key or \
            ((order["dir"] or "").upper() == "DESC") != descending:
        raise QueryError(f"{path}:{number}: the page key must be the first key of the query's ORDER BY, "
                         f"in its direction ({'DESC(?' + key + ')' if descending else '?' + key})")
    if not re.search(rf"[?$]{m['subject']}\b", body):
        raise QueryError(f"{path}:{number}: the query has no ?{m['subject']} to page by")
    return PageKey(m["subject"], key, descending, m["pattern"])


def keys_query(query_text: str, page: PageKey) -> str:
    """The query of the keys alone: each event with its key, unordered. Python sorts them
    (:func:`_order`, SPARQL's order for these keys): Oxigraph compares two stored strings or
    IRIs by reading both from its string table, so its sort of 10,000 documents' names took 0.6 s
    against 0.1 s for reading them."""
    prologue = "\n".join(p.group(0).strip() for p in _PREFIX.finditer(query_text))
    return f"{prologue}\nSELECT ?{page.subject} ?{page.key} WHERE {page.pattern}"


def restricted(query_text: str, subject: str, events: list) -> str:
    """The query with its events given first, as a sub-select of VALUES (a plain VALUES block
    is joined late by Oxigraph's planner: 0.3 s for 50 killings instead of 0.02)."""
    m = _first_where(query_text)
    values = " ".join(str(e) for e in events)
    return f"{query_text[:m]}\n  {{ SELECT ?{subject} WHERE {{ VALUES ?{subject} {{ {values} }} }} }}{query_text[m:]}"


def _first_where(text: str) -> int:
    at = 0
    for line in text.splitlines(keepends=True):  # the first WHERE outside a comment line
        m = None if line.lstrip().startswith("#") else _WHERE.search(line)
        if m:
            return at + m.end()
        at += len(line)
    raise QueryError("the query has no WHERE { ... } to page")


def page_rows(results: dict, *, limit: int, after: str | None, name: str) -> Page:
    """A page of an answer read whole (SPARQL results JSON), by row number: for a query that
    declares no ``# Page:`` (the aggregates: a few hundred rows from the summary graph)."""
    start = 0
    if after is not None:
        try:
            start = max(int(after), 0)
        except ValueError:
            raise QueryError(f"query '{name}' is paged by row number: --after takes the number the last page "
                             f"gave, not {after!r}") from None
    if "boolean" in results:
        return Page(results, None, 1, "rows")
    rows = results["results"]["bindings"]
    shown = {"head": results["head"], "results": {"bindings": rows[start:start + limit]}}
    return Page(shown, str(start + limit) if start + limit < len(rows) else None, len(rows), "rows")


def page_events(keys, page: PageKey, *, limit: int, after: str | None, name: str) -> tuple[list, str | None, int]:
    """From the solutions of :func:`keys_query`: the events of the page after ``after``, the
    key of the next page (None on the last), and how many events the whole answer has.

    A page holds ``limit`` events and the rest of its last key's run when that rest is no
    longer than a page: it then ends where the key changes, and ``--after`` is the key. A run
    of one key longer than that (the undated events, the 1,449 facts at offset 0 of 10,000
    synthetic articles) is cut by event, in the order of their IRIs: ``--after`` is then the
    key and the last event, ``'KEY <IRI>'``, and the second key of the ORDER BY orders such a
    run within each page only."""
    candidates, seen = _candidates(keys, page, after=after, name=name)
    return (*_cut(candidates, limit), len(seen))


def _candidates(keys, page: PageKey, *, after: str | None, name: str) -> tuple[list, set]:
    """The (order, key, event) after ``after``, in the answer's order, and every event seen."""
    ordered = sorted(((_order(sol[page.key]), sol[page.key], sol[page.subject]) for sol in keys),
                     key=lambda k: k[2].value)  # ties in the order of the events' IRIs
    ordered.sort(key=lambda k: k[0], reverse=page.descending)  # stable, also reversed
    after_key, after_event = _split_after(after)
    candidates, seen = [], set()
    for order, key, event in ordered:
        if event in seen:  # an event given twice (two values of its key): paged with the first
            continue
        seen.add(event)
        if after_key is not None:
            bound = _after_order(after_key, key)
            beyond = order < bound if page.descending else order > bound
            if not beyond and not (order == bound and after_event is not None and event.value > after_event):
                continue
        if isinstance(event, ox.BlankNode):
            raise QueryError(f"query '{name}': its ?{page.subject} are blank nodes: they cannot be paged")
        candidates.append((order, key, event))
    return candidates, seen


def _cut(candidates: list, limit: int) -> tuple[list, str | None]:
    if len(candidates) <= limit:
        return [e for _, _, e in candidates], None
    end = limit
    while end < len(candidates) and candidates[end][0] == candidates[limit - 1][0]:
        end += 1
    if end - limit <= limit:  # the rest of the last key's run fits: the page ends where the key changes
        taken = candidates[:end]
        nxt = _key_text(taken[-1][1]) if end < len(candidates) else None
    else:
        taken = candidates[:limit]
        nxt = f"{_key_text(taken[-1][1])} <{taken[-1][2].value}>".lstrip()
    return [e for _, _, e in taken], nxt


def indexed_page(store, name: str, page: PageKey, *, limit: int,
                 after: str | None) -> tuple[list, str | None, int] | None:
    """:func:`page_events` read from the keys graph (:mod:`athar.graph.pagekey`) instead of
    every event's key: the buckets from ``after`` on, in the order of Oxigraph's index, until
    the page and the rest of its last key's run are read (the whole bucket a read ends in is
    read too, so that a key's run is whole); the same page, at the cost of its rows and of the
    index entries before it. None when the graph is not current for this query or the store
    did not give its buckets in order (the caller then sorts every key)."""
    if not keys_current(store, name, page):
        return None
    key = _split_after(after)[0]
    if key and stream_keys(store, name, "1", inclusive=True, limit=1, below="2"):  # the answer has numbers
        _after_order(key, ox.Literal("0", datatype=ox.NamedNode(PREFIXES["xsd"] + "integer")))  # refused as by sorting
    gathered: list = []
    for start, below in _ranges(_split_after(after)[0], page.descending):
        if not _gather(store, name, page, start, below, gathered, limit=limit, after=after):
            return None
        if _enough(gathered, page, limit=limit, after=after, name=name):
            break
    keys = [{page.subject: ox.NamedNode(e), page.key: k} for _, e, k in gathered]
    events, nxt = _cut(_candidates(keys, page, after=after, name=name)[0], limit)
    return events, nxt, stored_count(store, name) or 0


def _ranges(after: str | None, descending: bool) -> list[tuple[str, str | None]]:
    """The ranges of buckets [start, below) that may hold the events after the key ``after``,
    in the page's order: a key that reads as a number is compared as one with numbers and as
    text with text (:func:`_after_order`), and these kinds' buckets lie apart."""
    if after is None:
        return [("", None)]
    if after == "":  # the events without a key
        return [(bucket((0,), descending), None)]
    if after == _EMPTY:  # the empty string: the first text
        return [(bucket((2, ""), descending), None)]
    try:
        number = bucket((1, Decimal(after)), descending)
    except InvalidOperation:
        return [(bucket((2, after), descending), None)]
    if descending:  # text first (one bucket), then numbers from this one on, then none
        return [(bucket((2, after), True), "1"), (number, None)]
    return [(number, bucket((2, ""), False)), (bucket((2, after), False), None)]


def _gather(store, name: str, page: PageKey, start: str, below: str | None, gathered: list, *, limit: int,
            after: str | None) -> bool:
    """Add to ``gathered`` the keys of whole buckets from ``start`` (below ``below``) until the
    events after ``after`` fill a page and the rest of its last run; False when the store did
    not give the buckets in order."""
    chunk, inclusive = 2 * limit + 2, True
    while True:
        rows = stream_keys(store, name, start, inclusive=inclusive, limit=chunk, below=below)
        if any(a[0] > b[0] for a, b in zip(rows, rows[1:])) or (rows and rows[0][0] < start):
            return False  # not in the index's order: this store keeps another
        if not rows:
            return True
        last = rows[-1][0]
        gathered += [r for r in rows if r[0] != last] + bucket_run(store, name, last, page.descending)
        if len(rows) < chunk:
            return True
        start, inclusive = last, False
        if _enough(gathered, page, limit=limit, after=after, name=name):
            return True


def _enough(gathered: list, page: PageKey, *, limit: int, after: str | None, name: str) -> bool:
    """Whether the events of ``gathered`` after ``after`` fill a page and its last run's rest."""
    events = {e for _, e, _ in gathered}
    if len(events) <= 2 * limit or after is None:  # the first page: every event gathered counts
        return len(events) > 2 * limit
    keys = [{page.subject: ox.NamedNode(e), page.key: k} for _, e, k in gathered]
    return len(_candidates(keys, page, after=after, name=name)[0]) > 2 * limit


_EMPTY = '""'  # --after's name of the empty string key ("" is the events without a key)


def _key_text(term) -> str:
    if term is None:
        return ""
    return _EMPTY if term.value == "" else term.value


def _split_after(after: str | None) -> tuple[str | None, str | None]:
    """``'KEY'`` or ``'KEY <IRI>'`` (a page cut inside a run of one key) as (KEY, IRI)."""
    if after is None:
        return None, None
    m = re.fullmatch(r"(?s)(.*?) ?<([^<>\s]+)>", after)
    return (m[1], m[2]) if m else (after, None)


_order = order_of


def _after_order(after: str, like) -> tuple:
    """The ``--after`` text as a key of the kind of ``like`` (a key of the answer): "" is the
    events without one (first in ascending order, last in descending), '""' the empty string."""
    if after == "":
        return (0,)
    if after == _EMPTY:
        return (2, "")
    if _order(like)[0] == 1:
        try:
            return (1, Decimal(after))
        except InvalidOperation:
            raise QueryError(f"--after takes a number here (the key is one), not {after!r}") from None
    return (2, after)


__all__ = ["Page", "PageKey", "declared_page", "indexed_page", "keys_query", "page_events", "page_rows", "restricted"]
