"""An event told in an aside on an armed party ("التنظيم الذي احتل عام 2014 ...") has the places its own
clause names, and none from around it (athar.read.aside); a part of a place in the genitive names
that place ("نصف مساحة سوريا": athar.read.placement.place_governed). Every sentence here was written
for these tests, in the style of news Arabic (none is copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import facts_of


def places(text: str, event: str) -> set[str]:
    found = [f for f in facts_of(text) if f.type == event]
    assert found, [(f.type, f.trigger) for f in facts_of(text)]
    return {m.label_en or m.label_ar for r, m in found[0].roles if r == "place"}


def test_an_aside_on_the_group_takes_no_place_of_the_news():
    # the group seized land in 2014 elsewhere: not in the town the lead names
    text = ("حررت القوات العراقية بلدة القائم غربي الأنبار. وقال الضابط إن التنظيم الذي احتل عام 2014 مساحات "
            "واسعة لم يعد يسيطر على أي بلدة")
    assert places(text, "TerritorialControl") == set()


def test_an_aside_that_points_back_to_a_place_is_there():
    # "منها": the village named before is where the group withdrew from
    text = "سيطرت القوات على قرية الزهور بعد معارك مع التنظيم الذي انسحب منها"
    assert places(text, "Withdrawal") == {"Al-Zahur"}


@pytest.mark.parametrize("text, event, wanted", [
    pytest.param("أكد القائد أن التنظيم الذي احتل قبل سنوات إثر زحف سريع قرابة ربع مساحة العراق خسر آخر معاقله",
                 "TerritorialControl", {"Iraq"}, id="area-of-a-country"),
    pytest.param("أعلن الجيش أن التنظيم الذي سيطر في صيف 2014 إثر هجمات متتالية على نصف مساحة سوريا فقد معظمها",
                 "TerritorialControl", {"Syria"}, id="half-of-a-country"),
])
def test_a_part_of_a_place_in_the_genitive_names_the_place(text, event, wanted):
    assert places(text, event) == wanted
