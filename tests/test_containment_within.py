"""Where places lie, as news writing states it with "ضمن" (within): every place of a list before it
lies in the place after it; a unit "ضمن" a division stays a membership. Sentences are written for
these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import relation_pairs


def relations(text: str, kind: str) -> set[tuple[str, str]]:
    return relation_pairs(text, kind, "2020-06-15")


@pytest.mark.parametrize("text, pairs", [
    pytest.param("استعادت القوات مناطق الرشاد والرياض ضمن قضاء الحويجة",
                 {("الرشاد", "الحويجة"), ("الرياض", "الحويجة")}, id="a-list-within-a-district"),
    pytest.param("سيطرت القوات على قرية الزاب الواقعة ضمن قضاء الحويجة", {("الزاب", "الحويجة")},
                 id="lying-within"),
    pytest.param("قصفت المدفعية بلدة العشارة، ضمن محافظة دير الزور", {("العشارة", "محافظة دير الزور")},
                 id="comma-within"),
])
def test_a_place_lies_within_the_place_damn_names(text, pairs):
    found = relations(text, "locatedIn")
    assert {(a.split()[-1] if a.startswith(("منطقة", "قرية", "بلدة")) else a, b) for a, b in found} >= pairs, found


def test_a_unit_within_a_division_is_a_member_not_a_place():
    assert not relations("يقاتل اللواء 73 ضمن الفرقة 16 في الجيش", "locatedIn")


@pytest.mark.parametrize("text, pair", [
    pytest.param("دخلت القوات قرية الحمرا التي تقع في ريف حلب الشمالي", ("الحمرا", "حلب"), id="which-lies-in"),
    pytest.param("وصلت الدورية إلى قرية الحمرا، التي تقع جنوب مدينة منبج", ("الحمرا", "منبج"),
                 id="comma-which-lies-south-of"),
    pytest.param("عادت العائلات إلى منطقة الرشيدية وأماكن أخرى تقع في شمال مدينة دير الزور",
                 ("الرشيدية", "دير الزور"), id="a-list-going-on-to-unnamed-places"),
])
def test_a_verb_says_where_the_place_before_lies(text, pair):
    found = relations(text, "locatedIn")
    assert any(a.endswith(pair[0]) and pair[1] in b for a, b in found), found
