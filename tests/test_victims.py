"""To whom it was done: the victims of killings counted by the nouns news writing counts people
with, and where a phrase before the clause of a trigger belongs (sentences written for these
tests, none copied from a corpus)."""

from __future__ import annotations

import pytest

from tests.reading import events_of, role_labels

ISIS = "Islamic State (ISIS / Daesh)"


@pytest.mark.parametrize("text, victims", [
    pytest.param("أعدم تنظيم داعش 12 رجلاً في ساحة بلدة الميادين", "men", id="men-counted"),
    pytest.param("أقدم مسلحو التنظيم على إعدام رجلين قرب بلدة الشحيل", "men", id="two-men"),
    pytest.param("أعدم التنظيم عشرة من الرجال في ريف دير الزور", "men", id="of-the-men"),
    pytest.param("قتل مسلحو التنظيم 7 أشخاص في بلدة هجين", "people", id="persons"),
    pytest.param("قتل مسلحو التنظيم 11 شخصاً في بلدة هجين", "people", id="persons-accusative"),
])
def test_the_people_a_killing_counts_are_its_victims(text, victims):
    fact = events_of(text, "Killing")[0]
    assert role_labels(fact, "victim") == [victims]


def test_a_phrase_before_the_clause_opened_by_an_is_no_role_of_its_trigger():
    text = "وتحدث الشهود عن خروج عدد من الرجال، مؤكدين أن تنظيم داعش يحتجز مدنيين في بلدة هجين"
    fact = events_of(text, "Arrest")[0]
    assert role_labels(fact, "target") == ["civilians"]
    assert role_labels(fact, "agent") == [ISIS]


@pytest.mark.parametrize("text", [
    pytest.param("تمكنت عناصر من التنظيم من إعدام خمسة مدنيين في قرية الكشكية", id="members-of"),
    pytest.param("وتمكنت مجموعة من عناصر تنظيم داعش من قتل ثلاثة رعاة في بادية الأنبار", id="a-group-of-members-of"),
    pytest.param("تمكن مسلحو التنظيم من قتل خمسة مدنيين في قرية الكشكية", id="members-in-the-genitive"),
])
def test_members_of_a_group_who_could_kill_are_its_doers_not_its_victims(text):
    fact = events_of(text, "Killing")[0]
    assert role_labels(fact, "agent") == [ISIS]
    assert ISIS not in role_labels(fact, "victim")


def test_members_of_a_group_killed_by_others_are_still_its_victims():
    fact = events_of("تمكنت القوات العراقية من قتل 20 من عناصر داعش قرب القائم", "Killing")[0]
    assert role_labels(fact, "victim") == [ISIS]
    assert role_labels(fact, "agent") == ["Iraqi Security Forces"]


@pytest.mark.parametrize("text, victims", [
    pytest.param("قتل مسلحو التنظيم 7 أشخاص في بلدة هجين", "people", id="a-count-after"),
    pytest.param("أعدم عناصر داعش رجلين في بلدة هجين", "men", id="two-after"),
])
def test_members_of_a_group_after_the_verb_then_whom_it_killed_read_the_verb_as_active(text, victims):
    fact = events_of(text, "Killing")[0]
    assert role_labels(fact, "agent") == [ISIS]
    assert role_labels(fact, "victim") == [victims]


@pytest.mark.parametrize("text", [
    pytest.param("قتل عناصر داعش في اشتباكات مع الجيش قرب هجين", id="then-a-preposition"),
    pytest.param("قتل عناصر من داعش في اشتباكات مع الجيش قرب هجين", id="members-of"),
])
def test_members_of_a_group_after_the_verb_alone_were_killed(text):
    fact = events_of(text, "Killing")[0]
    assert role_labels(fact, "victim") == [ISIS]
    assert role_labels(fact, "agent") == []


@pytest.mark.parametrize("text, victims", [
    pytest.param("قتلت غارة جوية 5 مدنيين في ريف إدلب", "civilians", id="a-strike-killed"),
    pytest.param("وقتل قصف مدفعي، لم تعرف الجهة التي نفذته، ثلاثة أشخاص في قرية قرب الموصل", "people",
                 id="past-an-aside"),
    pytest.param("قال الدفاع المدني إن الأطفال الذين قضوا بقصف مدفعي على القرية كانوا نياما", "children",
                 id="died-by-a-shelling"),
    pytest.param("ارتفع عدد المدنيين الذين قضوا بانفجار ألغام في الرقة إلى أربعين", "civilians",
                 id="died-by-mines"),
    pytest.param("سقط 20 مدنيا بين قتيل وجريح في قصف على الرقة", "civilians", id="killed-and-wounded"),
])
def test_the_dead_of_an_attack_told_by_a_verb_of_killing_or_dying(text, victims):
    fact = events_of(text, "Attack") or events_of(text, "Killing")
    assert victims in role_labels(fact[0], "victim")



@pytest.mark.parametrize("text", [
    pytest.param("أسفر هجوم لتنظيم داعش على قرية الزهيرات عن مقتل 14 مواطنا", id="citizens-accusative"),
    pytest.param("قتل مسلحو التنظيم خمسة مواطنين في بلدة هجين", id="citizens-genitive"),
    pytest.param("قتل مواطنان برصاص مسلحين من داعش في بلدة هجين", id="two-citizens"),
    pytest.param("أعدم تنظيم داعش مواطنة في بلدة هجين", id="a-citizen-woman"),
    pytest.param("وقتل ثلاثة مواطنين وأصيب آخرون في هجوم لداعش على بلدة هجين", id="killed-and-wounded"),
])
def test_citizens_counted_are_the_victims_of_a_killing(text):
    import athar
    # (a killing told with its attack may be read as that attack's victims)
    facts = [f for f in athar.read(text, published="2020-01-01").facts if f.type in ("Killing", "Attack")]
    assert any(role_labels(f, "victim") == ["citizens"] for f in facts), [(f.type, f.roles) for f in facts]


def test_the_citizens_of_civic_prose_are_nobody_named():
    import athar
    doc = athar.read("وتعمل المديرية على تقديم الخدمات للمواطنين في المدينة", published="2020-01-01")
    assert not [m for m in doc.mentions if m.label_en == "citizens"]


@pytest.mark.parametrize("text, victim", [
    pytest.param("وشنت القوات العراقية هجوما على مواقع داعش انتهى بمقتل العشرات منهم", ISIS, id="dozens-of-them"),
    pytest.param("اندلعت اشتباكات عنيفة مع عناصر داعش أسفرت عن مقتل 20 منهم", ISIS, id="a-number-of-them"),
    pytest.param("انفجرت الألغام بأكثر من 400 شخص وتسببت بمقتل معظمهم", "people", id="most-of-them"),
])
def test_the_dead_a_pronoun_counts_as_part_of_a_group_named_before_are_of_that_group(text, victim):
    fact = events_of(text, "Killing")[0]
    assert role_labels(fact, "victim") == [victim]


def test_the_group_a_pronoun_of_part_counts_is_not_the_killings_own_doer():
    fact = events_of("هاجم مسلحو داعش حاجزا للجيش العراقي، فقتل الجيش العراقي العشرات منهم", "Killing")[0]
    assert role_labels(fact, "victim") == [ISIS]
    assert role_labels(fact, "agent") == ["Iraqi Army"]


# -- what a source calls the enemy's fighters, in a sentence that names no group (stand_ins.tsv) ----

@pytest.mark.parametrize("text", [
    pytest.param("أعلن الجيش العراقي انطلاق عملية لتطهير قضاء راوة من تنظيم داعش. "
                 "وأسفرت الغارات عن مقتل أكثر من 30 إرهابيا", id="the-next-sentence"),
    pytest.param("قصف طيران الجيش العراقي مواقع تنظيم داعش في قضاء راوة. "
                 "وقال مصدر أمني إن القوات قتلت 12 إرهابيا في الاشتباكات", id="told-by-a-source"),
])
def test_terrorists_killed_in_a_sentence_naming_no_group_are_the_document_s_one_group(text):
    killing = [f for f in events_of(text, "Killing") if "إرهابيا" in f.evidence.text][0]
    assert role_labels(killing, "victim") == [ISIS]


def test_terrorists_of_a_group_named_with_them_are_that_group_once():
    killing = events_of("قتلت قوة أمنية عراقية أربعة إرهابيين من داعش قرب مدينة الرمادي", "Killing")[0]
    assert role_labels(killing, "victim") == [ISIS]


def test_terrorists_in_a_story_of_two_groups_stay_what_the_source_calls_them():
    text = ("اشتبك مسلحو تنظيم داعش مع عناصر هيئة تحرير الشام في ريف حماة. "
            "وأسفرت الغارات عن مقتل أكثر من 30 إرهابيا")
    killing = [f for f in events_of(text, "Killing") if "إرهابيا" in f.evidence.text][0]
    assert role_labels(killing, "victim") == ["militants called terrorists by the source"]


# -- the dead of bodies found ---------------------------------------------------------------------

@pytest.mark.parametrize("text, victim", [
    pytest.param("وأفاد ناشطون بأنه تم العثور على جثث 15 عنصرا من تنظيم داعش داخل البلدة",
                 "Islamic State (ISIS / Daesh)", id="counted-members-of-a-group"),
    pytest.param("أعلنت الشرطة العثور على جثة امرأة في مخيم الهول", "women", id="the-genitive-of-the-body"),
])
def test_the_bodies_found_are_of_the_dead_named_after_them(text, victim):
    assert role_labels(events_of(text, "Killing")[0], "victim") == [victim]


def test_where_bodies_are_recovered_from_is_no_victim():
    fact = events_of("تم انتشال جثث من بلدة الباغوز", "Killing")[0]
    assert role_labels(fact, "victim") == []
    assert role_labels(fact, "place") == ["Baghuz"]


@pytest.mark.parametrize("text, agent", [
    pytest.param("خاضت القوات العراقية معارك عنيفة مع مسلحي داعش، والقضاء على العشرات منهم",
                 "Iraqi Security Forces", id="dozens-of-them"),
    pytest.param("اشتبكت قوات الجيش مع مسلحي داعش وتمكنت من القضاء على عدد منهم", "army forces",
                 id="a-number-of-them"),
])
def test_a_killing_whose_words_end_with_the_pronoun_of_part_killed_some_of_the_group_before(text, agent):
    # the pronoun is the victims' (some of them), not the doer's: who killed them is the other side
    fact = events_of(text, "Killing")[0]
    assert role_labels(fact, "victim") == [ISIS]
    assert role_labels(fact, "agent") == [agent]
