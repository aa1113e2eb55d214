"""Who speaks after a verb of saying: a person named with their titles before what was said, an
agency or a monitor that tells the news; a member who speaks as a witness makes no statement.
Sentences written for these tests."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-16"


def _speakers(text: str) -> list[list[tuple[str, str]]]:
    return [[(m.type, m.label_ar) for m in f.role("agent")]
            for f in athar.read(text, published=PUBLISHED).facts if f.type == "Statement"]


@pytest.mark.parametrize("text, name", [
    pytest.param("وقال العميد سامر يوسف، المتحدث باسم الوزارة، إن الطريق فتح أمام المدنيين.", "سامر يوسف",
                 id="rank-name-then-spokesperson"),
    pytest.param("وأفاد قائد عمليات نينوى اللواء كريم حسن، لوكالة الأنباء، بأن القوات تقدمت نحو القرية.",
                 "كريم حسن", id="command-rank-name"),
    pytest.param("وأكد العقيد ماهر جاسم أن الطريق سيفتح غدا.", "ماهر جاسم", id="rank-name"),
    pytest.param("وصرحت المقدم سعاد كريم، المتحدثة باسم القيادة، بأن الدوريات مستمرة.", "سعاد كريم",
                 id="feminine"),
])
def test_a_person_named_with_titles_after_a_verb_of_saying_is_the_speaker(text, name):
    assert _speakers(text) == [[("Person", name)]]


@pytest.mark.parametrize("text, name", [
    pytest.param("وأكد مدير مؤسسة السجناء في محافظة ديالى خالد العزاوي العثور على مقبرة جماعية قرب بعقوبة.",
                 "خالد العزاوي", id="foundation-place-name-masdar"),
    pytest.param("وقال مدير مؤسسة المياه في محافظة حلب سمير عيسى إن الضخ عاد إلى الأحياء الشرقية.",
                 "سمير عيسى", id="foundation-place-name-said"),
])
def test_the_head_of_a_foundation_named_with_its_place_is_the_speaker_not_the_foundation(text, name):
    # "مؤسسة" heads the name of a body (cues.tsv): its name is no person's, and the person named
    # after the place the body is in is the one who spoke
    assert _speakers(text) == [[("Person", name)]]


def test_a_member_named_by_rank_then_as_a_member_speaks_for_no_body():
    # named twice: by rank ("الرائد X") and as a member ("X، الضابط في البيشمركة"): the person speaks
    text = "قال الرائد «هفال كريم»، الضابط في البيشمركة، إن «قوة من البيشمركة انسحبت من القرية»."
    assert [[t for t, _ in found] for found in _speakers(text)] == [["Person"]]


@pytest.mark.parametrize("text, name", [
    pytest.param("وقال الملازم أول في الفرقة الخامسة بالجيش، سامي حداد، إن القوات تقدمت نحو القرية.", "سامي حداد",
                 id="rank-unit-comma-name"),
    pytest.param("وقال العقيد في اللواء السابع، خالد الراوي، إن الطريق فتح أمام المدنيين.", "خالد الراوي",
                 id="rank-unit-name"),
])
def test_an_officer_named_by_rank_and_unit_before_the_name_speaks(text, name):
    # the rank and the unit the officer serves in, then the name: an officer of the unit, no witness
    assert _speakers(text) == [[("Person", name)]]


@pytest.mark.parametrize("text, outlet", [
    pytest.param("وذكرت وكالة سانا أن الجيش استعاد البلدة.", "وكالة سانا", id="agency"),
    pytest.param("وقتل ثلاثة مدنيين بانفجار لغم في منبج، وفق ما أفاد المرصد السوري لحقوق الإنسان.",
                 "المرصد السوري لحقوق الإنسان", id="monitor-after-according"),
    pytest.param("وأكد المرصد السوري لحقوق الإنسان أن الرتل انسحب من القاعدة.", "المرصد السوري لحقوق الإنسان",
                 id="monitor-subject"),
])
def test_an_agency_or_a_monitor_that_tells_the_news_is_the_speaker(text, outlet):
    assert _speakers(text) == [[("MediaOutlet", outlet)]]


# one source named by a singular noun is a person as the text describes them; sources named by a
# plural are a group
@pytest.mark.parametrize("text, source, kind", [
    pytest.param("وقالت مصادر أمنية عراقية إن القوات دخلت البلدة فجر اليوم.", "مصادر أمنية عراقية", "Group",
                 id="plural-adjectives"),
    pytest.param("وأكد مصدر عسكري أن الطريق بين المدينتين مغلق.", "مصدر عسكري", "Person", id="one-adjective"),
    pytest.param("وذكر مصدر في الشرطة أن انتحاريا فجر نفسه قرب السوق.", "مصدر في الشرطة", "Person", id="in-a-body"),
    pytest.param("وقال مراسل الوكالة إن القصف مستمر على الأحياء الشرقية.", "مراسل", "Person", id="correspondent"),
    pytest.param("وقال قادة ميدانيون إن القصف مستمر على الأحياء الشرقية.", "قادة ميدانيون", "Group", id="commanders"),
    pytest.param("وقال قائد آخر إن القصف مستمر على الأحياء الشرقية.", "قائد آخر", "Person", id="another"),
])
def test_an_unnamed_source_after_a_verb_of_saying_is_the_speaker_as_described(text, source, kind):
    assert _speakers(text) == [[(kind, source)]]


def test_the_source_named_before_goes_on_without_a_new_speaker():
    # "المصدر": the source a sentence before named speaks again, a statement of its own
    text = "وقال مصدر أمني إن القوات دخلت البلدة. وأوضح المصدر أن الاشتباكات مستمرة."
    assert _speakers(text) == [[("Person", "مصدر أمني")], [("Person", "مصدر أمني")]]


def test_an_agency_the_words_were_said_to_is_no_speaker():
    text = "وقال قائد في فصيل معارض، طلب عدم ذكر اسمه، في تصريحات لوكالة رويترز إن المقاتلين انسحبوا من القرية."
    assert _speakers(text) == [[("Person", "قائد في فصيل معارض")]]
    assert not [m for m in athar.read(text).mentions if m.type == "Person" and m.label_ar.startswith("طلب")]


def test_a_quoted_name_after_the_verb_is_the_speaker_not_the_words_said():
    assert _speakers("أكد “المرصد السوري لحقوق الإنسان” أن الرتل انسحب من القاعدة.") == [
        [("MediaOutlet", "المرصد السوري لحقوق الإنسان")]]
    assert _speakers("قال “الجيش سيدخل المدينة غدا”.") == []  # the words said, no speaker named


def test_an_agency_s_correspondent_reports_for_the_agency():
    assert _speakers("أفاد مراسل وكالة سانا اليوم أن الجيش نفذ عمليات في ريف دير الزور.") == [
        [("MediaOutlet", "وكالة سانا")]]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("وقال بيان لوزارة الداخلية إن قواتها اعتقلت خمسة من عناصر داعش في كركوك. "
                 "وأضاف البيان أن المعتقلين اعترفوا بتنفيذ هجمات على القوات الأمنية", "interior ministry",
                 id="wa-adafa-al-bayan"),
    pytest.param("أعلنت وزارة الهجرة عودة 200 عائلة نازحة إلى قضاء سنجار. "
                 "وأوضح البيان أن العائلات عادت بعد تأهيل منازلها", "Al-Hajra Ministry", id="wa-awdaha-al-bayan"),
    pytest.param("وقالت منظمة الصحة العالمية في تقرير إن المستشفيات تعمل بنصف طاقتها، "
                 "ولفت التقرير إلى أن الأدوية تنفد", "World Health Organization", id="lafata-at-taqrir"),
])
def test_a_statement_named_again_by_its_noun_is_a_further_statement_of_its_speaker(text, speaker):
    # "وأضاف البيان": a further point of the statement told before, a statement of its speaker's own
    facts = [f for f in athar.read(text, published=PUBLISHED).facts if f.type == "Statement"]
    assert len(facts) == 2
    assert [m.label_en for m in facts[1].role("agent")] == [speaker]


def test_a_statement_named_again_with_none_told_before_has_no_speaker():
    assert _speakers("وأوضح البيان أن العائلات عادت بعد تأهيل منازلها") == []
