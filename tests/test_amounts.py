"""Amounts: numbers, scale words, vague quantities, bounds and counted nouns."""

from __future__ import annotations

import pytest

from athar.read import amounts
from athar.read.amounts import extract_amounts
from athar.read.numbers import parse_digits, read_number
from athar.read.dates import extract_dates
from athar.errors import LexiconError
from athar.read.language import Language, arabic

make_doc = arabic().make_doc  # the package's Arabic


def A(text, value, unit=None, bound="exact", vague=False, noun=None):
    """An expected amount: its original words, value, unit key, bound, and the counted noun's words."""
    return (text, value, unit, bound, vague, noun)


def found(text, exclude=()):
    seg = make_doc(text)
    out = []
    for m in extract_amounts(seg, exclude):
        start, end = seg.norm.to_original(m.start, m.end)
        noun = None
        if m.unit_start is not None:
            noun = text[slice(*seg.norm.to_original(m.unit_start, m.unit_end))]
        out.append((text[start:end], m.value, m.unit, m.bound, m.vague, noun))
    return out


CASES = [
    pytest.param("قُتل أكثر من 1,500 شخص في القصف", [A("أكثر من 1,500 شخص", 1500, "person", "more-than", noun="شخص")],
                 id="more-than-thousands-separator"),
    pytest.param("عاد 210,000 نازح إلى منازلهم", [A("210,000 نازح", 210000, "displaced", noun="نازح")],
                 id="digits-with-commas"),
    pytest.param("خصصت المنظمة 100,000 دولار أمريكي للمشروع",
                 [A("100,000 دولار أمريكي", 100000, "USD", noun="دولار أمريكي")], id="us-dollar-two-words"),
    pytest.param("يحتاج 1.5 مليون شخص إلى مساعدات", [A("1.5 مليون شخص", 1.5e6, "person", noun="شخص")],
                 id="decimal-and-scale"),
    pytest.param("دُمّرت ٣٥ مدرسة في المحافظة", [A("٣٥ مدرسة", 35, "school", noun="مدرسة")], id="arabic-indic-digits"),
    pytest.param("ارتفع عدد النازحين لـ415 ألف نازح", [A("415 ألف نازح", 415000, "displaced", noun="نازح")],
                 id="clitic-lam-with-tatweel"),
    pytest.param("تعهد المانحون بتقديم 20 مليار دولار", [A("20 مليار دولار", 2e10, "USD", noun="دولار")],
                 id="billions"),
    pytest.param("يعيش ثمانية مليون شخص في المنطقة", [A("ثمانية مليون شخص", 8e6, "person", noun="شخص")],
                 id="word-times-million"),
    pytest.param("استقبل المخيم ثلاثة آلاف عائلة", [A("ثلاثة آلاف عائلة", 3000, "family", noun="عائلة")],
                 id="word-times-thousands"),
    pytest.param("قُتل ثلاثة وعشرون مقاتلًا", [A("ثلاثة وعشرون مقاتلًا", 23, "fighter", noun="مقاتلًا")],
                 id="unit-and-ten"),
    pytest.param("اعتقل ثلاثة عشر عنصرًا وأصيب أحد عشر طفلاً",
                 [A("ثلاثة عشر عنصرًا", 13, "member", noun="عنصرًا"), A("أحد عشر طفلاً", 11, "child", noun="طفلاً")],
                 id="teens"),
    pytest.param("انتشر نحو مئتي عنصرٍ وثلاثمئة وخمسون جندياً",
                 [A("نحو مئتي عنصرٍ", 200, "member", "about", noun="عنصرٍ"),
                  A("ثلاثمئة وخمسون جندياً", 350, "soldier", noun="جندياً")], id="hundreds"),
    pytest.param("نزح نصف مليون شخص", [A("نصف مليون شخص", 5e5, "person", noun="شخص")], id="half-a-million"),
    pytest.param("جمعت الحملة أكثر بقليل من 40 مليون دولار وأعادت ما يقل قليلا عن 900 عائلة",
                 [A("أكثر بقليل من 40 مليون دولار", 4e7, "USD", "more-than", noun="دولار"),
                  A("ما يقل قليلا عن 900 عائلة", 900, "family", "less-than", noun="عائلة")], id="slightly-more-and-less"),
    pytest.param("وصلت القافلة في الساعة الثانية عشرة ظهرا للمرة الحادية عشرة وعلى متنها عشرة أطباء",
                 [A("عشرة", 10)], id="the-teen-of-an-ordinal-is-no-number"),
    pytest.param("أعلنت الشرطة مقتل أحد ضباطها في انفجار عبوة", [A("أحد ضباطها", 1)], id="one-of-after-a-death"),
    pytest.param("ندد الاتحاد باغتيال إحدى الصحفيات وباختطاف أحد عناصر الدفاع المدني",
                 [A("إحدى الصحفيات", 1), A("أحد عناصر", 1, "member")], id="one-of-after-an-assassination-and-an-abduction"),
    pytest.param("أدى القصف إلى مقتل أحد قادة الفصيل، ومقاتلين آخرين، والعشرات من المدنيين",
                 [A("العشرات من المدنيين", 12, "person", "at-least", True, noun="المدنيين")],
                 id="one-of-heading-a-list-of-victims-counts-not-the-toll"),
    pytest.param("فجر أحد عناصر التنظيم حزامه الناسف داخل أحد المطاعم", [], id="one-of-who-acted-counts-no-one"),
    pytest.param("قتل 7 مدنيين، بينهم أحد المعلمين", [A("7 مدنيين", 7, "person", noun="مدنيين")],
                 id="one-of-in-a-breakdown-is-no-figure"),
    pytest.param("قُتل عشرات المدنيين", [A("عشرات المدنيين", 12, "person", "at-least", True, "المدنيين")],
                 id="vague-dozens"),
    pytest.param("شنّ التنظيم مئات الهجمات", [A("مئات الهجمات", 100, "attack", "at-least", True, "الهجمات")],
                 id="vague-hundreds-definite-noun"),
    pytest.param("نزح آلاف السكان", [A("آلاف السكان", 1000, "person", "at-least", True, "السكان")],
                 id="vague-thousands"),
    pytest.param("فرّ عشرات الآلاف من الناس", [A("عشرات الآلاف من الناس", 10000, "person", "at-least", True, "الناس")],
                 id="vague-tens-of-thousands-partitive"),
    pytest.param("عاد مئات الآلاف وملايين السوريين",
                 [A("مئات الآلاف", 1e5, None, "at-least", True), A("ملايين", 1e6, None, "at-least", True)],
                 id="vague-hundreds-of-thousands-millions"),
    pytest.param("دُمّرت عدة منازل وبضعة مراكز وقلة من المدارس",
                 [A("عدة منازل", 3, "house", "at-least", True, "منازل"),
                  A("بضعة مراكز", 3, "centre", "at-least", True, "مراكز"),
                  A("قلة من المدارس", 2, "school", "at-least", True, "المدارس")], id="vague-few-several"),
    pytest.param("قُتل أعداد من المسلحين", [A("أعداد من المسلحين", 3, "fighter", "at-least", True, "المسلحين")],
                 id="vague-numbers-of"),
    pytest.param("اعتقلت القوات الكثير من المسلحين",
                 [A("الكثير من المسلحين", 3, "fighter", "at-least", True, "المسلحين")], id="vague-many-of"),
    pytest.param("تضرر 90% من المباني و%80 من الطرق",
                 [A("90%", 90, "percent", noun="%"), A("%80", 80, "percent", noun="%")], id="percent-sign-both-sides"),
    pytest.param("انخفض الإنتاج 60 في المئة وارتفعت الأسعار 40 بالمئة",
                 [A("60 في المئة", 60, "percent", noun="في المئة"), A("40 بالمئة", 40, "percent", noun="بالمئة")],
                 id="percent-words"),
    pytest.param("دُمّر 90% على الأقل من البنية التحتية", [A("90% على الأقل", 90, "percent", "at-least", noun="%")],
                 id="at-least-after"),
    pytest.param("قُتل ما لا يقل عن 50 شخصاً", [A("ما لا يقل عن 50 شخصاً", 50, "person", "at-least", noun="شخصاً")],
                 id="at-least-before"),
    pytest.param("قد تصل إلى 300 ألف يورو ويصل إلى 40 ريالاً",
                 [A("تصل إلى 300 ألف يورو", 3e5, "EUR", "at-most", noun="يورو"),
                  A("يصل إلى 40 ريالاً", 40, "SAR", "at-most", noun="ريالاً")], id="at-most"),
    pytest.param("تمتد المنطقة حتى 40 كيلومترا", [A("حتى 40 كيلومترا", 40, "km", "at-most", noun="كيلومترا")],
                 id="at-most-hatta-km"),
    pytest.param("انخفضت نسبة الأمية إلى أقل من 10 في المائة",
                 [A("أقل من 10 في المائة", 10, "percent", "less-than", noun="في المائة")], id="less-than"),
    pytest.param("عاد نحو 200 عائلة وحوالي 70 شخصاً وقرابة 500 طالب",
                 [A("نحو 200 عائلة", 200, "family", "about", noun="عائلة"),
                  A("حوالي 70 شخصاً", 70, "person", "about", noun="شخصاً"),
                  A("قرابة 500", 500, None, "about")], id="about-before"),
    pytest.param("بلغت الخسائر ما يقرب من 5 ملايين دينار وزهاء 12 مليون دولار",
                 [A("ما يقرب من 5 ملايين دينار", 5e6, "IQD", "about", noun="دينار"),
                  A("زهاء 12 مليون دولار", 1.2e7, "USD", "about", noun="دولار")], id="about-phrases"),
    pytest.param("يقطن المخيم 4000 شخص تقريبا", [A("4000 شخص تقريبا", 4000, "person", "about", noun="شخص")],
                 id="about-after"),
    pytest.param("سيطر التنظيم على ما يزيد على 700 كيلومترٍ مربعٍ وأكثر من 50 كم2",
                 [A("ما يزيد على 700 كيلومترٍ مربعٍ", 700, "km2", "more-than", noun="كيلومترٍ مربعٍ"),
                  A("أكثر من 50 كم2", 50, "km2", "more-than", noun="كم2")], id="square-kilometres"),
    pytest.param("دُفع لأكثر من 30 مركزاً يزيد على 3 ملايين ليرة",
                 [A("أكثر من 30 مركزاً", 30, "centre", "more-than", noun="مركزاً"),
                  A("يزيد على 3 ملايين ليرة", 3e6, "SYP", "more-than", noun="ليرة")], id="clitic-bound-and-yazid"),
    pytest.param("أطلق المسلحون 35 طائرة مسيرة", [A("35", 35, None)], id="unknown-noun-still-an-amount"),
    pytest.param("تراجعت إصابات COVID-19 وحلّقت طائرات F-16 فوق 3 قرى",
                 [A("3 قرى", 3, "village", noun="قرى")], id="numbers-in-codes-are-not-amounts"),
    pytest.param("قال مراسل روداو24 إن 12 عائلة عادت", [A("12 عائلة", 12, "family", noun="عائلة")],
                 id="a-number-glued-to-a-name-is-part-of-it"),
    # the definite vague plurals with "من", and "a large number of"
    pytest.param("وأصيب العشرات من المدنيين وغادرت المئات من الأسر",
                 [A("العشرات من المدنيين", 12, "person", "at-least", True, noun="المدنيين"),
                  A("المئات من الأسر", 100, "family", "at-least", True, noun="الأسر")], id="definite-vague-plurals"),
    pytest.param("اعتقلت الشرطة عددا كبيرا من المطلوبين",
                 [A("عددا كبيرا من", 3, None, "at-least", True)], id="a-large-number-of"),
    pytest.param("فككت الفرق ما تقارب الى ألفي لغم", [A("تقارب الى ألفي لغم", 2000, "mine", "about", noun="لغم")],
                 id="taqarub-ila"),
    # counted nouns of the genre that count two in the dual
    pytest.param("دمر الطيران نفقين وسيطر المسلحون على حيين وانتشلت الفرق جثتين",
                 [A("نفقين", 2, "tunnel", noun="نفقين"), A("حيين", 2, "neighbourhood", noun="حيين"),
                  A("جثتين", 2, "body", noun="جثتين")], id="duals-tunnel-neighbourhood-body"),
    pytest.param("وصلت القافلة إلى منطقتين نائيتين بعد أن دمرت غارتان مدرستين، وهدمت الجرافات منزلين",
                 [A("منطقتين", 2, "area", noun="منطقتين"), A("غارتان", 2, "attack", noun="غارتان"),
                  A("مدرستين", 2, "school", noun="مدرستين"), A("منزلين", 2, "house", noun="منزلين")],
                 id="duals-area-strike-school-house"),
    pytest.param("انفجرت عبوتان ناسفتان قرب سيارتين", [A("عبوتان", 2, "mine", noun="عبوتان"),
                 A("سيارتين", 2, "vehicle", noun="سيارتين")], id="duals-bomb-car"),
    pytest.param("دمر القصف أربع مدارس ونفقين، وأعاد السكان فتح مدرسة ومنزلين",
                 [A("أربع مدارس", 4, "school", noun="مدارس"), A("نفقين", 2, "tunnel", noun="نفقين"),
                  A("منزلين", 2, "house", noun="منزلين")], id="duals-after-the-conjunction"),
    pytest.param("وعثرت الفرق على سبع جثث", [A("سبع جثث", 7, "body", noun="جثث")], id="bodies"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_amounts(text, expected):
    assert found(text) == expected


def test_dates_are_excluded_by_the_caller():
    text = "قُتل 5 أشخاص في 5 آذار 2019 وعام 2020 خلال 40 يوماً"
    seg = make_doc(text)
    spans = [(d.start, d.end) for d in extract_dates(seg, None)]
    assert found(text, spans) == [A("5 أشخاص", 5, "person", noun="أشخاص")]
    assert [a[0] for a in found(text)] == ["5 أشخاص", "5", "2019", "2020", "40 يوماً"]


def test_excluded_spans_are_asked_for_overlap_and_cover():
    spans = amounts._Spans([(10, 20), (0, 5), (12, 14)])
    assert spans.overlap(4, 6) and spans.overlap(19, 30) and not spans.overlap(5, 10)
    assert spans.covers(12, 20) and spans.covers(0, 5) and spans.covers(13, 14)
    assert not spans.covers(4, 6) and not spans.covers(19, 21) and not spans.covers(6, 7)
    assert not amounts._Spans([]).covers(0, 1)


def test_spans_map_back_to_original_words():
    text = "قُتِلَ أكثرَ من 1,500 شخصٍ، ونزحَ قرابةَ ثلاثـةِ آلافٍ من الأهالي"
    assert found(text) == [
        A("أكثرَ من 1,500 شخصٍ", 1500, "person", "more-than", noun="شخصٍ"),
        A("قرابةَ ثلاثـةِ آلافٍ من الأهالي", 3000, "person", "about", noun="الأهالي"),
    ]


@pytest.mark.parametrize(("text", "value"), [
    pytest.param("210,000", 210000.0, id="thousands-comma"),
    pytest.param("1.5", 1.5, id="decimal-point"),
    pytest.param("2,5", 2.5, id="decimal-comma"),
    pytest.param("1.500.000", 1500000.0, id="thousands-dots"),
    pytest.param("1.2.3", None, id="not-a-number"),
])
def test_parse_digits(text, value):
    assert parse_digits(text) == value


@pytest.mark.parametrize(("text", "value"), [
    pytest.param("مئة وخمسة وعشرون", 125, id="hundred-unit-ten"),
    pytest.param("ألفين وخمسمئة", 2500, id="dual-thousand"),
    pytest.param("ثلاث مئة ألف", 300000, id="unit-hundred-thousand"),
    pytest.param("عشرون ألفاً", 20000, id="ten-thousand-accusative"),
    pytest.param("412 ألفا و75 مدنيا", 412075, id="digits-thousand-and-rest"),
    pytest.param("96 ألفًا و 310 أشخاص", 96310, id="digits-thousand-and-rest-spaced"),
    pytest.param("مليونا و 25 ألف نازح", 1025000, id="million-word-and-thousands"),
    pytest.param("ألفين و 40 عائلة", 2040, id="dual-thousand-and-rest"),
    pytest.param("300 ألف و 500 ألف", 300000, id="rest-not-less-than-scale"),
])
def test_read_number(text, value):
    number = read_number(make_doc(text), 0)
    assert number is not None and number.value == value




@pytest.mark.parametrize(("name", "lines", "where"), [
    pytest.param("numbers.tsv", ["value\tkind\tforms\ttimes", "# a comment", "ثلاثة\tunit\tثلاثة"],
                 "numbers.tsv:3", id="value-not-a-number"),
    pytest.param("numbers.tsv", ["value\tkind\tforms\ttimes", "3\tdigit\tثلاثة"], "numbers.tsv:2", id="unknown-kind"),
    pytest.param("bounds.tsv", ["bound\tposition\tforms", "more-than\tbefore\tأكثر من", "about\tafter\t"],
                 "bounds.tsv:3", id="empty-forms"),
    pytest.param("units.tsv", ["unit\tkind\tforms", "USD\tmoney\tدولار"], "units.tsv:2", id="unknown-unit-kind"),
    pytest.param("units.tsv", ["unit\tkind\tforms", "USD\tcurrency\tدولار\textra"], "units.tsv:2", id="too-many-cells"),
])
def test_malformed_rows_name_file_and_line(name, lines, where):
    lang = Language(tables={name: "\n".join(lines)})  # the package's tables, but this one
    with pytest.raises(LexiconError, match=where):
        extract_amounts(lang.make_doc("قُتل أكثر من 1,500 شخص"))


@pytest.mark.parametrize(("text", "value", "unit", "bound"), [
    pytest.param("عاد قرابة 120 ألفا و 450 شخصا إلى بيوتهم", 120450, "person", "about", id="thousands-and-remainder"),
    pytest.param("سجلت المنظمة 512 ألفا و37 نازحا في المخيمات", 512037, "displaced", "exact", id="remainder-joined-waw"),
    pytest.param("نزح مليونا و 40 ألف شخص منذ بداية المعارك", 1040000, "person", "exact", id="million-and-thousands"),
])
def test_a_scale_and_a_remainder_are_one_number(text, value, unit, bound):
    """"120 ألفا و450 شخصا": a round figure of a scale word with no counted noun, and "و" and a
    smaller figure, are one number as it is said."""
    [(_, got, got_unit, got_bound, _, _)] = found(text)
    assert (got, got_unit, got_bound) == (value, unit, bound)


def test_figures_in_digits_alone_are_two_counts():
    """"2000 و5 جنود": no scale word, two figures."""
    assert [v for _, v, *_ in found("قتل في المعارك 2000 و 5 جنود")] == [2000, 5]


@pytest.mark.parametrize("text, exclude, expected", [
    pytest.param("قتل المسلحون خمسة يوم الجمعة", [(18, 28)], [A("خمسة", 5)], id="a-figure-before-a-day"),
    pytest.param("اعتقلت القوات 12 عام 2019", [(17, 25)], [A("12", 12)], id="a-figure-before-a-year"),
])
def test_a_figure_counts_alone_when_its_noun_opens_a_date(text, exclude, expected):
    # the date's words are the caller's (excluded); the figure before them still counts
    assert text[exclude[0][0]:exclude[0][1]] in ("يوم الجمعة", "عام 2019")
    assert found(text, exclude) == expected
