"""The answers the cold reading's sixth round remembers or finds by an index: each is the answer
the rule worked out every time (the rule as it was written before, kept here as the reference),
on every word of data/corpus and on sentences written for the words each one looks for."""

from __future__ import annotations

import pytest

from athar.read import facts, opponent, placeword
from athar.read.function_words import function_words
from athar.read.language import arabic
from athar.read.rules import claiming_words, day_parts, marker_forms, refinements

from reading import corpus_and

WRITTEN = {
    "claim": "وتبنى التنظيم الهجوم في بيان نشره على الإنترنت.",
    "other-news": "قتل جنديان في قصف على القرية، ومن جهة أخرى وصل وفد إلى المدينة.",
    "sought": "أطلقت القوات عملية لتحرير المدينة، في محاولة لاستعادة السيطرة على الحي.",
    "cue": "فجروا المنازل الملغمة وفككت الفرق العبوات فجر اليوم في الحي.",
}


@pytest.fixture(scope="module")
def docs():
    return corpus_and(WRITTEN.values())


def _cue_in_as_written(seg, clause, cues) -> bool:
    left, right = clause
    lang, texts = seg.language, seg.texts
    parts, days = day_parts(lang)
    return any(w.endswith(cue) and facts._proclitics(lang, w[:len(w) - len(cue)])
               and not (cue in parts and k + 1 < len(texts) and texts[k + 1] in days)
               for k, w in enumerate(texts[left:right], left) for cue in cues)


def test_a_refinement_cue_is_found_in_a_clause_as_the_rule_read_it(docs):
    cue_lists = {cues for *_, cues in refinements(arabic()) if cues}
    assert cue_lists
    asked = said = 0
    for doc in docs:
        for s in doc.sentences:
            for left in range(s.first_token, s.last_token, 3):
                for cues in cue_lists:
                    expected = _cue_in_as_written(doc, (left, s.last_token), cues)
                    assert facts._cue_in(doc, (left, s.last_token), cues) == expected
                    asked, said = asked + 1, said + expected
    assert 0 < said < asked


@pytest.mark.parametrize("role", placeword.ROLES)
def test_a_placement_word_is_remembered_as_the_rule_reads_it(docs, role):
    lang = arabic()
    words = {w for doc in docs for w in doc.texts} | set(placeword.placement_words(lang)[role])
    words |= {c + w for w in placeword.placement_words(lang)[role] for c in ("ب", "و", "ال", "بال")}
    for _ in range(2):  # asked, then answered from what was remembered
        assert {w for w in words if placeword.is_word(lang, role, w)} \
            == {w for w in words if placeword._is_word(lang, role, w)}


def _sought_as_written(seg, first, kinds) -> bool:
    tokens = seg.tokens
    for n in (1, 2, 3):
        if first - n < 0:
            break
        words = [t.text for t in tokens[first - n:first]]
        if any(" ".join(ws) in marker_forms(seg.language, kind) for kind in kinds
               for ws in (words, [words[0][1:], *words[1:]])):
            return True
    return False


@pytest.mark.parametrize("kinds", [opponent._SOUGHT, opponent._WISHED], ids=["sought", "wished"])
def test_a_sought_masdar_is_found_by_the_last_words_as_by_the_rows(docs, kinds):
    found = [(doc, i) for doc in docs for i in range(len(doc.tokens)) if _sought_as_written(doc, i, kinds)]
    assert found  # the written sentences have some
    for doc in docs:
        for i in range(len(doc.tokens)):
            assert opponent._sought(doc, i, kinds) == _sought_as_written(doc, i, kinds)


def test_the_turns_to_other_news_are_found_by_their_first_words(docs):
    phrases = marker_forms(arabic(), "other_news")
    longest = max(p.count(" ") + 1 for p in phrases)
    turned = 0
    for doc in docs:
        texts = doc.texts
        for s in doc.sentences:
            starts = [i for i in range(s.first_token, s.last_token)
                      if any(" ".join(texts[i:i + n]) in phrases for n in range(1, min(longest, s.last_token - i) + 1))]
            for first in range(s.first_token, s.last_token):
                expected = next((i for i in starts if i >= first), s.last_token)
                assert opponent._other_news(doc, s, first) == expected
            turned += bool(starts)
    assert turned


def test_a_claim_is_found_in_the_text_as_token_by_token(docs):
    lang = arabic()
    words, conjunctions = claiming_words(lang), function_words(lang, "conjunction")
    claimed = [any(t.text in words or t.text[:1] in conjunctions and t.text[1:] in words for t in doc.tokens)
               for doc in docs]
    assert [opponent._claimed(doc) for doc in docs] == claimed
    assert any(claimed) and not all(claimed)
