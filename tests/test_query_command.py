"""``athar query NAME -f FORMAT -o FILE``: the worker process writes the answer itself, into a
temporary file moved into place once whole; only what the page is comes back.

What a user checks: the file (or stdout) holds what the answer formatted holds, whatever the
format; a query stopped at its time limit, or failed, leaves the FILE as it was and nothing
beside it; a device or a link is written through; and the command loads only what it uses
(no reading tables, no rdflib, no HTTP client, no table drawing for CSV), so that a whole
command costs little more than its answer.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from athar.cli import main
from athar.use.output import format_results
from athar.use.query import resolve_query, run_query

FORMATS = ["csv", "tsv", "json", "table"]


def _expected(store_path, name_or_sparql: str, fmt: str) -> str:
    query = resolve_query(name_or_sparql) if not name_or_sparql.lstrip().upper().startswith(("SELECT", "ASK")) \
        else name_or_sparql
    text = format_results(run_query(store_path, query), fmt)
    return text if text.endswith("\n") else text + "\n"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", [
    pytest.param("killings", id="listing-read-in-python"),
    pytest.param("claims", id="saved-query-by-sparql"),
    pytest.param("SELECT ?s WHERE { ?s a <https://w3id.org/athar/ontology#Liberation> } ORDER BY ?s", id="select"),
    pytest.param("ASK { ?s a <https://w3id.org/athar/ontology#Liberation> }", id="ask"),
])
def test_the_file_holds_the_answer_formatted(corpus_store, tmp_path, name, fmt):
    out = tmp_path / f"answer.{fmt}"
    source = ["-e", name] if " " in name else [name]
    assert main(["query", *source, "--all", "-f", fmt, "-o", str(out), "--store", str(corpus_store.path)]) == 0
    assert out.read_bytes().decode("utf-8") == _expected(corpus_store.path, name, fmt)
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # nothing left beside it
    assert (out.stat().st_mode & 0o777) == 0o644


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_stdout_holds_the_answer_formatted(corpus_store, capsys, fmt):
    assert main(["query", "evidence", "-f", fmt, "--store", str(corpus_store.path)]) == 0
    assert capsys.readouterr().out == _expected(corpus_store.path, "evidence", fmt)


def test_a_page_is_written_and_said_on_stderr(corpus_store, tmp_path, capsys):
    out = tmp_path / "page.json"
    assert main(["query", "killings", "--limit", "2", "-f", "json", "-o", str(out),
                 "--store", str(corpus_store.path)]) == 0
    page = run_query(corpus_store.path, resolve_query("killings"), limit=2)
    said = page.pop("page")
    assert json.loads(out.read_text(encoding="utf-8")) == page
    assert said in capsys.readouterr().err


def test_a_query_stopped_at_its_time_limit_leaves_the_file_as_it_was(corpus_store, tmp_path, capsys):
    out = tmp_path / "answer.csv"
    out.write_text("the answer of yesterday\n", encoding="utf-8")
    code = main(["query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                 "--timeout", "1", "-f", "csv", "-o", str(out), "--store", str(corpus_store.path)])
    assert code == 1 and "ran over its time limit of 1 s" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "the answer of yesterday\n"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_a_failed_query_leaves_no_file(corpus_store, tmp_path, capsys):
    out = tmp_path / "answer.csv"
    code = main(["query", "by-place", "--param", "place=no such place anywhere", "-f", "csv", "-o", str(out),
                 "--store", str(corpus_store.path)])
    assert code == 1 and "no entity in the store is labelled" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_cannot_be_written_is_said_before_the_query_runs(corpus_store, tmp_path, capsys):
    out = tmp_path / "no such folder" / "answer.csv"
    assert main(["query", "killings", "-f", "csv", "-o", str(out), "--store", str(corpus_store.path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("athar query: error: ") and "cannot write" in err and str(out) in err


def test_a_device_and_a_link_are_written_through(corpus_store, tmp_path):
    assert main(["query", "killings", "-f", "csv", "-o", os.devnull, "--store", str(corpus_store.path)]) == 0
    target, link = tmp_path / "target.csv", tmp_path / "link.csv"
    target.write_text("old\n", encoding="utf-8")
    link.symlink_to(target)
    assert main(["query", "killings", "-f", "csv", "-o", str(link), "--store", str(corpus_store.path)]) == 0
    assert link.is_symlink() and target.read_bytes().decode("utf-8") == _expected(corpus_store.path, "killings", "csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "target.csv"]


def test_a_reader_that_stops_early_ends_the_command_quietly(corpus_store):
    """``athar query ... | head -c 10``: stdout closed long before the answer's end is no error."""
    src = Path(__file__).resolve().parents[1] / "src"
    sparql = "SELECT ?document ?p ?o WHERE { ?document ?p ?o . ?s ?q ?r } LIMIT 50000"  # megabytes, past a pipe's buffer
    command = f"{sys.executable} -m athar query -e '{sparql}' -f csv --store '{corpus_store.path}' | head -c 10"
    done = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(src)})
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout == "document,p"


# what a query command must not load: the reading's tables and rules, rdflib, the HTTP client
# of remote stores, YAML, rich's tables (CSV needs none of them)
_HEAVY = ("athar.read.rules", "athar.read.mentions", "athar.read.pipeline", "athar.graph.rdf", "athar.graph.terms",
          "rdflib", "httpx", "yaml", "rich")


def test_the_command_loads_only_what_it_uses(corpus_store, tmp_path):
    script = ("import sys\nfrom athar.cli import main\n"
              f"code = main(['query', 'killings', '--all', '-f', 'csv', '-o', {str(tmp_path / 'k.csv')!r}, "
              f"'--store', {str(corpus_store.path)!r}])\n"
              f"print(code, sorted(m for m in sys.modules if m.split('.')[0] in {_HEAVY!r} or m in {_HEAVY!r}))")
    src = Path(__file__).resolve().parents[1] / "src"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(src)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(" ", 1) == ["0", "[]\n"], done.stdout
