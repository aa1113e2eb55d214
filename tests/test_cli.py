"""The command line: help everywhere, and bad input answered with one line, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from athar.cli import _COMMANDS, main, make_parser

from conftest import SEED


@pytest.mark.parametrize("command", sorted(_COMMANDS))
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "Example: athar " in out
    assert len(out.splitlines()) > 3


def test_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        make_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    for command in _COMMANDS:
        assert command in out


def _run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "athar", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def _one_line_error(result, *needles):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line]
    assert len(errors) == 1, result.stderr
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


@pytest.fixture
def bad_files(tmp_path):
    files = {
        "empty.txt": b"",
        "blank.txt": b"   \n\n",
        "binary.txt": bytes(range(256)) * 4,
        "latin1.txt": "تحرير".encode("utf-8") + "\ncafé".encode("latin-1"),
        "cp1256.txt": "تم تحرير بلدة الباغوز".encode("cp1256"),
        "front.txt": "---\ntitle: [unclosed\n---\nنص\n".encode("utf-8"),
        "unclosed.txt": "---\ntitle: x\nنص بلا نهاية\n".encode("utf-8"),
        "date.txt": "---\npublished: March 2020\n---\nنص\n".encode("utf-8"),
        "onlyfront.txt": "---\ntitle: x\n---\n".encode("utf-8"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


@pytest.mark.parametrize("name, needle", [
    pytest.param("missing.txt", "no such file", id="missing"),
    pytest.param("empty.txt", "empty", id="empty"),
    pytest.param("blank.txt", "empty", id="whitespace-only"),
    pytest.param("binary.txt", "binary", id="binary"),
    pytest.param("latin1.txt", ":2: not valid UTF-8", id="invalid-utf8-line"),
    pytest.param("cp1256.txt", "not valid UTF-8", id="windows-1256"),
    pytest.param("front.txt", "malformed front matter", id="bad-yaml"),
    pytest.param("unclosed.txt", "never closed", id="unclosed-front-matter"),
    pytest.param("date.txt", "YYYY", id="bad-published-date"),
    pytest.param("onlyfront.txt", "no text", id="front-matter-only"),
])
def test_bad_input_gets_one_line_naming_the_file(bad_files, name, needle):
    result = _run("-q", "build", str(bad_files / name), "--store", str(bad_files / "store"))
    _one_line_error(result, name, needle)


def test_one_bad_file_does_not_stop_the_others(bad_files):
    result = _run("-q", "build", str(bad_files / "empty.txt"), str(SEED), "--store", str(bad_files / "s"))
    assert result.returncode == 1
    assert "documents: 1" in result.stdout
    assert "empty.txt" in result.stderr


def test_malformed_sparql_names_the_position(tmp_path):
    store = str(tmp_path / "store")
    assert main(["-q", "build", str(SEED), "--store", store]) == 0
    result = _run("query", "-e", "SELECT ?x WHERE { ?x ?y }", "--store", store)
    line = _one_line_error(result, "malformed SPARQL")
    assert "1:" in line or "line" in line


def test_unknown_saved_query_lists_the_saved_ones(tmp_path):
    store = str(tmp_path / "store")
    main(["-q", "build", str(SEED), "--store", store])
    result = _run("query", "no-such-query", "--store", store)
    _one_line_error(result, "no saved query 'no-such-query'", "liberations")


def test_reading_a_store_that_does_not_exist(tmp_path):
    result = _run("events", "--store", str(tmp_path / "nowhere"))
    _one_line_error(result, "nowhere", "athar build")


def test_data_to_stdout_progress_to_stderr(tmp_path):
    result = _run("build", str(SEED), "--store", str(tmp_path / "s"))
    assert result.returncode == 0
    assert "documents: 1" in result.stdout
    assert result.stderr == ""  # stderr is no terminal here: no progress bar in a log
    quiet = _run("-q", "build", str(SEED), "--store", str(tmp_path / "s"))
    assert quiet.stderr == ""


def _build_on_a_terminal(*args: str) -> tuple[str, str]:
    """``athar build`` with stderr on a pseudo-terminal (as a user at a shell sees it): (stdout, terminal)."""
    import os
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "athar", "build", *args], stdout=subprocess.PIPE,
                            stderr=slave, text=True, env={**os.environ, "COLUMNS": "160"})
    os.close(slave)
    out, _ = proc.communicate(timeout=120)
    screen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other side is closed: all was read
            break
        if not chunk:
            break
        screen += chunk
    os.close(master)
    assert proc.returncode == 0
    return out, screen.decode("utf-8", "replace")


def test_a_build_on_a_terminal_shows_documents_per_second_and_the_time_left(tmp_path):
    out, screen = _build_on_a_terminal(str(SEED.parent), "--store", str(tmp_path / "s"), "--jobs", "1")
    assert "documents: 4" in out and "docs/s" not in out
    assert "4/4" in screen and "docs/s" in screen and "ETA" in screen
    _, quiet = _build_on_a_terminal("-q", str(SEED.parent), "--store", str(tmp_path / "s"))
    assert quiet == ""


def test_evaluate_command_scores_the_dev_gold(capsys):
    from conftest import DEV, GOLD

    assert main(["-q", "evaluate", str(GOLD / "dev.yaml"), *map(str, DEV), "-f", "json", "--types"]) == 0
    import json

    report = json.loads(capsys.readouterr().out)
    assert report["core"] == {"found": 8, "of": 8}
    assert report["all"] == {"found": 15, "of": 15}
    assert {f["id"] for f in report["facts"]} >= {"A01", "B01", "C01"}
    assert all({"document", "type", "evidence"} <= e.keys() for e in report["extras"])


def test_evaluate_table_lists_hits_misses_and_extras(capsys):
    from conftest import GOLD

    assert main(["-q", "evaluate", str(GOLD / "seed.yaml"), str(SEED), "--types"]) == 0
    out = capsys.readouterr().out
    assert "core facts: 16/16" in out and "hit  F01" in out
    assert "extracted facts no gold fact covers" in out


def test_evaluate_scores_roles_by_default(capsys):
    """Role mode, the default: a hit also needs the gold's agent, target and place (F01: the
    Liberation of Baghuz from ISIS); the report gives precision and a table per event class."""
    from conftest import GOLD

    assert main(["-q", "evaluate", str(GOLD / "seed.yaml"), str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "hit  F01" in out and "precision: all" in out
    assert "Liberation" in out.split("class", 1)[1]


def test_evaluate_with_a_gold_file_for_another_document(tmp_path):
    from conftest import GOLD

    other = tmp_path / "other.txt"
    other.write_text("نص آخر لا علاقة له", encoding="utf-8")
    result = _run("evaluate", str(GOLD / "seed.yaml"), str(other))
    _one_line_error(result, "baghuz-one-year.ar.txt", "not given")


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv"])
def test_events_table_formats(seed_path, capsys, fmt):
    assert main(["events", "-f", fmt, "--store", seed_path]) == 0
    out = capsys.readouterr().out
    assert "Liberation" in out and "الباغوز" in out


@pytest.fixture(scope="module")
def seed_path(tmp_path_factory) -> str:
    """The seed article in an on-disk store, built by the command."""
    store = str(tmp_path_factory.mktemp("cli") / "store")
    assert main(["-q", "build", str(SEED), "--store", store]) == 0
    return store


# -- options before or after the verb ----------------------------------------

STORE_VERBS = {
    "build": [str(SEED)],
    "events": ["-f", "csv"],
    "query": ["liberations"],
    "stats": [],
    "viz": ["-o", "graph.html"],
    "export": ["-f", "nq"],
    "validate": [],
}


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("verb", sorted(STORE_VERBS))
def test_quiet_and_store_before_or_after_the_verb(verb, where, seed_path, tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)  # no ./athar-store here: a --store that was lost would fail
    monkeypatch.delenv("ATHAR_STORE", raising=False)
    options = ["-q", "--store", seed_path]
    argv = [*options, verb, *STORE_VERBS[verb]] if where == "before" else [verb, *STORE_VERBS[verb], *options]
    assert main(argv) == 0
    out, err = capfd.readouterr()
    assert err == ""
    assert out


@pytest.mark.parametrize("argv", [
    pytest.param(["-q", "--store", "s", "build", "x"], id="before"),
    pytest.param(["build", "x", "-q", "--store", "s"], id="after"),
    pytest.param(["--store", "s", "build", "-q", "x"], id="split"),
])
def test_options_parse_the_same_anywhere(argv):
    args = make_parser().parse_args(argv)
    assert (args.quiet, args.store, args.paths) == (True, "s", ["x"])


def test_options_default_when_not_given():
    args = make_parser().parse_args(["events"])
    assert (args.quiet, args.verbose, args.store) == (False, False, None)


# -- each error once -----------------------------------------------------------


@pytest.mark.parametrize("quiet", [[], ["-q"]], ids=["progress", "quiet"])
def test_a_bad_file_is_reported_once(bad_files, quiet):
    result = _run("build", str(bad_files / "empty.txt"), str(SEED), "--store", str(bad_files / "s"), *quiet)
    assert result.returncode == 1
    message = f"{bad_files / 'empty.txt'}: the file is empty"
    assert result.stderr.count(message) == 1, result.stderr
    assert result.stderr.count("error") == 1, result.stderr


# -- viz -------------------------------------------------------------------------


def test_viz_writes_under_out_by_default(seed_path, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["viz", "--store", seed_path]) == 0
    assert main(["viz", "--lang", "en", "--store", seed_path]) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(tmp_path / "out" / "athar-graph.html"), str(tmp_path / "out" / "athar-graph.en.html")]
    assert all(Path(p).is_file() for p in printed)


def test_out_is_ignored_by_git():
    from conftest import ROOT

    assert "out/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


# -- the events table --------------------------------------------------------------


def test_events_table_fits_100_columns(seed_path, capsys):
    from rich.cells import cell_len

    assert main(["events", "--store", seed_path]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(cell_len(line) for line in lines) <= 100
    assert lines[0].split() == ["agent/", "target/"] and lines[1].split() == [
        "type", "date", "subject", "object", "place", "evidence"]
    liberation = next(line for line in lines if line.startswith("Liberation") and "2019-03-23" in line)
    assert liberation.split()[:3] == ["Liberation", "2019-03-23", "Baghuz"]
    assert "23 آذار/مارس 2019، تم تحرير" in liberation and liberation.endswith("…")  # cut, in reading order
    located = next(line for line in lines if line.startswith("locatedIn"))
    assert located.split()[:2] == ["locatedIn", "Baghuz"]  # a relation's subject under agent/subject


def test_events_columns_choose_the_table(seed_path, capsys):
    assert main(["events", "--columns", "type,modality,victim",
                 "--store", seed_path]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["type", "modality", "victim"]
    assert any(line.split()[:2] == ["Liberation", "Asserted"] for line in lines)


def test_events_csv_has_every_column_and_columns_choose_them(seed_path, capsys):
    from athar.use.query import EVENT_COLUMNS

    assert main(["events", "-f", "csv", "--store", seed_path]) == 0
    assert capsys.readouterr().out.splitlines()[0] == ",".join(EVENT_COLUMNS)
    assert main(["events", "-f", "tsv", "--columns", "date,type", "--store", seed_path]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "date\ttype" and "2019-03-23\tLiberation" in lines


def test_events_unknown_column_lists_the_columns(seed_path):
    result = _run("events", "--columns", "type,nope", "--store", seed_path)
    line = _one_line_error(result, "unknown column 'nope'")
    assert "the columns are: document, start, end, type, date" in line and "agent/subject" in line


# -- query results in the SPARQL 1.1 formats -------------------------------------------------

QUERY = ("PREFIX athar: <https://w3id.org/athar/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
         "SELECT DISTINCT ?place ?label ?date ?n WHERE { ?e a athar:Liberation ; athar:place ?place ; athar:date ?date . "
         "?place rdfs:label ?label . BIND(2 AS ?n) } ORDER BY ?date ?label")


def _oxigraph(seed_path, fmt) -> str:
    import pyoxigraph as ox

    from athar.graph.store import Store

    with Store(seed_path, read_only=True) as store:
        answer = store.query(QUERY)
        return answer.serialize(format=getattr(ox.QueryResultsFormat, fmt.upper())).decode("utf-8")


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_query_csv_and_tsv_are_the_sparql_formats(seed_path, capsys, fmt):
    assert main(["query", "-e", QUERY, "-f", fmt, "--store", seed_path]) == 0
    out = capsys.readouterr().out
    assert out == _oxigraph(seed_path, fmt)  # Oxigraph's own writer of the W3C formats


def test_query_tsv_writes_terms_and_csv_plain_values(seed_path, capsys):
    main(["query", "-e", QUERY, "-f", "tsv", "--store", seed_path])
    tsv = capsys.readouterr().out.splitlines()
    assert tsv[0] == "?place\t?label\t?date\t?n"
    assert '<https://w3id.org/athar/id/entity/baghuz>\t"الباغوز"@ar\t' \
           '"2019-03-23"^^<http://www.w3.org/2001/XMLSchema#date>\t2' in tsv
    main(["query", "-e", QUERY, "-f", "csv", "--store", seed_path])
    csv_lines = capsys.readouterr().out.split("\r\n")
    assert csv_lines[0] == "place,label,date,n"
    assert "https://w3id.org/athar/id/entity/baghuz,الباغوز,2019-03-23,2" in csv_lines


def test_query_json_is_the_sparql_json_format(seed_path, capsys):
    import json

    assert main(["query", "-e", QUERY, "-f", "json", "--store", seed_path]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer == json.loads(_oxigraph(seed_path, "json"))
    assert answer["head"] == {"vars": ["place", "label", "date", "n"]}
    assert {"place": {"type": "uri", "value": "https://w3id.org/athar/id/entity/baghuz"},
            "label": {"type": "literal", "value": "Baghuz", "xml:lang": "en"},
            "date": {"type": "literal", "value": "2019-03-23", "datatype": "http://www.w3.org/2001/XMLSchema#date"},
            "n": {"type": "literal", "value": "2", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
            } in answer["results"]["bindings"]


@pytest.mark.parametrize("fmt, expected", [("table", "true"), ("csv", "true"), ("json", '"boolean": true')])
def test_query_ask(seed_path, capsys, fmt, expected):
    assert main(["query", "-e", "ASK { ?s ?p ?o }", "-f", fmt, "--store", seed_path]) == 0
    assert expected in capsys.readouterr().out


def test_query_table_prints_values_as_they_are(seed_path, capsys):
    assert main(["query", "-e", QUERY, "--store", seed_path]) == 0
    out = capsys.readouterr().out
    assert "الباغوز" in out and "[" not in out.splitlines()[0]
    assert out.rstrip().endswith("rows)")


def test_a_table_keeps_text_as_given():
    from athar.graph.store import Table
    from athar.use.output import render_table

    text = render_table(Table(["name", "note"], [["تحرير [bold]الباغوز[/bold]", None]]), width=40)
    assert "تحرير [bold]الباغوز[/bold]" in text
    assert text.endswith("(1 row)")


def test_stats_ranks_the_central_actors(tmp_path, capsys):
    from conftest import CORPUS

    store = str(tmp_path / "store")
    main(["-q", "build", str(CORPUS), "--store", store])
    capsys.readouterr()
    assert main(["stats", "-f", "json", "--top", "3", "--store", store]) == 0
    import json

    summary = json.loads(capsys.readouterr().out)
    actors = summary["centrality"]["actors"]
    # the two sides of the four articles lead, close together (0.27 and 0.25 when this was written);
    # ISIS takes part in the most events
    assert {a["label_en"] for a in actors["betweenness"][:2]} == {
        "Islamic State (ISIS / Daesh)", "Global Coalition against Daesh"}
    assert summary["counts"]["actors"][0]["label_en"] == "Islamic State (ISIS / Daesh)"
    assert len(actors["degree"]) == 3 and summary["documents"] == 4
