"""Where a person's name after a rank ends and begins: a word that closes a compound given name
("يار الله", "سعد الله") is no name part of its own, and a title of one word that is also a given
name ("أمير") is the given name after a rank. Sentences written for these tests."""

from __future__ import annotations

import pytest

from athar.read.language import arabic
from athar.read.mentions import extract_mentions

LANG = arabic()


def people(text: str) -> dict[str, str]:
    seg = LANG.make_doc(text)
    out = {}
    for m in extract_mentions(seg):
        if m.type == "Person":
            start, end = seg.norm.to_original(m.start, m.end)
            out[text[start:end]] = m.role_of
    return out


@pytest.mark.parametrize("text, name", [
    pytest.param("صرح اللواء سعد الله خليل بأن الطريق فتح", "سعد الله خليل", id="first-part"),
    pytest.param("وأكد العميد عبد الرحيم جاد الله، أن القصف توقف", "عبد الرحيم جاد الله", id="after-a-name-part"),
    pytest.param("وأفاد العقيد سامي عطا الله خليل بأن الطريق فتح", "سامي عطا الله", id="closes-the-second-part"),
])
def test_a_word_that_closes_a_given_name_is_no_part_of_its_own(text, name):
    assert name in people(text)


@pytest.mark.parametrize("text, name", [
    pytest.param("وقال اللواء أمير حسن جواد إن الجسر أعيد فتحه", "أمير حسن", id="after-a-rank"),
    pytest.param("أعلن قائد الفرقة الخامسة الفريق أمير كاظم أن الهجوم صد", "أمير كاظم", id="after-a-body-and-a-rank"),
])
def test_a_title_that_is_a_given_name_is_the_name_after_a_rank(text, name):
    assert any(words.startswith(name) for words in people(text))


@pytest.mark.parametrize("text", [
    pytest.param("وقال العميد أمير الفوج إن الجسر أعيد فتحه", id="title-and-its-body"),
    pytest.param("قتل أمير التنظيم في الرقة", id="no-rank-before"),
])
def test_a_title_with_a_body_after_it_is_no_given_name(text):
    assert not any(words.startswith("أمير") for words in people(text))


@pytest.mark.parametrize("text", [
    pytest.param("وقال قائد القوات المشتركة الفريق خالد حسن إن الطريق فتح", id="title-and-body"),
    pytest.param("وقال القائد العام للقوات المشتركة العراقية اللواء سامي كاظم إن الطريق فتح", id="title-lam-body-nisba"),
])
def test_a_head_noun_that_points_to_no_body_before_names_the_body_led(text):
    # "القوات" alone points back to forces named before; none is, so the words name the body now
    roles = set(people(text).values())
    assert any(r.startswith("leader:") for r in roles), roles


@pytest.mark.parametrize("text, body", [
    pytest.param("وأوضح العقيد في الفرقة الرابعة، كريم سالم الحداد، أن الجسر أعيد فتحه", "الفرقة الرابعة", id="unit"),
    pytest.param("وأوضح الملازم أول في الفرقة الرابعة بالجيش العراقي، كريم سالم الحداد، أن الجسر أعيد فتحه",
                 "الفرقة الرابعة", id="unit-of-an-army"),
])
def test_an_officer_of_a_unit_named_after_the_rank_and_a_comma(text, body):
    seg = LANG.make_doc(text)
    mentions = extract_mentions(seg)
    person = next(m for m in mentions if m.type == "Person")
    unit = next(m for m in mentions if m.key == person.role_of.partition(":")[2])
    assert person.label_ar == "كريم سالم الحداد" and person.role_of.startswith("member:") and unit.label_ar == body


def test_a_rank_before_a_time_names_no_unit():
    assert not people("ووصل العقيد في الصباح إلى المدينة")


@pytest.mark.parametrize("text, name", [
    pytest.param("وقال مدير المكتب الإعلامي لوحدات حماية الشعب آزاد حسو إن الطريق فتح", "آزاد حسو", id="lam-body"),
    pytest.param("وأكد مدير المكتب الإعلامي لقوات سوريا الديمقراطية شيار عمر أن الطريق فتح", "شيار عمر", id="lam-body-2"),
])
def test_a_body_joined_by_lam_after_the_office_is_no_name(text, name):
    got = people(text)
    assert name in got and not any(words.startswith("ل") for words in got), got


@pytest.mark.parametrize("text, name", [
    pytest.param("وقال المتحدث باسم قوات سوريا الديمقراطية كينو بالي اليوم إن الطريق فتح", "كينو بالي", id="bali"),
])
def test_a_word_too_short_for_a_preposition_and_the_article_is_a_name(text, name):
    assert name in people(text)


@pytest.mark.parametrize("text, name", [
    pytest.param("وقالت رئيسة قسم الشؤون القنصلية في الخارجية الفرنسية السيدة ماري لوران إن الأطفال وصلوا",
                 "ماري لوران", id="courtesy"),
    pytest.param("وقال قائد الفرقة الخامسة في الجيش السوري اللواء سامر حداد إن الهجوم صد", "سامر حداد", id="rank"),
])
def test_the_body_of_an_office_after_fi_then_a_rank_or_courtesy_title_and_the_holder(text, name):
    assert people(text).get(name, "").startswith("leader:")


@pytest.mark.parametrize("text, name", [
    pytest.param("قتلت النازحة السورية فاطمة حسن داخل خيمتها", "فاطمة حسن", id="noun-nisba-given-name"),
    pytest.param("وعثر على جثة الشاب أحمد كريم قرب السوق", "أحمد كريم", id="noun-given-name"),
    pytest.param("أدى القصف إلى مقتل المعلمة “سعاد الناصر” داخل المدرسة", "سعاد الناصر", id="quoted"),
])
def test_a_person_described_then_named(text, name):
    assert name in people(text)


@pytest.mark.parametrize("text", [
    pytest.param("قتل الشاب برصاص قناص في المدينة", id="no-name"),
    pytest.param("زار الوفد المعلم الشهير في المدينة", id="a-landmark"),
    pytest.param("أصيب الطفل جراء سقوط قذيفة", id="cause"),
])
def test_a_person_described_and_not_named(text):
    assert not people(text)


@pytest.mark.parametrize("text, victim", [
    pytest.param("قتل مسلحون لاجئا في المخيم. وعثر على جثة الشاب أحمد كريم قرب السوق", "أحمد كريم", id="verb"),
    pytest.param("قتل مسلحون نازحين في المخيم. وعثروا على جثة الطفلة مريم حسين قرب الخيام", "مريم حسين", id="plural-verb"),
])
def test_whose_body_was_found_is_the_victim(text, victim):
    from athar.read.pipeline import read
    killed = [m.label_ar for f in read(text).facts if f.type == "Killing" for m in f.role("victim")]
    assert victim in killed, killed


def test_the_head_of_the_council_of_ministers_leads_the_government():
    # "رئيس مجلس الوزراء" is the prime minister's title, not the head of a council named "الوزراء"
    got = people("وقال رئيس مجلس الوزراء العراقي عادل حسن إن اللقاء كان ناجحا")
    assert got.get("رئيس مجلس الوزراء العراقي عادل حسن", "").startswith("leader:government"), got
