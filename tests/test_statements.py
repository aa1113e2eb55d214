"""Statements: who said what, when (read/lang/ar/events.tsv's Statement rows), each rule with a
sentence written for it (not from data/eval/test)."""

from __future__ import annotations

import athar

PUBLISHED = "2021-03-16"  # a Tuesday


def _statements(text: str, published: str = PUBLISHED):
    return [f for f in athar.read(text, published=published).facts if f.type == "Statement"]


def _agents(fact) -> list[tuple[str, str]]:
    return [(m.type, m.label_ar) for m in fact.role("agent")]


def test_an_outlet_that_carries_a_statement_is_no_speaker():
    text = 'وقال قائد عمليات نينوى اللواء نجم الجبوري، في تصريح مكتوب وصل "الأناضول" نسخة منه، إن القوات أنهت عملياتها'
    found = _statements(text)
    assert [_agents(f) for f in found] == [[("Person", "نجم الجبوري")]]
