"""An armed group stationed or entrenched in a place (تمركز, تحصّن) holds it: a TerritorialControl, with
that group as its agent; a state's forces posted somewhere, or anyone else gathered or sheltering
somewhere, hold nothing."""

from __future__ import annotations

import pytest

from reading import events_by_class, events_of, role_labels


@pytest.mark.parametrize("text, place", [
    pytest.param("وأضاف المصدر أن مسلحي داعش اقتادوا المخطوفين إلى وادي الشاي، الذي يتمركزون فيه.",
                 "وادي الشاي", id="stationed-in-a-relative-clause"),
    pytest.param("قصفت الطائرات بلدة هجين التي ما يزال تنظيم داعش يتحصن بداخلها", "هجين", id="entrenched-inside"),
    pytest.param("وتتمركز عناصر داعش في جزيرة الخالدية منذ أشهر", "الخالدية", id="stationed-verb-first"),
    pytest.param("كانت عناصر التنظيم قد تحصنوا داخل مستشفى الحويجة", "مستشفى الحويجة", id="entrenched-plural-lemma"),
])
def test_an_armed_party_stationed_holds_the_place(text, place):
    found = events_of(text, "TerritorialControl")
    assert any("ISIS" in label or "داعش" in label for f in found for label in role_labels(f, "agent")), \
        [role_labels(f, "agent") for f in found]
    assert any(place in m.label_ar for f in found for r, m in f.roles if r == "place"), [f.roles for f in found]


@pytest.mark.parametrize("text", [
    pytest.param("وتتمركز معظم الشركات الناشئة في وسط مدينة أربيل", id="firms-gathered"),
    pytest.param("تحصن اللاعبون في منطقتهم طوال الشوط الثاني من المباراة في بغداد", id="a-team-defending"),
    pytest.param("وتتمركز قوات الشرطة العراقية حول ملعب الشعب في بغداد قبل المباراة", id="police-posted"),
])
def test_nothing_held_without_an_armed_party(text):
    assert "TerritorialControl" not in events_by_class(text)
