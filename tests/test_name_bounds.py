"""Where a described body's words end: a noun the lexicons know (a cue word of places, an event
noun) with the article after a described body opens a phrase of its own, though it ends like a
relative adjective; real adjectives still describe their head (athar.read.entity.known_noun); one
indefinite noun in ة after a plural force head is the kind of the forces and names none (athar.read.cue);
nor does a known noun with its pronoun ("قوات بلاده": his country's forces; sentences written for these
tests)."""

from __future__ import annotations

import pytest

from reading import mentions_found as found


@pytest.mark.parametrize("text, body, noun", [
    pytest.param("اقتحمت القوات الأمنية القرية فجر أمس بعد اشتباكات قصيرة.", "القوات الأمنية", "القرية",
                 id="village-after-security-forces"),
    pytest.param("دخلت القوات الحكومية الناحية صباح الخميس دون مقاومة.", "القوات الحكومية", "الناحية",
                 id="subdistrict-after-government-forces"),
    pytest.param("أنهت القوات الأمنية العملية في ساعات قليلة.", "القوات الأمنية", "العملية",
                 id="event-noun-after-security-forces"),
])
def test_a_known_noun_after_a_described_body_is_no_part_of_it(text, body, noun):
    got = found(text)
    assert body in got and not any(noun in words for words in got), got


@pytest.mark.parametrize("text, body", [
    pytest.param("اقتحمت القوات الأمنية العراقية المشتركة حي الزهراء شرق المدينة.",
                 "القوات الأمنية العراقية المشتركة", id="two-adjectives-after-security-forces"),
    pytest.param("سيطرت الفصائل السورية المسلحة على تلة قرب البلدة.", "الفصائل السورية",
                 id="nisba-after-factions"),
    pytest.param("قالت هيئة العلاقات الخارجية إن الوفد وصل أمس.", "هيئة العلاقات الخارجية",
                 id="adjective-ending-a-body-name"),
])
def test_real_adjectives_still_describe_their_head(text, body):
    assert body in found(text), found(text)


def test_a_known_noun_after_the_arms_of_a_state_names_no_body_with_them():
    got = found("قصفت الطائرات الحربية القرية ليلة أمس.")
    assert not any("القرية" in words for words in got), got



@pytest.mark.parametrize("text, noun", [
    pytest.param("وقال إن وحدات المغاوير، وهي قوات نخبة في الجيش، وصلت إلى الجبهة.", "نخبة",
                 id="elite-in-apposition"),
    pytest.param("أرسلت الحكومة قوات حماية إلى المدينة بعد الهجوم.", "حماية", id="protection-before-preposition"),
])
def test_one_indefinite_noun_after_a_plural_force_head_names_no_body(text, noun):
    got = found(text)
    assert not any(noun in words for words in got), got


@pytest.mark.parametrize("text, body", [
    pytest.param("وصلت قوات حماية سنجار إلى البلدة مساء أمس.", "قوات حماية سنجار", id="genitive-name-goes-on"),
    pytest.param("قاتلت قوات بدر على أطراف المدينة.", "قوات بدر", id="one-word-name-without-ta-marbuta"),
    pytest.param("انتشرت قوات بريطانية قرب الحدود.", "قوات بريطانية", id="adjective-in-ta-marbuta"),
])
def test_a_force_named_after_a_plural_head_keeps_its_name(text, body):
    assert body in found(text), found(text)


@pytest.mark.parametrize("text, noun", [
    pytest.param("أعلن الوزير أمس استعادة قوات بلاده أحياء النور والخضراء داخل المدينة.", "بلاده",
                 id="his-country-then-a-list-of-places"),
    pytest.param("أكد المتحدث أن قوات بلادها ستبقى في القاعدة.", "بلادها", id="her-country"),
])
def test_a_known_noun_with_its_pronoun_after_a_force_head_is_no_name(text, noun):
    got = found(text)
    assert not any(noun in words for words in got), got


def test_the_places_after_a_force_of_a_country_are_read():
    got = found("أعلن الوزير أمس استعادة قوات بلاده أحياء النور والخضراء داخل المدينة.")
    assert got.get("أحياء النور", ("",))[0] == "Region", got
