"""Shared fixtures: stores built from the real corpus, once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from athar.graph.ingest import build
from athar.graph.store import Store

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
SEED = CORPUS / "baghuz-one-year.ar.txt"
DEV = sorted(p for p in CORPUS.glob("*.txt") if p != SEED)
GOLD = Path(__file__).resolve().parent / "data" / "gold"


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Store:
    """The whole corpus in an on-disk store, as `athar build` makes it."""
    store = Store(tmp_path_factory.mktemp("store") / "athar-store")
    report = build(store, [CORPUS])
    assert report.errors == [] and report.documents == 4
    return store


@pytest.fixture(scope="session")
def seed_store() -> Store:
    store = Store()
    build(store, [SEED])
    return store
