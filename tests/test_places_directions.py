"""Places each governed by a word of direction, the second direction with "و" ("جنوب مدينة منبج
وشرق مدينة الباب"), are all where the event is: neither says where the other lies
(athar.read.placement). Every sentence here was written for these tests, in the style of news
Arabic (none is copied from a corpus)."""

from __future__ import annotations

from athar.read.pipeline import extract_facts
from athar.read.source import parse_document


def places(text: str, event: str) -> set[str]:
    doc = parse_document(f"---\npublished: 2021-03-10\n---\n{text}", "test.txt")
    found = [f for f in extract_facts(doc) if f.type == event]
    assert found, f"no {event} in: {text}"
    return {m.label_ar for m in found[0].role("place")}


def test_two_cities_each_after_a_direction_are_both_where_the_strikes_were():
    text = "قصفت طائرات التحالف مواقع التنظيم جنوب مدينة الرقة وشرق مدينة دير الزور"
    assert places(text, "Attack") == {"الرقة", "دير الزور"}


def test_a_city_and_a_village_after_directions_are_both_kept():
    text = "واصلت المدفعية قصف تجمعات المسلحين غرب مدينة تدمر وشمال قرية البصيري"
    assert places(text, "Attack") == {"تدمر", "البصيري"}


def test_the_centre_of_a_city_still_says_where_the_quarter_lies():
    # the و of "وسط" is its own letter, not "and": the quarter is in the city
    text = "قتل ثلاثة مدنيين بانفجار لغم في حي المشلب وسط مدينة الرقة"
    assert places(text, "Attack") == {"المشلب"}


def test_a_toll_after_a_place_and_the_city_a_direction_locates_it_by_is_at_the_place():
    # the city after "شرقي" only says where the quarter lies, also when both come before the toll
    text = "وقع التفجير الذي تبنته داعش في ساحة عامة في مدينة الشعلة غربي بغداد وأسفر عن استشهاد عشرة أشخاص."
    assert places(text, "Killing") == {"الشعلة"}
