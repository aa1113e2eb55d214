"""Relations the genre states in so many words (relations.tsv): a place named inside the one
before it ("وكبرى مدنها"), a unit within a larger one ("ضمن"). Sentences are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read.language import Language
from athar.read.lexicon import LexiconError
from athar.read.pipeline import Pipeline
from reading import facts_of


def relations(text: str, kind: str) -> set[tuple[str, str]]:
    return {(f.roles[0][1].label_ar, f.roles[1][1].label_ar) for f in facts_of(text) if f.type == kind}


@pytest.mark.parametrize("text, subject, obj", [
    pytest.param("زار الوفد محافظة نينوى وكبرى مدنها الموصل", "الموصل", "محافظة نينوى", id="largest-of-its-cities"),
    pytest.param("وصل الوزير إلى محافظة الأنبار وعاصمتها الرمادي", "الرمادي", "محافظة الأنبار", id="and-its-capital"),
    pytest.param("انفجرت عبوة في حي الفردوس وسط الرقة", "الفردوس", "الرقة", id="in-the-middle-of"),
    pytest.param("انفجر لغم قرب مدرسة سعد بن معاذ في حي الرميلة", "مدرسة سعد بن معاذ", "الرميلة",
                 id="a-school-named-after-someone-in-a-neighbourhood"),
    pytest.param("توفيت طفلة في مخيم الهول في شمالي شرق سوريا", "مخيم الهول", "شمال شرق سوريا",
                 id="in-a-direction-of"),
    pytest.param("سلم التحالف قاعدة القيارة الجوية، في محافظة نينوى، للجيش", "قاعدة القيارة", "محافظة نينوى",
                 id="comma-in"),
    pytest.param("اقتحمت القوات حي الشهداء آخر معاقل التنظيم جنوب مدينة الرمادي", "الشهداء", "الرمادي",
                 id="a-stronghold-of-a-group-between"),
    pytest.param("تقدمت الفصائل نحو بلدة الكسرة، أبرز معاقل داعش غرب دير الزور", "الكسرة", "دير الزور",
                 id="comma-chief-stronghold-between"),
    pytest.param("انفجرت سيارة مفخخة في حي الكرادة بوسط بغداد", "الكرادة", "بغداد", id="in-the-middle-of-with-ba"),
    pytest.param("افتتحت المنظمة مستشفى الشفاء بالقسم الغربي من مدينة الموصل", "مستشفى الشفاء",
                 "القسم الغربي من مدينة الموصل", id="in-the-western-part-of"),
    pytest.param("تقدمت القوات في محافظة دير الزور، شرقي سوريا", "محافظة دير الزور", "شرق سوريا",
                 id="comma-a-region-named-from-a-direction"),
    pytest.param("مر الرتل قرب مدينة عين العرب (كوباني) في ريف حلب", "كوباني", "محافظة حلب",
                 id="another-name-in-brackets"),
])
def test_the_words_between_two_places_relate_them(text, subject, obj):
    assert (subject, obj) in relations(text, "locatedIn")


@pytest.mark.parametrize("text", [
    pytest.param("زار الوفد مدينة الموصل وعاصمتها محافظة نينوى", id="a-city-holds-no-governorate"),
    pytest.param("زار الوفد محافظة نينوى والموصل", id="coordination-says-nothing"),
])
def test_no_place_is_put_in_one_it_cannot_lie_in(text):
    assert ("محافظة نينوى", "الموصل") not in relations(text, "locatedIn")
    assert ("الموصل", "محافظة نينوى") not in relations(text, "locatedIn")


@pytest.mark.parametrize("text, unit, body", [
    pytest.param("تقدم اللواء 73 ضمن الفرقة 16 نحو حي الزهراء", "اللواء 73", "الفرقة 16", id="within"),
    pytest.param("شارك الفوج 2 المنضوي في الفرقة 15 في العملية", "الفوج 2", "الفرقة 15", id="enrolled-in"),
    pytest.param("نشرت وكالة أعماق التابعة لتنظيم داعش بيانا", "وكالة أعماق", "تنظيم داعش", id="belonging-to"),
    pytest.param("أعلنت مديرية شرطة الحويجة في وزارة الداخلية اعتقال مطلوبين", "مديرية شرطة الحويجة",
                 "وزارة الداخلية", id="a-directorate-in-a-ministry"),
    pytest.param("اقتحم الفوج 4 من الفرقة 11 حي الصناعة", "الفوج 4", "الفرقة 11", id="of-a-division"),
    pytest.param("وصلت قطعات الفرقة الخامسة من الجيش العراقي إلى أطراف القضاء", "الفرقة الخامسة",
                 "الجيش العراقي", id="an-ordinal-division-of-the-army"),
])
def test_a_unit_is_a_member_of_the_body_the_words_name(text, unit, body):
    assert (unit, body) in relations(text, "memberOf")


@pytest.mark.parametrize("text", [
    pytest.param("تقدم اللواء 73 والفرقة 16 نحو حي الزهراء", id="coordinated"),
    pytest.param("شاركت القوات الخاصة في قوات التحالف الدولي بالعملية", id="a-described-body"),
    pytest.param("أشاد الوزير بمشاركة الحشد الشعبي في التحالف الدولي ضد داعش", id="a-known-body-takes-part"),
    pytest.param("طالب النائب بانسحاب الحشد الشعبي من التحالف الانتخابي", id="a-known-body-leaves"),
])
def test_a_mere_neighbour_is_no_member(text):
    assert not relations(text, "memberOf")


@pytest.mark.parametrize("text, part", [
    pytest.param("داهمت القوات أوكارا تتحصن فيها خلايا داعش قرب الحدود", "خلايا داعش", id="cells-of"),
    pytest.param("ألقت الشرطة القبض على خلية لتنظيم داعش في حي العسكري", "خلية لتنظيم داعش", id="a-cell-with-lam"),
    pytest.param("قتلت الغارة اثنين من كبار قادة داعش قرب الحدود", "كبار قادة داعش", id="senior-leaders"),
    pytest.param("فككت القوات خلية إرهابية نائمة تابعة لتنظيم داعش جنوب المدينة",
                 "خلية إرهابية نائمة تابعة لتنظيم داعش", id="a-described-cell-belonging-to"),
    pytest.param("استهدفت الطائرات قيادات “داعش” في الوادي", "قيادات “داعش", id="leaders-in-quotes"),
    pytest.param("قصفت الطائرات اجتماعا لقيادات داعش في الوادي", "قيادات داعش", id="leaders-after-a-preposition"),
    pytest.param("وأطاحت القوات بخلايا داعش في البادية", "خلايا داعش", id="cells-after-ba"),
])
def test_a_part_of_an_armed_group_is_a_member_of_it(text, part):
    assert (part, "تنظيم داعش") in relations(text, "memberOf")


@pytest.mark.parametrize("text", [
    pytest.param("داهمت القوات أوكار عناصر داعش قرب الحدود", id="members-stand-for-the-group"),
    pytest.param("قال إن خلايا نائمة في المدينة تعمل لصالح داعش", id="no-group-after-the-part"),
    pytest.param("فككت القوات خلية إرهابية في قرية قريبة تابعة لتنظيم داعش", id="too-many-words-between"),
])
def test_no_part_without_its_group_right_after_it(text):
    assert not relations(text, "memberOf")


@pytest.mark.parametrize("text, body, of", [
    pytest.param("أعلن مركز التنسيق المشترك التابع لوزارة الداخلية العراقية اعتقال ثلاثة مطلوبين",
                 "مركز التنسيق المشترك التابع لوزارة الداخلية العراقية", "وزارة الداخلية العراقية", id="a-centre-of-a-ministry"),
    pytest.param("قالت خلية الاستخبارات العسكرية التابعة لوزارة الدفاع إن الغارة أصابت هدفها",
                 "خلية الاستخبارات العسكرية التابعة لوزارة الدفاع", "وزارة الدفاع", id="a-cell-of-a-ministry"),
    # a cell named in quotation marks is a unit of that name (cues.tsv keep quoted): it belongs under its name
    pytest.param("قالت خلية “النسور” الاستخبارية التابعة لوزارة الدفاع إن الغارة أصابت هدفها",
                 "خلية “النسور” الاستخبارية", "وزارة الدفاع", id="a-named-cell-of-a-ministry"),
    pytest.param("نشرت وكالة أنباء (أعماق) التابعة لتنظيم داعش صورا للهجوم", "وكالة أعماق", "تنظيم داعش",
                 id="its-name-in-brackets"),
])
def test_a_body_of_no_name_belongs_to_the_body_after_it(text, body, of):
    assert (body, of) in relations(text, "memberOf")


def test_a_head_noun_without_belonging_words_makes_no_body():
    assert not relations("أعلن مركز الإعلام الأمني في وزارة الداخلية اعتقال ثلاثة مطلوبين", "memberOf") - {
        ("مركز الإعلام الأمني", "وزارة الداخلية")}


def test_one_of_its_leaders_is_a_person_no_part():
    found = relations("وقال المصدر إن القتيل أحد قادة تنظيم داعش في المنطقة", "memberOf")
    assert ("قادة تنظيم داعش", "تنظيم داعش") not in found


def test_the_first_part_of_a_group_stands_for_the_cells_the_text_tells_of():
    found = relations("طاردت القوات خلايا داعش في البادية. وقال المصدر إن خلايا تنظيم داعش تنشط ليلا", "memberOf")
    assert found == {("خلايا داعش", "تنظيم داعش")}


def test_the_words_of_a_body_relation_say_it_outright():
    lang = Language({"relations.tsv": "relation\tforms\texplicit\nmemberOf\tمع\tno\n"})
    with pytest.raises(LexiconError, match=r"relations.tsv:2: .*explicit must be yes"):
        Pipeline(lang)("تقدم اللواء 73 مع الفرقة 16")


def test_a_description_without_the_group_it_names_is_not_skipped():
    # "آخر معاقل" and no group named after it: the words say nothing of where the place lies
    assert ("الشهداء", "الرمادي") not in relations("اقتحمت القوات حي الشهداء آخر معاقل جنوب مدينة الرمادي",
                                                 "locatedIn")


@pytest.mark.parametrize("text, village, part", [
    pytest.param("تقدمت القوات في ريف حلب الشرقي. وسيطرت على قرى الخفسة والبابيري في الريف الجنوبي",
                 "الخفسة", "الريف الجنوبي", id="after-a-countryside-part"),
    pytest.param("وصلت التعزيزات إلى مدينة منبج. وسيطرت القوات على قريتي العريمة وعون الدادات وعدد من المزارع "
                 "في الريف الشمالي الغربي", "عون الدادات", "الريف الشمالي الغربي", id="after-a-city-and-things-counted"),
])
def test_a_countryside_named_by_its_direction_alone_holds_the_villages_before(text, village, part):
    assert (village, part) in relations(text, "locatedIn")


def test_a_countryside_part_lies_in_the_place_named_before_it():
    from athar.read.mentions import extract_mentions
    doc = Language().make_doc("وصلت التعزيزات إلى مدينة منبج. واندلعت اشتباكات في الريف الجنوبي")
    (part,) = [m for m in extract_mentions(doc) if m.label_ar == "الريف الجنوبي"]
    assert (part.type, part.parent, part.label_en) == ("Region", "manbij", "southern countryside of Manbij")


@pytest.mark.parametrize("text", [
    pytest.param("اندلعت اشتباكات في الريف الجنوبي", id="no-place-named-before"),
    pytest.param("وصلت التعزيزات إلى منبج. وتقدمت القوات في الريف الشرقي لحلب", id="the-place-after-it"),
])
def test_no_countryside_part_without_its_place_or_with_one_of_its_own(text):
    from athar.read.mentions import extract_mentions
    found = [m for m in extract_mentions(Language().make_doc(text)) if m.key.startswith("countryside-")]
    assert not found


_LED = ("relation\tforms\texplicit\nled\tالذي تقوده|والذي تتزعمه|بقيادة\tyes\n")


@pytest.mark.parametrize("text, leader, body", [
    pytest.param("قصفت طائرات التحالف الدولي الذي تقوده الولايات المتحدة مواقع التنظيم", "الولايات المتحدة",
                 "التحالف الدولي", id="which-leads-it"),
    pytest.param("سلم التحالف الدولي في العراق والذي تتزعمه أمريكا القاعدة للجيش", "الولايات المتحدة",
                 "التحالف الدولي", id="placed-before-the-clause"),
    pytest.param("وصلت قوات التحالف الدولي، بقيادة الولايات المتحدة، إلى المطار", "الولايات المتحدة",
                 "التحالف الدولي", id="under-the-leadership-of"),
])
def test_a_clause_after_a_body_names_who_leads_it_when_the_table_says_so(text, leader, body):
    assert not relations(text, "leaderOf")  # the package's table has no led rows (relations.tsv)
    doc = Pipeline(Language({"relations.tsv": _LED}))(text, published="2020-06-15")
    assert (leader, body) in {(f.roles[0][1].label_ar, f.roles[1][1].label_ar) for f in doc.facts
                              if f.type == "leaderOf"}


def test_a_clause_after_a_body_names_a_body_it_holds():
    text = "دخلت قوات سوريا الديمقراطية، التي تضم مقاتلين من وحدات حماية الشعب، إلى بلدة الشدادي"
    assert relations(text, "memberOf") == {("وحدات حماية الشعب", "قوات سوريا الديمقراطية")}


@pytest.mark.parametrize("text", [
    pytest.param("قال المتحدث إن الهجوم الذي تقوده القوات العراقية مستمر", id="an-event-is-no-body"),
    pytest.param("وصل الوفد الذي تقوده الوزيرة إلى بغداد", id="a-delegation-named-by-no-name"),
])
def test_no_leader_without_a_body_named_before_the_clause(text):
    doc = Pipeline(Language({"relations.tsv": _LED}))(text, published="2020-06-15")
    assert not [f for f in doc.facts if f.type == "leaderOf"]


@pytest.mark.parametrize("text, region", [
    pytest.param("عثرت فرق الإنقاذ على مقبرة في محافظة الحسكة شمالي شرقي سوريا", "شمال شرق سوريا",
                 id="northern-eastern-with-the-relative-ending"),
    pytest.param("عثرت فرق الإنقاذ على مقبرة في محافظة الحسكة شمال شرق سورية", "شمال شرق سوريا",
                 id="the-other-spelling-of-syria"),
    pytest.param("انتشرت القوات الأمريكية في محافظة الحسكة في الشمال السوري", "شمال سوريا", id="the-syrian-north"),
])
def test_a_region_of_a_country_in_the_wordings_of_the_news(text, region):
    assert ("محافظة الحسكة", region) in relations(text, "locatedIn")
