"""The map step: ``athar extract`` writes one N-Quads file per document, ``athar build OUT/``
loads them, and the graph is the one a plain build gives, whether the step ran in this
process, in local worker processes or on a Dask cluster of worker processes.

What a user checks here: extraction run elsewhere (on a cluster) and loaded afterwards gives
the same graph, quad for quad, as building the folder directly.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from athar.graph.cluster import extract_folder
from athar.graph.ingest import build, collect_paths
from athar.graph.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
DOC = "https://w3id.org/athar/id/doc/"


def document_quads(store: Store) -> set[str]:
    return {line for line in store.serialize("nq").splitlines() if f"<{DOC}" in line.rsplit(" ", 2)[-2]}


def plain_build(folder: Path) -> set[str]:
    store = Store()
    assert build(store, [folder]).errors == []
    return document_quads(store)


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    return folder


def test_the_map_step_on_a_local_dask_cluster_gives_the_graph_of_a_plain_build(tmp_path):
    folder = corpus(tmp_path)
    report = extract_folder(collect_paths([folder]), tmp_path / "out", jobs=2, scheduler="local")
    assert (report.documents, report.errors) == (4, [])
    files = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.nq"))
    assert files == [f"corpus/{p.name}.nq" for p in sorted(CORPUS.glob("*.txt"))]
    loaded = Store()
    built = build(loaded, [tmp_path / "out"])
    assert (built.documents, built.errors) == (4, [])
    assert document_quads(loaded) == plain_build(folder)


def test_extract_and_load_skip_what_did_not_change(tmp_path):
    folder = corpus(tmp_path)
    out = tmp_path / "out"
    assert extract_folder(collect_paths([folder]), out, jobs=2).documents == 4
    again = extract_folder(collect_paths([folder]), out, jobs=1)
    assert (again.documents, again.skipped) == (0, 4)
    store = Store()
    assert build(store, [out]).documents == 4
    assert build(store, [out]).skipped == 4
    assert build(store, [folder]).skipped == 4  # the texts themselves: the same hashes
    # a corrected article: extracted again, then loaded in place of the old graph
    article = folder / "baghuz-one-year.ar.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nحررت القوات العراقية مدينة الفلوجة من تنظيم داعش.\n",
                       encoding="utf-8")
    assert extract_folder(collect_paths([folder]), out).documents == 1
    report = build(store, [out])
    assert (report.documents, report.skipped) == (1, 3)
    assert document_quads(store) == plain_build(folder)


def test_a_document_gone_from_its_folder_leaves_the_map_steps_output_and_then_the_store(tmp_path):
    folder = corpus(tmp_path)
    out = tmp_path / "out"
    other = tmp_path / "other"
    other.mkdir()
    shutil.copyfile(CORPUS / "baghuz-one-year.ar.txt", other / "kept.txt")
    extract_folder(collect_paths([folder, other]), out)
    store = Store()
    assert build(store, [out]).documents == 5
    gone = sorted(folder.glob("*.txt"))[0]
    gone.unlink()
    folders: list = []
    kept = extract_folder(collect_paths([folder], None, folders), out, folders=folders, keep_missing=True)
    assert (kept.removed, (out / "corpus" / f"{gone.name}.nq").exists()) == (0, True)
    report = extract_folder(collect_paths([folder], None, folders := []), out, folders=folders)
    assert (report.removed, report.skipped, report.errors) == (1, 3, [])
    assert not (out / "corpus" / f"{gone.name}.nq").exists() and (out / "other" / "kept.txt.nq").exists()
    loaded = build(store, [out])
    assert (loaded.removed, loaded.skipped) == (1, 4)
    assert document_quads(store) == plain_build(folder) | plain_build(other)


def test_a_graph_file_that_is_not_one_documents_graph_is_one_error_line(tmp_path):
    folder = corpus(tmp_path)
    out = tmp_path / "out"
    extract_folder(collect_paths([folder]), out)
    graphs = sorted((out / "corpus").glob("*.nq"))
    foreign = graphs[0].read_bytes() + b'<urn:x> <urn:y> "z" <urn:elsewhere> .\n'
    graphs[0].write_bytes(foreign)
    lines = graphs[1].read_bytes().split(b"\n")
    graph = lines[0].rsplit(b" ", 2)[-2]  # its header intact, a quad of its graph not valid after it
    lines[5] = b'<an iri with spaces> <urn:p> "x" ' + graph + b" ."
    graphs[1].write_bytes(b"\n".join(lines))
    (out / "corpus" / "hand-made.nq").write_text('<urn:a> <urn:b> "c" <urn:g> .\n')
    store = Store()
    report = build(store, [out])
    assert report.documents == 2
    assert sorted(e.split(": ", 1)[0].rsplit("/", 1)[-1] for e in report.errors) == sorted(
        [graphs[0].name, graphs[1].name, "hand-made.nq:1"])
    assert any("outside the graph" in e for e in report.errors)
    assert any("not valid N-Quads" in e for e in report.errors)
    assert len([g for g in store.graphs() if g.startswith(DOC)]) == 2


def test_the_command_line_extracts_loads_and_removes(tmp_path):
    folder = corpus(tmp_path)

    def athar(*args):
        return subprocess.run([sys.executable, "-m", "athar", *args], capture_output=True, text=True,
                              cwd=tmp_path, timeout=300)

    extracted = athar("extract", "corpus", "-o", "out", "--jobs", "2")
    assert extracted.returncode == 0, extracted.stderr
    assert extracted.stdout.startswith("documents: 4  ")
    loaded = athar("build", "out", "--store", "store", "-q")
    assert loaded.returncode == 0 and loaded.stdout.startswith("documents: 4  "), loaded.stderr
    rebuilt = athar("build", "corpus", "--store", "store", "-q")
    assert rebuilt.returncode == 0 and "unchanged (skipped): 4" in rebuilt.stdout
    removed = athar("remove", "corpus/baghuz-one-year.ar.txt", "corpus/nothing.txt", "--store", "store")
    assert removed.returncode == 1 and removed.stdout.startswith("documents removed: 1")
    assert removed.stderr.count("\n") == 1 and "corpus/nothing.txt: no such document" in removed.stderr
    again = athar("build", "corpus", "--store", "store", "-q")
    assert "documents: 1  " in again.stdout and "unchanged (skipped): 3" in again.stdout
    assert folder.exists()
