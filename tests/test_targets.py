"""What an attack was made on, as news writing says it: the subject of a verb of undergoing
(sentences written for these tests, none copied from a corpus)."""

from __future__ import annotations

import pytest

from tests.reading import events_of, role_labels

ISIS = "Islamic State (ISIS / Daesh)"
SDF = "Syrian Democratic Forces (SDF)"


@pytest.mark.parametrize("text, target, agent", [
    pytest.param("تعرضت قوات سوريا الديمقراطية لهجوم شنه تنظيم داعش في ريف دير الزور", SDF, ISIS,
                 id="underwent-an-attack"),
    pytest.param("تعرض رتل للجيش العراقي لهجوم بعبوة ناسفة قرب الرمادي", "Iraqi Army", None,
                 id="a-convoy-of-the-army"),
    pytest.param("وأصيب ثلاثة من عناصر الجيش العراقي بهجوم لداعش قرب كركوك", "Iraqi Army", ISIS,
                 id="wounded-in-an-attack"),
    pytest.param("أصيب ثلاثة من مقاتلي قسد بإطلاق نار من قبل مسلحين مجهولين قرب بلدة الشحيل",
                 SDF, "gunmen", id="wounded-by-gunfire"),
])
def test_who_underwent_an_attack_is_its_target_not_its_doer(text, target, agent):
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "target") == [target]
    assert role_labels(fact, "agent") == ([agent] if agent else [])


@pytest.mark.parametrize("text, target, place", [
    pytest.param("فجر انتحاري حزامه الناسف في سوق شعبي في مدينة كركوك", "سوق شعبي", "Kirkuk",
                 id="a-market"),
    pytest.param("تبنى تنظيم داعش التفجير الانتحاري داخل مطعم في مدينة منبج", "مطعم", "Manbij",
                 id="inside-a-restaurant"),
    pytest.param("وشهدت مدينة المقدادية تفجيرين انتحاريين في مقهى شعبي", "مقهى شعبي", None,
                 id="a-cafe"),
])
def test_the_building_an_attack_struck_inside_is_its_target(text, target, place):
    fact = events_of(text, "Attack")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == [target]
    assert place is None or role_labels(fact, "place") == [place]


@pytest.mark.parametrize("text, target, place", [
    pytest.param("سقطت ثلاث قذائف هاون بالقرب من كنيسة مار توما في مدينة القامشلي", "كنيسة مار توما", "Qamishli",
                 id="shells-near-a-church"),
    pytest.param("انفجرت سيارة مفخخة قرب سوق شعبي وسط مدينة كركوك", "سوق شعبي", "Kirkuk",
                 id="a-car-bomb-near-a-market"),
])
def test_the_building_an_attack_struck_near_is_its_target_when_the_town_is_named(text, target, place):
    fact = events_of(text, "Attack")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == [target]
    assert role_labels(fact, "place") == [place]


@pytest.mark.parametrize("text", [
    pytest.param("سقطت ثلاث قذائف هاون بالقرب من كنيسة مار توما", id="no-town-named"),
    pytest.param("انفجرت عبوة ناسفة قرب دوار الساعة في مدينة كركوك", id="open-ground"),
])
def test_near_a_building_no_town_names_or_near_open_ground_no_target_is_read(text):
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "target") == []


@pytest.mark.parametrize("text", [
    pytest.param("سقطت ثلاث قذائف هاون بالقرب من كنيسة مار توما في مدينة القامشلي، ما أدى إلى إحداث أضرار مادية فيها",
                 id="damage-near"),
    pytest.param("انفجرت عبوة ناسفة داخل مدرسة الفرات في مدينة الرقة مما أسفر عن إلحاق أضرار بها", id="damage-inside"),
])
def test_the_damage_an_attack_brought_about_was_done_to_the_building_it_struck(text):
    attack, damage = events_of(text, "Attack")[0], events_of(text, "Destruction")[0]
    struck = [m.label_ar for r, m in attack.roles if r == "target"]
    assert struck and [m.label_ar for r, m in damage.roles if r == "target"] == struck


def test_a_bomb_blown_inside_a_building_is_an_attack_there_not_its_destruction():
    fact = events_of("فجرت انتحارية حزامها الناسف في سوق مزدحمة ببلدة المسيب", "Attack")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == ["سوق مزدحمة"]


@pytest.mark.parametrize("text, target", [
    pytest.param("أعلنَ مصدرٌ أمنيٌّ عراقيٌّ اليومَ أنّ انتحارياً فجّر حزامه الناسف في مقهى شعبي ببغداد", "مقهى شعبي",
                 id="vowelled-before"),
    pytest.param("ذكر ضابط في الشرطة أن انتحاريا فجر نفسه في مجلس العزاء المقام لأحد الوجهاء بقضاء المقدادية",
                 "مجلس العزاء", id="a-wake-with-the-article"),
])
def test_a_building_a_bomb_went_off_in_is_attacked_not_destroyed_whatever_the_text_drops_before(text, target):
    # the vowels normalization drops before the building leave the preposition before it where it is
    fact = events_of(text, "Attack")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == [target]


def test_a_building_blown_up_is_destroyed():
    fact = events_of("فجر عناصر داعش مستشفى الرقة الوطني", "Destruction")[0]
    assert role_labels(fact, "target") == ["Raqqa Hospital"]


@pytest.mark.parametrize("text, cls, role, side", [
    pytest.param("استعاد الجيش العراقي قرية البو حمد من مسلحي داعش، واقتحم قرية ثانية قرب الرمادي",
                 "Attack", "target", ISIS, id="stormed-after-retaking"),
    pytest.param("قتلت قوات سوريا الديمقراطية خمسة من عناصر داعش في ريف الحسكة، وهاجمت مواقع قرب الشدادي",
                 "Attack", "target", ISIS, id="attacked-after-killing"),
    pytest.param("هاجمت قوات البيشمركة مواقع لداعش قرب مخمور وحررت قرية كديلة", "Liberation", "origin", ISIS,
                 id="liberated-after-attacking"),
])
def test_the_same_doer_going_on_acts_against_the_side_of_its_event_before(text, cls, role, side):
    fact = events_of(text, cls)[0]
    assert role_labels(fact, role) == [side]


def test_another_doer_takes_no_side_from_the_event_before():
    text = "طردت قوات سوريا الديمقراطية مسلحي داعش من قرية في ريف الحسكة، وهاجمت القوات التركية قرية قرب رأس العين"
    fact = [f for f in events_of(text, "Attack") if "Turkish" in " ".join(role_labels(f, "agent"))]
    assert fact and role_labels(fact[0], "target") == []



@pytest.mark.parametrize("text, cls", [
    pytest.param("شن الجيش السوري عملية عسكرية في بادية حمص، ما دفع تنظيم داعش إلى الانسحاب من عدة نقاط",
                 "MilitaryOperation", id="made-it-withdraw"),
    pytest.param("اقتحمت قوات البيشمركة مخزنا قرب سنجار كان يتحصن فيه مسلحون من تنظيم داعش", "Attack",
                 id="where-they-were-holed-up"),
])
def test_a_state_forces_operation_is_made_on_the_one_armed_group_its_sentence_names(text, cls):
    assert role_labels(events_of(text, cls)[0], "target") == [ISIS]


@pytest.mark.parametrize("text", [
    pytest.param("شن الجيش العراقي هجوما قرب القائم، بعد أن هاجم تنظيم داعش وهيئة تحرير الشام نقاطا للجيش",
                 id="two-groups"),
    pytest.param("نفذت هيئة تحرير الشام هجوما على قرية قرب إدلب، فيما قال تنظيم داعش إنه قتل جنديين",
                 id="a-group-as-the-doer"),
])
def test_no_side_is_guessed_among_several_groups_nor_for_a_group(text):
    assert role_labels(events_of(text, "Attack")[0], "target") == []


@pytest.mark.parametrize("text, target", [
    pytest.param("تعرضت دورية للجيش العراقي إلى تفجير بعبوة ناسفة قرب الرمادي", "Iraqi Army", id="a-patrol-to-a-blast"),
    pytest.param("تعرضت قوات سوريا الديمقراطية إلى هجوم في ريف دير الزور", SDF, id="forces-to-an-attack"),
])
def test_who_underwent_an_attack_after_ila_is_its_target(text, target):
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "target") == [target]
    assert role_labels(fact, "agent") == []


@pytest.mark.parametrize("text, agent", [
    pytest.param("شن مسلحون من تنظيم داعش هجوما على قرية الزهيرات شمال بعقوبة", ISIS, id="an-attack"),
    pytest.param("وصدت القوات الأمنية هجوم داعش على قرية الزهيرات", ISIS, id="the-attack-of"),
    pytest.param("وتواصلت هجمات تنظيم داعش على قرية الزهيرات منذ يومين", ISIS, id="attacks"),
    pytest.param("نفذ التنظيم هجومين على قرية الزهيرات ليلة أمس", ISIS, id="two-attacks"),
    pytest.param("وكان مسلحو داعش قد هاجموا على قرية الزهيرات قبل يومين", ISIS, id="attacked-on"),
])
def test_a_town_an_attack_was_made_on_is_its_target_and_its_place(text, agent):
    fact = events_of(text, "Attack")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == ["الزهيرات"]
    assert [m.label_ar for r, m in fact.roles if r == "place"] == ["الزهيرات"]


def test_the_towns_an_attack_was_made_on_share_the_target():
    fact = events_of("بالتزامن مع هجماتهم على قرية الزهيرات وقرية المنصورية", "Attack")[0]
    assert sorted(m.label_ar for r, m in fact.roles if r == "target") == ["الزهيرات", "المنصورية"]


def test_a_town_an_attack_was_made_in_is_only_its_place():
    fact = events_of("شن مسلحون من تنظيم داعش هجوما في قرية الزهيرات على نقطة للجيش", "Attack")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] != ["الزهيرات"]
    assert [m.label_ar for r, m in fact.roles if r == "place"] == ["الزهيرات"]


def test_a_town_a_states_forces_attacked_is_not_what_they_attacked():
    # the side holding it is (athar.read.opponent): the army takes no town as its foe
    fact = events_of("شنت القوات العراقية هجوما على قرية الزهيرات التي يسيطر عليها تنظيم داعش", "Attack")[0]
    assert "الزهيرات" not in [m.label_ar for r, m in fact.roles if r == "target"]
    assert [m.label_ar for r, m in fact.roles if r == "place"] == ["الزهيرات"]


@pytest.mark.parametrize("text, town", [
    pytest.param("تعرضت بلدة الرشاد، شرقي كركوك، لهجوم شنه تنظيم داعش", "Al-Rashad", id="located-between-commas"),
    pytest.param("تعرضت قرية البشير، جنوبي كركوك إلى هجوم من تنظيم داعش", "Al-Bashir", id="located-then-ila"),
])
def test_a_town_that_underwent_an_attack_past_the_words_locating_it_is_its_target(text, town):
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "target") == [town]
    assert role_labels(fact, "place") == [town]
    assert role_labels(fact, "agent") == [ISIS]


def test_a_town_a_states_forces_struck_is_not_what_it_underwent():
    fact = events_of("تعرضت مدينة الرقة لقصف من طيران التحالف", "Attack")[0]
    assert role_labels(fact, "target") == []


@pytest.mark.parametrize("text, target", [
    pytest.param("شن مسلحون مجهولون هجوما على مركز للشرطة شمال تكريت", "مركز للشرطة", id="a-police-station"),
    pytest.param("شن مسلحون هجوما على مدرسة قرب الرمادي", "مدرسة", id="a-school"),
])
def test_the_building_an_attack_was_made_on_is_its_target(text, target):
    fact = events_of(text, "Attack")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == [target]
    assert role_labels(fact, "agent") == ["gunmen"]


def test_a_workshop_blown_up_is_what_was_destroyed():
    fact = events_of("دمر طيران التحالف معملا لتفخيخ السيارات في قضاء عانة", "Destruction")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == ["معملا"]
    assert role_labels(fact, "place") == ["Anah"]


def test_a_partys_own_base_named_by_its_pronoun_is_what_it_handed_over():
    fact = events_of("سلمت قوات التحالف الدولي مقرها في محافظة نينوى إلى قوات وزارة الدفاع العراقية", "Handover")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == ["مقرها"]
    assert role_labels(fact, "place") == ["Nineveh Governorate"]


def test_a_partys_own_headquarters_in_the_broken_plural_are_what_it_burned():
    fact = events_of("وقام عناصر التنظيم أمس بإحراق مقارهم في المخيم قبل خروجهم منه", "Destruction")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == ["مقارهم"]


@pytest.mark.parametrize("text, target", [
    pytest.param("تبنى تنظيم داعش الهجوم الذي استهدف مجلسا للعزاء في قضاء المقدادية", "مجلسا للعزاء", id="a-wake"),
    pytest.param("انفجرت سيارة مفخخة في محطة للحافلات في بغداد", "محطة للحافلات", id="a-bus-station"),
])
def test_a_gathering_or_station_a_bomb_struck_is_its_target_not_a_council(text, target):
    fact = events_of(text, "Attack")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == [target]


def test_a_pronoun_of_people_on_an_attack_is_who_made_it_not_the_town_before():
    fact = events_of("سيطر مسلحو داعش على قرى شمال شرق السويداء، بالتزامن مع هجماتهم على المتونة وتيما", "Attack")[0]
    assert role_labels(fact, "target") == []
    assert role_labels(fact, "agent") == [ISIS]


@pytest.mark.parametrize("text, cls", [
    pytest.param("قال البيان إن قوات خاصة من عدة دول شاركت في تطهير مواقع لتنظيم داعش في ريف الحسكة، وتوقيف عدد من مقاتليه",
                 "Arrest", id="the-arresting-forces"),
])
def test_an_event_is_not_made_on_its_own_doer(text, cls):
    fact = events_of(text, cls)[0]
    doers = {m.key for r, m in fact.roles if r == "agent"}
    assert doers and not doers & {m.key for r, m in fact.roles if r in ("target", "origin")}


def test_a_suicide_bomber_is_not_what_the_attack_he_drove_was_made_on():
    fact = events_of("وقالت مصادر محلية إن سيارة مفخخة يقودها انتحاري استهدفت حاجزا للجيش وسط مدينة القامشلي", "Attack")[0]
    assert "suicide bomber" not in role_labels(fact, "target")


@pytest.mark.parametrize("text, target", [
    pytest.param("شن تنظيم داعش هجوما على نقاط عسكرية في محيط مدينة الرقة", "نقاط عسكرية", id="military-points"),
    pytest.param("هاجم مسلحو التنظيم موقعا عسكريا في ريف دير الزور", "موقعا عسكريا", id="a-military-position"),
])
def test_military_positions_named_by_a_common_noun_are_what_an_attack_was_made_on(text, target):
    fact = events_of(text, "Attack")[0]
    assert [m.label_ar for r, m in fact.roles if r == "target"] == [target]


# -- a verb of reaching after the event: what it was done to -------------------------------------

@pytest.mark.parametrize("text, target", [
    pytest.param("وتشهد المنطقة عمليات اغتيال تطال عددا من عناصر الجيش العراقي", "Iraqi Army",
                 id="reaching-some-of-its-members"),
    pytest.param("تواصلت الاغتيالات التي تطال عناصر قسد في ريف الحسكة", SDF, id="which-reach"),
    pytest.param("وطال القصف منازل المدنيين في البلدة صباح اليوم", "homes", id="the-shelling-reached"),
])
def test_what_a_verb_of_reaching_names_after_the_event_is_its_target_not_its_doer(text, target):
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "target") == [target]
    assert role_labels(fact, "agent") == []


@pytest.mark.parametrize("text, victims", [
    pytest.param("وتشهد المنطقة عمليات اغتيال تطال عددا من عناصر الجيش العراقي", ["Iraqi Army"],
                 id="an-assassination-kills-whom-it-targets"),
    pytest.param("واغتال التنظيم عناصر قسد قرب بلدة الشحيل", ["Syrian Democratic Forces (SDF)"],
                 id="the-verb-with-its-conjunction"),
    pytest.param("نجا ضابط من محاولة اغتيال نفذها تنظيم داعش في كركوك", [], id="an-attempt-kills-no-one"),
])
def test_an_assassination_kills_whom_it_is_made_on(text, victims):
    assert role_labels(events_of(text, "Attack")[0], "victim") == victims
