"""Who killed the people a story of one armed group says an attack killed without naming the
killer again: that group, when the story tells its claim, names no other group and tells no
other side's attack (athar.read.opponent.killer_in_document; sentences written for these tests,
none copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import events_by_class, role_labels

PUBLISHED = "2021-03-10"
ISIS = "Islamic State (ISIS / Daesh)"
CLAIM = " وأعلن تنظيم داعش في بيان لاحق مسؤوليته عن هجمات سابقة في المنطقة."


def _dead(text: str) -> list:
    """The killings read from ``text``, and the attacks that carry their toll (victims)."""
    facts = events_by_class(text, PUBLISHED)
    told = facts.get("Killing", []) + [f for f in facts.get("Attack", []) if role_labels(f, "victim")]
    assert told, sorted(facts)
    return told


@pytest.mark.parametrize("text", [
    pytest.param("قتل 30 شخصا في هجوم بسيارة مفخخة وسط مدينة القامشلي. وأعلن التنظيم في بيان مسؤوليته عن "
                 "الهجوم، وقال مصدر محلي إن تنظيم داعش ينشط في ريف المدينة.", id="killed-in-an-attack"),
    pytest.param("لقي ثلاثة مدنيين حتفهم بانفجار عبوة ناسفة في سوق مدينة الرقة." + CLAIM, id="killed-by-a-blast"),
])
def test_the_one_armed_group_that_claims_killed_the_people(text):
    assert all(role_labels(f, "agent") == [ISIS] for f in _dead(text))


@pytest.mark.parametrize("text", [
    # no claim: a blast may be anyone's
    pytest.param("قتل خمسة مدنيين في انفجار سيارة مفخخة في مدينة الباب. وكان تنظيم داعش قد سيطر على المدينة "
                 "قبل سنوات.", id="no-claim"),
    # two armed groups: either may have done it
    pytest.param("قتل 30 شخصا في هجوم بسيارة مفخخة وسط مدينة إدلب. وتتقاسم هيئة تحرير الشام وتنظيم داعش "
                 "السيطرة على مناطق من المحافظة." + CLAIM, id="two-groups"),
    # another side attacks in the story: the killer is not the group's for sure
    pytest.param("شن التحالف الدولي غارات على مواقع تنظيم داعش في البوكمال. وقتل عشرة مدنيين في هجوم على "
                 "سوق المدينة." + CLAIM, id="another-side-attacks"),
    # no attack in its sentence: the dead of an accident are nobody's
    pytest.param("قتل سبعة أشخاص في حادث سير على طريق الرقة." + CLAIM, id="road-accident"),
    # fighters the source calls terrorists are the group's own
    pytest.param("قتل 20 إرهابيا في قصف على مواقع في ريف دير الزور." + CLAIM, id="terrorists-killed"),
])
def test_no_killer_when_the_story_does_not_single_out_one(text):
    assert all(ISIS not in role_labels(f, "agent") for f in _dead(text))
