"""Who did it, read from conventions of news writing: the suicide bomber who set off the charge,
the speaker's own aircraft and units, the one a "خلالها" clause goes on telling of. Sentences
written for these tests in the style of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

import athar
from reading import events_of, role_labels

BOMBER = "suicide bomber"


@pytest.mark.parametrize("text", [
    pytest.param("وقال مصدر في الشرطة إن انتحاريا فجر حزامه الناسف في سوق شعبي بمدينة بعقوبة", id="accusative"),
    pytest.param("وفجر انتحاري حزامه الناسف وسط مجلس عزاء في قضاء المقدادية", id="after-verb"),
    pytest.param("وأضاف أن الانتحاري الثاني فجر نفسه بعد تجمع الناس في الساحة", id="definite"),
    pytest.param("وفجرت انتحارية حزامها الناسف قرب مدخل الملعب في مدينة تكريت", id="feminine"),
    pytest.param("وفجر الانتحاريان نفسيهما عند بوابة السوق في مدينة سامراء", id="dual"),
])
def test_the_suicide_bomber_who_sets_off_the_charge_is_the_doer(text):
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "agent") == [BOMBER]


@pytest.mark.parametrize("text", [
    pytest.param("وتبنى تنظيم داعش الهجوم الانتحاري الذي استهدف حاجزا للجيش في تكريت", id="definite"),
    pytest.param("ونفذ التنظيم عملية انتحارية استهدفت حاجزا للجيش قرب بيجي", id="feminine"),
    pytest.param("وشن التنظيم هجوما انتحاريا على حاجز للجيش قرب سامراء", id="accusative"),
    pytest.param("وتبنى تنظيم داعش الهجومين الانتحاريين على حاجزين للجيش قرب الرمادي", id="dual"),
])
def test_a_suicide_attack_names_no_bomber_but_its_group(text):
    # "انتحاري" agrees with the attack before it: an adjective, no one who did or suffered it
    fact = events_of(text, "Attack")[0]
    assert BOMBER not in role_labels(fact, "agent") + role_labels(fact, "target")
    assert role_labels(fact, "agent") == ["Islamic State (ISIS / Daesh)"]


def test_a_participle_after_a_noun_still_names_people():
    # "جثة لاجئة": the body of a refugee (a participle, no relative adjective)
    fact = events_of("عثرت الشرطة في المخيم على جثة لاجئة قتلت من قبل مجهولين", "Killing")[0]
    assert role_labels(fact, "victim") == ["refugees"]


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("وقال التحالف الدولي إن طائراته دمرت مقرا لتنظيم داعش قرب الموصل", "Destruction",
                 "Global Coalition against Daesh", id="its-aircraft"),
    pytest.param("وقال الجيش السوري في بيان إن مدفعيته قصفت مواقع التنظيم قرب تدمر", "Attack",
                 "Syrian Arab Army", id="its-artillery"),
    pytest.param("وذكرت قوات سوريا الديمقراطية أن وحداتها استهدفت تجمعا لعناصر داعش قرب الشدادي", "Attack",
                 "Syrian Democratic Forces (SDF)", id="its-units"),
])
def test_a_speakers_aircraft_and_units_are_the_speaker(text, cls, agent):
    fact = events_of(text, cls)[0]
    assert role_labels(fact, "agent") == [agent]


@pytest.mark.parametrize("text, cls", [
    pytest.param("وتزايدت خلال الأشهر الماضية هجمات مسلحين يشتبه بأنهم من تنظيم داعش في محافظة ديالى", "Attack",
                 id="suspected"),
    pytest.param("وهاجم مسلحون يعتقد أنهم من تنظيم داعش نقطة للجيش في قضاء الطارمية", "Attack", id="believed"),
    pytest.param("وقتل مسلحون يرجح انتماؤهم إلى تنظيم داعش ثلاثة رعاة في بادية الأنبار", "Killing", id="likely"),
])
def test_gunmen_the_news_holds_to_be_of_a_group_are_the_group(text, cls):
    fact = events_of(text, cls)[0]
    assert role_labels(fact, "agent") == ["Islamic State (ISIS / Daesh)"]


def test_unknown_gunmen_stay_gunmen():
    fact = events_of("وهاجم مسلحون مجهولون نقطة للجيش في قضاء الطارمية", "Attack")[0]
    assert role_labels(fact, "agent") == ["gunmen"]


@pytest.mark.parametrize("text", [
    pytest.param("شنت قوات سوريا الديمقراطية حملة دهم في قرية الكسرة، اعتقلت خلالها ثلاثة من عناصر داعش",
                 id="during-it"),
    pytest.param("شنت قوات سوريا الديمقراطية حملة دهم في قرية الكسرة، واعتقلت ثلاثة من عناصر داعش", id="and"),
])
def test_a_verb_after_a_comma_goes_on_with_the_subject_before_it(text):
    # the members counted after the verb are its object, not its subject
    fact = events_of(text, "Arrest")[0]
    assert role_labels(fact, "agent") == ["Syrian Democratic Forces (SDF)"]
    assert role_labels(fact, "target") == ["Islamic State (ISIS / Daesh)"]


@pytest.mark.parametrize("text, cls", [
    pytest.param("نفذت قوات الأمن العراقية عملية أمنية في قضاء الطارمية، اعتقلت خلالها قياديا في داعش", "Arrest",
                 id="arrested"),
    pytest.param("وأطلقت قوات الأمن العراقية عملية عسكرية في صحراء الأنبار، حررت خلالها أربع قرى", "Liberation",
                 id="freed"),
    pytest.param("دخلت قوات الأمن العراقية بلدة القائم، واعتقلت خمسة مطلوبين", "Arrest", id="feminine-and"),
])
def test_the_operation_s_doer_did_what_it_did_during_it(text, cls):
    fact = events_of(text, cls)[0]
    assert role_labels(fact, "agent") == ["Iraqi Security Forces"]


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("وسيطر الجيش السوري على قرية المريعية، كما دمر الجيش 17 عربة للتنظيم إضافة إلى مقتل 60 إرهابيا",
                 "Killing", "Syrian Arab Army", id="in-addition-killing"),
    pytest.param("وحررت القوات العراقية قرية البو عيثة، إضافة إلى تدمير ثلاث عربات مفخخة للتنظيم", "Destruction",
                 "Iraqi Security Forces", id="in-addition-destruction"),
    pytest.param("وأعلنت قوات سوريا الديمقراطية السيطرة على قرية الكسرة، بالإضافة إلى اعتقال خمسة من عناصر داعش",
                 "Arrest", "Syrian Democratic Forces (SDF)", id="with-the-article"),
    pytest.param("وشن التنظيم هجوما على حاجز للجيش أسفر عن تدمير عربة عسكرية فضلا عن مقتل ثلاثة جنود", "Killing",
                 "Islamic State (ISIS / Daesh)", id="besides"),
])
def test_what_is_added_to_a_deed_was_done_by_its_doer(text, cls, agent):
    fact = events_of(text, cls)[-1]
    assert role_labels(fact, "agent") == [agent]


@pytest.mark.parametrize("text, agent", [
    pytest.param("أقدم تنظيم داعش على إعدام 12 رجلا في ريف الرقة. وأكد المرصد إعدام رجلين آخرين عند دوار البلدة",
                 ["Islamic State (ISIS / Daesh)"], id="execution-again"),
    pytest.param("أعدم تنظيم داعش ثلاثة شبان في بلدة الشحيل. وقال ناشطون إن شابا رابعا أعدم في البلدة ذاتها مساء الأحد",
                 ["Islamic State (ISIS / Daesh)"], id="verb-again"),
])
def test_the_same_killing_told_again_is_its_doer_s(text, agent):
    facts = events_of(text, "Killing")
    assert all(role_labels(f, "agent") == agent for f in facts)


@pytest.mark.parametrize("text", [
    pytest.param("أقدم تنظيم داعش على إعدام 12 رجلا في ريف الرقة. وفي سياق آخر اشتبكت قوات سوريا الديمقراطية "
                 "مع التنظيم. وأكد المرصد إعدام رجلين في البلدة", id="another-armed-party"),
    pytest.param("أقدم تنظيم داعش على إعدام 12 رجلا في ريف الرقة. وأكد المرصد إعدام رجلين على يد مسلحين مجهولين",
                 id="its-own-doer"),
])
def test_a_killing_told_again_in_a_story_of_two_armed_parties_keeps_its_doer_unknown(text):
    facts = events_of(text, "Killing")
    assert "Islamic State (ISIS / Daesh)" not in role_labels(facts[-1], "agent")


@pytest.mark.parametrize("text, cls", [
    pytest.param("دخلت قوات سوريا الديمقراطية مدينة الطبقة. كما تمكنت من السيطرة على حي الوهب", "Liberation",
                 id="as-well-masdar"),
    pytest.param("دخلت قوات سوريا الديمقراطية مدينة الطبقة. كما اعتقلت ثلاثة من عناصر التنظيم", "Arrest",
                 id="as-well-verb"),
    pytest.param("دخلت قوات سوريا الديمقراطية مدينة الطبقة. ثم اعتقلت ثلاثة من عناصر التنظيم", "Arrest",
                 id="then-verb"),
])
def test_a_sentence_opened_by_a_word_that_goes_on_keeps_the_subject_before(text, cls):
    fact = events_of(text, cls)[-1]
    assert role_labels(fact, "agent") == ["Syrian Democratic Forces (SDF)"]


def test_a_sentence_that_goes_on_and_names_its_own_subject_keeps_it():
    fact = events_of("دخلت قوات سوريا الديمقراطية مدينة الطبقة. كما اعتقلت قوات الأسايش ثلاثة من عناصر التنظيم",
                     "Arrest")[-1]
    assert "Syrian Democratic Forces (SDF)" not in role_labels(fact, "agent")


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("وتمكنت قوات الأمن العراقية، بعد اشتباكات استمرت ساعات، من اعتقال ثلاثة من عناصر داعش", "Arrest",
                 "Iraqi Security Forces", id="able-after-a-clause"),
    pytest.param("وتمكنت القوات العراقية، بعد اشتباكات عنيفة، من قتل خمسة من عناصر داعش", "Killing",
                 "Iraqi Security Forces", id="able-killing"),
    pytest.param("ونجحت قوات سوريا الديمقراطية خلال الأيام الماضية وبدعم من التحالف الدولي في تحرير قرية الكسرة",
                 "Liberation", "Syrian Democratic Forces (SDF)", id="succeeded-far"),
])
def test_a_masdar_far_from_the_verb_of_ability_has_that_verb_s_subject(text, cls, agent):
    fact = events_of(text, cls)[-1]
    assert agent in role_labels(fact, "agent")
    assert "Islamic State (ISIS / Daesh)" not in role_labels(fact, "agent")


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("هاجمت فصائل الجيش الحر مواقع قسد قرب بلدة تل تمر وتمكنت من قتل أربعة عناصر", "Killing",
                 "Free Syrian Army", id="able-killing-joined"),
    pytest.param("شنت قوات الأمن العراقية حملة تفتيش في قرية البوعيثة ونجحت في اعتقال خمسة مطلوبين", "Arrest",
                 "Iraqi Security Forces", id="succeeded-arrest-joined"),
])
def test_a_verb_of_ability_joined_by_waw_with_no_subject_goes_on_with_the_doer_before(text, cls, agent):
    fact = events_of(text, cls)[-1]
    assert role_labels(fact, "agent") == [agent]


def test_a_verb_of_ability_joined_after_another_party_keeps_its_doer_unknown():
    # the battle before names two sides: who could kill is not told
    fact = events_of("هاجم تنظيم داعش قرية البوعيثة بعد معارك مع الجيش العراقي وتمكن من قتل ثلاثة عناصر", "Killing")[-1]
    assert role_labels(fact, "agent") == []


def test_a_verb_of_ability_joined_by_waw_does_not_make_a_party_kill_its_own():
    # "... على مواقع الفصائل وتمكنت من قتل عشرة من عناصره": the members killed are the group's own,
    # so the group told before is not who killed them
    text = "شن تنظيم داعش هجوما على مواقع الفصائل في ريف حلب وتمكنت من قتل عشرة من عناصره"
    fact = events_of(text, "Killing")[-1]
    assert "Islamic State (ISIS / Daesh)" not in role_labels(fact, "agent")


def test_a_participle_with_the_article_is_no_masdar_the_verb_governs():
    # "حاول التنظيم صد تعرض القوة المهاجمة": the attacking force is not the group's
    facts = events_of("وحاول تنظيم داعش صد تعرض القوة المهاجمة قرب حديثة", "Attack")
    assert "Islamic State (ISIS / Daesh)" not in role_labels(facts[0], "agent")


def test_a_bomber_in_a_sentence_that_names_his_group_is_the_group_s():
    # the one armed group of the sentence did it through him; the attack is told once, with its place
    facts = events_of("وقال التنظيم في بيان إن هجوما بسيارة مفخخة يقودها انتحاري، استهدف تجمعا لقوات الجيش في قرية "
                      "الحسينية جنوب تكريت", "Attack")
    assert len(facts) == 1
    assert role_labels(facts[0], "agent") == ["Islamic State (ISIS / Daesh)"]


@pytest.mark.parametrize("text, agent", [
    pytest.param("وأعلنت وزارة الدفاع العراقية أن طائراتها قصفت مواقع لتنظيم داعش في وادي حوران",
                 "Iraqi Ministry of Defence", id="ministry-aircraft"),
    pytest.param("وقالت قيادة العمليات المشتركة إن قطعاتها استهدفت تجمعا لعناصر داعش في وادي حوران",
                 "Iraqi Joint Operations Command", id="command-units"),
])
def test_a_body_s_own_forces_attack_for_it(text, agent):
    # the body is no armed force itself, but its forces are named as its own before the verb
    fact = events_of(text, "Attack")[0]
    assert role_labels(fact, "agent") == [agent]


def test_forces_named_by_their_own_name_in_a_body_s_statement_are_theirs():
    fact = events_of("وقالت خلية الإعلام الأمني إن طائرات التحالف الدولي قصفت مواقع لتنظيم داعش في وادي حوران",
                     "Attack")[0]
    assert role_labels(fact, "agent") == ["Global Coalition against Daesh"]


@pytest.mark.parametrize("text, doer", [
    pytest.param("وذكر البيان أن طيران التحالف الدولي دمر معملا للتفخيخ قرب مدينة هيت", "coalition", id="after-an"),
    pytest.param("وقال المتحدث إن الجيش العراقي دمر معملا لصناعة العبوات في قضاء تلعفر", "iraqi-army", id="after-inna"),
    pytest.param("وأضاف أن المسلحين خربوا محطة الكهرباء في البلدة", "gunmen", id="plural"),
])
def test_an_armed_subject_before_a_verb_of_destroying_is_its_doer(text, doer):
    """"أن التحالف الدولي دمر معملا": the armed body named right before the verb destroyed it."""
    fact = events_of(text, "Destruction")[0]
    assert doer in {m.key for r, m in fact.roles if r == "agent"}, fact.roles


def test_the_masdar_of_destroying_takes_no_doer_from_before_it():
    """"جهود القوات لإحباط محاولات المسلحين لتدمير الجسر": the forces foil the destroying, they do
    not destroy."""
    for fact in events_of("وأشاد المسؤول بجهود قوات الشرطة في إحباط محاولات لتدمير الجسر القديم", "Destruction"):
        assert "police" not in " ".join(role_labels(fact, "agent")).lower()


@pytest.mark.parametrize("text, cls", [
    pytest.param("واعتقل أربعة من عناصر داعش من قبل قوات الشرطة في قضاء الحويجة", "Arrest", id="arrested-by"),
    pytest.param("واعتقل خمسة من مسلحي داعش على يد قوات الأمن قرب مدينة بيجي", "Arrest", id="at-the-hands-of"),
])
def test_the_subject_of_a_passive_with_its_doer_named_after_is_who_it_was_done_to(text, cls):
    """"اعتقل ثلاثة من عناصر داعش من قبل قوات الأمن": "من قبل" names the doer of a passive (اُعتقل),
    its subject is who was arrested, not a second arrester."""
    fact = events_of(text, cls)[0]
    agents = {m.key for r, m in fact.roles if r == "agent"}
    assert "isis" not in agents and agents, fact.roles
    assert "isis" in {m.key for r, m in fact.roles if r == "target"}, fact.roles


def test_the_armed_group_victims_are_named_after_killed_them():
    """"ضحايا تنظيم داعش": the victims of the group, not the group's dead."""
    fact = events_of("وشيع الأهالي عشرات من ضحايا تنظيم داعش في مدينة سنجار", "Killing")[0]
    assert "isis" in {m.key for r, m in fact.roles if r == "agent"}, fact.roles
    assert "isis" not in {m.key for r, m in fact.roles if r == "victim"}, fact.roles


@pytest.mark.parametrize("text", [
    pytest.param("وأقر التنظيم بأن مقاتليه انسحبوا من أحياء واسعة في البلدة والسيطرة على الطريق الدولي", id="verb"),
    pytest.param("وأكد المصدر انسحاب مقاتلي التنظيم من القرية والسيطرة عليها بشكل كامل", id="masdar"),
])
def test_who_withdrew_does_not_take_the_ground_told_after_it(text):
    """"انسحب مقاتلو التنظيم ... والسيطرة على الطريق": the control coordinated with a withdrawal is
    the other side's; the withdrawer's name is not carried into it."""
    for f in athar.read(text, published="2021-03-01").facts:
        if f.type in ("Liberation", "TerritorialControl"):
            assert "isis" not in {m.key for r, m in f.roles if r == "agent"}, f.roles


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("وأشار العقيد سامي فاضل آمر اللواء 44 بالجيش العراقي، إلى اقتحام قوة من جهاز مكافحة الإرهاب، منطقة الزهور",
                 "Attack", "Iraqi Counter Terrorism Service", id="commander-of-a-brigade-then-masdar"),
    pytest.param("وأشار العقيد سامي فاضل آمر اللواء 44 ضمن الفرقة 16، إلى اقتحام قوة من جهاز مكافحة الإرهاب، منطقة الزهور "
                 "شرقي الموصل", "Attack", "Iraqi Counter Terrorism Service", id="brigade-of-a-division"),
])
def test_the_body_of_the_office_of_a_person_named_before_it_does_none_of_what_they_tell(text, cls, agent):
    fact = events_of(text, cls)[-1]
    assert role_labels(fact, "agent") == [agent]


def test_the_body_a_spokesperson_names_in_the_words_said_acts():
    # "X “إن قوات الحشد ...": the body of the office, named again in what was said, did it
    fact = events_of("وقال المتحدث باسم الحشد الشعبي علي حسن “إن قوات الحشد الشعبي حررت قرية البوعيثة”",
                     "Liberation")[-1]
    assert role_labels(fact, "agent") == ["Popular Mobilization Forces"]


def test_a_body_whose_commander_is_named_after_it_still_acts():
    # the title before the name ("قائد اللواء ... العميد X"): the body is named first, and may act
    fact = events_of("وقال العميد خالد حسن قائد اللواء الخامس إن اللواء الخامس حرر قرية البوعيثة", "Liberation")[-1]
    assert role_labels(fact, "agent") != []


ISIS = "Islamic State (ISIS / Daesh)"


@pytest.mark.parametrize("text, event, role", [
    pytest.param("وأعلنت وزارة الدفاع العراقية في بيان أنها اعتقلت ستة من عناصر داعش في قضاء الحويجة",
                 "Arrest", "target", id="arrest"),
    pytest.param("وذكرت قوات الأمن أنها قتلت تسعة من مسلحي داعش قرب بيجي", "Killing", "victim", id="killing"),
    pytest.param("وقالت وزارة الدفاع العراقية إنها قد اعتقلت أربعة من عناصر داعش في تكريت",
                 "Arrest", "target", id="after-qad"),
])
def test_a_verb_after_the_speakers_pronoun_has_it_for_its_subject(text, event, role):
    """"أعلنت الوزارة أنها اعتقلت خمسة من عناصر داعش": the pronoun is the verb's subject, the members
    counted after the verb its object, never its doer."""
    fact = events_of(text, event)[0]
    assert ISIS in role_labels(fact, role)
    assert ISIS not in role_labels(fact, "agent")
