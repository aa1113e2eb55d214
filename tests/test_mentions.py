"""Entity mentions: clitics, spelling variants, quotes, aliases, cue words, titles, anaphora.
Sentences are written for these tests in the style of news Arabic."""

from __future__ import annotations

import pytest

from athar.read.mentions import extract_mentions, romanize
from athar.read.language import arabic

make_doc = arabic().make_doc  # the package's Arabic


def mentions(text: str):
    seg = make_doc(text)
    found = extract_mentions(seg)
    for m in found:  # match on normalized text, report the original words
        start, end = seg.norm.to_original(m.start, m.end)
        assert text[start:end].strip() == text[start:end]
    return seg, found


def keys(text: str) -> list[str]:
    return [m.key for m in mentions(text)[1]]


def surface(text: str, key: str) -> str:
    seg, found = mentions(text)
    m = next(m for m in found if m.key == key)
    start, end = seg.norm.to_original(m.start, m.end)
    return text[start:end]


@pytest.mark.parametrize("text, key, words", [
    pytest.param("قصفت الطائرات مواقع بالرقة", "raqqa", "الرقة", id="clitic-ba"),
    pytest.param("وصل الوفد إلى بغداد والموصل", "mosul", "الموصل", id="clitic-wa"),
    pytest.param("أعلنت الحكومة دعمها لقسد", "sdf", "قسد", id="clitic-li"),
    pytest.param("عاد النازحون للرقة بعد التحرير", "raqqa", "رقة", id="clitic-lil-for-li-al"),
    pytest.param("وبالموصل عادت الحياة إلى الأسواق", "mosul", "الموصل", id="clitic-wa-bi"),
    pytest.param("فلداعش خلايا نائمة في البادية", "isis", "داعش", id="clitic-fa-li"),
    pytest.param("وصلت قافلة لـالرقة", "raqqa", "الرقة", id="tatweel-after-li"),
    pytest.param("دخلت القوات بلدة ھجین بعد معارك", "hajin", "بلدة ھجین", id="persian-letters-cut-exactly"),
])
def test_proclitics(text, key, words):
    assert surface(text, key) == words


@pytest.mark.parametrize("text, key", [
    pytest.param("اشتبكت قوات “سوريا الديمقراطية” مع الخلايا", "sdf", id="curly-quotes"),
    pytest.param("أعلنت «قوات سوريا الديمقراطية» النفير", "sdf", id="guillemets"),
    pytest.param('هاجم تنظيم "الدولة الإسلامية" القرية', "isis", id="straight-quotes"),
    pytest.param("قوات سوريا الديموقراطية تتقدم", "sdf", id="spelling-dimuqratiya"),
    pytest.param("قوات سورية الديمقراطية تتقدم", "sdf", id="spelling-suriya-ta-marbuta"),
    pytest.param("وصل المحافظ إلى محافظة الانبار", "anbar-governorate", id="hamza-dropped"),
    pytest.param("عادت الكهرباء إلى الرقه", "raqqa", id="ha-for-ta-marbuta"),
    pytest.param("اجتمع المسؤولون في ديالي", "diyala-governorate", id="ya-for-alef-maqsura"),
    pytest.param("تنظيم داعـــش ينسحب", "isis", id="tatweel-inside"),
    pytest.param("تقدّمت قوّات سوريا الدّيمقراطيّة", "sdf", id="diacritics"),
    pytest.param("أعلنت قوات سوریا الدیمقراطیة النفیر", "sdf", id="persian-yeh"),
    pytest.param("هاجمت ھیئة تحریر الشام مواقع للجيش", "hts", id="persian-heh-and-yeh"),
])
def test_spelling_variants_and_quotes(text, key):
    assert key in keys(text)


@pytest.mark.parametrize("text, key", [
    pytest.param("قالت قسد إن الهجوم فشل", "sdf", id="abbreviation-qasad"),
    pytest.param("أعلن تنظيم الدولة الإسلامية مسؤوليته", "isis", id="long-name-of-isis"),
    pytest.param("وصلت التعزيزات إلى مدينة الثورة", "tabqa", id="old-name-of-tabqa"),
    pytest.param("تعرضت عين العرب لهجوم", "kobani", id="arabic-name-of-kobani"),
    pytest.param("أكد الحشد الشعبي جاهزيته", "pmf", id="pmf"),
])
def test_aliases_resolve_to_one_entity(text, key):
    assert key in keys(text)


@pytest.mark.parametrize("text, key, type_", [
    pytest.param("نزح آلاف المدنيين من ريف إدلب", "idlib-governorate", "Governorate",
                 id="countryside-is-the-governorate"),
    pytest.param("قصفت الطائرات مدينة أريحا وبلدة سراقب", "saraqib", "City", id="idlib-town"),
    pytest.param("خرج مقاتلو جيش الإسلام من دوما", "jaysh-al-islam", "ArmedGroup", id="opposition-faction"),
    pytest.param("خرج مقاتلو جيش الإسلام من مدينة دوما", "douma", "City", id="ghouta-city"),
    pytest.param("أرسلت عصائب أهل الحق تعزيزات", "asaib-ahl-al-haq", "ArmedGroup", id="iraqi-faction"),
    pytest.param("سيطر الجيش الوطني على عفرين", "sna", "ArmedForce", id="short-name-of-sna"),
    pytest.param("أعادت وحدات من الجيش العربي السوري الأمن", "syrian-army", "ArmedForce", id="sana-name-of-the-army"),
    pytest.param("انتشرت قوات البشمركة في المنطقة", "peshmerga", "ArmedForce", id="peshmerga-spelling"),
    pytest.param("قصفت طائرات حربية تركية جبال قنديل", "turkish-forces", "ArmedForce", id="aircraft-by-nationality"),
    pytest.param("قصفت طائرات حربية تركية جبال قنديل", "qandil", "Region", id="mountains"),
    pytest.param("انسحبت القوات الفرنسية من القاعدة", "french-forces", "ArmedForce", id="foreign-forces"),
    pytest.param("حذرت وزارة شؤون البيشمركة من هجمات", "peshmerga-ministry", "GovernmentBody", id="ministry"),
    pytest.param("تعهدت اليابان بتقديم خمسة ملايين دولار", "japan", "Country", id="donor-country"),
    pytest.param("ويؤوي مخيم الزعتري آلاف اللاجئين", "zaatari-camp", "Camp", id="camp-abroad"),
    pytest.param("دخلت القافلة عبر معبر باب الهوى", "bab-al-hawa", "Facility", id="border-crossing"),
    pytest.param("قال المجلس النرويجي للاجئين إن", "nrc", "InternationalOrganization", id="ngo"),
    pytest.param("وقال برنامج الغذاء العالمي إن", "wfp", "InternationalOrganization", id="wfp-variant"),
    pytest.param("بحسب ما أفادت وكالة فرانس برس", "afp", "MediaOutlet", id="wire-agency"),
    pytest.param("قتل ثلاثة أطفال بانفجار لغم", "children", "Group", id="children"),
    pytest.param("اغتال مسلحون مجهولون مختار القرية", "gunmen", "ArmedGroup", id="unknown-gunmen"),
    pytest.param("وصل الوفد إلى قضاء المقدادية", "muqdadiyah", "City", id="district-named-by-its-town"),
    pytest.param("نفذ الطيران ضربات على سلسلة جبال حمرين", "hamrin", "Region", id="mountain-range"),
    pytest.param("طالبت المنظمات بعودة الإيزيديين إلى سنجار", "yazidis", "Group", id="community"),
    pytest.param("اشتبكت الهيئة مع الفيلق الثالث", "third-legion", "ArmedGroup", id="sna-legion"),
])
def test_places_and_actors_of_the_conflict(text, key, type_):
    found = mentions(text)[1]
    assert any(m.key == key and m.type == type_ for m in found), [(m.key, m.type) for m in found]


def test_unknown_gunmen_are_one_mention():
    assert keys("اغتال مسلحون مجهولون مختار القرية") == ["gunmen"]


@pytest.mark.parametrize("text", [
    pytest.param("اتخذت الحكومة إجراءات على المدى القصير", id="al-qasir-is-short"),
    pytest.param("دعت إلى الحلول السلمية في البلد", id="al-salamiya-is-peaceful"),
    pytest.param("وقع هجوم إرهابي وهجوم مسلح", id="adjectives-are-no-groups"),
    pytest.param("قدمت الدولة الراعية للاتفاق ضمانات", id="al-rai-is-sponsor"),
    pytest.param("كما هو الحال دوماً", id="dawman-is-always"),
])
def test_common_words_that_look_like_names(text):
    assert keys(text) == []


@pytest.mark.parametrize("text", [
    pytest.param("قالت الإدارة إن", id="no-self-administration-named-before"),
    pytest.param("قالت قسد إن الجيش تقدم", id="the-sdf-is-no-army"),
])
def test_anaphora_without_an_antecedent_name_nothing(text):
    assert not [m for m in mentions(text)[1] if m.source == "anaphor"]


def test_the_command_names_no_body_named_before_without_the_noun():
    # "القيادة" is a command named before ("قيادة العمليات المشتركة"), never the nearest body
    # ("القيادة السياسية": a leadership)
    text = "أعلنت وزارة الدفاع إرسال تعزيزات. وأكدت القيادة السياسية دعمها"
    assert not [m for m in mentions(text)[1] if m.source == "anaphor"]


def test_a_command_after_a_title_is_no_person():
    assert not [m for m in mentions("وقال قائد عمليات الأنبار إن")[1] if m.type == "Person"]


@pytest.mark.parametrize("text", [
    pytest.param("وقال رئيس وفد الحكومة إن المفاوضات مستمرة", id="head-of-a-delegation"),
    pytest.param("وصرحت رئيسة وفد الهلال الأحمر في حلب بأن القوافل وصلت", id="head-of-a-delegation-feminine"),
])
def test_a_delegation_after_a_title_is_no_person(text):
    assert not [m for m in mentions(text)[1] if m.type == "Person"]


def test_a_name_before_an_office_needs_a_verb_of_saying_before_it():
    # "X Y رئيس" with no comma: the name of the office's holder only right after "قال"
    people = [m.label_ar for m in mentions("وقالت كاترينا موللر رئيسة وفد الصليب الأحمر إن")[1] if m.type == "Person"]
    assert people == ["كاترينا موللر"]
    assert not [m for m in mentions("تسلمت الجمعية سلالا غذائية رئيس المجلس")[1] if m.type == "Person"]


@pytest.mark.parametrize("text, type_, label", [
    pytest.param("سيطرت القوات على بلدة الطيانة", "Town", "الطيانة", id="town-cue"),
    pytest.param("قصفت الطائرات قرية “أبو حمام” شرقي دير الزور", "Village", "أبو حمام", id="village-quoted"),
    pytest.param("افتتح مستشفى الحسكة الوطني", "Hospital", "مستشفى الحسكة", id="hospital-of-a-known-city"),
    pytest.param("تضرر سد تشرين بالقصف", "Dam", "سد تشرين", id="dam-cue"),
    pytest.param("عاد السكان إلى مخيم الفاروق", "Camp", "مخيم الفاروق", id="camp-cue"),
    pytest.param("قالت وكالة “ثقة” إن", "MediaOutlet", "وكالة “ثقة”", id="agency-cue"),
])
def test_cue_words_find_what_the_gazetteer_lacks(text, type_, label):
    _, found = mentions(text)
    assert any(m.type == type_ and m.label_ar.replace("“", "").replace("”", "") == label.replace("“", "").replace("”", "")
               for m in found), [(m.type, m.label_ar) for m in found]


@pytest.mark.parametrize("text, type_, label", [
    pytest.param("بدأت قيادة عمليات نينوى حملة تفتيش", "ArmedForce", "قيادة عمليات نينوى", id="operations-command-cue"),
    pytest.param("أعلنت وزارة الصحة السورية", "GovernmentBody", "وزارة الصحة", id="ministry-cue"),
    pytest.param("وصلت الشاحنات إلى معبر القائم الحدودي", "Facility", "معبر القائم", id="crossing-of-a-known-town"),
    pytest.param("فر سجناء من سجن غويران", "Facility", "سجن غويران", id="prison-cue"),
    pytest.param("هبطت الطائرة في مطار القامشلي", "Facility", "مطار القامشلي", id="airport-cue"),
    pytest.param("انتشرت ميليشيات إيرانية في البوكمال", "ArmedGroup", "ميليشيات إيرانية", id="militia-cue"),
    pytest.param("قصفت الطائرات قرية حزارين بريف إدلب", "Village", "حزارين", id="name-stops-before-birif"),
    pytest.param("قتل مختار بلدة الطيبة التابعة لناحية هجين", "Town", "الطيبة", id="name-stops-before-attabia"),
    pytest.param("أعادت المنظمة تأهيل 3 مخابز ومطحنة", "Facility", "مخابز", id="bakeries-kind"),
    pytest.param("عاد النازحون إلى المخيمات", "Camp", "المخيمات", id="camps-kind"),
    pytest.param("أدانت المنظمة الهجوم على مستشفى في إدلب", "Hospital", "مستشفى", id="a-hospital-unnamed"),
    pytest.param("تضررت محطة تحويل في البلدة", "PowerStation", "محطة تحويل", id="substation-kind"),
    pytest.param("دمرت الغارات مستودعاً للأسلحة", "Facility", "مستودعاً", id="depot-kind"),
    pytest.param("سيطرت القوات على منطقتي الجزيرة والشامية", "Region", "الجزيرة", id="two-areas-first"),
    pytest.param("سيطرت القوات على منطقتي الجزيرة والشامية", "Region", "الشامية", id="two-areas-second"),
])
def test_more_cues_and_kinds(text, type_, label):
    _, found = mentions(text)
    assert any(m.type == type_ and m.label_ar == label for m in found), [(m.type, m.label_ar) for m in found]


@pytest.mark.parametrize("text, type_, label", [
    pytest.param("أغلقت السلطات معبري التنف والوليد منذ أشهر", "Facility", "معبر الوليد", id="two-crossings"),
    pytest.param("سيطرت القوات على حقلي العمر والتنك", "Facility", "حقل التنك", id="two-fields"),
    pytest.param("نقل المعتقلون من سجني غويران والصناعة", "Facility", "سجن الصناعة", id="two-prisons"),
])
def test_a_head_noun_in_the_dual_names_two_places(text, type_, label):
    _, found = mentions(text)
    assert any(m.type == type_ and m.label_ar == label for m in found), [(m.type, m.label_ar) for m in found]


def test_two_governorates_after_the_dual():
    assert {"nineveh-governorate", "anbar-governorate"} <= set(keys("وصلت التعزيزات إلى محافظتي نينوى والأنبار"))


def test_counted_noun_is_no_cue():
    assert not any(m.source == "cue" for m in mentions("أعادت البلدية تأهيل 12 مدرسة وأنشأت حديقة")[1])


@pytest.mark.parametrize("text, name, role", [
    pytest.param("وقال اللواء أحمد الخالدي إن القوات تقدمت", "أحمد الخالدي", "commander", id="rank-title"),
    pytest.param("أكد فرهاد شامي، المتحدث باسم قسد، أن", "فرهاد شامي", "spokesperson:sdf", id="name-before-role"),
    pytest.param("قال المتحدث باسم التحالف الدولي واين ماروتو إن", "واين ماروتو", "spokesperson:coalition",
                 id="role-before-name"),
    pytest.param("التقى السفير الأمريكي مايك بومبيو بالوفد", "مايك بومبيو", "official",
                 id="official-with-nationality"),  # a minister leads his ministry: tests/test_names.py
    pytest.param("قال العميد الركن يحيى رسول إن", "يحيى رسول", "commander", id="staff-rank"),
    pytest.param("أكد الكولونيل واين ماروتو أن", "واين ماروتو", "commander", id="western-rank"),
    pytest.param("قال الناطق العسكري باسم قسد كينو غابرييل إن", "كينو غابرييل", "spokesperson:sdf",
                 id="military-spokesperson"),
    pytest.param("وأوضحت سلمى حداد مديرة منظمة الصحة العالمية في المدينة أن", "سلمى حداد", "leader:who",
                 id="speaker-named-before-her-office-without-comma"),
    pytest.param("وقال فراس نوري رئيس المجلس المحلي في البلدة إن", "فراس نوري", "leader:local-councils",
                 id="speaker-named-before-his-office-without-comma"),
])
def test_people_after_titles_and_roles(text, name, role):
    _, found = mentions(text)
    person = next(m for m in found if m.type == "Person")
    assert person.label_ar == name and person.role_of == role


@pytest.mark.parametrize("text, anaphor, key", [
    pytest.param("أعيد تأهيل مستشفى الطبقة. ويخدم المشفى آلاف السكان", "المشفى", "hospital-tabqa", id="hospital"),
    pytest.param("هاجمت هيئة تحرير الشام القرية. وقال التنظيم إن", "التنظيم", "hts", id="last-armed-group"),
    pytest.param("انسحب التنظيم من القرية", "التنظيم", "isis", id="default-armed-group"),
    pytest.param("قدمت المملكة مساعدات للنازحين", "المملكة", "saudi-arabia", id="kingdom-default"),
    pytest.param("عاد ملك الأردن إلى عمّان وقالت المملكة إن", "المملكة", "jordan", id="kingdom-named-before"),
    pytest.param("أعلن المجلس العسكري لمنبج التعبئة. وقال المجلس إن", "المجلس", "manbij-military-council",
                 id="council-by-its-noun"),
    pytest.param("قالت منظمة الصحة العالمية إن المستشفيات تضررت. وأضافت المنظمة أن", "المنظمة", "who",
                 id="the-organization"),
    pytest.param("أعلنت منظمة الهجرة الدولية عودة آلاف اللاجئين. وقالت مصفوفة تتبع النزوح التابعة للمنظمة الدولية إن",
                 "المنظمة الدولية", "iom", id="the-international-organization-named-before"),
    pytest.param("أعربت المنظمة الدولية عن قلقها حيال المدنيين في الرقة", "المنظمة الدولية", "un",
                 id="the-international-organization-default"),
    pytest.param("أعلن الجيش العراقي مقتل خمسة إرهابيين. وقال الجيش إن", "الجيش", "iraqi-army", id="the-army"),
    pytest.param("سيطرت هيئة تحرير الشام على المدينة. وقالت الهيئة إن", "الهيئة", "hts", id="the-commission"),
    pytest.param("أكد الحشد الشعبي جاهزيته. وقال الحشد إن", "الحشد", "pmf", id="the-mobilization"),
    pytest.param("أعلنت قيادة العمليات المشتركة فتح الطريق. وأعلنت وزارة الدفاع إرسال تعزيزات. وقال المتحدث باسم "
                 "القيادة، العميد سعد حمدان، إن", "القيادة", "joint-operations-command",
                 id="the-command-by-its-noun"),
])
def test_anaphora(text, anaphor, key):
    seg, found = mentions(text)
    hits = [m for m in found if m.source == "anaphor"]
    assert hits and hits[-1].key == key and hits[-1].implied


@pytest.mark.parametrize("text, name, en", [
    pytest.param("وقال العقيد سامي عبد الكريم الزبيدي إن", "سامي عبد الكريم", "Sami Abd al-Karim", id="rank-two-words"),
    pytest.param("وقال اللواء نزار عبد الرحمن إن", "نزار عبد الرحمن", "Nizar Abd al-Rahman", id="rank"),
    pytest.param("وقال المقدم هادي عبد الله إن", "هادي عبد الله", "Hadi Abd Allah", id="with-allah"),
    pytest.param("وقال سالم عبد الرحمن، المتحدث باسم الوزارة، إن", "سالم عبد الرحمن", "Salam Abd al-Rahman",
                 id="name-before-role"),
])
def test_a_compound_given_name_with_abd_is_one_name_part(text, name, en):
    # "عبد" and the word after it are one name part: a name is never cut after "عبد"
    person = next(m for m in mentions(text)[1] if m.type == "Person")
    assert (person.label_ar, person.label_en) == (name, en)


def test_romanization_of_unknown_names():
    assert romanize(arabic(), "حجر صغير") == ("Hajar Saghir", True)
    assert romanize(arabic(), "الطيانة") == ("Al-Tayana", True)


@pytest.mark.parametrize("text", ["مدينة", "المتحدث باسم", "قائدهم", "اللواء", "مستشفى", "قوات “", "«", "في"])
def test_a_text_that_ends_on_a_cue_or_title(text):
    mentions(text)  # no crash, whatever it finds


@pytest.mark.parametrize("text, key", [
    pytest.param("وقالت منظمة الصحة العالمية إن فرقها أوصلت شحنة أدوية إلى مدينة دير الزور", "who", id="its-teams"),
    pytest.param("أعلن برنامج الأغذية العالمي أن طواقمه وزعت سلالاً غذائية في مخيم الهول", "wfp", id="its-crews"),
])
def test_the_teams_of_an_organization_named_before_are_the_organization(text, key):
    found = [m for m in extract_mentions(make_doc(text)) if m.source == "anaphor"]
    assert [m.key for m in found] == [key]


def test_a_body_s_name_goes_on_with_its_relative_adjectives_not_a_nationality_nor_a_description():
    from athar.read.language import arabic
    from athar.read.mentions import extract_mentions
    labels = [m.label_ar for m in extract_mentions(arabic().make_doc(
        "وزار وفد من هيئة الشؤون الاجتماعية مخيم الهول، ثم زار مكتب الشؤون الإنسانية الإرهابية"))]
    assert "هيئة الشؤون الاجتماعية" in labels
    assert "مكتب الشؤون الإنسانية الإرهابية" not in labels


@pytest.mark.parametrize("text, key", [
    pytest.param("قال المدير الإقليمي للمنظمة في منطقة الشرق الأوسط إن الأطفال يعانون", "middle-east", id="the-region"),
    pytest.param("وذكر بيان تلقت وكالة أنباء الشرق الأوسط نسخة منه أن", "mena", id="the-agency-named-after-it"),
])
def test_the_middle_east_is_a_region_not_an_area_called_east(text, key):
    found = mentions(text)[1]
    assert key in [m.key for m in found]
    assert not [m for m in found if m.label_en and "Sharaq" in m.label_en]


@pytest.mark.parametrize("text, key, words", [
    pytest.param("قصفت الطائرات مواقع داخل الأراضي السورية", "syria", "الأراضي السورية", id="territory-by-adjective"),
    pytest.param("عاد اللاجئون من الأراضي التركية", "turkey", "الأراضي التركية", id="another-country"),
])
def test_a_territory_named_by_its_country_s_adjective_is_the_country(text, key, words):
    assert surface(text, key) == words


def test_land_with_another_adjective_is_no_country():
    assert not [m for m in mentions("تضررت الأراضي الزراعية في القرية")[1] if m.type == "Country"]


@pytest.mark.parametrize("text, inside", [
    pytest.param("سيطر مقاتلو تنظيم الدولة الإسلامية في العراق والشام على قرى جديدة", True, id="full-name"),
    pytest.param("تراجعت قبضة ما يسمى بتنظيم /داعش/ في العراق والشام على البلدة", True, id="short-name-in-slashes"),
    pytest.param("هاجم عناصر داعش في العراق وبلاد الشام نقاطا للجيش", True, id="bilad-al-sham"),
    pytest.param("تراجعت هجمات داعش في العراق خلال الشهر الماضي", False, id="iraq-alone-is-a-place"),
    pytest.param("هزمت القوات تنظيم داعش في العراق وسوريا", False, id="iraq-and-syria-are-places"),
])
def test_the_places_of_a_group_s_own_name_are_no_places(text, inside):
    assert ("iraq" not in keys(text)) is inside
