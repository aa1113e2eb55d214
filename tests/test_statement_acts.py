"""Statements as speech acts: a speaker named before the verb of saying, and a speaker's second
statement told with a noun of statement of its own. Each rule with sentences written for it
(not from data/eval/test)."""

from __future__ import annotations

import athar

PUBLISHED = "2021-03-16"  # a Tuesday


def _statements(text: str, published: str = PUBLISHED):
    return [f for f in athar.read(text, published=published).facts if f.type == "Statement"]


def _agents(fact) -> list[tuple[str, str]]:
    return [(m.type, m.label_ar) for m in fact.role("agent")]


def test_a_person_named_before_a_pluperfect_verb_of_saying_speaks():
    text = "وصلت تعزيزات إلى المدينة. وكان وزير الداخلية العراقي، سامي حسن الجبوري، قد أعلن أن الحملة بدأت أمس."
    assert [_agents(f) for f in _statements(text)] == [[("Person", "سامي حسن الجبوري")]]


def test_the_person_not_the_body_of_the_title_speaks_when_named_first():
    text = "وكان رئيس مجلس الوزراء العراقي فاضل عباس الموسوي، أكد أن الاتفاق مع الحكومة كان ناجحا."
    assert [_agents(f) for f in _statements(text)] == [[("Person", "فاضل عباس الموسوي")]]


def test_a_person_named_before_the_verb_after_that_speaks():
    text = "انتهت المعارك في الحي. يذكر أن وزير الدفاع سامي الجبوري كان قد صرح أمس بأن القوات ستتقدم."
    assert [_agents(f) for f in _statements(text)] == [[("Person", "سامي الجبوري")]]


def test_a_person_before_the_verb_who_is_no_subject_does_not_speak():
    # the verb with its own "و" opens a clause of its own: its speaker is not the person before
    text = "اعتقلت القوات المدعو حسن علي الكبيسي، وقالت وزارة الداخلية إن التحقيق جار."
    assert [_agents(f) for f in _statements(text)] == [[("GovernmentBody", "وزارة الداخلية")]]


def test_a_body_speaking_again_through_its_statement_is_a_second_statement():
    text = ("وقال بيان لوزارة الدفاع العراقية إن القوات دمرت نفقا للتنظيم في الصحراء. "
            "وأوضح البيان أن العملية استمرت ثلاثة أيام.")
    found = _statements(text)
    assert len(found) == 2
    assert all(_agents(f) == [("GovernmentBody", "وزارة الدفاع العراقية")] for f in found)


def test_a_speaker_quoted_again_in_its_statement_is_a_second_statement():
    text = ("أعلنت وزارة الدفاع العراقية تدمير نفق للتنظيم في الصحراء. "
            "وأكدت الوزارة في بيانها أن العملية استمرت ثلاثة أيام.")
    assert len(_statements(text)) == 2


def test_a_speaker_quoted_again_in_a_later_sentence_is_a_second_statement():
    # each quotation is news told on its speaker's word; in one sentence the speaker's are one
    text = ("أعلنت وزارة الدفاع العراقية تدمير نفق للتنظيم في الصحراء. "
            "وأكدت الوزارة أن العملية استمرت ثلاثة أيام.")
    assert len(_statements(text)) == 2
    assert len(_statements(text.replace(". وأكدت", "، وأكدت"))) == 1


def test_a_verb_of_saying_that_is_also_a_noun_begins_no_name():
    # "حذر" (caution) is no trigger bare, but no name of the person after it starts with it
    text = "حذر كمال رضوان، المدير الإقليمي لمنظمة الصحة العالمية، من انتشار الأوبئة في المخيمات."
    people = [m.label_ar for m in athar.read(text, published=PUBLISHED).mentions if m.type == "Person"]
    assert people == ["كمال رضوان"]


def test_another_after_a_title_is_no_name():
    text = "وأكد قائد آخر أن القوات دخلت القرية."
    assert not [m for m in athar.read(text, published=PUBLISHED).mentions
                if m.type == "Person" and m.label_ar == "آخر"]


def test_a_quote_after_a_pluperfect_statement_is_a_statement_of_its_own():
    # "وكان X قد أعلن": what was said on an earlier occasion; "وقال X إن" quotes them anew
    text = ("وكان وزير الدفاع العراقي، سامي حسن الجبوري، قد أعلن أن الحملة بدأت أمس. "
            "وقال الجبوري إن القوات ستتقدم نحو المدينة.")
    found = _statements(text)
    assert len(found) == 2
    assert all(_agents(f) == [("Person", "سامي حسن الجبوري")] for f in found)
