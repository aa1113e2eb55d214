"""What a force hands over: positions, property and equipment, read as the handover's target
(kinds.tsv "military-points" and "property"; events.tsv's Handover rows take materiel as their
object, and after "من" once a sum is named: "تسليم ما قيمته ... من معدات"). Sentences written
for these tests in the style of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import events_of


@pytest.mark.parametrize("text, word", [
    pytest.param("وتسلمت الحكومة العراقية من قوات التحالف ممتلكات تقدر قيمتها بخمسة ملايين دولار.", "ممتلكات",
                 id="property-received"),
    pytest.param("وأوضح البيان أن التحالف سلم مواقع تدريبية للجيش العراقي في قاعدة الحبانية.", "مواقع تدريبية",
                 id="training-sites-handed"),
    pytest.param("وقامت القوات الأمريكية بتسليم ما قيمته عشرة ملايين دولار من معدات في قاعدة عين الأسد إلى الجيش العراقي.",
                 "معدات", id="equipment-after-a-sum"),
    pytest.param("وسلمت الوحدات الكردية مواقع ونقاط انتشارها في البلدة لقوات الأسايش.", "مواقع ونقاط",
                 id="positions-and-points"),
])
def test_what_is_handed_over_is_the_target(text, word):
    fact = events_of(text, "Handover")[0]
    assert any(r == "target" and word in text[m.start:m.end] for r, m in fact.roles), fact.roles
