"""Who did what a speaker tells: the body whose words open with the masdar of its own work, and
the speaker a statement that goes on names again. Sentences written for these tests in the style
of news Arabic (none copied from a corpus)."""

from __future__ import annotations

import pytest

import athar

from reading import PUBLISHED, events_of, role_labels


@pytest.mark.parametrize("text, cls, agent", [
    pytest.param("قالت منظمة اليونسكو إن إعادة بناء جامع النوري في الموصل سيبدأ العام المقبل",
                 "Reconstruction", "UNESCO", id="rebuilding"),
    pytest.param("وقال التحالف الدولي في بيان: إن “عمليات جوية استمرت في ريف دير الزور الشرقي”",
                 "MilitaryOperation", "Global Coalition against Daesh", id="operations-quoted"),
    pytest.param("وأكدت وزارة الداخلية العراقية أن تدريب عناصر الشرطة المحلية في الأنبار بدأ الأسبوع الماضي",
                 "Training", "Iraqi Ministry of Interior", id="training"),
])
def test_the_masdar_that_opens_what_a_body_says_is_its_own_deed(text, cls, agent):
    fact = events_of(text, cls)[0]
    assert role_labels(fact, "agent") == [agent]


@pytest.mark.parametrize("text, cls", [
    # an outlet reports what others did
    pytest.param("قال المرصد السوري إن عمليات عسكرية استمرت في ريف دير الزور الشرقي", "MilitaryOperation",
                 id="outlet"),
    # a killing or an attack a body reports of others too
    pytest.param("قالت منظمة اليونسكو إن قصف المدينة القديمة في الموصل دمر مواقع أثرية", "Attack", id="attack"),
])
def test_what_an_outlet_reports_or_a_body_reports_of_others_keeps_its_doer_unknown(text, cls):
    fact = events_of(text, cls)[0]
    assert role_labels(fact, "agent") == []


@pytest.mark.parametrize("text", [
    pytest.param("وقال بيان للتحالف الدولي يوم الأحد: إن “عمليات جوية استمرت في ريف دير الزور، ما أسفر عن تحييد "
                 "عدد من عناصر داعش”. وأوضح البيان أن “قوات خاصة شاركت في تطهير مواقع في المنطقة”.",
                 id="the-statement-named-again"),
    # no noun of the statement: the verb alone goes on with the speaker (succession.inherit), not the forces
    pytest.param("قال بيان للتحالف الدولي إن قوات سوريا الديمقراطية سيطرت على بلدة هجين. وكان قد صرح أمس بأن "
                 "المعارك مستمرة.", id="a-verb-alone"),
    # the noun names the statement: a deed the text tells between does not stand for it
    pytest.param("وقال بيان للتحالف الدولي إن قوات سوريا الديمقراطية سيطرت على بلدة هجين. وقصف الجيش العراقي "
                 "مواقع للتنظيم قرب القائم. وأضاف البيان أن المعارك مستمرة.", id="a-deed-between"),
])
def test_a_statement_that_goes_on_is_the_speaker_s_before_the_deeds_it_told(text):
    statements = events_of(text, "Statement")
    assert [role_labels(f, "agent") for f in statements] == [["Global Coalition against Daesh"]] * 2


@pytest.mark.parametrize("text", [
    pytest.param("أعلن التحالف الدولي أن قوات سوريا الديمقراطية سيطرت على قرية الباغوز، كما صرح بأن المعارك "
                 "مستمرة.", id="kama-sarraha"),
    pytest.param("أعلن التحالف الدولي أن القوات العراقية استعادت السيطرة على بلدة راوة، كما أكد أن العمليات "
                 "ستستمر.", id="kama-akkada"),
    pytest.param("أعلن الجيش العراقي أن عناصر داعش انسحبوا من قرية البوحياة، وقال إن الطريق آمن الآن.",
                 id="wa-qala"),
])
def test_a_statement_that_goes_on_is_never_the_doer_s_of_what_was_reported(text):
    # the verb of saying before is one no speaker was read for: the speaker stays unknown, and
    # the doer of the clause it reported does not take its place
    facts = athar.read(text, published=PUBLISHED).facts
    reported = {m.key for f in facts if f.type != "Statement" for m in f.role("agent")}
    speakers = {m.key for f in facts if f.type == "Statement" for m in f.role("agent")}
    assert reported and not reported & speakers
