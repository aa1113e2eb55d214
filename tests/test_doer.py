"""Who does an event: a holding that describes a place ("الخاضع لسيطرة X", markers.tsv "held") hands its holder to no
other event of its sentence: the holder named there took no part in what the clause tells; a masdar
whose pronoun names its doer ("ضرباته") has no other doer after it."""

from __future__ import annotations

import pytest

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



def test_a_masdar_whose_pronoun_names_its_doer_takes_the_group_after_as_its_target():
    text = "وتابع سلاح الجو السوري ضرباته المكثفة على طرق إمداد وتجمعات التنظيم جنوب مدينة تدمر."
    facts = [f for f in athar.read(text, published=PUBLISHED).facts if f.type == "Attack"]
    assert [[m.label_ar for m in f.role("agent")] for f in facts] == [["الجيش السوري"]]
    assert [[m.label_ar for m in f.role("target")] for f in facts] == [["تنظيم داعش"]]


@pytest.mark.parametrize("text, doer", [
    pytest.param("ولقي سبعة مدنيين حتفهم في غارات للتحالف الدولي استهدفت قرية الصالحية.", "التحالف الدولي",
                 id="strikes-of-the-coalition-that-hit"),
    pytest.param("وأصيب أربعة جنود في هجوم لتنظيم داعش استهدف نقطة عسكرية قرب البلدة.", "تنظيم داعش",
                 id="attack-of-the-group-that-hit"),
])
def test_the_lam_of_a_noun_s_doer_before_the_verb_that_describes_it_names_the_doer(text, doer):
    # "غارات للتحالف استهدفت": the noun, the "ل" of whose it is, then the verb: one event, its doer after "ل"
    assert [doer] in _agents(text, "Attack")
