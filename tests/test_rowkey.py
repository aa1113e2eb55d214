"""A row's sort key (``athar.graph.rowkey``): its text sorts as SPARQL orders the terms
(``athar.graph.listed.order_key``, Oxigraph's order), or the row has none.

What a user checks: ``athar query evidence --all -f csv`` gives its rows in the query's ORDER
BY, whichever way the rows were put in order.
"""

from __future__ import annotations

import pytest

from athar.graph.listed import order_key
from athar.graph.prefixes import PREFIXES
from athar.graph.rowkey import key_layout, row_key

XSD = PREFIXES["xsd"]

# one column's terms that SPARQL orders as one order: unbound, IRIs, strings and languages' strings
_WORDS = ["u", "i http://a", "i http://a/b", "i http://B", "s ", "s a", "s ab", "s a b", "s B", "s ä", "s الرقة",
          "len a", "lar a", "len ab", "len-gb a", "s z", "lfr ", "i http://z"]
# and integers (an integer's order beside a string is not one: another signature)
_NUMBERS = [f"d{XSD}integer {n}" for n in ("0", "1", "9", "10", "-1", "-9", "-10", "123456789", "-123456789",
                                            "9223372036854775807", "-9223372036854775808", "42")] + [
    f"d{XSD}int 7", f"d{XSD}nonNegativeInteger 8", "xinteger 11", "xint -11", "xlong 12345"]


@pytest.mark.parametrize("column", [_WORDS, _NUMBERS], ids=["words", "integers"])
def test_keys_sort_as_sparql_orders(column):
    layout = ([0], None)
    keyed = sorted(column, key=lambda f: row_key([f], layout))
    assert [order_key(f) for f in keyed] == sorted(order_key(f) for f in column)


def test_keys_of_two_columns_compare_the_second_on_ties_only():
    layout = ([0, 1], None)
    rows = [["s a", f"d{XSD}integer 10"], ["s a", f"d{XSD}integer 9"], ["s ab", f"d{XSD}integer 1"],
            ["u", f"d{XSD}integer 5"], ["lar a", f"d{XSD}integer -2"]]
    keyed = sorted(rows, key=lambda r: row_key(r, layout))
    assert keyed == sorted(rows, key=lambda r: (order_key(r[0]), order_key(r[1])))
    assert {row_key(r, layout)[:2] for r in rows} == {"xn"}  # one signature: an x and an n


@pytest.mark.parametrize(("fields", "layout"), [
    pytest.param(["s a\nb"], ([0], None), id="a-line-break"),
    pytest.param(["s a", "s b\tc"], ([0], None), id="a-tab-in-another-field"),
    pytest.param([f"d{XSD}decimal 1.5"], ([0], None), id="decimal"),
    pytest.param([f"d{XSD}double 1.5"], ([0], None), id="double"),
    pytest.param([f"d{XSD}date 2019-03-23"], ([0], None), id="date"),
    pytest.param([f"d{XSD}integer 007"], ([0], None), id="integer-not-canonical"),
    pytest.param([f"d{XSD}integer 9223372036854775808"], ([0], None), id="past-i64"),
    pytest.param(["s a", "lar b"], ([0], 1), id="last-left-to-the-text-a-language"),
    pytest.param(["s a", "u"], ([0], 1), id="last-left-to-the-text-unbound"),
    pytest.param([f"d{XSD}int 5", "s b"], ([0], 1), id="another-integer-type-before-the-text"),
])
def test_rows_with_no_key(fields, layout):
    assert row_key(fields, layout) is None


def test_the_last_variable_left_to_the_fields():
    # evidence: ?document ?start ?end ?type ?words ?sentence, ORDER BY ?document ?start ?type ?end ?words
    held = ["document", "start", "end", "type", "words", "sentence"]
    order = [("document", False), ("start", False), ("type", False), ("end", False), ("words", False)]
    assert key_layout(held, order) == ([0, 1, 3, 2], 4)
    # timeline: ?qualifier, before ?document, is no key: ?document keyed in full
    held = ["date", "qualifier", "type", "document", "evidence"]
    assert key_layout(held, [("date", False), ("type", False), ("document", False)]) == ([0, 2, 3], None)
    assert key_layout(held, [("date", True), ("type", False)]) is None  # DESC: no key
    assert key_layout(held, []) is None
    assert key_layout(held, [("other", False)]) is None


def test_rows_left_to_their_fields_sort_as_their_keys_then_fields():
    layout = ([0], 1)
    rows = [["s a", "s z", "s 1"], ["s a", "s y", "s 2"], ["s b", "s a", "s 3"], ["s a", "s y", "s 0"]]
    keyed = sorted(rows, key=lambda r: row_key(r, layout) + "\x1c" + "\x1f".join(r))
    assert keyed == sorted(rows)  # the order of (the first, then the second) and the rest by their text
