"""What an armed force or a coalition announces in its own words ("أعلن الجيش أن ...") is a statement of its
own; what it announces it did ("أعلن الجيش تحرير القرية") is that event, its speaker the doer. Sentences
written for these tests in the style of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

import athar
from reading import events_of, role_labels

COALITION = "Global Coalition against Daesh"
SDF = "Syrian Democratic Forces (SDF)"


@pytest.mark.parametrize("text", [
    pytest.param("أعلن الجيش العراقي، اليوم الأحد، أن قطعاته أكملت تطهير قرى جنوب الموصل", id="army-that"),
    pytest.param("أعلن التحالف الدولي، مساء الخميس، أن طائراته لن تعمل بعد اليوم فوق المدينة", id="coalition-that"),
    pytest.param("وأعلنت قوات الحشد الشعبي، الثلاثاء، أن مقاتليها قطعوا طريق الإمداد بين تلعفر والحدود", id="pmf-that"),
])
def test_an_armed_forces_announcement_is_a_statement(text):
    assert events_of(text, "Statement")


@pytest.mark.parametrize("text", [
    pytest.param("أعلن الجيش العراقي، اليوم الأحد، تحرير قرية البوسيف جنوب الموصل", id="masdar"),
    pytest.param("أعلن التحالف الدولي عن سحب قواته من قاعدة القيارة، مؤكدا أنه سلمها للجيش", id="masdar-before-that"),
])
def test_an_armed_forces_announcement_of_what_it_did_is_that_event(text):
    facts = athar.read(text, published="2020-11-16").facts
    assert [f.type for f in facts if f.type == "Statement"] == []


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("أعلنت قوات سوريا الديمقراطية ( قسد )، عن إلقاء القبض على ثلاثة عناصر من داعش في الطبقة",
                 "Arrest", SDF, id="short-name-in-brackets"),
    pytest.param("وكانت قوات سوريا الديمقراطية قد أعلنت - في مؤتمر صحفي عقدته في بلدة عين عيسى - بدء معركة تحرير الطبقة",
                 "MilitaryOperation", SDF, id="aside-between-dashes"),
    pytest.param("أعلن التحالف الدولي بقيادة الولايات المتحدة، اليوم الخميس، مغادرة قاعدة القيارة جنوب الموصل",
                 "Withdrawal", COALITION, id="its-leader-then-a-date"),
    pytest.param("وأعلن التحالف الدولي سحب وإعادة تمركز قواته من قاعدة الحبانية غرب بغداد",
                 "Withdrawal", COALITION, id="masdar-right-after-the-speaker"),
])
def test_the_announcer_is_the_doer_of_what_it_announces(text, cls, agent):
    fact = events_of(text, cls)[0]
    assert role_labels(fact, "agent") == [agent]


def test_a_body_that_announces_a_departure_is_not_who_leaves():
    fact = events_of("أعلنت الإدارة الذاتية، اليوم الأحد، مغادرة 200 عائلة مخيم الهول", "Departure")[0]
    assert "Autonomous Administration of North and East Syria" not in role_labels(fact, "agent")


def test_two_parties_that_announce_their_control_took_the_place():
    fact = events_of("وكانت قوات سوريا الديمقراطية والمجلس العسكري أعلنا سيطرتهما على بلدة الشدادي", "Liberation")[0]
    assert SDF in role_labels(fact, "agent")
