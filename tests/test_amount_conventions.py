"""Amounts as the news states them: which figure of several, which scale, which bound.

Each sentence is written for its convention (none is copied from a corpus text).
"""

from __future__ import annotations

import pytest

from athar.read.amounts import extract_amounts
from athar.read.language import arabic
from athar.read.pipeline import extract_facts
from athar.read.source import parse_document

make_doc = arabic().make_doc


def amounts_of(text: str) -> list[tuple[str, float, str | None, str]]:
    """(original words, value, unit, bound) of each amount found in ``text``."""
    doc = make_doc(text)
    return [(text[slice(*doc.norm.to_original(m.start, m.end))], m.value, m.unit, m.bound)
            for m in extract_amounts(doc)]


def amount_of_event(text: str, event: str) -> tuple[float, str | None, str] | None:
    doc = parse_document(f"---\npublished: 2021-03-10\n---\n{text}", "test.txt")
    facts = [f for f in extract_facts(doc) if f.type == event]
    assert facts, f"no {event} in {text}"
    a = facts[0].amount
    return None if a is None else (a.value, a.unit, a.bound)


CASES = [
    # a total and its breakdown: the total, the parts are no amounts of their own
    pytest.param("يضم المخيم نحو 9 آلاف نازح، بواقع 3000 رجل و6000 طفل",
                 [("نحو 9 آلاف نازح", 9000, "displaced", "about")], id="breakdown-bawaqi"),
    pytest.param("أصيب 40 شخصا بينهم 12 طفلا وخمس نساء في القصف",
                 [("40 شخصا", 40, "person", "exact")], id="breakdown-among-them-words-too"),
    pytest.param("وصل إلى البلدة 800 لاجئ، هم 300 امرأة و500 طفل",
                 [("800 لاجئ", 800, "refugee", "exact")], id="breakdown-hum"),
    pytest.param("قتل 5 أشخاص بينهم 9 مسلحين",
                 [("5 أشخاص", 5, "person", "exact"), ("9 مسلحين", 9, "fighter", "exact")],
                 id="a-part-larger-than-the-total-is-no-part"),
    pytest.param("رصد الصندوق 8 ملايين دولار، منها 30 مدرسة",
                 [("8 ملايين دولار", 8e6, "USD", "exact"), ("30 مدرسة", 30, "school", "exact")],
                 id="a-count-is-no-part-of-money"),
    pytest.param("اعتقل العشرات بينهم 20 امرأة",
                 [("العشرات", 12, None, "at-least")], id="parts-of-a-vague-total"),
    # the same figure counted another way: the first
    pytest.param("تنقل الحافلات اليوم 300 أسرة تمثل 1,400 شخص إلى قراهم",
                 [("300 أسرة", 300, "family", "exact")], id="restated-families-as-persons"),
    pytest.param("نصبت المنظمة 120 خيمة، وهي ما يكفي لاستيعاب 700 نازح",
                 [("120 خيمة", 120, "tent", "exact")], id="restated-what-it-suffices-for"),
    pytest.param("قافلة مؤلفة من 15 شاحنة", [("15 شاحنة", 15, "truck", "exact")], id="composed-of-alone-is-read"),
    pytest.param("تدير المنظمة 12 مخيما تضم 40 ألف نازح",
                 [("12 مخيما", 12, "camp", "exact"), ("40 ألف نازح", 40000, "displaced", "exact")],
                 id="what-a-group-holds-is-counted-too"),
    # most of an amount told before: fewer than it
    pytest.param("جرح القصف 60 مدنيا، ونقل أغلبهم إلى مستشفيات المدينة",
                 [("60 مدنيا", 60, "person", "exact"), ("أغلبهم", 60, "person", "less-than")], id="most-of-them"),
    pytest.param("اعتقلت القوات 25 شخصا، معظمهم من الشبان",
                 [("25 شخصا", 25, "person", "exact")], id="most-of-them-right-after-is-what-they-were"),
    pytest.param("معظمهم من النساء", [], id="most-of-nothing"),
    # the scale word alone
    pytest.param("قدمت الوزارة معدات بقيمة مليار دينار",
                 [("مليار دينار", 1e9, "IQD", "exact")], id="scale-word-alone"),
    pytest.param("نزح نحو ٢٣٠ ألف شخص", [("نحو ٢٣٠ ألف شخص", 230000, "person", "about")], id="arabic-indic-digits"),
    pytest.param("يعيش في المخيمات 1ر4 مليون نازح", [("1ر4 مليون نازح", 4.1e6, "displaced", "exact")],
                 id="reversed-decimal-of-wire-copy"),
    pytest.param("يحتاج ثلاثة ملايين ونصف نازح إلى المساعدة",
                 [("ثلاثة ملايين ونصف نازح", 3.5e6, "displaced", "exact")], id="and-a-half-of-the-scale"),
    pytest.param("رصدت الحكومة 2 مليار ونصف المليار دينار",
                 [("2 مليار ونصف المليار دينار", 2.5e9, "IQD", "exact")], id="and-half-the-billion-digits"),
    pytest.param("فر بضعة آلاف من سكان القرى", [("بضعة آلاف من سكان", 3000, "person", "at-least")],
                 id="a-few-thousands"),
    pytest.param("انشق عدة مئات من المقاتلين", [("عدة مئات من المقاتلين", 300, "fighter", "at-least")],
                 id="several-hundreds"),
    # bounds
    pytest.param("شارك في الدورة مئتان ونيف متدرب", [("مئتان ونيف", 200, None, "more-than")], id="and-some"),
    pytest.param("تخرج 450 متدربا من الدورة", [("450 متدربا", 450, "person", "exact")], id="trainees-are-persons"),
    pytest.param("أصلحت الشبكة بكلفة قدرت بـ 350 ألف دولار",
                 [("قدرت بـ 350 ألف دولار", 350000, "USD", "about")], id="estimated-is-about"),
    pytest.param("خلف الحريق أضرارا تقدر بأكثر من مليوني دولار",
                 [("تقدر بأكثر من مليوني دولار", 2e6, "USD", "more-than")], id="two-bounds-the-nearer-decides"),
    pytest.param("يقدر عددهم بنحو 4 آلاف مقاتل",
                 [("يقدر عددهم بنحو 4 آلاف مقاتل", 4000, "fighter", "about")], id="their-number-is-estimated"),
    pytest.param("وصلت حصيلة النازحين إلى 95 ألف شخص",
                 [("95 ألف شخص", 95000, "person", "exact")], id="reached-with-words-between-bounds-nothing"),
    pytest.param("عدد العائدين وصل إلى 95 ألف شخص",
                 [("وصل إلى 95 ألف شخص", 95000, "person", "about")], id="reached-is-about"),
    pytest.param("غرامة تصل إلى 5 آلاف دولار", [("تصل إلى 5 آلاف دولار", 5000, "USD", "at-most")],
                 id="may-reach-is-at-most"),
    pytest.param("منح الصندوق مبلغا قدره 40 ألف يورو", [("40 ألف يورو", 40000, "EUR", "exact")],
                 id="qadruhu-amounting-to-bounds-nothing"),
    # a range: its upper figure, at most
    pytest.param("تقدر المنظمة أن ما بين 20 و35 ألف مدني عالقون في المدينة",
                 [("ما بين 20 و35 ألف مدني", 35000, "person", "at-most")], id="range-upper-figure"),
    pytest.param("يتراوح عدد المقاتلين بين 400 و600 مقاتل",
                 [("بين 400 و600 مقاتل", 600, "fighter", "at-most")], id="range-after-yatarawah"),
    pytest.param("اندلعت اشتباكات بين 3 فصائل", [("3", 3, None, "exact")], id="between-one-number-is-no-range"),
    # nouns that count on their own
    pytest.param("قتل فيه رجل وأصيب آخرون", [("رجل", 1, "person", "exact")], id="indefinite-singular-is-one"),
    pytest.param("أصيبت طفلة واحدة بجروح", [("طفلة واحدة", 1, "child", "exact")], id="singular-with-wahid"),
    pytest.param("أعاد الرجل بناء بيته", [], id="definite-singular-is-no-count"),
    pytest.param("اعتقلت الشرطة قياديا في التنظيم قرب الحدود", [("قياديا", 1, "leader", "exact")],
                 id="a-leader-indefinite-is-one"),
    pytest.param("لقي قائد فصيل مسلح حتفه بانفجار عبوة", [("قائد", 1, "leader", "exact")],
                 id="a-commander-of-a-faction-is-one"),
    pytest.param("اجتمع القائد بالوجهاء", [], id="the-commander-is-no-count"),
    pytest.param("قتل قائدان من الفصيل في الغارة", [("قائدان", 2, "leader", "exact")], id="two-commanders"),
    pytest.param("يحق لكل مواطن أن يشارك، ولا يجوز حرمان أي طفل من التعليم", [], id="each-citizen-any-child-count-no-one"),
    pytest.param("هجوم مسلح على حاجز", [], id="adjective-is-no-count"),
    pytest.param("سقطوا بين قتيل وجريح", [], id="a-kind-not-a-count"),
    pytest.param("قصفت الطائرات إحدى القرى", [], id="one-of-the-villages-names-a-village"),
    pytest.param("لم يصب أحد بأذى", [], id="anyone-is-no-number"),
    pytest.param("نفذ أحد عناصره هجوما", [], id="one-of-its-members-names-an-actor"),
    pytest.param("سقط 7 شهداء", [("7 شهداء", 7, "killed", "exact")], id="martyrs-are-the-dead"),
    # a nisba after a number counts persons
    pytest.param("سلمت السلطات 48 سودانيا إلى بلدهم", [("48 سودانيا", 48, "person", "exact")], id="nisba-accusative"),
    pytest.param("أوقفت الشرطة سبعة مغربيين", [("سبعة مغربيين", 7, "person", "exact")], id="nisba-plural"),
    pytest.param("فر أكثر من 40 ألف ليبي إلى الحدود",
                 [("أكثر من 40 ألف ليبي", 40000, "person", "more-than")], id="nisba-genitive-after-thousands"),
    pytest.param("دمر القصف ألف مبنى", [("ألف", 1000, None, "exact")], id="a-noun-in-alef-maqsura-is-no-nisba"),
    pytest.param("عاد 7 يمني", [("7", 7, None, "exact")], id="bare-nisba-under-a-hundred-is-none"),
    pytest.param("نظرت المحكمة في 12 قضايا", [("12", 12, None, "exact")], id="broken-plural-in-aya-is-no-nisba"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_amount_conventions(text, expected):
    assert amounts_of(text) == expected


def test_an_event_takes_the_total_not_its_last_part():
    assert amount_of_event("يؤوي مخيم الرشيد نحو 9 آلاف نازح، بواقع 3000 امرأة و6000 طفل", "Population") == (
        9000, "displaced", "about")


def test_a_toll_of_most_of_the_wounded_is_fewer_than_them():
    assert amount_of_event("أصابت الألغام 120 شخصا بينهم 40 طفلا، وأدت إلى مقتل معظمهم", "Killing") == (
        120, "person", "less-than")


def test_an_event_takes_the_first_count_not_its_restatement():
    assert amount_of_event("عاد 300 عائلة نازحة يمثلون 1,400 شخص إلى مدينة الموصل", "Return") == (
        300, "family", "exact")
