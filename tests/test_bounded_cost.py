"""Bounded cost: reading grows with the length of a text, whatever its punctuation. A line of
unpunctuated Arabic is cut into windows of at most MAX_SENTENCE_TOKENS tokens at the sentence
layer, so no stage sees a sentence longer than that, and a text ten times longer takes about ten
times as long (growth is checked by ratios, never by absolute times).

What a user checks here: paste a page with no full stop into athar, and get an answer.
"""

from __future__ import annotations

import gc
import statistics
import time

import athar
from athar.read.text import MAX_SENTENCE_TOKENS, segment

# real-looking words of a report, repeated without a stop: a reporting word, actors, places,
# an event every few words (the work of attribution and of the clause window grows with them)
WORDS = ("قال المتحدث باسم قوات سوريا الديمقراطية إن القوات حررت بلدة الباغوز في ريف دير الزور "
         "الشرقي بعد معارك عنيفة مع تنظيم الدولة وأعادت الأهالي إلى منازلهم وقتل عشرة مدنيين").split()
MAX_RATIO = 25  # for ten times the text: linear is 10, quadratic 100; caches, memory and a loaded machine add some


def unpunctuated(chars: int) -> str:
    out, length, i = [], 0, 0
    while length < chars:
        word = WORDS[i % len(WORDS)]
        out.append(word)
        length += len(word) + 1
        i += 1
    return " ".join(out)[:chars]


def seconds(text: str, repeat: int = 1) -> float:
    """The median processor time of reading ``text`` (collected garbage before each run): the
    time this process spent, not the wall clock, which other processes on the machine stretch."""
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.process_time()
        athar.read(text)
        times.append(time.process_time() - started)
    return statistics.median(times)


def growth() -> tuple[float, float, tuple[float, float, float]]:
    t10k = seconds(unpunctuated(10_000), repeat=7)
    t100k = seconds(unpunctuated(100_000), repeat=3)
    t1m = seconds(unpunctuated(1_000_000))
    return t100k / t10k, t1m / t100k, (t10k, t100k, t1m)


def test_no_sentence_is_longer_than_the_limit():
    doc = segment(unpunctuated(50_000))
    assert max(s.last_token - s.first_token for s in doc.sentences) <= MAX_SENTENCE_TOKENS
    # the windows cover every token once, in order
    assert [(s.first_token, s.last_token) for s in doc.sentences] == \
        list(zip([0] + [s.last_token for s in doc.sentences[:-1]], [s.last_token for s in doc.sentences]))
    assert doc.sentences[-1].last_token == len(doc.tokens)


def test_a_window_ends_at_a_clause_end_when_one_is_near():
    words = ["كلمة"] * 400 + ["،"] + ["كلمة"] * 400
    doc = segment(" ".join(words))
    assert doc.sentences[0].last_token == 401  # after the comma, not at token 600


def test_a_sentence_under_the_limit_is_not_cut():
    text = " ".join(["كلمة"] * (MAX_SENTENCE_TOKENS - 1)) + "."
    assert len(segment(text).sentences) == 1


def test_reading_time_grows_linearly_with_unpunctuated_text():
    athar.read(unpunctuated(10_000))  # warm the caches: lexicons, patterns
    first, second, times = growth()
    if max(first, second) > MAX_RATIO:  # measured again once: a spike of another process's load is no growth
        first, second, times = growth()
    print(f"\nunpunctuated text: 10k {times[0]:.3f} s, 100k {times[1]:.3f} s, 1M {times[2]:.3f} s; "
          f"ratios {first:.1f}x, {second:.1f}x")
    assert first <= MAX_RATIO
    assert second <= MAX_RATIO


def test_carriage_returns_end_sentences_like_line_feeds():
    text = "حررت القوات مدينة الفلوجة\r\nوقتل عشرة مدنيين في قصف\rعلى بلدة الباغوز"
    assert len(segment(text).sentences) == 3
    assert len(segment(text.replace("\r\n", "\n").replace("\r", "\n")).sentences) == 3
