"""Statements told by verbs of view, concern and congratulation (lemmas.tsv, events.tsv): every
person of the perfect, each with a sentence written for it; the senses that name no speaker."""

from __future__ import annotations

import pytest

import athar
from athar.read.frames import other_sense

PUBLISHED = "2021-03-16"


def _speakers(text: str) -> list[list[tuple[str, str]]]:
    facts = athar.read(text, published=PUBLISHED).facts
    return [[(m.type, m.label_ar) for m in f.role("agent")] for f in facts if f.type == "Statement"]


@pytest.mark.parametrize("text, speaker", [
    ("واعتبرت وزارة الخارجية العراقية الهجوم عملا إرهابيا.", ("GovernmentBody", "وزارة الخارجية")),
    ("واعتبر التحالف الدولي الانسحاب خطوة مهمة.", ("Coalition", "التحالف الدولي")),
    ("وأبدت منظمة الصحة العالمية قلقها من تفشي الأمراض في المخيم.", ("InternationalOrganization", "منظمة الصحة العالمية")),
    ("أبدى التحالف الدولي استعداده لدعم القوات العراقية.", ("Coalition", "التحالف الدولي")),
    ("هنأت وزارة الهجرة القوات العراقية بتحرير المدينة.", ("GovernmentBody", "وزارة الهجرة")),
    pytest.param("هنأ وزير الخارجية سامي يوسف القوات الأمنية بتحرير المدينة.", ("Person", "سامي يوسف"),
                 id="congratulation-masculine"),
])
def test_a_view_concern_or_congratulation_of_a_body_is_its_statement(text, speaker):
    assert speaker in _speakers(text)[0]


@pytest.mark.parametrize("text", [
    "يعتبر المخيم أكبر مخيم للنازحين في سوريا.",  # the imperfect: a copula
    "اعتبر سد الموصل أخطر سد في العالم.",  # the passive of a thing: no speaker
    "هنا وهناك تنتشر الخلايا.",  # "here", written as هنأ is
    "أبدى النازحون رغبتهم في العودة.",  # a group of people is no speaker
])
def test_the_same_words_in_other_senses_make_no_statement(text):
    assert _speakers(text) == []


@pytest.mark.parametrize("verb", ["اعتبروا", "اعتبرتا", "اعتبرا", "أبدوا", "أبدتا", "أبديا", "هنأوا"])
def test_every_person_of_the_perfect_is_a_verb_of_statement(verb):
    doc = athar.read(f"و{verb} القرار خطوة مهمة.", published=PUBLISHED)
    assert [t.rule.event for t in doc.triggers or ()] == ["Statement"]


@pytest.mark.parametrize("text, speaker", [
    ("وحذر التحالف الدولي من عودة خلايا التنظيم إلى الصحراء.", "التحالف الدولي"),
    ("وحذر وزير الدفاع العراقي خالد العبيدي من هجمات الخلايا النائمة.", "خالد العبيدي"),
    ("وحذرت الأمم المتحدة من تفشي الأمراض في المخيم.", "الأمم المتحدة"),
    ("وحذروا في اجتماعهم من عودة التنظيم.", None),  # no speaker named: none
])
def test_a_warning_opening_its_clause_is_a_statement_in_every_person(text, speaker):
    speakers = [label for agents in _speakers(text) for _, label in agents]
    assert speakers == ([speaker] if speaker else [])


@pytest.mark.parametrize("text", [
    "تتقدم القوات بحذر نحو المدينة.",  # caution
    "ودعت إلى توخي الحيطة والحذر في المناطق المحررة.",  # the noun after "و", with the article
    "عاد آلاف اللاجئين العراقيين وطالب لجوء من الخارج.",  # an asylum seeker
])
def test_the_verbs_that_are_also_nouns_make_no_word_of_saying_where_a_noun_stands(text):
    doc = athar.read(text, published=PUBLISHED)
    nouns = [i for i, t in enumerate(doc.tokens) if "حذر" in t.text or "طالب" in t.text]
    assert nouns and not any(t.first <= i < t.last for t in doc.triggers or () if t.rule.event == "Statement"
                             for i in nouns)


@pytest.mark.parametrize("text, speaker", [
    pytest.param("وفي وقت سابق كشفت وزارة الداخلية تفاصيل الهجوم على السوق.", ("GovernmentBody", "وزارة الداخلية"),
                 id="ministry-details"),
    pytest.param("كشفت منظمة الصحة العالمية أن ثلاثة آلاف طفل يعانون من سوء التغذية في المخيمات.",
                 ("InternationalOrganization", "منظمة الصحة العالمية"), id="organization-that"),
])
def test_what_a_civil_body_reveals_is_its_statement(text, speaker):
    assert _speakers(text) == [[speaker]]


def test_what_an_armed_party_reveals_is_what_it_found_no_statement():
    assert _speakers("وكشفت قوات الأمن عن مخبأ للأسلحة في القرية.") == []


def test_here_and_there_is_no_congratulation():
    # "هنا" is how هنأ (congratulated) is written once normalized: "هنا وهناك" is here and there
    doc = athar.read("وتشن الخلايا هجمات هنا وهناك على يد عناصر التنظيم.", published=PUBLISHED)
    k = next(i for i, t in enumerate(doc.tokens) if t.text == "هنا")
    assert other_sense(doc, k, k + 1) == "here"


@pytest.mark.parametrize("text, speakers", [
    pytest.param("قال مصدر أمني إن القوات دخلت البلدة. وأضاف المصدر أن الاشتباكات مستمرة في الأحياء الشرقية.",
                 [[("Person", "مصدر أمني")], [("Person", "مصدر أمني")]], id="the-source-adds"),
    pytest.param("قال مصدر أمني إن القوات دخلت البلدة. وأضاف أن الاشتباكات مستمرة في الأحياء الشرقية.",
                 [[("Person", "مصدر أمني")], [("Person", "مصدر أمني")]], id="going-on-with-the-speaker-before"),
    pytest.param("قالت وزارة الدفاع العراقية إن القوات دخلت البلدة. ولفتت الوزارة إلى أن الاشتباكات مستمرة.",
                 [[("GovernmentBody", "وزارة الدفاع العراقية")], [("GovernmentBody", "وزارة الدفاع العراقية")]],
                 id="drawing-attention"),
    pytest.param("قال المتحدث باسم التحالف الدولي إن القوات انسحبت من القاعدة. وتابع: “سلمت قوات التحالف القاعدة للجيش”.",
                 [[("Coalition", "التحالف الدولي")], [("Coalition", "التحالف الدولي")]], id="going-on-with-a-quotation"),
    pytest.param("قالت وزارة الدفاع العراقية إن القوات دخلت البلدة. وتابعت الوزارة أن الاشتباكات مستمرة.",
                 [[("GovernmentBody", "وزارة الدفاع العراقية")], [("GovernmentBody", "وزارة الدفاع العراقية")]],
                 id="going-on-feminine"),
])
def test_a_point_added_to_what_was_said_is_a_statement(text, speakers):
    # attribution.tsv "further": a verb of saying with what was said opened after it
    assert _speakers(text) == speakers


@pytest.mark.parametrize("text", [
    pytest.param("قال مصدر أمني إن القوات دخلت البلدة، إضافة إلى أن حاويات متفجرة وجدت في الحي.", id="in-addition"),
    pytest.param("قالت وزارة الدفاع العراقية إن القوات دخلت البلدة. وأضافت الوزارة كتيبة جديدة إلى قواتها في الحي.",
                 id="adding-a-battalion"),
])
def test_adding_a_thing_is_no_point_added_to_what_was_said(text):
    assert len(_speakers(text)) == 1


@pytest.mark.parametrize("text, speakers", [
    pytest.param("قال المرصد السوري إن القوات دخلت البلدة. وأضاف المرصد أن المعارك مستمرة. "
                 "وكانت قوات سوريا الديمقراطية قد أعلنت بدء معركة لطرد داعش من الرقة.",
                 [[("MediaOutlet", "المرصد السوري لحقوق الإنسان")]] * 2 + [[("ArmedForce", "قوات سوريا الديمقراطية")]],
                 id="named-before-kana-qad"),
    pytest.param("قالت وزارة الدفاع العراقية إن القوات دخلت البلدة. وأضافت الوزارة أن المعارك مستمرة. "
                 "والتحالف الدولي كان قد أعلن بدء حملة لطرد داعش من الموصل.",
                 [[("GovernmentBody", "وزارة الدفاع العراقية")]] * 2 + [[("Coalition", "التحالف الدولي")]],
                 id="named-before-kana"),
])
def test_a_verb_that_names_its_own_subject_goes_on_with_no_speaker_before(text, speakers):
    # utterance.own_subject: the armed body named before "أعلنت" speaks (its own statement,
    # read/announcement.py), the monitor who added a point before does not speak again
    assert _speakers(text) == speakers


def test_a_verb_that_names_its_own_subject_keeps_its_deed():
    text = ("قال المرصد السوري إن القوات دخلت البلدة. وأضاف المرصد أن المعارك مستمرة. "
            "وكانت قوات سوريا الديمقراطية قد أعلنت بدء معركة لطرد داعش من الرقة.")
    operation = next(f for f in athar.read(text, published=PUBLISHED).facts if f.type == "MilitaryOperation")
    assert [m.label_ar for m in operation.role("agent")] == ["قوات سوريا الديمقراطية"]


@pytest.mark.parametrize("text, event", [
    pytest.param("وسيطرت قوات تابعة للحكومة العراقية على مركز قضاء سنجار.", "TerritorialControl", id="affiliated-feminine"),
    pytest.param("وقال المتحدث إن اللواء التابع للحشد الشعبي حرر قرية تل الريم.", "Liberation", id="affiliated-definite"),
    pytest.param("وقال المتحدث إن لواء تابع للحشد الشعبي حرر قرية تل الريم.", "Liberation", id="affiliated"),
])
def test_affiliated_is_no_verb_that_goes_on(text, event):
    # markers.tsv "opening": "تابع" as an adjective in the middle of a sentence is no verb of saying
    facts = athar.read(text, published=PUBLISHED).facts
    assert [f.trigger for f in facts if f.type == "Statement" and "تابع" in f.trigger] == []
    assert any(f.type == event for f in facts)
