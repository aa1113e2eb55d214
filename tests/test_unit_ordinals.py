"""Units named by their ordinal, as the news names divisions, brigades and regiments: "الفرقة
التاسعة", "الفرقة المدرعة التاسعة" (a word of the kind of unit between), "اللواء الخامس"; the same
unit as the one its number names. Sentences written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read.language import arabic
from athar.read.mentions import extract_mentions


def units_of(text: str) -> list[tuple[str, str, str]]:
    return [(m.label_ar, m.label_en, m.key) for m in extract_mentions(arabic().make_doc(text)) if m.type == "ArmedForce"]


@pytest.mark.parametrize("text, label, english", [
    pytest.param("وصلت الفرقة السابعة إلى أطراف المدينة", "الفرقة السابعة", "Division 7", id="division"),
    pytest.param("وتقدمت قطعات الفرقة الآلية الثالثة نحو القرية", "الفرقة الآلية الثالثة", "Division 3",
                 id="division-with-its-kind"),
    pytest.param("انسحب اللواء الرابع من الموقع", "اللواء الرابع", "Brigade 4", id="brigade"),
    pytest.param("وشارك الفوج الثاني في تطهير الحي", "الفوج الثاني", "Regiment 2", id="regiment"),
])
def test_a_unit_named_by_its_ordinal(text, label, english):
    assert [(a, e) for a, e, _ in units_of(text)] == [(label, english)]


def test_the_ordinal_and_the_number_name_one_unit():
    by_ordinal = units_of("وصلت الفرقة السابعة إلى أطراف المدينة")
    by_number = units_of("وصلت الفرقة 7 إلى أطراف المدينة")
    assert by_ordinal[0][2] == by_number[0][2]


def test_a_rank_before_a_name_is_no_unit():
    assert units_of("وقال اللواء الركن سالم الدوري إن القوات تقدمت") == []
