"""A country frames an event whose sentence names, after a comma, the place in that country where
it happened ("في سوريا، ... بمحافظة دير الزور"); not a statement's, nor across "أن". Sentences are
written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read.pipeline import extract_facts
from athar.read.source import parse_document


def places(text: str, event: str) -> set[str]:
    doc = parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")
    return {m.label_en for f in extract_facts(doc) if f.type == event for r, m in f.roles if r == "place"}


@pytest.mark.parametrize("text, event, place", [
    pytest.param("أعدم تنظيم داعش ثمانية رجال في سوريا، خلال يومين في قرى متفرقة بمحافظة الحسكة",
                 "Killing", "Al-Hasakah Governorate", id="country-then-governorate-with-ba"),
    pytest.param("قصفت طائرات التحالف مواقع للتنظيم في العراق، وتحديداً في محافظة نينوى",
                 "Attack", "Nineveh Governorate", id="country-then-specifically"),
    pytest.param("دمرت الطائرات مخزناً للأسلحة في العراق، خلال ساعات الليل في قضاء تلعفر",
                 "Destruction", "Tal Afar", id="country-then-district"),
])
def test_a_country_gives_way_to_the_place_in_it_the_sentence_names(text, event, place):
    found = places(text, event)
    assert place in {p.replace(" District", "") for p in found}, found
    assert "Syria" not in found and "Iraq" not in found


def test_a_place_in_another_country_leaves_the_country():
    found = places("قصفت الطائرات مواقع للتنظيم في العراق، فيما تستمر المعارك في محافظة دير الزور", "Attack")
    assert found == {"Iraq"}


def test_a_place_after_that_opens_other_words():
    found = places("قتل جنديان في العراق، وقال مسؤول إن الهجوم وقع في الموصل", "Killing")
    assert "Mosul" not in found


@pytest.mark.parametrize("text, event, place", [
    pytest.param("انفجرت عبوة في بلدة الشدادي الخاضعة لسيطرة قوات سوريا الديمقراطية في شرق سوريا",
                 "TerritorialControl", "Al-Shaddadi", id="under-control-then-where-it-lies"),
    pytest.param("شهدت بلدة الباغوز معارك عنيفة في شرق سوريا", "Battle", "Baghuz", id="witnessed-then-where-it-lies"),
])
def test_a_wider_place_after_the_noun_leaves_the_place_that_undergoes_it(text, event, place):
    found = places(text, event)
    assert any(place in p for p in found) and not any("Syria" in p for p in found), found


@pytest.mark.parametrize("text, place", [
    pytest.param("دخلت القوات بلدة الشدادي التابعة لمحافظة الحسكة، والتي تعد آخر معاقل التنظيم في المنطقة",
                 "Al-Shaddadi", id="which-counts-as-the-last-stronghold"),
    pytest.param("تعتبر مدينة الرقة أكبر معاقل التنظيم في سوريا", "Raqqa", id="counted-as-the-largest-stronghold"),
])
def test_a_place_counted_as_a_stronghold_is_where_the_control_is(text, place):
    found = places(text, "TerritorialControl")
    assert found == {place}, found


@pytest.mark.parametrize("text, place", [
    pytest.param("قتل ثلاثة جنود في محافظة الرقة في بلدة الطبقة", "Tabqa", id="a-second-fi"),
    pytest.param("قتل ثلاثة جنود في محافظة الرقة ببلدة الطبقة", "Tabqa", id="a-second-place-with-ba"),
    pytest.param("قتل ثلاثة جنود في محافظة الرقة، في بلدة الطبقة", "Tabqa", id="a-comma-and-a-second-fi"),
])
def test_a_wide_place_gives_way_to_the_narrower_one_it_frames(text, place):
    found = places(text, "Killing") | places(text, "Battle")
    assert len(found) == 1 and place in next(iter(found)), found


def test_a_narrower_place_of_another_event_stays_with_it():
    assert places("قتل خمسة مدنيين في مدينة الموصل، وأصيب ثلاثة في حي الزهور", "Killing") == {"Mosul"}


@pytest.mark.parametrize("text, event, place", [
    pytest.param("شنت قوات سوريا الديمقراطية حملة دهم في قرية الكسرة، اعتقلت خلالها أبو خالد وهو أبرز قيادي في التنظيم بريف دير الزور الغربي",
                 "Arrest", "Al-Kasra", id="during-a-raid-the-man-described-after"),
    pytest.param("نفذت القوات العراقية عملية تفتيش في قضاء الطارمية، اعتقلت خلالها مسؤولا في داعش وهو المسؤول عن قاطع شمال بغداد",
                 "Arrest", "Tarmiyah", id="during-an-operation-the-man-described-after"),
])
def test_an_event_during_another_is_where_that_one_was_not_where_its_man_is_described(text, event, place):
    found = places(text, event)
    assert {p.replace(" District", "") for p in found} == {place}, found
