"""Who did it and to whom: the agent, target, victim, origin and sides of an event, read from
sentences written for these tests in the style of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

import athar
from reading import events_of, role_labels

PUBLISHED = "2021-03-10"


def _events(text: str, cls: str):
    return events_of(text, cls, PUBLISHED)


_role = role_labels


def test_from_before_a_liberation_names_no_origin():
    # the militia backs the army; ISIS is the one driven out ("من" after the trigger)
    fact = _events("تمكن الجيش العراقي مدعوما بمقاتلين من الحشد الشعبي من تحرير بلدة بيجي من تنظيم داعش",
                   "Liberation")[0]
    assert _role(fact, "origin") == ["Islamic State (ISIS / Daesh)"]
    assert "Popular Mobilization Forces" not in _role(fact, "origin")


@pytest.mark.parametrize("text, cls", [
    pytest.param("تبنى تنظيم داعش أمس مقتل ثلاثة رعاة في بادية الأنبار", "Killing", id="claimed-killing"),
    pytest.param("وأعلن تنظيم داعش مسؤوليته عن الهجوم على حاجز للجيش قرب تكريت", "Attack", id="claimed-attack"),
])
def test_a_claim_names_the_doer_of_the_event_it_claims(text, cls):
    fact = _events(text, cls)[0]
    assert _role(fact, "agent") == ["Islamic State (ISIS / Daesh)"]


def test_a_killing_read_as_a_passive_verb_takes_no_object():
    # "مقتل" after its claimer reads as a verb; the shepherds were killed, the people they were
    # accused of robbing were not
    fact = _events("تبنى تنظيم داعش مقتل شابين في بلدة الشحيل بتهمة سرقة الأهالي", "Killing")[0]
    assert _role(fact, "victim") == ["young men"]


def test_a_speaker_who_speaks_of_itself_is_the_doer():
    fact = _events("وقال التحالف الدولي في بيان إنه سيقوم بسحب قواته من قاعدة التاجي خلال الشهر المقبل",
                   "Withdrawal")[0]
    assert _role(fact, "agent") == ["Global Coalition against Daesh"]


def test_a_speaker_is_not_the_doer_when_another_actor_is_named_after_it():
    facts = _events("وقال التحالف الدولي في بيان إن الجيش العراقي سيقوم بسحب قواته من قاعدة التاجي",
                    "Withdrawal")
    assert "Global Coalition against Daesh" not in _role(facts[0], "agent")


def test_the_subject_of_a_relative_clause_after_a_verb_is_no_victim():
    # the group laid the mines; the shepherds were killed by them
    fact = _events("قتلت العبوات التي زرعها تنظيم داعش خمسة رعاة في بادية الأنبار", "Killing")[0]
    assert "Islamic State (ISIS / Daesh)" not in _role(fact, "victim")


def test_the_subject_of_a_relative_clause_is_not_the_fronted_subject_of_a_later_trigger():
    fact = _events("وقتلت الألغام التي زرعها تنظيم داعش عشرات المدنيين في الرقة بعد تحرير المدينة",
                   "Liberation")[0]
    assert "Islamic State (ISIS / Daesh)" not in _role(fact, "agent")


def test_a_relative_clause_on_an_attack_names_its_doer():
    fact = _events("أدى الهجوم الانتحاري الذي شنه تنظيم داعش على حاجز للجيش إلى مقتل جنديين", "Attack")[0]
    assert _role(fact, "agent") == ["Islamic State (ISIS / Daesh)"]


def test_an_apposition_after_a_comma_goes_on_with_the_clause():
    # the town is described after the comma: the group it was subject to is the origin
    fact = _events("أعلن الجيش العراقي استعادة بلدة القائم، آخر المدن التي كانت خاضعة لتنظيم داعش في الأنبار",
                   "Liberation")[0]
    assert _role(fact, "origin") == ["Islamic State (ISIS / Daesh)"]


def test_a_battle_in_an_apposition_names_its_side():
    fact = _events("شارك اللواء في معركة الموصل، الأكبر ضد تنظيم داعش في العراق", "Battle")[0]
    assert "Islamic State (ISIS / Daesh)" in _role(fact, "participant")


def test_the_country_across_a_border_is_no_actor():
    fact = _events("حررت القوات العراقية بلدة القائم القريبة من الحدود مع سوريا", "Liberation")[0]
    assert "Syria" not in _role(fact, "agent")


def test_a_passive_masdar_goes_on_with_the_event_told_before():
    text = ("ألقت قوات الأمن الداخلي القبض على خلية تابعة لتنظيم داعش في مدينة الرقة. "
            "وخلال المداهمة جرى اعتقال أحد قادة الخلية.")
    facts = _events(text, "Arrest")
    assert _role(facts[-1], "agent") == _role(facts[0], "agent") != []


def test_a_passive_masdar_of_another_class_takes_no_doer_from_before():
    text = ("ألقت قوات الأمن الداخلي القبض على خلية تابعة لتنظيم داعش في مدينة الرقة. "
            "وجرى تفكيك 20 عبوة ناسفة في المدينة.")
    assert _role(_events(text, "Demining")[0], "agent") == []


def test_the_subject_between_a_light_verb_and_its_noun_is_the_doer():
    # "ألقت" is written "القت" once normalized: no article, the verb's subject is the arrester
    fact = _events("ألقت قوات الأسايش القبض على خلية في مدينة الرقة", "Arrest")[0]
    assert _role(fact, "agent") == ["Asayish (internal security forces)"]
    assert _role(fact, "target") == []


def test_the_strongholds_attacked_are_the_target_not_an_event():
    text = "شن الجيش العراقي هجوما واسعا على معاقل تنظيم داعش غرب الموصل"
    fact = _events(text, "Attack")[0]
    assert _role(fact, "target") == ["Islamic State (ISIS / Daesh)"]
    assert not [f for f in athar.read(text, published=PUBLISHED).facts if f.type == "TerritorialControl"]


def test_a_battle_named_by_its_liberation_is_one_battle_with_the_enemy_as_a_side():
    text = "تضررت المدينة القديمة خلال معارك طرد تنظيم داعش من الموصل"
    fact = _events(text, "Battle")[0]
    assert _role(fact, "participant") == ["Islamic State (ISIS / Daesh)"]
    # nobody is said to have been driven out yet, and ISIS drove out nobody
    assert not [f for f in athar.read(text, published=PUBLISHED).facts if f.type == "Liberation"]


@pytest.mark.parametrize("text", [
    pytest.param("قتل ثلاثة مدنيين بضربات نفذها طيران التحالف الدولي على قرية الباغوز", id="strikes-carried-out"),
    pytest.param("قتل ثلاثة مدنيين في غارة شنها التحالف الدولي على قرية الباغوز", id="raid-launched"),
])
def test_who_carried_out_an_attack_is_its_doer_not_its_target(text):
    fact = _events(text, "Attack")[0]
    assert _role(fact, "agent") == ["Global Coalition against Daesh"]
    assert _role(fact, "target") == []



def test_the_attackers_brigade_is_not_the_victim_of_the_killing_that_came_of_it():
    fact = _events("هاجم مسلحون من لواء ثوار الرقة حاجزا للجيش السوري قرب الطبقة، ما أسفر عن مقتل أربعة جنود",
                   "Attack")[0]
    assert "Liwa Thuwar al-Raqqa" not in _role(fact, "victim")
    assert not [m for r, m in fact.roles if r == "victim" and m.label_ar == "لواء ثوار الرقة"]


def test_who_withdrew_from_a_place_before_it_was_taken_is_the_origin():
    fact = _events("حررت قوات سوريا الديمقراطية بلدة الشدادي، بعد انسحاب عناصر تنظيم داعش منها", "Liberation")[0]
    assert _role(fact, "origin") == ["Islamic State (ISIS / Daesh)"]


def test_who_withdrew_from_a_base_before_it_was_received_handed_it_over():
    fact = _events("تسلم الجيش العراقي قاعدة القيارة، بعد انسحاب قوات التحالف الدولي منها", "Handover")[0]
    assert _role(fact, "agent") == ["Global Coalition against Daesh"]


def test_a_withdrawal_from_elsewhere_names_no_giver():
    fact = _events("تسلم الجيش العراقي قاعدة القيارة، بعد انسحاب قوات التحالف الدولي من سوريا", "Handover")[0]
    assert _role(fact, "agent") == []


@pytest.mark.parametrize("text", [
    pytest.param("أكملت القوات العراقية تطهير قضاء القائم من جيوب تنظيم داعش", id="pockets"),
    pytest.param("تمكنت القوات العراقية من تحرير قضاء القائم من براثن تنظيم داعش", id="clutches"),
])
def test_the_group_a_place_is_freed_from_is_the_origin(text):
    fact = _events(text, "Liberation")[0]
    assert _role(fact, "origin") == ["Islamic State (ISIS / Daesh)"]


def test_the_trainers_group_is_not_trained():
    fact = _events("أنهى 300 عنصر من الشرطة الاتحادية دورة تدريبية على يد خبراء من التحالف الدولي", "Training")[0]
    assert "Global Coalition against Daesh" not in _role(fact, "trainee")


def test_the_terrorists_killed_are_the_members_of_the_group_the_sentence_names():
    fact = _events("واصلت القوات العراقية تطهير قضاء القائم من فلول تنظيم داعش الإرهابي، مما أسفر عن مقتل 40 إرهابيا",
                   "Killing")[0]
    assert _role(fact, "victim") == ["Islamic State (ISIS / Daesh)"]
    assert fact.implied


def test_terrorists_stay_as_named_when_the_sentence_names_no_one_group():
    fact = _events("أعلنت قيادة العمليات مقتل 40 إرهابيا في قصف جوي غرب الأنبار", "Attack")[0]
    assert _role(fact, "victim") == ["militants called terrorists by the source"]


def test_a_masdar_made_passive_has_no_doer_before_it():
    fact = _events('وقال قائد عمليات نينوى، اللواء نجم الجبوري، لقناة العراقية: "اليوم تم افتتاح مديرية شرطة الموصل"',
                   "Establishment")[0]
    assert _role(fact, "agent") == []


def test_who_announces_a_death_is_not_among_the_dead():
    fact = _events("أعلنت قوات سوريا الديمقراطية مقتل عناصر من تنظيم داعش قرب بلدة هجين", "Killing")[0]
    assert _role(fact, "victim") == ["Islamic State (ISIS / Daesh)"]


def test_the_group_whose_patrol_was_attacked_is_the_target():
    fact = _events("أعلن تنظيم داعش أنه نفذ هجوما على دورية للجيش العراقي قرب كركوك", "Attack")[0]
    assert _role(fact, "agent") == ["Islamic State (ISIS / Daesh)"]
    assert _role(fact, "target") == ["Iraqi Army"]


@pytest.mark.parametrize("text, trainer", [
    pytest.param("وتشمل خطة تأهيل الشرطة المحلية، تدريب 400 عنصر على يد مدربين فرنسيين", "French trainers",
                 id="trainers-named-by-nationality"),
    pytest.param("ويجري حاليا تدريب مقاتلي البيشمركة على يد المدربين البريطانيين في أربيل", "British trainers",
                 id="the-trainers-with-the-article"),
])
def test_trainers_named_by_their_nationality_train(text, trainer):
    # the trainers a country sent are the trainers: the force before the comma is trained, not training
    fact = _events(text, "Training")[0]
    assert _role(fact, "agent") == [trainer]


@pytest.mark.parametrize("text", [
    pytest.param("وأعلن التنظيم أمس عن تمكن عناصره في الأيام الأخيرة من قتل عشرة جنود قرب الرمادي", id="its-members"),
    pytest.param("وتمكن مسلحو تنظيم داعش بعد منتصف الليل من قتل خمسة من رعاة الأغنام", id="group-governing-the-masdar"),
])
def test_who_managed_to_kill_killed(text):
    # a verb that governs the masdar (تمكن من): its subject is the killer, not the killed
    fact = _events(text, "Killing")[0]
    assert _role(fact, "agent") == ["Islamic State (ISIS / Daesh)"]
    assert "Islamic State (ISIS / Daesh)" not in _role(fact, "victim")


def test_its_members_are_the_group_the_sentence_is_about():
    # "عناصره": the group that attacked, not the army named nearer
    facts = _events("هاجم تنظيم داعش مواقع الجيش العراقي في بيجي، وتمكن عناصره من قتل ثلاثة جنود", "Killing")
    assert _role(facts[0], "agent") == ["Islamic State (ISIS / Daesh)"]


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("اقتحم مسلحو تنظيم داعش بلدة الضلوعية فجرا. وقال مصدر أمني إن المسلحين تمكنوا من السيطرة على حيين",
                 "TerritorialControl", ["Islamic State (ISIS / Daesh)"], id="the-gunmen-named-before"),
    pytest.param("وقال مصدر أمني إن المسلحين سيطروا على حيين في بلدة الضلوعية", "TerritorialControl", ["gunmen"],
                 id="no-group-named"),
])
def test_the_gunmen_are_the_group_named_before(text, cls, agent):
    assert _role(_events(text, cls)[-1], "agent") == agent


def test_who_reports_a_toll_did_not_kill():
    fact = _events("قالت منظمة العفو الدولية إن حملة لطرد التنظيم من الموصل أسفرت عن مقتل مئات المدنيين", "Killing")[0]
    assert "Amnesty International" not in _role(fact, "agent")
    assert _role(fact, "victim") == ["civilians"]


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("وقال مصدر عسكري إن قوة من البيشمركة انسحبت صباح اليوم من قرية قرب مخمور", "Withdrawal",
                 ["Peshmerga"], id="a-force-of-before-the-verb"),
    pytest.param("استعادت قوات من الجيش العراقي، أمس، ثلاث قرى من مسلحي تنظيم داعش جنوب الموصل", "Liberation",
                 ["Iraqi Army"], id="forces-of-after-the-verb"),
])
def test_a_force_of_a_body_acts_for_it(text, cls, agent):
    fact = _events(text, cls)[0]
    assert _role(fact, "agent") == agent
    assert agent[0] not in _role(fact, "origin")


@pytest.mark.parametrize("text, cls", [
    pytest.param("وقامت القوات الخاصة من الشرطة الاتحادية باعتقال خمسة مطلوبين في كركوك", "Arrest", id="special-forces-of"),
    pytest.param("وتقوم القوات المختصة في قوات الشرطة الاتحادية بتفكيك العبوات الناسفة في الرمادي", "Demining",
                 id="specialised-forces-in"),
])
def test_a_unit_the_article_describes_acts_for_the_body_it_belongs_to(text, cls):
    fact = _events(text, cls)[0]
    assert _role(fact, "agent") == ["Iraqi Federal Police"]
    assert "Iraqi Federal Police" not in _role(fact, "target")


def test_members_in_a_force_stand_for_it():
    fact = _events("استشهد أربعة منتسبين في الجيش العراقي خلال عملية تفتيش شمال تكريت", "Killing")[0]
    assert _role(fact, "victim") == ["Iraqi Army"]


def test_an_attack_to_take_a_place_from_a_force_targets_it():
    fact = _events("وشن التنظيم هجوما واسعا في محاولة لاستعادة بلدة تل أبيض من القوات الكردية", "Attack")[0]
    assert _role(fact, "target") == ["Kurdish forces"]
    assert fact.implied


def test_its_experts_are_the_organization_named_before():
    fact = _events("وقالت دائرة الأمم المتحدة للأعمال المتعلقة بالألغام إن خبراءها أزالوا 300 لغم أرضي من المزارع",
                   "Demining")[0]
    assert _role(fact, "agent") == ["UN Mine Action Service"]


@pytest.mark.parametrize("text, victim", [
    pytest.param("أعلنت خلية الإعلام الأمني مقتل القيادي في داعش أبو عبد الرحمن الأنصاري بضربة جوية قرب الحويجة",
                 "Abu Abd al-Rahman al-Ansari", id="leader-in-the-group"),
    pytest.param("قتل القيادي البارز في التنظيم المدعو أبو خالد العراقي في غارة للتحالف", "Abu Khalid al-Araqi",
                 id="so-called-after-the-body"),
])
def test_a_named_leader_killed_is_the_victim(text, victim):
    facts = [f for f in athar.read(text, published=PUBLISHED).facts if f.type in ("Killing", "Attack")]
    assert any(victim in _role(f, "victim") for f in facts), [(f.type, f.roles) for f in facts]
    assert all("Islamic State (ISIS / Daesh)" not in _role(f, "victim") for f in facts)


def test_the_office_holder_named_before_a_pronoun_acts_not_his_body():
    text = "افتتح رئيس الوزراء العراقي مصطفى الكاظمي السبت مستشفى ابن سينا في الموصل، ليكون أول مستشفى يعاد تأهيله في المدينة"
    fact = _events(text, "Reconstruction")[0]
    assert _role(fact, "agent") == ["Mustafa al-Kadhimi"]


def test_a_landmark_the_event_was_near_is_not_its_place_when_the_clause_says_where():
    text = "قضى خمسة مدنيين بانفجار لغم أرضي قرب مدرسة الفارابي في حي الرميلة بمدينة الرقة"
    fact = _events(text, "Attack")[0]
    assert _role(fact, "place") == ["Al-Ramila neighbourhood"]


@pytest.mark.parametrize("text, key", [
    pytest.param("أعلنت العمليات المشتركة تحرير قرية الزيدية غربي الأنبار", "joint-operations-command",
                 id="joint-operations-without-command"),
    pytest.param("سيطرت فصائل الجيش الحر على قرية الزيدية", "fsa", id="free-army"),
    pytest.param("هاجم مقاتلو الجيش السوري الحر مواقع التنظيم", "fsa", id="free-syrian-army-not-the-syrian-army"),
])
def test_the_short_names_of_known_bodies(text, key):
    doc = athar.read(text, published=PUBLISHED)
    agents = {m.key for f in doc.facts if not f.relation for r, m in f.roles if r == "agent"}
    assert key in agents and "syrian-army" not in agents


def test_a_joint_operations_room_is_no_iraqi_command():
    doc = athar.read("أعلنت غرفة العمليات المشتركة للفصائل بدء الهجوم على القرية", published=PUBLISHED)
    assert "joint-operations-command" not in {m.key for m in doc.mentions}


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("وأكد مصدر أن الجيش العراقي دخل القائم، فيما أعلن التنظيم أن مقاتليه انسحبوا من المدينة.",
                 "Withdrawal", "Islamic State (ISIS / Daesh)", id="speaker-of-the-clause-after-a-comma"),
    pytest.param("دخلت قوات سوريا الديمقراطية البلدة، بينما قال الجيش السوري إن قواته انسحبت من تدمر.",
                 "Withdrawal", "Syrian Arab Army", id="while-another-says"),
    pytest.param("أعلنت قيادة العمليات المشتركة، في بيان، أن قواتها حررت قرية البو حياة.", "Liberation",
                 "Iraqi Joint Operations Command", id="no-body-after-the-comma-the-first-of-the-sentence"),
])
def test_its_forces_in_a_reported_clause_are_those_of_the_speaker_of_that_clause(text, cls, agent):
    assert _role(_events(text, cls)[0], "agent") == [agent]


@pytest.mark.parametrize("text", [
    pytest.param("قامت قوة المهام المشتركة - عملية العزم الصلب بتسليم معسكر الحبانية إلى القوات العراقية",
                 id="light-verb-hyphen"),
    pytest.param("جرت أمس مراسم تسليم معسكر الحبانية من قوة المهام المشتركة – عملية العزم الصلب إلى الجيش العراقي",
                 id="from-the-giver-dash"),
])
def test_the_coalitions_task_force_named_by_its_operation_is_the_giver(text):
    # the coalition's command is named after its operation ("عملية العزم الصلب"): a force, no operation
    fact = _events(text, "Handover")[0]
    assert _role(fact, "agent") == ["Combined Joint Task Force – Operation Inherent Resolve"]


@pytest.mark.parametrize("text, cls", [
    pytest.param("وتقدمت وحدات من الجيش السوري داخل بلدة تدمر من عدة محاور", "MilitaryOperation", id="units-advance"),
    pytest.param("وهاجمت مفرزة من الشرطة العراقية وكرا للتنظيم في قرية البو حياة", "Attack", id="detachment-attacks"),
])
def test_a_body_of_a_force_after_a_verb_stands_for_the_force(text, cls):
    # units and detachments are the force at work; men of a group after a verb are what was done to
    # ("اعتقلت القوات عناصر من التنظيم")
    agents = _role(_events(text, cls)[0], "agent")
    assert agents and set(agents) <= {"Syrian Arab Army", "Iraqi Police"}


def test_members_of_a_group_after_a_verb_are_what_was_done_to():
    fact = _events("اعتقلت القوات العراقية عناصر من تنظيم داعش في قرية البو حياة", "Arrest")[0]
    assert "Islamic State (ISIS / Daesh)" not in _role(fact, "agent")


@pytest.mark.parametrize("text, agent", [
    pytest.param("حررت فصائل الجيش السوري الحر، اليوم الأحد، بلدة الراعي بريف حلب الشمالي، وذلك في إطار عملية “درع الفرات”",
                 "Free Syrian Army", id="in-the-frame-of"),
    pytest.param("فرضت وحدات من الجيش السوري سيطرتها الكاملة على قرية مسعدة بعد عمليات مكثفة على مواقع التنظيم",
                 "Syrian Arab Army", id="after-operations"),
    pytest.param("اعتقلت قوات سوريا الديمقراطية خلية لتنظيم داعش في بلدة الشحيل خلال حملة أمنية",
                 "Syrian Democratic Forces (SDF)", id="during-a-campaign"),
])
def test_an_operation_that_frames_a_deed_before_it_is_the_doers(text, agent):
    assert _role(_events(text, "MilitaryOperation")[0], "agent") == [agent]


def test_a_crime_before_a_campaign_gives_the_campaign_no_doer():
    # the group abducted during a campaign; the campaign is not its deed in the field
    facts = _events("اختطف تنظيم داعش عشرين مدنيا من قرية الكوم خلال حملة عسكرية في البادية", "MilitaryOperation")
    assert "Islamic State (ISIS / Daesh)" not in _role(facts[0], "agent")


def test_an_operation_that_names_its_own_party_is_not_the_doers_of_the_deed_before():
    # the coalition's operations came before the army took the town; they are not the army's
    facts = _events("استعادت القوات العراقية قضاء القائم بعد عمليات عسكرية للتحالف الدولي استمرت أسابيع", "Liberation")
    doc = athar.read("استعادت القوات العراقية قضاء القائم بعد عمليات عسكرية للتحالف الدولي استمرت أسابيع",
                     published=PUBLISHED)
    operations = [f for f in doc.facts if f.type == "MilitaryOperation"]
    assert facts and all("Iraqi Security Forces" not in _role(f, "agent") for f in operations)



@pytest.mark.parametrize("text", [
    pytest.param("وأكدت منظمة أطباء بلا حدود أنه في ليلة الخميس، قتل خمسة مدنيين بانفجار لغم قرب المستشفى",
                 id="fi-a-night"),
    pytest.param("وقالت المنظمة الدولية للهجرة أنه منذ بداية العمليات العسكرية عاد أكثر من 300 ألف نازح إلى الموصل",
                 id="mundhu"),
])
def test_the_pronoun_of_the_matter_names_no_doer(text):
    # "أنه" before a fronted phrase of time (ضمير الشأن) is no speaker speaking of itself: the body that
    # said it did nothing the clause tells
    speaker = next(_role(f, "agent") for f in _events(text, "Statement"))
    assert all(not set(speaker) & set(_role(f, "agent")) for f in athar.read(text, published="2020-11-16").facts
               if f.type != "Statement")


@pytest.mark.parametrize("text, speaker", [
    pytest.param("أعلنت وزارة الداخلية العراقية، اليوم الأحد، أنها تسلمت من قوات سوريا الديمقراطية 150 عنصرا من تنظيم داعش",
                 "Iraqi Ministry of Interior", id="ministry-annaha"),
    pytest.param("وقالت الحكومة العراقية إنها تسلمت من التحالف الدولي قاعدة القيارة الجوية جنوب الموصل",
                 "Iraqi government", id="government-innaha"),
])
def test_a_speaker_who_speaks_of_itself_is_the_subject_whatever_role_it_gives(text, speaker):
    # the subject of تسلّم is who received: the speaker who says "أنها تسلمت" is the recipient
    fact = _events(text, "Handover")[0]
    assert _role(fact, "recipient") == [speaker]
