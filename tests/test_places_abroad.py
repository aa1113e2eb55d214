"""Places abroad where the news of the war is told (gazetteer.tsv): a minister speaking in Tunis, a
meeting in Madrid. Every sentence here was written for these tests, in the style of news Arabic (none
is copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import facts_of


@pytest.mark.parametrize("text, event, place", [
    pytest.param("صرح المتحدث باسم التحالف في تونس بأن الغارات على مواقع داعش ستتواصل", "Statement",
                 "Tunisia", id="tunisia"),
    pytest.param("التقى رئيس الوزراء العراقي نظيره الإسباني في مدريد لبحث الحرب على داعش", "Meeting",
                 "Madrid", id="madrid"),
])
def test_a_place_abroad_is_where_the_event_is(text, event, place):
    found = [f for f in facts_of(text) if f.type == event]
    assert found, [(f.type, f.trigger) for f in facts_of(text)]
    assert {m.label_en for f in found for r, m in f.roles if r == "place"} == {place}
