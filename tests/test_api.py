"""The public facade, as a notebook user meets it: build, ask, list the events, draw."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from athar.errors import QueryError
from athar.use.api import Store

from conftest import SEED

PREFIXES = """
PREFIX athar: <https://w3id.org/athar/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
# The liberation of Baghuz on 23 March 2019, with its place's labels and a few constants of each type.
BAGHUZ = PREFIXES + """
SELECT DISTINCT ?place ?placeAr ?date ?year ?count ?share ?implied ?agent WHERE {
  ?e a athar:Liberation ; athar:date ?date ; athar:place ?p .
  FILTER(?date = "2019-03-23"^^xsd:date)
  ?p rdfs:label ?place , ?placeAr . FILTER(LANG(?place) = "en" && LANG(?placeAr) = "ar")
  OPTIONAL { ?e athar:agent ?agent }
  BIND(YEAR(?date) AS ?year) BIND(2 AS ?count) BIND(0.5 AS ?share) BIND(false AS ?implied)
}
"""
SPARQL_JSON_TERMS = {"uri", "literal", "bnode"}


@pytest.fixture(scope="module")
def store():
    with Store() as s:
        s.report = s.build(SEED)
        yield s


def test_build_reports_the_seed_document(store):
    report = store.report
    assert (report.documents, report.errors) == (1, [])
    records = store.events()
    assert report.events == sum(1 for r in records if r["type"][0].isupper())  # classes; relations are properties
    assert report.relations == len(records) - report.events


def test_select_gives_plain_python_values(store):
    rows = store.query(BAGHUZ)
    assert rows == [{"place": "Baghuz", "placeAr": "الباغوز", "date": datetime.date(2019, 3, 23), "year": 2019,
                     "count": 2, "share": 0.5, "implied": False, "agent": None}]
    assert [type(v) for v in rows[0].values()] == [str, str, datetime.date, int, int, float, bool, type(None)]


def test_a_saved_query_by_name(store):
    rows = store.query("liberations")
    assert {"place": "Baghuz", "from": "Islamic State (ISIS / Daesh)", "by": None, "date": "2019-03-23",
            "evidence": "23 آذار/مارس 2019، تم تحرير بلدة الباغوز (شرق سوريا) من تنظيم داعش"} in rows


def test_json_results_follow_the_sparql_json_format(store):
    answer = store.query(BAGHUZ, results="json")
    assert set(answer) == {"head", "results"}
    names = answer["head"]["vars"]
    assert names == ["place", "placeAr", "date", "year", "count", "share", "implied", "agent"]
    (binding,) = answer["results"]["bindings"]
    for name, term in binding.items():
        assert name in names
        assert term["type"] in SPARQL_JSON_TERMS and isinstance(term["value"], str)
        assert not ("xml:lang" in term and "datatype" in term)
        assert term["type"] == "literal" or term.keys() == {"type", "value"}
    assert "agent" not in binding  # unbound: left out of the binding
    assert binding["place"] == {"type": "literal", "value": "Baghuz", "xml:lang": "en"}
    assert binding["placeAr"] == {"type": "literal", "value": "الباغوز", "xml:lang": "ar"}
    assert binding["date"] == {"type": "literal", "value": "2019-03-23",
                               "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert binding["count"]["datatype"] == "http://www.w3.org/2001/XMLSchema#integer"


def test_json_results_name_iris_as_uris(store):
    answer = store.query(PREFIXES + "SELECT DISTINCT ?p WHERE { ?e a athar:Liberation ; athar:place ?p ; "
                         "athar:date '2019-03-23'^^xsd:date }",
                         results="json")
    assert answer["results"]["bindings"] == [{"p": {"type": "uri", "value": "https://w3id.org/athar/id/entity/baghuz"}}]


def test_ask_gives_a_bool(store):
    assert store.query(PREFIXES + "ASK { ?e a athar:Liberation ; athar:place ?p . ?p rdfs:label 'Baghuz'@en }") is True
    assert store.query(PREFIXES + "ASK { ?e a athar:Liberation ; athar:place ?p . ?p rdfs:label 'Paris'@en }") is False
    assert store.query(PREFIXES + "ASK { ?e a athar:Liberation }", results="json") == {"head": {}, "boolean": True}


def test_what_a_query_cannot_answer(store):
    with pytest.raises(QueryError, match="unknown results form"):
        store.query("liberations", results="xml")
    with pytest.raises(QueryError, match="CONSTRUCT"):
        store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="malformed SPARQL"):
        store.query("SELECT ?x WHERE { ?x ?y }")
    with pytest.raises(QueryError, match="no saved query 'no-such-query'"):
        store.query("no-such-query")


def test_events_hold_the_liberation_of_baghuz(store):
    baghuz = [r for r in store.events() if r["type"] == "Liberation" and r["date"] == "2019-03-23"]
    assert len(baghuz) == 1
    record = baghuz[0]
    assert record["document"] == SEED.name
    assert record["evidence"] == "23 آذار/مارس 2019، تم تحرير بلدة الباغوز (شرق سوريا) من تنظيم داعش"
    assert record["place"] == [{"id": "https://w3id.org/athar/id/entity/baghuz", "label_en": "Baghuz",
                                "label_ar": "الباغوز"}]
    assert SEED.read_text(encoding="utf-8").count(record["evidence"]) == 1


def test_draw_writes_an_offline_page(store, tmp_path):
    path = store.draw(tmp_path / "graph.html", lang="en")
    assert path == tmp_path / "graph.html"
    page = path.read_text(encoding="utf-8")
    assert "Baghuz" in page
    assert not re.search(r"<script[^>]*\bsrc\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"<link[^>]*\bhref\s*=\s*[\"']?(https?:)?//", page, re.I)


def test_draw_goes_under_out_by_default(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert store.draw() == tmp_path.joinpath("out", "athar-graph.html").relative_to(tmp_path)
    assert store.draw(lang="en").name == "athar-graph.en.html"
    assert '<html lang="ar" dir="rtl">' in (tmp_path / "out" / "athar-graph.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (tmp_path / "out" / "athar-graph.en.html").read_text(encoding="utf-8")


def test_an_on_disk_store_closes_and_reopens(tmp_path):
    path = tmp_path / "athar-store"
    with Store(path) as store:
        assert store.build(SEED).documents == 1
        count = len(store)
    with Store(path, read_only=True) as store:
        assert len(store) == count
        assert repr(store) == f"athar.Store({str(path)!r})"
    assert repr(Store()) == "athar.Store(None)"


def test_the_public_names_are_loaded_when_first_asked_for():
    """``import athar`` loads none of the reading's modules; ``athar.read`` is the function even
    when a module of the subpackage of the same name is imported before or after it is used."""
    script = ("import sys, athar\n"
              "assert 'athar.read.pipeline' not in sys.modules and 'rdflib' not in sys.modules\n"
              "import athar.read.text\n"
              "doc = athar.read('حررت القوات العراقية مدينة الفلوجة')\n"
              "import athar.read.mentions\n"
              "assert athar.read is sys.modules['athar.read.pipeline'].read and isinstance(doc, athar.Doc)\n"
              "assert sorted(athar.__all__) == athar.__all__ and all(hasattr(athar, n) for n in athar.__all__)\n"
              "print('ok')")
    src = Path(__file__).resolve().parents[1] / "src"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(src)})
    assert done.stdout == "ok\n", done.stderr
