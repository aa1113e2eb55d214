"""A news outlet, or a source named by what it is ("مسؤول محلي"), tells what others did; it does
none of it: no event but a statement takes it as its doer, whether the clause would give it (the subject of "بيان نقلته الوكالة" right before a
masdar) or the words around (the outlet that says "أنه" before the deed). Sentences written for
these tests in the style of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

from reading import events_of, role_labels


@pytest.mark.parametrize("text, cls", [
    pytest.param("أعلن الجيش العراقي، في بيان نقلته وكالة فرانس برس يوم الأحد، بدء عملية عسكرية لملاحقة خلايا داعش في صحراء الأنبار.",
                 "MilitaryOperation", id="relayed-announcement"),
    pytest.param("وذكرت وكالة رويترز أنه بإسناد من طيران التحالف انتزعت قوات سوريا الديمقراطية السيطرة على قرية الحمرات من تنظيم داعش.",
                 "Liberation", id="matter-pronoun-after-the-outlet"),
    pytest.param("قال مسؤول محلي، إن لجنة مدنية ستتولى إعادة إعمار مدينة الطبقة. وكانت قوات سوريا الديمقراطية "
                 "\"قسد\"، وهي تحالف تدعمه واشنطن، قد أعلنت أنها فرضت سيطرتها الكاملة على الطبقة بعد معارك استمرت شهرين.",
                 "Liberation", id="unnamed-source-before"),
])
def test_who_reports_does_not_do_what_it_tells(text, cls):
    for fact in events_of(text, cls):
        assert not any(m.type == "MediaOutlet" or m.key.startswith("source-") for r, m in fact.roles if r == "agent"), \
            role_labels(fact, "agent")


def test_an_outlet_still_makes_its_statement():
    fact = events_of("وقالت وكالة رويترز إن الاشتباكات استمرت حتى المساء.", "Statement")[0]
    assert role_labels(fact, "agent") == ["Reuters"]
