"""Property-based tests: the promises of reading hold for texts nobody wrote by hand.

Hypothesis draws Arabic-ish text (letters, harakat, tatweel, both kinds of digits, punctuation,
CRLF, zero-width and bidi controls, presentation forms and ligatures), sequences of the
lexicon's own date and number words, and YAML-ish front matter, and checks:

- every token, and every span of every layer, maps back to characters of the original text
  that normalize to what was matched (``text[m.start:m.end]`` is the words read);
- dates and amounts never raise and come sorted, non-overlapping, inside the text;
- ``parse_document`` returns a Document or raises DocumentError, nothing else;
- ``athar.read`` raises nothing but AtharError.

The coverage-guided run of the same entry points is fuzz/ (atheris), run for a bounded time at
the end of this file.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import athar
from athar.errors import AtharError, DocumentError
from athar.read.amounts import extract_amounts
from athar.read.dates import extract_dates
from athar.read.language import arabic
from athar.read.source import Document, parse_document
from athar.read.text import normalize, segment

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROOT = Path(__file__).resolve().parents[1]

# -- what texts are made of -------------------------------------------------------------

LETTERS = "".join(map(chr, range(0x0621, 0x063B))) + "".join(map(chr, range(0x0641, 0x064B))) + "پچکگی"
HARAKAT = "".join(map(chr, range(0x064B, 0x0660))) + "\u0670"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳²³¹⁰"  # superscripts: digits to Python that int() does not read
PUNCTUATION = "،؛؟.,:;!?\"'«»()[]-–—/%$€٪"
SPACE = [" ", "\n", "\r\n", "\r", "\t", "\u00a0"]
CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
TATWEEL = "\u0640"
PRESENTATION = ("\ufefb\ufef5\ufef7\ufef9\ufdf2\ufdfa\ufdfb\ufe8d\ufe8e\ufe91\ufe97\ufea4\ufeae\ufef3"
                "\ufee1\ufee7\ufeeb\ufef0\ufef4\ufb50\ufb8a\ufc5e\ufc60\ufe70\ufe72\ufe7c\ufe7e")
LATIN = "abcxyzABC"

_pieces = st.one_of(
    st.text(LETTERS, min_size=1, max_size=8),
    st.sampled_from(HARAKAT), st.just(TATWEEL), st.sampled_from(DIGITS),
    st.sampled_from(PUNCTUATION), st.sampled_from(SPACE), st.sampled_from(CONTROLS),
    st.sampled_from(PRESENTATION), st.sampled_from(LATIN),
    st.just("\u0627\u0653"), st.just("\u064a\u0654"),  # decomposed آ and ئ (NFD)
)
arabicish = st.lists(_pieces, max_size=60).map("".join)


def _lexicon_words(*tables: str) -> list[str]:
    """Every Arabic word of some of the language's tables (the words dates and amounts are read from)."""
    words: set[str] = set()
    folder = resources.files("athar.read") / "lang" / "ar"
    for table in tables:
        for line in (folder / f"{table}.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            if line.startswith("#"):
                continue
            for field in line.split("\t"):
                for word in field.replace("|", " ").split():
                    if any("\u0600" <= ch <= "\u06ff" for ch in word):
                        words.add(word)
    return sorted(words)


DATE_AND_NUMBER_WORDS = _lexicon_words("months", "numbers", "ordinals", "date_cues", "durations",
                                       "units", "weekdays", "bounds")
_date_tokens = st.one_of(
    st.sampled_from(DATE_AND_NUMBER_WORDS),
    st.builds(str.__add__, st.sampled_from(["و", "ب", "ل", "في", "منذ"]), st.sampled_from(DATE_AND_NUMBER_WORDS)),
    st.integers(0, 3000).map(str), st.integers(1, 31).map(str),
    st.sampled_from(["20,9", "5,3", "1.5", "²", "²⁰¹⁹", "23/3/2019", "2019-03-05", "٢٠١٩"]),
    st.sampled_from(["-", "/", "،", "%", "$", "و", "من", "في", "عام", "حتى", "إلى"]),
    st.text(LETTERS, min_size=1, max_size=6),
)
date_sentences = st.lists(_date_tokens, max_size=25).map(" ".join)
published = st.sampled_from([None, "2019", "2019-03", "2020-02-29", "1999-12-31"])


def test_the_lexicon_gives_words_to_draw_from():
    assert len(DATE_AND_NUMBER_WORDS) > 100
    assert "آذار" in DATE_AND_NUMBER_WORDS and "مليون" in DATE_AND_NUMBER_WORDS


# -- normalization and offsets -------------------------------------------------------

def _same_words(original: str, normalized: str) -> bool:
    """The original characters normalize to the words matched; a ligature of several words
    ("ﷺ") is mapped whole, so a span of one of its words holds the others too."""
    read = normalize(original).text.strip()
    words = normalized.strip()
    if any(len(normalize(ch).text.split()) > 1 for ch in original):
        return words in read
    return read == words


@FAST
@given(arabicish)
def test_every_token_maps_back_to_the_words_it_was_read_from(text):
    doc = segment(text)
    for tok in doc.tokens:
        start, end = doc.norm.to_original(tok.start, tok.end)
        assert 0 <= start <= end <= len(text)
        assert _same_words(text[start:end], tok.text), (text, tok)


@FAST
@given(arabicish)
def test_normalization_only_drops_characters_or_maps_them(text):
    norm = normalize(text)
    assert norm.original == text
    start, end = norm.to_original(0, len(norm.text)) if norm.text else (0, 0)
    assert 0 <= start <= end <= len(text)


@FAST
@given(st.lists(st.one_of(arabicish, date_sentences, st.sampled_from([
    "حررت قوات سوريا الديمقراطية مدينة الرقة من تنظيم داعش في 17 تشرين الأول 2017.",
    "قتل 12 مدنيا في قصف على بلدة كفرنبل يوم الجمعة.", "\ufefb\ufe97\ufea4\ufeae\ufef3\ufeae \ufdf2 قال",
])), max_size=4).map(" ".join))
def test_every_span_of_every_layer_cuts_its_text_out_of_the_original(text):
    doc = athar.read(text)
    for layer in doc.LAYERS:
        for span in doc.spans(layer):
            assert 0 <= span.start <= span.end <= len(text), (layer, span)
            assert span.text == doc.text[span.start:span.end]
            if layer in ("mentions", "dates", "amounts"):
                item = span.item
                assert _same_words(span.text, doc.norm.text[item.start:item.end]), (text, layer, span)


# -- dates and amounts ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("20,9-03-05", id="decimal-comma-in-a-numeric-date"),
    pytest.param("عام ²⁰¹⁹", id="superscript-year"),
    pytest.param("يوم ² آذار", id="superscript-day"),
    pytest.param("1²/3/2019", id="superscript-in-a-numeric-date"),
])
def test_found_by_fuzzing_numbers_int_cannot_read_are_no_date(text):
    """Found by fuzz/fuzz_read.py: a token starting with a digit was read with int() ("20,9", "²")."""
    assert [m for m in extract_dates(arabic().make_doc(text), None) if "²" in text[m.start:m.end]] == []
    athar.read(text)


def test_found_by_fuzzing_a_token_inside_a_ligature_of_words_maps_to_it():
    """Found by hypothesis: "ﷺ" reads as four words; the first mapped to an empty span."""
    doc = segment("قال ﷺ")
    spans = [doc.norm.to_original(t.start, t.end) for t in doc.tokens]
    assert spans[0] == (0, 3) and all(s == (4, 5) for s in spans[1:]) and len(spans) == 5


def _sorted_disjoint_inside(mentions, length: int) -> None:
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= length, m
        assert m.start >= previous_end, mentions
        previous_end = m.end


@FAST
@given(date_sentences, published)
def test_dates_are_sorted_disjoint_and_inside_the_text(text, when):
    doc = arabic().make_doc(text)
    _sorted_disjoint_inside(extract_dates(doc, when), len(doc.norm.text))


@FAST
@given(date_sentences, published)
def test_amounts_are_sorted_disjoint_and_inside_the_text(text, when):
    doc = arabic().make_doc(text)
    dates = extract_dates(doc, when)
    amounts = extract_amounts(doc, [(d.start, d.end) for d in dates])
    _sorted_disjoint_inside(amounts, len(doc.norm.text))
    for a in amounts:
        assert not any(a.start < d.end and d.start < a.end for d in dates), (a, dates)


# -- front matter -----------------------------------------------------------------------

_keys = st.sampled_from(["title", "published", "source", "language", "publisher", "author", "1", "null",
                         "? [a, b]", "<<", "!!binary x", "&a key", "*a", "'quoted'", ""])
_values = st.one_of(
    st.sampled_from(["2019-03-05", "2019-03-05 10:30:00", "2019-03-05T10:30:00Z", "2019-13-45", "2019",
                     "March 2020", "1e3", ".nan", "~", "yes", "[a, b]", "{a: 1}", "&x y", "*x", "!!set {a}",
                     "!!binary aGVsbG8=", "!!python/object:os.system x", "|\n  text", ">", "'", '"\\x00"',
                     "https://example.org/a b", "https://example.org/<>", "\u0000", "قناة", "- a\n- b"]),
    st.text(max_size=20),
)
_header_line = st.builds(lambda k, sep, v: f"{k}{sep}{v}", _keys, st.sampled_from([": ", ":", " : ", ":\t", " "]),
                         _values)
_front_matter = st.builds(
    lambda open_, lines, close, body, nl: open_.replace("\n", nl) + nl.join(lines) + close.replace("\n", nl) + body,
    st.sampled_from(["---\n", "---\r\n", "--- \n", "---", ""]),
    st.lists(_header_line, max_size=8),
    st.sampled_from(["\n---\n", "\n---", "\n--- x\n", "\n...\n", "", "\n---\n---\n"]),
    st.one_of(arabicish, st.sampled_from(["", "\n", "<html><body>x</body></html>", "نص الخبر."])),
    st.sampled_from(["\n", "\r\n"]),
)


@FAST
@given(_front_matter)
def test_front_matter_gives_a_document_or_a_document_error(raw):
    try:
        doc = parse_document(raw, "fuzz.txt")
    except DocumentError:
        return
    assert isinstance(doc, Document)
    assert raw.endswith(doc.body) and doc.body.strip()
    for value in (doc.title, doc.published, doc.source, doc.publisher, doc.language):
        assert value is None or isinstance(value, str)


# -- the whole of reading ------------------------------------------------------------------

@FAST
@given(st.one_of(arabicish, date_sentences, st.text(max_size=80)), published)
def test_reading_raises_nothing_but_athar_errors(text, when):
    try:
        doc = athar.read(text, published=when)
    except AtharError:
        return
    assert doc.text == text and doc.facts is not None


# -- coverage-guided fuzzing (atheris), bounded ------------------------------------------

FUZZ_SECONDS = int(os.environ.get("ATHAR_FUZZ_SECONDS", "20"))


# the test extra installs atheris on Linux; elsewhere it has no wheel, and the run is skipped
@pytest.mark.skipif(sys.platform != "linux", reason="atheris is installed by the test extra on Linux only")
@pytest.mark.parametrize("harness", ["fuzz_read.py", "fuzz_front_matter.py"])
def test_a_bounded_atheris_run_finds_no_crash(harness, tmp_path):
    """Each harness of fuzz/ runs for ATHAR_FUZZ_SECONDS (20 by default) from its seed corpus;
    a crash (an exception other than AtharError, an assertion) ends it with a non-zero status."""
    assert importlib.util.find_spec("atheris"), "atheris is missing: scripts/setup.sh --test installs it"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in sorted((ROOT / "fuzz" / "seeds").iterdir()):
        (corpus / seed.name).write_bytes(seed.read_bytes())
    result = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / harness), str(corpus), f"-max_total_time={FUZZ_SECONDS}",
         "-max_len=4096", "-timeout=20", "-rss_limit_mb=4096", f"-artifact_prefix={tmp_path}/"],
        capture_output=True, text=True, timeout=FUZZ_SECONDS + 120, cwd=tmp_path)
    tail = "\n".join(result.stderr.splitlines()[-40:])
    assert result.returncode == 0, f"{harness} found a crash:\n{tail}"
    assert "Done" in result.stderr, tail
