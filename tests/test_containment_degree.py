"""Where places lie, as news writing states it in an apposition that ranks a place among others
("الموصل، ثاني أكبر مدينة في العراق", "الباغوز، آخر جيب للتنظيم شرقي سوريا"): the place lies where
the words after the rank say; not past a relative clause, whose places are another event's.
Sentences are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import located


@pytest.mark.parametrize("text, pair", [
    pytest.param("وتقع مدينة الموصل، ثاني أكبر مدينة في العراق، على ضفاف نهر دجلة", ("Mosul", "Iraq"),
                 id="second-largest-city-in"),
    pytest.param("وصلت العائلات من بلدة الباغوز، آخر جيب لتنظيم داعش الإرهابي شرقي سوريا",
                 ("Baghuz", "eastern Syria"), id="last-pocket-of-a-group-in-a-region"),
    pytest.param("وصلت القوافل إلى بلدة الباغوز -آخر جيب للتنظيم شرقي سوريا", ("Baghuz", "eastern Syria"),
                 id="set-off-by-a-dash"),
    pytest.param("عادت مئات العائلات إلى قرية الحمرا، أكبر قرية في محافظة الرقة", ("Al-Hamra", "Raqqa Governorate"),
                 id="largest-village-in"),
])
def test_a_ranked_place_lies_where_its_rank_says(text, pair):
    assert pair in located(text)


def test_not_past_a_relative_clause():
    found = located("وصلت العائلات إلى بلدة الباغوز، آخر معقل للتنظيم الذي سيطر على مناطق في العراق")
    assert not any(place == "Baghuz" for place, _ in found), found


def test_not_past_a_comma():
    found = located("وصلت العائلات إلى مدينة الموصل، أكبر المدن، في ظل المعارك في العراق")
    assert ("Mosul", "Iraq") not in found, found
