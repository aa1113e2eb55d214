"""Conventions of news Arabic that hold whatever the outlet or the town (issue 9): dying told by
قضى with its death context, the genitive of a strike as its doer, who hands over, who speaks in a
report, head nouns of names, names that begin with و, and numbers that belong to names. Every
sentence is written for these tests."""

from __future__ import annotations

import pytest

import athar

from test_facts import check, facts_of, one


@pytest.mark.parametrize("text", [
    pytest.param("وقضى الجندي نحبه في مدينة الرقة متأثرا بجراحه.", id="his-fate"),
    pytest.param("قضت عائلة كاملة جراء انهيار منزلها في حي الزهور.", id="because-of"),
    pytest.param("وقضوا حتفهم في مدينة الموصل.", id="their-death"),
])
def test_qada_with_its_death_context_is_a_killing(text):
    assert one(text, "Killing")


@pytest.mark.parametrize("text", [
    pytest.param("قضت المحكمة بسجن المتهم عشر سنوات في بغداد.", id="a-court-ruled"),
    pytest.param("قضى الوزير عطلته في مدينة الموصل.", id="a-holiday"),
    pytest.param("قضت اللجنة ثلاثة أيام في الرقة.", id="days-spent"),
])
def test_qada_without_a_death_context_is_no_killing(text):
    assert not [f for f in facts_of(text) if f.type == "Killing"]


@pytest.mark.parametrize("text, agent", [
    pytest.param("وأدت غارات الطيران الروسي على بلدة الزاب إلى دمار واسع.", "russia*", id="an-air-force"),
    pytest.param("وتعرضت القرية لقصف قوات النظام السوري.", "syr*", id="a-state-army"),
])
def test_the_genitive_of_a_strike_is_its_doer_whatever_armed_party(text, agent):
    check(one(text, "Attack"), {"agent": {agent}}, {"place": {"*"}, "target": set()})


def test_handing_over_from_a_to_b_names_who_hands_over():
    fact = one("وجرى تسليم المعتقلين من قوات سوريا الديمقراطية إلى الحكومة العراقية.", "Handover")
    check(fact, {"agent": {"sdf"}, "recipient": {"*"}}, {"target": {"*"}})


def test_a_partitive_from_after_handing_over_is_no_doer():
    fact = one("وجرى تسليم 50 من عناصر تنظيم داعش إلى الحكومة العراقية.", "Handover")
    assert "isis" not in {m.key for m in fact.role("agent")}


@pytest.mark.parametrize("text, speaker", [
    pytest.param("وأفاد تقرير لمنظمة العفو الدولية بأن آلاف المحتجزين يعانون في المخيم.", "amnesty*", id="a-report-of"),
    pytest.param("وذكر بيان صادر عن وزارة الدفاع العراقية أن القوات وصلت إلى الحدود.", "*", id="a-statement-issued-by"),
])
def test_a_report_that_says_is_the_statement_of_its_body(text, speaker):
    fact = one(text, "Statement")
    assert fact.role("agent") and all(_matches_any(m.key, speaker) for m in fact.role("agent"))


def test_a_report_of_an_outlet_is_no_statement():
    assert not [f for f in facts_of("وذكر تقرير لوكالة رويترز أن الآلاف نزحوا من المدينة.") if f.type == "Statement"]


def _matches_any(key: str, pattern: str) -> bool:
    return key.startswith(pattern[:-1]) if pattern.endswith("*") else key == pattern


@pytest.mark.parametrize("text, label, kind", [
    pytest.param("أعلن التنظيم مقتل قيادي في ولاية الفرات قرب الحدود.", "ولاية الفرات", "Region", id="a-province"),
    pytest.param("قتل خمسة مدنيين بانفجار سيارة مفخخة في سوق الخضار وسط الرقة.", "سوق الخضار", "Facility", id="a-market"),
])
def test_head_nouns_name_provinces_and_markets(text, label, kind):

    assert (label, kind) in {(m.label_ar, m.type) for m in athar.read(text).mentions}


@pytest.mark.parametrize("text, name", [
    pytest.param("وقال الجنرال جون وارن إن القوات وصلت إلى الحدود.", "جون وارن", id="rest-no-word"),
    pytest.param("وقال اللواء سعد وليد إن القوات وصلت إلى الحدود.", "سعد وليد", id="a-given-name"),
])
def test_a_name_word_that_starts_with_waw_is_no_conjunction(text, name):
    assert name in {m.label_ar for m in athar.read(text).mentions if m.type == "Person"}


@pytest.mark.parametrize("text, name", [
    pytest.param("وقال العقيد أحمد وأضاف أن القوات وصلت.", "أحمد", id="and-a-verb"),
    pytest.param("وقال السفير جون كيلي ووزير الخارجية إن القوات وصلت.", "جون كيلي", id="and-a-title"),
])
def test_waw_before_a_known_word_ends_the_name(text, name):
    assert name in {m.label_ar for m in athar.read(text).mentions if m.type == "Person"}


@pytest.mark.parametrize("text, name", [
    pytest.param("قال محافظ نينوى علي خليل إن القوات وصلت.", "علي خليل", id="ali-after-a-title"),
    pytest.param("قال العميد علي الكبيسي إن القوات وصلت.", "علي الكبيسي", id="ali-and-a-nisba"),
])
def test_ali_after_a_title_is_a_name(text, name):
    assert name in {m.label_ar for m in athar.read(text).mentions if m.type == "Person"}


def test_ala_written_with_alif_maqsura_is_the_preposition():
    assert not [m for m in athar.read("وقال العميد على هامش المؤتمر إن القوات وصلت.").mentions if m.type == "Person"]


def test_a_name_that_starts_with_sin_is_no_future_verb():
    assert not [f for f in facts_of("ووصلت سعاد إلى مخيم الهول مع أطفالها.") if f.type == "Return"]


def test_the_future_prefix_still_comes_before_an_imperfect():
    assert one("وسيعود النازحون إلى مدينة الرقة الشهر المقبل.", "Return")


@pytest.mark.parametrize("text", [
    pytest.param("سلمت قوات التحالف قاعدة “تي 4” الجوية إلى القوات العراقية.", id="quoted"),
    pytest.param("سلمت قوات التحالف اللواء 11 مواقع جديدة في المدينة.", id="a-numbered-unit"),
])
def test_a_number_inside_a_name_is_no_amount(text):
    assert all(f.amount is None for f in facts_of(text) if not f.relation)


def test_a_latin_code_keeps_its_number():
    assert "قاعدة T4" in {m.label_ar for m in athar.read("هاجم مسلحون قاعدة T4 الجوية في حمص.").mentions}


def test_a_count_after_the_forces_is_no_unit_number():
    fact = one("قتلت القوات 20 مسلحا في البلدة أمس.", "Killing")
    assert fact.amount is not None and fact.amount.value == 20
