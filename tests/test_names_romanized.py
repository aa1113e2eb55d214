"""The romanization of names athar has never seen: the places it knows inside them, and the
verbal nouns whose pattern fixes their vowels (romanization.tsv). Names written for these tests."""

from __future__ import annotations

import pytest

from athar.read.language import Language, arabic
from athar.read.lexicon import LexiconError
from athar.read.mentions import extract_mentions
from athar.read.romanization import romanize


@pytest.mark.parametrize("name, latin", [
    pytest.param("شرطة كركوك", "Shurtat Kirkuk", id="a-known-city-inside"),
    pytest.param("مجمع طب الموصل", "Majma' Tab Mosul", id="a-known-city-with-its-article"),
    pytest.param("حماية نينوى", "Hamayat Nineveh", id="a-governorate-by-its-own-name"),
    pytest.param("قوة دير الزور", "Quwwat Deir ez-Zor", id="a-known-name-of-two-words"),
])
def test_a_known_place_inside_a_name_is_written_as_known(name, latin):
    got, guessed = romanize(arabic(), name)
    assert guessed
    assert got.split()[-len(latin.split()[-1:]):] == latin.split()[-1:]


@pytest.mark.parametrize("name, latin", [
    pytest.param("استخبارات", "Istikhbarat", id="form-x-plural"),
    pytest.param("الاستقلال", "Al-Istiqlal", id="form-x-article"),
    pytest.param("انسحاب", "Insihab", id="form-vii"),
    pytest.param("اعتقال", "I'tiqal", id="form-viii"),
    pytest.param("الانتفاضة", "Al-Intifada", id="form-viii-ta-marbuta"),
])
def test_a_verbal_noun_is_written_by_its_pattern(name, latin):
    assert romanize(arabic(), name) == (latin, True)


@pytest.mark.parametrize("name, latin", [
    pytest.param("اكرم", "Akram", id="no-pattern-of-four-letters"),
    pytest.param("انور", "Anwar", id="a-name-like-form-vii"),
])
def test_a_name_that_fits_no_pattern_is_spelled_letter_by_letter(name, latin):
    assert romanize(arabic(), name) == (latin, True)


def test_an_unknown_directorate_is_labelled_with_the_city_it_names():
    doc = arabic().make_doc("أعلنت مديرية استخبارات كركوك اعتقال ثلاثة مطلوبين")
    (body,) = [m for m in extract_mentions(doc) if m.type == "GovernmentBody"]
    assert body.label_en == "Istikhbarat Kirkuk Directorate" and body.label_guessed


def test_a_pattern_needs_the_three_root_letters():
    rows = open_table().replace("استفعال\tisti12a3\tpattern", "استفعا\tisti12a\tpattern")
    with pytest.raises(LexiconError, match=r"romanization.tsv:\d+: pattern"):
        romanize(Language({"romanization.tsv": rows}), "استخبارات")


def open_table() -> str:
    from importlib.resources import files
    return (files("athar.read") / "lang" / "ar" / "romanization.tsv").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, name, label", [
    pytest.param("سقطت قذيفة على مدرسة خالد بن الوليد صباح اليوم", "مدرسة خالد بن الوليد",
                 "Khalid bin al-Walid School", id="bin-and-a-name"),
    pytest.param("انتشرت الدوريات في حي عمر بن عبد العزيز ليلا", "عمر بن عبد العزيز",
                 "Omar bin Abd al-Aziz neighbourhood", id="bin-abd-and-a-name"),
    pytest.param("سيطرت القوات على قرية أم الخير أمس", "أم الخير", "Umm al-Khir", id="umm-with-one-word"),
])
def test_a_name_goes_on_after_bin(text, name, label):
    found = {m.label_ar: m for m in extract_mentions(arabic().make_doc(text))}
    assert name in found, sorted(found)
    assert found[name].label_en == label




@pytest.mark.parametrize("text, places, quantity", [
    pytest.param("سيطرت القوات على قرى الخان والبير وعدد من المزارع", ["الخان", "البير"], "عدد", id="a-number-of"),
    pytest.param("دخلت القوات قرى تل جبين وحردتنين وجملة من البلدات", ["تل جبين"], "جملة", id="a-set-of"),
])
def test_a_list_of_places_ends_before_a_quantity(text, places, quantity):
    found = [m.label_ar for m in extract_mentions(arabic().make_doc(text))]
    assert all(p in found for p in places), found
    assert not [f for f in found if quantity in f]


def test_a_place_of_a_list_before_a_place_stays():
    found = [m.label_ar for m in extract_mentions(arabic().make_doc("دخلت القوات قرى الخان والبير من ريف حلب"))]
    assert "البير" in found


@pytest.mark.parametrize("text", [
    "انفجر لغم قرب مدرسة عمّار بن ياسر في حي هشام بن عبد الملك وسط الرقة",
    "وقال البيان إن الأخ أبو عائشة الأنصاري وصل بشاحنته",
    "وقال مختار قرية أدعيرات ياسين الطائي إن المسلحين خطفوا الرعاة",
    "وقال نائب مدير منظمة اليونيسف «آزاد أوسو» إن الفرق وصلت",
    "وقال العميد الركن وليد العبيدي آمر اللواء 73 إن قواته تقدمت",
])
def test_new_names_keep_their_offsets(text):
    doc = arabic().make_doc(text)
    for m in extract_mentions(doc):
        start, end = doc.norm.to_original(m.start, m.end)
        words = text[start:end]
        assert words == words.strip() and words
        if m.source not in ("cue", "person") or m.implied:
            continue  # an anaphor bears its antecedent's label
        for w in m.label_ar.split():  # the label is words of the span ("“” left out)
            assert w.strip("«»\"“”") in words, (m.label_ar, words)
