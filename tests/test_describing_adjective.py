"""A relative adjective right after the noun of an event ("هجمات انتحارية", "الهجوم الانتحاري الذي
استهدف") describes the event and names no party, though the gazetteer reads the word alone as the
suicide bombers of the story (athar.read.candidate._describes; sentences written for these tests,
none copied from a corpus)."""

from __future__ import annotations

import pytest

import athar

from tests.reading import role_labels

SUICIDE_BOMBER = "suicide bomber"


def _attacks(text: str) -> list:
    return [f for f in athar.read(text, published="2020-11-16").facts if f.type == "Attack"]


@pytest.mark.parametrize("text", [
    pytest.param("شن مسلحو تنظيم داعش هجمات انتحارية على قرى في ريف دير الزور الشرقي.", id="plural-indefinite"),
    pytest.param("قتل ثلاثة جنود بالهجوم الانتحاري الذي استهدف حاجزا للجيش في الرمادي.", id="in-the-gap-of-a-relative"),
])
def test_a_suicide_adjective_after_the_attack_noun_names_no_party(text):
    attacks = _attacks(text)
    assert attacks and all(SUICIDE_BOMBER not in role_labels(f, r) for f in attacks for r in ("agent", "target")), \
        [(f.trigger, f.roles) for f in attacks]


@pytest.mark.parametrize("text", [
    pytest.param("فجر انتحاري حزامه الناسف في سوق شعبية وسط مدينة تكريت.", id="the-bomber-as-subject"),
    pytest.param("قال مصدر أمني إن انتحاريا فجر نفسه قرب حاجز للجيش في مدينة الرمادي.", id="after-inna"),
])
def test_the_suicide_bomber_named_as_a_noun_is_still_the_doer(text):
    assert any(SUICIDE_BOMBER in role_labels(f, "agent") for f in _attacks(text))
