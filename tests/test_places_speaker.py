"""The place "في" puts right after a speaker ("أعلنت وزارة الدفاع في العراق", "قال مصدر أمني في
محافظة نينوى") says who speaks, not where the news happened: no other event takes it from the
statement, nor from the phrase that opens an earlier sentence with an event of its own. Sentences
are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read.pipeline import extract_facts
from athar.read.source import parse_document


def places(text: str, event: str) -> set[str]:
    doc = parse_document(f"---\npublished: 2020-06-15\n---\n{text}", "test.txt")
    return {m.label_en for f in extract_facts(doc) if f.type == event for r, m in f.roles if r == "place"}


@pytest.mark.parametrize("text, event, country", [
    pytest.param("أعلن الجيش السوري في سوريا اليوم، تحرير بلدة القريتين، وقال مصدر إن القوات دمرت ثلاث سيارات "
                 "وقتلت عشرين مسلحا واعتقلت خمسة آخرين", "Arrest", "Syria", id="an-armed-party-announces"),
    pytest.param("أعلن الجيش السوري في سوريا اليوم، تحرير بلدة القريتين، وقال مصدر إن القوات دمرت ثلاث سيارات "
                 "وقتلت عشرين مسلحا واعتقلت خمسة آخرين", "Destruction", "Syria", id="an-armed-party-announces-more"),
    pytest.param("أعلنت وزارة الدفاع في العراق أمس، تدمير تحصينات داعش حول مدينة هيت، وقالت إن القوات حررت "
                 "قريتين وسيطرت على الطريق العام واعتقلت ستة مسلحين", "Arrest", "Iraq", id="a-ministry-says"),
])
def test_the_place_of_a_speaker_is_no_other_events(text, event, country):
    found = places(text, event)
    assert country not in found, found


def test_a_framing_phrase_of_an_earlier_sentence_tells_no_event():
    text = ("أعلنت وزارة الدفاع في العراق أمس، تدمير تحصينات داعش حول مدينة هيت، وقالت إن القوات حررت قريتين "
            "وسيطرت على الطريق العام واعتقلت ستة مسلحين. وفي ضربة جوية قتل عشرة مسلحين من التنظيم داخل مخبأ لهم")
    assert "Iraq" not in places(text, "Killing")


def test_a_place_that_opens_the_sentence_still_frames_it():
    text = "وفي محافظة الأنبار، قتلت القوات الأمنية عشرة مسلحين من التنظيم داخل مخبأ لهم"
    assert places(text, "Killing") == {"Al Anbar Governorate"}
