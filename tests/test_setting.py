"""The setting of an event beyond its own clause (athar.read.setting): which of several places is
the event's own, the place and date a sentence, a paragraph or the lead gives the events that name
none, the doer of a verb the rules read as passive, whom a liberation is from. Every sentence here
was written for these tests, in the style of news Arabic (none is copied from a corpus)."""

from __future__ import annotations

import pytest

from athar.read.amounts import extract_amounts
from athar.read.language import arabic
from reading import facts_of


def one(text: str, event: str, published: str = "2020-06-15"):
    found = facts_of(text, published)
    matches = [f for f in found if f.type == event]
    assert matches, f"no {event} in: {[(f.type, f.trigger) for f in found]}"
    return matches[0]


def keys(fact, role: str) -> set[str]:
    return {m.key for m in fact.role(role)}


def labels(fact, role: str) -> set[str]:
    return {m.label_ar for m in fact.role(role)}


# -- the most specific place -------------------------------------------------------

def test_the_village_not_the_province_it_lies_in_is_where_the_attack_was():
    attack = one("شن مسلحو داعش هجوماً على قرية الحمرا جنوب مدينة الرقة أمس", "Attack")
    assert labels(attack, "place") == {"الحمرا"}
    located = one("شن مسلحو داعش هجوماً على قرية الحمرا جنوب مدينة الرقة أمس", "locatedIn")
    assert labels(located, "object") == {"الرقة"}  # the wider place is kept, as where the village is


def test_a_province_named_as_a_landmark_is_not_the_place():
    # Salah al-Din lies north of Baghdad, not in it: Baghdad only says where the province is
    arrest = one("اعتقلت قوات الأمن ثلاثة مطلوبين في محافظة صلاح الدين شمال بغداد", "Arrest")
    assert keys(arrest, "place") == {"salahuddin-governorate"}


def test_a_name_repeated_in_brackets_fills_no_second_role():
    abduction = one("اختطف تنظيم الدولة الإسلامية (داعش) خمسة رعاة في البادية", "Abduction")
    assert keys(abduction, "agent") == {"isis"}
    assert "isis" not in keys(abduction, "victim")


# -- places outside the clause -------------------------------------------------------

def test_the_place_that_opens_a_sentence_frames_its_events():
    # "قصفت" takes no place before it of its own: the opening phrase gives it
    attack = one("وفي ريف حلب الشمالي، قصفت طائرات حربية مواقع لداعش", "Attack")
    assert [(m.label_ar, m.parent) for m in attack.role("place")] == [("ريف حلب الشمالي", "aleppo-governorate")]


def test_a_place_after_a_comma_before_the_next_event_is_the_events():
    killing = one("أعدم مسلحو التنظيم سبعة رجال، رمياً بالرصاص، في ريف دير الزور الشرقي", "Killing")
    assert [(m.label_ar, m.parent) for m in killing.role("place")] == [("ريف دير الزور الشرقي", "deir-ez-zor-governorate")]


def test_coordinated_verbs_share_the_place():
    found = facts_of("وفي مدينة الموصل رممت المنظمة 20 مدرسة وأنشأت ثلاثة مراكز صحية")
    establishment = next(f for f in found if f.type == "Establishment")
    assert keys(establishment, "place") == {"mosul"}


def test_the_paragraph_keeps_its_place_for_the_next_sentence():
    text = "سيطرت القوات العراقية على بلدة القائم. واعتقلت القوات خلال العملية عشرين مسلحاً."
    arrest = one(text, "Arrest")
    assert labels(arrest, "place") == {"القائم"}


def test_a_new_paragraph_does_not_inherit_the_place():
    # the lead gives the place of the news (test_an_event_whose_sentence_names_no_place_is_where_the_lead_says):
    # here the lead names none, and the paragraph before names al-Qaim
    text = ("أعلنت الحكومة خطة لإعادة إعمار المدارس.\nسيطرت القوات العراقية على بلدة القائم.\n"
            "واعتقلت القوات عشرين مسلحاً.")
    assert not one(text, "Arrest").role("place")


# -- the voice of a killing verb ------------------------------------------------------

def test_an_armed_group_right_after_the_verb_is_the_killer():
    killing = one("قتل التنظيم 12 مدنياً في قرية شرق الحسكة", "Killing")
    assert keys(killing, "agent") == {"isis"}
    assert "isis" not in keys(killing, "victim")


def test_an_armed_group_before_the_verb_with_a_count_after_it_is_the_killer():
    killing = one("وقال المرصد إن تنظيم داعش أعدم 15 شخصاً في البادية", "Killing")
    assert keys(killing, "agent") == {"isis"}
    assert "isis" not in keys(killing, "victim")


@pytest.mark.parametrize("text", [
    pytest.param("وقال ضابط إن قوات الحشد الشعبي قتلت خلال اشتباكات الأحد 14 مسلحا من داعش",
                 id="during-the-fighting"),
    pytest.param("وأفاد المرصد بأن تنظيم داعش أعدم أمس الأحد 12 رجلا في ريف دير الزور", id="a-day-between"),
])
def test_an_armed_group_before_the_verb_with_a_count_a_few_words_after_it_is_the_killer(text):
    killing = one(text, "Killing")
    assert keys(killing, "agent") and not keys(killing, "agent") & keys(killing, "victim")


def test_a_passive_verb_before_a_comma_keeps_its_subject_the_victim():
    killing = one("وقال مصدر طبي إن عناصر الحشد الشعبي قتلوا، وأصيب 5 آخرون بجروح.", "Killing")
    assert not killing.role("agent") and keys(killing, "victim") == {"pmf"}


@pytest.mark.parametrize("text, side", [
    pytest.param("وارتفع عدد قتلى الجيش العراقي في المعارك إلى 15.", "iraqi-army", id="the-dead-of-the-army"),
    pytest.param("وسلمت قوات سوريا الديمقراطية جثث قتلى الجيش السوري إلى ذويهم في القامشلي.", "syrian-army",
                 id="the-bodies-of-the-dead"),
])
def test_the_side_after_a_noun_of_the_dead_is_whose_dead_they_are(text, side):
    killing = one(text, "Killing")
    assert side not in keys(killing, "agent")


def test_the_passive_reading_stays_when_soldiers_are_killed():
    killing = one("قتل ثلاثة جنود من الجيش العراقي خلال المعارك", "Killing")
    assert not killing.role("agent") and keys(killing, "victim") == {"iraqi-army"}


def test_the_victim_of_a_passive_verb_stands_right_before_it():
    text = "عثرت قوات الأمن في البلدة على جثة رجل مسن قتل بالرصاص"
    killing = one(text, "Killing")
    # the police found the body: they are not its victims; the old man killed is
    assert [m.label_ar for m in killing.role("victim")] == ["رجل"]


# -- whom a liberation is from ------------------------------------------------------

def test_a_liberation_that_says_not_from_whom_is_from_the_group_named_before():
    text = "فرض تنظيم داعش حصاراً على الأهالي طويلاً. وعاد السكان إلى مدينة تكريت بعد تحرير المدينة"
    liberation = one(text, "Liberation")
    assert keys(liberation, "origin") == {"isis"}
    assert liberation.implied


def test_no_origin_when_no_armed_group_was_named():
    liberation = one("وعاد السكان إلى مدينة تكريت بعد تحرير المدينة", "Liberation")
    assert not liberation.role("origin")


# -- dates ------------------------------------------------------------------------

def test_dates_in_a_row_between_commas_are_one_aside():
    handover = one("سلمت القوات الأمريكية، اليوم الأحد 7 حزيران 2020، قاعدة عسكرية إلى الجيش العراقي", "Handover",
                   "2020-06-07")
    assert handover.date is not None and handover.date.value == "2020-06-07"


def test_the_news_is_dated_once_and_told_again():
    text = ("أعلنت قوات سوريا الديمقراطية، اليوم الأحد، اعتقال خلية لداعش في ريف الرقة.\n"
            "وقال المتحدث إن القوات اعتقلت خمسة عناصر من الخلية.")
    arrests = [f for f in facts_of(text, "2020-06-14") if f.type == "Arrest"]
    assert len(arrests) == 2 and {f.date.value for f in arrests} == {"2020-06-14"}


def test_the_lead_of_an_article_tells_the_news_of_the_day():
    text = "افتتحت المنظمة مخيماً جديداً للنازحين في محافظة نينوى.\nويتسع المخيم لألف عائلة."
    opening = one(text, "Establishment", "2019-03-02")
    assert opening.date is not None and opening.date.value == "2019-03-02"


def test_one_sentence_is_no_article_and_has_no_lead():
    assert one("افتتحت المنظمة مخيماً جديداً للنازحين في محافظة نينوى", "Establishment").date is None


# -- amounts and groups ---------------------------------------------------------------

def test_a_counted_noun_in_the_dual_counts_two():
    doc = arabic().make_doc("قتل شابان وأصيب طفلان في قصف")
    found = [(a.value, a.unit, a.bound) for a in extract_amounts(doc)]
    assert found == [(2.0, "person", "exact"), (2.0, "child", "exact")]


def test_a_plural_in_ين_is_no_dual():
    doc = arabic().make_doc("قتل مدنيين في قصف")
    assert extract_amounts(doc) == []


def test_a_killing_of_two_refugees_has_its_toll_and_victims():
    killing = one("قتل لاجئان عراقيان برصاص مجهولين في مخيم الهول", "Killing")
    assert killing.amount is not None and killing.amount.value == 2
    assert "refugees" in keys(killing, "victim")


def test_an_institution_named_with_its_adjective_is_not_the_one_before():
    text = "سلمت الإدارة الذاتية لشمال وشرق سوريا ثلاثة أيتام إلى الحكومة النيجيرية في مخيم الهول"
    handover = one(text, "Handover")
    assert "aanes" not in keys(handover, "recipient")


def test_houses_cleared_are_not_where_the_clearing_was():
    text = "وعالجت الفرق الهندسية 40 عبوة ناسفة في المنازل والطرقات في بلدة تل كيف"
    demining = one(text, "Demining")
    assert "homes" not in {m.label_en for m in demining.role("place")}
    assert any(m.source != "kind" for m in demining.role("place"))


def test_the_hospitals_of_a_city_stay_a_place():
    text = "وأرسلت منظمة الصحة العالمية شحنة من الأدوية إلى مستشفيات الرقة"
    service = one(text, "ServiceProvision")
    assert "raqqa" in keys(service, "place") and any(m.type == "Hospital" for m in service.role("place"))


def test_a_killing_that_comes_of_an_operation_has_its_doer():
    text = "واصلت القوات العراقية تطهير قضاء القائم، مما أسفر عن مقتل 20 مسلحاً"
    killing = one(text, "Killing")
    assert keys(killing, "agent") == {"iraqi-forces"} or labels(killing, "agent")
    assert killing.implied


def test_a_cue_in_the_dual_names_two_places():
    attack = one('هاجم مسلحو التنظيم قريتي "تل بارود" و"تل زهور" جنوب غربي مدينة الحسكة', "Attack")
    assert labels(attack, "place") == {"تل بارود", "تل زهور"}  # Hasakah only says where they are
    back = one("عادت 50 عائلة إلى بلدتي الرويشد وأم السلال", "Return")
    assert labels(back, "destination") == {"الرويشد", "أم السلال"}


def test_a_part_of_the_victims_is_no_victim_of_its_own():
    killing = one("قتلت الألغام عشرات المدنيين بينهم 12 طفلاً في ريف إدلب", "Killing")
    assert "children" not in keys(killing, "victim")


def test_a_coordinated_verb_shares_where_not_what():
    # Fallujah is what was liberated, not where the arrest is said to be
    assert not one("حررت القوات العراقية الفلوجة واعتقلت عناصر من داعش", "Arrest").role("place")


def test_an_event_of_another_paragraph_and_place_keeps_no_date():
    text = "وحررت القوات العراقية مدينة الموصل في تموز 2017 بعد معارك طويلة مع داعش.\nوطردت القوات التنظيم من بلدة القائم."
    liberations = [f for f in facts_of(text, "2020") if f.type == "Liberation"]
    assert [f.date.value if f.date else None for f in liberations] == ["2017-07", None]


# -- which place is the event's (athar.read.placement) -----------------------------------

def test_a_place_named_after_a_word_of_direction_is_a_landmark():
    killing = one("قتل مسلحون أربعة رعاة في مخيم عين عيسى للنازحين شمالي مدينة الرقة", "Killing")
    assert labels(killing, "place") == {"مخيم عين عيسى"}


def test_a_distance_in_brackets_names_a_landmark():
    text = "انتشلت فرق الدفاع المدني عشر جثث من مقبرة جماعية في منطقة الفخيخة (40 كم شرق مدينة الرقة)"
    assert labels(one(text, "Killing"), "place") == {"الفخيخة"}


def test_a_wider_region_right_after_a_town_is_where_the_town_is():
    demining = one("بدأت القوات إبطال مفعول عبوات ناسفة في بلدة زمار شمال العراق", "Demining")
    assert keys(demining, "place") == {"zummar"}


def test_of_two_places_not_joined_by_and_the_narrower_is_where():
    # clearing a place of explosives is its demining (objects.tsv "cleared of")
    text = "وفي حفل أقيم في محافظة نينوى أعلن عن تطهير ناحية القحطانية من العبوات الناسفة"
    assert labels(one(text, "Demining"), "place") == {"القحطانية"}


def test_places_joined_by_and_are_both_where():
    battle = one("اندلعت اشتباكات عنيفة في مدينة الموصل ومحافظة الأنبار", "Battle")
    assert keys(battle, "place") == {"mosul", "anbar-governorate"}


def test_a_place_governed_by_a_direction_word_after_the_target():
    text = "شن التنظيم هجوما جديدا على معاقل قوات سوريا الديمقراطية جنوب مدينة الرقة"
    assert keys(one(text, "Attack"), "place") == {"raqqa"}


def test_a_part_of_a_place_puts_the_event_in_that_place():
    killing = one("عثرت الشرطة على امرأة قتلت في خيمتها في القطاع الرابع من مخيم الهول", "Killing")
    assert keys(killing, "place") == {"al-hol-camp"}
    killing = one("قتل مسلحون مجهولون ثلاثة مدنيين في الجزء الشرقي من مدينة الحسكة", "Killing")
    assert keys(killing, "place") == {"hasakah"}


def test_a_pronoun_of_place_points_to_the_place_named_before():
    control = one("دخل مسلحو التنظيم بلدة هيت وسيطروا على مبان فيها", "TerritorialControl")
    assert keys(control, "place") == {"hit"}


def test_an_event_is_where_the_event_that_frames_it_is():
    attack = one("قصفت الطائرات مواقع للتنظيم خلال معركة استعادة مدينة الرمادي", "Attack")
    assert keys(attack, "place") == {"ramadi"}
    battle = one("تقاتل القوات العراقية للسيطرة على مدينة القائم", "Battle")
    assert keys(battle, "place") == {"qaim"}


def test_the_framing_event_of_the_sentence_outweighs_the_place_of_the_sentence_before():
    text = "سيطر التنظيم على مدينة الحسكة. واحتجز التنظيم عشرين مدنيا إثر هجوم على قرية الأغيبش"
    assert labels(one(text, "Arrest"), "place") == {"الأغيبش"}


def test_an_event_whose_sentence_names_no_place_is_where_the_lead_says():
    text = ("عثرت قوى الأمن الداخلي في مخيم الهول على جثة لاجئة قتلت بالرصاص.\n"
            "وتعد الجريمة الثالثة هذا الشهر بعد قتل رجلين من قبل مجهولين.")
    killings = [f for f in facts_of(text) if f.type == "Killing"]
    assert len(killings) == 2 and all(keys(f, "place") == {"al-hol-camp"} for f in killings)


def test_a_sentence_that_names_its_own_place_keeps_it_and_a_statement_takes_none_from_the_lead():
    text = ("عثرت قوى الأمن الداخلي في مخيم الهول على جثة لاجئة قتلت بالرصاص.\n"
            "وفي سياق آخر قتل مسلحون مجهولون رجلين في مدينة الرقة.\n"
            "وقال المتحدث باسم قوى الأمن إن التحقيق مستمر.\n"
            "واعتقلت القوات ثلاثة مشتبه بهم.")
    found = facts_of(text)
    assert keys([f for f in found if f.type == "Killing"][-1], "place") == {"raqqa"}
    assert not any(f.role("place") for f in found if f.type == "Statement")
    assert not one(text, "Arrest").role("place")  # the news moved to al-Raqqa since the lead


def test_houses_and_roads_cleared_of_mines_are_the_target_and_the_lead_gives_the_place():
    text = ("سيطرت الفصائل على مدينة جرابلس بشكل كامل.\n"
            "وقال قائد ميداني إن فرق الهندسة فككت عشرات الألغام في المنازل والطرقات.")
    demining = one(text, "Demining")
    assert labels(demining, "target") == {"المنازل", "الطرقات"}
    assert keys(demining, "place") == {"jarabulus"}


def test_a_sentence_that_names_the_lead_place_again_does_not_keep_it_from_its_events():
    text = ("سيطرت الفصائل على مدينة جرابلس بشكل كامل.\n"
            "وكانت الفصائل قد دخلت مدينة جرابلس أمس، وخاضت مواجهات عنيفة ضد عناصر التنظيم.")
    assert keys(one(text, "Battle"), "place") == {"jarabulus"}


def test_a_relative_clause_with_a_pronoun_is_about_the_place_it_describes():
    text = "أعدم التنظيم 19 رجلا في بادية دير الزور بالقرب من حقل العمر النفطي، الذي سيطر عليه عناصر التنظيم في تموز الماضي"
    control = one(text, "TerritorialControl")
    assert labels(control, "place") == {"حقل العمر"}


def test_a_relative_clause_after_a_landmark_is_about_the_unnamed_areas():
    text = "وقال إن مناطق جنوب غربي كركوك التي يسيطر عليها داعش منذ عامين تمتد حتى قضاء الحويجة"
    assert "kirkuk" not in keys(one(text, "TerritorialControl"), "place")


def test_a_noun_in_apposition_to_a_place_is_there():
    text = "وصلت التعزيزات إلى مدينة منبج، معقل التنظيم المحاصر من فصائل كردية في شمال سوريا"
    assert keys(one(text, "TerritorialControl"), "place") == {"manbij"}


def test_an_attack_towards_a_place_is_there():
    text = "وأفادت بأن قوات مشتركة أخرى شنت هجوما باتجاه منطقة الستمية على الأطراف الشمالية لمدينة بيجي"
    assert labels(one(text, "Attack"), "place") == {"الستمية"}


def test_the_lead_gives_its_narrowest_place_or_the_place_it_names():
    text = ("دخلت القوات العراقية مدينة الرمادي، معقل التنظيم في العراق، بعد معارك عنيفة.\n"
            "وقال مصدر إن القوات المشاركة في المعركة قتلت عشرين مسلحاً.")
    assert keys([f for f in facts_of(text) if f.type == "Killing"][-1], "place") == {"ramadi"}
    text = ("قال متحدث باسم الأمم المتحدة إن مخيم الهول في شمال شرق سوريا يضم أكثر من 60 ألف شخص.\n"
            "وأضاف أن نحو مئة شخص توفوا في الطريق إلى المخيم.")
    assert keys(one(text, "Killing"), "place") == {"al-hol-camp"}


def test_a_direction_after_a_place_locates_that_place_and_is_not_the_place():
    text = "انتشل فريق الاستجابة الأولية، 13 جثة جديدة من مقبرة جماعية في محافظة الرقة شمالي شرقي سوريا"
    assert keys(one(text, "Killing"), "place") == {"raqqa-governorate"}


def test_a_place_named_in_passing_beside_the_lead_place_does_not_move_the_news():
    text = ("قال متحدث باسم الأمم المتحدة إن مخيم الهول يضم أكثر من 60 ألف شخص.\n"
            "ووصل ألف شخص إلى المخيم قادمين من مناطق يسيطر عليها التنظيم في محافظة دير الزور.\n"
            "وأضاف أن نحو مئة شخص توفوا في الطريق.")
    assert keys(one(text, "Killing"), "place") == {"al-hol-camp"}


def test_a_paragraph_that_opens_with_a_continuation_keeps_the_place_of_the_one_before():
    text = ("حررت القوات العراقية مدينة الموصل من التنظيم.\n"
            "وفي سوريا، قلص التحالف الدولي عدد جنوده خلال العام الماضي.\n"
            "وهذا يعني أن التحالف الدولي يعيد تمركز قواته من القواعد الصغيرة إلى قواعد أكبر.")
    assert keys(one(text, "Redeployment"), "place") == {"syria"}  # not the lead's al-Mosul


def test_the_pronoun_object_of_a_liberation_is_the_place_named_before():
    text = "وكانت قاعدة عين الأسد مهمة في الحرب، إذ بعد أن حررتها القوات العراقية، شكلت مقرا خلال معركة الرمادي"
    assert labels(one(text, "Liberation"), "place") == {"قاعدة عين الأسد"}
    liberation = one("عاد السكان إلى مدينة الرقة بعد تحريرها من التنظيم", "Liberation")
    assert keys(liberation, "place") == {"raqqa"}
    # "سيطرتها على": the pronoun is who took control, the place follows (announcing one's own
    # control is a capture, test_offensives.py)
    assert keys(one("أعلنت الفصائل سيطرتها على مدينة الباب", "Liberation"), "place") == {"al-bab"}


def test_the_lead_place_is_not_carried_once_the_article_has_long_left_it():
    calm = "وعانى السكان كثيرا خلال السنوات الماضية.\nويأمل الأهالي بمستقبل أفضل.\nويقول خبراء إن الطريق ما زال طويلا.\n"
    text = "سيطرت القوات على بلدة الباغوز.\n" + calm + "واعتقلت القوات خمسة مطلوبين."
    assert not one(text, "Arrest").role("place")
    text = "سيطرت القوات على بلدة الباغوز.\n" + calm + "واعتقلت القوات في الباغوز خمسة مطلوبين، ثم اعتقلت ثلاثة آخرين."
    assert all(keys(f, "place") == {"baghuz"} for f in facts_of(text) if f.type == "Arrest")


def test_a_country_the_lead_gives_money_to_is_not_the_place_of_the_news():
    text = ("تعهدت الحكومة الألمانية للعراق بتقديم المزيد من الدعم.\n"
            "وخلال لقاء مع رئيس الوزراء العراقي أعلنت الحكومة تقديم قرض جديد.")
    assert not one(text, "Meeting").role("place")


def test_a_speaker_does_not_do_what_a_clause_of_their_words_with_its_own_subject_tells():
    # the speaker is not the doer of the verb coordinated inside what was said, whose subject the
    # words said name ("البرنامج ... كي يتمكنوا ... ويعيدوا بناء حياتهم")
    text = ("قالت المديرة القطرية لبرنامج الأغذية العالمي سالي هايدوك إن الأسر في المخيمات بحاجة إلى الغذاء. "
            "وأوضحت أن “البرنامج سيواصل مساعدة الأسر كي يتمكنوا من العودة إلى ديارهم ويعيدوا بناء حياتهم”.")
    found = facts_of(text)
    assert any(f.type == "Statement" for f in found)
    assert all(m.label_ar != "سالي هايدوك" for f in found if f.type != "Statement" and not f.relation
               for m in f.role("agent"))

