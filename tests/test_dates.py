"""Dates: every form the rules know, in sentences written for these tests."""

from __future__ import annotations

import pytest

from athar.read import dates, datewords
from athar.read.numbers import after_waw
from athar.read.phrases import PhraseTable, exact_form, proclitics
from athar.read.language import Language
from athar.read.dates import DateMention, extract_dates
from athar.errors import DocumentError, LexiconError
from athar.read.language import arabic

make_doc = arabic().make_doc  # the package's Arabic


def D(text, value, precision, **fields):
    """An expected mention: its original words, value and precision, and any other field."""
    expected = {f: getattr(DateMention, f, None) for f in DateMention.__dataclass_fields__} | {"relative": False}
    expected.update(text=text, value=value, precision=precision, **fields)
    for offset in ("start", "end"):
        expected.pop(offset)
    return expected


def found(text, published=None):
    seg = make_doc(text)
    out = []
    for m in extract_dates(seg, published):
        start, end = seg.norm.to_original(m.start, m.end)
        fields = {f: getattr(m, f) for f in DateMention.__dataclass_fields__ if f not in ("start", "end")}
        out.append({"text": text[start:end]} | fields)
    return out


CASES = [
    pytest.param("سيطرت القوات على القرية في 5 شباط/فبراير 2017 بعد قتال دام 40 يوماً", None,
                 [D("5 شباط/فبراير 2017", "2017-02-05", "day"), D("40 يوماً", None, "day", duration="P40D")],
                 id="levantine-month-pair-and-duration"),
    pytest.param("أعلنت الإدارة المحلية في 23 آذار/مارس 2019 انتهاء العمليات", None,
                 [D("23 آذار/مارس 2019", "2019-03-23", "day")], id="day-month-pair-year"),
    pytest.param("عاد السكان إلى الحي في الأول من حزيران/يونيو 2019", None,
                 [D("الأول من حزيران/يونيو 2019", "2019-06-01", "day")], id="ordinal-day"),
    pytest.param("ذكّر البيان بهجمات الحادي عشر من أيلول 2001 وبما جرى في الخامس والعشرين من كانون الأول 2018", None,
                 [D("الحادي عشر من أيلول 2001", "2001-09-11", "day"),
                  D("الخامس والعشرين من كانون الأول 2018", "2018-12-25", "day")], id="compound-ordinal-days"),
    pytest.param("بدأت حملة إزالة الألغام في تموز/يوليو 2017", None,
                 [D("تموز/يوليو 2017", "2017-07", "month")], id="month-pair-year"),
    pytest.param("افتتح المستشفى في 3 يناير 2016 وأغلق في 14 جويلية 2018", None,
                 [D("3 يناير 2016", "2016-01-03", "day"), D("14 جويلية 2018", "2018-07-14", "day")],
                 id="egyptian-and-maghreb-months"),
    # الثاني as the Levant says it (التاني) and in its indefinite form (ثان)
    pytest.param("بلغ عدد الضحايا 9 قتلى حتى 20 من شهر تشرين التاني 2017، وعاد الهدوء في كانون ثان 2018", None,
                 [D("حتى 20 من شهر تشرين التاني 2017", "2017-11-20", "day", anchor="until"),
                  D("كانون ثان 2018", "2018-01", "month")], id="levantine-tani-and-than"),
    pytest.param("صدر القرار في نيسان (أبريل) 2020", None,
                 [D("نيسان (أبريل) 2020", "2020-04", "month")], id="month-pair-in-brackets"),
    pytest.param("انطلقت العملية في 12 آب/أغسطس 2016، وانتهت في تشرين الأول/أكتوبر من العام ذاته", None,
                 [D("12 آب/أغسطس 2016", "2016-08-12", "day"),
                  D("تشرين الأول/أكتوبر من العام ذاته", "2016-10", "month", relative=True)], id="same-year-dhatuh"),
    pytest.param("تضرر الجسر عام 2018 وأعيد بناؤه في كانون الأول من العام نفسه", None,
                 [D("عام 2018", "2018", "year"), D("كانون الأول من العام نفسه", "2018-12", "month", relative=True)],
                 id="same-year-nafsuh"),
    pytest.param("تراجع التنظيم أواخر العام 2015 ثم عاد مطلع العام 2019", None,
                 [D("أواخر العام 2015", "2015", "season", qualifier="late"),
                  D("مطلع العام 2019", "2019", "season", qualifier="early")], id="season-late-early"),
    pytest.param("بدأ الترميم في بداية 2016 وأوائل العام 2017 وتوقف منتصف العام 2018 وأواسط 2020 ونهاية العام 2021", None,
                 [D("بداية 2016", "2016", "season", qualifier="early"),
                  D("أوائل العام 2017", "2017", "season", qualifier="early"),
                  D("منتصف العام 2018", "2018", "season", qualifier="mid"),
                  D("أواسط 2020", "2020", "season", qualifier="mid"),
                  D("نهاية العام 2021", "2021", "season", qualifier="late")], id="season-words"),
    pytest.param("لم تصل المساعدات إلى المخيم منذ أواسط العام 2019", None,
                 [D("منذ أواسط العام 2019", "2019", "season", qualifier="mid", anchor="since")],
                 id="since-with-season"),
    pytest.param("خسرت المدينة نصف سكانها في عام 2019 والعام 2020 وسنة 2021", None,
                 [D("عام 2019", "2019", "year"), D("العام 2020", "2020", "year"), D("سنة 2021", "2021", "year")],
                 id="year-cue-words"),
    pytest.param("قتل 700 شخص وفقد 2019 آخرون", None, [], id="bare-numbers-are-not-years"),
    pytest.param("سجّلت المنظمة مقتل شخصين قبل عام 2011 ومنذ 2011", None,
                 [D("قبل عام 2011", "2011", "year", anchor="before"), D("منذ 2011", "2011", "year", anchor="since")],
                 id="anchors-before-since"),
    pytest.param("قال المتحدث اليوم إن القصف توقف أمس", "2020-03-01",
                 [D("اليوم", "2020-03-01", "day", relative=True), D("أمس", "2020-02-29", "day", relative=True)],
                 id="today-yesterday"),
    pytest.param("قال المتحدث اليوم إن القصف توقف أمس", "2020-03",
                 [D("اليوم", "2020-03", "month", relative=True), D("أمس", "2020-03", "month", relative=True)],
                 id="today-at-published-precision"),
    pytest.param("تسلمت البلدية المعدات أول أمس واستلمت الدفعة الثانية أمس الأول", "2019-04-10",
                 [D("أول أمس", "2019-04-08", "day", relative=True), D("أمس الأول", "2019-04-08", "day", relative=True)],
                 id="day-before-yesterday"),
    pytest.param("هاجم مسلحون حاجزا للجيش الليلة الماضية، وقصفت المدفعية مواقعهم ليلة أمس", "2019-04-10",
                 [D("الليلة الماضية", "2019-04-09", "day", relative=True), D("أمس", "2019-04-09", "day", relative=True)],
                 id="last-night"),
    pytest.param("افتتحت اللجنة المدرسة الأربعاء وأغلقتها يوم السبت الماضي", "2019-04",
                 [D("الأربعاء", "2019-04", "month", relative=True), D("يوم السبت الماضي", "2019-04", "month", relative=True)],
                 id="weekday-at-published-month"),
    pytest.param("افتتحت اللجنة المدرسة الأربعاء", "2019",
                 [D("الأربعاء", "2019", "year", relative=True)], id="weekday-at-published-year"),
    pytest.param("تضاعف عدد الحوادث منذ بداية العام الحالي 2021", "2021-06-01",
                 [D("منذ بداية العام الحالي 2021", "2021", "season", qualifier="early", anchor="since")],
                 id="ref-year-then-its-digits"),
    pytest.param("زار الوفد المخيم هذا الشهر وسيعود هذا العام مرة أخرى", "2018-10-20",
                 [D("هذا الشهر", "2018-10", "month", relative=True), D("هذا العام", "2018", "year", relative=True)],
                 id="this-month-this-year"),
    pytest.param("بدأ توزيع السلال في الخامس من الشهر الجاري وانتهى في 20 من الشهر الماضي", "2018-10-20",
                 [D("الخامس من الشهر الجاري", "2018-10-05", "day", relative=True),
                  D("20 من الشهر الماضي", "2018-09-20", "day", relative=True)], id="day-of-the-current-month"),
    pytest.param("بدأت المعركة في 3 آذار 2017 وانتهت في 20 من الشهر نفسه وعاد النازحون في الشهر التالي", "2019-10-15",
                 [D("3 آذار 2017", "2017-03-03", "day"), D("20 من الشهر نفسه", "2017-03-20", "day", relative=True),
                  D("الشهر التالي", "2017-04", "month", relative=True)], id="the-same-month-and-the-next"),
    pytest.param("افتتح المستشفى في أيار 2018 وزاره الوزير في نفس الشهر", None,
                 [D("أيار 2018", "2018-05", "month"), D("نفس الشهر", "2018-05", "month", relative=True)],
                 id="nafs-al-shahr"),
    pytest.param("وصلت القافلة يوم 5 الجاري وغادرت في السابع من الجاري", "2018-10-20",
                 [D("يوم 5 الجاري", "2018-10-05", "day", relative=True),
                  D("السابع من الجاري", "2018-10-07", "day", relative=True)], id="a-day-of-al-jari"),
    pytest.param("قتل ثلاثة خلال الأسبوع الأول من الشهر الجاري", "2018-10-20",
                 [D("الشهر الجاري", "2018-10", "month", relative=True)], id="a-week-of-the-month-names-no-day"),
    pytest.param("عاد ألف طالب إلى مدارسهم خلال الفترة بين آذار 2017 وتموز 2019", None,
                 [D("بين آذار 2017 وتموز 2019", "2017-03", "month", end_value="2019-07")], id="month-range-waw-written-on"),
    pytest.param("افتتح الجسر نهاية شهر آب الماضي وأغلق يوم 3 تشرين الأول الماضي", "2019",
                 [D("نهاية شهر آب الماضي", "2019-08", "season", qualifier="late", relative=True),
                  D("يوم 3 تشرين الأول الماضي", "2019-10-03", "day", relative=True)], id="past-month-in-a-paper-of-a-year"),
    pytest.param("رممت البلدية السوق في كانون الأول الماضي وافتتحته في 4 ديسمبر الماضي", "2021",
                 [D("كانون الأول الماضي", "2020-12", "month", relative=True),
                  D("4 ديسمبر الماضي", "2020-12-04", "day", relative=True)], id="past-december-in-a-paper-of-a-year"),
    pytest.param("أغلقت السلطات المعبر في 24 آذار الفائت من العام 2019 وأعادت فتحه في تموز الماضي من العام الماضي",
                 "2020-08-24", [D("24 آذار الفائت من العام 2019", "2019-03-24", "day"),
                                D("تموز الماضي من العام الماضي", "2019-07", "month", relative=True)],
                 id="past-month-of-the-year-the-text-names"),
    pytest.param("افتتح المعبر في ديسمبر 2021 بعد إغلاقه في كانون الأول الحالي", "2021",
                 [D("ديسمبر 2021", "2021-12", "month"), D("كانون الأول الحالي", "2021-12", "month", relative=True)],
                 id="december-of-the-paper-year-when-not-past"),
    pytest.param("سيطرت الفصائل على البلدة صيف 2013 وخسرتها في خريف عام 2015", None,
                 [D("صيف 2013", "2013", "season", qualifier="mid"),
                  D("خريف عام 2015", "2015", "season", qualifier="late")], id="seasons-of-the-year"),
    pytest.param("بدأ المزارعون زراعة القمح في ربيع العام الماضي", "2019-06-10",
                 [D("ربيع العام الماضي", "2018", "season", qualifier="early", relative=True)], id="spring-of-last-year"),
    pytest.param("أمضى الوفد فصل الصيف في المدينة قبل موسم الربيع", "2019-06-10", [], id="a-season-alone-is-no-date"),
    pytest.param("صدر البيان في 12 ربيع الأول 1438 الموافق 11 ديسمبر 2016", None,
                 [D("11 ديسمبر 2016", "2016-12-11", "day")], id="the-hijri-month-rabi-is-no-spring"),
    pytest.param("في اليوم الأول من الهجوم ثم في اليوم التالي", "2020-03-01", [], id="story-days-are-not-today"),
    pytest.param("وقع الانفجار الجمعة 19 آب قرب السوق", "2016-08-25",
                 [D("الجمعة 19 آب", "2016-08-19", "day", relative=True)], id="weekday-day-month"),
    pytest.param("أقيمت الصلاة يوم الجمعة، 25 كانون الأول", "2021-01-05",
                 [D("يوم الجمعة، 25 كانون الأول", "2020-12-25", "day", relative=True)], id="weekday-previous-year"),
    pytest.param("اختطف الصحفي في 12 يوليو الماضي", "2020-03-15",
                 [D("12 يوليو الماضي", "2019-07-12", "day", relative=True)], id="day-month-past"),
    pytest.param("ارتفعت الأسعار خلال الشهر الماضي وطوال العام الماضي", "2020-01-10",
                 [D("الشهر الماضي", "2019-12", "month", relative=True),
                  D("العام الماضي", "2019", "year", relative=True)], id="last-month-last-year"),
    pytest.param("افتتحت المدرسة في أيار من العام الماضي", "2020",
                 [D("أيار من العام الماضي", "2019-05", "month", relative=True)], id="month-of-last-year"),
    pytest.param("أعيد فتح المعبر قبل عام", "2020-03",
                 [D("قبل عام", "2019-03", "month", qualifier="about", relative=True)], id="ago-one-year"),
    pytest.param("أعيد فتح المعبر قبل عام واحد وأغلق قبل سنة", "2020-03-15",
                 [D("قبل عام واحد", "2019-03", "month", qualifier="about", relative=True),
                  D("قبل سنة", "2019-03", "month", qualifier="about", relative=True)], id="ago-one-year-forms"),
    pytest.param("بدأ ترميم السوق قبل ثلاثة أشهر", "2020-02",
                 [D("قبل ثلاثة أشهر", "2019-11", "month", qualifier="about", relative=True)], id="ago-months"),
    pytest.param("بدأ ترميم السوق قبل ثلاثة أشهر", None,
                 [D("قبل ثلاثة أشهر", None, "month", relative=True, duration="P3M")], id="ago-unresolved"),
    pytest.param("أغلق المعبر الأسبوع الماضي ويفتح الأسبوع المقبل", "2020-11-18",  # a Wednesday
                 [D("الأسبوع الماضي", "2020-11", "month", relative=True),  # 8 to 14 November: a week names no day
                  D("الأسبوع المقبل", "2020-11", "month", relative=True)], id="last-and-next-week"),
    pytest.param("قصفت الطائرات مواقع للتنظيم الأسبوع الماضي", "2020-12-09",  # 29 November to 5 December
                 [D("الأسبوع الماضي", "2020", "year", relative=True)], id="last-week-across-a-month-is-the-year"),
    pytest.param("قصفت الطائرات مواقع للتنظيم الأسبوع الماضي", "2021-01-06",  # 27 December to 2 January
                 [D("الأسبوع الماضي", None, "day", relative=True)], id="last-week-across-a-year-is-no-date"),
    pytest.param("في الأسبوع الأول من الحملة", "2020-11-18", [], id="a-week-of-the-story-is-no-date"),
    pytest.param("أغلق المعبر الأسبوع الماضي", "2020-11", [D("الأسبوع الماضي", None, "day", relative=True)],
                 id="last-week-needs-the-day"),
    pytest.param("انسحب الجيش قبل 18 شهرا، ثم سقطت المدينة بيد التنظيم في مايو", "2015-12-29",
                 [D("قبل 18 شهرا", "2014-06", "month", qualifier="about", relative=True),
                  D("مايو", "2015-05", "month", relative=True)], id="a-time-ago-about-frames-no-later-month"),
    pytest.param("هاجم التنظيم البلدة قبل نحو عامين، وقتل حينها عشرة", "2019-06-10",
                 [D("قبل نحو عامين", "2017-06", "month", qualifier="about", relative=True),
                  D("حينها", "2017-06", "month", qualifier="about", relative=True)], id="then-after-a-time-ago"),
    pytest.param("أعلن الجيش أمس الأحد السيطرة على البلدة، بعد يومين من اقتحامها", "2019-04-08",
                 [D("أمس", "2019-04-07", "day", relative=True), D("الأحد", "2019-04-07", "day", relative=True),
                  D("بعد يومين من", "2019-04-05", "day", relative=True, of_event=True)], id="days-after-an-event-from-the-date-before"),
    pytest.param("وجاء الهجوم بعد يوم واحد من تفجير في السوق", "2019-04-08",
                 [D("بعد يوم واحد من", "2019-04-07", "day", relative=True, of_event=True)], id="a-day-after-from-the-papers-day"),
    pytest.param("وجاء الهجوم بعد يوم واحد من تفجير في السوق", "2019-04",
                 [D("بعد يوم واحد من", None, "day", relative=True, of_event=True)], id="a-day-after-needs-a-day"),
    # a day, a month named and a year set apart by slashes, as papers of Iraq write them
    pytest.param("باشرت القوات يوم الخميس (9 / تموز / 2015) بتطهير المنطقة", "2015-07-12",
                 [D("يوم الخميس", "2015-07-09", "day", relative=True), D("9 / تموز / 2015", "2015-07-09", "day")],
                 id="day-slash-month-slash-year"),
    pytest.param("افتتحت المدرسة في 14/أيلول/2019", None, [D("14/أيلول/2019", "2019-09-14", "day")],
                 id="day-slash-month-slash-year-glued"),
    pytest.param("لم تعلن نتائج الجلسة 4 / 5 حتى الآن", "2019-06-01", [], id="a-slash-between-numbers-is-no-month"),
    # a range without years whose start would fall after its end starts the year before
    pytest.param("وثقت المنظمة مقتل 60 مدنيا بين 3 من تشرين الثاني و12 من كانون الثاني", "2019-02-20",
                 [D("بين 3 من تشرين الثاني و12 من كانون الثاني", "2018-11-03", "day", end_value="2019-01-12",
                    relative=True)], id="a-range-across-new-year"),
    # so long after an event, at the precision of the length's unit
    pytest.param("لا تزال البلدة مليئة بالألغام بعد عام من طرد التنظيم منها", "2019-05-20",
                 [D("بعد عام من", "2018", "year", relative=True, of_event=True)], id="a-year-after-an-event-is-its-year"),
    pytest.param("عاد التجار إلى السوق بعد ثلاثة أشهر من سيطرة الجيش على المدينة", "2019-05-20",
                 [D("بعد ثلاثة أشهر من", "2019-02", "month", relative=True, of_event=True)], id="months-after-an-event-is-its-month"),
    pytest.param("يعود الطلاب إلى مدارسهم بعد مرور أكثر من عامين على سقوط القرية", "2016-08-30",
                 [D("بعد مرور أكثر من عامين على", "2014", "year", qualifier="about", relative=True, of_event=True)],
                 id="the-passing-of-years-upon-an-event"),
    pytest.param("سيطر التنظيم على البلدة في حزيران 2014. وبعد مرور سنة على طرده منها عاد الأهالي", "2020-03",
                 [D("حزيران 2014", "2014-06", "month"),
                  D("بعد مرور سنة على", "2019", "year", relative=True, of_event=True)],
                 id="years-after-an-event-from-the-paper-not-the-date-before"),
    pytest.param("بعد 30 يوما من عمل مستمر نظفت الفرق الحي", "2019-04-08",
                 [D("30 يوما", None, "day", duration="P30D")], id="days-of-work-are-how-long-it-lasted"),
    pytest.param("استسلمت الحامية بعد عامين من الحصار", "2019-04-08",
                 [D("عامين", None, "year", duration="P2Y")], id="a-year-of-an-activity-is-how-long-it-lasted"),
    pytest.param("انتهت المعركة بعد ثلاثة أسابيع من القتال", "2019-04-08",
                 [D("ثلاثة أسابيع", None, "day", duration="P3W")], id="weeks-after-stay-a-length"),
    pytest.param("انسحب المسلحون من البلدة قبل عشرين يوما", "2016-08-25",
                 [D("قبل عشرين يوما", "2016-08-05", "day", relative=True)], id="ago-days"),
    pytest.param("انسحب المسلحون من البلدة قبل حوالي عشرين يوما وعادوا قبل نحو أسبوع", "2016-09-03",
                 [D("قبل حوالي عشرين يوما", "2016-08", "month", qualifier="about", relative=True),
                  D("قبل نحو أسبوع", "2016-08", "month", qualifier="about", relative=True)], id="ago-about-days"),
    pytest.param("نزح الآلاف ما بين 21 و31 من آذار 2019", None,
                 [D("ما بين 21 و31 من آذار 2019", "2019-03-21", "day", end_value="2019-03-31")], id="day-range-bayna"),
    pytest.param("استمر القصف من 21 إلى 31 آذار", "2019-05-01",
                 [D("من 21 إلى 31 آذار", "2019-03-21", "day", end_value="2019-03-31", relative=True)],
                 id="day-range-min-ila"),
    pytest.param("سيطر التنظيم على المنطقة بين عامي 2014 و2017", None,
                 [D("بين عامي 2014 و2017", "2014", "year", end_value="2017")], id="year-range"),
    pytest.param("نفذت الخلية هجمات على الحواجز في عامي 2019 و2020", None,
                 [D("عامي 2019 و2020", "2019", "year", end_value="2020")], id="the-dual-of-year-names-both"),
    pytest.param("استمر الحصار ستة أسابيع", None, [D("ستة أسابيع", None, "day", duration="P6W")], id="duration-weeks"),
    pytest.param("زار الوفد المخيم قبل أيام وأعلن عن مشاريع بدأت قبل سنوات", "2019-05-20",
                 [D("قبل أيام", "2019-05", "month", qualifier="about", relative=True),
                  D("قبل سنوات", None, "year", relative=True)], id="a-few-days-ago-names-no-day"),
    pytest.param("بقيت المدينة محاصرة 73 يومًا", None, [D("73 يومًا", None, "day", duration="P73D")],
                 id="duration-days-tanween"),
    pytest.param("تعطلت المدارس ثلاث سنوات ثم عامين", None,
                 [D("ثلاث سنوات", None, "year", duration="P3Y"), D("عامين", None, "year", duration="P2Y")],
                 id="duration-years-and-dual"),
    pytest.param("انقطعت المياه شهرين", None, [D("شهرين", None, "month", duration="P2M")], id="duration-dual-months"),
    pytest.param("قال أبٌ فقد ابنه إن آب كان قاسياً، وعاد في آب 2016", None,
                 [D("آب 2016", "2016-08", "month")], id="ambiguous-month-needs-context"),
    pytest.param("صدر التقرير في 23/3/2019", None, [D("23/3/2019", "2019-03-23", "day")], id="numeric-date"),
    pytest.param("بدأت الحملة في 5 آذار 2018 وانتهت في 9 أيار", "2020-03-15",
                 [D("5 آذار 2018", "2018-03-05", "day"), D("9 أيار", "2018-05-09", "day", relative=True)],
                 id="year-from-previous-date"),
    # the paper's year carried to a month still to come in it: the last such month before the paper
    pytest.param("وقع التفجير يوم الجمعة، في إطار هجوم بدأ في تشرين الثاني", "2019-06-14",
                 [D("يوم الجمعة", "2019-06-14", "day", relative=True), D("تشرين الثاني", "2018-11", "month", relative=True)],
                 id="paper-year-carried-past-the-paper"),
    pytest.param("أعلن الجيش يوم الجمعة، 7 حزيران 2019، انتهاء الحملة التي بدأت في 3 تشرين الثاني", "2019-06-14",
                 [D("يوم الجمعة، 7 حزيران 2019", "2019-06-07", "day"), D("3 تشرين الثاني", "2018-11-03", "day", relative=True)],
                 id="paper-year-carried-past-the-paper-a-day"),
    # a stretch since a date of the paper's reckoning frames no later date: the nearest month
    pytest.param("انقطع الطريق منذ العام الماضي، وأعيد فتحه منذ منتصف أيار", "2016-07-20",
                 [D("منذ العام الماضي", "2015", "year", relative=True, anchor="since"),
                  D("منذ منتصف أيار", "2016-05", "season", qualifier="mid", relative=True, anchor="since")],
                 id="since-last-year-frames-no-month"),
    pytest.param("تضررت المحطة في العام الماضي، وأصلحت في آذار", "2016-07-20",
                 [D("العام الماضي", "2015", "year", relative=True), D("آذار", "2015-03", "month", relative=True)],
                 id="last-year-frames-a-month"),
    # "حينها", "آنذاك": the date before, as it was given; with none before, no value
    pytest.param("فر السكان من القرية في أواخر أيار 2016، وكانت خالية آنذاك", "2019-01-16",
                 [D("أواخر أيار 2016", "2016-05", "season", qualifier="late"),
                  D("آنذاك", "2016-05", "season", qualifier="late", relative=True)], id="then-takes-the-date-before"),
    pytest.param("قتل حينها خمسة أشخاص", "2019-01-16", [D("حينها", None, "year", relative=True)],
                 id="then-with-no-date-before"),
    pytest.param("يبقى الريف بأمسّ الحاجة إلى المياه", "2021-01-05", [], id="idiom-amass-al-haja"),
    pytest.param("بقي الطريق مغلقاً حتى اليوم", "2021",
                 [D("حتى اليوم", "2021", "year", relative=True, anchor="until")], id="until-today"),
    # a recent stretch up to the paper's day: the smallest calendar period that holds it
    pytest.param("وصل آلاف النازحين إلى المخيم خلال الأيام القليلة الماضية", "2016-11-20",
                 [D("الأيام القليلة الماضية", "2016-11", "month", relative=True)], id="recent-days-in-the-month"),
    pytest.param("تراجعت الهجمات في الأسبوعين الماضيين", "2016-11-05",
                 [D("الأسبوعين الماضيين", "2016", "year", relative=True)], id="recent-weeks-across-a-month"),
    pytest.param("تزايدت الهجمات خلال الأشهر الأخيرة", "2020-07-01",
                 [D("الأشهر الأخيرة", "2020", "year", relative=True)], id="recent-months"),
    pytest.param("عاد آلاف النازحين خلال الأيام 10 الماضية", "2019-08",
                 [D("الأيام 10 الماضية", "2019-08", "month", relative=True)], id="recent-days-paper-of-a-month"),
    pytest.param("تغيرت المدينة كثيراً خلال السنوات الماضية", "2019-08-01",
                 [D("السنوات الماضية", None, "year", relative=True)], id="recent-years-no-one-year"),
    pytest.param("في الأيام الأولى من الحرب نزح الآلاف", "2019-08-01", [], id="days-of-the-story-are-no-stretch"),
    pytest.param("قتل خمسة مدنيين خلال الـ48 ساعة الماضية", "2019-08-20",
                 [D("48 ساعة الماضية", "2019-08", "month", relative=True)], id="recent-hours-counted"),
    # a day's hours or fewer up to the paper's day are that day
    pytest.param("سيطر الجيش على ثلاث قرى في الساعات الماضية", "2018-04-02",
                 [D("الساعات الماضية", "2018-04-02", "day", relative=True)], id="recent-hours-the-day"),
    pytest.param("فر مئات المدنيين من البلدة خلال الـ24 ساعة الأخيرة", "2018-04-01",
                 [D("24 ساعة الأخيرة", "2018-04-01", "day", relative=True)], id="recent-24-hours-the-day"),
    pytest.param("سقطت قذائف على الحي خلال الساعات الماضية", "2018-04",
                 [D("الساعات الماضية", "2018-04", "month", relative=True)], id="recent-hours-paper-of-a-month"),
    pytest.param("استمر القصف 48 ساعة", "2019-08-20", [D("48 ساعة", None, "day", duration="PT48H")],
                 id="hours-without-past-are-a-length"),
    # the year a date before carries to a month without one never puts it after a paper that date is not after
    pytest.param("قتل عشرة مدنيين في تفجير يوم الجمعة، فيما تتواصل المعركة التي بدأت في أكتوبر", "2017-06-09",
                 [D("يوم الجمعة", "2017-06-09", "day", relative=True), D("أكتوبر", "2016-10", "month", relative=True)],
                 id="carried-year-no-month-after-the-paper"),
    pytest.param("هاجم التنظيم القرية في 3 آذار 2017، ثم هاجمها مرة أخرى في 20 حزيران", "2017-06-09",
                 [D("3 آذار 2017", "2017-03-03", "day"), D("20 حزيران", "2016-06-20", "day", relative=True)],
                 id="carried-year-no-day-after-the-paper"),
    pytest.param("هاجم التنظيم القرية في 3 آذار 2017، ثم هاجمها مرة أخرى في أيار", "2017-06-09",
                 [D("3 آذار 2017", "2017-03-03", "day"), D("أيار", "2017-05", "month", relative=True)],
                 id="carried-year-before-the-paper"),
    pytest.param("تبدأ أعمال إعادة الإعمار في عام 2018، وتنتهي في أكتوبر", "2017-06-09",
                 [D("عام 2018", "2018", "year"), D("أكتوبر", "2018-10", "month", relative=True)],
                 id="carried-year-to-come"),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_dates(text, published, expected):
    assert found(text, published) == expected


def test_spans_map_back_to_original_words():
    text = "وفي الأوَّلِ من حزيرانَ/يونيـو 2019، قُتِلَ أكثرَ من 1,500 شخصٍ خلال سِتَّةِ أسابيعَ منـذ أواسـط العام 2019"
    seg = make_doc(text)
    surfaces = [text[slice(*seg.norm.to_original(m.start, m.end))] for m in extract_dates(seg, None)]
    assert surfaces == ["الأوَّلِ من حزيرانَ/يونيـو 2019", "سِتَّةِ أسابيعَ", "منـذ أواسـط العام 2019"]


def test_mentions_are_sorted_and_disjoint():
    text = "من 21 آذار إلى 3 نيسان 2019 ثم في أواخر العام ذاته وبعد 40 يوماً"
    mentions = extract_dates(make_doc(text), "2020-01-01")
    assert [m.value for m in mentions] == ["2019-03-21", "2019", None]
    assert mentions[0].end_value == "2019-04-03"
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_bad_published_date_is_refused():
    with pytest.raises(DocumentError, match="YYYY-MM-DD"):
        extract_dates(make_doc("اليوم"), "15/03/2020")


@pytest.mark.parametrize("text", ["في 2019/3/99999999999999999999", "في 99999999999999999999/3/2019",
                                  "في 31/2/2019"])
def test_a_numeric_date_no_calendar_holds_is_no_date(text):
    """A day of twenty digits (found by fuzzing: it overflowed the calendar and stopped the read)
    or the 31st of February is no date, and the text is still read."""
    assert extract_dates(make_doc(text), "2020-01-01") == []




@pytest.mark.parametrize(("name", "lines", "where"), [
    pytest.param("months.tsv", ["# comment", "month\tfamily\tforms\tbare", "13\tlevantine\tشباط\tyes"],
                 "months.tsv:3", id="month-out-of-range"),
    pytest.param("months.tsv", ["month\tfamily\tforms\tbare", "2\tlevantine\tشباط\tyes", "3\tegyptian\tشباط\tyes"],
                 "months.tsv:3", id="form-of-two-months"),
    pytest.param("date_cues.tsv", ["role\tvalue\tforms", "", "seasn\tlate\tأواخر"], "date_cues.tsv:3", id="unknown-role"),
    pytest.param("durations.tsv", ["designator\tforms\tdual", "X\tعام\tعامين"], "durations.tsv:2", id="bad-designator"),
    pytest.param("weekdays.tsv", ["weekday\tforms", "8\tالجمعة"], "weekdays.tsv:2", id="weekday-out-of-range"),
])
def test_malformed_rows_name_file_and_line(name, lines, where):
    lang = Language(tables={name: "\n".join(lines)})  # the package's tables, but this one
    with pytest.raises(LexiconError, match=where):
        extract_dates(lang.make_doc("في 5 شباط 2017"), None)


def _article_units(word):
    """The reading of a unit of time with the article ("الأيام"): the word without it."""
    return ((word[2:], 0),) if word.startswith("ال") else ()


def test_date_tables_match_as_phrase_tables(monkeypatch):
    """The parser matches the date tables through datewords' own index (the forms each word
    may start); at every token and for every reading it finds what PhraseTable.match finds."""
    text = "\n".join(case.values[0] for case in CASES)  # every form the cases use, many-word ones too
    seg = make_doc(text)
    parser = dates._Parser(seg, None)
    monkeypatch.setattr(datewords, "DateTable", PhraseTable)
    tables = datewords.lexicon(Language(cache=False))  # built here (not loaded): its date tables are PhraseTables
    with_proclitics = proclitics(tables.lang).readings
    readings = [("cues", exact_form, "cues"), ("cues", with_proclitics, "clitic_cues"),
                ("months", exact_form, "months"), ("months", with_proclitics, "clitic_months"),
                ("weekdays", with_proclitics, "clitic_weekdays"), ("ordinals", exact_form, "ordinals"),
                ("ordinals", after_waw, "waw_ordinals"), ("units", tables.unit_forms, "units"),
                ("units", _article_units, "article_units")]
    matched = 0
    for j, tok in enumerate(seg.tokens):
        parser.stop = seg.sentences[tok.sentence].last_token
        for table, first, heads in readings:
            expected = getattr(tables, table).match(seg, j, first=first)
            if heads == "article_units" and expected is not None:
                kept = [pl for pl in expected.payloads if pl[1] in (0, 2)]
                expected = type(expected)(*[(tuple(kept) if f == "payloads" else getattr(expected, f))
                                            for f in expected.__dataclass_fields__]) if kept else None
            assert parser.longest(j, getattr(parser.words[j], heads)) == expected, (tok.text, table, heads)
            matched += expected is not None
    assert matched > 20


@pytest.mark.parametrize("text, expected", [
    pytest.param("قتل المسلحون خمسة يوم الجمعة", [D("يوم الجمعة", "2021-03-12", "day", relative=True)],
                 id="three-to-ten-count-no-singular-day"),
    pytest.param("اعتقلت القوات 12 عام 2019", [D("عام 2019", "2019", "year")], id="a-figure-then-a-year"),
    pytest.param("قتل التنظيم 15 يوم 5 آذار", [D("يوم 5 آذار", "2021-03-05", "day", relative=True)], id="a-figure-then-a-day"),
    pytest.param("استمر الحصار 11 شهرا", [D("11 شهرا", None, "month", duration="P11M")], id="eleven-months-a-length"),
    # a figure after a singular that opens no date is no date's: the length stands
    pytest.param("سقط خلال 24 ساعة 9 قتلى في الأحياء الشرقية", [D("24 ساعة", None, "day", duration="PT24H")],
                 id="a-length-then-a-figure"),
    pytest.param("دامت الاشتباكات 30 يوم 4 منها داخل الحي", [D("30 يوم", None, "day", duration="P30D")],
                 id="a-length-then-a-figure-of-its-days"),
])
def test_a_figure_before_the_word_that_opens_a_date_is_no_length(text, expected):
    # "خمسة يوم" is no Arabic for five days ("خمسة أيام"); "يوم" opens the date that follows
    assert found(text, "2021-03-16") == expected
