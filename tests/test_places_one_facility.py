"""One facility of no name lies where the words after it say (facility.py): "انفجرت عبوة داخل مطعم
وسط مدينة الرقة". Houses in the plural, or counted, are a kind of building and get no locatedIn.
Sentences are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read import facility
from athar.read.language import Language, arabic
from athar.read.lexicon import LexiconError
from reading import facts_of


def _located_kinds(text: str) -> set[tuple[str, str]]:
    """(the kind's Arabic label, the container's English label) of each locatedIn of a facility of no name."""
    return {(f.roles[0][1].label_en, f.roles[1][1].label_en) for f in facts_of(text, "2020-06-15")
            if f.type == "locatedIn" and f.roles[0][1].source == "kind"}


@pytest.mark.parametrize("text, kind, place", [
    pytest.param("انفجرت عبوة ناسفة داخل مطعم وسط مدينة الرقة مساء أمس", "restaurants and cafés", "Raqqa",
                 id="a-restaurant-in-the-middle-of-a-city"),
    pytest.param("قصفت طائرات التحالف منزلاً في بلدة الشحيل بريف دير الزور", "homes", "Al-Shuhayl",
                 id="an-indefinite-house-in-a-town"),
    pytest.param("سلمت القوات الأمريكية مقرها في محافظة الأنبار إلى الجيش العراقي", "a party's own base",
                 "Al Anbar Governorate", id="a-party's-own-base-in-a-governorate"),
    pytest.param("أعيد افتتاح المخبز في مدينة الطبقة بعد ترميمه", "bakeries", "Tabqa", id="the-bakery-in-a-city"),
    pytest.param("استهدفت ثلاث غارات منزلا في بلدة الشحيل", "homes", "Al-Shuhayl",
                 id="a-house-after-a-counted-subject"),
    pytest.param("قالت مصادر محلية إن عدد القتلى بلغ 12\nمنزل في بلدة الشحيل دمر بالكامل", "homes", "Al-Shuhayl",
                 id="a-house-after-a-number-closing-the-line-before"),
])
def test_one_facility_of_no_name_lies_in_the_place_after_it(text, kind, place):
    assert (kind, place) in _located_kinds(text)


@pytest.mark.parametrize("text", [
    pytest.param("فجر التنظيم المنازل في بلدة الشحيل قبل انسحابه", id="houses-in-the-plural"),
    pytest.param("طهرت الفرق الهندسية خمسة آلاف منزل في مدينة الرمادي", id="houses-counted"),
    pytest.param("أغلقت السلطات المطاعم والمقاهي في مدينة الرقة", id="restaurants-in-the-plural"),
    pytest.param("وقال المرصد السوري لحقوق الإنسان (ومقره في بريطانيا) إن الاشتباكات مستمرة", id="a-body's-seat-in-a-country"),
])
def test_a_kind_of_building_or_a_seat_abroad_gets_no_locatedIn(text):
    assert not _located_kinds(text)


def test_the_singular_forms_load_and_a_stray_one_names_its_line():
    assert ("مطعم",) in facility._single_forms(arabic())
    lang = Language({"kinds.tsv": "key\ttype\ten\tar\tforms\tone\nbakery\tFacility\tbakeries\tمخابز\tمخبز|مخابز\tفرن\n"})
    with pytest.raises(LexiconError, match=r"kinds.tsv:2: 'فرن' of column one"):
        facility._single_forms(lang)
    group = Language({"kinds.tsv": "key\ttype\ten\tar\tforms\tone\nmen\tGroup\tmen\tرجال\tرجل|رجال\tرجل\n"})
    with pytest.raises(LexiconError, match=r"kinds.tsv:2: column one names one facility, but type 'Group'"):
        facility._single_forms(group)
