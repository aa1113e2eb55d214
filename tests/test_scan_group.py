"""The scans of whole texts that a language's word indexes share (athar.read.phrases.ScanGroup):
each index's positions are those of its own values, whatever joined the group before or after
it and however often its masks start over."""

from __future__ import annotations

from itertools import compress, count
from pathlib import Path

import pytest

from athar.read.language import Language
from athar.read.phrases import ScanGroup, WordIndex
from athar.read.source import read_document

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"


def _texts(lang: Language) -> list[tuple[str, ...]]:
    return [lang.make_doc(read_document(p).body).texts for p in sorted(CORPUS.glob("*.txt"))]


def _indexes() -> list[WordIndex]:
    # values of several kinds: true for some words only, as the matchers' and the amounts' are
    return [WordIndex(lambda w: w.startswith("ال")), WordIndex(lambda w: len(w) > 5),
            WordIndex(lambda w: w[:1].isdigit() and w), WordIndex(lambda w: "ق" in w and ("ق",))]


def _alone(index: WordIndex, texts) -> list[int]:
    return list(compress(count(), map(index.__getitem__, texts)))


@pytest.mark.parametrize("limit", [1 << 16, 50])
def test_each_index_scans_as_alone(monkeypatch, limit):
    monkeypatch.setattr(ScanGroup, "_MAX", limit)  # 50 words: the masks start over within a text
    lang = Language()
    group = ScanGroup()
    indexes = _indexes()
    for index in indexes[:2]:
        index.group = group
    texts = _texts(lang)
    assert texts and all(texts)
    for k, t in enumerate(texts):
        if k == 1:  # indexes join after the group has scanned texts
            for index in indexes[2:]:
                index.group = group
        for index in indexes:
            expected = _alone(WordIndex(index._of_word), t)
            assert index.indices(t) == expected
            assert index.indices(t) == expected  # the masks kept for the same text
    assert any(index.indices(t) for index in indexes for t in texts)


def test_the_language_matchers_share_one_group():
    from athar.read.phrases import scan_group
    from athar.read.rules import attribution_matcher, modality_matcher

    lang = Language()
    group = scan_group(lang)
    a, m = attribution_matcher(lang).starts, modality_matcher(lang).starts
    assert a.group is group and m.group is group
    for t in _texts(lang):
        assert a.indices(t) == _alone(WordIndex(a._of_word), t)
        assert m.indices(t) == _alone(WordIndex(m._of_word), t)
