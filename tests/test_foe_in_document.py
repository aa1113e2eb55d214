"""Whom a state's deed was made on when its sentence names no side: the one armed group the story
names (athar.read.opponent.foe_in_document; sentences written for these tests, none copied from a
corpus)."""

from __future__ import annotations

import pytest

import athar

from tests.reading import events_of, role_labels

ISIS = "Islamic State (ISIS / Daesh)"


@pytest.mark.parametrize("text, cls, role", [
    pytest.param("يواصل تنظيم داعش تهديد القرى في محافظة نينوى. وشن الجيش العراقي هجوما باتجاه منطقة الكسك "
                 "غربي الموصل.", "Attack", "target", id="an-attack-of-the-army"),
    pytest.param("عاد مئات النازحين إلى الموصل بعد طرد تنظيم داعش منها. وكانت الحكومة أعلنت تحرير الأحياء "
                 "الشرقية من المدينة في كانون الثاني.", "Liberation", "origin", id="a-liberation-with-no-doer"),
    pytest.param("قصفت طائرات التحالف الدولي قرية قرب البوكمال. وكان تنظيم داعش قد خسر آخر معاقله في "
                 "المنطقة.", "Attack", "target", id="named-after"),
    pytest.param("فرضت وحدات من الجيش السوري سيطرتها الكاملة على قرية السخنة في ريف حمص. ويأتي ذلك بعد أسابيع "
                 "من المعارك مع تنظيم داعش في البادية.", "Liberation", "origin", id="control-refined-to-liberation"),
])
def test_a_states_deed_is_made_on_the_one_armed_group_the_story_names(text, cls, role):
    assert role_labels(events_of(text, cls)[0], role) == [ISIS]


@pytest.mark.parametrize("text", [
    pytest.param("يواصل تنظيم داعش وهيئة تحرير الشام تهديد القرى في ريف حماة. وشن الجيش السوري هجوما باتجاه "
                 "بلدة السعن.", id="two-groups"),
    pytest.param("يواصل تنظيم داعش تهديد القرى في ريف حماة. وشنت هيئة تحرير الشام هجوما باتجاه بلدة السعن.",
                 id="an-armed-group-as-the-doer"),
    pytest.param("يواصل تنظيم داعش تهديد القرى في محافظة ديالى. وقتل ثلاثة أشخاص في هجوم بعبوة ناسفة قرب "
                 "بعقوبة.", id="an-attack-with-no-doer"),
    pytest.param("دمرت طائرات التحالف الدولي خمس عربات في ريف دير الزور. وكان تنظيم داعش قد خسر آخر معاقله "
                 "في المنطقة.", id="what-a-strike-destroyed"),
    pytest.param("هاجم مسلحون مجهولون حاجزا للجيش قرب بعقوبة. وشن الجيش العراقي هجوما باتجاه قرية قرب "
                 "المقدادية.", id="only-gunmen"),
])
def test_no_foe_is_taken_from_the_story_among_several_groups_for_a_group_or_without_a_doer(text):
    facts = [f for f in athar.read(text, published="2020-11-16").facts if f.type in ("Attack", "Destruction")]
    told = [f for f in facts if f.trigger.startswith(("هجوم", "دمر"))]  # the deed with no side named
    assert told and all(role_labels(f, "target") == [] for f in told), [(f.type, f.trigger) for f in facts]


@pytest.mark.parametrize("text", [
    pytest.param("خسر تنظيم داعش آخر معاقله في محافظة نينوى. وقتل عشرات الجنود في معارك بمناطق متفرقة من "
                 "المحافظة.", id="battles-in-scattered-areas"),
    pytest.param("تواصل القوات العراقية تمشيط القرى من فلول تنظيم داعش. ونزح آلاف السكان خلال القتال العنيف "
                 "الذي جرى في قضاء تلعفر.", id="the-fighting-that-took-place"),
    pytest.param("هزمت قوات البيشمركة تنظيم داعش في سنجار. وتضررت مئات المنازل في مواجهات دامية دارت في أحياء "
                 "المدينة.", id="clashes-that-took-place"),
])
def test_a_battle_no_word_of_which_names_a_side_was_fought_with_the_one_armed_group_of_the_story(text):
    battle = events_of(text, "Battle")[-1]
    assert role_labels(battle, "participant") == [ISIS]


@pytest.mark.parametrize("text", [
    pytest.param("يواصل تنظيم داعش وهيئة تحرير الشام تهديد القرى. وقتل عشرات الجنود في معارك بمناطق متفرقة من "
                 "ريف حماة.", id="two-groups"),
    pytest.param("قتل عشرات الجنود في معارك بمناطق متفرقة من محافظة كركوك.", id="no-group"),
])
def test_no_side_of_a_battle_is_taken_from_a_story_of_several_groups_or_none(text):
    battles = events_of(text, "Battle")
    assert all(role_labels(b, "participant") == [] for b in battles)
