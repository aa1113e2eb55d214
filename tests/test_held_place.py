"""A holding that describes a place ("الخاضع لسيطرة X", markers.tsv "held") hands its holder to no
other event of its sentence: the holder named there took no part in what the clause tells."""

from __future__ import annotations

import athar

PUBLISHED = "2015-03-10"


def _agents(text: str, kind: str) -> list[list[str]]:
    facts = athar.read(text, published=PUBLISHED).facts
    return [[m.label_ar for m in f.role("agent")] for f in facts if f.type == kind]


def test_the_holder_of_a_place_struck_is_not_who_struck_it():
    text = "قصف التنظيم حي العمال الخاضع لسيطرة قوات النظام بقذائف الهاون ما أدى إلى مقتل ثلاثة مدنيين."
    attackers = [a for agents in _agents(text, "Attack") for a in agents]
    assert attackers and "الجيش السوري" not in attackers
    assert _agents(text, "TerritorialControl") == [["الجيش السوري"]]

