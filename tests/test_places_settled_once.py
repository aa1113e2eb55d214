"""A trigger's own places (athar.read.setting.own_places) are worked out once for the same trigger and
roles, and again once a place is marked as framing its event: the lead's place and the place shared
with the next verb ask them again after its own fact did. Sentences written for these tests."""

from __future__ import annotations

import pytest

import athar
from athar.read import setting
from athar.read.clause import EventReading
from athar.read.facts import _read_all
from athar.read.window import index_clauses

TEXTS = [
    pytest.param("قصفت طائرات حربية مواقع للتنظيم في قرية الحمرا شرق مدينة الرقة. وقتل في القصف عشرة مسلحين، "
                 "ودمرت الغارات ثلاث آليات.", id="lead-then-toll"),
    pytest.param("اعتقلت قوات الأمن خمسة مطلوبين وصادرت أسلحتهم في حي الجامعة بمدينة الموصل.", id="shared-by-two-verbs"),
]


def _settled(text: str):
    doc = athar.read(text, published="2021-03-04")
    reading = EventReading(doc, doc.mentions, doc.dates, doc.amounts, doc.triggers, index_clauses(doc))
    _read_all(reading)
    return reading


@pytest.fixture
def workings(monkeypatch):
    count = []
    work = setting._own_places

    def counted(reading, trig, roles):
        count.append(trig.first)
        return work(reading, trig, roles)

    monkeypatch.setattr(setting, "_own_places", counted)
    return count


@pytest.mark.parametrize("text", TEXTS)
def test_the_places_are_worked_out_once_and_are_what_a_new_working_gives(text, workings):
    reading = _settled(text)
    workings.clear()  # (the pipeline's own reading of the text)
    assert reading.triggers
    for trig in reading.triggers:
        first = setting.own_places(reading, trig, trig.roles)
        again = setting.own_places(reading, trig, list(trig.roles))
        assert again == first
        assert setting._own_places(reading, trig, trig.roles) == first  # a new working agrees
    assert len(workings) == 2 * len(reading.triggers)


@pytest.mark.parametrize("text", TEXTS)
def test_a_place_marked_as_framing_the_event_has_its_places_worked_out_again(text, workings):
    reading = _settled(text)
    workings.clear()
    trig = reading.triggers[0]
    setting.own_places(reading, trig, trig.roles)
    reading.frame(trig, [m for m in reading.mentions if m.source != "kind"][:1])
    setting.own_places(reading, trig, trig.roles)
    other = [(r, m) for r, m in trig.roles][:-1]  # other roles: another question
    setting.own_places(reading, trig, other)
    assert workings == [trig.first] * 3
