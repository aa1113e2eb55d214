"""A wider place frames the narrower ones the sentence names after it: when it opens the sentence
("وفي محافظة نينوى، ..."), when a second "في" follows it ("في الأنبار في قضاء هيت"), or a few words
after its comma; not the next place of a list ("في تلعفر، و(20%) في سنجار"), not a place the
gazetteer puts elsewhere. Sentences are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from reading import located


@pytest.mark.parametrize("text, pair", [
    pytest.param("وفي محافظة نينوى، عادت 300 عائلة إلى قرية الحمدانية خلال الأسبوع الماضي",
                 ("Al-Hamdaniya (Qaraqosh)", "Nineveh Governorate"), id="the-place-that-opens-the-sentence"),
    pytest.param("قتل ثلاثة مدنيين في محافظة الأنبار في قضاء هيت", ("Hit", "Al Anbar Governorate"),
                 id="a-second-fi"),
    pytest.param("نفذ التنظيم هجمات في العراق، خلال الأسبوع الماضي في محافظة ديالى",
                 ("Diyala Governorate", "Iraq"), id="a-few-words-after-the-comma"),
])
def test_a_wider_place_frames_the_narrower_one_after_it(text, pair):
    assert pair in located(text)


@pytest.mark.parametrize("text", [
    pytest.param("سجلت 60 بالمائة من العودة في قضاء تلعفر، و(25%) في قرية الحمدانية", id="a-list-of-shares"),
    pytest.param("قتل خمسة في سوريا، بينما قتل ثلاثة في محافظة الأنبار", id="a-place-of-another-country"),
])
def test_no_frame_for_a_list_or_a_place_known_elsewhere(text):
    assert not {p for p in located(text) if p[1] in ("Tal Afar District", "Tal Afar", "Syria")}
