"""The dates of events as the news gives them (athar.read.newsdate), in sentences written for
these tests: the report's date for the lead's news, at the precision the paper has; the lead's
day for the body of a hard-news report, none for a retrospective's; background and plans keep
none; the same news told again keeps its date."""

from __future__ import annotations

import pytest

from athar.errors import LexiconError
from athar.read.language import Language
from athar.read.background import background_words
from athar.read.pipeline import read

LATER = "\nوقال المتحدث إن الوضع هادئ في المنطقة."  # a second sentence: the text is an article


def dates(text: str, published: str | None) -> dict[str, str | None]:
    """The date of each event, by the words of its trigger."""
    return {f.trigger: f.date.value if f.date else None for f in read(text, published=published).facts if not f.relation}


@pytest.mark.parametrize(("published", "date"), [
    pytest.param("2019-04-10", "2019-04-10", id="paper-of-a-day"),
    pytest.param("2019-04", "2019-04", id="paper-of-a-month"),
    pytest.param("2019", "2019", id="paper-of-a-year"),
])
def test_the_lead_is_the_news_of_the_day_it_is_published(published, date):
    got = dates("اعتقلت القوات الأمنية خمسة مسلحين في قرية الحصان غربي الموصل." + LATER, published)
    assert got["اعتقلت"] == date


def test_the_lead_date_has_the_papers_precision():
    facts = read("اعتقلت القوات الأمنية خمسة مسلحين في قرية الحصان غربي الموصل." + LATER, published="2019-04").facts
    arrest = next(f for f in facts if f.trigger == "اعتقلت")
    assert (arrest.date.value, arrest.date.precision) == ("2019-04", "month")


def test_one_sentence_is_no_report():
    assert dates("اعتقلت القوات الأمنية خمسة مسلحين في قرية الحصان غربي الموصل", "2019-04-10")["اعتقلت"] is None


@pytest.mark.parametrize(("text", "trigger"), [
    pytest.param("حررت القوات العراقية قرية الحصان التي سيطر عليها تنظيم داعش غربي الموصل.", "سيطر",
                 id="relative-clause"),
    pytest.param("اعتقلت القوات خمسة مسلحين في قرية الحصان، وكان التنظيم قد هاجم القرية.", "هاجم",
                 id="pluperfect"),
    pytest.param("اعتقلت القوات خمسة مسلحين في قرية الحصان، وكان التنظيم هاجم القرية.", "هاجم",
                 id="pluperfect-without-qad"),
    pytest.param("اعتقلت القوات خمسة مسلحين في قرية الحصان، وكانت القوات تقاتل التنظيم في القرية.", "تقاتل",
                 id="past-continuous"),
    pytest.param("عاد مئات النازحين إلى بلدة القيارة بعد تحرير البلدة من تنظيم داعش.", "تحرير",
                 id="masdar-after-a-preposition-of-time"),
])
def test_background_in_the_lead_is_not_the_days_news(text, trigger):
    got = dates(text + LATER, "2019-04-10")
    assert got[trigger] is None
    assert any(v == "2019-04-10" for k, v in got.items() if k != trigger)  # the news itself is dated


def test_a_plan_in_the_lead_is_not_the_days_news():
    got = dates("ستعيد الحكومة بناء جسر الحرية في مدينة الرمادي." + LATER, "2019-04-10")
    assert got and all(v is None for v in got.values())


def test_the_body_of_a_hard_news_report_is_the_news_of_its_day():
    text = "اعتقلت القوات الأمنية خمسة مسلحين في قرية الحصان.\nوعادت عشرات العائلات إلى منازلها في البلدة."
    got = dates(text, "2019-04-10")
    assert got["اعتقلت"] == "2019-04-10" and got["عادت"] == "2019-04-10"


def test_the_body_takes_the_day_the_lead_gives():
    text = ("رفعت القوات العراقية العلم فوق مبنى المحافظة في مدينة الحصان أمس الأحد.\n"
            "وقالت وزارة الدفاع في بيان إن القوات حررت المدينة بالكامل.")
    got = dates(text, "2019-04-15")  # a Monday: "أمس الأحد" is the 14th
    assert got["قالت"] == "2019-04-14" and got["حررت"] == "2019-04-14"


def test_the_body_of_a_paper_known_to_the_year_is_that_year():
    text = "اعتقلت القوات الأمنية خمسة مسلحين في قرية الحصان.\nوعادت عشرات العائلات إلى منازلها في البلدة."
    facts = {f.trigger: f for f in read(text, published="2019").facts if not f.relation}
    assert (facts["اعتقلت"].date.value, facts["اعتقلت"].date.precision) == ("2019", "year")
    assert (facts["عادت"].date.value, facts["عادت"].date.precision) == ("2019", "year")


def test_a_retrospective_in_a_paper_known_to_the_year_keeps_its_body_undated():
    text = "في تموز من عام 2017 حررت القوات العراقية مدينة الحصان من تنظيم داعش.\nوعادت عشرات العائلات إلى منازلها في المدينة."
    assert dates(text, "2019")["عادت"] is None


def test_the_body_of_a_paper_known_to_the_month_is_that_month():
    text = ("سلمت السلطات المحلية الاثنين عشرة أطفال إلى ممثلين عن بلدهم.\n"
            "ويقيم في مخيم الحصان نحو خمسة آلاف أجنبي من عائلات التنظيم.")
    facts = [f for f in read(text, published="2019-08").facts if not f.relation and f.trigger_start > 60]
    assert facts and all((f.date.value, f.date.precision) == ("2019-08", "month") for f in facts)


@pytest.mark.parametrize(("body", "date"), [
    pytest.param("وقال الجيش في بيان إن قواته حررت يوم الخميس 14 آب قرية الحصان.", "2019-08-14",
                 id="told-again-with-its-day"),
    pytest.param("وقال الجيش في بيان إن قواته حررت حتى 14 آب عشر قرى.", "2019-08",
                 id="a-bound-is-no-day-of-the-news"),
    pytest.param("وقال الجيش في بيان إن قواته حررت يوم الخميس 14 آب مدينة الرقة.", "2019-08",
                 id="another-place-is-another-event"),
])
def test_the_leads_news_in_a_paper_of_a_month_takes_the_day_told_later(body, date):
    text = "حررت قوات الجيش قرية الحصان في ريف دير الزور بعد معارك مع التنظيم.\n" + body
    first = next(f for f in read(text, published="2019-08").facts if f.trigger == "حررت")
    assert first.trigger_start == 0 and first.date.value == date


def test_what_the_body_says_still_holds_is_of_the_leads_day():
    text = ("انسحبت القوات الأجنبية أمس الأحد من قاعدة قرب بلدة الحصان.\n"
            "ولا يزال جنود أجانب يحتفظون بقواعد في ريف دير الزور.")
    facts = {f.type: f for f in read(text, published="2019-04-15").facts if not f.relation}
    assert facts["TerritorialControl"].modality == "Ongoing"
    assert facts["TerritorialControl"].date.value == "2019-04-14"


def test_what_still_holds_after_a_retrospective_lead_stays_undated():
    text = ("في تموز من عام 2017 حررت القوات العراقية مدينة الحصان من تنظيم داعش.\n"
            "ولا يزال التنظيم يسيطر على قرى في ريف المدينة.")
    facts = {f.type: f for f in read(text, published="2019-04-15").facts if not f.relation}
    assert facts["TerritorialControl"].date is None


@pytest.mark.parametrize("lead", [
    pytest.param("قبل عام، في 23 آذار 2018، حررت القوات العراقية مدينة الحصان من تنظيم داعش.", id="a-year-ago"),
    pytest.param("في تموز من عام 2017 حررت القوات العراقية مدينة الحصان من تنظيم داعش.", id="years-back"),
])
def test_a_retrospective_keeps_its_body_undated(lead):
    got = dates(lead + "\nوعادت عشرات العائلات إلى منازلها في المدينة.", "2019-03-25")
    assert got["عادت"] is None


def test_background_and_plans_in_the_body_stay_undated():
    text = ("اعتقلت القوات الأمنية خمسة مسلحين في قرية الحصان أمس.\n"
            "وكانت القوات قد حررت القرية من التنظيم.\nوستعيد الحكومة بناء جسر الحرية في مدينة الرمادي.")
    facts = {f.type: f for f in read(text, published="2019-04-10").facts if not f.relation}
    assert facts["Arrest"].date.value == "2019-04-09"
    assert facts["Liberation"].date is None  # told in the pluperfect: background
    assert facts["Reconstruction"].modality == "Planned" and facts["Reconstruction"].date is None


def test_the_same_news_told_again_keeps_its_date():
    text = ("أعلنت الشرطة، أمس الأحد، اعتقال خلية لتنظيم داعش في حي الزهور.\n"
            "وقال المتحدث إن القوات ألقت القبض على أفراد الخلية الثلاثة بعد مراقبة استمرت أسبوعين.")
    got = dates(text, "2019-04-15")  # a Monday
    assert got["اعتقال"] == "2019-04-14" and got["ألقت القبض"] == "2019-04-14"


@pytest.mark.parametrize(("town", "date"), [
    pytest.param("مدينة هيت", "2019-03-04", id="the-attack-told"),
    pytest.param("مدينة الرطبة", "2019-03-05", id="another-place-another-attack"),
])
def test_an_event_named_again_with_a_relative_clause_keeps_its_date(town, date):
    text = ("أعلنت الشرطة اليوم اعتقال خمسة مطلوبين في مدينة الفلوجة.\n"
            "وكانت مصادر محلية أفادت بوقوع هجوم انتحاري مساء الإثنين قرب سوق شعبية في مدينة هيت.\n"
            f"وقالت المصادر إن الهجوم الذي وقع في {town} نفذه انتحاري يرتدي حزاما ناسفا.")
    got = dates(text, "2019-03-05")  # a Tuesday
    told = next(v for k, v in got.items() if k.startswith("هجوم"))
    assert told == "2019-03-04" and got["الهجوم"] == date


def test_background_words_are_read_and_checked():
    words = background_words(Language())
    assert "قد" in words["particle"] and "كانت" in words["pluperfect"] and "بعد" in words["told-before"]
    table = "role\tvalue\tforms\nyear\t\tعام\nbackground\tlong-ago\tقديما\n"
    with pytest.raises(LexiconError, match="date_cues.tsv:3"):
        background_words(Language(tables={"date_cues.tsv": table}))


def dated(text: str, published: str) -> dict[str, str | None]:
    """The date of each event of one sentence (no report's date: one sentence is no article)."""
    return {f.type: f.date.value if f.date else None for f in read(text, published=published).facts if not f.relation}


def test_a_date_set_off_by_commas_later_in_the_sentence_is_the_events():
    got = dated("أعادت البلدية فتح جسر الحرية في مدينة الرمادي، في الثالث من الشهر الجاري.", "2019-04-15")
    assert got["Reconstruction"] == "2019-04-03"


def test_a_date_after_a_relative_clause_is_not_the_events():
    got = dated("أعادت البلدية فتح جسر الحرية في مدينة الرمادي، الذي صمم عام 1990.", "2019-04-15")
    assert got["Reconstruction"] is None


def test_the_date_of_a_clause_of_since_is_that_clauses_event_only():
    got = dated("عادت القوات العراقية إلى قضاء سنجار منذ انسحابها منه في آب 2014، وانتشرت في مركز القضاء.", "2019-04-15")
    assert got["Withdrawal"] == "2014-08"
    assert got["Return"] is None and got["Dispersal"] is None  # neither returned nor spread out in 2014


@pytest.mark.parametrize("dateline", ["بغداد – وكالات", "كتب: سامر الأحمد - الرقة"])
def test_the_lead_after_a_dateline_is_the_news_of_the_day(dateline):
    got = dates(dateline + "\nاعتقلت القوات الأمنية خمسة مسلحين في قرية الحصان غربي الموصل." + LATER, "2019-04-10")
    assert got["اعتقلت"] == "2019-04-10"


def test_a_second_sentence_of_the_article_is_no_lead():
    # the lead looks back (a retrospective): a later sentence is neither the lead nor the day's news
    text = "في آب 2014 سيطر تنظيم داعش على المدينة.\nاعتقلت القوات الأمنية خمسة مسلحين في قرية الحصان."
    assert dates(text, "2019-04-10")["اعتقلت"] is None


def test_the_lead_under_a_headline_is_the_news_of_the_day():
    text = ("القوات الأمنية تعتقل خمسة مسلحين غربي الموصل\n"
            "أعلنت قيادة العمليات المشتركة تفكيك عبوات ناسفة في قرية الحصان غربي الموصل." + LATER)
    assert dates(text, "2019-04-10")["أعلنت"] == "2019-04-10"


def test_a_bound_later_in_the_sentence_describes_a_thing_not_the_event():
    got = dated("أعادت الحكومة المحلية فتح مدرسة الشهداء في حي الزهور، المغلقة منذ عام 2014.", "2020-11-17")
    assert got["Reconstruction"] is None


def test_what_a_sentence_expects_is_not_the_days_news():
    text = ("اعتقلت القوات الأمنية خمسة مسلحين في قرية الحصان أمس.\n"
            "ومن المقرر أن تبدأ البلدية قريبا حملة واسعة في القرية تشمل المساعدة على تسهيل عودة النازحين إلى منازلهم.")
    got = dates(text, "2019-04-10")
    assert got["اعتقلت"] == "2019-04-09" and got["عودة"] is None  # far from "من المقرر أن", still a plan


def test_a_date_in_what_a_statement_reports_is_not_the_statements():
    text = ("أعلنت الأمم المتحدة إرسال قافلة مساعدات إلى مدينة الحصان.\n"
            "وقالت المفوضية في بيان إن عدد النازحين بلغ ألف شخص مقارنة بألفين نهاية آذار الماضي.")
    statements = [f for f in read(text, published="2019-04-10").facts if f.type == "Statement"]
    assert [f.date.value for f in statements] == ["2019-04-10", "2019-04-10"]  # not March: the day it spoke


def test_a_statement_dated_before_what_it_reports_keeps_that_date():
    got = dates("قالت وزارة الدفاع، الأحد، إن القوات حررت قرية الحصان.\nوأضافت الوزارة أن الوضع هادئ.", "2019-04-10")
    assert got["قالت"] == "2019-04-07"


def test_a_plan_is_not_the_same_news_told_again():
    text = ("أرسلت الأمم المتحدة قافلة مساعدات إلى مدينة الحصان أمس.\n"
            "وتعتزم المنظمة إرسال قافلة مساعدات ثانية إلى المدينة.")
    facts = [f for f in read(text, published="2019-04-10").facts if f.type == "ServiceProvision"]
    assert [(f.modality, f.date.value if f.date else None) for f in facts] == [("Asserted", "2019-04-09"), ("Planned", None)]


def test_a_sentence_that_opens_with_kana_is_background_whole():
    text = ("قدمت الحكومة مساهمة بمبلغ 10 ملايين دولار لإعادة إعمار المدارس في مدينة الحصان.\n"
            "وكانت الحكومة تعهدت بتقديم الدعم عندما استضافت العاصمة اجتماعا للمانحين.")
    facts = [(f.type, f.date.value if f.date else None) for f in read(text, published="2019-04-10").facts]
    assert ("Funding", "2019-04-10") in facts  # the lead
    assert [d for t, d in facts if t == "Meeting"] == [None]  # the meeting was when the pledge was


@pytest.mark.parametrize(("text", "trigger", "date"), [
    pytest.param("نشر التنظيم، الاثنين، صورا تظهر تفجير كنيسة أثرية في بلدة الحصان.", "تفجير", "2019-04",
                 id="pictures-put-out-on-a-day"),
    pytest.param("بث التنظيم شريطا مصورا يظهر إعدام عشرة مدنيين في بلدة الحصان.", "إعدام", "2019-04",
                 id="a-film-in-the-lead"),
    pytest.param("فجر التنظيم، الاثنين، كنيسة أثرية في بلدة الحصان.", "فجر", "2019-04-08",
                 id="no-pictures-the-day-stands"),
])
def test_what_pictures_show_is_dated_to_the_month(text, trigger, date):
    got = dates(text + LATER, "2019-04-10")  # a Wednesday
    assert got[trigger] == date
