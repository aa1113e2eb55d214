"""Which date belongs to an event when the sentence gives several: the date of an event joined
to it, not one of a clause before it; not the date of a figure it is compared with.

Each sentence is written for its construction (none is copied from a corpus text).
"""

from __future__ import annotations

import pytest

import athar


def dates_by_event(text: str, published: str = "2019-05-20") -> list[tuple[str, str | None]]:
    """(class, date value) of each event read from ``text``, in reading order."""
    return [(f.type, f.date.value if f.date else None)
            for f in athar.read(text, published=published).facts if not f.relation]


def date_of(text: str, cls: str) -> str | None:
    found = [v for t, v in dates_by_event(text) if t == cls]
    assert found, dates_by_event(text)
    return found[0]


@pytest.mark.parametrize("text, cls, value", [
    # an event joined by a word to another: the joined event's date is both's, before a date
    # in a relative clause earlier in the sentence
    pytest.param("ستكون الفلوجة التي سقطت بيد التنظيم في يناير أول مدينة يدخلها الجيش منذ انسحابه أمام "
                 "هجوم المسلحين في حزيران 2014", "Withdrawal", "2014-06", id="withdrawal-before-an-attack"),
    pytest.param("عادت العائلات إلى البلدة التي دخلها الجيش في أيار، بعد نزوحها إثر قصف الطيران في آذار 2017",
                 "Displacement", "2017-03", id="displacement-after-shelling"),
    # an event and what it was for
    pytest.param("أعلن الجيش بدء الهجوم لاستعادة الرقة في 6 حزيران 2017، وقال إن 50 مسلحا قتلوا",
                 "MilitaryOperation", "2017-06-06", id="operation-and-its-purpose"),
])
def test_the_date_of_a_joined_event_is_the_events(text, cls, value):
    assert date_of(text, cls) == value


def test_a_noun_right_after_a_verb_is_no_joined_event():
    """"قتلت اللاجئة": the object of the verb; the date set off later is the killing's."""
    text = "قتلت اللاجئة الشابة بعدة طلقات في الرأس، في ساعة متأخرة من يوم الخميس 16 أيار، في مخيم الهول"
    assert date_of(text, "Killing") == "2019-05-16"


@pytest.mark.parametrize("text, cls, wrong", [
    pytest.param("يعيش 40 ألف نازح في المخيم، مقارنة بـ 70 ألفا في آذار الماضي", "Population", "2019-03",
                 id="compared-with"),
    pytest.param("يقيم نحو 9 آلاف شخص في مخيم الهول، مقابل 20 ألفا مطلع العام 2018", "Population", "2018",
                 id="against"),
])
def test_the_date_of_a_compared_figure_is_not_the_events(text, cls, wrong):
    assert date_of(text, cls) != wrong


@pytest.mark.parametrize("text, cls, value", [
    # "حينها", "آنذاك": the time of the date before, for an event of the past told after it
    pytest.param("انفجرت سيارة مفخخة وسط مدينة منبج اليوم الأربعاء، بعد تفجير مماثل استهدف دورية للتحالف نهاية "
                 "آذار من العام 2018، حيث جرى انفجار استهدف جنودا في المدينة، وتسبب الهجوم حينها بمقتل جنديين",
                 "Killing", "2018-03", id="hinaha-after-the-date-of-a-past-attack"),
    pytest.param("سيطر التنظيم على البلدة في صيف 2014.\nوأعدم التنظيم آنذاك عشرات الشبان من أبنائها.",
                 "Killing", "2014", id="anadhak-in-the-next-sentence"),
])
def test_then_dates_an_event_with_the_date_before(text, cls, value):
    assert date_of(text, cls) == value


@pytest.mark.parametrize("text, cls, value", [
    pytest.param("فر عشرات السجناء من سجن الرقة المركزي مع سيطرة قوات سوريا الديمقراطية على المدينة في العشرين "
                 "من أكتوبر 2017", "Escape", "2017-10-20", id="fled-as-the-city-was-taken"),
    pytest.param("نزحت مئات العائلات من القرى مع تقدم الجيش العراقي نحو الحويجة في الخامس من أكتوبر 2017",
                 "Displacement", "2017-10-05", id="fled-as-the-army-advanced"),
])
def test_ma_opens_a_time_clause_whose_date_is_the_event_before_it(text, cls, value):
    # "مع" + a masdar: at the time of it, as "عقب" and "عندما" say
    assert date_of(text, cls) == value


def test_ma_with_a_party_still_names_the_other_side():
    fact = [f for f in athar.read("اشتبكت القوات العراقية مع تنظيم داعش في الموصل").facts if f.type == "Battle"][0]
    assert {m.key for m in fact.role("participant")} == {"isf", "isis"}



@pytest.mark.parametrize("text, cls, value", [
    # the verb and its cognate object name one attack: the date set off after both is the verb's too
    pytest.param("هاجم مسلحو التنظيم بعدة هجمات انتحارية قرية الحصان، أمس الأحد، قرب السوق.",
                 "Attack", "2019-05-19", id="a-verb-and-its-own-noun"),
    # a statement and the words it was said in
    pytest.param("وقال الجيش العراقي في بيان، مساء أمس الأحد، إن الوضع هادئ.",
                 "Statement", "2019-05-19", id="said-in-a-statement-yesterday"),
    pytest.param("وقال الجيش العراقي في تصريحات صحفية مساء أمس الأحد إن الوضع هادئ.",
                 "Statement", "2019-05-19", id="said-in-remarks-yesterday"),
])
def test_a_date_after_an_event_named_twice_is_the_events(text, cls, value):
    found = [v for t, v in dates_by_event(text) if t == cls]
    assert found and all(v == value for v in found)


def test_an_event_of_another_class_between_keeps_the_date_off():
    found = dates_by_event("اعتقلت القوات الأمنية خمسة مسلحين ثم حررت قرية الحصان، يوم الخميس 16 أيار.")
    assert found == [("Arrest", None), ("Liberation", "2019-05-16")]  # the liberation's date, not the arrests'


def test_days_after_an_event_date_that_event_only():
    # "بعد يوم من مقتل جنديين": the killing a day before the arrest's day; the arrest keeps its own
    found = dates_by_event("اعتقلت القوات الأمنية أمس الأحد خمسة مسلحين في قرية الحصان، بعد يوم من مقتل جنديين في القرية.")
    assert found == [("Arrest", "2019-05-19"), ("Killing", "2019-05-18")]


@pytest.mark.parametrize("text, cls, value", [
    # a relative clause whose verb does the event its noun names: the clause's date is the event's
    pytest.param("أعلن المسؤول انتهاء الحملة الأمنية التي قامت بها القوات ضد خلايا التنظيم، في 3 آذار الماضي "
                 "داخل البلدة", "MilitaryOperation", "2019-03-03", id="campaign-carried-out"),
    pytest.param("خرج المسلحون من المخيم اليوم، بعد شهر من العملية العسكرية التي شنها الجيش ضد التنظيم في "
                 "المخيم، منذ 12 نيسان الفائت",
                 "MilitaryOperation", "2019-04-12", id="operation-launched-since"),
])
def test_a_relative_clause_that_does_the_event_dates_it(text, cls, value):
    assert date_of(text, cls) == value

