"""Military operations as the news names them, and what is read around them: each rule with
sentences written for it (none from data/eval)."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-01"


def _types(text: str) -> list[str]:
    return [f.type for f in athar.read(text, published=PUBLISHED).facts if not f.relation]


@pytest.mark.parametrize("text", [
    pytest.param("بدأت العملية العسكرية في مدينة الرطبة قبل أسبوعين.", id="the-military-operation"),
    pytest.param("وقال القائد إن العملية الأمنية في وادي حوران ما زالت مستمرة.", id="the-security-operation"),
    pytest.param("توقفت العملية البرية في ريف الحسكة بعد يومين.", id="the-ground-operation"),
    # with a possessive ending on the noun ("its ground operation")
    pytest.param("وقالت أنقرة إن عمليتها البرية ضد مسلحي داعش في ريف حلب انتهت.", id="its-ground-operation"),
    pytest.param("وأكد الجيش أن عمليته العسكرية في وادي حوران مستمرة.", id="its-military-operation"),
])
def test_the_operation_with_the_article_is_an_operation(text):
    assert "MilitaryOperation" in _types(text), _types(text)


@pytest.mark.parametrize("text", [
    pytest.param("أجرى الفريق الطبي العملية الجراحية للمريض في مستشفى الموصل.", id="a-surgery"),
    pytest.param("تواصل العملية الانتخابية في محافظة نينوى.", id="an-election"),
])
def test_other_operations_are_none(text):
    assert "MilitaryOperation" not in _types(text), _types(text)
