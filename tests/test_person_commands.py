"""The commander of an operations command named after a region the gazetteer does not know, with
a rank before the name ("قائد عمليات الجزيرة والبادية اللواء الركن X"). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from athar.read.pipeline import extract_facts
from athar.read.source import parse_document


def relations(text: str) -> set[tuple[str, str, str]]:
    doc = parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")
    return {(f.type, f.roles[0][1].label_ar, f.roles[1][1].label_ar) for f in extract_facts(doc) if f.relation}


@pytest.mark.parametrize("text, command", [
    pytest.param("وقال قائد عمليات الفرات الأوسط اللواء سعد حميد إن القطعات تقدمت.", "قيادة عمليات الفرات الأوسط",
                 id="two-words"),
    pytest.param("وأكد قائد عمليات الجزيرة والبادية العميد الركن كريم ناصر أن الطريق آمن.",
                 "قيادة عمليات الجزيرة والبادية", id="joined-by-waw"),
])
def test_the_commander_of_a_region_s_command_leads_it(text, command):
    assert any(kind == "leaderOf" and body == command for kind, _, body in relations(text))


def test_without_a_rank_after_them_the_words_name_no_command():
    found = relations("وقال قائد عمليات تحرير المدينة إن القطعات تقدمت.")
    assert not any(body.startswith("قيادة عمليات") for _, _, body in found)


@pytest.mark.parametrize("text, person, command", [
    pytest.param("وأعلن قائد عمليات “فجر الصحراء” في العراق الفريق الركن كريم ناصر أن القطعات تقدمت.", "كريم ناصر",
                 "قيادة عمليات “فجر الصحراء”", id="title-first"),
    pytest.param("وقال اللواء سعد حميد قائد عمليات «فجر الصحراء» إن القطعات تقدمت.", "سعد حميد",
                 "قيادة عمليات «فجر الصحراء»", id="title-after-the-name"),
])
def test_the_commander_of_an_operation_named_in_quotes_leads_its_command(text, person, command):
    found = relations(text)
    assert ("leaderOf", person, command) in found
    assert not any(name.startswith("فجر") for _, name, _ in found)  # the operation's name is no person's
