"""Where the news of an article is, as its lead tells it, for the events after the lead that name no
place (athar.read.setting). Every sentence here was written for these tests, in the style of news
Arabic (none is copied from a corpus)."""

from __future__ import annotations

from reading import facts_of


def places_of_last(text: str, event: str) -> set[str]:
    found = [f for f in facts_of(text) if f.type == event]
    assert found, f"no {event} in: {[(f.type, f.trigger) for f in facts_of(text)]}"
    return {m.label_ar for m in found[-1].role("place")}


# a lead whose blasts happen at a building and at a square of one city, then a toll of the week
_SPOTS = ("قتل رجلان اليوم بانفجار عبوة ناسفة قرب مبنى البلدية في مدينة الرقة، فيما انفجرت سيارة "
          "مفخخة في ساحة الساعة.\n\nوقال مصدر طبي إن الحصيلة ارتفعت.\n\n"
          "وبلغ عدد القتلى منذ بداية الأسبوع 17 قتيلاً.")


def test_a_toll_after_a_lead_told_at_several_spots_of_a_city_is_in_the_city():
    assert places_of_last(_SPOTS, "Killing") == {"الرقة"}


def test_a_village_the_text_does_not_put_in_the_city_keeps_the_news_at_the_village():
    # the village lies south of the city, not in it: the toll after the lead is at the village
    text = ("شن مسلحو داعش هجوماً على مواقع الجيش جنوب مدينة الرقة، وبدأه أحدهم بتفجير سيارة مفخخة "
            "في قرية الحمرا.\n\nوقال مصدر محلي إن الجرحى نقلوا إلى المشفى.\n\nوبلغ عدد القتلى 17 قتيلاً.")
    assert places_of_last(text, "Killing") == {"الحمرا"}


def test_events_told_after_an_opening_that_names_the_ground_are_there():
    # the opening sentence tells no event the rules read, then the statement tells them bare
    text = ("نجحت القوات الأمنية اليوم في تصفية عشرين إرهابياً في قضاء الشرقاط جنوب الموصل.\n\n"
            "وقالت قيادة العمليات المشتركة في بيان إن الطائرات دكت مخابئ التنظيم.\n\n"
            "وأدت الضربات إلى مقتل عشرين إرهابياً.")
    assert places_of_last(text, "Killing") == {"الشرقاط"}
