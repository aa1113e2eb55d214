"""An armed party's advance (تقدّم) is an offensive (MilitaryOperation): told by the verb towards a
place ("نحو", "باتجاه") and by the masdar with its possessive, whose pronoun stands for the armed
party named before it ("تواصل القوات تقدمها"). Progress of anything else reads no offensive."""

from __future__ import annotations

import pytest

from reading import events_by_class, events_of, role_labels


@pytest.mark.parametrize("text, agent", [
    pytest.param("وتتقدم قوات البيشمركة باتجاه ناحية زمار شمال الموصل", "Peshmerga", id="verb-towards"),
    pytest.param("الجيش العراقي يتقدم ببطء نحو مركز قضاء تلعفر", "Iraqi Army", id="verb-adverb-towards"),
    pytest.param("حرر الجيش العراقي قرية البوعيثة جنوب الموصل، ويواصل تقدمه نحو قرى أخرى", "Iraqi Army",
                 id="masdar-goes-on"),
    pytest.param("وتتابع قوات سوريا الديمقراطية تقدمها في ريف دير الزور الشرقي", "Syrian Democratic Forces",
                 id="masdar-after-its-subject"),
])
def test_an_advance_is_an_offensive(text, agent):
    found = events_of(text, "MilitaryOperation")
    assert any(agent in label for f in found for label in role_labels(f, "agent")), [role_labels(f, "agent") for f in found]


@pytest.mark.parametrize("text", [
    pytest.param("أشاد الوزير بتقدمه في المفاوضات مع الشركات الأجنبية في بغداد", id="progress-in-talks"),
    pytest.param("وتواصل الطالبة تقدمها في الدراسة بجامعة الموصل", id="a-student-progresses"),
    pytest.param("وتواصل وزارة التخطيط تقدمها في تنفيذ خطة التنمية في بغداد", id="a-ministry-progresses"),
    pytest.param("وتقدم الفريق نحو المرمى في الدقيقة الأخيرة من المباراة", id="a-team-advances"),
])
def test_no_offensive_without_an_armed_party(text):
    assert "MilitaryOperation" not in events_by_class(text)
