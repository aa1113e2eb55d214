"""The event classes the genre states, read from lemmas (lemmas.tsv) and the objects general
verbs take (objects.tsv): aid delivered, operations launched, bases left, lives taken, mines
planted, a camp's population. Each lemma with a sentence written for it, in a form no table
lists (imperfect, plural, feminine, masdar), and civic sentences of its other senses."""

from __future__ import annotations

import pytest

from athar.read.language import Language
from athar.read.morphology import lemmas
from reading import events_by_class

_events = events_by_class


@pytest.mark.parametrize("text, cls, verb", [
    pytest.param("يوزع متطوعو الهلال الأحمر الخبز على العائلات في مخيم الهول", "ServiceProvision", "يوزع",
                 id="distribute-imperfect"),
    pytest.param("تقدم منظمة أطباء بلا حدود الرعاية الصحية للنازحين في مخيم حمام العليل", "ServiceProvision", "تقدم",
                 id="provide-care"),
    pytest.param("وتم إيصال المساعدات الغذائية إلى بلدة مضايا المحاصرة", "ServiceProvision", "إيصال",
                 id="delivery-masdar"),
    pytest.param("أدخلت المنظمات الإنسانية الأدوية إلى مدينة الرقة", "ServiceProvision", "أدخلت",
                 id="medicine-brought-in"),
    pytest.param("أرسلت الإمارات مساعدات طبية إلى مدينة الموصل", "ServiceProvision", "أرسلت", id="aid-sent"),
    pytest.param("تؤمّن المنظمة مياه الشرب لسكان مخيم الهول", "ServiceProvision", "تؤمّن", id="water-secured"),
    pytest.param("وفّرت اليونيسف الخيام والبطانيات للعائلات النازحة في الموصل", "ServiceProvision", "وفّرت",
                 id="tents-provided"),
    pytest.param("زودت منظمة الصحة العالمية مستشفى الرقة بالأدوية", "ServiceProvision", "زودت",
                 id="supplied-with-medicine"),
    pytest.param("تمد منظمة الصحة العالمية مستشفى الرقة بالأدوية منذ أشهر", "ServiceProvision", "تمد",
                 id="supplying-medicine"),
    pytest.param("شنت قوات سوريا الديمقراطية حملة عسكرية على خلايا داعش في ريف دير الزور", "MilitaryOperation",
                 "شنت", id="campaign-launched"),
    pytest.param("يشنون عمليات عسكرية ضد تنظيم داعش في صحراء الأنبار", "MilitaryOperation", "يشنون",
                 id="operations-waged"),
    pytest.param("استأنفت القوات العراقية عملياتها العسكرية في قضاء الحويجة", "MilitaryOperation", "استأنفت",
                 id="operations-resumed"),
    pytest.param("أطلقت القوات العراقية حملة أمنية في صحراء الأنبار", "MilitaryOperation", "أطلقت",
                 id="security-campaign-launched"),
    pytest.param("وقالت المنظمة إن حملة للجيش السوري لطرد التنظيم من البادية مستمرة", "MilitaryOperation", "حملة",
                 id="a-campaign-of-an-army"),
    pytest.param("وتعمل الفصائل على تمشيط مدينة الباب من بقايا التنظيم", "MilitaryOperation", "تمشيط",
                 id="sweeping-masdar"),
    pytest.param("أخلت القوات الأمريكية قاعدة القيارة جنوب الموصل", "Withdrawal", "أخلت", id="base-left"),
    pytest.param("يخلي مسلحو التنظيم مواقعهم في ريف الرقة", "Withdrawal", "يخلي", id="positions-left"),
    pytest.param("تزهق الألغام أرواح المدنيين في ريف الرقة", "Killing", "تزهق", id="lives-taken"),
    pytest.param("يزرع عناصر داعش العبوات الناسفة على الطرق في ريف كركوك", "Attack", "يزرع", id="bombs-planted"),
    pytest.param("وسجلت المنظمة 5,000 شخص عائدين إلى قضاء سنجار", "Return", "عائدين", id="returnees-participle"),
    pytest.param("نفذ التنظيم عملية إرهابية في مدينة كركوك", "Attack", "عملية", id="a-terrorist-operation"),
    pytest.param("وجاء في بيان صادر عن وزارة الدفاع العراقية أن القوات دخلت البلدة", "Statement", "بيان",
                 id="a-statement-issued-by"),
    pytest.param("يستلمون مقرات الفرقة من قوات التحالف في قاعدة كي 1", "Handover", "يستلمون", id="receiving-a-base"),
    pytest.param("قبضت قوات الأمن على ثلاثة مطلوبين في كركوك", "Arrest", "قبضت", id="seized"),
    pytest.param("تخوض قوات سوريا الديمقراطية معارك عنيفة مع تنظيم داعش في الباغوز", "Battle", "تخوض",
                 id="battles-fought"),
    pytest.param("نزعت فرق الهندسة 300 لغم من حقول قرية الكوير", "Demining", "نزعت", id="mines-lifted-counted"),
    pytest.param("يرفع خبراء الهندسة مخلفات الحرب من أحياء الموصل القديمة", "Demining", "يرفع",
                 id="remnants-removed"),
    pytest.param("أعادت البلدية تشغيل محطة المياه في مدينة الرقة", "Reconstruction", "أعادت", id="restarted"),
    pytest.param("الأمم المتحدة ومنظمة الصحة العالمية أكدتا أن المساعدات وصلت إلى المخيم", "Statement", "أكدتا",
                 id="a-statement-of-two-bodies"),
    pytest.param("أغارت طائرات التحالف على مواقع تنظيم داعش في ريف دير الزور", "Attack", "أغارت", id="a-raid"),
    pytest.param("هربت عناصر تنظيم داعش من قرية الباغوز إلى البادية", "Escape", "هربت", id="fled"),
    # families fleeing are a Displacement (refine.tsv: an Escape whose agent is a group of people)
    pytest.param("هربت العائلات من قرية الباغوز إلى مخيم الهول", "Displacement", "هربت", id="families-fled"),
    pytest.param("تراجعت عناصر تنظيم داعش إلى أطراف مدينة الرقة", "Withdrawal", "تراجعت", id="fell-back"),
    pytest.param("يضم مخيم الهول أكثر من 60 ألف شخص", "Population", "يضم", id="a-camp-holds"),
    pytest.param("ما زال يقبع في مخيم روج نحو 2,000 طفل", "Population", "يقبع", id="kept-in-a-camp"),
    pytest.param("يبلغ عدد سكان مخيم الهول نحو 10 آلاف نازح", "Population", "عدد", id="number-of-inhabitants"),
])
def test_a_class_read_from_its_lemma(text, cls, verb):
    events = _events(text)
    assert cls in events, sorted(events)
    assert any(f.trigger.startswith(verb) for f in events[cls]), [f.trigger for f in events[cls]]


@pytest.mark.parametrize("text, cls", [
    pytest.param("قدم الوزير استقالته إلى رئيس الحكومة", "ServiceProvision", id="a-resignation"),
    pytest.param("وزعت الشركة الأرباح على المساهمين في نهاية العام", "ServiceProvision", id="dividends"),
    pytest.param("أرسلت الوزارة رسالة إلى البرلمان بشأن الموازنة", "ServiceProvision", id="a-letter-sent"),
    pytest.param("زودت الشركة زبائنها بخدمة الإنترنت السريع", "ServiceProvision", id="internet-supplied"),
    pytest.param("أمّن الفريق فوزه في الدقيقة الأخيرة من المباراة", "ServiceProvision", id="a-win-secured"),
    pytest.param("أطلقت وزارة الصحة حملة تطعيم ضد شلل الأطفال في بغداد", "MilitaryOperation", id="vaccination"),
    pytest.param("نفذت البلدية حملة نظافة في شوارع الموصل", "MilitaryOperation", id="cleaning-campaign"),
    pytest.param("شن الكاتب حملة على رئيس مجلس الوزراء في مقاله", "MilitaryOperation", id="a-writer-s-campaign"),
    pytest.param("أطلقت الوزارة حملة للتوعية بمخاطر المخدرات", "MilitaryOperation", id="an-awareness-campaign"),
    pytest.param("أخلت الشرطة المبنى بعد اندلاع الحريق", "Withdrawal", id="a-building-evacuated"),
    pytest.param("أخلت المحكمة سبيل المتهم بكفالة", "Withdrawal", id="released-on-bail"),
    pytest.param("زرع المزارعون القمح في سهل نينوى", "Attack", id="wheat-sown"),
    pytest.param("زرعت البلدية الأشجار على جانبي الطريق", "Attack", id="trees-planted"),
    pytest.param("ارتفعت عائدات النفط العراقي خلال العام الماضي", "Return", id="oil-revenues"),
    pytest.param("وتعود ملكية الأراضي العائدة للدولة إلى وزارة المالية", "Return", id="belonging-to-the-state"),
    pytest.param("أعلنت الحكومة خطة لمكافحة الأعمال الإرهابية", "Attack", id="fighting-terrorism-in-general"),
    pytest.param("استلم الموظفون رواتبهم في الموصل", "Handover", id="salaries-received"),
    pytest.param("قبض الموظف راتبه في نهاية الشهر", "Arrest", id="pay-received"),
    pytest.param("خاض المنتخب العراقي مباراة ودية في بغداد", "Battle", id="a-match-played"),
    pytest.param("خاض الحزب معركة الانتخابات في بغداد", "Battle", id="an-election-battle"),
    pytest.param("رفعت الحكومة أسعار الوقود في بغداد", "Demining", id="prices-raised"),
    pytest.param("نزع اللاعب قميصه بعد الهدف", "Demining", id="a-shirt-taken-off"),
    pytest.param("ويذكر أن المدينة شهدت هجمات عدة العام الماضي", "Statement", id="it-is-worth-mentioning"),
    pytest.param("وقلّت الأمطار في المحافظة هذا العام", "Statement", id="rain-decreased"),
    pytest.param("وأضاف أن القوات رفعت العلم دون أن يوضح طبيعة الخسائر", "Statement", id="without-explaining"),
    pytest.param("تراجعت أسعار النفط في الأسواق العالمية", "Withdrawal", id="prices-fell"),
    pytest.param("تراجع الوزير عن قراره بعد الاحتجاجات", "Withdrawal", id="a-decision-withdrawn"),
    pytest.param("يغير المدرب خطته قبل المباراة", "Attack", id="changes"),
    pytest.param("تهرب الشركات من دفع الضرائب", "Escape", id="tax-evasion"),
    pytest.param("يضم الوفد 12 عضوا من البرلمان", "Population", id="a-delegation"),
    pytest.param("تضم المدينة ثلاث جامعات وعشرات المدارس", "Population", id="universities"),
    pytest.param("مقبرة جماعية في مدينة سنجار تضم رفات 40 شخصا", "Population", id="a-grave"),
    pytest.param("يضمن القانون حقوق الموظفين", "Population", id="guarantees"),
])
def test_another_sense_of_the_lemma(text, cls):
    assert cls not in _events(text)


def test_the_subject_between_is_a_name_however_long():
    """"وزع برنامج الأغذية العالمي المساعدات": the food of the programme's name is no object; the
    programme distributes."""
    events = _events("وزع برنامج الأغذية العالمي المساعدات على 2,000 أسرة في مخيم عين عيسى")
    fact = events["ServiceProvision"][0]
    assert [m.label_ar for r, m in fact.roles if r == "agent"] == ["برنامج الأغذية العالمي"]
    assert fact.trigger.endswith("المساعدات")


@pytest.mark.parametrize("text, cls, trigger", [
    pytest.param("وكانت القوات العراقية أعلنت الثلاثاء تحرير أحياء المدينة الشرقية", "Liberation",
                 "أعلنت الثلاثاء تحرير", id="a-weekday-between"),
    pytest.param("وزعت منظمة اليونيسف 500 سلة غذائية على النازحين في مخيم الهول", "ServiceProvision",
                 "وزعت منظمة اليونيسف 500 سلة غذائية", id="a-count-between"),
])
def test_a_day_or_a_count_stands_between_a_verb_and_its_object(text, cls, trigger):
    events = _events(text)
    assert cls in events and events[cls][0].trigger == trigger, {c: [f.trigger for f in fs] for c, fs in events.items()}


def test_a_masdar_takes_its_object_at_once():
    """"تقديم مليوني يورو لدعم مشاريع إغاثة": the money is what is given; no aid delivered."""
    events = _events("أعلنت ألمانيا عن تقديم مليوني يورو لدعم مشاريع إغاثة اللاجئين في العراق")
    assert "ServiceProvision" not in events, sorted(events)


def test_objects_name_a_list_of_objects_tsv():
    lang = Language(tables={"lemmas.tsv": "event\tlemma\tform\tmasdar\trule\tobjects\n"
                                          "ServiceProvision\tوزّع\tII\t\tوزع\tfood\n"})
    with pytest.raises(Exception, match=r"lemmas.tsv:2: 'objects' is 'food'"):
        lemmas(lang)


def test_objects_take_a_proclitic():
    lang = Language(tables={"objects.tsv": "key\tforms\naid\tالمساعدات\n",
                            "lemmas.tsv": "event\tlemma\tform\tmasdar\trule\tobjects\n"
                                          "ServiceProvision\tزوّد\tII\t\tوزع\tب+aid\n"})
    assert lemmas(lang)[0].objects == ("بالمساعدات",)


@pytest.mark.parametrize("text, cls, other", [
    pytest.param("وقام عناصر التنظيم بتفجير المباني في القرية قبل انسحابهم", "Destruction", "Attack", id="buildings-blown-up"),
    pytest.param("وفجر المسلحون المبنى في البلدة قبل انسحابهم", "Destruction", "Attack", id="a-building-blown-up"),
    pytest.param("وكان مسلحو التنظيم فجروا المسجد في الموصل القديمة", "Destruction", "Attack", id="a-mosque-blown-up"),
    pytest.param("فجر انتحاري حزامه الناسف في مسجد بمدينة القامشلي", "Attack", "Destruction", id="a-belt-in-a-mosque"),
    pytest.param("فجر مهاجم سيارته المفخخة قرب المساجد في حي الصدر ببغداد", "Attack", "Destruction", id="a-car-near-mosques"),
])
def test_a_building_blown_up_is_destroyed_a_bomb_is_an_attack(text, cls, other):
    events = _events(text)
    assert cls in events and other not in events, sorted(events)


def test_a_surprise_sprung_is_no_event():
    assert not _events("فجر المنتخب العراقي مفاجأة كبيرة بفوزه على منتخب اليابان في ملعب البصرة")
