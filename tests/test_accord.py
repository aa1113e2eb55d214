"""A word of attribution ("بحسب X", "وفقا لـ X", "حسبما أفاد X") tells a Statement of X's, and the
events it reports keep their roles. Sentences written for these tests."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-16"


def _read(text: str):
    return athar.read(text, published=PUBLISHED).facts


def _accorded(text: str) -> list[tuple[str, str]]:
    """The Statements of words of attribution: (evidence, speaker)."""
    return [(f.evidence.text, f.role("agent")[0].label_ar) for f in _read(text)
            if f.type == "Statement" and any(w in f.trigger for w in ("حسب", "وفق"))]


@pytest.mark.parametrize("text, evidence, speaker", [
    pytest.param("وقتل ثلاثة مدنيين بانفجار لغم في ريف دير الزور، بحسب المرصد السوري لحقوق الإنسان.",
                 "بحسب المرصد السوري لحقوق الإنسان", "المرصد السوري لحقوق الإنسان", id="bihasab-monitor"),
    pytest.param("ووفقا لوزارة الدفاع العراقية فإن القوات دخلت القرية صباح اليوم.",
                 "ووفقا لوزارة الدفاع العراقية", "وزارة الدفاع العراقية", id="wifqan-li-joined"),
    pytest.param("وانسحب عناصر التنظيم من البلدة، حسبما أفادت وكالة رويترز.",
                 "حسبما أفادت وكالة رويترز", "رويترز", id="hasabama-verb-outlet"),
    pytest.param("وسقط خمسة جرحى في القصف، بحسب ما أوردت وكالة سانا.",
                 "بحسب ما أوردت وكالة سانا", "سانا", id="bihasab-ma-verb"),
])
def test_a_word_of_attribution_tells_a_statement_of_its_source(text, evidence, speaker):
    [(found, who)] = _accorded(text)
    assert found == evidence
    assert speaker in who


def test_a_verb_read_as_a_statement_after_the_word_of_attribution_is_the_only_one():
    # "وفق ما ذكرت وكالة سانا": the verb's statement, no second one for "وفق"
    text = "وسقط خمسة جرحى في القصف، وفق ما ذكرت وكالة سانا."
    assert [who for _, who in _statements(text)] == ["وكالة سانا"]


def test_a_verb_read_after_the_word_of_attribution_is_the_only_one_after_a_relay_too():
    # a relay told earlier in the text ("نقلت X عن Y") does not make the second one come back
    text = ("ونقلت وكالة رويترز عن مصدر أمني أن الشرطة دخلت القرية. وسقط خمسة جرحى في القصف، "
            "وفق ما ذكرت وكالة سانا.")
    assert [who for _, who in _statements(text) if "سانا" in who] == ["وكالة سانا"]


@pytest.mark.parametrize("text", [
    pytest.param("ووزعت المساعدات على الأسر حسب الحاجة.", id="hasab-need"),
    pytest.param("وتم تنفيذ الخطة وفق الجدول المحدد.", id="wifq-schedule"),
])
def test_a_word_of_attribution_with_no_one_after_it_tells_no_statement(text):
    assert _accorded(text) == []


def test_the_event_reported_keeps_its_roles():
    text = "وقتل التحالف الدولي عشرة من عناصر داعش في غارة قرب الرقة، بحسب المرصد السوري لحقوق الإنسان."
    with_source = [(f.type, tuple((r, m.label_ar) for r, m in f.roles)) for f in _read(text) if f.type != "Statement"]
    bare = text.removesuffix("، بحسب المرصد السوري لحقوق الإنسان.") + "."
    alone = [(f.type, tuple((r, m.label_ar) for r, m in f.roles)) for f in _read(bare) if f.type != "Statement"]
    assert with_source == alone


@pytest.mark.parametrize("text, speaker", [
    pytest.param("وقتل عنصران من الشرطة بهجوم قرب القرية، بحسب مصادر أمنية.", "مصادر أمنية", id="sources-described"),
    pytest.param("وفرت عشرات العائلات من البلدة، حسبما قال نشطاء.", "نشطاء", id="activists-after-verb"),
    pytest.param("ووفقا لمصادر محلية فإن القصف طال السوق.", "مصادر محلية", id="joined-li-sources"),
])
def test_a_source_named_by_what_it_is_after_a_word_of_attribution_speaks(text, speaker):
    [(_, who)] = _accorded(text)
    assert speaker in who


def _statements(text: str) -> list[tuple[str, str]]:
    return [(f.evidence.text, f.role("agent")[0].label_ar) for f in _read(text) if f.type == "Statement"]


@pytest.mark.parametrize("text, teller, told", [
    pytest.param("ونقلت وكالة رويترز عن مصدر عسكري قوله إن القوات دخلت القرية.", "وكالة رويترز", "مصدر عسكري",
                 id="agency-from-source"),
    pytest.param("ونقلت قناة السومرية عن وزارة الداخلية العراقية أن الطريق أغلق.", "قناة السومرية",
                 "وزارة الداخلية العراقية", id="channel-from-ministry"),
])
def test_one_who_relays_another_makes_a_statement_and_so_does_the_other(text, teller, told):
    speakers = [who for _, who in _statements(text)]
    assert teller in speakers and told in speakers


def test_relaying_keeps_the_reported_event_roles():
    text = "ونقلت وكالة رويترز عن مصدر عسكري أن التحالف الدولي قصف مواقع داعش قرب الرقة."
    bare = "وقصف التحالف الدولي مواقع داعش قرب الرقة."
    roles = [sorted((r, m.label_ar) for r, m in f.roles) for f in _read(text) if f.type != "Statement"]
    alone = [sorted((r, m.label_ar) for r, m in f.roles) for f in _read(bare) if f.type != "Statement"]
    assert roles == alone


@pytest.mark.parametrize("text, name", [
    pytest.param("وقتل مدنيان بانفجار عبوة، وفق مدير المكتب الإعلامي العميد سامر يوسف.", "سامر يوسف", id="title-body-name"),
    pytest.param("وأزيلت مئات الألغام من الحي، بحسب قائد فريق العمليات في المنظمة، العقيد خالد يوسف.", "خالد يوسف",
                 id="title-comma-name"),
])
def test_a_person_named_with_a_title_after_a_word_of_attribution_speaks(text, name):
    [(_, who)] = _accorded(text)
    assert who == name


@pytest.mark.parametrize("text, speaker", [
    pytest.param("كما وثق المرصد السوري لحقوق الإنسان مقتل خمسة عناصر من قوات النظام في كمين.",
                 "المرصد السوري لحقوق الإنسان", id="monitor-documents"),
    pytest.param("وأوردت وكالة سانا أن الجيش دخل البلدة.", "وكالة سانا", id="agency-relates"),
    pytest.param("فيما تحدثت وكالة سانا عن مقتل ثلاثة مدنيين.", "وكالة سانا", id="agency-speaks-of"),
])
def test_a_monitor_or_an_agency_that_records_the_news_makes_a_statement(text, speaker):
    assert [who for _, who in _statements(text)] == [speaker]


def test_people_who_speak_of_something_make_no_statement_by_that_verb():
    assert _statements("وتحدث الأهالي عن معاناتهم في المخيم.") == []


@pytest.mark.parametrize("text, speaker", [
    pytest.param("وعاد آلاف النازحين إلى المدينة، بحسب تقديرات الحكومة العراقية.", "الحكومة العراقية", id="estimates-of"),
    pytest.param("ووفقا للبيانات الرسمية لوزارة الصحة فإن عشرات الجرحى نقلوا إلى المستشفى.", "وزارة الصحة",
                 id="joined-data-of"),
])
def test_what_a_body_issues_after_a_word_of_attribution_is_its_statement(text, speaker):
    [(_, who)] = _accorded(text)
    assert speaker in who


@pytest.mark.parametrize("text, speaker", [
    pytest.param("فيما رصد المرصد السوري لحقوق الإنسان مقتل خمسة عناصر من قوات النظام في كمين.",
                 "المرصد السوري لحقوق الإنسان", id="monitor-records"),
    pytest.param("ورصدت وكالة سانا خروج عشرات العائلات من المخيم.", "وكالة سانا", id="agency-records"),
])
def test_a_monitor_that_records_the_news_makes_a_statement(text, speaker):
    found = [f for f in _read(text) if f.type == "Statement"]
    assert [[m.label_ar for m in f.role("agent")] for f in found] == [[speaker]]


@pytest.mark.parametrize("text", [
    pytest.param("ورصدت الحكومة العراقية 30 مليون دولار لإعادة إعمار المدينة.", id="funds-allocated"),
    pytest.param("ورصدت كاميرات المراقبة دخول السيارة إلى الحي.", id="cameras"),
])
def test_recording_by_no_outlet_is_no_statement(text):
    assert [f for f in _read(text) if f.type == "Statement"] == []


@pytest.mark.parametrize("text, date", [
    pytest.param("سيطرت القوات العراقية اليوم على قرية العزيزية جنوب الموصل بعد معارك مع التنظيم. "
                 "ووفق مصادر أمنية عراقية، فإن المرحلة الأولى من العملية قد اكتملت.", PUBLISHED, id="wifq-body"),
    pytest.param("أعلنت قوات سوريا الديمقراطية أمس الاثنين تحرير بلدة الشدادي. "
                 "وبحسب مصدر عسكري كردي فإن الاشتباكات توقفت في البلدة.", "2021-03-15", id="bihasab-lead-day"),
    pytest.param("ونقلت وكالة رويترز عن مصدر أمني قوله إن الشرطة دخلت القرية. "
                 "وقتل ثلاثة عناصر من التنظيم في القصف.", PUBLISHED, id="relay-in-lead"),
])
def test_a_statement_of_attribution_is_dated_as_the_day_s_news(text, date):
    # the report's day for the lead's, the day the lead tells for the body's, as "وقال مصدر" would be
    dates = {f.date.value if f.date else None for f in _read(text)
             if f.type == "Statement" and any(w in f.trigger for w in ("حسب", "وفق", "نقلت", "عن"))}
    assert dates == {date}


def test_a_statement_of_attribution_in_a_single_sentence_has_no_date():
    # one sentence is no report: no day of the news to give it
    assert {f.date for f in _read("وقتل ثلاثة مدنيين بانفجار لغم، بحسب المرصد السوري لحقوق الإنسان.")
            if f.type == "Statement"} == {None}
