"""An event done to places whose rule says nothing of "بـ" is where an inhabited place "بـ" governs
after its trigger says its places lie, as "في" would say ("استعاد الجيش ثلاث قرى بمحافظة نينوى");
the narrowest place of the clause still wins ("قرية ... بمحافظة ..."), and an event of no such
object takes no place from "بـ" ("إطلاق حملة تلقيح بمدينة ..."). Sentences are written for these tests
in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import event_places as places


@pytest.mark.parametrize("text, place", [
    pytest.param("أعلنت قيادة العمليات المشتركة استعادة القوات العراقية ثلاث قرى بمحافظة نينوى من قبضة تنظيم داعش",
                 "Nineveh Governorate", id="unnamed-villages-in-a-governorate"),
    pytest.param("استعادت قوات الجيش السوري السيطرة على عدد من البلدات بريف حلب الشرقي",
                 "eastern countryside of Aleppo Governorate", id="some-towns-in-a-countryside"),
])
def test_unnamed_places_taken_lie_where_ba_says(text, place):
    assert places(text, "Liberation") == {place}


def test_the_named_village_is_still_the_narrowest():
    assert places("حررت القوات العراقية قرية البو حمد بمحافظة صلاح الدين من عناصر داعش", "Liberation") == {"Al-Bu Hamad"}


def test_no_place_for_an_event_done_to_no_place():
    from reading import events_by_class
    assert "MilitaryOperation" not in events_by_class("إطلاق حملة تلقيح للأطفال بمدينة الموصل")
