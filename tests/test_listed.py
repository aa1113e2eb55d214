"""A listing query's whole answer read from its rows in Python (``athar.graph.listed``): the
same answer as the query's own text, on the corpus's store and on a store written for the
ways SPARQL orders terms (unbound columns, languages, datatypes, IRIs, ties, DISTINCT on a
column the ORDER BY reads but the answer does not show); an order that is not one order in
Python is cut in SPARQL as before.

What a user checks: ``athar query killings --all`` (or ``-f csv``, or the Python API) gives
the rows, in the order, that the query's text gives.
"""

from __future__ import annotations

import io
import re

import pyoxigraph as ox
import pytest

from athar.graph import listing
from athar.graph.listed import ListedAnswer, answer_rows, listed_answer, order_conditions, order_key
from athar.graph.listing import refresh_rows
from athar.graph.store import Store
from athar.graph.terms import PREFIXES
from athar.use.output import format_results, results_json, write_results
from athar.use.query import answer, answer_page, load_query, run_query, run_select, saved_queries

LISTED = [q for q in saved_queries() if q.page is not None]
EX = "http://example.org/"
XSD = PREFIXES["xsd"]


def _shown_order(text: str, columns: list[str]) -> list[str]:
    order = re.findall(r"[?$](\w+)", re.search(r"ORDER\s+BY\s+(.*)", text, re.IGNORECASE | re.DOTALL)[1])
    return [v for v in order if v in columns]


def _canonical(results: dict, text: str) -> list:
    """The rows in the answer's order, each run of rows equal in every ORDER BY column the
    answer shows sorted by its text (SPARQL leaves the order of ties open: Oxigraph's sort is
    not stable)."""
    columns = results["head"]["vars"]
    keys = _shown_order(text, columns)
    rows = [tuple((c, tuple(sorted(b[c].items()))) if c in b else (c, None) for c in columns)
            for b in results["results"]["bindings"]]
    out, run, last = [], [], object()
    for row in rows:
        key = tuple(v for c, v in row if c in keys)
        if key != last and run:
            out += sorted(run, key=str)
            run = []
        run.append(row)
        last = key
    return out + sorted(run, key=str)


def assert_same_answer(store: Store, query, text: str | None = None) -> ListedAnswer | None:
    """The answer athar gives equals the query's own text's, row for row (ties aside)."""
    text = text or query.text
    got = answer(store, query)
    own = results_json(store.query(text))
    mine = results_json(got)
    assert mine["head"] == own["head"], query.name
    assert len(mine["results"]["bindings"]) == len(own["results"]["bindings"]), query.name
    assert _canonical(mine, text) == _canonical(own, text), query.name
    return got if isinstance(got, ListedAnswer) else None


@pytest.mark.parametrize("query", LISTED, ids=[q.name for q in LISTED])
def test_a_listing_query_read_in_python_is_its_own_text(corpus_store, query):
    got = assert_same_answer(corpus_store, query)
    assert got is not None, f"{query.name}: not read from its rows"
    own = results_json(corpus_store.query(query.text))
    assert len(got) == len(own["results"]["bindings"]) > 0


def test_the_table_the_worker_and_the_terms_are_the_same(corpus_store):
    query = next(q for q in LISTED if q.name == "killings")
    got = answer(corpus_store, query)
    assert isinstance(got, ListedAnswer)
    own = corpus_store.query(query.text)
    assert got.variables == own.variables
    terms = sorted((tuple(str(t) for t in s) for s in got), key=str)
    assert terms == sorted((tuple(str(t) for t in s) for s in own), key=str)
    solution = next(iter(got))
    assert solution["victim"] == solution[ox.Variable("victim")] == solution[1] and len(solution) == 7
    table = run_select(corpus_store, query)
    assert table.columns == [v.value for v in got.variables] and len(table.rows) == len(got)
    worker = run_query(corpus_store.path, query)  # athar query killings --all: the CLI's worker process
    assert worker == results_json(got)
    tsv = ox.parse_query_results(got.serialize(format=ox.QueryResultsFormat.TSV), format=ox.QueryResultsFormat.TSV)
    assert tsv.variables == got.variables and [tuple(s) for s in tsv] == [tuple(s) for s in got]


def test_inferred_and_stores_in_memory_answer_by_sparql(corpus_store, seed_store):
    for query in LISTED:
        assert not isinstance(answer(corpus_store, query, inferred=True), ListedAnswer), query.name
        assert not isinstance(answer(seed_store, query), ListedAnswer), query.name  # no rows graph in memory


# -- a store written for the orders SPARQL gives -------------------------------------------

_QUERIES = {
    # strings by code point, languages, IRIs and unbound in one column; numbers of mixed integer
    # types and decimals, descending; ties on every key
    "mixed": """# Page: ?e by ?k { ?e a <http://example.org/M> OPTIONAL { ?e <http://example.org/k> ?k } }
PREFIX ex: <http://example.org/>
SELECT DISTINCT ?k ?name ?n ?tag
WHERE {
  ?e a ex:M .
  OPTIONAL { ?e ex:k ?k }
  OPTIONAL { ?e ex:name ?name }
  OPTIONAL { ?e ex:n ?n }
  OPTIONAL { ?e ex:tag ?tag }
}
ORDER BY ?k DESC(?n) ?name
""",
    # ordered by a variable the answer does not show: DISTINCT keeps the first of the order
    "hidden": """# Page: ?e by ?at { ?e <http://example.org/at> ?at }
PREFIX ex: <http://example.org/>
SELECT DISTINCT ?name ?tag
WHERE {
  ?e a ex:H ; ex:at ?at .
  OPTIONAL { ?e ex:name ?name }
  OPTIONAL { ?e ex:tag ?tag }
}
ORDER BY ?at ?tag
""",
    # by one column of IRIs, languages and plain strings, the first column another
    "names": """# Page: ?e by ?name { ?e a <http://example.org/N> OPTIONAL { ?e <http://example.org/name> ?name } }
PREFIX ex: <http://example.org/>
SELECT DISTINCT ?tag ?name
WHERE { ?e a ex:N ; ex:tag ?tag . OPTIONAL { ?e ex:name ?name } }
ORDER BY ?name
""",
    # doubles by value, ascending
    "doubles": """# Page: ?e by ?x { ?e <http://example.org/x> ?x }
PREFIX ex: <http://example.org/>
SELECT DISTINCT ?x ?tag
WHERE { ?e a ex:D ; ex:x ?x . OPTIONAL { ?e ex:tag ?tag } }
ORDER BY ASC(?x) ?tag
""",
    # every row keyed (athar.graph.rowkey), each document's rows after the other's: one text
    "by-k": """# Page: ?e by ?k { ?e a <http://example.org/O> ; <http://example.org/k> ?k }
PREFIX ex: <http://example.org/>
SELECT DISTINCT ?k ?n ?tag
WHERE { ?e a ex:O ; ex:k ?k ; ex:n ?n ; ex:tag ?tag }
ORDER BY ?k ?n ?tag
""",
    # keyed, the documents' rows interleaved, a row in both documents
    "by-n": """# Page: ?e by ?n { ?e a <http://example.org/P> ; <http://example.org/n> ?n }
PREFIX ex: <http://example.org/>
SELECT DISTINCT ?k ?n ?tag
WHERE { ?e a ex:P ; ex:k ?k ; ex:n ?n ; ex:tag ?tag }
ORDER BY ?n ?k
""",
    # a number beside a string in one ORDER BY column: not one order, the text answers
    "numbers-and-words": """# Page: ?e by ?v { ?e <http://example.org/v> ?v }
PREFIX ex: <http://example.org/>
SELECT DISTINCT ?v ?tag
WHERE { ?e a ex:V ; ex:v ?v . OPTIONAL { ?e ex:tag ?tag } }
ORDER BY ?v ?tag
""",
}

_I, _D, _DBL, _NNI = (f"<{XSD}{t}>" for t in ("integer", "decimal", "double", "nonNegativeInteger"))
# (document, event, class, properties), in two documents
_EVENTS = [
    ("a", 1, "M", {"k": '"b"', "name": '"Raqqa"@en', "n": f'"10"^^{_I}', "tag": '"one"'}),
    ("a", 2, "M", {"k": '"B"', "name": '"الرقة"@ar', "n": f'"9"^^{_I}', "tag": '"two"'}),
    ("a", 3, "M", {"k": '"ä"', "name": f"<{EX}raqqa>", "n": f'"2.5"^^{_D}'}),
    ("a", 4, "M", {"name": '"Raqqa"', "n": f'"-1"^^{_I}', "tag": '"three"'}),
    ("a", 5, "M", {"k": '"b"', "name": '"Raqqa"@fr', "n": f'"10"^^{_NNI}', "tag": '"four"'}),
    ("a", 6, "M", {"k": '"b"', "name": '"Raqqa"@en', "n": f'"10"^^{_I}', "tag": '"five"'}),
    ("a", 7, "M", {"k": '"الرقة"', "tag": '"six"'}),
    ("a", 8, "M", {"k": '"ä"', "name": '"Raqqa"', "n": f'"2.5"^^{_D}', "tag": '"nine"'}),
    ("a", 9, "M", {"k": '"ä"', "name": '"Raqqa"@en', "n": f'"2.50"^^{_D}', "tag": '"ten"'}),
    ("b", 1, "M", {"k": '"b"', "name": '"Raqqa"@en', "n": f'"10"^^{_I}', "tag": '"one"'}),  # a1's row again
    ("b", 2, "M", {"k": '"a"', "name": '"Raqqa"@en', "n": f'"10.0"^^{_D}', "tag": '"seven"'}),
    ("b", 3, "M", {"k": '"a"', "name": '"raqqa"@en', "n": f'"11"^^{_I}', "tag": '"eight"'}),
    ("b", 4, "M", {"k": '""', "name": '""@en', "n": f'"0"^^{_I}'}),
    ("b", 5, "H", {"at": f'"3"^^{_I}', "name": '"Kobani"@en', "tag": '"x"'}),
    ("b", 6, "H", {"at": f'"1"^^{_I}', "name": '"Kobani"@en', "tag": '"x"'}),  # the same row, before b5's
    ("b", 7, "H", {"at": f'"2"^^{_I}', "name": '"Manbij"@en'}),
    ("b", 8, "D", {"x": f'"1.5e0"^^{_DBL}', "tag": '"p"'}),
    ("b", 9, "D", {"x": f'"-INF"^^{_DBL}', "tag": '"q"'}),
    ("b", 10, "D", {"x": f'"15"^^{_DBL}', "tag": '"r"'}),
    ("b", 11, "D", {"x": f'"3"^^{_DBL}', "tag": '"s"'}),
    ("a", 20, "N", {"name": '"Raqqa"', "tag": '"a"'}),
    ("a", 21, "N", {"name": '"Raqqa"@fr', "tag": '"b"'}),
    ("a", 22, "N", {"name": '"Raqqa"@en', "tag": '"c"'}),
    ("a", 23, "N", {"name": f"<{EX}raqqa>", "tag": '"d"'}),
    ("a", 24, "N", {"name": '"raqqa"@en', "tag": '"e"'}),
    ("a", 25, "N", {"tag": '"f"'}),
    ("a", 30, "O", {"k": '"a"', "n": f'"10"^^{_I}', "tag": '"y"'}),
    ("a", 31, "O", {"k": '"a"', "n": f'"2"^^{_I}', "tag": '"x"'}),
    ("a", 32, "O", {"k": '"a"', "n": f'"2"^^{_I}', "tag": '"w"'}),
    ("b", 30, "O", {"k": '"b"', "n": f'"-3"^^{_I}', "tag": '"v"'}),
    ("b", 31, "O", {"k": '"c"', "n": f'"1"^^{_I}', "tag": '"z"'}),
    ("b", 32, "O", {"k": '"c"', "n": f'"20"^^{_I}', "tag": '"z"'}),
    ("a", 40, "P", {"k": '"a"', "n": f'"2"^^{_I}', "tag": '"x"'}),
    ("a", 41, "P", {"k": '"a"', "n": f'"10"^^{_I}', "tag": '"y"'}),
    ("a", 42, "P", {"k": '"e"', "n": f'"7"^^{_I}', "tag": '"t"'}),
    ("b", 40, "P", {"k": '"b"', "n": f'"-3"^^{_I}', "tag": '"v"'}),
    ("b", 41, "P", {"k": '"d"', "n": f'"5"^^{_I}', "tag": '"u"'}),
    ("b", 42, "P", {"k": '"e"', "n": f'"7"^^{_I}', "tag": '"t"'}),  # a42's row again
    ("b", 12, "V", {"v": f'"10"^^{_I}', "tag": '"t"'}),
    ("b", 13, "V", {"v": '"9"', "tag": '"u"'}),
]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """A store of two document graphs written for :data:`_QUERIES`, and its rows drawn."""
    tmp = tmp_path_factory.mktemp("listed")
    queries = tmp / "queries"
    queries.mkdir()
    for name, text in _QUERIES.items():
        (queries / f"{name}.rq").write_text(text, encoding="utf-8")
    docs = PREFIXES["aid"] + "doc/"
    lines = []
    for doc, n, cls, props in _EVENTS:
        e = f"<{docs}{doc}/e{n}>"
        lines.append(f"{e} <{PREFIXES['rdf']}type> <{EX}{cls}> <{docs}{doc}> .")
        lines += [f"{e} <{EX}{p}> {v} <{docs}{doc}> ." for p, v in props.items()]
    entities = listing._ENTITIES  # noqa: SLF001 - the state the rows graph follows, as a build writes it
    lines.append(f"<{entities}> <{entities}#state> \"s1\" <{entities}> .")
    store = Store(tmp / "store")
    store.add_quads("\n".join(lines).encode())
    original = listing.listings
    mp = pytest.MonkeyPatch()
    mp.setattr(listing, "listings", lambda directory=queries: original(directory))
    try:
        assert refresh_rows(store, force=True)
    finally:
        mp.undo()
    return store, {name: load_query(queries / f"{name}.rq") for name in _QUERIES}


@pytest.mark.parametrize("name", ["mixed", "names", "hidden", "doubles", "by-k", "by-n"])
def test_the_orders_sparql_gives_are_kept(written, name):
    store, queries = written
    got = assert_same_answer(store, queries[name])
    assert got is not None, f"{name}: not read from its rows"


def test_rows_are_in_sparql_order(written):
    store, queries = written
    got = answer(store, queries["mixed"])
    tags = [None if s["tag"] is None else s["tag"].value for s in got]
    # ?k: unbound first, then by code point ("" "B" "a" "b" "ä" Arabic); DESC(?n) by value
    # (integers and decimals one kind: 10 ties 10.0); ?name: an IRI before literals, "Raqqa"@en
    # before "Raqqa"@fr and before the plain "Raqqa" (datatype, then language); one and five tie
    assert tags[:5] == ["three", None, "two", "eight", "seven"]
    assert sorted(tags[5:7]) == ["five", "one"]
    assert tags[7:] == ["four", None, "ten", "nine", "six"]  # the row of two documents is one row
    names = [s["tag"].value for s in answer(store, queries["names"])]
    assert names == ["f", "d", "c", "b", "a", "e"]  # unbound, the IRI, @en, @fr, plain; "raqqa" after "Raqqa"
    hidden = [s["name"].value for s in answer(store, queries["hidden"])]
    assert hidden == ["Kobani", "Manbij"]  # DISTINCT keeps Kobani at its first ?at
    doubles = [s["tag"].value for s in answer(store, queries["doubles"])]
    assert doubles == ["q", "p", "s", "r"]  # -INF, 1.5, 3, 15: by value, not by text


def test_rows_keyed_are_ordered_by_their_keys(written):
    """Each document's rows in its keys' order: documents that follow each other are put
    together as one text (none cut); interleaved ones sorted row by row, a row of two
    documents once."""
    store, queries = written
    by_k = answer(store, queries["by-k"])
    assert by_k._text is not None  # noqa: SLF001 - read as one text
    assert [(s["k"].value, int(s["n"].value), s["tag"].value) for s in by_k] == [
        ("a", 2, "w"), ("a", 2, "x"), ("a", 10, "y"), ("b", -3, "v"), ("c", 1, "z"), ("c", 20, "z")]
    by_n = answer(store, queries["by-n"])
    assert by_n._text is None and by_n._lines is not None  # noqa: SLF001 - ordered by the keys, not ranked
    assert [(s["k"].value, int(s["n"].value)) for s in by_n] == [("b", -3), ("a", 2), ("d", 5), ("e", 7), ("a", 10)]


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("name", ["mixed", "names", "hidden", "doubles", "by-k", "by-n"])
def test_rows_written_as_csv_and_tsv_are_the_results_formatted(written, name, fmt):
    """``athar query NAME -f csv|tsv``: the rows' fields written as they are (unbound, IRIs,
    languages, datatypes), without the results JSON, give the text the JSON gives."""
    store, queries = written
    got = answer(store, queries[name])
    assert isinstance(got, ListedAnswer)
    out = io.StringIO()
    write_results(got, fmt, out)
    assert out.getvalue() == format_results(results_json(got), fmt)


# pages order their key by its value alone (athar.use.keyset: dates, amounts, names): not
# "mixed" (a row two documents' events give comes again on each page where a run of one key is
# cut by event, DISTINCT being per page) nor "names" (an IRI beside literals)
@pytest.mark.parametrize("name", ["doubles"])
@pytest.mark.parametrize("limit", [1, 3])
def test_the_pages_put_together_are_the_answer_read_in_python(written, name, limit):
    store, queries = written
    query = queries[name]
    whole = answer(store, query)
    assert isinstance(whole, ListedAnswer)
    expected = results_json(whole)["results"]["bindings"]
    rows, after = [], None
    while True:  # athar query NAME --limit N --after KEY, page after page
        page = answer_page(store, query, limit=limit, after=after)
        rows += page.results["results"]["bindings"]
        if page.next is None:
            break
        assert page.next != after and len(rows) <= len(expected)  # every page moves on
        after = page.next
    assert sorted(map(str, rows)) == sorted(map(str, expected))
    key = query.page.key
    assert [r.get(key) for r in rows] == [r.get(key) for r in expected]  # in the order of the page key


def test_rows_behind_the_store_answer_by_the_text(written):
    store, queries = written
    entities = listing._ENTITIES  # noqa: SLF001
    state = f"<{entities}> <{entities}#state>"
    store.update(f'DELETE DATA {{ GRAPH <{entities}> {{ {state} "s1" }} }} ; '
                 f'INSERT DATA {{ GRAPH <{entities}> {{ {state} "s2" }} }}')
    try:
        assert listed_answer(store, "mixed", queries["mixed"].text) is None
        assert assert_same_answer(store, queries["mixed"]) is None
    finally:
        store.update(f'DELETE DATA {{ GRAPH <{entities}> {{ {state} "s2" }} }} ; '
                     f'INSERT DATA {{ GRAPH <{entities}> {{ {state} "s1" }} }}')
    assert listed_answer(store, "mixed", queries["mixed"].text) is not None


def test_an_order_that_is_not_one_order_is_answered_by_the_text(written):
    store, queries = written
    assert listed_answer(store, "numbers-and-words", queries["numbers-and-words"].text) is None
    assert assert_same_answer(store, queries["numbers-and-words"]) is None  # the query's own text answers


@pytest.mark.parametrize(("field", "key"), [
    pytest.param("u", (0,), id="unbound"),
    pytest.param("i http://a", (1, "http://a"), id="iri"),
    pytest.param(f"d{XSD}integer 07", (2, "n", 7), id="integer"),
    pytest.param(f"d{XSD}nonNegativeInteger 7", (2, "n", 7), id="derived-integer"),
    pytest.param("xinteger 07", (2, "n", 7), id="integer-by-its-xsd-name"),
    pytest.param("xdouble -INF", (2, "d", float("-inf")), id="double-by-its-xsd-name"),
    pytest.param("xdate 2019-03-23", None, id="date-by-its-xsd-name"),
    pytest.param(f"d{XSD}decimal 7.50", (2, "n", 7.5), id="decimal"),
    pytest.param(f"d{XSD}double -INF", (2, "d", float("-inf")), id="double"),
    pytest.param(f"d{XSD}double NaN", None, id="nan"),
    pytest.param(f"d{XSD}date 2019-03-23", None, id="date"),
    pytest.param(f"d{XSD}boolean true", None, id="boolean"),
    pytest.param(f"d{XSD}float 1.5", None, id="float"),
    pytest.param(f"d{XSD}integer 99999999999999999999", None, id="past-i64"),
    pytest.param(f"d{XSD}decimal 0.1234567890123456789", None, id="past-18-places"),
])
def test_order_key(field, key):
    assert order_key(field) == key


def test_a_double_beside_a_decimal_is_not_ordered_here():
    rows = [f"d{XSD}decimal 1\x1f", f"d{XSD}double 2\x1f"]
    assert answer_rows(rows, 1, 1, [(0, False)]) is None
    assert answer_rows(rows[:1] * 2, 1, 1, [(0, False)]) == [(f"d{XSD}decimal 1",)]


@pytest.mark.parametrize(("modifiers", "order"), [
    pytest.param("ORDER BY ?date ?victim", [("date", False), ("victim", False)], id="plain"),
    pytest.param("ORDER BY DESC(?amount) ?donor", [("amount", True), ("donor", False)], id="desc"),
    pytest.param("ORDER BY asc( ?x )", [("x", False)], id="asc"),
    pytest.param("ORDER BY STR(?x)", None, id="expression"),
    pytest.param("ORDER BY ?x LIMIT 10", None, id="limit"),
    pytest.param("LIMIT 10", None, id="no-order"),
    pytest.param(None, [], id="none"),
])
def test_order_conditions(modifiers, order):
    assert order_conditions(modifiers) == order


_X = f"d{XSD}integer"
_CSV_ROWS = {
    "plain": [["s a", f"{_X} 1", "u"], ["s b", f"{_X} 2", "s c"]],
    "unbound beside unbound": [["u", "u", "s x"], ["s y", "u", "u"]],
    "kinds the first row lacks": [["s a", "s b"], ["lar ج", f"i {EX}x"], [f"{_X} 3", "s lar d"]],
    "a comma, a quote, a line end": [["s a,b", 's say "no"'], ["s one\ntwo", "s cr\r"], ["s ", "s plain"]],
    "a value like a kind": [["s s x", "s u"], ["s dx y", "s lar z"]],
    "one column": [["s "], ["u"], ["s a"]],
}


@pytest.mark.parametrize("rows", list(_CSV_ROWS.values()), ids=list(_CSV_ROWS))
def test_csv_lines_are_what_the_csv_writer_writes(rows):
    """The rows cut as one text, or field by field, give Python's CSV writer's lines."""
    import csv

    width = len(rows[0])
    found = ListedAnswer([f"c{i}" for i in range(width)], [tuple(r) for r in rows],
                         ["".join(f + "\x1f" for f in r) for r in rows])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([[f.partition(" ")[2] for f in r] for r in rows])
    assert found.csv_lines() == out.getvalue()
