"""The body a leader's title leads when no name the gazetteer knows gives it: the words between
the title and the holder's name ("رئيس اللجنة الخدمية في مجلس البلدية خالد يوسف"), or before the
holder's rank ("قائد كتائب حرس الحدود العقيد X"); and a leading member named with "في" before the
body ("القيادي في التنظيم X"), one of its members, not its leader. Sentences are written for these
tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import relation_pairs


def relations(text: str, kind: str) -> set[tuple[str, str]]:
    return relation_pairs(text, kind, "2020-06-15")


@pytest.mark.parametrize("text, person, body", [
    pytest.param("وقال رئيس اللجنة الخدمية في مجلس البلدية خالد يوسف إن المياه عادت إلى الأحياء", "خالد يوسف",
                 "اللجنة الخدمية في مجلس البلدية", id="body-with-in-then-name"),
    pytest.param("وقال رئيس التجمع المدني لأبناء الأنبار كريم حسون إن الفرق فتحت ثلاث مقابر", "كريم حسون",
                 "التجمع المدني لأبناء الأنبار", id="definite-body-then-name"),
    pytest.param("وأدان زعيم التيار الوطني، عمار الخطيب، الهجوم على القرية", "عمار الخطيب", "التيار الوطني",
                 id="body-comma-name"),
    pytest.param("وقال قائد كتائب حرس الحدود العقيد فاضل حسين إن قواته صدت الهجوم", "فاضل حسين",
                 "كتائب حرس الحدود", id="body-then-rank"),
    pytest.param("وأكد قائد الحملة الأمنية لتطهير الصحراء اللواء الركن سعد عبد الله أن العملية مستمرة",
                 "سعد عبد الله", "الحملة الأمنية لتطهير الصحراء", id="body-with-purpose-then-rank"),
])
def test_the_words_between_a_leaders_title_and_the_name_are_the_body(text, person, body):
    found = relations(text, "leaderOf")
    assert (person, body) in found, found


@pytest.mark.parametrize("text", [
    pytest.param("وكان الرئيس الأمريكي، جون سميث، قد طلب من الدول استعادة مواطنيها", id="nationality-no-body"),
    pytest.param("وقال القائد العسكري فاضل حسين إن قواته صدت الهجوم", id="title-then-name"),
])
def test_no_body_without_its_words(text):
    assert not relations(text, "leaderOf")


@pytest.mark.parametrize("text, person, body", [
    pytest.param("وقال القائد العسكري في قوات سوريا الديمقراطية عمر حسين إن الهجوم صد", "عمر حسين",
                 "قوات سوريا الديمقراطية", id="military-leader-in"),
    pytest.param("قتل القيادي في التنظيم عمر حسين في غارة قرب الموصل", "عمر حسين", "داعش", id="leading-member-in"),
])
def test_a_leader_in_a_body_is_one_of_its_members(text, person, body):
    assert any(p == person and body in b for p, b in relations(text, "memberOf")), relations(text, "memberOf")
    assert not relations(text, "leaderOf")


def test_the_words_before_a_leading_member_of_no_name_are_no_name():
    found = relations("داهمت القوات منزلا يستأجره أمير في تنظيم داعش قرب البلدة", "memberOf")
    assert [s for s, _ in found] == ["أمير في تنظيم داعش"], found
