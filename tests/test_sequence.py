"""What one event of a sentence tells of another's doer: fighters killed in fighting were killed
by the side they fought; a killing an attack named with the article brought about was done by
whoever made the attack told before; whoever reports a killing did not die in it (sentences
written for these tests, none copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import events_by_class, events_of, role_labels

PUBLISHED = "2021-03-10"
ISIS = "Islamic State (ISIS / Daesh)"


def _killing(text: str):
    return events_of(text, "Killing", PUBLISHED)[0]


@pytest.mark.parametrize("text, agent, victim", [
    pytest.param("تمكنت قوات البيشمركة من السيطرة على قرية كبيرة في معارك خاضتها أمس مع تنظيم داعش أدت "
                 "لسقوط العشرات من القتلى في صفوفه.", "Peshmerga", ISIS, id="battle-then-its-dead"),
    pytest.param("وذلك بعد ساعات من مقتل أحد ضباط الجيش العراقي في اشتباكات مع التنظيم.", ISIS, "Iraqi Army",
                 id="killed-in-clashes-with"),
    pytest.param("خاضت القوات العراقية معارك عنيفة مع تنظيم داعش في الموصل، وأسفرت المعارك عن مقتل 30 من "
                 "عناصر التنظيم.", "Iraqi Security Forces", ISIS, id="the-battles-resulted-in"),
])
def test_fighters_killed_in_fighting_were_killed_by_the_side_they_fought(text, agent, victim):
    fact = _killing(text)
    assert role_labels(fact, "victim") == [victim]
    assert role_labels(fact, "agent") == [agent]


@pytest.mark.parametrize("text", [
    # civilians are no side: who killed them the sentence does not say
    pytest.param("قتل خمسة مدنيين في اشتباكات بين الجيش السوري وتنظيم داعش في ريف حمص.", id="civilians"),
    # fighting between three sides leaves two the dead may have fought
    pytest.param("قتل عشرة من عناصر التنظيم في اشتباكات بين الجيش العراقي والحشد الشعبي وتنظيم داعش.",
                 id="three-sides"),
])
def test_a_killing_in_fighting_gets_no_doer_the_fighting_does_not_single_out(text):
    assert role_labels(_killing(text), "agent") == []


@pytest.mark.parametrize("text, agent", [
    pytest.param("شن طيران التحالف الدولي غارات على مواقع التنظيم في البوكمال. وقال مصدر إن القصف أسفر عن "
                 "مقتل عشرة من عناصر التنظيم.", "Global Coalition against Daesh", id="the-shelling-resulted"),
    pytest.param("هاجم تنظيم داعش مواقع الجيش العراقي في بيجي، وأسفر الهجوم عن مقتل خمسة جنود.", ISIS,
                 id="the-attack-resulted"),
])
def test_an_attack_named_with_the_article_is_the_one_told_before(text, agent):
    facts = events_by_class(text, PUBLISHED)
    # the killing is told as the attack's toll, or read as an event of its own
    told = facts.get("Attack", [])[1:] + facts.get("Killing", [])
    assert told and all(role_labels(f, "agent") == [agent] for f in told)


def test_an_attack_without_the_article_is_a_new_one_whose_doer_is_not_said():
    text = "شن طيران التحالف الدولي غارات على مواقع التنظيم في البوكمال. وأسفر هجوم عن مقتل عشرة مدنيين."
    assert role_labels(_killing(text), "agent") == []


@pytest.mark.parametrize("text", [
    pytest.param("وأبلغ المرصد عن مقتل 7 رجال في ريف الرقة.", id="ablagha"),
    pytest.param("وأبلغت مصادر طبية المرصد عن مقتل 7 مدنيين في ريف الرقة.", id="ablaghat"),
])
def test_who_reports_a_killing_is_not_its_victim(text):
    assert "Syrian Observatory for Human Rights (SOHR)" not in role_labels(_killing(text), "victim")


@pytest.mark.parametrize("text, victims", [
    pytest.param("عثرت السلطات العراقية اليوم على مقبرة جماعية تضم رفات ثلاثين شخصا أعدمهم تنظيم داعش في الأنبار.",
                 ["people"], id="executed-them"),
    pytest.param("عثرت السلطات العراقية اليوم على مقبرة جماعية تضم جثث عشرين مدنيا أعدمهم تنظيم داعش في الأنبار.",
                 ["civilians"], id="the-civilians-right-before"),
])
def test_the_head_of_the_sentence_is_not_who_the_pronoun_on_a_killing_stands_for(text, victims):
    fact = _killing(text)
    assert role_labels(fact, "agent") == [ISIS]
    assert role_labels(fact, "victim") == victims


@pytest.mark.parametrize("text", [
    pytest.param("قالت مصادر محلية إن الجيش العراقي حاصر بلدة القائم من كل الجهات ضمن المعارك الجارية لطرد "
                 "تنظيم داعش", id="siege-within-the-battles"),
    pytest.param("أعلن الجيش العراقي أمس السيطرة على بلدة القائم من تنظيم داعش بعد معارك استمرت ثلاثة أسابيع",
                 id="capture-after-battles"),
])
def test_a_battle_naming_no_side_is_fought_by_the_capture_or_operation_of_its_sentence(text):
    battle = events_of(text, "Battle", PUBLISHED)[0]
    assert sorted(role_labels(battle, "participant")) == ["Iraqi Army", ISIS]


def test_a_battle_in_the_sentence_of_two_fights_takes_the_sides_of_neither():
    text = "حاصر الجيش العراقي بلدة القائم، وحررت قوات البيشمركة قرية قريبة من تنظيم داعش بعد معارك طويلة"
    assert role_labels(events_of(text, "Battle", PUBLISHED)[0], "participant") == []
