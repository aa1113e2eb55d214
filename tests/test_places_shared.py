"""A verb whose clause names no place shares the place that ends the clause of the verb "و" joins
right after it ("قتلت القوة خمسة مسلحين واعتقلت ثلاثة في قرية X"): where that one is, not what it
is done to, and not across a comma. Sentences are written for these tests in the style of news
Arabic."""

from __future__ import annotations

import pytest

from athar.read.pipeline import extract_facts
from athar.read.source import parse_document


def places(text: str, event: str) -> set[str]:
    doc = parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")
    return {m.label_en for f in extract_facts(doc) if f.type == event for r, m in f.roles if r == "place"}


@pytest.mark.parametrize("text, event, place", [
    pytest.param("قتلت القوات الأمنية خمسة مسلحين واعتقلت ثلاثة آخرين في قرية البوبالي", "Killing", "Al-Bubali",
                 id="killed-and-arrested-in-a-village"),
    pytest.param("قصفت الطائرات مواقع التنظيم وقتلت عشرة مسلحين في بلدة هجين", "Attack", "Hajin",
                 id="struck-and-killed-in-a-town"),
    pytest.param("داهمت القوات منزلا واعتقلت مطلوبين اثنين في حي الجديدة", "MilitaryOperation", "Al-Jadida",
                 id="raided-and-arrested-in-a-quarter"),
])
def test_a_verb_shares_the_place_of_the_verb_joined_after_it(text, event, place):
    assert any(place in p for p in places(text, event)), places(text, event)


@pytest.mark.parametrize("text", [
    pytest.param("قتلت القوات الأمنية خمسة مسلحين وسيطرت على قرية البوبالي", id="the-next-verbs-object"),
    pytest.param("قتلت القوات الأمنية خمسة مسلحين، واعتقلت ثلاثة آخرين في قرية البوبالي", id="across-a-comma"),
])
def test_what_the_next_verb_is_done_to_is_no_place_to_share(text):
    assert not any("Bubali" in p for p in places(text, "Killing")), places(text, "Killing")
