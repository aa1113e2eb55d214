"""A masdar with the lam of purpose names what something is for, no event of its own
(read/aim.py); after a word of markers.tsv's "complement" row it names what happened or is
planned outright, and stays. Sentences written for these tests."""

from __future__ import annotations

import pytest

from athar.read.language import arabic
from athar.read.pipeline import Pipeline
from athar.read.rules import marker_forms
from athar.read.text import normalize_word

PUBLISHED = "2021-03-01"


def _events(text: str, pipeline: Pipeline | None = None) -> list[tuple[str, str]]:
    doc = (pipeline or Pipeline())(text, published=PUBLISHED)
    return [(f.type, f.trigger) for f in doc.facts if not f.relation]


def _classes(text: str, pipeline: Pipeline | None = None) -> list[str]:
    return [c for c, _ in _events(text, pipeline)]


def assert_only_the_aims_drop(text: str, event: str) -> None:
    """The event is not read, and the aims component alone makes the difference."""
    assert event not in _classes(text), _events(text)
    pipeline = Pipeline()
    pipeline.remove("aims")
    assert event in _classes(text, pipeline)


@pytest.mark.parametrize("text, aim, kept", [
    pytest.param("أطلق الجيش العراقي حملة عسكرية واسعة لطرد تنظيم داعش من جزيرة سامراء.", "Liberation",
                 "MilitaryOperation", id="a-campaign-to-drive-out"),
    pytest.param("شن مسلحو التنظيم هجوما على قرية تل حميس في محاولة لاستعادة السيطرة عليها.", "TerritorialControl",
                 "Attack", id="an-attack-to-retake"),
    pytest.param("أعلنت قوات سوريا الديمقراطية بدء معركة كبرى للسيطرة على مدينة الطبقة.", "Liberation", "MilitaryOperation",
                 id="a-battle-to-take"),
    pytest.param("نصب مسلحو التنظيم كمينا لاختطاف عناصر من الجيش العراقي قرب كركوك.", "Abduction", "Attack",
                 id="an-ambush-to-abduct"),
    pytest.param("شنت قوات الأمن حملة مداهمات في حي الصناعة بمدينة الرقة لاعتقال عناصر من خلايا تنظيم داعش.", "Arrest",
                 "MilitaryOperation", id="a-raid-to-arrest"),
])
def test_the_aim_of_an_operation_is_no_event(text, aim, kept):
    found = [c for c, _ in _events(text)]
    assert kept in found and aim not in found, found
    # the component alone makes the difference
    pipeline = Pipeline()
    pipeline.remove("aims")
    assert aim in [c for c, _ in _events(text, pipeline)]


def test_a_masdar_joined_to_an_aim_shares_its_lam():
    text = "ونزح الأهالي خوفا من التعرض للاختطاف أو القتل على يد مسلحي التنظيم."
    found = [c for c, _ in _events(text)]
    assert "Displacement" in found and "Abduction" not in found and "Killing" not in found, found


@pytest.mark.parametrize("text, event", [
    pytest.param("تعرضت قرى ريف إدلب الجنوبي للقصف المدفعي من قبل قوات النظام.", "Attack", id="exposed-to-shelling"),
    pytest.param("وتعرضت المدارس الثلاث في مدينة سنجار لدمار كبير.", "Destruction", id="exposed-across-its-subject"),
    pytest.param("تستعد قوات الأمن الداخلي لإدخال قوات خاصة إلى مدينة الطبقة.", "Redeployment",
                 id="getting-ready-to-bring-in"),
    pytest.param("ازدادت الهجمات في المناطق الخاضعة لسيطرة قوات سوريا الديمقراطية.", "TerritorialControl",
                 id="areas-under-control"),
])
def test_a_masdar_after_a_complement_word_is_kept(text, event):
    assert event in [c for c, _ in _events(text)]


@pytest.mark.parametrize("text, event", [
    pytest.param("أرسلت ألمانيا مئة مدرب لتدريب قوات البيشمركة في أربيل.", "Training", id="trainers-sent-to-train"),
    pytest.param("وصلت فرق هندسية إلى قضاء سنجار لإزالة الألغام من المنازل.", "Demining", id="teams-to-clear-mines"),
])
def test_an_activity_named_by_its_purpose_stays(text, event):
    assert event in [c for c, _ in _events(text)]


def test_the_complement_words_are_data():
    words = marker_forms(arabic(), "complement")
    assert {normalize_word(w) for w in ("تعرضت", "تستعد", "الخاضعة")} <= words


@pytest.mark.parametrize("text, aim", [
    pytest.param("انطلقت المرحلة الثانية من الحملة التي تهدف إلى تحرير مدينة الطبقة من تنظيم داعش.", "Liberation",
                 id="a-campaign-that-aims-at"),
    pytest.param("قال المحافظ إن عمليات تحرير قضاء تلعفر تحتاج إلى قوات كبيرة.", "Liberation",
                 id="the-operations-of-liberating"),
    pytest.param("فشلت محاولة مسلحي التنظيم السيطرة على التلة المطلة على البلدة.", "TerritorialControl",
                 id="an-attempt-to-take"),
    pytest.param("تقدمت القوات العراقية بهدف تحرير بلدة القائم من تنظيم داعش.", "Liberation", id="with-the-aim-of"),
])
def test_an_aim_named_without_the_lam_is_no_event(text, aim):
    assert_only_the_aims_drop(text, aim)


@pytest.mark.parametrize("text, event", [
    pytest.param("استكملت القوات العراقية المشتركة عملية تطهير مدينة هيت من جيوب تنظيم داعش.", "Liberation",
                 id="an-operation-carried-to-its-end"),
    pytest.param("أعلن الجيش العراقي انتهاء عملية تحرير مدينة تلعفر.", "Liberation", id="the-end-of-an-operation"),
    pytest.param("حررت القوات العراقية مدينة الفلوجة من تنظيم داعش.", "Liberation", id="a-liberation-told"),
    pytest.param("جرت عملية تسليم القاعدة إلى القوات العراقية في كركوك.", "Handover", id="an-operation-of-handing-over"),
    pytest.param("نفذت القوات الأمنية عملية تحرير قرية البو حياة من مسلحي داعش.", "Liberation",
                 id="an-operation-carried-out"),
])
def test_a_completed_operation_reached_its_aim(text, event):
    assert event in [c for c, _ in _events(text)]


def test_the_words_of_aims_are_data():
    lang = arabic()
    assert normalize_word("بهدف") in marker_forms(lang, "aim")
    assert normalize_word("عمليات") in marker_forms(lang, "operation")
    assert normalize_word("محاولة") in marker_forms(lang, "attempt")
    assert normalize_word("استكملت") in marker_forms(lang, "completion")


@pytest.mark.parametrize("text, event", [
    pytest.param("وطالب وجهاء العشيرة قوات الجيش بنشر قوات لحماية القرى الحدودية.", "Redeployment", id="asked-to-deploy"),
    pytest.param("ويأمل وزير الدفاع في مساعدة فرنسا في تدريب القوات العراقية.", "Training", id="hoped-for-training"),
    pytest.param("دعت المنظمة الدول المانحة إلى إعادة إعمار المدارس المدمرة في الرمادي.", "Reconstruction",
                 id="called-for-rebuilding"),
    pytest.param("يسعى التحالف إلى تدريب عشرة آلاف مقاتل من البيشمركة.", "Training", id="strived-for-training"),
    pytest.param("تسعى تركيا إلى إنشاء منطقة آمنة في شمال سوريا.", "Establishment", id="strived-for-founding"),
])
def test_what_is_asked_or_hoped_for_is_no_event(text, event):
    assert_only_the_aims_drop(text, event)


def test_an_event_after_a_demand_but_outside_its_object_stays():
    text = "أعادت الحكومة إعمار المدارس في الرمادي بعد أن طالب الأهالي بذلك."
    assert "Reconstruction" in [c for c, _ in _events(text)]
    # striving is no doing: what the subject strives for is left out, what it did stays
    text = "أنشأت المنظمة مخيما جديدا في الموصل، وتسعى إلى توسيعه."
    assert "Establishment" in [c for c, _ in _events(text)]


@pytest.mark.parametrize("text, event", [
    pytest.param("وقال قائد ميداني إن قواته باتت قريبة جداً من السيطرة على كامل مدينة تلعفر.", "Liberation",
                 id="about-to-take"),
    pytest.param("ونقلت الوكالة عن ضابط في الجيش نفيه استيلاء مسلحي التنظيم على أحياء من مدينة دير الزور.",
                 "TerritorialControl", id="a-taking-denied"),
    pytest.param("نفت وزارة الدفاع سيطرة داعش على قاعدة عين الأسد.", "TerritorialControl",
                 id="denied-its-subject-between"),
])
def test_what_is_about_to_happen_or_denied_is_no_event(text, event):
    assert_only_the_aims_drop(text, event)


def test_a_verb_after_an_operation_noun_is_what_happened():
    text = "وبعد معارك مع داعش سيطرت القوات العراقية على قرية البو حياة."
    assert "Liberation" in [c for c, _ in _events(text)]


def test_history_is_no_news():
    text = "وأشار المدير إلى أن مستشفى المدينة شُيّد عام 1979 وكان يوفر الخدمات الطبية لنحو مئة ألف نسمة."
    assert_only_the_aims_drop(text, "ServiceProvision")


def test_the_wars_own_past_stays():
    text = "وكان تنظيم داعش قد سيطر على مدينة الموصل في حزيران 2014."
    assert "TerritorialControl" in [c for c, _ in _events(text)]


@pytest.mark.parametrize("text, event", [
    pytest.param("زرع التنظيم العبوات في منازل البلدة قبل أن تستعيدها قوات البيشمركة.", "Liberation",
                 id="before-it-was-retaken"),
    pytest.param("وانسحب المسلحون من القرية قبيل انسحاب قوات الجيش العراقي من المنطقة.", "Withdrawal",
                 id="just-before-a-withdrawal"),
])
def test_an_event_named_as_a_time_bound_is_no_event(text, event):
    pipeline = Pipeline()
    pipeline.remove("aims")
    kept = [c for c, _ in _events(text)].count(event)
    assert kept == [c for c, _ in _events(text, pipeline)].count(event) - 1, _events(text)


def test_the_event_told_before_the_bound_stays():
    text = "فر مسلحو التنظيم من البلدة قبل وصول القوات العراقية إليها."
    assert "Escape" in [c for c, _ in _events(text)]


def test_the_doers_own_next_step_is_told():
    text = "فجر مسلحو التنظيم الجسر القديم قبل انسحابهم من البلدة."
    assert "Withdrawal" in [c for c, _ in _events(text)]


def test_a_student_is_no_demand():
    text = "قتل طالب جامعي بانفجار عبوة ناسفة في حي الزهور بالموصل."
    assert "Attack" in [c for c, _ in _events(text)]


@pytest.mark.parametrize("text", [
    pytest.param("نزح مئات الأهالي من قرى الريف الجنوبي جراء المعارك.", id="displaced-by-the-fighting"),
    pytest.param("انهارت عشرات المنازل في البلدة القديمة نتيجة المعارك.", id="destroyed-by-the-fighting"),
    pytest.param("يستقبل المستشفى الميداني الجرحى بسبب المعارك في الأحياء الغربية.", id="wounded-by-the-fighting"),
    pytest.param("عاد السكان إلى بلدتهم بعد ستة أشهر من المعارك.", id="months-of-fighting"),
])
def test_the_fighting_as_a_backdrop_is_no_battle(text):
    assert_only_the_aims_drop(text, "Battle")


@pytest.mark.parametrize("text", [
    pytest.param("قتل ثلاثة جنود جراء اشتباكات مع مسلحي التنظيم في قرية البوير.", id="a-clash-with-its-side"),
    pytest.param("نزح آلاف المدنيين هربا من المعارك بين الجيش ومسلحي التنظيم.", id="the-fighting-between-sides"),
    pytest.param("اندلعت المعارك في الأحياء الغربية للمدينة صباح اليوم.", id="the-fighting-itself"),
])
def test_a_battle_told_or_with_its_sides_stays(text):
    assert "Battle" in [c for c, _ in _events(text)]


@pytest.mark.parametrize("text, event", [
    pytest.param("وأكد الضابط أن خمسة من المقاتلين قتلوا خلال معارك الأمس، مقابل مقتل عشرين مسلحا من التنظيم.",
                 "Battle", id="killed-in-yesterdays-fighting"),
    pytest.param("وقال البيان إن الجيش قتل خلال معارك اليوم 14 عنصرا من داعش.", "Battle", id="killed-in-todays-fighting"),
    pytest.param("وأصيب العشرات من المسلحين خلال المعارك، بينما فر الباقون نحو البادية.", "Battle",
                 id="wounded-during-the-fighting"),
    pytest.param("وقال الضابط \"أنجزنا تطهير ألفي منزل في القرية، ولكن للأسف استشهد وأصيب خمسة منتسبين في الجيش العراقي "
                 "اثناء الحملة\".", "MilitaryOperation", id="fallen-during-the-campaign"),
])
def test_a_battle_named_as_the_time_of_what_happened_is_no_battle(text, event):
    assert_only_the_aims_drop(text, event)


@pytest.mark.parametrize("text, event", [
    pytest.param("وعانى المدنيون من العنف خلال المعارك الجارية في الموصل بين الجيش والتنظيم.", "Battle",
                 id="the-fighting-going-on-in-a-city"),
    pytest.param("ودمر الجامع خلال معارك طرد تنظيم داعش من المدينة.", "Battle", id="the-fighting-to-expel"),
    pytest.param("وقتل جنديان خلال معارك مع مسلحي داعش في قرية البوير.", "Battle", id="fighting-with-a-side"),
])
def test_a_battle_during_which_something_happened_with_words_of_its_own_stays(text, event):
    assert event in [c for c, _ in _events(text)]


@pytest.mark.parametrize("text, event", [
    pytest.param("وقال الضابط إن حي الزهور سيتم قريبا تحريره من مسلحي داعش.", "Liberation", id="to-be-freed-soon"),
    pytest.param("وأوضح المتحدث أن وحدات من الشرطة المحلية ستسيطر على بلدة الطبقة الأسبوع المقبل.",
                 "TerritorialControl", id="will-hold-the-town"),
])
def test_ground_to_be_taken_is_not_taken(text, event):
    assert_only_the_aims_drop(text, event)


@pytest.mark.parametrize("text, event", [
    pytest.param("وقالت الوزارة إن ألمانيا سوف تقدم قرضا بقيمة مئة مليون يورو للعراق.", "Funding", id="will-lend"),
    pytest.param("وقال التحالف إنه سيقوم بإعادة نشر قواته في عدة قواعد داخل العراق.", "Redeployment",
                 id="will-redeploy"),
])
def test_a_planned_activity_stays(text, event):
    assert event in [c for c, _ in _events(text)]


@pytest.mark.parametrize("text, event", [
    pytest.param("وشدد المحافظ على ضرورة إعادة إعمار الجسور المدمرة في الموصل.", "Reconstruction", id="necessity"),
    pytest.param("وطالب رئيس الوزراء بسرعة تحرير قضاء الحويجة من داعش.", "Liberation", id="urgency"),
    pytest.param("وتحدث الوزير عن أهمية تحرير مدينة تلعفر من تنظيم داعش.", "Liberation", id="importance"),
    pytest.param("ودعا النواب إلى الإسراع في تدريب قوات الشرطة المحلية في نينوى.", "Training", id="hastening"),
])
def test_what_must_be_done_is_no_event(text, event):
    assert_only_the_aims_drop(text, event)


def test_an_event_done_quickly_stays():
    assert ("Liberation", "حررت") in _events("حررت القوات بسرعة قضاء الحويجة من داعش.")


def test_the_words_of_necessity_and_beginning_are_data():
    lang = arabic()
    assert normalize_word("ضرورة") in marker_forms(lang, "necessity")
    assert normalize_word("شرعت") in marker_forms(lang, "start")


@pytest.mark.parametrize("text, event", [
    pytest.param("واستقدمت القوات تعزيزات عسكرية إلى المدينة تحسبا لهجمات محتملة من مسلحي التنظيم.", "Attack",
                 id="in-anticipation"),
    pytest.param("وأغلقت السلطات الطرق المؤدية إلى السوق خشية وقوع هجمات انتحارية في بغداد.", "Attack", id="for-fear-of"),
    pytest.param("وقال سكان في البلدة إنهم متخوفون من هجوم جديد لمسلحي التنظيم على أحيائهم.", "Attack", id="afraid-of"),
    pytest.param("وتتزايد بين أهالي القرى مخاوف من اقتحام مسلحي التنظيم لمنازلهم ليلا.", "Attack", id="fears-of"),
])
def test_what_is_feared_is_no_event(text, event):
    assert_only_the_aims_drop(text, event)


def test_an_office_named_beside_the_fighting_is_no_side():
    """"جراء المعارك وغرفة طوارئ وقسم لفرز الإصابات": a ward of a hospital is no party to the battle;
    the fighting is the backdrop of the wounded it treats."""
    text = "ويضم المستشفى وحدة جراحية لعلاج المصابين جراء المعارك وغرفة طوارئ وقسم لفرز الإصابات."
    assert "Battle" not in [c for c, _ in _events(text)]


@pytest.mark.parametrize("text, aim", [
    pytest.param("يواصل التحالف جهوده لأسر أو تحييد عناصر التنظيم في البادية.", "Killing", id="to-capture-or-neutralise"),
    pytest.param("نفذت القوات الخاصة إنزالا جويا لأسر أو تصفية قادة التنظيم في الوادي.", "Killing", id="to-capture-or-liquidate"),
])
def test_a_masdar_after_or_shares_the_lam_before(text, aim):
    assert_only_the_aims_drop(text, aim)


@pytest.mark.parametrize("text", [
    pytest.param("خسر تنظيم داعش آخر معاقله في المنطقة. ونزح مئات الأهالي من قرى الريف الجنوبي جراء المعارك.",
                 id="displaced-by-the-fighting"),
    pytest.param("طرد الجيش تنظيم داعش من المدينة. وعاد السكان إلى بلدتهم بعد ستة أشهر من المعارك.",
                 id="months-of-fighting"),
])
def test_the_fighting_as_a_backdrop_is_no_battle_when_the_story_names_its_one_armed_group(text):
    """The story's one armed group, guessed as a side of a battle no word names
    (athar.read.opponent.side_of_battle), names no side of the backdrop."""
    assert_only_the_aims_drop(text, "Battle")
