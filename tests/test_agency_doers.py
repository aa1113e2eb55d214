"""Who did it, read from conventions of news writing: the suicide bomber who set off the charge,
the speaker's own aircraft and units, the one a "خلالها" clause goes on telling of. Sentences
written for these tests in the style of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import events_of, role_labels

BOMBER = "suicide bomber"


@pytest.mark.parametrize("text", [
    pytest.param("وقال مصدر في الشرطة إن انتحاريا فجر حزامه الناسف في سوق شعبي بمدينة بعقوبة", id="accusative"),
    pytest.param("وفجر انتحاري حزامه الناسف وسط مجلس عزاء في قضاء المقدادية", id="after-verb"),
    pytest.param("وأضاف أن الانتحاري الثاني فجر نفسه بعد تجمع الناس في الساحة", id="definite"),
    pytest.param("وفجرت انتحارية حزامها الناسف قرب مدخل الملعب في مدينة تكريت", id="feminine"),
    pytest.param("وفجر الانتحاريان نفسيهما عند بوابة السوق في مدينة سامراء", id="dual"),
])
def test_the_suicide_bomber_who_sets_off_the_charge_is_the_doer(text):
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "agent") == [BOMBER]


@pytest.mark.parametrize("text", [
    pytest.param("وتبنى تنظيم داعش الهجوم الانتحاري الذي استهدف حاجزا للجيش في تكريت", id="definite"),
    pytest.param("ونفذ التنظيم عملية انتحارية استهدفت حاجزا للجيش قرب بيجي", id="feminine"),
    pytest.param("وشن التنظيم هجوما انتحاريا على حاجز للجيش قرب سامراء", id="accusative"),
    pytest.param("وتبنى تنظيم داعش الهجومين الانتحاريين على حاجزين للجيش قرب الرمادي", id="dual"),
])
def test_a_suicide_attack_names_no_bomber_but_its_group(text):
    # "انتحاري" agrees with the attack before it: an adjective, no one who did or suffered it
    fact = events_of(text, "Attack")[0]
    assert BOMBER not in role_labels(fact, "agent") + role_labels(fact, "target")
    assert role_labels(fact, "agent") == ["Islamic State (ISIS / Daesh)"]


def test_a_participle_after_a_noun_still_names_people():
    # "جثة لاجئة": the body of a refugee (a participle, no relative adjective)
    fact = events_of("عثرت الشرطة في المخيم على جثة لاجئة قتلت من قبل مجهولين", "Killing")[0]
    assert role_labels(fact, "victim") == ["refugees"]


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("وقال التحالف الدولي إن طائراته دمرت مقرا لتنظيم داعش قرب الموصل", "Destruction",
                 "Global Coalition against Daesh", id="its-aircraft"),
    pytest.param("وقال الجيش السوري في بيان إن مدفعيته قصفت مواقع التنظيم قرب تدمر", "Attack",
                 "Syrian Arab Army", id="its-artillery"),
    pytest.param("وذكرت قوات سوريا الديمقراطية أن وحداتها استهدفت تجمعا لعناصر داعش قرب الشدادي", "Attack",
                 "Syrian Democratic Forces (SDF)", id="its-units"),
])
def test_a_speakers_aircraft_and_units_are_the_speaker(text, cls, agent):
    fact = events_of(text, cls)[0]
    assert role_labels(fact, "agent") == [agent]


@pytest.mark.parametrize("text, cls", [
    pytest.param("وتزايدت خلال الأشهر الماضية هجمات مسلحين يشتبه بأنهم من تنظيم داعش في محافظة ديالى", "Attack",
                 id="suspected"),
    pytest.param("وهاجم مسلحون يعتقد أنهم من تنظيم داعش نقطة للجيش في قضاء الطارمية", "Attack", id="believed"),
    pytest.param("وقتل مسلحون يرجح انتماؤهم إلى تنظيم داعش ثلاثة رعاة في بادية الأنبار", "Killing", id="likely"),
])
def test_gunmen_the_news_holds_to_be_of_a_group_are_the_group(text, cls):
    fact = events_of(text, cls)[0]
    assert role_labels(fact, "agent") == ["Islamic State (ISIS / Daesh)"]


def test_unknown_gunmen_stay_gunmen():
    fact = events_of("وهاجم مسلحون مجهولون نقطة للجيش في قضاء الطارمية", "Attack")[0]
    assert role_labels(fact, "agent") == ["gunmen"]
