"""A word of negation negates the event after it only when it is a word of negation: not inside
the name of an entity ("منظمة أطباء بلا حدود"), not inside a word of its own that clitics would
read as one ("بعدما" is no ب + "عدم", "لأن" no "لا" + ن, "لما" no "لم" + ا); and only when the event
is what it denies, not a battle taken part in (read/negation.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-01"


def _modalities(text: str, cls: str) -> list[str]:
    return [f.modality for f in athar.read(text, published=PUBLISHED).facts if f.type == cls]


@pytest.mark.parametrize("text, cls", [
    pytest.param("وكانت منظمة أطباء بلا حدود قد افتتحت مستشفى جديدا في مدينة الموصل.", "Establishment",
                 id="negation-inside-a-name"),
    pytest.param("وتقدمت القوات نحو القرية بعدما غارات شنها طيران التحالف على مواقع التنظيم.", "Attack",
                 id="after-is-no-lack"),
    pytest.param("انسحب الجيش من القرية لأن التنظيم هاجم مواقعه بالقذائف.", "Attack", id="because-is-no-not"),
    pytest.param("ولأن مسلحي التنظيم هاجموا الحاجز ليلا، انسحب الجيش من القرية.", "Attack", id="and-because"),
    pytest.param("وقال المتحدث إن نقل القواعد ليس له علاقة بالهجمات الأخيرة على القواعد العراقية.", "Attack",
                 id="no-tie-to-the-attacks"),
    # "لما" (what, for what) is a word of its own, no "لم" with a suffix
    pytest.param("وعرضت القناة صورا لما قالت إنه هجوم شنه التنظيم على حاجز للجيش في بلدة هيت.", "Attack",
                 id="lima-is-no-lam"),
    # the negation takes the word after it; the battle named with the article after a preposition took place
    pytest.param("وذكر الضابط أن طيران الجيش العراقي لم يستطع المشاركة في المعركة بسبب العاصفة الرملية.", "Battle",
                 id="denied-taking-part-in-the-battle"),
])
def test_no_negation_where_none_is_meant(text, cls):
    assert _modalities(text, cls)[:1] == ["Asserted"], _modalities(text, cls)


@pytest.mark.parametrize("text, cls", [
    pytest.param("لم يهاجم التنظيم حاجزا للجيش في دير الزور.", "Attack", id="lam"),
    pytest.param("وعاد الأهالي إلى القرية بلا خوف بعد أن لم يهاجم التنظيم أي حاجز.", "Attack", id="bi-la-is-without"),
    pytest.param("وقال الأهالي إن البلدة لم تشهد أي اشتباكات منذ الصباح.", "Battle", id="saw-no-clashes"),
    # a verb of managing carries the negation on to the event it governs
    pytest.param("لم يتمكن الجيش من السيطرة على بلدة هيت رغم القصف.", "Liberation", id="did-not-manage-to-take"),
])
def test_an_event_denied_stays_negated(text, cls):
    assert _modalities(text, cls) == ["Negated"], _modalities(text, cls)


@pytest.mark.parametrize("text, cls", [
    pytest.param("ولم تتوقف الغارات على مدينة الرقة منذ أسبوع.", "Attack", id="did-not-stop"),
    pytest.param("لكن ذلك لم يؤد إلى وقف الاغتيالات التي تطال عناصر الشرطة في دير الزور.", "Attack",
                 id="did-not-lead-to-stopping"),
])
def test_a_negated_stopping_is_what_goes_on(text, cls):
    assert _modalities(text, cls) == ["Ongoing"], _modalities(text, cls)
