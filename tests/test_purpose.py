"""Purposes joined (athar.read.purpose): a masdar joined by "و" to a masdar with the lam of purpose
shares the lam; it names what something is for, not a deed."""

from __future__ import annotations

import pytest

import athar
from athar.read.pipeline import Pipeline

PUBLISHED = "2021-03-01"


def _facts(text: str, pipeline: Pipeline | None = None) -> list[tuple[str, str]]:
    doc = (pipeline or Pipeline())(text, published=PUBLISHED)
    return [(f.type, f.modality) for f in doc.facts if not f.relation]


@pytest.mark.parametrize("text, event", [
    pytest.param("تعهد المانحون بمليار دولار لدعم المدن المحررة، وتوفير المساعدات للنازحين.", "ServiceProvision",
                 id="pledged-to-support-and-provide"),
    pytest.param("أرسلت ألمانيا مئة جندي لدعم الجيش العراقي، وتدريب قوات البيشمركة في أربيل.", "Training",
                 id="sent-to-support-and-train"),
    pytest.param("خصصت الحكومة مبلغا لتعزيز الأمن في المدن التي لم يكن من السهل حمايتها، وإعادة بناء المنازل المدمرة.",
                 "Reconstruction", id="across-a-relative-clause"),
])
def test_a_masdar_joined_to_a_purpose_is_planned(text, event):
    assert (event, "Planned") in _facts(text), _facts(text)


@pytest.mark.parametrize("text, event", [
    pytest.param("وزعت المنظمة الأغذية على الأسر وتوفير المساعدات للنازحين مستمر.", "ServiceProvision",
                 id="joined-to-a-deed"),
    pytest.param("شاركت القوات في تطهير مواقع لتنظيم داعش في المحافظة، وتدريب الجيش العراقي.", "Training",
                 id="the-lam-of-a-name"),
])
def test_a_masdar_joined_to_no_purpose_is_told(text, event):
    assert (event, "Asserted") in _facts(text), _facts(text)


def test_an_outcome_sought_down_the_chain_is_no_event():
    text = "أرسل الجيش تعزيزات إلى الرقة لتأمين الطريق الدولي، وتحرير القرى المجاورة من مسلحي التنظيم."
    assert "Liberation" not in [c for c, _ in _facts(text)], _facts(text)
    pipeline = Pipeline()
    pipeline.remove("aims")
    assert ("Liberation", "Planned") in _facts(text, pipeline)


def test_the_doers_own_deed_with_its_pronoun_is_told():
    # the army named (with "وحدات الجيش" alone no doer is read, and the reporter, who only tells the
    # news, is no doer: read/informant.only_reports)
    text = ("وأفاد مراسل الوكالة بأن وحدات الجيش السوري بالتعاون مع القوات الرديفة واصلت اليوم عملية لتطهير ريف حمص "
            "الشرقي من جيوب مسلحي داعش وبسطت سيطرتها على مساحة تقدر بنحو 900 كم مربع.")
    assert "Liberation" in [c for c, _ in _facts(text)], _facts(text)
    (told,) = [f for f in athar.read(text, published="2017-05-14").facts if f.type == "Liberation"]
    assert [m.key for m in told.role("agent")] == ["syrian-army"], told.roles
