"""People and groups a text describes instead of naming: a kind noun and a nisba in any of its
inflections ("جنود أمريكيون", "جماعات شيعية", "مقاتلين عرب وأكراد"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from athar.read.entity import nisba
from athar.read.language import arabic
from athar.read.mentions import extract_mentions

LANG = arabic()


def described(text: str) -> list[tuple[str, str, str]]:
    seg = LANG.make_doc(text)
    out = []
    for m in extract_mentions(seg):
        start, end = seg.norm.to_original(m.start, m.end)
        out.append((text[start:end], m.type, m.label_en))
    return out


@pytest.mark.parametrize("text, words, etype, english", [
    pytest.param("انتشر جنود أمريكيون قرب الحدود الشمالية", "جنود أمريكيون", "ArmedForce", "US soldiers", id="soldiers"),
    pytest.param("تقاتل جماعات سنية مسلحة في الصحراء", "جماعات سنية مسلحة", "Group", "Sunni groups", id="groups-fem"),
    pytest.param("دخل مقاتلين تركمان وعرب إلى البلدة", "مقاتلين تركمان وعرب", "Group", "Turkmen and Arab fighters",
                 id="fighters-broken-plurals-joined"),
    pytest.param("سيطرت الميليشيات الإيرانية على الطريق", "الميليشيات الإيرانية", "Group", "Iranian militias",
                 id="militias-article"),
    pytest.param("وصل العسكريون البريطانيون إلى القاعدة", "العسكريون البريطانيون", "ArmedForce", "British troops",
                 id="troops-definite-plural"),
    pytest.param("دربت قوات فرنسية وألمانية عناصر الشرطة", "قوات فرنسية وألمانية", "ArmedForce",
                 "French and German forces", id="forces-joined"),
])
def test_a_kind_noun_and_its_nisba_are_a_described_group(text, words, etype, english):
    assert (words, etype, english) in described(text)


def test_the_kind_noun_before_a_named_body_is_its_members_not_a_description():
    # "جنود الجيش": the army's soldiers (the army is named), no group of this article
    assert not any(words.startswith("جنود") for words, _, _ in described("قتل جنديان من جنود الجيش في الكمين"))


def test_a_described_group_is_no_antecedent_of_the_organization():
    # "التنظيم" after a described group is still the Islamic State, not "الجماعات الشيعية"
    found = described("هاجمت جماعات شيعية مواقع التنظيم غرب المدينة")
    assert ("التنظيم", "ArmedGroup", "Islamic State (ISIS / Daesh)") in found


def test_a_nisba_is_read_in_every_inflection():
    english = {w: nisba(LANG, w) for w in ("كردي", "كرديه", "كرديون", "كرديين", "الكرديون", "اكراد", "عراقيات")}
    assert english == {"كردي": "Kurdish", "كرديه": "Kurdish", "كرديون": "Kurdish", "كرديين": "Kurdish",
                       "الكرديون": "Kurdish", "اكراد": "Kurdish", "عراقيات": "Iraqi"}
    assert nisba(LANG, "الكردي") is None  # the singular with the article is no nisba of people here


def test_a_nisba_of_a_facility_names_its_owner_in_english():
    assert ("قاعدة روسية", "MilitaryBase", "Russian base") in described("أقامت موسكو قاعدة روسية قرب المطار")
