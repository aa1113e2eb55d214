"""People and the offices the news gives them: a title after the name ("العميد X آمر اللواء 73"),
a deputy ("نائب مدير المنظمة"), an honorific before the name ("السيدة X"), a quoted name.
Sentences are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read.language import arabic
from athar.read.mentions import extract_mentions
from reading import relation_pairs


def relations(text: str, kind: str) -> set[tuple[str, str]]:
    return relation_pairs(text, kind, "2020-06-15")


def people(text: str) -> list[str]:
    return [m.label_ar for m in extract_mentions(arabic().make_doc(text)) if m.type == "Person"]


@pytest.mark.parametrize("text, kind, person, body", [
    pytest.param("وقال العقيد سالم الدليمي آمر الفوج 3 إن قواته تقدمت", "leaderOf", "سالم الدليمي", "الفوج 3",
                 id="rank-name-office"),
    pytest.param("وقال العميد حسن الربيعي، قائد اللواء 11، إن المنطقة آمنة", "leaderOf", "حسن الربيعي",
                 "اللواء 11", id="rank-name-comma-office"),
    pytest.param("وقالت مديرة المشاريع نادية خليل عضو منظمة اليونيسف إن المدارس فتحت", "memberOf",
                 "نادية خليل", "يونيسف", id="name-then-member-title"),
    pytest.param("وأعلن نائب قائد الحشد الشعبي كريم النوري أن العملية انتهت", "memberOf", "كريم النوري",
                 "الحشد الشعبي", id="deputy-is-a-member"),
    pytest.param("وقالت المديرة التنفيذية لليونيسف، السيدة ماريا كلارك، إن الأطفال بحاجة للغذاء", "leaderOf",
                 "ماريا كلارك", "يونيسف", id="office-comma-honorific-name"),
    pytest.param("وافتتحت منظمة “شفق” مركزا صحيا. وقال نائب مدير المنظمة “آزاد أوسو” إن المركز يخدم ألف أسرة",
                 "memberOf", "آزاد أوسو", "منظمة شفق", id="quoted-name-after-an-anaphor"),
    pytest.param("وقال الناطق الرسمي لقوات سوريا الديمقراطية كمال حسن إن الهجوم صد", "spokespersonOf", "كمال حسن",
                 "قوات سوريا الديمقراطية", id="official-spokesperson-with-lam"),
])
def test_an_office_relates_the_person_to_the_body(text, kind, person, body):
    found = relations(text, kind)
    assert any(p == person and body in b for p, b in found), found


def test_a_second_person_title_after_a_name_is_no_office_of_the_first():
    # "وزير الخارجية" after a name is another person's office, not the first person's
    found = relations("التقى العميد سالم الدليمي وزير الخارجية الفرنسي جان مارتان في بغداد", "leaderOf")
    assert ("سالم الدليمي", "وزير الخارجية الفرنسي") not in found


@pytest.mark.parametrize("text", [
    pytest.param("وقال المتحدث الرسمي إن العمليات انتهت في المدينة", id="no-body-no-name"),
    pytest.param("وفق ما أكد المتحدث الرسمي باسمها أمس", id="for-a-pronoun"),
])
def test_an_official_spokesperson_with_no_body_names_no_one(text):
    assert people(text) == []


def test_a_quoted_name_may_start_like_the_article():
    assert "ألان كرم" in people("وقال مدير منظمة اليونيسف «ألان كرم» إن الفرق وصلت")


@pytest.mark.parametrize("text, person", [
    pytest.param("وأكدت السيدة ليلى حسن أن العائلات عادت", "ليلى حسن", id="honorific-sayyida"),
    pytest.param("وانتخب المجلس الآنسة هدى سليمان رئيسة له", "هدى سليمان", id="honorific-anisa"),
])
def test_an_honorific_introduces_a_name(text, person):
    assert person in people(text)


def test_a_place_named_like_an_honorific_is_the_place():
    doc = arabic().make_doc("قتل خمسة أشخاص في تفجير قرب السيدة زينب جنوب دمشق")
    found = extract_mentions(doc)
    assert not [m for m in found if m.type == "Person"]
    assert "sayyida-zaynab" in [m.key for m in found]


def test_a_member_named_after_the_body():
    text = "وأصيب أحد المقاتلين من الحشد الشعبي ويدعى حيدر كاظم بانفجار عبوة"
    assert ("حيدر كاظم", "الحشد الشعبي") in relations(text, "memberOf")


@pytest.mark.parametrize("text, person, place", [
    pytest.param("وقال مختار قرية الصفيرة جاسم الجبوري إن المسلحين انسحبوا", "جاسم الجبوري", "الصفيرة",
                 id="one-word-place"),
    pytest.param("وقال مختار قرية كبيبة جاسم الجبوري إن المسلحين انسحبوا", "جاسم الجبوري", "كبيبة",
                 id="given-name-read-with-the-place"),
])
def test_the_headman_of_a_village_leads_it(text, person, place):
    found = relations(text, "leaderOf")
    assert any(p == person and place in b for p, b in found), found


def test_a_village_of_two_words_keeps_them_before_a_full_name():
    found = relations("وقال مختار قرية تل الذهب محمد الطائي إن المسلحين انسحبوا", "leaderOf")
    assert any(p == "محمد الطائي" and "تل الذهب" in b for p, b in found), found


@pytest.mark.parametrize("text", [
    pytest.param("وقال رئيس الفريق الاستشاري لإعادة إعمار المدينة إن العمل بدأ", id="team-described"),
    pytest.param("وانتشر اللواء الاحتياطي لحماية الطريق", id="brigade-described"),
])
def test_a_rank_word_with_an_adjective_names_no_officer(text):
    assert people(text) == []


def test_a_rank_and_a_nationality_still_name_an_officer():
    assert "جون سميث" in people("وقال الجنرال الأمريكي جون سميث إن القوات انسحبت")


@pytest.mark.parametrize("text, person", [
    pytest.param("وقال التنظيم إن أبو حفص الليبي فجر سيارته عند الحاجز", "أبو حفص الليبي", id="kunya-nisba"),
    pytest.param("واعتقلت القوات وأبو قتادة الشامي في المداهمة", "أبو قتادة الشامي", id="kunya-after-waw"),
])
def test_a_kunya_and_a_nisba_name_a_fighter(text, person):
    assert person in people(text)


@pytest.mark.parametrize("text", [
    pytest.param("وصلت التعزيزات إلى قرية أبو حمام الشرقية", id="a-village-after-its-cue"),
    pytest.param("وقال أبو محمد إن الطريق مقطوع", id="no-nisba-after-the-name"),
])
def test_a_kunya_alone_is_no_fighter(text):
    assert not [p for p in people(text) if p.startswith("أبو")]


def test_a_known_kunya_stays_the_known_person():
    found = [m for m in extract_mentions(arabic().make_doc("قتل أبو بكر البغدادي في غارة")) if m.type == "Person"]
    assert [m.key for m in found] == ["abu-bakr-al-baghdadi"]


def test_a_feminine_nationality_after_a_title_is_skipped_before_the_name():
    assert "ماريا شولتس" in people("وتعهدت المستشارة الألمانية ماريا شولتس بدعم العراق")


@pytest.mark.parametrize("text, person, body", [
    pytest.param("وقال كاوا حسن أحد أفراد قوات البيشمركة إن الطريق مفتوح", "كاوا حسن", "البيشمركة", id="one-of-the-men"),
    pytest.param("وقال سالار محمود، العضو في مجلس سوريا الديمقراطية، إن الاتفاق صامد", "سالار محمود",
                 "مجلس سوريا الديمقراطية", id="the-member-in"),
])
def test_more_words_of_membership(text, person, body):
    found = relations(text, "memberOf")
    assert any(p == person and body in b for p, b in found), found


@pytest.mark.parametrize("text", [
    pytest.param("وأصيب أحد أفراد قوات البيشمركة بانفجار لغم في القرية", id="by-an-explosion"),
    pytest.param("وقتل أحد عناصر التنظيم باستهداف سيارته قرب الحاجز", id="by-a-strike"),
])
def test_a_preposition_and_an_event_noun_name_no_member(text):
    assert not relations(text, "memberOf")


def test_a_name_that_starts_like_a_preposition_stays_a_name():
    assert ("باسل حمود", "الحشد الشعبي") in relations("وقال باسل حمود أحد مقاتلي الحشد الشعبي إن الطريق آمن",
                                                       "memberOf")


@pytest.mark.parametrize("text, kind, person, body", [
    pytest.param("وقالت ممثلة منظمة الصحة العالمية في العراق “ليلى حداد”، إن المستشفيات مكتظة", "spokespersonOf",
                 "ليلى حداد", "منظمة الصحة العالمية", id="where-the-body-is-then-a-quoted-name"),
    pytest.param("وقال المسؤول في هيئة الشؤون الاجتماعية في الإدارة الذاتية سامر حداد إن العائلات عادت",
                 "memberOf", "سامر حداد", "هيئة الشؤون الاجتماعية", id="a-body-in-a-body-then-the-name"),
    pytest.param("افتتحت منظمة أطباء بلا حدود عيادة في الرقة. وصرح منسق المشاريع الطبية بالمنظمة في شرق "
                 "الرقة، دانيال موريس، أن العيادة تستقبل المرضى", "memberOf", "دانيال موريس",
                 "أطباء بلا حدود", id="the-words-of-the-office-then-the-body"),
])
def test_an_office_s_words_and_bodies_between_the_title_and_the_name(text, kind, person, body):
    assert (person, body) in relations(text, kind)


def test_a_body_in_a_body_is_a_member_of_it():
    text = "وقال المسؤول في هيئة الشؤون الاجتماعية في الإدارة الذاتية سامر حداد إن العائلات عادت"
    assert ("هيئة الشؤون الاجتماعية", "الإدارة الذاتية") in relations(text, "memberOf")


def test_an_office_that_needs_its_body_names_nobody_without_it():
    assert people("وقال منسق المشاريع الطبية دانيال موريس إن العيادة تستقبل المرضى") == []


def test_the_words_after_on_behalf_of_name_the_body_never_the_speaker():
    assert people("وقال المتحدث باسم تحالف تقوده الولايات المتحدة إن الغارات مستمرة") == []
    assert people("وقال ستيف جونسون، المتحدث باسم تحالف دولي، إن الغارات مستمرة") == ["ستيف جونسون"]


@pytest.mark.parametrize("text", [
    pytest.param("وافتتح محافظ الأنبار مطعما جديدا في الرمادي.", id="governor-restaurant"),
    pytest.param("وزار السفير مخيما كبيرا للنازحين قرب دهوك.", id="ambassador-camp"),
])
def test_an_indefinite_noun_and_its_adjective_after_a_title_are_no_name(text):
    # the title's holder is unnamed; what follows the verb is its object, in the accusative
    assert people(text) == []


def test_a_name_after_a_title_is_still_a_name():
    assert people("وقالت المديرة رشا سلامة إن الوضع صعب.") == ["رشا سلامة"]


@pytest.mark.parametrize("text, person, office, body", [
    pytest.param("وأكد مدير المركز الإعلامي لقوات سوريا الديمقراطية كينو جبرائيل أن الحملة مستمرة", "كينو جبرائيل",
                 "المركز الإعلامي لقوات سوريا الديمقراطية", "قوات سوريا الديمقراطية", id="the-media-centre-of-a-force"),
    pytest.param("وأكدت مديرة مكتب الإغاثة في منظمة الصحة العالمية سارة جونز أن المساعدات وصلت", "سارة جونز",
                 "مكتب الإغاثة", "منظمة الصحة العالمية", id="an-office-in-an-organization"),
])
def test_a_leader_of_an_office_leads_the_office_and_the_office_is_of_the_body(text, person, office, body):
    assert relations(text, "leaderOf") == {(person, office)}
    assert (office, body) in relations(text, "memberOf")


def test_a_leader_titled_right_before_the_body_leads_the_body():
    assert relations("وقال قائد قوات سوريا الديمقراطية مظلوم عبدي إن المعركة انتهت", "leaderOf") == {
        ("مظلوم عبدي", "قوات سوريا الديمقراطية")}


@pytest.mark.parametrize("text, person, body_words", [
    pytest.param("وقال قائد كتائب حراس الوادي العقيد ماجد الحسني، إن الطريق آمن", "ماجد الحسني", "كتائب حراس",
                 id="leader-unknown-body-rank-name"),
    pytest.param("وأعلن مدير مفارز الدفاع الشعبي المقدم فراس يونس أن الحواجز رفعت", "فراس يونس", "مفارز الدفاع",
                 id="director-unknown-body-rank-name"),
])
def test_a_body_no_list_knows_between_title_and_rank_is_no_person(text, person, body_words):
    found = people(text)
    assert person in found and not any(body_words in p for p in found), found


@pytest.mark.parametrize("text, person, body", [
    pytest.param("وقال أحمد سالم، الباحث في المرصد السوري لحقوق الإنسان، إن القصف مستمر", "أحمد سالم",
                 "المرصد السوري لحقوق الإنسان", id="researcher-in-after-comma"),
    pytest.param("وقالت الناشطة في منظمة العفو الدولية سلمى خالد إن القصف مستمر", "سلمى خالد", "منظمة العفو الدولية",
                 id="activist-in-before-the-name"),
    pytest.param("وقالت سلمى خالد (طبيبة في منظمة أطباء بلا حدود) إن المرضى كثيرون", "سلمى خالد", "أطباء بلا حدود",
                 id="doctor-in-brackets-after-the-name"),
])
def test_a_profession_in_a_body_makes_a_member(text, person, body):
    assert (person, body) in relations(text, "memberOf")


@pytest.mark.parametrize("text, body_word", [
    pytest.param("وقال المسؤول في منظمات الإغاثة سامر حداد إن القصف مستمر", "منظمات", id="official-in"),
    pytest.param("وقالت الناشطة في منظمات حقوق الانسان سلمى خالد إن القصف مستمر", "منظمات", id="activist-in"),
])
def test_the_words_of_a_body_no_list_knows_after_in_are_no_name(text, body_word):
    assert not any(p.startswith(body_word) for p in people(text)), people(text)
