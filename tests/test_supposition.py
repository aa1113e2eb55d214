"""What a text supposes, a possibility or a condition, is no event told (read/supposition.py);
the event told beside it stays. Sentences written for these tests."""

from __future__ import annotations

import pytest

from athar.read.pipeline import Pipeline

PUBLISHED = "2020-11-08"


def _classes(text: str, without_aims: bool = False) -> list[str]:
    pipeline = Pipeline()
    if without_aims:
        pipeline.remove("aims")
    return [f.type for f in pipeline(text, published=PUBLISHED).facts if not f.relation]


@pytest.mark.parametrize("text, event", [
    pytest.param("وقالت رئيسة الوفد إن المدنيين قلقون بشدة وربما يحاولون الهرب من مدينة الموصل.", "Displacement",
                 id="perhaps-they-flee"),
    pytest.param("وقال المتحدث إنه سواء قرر السكان الهرب من الرقة أو البقاء فيها فيجب حمايتهم.", "Displacement",
                 id="whether-they-flee"),
    pytest.param("وإذا تمكن الجيش من السيطرة على مدينة هيت فستكون أول بلدة يستعيدها هذا العام.", "Liberation",
                 id="if-the-army-takes-the-town"),
    pytest.param("وفي حال هاجم التنظيم مخيم الهول سترد القوات على الفور.", "Attack", id="should-the-group-attack"),
])
def test_a_supposed_event_is_no_event(text, event):
    assert event not in _classes(text), _classes(text)
    assert event in _classes(text, without_aims=True)  # read, then left out as supposed


@pytest.mark.parametrize("text, event", [
    pytest.param("هاجم التنظيم مخيم الهول أمس، ولو أن الهجوم لم يوقع ضحايا.", "Attack", id="the-deed-before-the-clause"),
    pytest.param("وإذا كانت البلدة هادئة اليوم، فقد هاجم التنظيم حاجزا للجيش قربها أمس.", "Attack",
                 id="the-main-clause-after-the-comma"),
])
def test_the_event_told_beside_a_supposition_stays(text, event):
    assert event in _classes(text), _classes(text)
