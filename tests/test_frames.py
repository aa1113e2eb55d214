"""A conflict trigger is a hypothesis; its context confirms it (lang/ar/frames.tsv,
athar.read.frames): civic news with conflict words in another sense gives no conflict
event, the genre keeps its events."""

from __future__ import annotations

import pytest

import athar
from athar.errors import LexiconError
from athar.read.frames import CONFLICT_EVENTS, frame_table, frame_words
from athar.read.language import Language, arabic


def conflict_events(text: str) -> list[tuple[str, str]]:
    doc = athar.read(text, published="2020-05-01")
    return [(f.type, f.trigger) for f in doc.facts if not f.relation and f.type in CONFLICT_EVENTS]


# -- civic news: no conflict event ------------------------------------------

@pytest.mark.parametrize("text", [
    pytest.param("انسحب النادي الأهلي من بطولة الدوري احتجاجا على قرارات الاتحاد.", id="team-leaves-a-league"),
    pytest.param("أعلن المدرب عودة اللاعب المصاب إلى تدريبات الفريق قبل المباراة المقبلة.", id="player-returns"),
    pytest.param("يخوض المنتخب مواجهة قوية أمام منتخب الأردن في ربع نهائي البطولة.", id="a-match-is-a-confrontation"),
    pytest.param("خسر فريق الميناء المباراة في البصرة بهدفين دون رد.", id="lost-a-match-in-a-city"),
    pytest.param("أقام المنتخب الأولمبي معسكرا تدريبيا في دبي استعدادا لكأس آسيا.", id="training-camp"),
    pytest.param("شن لاعبو الفريق هجمات متتالية على مرمى الخصم في الشوط الثاني.", id="attacks-on-goal"),
], )
def test_sports_news_gives_no_conflict_event(text):
    assert conflict_events(text) == []


@pytest.mark.parametrize("text", [
    pytest.param("قرر البنك المركزي تحرير سعر الصرف بعد ارتفاع التضخم.", id="freeing-the-exchange-rate"),
    pytest.param("تشتد المعركة بين شركتي الهواتف الذكية على حصة السوق.", id="a-market-battle"),
    pytest.param("انسحب المستثمرون من البورصة بعد هبوط الأسهم.", id="investors-withdraw"),
], )
def test_economy_news_gives_no_conflict_event(text):
    assert conflict_events(text) == []


@pytest.mark.parametrize("text", [
    pytest.param("صوت البرلمان على تعديلات قانون الانتخابات في جلسة الأمس.", id="amendments-to-a-law"),
    pytest.param("هاجم عضو البرلمان مشروع القانون خلال الجلسة.", id="an-mp-attacks-a-bill"),
    pytest.param("عينت الهيئة الصحفية الزميل أحمد رئيس التحرير الجديد.", id="editor-in-chief"),
    pytest.param("قضى الوزير إجازته مع أسرته في اللاذقية.", id="spent-a-holiday"),
], )
def test_politics_and_society_give_no_conflict_event(text):
    assert conflict_events(text) == []


# -- the sense rules, inside a document of the genre ---------------------------
# The document speaks of war (its frame is conflict), so only the rule can drop the event.

WAR = "قصفت طائرات التحالف مواقع تنظيم داعش في ريف دير الزور. "


@pytest.mark.parametrize("sentence, trigger", [
    pytest.param("وقال رئيس التحرير إن الصحيفة ستنشر التفاصيل.", "تحرير", id="editor-in-chief"),
    pytest.param("وقضى الوفد الأممي يومين في الحسكة.", "قضى", id="spent-two-days"),
    pytest.param("وقضى المبعوث عطلته في دمشق.", "قضى", id="spent-his-holiday"),
    pytest.param("ولا يجد الأطفال في المخيم سوى اللعب لقتل الوقت.", "قتل", id="killing-time"),
    pytest.param("وطالب التجار بتحرير سعر الصرف.", "تحرير", id="freeing-a-price"),
    pytest.param("وعمل الصحفي عشر سنوات في تحرير صحيفة محلية.", "تحرير", id="editing-a-paper"),
    pytest.param("وتمكن رجال الإطفاء من السيطرة على الحريق بعد ساعتين.", "سيطر", id="control-of-a-fire"),
    pytest.param("وتهدف الخطة إلى السيطرة على التضخم خلال العام.", "سيطر", id="control-of-inflation"),
    pytest.param("وتغطي سحب رعدية سماء المحافظة منذ الصباح.", "سحب", id="thunder-clouds"),
    pytest.param("وقرر المجلس سحب يد مدير البلدية لحين انتهاء التحقيق.", "سحب", id="suspending-an-official"),
    pytest.param("وأعلن الحزب انسحابه من الحكومة الائتلافية.", "انسحاب", id="a-party-leaves-a-government"),
    pytest.param("واستعاد الفريق الصدارة بعد فوزه في الجولة الأخيرة.", "استعاد", id="regaining-the-lead"),
    pytest.param("ويأمل المدرب أن يستعيد اللاعب مستواه قبل نهاية الشهر.", "يستعيد", id="regaining-form"),
    pytest.param("واستقال المدير بعد شهرين من استلامه المنصب.", "استلام", id="taking-office"),
    pytest.param("وأجرى المستشفى عشرات العمليات الجراحية الشهر الماضي.", "عمليات", id="surgery"),
    pytest.param("وتلقت غرفة العمليات بلاغا عن انقطاع الماء.", "عمليات", id="operations-room"),
    pytest.param("وحاصرت قوات مكافحة الشغب الملعب قبل اللقاء.", "حاصرت", id="riot-police-around-a-stadium"),
    pytest.param("واندلعت مواجهات بين المحتجين والشرطة أمام مبنى البلدية.", "مواجهات", id="a-protest-clash"),
    pytest.param("وحذرت مديرية الصحة العمال من ضربات الشمس مع ارتفاع الحرارة.", "ضربات", id="sunstroke"),
    pytest.param("وسجل المهاجم هدف الفوز من ضربة حرة.", "ضربة", id="a-free-kick"),
    pytest.param("وتدرب اللاعب مع زملائه استعدادا للموسم الجديد.", "تدرب", id="a-player-trains"),
    pytest.param("وتولت شركة خاصة تنظيم دخول الجماهير إلى المدرجات.", "دخول", id="fans-enter-a-stadium"),
    pytest.param("وقالت المديرية إن الحملة تشمل المدارس بالتعاون مع الفرق الصحية.", "الحملة", id="a-school-health-campaign"),
    pytest.param("وبدأت مراكز الحبوب استلام القمح من الفلاحين.", "استلام", id="wheat-received"),
    pytest.param("ونصب المسلحون حواجز لمنع الأهالي من الخروج.", "خروج", id="leaving-prevented"),
    pytest.param("ومنعت الفصائل قوات أخرى من دخول البلدة.", "دخول", id="entering-prevented"),
    pytest.param("وتمنع الألغام النازحين من العودة إلى قراهم.", "عودة", id="return-prevented"),
    pytest.param("وترفض دول أوروبية استعادة مواطنيها المحتجزين في المخيمات.", "استعادة", id="nationals-repatriated"),
    pytest.param("وطالبت الحكومة باستعادة 500 من مقاتلي التنظيم من سوريا.", "استعادة", id="fighters-repatriated"),
    pytest.param("وسلم عشرات من عناصر التنظيم أنفسهم إلى القوات الأمنية.", "سلم", id="a-surrender"),
    pytest.param("ولم يرتق الدعم الدولي إلى مستوى التعامل مع آثار المعركة في المدينة.", "معركة", id="aftermath-of-a-battle"),
    pytest.param("ولا تزال مخلفات المعارك تهدد المزارعين في ريف المحافظة.", "معارك", id="remnants-of-battles"),
    pytest.param("ووزعت المنظمة المياه على العائلات في قرية تبعد كيلومترات عن خطوط المواجهة.", "مواجهة",
                 id="the-front-lines"),
    pytest.param("وقال قائد عمليات الأنبار اللواء محمود الفلاحي إن قواته تتقدم.", "عمليات", id="a-commander-of-operations"),
    pytest.param("وأكد قائد عمليات «تحرير الحسكة» في تصريح أن الطرق آمنة.", "عمليات", id="a-commander-of-named-operations"),
    pytest.param("وصرح قائد الحملة العسكرية على الرقة بأن المدنيين سيخرجون قريبا.", "الحملة", id="a-commander-of-a-campaign"),
    pytest.param("وذكر البيان أن قطعات عمليات سامراء وصلت إلى أطراف القضاء.", "عمليات", id="units-of-a-command"),
    pytest.param("وناشدت اللجنة الدولية كل أطراف المعركة في المدينة الرفق بالمدنيين.", "معركة", id="the-sides-of-a-battle"),
    pytest.param("ويحتاج تطهير ساحات المعارك السابقة من العبوات إلى سنوات.", "معارك", id="battlefields"),
    pytest.param("وعثر الفريق على مقبرة جماعية قربها بقايا ملابس تعود لنساء من الأيزيديين.", "تعود",
                 id="clothes-that-belong-to-someone"),
    pytest.param("وأوضح أن الجثث تعود لمدنيين من قرية الصفيرة.", "تعود", id="bodies-that-belong-to-someone"),
    pytest.param("ولا تزال أحياء الموصل القديمة مليئة بأجهزة التفجير التي تركها مسلحو التنظيم.", "تفجير",
                 id="devices-of-explosion"),
    pytest.param("ورفعت فرق الهندسة من مخازن التنظيم في البلدة أطنانا من المواد القابلة للتفجير.", "تفجير",
                 id="explosive-materials"),
    pytest.param("وقال إن المقبرة تضم رفات ثلاثين شخصا قتلهم التنظيم وتحمل آثار إطلاق نار في الرأس.", "إطلاق",
                 id="marks-of-gunfire"),
    pytest.param("وكان التنظيم قد اتخذ الحي خط صد لمنع تقدم القوات العراقية نحو مركز المدينة.", "صد",
                 id="a-line-of-defence"),
    pytest.param("ونشر مقاتلو التنظيم شائعات تحدثت عن صد القوات الكردية ومنعها من التقدم في المدينة.", "صد",
                 id="rumours-of-a-repelling"),
    pytest.param("ويشكو التجار في البلدة من جرائم العصابات، من اختطاف وقتل وسرقة للمحال.", "قتل",
                 id="kidnapping-and-killing-as-a-practice"),
    pytest.param("ويعاني السكان من تزايد عمليات الخلايا، ما بين خطف وقتل وتفجيرات.", "تفجيرات",
                 id="kidnapping-and-bombings-as-a-practice"),
    pytest.param("ويشكل فقدان المعبر ضربة موجعة للمسلحين في المنطقة.", "ضربة", id="a-painful-blow"),
    pytest.param("وكان سقوط البلدة نصرا للجيش وضربة أخرى قاصمة للتنظيم.", "ضربة", id="another-crushing-blow"),
])
def test_a_sense_rule_drops_its_trigger_in_a_war_report(sentence, trigger):
    found = conflict_events(WAR + sentence)
    assert not any(trigger in t for _, t in found), found


def _events(text: str) -> list[str]:
    return [f.type for f in athar.read(text, published="2020-05-01").facts if not f.relation]


@pytest.mark.parametrize("sentence", [
    pytest.param("وباشرت القوات حملة تمشيط للمنازل بحثاً عن مقاتلي التنظيم.", id="searching-for-fighters"),
    pytest.param("وبحثت فرق الإنقاذ عن ناجين تحت الأنقاض.", id="a-search-for-survivors"),
    pytest.param("وفجر الانتحاري حزامه الناسف بعد أن اجتمع الناس حوله في السوق.", id="a-crowd-gathers"),
    pytest.param("وذكر بيان وزعه مكتب المنظمة في عمان أن الطرق إلى المدينة مغلقة.", id="a-statement-handed-out"),
])
def test_a_sense_rule_drops_a_trigger_of_other_news_too(sentence):
    # a meeting or aid is no conflict event, but "بحث ... عن" is a search all the same
    found = _events(WAR + sentence)
    assert "Meeting" not in found and "ServiceProvision" not in found


def test_talks_stay_talks():
    assert "Meeting" in _events(WAR + "وبحث وزير الدفاع مع نظيره الأمريكي في بغداد الحرب على داعش.")
    assert "Meeting" in _events(WAR + "واجتمع وزير الدفاع مع قادة التحالف الدولي في بغداد.")
    assert "ServiceProvision" in _events(WAR + "ووزعت المنظمة سلالا غذائية على النازحين في المخيم.")


def test_a_sports_sentence_in_a_war_report_gives_no_event():
    found = conflict_events(WAR + "وفي الرياضة، انسحب نادي الشرطة من الدوري بعد خسارة المباراة.")
    assert [t for t, _ in found] == ["Attack"]


@pytest.mark.parametrize("text", [
    pytest.param("غادر وزير الخارجية بغداد متوجها إلى عمان في زيارة رسمية تستمر يومين.", id="a-state-visit"),
    pytest.param("هاجمت أسراب الجراد مزارع المحافظة وتعمل فرق مكافحة الآفات على رشها.", id="locusts"),
    pytest.param("أخلت فرق الدفاع المدني سكان العمارة بعد اندلاع حريق في طابقها الأول.", id="a-fire"),
])
def test_visits_pests_and_fires_give_no_conflict_event(text):
    assert conflict_events(text) == []


@pytest.mark.parametrize("text, event", [
    pytest.param("تسيطر قوات سوريا الديمقراطية على حقل العمر النفطي منذ عامين.", "TerritorialControl",
                 id="control-of-ground"),
    pytest.param("سحبت الولايات المتحدة قواتها من قاعدة عين الأسد.", "Withdrawal", id="withdrawal-of-troops"),
    pytest.param("استعادت القوات العراقية السيطرة على بلدة بيجي.", "Liberation", id="regaining-a-town"),
    pytest.param("اندلع حريق في مخزن للوقود إثر غارة جوية على مدينة إدلب.", "Attack", id="a-fire-after-an-air-strike"),
    pytest.param("حاصرت قوات الجيش العراقي مدينة الفلوجة من ثلاثة محاور.", "MilitaryOperation",
                 id="a-siege-of-a-city"),
    pytest.param("شنت طائرات التحالف ضربات جوية على مواقع داعش في الرقة.", "Attack", id="air-strikes"),
    pytest.param("نفذت طائرات التحالف ضربة جوية قوية على مقر لداعش في البادية.", "Attack", id="a-strong-air-strike"),
    pytest.param("دخلت قوات سوريا الديمقراطية مدينة الطبقة.", "MilitaryOperation", id="forces-enter-a-town"),
    pytest.param("تسلمت القوات العراقية قاعدة عين الأسد من التحالف الدولي.", "Handover", id="a-base-handed-over"),
    pytest.param("أطلق الجيش الحملة على خلايا داعش في صحراء الأنبار.", "MilitaryOperation", id="a-military-campaign"),
    pytest.param("قاد الضابط عمليات ضد خلايا داعش في صحراء الأنبار.", "MilitaryOperation", id="operations-led"),
    pytest.param("أعلنت القوات العراقية استعادة مدينة تكريت من داعش.", "Liberation", id="a-city-retaken"),
    pytest.param("سلمت قوات التحالف قاعدة القيارة نفسها إلى الجيش العراقي.", "Handover", id="the-base-itself-handed-over"),
    pytest.param("اندلعت معارك عنيفة بين قوات سوريا الديمقراطية وتنظيم داعش في ريف دير الزور.", "Battle",
                 id="battles-broke-out"),
    pytest.param("واندلعت مواجهات عنيفة بين الجيش العراقي ومسلحي داعش في حي الزهور.", "Battle", id="clashes-broke-out"),
])
def test_the_sense_rules_leave_the_war_senses(text, event):
    assert event in [t for t, _ in conflict_events(text)]


def test_the_same_words_in_killing_sense_are_kept():
    assert ("Killing", "قضى") in conflict_events("قضى ثلاثة عناصر من الجيش العراقي في ريف كركوك.")


# -- the genre: events kept ------------------------------------------------------

@pytest.mark.parametrize("text, event", [
    pytest.param("حررت القوات العراقية قضاء القائم من تنظيم داعش.", "Liberation", id="armed-agent"),
    pytest.param("انسحب مسلحو التنظيم من قرية الباغوز تحت ضغط المعارك.", "Withdrawal", id="fighters-withdraw"),
    pytest.param("اندلعت معركة عنيفة بين الجيش السوري وعناصر داعش قرب تدمر.", "Battle", id="battle-between-forces"),
    pytest.param("عادت مئات الأسر النازحة إلى مدينة الرمادي.", "Return", id="return-to-a-city"),
    pytest.param("نزح آلاف المدنيين من قرى ريف حماة الشمالي.", "Displacement", id="displaced-from-a-place"),
    pytest.param("دربت قوات التحالف الدولي 500 مقاتل من البيشمركة في أربيل.", "Training", id="training-of-fighters"),
    pytest.param("قتل خمسة مدنيين بانفجار عبوة ناسفة في سوق مدينة الباب.", "Attack", id="bomb-in-a-market"),
])
def test_the_genre_keeps_its_events(text, event):
    assert event in [t for t, _ in conflict_events(text)]


def test_a_conflict_word_elsewhere_in_the_document_confirms():
    returned = "وبعد أيام، عاد الأهالي إلى منازلهم."
    assert conflict_events(returned) == []  # alone, nothing says a war was there
    text = "شنت فصائل المعارضة المسلحة هجوما على مواقع النظام. " + returned
    assert "Return" in [t for t, _ in conflict_events(text)]


def test_a_civic_entity_named_by_a_frame_word_is_no_armed_actor():
    # "مجلس X" is a military council to the cue table; "مجلس النواب" is parliament
    assert conflict_events("شن عضو مجلس النواب هجوما على وزير المالية.") == []


# -- the table -------------------------------------------------------------------

def test_frame_words_are_counted_once_per_run():
    doc = athar.read("تفشى وباء كورونا في المدينة.")
    assert frame_words(doc).totals["health"] == 1


FRAMES_HEADER = "frame\tforms\ttriggers\twindow\tnote\tlemmas\n"


@pytest.mark.parametrize("rows, message", [
    pytest.param("conflict\tداعش\nSports\tمباراة\n", "frames.tsv:3: 'frame' is 'Sports'", id="frame-name"),
    pytest.param("conflict\tداعش\nediting\tرئيس\tتحرير\n", "frames.tsv:3: a sense rule", id="no-window"),
    pytest.param("conflict\tداعش\nediting\tرئيس\tتحرير\t0\n", "frames.tsv:3: 'window' is 0", id="zero-window"),
    pytest.param("conflict\tداعش\nediting\tرئيس\tتحرير\tقبل\n", "frames.tsv:3: 'window' is 'قبل'",
                 id="window-not-a-number"),
    pytest.param("conflict\tداعش\nediting\tرئيس\tكتابة\t-1\n", "frames.tsv:3: trigger(s)", id="unknown-trigger"),
    pytest.param("conflict\tداعش\nsports\tمباراة\t\t+1\n", "frames.tsv:3: 'window' is given", id="window-no-trigger"),
    pytest.param("sports\tمباراة\n", "no row gives the frame 'conflict'", id="no-conflict-frame"),
    pytest.param("conflict\tداعش\nriot\tالشغب\t\t+4\t\tحصر\n", "frames.tsv:3: lemma 'حصر' is no lemma",
                 id="unknown-lemma"),
])
def test_a_malformed_frames_row_names_its_file_and_line(rows, message):
    lang = Language(tables={"frames.tsv": FRAMES_HEADER + rows})
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace(")", r"\)")):
        frame_table(lang)


def test_the_package_table_loads():
    table = frame_table(arabic())
    assert table.words.starts("داعش")
