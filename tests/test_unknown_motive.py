"""What is not known about an event tells that it happened (modality.tsv, row Asserted): the negation
of "لم تعرف دوافع" is of the knowing, not of the killing. Sentences written for these tests."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-01"


def _modalities(text: str, cls: str) -> list[str]:
    return [f.modality for f in athar.read(text, published=PUBLISHED).facts if f.type == cls]


@pytest.mark.parametrize("text, cls", [
    pytest.param("ولم تعرف دوافع قتل ثلاثة مدنيين في بلدة الشرقاط.", "Killing", id="the-motive-unknown"),
    pytest.param("ولم تتضح ملابسات الهجوم على قرية البوير.", "Attack", id="the-circumstances-unclear"),
    pytest.param("ولم تعرف هوية منفذي الهجوم على قرية البوير.", "Attack", id="the-doers-unknown"),
])
def test_what_is_unknown_about_an_event_tells_it_happened(text, cls):
    assert _modalities(text, cls)[:1] == ["Asserted"], _modalities(text, cls)


def test_an_event_denied_stays_negated():
    assert _modalities("ولم تقتل القوات أي مدني في قرية البوير.", "Killing") == ["Negated"]
