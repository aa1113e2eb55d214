"""Who speaks when the news names the speaker by what they are, not by who: an officer, a commander
or an official with no name is the speaker as the text describes them; the agency told ("لوكالة")
only hears, and the body the speaker is in does not speak for them. Sentences written for these tests."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-16"


def _speakers(text: str) -> list[list[str]]:
    return [[m.label_ar for m in f.role("agent")]
            for f in athar.read(text, published=PUBLISHED).facts if f.type == "Statement"]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("وقال ضابط في الشرطة لوكالة رويترز إن الطريق أغلق أمام المدنيين.", "ضابط في الشرطة",
                 id="officer-in-body-to-agency"),
    pytest.param("وقال قائد في الجيش الحر لوكالة الأناضول إن المقاتلين انسحبوا من البلدة.",
                 "قائد في الجيش الحر", id="commander-in-named-body"),
    pytest.param("وقال قادة ميدانيون للأناضول إن القصف توقف مساء الأحد.", "قادة ميدانيون",
                 id="commanders-plural-adjective"),
])
def test_an_unnamed_officer_or_commander_speaks_as_described(text, speaker):
    assert _speakers(text) == [[speaker]]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("وقال مسؤول محلي لوكالة فرانس برس إن المسلحين انسحبوا من القرية.", "مسؤول محلي",
                 id="local-official-to-agency"),
    pytest.param("وانفجرت عبوة ناسفة قرب السوق، وفق ما أفاد مسؤولون محليون لوكالة الصحافة الفرنسية.",
                 "مسؤولون محليون", id="officials-after-according"),
])
def test_an_official_with_no_body_named_speaks_as_described_not_the_agency_told(text, speaker):
    assert _speakers(text) == [[speaker]]


def test_an_official_of_a_named_body_still_makes_the_body_speak():
    text = "وقال مسؤول في هيئة العلاقات الخارجية إن الأطفال سلموا إلى ذويهم."
    assert _speakers(text) == [["هيئة العلاقات الخارجية"]]


def test_a_commander_named_before_what_was_said_speaks_himself():
    text = "وأفاد قائد عمليات الأنبار اللواء سامي رشيد، لوكالة الأنباء، بأن القوات دخلت البلدة."
    assert _speakers(text) == [["سامي رشيد"]]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("وقال محافظ الأنبار في مؤتمر صحفي إن الطريق فتح أمام العائلات.", "محافظ الأنبار", id="governor"),
    pytest.param("وقال قائممقام قضاء سنجار إن مئات العائلات عادت إلى منازلها.", "قائممقام قضاء سنجار",
                 id="district-head"),
    pytest.param("وأكد قائد عمليات الأنبار أن القوات دخلت البلدة.", "قائد عمليات الأنبار", id="command-of-a-place"),
    pytest.param("وقال قائد شرطة الأنبار إن القوات دخلت البلدة.", "قائد شرطة الأنبار", id="police-of-a-place"),
])
def test_the_holder_of_an_office_named_by_its_place_and_no_name_speaks_as_described(text, speaker):
    assert _speakers(text) == [[speaker]]


def test_the_holder_of_an_office_named_after_it_speaks_himself():
    text = "وقال محافظ الأنبار سامي رشيد إن الطريق فتح أمام العائلات."
    assert _speakers(text) == [["سامي رشيد"]]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("تقول الأمم المتحدة إن آلاف العبوات ما زالت مدفونة تحت الأنقاض.", "الأمم المتحدة", id="body"),
    pytest.param("ويقول مسؤولون محليون إن مئات العائلات عادت إلى القرية.", "مسؤولون محليون", id="unnamed-officials"),
])
def test_the_imperfect_of_qala_with_its_subject_is_a_statement(text, speaker):
    assert _speakers(text) == [[speaker]]


def test_a_saying_no_one_speaks_is_no_statement():
    assert _speakers("وكما يقول المثل فإن الصبر مفتاح الفرج.") == []


def test_words_said_in_quotes_closing_the_sentence_are_no_name_of_the_speaker():
    # a quoted name after a title is followed by more of the sentence ("المتحدث باسم المفوضية “X” إن")
    text = "كما أكد قائد عمليات الأنبار “قواتنا تواصل تطهير مركز القضاء”."
    assert _speakers(text) == [["قائد عمليات الأنبار"]]


def test_a_quoted_name_after_a_title_is_still_the_speaker():
    text = "وقال المتحدث باسم المفوضية “أندريه ماهيستش” من جنيف، إن الآلاف عالقون في المدينة."
    assert _speakers(text) == [["أندريه ماهيستش"]]


def test_a_speaker_between_the_verb_and_the_noun_of_statement_speaks():
    # "وقال X خلال مؤتمر صحافي": the verb and the noun are one trigger, the speaker in its gap
    text = ("وصل رئيس إقليم كردستان، سالم البرزاني، إلى سنجار. وقال البرزاني خلال مؤتمر صحافي عقد في "
            "سنجار «في هذا اليوم التاريخي سجلت قوات البشمركة ملحمة».")
    assert _speakers(text) == [["سالم البرزاني"]]
