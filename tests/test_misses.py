"""bench/misses.py: each gold fact role mode misses put in the mechanism it is lost by."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from athar.read.entity import stopwords
from athar.read.language import Language
from athar.use.evaluate import extract_records, load_gold

from conftest import GOLD

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import misses  # noqa: E402

DOCUMENT = Path(__file__).resolve().parent / "data" / "misses" / "liberation-told-once.ar.txt"


@pytest.fixture(scope="module")
def classified() -> dict[str, misses.Miss]:
    records, bodies = extract_records([DOCUMENT])
    found = misses.classify(load_gold(GOLD / "misses.yaml"), records, bodies,
                            misses.read_documents([DOCUMENT]), stopwords(Language()))
    return {m.fact.id: m for m in found}


@pytest.mark.parametrize("fact, mechanism", [
    pytest.param("nothing", "type: nothing read", id="no-event-over-the-evidence"),
    pytest.param("class", "type: another class", id="a-liberation-where-gold-has-an-attack"),
    pytest.param("date", "type: date or amount", id="the-date-differs"),
    pytest.param("recognition", "role: recognition", id="no-mention-of-the-doer-anywhere"),
    pytest.param("resolution", "role: resolution", id="another-force-sharing-a-word"),
    pytest.param("selection", "role: selection", id="the-doer-named-in-the-sentence"),
    pytest.param("discourse", "role: discourse", id="the-doer-named-in-another-sentence"),
    pytest.param("upstream", "role: recognition", id="two-roles-the-furthest-upstream"),
])
def test_each_miss_has_its_mechanism(classified, fact, mechanism):
    assert classified[fact].mechanism == mechanism


def test_a_hit_is_no_miss(classified):
    assert "hit" not in classified


def test_the_roles_of_a_fact_each_have_theirs(classified):
    assert {(r.role, r.mechanism) for r in classified["upstream"].roles} == {
        ("agent", "selection"), ("place", "recognition")}


@pytest.mark.parametrize("gold, documents, half, allowed", [
    pytest.param("data/eval/dev/gold.yaml", [], "A", True, id="dev-half-A"),
    pytest.param("data/eval/dev/gold.yaml", ["data/eval/dev"], "A", True, id="dev-half-A-folder-given"),
    pytest.param("data/eval/dev/gold.yaml", [], "B", False, id="dev-half-B"),
    pytest.param("data/eval/dev/gold.yaml", [], None, False, id="dev-whole"),
    pytest.param("data/eval/test/gold.yaml", [], None, False, id="test"),
    pytest.param("data/eval/fresh18/gold.yaml", [], None, False, id="fresh"),
    pytest.param("tests/data/gold/seed.yaml", [], None, True, id="seed"),
    pytest.param("tests/data/gold/seed.yaml", ["data/eval/test"], None, False, id="test-texts-under-other-gold"),
])
def test_examples_only_where_texts_may_be_read(gold, documents, half, allowed):
    assert misses.examples_allowed(ROOT / gold, half, [ROOT / d for d in documents]) is allowed


def test_another_class_says_what_was_read(classified):
    miss = classified["class"]
    assert (miss.read, misses._other_class(miss)) == ("Liberation/Statement", "an event, other events")
