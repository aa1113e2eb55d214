"""A force the text describes instead of naming takes all its describing words ("القوات الأمنية المشتركة",
"قوة أمنية عراقية مشتركة"), so that its clause goes on right after them; a singular "قوة" with an adjective is
such a force. Sentences written for these tests."""

from __future__ import annotations

import pytest

from athar.read.language import arabic
from athar.read.mentions import extract_mentions
from athar.read.pipeline import read

LANG = arabic()


def described(text: str) -> list[str]:
    seg = LANG.make_doc(text)
    out = []
    for m in extract_mentions(seg):
        start, end = seg.norm.to_original(m.start, m.end)
        out.append(text[start:end])
    return out


def agents(text: str, etype: str) -> list[str]:
    doc = read(text)
    return [text[slice(*doc.norm.to_original(m.start, m.end))] for f in doc.facts if f.type == etype
            for r, m in f.roles if r == "agent"]


@pytest.mark.parametrize("text, words", [
    pytest.param("أكد مصدر أن القوات الأمنية المشتركة انتشرت في الحي", "القوات الأمنية المشتركة", id="definite-two"),
    pytest.param("أكد مصدر أن قوات أمنية كردية مشتركة انتشرت في الحي", "قوات أمنية كردية مشتركة", id="indefinite-three"),
    pytest.param("أكد مصدر أن قوة عسكرية سورية وصلت إلى البلدة", "قوة عسكرية سورية", id="singular-force"),
    # a particle on ل after the description is no complement of its last word
    pytest.param("أكد مصدر أن قوة أمنية مشتركة لم تدخل الحي بعد", "قوة أمنية مشتركة", id="before-a-negation"),
])
def test_a_description_takes_all_its_describing_words(text, words):
    assert words in described(text)


@pytest.mark.parametrize("text, agent", [
    pytest.param("وأوضح المصدر أن قوة أمنية عراقية مشتركة قتلت خمسة مسلحين قرب البلدة",
                 "قوة أمنية عراقية مشتركة", id="singular-force-kills"),
    pytest.param("وأوضح المصدر أن القوات الأمنية المشتركة قتلت خمسة مسلحين قرب البلدة",
                 "القوات الأمنية المشتركة", id="definite-forces-kill"),
])
def test_the_described_force_does_what_its_clause_tells(text, agent):
    assert agents(text, "Killing") == [agent]


@pytest.mark.parametrize("text, absent", [
    # the strength of a blast, no body
    pytest.param("بلغت قوة الانفجار حدا كبيرا في السوق", "قوة الانفجار", id="strength"),
    # a faction described by an adjective stays no one (of either side as often)
    pytest.param("هاجمت فصائل مسلحة القرية ليلا", "فصائل مسلحة", id="factions-adjective"),
    # a preposition on the next word opens a phrase of its own
    pytest.param("هاجم مسلحون مركز شرطة زاغنية بناحية العبارة", "مركز شرطة زاغنية بناحية", id="preposition-after"),
])
def test_no_body_is_made_of_other_words(text, absent):
    assert not any(absent in w for w in described(text))


def test_a_complement_on_lam_is_left_to_its_relation():
    # "تابعة لوزارة": the word after the description takes a complement, the relation reads it
    assert "قوات كردية" in described("انتشرت قوات كردية تابعة لوزارة الداخلية في المدينة")
