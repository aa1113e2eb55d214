"""Who did what an account tells with no doer: what an attack brought about, past the holder of the
place it struck; the deeds of a state's side (mines cleared, the foe's men killed, its arms destroyed,
men arrested) told after the deed that frames the account; a state's air force named by its country's
adjective. Sentences written for these tests in the style of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import events_of, role_labels

ARMY = "Iraqi Army"


@pytest.mark.parametrize("text, cls", [
    pytest.param("استعاد الجيش العراقي السيطرة على قرية البوعيثة جنوب تكريت. وأضاف المصدر أنه تم خلال "
                 "العملية تدمير ثلاث عربات مفخخة للتنظيم.", "Destruction", id="destroyed-next-sentence"),
    pytest.param("حرر الجيش العراقي ناحية العلم من قبضة التنظيم. وأكد مصدر أمني أنه جرى تفكيك عشرات "
                 "العبوات الناسفة في شوارع الناحية.", "Demining", id="mines-cleared"),
    pytest.param("قصف الجيش العراقي مواقع التنظيم في صحراء الأنبار. وأضاف البيان أنه تم قتل عشرين عنصرا من "
                 "تنظيم داعش.", "Killing", id="foes-killed"),
])
def test_a_deed_told_with_no_doer_goes_on_the_account_of_the_side_that_frames_it(text, cls):
    fact = events_of(text, cls)[0]
    assert role_labels(fact, "agent") == [ARMY]


def test_people_killed_with_no_side_named_keep_their_killer_unknown():
    # the dead are not the foe's men: a state's side is not their killer by default
    text = ("استعاد الجيش العراقي السيطرة على قرية البوعيثة جنوب تكريت. وأضاف المصدر أنه تم قتل "
            "خمسة مدنيين في القرية.")
    assert all(role_labels(f, "agent") == [] for f in events_of(text, "Killing"))


def test_an_account_framed_by_an_armed_groups_deed_lends_no_state_doer():
    # the last deed with a doer was the group's: the destruction after it is not the army's
    text = ("قصف الجيش العراقي مواقع في الحويجة. وشن تنظيم داعش هجوما على قرية قرب كركوك. وأضاف المصدر "
            "أنه تم تدمير عشرة منازل في القرية.")
    assert all(ARMY not in role_labels(f, "agent") for f in events_of(text, "Destruction"))


def test_another_states_side_named_between_keeps_the_doer_unknown():
    text = ("استعاد الجيش العراقي السيطرة على قرية البوعيثة جنوب تكريت. وتقدمت قوات البيشمركة نحو "
            "قرى مجاورة. وتم تدمير ثلاث عربات مفخخة للتنظيم في القرية.")
    assert all(ARMY not in role_labels(f, "agent") for f in events_of(text, "Destruction"))


@pytest.mark.parametrize("text, agent", [
    pytest.param("وشن سلاح الجو العراقي غارات على مواقع للتنظيم قرب القائم", "Iraqi Army", id="iraqi"),
    pytest.param("وشنت القوة الجوية العراقية غارات على مواقع للتنظيم في وادي حوران", "Iraqi Army",
                 id="iraqi-feminine"),
    pytest.param("ونفذ سلاح الجو السوري غارات على تجمعات التنظيم قرب تدمر", "Syrian Arab Army", id="syrian"),
])
def test_an_air_force_named_by_its_countrys_adjective_is_that_states_forces(text, agent):
    fact = events_of(text, "Attack")[0]
    assert agent in role_labels(fact, "agent")


def test_a_square_named_for_aviation_names_no_force():
    fact = events_of("وانفجرت سيارة مفخخة في ساحة الطيران وسط بغداد", "Attack")[0]
    assert role_labels(fact, "agent") == []


@pytest.mark.parametrize("text", [
    pytest.param("وقصف تنظيم داعش بقذائف الهاون سوقا في حي الجورة الخاضع لسيطرة قوات النظام، ما أدى إلى "
                 "مقتل ثلاثة مدنيين", id="held-by"),
    pytest.param("واستهدف مسلحو التنظيم حاجزا في قرية الحمرا الواقعة تحت سيطرة قوات البيشمركة، مما أسفر عن "
                 "مقتل جنديين", id="under-control-of"),
])
def test_who_holds_the_place_struck_did_not_bring_about_what_the_attack_did(text):
    # the holding describes the place the attack struck: the killing came of the attack
    fact = events_of(text, "Killing")[0]
    assert role_labels(fact, "agent") == ["Islamic State (ISIS / Daesh)"]


def test_a_killing_told_apart_from_the_attack_keeps_no_doer_from_it():
    # no words of result: the killing is told on its own, not as what the attack brought about
    # (a verb right after "، و" goes on with the subject before it: that is another convention)
    text = ("وقصف تنظيم داعش سوقا في حي الجورة الخاضع لسيطرة قوات النظام. وفي حادث منفصل، قتل ثلاثة مدنيين"
            " في اشتباكات بين فصائل محلية")
    assert all("Islamic State (ISIS / Daesh)" not in role_labels(f, "agent") for f in events_of(text, "Killing"))


def test_the_factions_are_the_rebel_factions_named_before():
    text = ("سيطر الجيش السوري الحر على بلدة الراعي بعد معارك مع تنظيم داعش. وقال مصدر عسكري إن الفصائل "
            "تعمل على تمشيط البلدة.")
    assert role_labels(events_of(text, "MilitaryOperation")[0], "agent") == ["Free Syrian Army"]


@pytest.mark.parametrize("text", [
    pytest.param("طرد الجيش العراقي تنظيم داعش من قرية البوعيثة. وقال مصدر إن الفصائل تعمل على تمشيط القرية.",
                 id="only-a-state-army-and-isis-before"),
    pytest.param("وقال مصدر إن الفصائل تعمل على تمشيط البلدة بعد انسحاب تنظيم داعش منها.", id="none-before"),
])
def test_the_factions_are_never_the_army_nor_the_group_they_fight(text):
    assert role_labels(events_of(text, "MilitaryOperation")[0], "agent") == []


def test_an_operation_of_clearing_mines_is_the_clearing_under_way():
    text = ("حرر الجيش العراقي ناحية العلم من قبضة التنظيم. وتجري الآن عملية تفكيك العبوات الناسفة التي "
            "زرعها التنظيم في الناحية.")
    assert role_labels(events_of(text, "Demining")[0], "agent") == [ARMY]


def test_an_attempt_to_clear_mines_is_only_sought():
    text = ("حرر الجيش العراقي ناحية العلم من قبضة التنظيم. وتجري الآن محاولة لتفكيك العبوات الناسفة التي "
            "زرعها التنظيم في الناحية.")
    assert all(role_labels(f, "agent") == [] for f in events_of(text, "Demining"))
