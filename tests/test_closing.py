"""A facility, a camp or a base closed (أغلق, its masdar إغلاق) is a Suspension; a market, an index or a
file that "closes" names no such place and is none. Counted camps ("20 مخيما") are camps."""

from __future__ import annotations

import pytest

from reading import events_by_class, events_of, role_labels


@pytest.mark.parametrize("text, agent", [
    pytest.param("أعلنت وزارة الهجرة اليوم إغلاق 12 مخيما للنازحين في محافظة نينوى", "وزارة الهجرة",
                 id="camps-closed-announced"),
    pytest.param("وبدأ تنظيم داعش يغلق مقراته في مدينة الميادين", "ISIS", id="headquarters-closed-imperfect"),
    pytest.param("أغلقت القوات الأمريكية قاعدة عسكرية في محافظة الأنبار", "القوات الأمريكية", id="a-base-closed"),
])
def test_a_place_closed_is_a_suspension(text, agent):
    found = events_of(text, "Suspension")
    labels = [label for f in found for r, m in f.roles if r == "agent" for label in (m.label_ar, m.label_en)]
    assert any(agent in label for label in labels), labels
    assert all(role_labels(f, "target") for f in found)


@pytest.mark.parametrize("text", [
    pytest.param("أغلق المؤشر العام لسوق العراق للأوراق المالية مرتفعا بنسبة 2%", id="an-index-closes"),
    pytest.param("أغلقت المحكمة ملف القضية في بغداد بعد تسوية بين الطرفين", id="a-file-closed"),
])
def test_no_suspension_without_a_place_closed(text):
    assert "Suspension" not in events_by_class(text)
