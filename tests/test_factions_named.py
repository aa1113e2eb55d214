""""الفصائل" alone: the factions of the rebel armies named before, else the body the text named before by
the noun ("فصائل عملية «X» ... الفصائل"), else no one. Read from sentences written for these tests."""

from __future__ import annotations

import pytest

from athar.read.language import arabic
from athar.read.mentions import extract_mentions

LANG = arabic()


def referent(text: str, words: str) -> str | None:
    """The key of the mention of ``words`` (its last one), or None where none is read."""
    seg = LANG.make_doc(text)
    found = None
    for m in extract_mentions(seg):
        if text[slice(*seg.norm.to_original(m.start, m.end))] == words:
            found = m.key
    return found


@pytest.mark.parametrize("text, first, again", [
    pytest.param("دخلت فصائل عملية «نبع الجبل» بلدة صغيرة شرق حلب. وكانت الفصائل سيطرت أمس على ثلاث قرى",
                 "فصائل عملية «نبع الجبل»", "الفصائل", id="operation-factions"),
    pytest.param("قالت فصائل المعارضة إنها صدت هجوما قرب إدلب. وسيطرت الفصائل المسلحة لاحقا على قرية صغيرة",
                 "فصائل المعارضة", "الفصائل المسلحة", id="described-factions"),
])
def test_the_factions_are_the_body_named_before_by_the_noun(text, first, again):
    assert referent(text, first) is not None
    assert referent(text, again) == referent(text, first)


def test_the_factions_of_the_rebel_armies_come_first():
    text = "أعلن الجيش الوطني السوري تقدمه قرب الباب. وقالت فصائل المعارضة إن الفصائل سيطرت على قرية صغيرة"
    assert referent(text, "الفصائل") == "sna"


def test_the_factions_are_no_body_named_otherwise():
    # "قوات" is not "فصائل": the forces named before are not the factions
    assert referent("تقدمت قوات سوريا الديمقراطية نحو البلدة. وسيطرت الفصائل على قرية صغيرة شرق حلب",
                  "الفصائل") is None
