"""A verb of saying that opens its sentence with no new speaker before what was said goes on with the
speaker of the statement told last (read/continuation.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-16"


def _statements(text: str) -> list[tuple[str, str]]:
    """The Statements read: (the first word of the evidence, without "و", the speaker)."""
    return [(f.evidence.text.split()[0].removeprefix("و").rstrip("،"), f.role("agent")[0].label_ar if f.role("agent") else "")
            for f in athar.read(text, published=PUBLISHED).facts if f.type == "Statement"]


@pytest.mark.parametrize("text, verb, speaker", [
    # the speaker named by what they are (read/statement.py), then the source named again
    pytest.param("وقال مصدر أمني إن القوات دخلت القرية صباح اليوم. وشهدت المنطقة اشتباكات عنيفة. "
                 "وأوضح المصدر أن عناصر التنظيم فروا باتجاه الوادي.", "أوضح", "مصدر أمني", id="the-source-again"),
    pytest.param("وقالت مصادر محلية إن الأهالي بدأوا بالعودة إلى منازلهم. وانتشرت الشرطة في الشوارع. "
                 "وفتحت الأسواق. ولفتت المصادر إلى أن المدارس ستفتح أبوابها الأسبوع المقبل.", "لفتت", "مصادر محلية",
                 id="the-sources-again-ila"),
    # no subject at all: after a word of attribution's statement, and past a deed told between
    pytest.param("وانسحب عناصر التنظيم من البلدة، بحسب المرصد السوري لحقوق الإنسان. "
                 "وأشار إلى أن الطيران قصف الطريق الدولي.", "أشار", "المرصد السوري لحقوق الإنسان",
                 id="pronoun-after-bihasab"),
    pytest.param("وقالت المنظمة الدولية للهجرة إن آلاف الأسر عادت إلى المدينة. وكانت المعارك قد دمرت "
                 "الأحياء الشرقية. وتضررت المدارس والمستشفيات. وأضافت، أن أكثر من نصفها عاد إلى الأحياء الشرقية.", "أضافت", "المنظمة الدولية للهجرة",
                 id="pronoun-comma"),
    pytest.param("وقالت المنظمة الدولية للهجرة إن آلاف الأسر عادت إلى المدينة. "
                 "وأفادت أيضا بأن المخيمات أغلقت.", "أفادت", "المنظمة الدولية للهجرة", id="pronoun-aydan"),
    # a word of the speaker's name, which the family name alone does not give ("عبد")
    pytest.param("وقال مدير المرصد رامي عبد الرحمن إن القوات دخلت البلدة. وشهدت المنطقة اشتباكات عنيفة. "
                 "وأشار عبد الرحمن إلى أن عناصر التنظيم فروا.", "أشار", "رامي عبد الرحمن", id="a-word-of-the-name"),
    # a verb read as one of saying only where it opens its sentence ("بين" is else "between")
    pytest.param("وقال وزير التخطيط محمد الخياط إن المشروع يبدأ الشهر المقبل. وأكدت الوزارة التزامها. "
                 "وبين الخياط، أن الكلفة تبلغ مليار دينار.", "بين", "محمد الخياط", id="bayyana-opening"),
    pytest.param("وقالت مصادر محلية إن الأهالي بدأوا بالعودة. وانتشرت الشرطة في الشوارع. وفتحت الأسواق. "
                 "ونوهت المصادر إلى أن المدارس ستفتح أبوابها.", "نوهت", "مصادر محلية", id="nawwaha-opening"),
    # where it was said, between the verb and what was said
    pytest.param("وأكد مصدر أمني أن القوات دخلت القرية صباح اليوم. وشهدت المنطقة اشتباكات عنيفة. "
                 "وقال في تصريح صحفي إن عناصر التنظيم فروا.", "قال", "مصدر أمني", id="fi-tasrih"),
    # a quotation cut into pieces by its marks ("... لكنها مستمرة."): the reach back is counted in sentences of words
    pytest.param("وقالت المنظمة الدولية للهجرة إن «العودة بطيئة جدا... لكنها مستمرة. نأمل أن تتسارع قريبا». "
                 "وتابعت أن المخيمات ستغلق قبل نهاية العام.", "تابعت", "المنظمة الدولية للهجرة",
                 id="past-a-quotation-in-pieces"),
    # what was said opened by a quotation mark after the speaker named again
    pytest.param("وقال رئيس الوزراء حيدر العبادي إن القوات دخلت المدينة. "
                 "وأضاف العبادي، “ستواصل القوات تقدمها حتى آخر شبر من الأرض”.", "أضاف", "حيدر العبادي",
                 id="quotation-after-the-name-and-a-comma"),
    pytest.param("وقال رئيس الوزراء حيدر العبادي إن القوات دخلت المدينة. "
                 "وأضاف العبادي «ستواصل القوات تقدمها حتى آخر شبر من الأرض».", "أضاف", "حيدر العبادي",
                 id="quotation-right-after-the-name"),
    # a noun of a speaker named by what they are, which the statement told last used ("مراسل الوكالة" ... "المراسل")
    pytest.param("وأفاد مراسل وكالة سانا بأن وحدات الجيش تقدمت في البادية. وشهدت المنطقة اشتباكات. "
                 "وأوضح المراسل أن عناصر التنظيم فروا.", "أوضح", "سانا", id="the-correspondent-again"),
    # every form of a verb of saying lemmas.tsv holds, not only those a list names ("وأكدوا", "ورجحت")
    pytest.param("وقال مسؤولون محليون إن القوات دخلت البلدة. وشهدت المنطقة اشتباكات. "
                 "وأكدوا أن عناصر التنظيم فروا.", "أكدوا", "مسؤولون محليون", id="a-plural-form-of-the-lemma"),
    pytest.param("وقالت مصادر محلية إن القصف استهدف السوق. وشهدت المنطقة حركة نزوح. "
                 "ورجحت المصادر أن تكون الطائرات تابعة للتحالف.", "رجحت", "مصادر محلية", id="rajjaha"),
    # "زاد" said so only where it opens its sentence, what was said right after it ("زاد عدد" is "increased")
    pytest.param("وقالت وزارة الداخلية العراقية إن قواتها اعتقلت خمسة مطلوبين. "
                 "وزادت أن المعتقلين اعترفوا بالتخطيط لهجمات.", "زادت", "وزارة الداخلية العراقية", id="zada-opening"),
])
def test_a_verb_of_saying_that_opens_its_sentence_goes_on_with_the_speaker_before(text, verb, speaker):
    said = dict(_statements(text))
    assert verb in said
    assert speaker in said[verb]


@pytest.mark.parametrize("text, verb", [
    # a new speaker, named by what they are or by a definite name of its own
    pytest.param("وقال مصدر أمني إن القوات دخلت القرية صباح اليوم. "
                 "وأكد ضابط في الشرطة أن عناصر التنظيم فروا.", "أكد", id="indefinite-new-speaker"),
    pytest.param("وقال مصدر أمني إن القوات دخلت القرية صباح اليوم. "
                 "وأكد مصدر آخر أن عناصر التنظيم فروا.", "أكد", id="another-source"),
    pytest.param("وقتل خمسة مدنيين في القصف، بحسب مصدر أمني. "
                 "وذكر التلفزيون الرسمي أن عناصر التنظيم فروا.", "ذكر", id="definite-new-speaker"),
    # "المصدر" where the statement told last named no source: someone not told before
    pytest.param("وقالت منظمة الهجرة الدولية إن مئات الأسر عادت إلى القرية. "
                 "وأوضح المصدر أن المدارس ستفتح.", "أوضح", id="a-source-not-told-before"),
    # no statement before it within reach
    pytest.param("دخلت القوات القرية صباح اليوم. وأشار إلى أن عناصر التنظيم فروا.", "أشار", id="no-speaker-before"),
    # a point added to nothing said: "وأضاف" with no words said after it
    pytest.param("وقال مصدر أمني إن القوات دخلت القرية. وبين القوات والتنظيم معارك مستمرة منذ أسابيع.", "بين",
                 id="bayna-between"),
    pytest.param("وقال مصدر أمني إن القوات دخلت القرية. وأضاف الجيش كتيبة إلى القوات المهاجمة.", "أضاف",
                 id="no-words-said"),
    pytest.param("وقال مصدر أمني إن القوات دخلت القرية. وزاد عدد النازحين إلى ألف أسرة.", "زاد",
                 id="zada-increased"),
    # a noun of a speaker that only what was said used: the sources told of, not the source that told
    pytest.param("وقال الجيش العراقي إن مصادر استخباراتية رصدت تحركات للتنظيم قرب الحدود. "
                 "وأضافت المصادر أن القادة فروا.", "أضافت", id="a-noun-in-what-was-said"),
])
def test_a_verb_of_saying_with_a_speaker_of_its_own_or_none_before_goes_on_with_no_one(text, verb):
    # the verb may make a statement of its own speaker, never one of the source before it
    assert [who for v, who in _statements(text) if v == verb and (who == "" or "مصدر أمني" in who or "الهجرة" in who
                                                              or "الجيش" in who)] == []
