"""What brackets right after a body's name say it is describes it ("الحشد الشعبي (ميليشيات شيعية
موالية للحكومة)", as wire copy glosses a name for its readers): the description is no other party
of the event, so the body keeps the deed and its class (a state-backed force retaking ground
liberates it; an armed group taking ground controls it)."""

import pytest

import athar

from reading import events_of

PUBLISHED = "2017-05-14"


@pytest.mark.parametrize("text", [
    pytest.param("الحشد الشعبي (قوات شيعية تساندها بغداد) استعاد صباح الأحد السيطرة على قرية البوير غربي الموصل.",
                 id="militias-after-the-name"),
    pytest.param("وقالت مصادر إن قوات الحشد الشعبي (فصائل مسلحة مدعومة من الحكومة) استعادت السيطرة على قرية تل عبطة.",
                 id="factions-after-the-name"),
])
def test_a_bracketed_description_leaves_the_deed_to_the_named_body(text):
    fact = events_of(text, "Liberation", PUBLISHED)[0]
    assert [m.key for r, m in fact.roles if r == "agent"] == ["pmf"]



@pytest.mark.parametrize("text", [
    # the story names no other armed group: the description is still not whom the ground was taken from
    pytest.param("أفاد شهود بأن الحشد الشعبي (ميليشيات موالية لبغداد) استعادت مساء أمس السيطرة على قرية البوير.",
                 id="bracketed-militias-no-foe"),
    pytest.param('وحررت قوات مكافحة الإرهاب "قوات النخبة في الجيش" حي الزهراء شرقي الموصل.',
                 id="quoted-force-no-foe"),
])
def test_a_description_after_the_doer_is_not_whom_the_ground_was_taken_from(text):
    fact = events_of(text, "Liberation", PUBLISHED)[0]
    assert not [m for r, m in fact.roles if r == "origin"]


@pytest.mark.parametrize("text", [
    pytest.param("وكانت “سوريا الديمقراطية” والمجلس العسكري لمنبج أعلنا سيطرتهما الكاملة على مدينة الباب.",
                 id="quoted-name-then-a-council"),
    pytest.param("وكانت “قوات سوريا الديمقراطية” ووحدات حماية الشعب أعلنتا سيطرتهما الكاملة على مدينة الطبقة.",
                 id="quoted-name-then-the-units"),
])
def test_a_quoted_name_closes_before_a_second_body_that_shares_the_deed(text):
    """A quotation mark that closes a quoted name opens no description: the body after it is a
    second doer ("“سوريا الديمقراطية” والمجلس العسكري أعلنا سيطرتهما": both took the city)."""
    fact, = [f for f in athar.read(text, published=PUBLISHED).facts if f.trigger.startswith("سيطر")]
    assert len([m for r, m in fact.roles if r == "agent"]) == 2
