"""Military operations as the news names them, and what is read around them: each rule with
sentences written for it (none from data/eval)."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-01"


def _types(text: str) -> list[str]:
    return [f.type for f in athar.read(text, published=PUBLISHED).facts if not f.relation]


@pytest.mark.parametrize("text", [
    pytest.param("بدأت العملية العسكرية في مدينة الرطبة قبل أسبوعين.", id="the-military-operation"),
    pytest.param("وقال القائد إن العملية الأمنية في وادي حوران ما زالت مستمرة.", id="the-security-operation"),
    pytest.param("توقفت العملية البرية في ريف الحسكة بعد يومين.", id="the-ground-operation"),
    # with a possessive ending on the noun ("its ground operation")
    pytest.param("وقالت أنقرة إن عمليتها البرية ضد مسلحي داعش في ريف حلب انتهت.", id="its-ground-operation"),
    pytest.param("وأكد الجيش أن عمليته العسكرية في وادي حوران مستمرة.", id="its-military-operation"),
])
def test_the_operation_with_the_article_is_an_operation(text):
    assert "MilitaryOperation" in _types(text), _types(text)


@pytest.mark.parametrize("text", [
    pytest.param("أجرى الفريق الطبي العملية الجراحية للمريض في مستشفى الموصل.", id="a-surgery"),
    pytest.param("تواصل العملية الانتخابية في محافظة نينوى.", id="an-election"),
])
def test_other_operations_are_none(text):
    assert "MilitaryOperation" not in _types(text), _types(text)


def _operation_agents(text: str) -> list[set[str]]:
    return [{m.key for r, m in f.roles if r == "agent"}
            for f in athar.read(text, published=PUBLISHED).facts if f.type == "MilitaryOperation"]


def test_an_operation_of_an_armed_group_is_no_operation_of_it():
    # "عملية لتنظيم داعش كانت تستهدف سوقا": its attack (the Attack rules), no campaign of ISIS
    agents = _operation_agents("أحبطت القوات الأمنية عملية لتنظيم داعش كانت تستهدف سوقا في بعقوبة.")
    assert all("isis" not in a for a in agents), agents


@pytest.mark.parametrize("text", [
    pytest.param("خضع المصاب لعملية في مستشفى الموصل العام بعد إصابته.", id="a-surgery"),
    pytest.param("وتستغرق عملية لتسجيل الناخبين في نينوى أسبوعا.", id="a-process"),
    # the speaker is no doer named with ل: a process it will carry out
    pytest.param("وقال التحالف الدولي في بيان إنه سيقوم بعملية إعادة نشر لقواته.", id="a-process-of-the-speaker"),
])
def test_other_operations_named_by_the_bare_noun_are_none(text):
    assert "MilitaryOperation" not in _types(text), _types(text)


@pytest.mark.parametrize("text, agent", [
    pytest.param("وفي العام الماضي، بدأت قوات سوريا الديمقراطية، المدعومة من واشنطن، حملة ضد تنظيم داعش في ريف الحسكة.",
                 "sdf", id="began-a-campaign"),
    pytest.param("وشاركت قوات البيشمركة مع الجيش في حملة عسكرية غرب الموصل الأسبوع الماضي.", "peshmerga", id="took-part-in-a-campaign"),
])
def test_the_subject_of_a_verb_of_waging_wages_the_operation(text, agent):
    assert any(agent in a for a in _operation_agents(text)), _operation_agents(text)


def test_a_body_that_bears_no_arms_wages_no_operation():
    # a ministry's campaign is none (the verb's subject must be an armed body)
    assert "MilitaryOperation" not in _types("وبدأت وزارة الصحة العراقية حملة في مدينة الموصل أمس.")
