"""The compiled tables kept between processes (athar.read.snapshot): a language loads what an
earlier one built from the same code and tables, reads the same facts with it, and never reads a
file made from other tables; a folder that cannot be written or a broken file changes nothing."""

from __future__ import annotations

import pytest

import athar
from athar.read import snapshot
from athar.read.function_words import _table
from athar.read.language import Language

TEXT = ("قتل 12 مدنياً وأصيب آخرون في قصف جوي استهدف بلدة كفرنبل في ريف إدلب الجنوبي أمس، "
        "فيما أعلنت قوات سوريا الديمقراطية السيطرة على قرية الباغوز.")


def _facts(lang: Language) -> list:
    return athar.read(TEXT, published="2019-03-01", lang=lang).facts


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ATHAR_CACHE", str(tmp_path))
    monkeypatch.delenv("ATHAR_TABLE_CACHE", raising=False)
    return tmp_path / "tables"


def test_a_second_language_loads_what_the_first_built_and_reads_the_same(cache):
    expected = _facts(Language(cache=False))
    assert expected  # the text states events: an empty reading would prove nothing
    assert _facts(Language()) == expected  # builds, and writes the file
    files = list(cache.glob("*.pickle"))
    assert len(files) == 1
    holder = Language(cache=False)
    kept = snapshot.load(files[0], holder)
    assert "athar.read.function_words:_table" in kept and len(kept) > 30
    # a value that holds its language (the date words' lexicon) is kept, and holds the one that loads it
    assert kept["athar.read.datewords:lexicon"].lang is holder

    lang = Language()
    assert _facts(lang) == expected
    # the values come from the file: one changed in it is the one the language holds
    kept["athar.read.function_words:_table"] = {"marked": True}
    snapshot.save(files[0], kept.items(), holder)
    assert Language().data(_table.__wrapped__) == {"marked": True}
    assert Language(cache=False).data(_table.__wrapped__) != {"marked": True}


def test_other_tables_or_other_code_name_another_file(cache, monkeypatch):
    lang = Language()
    clitics = lang.text_of("clitics.tsv")
    assert snapshot.path_of(lang) == snapshot.path_of(Language())
    assert snapshot.path_of(Language({"clitics.tsv": clitics + "\n"})) != snapshot.path_of(lang)
    before = snapshot.path_of(lang)
    monkeypatch.setattr(snapshot, "_SOURCES", ["another version of athar.read"])
    assert snapshot.path_of(Language()) != before


def test_a_language_of_its_own_tables_writes_no_file(cache):
    lang = Language({"clitics.tsv": Language().text_of("clitics.tsv")})
    _facts(lang)
    assert not cache.exists()


def test_unwritable_folder_and_broken_file_change_nothing(tmp_path, monkeypatch):
    expected = _facts(Language(cache=False))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv("ATHAR_CACHE", str(blocker))
    assert _facts(Language()) == expected

    monkeypatch.setenv("ATHAR_CACHE", str(tmp_path / "c"))
    path = snapshot.path_of(Language())
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x80\x05not a pickle at all")
    assert _facts(Language()) == expected
    assert isinstance(snapshot.load(path, Language(cache=False)), dict)  # written anew, whole
    assert not list(path.parent.glob(".tables-*"))  # no half-written file left behind


def test_turned_off(cache, monkeypatch):
    monkeypatch.setenv("ATHAR_TABLE_CACHE", "off")
    assert _facts(Language())
    assert not cache.exists()


def test_no_home_folder_builds_in_the_process(tmp_path, monkeypatch):
    expected = _facts(Language(cache=False))
    monkeypatch.delenv("ATHAR_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(snapshot.Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("no home"))))
    with pytest.raises(RuntimeError):
        snapshot.folder()
    assert _facts(Language()) == expected
