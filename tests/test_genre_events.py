"""The genre's events and times: statements, abductions, appeals, demining by its verbs, and
weekdays named alone, each rule with a sentence of its own (not from data/eval/test)."""

from __future__ import annotations

import pytest

import athar
from athar.graph.terms import ATHAR
from athar.read.rules import EVENT_TYPES

PUBLISHED = "2020-11-16"  # a Monday


def _facts(text: str, published: str = PUBLISHED):
    return [f for f in athar.read(text, published=published).facts if not f.relation]


@pytest.mark.parametrize("cls", ["Abduction", "FundingAppeal", "Statement", "Population", "Withdrawal", "Departure"])
def test_genre_classes_are_in_the_ontology_and_the_lexicon(cls):
    assert cls in EVENT_TYPES
    assert getattr(ATHAR, cls)


@pytest.mark.parametrize("text, cls, amount", [
    pytest.param("اختطف تنظيم داعش 220 آشوريا في الحسكة", "Abduction", 220, id="abduction-verb"),
    pytest.param("قالت منظمة العفو الدولية إن المدنيين يواجهون خطرا", "Statement", None, id="statement-organization"),
    pytest.param("ناشدت الأمم المتحدة المانحين تقديم 100 مليون دولار لمخيم الهول", "FundingAppeal", 100_000_000,
                 id="funding-appeal"),
    pytest.param("وعالجت القوات العراقية 38 منزلا ملغوما", "Demining", 38, id="demining-treated-houses"),
    pytest.param("ومعالجة 665 عبوة ناسفة في المدينة على يد القوات العراقية", "Demining", 665, id="demining-treated-ieds"),
    pytest.param("وتمكن مقاتلو الفصائل من التقدم والسيطرة على قرية تل حميس بريف الحسكة", "Liberation", None,
                 id="capture-the-definite-masdar"),
    pytest.param("وأعلن الجيش فرض كامل سيطرته على بلدة القائم بعد انسحاب التنظيم", "Liberation", None,
                 id="capture-imposing-control"),
    pytest.param("وسيطرت قوات الجيش العراقي على قرية البوعيثة بعد اشتباكات مع مسلحي داعش", "Liberation", None,
                 id="control-taken-after-fighting"),
    pytest.param("وتسيطر قوات الجيش العراقي على قضاء القائم منذ عام 2017", "TerritorialControl", None,
                 id="control-held"),
    pytest.param("افتتحت المنظمة مستشفى ميدانيا جديدا في الموصل", "Establishment", None, id="a-new-hospital-opened"),
    pytest.param("انتشلت فرق الطب الشرعي 27 جثة من مقبرة جماعية قرب سنجار", "Killing", 27, id="bodies-recovered"),
    pytest.param("وعُثر على جثة رجل مجهول الهوية صباح اليوم في مخيم الهول", "Killing", None, id="a-body-found"),
    pytest.param("ووجد الشاب مقتولا داخل خيمته في مخيم الهول", "Killing", None, id="found-killed"),
    pytest.param("هز تفجيران مدينة الطبقة صباح اليوم وسط سوق الخضار", "Attack", None, id="two-blasts"),
    pytest.param("وأعلنت فرق الهندسة تطهير قرية الكوير من مخلفات الحرب والألغام", "Demining", None,
                 id="clearing-a-village-of-mines"),
    pytest.param("نفذ التنظيم عملية انتحارية استهدفت حاجزا للجيش في دير الزور", "Attack", None, id="suicide-operation"),
    pytest.param("فجر انتحاري شاحنته المفخخة عند مدخل بلدة الشدادي", "Attack", None, id="his-truck-bomb"),
    pytest.param("ووصل نحو 900 شخص إلى مخيم الهول خلال اليومين الماضيين", "Displacement", 900,
                 id="arriving-at-a-camp"),
    pytest.param("ووصلت 40 عائلة نازحة إلى مخيم العريشة أمس", "Displacement", 40, id="families-counted-arrive"),
    pytest.param("ووصل النازحون إلى مخيم المبروكة بعد رحلة طويلة", "Displacement", None, id="the-displaced-arrive"),
    pytest.param("وتمت استضافة نحو 1,500 نازح في مخيم حسن شام", "Population", 1500, id="hosted-in-a-camp"),
    pytest.param("وشهدت القرى موجة نزوح واسعة من قبل الأهالي", "Displacement", None, id="displacement-by-the-people"),
])
def test_genre_event(text, cls, amount):
    facts = [f for f in _facts(text) if f.type == cls]
    assert facts, [f.type for f in _facts(text)]
    if amount is not None:
        assert facts[0].amount is not None and facts[0].amount.value == amount


def test_a_building_opened_after_rebuilding_is_a_reconstruction():
    facts = _facts("افتتح محافظ نينوى مستشفى السلام في الموصل، أول مستشفى يعاد ترميمه في المدينة")
    opened = [f for f in facts if f.trigger == "افتتح"]
    assert [f.type for f in opened] == ["Reconstruction"], [(f.type, f.trigger) for f in facts]


@pytest.mark.parametrize("text", [
    pytest.param("معالجة 500 مريض في المستشفى", id="treating-patients"),
    pytest.param("قال اللاعب إن الفريق سيعود أقوى", id="player-says"),
    pytest.param("وصل وزير الخارجية إلى بغداد في زيارة تستمر يومين", id="a-minister-arrives"),
    pytest.param("ووصلت المساعدات الغذائية إلى مخيم الهول صباح اليوم", id="aid-arrives-at-a-camp"),
    pytest.param("ووصلت 30 شاحنة محملة بالطحين إلى مخيم الركبان", id="trucks-counted-arrive-at-a-camp"),
    pytest.param("ووصل وفد من الأمم المتحدة إلى مخيم الهول", id="a-delegation-arrives-at-a-camp"),
])
def test_no_genre_event_in_civic_news(text):
    assert not [f for f in _facts(text) if f.type in ("Demining", "Statement", "Displacement")]


@pytest.mark.parametrize("text, date", [
    pytest.param("غادرت 120 عائلة مخيم الهول مساء الأحد", "2020-11-15", id="evening-of-sunday"),
    pytest.param("قتل 5 مدنيين في الرقة يوم الثلاثاء", "2020-11-10", id="weekday-with-yawm"),
    pytest.param("قتل 5 مدنيين في الرقة الاثنين", "2020-11-16", id="weekday-of-publication"),
    pytest.param("قتل 5 مدنيين في الرقة الاثنين الماضي", "2020-11-09", id="weekday-past"),
    pytest.param("قتل مدنيون في الرقة في العاشر من أيار الماضي", "2020-05-10", id="ordinal-day-past-month"),
    pytest.param("قتل مدنيون في الرقة الجمعة 13 تشرين الثاني", "2020-11-13", id="weekday-before-day"),
])
def test_relative_dates(text, date):
    facts = _facts(text)
    assert facts and facts[0].date is not None and facts[0].date.value == date


@pytest.mark.parametrize(("published", "date", "precision"), [("2020", "2020", "year"), ("2020-11", "2020-11", "month")])
def test_weekday_without_a_day_of_publication_keeps_its_precision(published, date, precision):
    """A weekday in a paper whose day is not known names no day: it is dated at the precision
    the paper has (its month, or its year), never a guessed day."""
    facts = _facts("قتل 5 مدنيين في الرقة يوم الثلاثاء", published=published)
    assert facts and facts[0].date is not None and (facts[0].date.value, facts[0].date.precision) == (date, precision)


@pytest.mark.parametrize("text", [
    pytest.param("تسيطر الفصائل المعارضة على معظم ريف إدلب منذ سنوات", id="holding"),
    pytest.param("وما زالت القرية تحت سيطرة التنظيم", id="under-control"),
])
def test_holding_ground_stays_territorial_control(text):
    assert "Liberation" not in [f.type for f in _facts(text)]


@pytest.mark.parametrize("text, amount", [
    pytest.param("تحدث التقرير عن وجود أكثر من 900 عائلة نازحة في قضاء سنجار", 900, id="the-masdar"),
    pytest.param("وقال المسؤول إن هناك نحو 20 ألف نازح في محافظة دهوك", 20_000, id="there-are"),
])
def test_people_said_to_be_in_a_place_are_its_population(text, amount):
    found = [f for f in _facts(text) if f.type == "Population"]
    assert len(found) == 1 and found[0].amount.value == amount and found[0].role("place"), found


@pytest.mark.parametrize("text", [
    pytest.param("هناك 300 طالب في جامعة البصرة يدرسون الهندسة", id="students"),
    pytest.param("أكد الوزير وجود خطة لإعادة تأهيل 40 مدرسة في الأنبار", id="a-plan"),
])
def test_there_is_of_anything_else_is_no_population(text):
    assert "Population" not in [f.type for f in _facts(text)]
