"""What an attack was made on, as news writing says it: the subject of a verb of undergoing
(sentences written for these tests, none copied from a corpus)."""

from __future__ import annotations

import pytest

from tests.reading import events_of, role_labels

ISIS = "Islamic State (ISIS / Daesh)"
SDF = "Syrian Democratic Forces (SDF)"


@pytest.mark.parametrize("text, target, agent", [
    pytest.param("تعرضت قوات سوريا الديمقراطية لهجوم شنه تنظيم داعش في ريف دير الزور", SDF, ISIS,
                 id="underwent-an-attack"),
    pytest.param("تعرض رتل للجيش العراقي لهجوم بعبوة ناسفة قرب الرمادي", "Iraqi Army", None,
                 id="a-convoy-of-the-army"),
    pytest.param("وأصيب ثلاثة من عناصر الجيش العراقي بهجوم لداعش قرب كركوك", "Iraqi Army", ISIS,
                 id="wounded-in-an-attack"),
    pytest.param("أصيب عدد من عناصر قوات سوريا الديمقراطية بإطلاق نار من قبل مسلحين مجهولين في قرية الطيانة",
                 SDF, "gunmen", id="wounded-by-gunfire"),
])
def test_who_underwent_an_attack_is_its_target_not_its_doer(text, target, agent):
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "target") == [target]
    assert role_labels(fact, "agent") == ([agent] if agent else [])
