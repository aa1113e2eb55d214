"""Documents and normalization: front matter, the offset map, sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from athar.errors import DocumentError
from athar.text import normalize, parse_document, segment


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
])
def test_normalize(raw, normalized):
    assert normalize(raw).text == normalized


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ةىأإآؤئء ًٌٍَُِّْـ٠١٢3.،\n«»“”")),
               min_size=1, max_size=80))
def test_offsets_cut_the_same_words_out_of_the_original(text):
    seg = segment(text)
    for tok in seg.tokens:
        start, end = seg.norm.to_original(tok.start, tok.end)
        assert normalize(text[start:end]).text.strip() == tok.text


def test_sentences_split_on_stops_and_newlines_not_inside_numbers():
    seg = segment("بلغ العدد 1.5 مليون. ثم عاد النازحون\nعنوان جديد؟ نعم")
    texts = [seg.norm.text[s.start:s.end] for s in seg.sentences]
    assert texts == ["بلغ العدد 1.5 مليون.", "ثم عاد النازحون", "عنوان جديد؟", "نعم"]


def test_front_matter():
    doc = parse_document("---\ntitle: عنوان\npublished: 2020-03\nsource: https://example.org/a\n---\nنص الخبر\n",
                         "a.ar.txt")
    assert (doc.title, doc.published, doc.source, doc.language, doc.body) == (
        "عنوان", "2020-03", "https://example.org/a", "ar", "نص الخبر\n")
    assert doc.slug == "a"


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
