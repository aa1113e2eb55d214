"""Where a place lies beyond a landmark named to say where it is (containment._beyond_landmark):
"X شرق Y بـZ", "X، الواقع على بعد 30 كيلومترا جنوب Y في Z". Sentences written for these tests in
the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import located


@pytest.mark.parametrize("text, subject, obj", [
    pytest.param("قصفت الطائرات مواقع بقضاء الفلوجة غرب بغداد بالأنبار", "Fallujah", "Al Anbar Governorate",
                 id="district-west-of-a-city-with-ba"),
    pytest.param("انتشرت الدوريات في قضاء الحويجة جنوب غربي كركوك في محافظة كركوك", "Hawija",
                 "Kirkuk Governorate", id="district-south-west-of-a-city-with-fi"),
    pytest.param("غادرت القوات مطار صرين، الذي يقع على بعد نحو 25 كيلومترا شمال مدينة منبج في ريف حلب",
                 "Sarin Airport", "Aleppo Governorate", id="measured-from-a-city"),
    pytest.param("دخلت القوات بلدة المسيب التي تبعد 40 كيلومترا شرق مدينة عين العرب (كوباني) في محافظة حلب",
                 "Al-Masib", "Aleppo Governorate", id="measured-from-a-city-named-again-in-brackets"),
])
def test_a_place_lies_in_the_place_beyond_its_landmark(text, subject, obj):
    assert (subject, obj) in located(text)


@pytest.mark.parametrize("text, subject, obj", [
    pytest.param("قصفت الطائرات قرية الكسرة جنوب مدينة منبج بريف حلب", "Al-Kasra", "Aleppo Governorate",
                 id="a-village-south-of-a-city-lies-in-its-ground"),
    pytest.param("قصفت الطائرات قضاء الفلوجة شرق الرمادي، وقصفت محافظة الأنبار", "Fallujah", "Al Anbar Governorate",
                 id="a-clause-between"),
])
def test_no_place_beyond_a_landmark_the_text_does_not_state(text, subject, obj):
    assert (subject, obj) not in located(text)
