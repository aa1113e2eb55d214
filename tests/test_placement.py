"""Where an event is, from the wording around its places (athar.read.placement): a place that
witnesses or undergoes an event, the conventions of news writing that say which of several places
is the event's own. Every sentence here was written for these tests, in the style of news Arabic
(none is copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import events_of, role_labels


def places(text: str, cls: str) -> list[str]:
    return role_labels(events_of(text, cls)[0], "place")


# -- a place that witnesses or undergoes the event ("witness" in placement.tsv) --------

def test_a_town_that_witnessed_battles_is_where_they_were():
    assert places("وشهدت بلدة الشدادي معارك عنيفة بين الطرفين يوم أمس.", "Battle") == ["Al-Shaddadi"]


def test_the_subject_of_the_sentence_is_where_the_control_and_the_battles_were():
    text = "وبقيت مدينة تلعفر طوال عامين تحت سيطرة تنظيم داعش، وتعرضت للقصف وشهدت معارك عنيفة."
    assert places(text, "TerritorialControl") == ["Tal Afar"]
    assert places(text, "Battle") == ["Tal Afar"]


def test_a_relative_clause_of_control_is_about_the_town_it_describes_not_the_province():
    text = "واعتقلت الشرطة رجلاً يقيم في بلدة الصالحية، بريف دير الزور، والتي تخضع لسيطرة قوات النظام."
    assert places(text, "TerritorialControl") == ["Al-Salhiya"]


def test_a_participle_of_location_before_under_describes_the_village():
    text = "فر عشرات المدنيين من قرية الحمرا الواقعة تحت سيطرة التنظيم."
    assert places(text, "TerritorialControl") == ["Al-Hamra"]


def test_the_place_named_after_the_noun_wins_over_the_one_that_witnessed():
    text = "وشهدت محافظة الرقة أمس معارك عنيفة في قرية الحمرا."
    assert places(text, "Battle") == ["Al-Hamra"]


# -- a landmark, and an object set off by a comma ------------------------------------

def test_the_district_a_direction_locates_is_where_the_villages_were_freed():
    text = "وحررت القوات المشتركة العديد من القرى بقضاء الشرقاط شمالي تكريت."
    assert places(text, "Liberation") == ["Al-Shirqat"]


def test_a_comma_after_the_subject_does_not_cut_the_object_of_control_off():
    text = "وسيطرت قوات موالية للحكومة السورية، على بلدة الكسرة بريف دير الزور."
    assert places(text, "Liberation") == ["Al-Kasra"]  # control taken by a state's side: a capture


def test_a_place_at_a_distance_is_still_a_landmark():
    text = "واستعادت القوات بلدة الحمرا الواقعة على بعد 5 كم جنوب مدينة الرقة."
    assert places(text, "Liberation") == ["Al-Hamra"]


# -- whom a place was taken from (setting.settle_origin, holder_before) -------------------

def origins(text: str) -> list[str]:
    return role_labels(events_of(text, "Liberation")[0], "origin")


def test_the_force_in_the_genitive_of_a_masdar_took_the_place_after_lam():
    liberation = events_of("وتمثل استعادة القوات العراقية لبلدة الشرقاط خطوة مهمة في الحملة.", "Liberation")[0]
    assert role_labels(liberation, "agent") == ["Iraqi Security Forces"]
    assert role_labels(liberation, "place") == ["Al-Shirqat"]
    assert role_labels(liberation, "origin") == []


def test_no_force_takes_a_place_from_itself():
    text = "وأعلنت قوات سوريا الديمقراطية السيطرة على 9 مزارع في محيط القرية التي تقدمت إليها قوات سوريا الديمقراطية."
    assert origins(text) == []


def test_a_liberation_that_opens_the_article_is_from_the_group_its_sentence_names_after_it():
    text = "حررت فصائل المعارضة السورية اليوم بلدة الراعي ذات الأهمية الكبيرة لتنظيم داعش."
    assert origins(text) == ["Islamic State (ISIS / Daesh)"]



# -- an event done to another event -------------------------------------------------

def test_a_battle_repelling_an_attack_is_where_the_attack_was():
    text = "صدت قوات الجيش السوري، الأحد، هجوما شنه مسلحو التنظيم على بلدة الشدادي من محورين."
    assert places(text, "Battle") == ["Al-Shaddadi"]


# -- a facility done to, and the town it is in ----------------------------------------

def test_a_hospital_struck_is_the_target_and_its_town_the_place():
    attack = events_of("قصفت طائرات التحالف مستشفى الطبقة في مدينة الطبقة.", "Attack")[0]
    assert role_labels(attack, "target") == ["Tabqa Hospital"]
    assert role_labels(attack, "place") == ["Tabqa"]


def test_a_prison_targeted_in_the_middle_of_a_city_is_the_target():
    attack = events_of("وهاجم مسلحون سجن الحوت وسط مدينة الناصرية جنوبي العراق.", "Attack")[0]
    assert role_labels(attack, "target") == ["Al-Hut Prison"]
    assert role_labels(attack, "place") == ["Nasiriyah"]


def test_killings_in_a_camp_are_at_the_camp():
    killing = events_of("قتل ثلاثة لاجئين في مخيم الهول شرقي الحسكة.", "Killing")[0]
    assert role_labels(killing, "place") == ["al-Hol camp"]


def test_a_liberation_of_its_neighbourhoods_is_in_the_city_the_pronoun_points_to():
    text = "دخلت القوات العراقية مدينة الموصل الشهر الماضي، وأعلنت الثلاثاء تحرير أحيائها الشرقية بالكامل."
    assert places(text, "Liberation") == ["Mosul"]


# -- a describing word after a place's head noun names no place (modifiers.tsv) ---------

def test_camps_scattered_across_a_province_are_described_not_named():
    import athar
    for text in ("يعيش آلاف النازحين في مخيمات متفرقة في محافظة نينوى.",
                 "يقيم آلاف العراقيين في مخيمات منتشرة بأرجاء البلاد."):
        camps = [(m.label_en, m.label_ar) for m in athar.read(text, published="2020-11-16").mentions
                 if m.type == "Camp"]
        assert camps == [("camps", "مخيمات")], text  # the kind, in the plural the text uses; no name


def test_the_whole_of_its_territory_is_the_country_the_pronoun_points_to():
    text = "وأعلنت سوريا تحقيق النصر على التنظيم باستعادة كامل أراضيها."
    assert places(text, "Liberation") == ["Syria"]


# -- a meeting named by its host ("host" in placement.tsv) ------------------------------

def test_a_conference_named_by_a_country_is_held_there():
    meeting = events_of("وبلغت التعهدات مليار دولار خلال مؤتمر الكويت الدولي لدعم اللاجئين.", "Meeting")[0]
    assert role_labels(meeting, "place") == ["Kuwait"]
    assert role_labels(meeting, "participant") == []


def test_a_summit_named_by_a_city_is_held_there():
    assert places("انعقدت قمة بغداد بمشاركة قادة دول الجوار.", "Meeting") == ["Baghdad"]


def test_two_countries_after_a_meeting_are_who_meet():
    meeting = events_of("عقد اجتماع العراق وتركيا في أنقرة.", "Meeting")[0]
    assert role_labels(meeting, "participant") == ["Iraq", "Turkey"]
    assert "Iraq" not in role_labels(meeting, "place")


# -- where a helper works is not where the event is --------------------------------------

def test_the_region_of_the_helping_committee_is_not_where_the_school_was_rebuilt():
    text = ("أعيد افتتاح مدرسة الفرات في مدينة الطبقة. وتم ترميم المدرسة بكلفة 50 ألف دولار، بدعم من "
            "منظمات دولية للجنة التربية في شمال وشرق سوريا.")
    rebuilt = events_of(text, "Reconstruction")[-1]
    assert role_labels(rebuilt, "place") == ["Tabqa"]


@pytest.mark.parametrize("text", [
    pytest.param("قتلت القوات العراقية بإسناد من طيران الجيش 30 من مسلحي تنظيم داعش في محافظة الأنبار.",
                 id="killed-with-air-support"),
    pytest.param("قتلت قوات البيشمركة بدعم من طيران التحالف 12 من عناصر تنظيم داعش في محافظة نينوى.",
                 id="killed-with-coalition-support"),
])
def test_the_place_after_the_object_is_the_events_not_the_helpers(text):
    # the verb's object after the phrase of support closes it: the place is where the killing was
    place = role_labels(events_of(text, "Killing")[0], "place")
    assert place and all("Governorate" in p for p in place)


def test_a_holder_taken_from_the_context_is_implied():
    liberation = events_of("حررت فصائل المعارضة السورية اليوم بلدة الراعي ذات الأهمية الكبيرة لتنظيم داعش.",
                           "Liberation")[0]
    assert liberation.implied


def test_a_coordinated_verb_shares_the_place_a_direction_word_gives_the_one_before():
    text = "استعادت قوات من الجيش العراقي، اليوم، حيين جديدين من مسلحي التنظيم شرقي مدينة تلعفر، واقتحمت ثالثا في المحور نفسه."
    assert places(text, "Attack") == ["Tal Afar"]
