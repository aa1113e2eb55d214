"""The cold reading's eighth round: passes over every token of a text that now look only at the
tokens a set test finds, and questions worked out once a text. Each answer is checked against the
rule as it was written before (kept here as the reference), on every word of data/corpus and on
sentences written for the words each one looks for."""

from __future__ import annotations

import pytest

import athar
from athar.read import location, side
from athar.read.accord import _accord_forms, relay_words
from athar.read.announcement import announce_words
from athar.read.informant import unjoined_at, unjoined_word
from athar.read.language import arabic
from athar.read.text import COMMA, NAME_MARKS

from reading import corpus_and

WRITTEN = {
    "attribution": "قتل ثلاثة مدنيين في القصف وفقا لمصادر محلية، وبحسب ما أفاد المرصد فإن القوات تقدمت.",
    "announcement": "وأعلنت القوات الحكومية السيطرة على البلدة، فيما أعلن التحالف عن ضربات جديدة.",
    "side": "تقدمت القوات في الجانب الشرقي من مدينة الموصل وبالساحل الأيمن للمدينة والريف الشمالي لها.",
    "described": "سيطرت القوات على حي الجولان آخر معاقل التنظيم شمال غربي الفلوجة.",
    "distance": "وصلت القافلة إلى قرية صغيرة تبعد 40 كيلومترا غرب المدينة، وهي الواقعة على بعد ساعة من الحدود.",
}


@pytest.fixture(scope="module")
def docs():
    return corpus_and(WRITTEN.values())


def _words(docs) -> set[str]:
    return {w for doc in docs for w in doc.texts}


def test_the_tokens_of_a_word_without_its_conjunction_are_those_each_token_gives(docs):
    lang = arabic()
    for words in (announce_words(lang), relay_words(lang) | _accord_forms(lang).keys()):
        found = 0
        for doc in docs:
            expected = [t.index for t in doc.tokens if unjoined_word(lang, t.text) in words]
            assert unjoined_at(doc, words) == expected
            found += len(expected)
        assert found


def test_a_noun_of_a_side_is_found_by_one_set_as_the_rule_reads_it(docs):
    lang = arabic()
    nouns = side._side_words(lang)[0]
    words = _words(docs) | {c + n for n in nouns for c in ("", "و", "ب", "وب", "بال", "ل", "فل", "وال", "ك")}
    forms = side._side_forms(lang)
    met = 0
    for w in words:
        assert (w in forms) == (side._noun(w, nouns) is not None), w
        met += w in forms
    assert met


def _described_as_written(seg, k, end, others):
    j = k  # past the place's adjectives and marks, then a comma
    while j < end and (seg.tokens[j].text in NAME_MARKS or location._adjective(seg.language, seg.tokens[j].text)):
        j += 1
    if j < end and seg.tokens[j].text == COMMA:
        j += 1
    words = [t.text for t in seg.tokens[j:end]]
    for phrase in location._tables(seg.language)["describing"]:
        n = len(phrase)
        if words and tuple(words[:n]) == phrase and j + n in others and others[j + n] <= end:
            return others[j + n]
    return k


def test_a_description_after_a_place_is_found_by_its_first_word_as_the_rule_reads_it(docs):
    moved = 0
    for doc in docs:
        others = {m.first_token: m.last_token for m in doc.mentions}
        n = len(doc.tokens)
        for k in range(n):
            for end in (k, k + 1, k + 3, k + 6, n):
                expected = _described_as_written(doc, k, end, others)
                assert location._described(doc, k, end, others) == expected
                moved += expected != k
    assert moved


def _measures_as_written(seg, start, end):
    words = [t.text for t in seg.tokens[start:end] if t.text not in location.NAME_MARKS]
    for phrase in location.containment_words(seg.language)["distance"]:
        n = len(phrase)
        if tuple(words[:n]) == phrase and len(words) - n <= location._MEASURE:
            return True
    return False


def test_a_distance_is_told_by_its_first_word_as_the_rule_reads_it(docs):
    measured = 0
    for doc in docs:
        n = len(doc.tokens)
        for start in range(n):
            for end in (start, start + 2, start + 4, start + 7, start + 12):
                expected = _measures_as_written(doc, start, min(end, n))
                assert location._measures(doc, start, min(end, n)) == expected
                measured += expected
    assert measured


def test_words_that_say_a_result_are_found_as_the_rule_reads_them(docs):
    from athar.read.clause import says_result
    from athar.read.rules import result_phrases
    from athar.read.text import WAW, normalize
    lang = arabic()
    said = 0
    for doc in docs:
        for s in doc.sentences:
            words = doc.texts[s.first_token:s.last_token]
            for k in range(0, len(words), 4):
                text = " ".join(words[k:k + 8])
                padded = " " + normalize(text).text + " "
                expected = any(f" {p} " in padded or f" {WAW}{p} " in padded for p in result_phrases(lang))
                assert says_result(lang, text) == expected
                said += expected
    assert said

