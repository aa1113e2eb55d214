"""A place named after a word that says what it is and the adjectives of whose it is ("في العاصمة
الأردنية عمان", "في العاصمة بروكسل") is where an event of its clause is, as "في عمان" is. Sentences
are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import event_places as places


@pytest.mark.parametrize("text, event, place", [
    pytest.param("عقد الوزيران اجتماعا في العاصمة الأردنية عمان لبحث ملف اللاجئين", "Meeting", "Amman",
                 id="capital-with-its-country-adjective"),
    pytest.param("وعقد المانحون مؤتمرا في العاصمة بروكسل", "Meeting", "Brussels", id="capital-bare"),
    pytest.param("أقام التحالف دورة تدريبية في العاصمة العراقية بغداد لعناصر الشرطة", "Training", "Baghdad",
                 id="training-in-the-capital"),
    pytest.param("التقى وزير الخارجية العراقي نظيره الألماني في العاصمة الألمانية برلين", "Meeting", "Berlin",
                 id="a-capital-where-talks-are-held"),
])
def test_a_capital_named_with_its_title_is_the_place(text, event, place):
    assert places(text, event) == {place}


def test_a_capital_that_is_the_object_is_not_read_so():
    # no "في" before the title: the capital is what the verb takes, not where a meeting is held
    found = places("عقد الوزيران اجتماعا لبحث أوضاع العاصمة الأردنية عمان", "Meeting")
    assert "Amman" not in found, found
