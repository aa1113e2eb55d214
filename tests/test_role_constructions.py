"""Roles given by constructions of news Arabic that hold whatever the event (issue 9): who did
it after "من قبل"/"على يد", the owner of an unnamed unit, the phrase after a comma that says from
whose hands. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from athar.read.clause import marker_before
from athar.read.pipeline import read
from test_facts import check, facts_of, one


@pytest.mark.parametrize("text, event, expected", [
    pytest.param("تم تفكيك عشرين عبوة ناسفة من قبل الجيش العراقي في قرية الخضر.", "Demining",
                 {"agent": {"iraqi-army"}}, id="passive-masdar-min-qibal"),
    pytest.param("اعتقل ثلاثة مطلوبين على يد قوة من الشرطة الاتحادية في حي الزهور.", "Arrest",
                 {"agent": {"federal-police"}}, id="ala-yad-a-force-of"),
    pytest.param("جرى تفجير جسر القرية بواسطة عناصر من تنظيم داعش.", "Attack",
                 {"agent": {"isis"}}, id="bi-wasitat"),
    pytest.param("حررت القوات العراقية قرية الزاب بمشاركة قوات الحشد الشعبي.", "Liberation",
                 {"agent": {"isf", "pmf"}}, id="bi-musharakat-takes-part-so-does-it"),
])
def test_by_names_the_doer_whatever_the_rule_lists(text, event, expected):
    check(one(text, event), expected, {"place": {"region-*", "village-*"}})


def test_the_owner_of_an_unnamed_unit_takes_the_marker_before_the_unit():
    fact = one("تم تفكيك عشرين عبوة ناسفة من قبل فرق الهندسة التابعة للجيش العراقي في قرية الخضر.", "Demining")
    check(fact, {"agent": {"iraqi-army"}}, {"place": {"village-*"}})


@pytest.mark.parametrize("text", [
    pytest.param("حررت القوات العراقية قرية البوعيثة، من أيدي مسلحي داعش.", id="min-aydi"),
    pytest.param("أعلنت قوات الحشد الشعبي تحرير قرية الزاب، من قبضة تنظيم داعش الإرهابي.", id="min-qabdat"),
])
def test_from_whose_hands_after_a_comma_is_the_origin(text):
    assert "isis" in {m.key for m in one(text, "Liberation").role("origin")}


def test_a_comma_before_a_plain_from_still_closes_the_clause():
    fact = one("حررت القوات العراقية قرية البوعيثة، من جهة أخرى وصل تنظيم داعش إلى الحدود.", "Liberation")
    # "من" after the comma gives no origin; the one armed group the story names may still be the
    # state's foe, marked implied (opponent.foe_in_document), never read from the clause
    assert all(m.implied for m in fact.role("origin"))


@pytest.mark.parametrize("text, event, expected, allowed", [
    pytest.param("وجاء ذلك بعد استعادة القوات العراقية مدينة الموصل.", "Liberation",
                 {"agent": {"isf"}, "place": {"mosul"}}, {}, id="liberation"),
    pytest.param("وجاء ذلك بعد قصف التحالف الدولي قرية الشعفة.", "Attack",
                 {"agent": {"coalition"}, "place": {"village-*"}}, {}, id="strike-on-a-village"),
    pytest.param("وجاء ذلك بعد قصف التحالف الدولي تنظيم داعش.", "Attack",
                 {"agent": {"coalition"}, "target": {"isis"}}, {}, id="strike-on-a-group"),
    pytest.param("وجاء ذلك بعد اقتحام قوة من جهاز مكافحة الإرهاب حي النور.", "Attack",
                 {"agent": {"cts"}, "place": {"region-*"}}, {}, id="a-force-of"),
    pytest.param("وجاء ذلك بعد تسلم القوات العراقية قاعدة القائم.", "Handover",
                 {"recipient": {"isf"}, "target": {"militarybase-qaim"}}, {"place": {"qaim"}}, id="receiving"),
])
def test_a_masdar_takes_its_doer_in_the_genitive_and_its_object_after(text, event, expected, allowed):
    check(one(text, event), expected, allowed)


def test_two_names_joined_by_and_after_a_masdar_are_both_its_object():
    fact = one("قامت قيادة شرطة الأنبار بإعادة فتح مديرية شرطة الفلوجة ودائرة الدفاع المدني.", "Reconstruction")
    assert {m.key for m in fact.role("agent")} == {"armedforce-anbar-governorate"}
    assert len(fact.role("target")) == 2


def test_a_direction_after_unnamed_villages_only_locates_them():
    fact = one("أعلنت قوات الحشد الشعبي تحرير 3 قرى شمال شرق قضاء الحويجة.", "Liberation")
    assert not fact.role("place")
    fact = one("شن التنظيم هجوما جديدا على معاقل قسد جنوب مدينة منبج.", "Attack")
    assert {m.key for m in fact.role("place")} == {"manbij"}


def test_a_relative_clause_made_passive_is_about_the_place_it_describes():
    fact = one("دخلت القوات قرية البوعيثة التي تم تحريرها أمس في إطار عملية تحرير الموصل.", "Liberation")
    assert [m.label_ar for m in fact.role("place")] == ["البوعيثة"]


def test_the_convoy_is_the_forces_named_before():
    facts = [f for f in facts_of("غادرت القوات الأمريكية قاعدة صرين في ريف حلب. وأكد المرصد أن هذا الرتل "
                                 "العسكري انسحب على الطريق المؤدي إلى القامشلي.") if f.trigger == "انسحب"]
    assert facts and {m.key for m in facts[0].role("agent")} == {"us-forces"}


@pytest.mark.parametrize("text, agent", [
    pytest.param("وتعمل منظمة اليونيسف على احتياجات الأطفال وعائلاتهم وتوزيع المياه النظيفة.", "unicef",
                 id="ala-ihtiyajat"),
    pytest.param("وستستخدم اللجنة الدولية للصليب الأحمر المبلغ في مساعدة اللاجئين بطرق عدة، منها إمدادهم "
                 "بالغذاء.", "icrc", id="fi-musaadat"),
])
def test_the_genitive_of_a_noun_after_a_preposition_is_no_subject_of_a_masdar(text, agent):
    fact = one(text, "ServiceProvision")
    assert {m.key for m in fact.role("agent")} == {agent}


def test_a_verb_after_the_genitive_still_describes_it():
    fact = one("وعثر الأهالي في بلدة الشدادي، على جثة لاجئة سورية قُتلت على يد مسلحين.", "Killing")
    assert "refugees" in {m.key for m in fact.role("victim")}


def test_lam_after_a_masdar_brings_in_its_object_when_it_names_no_recipient():
    fact = one("وكانت مراسم التسليم لقاعدة عين الأسد قد جرت أمس.", "Handover")
    assert [m.type for m in fact.role("target")] == ["MilitaryBase"]
    fact = one("جرت مراسم تسليم قاعدة القائم للقوات العراقية.", "Handover")
    assert {m.key for m in fact.role("recipient")} == {"isf"}
    fact = one("شنت قوات الجيش العراقي هجوما باتجاه منطقة الستمية على الأطراف الشمالية لمدينة بيجي.", "Attack")
    assert "baiji" not in {m.key for m in fact.role("target") + fact.role("place")}


@pytest.mark.parametrize("text, event, agent", [
    pytest.param("وقال أحمد حسن أحد عناصر البيشمركة «أبطلنا مفعول 30 عبوة ناسفة في القرية».", "Demining",
                 "peshmerga", id="we-defused"),
    pytest.param("وقال قائد في قوات سوريا الديمقراطية: حررنا قرية الكسرة من التنظيم.", "Liberation", "sdf",
                 id="we-liberated"),
])
def test_we_in_quoted_speech_is_the_body_of_the_speaker(text, event, agent):
    assert agent in {m.key for m in one(text, event).role("agent")}


def test_a_dual_verb_outside_quotes_is_no_we():
    facts = facts_of("وكانت “سوريا الديمقراطية” والمجلس العسكري أعلنا سيطرتهما الكاملة على مدينة منبج.")
    assert all(not f.implied for f in facts if not f.relation)


def test_an_aside_of_help_between_commas_does_not_close_the_clause():
    fact = one("افتتحت منظمة أطباء بلا حدود أمس، بالتعاون مع السلطات الصحية، مستشفى ميدانيا في مدينة الموصل.",
               "Establishment")
    assert [m.type for m in fact.role("target")] == ["Hospital"]
    assert {m.key for m in fact.role("agent")} == {"msf"}


def test_who_attacked_is_not_who_its_attack_killed():
    fact = one("قصفت طائرات التحالف مواقع لتنظيم داعش في بلدة هجين، ما أدى إلى مقتل 20 من عناصره.", "Attack")
    assert {m.key for m in fact.role("agent")} == {"coalition"}
    assert {m.key for m in fact.role("victim")} == {"isis"}


@pytest.mark.parametrize("text", [
    pytest.param("أنشأت بريطانيا مركز تدريب خاص لقوات البيشمركة في أربيل.", id="markaz-tadrib"),
    pytest.param("افتتح التحالف مركزا للتدريب في قاعدة عين الأسد.", id="markazan-lil-tadrib"),
])
def test_a_training_centre_is_a_facility_that_is_established(text):
    fact = one(text, "Establishment")
    assert [m.key.rsplit("-", 1)[0] for m in fact.role("target")] == ["training-centre"]


def test_the_subject_after_a_complementizer_is_no_reporter():
    fact = one("وقال مصدر أمني إن اللاجئة العراقية وجدت مقتولةً في خيمتها في مخيم الهول.", "Killing")
    assert {m.key for m in fact.role("victim")} == {"refugees"}


@pytest.mark.parametrize("text, event, expected", [
    pytest.param("حررت القوات العراقية قرية الزاب، بمشاركة قوات الحشد الشعبي.", "Liberation",
                 {"isf", "pmf"}, id="bi-musharakat"),
    pytest.param("قتل سبعة مدنيين في قصف على قرية الزاب، شنه تنظيم داعش.", "Attack", {"isis"}, id="shannahu"),
])
def test_a_one_word_by_after_a_comma_completes_the_event(text, event, expected):
    assert expected <= {m.key for m in one(text, event).role("agent")}


@pytest.mark.parametrize("text, name", [
    pytest.param("وأعلنت وكالة أعماق مسؤولية التنظيم عن التفجير الذي استهدف سوقا في بعقوبة.", "داعش",
                 id="the-group-after-its-responsibility"),
    pytest.param("وحملت الحكومة تنظيم داعش المسؤولية عن الهجوم على حاجز الجيش قرب كركوك.", "داعش",
                 id="the-group-before-the-responsibility"),
])
def test_a_word_of_responsibility_governs_no_mention(text, name):
    # like the claim words, "مسؤولية" names what a party claims: the party after it is the claim's
    # own subject, not governed by it (markers.tsv's row responsibility)
    doc = read(text)
    found = [m for m in doc.mentions if name in m.label_ar]
    assert found and all(marker_before(doc, m, 0, []) != "responsibility" for m in found)


@pytest.mark.parametrize("text, event, expected, allowed", [
    # "التي قام بها": the subject of the relative verb of carrying out is who did what the noun names
    pytest.param("وأعلنت الإدارة الذاتية انتهاء الحملة الأمنية التي قامت بها الأسايش ضد خلايا داعش في المخيم.",
                 "MilitaryOperation", {"agent": {"asayish"}}, {"target": {"isis"}, "place": {"camp-*", "*"}},
                 id="qamat-biha"),
    pytest.param("وانتهت الحملة العسكرية التي قام بها الجيش العراقي ضد فلول داعش في صحراء الأنبار.", "MilitaryOperation",
                 {"agent": {"iraqi-army"}}, {"target": {"isis"}, "place": {"*"}}, id="qama-biha"),
])
def test_the_doer_after_a_relative_verb_of_carrying_out(text, event, expected, allowed):
    check(one(text, event), expected, allowed)


@pytest.mark.parametrize("text, event", [
    pytest.param("انسحب تنظيم داعش من البلدة، حيث تمت محاصرته في خمس قرى أخرى شمال الرقة.", "MilitaryOperation",
                 id="tammat-muhasaratuhu"),
    pytest.param("تراجع مسلحو التنظيم إلى وسط البلدة، حيث تمت محاصرتهم من جميع الجهات.", "MilitaryOperation",
                 id="tammat-muhasaratuhum"),
    pytest.param("انسحب تنظيم داعش من مواقعه قرب السد، بعد أن تم استهدافه بالمدفعية الثقيلة.", "Attack",
                 id="tamma-istihdafuhu"),
])
def test_after_tamma_the_pronoun_of_the_masdar_is_whom_it_was_done_to(text, event):
    fact = one(text, event)
    assert "isis" not in {m.key for m in fact.role("agent")}
    assert "isis" in {m.key for m in fact.role("target")}
