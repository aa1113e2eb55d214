"""Where a trigger word stands (read/position.py): bare verbs of speech that are also nouns
("حذر", "طالب") as the lead of news, and appeals that name no money as calls."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-16"


def _read(text: str) -> list[tuple[str, list[str]]]:
    facts = athar.read(text, published=PUBLISHED).facts
    return [(f.type, [m.label_ar for m in f.role("agent")]) for f in facts if f.type in ("Statement", "FundingAppeal")]


@pytest.mark.parametrize("text, speaker", [
    ("حذر وزير الخارجية العراقي فؤاد حسين من عودة خلايا التنظيم إلى الصحراء.", "فؤاد حسين"),
    ("طالب التحالف الدولي الحكومة بإعادة فتح الطريق.", "التحالف الدولي"),
    ("وطالب وزير الدفاع خالد العبيدي بإرسال تعزيزات إلى المدينة.", "خالد العبيدي"),
    ("من جهته، طالب التحالف الدولي بحماية المدنيين في المخيم.", "التحالف الدولي"),
    ("من جانبها، حذر وزير الداخلية قاسم الأعرجي من هجمات جديدة.", "قاسم الأعرجي"),
])
def test_a_bare_warning_or_demand_opening_the_news_is_a_statement(text, speaker):
    assert ("Statement", [speaker]) in _read(text)


@pytest.mark.parametrize("text", [
    "تتقدم القوات بحذر نحو المدينة.",  # caution
    "يجب أن يتوخى التحالف الدولي مزيدا من الحذر في غاراته.",  # caution, with the article
    "عاد آلاف اللاجئين العراقيين وطالب لجوء من الخارج.",  # an asylum seeker
    "قال المدير إن طالب الجامعة محمد علي نجح في الامتحان.",  # a student, inside the sentence
    "أكد مختار القرية وقوع الحادث، وطالب قوات الأمن بالتدخل.",  # the security forces are asked: no speaker
])
def test_the_noun_or_a_demand_of_the_speaker_before_names_no_new_speaker(text):
    assert all(agents != ["قوات الأمن"] for _, agents in _read(text))
    assert not any("طالب" in a or "محمد علي" in a for _, agents in _read(text) for a in agents)


@pytest.mark.parametrize("text, speaker", [
    pytest.param("هنأ رئيس الوزراء حيدر العبادي القوات الأمنية بتحرير المدينة.", "حيدر العبادي", id="opening"),
    pytest.param("من جهته، هنأ رئيس الوزراء حيدر العبادي القوات الأمنية بالنصر.", "حيدر العبادي", id="after-an-aside"),
])
def test_a_congratulation_opening_the_news_is_a_statement(text, speaker):
    assert ("Statement", [speaker]) in _read(text)


def test_here_is_no_congratulation():
    # "هنأ" is written "هنا" (here) once its hamza is normalized: inside a sentence it is the adverb
    text = "وأوضح المسؤول أن الهجمات تتكرر هنا في المدينة رغم انتشار قوات الأمن العراقية."
    assert all("قوات الأمن العراقية" not in agents for _, agents in _read(text))


def test_an_appeal_that_names_no_money_is_a_statement():
    text = "ناشدت منظمة الصحة العالمية اليوم كل أطراف النزاع الرفق بالمدنيين."
    assert _read(text) == [("Statement", ["منظمة الصحة العالمية"])]


def test_an_appeal_that_names_money_stays_an_appeal_for_funds():
    text = "ناشدت منظمة الصحة العالمية المانحين تقديم 50 مليون دولار لدعم المستشفيات."
    assert _read(text) == [("FundingAppeal", ["منظمة الصحة العالمية"])]


def test_people_named_by_a_common_noun_make_no_statement_of_the_body_they_call_upon():
    text = "وناشد المزارعون وزارة الزراعة التدخل لمنع انتشار الجراد."
    assert _read(text) == []


def _types(text: str) -> list[str]:
    return [f.type for f in athar.read(text, published=PUBLISHED).facts]


@pytest.mark.parametrize("text", [
    "حررت فصائل الجيش السوري الحر ناحية صوران، وذلك في إطار عملية «درع الفرات».",
    "واعتقلت القوات ثلاثة مطلوبين ضمن عملية “إرادة النصر” في محافظة ديالى.",
])
def test_an_operation_named_in_quotes_that_frames_the_news_is_told(text):
    assert "MilitaryOperation" in _types(text)


@pytest.mark.parametrize("text", [
    "وزعت المنظمة المساعدات في إطار عملية الاستجابة الإنسانية في المخيم.",  # no name in quotes
    "أطلقت وزارة الصحة حملة \"معا ضد الكوليرا\" في إطار حملة \"صحتك أولا\".",  # a ministry's campaigns
])
def test_an_operation_without_a_name_or_a_campaign_in_quotes_is_none(text):
    assert "MilitaryOperation" not in _types(text)
