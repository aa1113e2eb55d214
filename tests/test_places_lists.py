"""Places the news lists after a head noun in the plural ("مناطق A وB وC"), and the words that
make such a head noun name no place ("مناطق سيطرة التنظيم", "مناطق الاشتباكات"). Sentences are
written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import facts_of


def located(text: str) -> set[tuple[str, str]]:
    return {(f.roles[0][1].label_ar, f.roles[1][1].label_ar) for f in facts_of(text) if f.type == "locatedIn"}


def places(text: str) -> set[str]:
    return {m.label_ar for f in facts_of(text) if f.type[:1].isupper() for r, m in f.roles if r in ("place", "destination")}


@pytest.mark.parametrize("text, listed, where", [
    pytest.param("عادت مئات العائلات إلى مناطق الطويلة والحسينية ورملة التابعة لمحافظة كركوك",
                 ("الطويلة", "الحسينية", "رملة"), "كركوك", id="areas-tabia-li"),
    pytest.param("قصفت المدفعية مناطق الزوية وتل السمن في ريف الرقة",
                 ("الزوية", "تل السمن"), "الرقة", id="areas-in-the-countryside"),
    pytest.param("استعاد الجيش نواحي الرشاد والرياض في قضاء الحويجة",
                 ("الرشاد", "الرياض"), "الحويجة", id="subdistricts-in-a-district"),
])
def test_each_place_a_plural_head_lists_lies_where_the_list_does(text, listed, where):
    found = located(text)
    for name in listed:
        assert any(a.endswith(name) and b.endswith(where) for a, b in found), (name, found)


def test_the_places_a_plural_head_lists_are_where_the_event_is():
    assert {"الطويلة", "الحسينية"} <= places("حررت القوات مناطق الطويلة والحسينية جنوب كركوك")


@pytest.mark.parametrize("text, word", [
    pytest.param("قصفت الطائرات مناطق سيطرة التنظيم في ريف الرقة", "سيطرة", id="whose-ground"),
    pytest.param("استعادت القوات معظم مناطق سيطرتهم في ريف الرقة", "سيطرت", id="whose-ground-with-a-pronoun"),
    pytest.param("نزح آلاف السكان من مناطق الاشتباكات", "الاشتباكات", id="what-goes-on-there"),
    pytest.param("تمركزت القوات على خطوط التماس في مناطق النفوذ التركي", "النفوذ", id="whose-influence"),
    pytest.param("حررت القوات منطقة الطويلة ضمن قضاء الحويجة", "ضمن", id="damn-ends-a-name"),
    pytest.param("فر المدنيون من مناطق يسيطر عليها التنظيم في ريف حلب", "يسيطر", id="a-verb-describes-the-areas"),
    pytest.param("نزحت العائلات من منطقة تقع شمال مدينة الرقة", "تقع", id="a-verb-describes-the-area"),
])
def test_a_head_noun_described_by_what_goes_on_there_names_no_place(text, word):
    names = {m.label_ar for f in facts_of(text) for _, m in f.roles}
    assert not any(word in n for n in names), names


@pytest.mark.parametrize("text, listed, ground", [
    pytest.param("استعاد الجيش السوري قرى الحمادية والمشيرفة والتلال الحاكمة في ريف حماة",
                 ("الحمادية", "المشيرفة"), "التلال الحاكمة", id="commanding-hills"),
    pytest.param("سيطرت القوات على قرى البوحمد والسدة والمرتفعات الاستراتيجية شمالي المدينة",
                 ("البوحمد", "السدة"), "المرتفعات الاستراتيجية", id="heights"),
])
def test_common_ground_after_a_list_of_villages_ends_the_list(text, listed, ground):
    found = places(text)
    assert set(listed) <= found, found
    assert not any(p.startswith(ground.split()[0]) for p in found), found
