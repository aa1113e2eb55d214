"""A state's side named as the news names it: its aircraft, guns and armour by its country's
adjective ("الطائرات الحربية السورية"), and "النظام" in news set in Syria. Sentences written for these
tests in the style of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

import athar
from reading import events_of, role_labels

SYRIAN_ARMY = "Syrian Arab Army"


@pytest.mark.parametrize("text, side", [
    pytest.param("وأكدت مصادر ميدانية أن الطائرات الحربية السورية قصفت مواقع للتنظيم قرب مدينة تدمر",
                 SYRIAN_ARMY, id="aircraft-feminine-plural"),
    pytest.param("وقالت وزارة الدفاع إن الطيران الحربي العراقي قصف مواقع للتنظيم قرب القائم",
                 "Iraqi Army", id="air-force-after-its-adjective"),
    pytest.param("وقصفت المدفعية التركية قرى في ريف منبج الغربي", "Turkish armed forces", id="artillery"),
    pytest.param("وقصفت المروحيات العراقية تجمعات للمسلحين في صحراء الأنبار", "Iraqi Army", id="helicopters"),
])
def test_a_states_arms_named_by_its_adjective_are_its_forces(text, side):
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "agent") == [side]


def test_arms_with_no_country_name_no_state():
    fact = events_of("وقصفت الطائرات الحربية مواقع التنظيم في أطراف الموصل بعد أن دخل الجيش العراقي القرية", "Attack")[0]
    assert role_labels(fact, "agent") == []


def test_the_square_named_after_aviation_stays_a_place():
    fact = events_of("واستهدف تفجير انتحاري ساحة الطيران وسط بغداد", "Attack")[0]
    assert "Iraqi Army" not in role_labels(fact, "agent") + role_labels(fact, "target")
    assert role_labels(fact, "target") != []


@pytest.mark.parametrize("text", [
    pytest.param("شن تنظيم داعش هجمات على قرى في ريف السويداء الشرقي. ويسيطر النظام وحلفاؤه على مدينة السويداء",
                 id="its-city"),
    pytest.param("تقدم مسلحو التنظيم نحو قرى في سوريا. ويسيطر النظام على مدينة حماة بأكملها", id="the-country"),
])
def test_the_regime_in_news_set_in_syria_is_the_syrian_army(text):
    fact = events_of(text, "TerritorialControl")[-1]
    assert role_labels(fact, "agent") == [SYRIAN_ARMY]


@pytest.mark.parametrize("text", [
    pytest.param("شن تنظيم داعش هجمات على قرى في محافظة ديالى. ويسيطر النظام على مدينة بعقوبة", id="set-in-iraq"),
    pytest.param("ويسيطر النظام على المدينة بأكملها منذ سنوات", id="set-nowhere"),
])
def test_the_regime_elsewhere_names_no_one(text):
    doc = athar.read(text)
    assert all(m.key != "syrian-army" for m in doc.mentions)
    assert all(SYRIAN_ARMY not in role_labels(f, "agent") for f in doc.facts)


def test_a_system_its_adjective_names_is_no_regime():
    doc = athar.read("وقال مسؤول في مدينة حلب السورية إن النظام الصحي في المدينة يعاني من نقص الأدوية")
    assert all(m.key != "syrian-army" for m in doc.mentions)
