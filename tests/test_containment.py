"""Where places lie, as news writing states it beyond two places in a row (containment.tsv): the
country named "البلاد", a comma before a place with ب, a description between, two directions
joined, a list carried on to a place no mention names. Sentences are written for these tests in
the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read import containment
from athar.read.language import Language, arabic
from athar.read.lexicon import LexiconError
from athar.read.pipeline import extract_facts
from athar.read.source import parse_document
from reading import located


@pytest.mark.parametrize("text, subject, obj", [
    pytest.param("قصفت الطائرات مواقع في محافظة نينوى شمالي البلاد", "Nineveh Governorate", "northern Iraq",
                 id="the-country-as-al-bilad"),
    pytest.param("انفجرت سيارة ملغومة وسط مدينة الحسكة شرق البلاد", "Hasakah", "eastern Syria",
                 id="a-city-east-of-al-bilad"),
    pytest.param("تواصل القوات عملياتها في محافظة الأنبار، في غرب البلاد", "Al Anbar Governorate",
                 "western Iraq", id="comma-in-a-direction-of-al-bilad"),
    pytest.param("عاد النازحون إلى محافظة حلب بشمال البلاد", "Aleppo Governorate", "northern Syria",
                 id="ba-on-the-direction-of-al-bilad"),
    pytest.param("سيطرت القوات على مدينة هيت (غربي البلاد)", "Hit", "western Iraq", id="al-bilad-in-brackets"),
    pytest.param("وصلت المساعدات إلى الرقة ودير الزور شرقي البلاد", "Raqqa", "eastern Syria",
                 id="a-list-before-al-bilad"),
    pytest.param("استهدف القصف بلدتي الشدادي والهول ومدينة الطبقة في شرق سوريا", "Al-Shaddadi", "eastern Syria",
                 id="a-list-of-sizes-in-a-region"),
    pytest.param("اعتقلت الدورية مطلوبين في مدينة منبج، بمحافظة حلب", "Manbij", "Aleppo Governorate",
                 id="comma-then-ba-on-the-place"),
    pytest.param("دخلت الفصائل بلدة الراعي ذات الموقع الحدودي المهم بمحافظة حلب", "Al-Ra'i",
                 "Aleppo Governorate", id="a-description-between"),
    pytest.param("استعاد الجيش بلدة الراعي ذات الأهمية الكبيرة لتنظيم داعش في محافظة حلب", "Al-Ra'i",
                 "Aleppo Governorate", id="a-description-naming-a-group-between"),
    pytest.param("اندلعت اشتباكات في حي غويران في شمال وشمال شرق مدينة الحسكة", "Ghawiran neighbourhood", "Hasakah",
                 id="two-directions-joined"),
    pytest.param("انتشرت الدوريات في حيي غويران والنشوة وصولاً إلى دوار الباسل في جنوب مدينة الحسكة",
                 "Ghawiran neighbourhood", "Hasakah", id="a-list-carried-on-to-a-place-of-no-name"),
    pytest.param("سيطر المسلحون على حيي غويران والنشوة وصولاً إلى شارع المدينة الرياضية في جنوب مدينة الحسكة",
                 "Ghawiran neighbourhood", "Hasakah", id="a-list-carried-on-to-a-street-named-after-a-place"),
])
def test_the_news_states_where_a_place_lies(text, subject, obj):
    assert (subject, obj) in located(text)


def test_each_place_of_a_list_of_sizes_lies_where_the_list_does():
    found = located("حررت القوات ناحية الشدادي وقرية الهول ذات الأهمية الكبيرة بمحافظة الحسكة")
    assert {("Al-Shaddadi", "Al-Hasakah Governorate"), ("Al-Hawl", "Al-Hasakah Governorate")} <= found


def test_a_direction_after_a_list_of_sizes_places_only_its_last():
    found = located("انسحبت القوات من حلب والحسكة، وقاعدة التنف جنوب سوريا")
    assert ("Al-Tanf garrison", "southern Syria") in found
    assert not {("Aleppo", "southern Syria"), ("Hasakah", "southern Syria")} & found


@pytest.mark.parametrize("text", [
    pytest.param("قال الوزير إن سوريا شمالي البلاد تحتاج إلى دعم", id="a-country-lies-in-nothing"),
    pytest.param("وصل الوفد إلى باريس شمالي البلاد", id="al-bilad-of-a-country-with-no-such-region"),
    pytest.param("زار الوزير مدينة الموصل وقال إن البلاد بحاجة إلى دعم", id="al-bilad-with-no-direction"),
    pytest.param("دخلت القوات بلدة الراعي ذات الموقع الحدودي، وقصفت محافظة حلب", id="a-description-then-a-clause"),
    pytest.param("انتشرت الدوريات في حي غويران وصولاً إلى دوار الباسل، وفي مدينة الحسكة",
                 id="a-list-carried-on-then-a-clause"),
])
def test_no_containment_the_text_does_not_state(text):
    found = located(text)
    assert not any(obj in ("northern Syria", "northern Iraq", "Aleppo Governorate", "Hasakah") for _, obj in found), found
    assert all(subject != obj for subject, obj in found)


def test_the_table_loads_and_names_its_line_on_a_bad_role():
    words = containment.containment_words(arabic())
    assert ("البلاد",) in words["country"] and ("ذات",) in words["description"]
    lang = Language({"containment.tsv": "role\tforms\ncountry\tالبلاد\nmystery\tكذا\n"})
    with pytest.raises(LexiconError, match=r"containment.tsv:3: role 'mystery'"):
        containment.containment_words(lang)


def test_the_table_must_give_every_role():
    lang = Language({"containment.tsv": "role\tforms\ncountry\tالبلاد\n"})
    with pytest.raises(LexiconError, match=r"containment.tsv:2: no row for description"):
        containment.containment_words(lang)


def test_a_pair_stated_first_with_what_the_place_is_keeps_that_statement():
    """"X وسط العاصمة Y" first, "X، وسط Y" later: one locatedIn, and its evidence is the first
    statement (the words of two places in a row used to win and leave the first unread)."""
    text = ("انفجرت عبوة ناسفة في سوق الشورجة وسط العاصمة بغداد صباح اليوم. "
            "وكانت عبوة أخرى قد انفجرت الأسبوع الماضي في سوق الشورجة، وسط بغداد.")
    doc = parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")
    found = [f for f in extract_facts(doc) if f.type == "locatedIn"]
    assert [(f.roles[1][1].label_en, f.evidence.text) for f in found] == [("Baghdad", "سوق الشورجة وسط العاصمة بغداد")]


@pytest.mark.parametrize("text, subject, obj", [
    pytest.param("تقدمت القوات نحو ناحية الرشاد جنوب كركوك", "Al-Rashad subdistrict", "Kirkuk",
                 id="a-subdistrict-south-of-a-city"),
    pytest.param("نزحت عائلات من ناحية العلم، شرقي مدينة تكريت", "Al-Alam subdistrict", "Tikrit",
                 id="a-subdistrict-after-a-comma-and-a-direction"),
    pytest.param("دخلت القوات قرية الحود شمال ناحية العلم", "Al-Hud", "Al-Alam subdistrict",
                 id="a-village-still-lies-in-a-subdistrict"),
])
def test_a_subdistrict_lies_by_the_city_a_direction_names(text, subject, obj):
    """"ناحية" names a level below a city (containment.tsv subdistrict): a subdistrict a direction
    places from a city lies by it, and a village so placed from a subdistrict lies in it."""
    assert (subject, obj) in located(text)


def test_a_place_lying_on_the_edge_of_a_city_lies_in_it():
    """"الواقعة على الأطراف الجنوبية من": the word of lying, then the edge of the city with "من"."""
    assert ("Al-Khadra' area", "Mosul") in located(
        "عثرت الفرق على عبوات في منطقة الخضراء الواقعة على الأطراف الشمالية من مدينة الموصل")


def test_a_town_described_by_the_river_it_lies_on_lies_in_the_countryside_after():
    """"X، البلدة الواقعة على نهر الفرات في ريف Y": the town's description by a landmark (a river)
    is skipped, and the town is named once, by its name (relations.tsv describing)."""
    text = "انسحب المسلحون من الميادين، المدينة الواقعة على ضفاف نهر الفرات في ريف دير الزور الشرقي"
    doc = parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")
    found = [f for f in extract_facts(doc) if f.type == "locatedIn"]
    assert [(f.roles[0][1].label_en, f.evidence.text[:9]) for f in found] == [("Mayadin", "الميادين،")]


@pytest.mark.parametrize("text, place", [
    pytest.param("انفجرت سيارة مفخخة في سوق شعبي في بلدة الحلة التي تبعد 100 كيلومتر جنوبي بغداد", "Al-Hala",
                 id="a-town-that-lies-km-south-of-a-city"),
    pytest.param("قتل ثلاثة جنود في هجوم على قرية البوير الواقعة على بعد 20 كم من مدينة كركوك", "Al-Bawir",
                 id="a-village-at-a-distance-from-a-city"),
])
def test_a_place_a_distance_is_measured_from_is_no_place_of_the_event(text, place):
    """"X التي تبعد 80 كيلومترا جنوبي Y": Y only says where X is (containment.tsv distance); the
    event is in X, and X is not said to lie in Y."""
    doc = parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")
    found = extract_facts(doc)
    places = {m.label_en for f in found if not f.relation for m in f.role("place")}
    assert places == {place}
    assert not [f for f in found if f.type == "locatedIn" and f.roles[0][1].label_en == place]


@pytest.mark.parametrize("text, subject, obj", [
    pytest.param("فرّت عائلات من مدينة منبج شمال شرق حلب", "Manbij", "Aleppo", id="a-city-by-a-city"),
    pytest.param("قصفت الطائرات مدينة تلعفر غرب مدينة الموصل", "Tal Afar", "Mosul", id="a-city-west-of-a-city"),
])
def test_a_city_a_direction_places_by_a_city_lies_in_it(text, subject, obj):
    """Two places no larger than a city, the second named to say where the first is: the news
    places a city by another of its size, and the first lies in it (containment.may_lie_in)."""
    assert (subject, obj) in located(text)


def test_two_regions_of_one_size_in_a_row_are_no_containment():
    found = located("تنشط الخلايا في غرب العراق شرق سوريا")
    assert ("western Iraq", "eastern Syria") not in found, found
