"""A speaker named by a name no list holds, read from where the news puts it (read/unlisted.py).
Sentences written for these tests."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-16"


def _speakers(text: str) -> list[str]:
    return [m.label_ar for f in athar.read(text, published=PUBLISHED).facts if f.type == "Statement"
            for m in f.role("agent")]


@pytest.mark.parametrize("text, name", [
    # after the "عن" of one who tells what another said, the titles and the body before the name
    pytest.param("ونقلت وكالة الأناضول عن مدير دائرة الصحة في محافظة نينوى فارس الجبوري قوله إن المستشفى "
                 "سيفتتح الشهر المقبل.", "فارس الجبوري", id="relayed-after-a-title-and-a-place"),
    # right after "عن", what describes the person in brackets
    pytest.param("ونقلت وكالة رويترز عن مارتينا كوستا (ممرضة في المخيم) أن مئات الأسر تصل يوميا.",
                 "مارتينا كوستا", id="relayed-before-a-bracket"),
    # right after the verb, its age in brackets
    pytest.param("وقالت وداد حسن جاسم (50 عاما) إن أسرتها عادت إلى منزلها بعد غياب طويل.", "وداد حسن جاسم",
                 id="after-the-verb-before-a-bracket"),
    # after a title of two words, a name of three ("الخارجية" is the title's, no word of the name)
    pytest.param("ونقلت وكالة الأناضول عن وزير الخارجية مارتينا كوستا روبرتس قوله إن المستشفى سيفتتح.",
                 "مارتينا كوستا روبرتس", id="relayed-three-words-after-a-title-of-two"),
    # right after the verb, before a comma
    pytest.param("وقال جوناثان ميلر، إن فرق الإغاثة وصلت إلى المخيم.", "جوناثان ميلر", id="after-the-verb-before-a-comma"),
])
def test_a_name_no_list_holds_in_the_slot_of_the_speaker_speaks(text, name):
    assert name in _speakers(text)


@pytest.mark.parametrize("text", [
    # a noun of statement and its adjective, the occasion, not a name
    pytest.param("وقال العقيد في بيان صحفي إن القوات دخلت المدينة.", id="in-a-statement"),
    # a title and its nisba, no name
    pytest.param("وقال رئيس الوزراء العراقي إن القوات دخلت المدينة.", id="a-title-alone"),
    # a given name takes no article
    pytest.param("وقالت الإدارة المحلية إن المدارس ستفتح أبوابها.", id="the-article"),
    # a noun with a possessive ending and its clause, no name
    pytest.param('وأضافت وعيناها تدمعان فرحا، "نستطيع العودة إلى قريتنا الآن".', id="a-possessed-noun"),
    # four words: no name (a name is two or three words)
    pytest.param("ونقلت وكالة رويترز عن عمال مخيم كبير مكتظ قولهم إن المساعدات تأخرت.", id="too-many-words"),
])
def test_words_that_read_as_no_name_make_no_speaker(text):
    assert not [s for s in _speakers(text) if s and not s.startswith(("العقيد", "رئيس", "الإدارة", "وكالة"))]
