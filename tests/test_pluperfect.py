"""A verb of saying told in the pluperfect ("وكانت X قد أعلنت") has its subject right after "كان":
quotation marks, an aside between commas or where the speaker is stand between the subject and the
verb, and no statement told before goes on in it. Sentences written for these tests."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-16"
BEFORE = "قال مصدر محلي إن الجيش لم يدخل البلدة بعد. "  # a statement with a speaker of its own, told first


def _facts(text: str):
    return athar.read(text, published=PUBLISHED).facts


def _last_speakers(text: str) -> list[str]:
    said = [f for f in _facts(text) if f.type == "Statement"]
    return [m.label_ar for m in said[-1].role("agent")]


@pytest.mark.parametrize("text, speaker", [
    pytest.param(BEFORE + "وكانت “قسد” قد أعلنت قبل أيام أن مقاتليها دخلوا البلدة.", "قوات سوريا الديمقراطية",
                 id="quoted-name"),
    pytest.param(BEFORE + "وكانت قوات سوريا الديمقراطية، وهي تحالف تدعمه واشنطن، قد أعلنت أن البلدة باتت آمنة.",
                 "قوات سوريا الديمقراطية", id="aside-between-commas"),
    pytest.param(BEFORE + "وكان مصدر أمني في محافظة نينوى أفاد، أمس، بأن الطريق فتح أمام المدنيين.", "مصدر أمني",
                 id="unnamed-source-and-where"),
])
def test_the_subject_after_kana_speaks_not_the_speaker_before(text, speaker):
    assert _last_speakers(text) == [speaker]


def test_what_the_pluperfect_speaker_says_it_did_is_its_deed():
    text = BEFORE + "وكانت قوات سوريا الديمقراطية “قسد”، وهي تحالف تدعمه واشنطن، قد أعلنت أنها فرضت سيطرتها على الطبقة."
    taken = [f for f in _facts(text) if f.type == "Liberation"]
    assert [[m.label_ar for m in f.role("agent")] for f in taken] == [["قوات سوريا الديمقراطية"]]


def test_bodies_joined_by_waw_after_kana_keep_the_deed_their_verb_governs():
    # "أعلنا سيطرتهما": the masdar the verb takes is read in its own clause, with both bodies as doers
    text = "وكانت “قسد” والمجلس العسكري أعلنا سيطرتهما الكاملة على البلدة، عقب انسحاب مقاتلي التنظيم منها."
    taken = [f for f in _facts(text) if f.type == "Liberation"]
    assert [sorted(m.label_ar for m in f.role("agent")) for f in taken] == [["المجلس العسكري", "قوات سوريا الديمقراطية"]]


def test_a_subject_named_before_kana_is_left_to_the_clause():
    # "يذكر أن X كان قد أعلن": "أن" opens the clause before "كان"; the speaker before does not go on
    text = BEFORE + "يذكر أن وزارة الدفاع كان قد أعلنت أن البلدة باتت آمنة."
    assert "مصدر محلي" not in _last_speakers(text)
