"""Bad input, through the real command line: every file of tests/data/bad (and a few made here
that cannot be committed: a FIFO, a link to /dev/zero, a link loop, a broken link, an unreadable
file, a file over the size limit, a name over the system's limit) is either ingested, with
evidence offsets that cut its words out of the file as it is on disk, or refused in one line
naming the file and the problem. One build reads them all: it ends with a non-zero status, every
good file is in the store, and a refused file leaves the store as it was.

What a user checks here: give athar a folder of whatever was downloaded, and get the articles
in the graph and one line for each file that is not one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from athar.errors import QueryError
from athar.read.source import MAX_FILE_BYTES, read_document
from athar.use.guard import check_query

BAD = Path(__file__).parent / "data" / "bad"
ROOT = os.geteuid() == 0  # root reads a file whatever its mode says

OK = "ingested"
# file -> OK (ingested, exact offsets) or the words of the one line that refuses it
CASES = {
    # front matter
    "published-month-13.txt": "'published: 2019-13-45' is no date of the calendar",
    "published-feb-30.txt": "'published: 2019-02-30' is no date of the calendar",
    "published-words.txt": "must be YYYY, YYYY-MM or YYYY-MM-DD",
    "source-brackets.txt": "'source' is not a valid URL: '<'",
    "source-nul.txt": "'source' contains the control character U+0000",
    "source-space.txt": "'source' is not a valid URL: ' '",
    "title-list.txt": "'title' must be a string",
    "title-mapping.txt": "'title' must be a string",
    "alias-bomb.txt": "anchors and aliases",
    "front-matter-huge.txt": "front matter is not closed within its limit of 64 KB",
    "front-matter-unclosed.txt": "never closed",
    "front-matter-malformed.txt": ":2: malformed front matter",
    "front-matter-unknown-key.txt": "unknown front matter key(s) ['author']",
    "front-matter-list.txt": "must be a mapping",
    "front-matter-only.txt": "no text after its front matter",
    "published-timestamp.txt": "'published: 2016-06-26 10:30:00' must be YYYY, YYYY-MM or YYYY-MM-DD",
    "published-iso-datetime.txt": "'published: 2016-06-26T10:30:00+03:00' must be YYYY, YYYY-MM or YYYY-MM-DD",
    # bytes and encodings
    "empty.txt": "the file is empty",
    "blank.txt": "the file is empty",
    "binary.txt": "binary file (NUL bytes)",
    "nul-after-8k.txt": ":79: a NUL byte at offset 8892",
    "control-characters.txt": "control characters",
    "cp1256.txt": ":1: not valid UTF-8 (byte 0xcd at offset 0)",
    "mixed-encodings.txt": ":2: not valid UTF-8",
    "latin1.txt": ":2: not valid UTF-8",
    "utf16.txt": "is UTF-16 text",
    "cp1256-after-bom.txt": ":2: not valid UTF-8 (byte 0xe6 at offset 117)",  # two files joined, a BOM between
    "only-diacritics.txt": "has no letter or digit (only marks, tatweel, punctuation or spaces)",
    # other formats saved as .txt, known by their first bytes
    "pdf.txt": "is a PDF document; extract its text as UTF-8",
    "rtf.txt": "is an RTF document",
    "docx.txt": "is a ZIP archive (a .docx or .odt document is one)",
    # pages: refused, not stripped (stripping tags would leave offsets into no file the user has)
    "page.txt": "is an HTML or XML page",
    "page-lower.md": "is an HTML or XML page",
    "xml.txt": "is an HTML or XML page",
    # ingested, offsets into the file as it is on disk
    "plain.txt": OK,
    "front-matter.txt": OK,
    "source-reference.txt": OK,
    "two-boms.txt": OK,
    "one-bom.txt": OK,
    "crlf.txt": OK,
    "crlf-front-matter.txt": OK,
    "lone-cr.txt": OK,
    "presentation-forms.txt": OK,
    "presentation-ligatures.txt": OK,
    "zero-width.txt": OK,
    "bidi-controls.txt": OK,
    "decomposed.txt": OK,
    "diacritics-tatweel.txt": OK,
    "angle-brackets.txt": OK,
    " spaced name.txt": OK,
    "تقرير.txt": OK,
    "nested/in-a-folder.txt": OK,
    "long-line.txt": OK,
    "one-word-per-line.txt": OK,  # the two sentences, then 10,000 lines of one word
    "replacement-characters.txt": OK,  # U+FFFD where a converter lost characters
    "mixed-nfc-nfd.txt": OK,  # half a line decomposed (NFD), the rest composed
    # made by the test (see special_files)
    "fifo.txt": "is not a regular file (a FIFO)",
    "zero.txt": "is not a regular file (a character device)",
    "loop-a.txt": "cannot be read (Too many levels of symbolic links)",
    "loop-b.txt": "cannot be read (Too many levels of symbolic links)",
    "broken-link.txt": "no such file",
    "huge.txt": f"over the limit of {MAX_FILE_BYTES:,} bytes",
    "unreadable.txt": OK if ROOT else "cannot be read (Permission denied)",
}
# given beside the folder: a folder with no document, a name longer than the system allows
EXTRA = {
    "nodocs": "no .txt or .md documents in this directory",
    "x" * 300 + ".txt": "cannot be read (File name too long)",
}
# the same two sentences as plain.txt: the files that only write them differently give its facts
SAME_FACTS = ("two-boms.txt", "one-bom.txt", "crlf.txt", "lone-cr.txt", "presentation-forms.txt",
              "zero-width.txt", "bidi-controls.txt", "angle-brackets.txt", " spaced name.txt",
              "mixed-nfc-nfd.txt", "one-word-per-line.txt")


def _athar(*args, cwd):
    return subprocess.run([sys.executable, "-m", "athar", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


def special_files(folder: Path) -> None:
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "broken-link.txt").symlink_to(folder / "nowhere.txt")
    with open(folder / "huge.txt", "wb") as f:  # sparse: no disk taken
        f.truncate(MAX_FILE_BYTES + 1)
    shutil.copyfile(folder / "plain.txt", folder / "unreadable.txt")
    os.chmod(folder / "unreadable.txt", 0)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One build of the whole bad folder, the folder with no document and the over-long name."""
    work = tmp_path_factory.mktemp("bad-input")
    folder = work / "bad"
    shutil.copytree(BAD, folder)
    shutil.move(folder / "nodocs", work / "nodocs")
    special_files(folder)
    result = _athar("build", "bad", "nodocs", "x" * 300 + ".txt", "--store", "store", "-q", cwd=work)
    events = _athar("events", "-f", "json", "--store", "store", cwd=work)
    assert events.returncode == 0, events.stderr
    yield work, folder, result, json.loads(events.stdout)
    os.chmod(folder / "unreadable.txt", 0o644)


def test_the_corpus_has_every_case_and_nothing_else():
    committed = {p.relative_to(BAD).as_posix() for p in BAD.rglob("*") if p.is_file()}
    assert len(committed) >= 40
    made = {"fifo.txt", "zero.txt", "loop-a.txt", "loop-b.txt", "broken-link.txt", "huge.txt", "unreadable.txt"}
    assert committed - {"nodocs/README.rst"} == set(CASES) - made


def test_the_build_ends_non_zero_and_reads_every_good_file(built):
    work, folder, result, _ = built
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    good = [name for name, outcome in CASES.items() if outcome == OK]
    assert f"documents: {len(good)} " in result.stdout


@pytest.mark.parametrize("name", sorted([*CASES, *EXTRA]), ids=lambda n: n[:40].strip())
def test_each_file_is_ingested_or_refused_in_one_line_naming_it(built, name):
    work, folder, result, records = built
    outcome = CASES.get(name) or EXTRA[name]
    path = f"bad/{name}" if name in CASES else name
    lines = [line for line in result.stderr.splitlines() if line.startswith("athar build: error: ")]
    mine = [line for line in lines if line.removeprefix("athar build: error: ").startswith(path + ":")]
    if outcome == OK:
        assert mine == []
        return
    assert len(mine) == 1, (name, result.stderr)
    assert outcome in mine[0]


@pytest.mark.parametrize("name", sorted(n for n, o in CASES.items() if o == OK), ids=lambda n: n.strip())
def test_evidence_offsets_cut_the_file_as_it_is_on_disk(built, name):
    work, folder, result, records = built
    path = folder / name
    doc = read_document(path)
    disk = path.read_bytes().decode("utf-8")
    assert disk.endswith(doc.body)  # the body is the file's own text: no line end or character converted
    mine = [r for r in records if r["document"] == path.name]
    assert mine, f"{name}: no fact read"
    for r in mine:
        assert doc.body[r["start"]:r["end"]] == r["evidence"], (name, r["evidence"])


@pytest.mark.parametrize("name", SAME_FACTS, ids=lambda n: n.strip())
def test_a_text_written_differently_gives_the_same_facts(built, name):
    _, _, _, records = built

    def facts(file):  # entities by label: an entity of one document only has an IRI of that document
        return sorted((r["type"], r["date"], *(tuple(sorted(e["label_en"] or "" for e in r.get(role, [])))
                                               for role in ("agent", "target", "place", "victim")))
                      for r in records if r["document"] == file)

    # a report's date (front matter) dates its undated news (read/newsdate.py): plain.txt has none
    published = read_document(BAD / name).published
    assert facts(name) == sorted((t, d or published, *roles) for t, d, *roles in facts("plain.txt"))


def test_crlf_evidence_cuts_the_raw_file(built):
    _, folder, _, records = built
    raw = (folder / "crlf.txt").read_bytes().decode("utf-8")
    mine = [r for r in records if r["document"] == "crlf.txt"]
    assert mine and all(raw[r["start"]:r["end"]] == r["evidence"] for r in mine)
    assert all("\r" not in r["evidence"] for r in mine)


def test_a_refused_file_leaves_the_store_as_it_was(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copyfile(BAD / "plain.txt", folder / "report.txt")
    assert _athar("build", "news", "--store", "store", "-q", cwd=tmp_path).returncode == 0
    graph = "<https://w3id.org/athar/id/doc/news%2Freport.txt> .\n"

    def document_quads() -> list[str]:
        quads = _athar("export", "-f", "nq", "--store", "store", cwd=tmp_path).stdout.splitlines(keepends=True)
        return sorted(q for q in quads if q.endswith(graph))

    before = document_quads()
    assert len(before) > 50
    shutil.copyfile(BAD / "published-feb-30.txt", folder / "report.txt")  # the same document, now broken
    result = _athar("build", "news", "--store", "store", "-q", cwd=tmp_path)
    assert result.returncode == 1 and "report.txt: 'published: 2019-02-30'" in result.stderr
    assert document_quads() == before


def test_store_refuses_an_ordinary_folder(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("x")
    result = _athar("build", str(BAD / "plain.txt"), "--store", "notes", "-q", cwd=tmp_path)
    assert result.returncode == 1
    assert "notes: is a folder of other files, not an athar store" in result.stderr
    assert sorted(p.name for p in (tmp_path / "notes").iterdir()) == ["todo.txt"]
    # a file is refused too; an existing store, and an empty folder, are used
    (tmp_path / "file").write_text("x")
    assert "is a file, not a store" in _athar("build", str(BAD / "plain.txt"), "--store", "file", cwd=tmp_path).stderr
    (tmp_path / "empty").mkdir()
    for _ in range(2):
        assert _athar("build", str(BAD / "plain.txt"), "--store", "empty", "-q", cwd=tmp_path).returncode == 0


# -- hostile queries: refused before the engine, stopped when they run too long --------------

@pytest.fixture(scope="module")
def query_store(tmp_path_factory):
    work = tmp_path_factory.mktemp("queries")
    assert _athar("build", str(BAD / "plain.txt"), "--store", "store", "-q", cwd=work).returncode == 0
    return work


def _query(work, *args):
    return _athar("query", "--store", "store", *args, cwd=work)


def _one_error(result, *needles):
    assert result.returncode == 1, result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("athar query: error: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


DEEP = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000


@pytest.mark.parametrize("sparql, needles", [
    pytest.param(DEEP, ("nests brackets more than 200 deep", "line 1, column 216"), id="3000-braces"),
    pytest.param("SELECT * WHERE {\n  ?s ?p " + "(" * 250 + "1" + ")" * 250 + " }",
                 ("more than 200 deep", "line 2"), id="parentheses"),
    pytest.param("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                 ("SERVICE <http://example.org/sparql> at line 1, column 18 is not allowed", "allowed: none"),
                 id="service"),
    pytest.param("PREFIX e: <http://example.org/>\nSELECT * WHERE { service silent e:sparql { ?s ?p ?o } }",
                 ("SERVICE e:sparql at line 2", "not allowed"), id="service-prefixed-silent"),
    pytest.param("SELECT * WHERE { ?s ?p }", ("malformed SPARQL", "1:"), id="malformed-with-position"),
])
def test_a_hostile_query_gets_one_line(query_store, sparql, needles):
    _one_error(_query(query_store, "-e", sparql), *needles)


def test_a_query_too_long_or_holding_a_nul_is_refused(query_store):
    (query_store / "long.rq").write_text("SELECT * WHERE { ?s ?p ?o } #" + "x" * 1_000_000, encoding="utf-8")
    _one_error(_query(query_store, "long.rq"), "the limit is 1,000,000")
    with pytest.raises(QueryError, match="NUL character at line 2, column 11"):
        check_query("SELECT *\nWHERE { ?s\x00 ?p ?o }")


def test_brackets_in_strings_iris_and_comments_are_not_nesting(query_store):
    noise = '"' + "{" * 300 + '" ' + "'" + "(" * 300 + "' " + '"""' + "[" * 300 + '"""'
    sparql = (f"# {'{' * 300}\nASK {{ VALUES ?x {{ {noise} <http://example.org/{'(' * 300}> }} "
              "FILTER(?x = ?x) }")
    result = _query(query_store, "-e", sparql)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "true"


def test_an_allowed_service_is_called(query_store):
    # a closed port on this machine: the call is made, fails, and is said in one line
    result = _query(query_store, "--allow-service", "http://127.0.0.1:59999/sparql", "-e",
                    "SELECT * WHERE { SERVICE <http://127.0.0.1:59999/sparql> { ?s ?p ?o } }")
    _one_error(result)
    assert "--allow-service" not in result.stderr


def test_a_query_over_its_time_limit_is_stopped(query_store):
    started = time.monotonic()
    result = _query(query_store, "--timeout", "1", "-e",
                    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
    _one_error(result, "ran over its time limit of 1 s")
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("sparql, expected", [
    pytest.param("ASK { ?s a <https://w3id.org/athar/ontology#Liberation> }", "true", id="ask"),
    pytest.param("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c . FILTER(?c = <https://w3id.org/athar/ontology#Liberation>) }",
                 "https://w3id.org/athar/ontology#Liberation", id="construct"),
    pytest.param("DESCRIBE <https://w3id.org/athar/ontology#Liberation>", "Liberation", id="describe"),
])
def test_every_query_form_is_answered(query_store, sparql, expected):
    result = _query(query_store, "-e", sparql, "-f", "csv")
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_a_binary_query_file_is_a_clear_error(query_store):
    (query_store / "bad.rq").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    _one_error(_query(query_store, "bad.rq"), "bad.rq: is a binary file")
    (query_store / "latin.rq").write_bytes("SELECT * WHERE { ?s ?p 'café' }".encode("latin-1"))
    _one_error(_query(query_store, "latin.rq"), "latin.rq: is not UTF-8 text (byte 0xe9 at offset 27)")


@pytest.mark.parametrize("text", [
    pytest.param("\ufefb\ufe97\ufea4\ufeae\ufef3\ufeae \ufdf2 قال", id="ligatures-and-shapes"),
    pytest.param("x\ufefb\u064b\ufefby", id="ligature-mark-ligature"),
    pytest.param("\u202bالفلوجة\u202c \u2066\u200e2016\u2069 ال\u200bرقة", id="bidi-and-zero-width"),
])
def test_every_token_maps_back_to_the_characters_it_was_read_from(text):
    from athar.read.text import normalize, segment

    doc = segment(text)
    assert doc.tokens
    for tok in doc.tokens:
        start, end = doc.norm.to_original(tok.start, tok.end)
        assert normalize(text[start:end]).text.strip() == tok.text
