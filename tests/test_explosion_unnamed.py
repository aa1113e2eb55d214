"""An explosion told by an indefinite noun ("وقع انفجار", "عبر سيارة مفخخة") is an attack though the
text names no doer, target or place; a definite one that names nothing ("أسفر التفجير عن", "تنتظر
الانفجار") refers back to an event told, or to none (events.tsv need "new", athar.read.facts._new).
Sentences written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import events_by_class

# a war frame around the sentence, as a news article gives it
_FRAME = "تواصل القوات العراقية عملياتها العسكرية ضد تنظيم داعش في محافظة الأنبار. "


@pytest.mark.parametrize("text", [
    pytest.param("وقال مصدر أمني إن انفجارا وقع صباح اليوم قرب المستشفى", id="an-explosion-happened"),
    pytest.param("وأوضح المصدر أن التفجير الأول جرى عبر سيارة مفخخة والثاني عبر دراجة نارية", id="by-a-car-bomb"),
    pytest.param("وذكر شهود أن دوي انفجار عبوة ناسفة سمع في أرجاء الحي", id="an-explosive-device"),
])
def test_an_indefinite_explosion_is_an_attack(text):
    assert "Attack" in events_by_class(_FRAME + text)


@pytest.mark.parametrize("text", [
    pytest.param("وأكد المصدر أن المشتبه بهم بالوقوف خلف التفجير لاذوا بالفرار", id="the-explosion-told-before"),
    pytest.param("ولا تزال الأحياء تعج بالعبوات التي تنتظر الانفجار عند أدنى حركة", id="awaiting-the-explosion"),
    pytest.param("وكانت بعض الألغام معدة للتفجير داخل المستودع", id="li-with-the-article"),
])
def test_a_definite_explosion_naming_nothing_is_no_new_attack(text):
    assert "Attack" not in events_by_class(_FRAME + text)


def test_an_explosion_outside_a_war_is_none():
    assert "Attack" not in events_by_class("وأعلنت الشركة أن انفجارا وقع في أحد خطوط الإنتاج بسبب عطل فني")
