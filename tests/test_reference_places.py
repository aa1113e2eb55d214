"""The places a text names only to say where the place before them is (relations.reference_places),
asked by several rules of the events: named by the mentions the text reads, so that a rule asking
whether one of its places is a landmark gets the same answer however often, and in whatever order,
it asks. Sentences written for these tests in the style of news Arabic."""

from __future__ import annotations

import gc

import pytest

import athar
from athar.read.relations import located_pairs, reference_places

BRACKETED = [
    pytest.param("سيطرت القوات على قرية الشيوخ شمال مدينة عين العرب (كوباني) بريف حلب.", id="village-north-of-a-city"),
    pytest.param("وقع انفجار في بلدة صرين جنوب مدينة عين العرب (كوباني) أمس.", id="town-south-of-a-city"),
]


@pytest.mark.parametrize("text", BRACKETED)
def test_a_landmark_named_again_in_brackets_is_its_first_name(text):
    doc = athar.read(text, published="2020-11-16")
    located_pairs(doc, doc.mentions)  # the relations ask first, as the pipeline does
    refs = reference_places(doc, doc.mentions)
    gc.collect()
    named = {id(m): m for m in doc.mentions}
    assert refs <= named.keys(), "every reference place is a mention the text reads"
    assert "kobani" in {named[i].key for i in refs}
    assert reference_places(doc, doc.mentions) == refs
