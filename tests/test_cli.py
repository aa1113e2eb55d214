"""The command line: help everywhere, and bad input answered with one line, never a traceback."""

from __future__ import annotations

import subprocess
import sys

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
    assert "reading" in result.stderr and "reading" not in result.stdout
    quiet = _run("-q", "build", str(SEED), "--store", str(tmp_path / "s"))
    assert quiet.stderr == ""


def test_evaluate_command_scores_the_dev_gold(capsys):
    from conftest import DEV, GOLD

    assert main(["-q", "evaluate", str(GOLD / "dev.yaml"), *map(str, DEV), "-f", "json"]) == 0
    import json

    report = json.loads(capsys.readouterr().out)
    assert report["core"] == {"found": 8, "of": 8}
    assert report["all"]["found"] >= 12 and report["all"]["of"] == 15
    assert {f["id"] for f in report["facts"]} >= {"A01", "B01", "C01"}
    assert all({"document", "type", "evidence"} <= e.keys() for e in report["extras"])


def test_evaluate_table_lists_hits_misses_and_extras(capsys):
    from conftest import GOLD

    assert main(["-q", "evaluate", str(GOLD / "seed.yaml"), str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "core facts: 16/16" in out and "hit  F01" in out
    assert "extracted facts no gold fact covers" in out


def test_evaluate_with_a_gold_file_for_another_document(tmp_path):
    from conftest import GOLD

    other = tmp_path / "other.txt"
    other.write_text("نص آخر لا علاقة له", encoding="utf-8")
    result = _run("evaluate", str(GOLD / "seed.yaml"), str(other))
    _one_line_error(result, "baghuz-one-year.ar.txt", "not given")


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv"])
def test_events_table_formats(tmp_path, capsys, fmt):
    store = str(tmp_path / "store")
    main(["-q", "build", str(SEED), "--store", store])
    capsys.readouterr()
    assert main(["events", "-f", fmt, "--store", store]) == 0
    out = capsys.readouterr().out
    assert "Liberation" in out and "الباغوز" in out


def test_stats_ranks_the_central_actors(tmp_path, capsys):
    from conftest import CORPUS

    store = str(tmp_path / "store")
    main(["-q", "build", str(CORPUS), "--store", store])
    capsys.readouterr()
    assert main(["stats", "-f", "json", "--top", "3", "--store", store]) == 0
    import json

    summary = json.loads(capsys.readouterr().out)
    assert summary["degree_centrality"][0]["label_en"] == "Islamic State (ISIS / Daesh)"
    assert len(summary["degree_centrality"]) == 3 and len(summary["documents"]) == 4
