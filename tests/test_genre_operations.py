"""The classes the genre states by lemmas and constructions (issue 9, points 2 and 6): operations
named, begun, in phases or waged on an armed party; destructions by their verbs and by what war
destroys; departures and evacuations. Each with a sentence written for it (not from data/eval),
and civic sentences of the same words that tell no conflict event."""

from __future__ import annotations

import pytest

import athar
from athar.read.language import arabic
from athar.read.phrases import PhraseMatcher
from athar.read.text import normalize_word
from reading import PUBLISHED, events_by_class

_events = events_by_class


@pytest.mark.parametrize("text, cls", [
    # an operation named in quotes, whatever its name
    pytest.param('أطلق الجيش التركي عملية «مخلب النسر» ضد مسلحي حزب العمال في شمال العراق', "MilitaryOperation",
                 id="named-guillemets"),
    pytest.param('وكانت فصائل المعارضة قد بدأت حملة "فجر الحرية" لطرد تنظيم داعش من ريف حلب', "MilitaryOperation",
                 id="named-campaign-quotes"),
    pytest.param('تواصل القوات العراقية عمليات “إرادة النصر” في صحراء الأنبار لملاحقة خلايا داعش',
                 "MilitaryOperation", id="named-operations-plural"),
    # begun, launched
    pytest.param("نزح آلاف المدنيين بعد بدء الهجوم لاستعادة مدينة تلعفر من تنظيم داعش", "MilitaryOperation",
                 id="offensive-begun"),
    pytest.param("أعلن الجيش العراقي انطلاق الحملة لتطهير جزيرة سامراء من فلول داعش", "MilitaryOperation",
                 id="campaign-launched"),
    # a phase of one
    pytest.param("أعلنت قسد انطلاق المرحلة الثالثة من عملية عاصفة الجزيرة ضد داعش في دير الزور", "MilitaryOperation",
                 id="phase-of-an-operation"),
    pytest.param("حققت القوات تقدما في المرحلة الأخيرة لحملة تحرير الحويجة من عناصر داعش", "MilitaryOperation",
                 id="last-phase-of-a-campaign"),
    # named by the ground it seeks
    pytest.param("قتل ثلاثة جنود خلال عملية تحرير قضاء الشرقاط من تنظيم داعش", "MilitaryOperation",
                 id="operation-named-by-its-aim"),
    pytest.param("وتواصل قوات الحشد حملة استعادة قرية البشير جنوب كركوك من داعش", "MilitaryOperation",
                 id="campaign-named-by-its-aim"),
    # a war waged on an armed party
    pytest.param("شاركت الطائرات الأسترالية في الحرب على تنظيم داعش في العراق", "MilitaryOperation",
                 id="war-on-an-armed-group"),
    pytest.param("تكبد الجيش خسائر كبيرة في حربه ضد تنظيم القاعدة في اليمن", "MilitaryOperation",
                 id="his-war-against"),
    # a sweep by its masdar, the place a noun
    pytest.param("وتعمل وحدات الجيش على تمشيط المنطقة بعد طرد عناصر داعش", "MilitaryOperation",
                 id="sweep-masdar"),
])
def test_military_operation(text, cls):
    events = _events(text)
    assert cls in events, sorted(events)


def test_a_named_operation_is_one_event_and_its_name_no_trigger():
    """The name's words are inside the trigger: "تحرير" in a name is no liberation of its own."""
    events = _events('أطلقت القوات العراقية عملية "تحرير الجزيرة" ضد خلايا داعش في صحراء الأنبار')
    assert len(events.get("MilitaryOperation", ())) == 1
    assert "Liberation" not in events


def test_the_operation_named_by_its_aim_takes_the_ground_and_its_holder():
    facts = _events("وتواصل القوات العراقية عملية تحرير مدينة الموصل من تنظيم داعش")["MilitaryOperation"]
    roles = {(r, m.label_ar) for r, m in facts[0].roles}
    assert ("place", "الموصل") in roles
    assert any(r == "target" for r, _ in roles)
    assert "عملية" in facts[0].evidence.text


@pytest.mark.parametrize("text", [
    pytest.param('أطلقت وزارة الصحة حملة "صحتك تهمنا" للتطعيم ضد شلل الأطفال في بغداد', id="a-vaccination-campaign"),
    pytest.param('أطلقت البلدية حملة «مدينتي أجمل» لتنظيف الشوارع والحدائق في الموصل', id="a-cleaning-campaign"),
    pytest.param('نجحت عملية "زراعة الكبد" الأولى في مستشفى الكاظمية ببغداد', id="surgery-named"),
    pytest.param('نجحت عملية فصل التوأم في مستشفى "الأمل" في عمان', id="a-quote-after-other-words"),
    pytest.param("تواصل الحكومة الحرب على الفساد في الوزارات", id="war-on-corruption"),
    pytest.param("أعلنت وزارة الداخلية الحرب على المخدرات في البصرة", id="war-on-drugs"),
    pytest.param("أطلقت الشركة المرحلة الثانية من المشروع السكني في أربيل", id="a-project-phase"),
    pytest.param("بدأ الفريق الهجوم في الدقيقة العاشرة من المباراة", id="a-team-attacks"),
    pytest.param("أطلقت الوزارة حملة تحرير الأسعار في الأسواق", id="prices-freed"),
    pytest.param("تساعد الفرشاة على تمشيط الشعر بسهولة", id="combing-hair"),
])
def test_no_operation_in_civic_news(text):
    assert "MilitaryOperation" not in _events(text)


def test_a_name_in_quotes_ends_at_its_closing_quote():
    """phrases.NAME: the quotation mark of a form stands for a name in quotes; a quote that closes
    nothing, or a name of more than NAME_WORDS words, is none."""
    lang = arabic()
    matcher = PhraseMatcher(lang, [(normalize_word('عملية "'), "named")])
    doc = athar.read('بدأت عملية "البنيان المرصوص" أمس', published=PUBLISHED)
    at = next(i for i, t in enumerate(doc.tokens) if t.text == "عمليه")
    hit = matcher.match_at(doc.tokens, at)
    assert hit is not None and hit[2] == "named"
    assert doc.tokens[hit[1] - 1].text == '"'
    unclosed = athar.read('بدأت عملية "البنيان المرصوص أمس', published=PUBLISHED)
    at = next(i for i, t in enumerate(unclosed.tokens) if t.text == "عمليه")
    assert matcher.match_at(unclosed.tokens, at) is None


@pytest.mark.parametrize("text", [
    pytest.param("دمرت طائرات التحالف مخزنا للأسلحة تابعا لداعش قرب الموصل", id="a-store-destroyed"),
    pytest.param("وتمكنت القوات من تدمير مستودع للعتاد في حي الجولان", id="masdar-and-a-store"),
    pytest.param("هدم مسلحو التنظيم عشرات المنازل في قرية الحاتمية", id="houses-demolished"),
    pytest.param("يهدمون الأضرحة والمساجد في مدينة تلعفر", id="demolish-imperfect"),
    pytest.param("أحرق عناصر داعش المحاصيل الزراعية في ريف كركوك", id="crops-burnt"),
    pytest.param("أحرقوا منازل المدنيين في قرية البشير", id="burnt-plural"),
    pytest.param("وحرق المسلحون عشرات السيارات في ناحية العلم", id="burnt-form-i"),
    pytest.param("أضرم مسلحو التنظيم النار في منازل الأهالي في بلدة القيارة", id="set-on-fire"),
    pytest.param("خرب عناصر داعش شبكة المياه في حي الميدان", id="wrecked"),
    pytest.param("نسفت عناصر داعش الجسر الحديدي في دير الزور", id="blown-up-feminine"),
])
def test_destruction(text):
    events = _events(text)
    assert "Destruction" in events, sorted(events)


@pytest.mark.parametrize("text", [
    pytest.param("وقال مسؤول إن انتحاريا فجر حزامه الناسف في سوق شعبية مزدحمة بمدينة بعقوبة", id="belt-in-a-market"),
    pytest.param("فجر انتحاري نفسه بسوق للخضار في مدينة الحلة", id="himself-in-a-market"),
    pytest.param("وفجر مهاجم سيارته الملغمة في مستشفى المدينة صباح اليوم", id="car-in-a-hospital"),
])
def test_a_bomb_set_off_in_a_facility_is_an_attack_there(text):
    events = _events(text)
    assert "Attack" in events and "Destruction" not in events, sorted(events)


def test_a_facility_blown_up_is_destroyed():
    assert "Destruction" in _events("فجر مسلحو التنظيم مستشفى المدينة قبل انسحابهم منها")


@pytest.mark.parametrize("text", [
    pytest.param("هدمت البلدية مبنى قديما في وسط بغداد لإنشاء مجمع تجاري", id="demolition-for-a-mall"),
    pytest.param("باشرت أمانة بغداد بهدم المنازل المخالفة في حي الرشاد", id="illegal-houses"),
    pytest.param("دمر الزلزال مئات المنازل في جنوب تركيا", id="an-earthquake"),
    pytest.param("أحرق متطرف نسخة من المصحف أمام مسجد في ستوكهولم", id="a-book-burnt"),
    pytest.param("يساعد المشي على حرق السعرات الحرارية بسرعة", id="calories"),
    pytest.param("منعت البلدية حرق النفايات في المناطق السكنية بأربيل", id="waste"),
    pytest.param("دمر التدخين رئتيه خلال سنوات", id="smoking"),
])
def test_no_destruction_in_civic_news(text):
    assert "Destruction" not in _events(text)


@pytest.mark.parametrize("text, cls", [
    pytest.param("أخرجت إدارة المخيم 300 عائلة سورية من مخيم الهول إلى الرقة", "Departure", id="brought-out"),
    pytest.param("يغادرون مخيم الهول باتجاه مدينة الرقة", "Departure", id="leave-imperfect"),
    pytest.param("وغادرتا مخيم روج برفقة وفد من الخارجية", "Departure", id="leave-dual"),
    pytest.param("يخرجون من مخيم الهول إلى بلدة الشدادي", "Departure", id="go-out-imperfect"),
    pytest.param("أجلت القوات العراقية 300 عائلة من حي الزنجيلي في الموصل", "Displacement", id="evacuated"),
    pytest.param("تم إجلاء المدنيين من بلدة الباغوز قبل الهجوم", "Displacement", id="evacuation-masdar"),
    pytest.param("أخلت فرق الهندسة منازل المدنيين في حي الثورة قبل تفجير العبوات", "Displacement",
                 id="homes-evacuated"),
])
def test_departure_and_evacuation(text, cls):
    events = _events(text)
    assert cls in events, sorted(events)


@pytest.mark.parametrize("text, cls", [
    pytest.param("خرج الرئيس من المستشفى في بغداد بعد عملية جراحية", "Departure", id="discharged"),
    pytest.param("خرج الحريق عن السيطرة في سوق الشورجة ببغداد", "Departure", id="out-of-control"),
    pytest.param("تخرج 500 طالب من جامعة الموصل هذا العام", "Departure", id="graduated"),
    pytest.param("أخرج المخرج العراقي فيلما جديدا في بغداد", "Departure", id="directed-a-film"),
    pytest.param("خرج المنتخب العراقي من البطولة في الدوحة", "Departure", id="out-of-a-tournament"),
    pytest.param("أجلت الطائرة الرعايا العراقيين من السودان إلى بغداد", "Displacement", id="nationals-flown-home"),
    pytest.param("تم إجلاء المصابين إلى مستشفى أربيل", "Displacement", id="medical-evacuation"),
])
def test_no_departure_in_civic_news(text, cls):
    assert cls not in _events(text)


@pytest.mark.parametrize("text, cls", [
    pytest.param("ونقلت الوكالة عن رئيس الفريق الاستشاري لإعادة إعمار محافظة الأنبار قوله إن العمل مستمر",
                 "Reconstruction", id="a-team-named-by-its-task"),
    pytest.param("انعقد مؤتمر بروكسل الدولي لإعادة إعمار سوريا بحضور 50 دولة", "Reconstruction",
                 id="a-conference-named-by-its-task"),
    pytest.param("قال مسؤول في اللجنة العليا لإعادة النازحين إلى مناطقهم في نينوى إن العمل مستمر", "Return",
                 id="a-committee-named-by-its-task"),
    pytest.param("وقال مدير المنظمة في لقاء مع إذاعة محلية إن الفرق أزالت الألغام", "Meeting",
                 id="an-interview-is-no-meeting"),
    pytest.param("وقال المسؤول على هامش مؤتمر صحافي عقد في معبر فيشخابور إن الأطفال سلموا", "Meeting",
                 id="a-press-conference-is-no-meeting"),
])
def test_a_body_named_by_its_task_and_an_interview_tell_no_event(text, cls):
    assert cls not in _events(text)


def test_a_body_that_funds_a_task_keeps_the_funding():
    assert "Funding" in _events("خصصت الحكومة 10 ملايين دولار لإعادة إعمار الجسر في الموصل")


@pytest.mark.parametrize("text, cls", [
    pytest.param("لا يزال 30 ألف مدني عالقين في مدينة تلعفر", "Population", id="trapped"),
    pytest.param("يوجد نحو 20 ألف لاجئ في مخيم الهول", "Population", id="there-are"),
    pytest.param("فقد 12 مدنيا حياتهم في قصف على بلدة الباغوز", "Attack", id="lives-lost-in-shelling"),
    pytest.param("الآلاف الذين فقدوا حياتهم في معارك الموصل", "Killing", id="lives-lost"),
    pytest.param("وكان المعدومين من أبناء عشيرة الشعيطات في ريف دير الزور", "Killing", id="the-executed"),
    pytest.param("سقطت مدينة تدمر في يد تنظيم داعش في أيار 2015", "TerritorialControl", id="fell-into-hands"),
    pytest.param("اجتاح مسلحو التنظيم قرى سنجار في آب", "TerritorialControl", id="overran"),
    pytest.param("ويحتفظ التنظيم بالقرى التي اجتاحها في ريف الحسكة", "TerritorialControl", id="overran-pronoun"),
    pytest.param("ضبطت قوات الأمن عبوات ناسفة في وكر لداعش في كركوك", "Demining", id="explosives-seized"),
    pytest.param("عثرت فرق الهندسة على مخزن للألغام في مدينة الرقة", "Demining", id="a-mine-store-found"),
    pytest.param("قدمت المنظمة المساعدة الطبية لمئات الجرحى في مدينة الموصل", "ServiceProvision", id="medical-help"),
    pytest.param("نجحت المفوضية في إرسال قوافل إنسانية إلى مدينة القامشلي", "ServiceProvision", id="convoys-sent"),
])
def test_more_classes_by_their_words(text, cls):
    events = _events(text)
    assert cls in events, sorted(events)


@pytest.mark.parametrize("text, cls", [
    pytest.param("لا يزال 500 مسافر عالقين في مطار بغداد بسبب العاصفة", "Population", id="travellers-stranded"),
    pytest.param("فقد ثلاثة أشخاص حياتهم في حادث سير على طريق بغداد", "Killing", id="lives-lost-on-the-road"),
    pytest.param("فقد ثلاثة أشخاص حياتهم في حادث سير على طريق بغداد", "Liberation", id="lives-are-no-ground"),
    pytest.param("فقدت الممثلة حياتها بعد صراع مع المرض في القاهرة", "Killing", id="lives-lost-to-illness"),
    pytest.param("اجتاحت السيول مدينة الموصل", "TerritorialControl", id="floods-sweep"),
    pytest.param("اجتاحت موجة حر العراق هذا الأسبوع", "TerritorialControl", id="a-heat-wave"),
    pytest.param("ضبطت الشرطة كميات من المخدرات في البصرة", "Demining", id="drugs-seized"),
    pytest.param("ضبطت وزارة التجارة الأسعار في أسواق بغداد", "Demining", id="prices-controlled"),
    pytest.param("عثر الأثريون على قطع نادرة في موقع النمرود", "Demining", id="finds-of-archaeology"),
])
def test_no_such_event_in_civic_news(text, cls):
    assert cls not in _events(text)


@pytest.mark.parametrize("text, cls", [
    pytest.param("يبطلون مفعول العبوات الناسفة في حي الشفاء بالموصل", "Demining", id="defusing-imperfect"),
    pytest.param("وتمكنت الفرق من إبطال مفعول 40 عبوة ناسفة في الموصل", "Demining", id="defusing-masdar"),
    pytest.param("تكسح فرق الهندسة الألغام في قرى سنجار", "Demining", id="sweeping-mines"),
    pytest.param("أعلنت خلية الإعلام الأمني هلاك 20 إرهابيا بقصف جوي في وادي حوران", "Attack", id="perished"),
    pytest.param("هلك قيادي في تنظيم داعش بغارة في ريف كركوك", "Attack", id="perished-verb"),
    pytest.param("استرد الجيش العراقي مدينة الرمادي من تنظيم داعش", "Liberation", id="recovered-ground"),
    pytest.param("فك الجيش السوري الحصار عن مطار دير الزور العسكري", "Liberation", id="siege-lifted"),
])
def test_the_genres_verbs_of_clearing_dying_and_recovering(text, cls):
    events = _events(text)
    assert cls in events, sorted(events)


@pytest.mark.parametrize("text, cls", [
    pytest.param("هلاك 500 رأس من الماشية في البصرة بسبب الحر", "Killing", id="livestock-perished"),
    pytest.param("استرد المنتخب الصدارة في الدوري بفوزه على الزوراء", "Liberation", id="a-lead-regained"),
    pytest.param("استردت الحكومة العراقية القطع الأثرية من لندن", "Liberation", id="antiquities-recovered"),
    pytest.param("تعمل هيئة النزاهة على استرداد الأموال المنهوبة من الخارج", "Liberation", id="funds-recovered"),
])
def test_no_such_verb_event_in_civic_news(text, cls):
    assert cls not in _events(text)


@pytest.mark.parametrize("text, cls", [
    pytest.param("أعلنت الشرطة تفكيك خلية إرهابية نائمة تابعة لتنظيم داعش في محافظة الأنبار", "Arrest",
                 id="a-cell-dismantled"),
    pytest.param("فككت قوات الأمن خلايا لداعش في قضاء الحويجة", "Arrest", id="cells-dismantled-vso"),
    pytest.param("أعربت المنظمة عن قلقها حيال نحو 50 ألف مدني لا يزالون عالقين في مدينة تلعفر", "Population",
                 id="still-trapped-plural"),
])
def test_cells_dismantled_and_people_still_trapped(text, cls):
    events = _events(text)
    assert cls in events, sorted(events)


def test_a_gang_dismantled_is_no_arrest_of_an_armed_cell():
    assert "Arrest" not in _events("فككت الشرطة عصابة للسرقة في بغداد")


def test_people_still_trapped_are_still_there():
    facts = _events("أعربت المنظمة عن قلقها حيال نحو 50 ألف مدني لا يزالون عالقين في مدينة تلعفر")["Population"]
    assert facts[0].modality == "Ongoing"


@pytest.mark.parametrize("text", [
    pytest.param("يهدف التدريب إلى تأهيل القوات الكردية بشكل أفضل لمواجهة مليشيات تنظيم الدولة", id="trained-to-confront"),
    pytest.param("صدرت الفتوى في حزيران لقتال تنظيم داعش في العراق", id="a-call-to-fight"),
])
def test_a_battle_named_as_an_aim_is_no_battle(text):
    """aim.SOUGHT: a battle with the lam of purpose is what is sought, not a battle fought."""
    assert "Battle" not in _events(text)


def test_a_battle_suffered_is_one():
    assert "Battle" in _events("تعرضت القوات لمواجهة عنيفة مع عناصر داعش في الموصل")


@pytest.mark.parametrize("text", [
    pytest.param("رفعت القوات العراقية العلم العراقي فوق مبنى محافظة نينوى في الموصل", id="flag-over-a-building"),
    pytest.param("رفع الجيش السوري علمه فوق قلعة تدمر بعد طرد عناصر داعش", id="his-flag"),
])
def test_a_flag_raised_over_a_place_marks_its_capture(text):
    assert "Liberation" in _events(text)


@pytest.mark.parametrize("text", [
    pytest.param("رفعت الأعلام فوق المباني الحكومية في بغداد احتفالا بالعيد الوطني", id="national-day"),
    pytest.param("رفع الطلاب العلم العراقي في ساحة المدرسة في البصرة", id="a-school-ceremony"),
])
def test_a_flag_raised_at_a_ceremony_is_no_capture(text):
    assert "Liberation" not in _events(text)


@pytest.mark.parametrize("text", [
    pytest.param("انطلقت قافلة تقل 300 عائلة من مخيم الهول باتجاه الرقة", id="a-convoy-sets-off"),
    pytest.param("نقلت الحافلات 120 عائلة من مخيم الهول إلى مدينة الرقة", id="families-moved"),
    pytest.param("تم ترحيل العائلات العراقية من مخيم الهول إلى مخيم الجدعة", id="families-sent-away"),
])
def test_people_leaving_a_camp(text):
    assert "Departure" in _events(text)


@pytest.mark.parametrize("text", [
    pytest.param("نقلت وكالة الأناضول عن مسؤول في مخيم الهول قوله إن الوضع مستقر", id="a-report-quoted"),
    pytest.param("انطلقت الرحلة من مطار بغداد إلى دبي صباح اليوم", id="a-flight"),
    pytest.param("نقل المصابون من موقع الحادث إلى مستشفى اليرموك", id="the-injured-taken-to-hospital"),
])
def test_setting_off_from_elsewhere_is_no_departure(text):
    assert "Departure" not in _events(text)


@pytest.mark.parametrize("text, cls", [
    pytest.param("طهرت فرق الهندسة حي الجولان من الألغام", "Demining", id="cleared-of-mines"),
    pytest.param("أنهت الفرق تطهير قرية البوعيثة من العبوات الناسفة", "Demining", id="clearing-masdar"),
    pytest.param("نظفت الفرق الهندسية قرية الكوير من المتفجرات", "Demining", id="cleaned-of-explosives"),
])
def test_a_place_cleared_of_mines(text, cls):
    events = _events(text)
    assert cls in events, sorted(events)


def test_a_place_cleared_of_fighters_stays_a_liberation():
    events = _events("طهرت القوات العراقية قرية البوعيثة من عناصر داعش")
    assert "Liberation" in events and "Demining" not in events
