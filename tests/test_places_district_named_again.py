""""القضاء" points back to the district named before as such ("قضاء تلعفر ... في القضاء"), found past the
places named between; the noun of "القضاء على" (wiping out) points to nothing. Sentences are written
for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read.language import arabic
from athar.read.mentions import extract_mentions
from athar.read.pipeline import extract_facts
from athar.read.source import parse_document


def places(text: str, event: str) -> set[str]:
    doc = parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")
    return {m.label_en for f in extract_facts(doc) if f.type == event for r, m in f.roles if r == "place"}


def anaphors(text: str) -> list[str]:
    return [m.label_en for m in extract_mentions(arabic().make_doc(text)) if m.source == "anaphor"]


@pytest.mark.parametrize("text", [
    pytest.param("حاصرت القوات قضاء تلعفر، فيما أغلق التنظيم مقراته في القضاء", id="in-the-district"),
    pytest.param("حاصرت القوات قضاء تلعفر غربي محافظة نينوى قرب الحدود مع سوريا، فيما أغلق التنظيم مقراته في القضاء",
                 id="past-a-province-and-a-country"),
])
def test_the_district_is_the_one_named_before(text):
    assert places(text, "Suspension") == {"Tal Afar"}, places(text, "Suspension")


@pytest.mark.parametrize("text", [
    pytest.param("دخلت القوات قضاء تلعفر وتمكنت من القضاء على عشرات المسلحين", id="wiping-out"),
    pytest.param("دخلت القوات قضاء تلعفر وتم القضاء عليهم جميعا", id="wiping-them-out"),
    pytest.param("دخلت القوات قضاء تلعفر وتم القضاء خلال العمليات على عشرات المسلحين", id="wiping-out-later"),
])
def test_wiping_out_is_no_district(text):
    assert "Tal Afar" not in anaphors(text), anaphors(text)


def test_a_district_not_named_as_such_is_not_pointed_to():
    assert "Mosul" not in anaphors("اقتحمت القوات مدينة الموصل، فيما أغلق التنظيم مقراته في القضاء")
