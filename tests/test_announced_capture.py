"""A party announcing its own control of a place, whatever stands between the verb and the masdar with
its pronoun (read/capture.py): a capture, a Liberation. Not the hold another has, ground under its
control, nor an armed group's capture. Sentences written for the rule."""

from __future__ import annotations

import pytest

from reading import events_by_class


@pytest.mark.parametrize("text", [
    pytest.param('أعلنت وحدات من الجيش السوري، المدعومة بالطيران الروسي، مساء الأحد، سيطرتها على بلدة السخنة بريف حمص.',
                 id="apposition-and-day-between"),
    pytest.param("وكانت قوات سوريا الديمقراطية قد أعلنت قبل ثلاثة أيام سيطرتها التامة على مدينة الشدادي.",
                 id="days-ago-between"),
    pytest.param("وأعلن الجيش العراقي صباح اليوم سيطرته الكاملة على ناحية العياضية غرب الموصل.", id="morning-between"),
])
def test_own_control_announced_is_a_capture(text):
    found = events_by_class(text)
    assert "Liberation" in found and "TerritorialControl" not in found, found


@pytest.mark.parametrize("text", [
    pytest.param("وأعلن الجيش في بيانه أن قرية الطوقلي لا تزال تحت سيطرته منذ شهرين.", id="a-hold-said"),
    pytest.param("أعلن تنظيم داعش مساء الأحد سيطرته على قرية الطوقلي بريف حلب الشمالي.", id="an-armed-group"),
    pytest.param("أعلن التحالف الدولي تدمير مقرات للتنظيم في مناطق سيطرته شرقي سوريا.", id="another-deed-in-its-areas"),
    pytest.param("أعلنت قسد اعتقال خمسة من عناصر التنظيم في مناطق سيطرتها بريف دير الزور.", id="an-arrest-in-its-areas"),
    pytest.param("أعلن التحالف الدولي دعمه للقوات العراقية في الحفاظ على سيطرتها على مدينة الموصل.",
                 id="another-party-keeps-its-hold"),
])
def test_no_capture(text):
    assert "Liberation" not in events_by_class(text)
