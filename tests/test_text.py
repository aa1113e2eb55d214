"""Documents and normalization: front matter, the offset map, sentences."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from athar.read import text
from athar.read import text as text_
from athar.errors import DocumentError
from athar.read.source import parse_document
from athar.read.text import normalize, normalize_word, segment, token_texts
from athar.read.function_words import line_joins
from athar.read.language import arabic


@pytest.mark.parametrize("raw, normalized", [
    pytest.param("أَعْلَنَ", "اعلن", id="diacritics"),
    pytest.param("داعـــش", "داعش", id="tatweel"),
    pytest.param("إدلب وآمرلي", "ادلب وامرلي", id="alef-hamza"),
    pytest.param("ديالى", "ديالي", id="alef-maqsura"),
    pytest.param("الرقة", "الرقه", id="ta-marbuta"),
    pytest.param("مؤسسة شؤون", "موسسه شوون", id="waw-hamza"),
    pytest.param("٢٠١٩ و۱۲", "2019 و12", id="arabic-indic-digits"),
    pytest.param("٢١٠٬٠٠٠", "210,000", id="arabic-thousands-separator"),
    pytest.param("«قسد» و“داعش”", '"قسد" و"داعش"', id="quotes"),
    pytest.param("‹SDF›", '"SDF"', id="single-guillemets"),
    pytest.param("\ufeffSDF\ufeff", "SDF", id="byte-order-mark"),
    pytest.param("SDF 😀 中文", "SDF 😀 中文", id="beyond-the-table"),
    pytest.param("قوة المھام في عملیة واحدة", "قوه المهام في عمليه واحده", id="persian-heh-and-yeh"),
    pytest.param("كتيبە الكتائبۀ", "كتيبه الكتايبه", id="persian-ae-and-heh-with-yeh"),
])
def test_normalize(raw, normalized):
    assert normalize(raw).text == normalized


def test_replacing_each_character_in_turn_is_one_translation():
    # normalize replaces the characters one after another: no replacement may be replaced again
    replaced = {ch for ch, _ in text._REPLACEMENTS}
    assert not any(ch in replaced for _, replacement in text._REPLACEMENTS for ch in replacement)
    table = str.maketrans(dict(text._REPLACEMENTS))
    every = "".join(map(chr, range(0x10000))) + "\U0001F600\U00020000"
    assert normalize(every).text == every.translate(table)


def test_the_token_pattern_of_the_basic_plane_has_the_same_letters_and_digits():
    fast = text._bmp_token_split()
    for ch in map(chr, range(0x10000)):
        assert fast.split(ch) == text._TOKEN_SPLIT.split(ch), hex(ord(ch))
    # Arabic-Indic three, Arabic comma, Arabic-Indic four
    sample = "".join(map(chr, (0x663, 0x60C, 0x664))) + " ab_c x\u00b2y 12.5,3 \u03a9\u096d8 a\u0301b"
    assert fast.split(sample) == text._TOKEN_SPLIT.split(sample)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ةىأإآؤئء ًٌٍَُِّْـ٠١٢3.،\n«»“”")),
               min_size=1, max_size=80))
def test_offsets_cut_the_same_words_out_of_the_original(text):
    seg = segment(text)
    for tok in seg.tokens:
        start, end = seg.norm.to_original(tok.start, tok.end)
        assert normalize(text[start:end]).text.strip() == tok.text


_STOPS = ".!?;" + unicodedata.lookup("ARABIC QUESTION MARK") + unicodedata.lookup("ARABIC SEMICOLON")
_MIXED = "".join(unicodedata.lookup(name) for name in (
    "ARABIC LETTER ALEF", "ARABIC LETTER BEH", "ARABIC LETTER TEH MARBUTA", "ARABIC LETTER ALEF MAKSURA",
    "ARABIC LETTER ALEF WITH HAMZA ABOVE", "ARABIC FATHA", "ARABIC DAMMA", "ARABIC SHADDA", "ARABIC TATWEEL",
    "ZERO WIDTH NO-BREAK SPACE", "RIGHT-TO-LEFT MARK", "ARABIC-INDIC DIGIT ZERO", "ARABIC-INDIC DIGIT ONE",
    "DIGIT THREE", "SUPERSCRIPT TWO", "CIRCLED DIGIT ONE", "ARABIC COMMA", "ARABIC DECIMAL SEPARATOR",
    "LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", "SINGLE LEFT-POINTING ANGLE QUOTATION MARK",
    "GRINNING FACE", "NO-BREAK SPACE", "SPACE", "CHARACTER TABULATION", "LINE FEED",
)) + _STOPS + ","


def _plain_segment(text):
    """segment as a plain reading: one original offset per normalized character, tokens
    found line by line, a sentence closed at each stop outside a number and each line end."""
    norm = normalize(text).text
    kept = [i for i, ch in enumerate(text) if normalize(ch).text]
    tokens, sentences, offset = [], [], 0
    for line in norm.split("\n"):
        first = len(tokens)
        for m in re.finditer(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S", line):
            start, end = m.start() + offset, m.end() + offset
            # a word goes on after a ة only by a typo: two words (ة ends a word)
            cuts = [q + 1 for q in range(start, end - 1) if text[kept[q]] == "ة" and norm[q + 1].isalpha()] \
                if text_._JOINED_AFTER_TA.search(text) else []
            for a, b in zip([start, *cuts], [*cuts, end]):
                tokens.append((len(tokens), a, b, norm[a:b], len(sentences)))
            if m.group() in _STOPS and not (0 < start < len(norm) - 1 and norm[start - 1].isdigit()
                                               and norm[start + 1].isdigit()):
                sentences.append((len(sentences), tokens[first][1], end, first, len(tokens)))
                first = len(tokens)
        if len(tokens) > first:
            sentences.append((len(sentences), tokens[first][1], tokens[-1][2], first, len(tokens)))
        offset += len(line) + 1
    return kept, tokens, sentences


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_MIXED)), max_size=60))
def test_segment_agrees_with_a_plain_reading(text):
    seg = segment(text)
    kept, tokens, sentences = _plain_segment(text)
    assert [tuple(tok) for tok in seg.tokens] == tokens
    assert seg.texts == tuple(tok.text for tok in seg.tokens)
    assert [(s.index, s.start, s.end, s.first_token, s.last_token) for s in seg.sentences] == sentences
    n = len(seg.norm.text)
    for start in range(n):
        for end in range(start + 1, n + 1):
            oend = kept[end] if end < n else len(text)
            while oend > kept[start] and text[oend - 1].isspace():
                oend -= 1
            assert seg.norm.to_original(start, end) == (kept[start], oend)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_MIXED)), max_size=60))
def test_lexicon_forms_split_into_the_words_of_their_segmented_text(text):
    # tables split their forms with token_texts; tokens of text must be read as the same words
    assert normalize_word(text) == normalize(text).text.strip()
    assert token_texts(text) == segment(text).texts


def test_sentences_split_on_stops_and_newlines_not_inside_numbers():
    seg = segment("بلغ العدد 1.5 مليون. ثم عاد النازحون\nعنوان جديد؟ نعم")
    texts = [seg.norm.text[s.start:s.end] for s in seg.sentences]
    assert texts == ["بلغ العدد 1.5 مليون.", "ثم عاد النازحون", "عنوان جديد؟", "نعم"]


def test_front_matter():
    doc = parse_document("---\ntitle: عنوان\npublished: 2020-03\nsource: https://example.org/a\n---\nنص الخبر\n",
                         "a.ar.txt")
    assert (doc.title, doc.published, doc.source, doc.language, doc.body) == (
        "عنوان", "2020-03", "https://example.org/a", "ar", "نص الخبر\n")
    assert doc.slug == "a.ar.txt"  # no key given: the name, percent-encoded where it must be


def test_no_front_matter_keeps_the_whole_text():
    assert parse_document("نص بلا مقدمة", "b.txt").body == "نص بلا مقدمة"


def test_published_as_a_yaml_date_is_kept_as_iso():
    assert parse_document("---\npublished: 2016-08-19\n---\nنص", "c.txt").published == "2016-08-19"


@pytest.mark.parametrize("raw, message", [
    pytest.param("---\ntitle: [x\n---\nنص", "malformed front matter", id="yaml"),
    pytest.param("---\n- a\n- b\n---\nنص", "mapping", id="not-a-mapping"),
    pytest.param("---\nauthor: x\n---\nنص", "unknown front matter key", id="unknown-key"),
    pytest.param("---\npublished: 20-3\n---\nنص", "YYYY", id="bad-date"),
    pytest.param("---\ntitle: x\n", "never closed", id="unclosed"),
])
def test_bad_front_matter(raw, message):
    with pytest.raises(DocumentError, match=message):
        parse_document(raw, "bad.txt")


def test_a_text_splits_alike_before_and_after_the_faster_pattern_is_taken(monkeypatch):
    # a process splits with the generic pattern until it has split enough text to pay for
    # building the faster one (a cold reader reads a few articles only)
    sample = "قال «أبو محمد» إن 12.5% من 3,000 نازح عادوا إلى الرقة، و Mosul ١٢٣ ﻻ\nسطر ثان!"
    monkeypatch.setattr(text, "_split_so_far", [0])
    before = [(t.text, t.start, t.end) for t in text.segment(sample).tokens]
    monkeypatch.setattr(text, "_split_so_far", [text._BMP_AFTER])
    assert text._token_split(sample) is text._bmp_token_split()
    after = [(t.text, t.start, t.end) for t in text.segment(sample).tokens]
    assert before == after and len(before) > 15


@pytest.mark.parametrize("text", [
    pytest.param("أعلن التنظيم مسؤوليته\nعن الهجوم على حاجز الجيش.", id="before-an"),
    pytest.param("قتل ثلاثة جنود في\nهجوم على حاجز للجيش.", id="after-fi"),
    pytest.param("وأكد المتحدث أن\nالقوات حررت القرية.", id="after-anna"),
])
def test_a_line_break_inside_a_sentence_does_not_end_it(text):
    """A text wrapped by hand breaks its lines inside sentences: after a word that cannot end a
    sentence, or before one that cannot open it, the sentence goes on."""
    assert len(arabic().make_doc(text, joins=line_joins(arabic())).sentences) == 1


def test_a_line_break_after_a_whole_line_ends_the_sentence():
    doc = arabic().make_doc("القوات العراقية تحرر القرية\nوقال المتحدث إن القوات تقدمت", joins=line_joins(arabic()))
    assert len(doc.sentences) == 2
