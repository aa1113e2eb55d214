"""A person named again by their family name alone, right after a verb of saying ("وقال
العبيدي إن"): the same person speaks. Sentences written for these tests."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-16"


def _speakers(text: str) -> list[list[str]]:
    return [[m.label_ar for m in f.role("agent")] for f in athar.read(text, published=PUBLISHED).facts
            if f.type == "Statement"]


@pytest.mark.parametrize("text, name", [
    pytest.param("التقى وزير الدفاع العراقي، سالم الحديثي، قادة الفرق في بغداد. وقال الحديثي إن العمليات ستبدأ قريبا.",
                 "سالم الحديثي", id="with-the-article"),
    pytest.param("وصلت المديرة التنفيذية لمنظمة اليونيسف هنرييت كامبل إلى أربيل. وأكدت كامبل أن الأطفال بحاجة إلى الدعم.",
                 "هنرييت كامبل", id="feminine-verb"),
    pytest.param("التقى وزير الدفاع العراقي، سالم الحسن، قادة الفرق في بغداد. وقال الحسن إن العمليات ستبدأ قريبا.",
                 "سالم الحسن", id="three-letters-with-the-article"),
])
def test_a_family_name_after_a_verb_of_saying_is_the_person_named_before(text, name):
    assert [name] in _speakers(text)


def test_a_family_name_two_people_share_names_neither():
    text = ("التقى سالم الحديثي وكريم الحديثي في بغداد. وقال الحديثي إن العمليات ستبدأ قريبا.")
    assert all("الحديثي" not in " ".join(agents) for agents in _speakers(text))


def test_a_family_name_away_from_a_verb_of_saying_is_left_alone():
    text = "التقى وزير الدفاع العراقي، سالم الحديثي، قادة الفرق. ووصل وفد من عشيرة الحديثي إلى بغداد."
    doc = athar.read(text, published=PUBLISHED)
    assert [m.first_token for m in doc.mentions if m.label_ar == "سالم الحديثي"] == [1]


def test_a_short_last_word_without_the_article_is_left_alone():
    # "حسن" alone is as often a given name: another Hasan may speak
    text = "التقى وزير الدفاع العراقي، سالم حسن، قادة الفرق في بغداد. وقال حسن إن العمليات ستبدأ قريبا."
    doc = athar.read(text, published=PUBLISHED)
    assert [m.first_token for m in doc.mentions if m.label_ar == "سالم حسن"] == [1]
