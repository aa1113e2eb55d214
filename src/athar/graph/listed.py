"""A listing query's whole answer read from its rows in Python: one pattern, the fields cut here.

The rows graph (:mod:`athar.graph.listing`) holds each listing query's rows, a document's rows
one literal: their sort keys (:mod:`athar.graph.rowkey`), then the rows, a row's fields
separated by U+001F. The documents' literals are read with one pattern and put in order by
their first keys: where each document's rows follow the one before in the answer's order
(``evidence``, ordered by its document first), the answer is their rows as one text, none cut,
and its CSV is cut from that text (each field's kind replaced, the separators made commas) when
no field needs quotes (:meth:`ListedAnswer.csv_lines`). Where they interleave (``timeline``,
by date) the rows are ordered by one sort of their keys; where a row has no key, each field is
made the term it was (``s`` a plain string, ``l`` and a language, ``d`` and a datatype, ``x``
and the name of one of XSD's, ``i`` an IRI, ``u`` unbound) and the rows ordered as SPARQL
orders terms (unbound first, then IRIs by their text, then literals: numbers by value, strings
by code point, their datatype and language after; ``DESC`` reversed). Rows that tie on every
ORDER BY key come in the order of their fields' text (the engine's own order of ties is its sort's, not the query's). Either way the answer is
the query's: its columns, DISTINCT, in its ORDER BY.

An ORDER BY key whose values SPARQL would compare in ways that are not one order (numbers
beside strings, a date or a boolean, an ``xsd:float`` beside an ``xsd:double``, a number
Oxigraph's types do not hold) or an ORDER BY of another form than variables gives None: the
query's own text then answers.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from itertools import islice, repeat
from operator import itemgetter

import pyoxigraph as ox

from athar.graph.listing import ROW_SEP, ROWS_GRAPH, SEP, query_shape, rows_current, rows_predicate
from athar.graph.rowkey import KEY_END, field_datatype, key_layout, order_conditions
from athar.graph.prefixes import PREFIXES

_XSD = PREFIXES["xsd"]
_XSD_STRING = _XSD + "string"
_INTEGERS = frozenset(_XSD + t for t in (
    "integer", "byte", "short", "int", "long", "unsignedByte", "unsignedShort", "unsignedInt", "unsignedLong",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "nonNegativeInteger"))
_DECIMAL, _DOUBLE = _XSD + "decimal", _XSD + "double"
_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")
_DECIMAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DOUBLE_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?INF")
_PLAIN = itemgetter(slice(2, None))  # a plain string field's text: "s TEXT"
_I64 = 1 << 63
_DECIMAL_BOUND = Decimal("1e20")
_MARK = "\x1d"  # before a field, in rows cut as one text (_csv_text)
_UNCUT = (",", '"', "\r", "\n", _MARK)  # a field holding one is not cut as one text
_QUOTED = re.compile('[,"\r\n]')  # what Python's CSV writer quotes a field for


class ListedAnswer:
    """The answer of a listing query read from its rows: what pyoxigraph's ``QuerySolutions``
    gives (``variables``; solutions read by name, variable or position; ``serialize``), and its
    SPARQL 1.1 results JSON at once (:meth:`results_json`)."""

    def __init__(self, columns: list[str], rows: list[tuple[str, ...]] | None, lines: list[str] | None = None,
                 text: str | None = None):
        self._columns = columns
        self._cut = rows  # each a tuple of fields, as the rows graph writes them (None: cut from lines when read)
        self._lines = lines  # the same rows as the rows graph writes them, when they hold the columns only
        self._text = text  # or those rows as one text, separated by U+001E (none holds it: athar.graph.listing)
        self._terms: dict[str, ox.NamedNode | ox.Literal | None] = {}

    @property
    def _rows(self) -> list[tuple[str, ...]]:
        if self._cut is None:
            if self._lines is None:
                self._lines = self._text.split(ROW_SEP) if self._text else []
            self._cut = _cut(self._lines, len(self._columns))
        return self._cut

    @property
    def variables(self) -> list[ox.Variable]:
        return [ox.Variable(c) for c in self._columns]

    def __len__(self) -> int:
        if self._cut is None and self._lines is None:
            return self._text.count(ROW_SEP) + 1 if self._text else 0
        return len(self._rows if self._lines is None else self._lines)

    def __iter__(self):
        index = {c: i for i, c in enumerate(self._columns)}
        terms = self._terms
        for row in self._rows:
            yield ListedSolution(index, tuple(terms[f] if f in terms else terms.setdefault(f, field_term(f))
                                              for f in row))

    def rows_as(self, text=None) -> Iterator[tuple[str, ...]]:
        """The rows, each field as ``text`` gives of its term in the results JSON (None when
        unbound), called once for each distinct field of a column; without ``text``, each
        term's plain value ("" when unbound: what SPARQL's CSV holds)."""
        columns = []
        for values in zip(*self._rows):
            if text is None and all(map(str.startswith, values, repeat("s "))):  # plain strings, the most:
                columns.append(map(_PLAIN, values))  # each one's text, no field looked up
                continue
            if text is None:  # the text after the field's kind (the unbound field "u" has none)
                made = {f: f.partition(" ")[2] for f in set(values)}
            else:
                made = {f: text(_field_json(f)) for f in set(values)}
            columns.append(map(made.__getitem__, values))
        return zip(*columns)

    def csv_lines(self) -> str:
        """The rows as the lines of SPARQL's CSV (each term's plain value, "" when unbound), each
        ending in CRLF, quoted as Python's CSV writer quotes (a field holding a comma, a quote, CR
        or LF; a row of one empty field). Rows held as their literals, none needing quotes, are
        cut as one text (:func:`_csv_text`); else each distinct field of a column is made its
        CSV text once."""
        if self._text and len(self._columns) > 1:
            text = _csv_text(self._text, self._text.partition(ROW_SEP)[0])
            if text is not None:
                return text
        elif self._lines and len(self._columns) > 1:  # no row holds U+001E (athar.graph.listing)
            text = _csv_text(ROW_SEP.join(self._lines), self._lines[0])
            if text is not None:
                return text
        lone = len(self._columns) == 1  # a row of one empty field is written ""
        columns = []
        for values in zip(*self._rows):
            made = {f: _csv_field(f.partition(" ")[2], lone) for f in set(values)}
            columns.append(map(made.__getitem__, values))
        return "".join(map("{}\r\n".format, map(",".join, zip(*columns))))

    def results_json(self) -> dict:
        """The SPARQL 1.1 results JSON, as Oxigraph writes it (an unbound column left out)."""
        with uncollected():
            return self._results_json()

    def _results_json(self) -> dict:
        rows, columns = self._rows, self._columns
        terms, unbound = [], []  # column by column, each distinct field's term once
        for c, values in zip(columns, zip(*rows)):
            term = {f: _field_json(f) for f in set(values)}
            terms.append(map(term.__getitem__, values))
            if "u" in term:
                unbound.append(c)
        bindings = list(map(dict, map(zip, repeat(columns), zip(*terms))))
        for c in unbound:
            for b in bindings:
                if b[c] is None:
                    del b[c]
        return {"head": {"vars": list(columns)}, "results": {"bindings": bindings}}

    def serialize(self, output=None, format=ox.QueryResultsFormat.JSON):  # noqa: A002 - pyoxigraph's name
        """The answer in a SPARQL results format (pyoxigraph writes the formats but JSON)."""
        data = json.dumps(self.results_json(), ensure_ascii=False).encode("utf-8")
        if format != ox.QueryResultsFormat.JSON:
            data = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=format)
        if output is None:
            return data
        if hasattr(output, "write"):
            output.write(data)
        else:
            with open(output, "wb") as out:
                out.write(data)
        return None


class ListedSolution:
    """One row of a :class:`ListedAnswer`: its terms by column name, variable or position."""

    __slots__ = ("_index", "_terms")

    def __init__(self, index: dict[str, int], terms: tuple):
        self._index, self._terms = index, terms

    def __getitem__(self, key):
        if isinstance(key, int):
            return self._terms[key]
        return self._terms[self._index[key.value if isinstance(key, ox.Variable) else key]]

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self):
        return iter(self._terms)


def listed_answer(store, name: str, text: str) -> ListedAnswer | None:
    """The answer of the saved listing query ``name`` of text ``text`` read from its rows, or
    None: rows not current for this text (:func:`athar.graph.listing.rows_current`), or an
    order this module does not keep (the query's own text then answers)."""
    shape = query_shape(text)
    if shape is None:
        return None
    columns, held, modifiers = shape
    order = order_conditions(modifiers)
    if order is None or any(v not in held for v, _ in order) or not rows_current(store, name, text):
        return None
    found = store.query(f"SELECT ?r WHERE {{ GRAPH <{ROWS_GRAPH}> {{ ?n <{rows_predicate(name)}> ?r }} }}")
    with uncollected():
        literals = [s[0].value for s in found]  # a document's rows each
        layout = key_layout(held, order)
        parts = [r.partition(KEY_END) for r in literals]  # (the keys, U+001C, the rows) or (the rows, "", "")
        if layout is not None and "" not in map(itemgetter(1), parts):  # every document's rows keyed
            text = _documents_in_order(parts, len(layout[0]))
            if text is not None and len(columns) == len(held):  # no row of two documents, none cut
                return ListedAnswer(columns, None, text=text)
            lines = _by_key(_keyed_rows(parts), len(layout[0])) if text is None else text.split(ROW_SEP)
            if lines is not None:
                if len(columns) < len(held):
                    return ListedAnswer(columns, _distinct(_cut(lines, len(held)), len(columns)))
                return ListedAnswer(columns, None, lines)
        rows = ROW_SEP.join(p[2] if p[1] else p[0] for p in parts)
        ordered = _ordered(rows.split(ROW_SEP) if rows else [], len(held),
                           [(held.index(v), descending) for v, descending in order])
        if ordered is None:
            return None
        lines, rows, at = ordered
        if len(columns) < len(held):
            return ListedAnswer(columns, _distinct(map(rows.__getitem__, at), len(columns)))
        return ListedAnswer(columns, list(map(rows.__getitem__, at)), list(map(lines.__getitem__, at)))


def _documents_in_order(parts: list[tuple[str, str, str]], keyed: int) -> str | None:
    """The rows of the documents' literals (each cut as its keys, U+001C, its rows), one text in
    the answer's order, when the documents' rows follow each other in it (each document's last
    key before the next one's first) and are of one signature (``keyed`` letters); else None."""
    if not parts:
        return ""
    firsts = [k.partition(ROW_SEP)[0] for k, _, _ in parts]
    at = sorted(range(len(parts)), key=firsts.__getitem__)
    firsts = list(map(firsts.__getitem__, at))
    lasts = [parts[i][0].rpartition(ROW_SEP)[2] for i in at]
    if firsts[0][:keyed] != lasts[-1][:keyed] or not all(map(str.__lt__, lasts, islice(firsts, 1, None))):
        return None
    return ROW_SEP.join(parts[i][2] for i in at)


def _keyed_rows(parts: list[tuple[str, str, str]]) -> list[str]:
    """Every row of the documents' literals (:func:`_documents_in_order`) led by its key and U+001C."""
    keys = ROW_SEP.join(p[0] for p in parts).split(ROW_SEP)
    rows = ROW_SEP.join(p[2] for p in parts).split(ROW_SEP)
    return list(map(KEY_END.join, zip(keys, rows)))


@contextmanager
def uncollected():
    """No cyclic garbage collection while a whole answer's rows are made: they hold no cycle,
    and the collector walks the growing lists of tuples and dicts again and again (a quarter
    of the 1.1 s of ``evidence``'s 49,878 rows at 10,000 documents)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def answer_rows(literals: list[str], width: int, columns: int,
                order: list[tuple[int, bool]]) -> list[tuple[str, ...]] | None:
    """The rows ``literals`` (each ``width`` fields, ending in the separator) as the answer's
    rows of their first ``columns`` fields: ordered by the fields ``order`` names (their
    position, descending or not), rows equal in all of them by their fields' text; DISTINCT
    (the first of the order kept); None when a field of the order does not sort as one order
    (:func:`order_key`)."""
    ordered = _ordered(literals, width, order)
    if ordered is None:
        return None
    _, rows, at = ordered
    if columns == width:  # every field shown: the rows are distinct already
        return list(map(rows.__getitem__, at))
    return _distinct(map(rows.__getitem__, at), columns)


def _ordered(literals: list[str], width: int,
             order: list[tuple[int, bool]]) -> tuple[list[str], list[tuple[str, ...]], list[int]] | None:
    """The distinct ``literals``, their rows of fields, and the positions of the rows in the
    answer's order (:func:`answer_rows`); None when a field of the order is not one order."""
    lines = list(set(literals))  # a row of two documents once
    rows = [tuple(r.split(SEP, width)[:width]) for r in lines]
    fields = list(zip(*rows)) if rows else [()] * width
    keys = []
    for n, (i, descending) in enumerate(order, 1):
        if n == len(order) and not descending and _one_kind(fields[i]):  # the last key, compared
            keys.append(fields[i])  # on ties only: strings of one kind (or IRIs) by their text, no rank
            continue
        rank = _ranks(fields[i])  # each distinct value's rank in its column, equal keys one rank
        if rank is None:
            return None
        keys.append(list(map((_negated(rank) if descending else rank).__getitem__, fields[i])))
    keyed = list(zip(*keys, rows))  # ties: by the row's fields
    return lines, rows, sorted(range(len(rows)), key=keyed.__getitem__)


def _by_key(literals: list[str], keyed: int) -> list[str] | None:
    """The rows ``literals`` (each its sort key, :mod:`athar.graph.rowkey`, then its fields)
    without their keys, distinct, in their keys' order (ties: by their fields' text); None when
    a row has no key, or the rows' keys are not of one signature (``keyed`` letters)."""
    literals.sort()
    if not literals:
        return []
    if literals[0][:keyed] != literals[-1][:keyed]:  # sorted: the first and last signatures bound the rest
        return None
    parts = list(map(str.partition, literals, repeat(KEY_END)))
    if "" in map(itemgetter(1), parts):  # a row with no key
        return None
    lines = list(map(itemgetter(2), parts))
    if any(map(str.__eq__, literals, islice(literals, 1, None))):  # a row of two documents: once
        lines = list(dict.fromkeys(lines))
    return lines


def _cut(lines: list[str], width: int) -> list[tuple[str, ...]]:
    return [tuple(r.split(SEP, width)[:width]) for r in lines]


def _distinct(rows, columns: int) -> list[tuple[str, ...]]:
    """The rows' first ``columns`` fields, each distinct one once, at its first place."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for row in rows:
        shown = row[:columns]
        if shown not in seen:
            seen.add(shown)
            out.append(shown)
    return out


def _one_kind(values) -> bool:
    """Whether every field is a string of one kind (plain, or one language) or an IRI, none unbound."""
    kind = (values[0] if values else "u").partition(" ")[0] + " "
    return kind[0] in "sli" and all(map(str.startswith, values, repeat(kind)))


def _ranks(values) -> dict[str, int] | None:
    """Each distinct field's rank in SPARQL's order of its terms (equal terms, one rank)."""
    distinct = set(values)
    distinct.discard("u")
    kind = next(iter(distinct), "u ").partition(" ")[0] + " "
    if kind[0] in "sli" and all(map(str.startswith, distinct, repeat(kind))):  # strings of one kind, or IRIs:
        ordered = ["u", *sorted(distinct)]  # by their text (code points), after the unbound
        return dict(zip(ordered, range(len(ordered))))
    keys = {}
    for f in set(values):
        key = order_key(f)
        if key is None:
            return None
        keys[f] = key
    if len({k[1] for k in keys.values() if k[0] == 2}) > 1:  # numbers beside strings: not one order
        return None
    rank, last, n = {}, None, -1
    for f in sorted(keys, key=keys.__getitem__):
        if keys[f] != last:
            n, last = n + 1, keys[f]
        rank[f] = n
    return rank


def _negated(rank: dict[str, int]) -> dict[str, int]:
    return {f: -n for f, n in rank.items()}


def order_key(field: str) -> tuple | None:
    """The place of a field's term in SPARQL's ORDER BY, as Oxigraph compares terms: unbound,
    then IRIs, then literals; among literals, numbers of the integer types and decimals by
    value (one kind), doubles by value (another), strings and languages by their text, then
    their datatype and language (a third). None for a term compared otherwise (dates, booleans,
    floats, a number Oxigraph does not hold, NaN)."""
    kind, _, value = field.partition(" ")
    if kind == "u":
        return (0,)
    if kind == "i":
        return (1, value)
    if kind == "s":
        return (2, "s", value, _XSD_STRING, "")
    if kind.startswith("l"):
        return (2, "s", value, PREFIXES["rdf"] + "langString", kind[1:])
    if kind[0] not in "dx":
        return None
    datatype = field_datatype(kind)
    if datatype in _INTEGERS:
        if not _INTEGER_TEXT.fullmatch(value) or not -_I64 <= int(value) < _I64:
            return None
        return (2, "n", Decimal(value))
    if datatype == _DECIMAL:
        if not _DECIMAL_TEXT.fullmatch(value):
            return None
        number = Decimal(value)
        if abs(number) >= _DECIMAL_BOUND or len(value.partition(".")[2].rstrip("0")) > 18:
            return None  # past what Oxigraph's decimal holds (18 digits after the point, 1e20 before it)
        return (2, "n", number)
    if datatype == _DOUBLE and _DOUBLE_TEXT.fullmatch(value):
        return (2, "d", float(value))
    return None


def field_term(field: str):
    """A row's field as the term it was: ``s`` a plain string, ``l`` and a language, ``d`` and
    a datatype, ``i`` an IRI, ``u`` unbound (None)."""
    kind, _, value = field.partition(" ")
    if kind == "u":
        return None
    if kind == "s":
        return ox.Literal(value)
    if kind == "i":
        return ox.NamedNode(value)
    if kind.startswith("l"):
        return ox.Literal(value, language=kind[1:])
    return ox.Literal(value, datatype=ox.NamedNode(field_datatype(kind)))


def _csv_text(rows: str, first: str) -> str | None:
    """The CSV lines of the rows ``rows`` (as the rows graph writes them, separated by U+001E,
    none holding it; ``first`` the first), cut as one text: each field's kind ("s ", "lar ",
    "dIRI ", "u") replaced by a mark, the row ends made CRLF and the marks commas; None when a
    field would need quoting (or holds a mark), or has a kind the first row's fields do not have."""
    if any(c in rows for c in _UNCUT):
        return None
    text = SEP + rows.replace(ROW_SEP, ROW_SEP + SEP)  # "\x1fs v\x1fu\x1f\x1e\x1fs v\x1fu\x1f"
    unbound = SEP + "u" + SEP
    while unbound in text:  # "\x1fu\x1fu\x1f": the second is found by the next pass
        text = text.replace(unbound, _MARK + SEP)
    for kind in {f.partition(" ")[0] for f in first.split(SEP)[:-1]} - {"u"}:
        text = text.replace(SEP + kind + " ", _MARK)  # a kind follows a separator, a value a mark
    if text.count(SEP) != text.count(ROW_SEP) + 1:  # a field of another kind left: not cut here
        return None
    return text[1:-1].replace(SEP + ROW_SEP + _MARK, "\r\n").replace(_MARK, ",") + "\r\n"


def _csv_field(value: str, lone: bool = False) -> str:
    """A value as Python's CSV writer writes it: quoted when it holds a comma, a quote, CR or LF
    (its quotes doubled), or when it is the row's one field and empty."""
    if _QUOTED.search(value) is not None:
        return '"' + value.replace('"', '""') + '"'
    return '""' if lone and not value else value


def _field_json(field: str) -> dict | None:
    """A row's field as its term in SPARQL results JSON (None unbound), as :func:`field_term`."""
    if field.startswith("s "):  # the most fields: a plain string
        return {"type": "literal", "value": field[2:]}
    kind, _, value = field.partition(" ")
    if kind == "u":
        return None
    if kind == "i":
        return {"type": "uri", "value": value}
    if kind.startswith("l"):
        return {"type": "literal", "value": value, "xml:lang": kind[1:]}
    return {"type": "literal", "value": value, "datatype": field_datatype(kind)}


__all__ = ["ListedAnswer", "ListedSolution", "answer_rows", "field_term", "listed_answer", "order_conditions",
           "order_key"]
