"""Words that never stand in a name after a head noun or a title: a verb in the imperfect (the
clause that describes the noun before it), a known word with a pronoun suffix, the preposition
ل on a masdar or a pronoun, a particle that opens a reported clause, a number spelled out.
Sentences written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read.nameword import not_a_name_word
from athar.read.language import arabic
from athar.read.mentions import extract_mentions
from athar.read.text import normalize_word


def mentions_of(text: str) -> list[tuple[str, str]]:
    return [(m.label_ar, m.type) for m in extract_mentions(arabic().make_doc(text))]


def labels_of(text: str) -> set[str]:
    return {label for label, _ in mentions_of(text)}


@pytest.mark.parametrize("text, wrong", [
    pytest.param("وتعد تكريت ثاني مدينة يستعيدها الجيش بعد بيجي", "مدينة يستعيدها", id="imperfect-with-object"),
    pytest.param("وهو أول جسر يعاد بناؤه في المدينة", "جسر يعاد", id="imperfect-passive"),
    pytest.param("شنت الفصائل هجوما على قرية تل الورد لاستعادتها من التنظيم", "قرية تل الورد لاستعادتها",
                 id="lam-on-a-masdar-with-a-pronoun"),
    pytest.param("وانسحب المقاتلون إلى قرية الحمرا جنوبها", "قرية الحمرا جنوبها", id="direction-with-a-pronoun"),
    pytest.param("وقتل ثلاثة عناصر شرطة وأربعة مدنيين في الانفجار", "شرطة وأربعة مدنيين", id="and-a-number"),
])
def test_a_clause_after_a_name_is_not_part_of_it(text, wrong):
    assert wrong not in labels_of(text)


@pytest.mark.parametrize("text, name", [
    pytest.param("شنت الفصائل هجوما على قرية تل الورد لاستعادتها من التنظيم", "تل الورد", id="village"),
    pytest.param("وانسحب المقاتلون إلى قرية الحمرا جنوبها", "الحمرا", id="village-before-a-direction"),
    pytest.param("وتقع قاعدة كي وان قرب المدينة", "قاعدة كي وان", id="a-transliterated-one-stays"),
])
def test_the_name_before_the_clause_is_kept(text, name):
    assert name in labels_of(text)


def test_a_verb_after_a_head_noun_names_no_place():
    assert not [kind for _, kind in mentions_of("وستكون أول مدينة يحررها الجيش منذ عام") if kind == "City"]


def test_a_base_of_its_own_is_described_not_named():
    found = extract_mentions(arabic().make_doc("أخلت القوات أكبر قاعدة لها في المنطقة"))
    bases = [m for m in found if m.type == "MilitaryBase"]
    assert [(m.label_ar, m.label_en, m.scope) for m in bases] == [("قاعدة", "base", "document")]


def test_a_particle_after_a_title_is_no_persons_name():
    assert not [kind for _, kind in mentions_of("وصرح ضابط بأن القوات دخلت المدينة") if kind == "Person"]


@pytest.mark.parametrize("word, verdict", [
    pytest.param("يستردونها", True, id="imperfect-plural-with-object"),
    pytest.param("ومحيطها", True, id="and-surroundings-with-a-pronoun"),
    pytest.param("لهم", True, id="lam-and-a-pronoun"),
    pytest.param("اثنين", True, id="number-word"),
    pytest.param("رفعت", False, id="given-name-that-is-a-perfect-verb"),
    pytest.param("تدمر", False, id="a-town-spelled-as-a-verb"),
    pytest.param("منبج", False, id="a-town"),
    pytest.param("وليد", False, id="a-given-name-with-waw"),
])
def test_what_is_no_name_word(word, verdict):
    assert not_a_name_word(arabic(), normalize_word(word)) is verdict


@pytest.mark.parametrize("text, name", [
    pytest.param("وقال مكتب محافظ دير الزور إن الطريق فتح", "مكتب محافظ دير الزور", id="office-of-a-governor-of-a-place"),
    pytest.param("وذكرت مديرية زراعة صلاح الدين أن الحقول احترقت", "مديرية زراعة صلاح الدين", id="directorate-of-a-place"),
])
def test_a_known_place_that_ends_a_genitive_chain_is_taken_whole(text, name):
    assert name in labels_of(text)


def test_a_word_with_a_plural_pronoun_is_no_place():
    assert not [kind for _, kind in mentions_of("عادت الأسر إلى مناطق سكناهم القديمة") if kind == "Region"]


@pytest.mark.parametrize("text", [
    pytest.param("قتل عنصر في قوات النظام وأصيب خمسة آخرون بانفجار لغم", id="and-a-verb-of-the-toll"),
    pytest.param("داهمت القوات بيتا يسكنه أمير في التنظيم وهو سوري الجنسية، في القرية", id="and-a-pronoun"),
    pytest.param("قتل عنصر في قوات الجيش وجرح ثلاثة في الاشتباكات", id="and-wounded"),
])
def test_a_title_followed_by_a_new_clause_names_no_person(text):
    assert not [label for label, kind in mentions_of(text) if kind == "Person"]


def test_a_given_name_with_the_letter_waw_is_still_a_name():
    assert ("وليد العبيدي", "Person") in mentions_of("وقال العميد وليد العبيدي إن القوات تقدمت")
