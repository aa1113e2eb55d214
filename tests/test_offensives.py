"""Offensives and captures as the genre tells them: an armed party advancing, an offensive begun,
a campaign named by the ground it seeks a few words on, a party announcing its own control, fire
set to what war destroys. Each rule with sentences written for it (not from data/eval)."""

from __future__ import annotations

import pytest

from tests.reading import events_by_class, events_of, role_labels


@pytest.mark.parametrize("text, place", [
    pytest.param("تقدمت قوات الجيش العراقي إلى داخل الأحياء الغربية في مدينة تكريت", "تكريت", id="advance-into"),
    pytest.param("وتقدمت فصائل المعارضة المسلحة لقرى جديدة في ريف حلب الشمالي", "ريف حلب الشمالي", id="advance-to-villages"),
    pytest.param("يتقدم مقاتلو البيشمركة في سهل نينوى منذ الصباح", "نينوى", id="advancing-imperfect"),
])
def test_an_armed_party_advancing_is_an_offensive(text, place):
    (op,) = events_of(text, "MilitaryOperation")
    assert op.role("agent"), op.roles
    assert any(place in (m.label_ar or "") or (m.label_ar or "") in place for m in op.role("place")), op.roles


@pytest.mark.parametrize("text", [
    pytest.param("تقدم الفريق بهدفين نظيفين في الشوط الأول", id="a-team-leads"),
    pytest.param("تقدمت الوزارة بطلب رسمي إلى البرلمان", id="a-ministry-files"),
    pytest.param("تقدمت المفاوضات بين الحكومة والنقابات خطوة جديدة", id="talks-advance"),
    pytest.param("سيطرت القوات على المزارع في محيط القرى التي تقدمت إليها الفرقة المدرعة", id="relative-clause"),
])
def test_no_offensive_without_an_armed_party_advancing(text):
    assert "MilitaryOperation" not in events_by_class(text)


def test_an_advance_towards_a_place_is_an_offensive_on_that_place():
    """Milestone 13: an armed party advancing towards a place is an offensive there, as the gold
    codes it (3 of 4 dev facts; tests/test_advance.py), no longer a movement of forces."""
    (op,) = events_of("تتقدم قوات الشرطة الاتحادية باتجاه ناحية القيروان", "MilitaryOperation")
    assert role_labels(op, "agent") and any("القيروان" in (m.label_ar or "") for m in op.role("place")), op.roles
    assert "Redeployment" not in events_by_class("تتقدم قوات الشرطة الاتحادية باتجاه ناحية القيروان")


@pytest.mark.parametrize("text, agent, place", [
    pytest.param("قال مصدر عسكري إن قوات الجيش العراقي بدأت في تطهير قضاء الشرقاط من مسلحي داعش",
                 "الجيش العراقي", "الشرقاط", id="began-clearing"),
    pytest.param("وشرعت قوات سوريا الديمقراطية بتحرير حي الرميلة شرقي الرقة", "قوات سوريا الديمقراطية", "الرميلة",
                 id="set-about-liberating"),
])
def test_an_offensive_begun_is_an_operation_not_a_liberation(text, agent, place):
    found = events_by_class(text)
    assert "Liberation" not in found, found
    (op,) = found["MilitaryOperation"]
    assert any(agent in (m.label_ar or "") for m in op.role("agent")), op.roles
    assert any(place in (m.label_ar or "") for m in op.role("place")), op.roles


def test_a_liberation_told_after_the_offensive_began_stays():
    found = events_by_class("حررت القوات العراقية ناحية البغدادي بعد أن بدأت الهجوم قبل ثلاثة أيام")
    assert [f.trigger for f in found["Liberation"]] == ["حررت"], found


def test_a_movement_begun_is_no_operation():
    """Only the taking of ground begun is an offensive: families beginning to return return."""
    assert "MilitaryOperation" not in events_by_class("وبدأت مئات العائلات النازحة في العودة إلى قضاء سنجار")


def test_a_battle_begun_is_one_operation():
    """"بدء معركة استعادة المدينة": the operation is told by "بدء معركة"; its aim adds none."""
    ops = events_by_class("دخلت القوات مدينة الطبقة بعد ساعة على بدء معركة استعادة المدينة")["MilitaryOperation"]
    assert len(ops) == 1, [(f.trigger, f.evidence.text) for f in ops]


def test_a_campaign_named_by_the_ground_it_seeks_a_few_words_on():
    found = events_by_class("وتعد السيطرة على المطار أهم تقدم في حملة يدعمها التحالف الدولي لاستعادة مدينة الرقة")
    ops = [f for f in found.get("MilitaryOperation", []) if "حملة" in f.evidence.text]
    assert len(ops) == 1, found
    assert role_labels(ops[0], "place") and ops[0].modality == "Asserted", ops[0]
    assert not [f for f in found.get("Liberation", []) if "الرقة" in f.evidence.text[-12:]]


def test_a_campaign_read_by_its_own_word_is_not_read_twice():
    ops = events_by_class("أطلق التحالف حملة للتحالف لطرد تنظيم داعش من مدينة هجين")["MilitaryOperation"]
    assert len(ops) == 1, [(f.trigger, f.evidence.text) for f in ops]


@pytest.mark.parametrize("text", [
    pytest.param("أعلن الجيش السوري سيطرته على مدينة الميادين بريف دير الزور", id="announced-his-control"),
    pytest.param("وأعلنت قسد سيطرتها على بلدة الشحيل شرقي دير الزور", id="announced-her-control"),
])
def test_a_party_announcing_its_own_control_took_the_place(text):
    found = events_by_class(text)
    assert "Liberation" in found and "TerritorialControl" not in found, found


def test_setting_fire_to_what_war_destroys_is_a_destruction():
    (fire,) = events_of("وأشعل مسلحو التنظيم النار في حقول القمح قرب بلدة مخمور", "Destruction")
    assert fire.role("agent")


def test_lighting_candles_is_no_destruction():
    assert "Destruction" not in events_by_class("أشعل المشاركون الشموع في ساحة التحرير إحياء لذكرى الضحايا")


def test_an_operation_that_names_a_force_is_no_operation():
    named = 'وأكد التحالف أن قواته المعروفة باسم "قوة المهام المشتركة - عملية العزم الصلب" ستبقى في العراق'
    assert "MilitaryOperation" not in events_by_class(named)
    assert "MilitaryOperation" in events_by_class("وتواصل قوات التحالف عملية العزم الصلب ضد تنظيم داعش في سوريا")


@pytest.mark.parametrize("text, cls", [
    pytest.param("ودمرت القوات عددا من الآليات التابعة للتنظيم", "Destruction", id="a-number-of"),
    pytest.param("وأسفرت الاشتباكات عن تدمير عدد من الآليات العسكرية", "Destruction", id="masdar-a-number-of"),
    pytest.param("وأسفر القصف عن تدمير العديد من المخازن", "Destruction", id="masdar-many"),
])
def test_a_verb_takes_its_object_across_a_count_in_words(text, cls):
    assert cls in events_by_class(text), events_by_class(text)


def test_a_count_of_other_things_tells_no_aid():
    assert "ServiceProvision" not in events_by_class("قدم الوزير العديد من المقترحات إلى البرلمان")


@pytest.mark.parametrize("text", [
    pytest.param("وسيطرت القوات العراقية على حي الزهور بعد اقتحامه من ثلاثة محاور", id="after-storming"),
    pytest.param("وتحدثت مصادر عن سيطرة القوات المشتركة على مطار الصينية فيما نجحت قوات أخرى في استعادة أبراج المصفاة",
                 id="beside-a-recapture"),
])
def test_control_taken_by_state_forces_in_an_assault_is_a_capture(text):
    found = events_by_class(text)
    assert "Liberation" in found and "TerritorialControl" not in found, found


def test_control_held_by_a_supported_force_stays_control():
    found = events_by_class("تسيطر قوات سوريا الديمقراطية المدعومة من التحالف على حقل العمر النفطي")
    assert "TerritorialControl" in found and "Liberation" not in found, found


def test_control_held_since_a_recapture_stays_control():
    found = events_by_class("تسيطر القوات العراقية على مدينة الرمادي منذ استعادتها من داعش")
    assert [f.trigger for f in found["TerritorialControl"]] == ["تسيطر"], found


@pytest.mark.parametrize("text, place", [
    pytest.param("دخلت قوات الجيش العراقي مدينة الفلوجة صباح اليوم", "الفلوجة", id="entered-a-city"),
    pytest.param("توغلت القوات التركية في ريف الحسكة الشمالي", "الحسكة", id="an-incursion"),
])
def test_an_armed_party_entering_a_place_is_an_offensive(text, place):
    (op,) = events_of(text, "MilitaryOperation")
    assert op.role("agent"), op.roles
    assert any(place in (m.label_ar or "") for m in op.role("place")), op.roles
    assert "Redeployment" not in events_by_class(text)


@pytest.mark.parametrize("text", [
    pytest.param("تدخلت القوات الأمريكية لتهدئة التوتر بين العشائر في دير الزور", id="intervened"),
    pytest.param("تدخلوا لدى الحكومة لإطلاق سراح الموقوفين في البصرة", id="they-intervened"),
])
def test_intervening_is_no_entry(text):
    found = events_by_class(text)
    assert "Redeployment" not in found and "MilitaryOperation" not in found, found


@pytest.mark.parametrize("text", [
    pytest.param("تجمع المتظاهرون في ساحة التحرير وسط بغداد", id="tahrir-square"),
    pytest.param("أغلقت البلدية شارع التحرير في مدينة البصرة أمام السيارات", id="a-street-named-so"),
])
def test_a_place_named_after_a_liberation_tells_none(text):
    assert "Liberation" not in events_by_class(text)


@pytest.mark.parametrize("text", [
    pytest.param("أطلقت الشرطة حملة لاستعادة السيارات المسروقة في بغداد", id="goods-sought"),
    pytest.param("أطلق الجيش حملة لاستعادة ثقة المواطنين في الموصل", id="trust-sought"),
])
def test_a_campaign_for_what_is_no_ground_is_no_operation(text):
    assert "MilitaryOperation" not in events_by_class(text)


@pytest.mark.parametrize("text", [
    pytest.param("بدأت الشرطة في تطهير الشوارع من النفايات في البصرة", id="streets-of-rubbish"),
    pytest.param("قامت البلدية بتطهير المدارس من الفيروسات في الموصل", id="schools-of-viruses"),
])
def test_cleaning_takes_no_ground(text):
    found = events_by_class(text)
    assert "Liberation" not in found and "MilitaryOperation" not in found, found


@pytest.mark.parametrize("text", [
    pytest.param("وتزامن القصف مع هجوم بدأته قوات البيشمركة فجر الثلاثاء على مواقع التنظيم جنوب كركوك", id="begun-by-it"),
    pytest.param("وخسر التنظيم أغلب مناطقه في الأنبار أمام القوات العراقية في هجوم بدأ في الربيع الماضي", id="begun-in"),
    pytest.param("وتواصل القوات الهجوم الذي بدأته قبل أسبوعين على معاقل داعش غرب الموصل", id="which-it-began"),
])
def test_an_attack_told_by_the_verb_that_began_it_is_an_offensive(text):
    found = events_by_class(text)
    assert found.get("MilitaryOperation") and not found.get("Attack"), found
