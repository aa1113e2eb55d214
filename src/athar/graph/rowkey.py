"""A row's sort key: the listing query's ORDER BY written as text that sorts as SPARQL orders.

The rows graph (:mod:`athar.graph.listing`) writes each row's literal as its key, U+001C, then
its fields; :mod:`athar.graph.listed` orders the literals with one sort of the strings, none of
them cut (Python compares strings by code point, as the keys are made for). The key is::

    SIGNATURE  KEY OF THE 1ST ORDER BY VARIABLE  KEY OF THE 2ND ...

Each ORDER BY variable's key, as Oxigraph orders its terms: unbound ``\\x02``; an IRI ``\\x03``
and its text; a string ``\\x04``, its text, then its datatype (``\\x02`` and the language for a
language's string, which sorts before ``xsd:string``'s ``\\x03``), each ended by ``\\x01``; an
integer (the types of ``xsd:integer``, in canonical form) ``\\x05``, then its length and digits
(``@`` plus the length; a negative: ``@`` less it, each digit's complement), so that the text sorts as the
number. Rows equal in the key are then ordered by their fields' text (the answer's rule for
ties): where the last ORDER BY variable is ascending and every field before it in the row is a
key's, that variable's plain string is left to the fields (``evidence``'s ``?words``), its key
``\\x04`` alone.

The signature is a letter per variable keyed, ``n`` for an integer, ``x`` otherwise: SPARQL does
not order integers beside other literals as one order, so an answer is ordered by its keys only
when its first and last rows (after the sort: every row between them) have one signature. A row
with no key (a DESC, a value holding a character below U+0020, a term of another type: a date,
a decimal, a double, a boolean) has none written: its query's rows are then cut and ranked as
before (:func:`athar.graph.listed.answer_rows`).
"""

from __future__ import annotations

import re

from athar.graph.prefixes import PREFIXES

KEY_END = "\x1c"  # between a row's key and its fields
_XSD = PREFIXES["xsd"]
_INTEGERS = frozenset(_XSD + t for t in (
    "integer", "byte", "short", "int", "long", "unsignedByte", "unsignedShort", "unsignedInt", "unsignedLong",
    "positiveInteger", "negativeInteger", "nonPositiveInteger", "nonNegativeInteger"))
_INTEGER = frozenset([_XSD + "integer"])
_CANONICAL = re.compile(r"0|-?[1-9][0-9]{0,18}")
_I64 = 1 << 63
_CONTROL = re.compile(r"[\x00-\x1f]")
_ORDER = re.compile(r"\s*ORDER\s+BY\s+(.*)", re.IGNORECASE | re.DOTALL)
_CONDITION = re.compile(r"\s*(?:(ASC|DESC)\s*\(\s*[?$](\w+)\s*\)|[?$](\w+))", re.IGNORECASE)
_COMPLEMENT = str.maketrans("0123456789", "9876543210")


def order_conditions(modifiers: str | None) -> list[tuple[str, bool]] | None:
    """``ORDER BY DESC(?amount) ?donor`` as ``[("amount", True), ("donor", False)]``; None for
    another form (an expression, LIMIT, OFFSET)."""
    if modifiers is None:
        return []
    m = _ORDER.fullmatch(modifiers)
    if m is None:
        return None
    out, at, rest = [], 0, m.group(1).rstrip()
    while at < len(rest):
        c = _CONDITION.match(rest, at)
        if c is None:
            return None
        out.append((c[2] or c[3], (c[1] or "").upper() == "DESC"))
        at = c.end()
    return out or None


def key_layout(held: list[str], order: list[tuple[str, bool]] | None) -> tuple[list[int], int | None] | None:
    """Where a row's keys come from: the positions in ``held`` (the row's variables) of the
    ORDER BY variables keyed in full, and the position of the last one when its plain string is
    left to the fields (else None); None when the rows get no key (no ORDER BY, a DESC, a
    variable the row does not hold)."""
    if not order or any(descending or v not in held for v, descending in order):
        return None
    at = [held.index(v) for v, _ in order]
    last = at[-1]
    if all(i in at[:-1] for i in range(last)):  # every field before it keyed: equal keys, equal fields
        return at[:-1], last
    return at, None


def row_key(fields: list[str], layout: tuple[list[int], int | None]) -> str | None:
    """The key of a row whose fields (as the rows graph writes them: ``s TEXT``, ``l<lang> TEXT``,
    ``d<IRI> TEXT``, ``x<XSD's name> TEXT``, ``i IRI``, ``u``) are ``fields``; None when it has
    none (see the module)."""
    if any(_CONTROL.search(f, 1) for f in fields):  # past the kind: a value's own text
        return None
    keyed, last = layout
    signature, parts = [], []
    for i in keyed:
        kind, _, value = fields[i].partition(" ")
        if kind == "u":
            part = "\x02"
        elif kind == "i":
            part = "\x03" + value + "\x01"
        elif kind == "s":
            part = "\x04" + value + "\x01\x03\x01"
        elif kind.startswith("l"):
            part = "\x04" + value + "\x01\x02" + kind[1:] + "\x01"
        elif kind[0] in "dx" and field_datatype(kind) in (_INTEGERS if last is None else _INTEGER) \
                and _CANONICAL.fullmatch(value) \
                and -_I64 <= int(value) < _I64:  # a field left to the text: one integer type, one text a value
            signature.append("n")
            parts.append("\x05" + _integer(value))
            continue
        else:
            return None
        signature.append("x")
        parts.append(part)
    if last is not None:
        if not fields[last].startswith("s "):
            return None
        parts.append("\x04")
    return "".join(signature) + "".join(parts)


def field_datatype(kind: str) -> str:
    """The datatype of a field's kind: ``d`` and its IRI, ``x`` and the name of one of XSD's."""
    return _XSD + kind[1:] if kind[0] == "x" else kind[1:]


def _integer(value: str) -> str:
    if value.startswith("-"):
        digits = value[1:]
        return chr(0x40 - len(digits)) + digits.translate(_COMPLEMENT)
    return chr(0x40 + len(value)) + value


__all__ = ["KEY_END", "field_datatype", "key_layout", "order_conditions", "row_key"]
