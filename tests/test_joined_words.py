"""A word the text joined to the one before by a typo: ة ends a word, so a letter right after it
starts the next ("القوات العراقيةوالأمريكية"). Sentences written for these tests."""

from __future__ import annotations

from athar.read.language import arabic
from athar.read.mentions import extract_mentions
from athar.read.text import segment


def words(text: str) -> list[str]:
    doc = segment(text)
    return [doc.norm.original[slice(*doc.norm.to_original(t.start, t.end))] for t in doc.tokens]


def test_a_word_joined_after_ta_marbuta_is_two_words():
    assert words("انتشرت القوات التركيةوالروسية قرب الحدود") == ["انتشرت", "القوات", "التركية", "والروسية", "قرب", "الحدود"]
    assert words("زار المدينةالقديمة") == ["زار", "المدينة", "القديمة"]
    # a vowel mark after the ة stays with its word
    assert words("مدرسةٌوالمستشفى") == ["مدرسةٌ", "والمستشفى"]


def test_a_ha_inside_a_word_is_no_ta_marbuta():
    # normalized, ة is ه: only the letter the text wrote splits a word
    assert words("قال إنهم وصلوا إلى نهر الفرات") == ["قال", "إنهم", "وصلوا", "إلى", "نهر", "الفرات"]


def test_the_body_before_the_joined_word_is_read():
    doc = arabic().make_doc("واقتحمت القوات العراقيةوالأمريكية المنطقة")
    assert "isf" in [m.key for m in extract_mentions(doc)]
