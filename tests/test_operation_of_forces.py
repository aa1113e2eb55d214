"""An operation of a state's forces or of the coalition named with ل right after its noun ("عملية
للتحالف الدولي"), and only so: an armed group's operation is its attack, anyone else's is no war,
and a doer the sentence around lends is none (the need "agent!"). Sentences written for the rule."""

from __future__ import annotations

import pytest

from reading import events_by_class, role_labels


@pytest.mark.parametrize("text, agent", [
    pytest.param("أسفرت عملية للتحالف الدولي في ريف الحسكة الخميس عن مقتل ثلاثة من قادة التنظيم.",
                 "Global Coalition against Daesh", id="coalition"),
    pytest.param("وقتل أربعة من عناصر داعش في عملية للجيش العراقي في صحراء الأنبار.", "Iraqi Army", id="army"),
])
def test_an_operation_of_forces(text, agent):
    found = events_by_class(text).get("MilitaryOperation", [])
    assert found, events_by_class(text)
    assert agent in role_labels(found[0], "agent")


@pytest.mark.parametrize("text", [
    pytest.param("أجرى الجراحون عملية للطفل في مستشفى الموصل العام.", id="surgery"),
    pytest.param("وقال التحالف الدولي إنه سيقوم بعملية إعادة نشر لقواته في العراق خلال العام.", id="doer-lent-by-the-speaker"),
])
def test_no_operation(text):
    assert "MilitaryOperation" not in events_by_class(text)
