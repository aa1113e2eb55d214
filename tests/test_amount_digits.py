"""Counts as the news of Iraq and the Levant writes them in digits: a dot that groups the
thousands, a figure in brackets with its scale word after them.

Each sentence is written for its convention (none is copied from a corpus text).
"""

from __future__ import annotations

import pytest

from athar.read.amounts import extract_amounts
from athar.read.language import arabic

make_doc = arabic().make_doc


def amounts_of(text: str, full: bool) -> list[tuple]:
    """(original words, value) of each amount found in ``text``; with ``full``, its unit and bound too."""
    doc = make_doc(text)
    return [(text[slice(*doc.norm.to_original(m.start, m.end))], m.value) + ((m.unit, m.bound) if full else ())
            for m in extract_amounts(doc)]


CASES = [
    # one dot before three digits groups the thousands of a count
    pytest.param("استقبل المخيم 2.450 نازحا خلال الشهر", [("2.450 نازحا", 2450)], id="dot-groups-thousands"),
    pytest.param("عادت (4.318) عائلة إلى قضاء سنجار", [("4.318) عائلة", 4318, "family", "exact")],
                 id="dot-in-brackets"),
    # a thousand word after such a figure writes its thousands twice
    pytest.param("أعلنت الوزارة عودة (6.200) آلاف نازح إلى مناطقهم", [("6.200) آلاف نازح", 6200)],
                 id="thousands-written-twice"),
    # the thousand word written without its hamza, as often in the news ("الاف")
    pytest.param("نقلت الوزارة نحو (4.812) الاف نازح إلى مناطقهم", [("نحو (4.812) الاف نازح", 4812, "displaced", "about")],
                 id="thousands-written-twice-without-hamza"),
    pytest.param("سجلت الدائرة عودة (2.640) ألفي نازح من المخيمات", [("2.640) ألفي نازح", 2640)],
                 id="thousands-written-twice-dual"),
    # a figure in brackets takes the scale word and the counted noun after them, the bound before them
    pytest.param("نزح (35) ألف شخص من المدينة", [("35) ألف شخص", 35000, "person", "exact")],
                 id="bracketed-figure-scale"),
    pytest.param("قتل أكثر من (40) مدنيا في القصف", [("أكثر من (40) مدنيا", 40, "person", "more-than")],
                 id="bound-before-brackets"),
    pytest.param("عاد قرابة (1.750) آلاف نازح إلى القرى", [("قرابة (1.750) آلاف نازح", 1750, "displaced", "about")],
                 id="bound-before-brackets-thousands-twice"),
    # a decimal stays a decimal: one or two digits after the dot, a percentage, a million
    pytest.param("تقدر الكلفة بـ 2.500 مليون دولار", [("2.500 مليون دولار", 2.5e6)], id="million-keeps-the-decimal"),
    pytest.param("ارتفعت النسبة إلى 1.250% هذا العام", [("1.250%", 1.25)], id="percent-keeps-the-decimal"),
    pytest.param("وصلت المساعدات إلى 1.5 مليون شخص", [("1.5 مليون شخص", 1.5e6)], id="short-decimal"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_digits_of_counts(text, expected):
    assert [(e[0], pytest.approx(e[1])) + tuple(e[2:]) for e in expected] == amounts_of(text, len(expected[0]) > 2)
