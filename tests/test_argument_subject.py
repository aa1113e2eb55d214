"""Who did it when news writing names the doer away from the verb: a subject fronted before its
verb, the subject of a clause a reporting verb opens with "أن", "the forces" standing for the
forces named before (sentences written for these tests, none copied from a corpus)."""

from __future__ import annotations

import pytest

import athar
from reading import events_of, role_labels

PUBLISHED = "2021-03-10"
ISIS = "Islamic State (ISIS / Daesh)"


def _event(text: str, cls: str):
    return events_of(text, cls, PUBLISHED)[0]


@pytest.mark.parametrize("text, agent", [
    pytest.param("قوات الأمن اعتقلت خمسة من عناصر داعش في الموصل", "security forces", id="feminine-perfect"),
    pytest.param("قوات الأمن تعتقل خمسة من عناصر داعش في الموصل", "security forces", id="imperfect"),
    pytest.param("الجيش العراقي اعتقل خمسة من عناصر داعش في الموصل", "Iraqi Army", id="masculine-perfect"),
    pytest.param("قوات الأمن اعتقلوا خمسة من عناصر داعش في الموصل", "security forces", id="plural"),
    pytest.param("وقال مصدر إن الشرطة الاتحادية اعتقلت خمسة من عناصر داعش", "Iraqi Federal Police",
                 id="after-inna"),
])
def test_a_subject_before_its_verb_leaves_the_words_after_it_to_the_object(text, agent):
    # the members counted after the verb are who was arrested, not who arrested
    fact = _event(text, "Arrest")
    assert role_labels(fact, "agent") == [agent]
    assert role_labels(fact, "target") == [ISIS]


@pytest.mark.parametrize("verb", ["قتل", "قتلت", "قتلوا", "يقتل"])
def test_a_fronted_subject_kills_the_members_counted_after_the_verb(verb):
    fact = _event(f"الحشد الشعبي {verb} عشرة من مسلحي داعش قرب بيجي", "Killing")
    assert role_labels(fact, "agent") == ["Popular Mobilization Forces"]
    assert role_labels(fact, "victim") == [ISIS]


def test_the_verb_first_keeps_its_subject_after_it():
    fact = _event("اعتقلت قوات الأمن خمسة من عناصر داعش في الموصل", "Arrest")
    assert role_labels(fact, "agent") == ["security forces"]
    assert role_labels(fact, "target") == [ISIS]


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("وأشار المتحدث إلى أن مفوضية اللاجئين نجحت في إرسال قوافل إنسانية إلى القامشلي",
                 "ServiceProvision", "UNHCR", id="masdar-after-najahat"),
    pytest.param("وأضاف أن منظمة الصحة العالمية افتتحت مستشفى ميدانيا في الرقة", "Establishment",
                 "World Health Organization", id="verb"),
    pytest.param("وأوضح أن البيشمركة حررت قرية تل الريم من تنظيم داعش", "Liberation", "Peshmerga", id="liberation"),
    pytest.param("ولفت إلى أن “منظمة الصحة العالمية قررت إنشاء مستشفى ميداني في الرقة”", "Establishment",
                 "World Health Organization", id="after-the-quotation-mark-that-opens-what-was-said"),
    pytest.param("وأضاف أن \"منظمة الصحة العالمية افتتحت مستشفى ميدانيا في الرقة\"", "Establishment",
                 "World Health Organization", id="after-a-straight-quotation-mark"),
])
def test_the_first_name_after_anna_is_the_subject_of_what_is_said(text, cls, agent):
    # an unnamed speaker ("وأشار", "وأضاف"): the body after "أن" did it, it does not report it
    assert role_labels(_event(text, cls), "agent") == [agent]


def test_the_forces_stand_for_the_forces_named_before():
    text = ("تقدمت قوات سوريا الديمقراطية إلى القرى التي يسيطر عليها التنظيم شرق دير الزور. "
            "وقالت مصادر عسكرية إن القوات تمكنت من السيطرة على 15 قرية من أيدي مسلحي التنظيم.")
    fact = _event(text, "Liberation")
    assert role_labels(fact, "agent") == ["Syrian Democratic Forces (SDF)"]


def test_the_forces_their_adjective_names_are_no_forces_named_before():
    # "القوات الكردية" after the Iraqi army are other forces, labelled as the cue names them
    text = "حرر الجيش العراقي القرية من داعش. ثم دخلت القوات الكردية البلدة."
    labels = {m.label_en for m in athar.read(text, published=PUBLISHED).mentions}
    assert "Kurdish forces" in labels
    assert [m.label_en for m in athar.read(text, published=PUBLISHED).mentions].count("Iraqi Army") == 1


@pytest.mark.parametrize("pronoun", ["قواتها", "قواتنا"])
def test_the_forces_of_a_statement_are_the_speakers(pronoun):
    # "أعلنت القيادة أن قواتها حررت": the clause said names no one before the pronoun
    fact = _event(f"أعلنت قيادة العمليات المشتركة أن {pronoun} حررت ثلاث قرى في قضاء القائم", "Liberation")
    assert role_labels(fact, "agent") == ["Iraqi Joint Operations Command"]


def test_forces_of_the_clause_said_are_its_subjects():
    fact = _event("قال التحالف إن الجيش العراقي سيقوم بسحب قواته من القائم", "Withdrawal")
    assert role_labels(fact, "agent") == ["Iraqi Army"]


@pytest.mark.parametrize("governed", ["تمكنت من قتل", "استطاعت قتل", "استطاعوا قتل", "تمكنوا من قتل",
                                      "أقدمت على قتل", "أقدموا على قتل"])
def test_the_subject_before_a_governing_verb_did_what_its_masdar_tells(governed):
    # the masdar of a killing after تمكن/استطاع/أقدم على: the subject before them killed, it was not killed
    fact = _event(f"وقال البيان إن القوات العراقية {governed} عشرة من عناصر داعش", "Killing")
    assert role_labels(fact, "agent") == ["Iraqi Security Forces"]
    assert role_labels(fact, "victim") == [ISIS]


@pytest.mark.parametrize("light, by", [
    ("تم", "من قبل قوة من الجيش العراقي"),
    ("جرى", "على يد مفارز من الجيش العراقي"),
    ("تم", "بواسطة قوة من الجيش العراقي"),
])
def test_masdars_joined_after_one_passive_share_the_doer_named_after_the_last(light, by):
    text = f"{light} تدمير مخزن للعتاد ومعالجة 66 عبوة ناسفة {by} في الفلوجة"
    assert role_labels(_event(text, "Destruction"), "agent") == ["Iraqi Army"]
    assert role_labels(_event(text, "Demining"), "agent") == ["Iraqi Army"]


def test_a_verb_of_its_own_does_not_share_the_doer_of_the_passive_after_it():
    text = "وقتل عشرة من عناصر داعش وتم تفكيك 30 عبوة ناسفة من قبل قوة من الجيش العراقي"
    assert role_labels(_event(text, "Killing"), "agent") == []


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("أسفر هجوم لداعش عن مقتل ثلاثة جنود قرب تكريت", "Killing", ISIS, id="asfara-an"),
    pytest.param("وأدت غارة لطيران التحالف إلى مقتل عشرة من عناصر داعش", "Killing",
                 "Global Coalition against Daesh", id="addat-ila"),
    pytest.param("أسفرت ضربة جوية للتحالف عن تدمير جسر الرقة القديم", "Destruction", "Global Coalition against Daesh",
                 id="destruction"),
    # the killing's own words take the attack as their subject (markers.tsv "fell_to")
    pytest.param("وقال مسؤول محلي إن هجوم داعش على قرية البوحمد راح ضحيته ثمانية مزارعين", "Killing", ISIS,
                 id="raha-dahiyatahu"),
    pytest.param("وذكرت الشرطة أن قصف التحالف على أطراف البلدة أودى بحياة أربعة رعاة", "Killing",
                 "Global Coalition against Daesh", id="awda-bihayat"),
])
def test_what_an_attack_brought_about_was_done_by_its_doer(text, cls, agent):
    # the attack is the subject of the verb of result: who made it did what came of it
    assert role_labels(_event(text, cls), "agent") == [agent]


@pytest.mark.parametrize("going_on, cls", [
    ("ونجحت في السيطرة على حي المشلب", "Liberation"),
    ("وتمكنت من السيطرة على حي المشلب", "Liberation"),
    ("وحررت حي المشلب من تنظيم داعش", "Liberation"),
    ("فاعتقلت خمسة من عناصر داعش في حي المشلب", "Arrest"),
])
def test_a_sentence_going_on_with_a_verb_and_no_subject_keeps_the_one_before(going_on, cls):
    text = f"دخلت قوات سوريا الديمقراطية مدينة الرقة من الجهة الشرقية. {going_on}."
    assert role_labels(_event(text, cls), "agent") == ["Syrian Democratic Forces (SDF)"]


def test_a_new_paragraph_or_a_passive_keeps_no_subject_from_before():
    text = "دخلت قوات سوريا الديمقراطية مدينة الرقة.\nونجحت في السيطرة على حي المشلب."
    assert role_labels(_event(text, "Liberation"), "agent") == []
    text = "دخلت قوات سوريا الديمقراطية مدينة الرقة. وقتل ثلاثة مدنيين في حي المشلب."
    assert role_labels(_event(text, "Killing"), "agent") == []


def test_members_counted_after_a_verb_going_on_are_its_object():
    text = "دخلت قوات سوريا الديمقراطية مدينة الرقة من الجهة الشرقية. واعتقلت خمسة من عناصر داعش في حي المشلب."
    fact = _event(text, "Arrest")
    assert role_labels(fact, "agent") == ["Syrian Democratic Forces (SDF)"]
    assert role_labels(fact, "target") == [ISIS]


@pytest.mark.parametrize("text, agent", [
    pytest.param("استشهد جنديان من الجيش العراقي بنيران قناص من داعش", ISIS, id="weapon-person-min"),
    pytest.param("قتل ثلاثة مدنيين بنيران الجيش السوري في درعا", "Syrian Arab Army", id="weapon-genitive"),
    pytest.param("قتل مدنيان برصاص قوات الأمن في البصرة", "security forces", id="bullets"),
])
def test_who_fired_the_weapon_did_the_killing(text, agent):
    # "ب" and a weapon: the group after it fired it; it was not killed
    fact = _event(text, "Killing")
    assert role_labels(fact, "agent") == [agent]
    assert agent not in role_labels(fact, "victim")


@pytest.mark.parametrize("by", ["برصاص قناص من تنظيم داعش", "على يد مسلحين من تنظيم داعش", "من قبل عناصر تنظيم داعش"])
def test_a_verb_whose_doer_is_named_after_it_is_a_passive(by):
    # unvowelled "قتل" (قُتل): with its doer named by "على يد", "من قبل" or a weapon, the subject was killed
    fact = _event(f"قتل جندي عراقي {by} في الموصل", "Killing")
    assert role_labels(fact, "victim") == ["Iraqi Army"]
    assert role_labels(fact, "agent") == [ISIS]


def test_a_verb_with_no_doer_after_it_keeps_its_subject_as_the_doer():
    fact = _event("قتل الجيش العراقي عشرة من عناصر داعش قرب الموصل", "Killing")
    assert role_labels(fact, "agent") == ["Iraqi Army"]
    assert role_labels(fact, "victim") == [ISIS]


@pytest.mark.parametrize("text, agent", [
    pytest.param("وأكد المصدر أن الفرق الهندسية فككت اليوم عدة ألغام في الحي.", "الفرق الهندسية", id="the-teams"),
    pytest.param("تمكنت مفارز هندسية من تفكيك عشرين عبوة ناسفة في قضاء الشرقاط.", "مفارز هندسية", id="detachments"),
])
def test_the_engineering_teams_that_clear_mines_are_named_by_their_kind(text, agent):
    fact = events_of(text, "Demining", "2021-03-10")[0]
    assert [m.label_ar for r, m in fact.roles if r == "agent"] == [agent]


def test_teams_of_a_kind_that_belong_to_a_force_stand_for_it():
    text = "وأكد المصدر أن الفرق الهندسية التابعة للجيش العراقي فككت اليوم عدة ألغام في الحي."
    fact = events_of(text, "Demining", "2021-03-10")[0]
    assert role_labels(fact, "agent") == ["Iraqi Army"]


def test_the_group_that_went_as_far_as_executing_did_the_execution():
    # "أقدم X على": X dared to do the masdar after على; the verb first, its subject after it
    fact = _event("وأقدم تنظيم داعش على إعدام سبعة رجال في قرية قرب الحسكة", "Killing")
    assert role_labels(fact, "agent") == [ISIS]
    assert ISIS not in role_labels(fact, "victim")


@pytest.mark.parametrize("text", [
    pytest.param("وبلغ عدد الضحايا الذين أعدمهم تنظيم داعش في القرية عشرين رجلا.", id="relative"),
    pytest.param("وأوضح المصدر أن الضحايا جميعهم رجال، أعدمهم تنظيم داعش في الصحراء.", id="after-a-comma"),
])
def test_the_group_after_a_verb_joined_to_the_victims_before_it_did_the_killing(text):
    # "الضحايا ... أعدمهم": the noun and the verb are one trigger; the group after the verb killed them
    fact = _event(text, "Killing")
    assert role_labels(fact, "agent") == [ISIS]
    assert ISIS not in role_labels(fact, "victim")


def test_the_victims_between_the_words_of_a_joined_trigger_stay_victims():
    fact = _event("وكان بين الضحايا شبان أعدمهم تنظيم داعش في ساحة القرية.", "Killing")
    assert role_labels(fact, "victim") == ["young men"]
    assert role_labels(fact, "agent") == [ISIS]


@pytest.mark.parametrize("text, cls, role", [
    pytest.param("وأوضح الناطق أن القوات اعتقلت سبعة من عناصر داعش في قرية الزاب", "Arrest", "target",
                 id="forces-arrest"),
    pytest.param("وذكر المصدر أن الدوريات تعتقل ثلاثة من مسلحي داعش قرب الحدود", "Arrest", "target",
                 id="patrols-capture"),
])
def test_a_noun_no_list_names_before_its_verb_is_its_subject(text, cls, role):
    # "أن القوات اعتقلت": the noun right after "أن" is the verb's subject, whether or not a list
    # names it; the members counted after the verb are what it was done to, never its doer
    fact = _event(text, cls)
    assert role_labels(fact, "agent") == []
    assert role_labels(fact, role) == [ISIS]


@pytest.mark.parametrize("text, cls", [
    pytest.param("وقال البيان إن الجيش نفذ عمليات تفتيش المنازل وملاحقة فلول داعش وتطهير الطرق من العبوات الناسفة",
                 "Demining", id="clearing-after-pursuit"),
    pytest.param("وأكد المتحدث أن القوات واصلت مطاردة خلايا التنظيم وتفكيك العبوات الناسفة في القرى", "Demining",
                 id="defusing-after-chase"),
])
def test_the_genitive_of_a_masdar_is_no_subject_of_the_masdar_joined_after_it(text, cls):
    # "ملاحقة فلول داعش وتطهير": the group ends the phrase of the masdar before; it cleared nothing
    assert ISIS not in role_labels(_event(text, cls), "agent")
