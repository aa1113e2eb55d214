"""An operation read by its own words is where the ground its aim seeks lies (read/aim.py,
_sought_ground): the aim is no event, its place stays with the operation. Sentences written for
these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import event_places, events_of, role_labels


@pytest.mark.parametrize("text, place", [
    pytest.param("أعلنت القوات الكردية بدء حملة عسكرية لطرد التنظيم من ريف محافظة الحسكة", "Al-Hasakah Governorate",
                 id="a-campaign-to-expel-a-group-from-a-place"),
    pytest.param("أطلقت الفصائل المرحلة الثانية لحملة درع الجزيرة التي تهدف إلى تحرير مدينة منبج", "Manbij",
                 id="a-campaign-that-aims-to-liberate-a-city"),
])
def test_an_operation_is_where_its_aim_seeks_ground(text, place):
    assert event_places(text, "MilitaryOperation") == {place}


def test_an_operation_that_names_its_place_keeps_it():
    text = "بدأت القوات حملة عسكرية في مدينة الرقة لطرد التنظيم من ريف محافظة الحسكة"
    assert event_places(text, "MilitaryOperation") == {"Raqqa"}


def test_an_announced_operation_keeps_the_place_of_its_aim_and_its_announcer_as_doer():
    # the statement's words said run over the operation: it is kept after it, and is no operation
    text = "أعلنت قوات سوريا الديمقراطية، في بيان نقلته رويترز أمس، بدء حملة عسكرية لطرد التنظيم من ريف محافظة الحسكة"
    assert event_places(text, "MilitaryOperation") == {"Al-Hasakah Governorate"}
    fact = events_of(text, "MilitaryOperation")[0]
    assert role_labels(fact, "agent") == ["Syrian Democratic Forces (SDF)"]
