"""Head nouns of names (cues.tsv): what a council, a camp in the dual or plural, a complex, a
road, a team and a commission name; quoted names with a number; a time word that is also a
given name. Sentences written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read.language import arabic
from athar.read.location import located_pairs
from athar.read.mentions import extract_mentions
from athar.read.pipeline import extract_facts
from athar.read.source import parse_document


def mentions_of(text: str) -> list[tuple[str, str]]:
    return [(m.label_ar, m.type) for m in extract_mentions(arabic().make_doc(text))]


def english_of(text: str, label: str) -> str:
    return next(m.label_en for m in extract_mentions(arabic().make_doc(text)) if m.label_ar == label)


@pytest.mark.parametrize("text, label, kind", [
    pytest.param("أقر مجلس الوزراء خطة لإعادة إعمار المدارس", "مجلس الوزراء", "GovernmentBody", id="council-of-ministers"),
    pytest.param("عقد مجلس النواب جلسة طارئة", "مجلس النواب", "GovernmentBody", id="house-of-representatives"),
    pytest.param("أعلن مجلس صرين العسكري السيطرة على القرية", "مجلس صرين العسكري", "ArmedForce",
                 id="military-council-of-an-unknown-town"),
    pytest.param("أعلن مجلس الباب العسكري السيطرة على القرية", "مجلس الباب العسكري", "ArmedForce",
                 id="military-council-of-a-known-town"),
    pytest.param("اقتحمت القوات مجمع الدوائر الحكومية", "مجمع الدوائر", "Facility", id="complex"),
    pytest.param("انفجرت عبوة على طريق الخرافي قرب القرية", "طريق الخرافي", "Road", id="road"),
    pytest.param("وصل فريق الاستجابة إلى القرية", "فريق الاستجابة", "Group", id="team-is-no-armed-body"),
    pytest.param("أعلنت مفوضية الانتخابات تأجيل الاقتراع", "مفوضية الانتخابات", "GovernmentBody", id="commission"),
])
def test_a_head_noun_gives_its_name_a_class(text, label, kind):
    assert (label, kind) in mentions_of(text)


def test_a_military_council_is_labelled_so():
    assert english_of("أعلن مجلس الباب العسكري السيطرة على القرية", "مجلس الباب العسكري") \
        == "Al-Bab Military Council"


def test_by_means_of_is_no_road():
    assert not [m for m in mentions_of("وصلت المساعدات عن طريق البحر") if m[1] == "Road"]


@pytest.mark.parametrize("text, camps", [
    pytest.param("عادت عائلات من مخيمي الشيخة وبردة إلى القرية", ["مخيم الشيخة", "مخيم بردة"], id="dual"),
    pytest.param("عادت عائلات من مخيمات الشيخة، وبردة، والسلام إلى القرية", ["مخيم الشيخة", "مخيم بردة", "مخيم السلام"],
                 id="plural"),
])
def test_a_camp_in_the_dual_or_plural_names_each_camp(text, camps):
    assert [label for label, kind in mentions_of(text) if kind == "Camp"] == camps


def test_camps_in_the_dual_are_the_camps_the_gazetteer_knows():
    found = extract_mentions(arabic().make_doc("عادت عائلات من مخيمي الهول وروج إلى الرقة"))
    assert [(m.label_en, m.type) for m in found if m.type == "Camp"] == [("al-Hol camp", "Camp"), ("Roj camp", "Camp")]
    assert "Town" not in {m.type for m in found}  # al-Hol the town is named by the camp's name only


@pytest.mark.parametrize("text, label, kind", [
    pytest.param('سلم التحالف قاعدة "كي 1" للجيش', "قاعدة كي 1", "MilitaryBase", id="base-and-number"),
    pytest.param('عادت عائلات من مخيم “الشيخة 2” إلى القرية', "مخيم الشيخة 2", "Camp", id="camp-and-number"),
])
def test_a_quoted_name_may_hold_a_number(text, label, kind):
    assert (label, kind) in mentions_of(text)


def test_a_time_word_that_is_a_given_name_begins_a_name_after_a_title():
    doc = parse_document("---\npublished: 2020-06-15\n---\nقال رئيس الوزراء الكويتي صباح خالد الصباح إن بلاده "
                         "ستدعم إعادة إعمار الموصل", "test.txt")
    people = {m.label_ar for f in extract_facts(doc) for _, m in f.roles if m.type == "Person"}
    assert "صباح خالد الصباح" in people


@pytest.mark.parametrize("text, name", [
    pytest.param("وقال المتحدث باسم الجيش العراقي صباح الموسوي إن القوات تقدمت", "صباح الموسوي",
                 id="family-name-with-the-article"),
    pytest.param("وقال المتحدث باسم جهاز مكافحة الإرهاب صباح الجبوري إن الطريق فتح", "صباح الجبوري",
                 id="after-a-body-of-two-words"),
])
def test_a_time_word_that_is_a_given_name_takes_a_family_name_with_the_article(text, name):
    assert (name, "Person") in mentions_of(text)


@pytest.mark.parametrize("text", [
    pytest.param("وصل الرئيس صباح الخميس إلى بغداد", id="morning-of-a-weekday"),
    pytest.param("قال المحافظ صباح اليوم إن الطريق فتح", id="this-morning"),
])
def test_the_morning_is_no_name(text):
    assert not [m for m in mentions_of(text) if m[1] == "Person"]


# a head noun in the dual or plural and the names of its list: in slashes, in brackets (the
# whole list or each name), a word glued to "و" starting the next name; the list's end
@pytest.mark.parametrize("text, places", [
    pytest.param("شنت الطائرات غارات على قرية /الحمرة/ جنوب المدينة", [("الحمرة", "Village")], id="slashes"),
    pytest.param("استعادت القوات بلدتي /العزبة/ و/السلامية/ أمس", [("العزبة", "Town"), ("السلامية", "Town")],
                 id="dual-in-slashes"),
    pytest.param("قصفت المدفعية قريتي زيتونة وتل الصوان شمال البلدة", [("زيتونة", "Village"), ("تل الصوان", "Village")],
                 id="glued-waw-starts-the-next-name"),
    pytest.param("عادت العائلات إلى نواحي ( حمدان وبرزة وكفر سالم ) بعد تحريرها",
                 [("حمدان", "District"), ("برزة", "District"), ("كفر سالم", "District")], id="list-in-brackets"),
    pytest.param("أزالت الفرق الألغام من حيي (الورود) و (الربيع) في المدينة", [("الورود", "Region"), ("الربيع", "Region")],
                 id="each-name-in-brackets"),
    pytest.param("انسحب التنظيم من مناطق (حويجة كاسب والصفرة) والسيطرة على الطريق مستمرة",
                 [("حويجة كاسب", "Region"), ("الصفرة", "Region")], id="the-bracket-closes-the-list"),
    pytest.param("عاد النازحون إلى أقضية هيت وحديثة والزوية", [("هيت", "City"), ("حديثة", "Town"), ("الزوية", "District")],
                 id="known-towns-go-on-with-the-list"),
    pytest.param("قصفت المدفعية قريتي زيتونة والصوان وقالت مصادر إن القصف مستمر",
                 [("زيتونة", "Village"), ("الصوان", "Village")], id="a-clause-ends-the-list"),
    pytest.param('استعاد الجيش قرى "تل الشيح وزيتونة، ورجم العالي" بعد معارك',
                 [("تل الشيح", "Village"), ("زيتونة", "Village"), ("رجم العالي", "Village")], id="list-in-quotes"),
    pytest.param("سيطرت القوات على قرى زيتونة والصوان الغربي والمزارع القريبة منها",
                 [("زيتونة", "Village"), ("الصوان الغربي", "Village")], id="an-adjective-pointing-back-ends-the-list"),
    pytest.param("عاد الأهالي إلى بلدتي زيتونة والصوان والقرى المحيطة بها",
                 [("زيتونة", "Town"), ("الصوان", "Town")], id="words-pointing-back-end-the-list"),
])
def test_the_names_a_head_noun_in_the_dual_or_plural_lists(text, places):
    found = [(label, kind) for label, kind in mentions_of(text)
             if kind in ("Village", "Town", "City", "District", "Region")]
    assert found == places


@pytest.mark.parametrize("text, label, kind", [
    pytest.param("نظفت الفرق مدرسة (الفاروق) في حي البدو", "مدرسة الفاروق", "School", id="school-named-in-brackets"),
    pytest.param("قصفت الطائرات مستشفى (الأمل) في المدينة", "مستشفى الأمل", "Hospital", id="hospital-named-in-brackets"),
])
def test_a_head_noun_read_as_a_kind_is_named_by_the_brackets_after_it(text, label, kind):
    found = mentions_of(text)
    assert (label, kind) in found
    assert label.split()[0] not in [m for m, _ in found]  # the head noun alone is no second mention


@pytest.mark.parametrize("text, subject, container", [
    pytest.param("أزالت الفرق الألغام من حيي (الورود) و (الربيع) في الرقة", "الورود", "الرقة", id="first-of-two-in-brackets"),
    pytest.param("أزالت الفرق الألغام من حيي (الورود) و (الربيع) في الرقة", "الربيع", "الرقة", id="second-of-two-in-brackets"),
    pytest.param("نظفت الفرق مدرسة (الفاروق) في حي البدو", "مدرسة الفاروق", "البدو", id="school-in-brackets-in-a-district"),
])
def test_places_named_in_brackets_lie_in_the_place_after_them(text, subject, container):
    doc = arabic().make_doc(text)
    pairs = {(a.label_ar, b.label_ar) for a, b in located_pairs(doc, extract_mentions(doc))}
    assert (subject, container) in pairs


@pytest.mark.parametrize("text", [
    pytest.param("اقتحمت القوات حي سكني في أطراف البلدة", id="residential"),
    pytest.param("انتشر المسلحون في مناطق ممتدة منذ أيام", id="stretching"),
    pytest.param("تحصن المسلحون في منطقة محصنة قرب النهر", id="fortified"),
    pytest.param("انتشرت القوات في منطقة واسعة منذ أيام", id="wide"),
    pytest.param("سيطر المسلحون على قرى عديدة منذ أيام", id="many"),
    pytest.param("عاد المقاتلون إلى مناطق خرجوا منها قبل سنوات", id="a-clause-pointing-back"),
])
def test_a_head_noun_before_a_describing_word_names_no_place(text):
    assert not [label for label, kind in mentions_of(text) if kind in ("Region", "Village", "Town", "District")]


@pytest.mark.parametrize("text, cell", [
    pytest.param("وأعلنت خلية “النسور” الاستخبارية تدمير مخبأ في الصحراء", "خلية “النسور” الاستخبارية",
                 id="cell-quoted-name-and-adjective"),
    pytest.param("ونفذت خلية \"الرصد\" ضربة على وكر في الوادي", "خلية الرصد", id="cell-quoted-name"),
])
def test_a_cell_is_named_by_a_name_in_quotation_marks(text, cell):
    assert (cell, "ArmedForce") in mentions_of(text)


@pytest.mark.parametrize("text", [
    pytest.param("واعتقلت القوات خلية إرهابية في الوادي", id="cell-described"),
    pytest.param("وفككت الشرطة خلية نائمة في المدينة", id="sleeper-cell"),
])
def test_a_cell_described_is_named_by_no_cue(text):
    assert not any(label.startswith("خلية") for label, _ in mentions_of(text))
