"""Where an event is when a text names a wide place beside a narrower one: the narrower is the
event's. "الحي" points back to a neighbourhood named as such, never to the nearest region of any
size (athar.read.reference, anaphora.tsv); a place named only to say where the place before it lies
gives way to that place (athar.read.landmark); a countryside is wider than the towns named in it
(athar.read.placement.size). Every sentence here was written for these tests, in the style of news
Arabic (none is copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import facts_of


def places(text: str, event: str) -> set[str]:
    found = [f for f in facts_of(text) if f.type == event]
    assert found, [(f.type, f.trigger) for f in facts_of(text)]
    return {m.label_en or m.label_ar for r, m in found[0].roles if r == "place"}


def role(text: str, event: str, name: str) -> set[str]:
    found = [f for f in facts_of(text) if f.type == event]
    assert found, [(f.type, f.trigger) for f in facts_of(text)]
    return {m.label_en or m.label_ar for r, m in found[0].roles if r == name}


# -- "الحي": a neighbourhood named before ----------------------------------------------

@pytest.mark.parametrize("text, event, wanted, unwanted", [
    pytest.param("تشهد مناطق شمال شرق سوريا توتراً أمنياً منذ أشهر. وفجّر انتحاري شاحنة مفخخة في الحي الشمالي "
                 "من مدينة الحسكة صباح اليوم", "Attack", "Hasakah", "northeast Syria", id="side-of-a-city-not-a-region"),
    pytest.param("اقتحمت القوات العراقية حي الزهور صباح اليوم. وقال ضابط إن اشتباكات عنيفة دارت داخل الحي مع "
                 "مسلحي داعش", "Battle", "Al-Zahur neighbourhood", None, id="the-neighbourhood-named-before"),
])
def test_the_neighbourhood_points_back_to_a_neighbourhood(text, event, wanted, unwanted):
    found = places(text, event)
    assert any(wanted in p for p in found), found
    assert unwanted is None or unwanted not in found


# -- a place named to say where the place before it lies ----------------------------------

@pytest.mark.parametrize("text, event, wanted", [
    pytest.param("فجّر انتحاري سيارة مفخخة استهدفت مبنى البلدية، وسط مدينة منبج في محافظة حلب", "Attack",
                 {"Manbij"}, id="the-city-in-the-province"),
    pytest.param("قتل مسلحو داعش ثلاثة رعاة قرب قرية الحمرا في محافظة الرقة", "Killing", {"Al-Hamra"},
                 id="the-village-in-the-province"),
])
def test_the_place_a_wider_one_locates_is_the_events(text, event, wanted):
    assert places(text, event) == wanted


def test_a_town_a_base_is_named_after_is_no_place_of_its_own():
    # the base is where the forces left from; the town in its name is not where they withdrew
    text = "انسحبت قوات التحالف الدولي من قاعدة القيارة في محافظة نينوى"
    assert places(text, "Withdrawal") == {"Nineveh Governorate"}
    assert role(text, "Withdrawal", "origin") == {"Qayyarah Base"}


# -- a countryside is wider than its towns ----------------------------------------------

def test_a_countryside_that_opens_the_sentence_gives_way_to_its_towns():
    text = ("سيطر الجيش على قرى جديدة في ريف حمص. وفي الريف الشرقي، شنت الطائرات غارات على تجمعات للتنظيم "
            "شمال بلدة السخنة وجنوب قرية الطيبة")
    assert places(text, "Attack") == {"Al-Sukhnah", "Al-Tiba"}


# -- areas a control describes (athar.read.placement._area_described) --------------------------

@pytest.mark.parametrize("text, event, wanted", [
    pytest.param("شن التنظيم هجوماً مباغتاً على مناطق سيطرة الجيش في ريف حماة الشرقي", "Attack",
                 {"eastern countryside of Hama Governorate"}, id="areas-of-the-control"),
    pytest.param("قتل ثمانية مدنيين في غارات جوية استهدفت ثلاث قرى واقعة تحت سيطرة التنظيم في ريف الرقة الشمالي",
                 "Attack", {"northern countryside of Raqqa Governorate"}, id="counted-villages-the-strikes-hit"),
])
def test_an_event_at_areas_under_control_is_where_the_control_is(text, event, wanted):
    assert places(text, event) == wanted


def test_areas_a_verb_describes_are_not_a_control():
    # "حررها" is a verb with its object pronoun, not the masdar of a control over the areas
    assert places("شن مسلحون هجوماً على مناطق حررها الجيش في ريف حماة", "Attack") == set()
