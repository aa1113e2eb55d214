"""What an attack was made on, as news writing says it: the subject of a verb of undergoing
(sentences written for these tests, none copied from a corpus)."""

from __future__ import annotations

import pytest

from tests.reading import events_of, role_labels

ISIS = "Islamic State (ISIS / Daesh)"
SDF = "Syrian Democratic Forces (SDF)"


@pytest.mark.parametrize("text, target, agent", [
    pytest.param("تعرضت قوات سوريا الديمقراطية لهجوم شنه تنظيم داعش في ريف دير الزور", SDF, ISIS,
                 id="underwent-an-attack"),
    pytest.param("تعرض رتل للجيش العراقي لهجوم بعبوة ناسفة قرب الرمادي", "Iraqi Army", None,
                 id="a-convoy-of-the-army"),
    pytest.param("وأصيب ثلاثة من عناصر الجيش العراقي بهجوم لداعش قرب كركوك", "Iraqi Army", ISIS,
                 id="wounded-in-an-attack"),
    pytest.param("أصيب عدد من عناصر قوات سوريا الديمقراطية بإطلاق نار من قبل مسلحين مجهولين في قرية الطيانة",
                 SDF, "gunmen", id="wounded-by-gunfire"),
])
def test_who_underwent_an_attack_is_its_target_not_its_doer(text, target, agent):
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "target") == [target]
    assert role_labels(fact, "agent") == ([agent] if agent else [])


@pytest.mark.parametrize("text, target, place", [
    pytest.param("فجر انتحاري حزامه الناسف في سوق شعبي في مدينة كركوك", "سوق شعبي", "Kirkuk",
                 id="a-market"),
    pytest.param("تبنى تنظيم داعش التفجير الانتحاري داخل مطعم في مدينة منبج", "مطعم", "Manbij",
                 id="inside-a-restaurant"),
    pytest.param("وشهدت مدينة المقدادية تفجيرين انتحاريين في مقهى شعبي", "مقهى شعبي", None,
                 id="a-cafe"),
])
def test_the_building_an_attack_struck_inside_is_its_target(text, target, place):
    fact = events_of(text, "Attack")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == [target]
    assert place is None or role_labels(fact, "place") == [place]


def test_a_bomb_blown_inside_a_building_is_an_attack_there_not_its_destruction():
    fact = events_of("فجرت انتحارية حزامها الناسف في سوق مزدحمة ببلدة المسيب", "Attack")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == ["سوق مزدحمة"]


def test_a_building_blown_up_is_destroyed():
    fact = events_of("فجر عناصر داعش مستشفى الرقة الوطني", "Destruction")[0]
    assert role_labels(fact, "target") == ["Raqqa Hospital"]
