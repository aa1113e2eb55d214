"""`athar events` read a batch of documents at a time and written as it is read: the same
records, in the same order, whatever the batch, and the same text as the whole table's."""

from __future__ import annotations

import json

import pytest

from athar.cli import main
from athar.graph.ingest import build
from athar.graph.store import Store
from athar.use.output import format_table
from athar.use.query import EVENT_COLUMNS, events, events_table, iter_events

from conftest import CORPUS


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("events") / "store"
    with Store(path) as store:
        assert build(store, [CORPUS]).errors == []
    return path


def test_batches_give_the_records_of_the_whole_table(store_path):
    with Store(store_path, read_only=True) as store:
        whole = events(store)
        assert len({r["document"] for r in whole}) == 4 and len(whole) > 50
        for batch in (1, 3):
            assert list(iter_events(store, batch=batch)) == whole
        assert whole == sorted(whole, key=lambda r: (r["document"], r["start"], r["end"], r["type"]))


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_the_streamed_text_is_the_whole_tables(store_path, fmt, capsys):
    with Store(store_path, read_only=True) as store:
        records = events(store)
    expected = json.dumps(records, ensure_ascii=False, indent=2) + "\n" if fmt == "json" else \
        format_table(events_table(records, EVENT_COLUMNS), fmt)
    assert main(["events", "-f", fmt, "--store", str(store_path)]) == 0
    assert capsys.readouterr().out == expected
