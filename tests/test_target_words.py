"""Words that say what a deed was made on: an operation "على" a side, targets "ل" a group, and the
dawn that detonates nothing (sentences written for these tests, none copied from a corpus)."""

from __future__ import annotations

import pytest

from tests.reading import events_by_class, events_of, role_labels

ISIS = "Islamic State (ISIS / Daesh)"
HTS = "Hay'at Tahrir al-Sham"


@pytest.mark.parametrize("text, side", [
    pytest.param("وتشارك فصائل مدعومة من تركيا في الحملة على هيئة تحرير الشام في ريف إدلب، بعد أن طردت تنظيم "
                 "داعش من الباب", HTS, id="the-campaign-on"),
    pytest.param("واصلت القوات العراقية عملياتها العسكرية على تنظيم داعش في صحراء الأنبار", ISIS,
                 id="its-operations-on"),
])
def test_the_armed_side_after_ala_is_whom_an_operation_was_made_on(text, side):
    assert role_labels(events_of(text, "MilitaryOperation")[0], "target") == [side]


def test_ala_after_an_operation_told_before_is_the_deed_of_the_verb_before():
    text = "وأضاف المصدر أنه تم القضاء خلال العمليات على عدد من مسلحي هيئة تحرير الشام"
    assert "MilitaryOperation" not in events_by_class(text)


def test_a_place_after_ala_is_no_side_of_an_operation():
    fact = events_of("بدأت القوات العراقية عمليات عسكرية على الحدود مع سوريا", "MilitaryOperation")[0]
    assert role_labels(fact, "target") == []


@pytest.mark.parametrize("text, side, doer", [
    pytest.param("شن الطيران الحربي العراقي غارات ضد أهداف لتنظيم داعش داخل الأراضي السورية", ISIS, "Iraqi Army",
                 id="strikes-against-targets-of"),
    pytest.param("استهدف الطيران الروسي أهدافا لهيئة تحرير الشام في ريف إدلب", HTS, "Russian armed forces",
                 id="struck-targets-of"),
])
def test_the_group_whose_targets_were_struck_is_the_target_not_the_doer(text, side, doer):
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "target") == [side]
    assert role_labels(fact, "agent") == [doer]


@pytest.mark.parametrize("text", [
    pytest.param("استهدف تنظيم داعش فجر اليوم مستشفى الرقة الوطني بقذائف الهاون", id="dawn-today"),
    pytest.param("استهدف تنظيم داعش مستشفى الرقة الوطني بقذائف الهاون فجر الإثنين", id="dawn-on-monday"),
])
def test_dawn_on_a_day_blows_nothing_up(text):
    found = events_by_class(text)
    assert "Destruction" not in found
    assert role_labels(found["Attack"][0], "target") == ["Raqqa Hospital"]


def test_a_building_blown_up_at_dawn_is_still_destroyed():
    fact = events_of("فجر عناصر داعش فجر اليوم مستشفى الرقة الوطني", "Destruction")[0]
    assert role_labels(fact, "target") == ["Raqqa Hospital"]
