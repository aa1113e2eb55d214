"""Which event an amount belongs to when the news puts it off or joins it to another word.

Each sentence is written for its construction (none is copied from a corpus text); each
test also says which event must not take the figure (an amount on the wrong event costs two
facts).
"""

from __future__ import annotations

import pytest

import athar


def amounts_by_event(text: str) -> list[tuple[str, float | None]]:
    """(class, amount value) of each event read from ``text``, in reading order."""
    return [(f.type, f.amount.value if f.amount else None)
            for f in athar.read(text, published="2021-03-10").facts if not f.relation]


def amount_of(text: str, cls: str) -> float | None:
    found = [v for t, v in amounts_by_event(text) if t == cls]
    assert found, amounts_by_event(text)
    return found[0]


@pytest.mark.parametrize("text, cls, value", [
    # the object after a date set off by a comma
    pytest.param("قتل مسلحون مجهولون في 3 تموز 2019، تسعة مدنيين في بلدة الشحيل", "Killing", 9, id="after-a-date"),
    pytest.param("اعتقلت قوات الأمن يوم الاثنين الماضي، 14 مطلوبا في حي الصناعة بمدينة الموصل",
                 "Arrest", 14, id="after-a-weekday"),
    # the object after an aside between commas (an asyndetic relative clause)
    pytest.param("وقتلت غارات جوية، لم يعرف مصدرها، سبعة مدنيين في قرية الدشيشة",
                 "Attack", 7, id="after-an-aside"),
    # money after a list of givers: the sum the list comes to
    pytest.param("وقال الوزير إن تبرعات من 20 دولة، و35 منظمة، و400 شركة خاصة، بلغت 4 مليارات دولار",
                 "Funding", 4e9, id="money-after-a-list"),
])
def test_an_amount_put_off_past_a_comma_is_the_events(text, cls, value):
    assert amount_of(text, cls) == value


@pytest.mark.parametrize("text", [
    # a count after a verb that opens the main clause is that verb's subject, not the event's
    pytest.param("ومع انهيار آخر معقل للتنظيم في البلدة، تمكن 30 من عناصره من الفرار", id="subject-of-a-new-verb"),
    # a coordinated clause of its own
    pytest.param("سيطرت القوات على قرية الجرذي، وتضم القرية 500 عائلة", id="coordinated-clause"),
    # a relative clause between
    pytest.param("حررت القوات قرية الحمرات، التي نزح منها 200 شخص", id="relative-clause"),
])
def test_an_amount_of_another_clause_stays_there(text):
    taken = [(t, v) for t, v in amounts_by_event(text) if t in ("Liberation", "TerritorialControl") and v is not None]
    assert taken == [], amounts_by_event(text)


@pytest.mark.parametrize("text, value", [
    pytest.param("أسفر القصف عن مقتل وجرح العشرات من عناصر التنظيم", 12, id="masdar-and-masdar"),
    pytest.param("أدى القصف إلى مقتل وإصابة 25 شخصا في السوق", 25, id="killing-and-wounding"),
    pytest.param("قتل وأصيب 30 مدنيا في قصف على البلدة", 30, id="verb-and-verb"),
])
def test_killed_and_wounded_together_is_the_tolls_figure(text, value):
    values = [v for t, v in amounts_by_event(text) if t in ("Killing", "Attack")]
    assert value in values, amounts_by_event(text)


def test_a_figure_after_a_word_of_wounding_alone_counts_the_wounded():
    text = "قتل أربعة جنود في الهجوم وأصيب ستة آخرون"
    values = [v for t, v in amounts_by_event(text) if t in ("Killing", "Attack")]
    assert 4 in values and 6 not in values, amounts_by_event(text)


@pytest.mark.parametrize("text, cls, value", [
    pytest.param("أعلنت السلطات العراقية، الأحد، رفع رفات 60 شخصا من ضحايا التنظيم في قضاء سنجار",
                 "Killing", 60, id="victims"),
    pytest.param("أعلنت مديرية الصحة تسلم جثث 14 شخصا من ضحايا القصف على البلدة", "Attack", 14, id="victims-of-shelling"),
])
def test_a_figure_of_the_people_of_another_event_is_that_events(text, cls, value):
    """"N شخصا من ضحايا ...": the figure counts the victims, not what was announced."""
    assert amount_of(text, "Statement") is None
    assert amount_of(text, cls) == value


@pytest.mark.parametrize("text, cls, value", [
    # a counted noun ("حالة", "عملية") with the event's word as its genitive counts the event,
    # not the figure after it, which counts something else ("محاولة قتل": attempts)
    pytest.param("وثق تقرير أممي 37 حالة قتل و9 محاولات قتل في المخيم منذ مطلع العام", "Killing", 37,
                 id="cases-of-killing"),
    pytest.param("أحصت الشبكة 21 حالة إعدام ميداني و6 محاولات إعدام نفذها التنظيم في ريف دير الزور", "Killing", 21,
                 id="cases-of-execution"),
    pytest.param("سجلت المنظمة 15 حالة اعتقال و3 حالات إفراج في الحسكة", "Arrest", 15, id="cases-of-arrest"),
])
def test_a_counted_noun_before_the_events_word_counts_the_event(text, cls, value):
    assert amount_of(text, cls) == value


@pytest.mark.parametrize("text, cls, value", [
    # the size of the object after words of composition, past the comma that closes the clause
    pytest.param("أعلنت قوات الأمن إلقاء القبض على خلية لتنظيم داعش، في مدينة الرقة، مؤلفة من ثلاثة شبان",
                 "Arrest", 3, id="cell-made-of-three"),
    pytest.param("اعتقلت القوات خلية، مكونة من خمسة عناصر، في حي الصناعة", "Arrest", 5, id="cell-composed-of-five"),
])
def test_the_size_of_the_object_after_words_of_composition(text, cls, value):
    assert amount_of(text, cls) == value


@pytest.mark.parametrize("text, cls, value", [
    # "X، عاد منهم Y": the figure before the comma closed its own clause; the event counts the one after
    pytest.param("وصل إلى المخيم خلال الشهر الماضي نحو 900 نازح، عاد منهم أمس 350 شخصا إلى قراهم",
                 "Return", 350, id="returned-of-them"),
    pytest.param("فر من المدينة أكثر من 5 آلاف مدني، قتل منهم 40 شخصا بنيران القناصة",
                 "Killing", 40, id="killed-of-them"),
    pytest.param("سجلت المنظمة 700 عائلة نازحة، عادت منها 120 عائلة إلى البلدة", "Return", 120, id="returned-of-it"),
])
def test_a_figure_closed_by_a_comma_before_the_event_is_not_its_own(text, cls, value):
    assert amount_of(text, cls) == value


@pytest.mark.parametrize("text, value", [
    # "عدد من القرى بمساحة": the ground taken is measured by its area, not by a vague count of villages
    pytest.param("استعادت القوات العراقية السيطرة على عدد من القرى جنوب الموصل بمساحة تقدر بنحو 120 كيلومترا "
                 "مربعا بعد طرد تنظيم داعش منها", 120, id="villages-by-area"),
    pytest.param("سيطر الجيش السوري على عدد من القرى بمساحة 60 كيلومترا مربعا بعد انسحاب تنظيم داعش منها", 60,
                 id="control-by-area"),
])
def test_an_area_measures_the_ground_before_a_vague_count(text, value):
    assert amount_of(text, "Liberation") == value
