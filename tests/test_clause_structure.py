"""The clause structure of the genre: a light verb and its noun with the subject between, a
relative clause between an actor and a trigger, each with sentences written for the rule
(none from data/eval/test)."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2020-11-16"


def _events(text: str):
    return [f for f in athar.read(text, published=PUBLISHED).facts if not f.relation]


def _role(fact, role):
    return sorted(m.label_en or m.label_ar for r, m in fact.roles if r == role)


def _role_ar(fact, role):
    return sorted(m.label_ar for r, m in fact.roles if r == role)


@pytest.mark.parametrize("text, cls, role, who", [
    pytest.param("أطلق مسلحون النار على حاجز للجيش قرب كركوك", "Attack", "agent", ["gunmen"], id="shooting"),
    pytest.param("أخلت القوات الأمريكية مواقعها في قاعدة القيارة", "Withdrawal", "agent",
                 ["United States armed forces"], id="vacating-positions"),
    pytest.param("وأعادت السلطات المحلية تأهيل عشرين مدرسة في الموصل", "Reconstruction", "agent",
                 ["local authorities"], id="rehabilitating"),
    pytest.param("استعادت قوات الأمن العراقية السيطرة على بلدة القائم", "Liberation", "agent",
                 ["Iraqi Security Forces"], id="regaining-control"),
])
def test_a_light_verb_and_its_noun_make_one_event_around_the_subject(text, cls, role, who):
    facts = [f for f in _events(text) if f.type == cls]
    assert facts, [f.type for f in _events(text)]
    assert _role(facts[0], role) == who
    assert not [f for f in _events(text) if f.type == "Return"]  # "أعادت" is no return here


def test_a_noun_after_a_phrase_of_time_is_not_the_light_verbs_object():
    # "بعد" opens a phrase of time: "فتح" after it is no reopening done by "أعادت"
    facts = _events("أعادت القوات بعد فتح الطريق النازحين من مخيم الهول")
    assert [f.type for f in facts] == ["Return"]


def test_a_relative_clause_between_the_actor_and_the_trigger_hides_neither():
    # "التي تركز على التدريب" says which forces: no Training; the forces go home (a Withdrawal)
    text = "أعاد التحالف الدولي الشهر الماضي بعض وحداته التي تركز على التدريب إلى ثكناتها"
    facts = _events(text)
    assert [f.type for f in facts] == ["Withdrawal"]
    assert _role(facts[0], "agent") == ["Global Coalition against Daesh"]


@pytest.mark.parametrize("text", [
    pytest.param("وصلت الفرق المتخصصة في إزالة الألغام إلى مدينة سنجار", id="specialized-teams"),
    pytest.param("زار الوزير الكتيبة التي تركز على التدريب في قاعدة التاجي", id="focus-on-training"),
])
def test_what_a_unit_does_named_to_say_which_unit_is_no_event(text):
    assert not [f for f in _events(text) if f.type in ("Training", "Demining")]


def test_a_shooting_at_a_wedding_is_no_attack_with_the_subject_between():
    assert not [f for f in _events("أطلق المدعوون النار ابتهاجا في حفل زفاف ببغداد") if f.type == "Attack"]


def test_reopening_an_institution_is_a_reconstruction_of_it():
    facts = [f for f in _events("قامت قيادة شرطة نينوى بإعادة فتح مديرية المرور في الموصل") if f.type == "Reconstruction"]
    assert facts and _role_ar(facts[0], "target") == ["مديرية المرور"]


def test_the_object_after_a_split_trigger_is_no_subject():
    # "الشرطة" (no entity) is the subject between the words; the directorate after them is the object
    facts = [f for f in _events("أعادت الشرطة فتح مديرية المرور في الموصل") if f.type == "Reconstruction"]
    assert facts and _role_ar(facts[0], "target") == ["مديرية المرور"] and not _role(facts[0], "agent")


def test_the_place_that_names_the_building_is_where_it_was_reopened():
    facts = [f for f in _events("وأعادت البلدية افتتاح مستشفى الطبقة") if f.type == "Reconstruction"]
    assert facts and _role(facts[0], "place") == ["Tabqa"]


@pytest.mark.parametrize("text", [
    pytest.param("سلمت قوات سوريا الديمقراطية عناصر داعش إلى الحكومة العراقية", id="members-handed-over"),
    pytest.param("تسلمت الحكومة العراقية نحو 300 عنصر من تنظيم داعش من قوات سوريا الديمقراطية", id="counted-members"),
])
def test_the_people_handed_over_are_what_is_handed_not_who_receives(text):
    facts = [f for f in _events(text) if f.type == "Handover"]
    assert facts
    assert _role(facts[0], "target") == ["Islamic State (ISIS / Daesh)"]
    assert _role(facts[0], "recipient") == ["Iraqi government"]
    assert _role(facts[0], "agent") == ["Syrian Democratic Forces (SDF)"]


def test_the_houses_cleared_of_mines_are_what_was_cleared_not_where():
    facts = [f for f in _events("ونظفت القوات العراقية 40 منزلا ملغوما في قضاء الحويجة") if f.type == "Demining"]
    assert facts and _role(facts[0], "target") == ["homes"] and _role(facts[0], "place") == ["Hawija"]


@pytest.mark.parametrize("text", [
    pytest.param("تم افتتاح مديرية المرور في الموصل صباح اليوم", id="tamma"),
    pytest.param("وجرى افتتاح مديرية المرور في الموصل صباح اليوم", id="jara"),
])
def test_a_passive_masdar_has_no_agent_after_it(text):
    facts = [f for f in _events(text) if f.type == "Establishment"]
    assert facts and not _role(facts[0], "agent") and _role_ar(facts[0], "target") == ["مديرية المرور"]


@pytest.mark.parametrize("text, cls, count, role, who", [
    pytest.param("قتلت قوات الجيش خلال معارك اليوم 40 عنصرا من داعش قرب مدينة بيجي",
                 "Killing", 40, "victim", "Islamic State (ISIS / Daesh)", id="killed-during-battles"),
    pytest.param("اعتقلت قوات الأمن أثناء مداهمة في مدينة كركوك خمسة إرهابيين",
                 "Arrest", 5, "place", "Kirkuk", id="arrested-during-a-raid"),
])
def test_the_object_after_a_phrase_of_during_is_the_verbs(text, cls, count, role, who):
    # "خلال معارك اليوم", "أثناء مداهمة": the event after "during" is a circumstance of the verb;
    # the verb's clause runs on past it to its object and its count
    fact = next(f for f in _events(text) if f.type == cls)
    assert fact.amount is not None and fact.amount.value == count
    assert who in _role(fact, role)
