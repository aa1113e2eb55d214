"""`athar export`: the store as RDF a user can load elsewhere.

What a user checks: the file parses back into the same quads as the store holds; the graph
of where each document was read (this machine's paths) is left out unless asked for; a failed
export leaves no half-written file that looks whole; standard output gets the same bytes.
"""

from __future__ import annotations

import io
import shutil

import pyoxigraph as ox
import pytest

from athar.cli import main
from athar.errors import RenderError
from athar.graph.provenance import SOURCES_GRAPH
from athar.graph.store import Store

from conftest import CORPUS


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export")
    shutil.copytree(CORPUS, folder / "corpus")
    path = folder / "athar-store"
    assert main(["-q", "build", str(folder / "corpus"), "--store", str(path)]) == 0
    return path


def _quads(data: bytes, fmt) -> set[ox.Quad]:
    return set(ox.parse(data, format=fmt))


def _stored(path, *, sources: bool) -> set[ox.Quad]:
    with Store(path, read_only=True) as store:
        quads = set(store._ox.quads_for_pattern(None, None, None, None))
    return quads if sources else {q for q in quads if q.graph_name != ox.NamedNode(str(SOURCES_GRAPH))}


@pytest.mark.parametrize("fmt, rdf", [("nq", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)])
def test_the_export_holds_every_quad_but_the_local_sources(store_path, tmp_path, fmt, rdf):
    out = tmp_path / f"athar.{fmt}"
    assert main(["export", "-f", fmt, "--store", str(store_path), "-o", str(out)]) == 0
    got = _quads(out.read_bytes(), rdf)
    assert got == _stored(store_path, sources=False)
    assert not any(q.graph_name == ox.NamedNode(str(SOURCES_GRAPH)) for q in got)
    assert str(store_path.parent) not in out.read_text(encoding="utf-8")  # no path of this machine
    assert not list(tmp_path.glob("*.part"))


def test_with_sources_the_files_documents_were_read_from_are_exported(store_path, tmp_path):
    out = tmp_path / "athar.nq"
    assert main(["export", "-f", "nq", "--with-sources", "--store", str(store_path), "-o", str(out)]) == 0
    got = _quads(out.read_bytes(), ox.RdfFormat.N_QUADS)
    assert got == _stored(store_path, sources=True)
    sources = [q for q in got if q.graph_name == ox.NamedNode(str(SOURCES_GRAPH))]
    assert any(str(q.object.value).startswith("file://") for q in sources)


def test_standard_output_gets_the_same_export(store_path, tmp_path, capsysbinary):
    out = tmp_path / "athar.nq"
    assert main(["export", "-f", "nq", "--store", str(store_path), "-o", str(out)]) == 0
    assert main(["export", "-f", "nq", "--store", str(store_path)]) == 0
    assert _quads(capsysbinary.readouterr().out, ox.RdfFormat.N_QUADS) == _quads(out.read_bytes(),
                                                                                   ox.RdfFormat.N_QUADS)


def test_a_failed_export_leaves_no_file_behind(store_path, tmp_path, capsys):
    """A write that fails (here: the folder is missing) is a one-line error naming the file, and
    neither the file nor its part stays."""
    out = tmp_path / "missing" / "athar.nq"
    assert main(["export", "-f", "nq", "--store", str(store_path), "-o", str(out)]) != 0
    assert "athar.nq: cannot write (No such file or directory)" in capsys.readouterr().err
    assert not out.parent.exists()


def test_an_export_stopped_part_way_leaves_the_older_file_as_it_was(store_path, tmp_path):
    """A failure after the first bytes were written (the store read failing, the disk full) keeps
    the older export intact and removes the part written."""
    out = tmp_path / "athar.nq"
    out.write_text("an older export\n", encoding="utf-8")

    class Failing(Store):
        def _quads(self, leave_out=()):
            for i, q in enumerate(super()._quads(leave_out)):
                if i == 1000:
                    raise OSError(28, "No space left on device")
                yield q

    from athar.cli.commands import _export_to

    with Failing(store_path, read_only=True) as store, pytest.raises(RenderError, match="No space left"):
        _export_to(store, "nq", out, ())
    assert out.read_text(encoding="utf-8") == "an older export\n"
    assert not list(tmp_path.glob("*.part"))


def test_an_export_over_an_older_file_replaces_it_whole(store_path, tmp_path):
    out = tmp_path / "athar.trig"
    out.write_text("an older export, much longer than nothing\n" * 10_000, encoding="utf-8")
    assert main(["export", "-f", "trig", "--store", str(store_path), "-o", str(out)]) == 0
    assert _quads(out.read_bytes(), ox.RdfFormat.TRIG) == _stored(store_path, sources=False)


def test_turtle_and_json_ld_leave_the_sources_out_too(store_path):
    with Store(store_path, read_only=True) as store:
        for fmt in ("ttl", "jsonld"):
            buffer = io.BytesIO()
            store.export(fmt, buffer, leave_out=[str(SOURCES_GRAPH)])
            assert "prov#hadPrimarySource" not in buffer.getvalue().decode("utf-8")
            buffer = io.BytesIO()
            store.export(fmt, buffer)
            assert "hadPrimarySource" in buffer.getvalue().decode("utf-8")
