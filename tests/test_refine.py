"""Class refinements by context (refine.tsv): the class a trigger gives becomes another when its
roles and the words of its sentence say so. Sentences written for these tests."""

from __future__ import annotations

import pytest

from athar.read.pipeline import Pipeline

PUBLISHED = "2021-03-01"


def _classes(text: str) -> list[str]:
    return [f.type for f in Pipeline()(text, published=PUBLISHED).facts if not f.relation]


@pytest.mark.parametrize("text", [
    pytest.param("وستقوم قوات الشرطة المحلية بالسيطرة على الأحياء المحررة في مدينة الرمادي.", id="liberated-districts"),
    pytest.param("وتتولى أفواج الطوارئ السيطرة على الأرض المحررة في قضاء هيت.", id="liberated-ground"),
])
def test_control_over_liberated_ground_is_a_deployment(text):
    found = _classes(text)
    assert "Redeployment" in found and "Liberation" not in found, found


def test_control_taken_is_no_deployment():
    found = _classes("سيطرت القوات العراقية على حي الضباط في الرمادي بعد معارك مع داعش.")
    assert "Liberation" in found and "Redeployment" not in found, found
