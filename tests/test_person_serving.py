"""Who serves a head is a member of the head's body ("الممثل الخاص للأمين العام للأمم المتحدة X"),
and a given name ending in alef after a title is a name, not an accusative phrase ("المتحدثة
باسم المفوضية رنا زكريا"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from athar.read.language import arabic
from athar.read.mentions import extract_mentions
from athar.read.pipeline import extract_facts
from athar.read.source import parse_document


def relations(text: str) -> set[tuple[str, str, str]]:
    doc = parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")
    return {(f.type, f.roles[0][1].label_ar, f.roles[1][1].label_ar) for f in extract_facts(doc) if f.relation}


@pytest.mark.parametrize("text", [
    pytest.param("وحذر الممثل الخاص للأمين العام للأمم المتحدة في العراق جان بيرتو، أمس، من تجدد القتال.", id="special-representative"),
    pytest.param("وقال المبعوث الخاص للأمين العام للأمم المتحدة جان بيرتو إن المحادثات ستستأنف.", id="special-envoy"),
])
def test_who_serves_the_head_of_a_body_is_a_member_of_it(text):
    found = relations(text)
    assert ("memberOf", "جان بيرتو", "الأمم المتحدة") in found
    assert not any(kind == "leaderOf" and person == "جان بيرتو" for kind, person, _ in found)


def test_the_head_named_without_a_title_before_leads():
    found = relations("وقال الأمين العام للأمم المتحدة جان بيرتو إن المحادثات ستستأنف.")
    assert ("leaderOf", "جان بيرتو", "الأمم المتحدة") in found


def _people(text: str) -> list[str]:
    return [m.label_ar for m in extract_mentions(arabic().make_doc(text)) if m.type == "Person"]


@pytest.mark.parametrize("text, name", [
    pytest.param("وقالت المتحدثة باسم المفوضية لينا زكريا إن العائلات عادت.", "لينا زكريا", id="lina"),
    pytest.param("وقالت مديرة منظمة الصحة العالمية رشا ميرزا إن الفرق وصلت.", "رشا ميرزا", id="rasha"),
])
def test_a_given_name_ending_in_alef_after_a_title_is_a_name(text, name):
    assert name in _people(text)


@pytest.mark.parametrize("text", [
    pytest.param("افتتح المحافظ مطعما جديدا في المدينة.", id="without-tanween"),
    pytest.param("افتتح المحافظ مطعماً جديداً في المدينة.", id="with-tanween"),
])
def test_an_accusative_noun_and_adjective_after_a_title_are_no_name(text):
    assert _people(text) == []
