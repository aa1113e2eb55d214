"""A bare definite noun that refers back to an event already told is no new fact, nor a hold or a
move told again by its doer (read/repetition.py); an indefinite noun, a noun with an argument or an
amount of its own is, and so is a speaker quoted again.
Sentences written for these tests."""

from __future__ import annotations

import pytest

import athar
from athar.read.pipeline import Pipeline

PUBLISHED = "2020-11-16"


def _events(text: str, pipeline: Pipeline | None = None) -> list[tuple[str, str]]:
    doc = (pipeline or Pipeline())(text, published=PUBLISHED)
    return [(f.type, f.trigger) for f in doc.facts if not f.relation]


@pytest.mark.parametrize("text, cls, kept", [
    pytest.param("قتل مسلحون مجهولون لاجئة عراقية في مخيم الهول فجر اليوم. ولم تعرف دوافع القتل حتى الآن.",
                 "Killing", "قتل", id="the-killing"),
    pytest.param("أصدرت منظمة العفو الدولية بيانا عن الأطفال في مخيم الهول. وجاء في البيان أن المياه شحيحة.",
                 "Statement", "بيانا", id="the-statement"),
    pytest.param("انسحبت قوات التحالف الدولي من قاعدة القائم. وقال مسؤول إن الانسحاب جرى بهدوء.",
                 "Withdrawal", "انسحبت", id="the-withdrawal"),
    # (an indefinite noun in the event's own sentence, "قال التحالف الدولي في بيان": the statement's
    # medium, not a second one, is read so before this component: tests/test_statements.py)
    # a bare indefinite noun that names nothing of its own, in a later sentence
    pytest.param("دربت القوات الأمريكية عناصر الشرطة في الرقة. وأضاف أن تدريبات أجريت بسرية.",
                 "Training", "دربت", id="bare-indefinite-later"),
    # a vague count after the event's count says nothing new
    pytest.param("قتل مسلحون 48 شخصا في القامشلي. وأظهرت الصور عددا من القتلى، بينهم نساء.",
                 "Killing", "قتل", id="a-vague-count-after-the-count"),
])
def test_a_definite_noun_after_the_event_is_no_new_fact(text, cls, kept):
    assert [t for c, t in _events(text) if c == cls] == [kept]
    # the component alone makes the difference: without it the noun is a second event
    pipeline = Pipeline()
    pipeline.remove("repetitions")
    assert len([t for c, t in _events(text, pipeline) if c == cls]) == 2


@pytest.mark.parametrize("text, cls", [
    pytest.param("اقتحم مسلحو تنظيم داعش بلدة الشدادي. وقال مسؤول إن التنظيم شن هجوما كبيرا.",
                 "Attack", id="indefinite-a-new-attack"),
    pytest.param("حررت القوات العراقية مدينة الفلوجة من تنظيم داعش. وتمكنت بعد ذلك من السيطرة على قرى في محيطها.",
                 "Liberation", id="its-own-argument"),
    pytest.param("قتل مسلحون مدنيين في مخيم الهول أمس. وارتفع عدد القتلى إلى خمسة.",
                 "Killing", id="its-own-amount"),
    pytest.param("قتل مسلحون 48 شخصا في القامشلي. ولم تظهر الصور سوى خمسة من القتلى، بينهم نساء.",
                 "Killing", id="an-exact-count-of-its-own"),
    pytest.param("قال التحالف الدولي إن قواته ستبقى في العراق. وأصدرت وزارة الدفاع العراقية بيانا أكدت فيه ذلك.",
                 "Statement", id="indefinite-another-sentence-another-speaker"),
    # the preposition within the trigger's own words ("القضاء على"), as after it ("السيطرة على قرى")
    pytest.param("حررت القوات العراقية مدينة الفلوجة من تنظيم داعش. وتمكنت بعد ذلك من القضاء على فلول التنظيم "
                 "في محيطها.", "Liberation", id="its-own-argument-within-the-trigger"),
])
def test_a_noun_that_says_something_new_stays(text, cls):
    assert len([t for c, t in _events(text) if c == cls]) == 2


def test_a_speaker_quoted_again_in_a_later_sentence_makes_a_statement_of_its_own():
    # each quotation of a speaker is news told on their word, even with nothing new in its words
    text = "قال التحالف الدولي إن قواته ستبقى في العراق. وأكد التحالف أن المهمة لم تنته بعد."
    assert [t for c, t in _events(text) if c == "Statement"] == ["قال", "أكد"]
    other = text.replace("وأكد التحالف", "وأكدت وزارة الدفاع العراقية")
    assert [t for c, t in _events(other) if c == "Statement"] == ["قال", "أكدت"]


def test_a_hold_told_again_by_its_holder_is_one():
    text = "يسيطر مسلحو التنظيم على بلدة العشارة منذ عامين. وقال ناشطون إن مسلحي التنظيم يسيطرون على البلدة بالكامل."
    assert len([t for c, t in _events(text) if c == "TerritorialControl"]) == 1
    # another holder, or another place, is another hold
    other = text.replace("إن مسلحي التنظيم يسيطرون على البلدة", "إن قوات النظام تسيطر على البلدة")
    assert len([t for c, t in _events(other) if c == "TerritorialControl"]) == 2
    other = text.replace("على البلدة بالكامل", "على قرية الطيانة المجاورة")
    assert len([t for c, t in _events(other) if c == "TerritorialControl"]) == 2


@pytest.mark.parametrize("text, cls", [
    pytest.param("عاد آلاف النازحين إلى مدينة الفلوجة. وقال مسؤول محلي إن النازحين عادوا وسط إجراءات أمنية.",
                 "Return", id="a-return"),
    pytest.param("غادر مئات النازحين مخيم الهول صباح اليوم. وقال مسؤول في المخيم إن النازحين غادروا على متن حافلات.",
                 "Departure", id="a-departure"),
])
def test_people_told_again_to_move_is_one_move(text, cls):
    assert len([t for c, t in _events(text) if c == cls]) == 1
    # a count of its own is another group
    changed = text.replace("إن النازحين", "إن 40 من النازحين")
    assert len([t for c, t in _events(changed) if c == cls]) == 2


def test_the_repetition_table_is_checked():
    from athar.errors import LexiconError
    from athar.read.language import Language
    from athar.read.repetition import retold_by_agent

    assert "Statement" in retold_by_agent(Language())
    bad = Language({"repetition.tsv": "event\tretold_by\nStatement\tplace\n"})
    with pytest.raises(LexiconError, match="repetition.tsv:2"):
        retold_by_agent(bad)


def test_a_headline_tells_the_leads_news_once():
    # written for the rule: a headline (a first line with no full stop) over a lead that tells its
    # news again, with more: one event, the lead's
    text = ("الإمارات تقدم 50 مليون دولار لإعمار العراق\n\n"
            "قدمت الإمارات منحة بمبلغ 50 مليون دولار إلى الحكومة العراقية لإعادة إعمار المناطق المحررة في شمال العراق.\n"
            "وقال مسؤول إن المنحة ستخصص للمدارس والمستشفيات.")
    funding = [f for f in athar.read(text, published="2019-05-01").facts if f.type == "Funding" and f.amount]
    assert len(funding) == 1 and funding[0].trigger_start > text.index("\n")
    # a headline with news the lead does not tell stays
    other = text.replace("50 مليون دولار لإعمار", "20 مليون دولار لإعمار", 1)
    assert len([f for f in athar.read(other, published="2019-05-01").facts if f.type == "Funding" and f.amount]) == 2


@pytest.mark.parametrize("text, cls", [
    pytest.param("شن تنظيم داعش هجوما على قرية البشير واستهدف منازل المدنيين في القرية.",
                 "Attack", id="attack-and-its-target"),
    pytest.param("قتل 12 مدنيا في هجوم بسيارة مفخخة نفذه تنظيم داعش واستهدف سوقا شعبيا في مدينة الرمادي.",
                 "Attack", id="attack-carried-out-and-aimed"),
])
def test_an_event_its_own_sentence_tells_twice_is_one(text, cls):
    """repetition._merge_retold: the second telling adds its roles to the first."""
    doc = Pipeline()(text, published=PUBLISHED)
    facts = [f for f in doc.facts if f.type == cls]
    assert len(facts) == 1, [(f.type, f.trigger) for f in doc.facts]
    assert len({r for r, _ in facts[0].roles}) >= 2


@pytest.mark.parametrize("text, cls, count", [
    pytest.param("وتعد جريمة قتل اللاجئة العراقية الخامسة هذا الشهر، بعد قتل أربعة لاجئين في المخيم.",
                 "Killing", 2, id="a-count-of-its-own"),
    pytest.param("قتل مسلحو داعش قائد الشرطة في الحويجة وقتل مسلحون آخرون مختار قرية الزاب.",
                 "Killing", 2, id="other-victims"),
])
def test_two_events_of_one_sentence_stay_two(text, cls, count):
    doc = Pipeline()(text, published=PUBLISHED)
    assert len([f for f in doc.facts if f.type == cls]) == count, [(f.type, f.trigger) for f in doc.facts]


@pytest.mark.parametrize("text", [
    pytest.param('أطلق الجيش العراقي عملية "فجر الصحراء" ضد تنظيم داعش في الأنبار. وقال ضابط إن القوات تعمل على تمشيط البلدة.',
                 id="a-sweep-after-a-named-operation"),
    pytest.param('تواصل قوات سوريا الديمقراطية عملية "عاصفة الجزيرة" ضد تنظيم داعش، وأعلنت أمس المرحلة الثالثة من العملية.',
                 id="a-phase-of-the-operation-told-before"),
])
def test_a_stage_of_an_operation_is_an_operation_of_its_own(text):
    """repetition.tsv's stages: a sweep or a phase is no repetition of the campaign named before it."""
    assert len([t for c, t in _events(text) if c == "MilitaryOperation"]) == 2


def test_a_stage_told_again_by_the_same_words_is_one():
    text = ("بدأت القوات العراقية تمشيط قضاء القائم من مخلفات تنظيم داعش. "
            "وقال مسؤول محلي إن التمشيط مستمر منذ الصباح.")
    assert [t for c, t in _events(text) if c == "MilitaryOperation"] == ["تمشيط"]


def test_a_side_only_guessed_makes_no_later_event_a_retelling():
    # the storming's side (the group holed up inside) is inferred, not stated in its clause: the
    # attack the group claims later names the group, and is not that storming told again
    text = "اقتحمت القوات العراقية مبنى في الموصل كان يتحصن فيه عناصر من تنظيم داعش. وبعد ساعات تبنى تنظيم داعش الهجوم."
    doc = Pipeline()(text, published=PUBLISHED)
    attacks = [f for f in doc.facts if f.type == "Attack"]
    assert [[m.key for m in f.role("agent")] for f in attacks] == [["isf"], ["isis"]]


def _places(text: str, cls: str) -> list[tuple[str, list[str]]]:
    doc = Pipeline()(text, published=PUBLISHED)
    return [(f.trigger, sorted(m.label_en for m in f.role("place"))) for f in doc.facts if f.type == cls]


def test_an_event_told_again_in_a_narrower_place_is_in_that_place():
    """"الهجوم" told first in the country, then again, by a definite noun, in a quarter of a city
    of it: the first telling is in the quarter (repetition._narrowed)."""
    text = ("دانت الحكومة العراقية الهجوم الذي شهده العراق أمس. "
            "وكان الهجوم بالأسلحة الرشاشة قد وقع في منطقة التاجي شمال بغداد.")
    found = _places(text, "Attack")
    assert found and all(places == ["Taji"] for _, places in found), found


@pytest.mark.parametrize("text", [
    # the later telling is in a place the first one's does not hold: another attack
    pytest.param("دانت الحكومة الهجوم على مدينة الرمادي أمس. وكان الهجوم بالأسلحة الرشاشة قد وقع في منطقة "
                 "التاجي شمال بغداد.", id="a-place-elsewhere"),
    # a bare indefinite noun tells attacks in general, not the one told later
    pytest.param("حذرت الحكومة من هجمات في العراق. وكان الهجوم بالأسلحة الرشاشة قد وقع في منطقة التاجي "
                 "شمال بغداد.", id="attacks-in-general"),
])
def test_another_event_keeps_its_own_place(text):
    first = _places(text, "Attack")[0]
    assert first[1] != ["Taji"], first


@pytest.mark.parametrize("text, count", [
    # a definite noun a relative clause describes refers back: the clause names what the first telling named
    pytest.param("فجر انتحاري من تنظيم داعش نفسه في سوق الخضار بمدينة تكريت صباح اليوم. "
                 "وأعلنت الشرطة أن الهجوم الانتحاري الذي استهدف سوق الخضار أوقع خسائر كبيرة.", 1, id="the-same-market"),
    # another target in the clause tells another attack
    pytest.param("فجر انتحاري من تنظيم داعش نفسه في سوق الخضار بمدينة تكريت صباح اليوم. "
                 "وأعلنت الشرطة أن الهجوم الذي استهدف حاجز الجيش في سامراء أوقع خسائر كبيرة.", 2, id="another-target"),
])
def test_a_definite_noun_a_relative_clause_describes_is_the_event_told_before(text, count):
    assert len([t for c, t in _events(text) if c == "Attack"]) == count
@pytest.mark.parametrize("text, cls, count", [
    # a demonstrative points the noun back to an event told before, of another class too
    pytest.param("شن تنظيم داعش هجمات بالعبوات الناسفة على قسد في ريف دير الزور. "
                 "ولا يزال نطاق هذه الهجمات بعيدا عن قدرات التنظيم السابقة.", "Attack", 1, id="these-attacks"),
    pytest.param("قدمت السعودية مساهمة بقيمة 50 مليون دولار لدعم الاستقرار في سوريا. "
                 "وتهدف هذه المساهمة إلى دعم جهود التحالف في المناطق المحررة.", "Funding", 1, id="this-contribution"),
])
def test_a_noun_a_demonstrative_points_back_is_no_new_fact(text, cls, count):
    assert [c for c, _ in _events(text)].count(cls) == count


def test_a_demonstrative_before_a_noun_its_verb_follows_tells_the_verbs_event():
    text = "غادرت القوات الأمريكية قاعدة صرين. وأكد المرصد أن هذا الرتل العسكري انسحب إلى مدينة القامشلي."
    assert "Withdrawal" in [c for c, _ in _events(text)]


def test_a_noun_annexed_to_a_demonstrative_refers_back():
    text = ("ارتفع عدد المسيحيين الذين اختطفهم تنظيم داعش في ريف الحسكة إلى 220. "
            "وتمكن التنظيم من اختطاف هؤلاء إثر معارك عنيفة.")
    assert [c for c, _ in _events(text)].count("Abduction") == 1


@pytest.mark.parametrize("text", [
    pytest.param("انفجرت سيارة مفخخة قرب حاجز للشرطة في مدينة تكريت صباح اليوم. وأعلن تنظيم داعش مسؤوليته "
                 "عن الهجوم في المدينة.", id="responsibility-for-the-attack-in-the-city"),
    pytest.param("فجر انتحاري حزامه الناسف في سوق مدينة بعقوبة يوم الجمعة. وأعلنت وكالة أعماق مسؤولية التنظيم "
                 "عن التفجير الذي وقع في محافظة ديالى.", id="responsibility-of-the-group-for-the-bombing"),
])
def test_a_claim_of_responsibility_names_the_attack_told_before(text):
    assert [c for c, _ in _events(text)].count("Attack") == 1


@pytest.mark.parametrize("text", [
    pytest.param("انفجرت سيارة مفخخة قرب سوق مدينة الباب صباح اليوم. وقال مسؤول محلي إن تنظيم داعش أعلن تبنيه "
                 "التفجير في بيان.", id="announced-its-claim-of-the-bombing"),
    pytest.param("انفجرت سيارة مفخخة عند حاجز للشرطة في بلدة الشدادي. وتبنى تنظيم داعش الهجوم في بيان نشرته وكالة "
                 "أعماق.", id="the-group-claimed-the-attack"),
])
def test_the_attack_a_claim_takes_as_its_object_is_the_one_told_before(text):
    assert [c for c, _ in _events(text)].count("Attack") == 1


def test_who_reports_an_attack_told_again_is_no_party_to_it():
    # "وفق مدير المرصد ...": the source, its title and its name are no target; the bombing is the one told
    text = ("قتل 11 شخصا في تفجير انتحاري داخل مطعم في مدينة منبج. وتسبب التفجير وفق مدير المرصد السوري "
            "رامي عبد الرحمن بمقتل أربعة جنود.")
    assert [c for c, _ in _events(text)].count("Attack") == 1


def test_a_claim_that_opens_the_story_tells_the_attack():
    text = "أعلن تنظيم داعش مسؤوليته عن التفجير الانتحاري داخل مطعم في مدينة الرقة."
    assert "Attack" in [c for c, _ in _events(text)]
