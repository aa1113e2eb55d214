"""Incremental, idempotent ingest: a build reads only what changed, a changed document's old facts
go, a removed document takes only its own facts with it, and the same place named three ways
is one entity.

What a user checks here: re-running ``athar build`` on a folder after corrections arrived
re-reads the corrected articles only, and the graph says what the files say now.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from athar.graph import ingest
from athar.graph.ingest import build, remove
from athar.graph.rdf import refresh_entities
from athar.graph.store import Store
from athar.read.pipeline import Component, Pipeline

FALLUJAH = "حررت القوات العراقية مدينة الفلوجة من تنظيم داعش في حزيران 2016.\n"
RAMADI = "حررت القوات العراقية مدينة الرمادي من تنظيم داعش في كانون الأول 2015.\n"
RAQQA = {  # one place, written three ways
    "plain.txt": "حررت قوات سوريا الديمقراطية الرقة من تنظيم داعش في تشرين الأول 2017.\n",
    "cue-word.txt": "أعلنت قوات سوريا الديمقراطية تحرير مدينة الرقة من تنظيم داعش في تشرين الأول 2017.\n",
    "ha-for-ta-marbuta.txt": "حررت قوات سوريا الديمقراطية الرقه من تنظيم داعش بعد معارك استمرت أشهرا.\n",
}
DOC = "https://w3id.org/athar/id/doc/"
AID = "https://w3id.org/athar/id/"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def counting_pipeline(read: list[str]) -> Pipeline:
    """athar's pipeline with one more component that notes every document it reads."""
    pipeline = Pipeline()
    pipeline.add(Component("note", reads=(), writes=(), run=lambda doc: read.append(doc.text)))
    return pipeline


def document_quads(store: Store) -> set[str]:
    return {line for line in store.serialize("nq").splitlines() if f"<{DOC}" in line.rsplit(" ", 2)[-2]}


def labels(store: Store, graph: str) -> set[str]:
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    rows = store.query(f"SELECT DISTINCT ?l WHERE {{ GRAPH <{graph}> {{ ?e a ?c ; {label} ?l }} }}")
    return {row["l"].value for row in rows}


@pytest.fixture
def news(tmp_path):
    write(tmp_path / "news" / "fallujah.txt", FALLUJAH)
    write(tmp_path / "news" / "ramadi.txt", RAMADI)
    return tmp_path / "news"


def test_an_unchanged_document_is_skipped_not_read_again(news):
    store, read = Store(), []
    first = build(store, [news], pipeline=counting_pipeline(read))
    assert (first.documents, first.skipped, len(read)) == (2, 0, 2)
    before = document_quads(store)
    read.clear()
    again = build(store, [news], pipeline=counting_pipeline(read))
    assert (again.documents, again.skipped, again.errors) == (0, 2, [])
    assert read == []  # not extracted again
    assert document_quads(store) == before


def test_a_document_read_by_another_reader_is_read_again(news, monkeypatch):
    store = Store()
    build(store, [news])
    monkeypatch.setattr(ingest, "reader_digest", lambda: "0" * 16)  # athar's rules changed since
    read: list[str] = []
    report = build(store, [news], pipeline=counting_pipeline(read))
    assert (report.documents, report.skipped, len(read)) == (2, 0, 2)


def test_a_changed_document_replaces_its_graph_and_its_old_facts_go(news, tmp_path):
    store = Store()
    build(store, [news])
    graph = DOC + "news%2Ffallujah.txt"
    assert "الفلوجة" in labels(store, graph)
    write(news / "fallujah.txt", FALLUJAH.replace("الفلوجة", "الموصل").replace("2016", "2017"))
    report = build(store, [news])
    assert (report.documents, report.skipped) == (1, 1)
    assert "الفلوجة" not in labels(store, graph) and "الموصل" in labels(store, graph)
    fresh = Store()  # the same graph as a first build of the corrected files
    build(fresh, [news])
    assert document_quads(store) == document_quads(fresh)


def test_removing_a_document_keeps_the_entities_other_documents_share(news):
    store = Store()
    build(store, [news])
    isis = f"<{AID}entity/isis>"
    shared = f"ASK {{ GRAPH <{DOC}news%2Framadi.txt> {{ ?event ?role {isis} . {isis} ?p ?o }} }}"
    assert store.query(shared)
    removed, errors = remove(store, ["news/fallujah.txt"])
    assert (removed, errors) == ([DOC + "news%2Ffallujah.txt"], [])
    assert not store.query(f"ASK {{ GRAPH <{DOC}news%2Ffallujah.txt> {{ ?s ?p ?o }} }}")
    # nothing of it in any document's graph (the gazetteer's background facts about Fallujah stay)
    assert not store.query(f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), '{DOC}') "
                           "&& CONTAINS(STR(?s), 'fallujah')) }")
    assert store.query(shared)  # ISIS, named by both, keeps the other document's facts
    # by the file's path too; a document the store does not hold is one error line
    removed, errors = remove(store, [news / "ramadi.txt", "news/nowhere.txt"])
    assert removed == [DOC + "news%2Framadi.txt"]
    assert len(errors) == 1 and errors[0].startswith("news/nowhere.txt: no such document in the store")


def test_a_removed_document_comes_back_with_the_next_build(news):
    store = Store()
    build(store, [news])
    before = document_quads(store)
    remove(store, [news])  # a folder: every document in it
    assert document_quads(store) == set()
    report = build(store, [news])
    assert (report.documents, report.skipped) == (2, 0)
    assert document_quads(store) == before


def test_one_place_named_three_ways_is_one_entity(tmp_path):
    for name, text in RAQQA.items():
        write(tmp_path / "raqqa" / name, text)
    store = Store()
    assert build(store, [tmp_path / "raqqa"]).documents == 3
    rows = list(store.query("SELECT DISTINCT ?place ?doc WHERE { GRAPH ?doc { ?e a "
                       "<https://w3id.org/athar/ontology#Liberation> ; <https://w3id.org/athar/ontology#place> ?place } }"))
    assert len({row["doc"].value for row in rows}) == 3  # each document states the liberation
    assert {row["place"].value for row in rows} == {AID + "entity/raqqa"}


def test_the_after_change_hooks_run_after_every_build_and_removal(news, monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(ingest, "AFTER_CHANGE", (lambda store: calls.append(len(store)),))
    store = Store()
    build(store, [news])
    build(store, [news])  # nothing changed: the hooks find out themselves (see below)
    remove(store, ["news/ramadi.txt"])
    assert len(calls) == 3 and calls[2] < calls[1] == calls[0]


def test_the_entities_graph_is_refreshed_only_when_its_sources_changed(news):
    store = Store()
    build(store, [news])
    entities = AID + "graph/entities"
    drawn = set(store.triples(entities))
    assert refresh_entities(store) is False  # nothing changed since the build drew it
    # a build killed after its last document and before the refresh: the documents are stored,
    # the entities graph is not (or is an older one); the next build, which reads nothing, draws it
    store.drop_graph(entities)
    read: list[str] = []
    build(store, [news], pipeline=counting_pipeline(read))
    assert read == [] and set(store.triples(entities)) == drawn
    # a changed document: the graph is drawn again, and is what a full redraw gives
    write(news / "ramadi.txt", RAMADI.replace("القوات العراقية", "قوات الحشد الشعبي"))
    build(store, [news])
    after = set(store.triples(entities))
    assert refresh_entities(store, force=True) is True and set(store.triples(entities)) == after


def test_worker_processes_give_the_graph_of_one_process(news, tmp_path):
    for i in range(3):
        write(news / f"copy{i}.txt", RAMADI.replace("2015", str(2010 + i)))
    alone, parallel = Store(), Store()
    assert build(alone, [news]).documents == 5
    report = build(parallel, [news], jobs=2)
    assert (report.documents, report.errors) == (5, [])
    assert document_quads(parallel) == document_quads(alone)
    assert build(parallel, [news], jobs=2).skipped == 5


def test_a_refused_file_is_one_line_and_the_others_are_built_in_workers(news):
    (news / "empty.txt").write_text("")
    report = build(Store(), [news], jobs=2)
    assert report.documents == 2
    assert len(report.errors) == 1 and report.errors[0].endswith("empty.txt: the file is empty; nothing to read")


# -- a folder built again after files left it -----------------------------------------------

def stored_documents(store: Store) -> set[str]:
    return {g.removeprefix(DOC) for g in store.graphs() if g.startswith(DOC)}


def test_a_file_deleted_from_the_folder_is_dropped_by_the_next_build(news):
    store = Store()
    write(news / "mosul.txt", FALLUJAH.replace("الفلوجة", "الموصل"))
    assert build(store, [news]).documents == 3
    (news / "mosul.txt").unlink()
    report = build(store, [news])
    assert (report.documents, report.skipped, report.removed, report.errors) == (0, 2, 1, [])
    assert stored_documents(store) == {"news%2Ffallujah.txt", "news%2Framadi.txt"}
    assert not store.query("ASK { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?s), 'mosul.txt')) }")
    fresh = Store()  # the same documents, and entities drawn from them, as a first build of the folder now
    build(fresh, [news])
    assert document_quads(store) == document_quads(fresh)
    entities = AID + "graph/entities"
    assert set(store.triples(entities)) == set(fresh.triples(entities))
    assert build(store, [news]).removed == 0  # said once


def test_a_renamed_file_is_one_document_not_two(news):
    store = Store()
    build(store, [news])
    (news / "ramadi.txt").rename(news / "ramadi-2015.txt")
    report = build(store, [news])
    assert (report.documents, report.removed) == (1, 1)
    assert stored_documents(store) == {"news%2Ffallujah.txt", "news%2Framadi-2015.txt"}
    events = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a <https://w3id.org/athar/ontology#Liberation> }"
    assert int(next(iter(store.query(events)))["n"].value) == 2  # not the Ramadi liberation twice


def test_keep_missing_keeps_the_documents_that_left_the_folder(news):
    store = Store()
    build(store, [news])
    (news / "ramadi.txt").unlink()
    report = build(store, [news], keep_missing=True)
    assert (report.removed, report.skipped) == (0, 1)
    assert stored_documents(store) == {"news%2Ffallujah.txt", "news%2Framadi.txt"}
    assert build(store, [news]).removed == 1  # and the next build without it drops it


def test_only_the_folder_built_again_loses_documents(tmp_path):
    """Documents of another folder, of a folder of the same name elsewhere, and files named
    directly stay; two files of one name in two folders are two documents."""
    a, b = tmp_path / "a", tmp_path / "b"
    write(a / "report.txt", FALLUJAH)
    write(a / "gone.txt", RAMADI)
    write(b / "report.txt", RAMADI)
    alone = write(tmp_path / "single" / "gone.txt", FALLUJAH.replace("2016", "2017"))
    store = Store()
    assert build(store, [a, b]).documents == 3
    assert build(store, [alone]).documents == 1
    assert stored_documents(store) == {"a%2Freport.txt", "a%2Fgone.txt", "b%2Freport.txt", "single%2Fgone.txt"}
    assert build(store, [a / "report.txt"]).skipped == 1  # a file of a folder, named alone: still the folder's
    (a / "gone.txt").unlink()
    (b / "report.txt").unlink()  # b is not built again: its document stays
    (a / "report.txt").unlink()
    write(a / "new.txt", RAMADI)
    report = build(store, [a])
    assert (report.removed, report.documents, report.errors) == (2, 1, [])
    assert stored_documents(store) == {"a%2Fnew.txt", "b%2Freport.txt", "single%2Fgone.txt"}
    # a sub-folder of a built as a folder of its own: its documents have other identities, and
    # building it does not touch the documents read through a
    write(a / "sub" / "x.txt", RAMADI)
    assert build(store, [a]).documents == 1
    assert build(store, [a / "sub"]).documents == 1
    assert {"a%2Fsub%2Fx.txt", "sub%2Fx.txt"} <= stored_documents(store)
    (a / "sub" / "x.txt").unlink()
    write(a / "sub" / "y.txt", FALLUJAH)
    assert build(store, [a / "sub"]).removed == 1
    assert "a%2Fsub%2Fx.txt" in stored_documents(store) and "sub%2Fx.txt" not in stored_documents(store)


def test_a_file_with_the_identity_of_a_stored_document_elsewhere_is_refused(tmp_path):
    """Two folders of one name in two places give their files one identity: the second build
    refuses what would be written over a document whose file is still there, and loses nothing;
    when that file is gone (the folder was moved) the document is read from its new place."""
    first, second = tmp_path / "2019" / "news", tmp_path / "2020" / "news"
    write(first / "report.txt", FALLUJAH)
    write(second / "report.txt", RAMADI)
    write(second / "other.txt", RAMADI.replace("2015", "2016"))
    store = Store()
    build(store, [first])
    before = document_quads(store)
    report = build(store, [second])
    assert report.documents == 1 and report.removed == 0
    assert len(report.errors) == 1 and "has the identity 'news/report.txt' of " in report.errors[0]
    assert str(first / "report.txt") in report.errors[0]
    assert before <= document_quads(store)  # the first folder's document is whole
    (first / "report.txt").unlink()  # moved away: the second folder's file is now its only source
    report = build(store, [second])
    assert (report.documents, report.errors) == (1, [])
    assert "الرمادي" in labels(store, DOC + "news%2Freport.txt")


def test_a_build_that_fails_or_stops_half_way_drops_nothing(news, tmp_path):
    store = Store()
    build(store, [news])
    (news / "ramadi.txt").unlink()
    write(news / "new-1.txt", RAMADI)
    write(news / "new-2.txt", RAMADI.replace("2015", "2016"))

    def stop(doc):
        if "2016" in doc.text and "الرمادي" in doc.text:
            raise KeyboardInterrupt  # the user stops the build
    pipeline = Pipeline()
    pipeline.add(Component("stop", reads=(), writes=(), run=stop))
    with pytest.raises(KeyboardInterrupt):
        build(store, [news], pipeline=pipeline)
    assert {"news%2Ffallujah.txt", "news%2Framadi.txt"} <= stored_documents(store)  # the gone file not dropped yet
    # a file that cannot be read keeps its own graph and costs the others nothing
    (news / "fallujah.txt").write_text("")
    report = build(store, [news])
    assert report.removed == 1 and len(report.errors) == 1 and "fallujah.txt: the file is empty" in report.errors[0]
    assert stored_documents(store) == {"news%2Ffallujah.txt", "news%2Fnew-1.txt", "news%2Fnew-2.txt"}


def test_a_folder_that_cannot_be_listed_whole_drops_nothing(news, monkeypatch):
    store = Store()
    closed = news / "closed"
    write(closed / "mosul.txt", FALLUJAH.replace("الفلوجة", "الموصل"))
    build(store, [news])
    (news / "ramadi.txt").unlink()
    listing = os.scandir

    def scandir(path="."):  # the sub-folder refuses to be listed (chmod 0 does not stop root, who runs CI)
        if Path(path) == closed:
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)
    monkeypatch.setattr(os, "scandir", scandir)
    report = build(store, [news])
    assert report.removed == 0 and len(report.errors) == 1
    assert "closed: cannot be listed" in report.errors[0] and "no document of" in report.errors[0]
    assert stored_documents(store) == {"news%2Ffallujah.txt", "news%2Framadi.txt", "news%2Fclosed%2Fmosul.txt"}


def test_remove_names_a_folder_that_is_gone_by_the_documents_read_from_it(news, tmp_path):
    store = Store()
    build(store, [news])
    other = write(tmp_path / "other" / "x.txt", RAMADI)
    build(store, [other])
    for f in news.iterdir():
        f.unlink()
    news.rmdir()
    removed, errors = remove(store, [news])
    assert (sorted(removed), errors) == ([DOC + "news%2Ffallujah.txt", DOC + "news%2Framadi.txt"], [])
    assert stored_documents(store) == {"other%2Fx.txt"}


def test_the_command_says_how_many_documents_were_removed(news, tmp_path, capsys):
    from athar.cli import main

    store = str(tmp_path / "store")
    assert main(["-q", "build", str(news), "--store", store, "--jobs", "1"]) == 0
    (news / "ramadi.txt").unlink()
    assert main(["-q", "build", str(news), "--store", store, "--jobs", "1", "--keep-missing"]) == 0
    assert "removed" not in capsys.readouterr().out
    assert main(["-q", "build", str(news), "--store", store, "--jobs", "1"]) == 0
    assert "removed (no longer in their folder): 1" in capsys.readouterr().out
