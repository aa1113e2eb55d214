"""What the rules of a text work out once (athar.read.memo) and the shortcuts of the cold
reading's fourth round: each gives the answer the rule worked out every time, and a layer that
changes is read again, never answered from what its old mentions gave."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import athar
from athar.read.language import arabic
from athar.read.memo import ends_with_cue, name_ends, triggers_by_start
from athar.read.relations import located_pairs, place_containers
from athar.read.rules import refinements
from athar.read.source import read_document
from athar.read.text import normalize, segment

CORPUS = sorted(Path(__file__).resolve().parent.parent.joinpath("data", "corpus").glob("*.txt"))


def test_a_sentence_ends_a_word_with_a_cue_as_the_refinement_rule_read_it():
    cue_lists = {cues for *_, cues in refinements(arabic()) if cues}
    assert cue_lists  # refine.tsv has rules with cues: with none, this would test nothing
    asked = said = 0
    for path in CORPUS:
        doc = athar.read(read_document(path))
        for sentence in doc.sentences:
            words = {t.text for t in doc.tokens[sentence.first_token:sentence.last_token]}
            for cues in cue_lists:
                expected = any(c in words or any(w.endswith(c) for w in words) for c in cues)
                assert ends_with_cue(doc, sentence, cues) == expected
                asked, said = asked + 1, said + expected
    assert 0 < said < asked  # some sentences have a cue, some do not


def test_a_changed_layer_of_mentions_is_read_again():
    doc = athar.read("قتل مدنيان في قرية الياشلي شمال غرب مدينة منبج.")
    pairs = located_pairs(doc, doc.mentions)
    assert [(a.key, b.key) for a, b in pairs] and place_containers(doc, doc.mentions)
    fewer = [m for m in doc.mentions if m.key != pairs[0][1].key]  # the larger place taken out
    assert located_pairs(doc, fewer) == []
    # each caller gets its own sets: one that changes its copy changes no other's
    mine = place_containers(doc, doc.mentions)
    mine[pairs[0][0].key].add("elsewhere")
    assert "elsewhere" not in place_containers(doc, doc.mentions)[pairs[0][0].key]


def _ends(mentions) -> dict[int, int]:
    ends: dict[int, int] = {}
    for m in mentions:
        ends[m.first_token] = max(ends.get(m.first_token, 0), m.last_token - 1)
    return ends


@pytest.mark.parametrize("first, second", [
    pytest.param("زودت منظمة أطباء بلا حدود المستشفى في مدينة الرقة بالأدوية.",
                 "أعادت قوات الأمن فتح الطريق بين مدينة منبج وبلدة صرين.", id="two-texts"),
])
def test_the_names_of_a_text_are_kept_in_its_doc(first, second):
    a, b = athar.read(first), athar.read(second)
    assert name_ends(a) == _ends(a.mentions) and name_ends(b) == _ends(b.mentions)
    assert name_ends(a) == _ends(a.mentions)  # asked again after another text: its own names
    # a name added to the layer (mentions are only added while a text is read) is read again
    last = a.mentions[-1]
    a.mentions.append(replace(last, first_token=0, last_token=2))
    assert name_ends(a)[0] == 1 and name_ends(b) == _ends(b.mentions)


def test_the_triggers_by_their_start_are_the_doc_triggers():
    doc = athar.read("قصف الطيران بلدة كفرنبل. واعتقلت الشرطة ثلاثة أشخاص.")
    by_start = triggers_by_start(doc)
    assert len(by_start) == len(doc.triggers) >= 2
    for start, t in by_start.items():
        assert doc.text[start:].startswith(doc.text[slice(*doc.original(t.start, t.end))])


def test_a_doc_without_a_language_says_how_to_make_one():
    doc = segment("نص بلا لغة")
    with pytest.raises(ValueError, match="make_doc"):
        doc.language  # noqa: B018
    lang = arabic()
    doc.lang = lang
    assert doc.language is lang
    assert lang.make_doc("نص").language is lang


def _to_original(norm, start: int, end: int) -> tuple[int, int]:
    """Normalized.to_original as it was before its shortcut: every span tests the ligature."""
    breaks, shifts = norm.breaks, norm.shifts
    k = bisect_right(breaks, start)
    ostart = start + shifts[k]
    if end >= len(norm.text):
        oend = len(norm.original)
    elif k == len(breaks) or end < breaks[k]:
        oend = end + shifts[k]
    else:
        oend = end + shifts[bisect_right(breaks, end, k)]
    if end > start:
        oend = max(oend, end - 1 + shifts[bisect_right(breaks, end - 1)] + 1)
    while oend > ostart and norm.original[oend - 1].isspace():
        oend -= 1
    return ostart, oend


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ابتسمنوي ،.ـ\u064b\u064e\u0651ﷺﻻﷲأإىة\n", min_size=1, max_size=30))
def test_a_span_maps_to_the_original_as_before_the_shortcut(raw):
    norm = normalize(raw)
    for start in range(len(norm.text)):
        for end in range(start, len(norm.text) + 1):
            assert norm.to_original(start, end) == _to_original(norm, start, end)
