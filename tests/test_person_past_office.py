"""A holder named after an office whose words run on past its title and body: a second title
inside the body ("المتحدث باسم مكتب القائد العام للشرطة X"), a title after the office ("رئيس
الوزراء القائد العام للقوات المسلحة X"), the body and where it is, then a comma and the name
("قائد فريق الإنقاذ في منظمة (الأمل)، X،"). Sentences are written for these tests in the style of
news Arabic."""

from __future__ import annotations

import pytest

from athar.read.language import arabic
from athar.read.mentions import extract_mentions
from reading import facts_of


def people(text: str) -> list[str]:
    return [m.label_ar for m in extract_mentions(arabic().make_doc(text)) if m.type == "Person"]


@pytest.mark.parametrize("text, person", [
    pytest.param("وقال المتحدث باسم مكتب القائد العام للشرطة سامي حداد في مؤتمر صحفي إن الطرق آمنة",
                 "سامي حداد", id="title-inside-the-body"),
    pytest.param("وأعلن رئيس الوزراء الأردني القائد العام للقوات المسلحة خالد الراوي، أن الحدود مغلقة",
                 "خالد الراوي", id="office-then-a-second-title"),
    pytest.param("وقال قائد فريق الإنقاذ في منظمة (الأمل)، سامي حداد، إن الفرق انتشرت في الأحياء",
                 "سامي حداد", id="office-body-comma-name"),
    pytest.param("وقال مدير قسم الإعلام في المجلس المحلي في المدينة، عمر علوش، إن الخدمات عادت",
                 "عمر علوش", id="office-body-place-comma-name"),
])
def test_the_holder_is_named_past_the_office(text, person):
    assert person in people(text)


def test_the_holder_speaks_and_holds_the_office():
    found = facts_of("وقال المتحدث باسم مكتب القائد العام للشرطة سامي حداد في مؤتمر صحفي إن الطرق آمنة")
    speakers = [m.label_ar for f in found if f.type == "Statement" for m in f.role("agent")]
    assert speakers == ["سامي حداد"], speakers
    assert any(f.type == "spokespersonOf" and f.roles[0][1].label_ar == "سامي حداد" for f in found)


@pytest.mark.parametrize("text", [
    pytest.param("وقال قائد العمليات في المنطقة، إن القوات تقدمت نحو القرية", id="comma-then-what-was-said"),
    pytest.param("وقال المتحدث باسم الوزارة في المؤتمر الصحفي إن الطرق آمنة", id="no-name-after-the-body"),
    pytest.param("وأكد قائد الشرطة في المحافظة، وأضاف أن الدوريات مستمرة", id="comma-then-a-verb"),
    pytest.param("وقال مدير المستشفى في المدينة الطبية، الذي زار الجرحى، إن الأدوية نفدت", id="comma-then-a-relative"),
])
def test_no_name_past_the_office(text):
    assert people(text) == []
