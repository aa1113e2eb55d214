"""Ground taken back and mines cleared that a clause tells with no doer were the work of the one
state's armed side the sentence names (read.opponent.side_in_sentence); what is only sought is no
such deed. Sentences written for these tests in the style of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

import athar
from reading import events_of, role_labels

IRAQI = "Iraqi Security Forces"


@pytest.mark.parametrize("text, side", [
    pytest.param("وصلت تعزيزات عسكرية من الجيش العراقي إلى أطراف الرمادي عقب السيطرة على حي التأميم",
                 "Iraqi Army", id="masdar-after-the-side"),
    pytest.param("أعلن رئيس الإقليم تحرير بلدة زمار من سيطرة التنظيم تزامنا مع دخول قوات البيشمركة إليها",
                 "Peshmerga", id="side-named-after-the-deed"),
    pytest.param("وقال المتحدث إن مدينة هيت تحررت بالكامل ورفعت القوات العراقية العلم فوق مبنى القائممقامية",
                 IRAQI, id="freed-intransitive"),
])
def test_ground_taken_back_is_the_one_state_sides(text, side):
    fact = events_of(text, "Liberation")[0]
    assert role_labels(fact, "agent") == [side]


def test_two_state_sides_name_no_doer():
    text = ("أعلن مصدر أمني تحرير بلدة زمار من سيطرة التنظيم بعد وصول قوات البيشمركة والقوات العراقية "
            "إلى أطرافها")
    facts = [f for f in athar.read(text).facts if f.type == "Liberation"]
    assert all(role_labels(f, "agent") == [] for f in facts)


@pytest.mark.parametrize("text", [
    pytest.param("وقال قائد الحملة العسكرية لتحرير الحويجة إن القوات العراقية تتقدم ببطء", id="lam-of-purpose"),
    pytest.param("وقالت القوات العراقية إن عمليات تحرير الحويجة تسير وفق الخطة", id="operation-word"),
])
def test_a_deed_only_sought_is_given_no_state_side(text):
    """No liberation is told, so none is given to the state side the sentence names."""
    facts = [f for f in athar.read(text).facts if f.type == "Liberation"]
    assert facts == [], [(f.trigger, role_labels(f, "agent")) for f in facts]


def test_mines_cleared_in_a_state_sides_sentence_are_its_work():
    text = "وأكد مصدر في الجيش العراقي أن العمل جار على تفكيك العبوات الناسفة في المناطق المحررة"
    fact = events_of(text, "Demining")[0]
    assert role_labels(fact, "agent") == ["Iraqi Army"]
