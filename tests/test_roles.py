"""The roles of an event read across its sentence: what a relative clause carries, what the fighting
around a capture says of who lost the place. Sentences written for these tests in the style of news
Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import events_of, role_labels

PUBLISHED = "2021-03-10"


def _events(text: str, cls: str):
    return events_of(text, cls, PUBLISHED)


_role = role_labels


# -- a relative clause carries the noun it describes, no other ----------------------------------

def test_the_dead_of_a_result_take_no_part_in_an_event_a_relative_clause_about_the_hours_tells():
    # "التي" describes the days, not the militants killed before them
    text = ("أنهى الجيش العراقي عملية تطهير بلدة الكرمة من تنظيم داعش، مما أسفر عن مقتل 40 إرهابيا "
            "خلال الأيام الثلاثة الماضية التي أعقبت السيطرة على حي الشهداء")
    control = [f for f in _events(text, "Liberation") if f.trigger == "السيطرة"][0]
    assert "militants called terrorists by the source" not in _role(control, "agent")


def test_a_noun_a_relative_clause_describes_is_an_argument_of_the_event_in_it():
    # "للمدينة" is governed by "من" in the clause around; in "التي تعتبر المعقل" it is the stronghold
    text = "وصلت القوات العراقية إلى مسافة كيلومترين من الجهة الجنوبية لمدينة الموصل التي تعتبر المعقل الأكبر للتنظيم في العراق"
    held = _events(text, "TerritorialControl")[0]
    assert _role(held, "place") == ["Mosul"]
    assert _role(held, "agent") == ["Islamic State (ISIS / Daesh)"]


# -- the fighting around a capture ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("أعلن المرصد سيطرة قوات سوريا الديمقراطية على قرية الصالحية بعد اشتباكات مع تنظيم داعش",
                 id="after-clashes-with"),
    pytest.param("سيطر الجيش العراقي على قرية البوعيثة إثر معارك عنيفة مع مسلحي تنظيم داعش", id="after-battles-with"),
])
def test_a_capture_after_fighting_with_one_side_takes_that_side_as_the_loser(text):
    fact = _events(text, "Liberation")[0]
    assert _role(fact, "origin") == ["Islamic State (ISIS / Daesh)"]


def test_the_battle_of_a_capture_takes_the_capturer_as_its_other_side():
    text = "أعلن المرصد سيطرة قوات سوريا الديمقراطية على قرية الصالحية بعد اشتباكات مع تنظيم داعش"
    battle = _events(text, "Battle")[0]
    assert _role(battle, "participant") == ["Islamic State (ISIS / Daesh)", "Syrian Democratic Forces (SDF)"]


def test_fighting_between_two_others_names_no_loser():
    # the capturer is named nowhere, the battle has two sides: who lost the village is not said
    text = "أفادت مصادر محلية بالسيطرة على قرية الصالحية بعد اشتباكات بين الجيش العراقي وتنظيم داعش"
    fact = _events(text, "Liberation")[0]
    assert _role(fact, "origin") == []


# -- the last of the nouns joined by "و" is the one a relative clause describes ------------------

def test_a_relative_clause_after_two_sides_describes_the_last():
    text = "اندلع قتال بين مسلحي التنظيم والقوات العراقية التي اقتحمت حي الزهراء"
    attack = _events(text, "Attack")[0]
    assert _role(attack, "agent") == ["Iraqi Security Forces"]


def test_with_in_a_phrase_fronted_before_a_comma_names_no_side():
    text = "وفي اتصال هاتفي مع وكالة رويترز، أشار الضابط إلى اشتباكات بين الجيش العراقي وتنظيم داعش"
    battle = _events(text, "Battle")[0]
    assert _role(battle, "participant") == ["Iraqi Army", "Islamic State (ISIS / Daesh)"]


# -- nouns that point back (anaphora.tsv) ------------------------------------------------------

@pytest.mark.parametrize("text, cls, role, value, words", [
    pytest.param("اقتحمت القوات العراقية حي الزهراء شرقي الموصل. وقال ضابط من قيادة عمليات بغداد إن القوات "
                 "العراقية سيطرت على الحي بالكامل.", "Liberation", "place", "Al-Zahra' neighbourhood",
                 "على الحي", id="the-neighbourhood"),
    pytest.param("أعيد افتتاح مستشفى الرحمة في مدينة الرقة. وقال الطبيب أحمد الحسن إن المبنى تعرض للدمار على يد "
                 "تنظيم داعش.", "Destruction", "target", "Al-Rahma Hospital", "المبنى", id="the-building"),
])
def test_a_noun_that_points_back_is_the_place_named_before(text, cls, role, value, words):
    fact = _events(text, cls)[-1]
    assert _role(fact, role) == [value]
    assert words in fact.evidence.text  # the sentence states it: the evidence holds its words


# -- people named by a common noun (kinds.tsv) --------------------------------------------------

def test_families_who_return_are_who_returns():
    fact = _events("وبدأت مئات العائلات النازحة من أهالي الرمادي في العودة إلى المدينة الأسبوع الماضي", "Return")[0]
    assert _role(fact, "agent") == ["families"]


# -- who did it, from the sentence around ------------------------------------------------------

def test_a_body_that_announces_an_operation_carried_it_out():
    text = "أعلنت وزارة الدفاع، أمس الثلاثاء، اعتقال خمسة من عناصر تنظيم داعش في قضاء الشرقاط"
    assert _role(_events(text, "Arrest")[0], "agent") == ["defence ministry"]


@pytest.mark.parametrize("text, cls", [
    # a body announces deaths it did not cause
    pytest.param("أعلنت وزارة الدفاع مقتل جنديين في قضاء الشرقاط", "Killing", id="deaths"),
    # the forces that receive the base are named: the media cell only announces it
    pytest.param("أعلنت خلية الإعلام الأمني تسلم قوات الأمن العراقية قاعدة عين الأسد", "Handover", id="receiver-named"),
    # a clause of its own after "أن": its subject is its own
    pytest.param("أعلنت وزارة الدفاع أن اعتقال خمسة من عناصر تنظيم داعش تم في قضاء الشرقاط", "Arrest",
                 id="reported-clause"),
])
def test_an_announcer_is_not_always_the_doer(text, cls):
    fact = _events(text, cls)[0]
    assert not [m for r, m in fact.roles if r == "agent" and m.label_en == "defence ministry"]
    assert not [m for r, m in fact.roles if r == "agent" and "media" in (m.label_en or "").lower()]


def test_an_attack_carried_out_by_no_one_named_is_the_sentence_subject_s():
    text = "اختطف تنظيم داعش عشرين مدنيا إثر هجوم شنه الأحد على قرية الحمرا"
    assert _role(_events(text, "Attack")[0], "agent") == ["Islamic State (ISIS / Daesh)"]


def test_near_a_place_locates_an_event_whose_rule_says_nothing_of_near():
    text = "سيطرت قوات سوريا الديمقراطية على قرية الصالحية، فيما دارت اشتباكات مع تنظيم داعش بالقرب من قرية المياح"
    battle = _events(text, "Battle")[0]
    assert _role(battle, "place") == ["Al-Mayah"]


def test_the_pronoun_of_the_matter_before_a_passive_names_no_doer():
    # "وأضاف أنه ... جرى اعتقال": "أنه" speaks of no one; the arrest goes on the operation told before
    text = ("وبحسب المكتب الإعلامي لقوات سوريا الديمقراطية، فإن جهاز مكافحة الإرهاب ألقى القبض على ثلاثة من "
            "عناصر داعش في بلدة الشحيل، وأضاف أنه خلال العملية جرى اعتقال أحد قادة التنظيم")
    # (told in the sentence of the arrest before it, it may be read as that arrest told again)
    at = text.index("اعتقال")
    arrest = [f for f in _events(text, "Arrest") if f.evidence.start <= at < f.evidence.end][0]
    assert _role(arrest, "agent") == ["Iraqi Counter Terrorism Service"]


def test_a_killing_caused_by_an_explosion_is_where_the_explosion_was():
    # the blast names no one; its place, a part of a city after a comma, is the killing's
    text = "لقي خمسة مدنيين حتفهم وأصيب آخرون بجروح، جراء انفجار ألغام أرضية، في عدة مواقع من مدينة دير الزور"
    fact = _events(text, "Attack")[0]
    assert _role(fact, "place") == ["Deir ez-Zor"]
    assert _role(fact, "victim") == ["civilians"]


def test_an_armed_group_s_own_outlet_claims_the_attack_it_reports_and_the_dead_were_its_target():
    text = "وقالت وكالة أعماق التابعة لتنظيم الدولة إن 12 جنديا من الجيش العراقي قتلوا اليوم في هجوم بسيارة مفخخة قرب مدينة بيجي"
    attack = _events(text, "Attack")[0]
    assert _role(attack, "agent") == ["Islamic State (ISIS / Daesh)"]
    assert _role(attack, "target") == ["Iraqi Army"]


def test_an_outlet_of_no_group_claims_nothing():
    text = "وقالت وكالة رويترز إن 12 جنديا من الجيش العراقي قتلوا اليوم في هجوم بسيارة مفخخة قرب مدينة بيجي"
    assert _role(_events(text, "Attack")[0], "agent") == []


# -- gunmen and the group they belong to (stand_ins.tsv, anaphora) ----------------------------

def test_gunmen_who_belong_to_the_organization_are_its_members():
    # "التنظيم" points back to no generic gunmen: it is the group the article is about
    text = "وقال مصدر في الشرطة إن مسلحين ينتمون إلى التنظيم الإرهابي اختطفوا فجر اليوم اثنين من رعاة الأغنام"
    assert _role(_events(text, "Abduction")[0], "agent") == ["Islamic State (ISIS / Daesh)"]


def test_unknown_gunmen_are_not_the_group_their_victim_belongs_to():
    text = "اغتال مسلحون مجهولون قياديا في تنظيم داعش قرب مدينة الميادين"
    assert _role(_events(text, "Attack")[0], "agent") == ["gunmen"]


def test_gunmen_of_a_group_that_fills_their_role_are_that_group_once():
    text = "قتل خمسة عناصر من الشرطة على يد مسلحين من تنظيم داعش في قضاء الحويجة"
    assert _role(_events(text, "Killing")[0], "agent") == ["Islamic State (ISIS / Daesh)"]


# -- asides and purposes -----------------------------------------------------------------------

def test_what_an_aside_between_dashes_names_is_not_the_event_s():
    # the press conference was in Samarra; the battle is for Tikrit, from ISIS
    text = ('وكان الجيش العراقي قد أعلن - في مؤتمر صحفي عقده في مدينة سامراء صباح اليوم - بدء "المعركة الكبرى" '
            'للسيطرة على مدينة تكريت من تنظيم داعش')
    operation = _events(text, "MilitaryOperation")[0]
    assert _role(operation, "place") == ["Tikrit"]
    assert _role(operation, "agent") == ["Iraqi Army"]
    assert _role(operation, "target") == ["Islamic State (ISIS / Daesh)"]
