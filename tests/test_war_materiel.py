"""What a war report counts besides ground: fighters "done away with" (القضاء على + a count of
people) are killed, weapons and vehicles destroyed are a Destruction (a counted singular after a
number too: "تدمير 21 آلية"), a place cleared of mines named without the article ("من ألغام",
"من مفخخات") is demined, and whoever laid those mines is not the deminer. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.reading import events_by_class, events_of, role_labels

ISIS = "Islamic State (ISIS / Daesh)"


@pytest.mark.parametrize("text", [
    pytest.param("وأعلن الجيش أنه تم القضاء على عدد من مسلحي داعش في البادية", id="a-number-of"),
    pytest.param("وتمكنت القوات من القضاء على العديد من عناصر داعش قرب الميادين", id="many"),
    pytest.param("وقال المصدر إن الطيران نجح في القضاء على عشرات الإرهابيين من تنظيم داعش", id="tens"),
    pytest.param("وأسفرت عمليات الجيش عن القضاء على أعداد من مسلحي داعش في ريف حماة", id="numbers-of"),
])
def test_fighters_done_away_with_are_killed(text):
    (killing,) = events_of(text, "Killing")
    assert ISIS in role_labels(killing, "victim"), killing.roles
    assert "Liberation" not in events_by_class(text)


@pytest.mark.parametrize("text", [
    pytest.param("وأكد القائد أن معركة الموصل ستنتهي بالقضاء على داعش", id="the-group-defeated"),
    pytest.param("نجحت وزارة الصحة في القضاء على العديد من الأمراض في المحافظة", id="diseases"),
    pytest.param("وتم القضاء على عشرات البؤر الإرهابية في ريف حمص", id="hideouts-no-people"),
])
def test_done_away_with_no_people_counted_is_no_killing(text):
    assert "Killing" not in events_by_class(text)


@pytest.mark.parametrize("text, amount", [
    pytest.param("ودمرت القوات العراقية 21 آلية لتنظيم داعش قرب تلعفر", 21, id="verb-counted-singular"),
    pytest.param("وقتل الجيش عناصر من داعش وتدمير 15 عربة تحمل مقاتلين", 15, id="masdar-then-a-number"),
    pytest.param("وقتل الجيش عناصر من داعش وتدمير أسلحتهم وعتادهم", None, id="their-weapons-and-ammunition"),
    pytest.param("ودمر طيران التحالف الدولي ثلاث دبابات لداعش في الرقة", 3, id="tanks"),
    pytest.param("وأحرق مسلحو داعش الذخائر قبل انسحابهم من الحويجة", None, id="burnt"),
])
def test_weapons_and_vehicles_destroyed(text, amount):
    (destruction,) = events_of(text, "Destruction")
    if amount is not None:
        assert destruction.amount is not None and destruction.amount.value == amount


@pytest.mark.parametrize("text", [
    pytest.param("وأحرق المحتجون العجلات في الشارع احتجاجا على انقطاع الكهرباء", id="tyres-burnt-in-a-protest"),
    pytest.param("وأعلنت الشركة تدمير 300 عبوة بلاستيكية فاسدة في المصنع", id="bottles-at-a-factory"),
])
def test_burning_and_destroying_outside_war_is_no_destruction(text):
    assert "Destruction" not in events_by_class(text)


@pytest.mark.parametrize("text", [
    pytest.param("وطهرت الفرق الهندسية قرية البوعيثة من ألغام داعش", id="perfect-feminine"),
    pytest.param("وطهر فريق الهندسة حي الجولان من مفخخات التنظيم", id="perfect-masculine"),
    pytest.param("وطهروا حي الجولان من عبوات ناسفة زرعها داعش", id="perfect-plural"),
    pytest.param("ويطهر الفريق الهندسي حي الجولان من متفجرات داعش", id="imperfect"),
    pytest.param("ونظفت الفرق الهندسية قرية البوعيثة من ألغام التنظيم", id="cleaned"),
    pytest.param("وأعلن المجلس العسكري تطهير حي الجولان من مفخخات وألغام داعش", id="masdar"),
])
def test_a_place_cleared_of_mines_without_the_article_is_demined(text):
    (demining,) = events_of(text, "Demining")
    assert ISIS not in role_labels(demining, "agent"), demining.roles
    assert "Liberation" not in events_by_class(text)


def test_who_laid_the_mines_is_not_the_deminer():
    text = "وأكد المصدر أن المنطقة أصبحت آمنة بعد تطهيرها من مفخخات وألغام تنظيم داعش"
    (demining,) = events_of(text, "Demining")
    assert not role_labels(demining, "agent"), demining.roles


def test_cleaning_of_germs_stays_no_demining():
    assert not events_by_class("وبدأت البلدية تطهير المدارس من الفيروسات في بغداد")
