"""To whom it was done, as news writing says it: the dead "in the ranks" of a group, the object of
a masdar after "ل" with its doer in the genitive, a group named in brackets after its head noun
(sentences written for these tests, none copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import events_of, role_labels

PUBLISHED = "2021-03-10"
ISIS = "Islamic State (ISIS / Daesh)"


def _event(text: str, cls: str):
    return events_of(text, cls, PUBLISHED)[0]


@pytest.mark.parametrize("text, victim", [
    pytest.param("سقط العشرات من القتلى في صفوف التنظيم قرب الباغوز", ISIS, id="ranks-of-a-group"),
    pytest.param("خاضت قسد معارك مع تنظيم داعش أدت لسقوط العشرات من القتلى في صفوفه", ISIS, id="its-ranks"),
    pytest.param("أسفر القصف عن مقتل وجرح العشرات في صفوف القوات العراقية", "Iraqi Security Forces",
                 id="ranks-of-a-force"),
    pytest.param("شن الجيش العراقي هجوما على داعش قرب القائم، وقتل عشرة في صفوفهم", ISIS, id="their-ranks"),
])
def test_the_dead_in_the_ranks_of_a_group_are_its_members(text, victim):
    assert victim in role_labels(_event(text, "Killing"), "victim")


@pytest.mark.parametrize("text, cls, agent, place", [
    pytest.param("وتمثل استعادة الجيش العراقي للقيارة أحدث تقدم", "Liberation", "Iraqi Army", "Qayyarah",
                 id="istiada"),
    pytest.param("بعد تحرير القوات العراقية لمدينة الموصل", "Liberation", "Iraqi Security Forces", "Mosul",
                 id="tahrir"),
    pytest.param("عقب اقتحام البيشمركة لبلدة سنجار", "Attack", "Peshmerga", "Sinjar", id="iqtiham"),
])
def test_a_masdar_with_its_object_after_lam_has_its_doer_in_the_genitive(text, cls, agent, place):
    fact = _event(text, cls)
    assert role_labels(fact, "agent") == [agent]
    assert role_labels(fact, "place") == [place]
    assert agent not in role_labels(fact, "origin") + role_labels(fact, "target")


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("أدى اقتحام الوحدات الكردية للقرية إلى نزوح عشرات العائلات", "Attack",
                 "People's Protection Units (YPG)", id="storming-the-village"),
    pytest.param("وجاء اقتحام الجيش العراقي للمدينة بعد حصار دام أسابيع", "Attack", "Iraqi Army", id="the-city"),
    pytest.param("ورحب الأهالي بتحرير القوات العراقية للناحية", "Liberation", "Iraqi Security Forces",
                 id="freeing-the-district"),
])
def test_an_armed_party_in_the_genitive_before_an_unnamed_lam_object_is_the_doer(text, cls, agent):
    fact = _event(text, cls)
    assert role_labels(fact, "agent") == [agent]
    assert agent not in role_labels(fact, "origin") + role_labels(fact, "target")


@pytest.mark.parametrize("text, agent", [
    pytest.param("وتحدث الضابط عن اقتحام قوة من جهاز مكافحة الإرهاب، حي الصناعة شرقي المدينة",
                 "Iraqi Counter Terrorism Service", id="a-unit-of-a-state-force"),
    pytest.param("وانسحب عناصر التنظيم بعد اقتحام وحدات حماية الشعب من محورين", "People's Protection Units (YPG)",
                 id="no-object-named"),
])
def test_a_storming_has_its_doer_in_the_genitive_whatever_armed_party(text, agent):
    fact = _event(text, "Attack")
    assert role_labels(fact, "agent") == [agent]
    assert agent not in role_labels(fact, "target")


def test_the_side_an_advance_is_guessed_to_be_made_on_is_still_free_to_withdraw():
    text = "وتقدمت قسد بعد اقتحام الوحدات الكردية من محورين مدعومة بطيران التحالف ما أجبر تنظيم داعش على الانسحاب"
    assert role_labels(_event(text, "Withdrawal"), "agent") == [ISIS]


def test_a_stronghold_with_its_pronoun_is_held_by_whom_the_pronoun_names_not_by_who_gains_it():
    text = "ويوشك تنظيم داعش على خسارة مدينة الرقة معقله الرئيسي في سوريا لصالح قوات سوريا الديمقراطية"
    assert role_labels(_event(text, "TerritorialControl"), "agent") == [ISIS]


@pytest.mark.parametrize("name", ["(داعش)", '"داعش"'])
def test_a_group_named_in_brackets_after_its_head_noun_is_governed_as_the_name(name):
    text = f"شرعت القوات العراقية عملية تحرير قضاء هيت من قبضة تنظيم {name} الإرهابي"
    assert role_labels(_event(text, "MilitaryOperation"), "target") == [ISIS]


@pytest.mark.parametrize("sides", ["من عناصر الطرفين", "من الجانبين", "من كلا الطرفين", "في صفوف الطرفين"])
def test_the_dead_of_both_sides_are_the_sides_of_the_battle_told_before(sides):
    text = f"اندلعت اشتباكات عنيفة بين الجيش العراقي وتنظيم داعش قرب القائم. وقتل خلالها العشرات {sides}."
    fact = _event(text, "Killing")
    assert role_labels(fact, "victim") == ["Iraqi Army", ISIS]


def test_both_sides_name_no_one_without_a_battle_before():
    fact = _event("قتل عشرة أشخاص من الطرفين في شجار عشائري بالبصرة", "Killing")
    assert role_labels(fact, "victim") == ["people"]


@pytest.mark.parametrize("text", [
    "أعلن الجيش العراقي انطلاق عملية عسكرية لملاحقة فلول داعش في صحراء الأنبار",
    "نفذت قوات الحشد الشعبي عملية أمنية لتعقب بقايا داعش في جزيرة سامراء",
    "انطلقت عملية أمنية للقضاء على خلايا داعش في ديالى",
])
def test_an_operation_is_made_on_the_group_its_purpose_pursues(text):
    assert role_labels(_event(text, "MilitaryOperation"), "target") == [ISIS]


def test_an_operation_made_to_support_forces_is_not_made_on_them():
    fact = _event("أطلق الجيش العراقي عملية عسكرية لإسناد قوات البيشمركة قرب مخمور", "MilitaryOperation")
    assert role_labels(fact, "target") == []


@pytest.mark.parametrize("text, target", [
    pytest.param("استهدف انتحاري مقهى شعبيا في حي الجديدة ببغداد.", "مقهى شعبيا", id="a-cafe"),
    pytest.param("استهدفت خلية تابعة لتنظيم داعش مطعما في مدينة تكريت.", "مطعما", id="a-restaurant"),
])
def test_a_place_people_gather_named_by_its_kind_is_what_an_attack_targets(text, target):
    fact = _event(text, "Attack")
    assert [m.label_ar for r, m in fact.roles if r == "target"] == [target]


@pytest.mark.parametrize("text, cls", [
    pytest.param("وأعلن المتحدث تدمير مقرات داعش في بلدة الحضر", "Destruction", id="holding-in-the-trigger"),
    pytest.param("وأعلن المتحدث تدمير تحصينات ومواقع التنظيم حول بلدة الحضر", "Destruction",
                 id="holdings-joined-by-waw"),
])
def test_the_group_whose_holdings_are_destroyed_is_not_their_destroyer(text, cls):
    # the group after a holding noun owns what was destroyed: the genitive of the holding, not the doer
    assert ISIS not in role_labels(_event(text, cls), "agent")


def test_a_stronghold_told_with_its_holder_keeps_the_holder():
    fact = _event("وكانت الشرقاط آخر معاقل داعش في المحافظة", "TerritorialControl")
    assert role_labels(fact, "agent") == [ISIS]
