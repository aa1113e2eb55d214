"""Members of a body described by where they come from ("جنديين بريطانيين من قوات التحالف"): a
group of the body's own (relations.tsv origin); the body's men counted with no adjective of origin
make none. Sentences are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import relation_pairs


def members(text: str) -> set[tuple[str, str]]:
    return relation_pairs(text, "memberOf", "2020-06-15")


@pytest.mark.parametrize("text, group, body", [
    pytest.param("وأسفر الانفجار عن مقتل جنديين بريطانيين من قوات التحالف الدولي قرب القاعدة", "جنديين بريطانيين",
                 "التحالف الدولي", id="dual-soldiers"),
    pytest.param("وأصيب مستشار فرنسي من قوات التحالف الدولي في الهجوم", "مستشار فرنسي", "التحالف الدولي",
                 id="singular-adviser"),
    pytest.param("وقالت المصادر إن 15 مقاتلاً أجنبياً من تنظيم داعش سلموا أنفسهم", "15 مقاتلاً أجنبياً", "داعش",
                 id="counted-foreign-fighters"),
])
def test_members_of_an_origin_are_a_group_of_the_body(text, group, body):
    found = members(text)
    assert any(g == group and body in b for g, b in found), found


@pytest.mark.parametrize("text", [
    pytest.param("واعتقلت القوات الأمنية عناصر من تنظيم داعش في الصحراء", id="no-adjective"),
    pytest.param("وقتل عنصرين آخرين من تنظيم داعش في الاشتباكات", id="other-is-no-origin"),
])
def test_the_bodys_men_counted_make_no_group(text):
    assert not members(text)
