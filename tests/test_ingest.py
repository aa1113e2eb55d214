"""Ingest keeps every document: a document's identity is its path under the folder given (with
the folder's name), so two documents never share a graph, and a build reports what it stored.

What a user checks here: after a build, the store holds one graph per document the build says it
read, whatever the files are called.
"""

from __future__ import annotations

from pathlib import Path

from athar.graph.ingest import build, collect_paths
from athar.graph.store import Store

TEXT = "حررت القوات العراقية مدينة الفلوجة من تنظيم داعش في حزيران 2016.\n"


def document_graphs(store: Store) -> list[str]:
    return sorted(g for g in store.graphs() if "/id/doc/" in g)


def write(path: Path, text: str = TEXT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_same_file_name_in_two_folders_makes_two_documents(tmp_path):
    write(tmp_path / "reports" / "x" / "report.txt")
    write(tmp_path / "reports" / "y" / "report.txt", TEXT.replace("الفلوجة", "الرمادي"))
    store = Store()
    report = build(store, [tmp_path / "reports"])
    assert (report.documents, report.errors) == (2, [])
    assert document_graphs(store) == [
        "https://w3id.org/athar/id/doc/reports%2Fx%2Freport.txt",
        "https://w3id.org/athar/id/doc/reports%2Fy%2Freport.txt",
    ]


def test_names_that_differ_only_in_case_and_punctuation_make_two_documents(tmp_path):
    write(tmp_path / "news" / "My Report.txt")
    write(tmp_path / "news" / "my-report.txt")
    store = Store()
    report = build(store, [tmp_path / "news"])
    assert report.documents == 2 and len(document_graphs(store)) == 2


def test_two_folders_of_the_same_name_are_refused_not_overwritten(tmp_path):
    first = write(tmp_path / "a" / "corpus" / "report.txt")
    write(tmp_path / "b" / "corpus" / "report.txt")
    store = Store()
    report = build(store, [tmp_path / "a" / "corpus", tmp_path / "b" / "corpus"])
    assert report.documents == 1 and len(document_graphs(store)) == 1
    assert len(report.errors) == 1 and "corpus/report.txt" in report.errors[0] and str(first) in report.errors[0]


def test_the_same_file_named_twice_is_read_once(tmp_path):
    doc = write(tmp_path / "corpus" / "report.txt")
    store = Store()
    report = build(store, [tmp_path / "corpus", doc])
    assert (report.documents, report.errors) == (1, [])


def test_a_file_named_directly_has_the_identity_it_has_in_its_folder(tmp_path):
    doc = write(tmp_path / "corpus" / "report.txt")
    assert collect_paths([doc]) == collect_paths([tmp_path / "corpus"]) == [(doc, "corpus/report.txt")]


def test_an_empty_folder_is_an_error_and_the_other_documents_are_built(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "corpus" / "report.txt")
    store = Store()
    report = build(store, [tmp_path / "empty", tmp_path / "corpus"])
    assert report.documents == 1 and len(document_graphs(store)) == 1
    assert report.errors == [f"{tmp_path / 'empty'}: no .txt or .md documents in this directory"]


def test_graphs_bulk_loaded_in_shares_by_threads_are_the_graphs_of_one_load(tmp_path, monkeypatch):
    """A batch of new graphs is bulk-loaded in shares of whole graphs, one thread each: the
    store on disk then holds every graph whole, as one transaction writes them."""
    from athar.graph import store as store_module
    from athar.graph.store import nquads

    for i in range(12):
        write(tmp_path / "news" / f"{i:02d}.txt", TEXT.replace("2016", str(2004 + i)))
    one = Store()
    build(one, [tmp_path / "news"])
    graphs = [(g, nquads(g, one.triples(g))) for g in document_graphs(one)]
    assert [len(share) for share in store_module._shares([data for _, data in graphs], 3)] == [4, 4, 4]
    monkeypatch.setattr(store_module, "BULK_QUADS", 1)  # every batch through the bulk loader
    monkeypatch.setattr(store_module, "LOAD_THREADS", 3)
    monkeypatch.setattr(store_module, "_cores", lambda: 3)
    with Store(tmp_path / "store") as threaded:
        assert threaded.write_graphs(graphs) == sum(len(list(one.triples(g))) for g, _ in graphs)
    again = Store(tmp_path / "store")
    assert document_graphs(again) == document_graphs(one)
    for graph in document_graphs(one):
        assert set(again.triples(graph)) == set(one.triples(graph)), graph
