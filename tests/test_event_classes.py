"""Which class an event is when its words allow two, and the words that tell an event of the
genre: each rule with sentences written for it (none from data/eval)."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2020-11-16"


def _facts(text: str):
    return [f for f in athar.read(text, published=PUBLISHED).facts if not f.relation]


def _types(text: str) -> list[str]:
    return [f.type for f in _facts(text)]


# -- Return or Departure: toward home, or away from a camp ---------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("نقلت الوزارة نحو 900 نازح من مخيم الجدعة إلى مناطقهم الأصلية في سنجار", id="to-their-home-areas"),
    pytest.param("غادرت 50 عائلة مخيم الهول إلى مناطق سكناها الأصلية في ريف دير الزور", id="to-where-they-lived"),
    pytest.param("خرجت 120 عائلة من مخيم الهول نحو ديارها في الرقة", id="toward-their-homes"),
    pytest.param("غادر 40 نازحا مخيم حسن شام عائدين إلى قراهم", id="returning-to-their-villages"),
    pytest.param("وغادرت مئات الأسر مخيم الخازر عائدة الى الموصل", id="returning-to-the-city"),
])
def test_leaving_a_camp_for_home_is_a_return(text):
    assert "Return" in _types(text) and "Departure" not in _types(text), _types(text)


@pytest.mark.parametrize("text", [
    pytest.param("غادرت 120 عائلة مخيم الهول نحو مخيم آخر في الرقة", id="to-another-camp"),
    pytest.param("غادرت 120 عائلة مخيم الهول صباح اليوم", id="no-destination"),
])
def test_leaving_a_camp_elsewhere_stays_a_departure(text):
    assert "Departure" in _types(text) and "Return" not in _types(text), _types(text)


def test_leaving_home_for_a_camp_is_no_return():
    assert "Return" not in _types("غادرت 120 عائلة منازلها في الرقة إلى مخيم عين عيسى")


# -- died while doing something (قضى أثناء) -------------------------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("وقضى جندي أثناء تفكيك عبوة ناسفة في الموصل", id="he-died-while"),
    pytest.param("ونعت المنظمة 3 من أفرادها قضوا أثناء عملهم في حقل ألغام قرب الرقة", id="they-died-while"),
    pytest.param("قضت ممرضة أثناء نقل الجرحى في دير الزور", id="she-died-while"),
])
def test_dying_while_doing_something_is_a_killing(text):
    assert "Killing" in _types(text), _types(text)


@pytest.mark.parametrize("text", [
    pytest.param("قضى الوفد أثناء زيارته ثلاثة أيام في بغداد", id="a-delegation-spends-days"),
    pytest.param("قضت العائلة أثناء العطلة أسبوعا في الموصل", id="a-family-spends-a-week"),
])
def test_spending_time_while_doing_something_is_no_killing(text):
    assert "Killing" not in _types(text), _types(text)


# -- named, not told: what one is charged with, what could not be done, what is prepared for ------

@pytest.mark.parametrize("text, kept, dropped", [
    pytest.param("أعدم التنظيم رجلين في دير الزور بتهمة قتال التنظيم", "Killing", "Battle", id="charged-with-fighting"),
    pytest.param('أعدم التنظيم رجلين في الميادين بتهمة "قتال الدولة الإسلامية"', "Killing", "Battle", id="charge-in-quotes"),
    pytest.param("اعتقلت الشرطة شابا في الرقة بتهمة تفجير سيارة مفخخة", "Arrest", "Attack", id="charged-with-a-bombing"),
])
def test_what_one_is_charged_with_is_no_event(text, kept, dropped):
    types = _types(text)
    assert kept in types and dropped not in types, types


@pytest.mark.parametrize("text", [
    pytest.param("جعل القتال من المستحيل إيصال الغذاء إلى المدنيين في الرقة", id="impossible"),
    pytest.param("جعل الحصار من المستحيل تقريبا على المنظمة إيصال المساعدات إلى دير الزور", id="impossible-for-them"),
    pytest.param("وتعذر إيصال المساعدات إلى مخيم الركبان", id="could-not"),
    pytest.param("عبرت 20 شاحنة الحدود التركية تمهيدا لتوزيعها على السكان في مدينة إدلب", id="in-preparation"),
    pytest.param("حشد الجيش قواته قرب الموصل استعدادا لاقتحام المدينة", id="getting-ready"),
])
def test_what_could_not_be_done_or_is_prepared_for_is_no_event(text):
    assert not {"ServiceProvision", "Attack"} & set(_types(text)), _types(text)


@pytest.mark.parametrize("text, wished", [
    pytest.param("وتريد الحكومة استعادة مدينة تلعفر قبل حلول الشتاء", "Liberation", id="wants-to-retake"),
    pytest.param("ويرغب مئات النازحين في العودة إلى قراهم في سنجار", "Return", id="wish-to-go-home"),
    pytest.param("وفتحت القوات ممرا آمنا للمدنيين الراغبين في مغادرة حي الزهور في الموصل", "Departure",
                 id="those-who-wish-to-leave"),
])
def test_what_one_wants_to_do_is_no_event(text, wished):
    assert wished not in _types(text), _types(text)


@pytest.mark.parametrize("text, cls", [
    pytest.param("قرر المجتمعون تأسيس مجلس محلي لإدارة البلدة", "Establishment", id="a-decision-is-news"),
    pytest.param("وقالت المصادر إن القوات ستحاول اليوم إجلاء مئات المدنيين من البلدة", "Displacement",
                 id="an-attempt-is-told-as-made"),
    pytest.param("عاد آلاف النازحين الذين يريدون الأمان إلى قراهم في سنجار", "Return", id="the-return-itself"),
])
def test_decisions_attempts_and_deeds_beside_a_wish_stay(text, cls):
    assert cls in _types(text), _types(text)


@pytest.mark.parametrize("text, cls", [
    pytest.param("تعذر الوصول إلى المخيم أياما، ثم وزعت المنظمة المساعدات على 500 عائلة في مخيم الركبان",
                 "ServiceProvision", id="delivered-after-a-delay"),
    pytest.param("اقتحم الجيش مدينة الموصل بعد أن حشد قواته استعدادا للمعركة", "Attack", id="the-storming-itself"),
])
def test_the_event_told_beside_them_stays(text, cls):
    assert cls in _types(text), _types(text)


# -- mines and bombs defused or lifted, named by their noun (فكّك, أزال + objects.tsv mines) -------

_DEFUSED = [
    "فككت الفرق الهندسية العبوات الناسفة في قرية تل السمن",
    "فككوا الألغام في قرية تل السمن",
    "فككنا القنابل التي خلفها التنظيم في قرية تل السمن",
    "يفكك عناصر الهندسة العبوات الناسفة في قرية تل السمن",
    "تفكك الفرق الهندسية الألغام في قرية تل السمن",
    "يفككون القنابل التي زرعها التنظيم في قرية تل السمن",
    "العمل جار على تفكيك القنابل التي خلفها التنظيم في المناطق المحررة",
    "أزالت الفرق الهندسية الألغام من حقول قرية تل السمن",
    "أزالوا العبوات الناسفة من قرية تل السمن",
    "تزيل فرق الهندسة المفخخات من قرية تل السمن",
    "يزيلون الأجسام المتفجرة من قرية تل السمن",
]


@pytest.mark.parametrize("text", _DEFUSED)
def test_mines_defused_or_lifted_are_a_demining(text):
    assert "Demining" in _types(text), _types(text)


@pytest.mark.parametrize("text", [
    pytest.param("فكك الفنيون المحرك في ورشة الموصل", id="an-engine-taken-apart"),
    pytest.param("أزالت البلدية النفايات من شوارع الموصل", id="rubbish-removed"),
    pytest.param("لا يزال الطريق مغلقا أمام السيارات في الموصل", id="still"),
])
def test_other_things_taken_apart_or_removed_are_no_demining(text):
    assert "Demining" not in _types(text), _types(text)


# -- ground still being cleared: an offensive under way, not ground taken ---------------------------

@pytest.mark.parametrize("text", [
    pytest.param("وتواصل القوات العراقية تطهير قضاء القائم من فلول داعش", id="tuwasil"),
    pytest.param("واصلت القوات تحرير أحياء الموصل", id="wasalat"),
    pytest.param("ويواصلون تطهير قضاء القائم من عناصر التنظيم", id="yuwasilun"),
    pytest.param("مع استمرار تحرير أحياء الموصل الغربية", id="istimrar"),
])
def test_going_on_clearing_ground_is_an_operation(text):
    types = _types(text)
    assert "MilitaryOperation" in types and "Liberation" not in types, types


def test_ground_taken_before_going_on_is_a_liberation():
    assert "Liberation" in _types("حررت القوات قضاء القائم وتواصل تقدمها نحو الحدود")


# -- a place encircled or cordoned off by an armed party (طوّق, تطويق, فرض طوقا) ---------------------

@pytest.mark.parametrize("text", [
    "وطوقت القوات الأمنية قرية البوعيثة",
    "وعناصر الجيش العراقي طوقوا مدينة الفلوجة بعد انسحاب داعش",
    "يطوق الجيش العراقي مدينة الفلوجة",
    "تطوق قوات سوريا الديمقراطية مدينة الطبقة",
    "يطوقون مدينة الطبقة منذ أيام بمشاركة قوات سوريا الديمقراطية",
    "وتطويق القوات الأمريكية لمكان وقوع التفجير في منبج",
    "فرضت القوات العراقية طوقا أمنيا حول حي الزهراء في الموصل",
    "وفرض الجيش السوري طوقا حول مدينة دير الزور",
])
def test_encircling_a_place_is_an_operation(text):
    """Every form of طوّق but its bare perfect طوق, which is also the noun (a collar, a ring)."""
    assert "MilitaryOperation" in _types(text), _types(text)


@pytest.mark.parametrize("text", [
    pytest.param("طوقت الجماهير الملعب في بغداد", id="fans"),
    pytest.param("أهدى الشاعر طوق الياسمين لجمهوره في دمشق", id="a-collar"),
    pytest.param("تم تطويق الحريق في سوق بغداد", id="a-fire-contained"),
    pytest.param("ألقى المنقذ طوق النجاة للسباح في نهر دجلة", id="a-lifebuoy"),
])
def test_other_rings_are_no_operation(text):
    assert "MilitaryOperation" not in _types(text), _types(text)


# -- a place besieged (حاصر, محاصرة): an offensive, as encircling it is --------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("تحاصر القوات العراقية مدينة الفلوجة منذ أسابيع", id="imperfect"),
    pytest.param("وحاصر مقاتلو الحشد الشعبي ناحية القيروان من ثلاث جهات", id="perfect-plural-subject"),
    pytest.param("واستكملت قوات سوريا الديمقراطية محاصرة مدينة الطبقة", id="masdar"),
    pytest.param("أجبرت القوات التنظيم على الانسحاب من القرية، حيث تمت محاصرته في ثلاث قرى شمال الرقة", id="passive-masdar"),
])
def test_a_siege_is_an_operation(text):
    types = _types(text)
    assert "MilitaryOperation" in types and "Battle" not in types, types


@pytest.mark.parametrize("text", [
    pytest.param("حاصر لاعبو الزوراء مرمى الشرطة في الشوط الثاني من المباراة", id="a-goal-besieged"),
    pytest.param("تحاصر الديون الشركة منذ انهيار أسعار النفط", id="debts"),
    pytest.param("حاصرت الجماهير حافلة المنتخب أمام الفندق", id="fans-around-a-bus"),
    pytest.param("حاصر الصحفيون الوزير بأسئلتهم عن الموازنة", id="questions"),
])
def test_other_sieges_are_no_operation(text):
    assert "MilitaryOperation" not in _types(text), _types(text)


# -- about to be reached, the subject between the verb and على (أوشك ... على) ------------------------

@pytest.mark.parametrize("text", [
    "بينما توشك الدولة الإسلامية على خسارة الموصل في العراق",
    "أوشكت القوات العراقية على استعادة مدينة الرمادي",
    "وتوشك قوات سوريا الديمقراطية على السيطرة على مدينة الرقة",
    "ويوشك الجيش العراقي على تحرير قضاء القائم",
    "وباتت القوات العراقية على وشك تحرير قضاء القائم",
])
def test_ground_about_to_be_taken_or_lost_is_not_taken_yet(text):
    types = _types(text)
    assert "Liberation" not in types and "TerritorialControl" not in types, types


def test_ground_taken_is_a_liberation_beside_a_word_of_imminence():
    types = _types("أوشك العام على الانتهاء، واستعادت القوات العراقية مدينة الرمادي")
    assert "Liberation" in types, types


# -- aimed at, the subject between the verb and إلى (تهدف ... إلى), or right after the verb (تستهدف) ------

@pytest.mark.parametrize("text", [
    pytest.param("وتهدف قوات سوريا الديمقراطية إلى استعادة بلدة الشدادي من التنظيم", id="aims-its-subject-between"),
    pytest.param("ويهدف الجيش العراقي الى تحرير قضاء راوة قبل نهاية الشهر", id="aims-the-army"),
    pytest.param("وأطلقت القوات حملة تستهدف تحرير ما بقي من قرى الريف الشرقي", id="a-campaign-that-targets"),
])
def test_ground_aimed_at_is_not_taken_yet(text):
    types = _types(text)
    assert "Liberation" not in types and "TerritorialControl" not in types, types


def test_ground_taken_is_a_liberation_beside_a_word_of_aiming():
    types = _types("وقال الضابط إن العملية تهدف الى حماية المدنيين، واستعادت القوات العراقية قرية البو حمد")
    assert "Liberation" in types, types


# -- ground worked at (تعمل على): an offensive under way ---------------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("وأكد القائد أن القوات العراقية تعمل حاليا على تطهير قرى محافظة الأنبار من مسلحي داعش",
                 id="working-at-clearing"),
    pytest.param("وقال المتحدث إن الفصائل تعمل على تحرير بلدة الراعي من التنظيم", id="working-at-freeing"),
])
def test_ground_worked_at_is_an_offensive_under_way(text):
    types = _types(text)
    assert "Liberation" not in types and "MilitaryOperation" in types, types


# -- set on fire: what burns named after في; "الكثير من" counts the object ------------------------

@pytest.mark.parametrize("text", [
    "انسحب مقاتلو داعش من القيارة بعد أن أشعلوا النار في آبار النفط",
    "وقبل انسحابهم من المدينة أشعل عناصر داعش النار في المنازل",
    "وأضرم مسلحو التنظيم النار في المحاصيل",
    "وتشعل خلايا داعش النار في المحاصيل الزراعية",
    "بعد إشعال عناصر داعش النار في آبار النفط",
    "دمرت طائرات التحالف الكثير من الآليات",
])
def test_what_war_sets_on_fire_or_destroys_is_a_destruction(text):
    assert "Destruction" in _types(text), _types(text)


def test_a_fire_lit_for_a_feast_is_no_destruction():
    assert "Destruction" not in _types("أشعل المحتفلون النار في الحطب احتفالا بالعيد في الموصل")


# -- shots fired: the doer between the verb and the fire (VSO) -------------------------------------

@pytest.mark.parametrize("text, agent", [
    pytest.param("أطلق مسلحون مجهولون النار على مختار قرية الحمرا.", "مسلحين", id="gunmen-fire"),
    pytest.param("أطلقت القوات التركية الرصاص على مجموعة من اللاجئين قرب الحدود.", "القوات التركية", id="bullets"),
])
def test_fire_opened_by_a_doer_is_an_attack(text, agent):
    attacks = [f for f in _facts(text) if f.type == "Attack"]
    assert [m.label_ar for f in attacks for m in f.role("agent")] == [agent]


@pytest.mark.parametrize("text", [
    pytest.param("وأطلق العريس وأصدقاؤه النار ابتهاجا في حفل الزفاف.", id="celebration"),
    pytest.param("أطلق الحكم صافرة النهاية.", id="a-whistle"),
    pytest.param("وأطلقت الشرطة سراح المتهمين في الموصل.", id="a-release"),
    pytest.param("أطلقت الوزارة حملة تطعيم في بغداد.", id="a-campaign"),
])
def test_other_things_launched_are_no_attack(text):
    assert "Attack" not in _types(text), _types(text)


# -- Killing: fighters neutralised or liquidated ---------------------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("أسفرت غارة للتحالف في ريف الحسكة عن تحييد العديد من عناصر تنظيم داعش.", id="neutralised"),
    pytest.param("أعلن الجيش تصفية نحو 30 إرهابيا من تنظيم داعش في وادي حوران.", id="liquidated"),
])
def test_fighters_neutralised_are_killed(text):
    assert "Killing" in _types(text), _types(text)


@pytest.mark.parametrize("text", [
    pytest.param("قررت الحكومة تصفية الشركة العامة للنسيج في بغداد.", id="a-company-wound-up"),
    pytest.param("جرت تصفية الحسابات بين العشيرتين في البصرة.", id="accounts-settled"),
    pytest.param("طالب الوزير بتحييد المدنيين عن الصراع في الموصل.", id="civilians-kept-out"),
])
def test_other_things_liquidated_are_no_killing(text):
    assert "Killing" not in _types(text), _types(text)
