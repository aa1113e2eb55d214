"""Statements: who said what, when (read/lang/ar/events.tsv's Statement rows), each rule with a
sentence written for it (not from data/eval/test)."""

from __future__ import annotations

import pytest

import athar

PUBLISHED = "2021-03-16"  # a Tuesday


def _statements(text: str, published: str = PUBLISHED):
    return [f for f in athar.read(text, published=published).facts if f.type == "Statement"]


def _agents(fact) -> list[tuple[str, str]]:
    return [(m.type, m.label_ar) for m in fact.role("agent")]


def test_an_outlet_that_carries_a_statement_is_no_speaker():
    text = 'وقال قائد عمليات نينوى اللواء نجم الجبوري، في تصريح مكتوب وصل "الأناضول" نسخة منه، إن القوات أنهت عملياتها'
    found = _statements(text)
    assert [_agents(f) for f in found] == [[("Person", "نجم الجبوري")]]


def test_an_unnamed_source_speaks_as_the_text_describes_it():
    text = "انسحب الجيش العراقي من بلدة القائم، وأوضح مصدر عسكري أن الانسحاب جاء بعد اتفاق مع العشائر."
    assert [_agents(f) for f in _statements(text)] == [[("Person", "مصدر عسكري")]]
    assert [f.type for f in athar.read(text, published=PUBLISHED).facts if not f.relation] == ["Withdrawal", "Statement"]


@pytest.mark.parametrize("text, speaker", [
    pytest.param("انسحب الجيش العراقي من بلدة القائم، وأوضح شهود أن الانسحاب جاء بعد اتفاق مع العشائر.", "شهود",
                 id="witnesses"),
    pytest.param("وذكر ناشطون محليون بأن الألغام قتلت ثلاثة مدنيين في الحي الغربي.", "ناشطون محليون", id="activists"),
])
def test_witnesses_and_activists_speak_as_the_text_describes_them(text, speaker):
    # the gold's convention since its Statements were re-annotated (EVALUATION.md, milestone 13)
    assert [_agents(f) for f in _statements(text)] == [[("Group", speaker)]]


def test_an_official_speaks_for_the_body_named_after_them():
    found = _statements("وقال متحدث باسم وزارة الداخلية العراقية إن القوات اعتقلت خمسة مطلوبين في كركوك.")
    assert [_agents(f) for f in found] == [[("GovernmentBody", "وزارة الداخلية العراقية")]]


def test_a_statement_named_after_according_to_is_a_source_not_a_statement():
    text = ("وأكد التحالف الدولي أن قواته ستبقى في العراق. "
            "وتدعم قوات التحالف الجيش العراقي في معاركه ضد داعش، بحسب البيان.")
    assert [f.trigger for f in _statements(text)] == ["أكد"]


def test_a_name_in_what_was_said_is_no_speaker():
    text = "وسلمت الإدارة الذاتية ثلاثة أطفال إلى الحكومة العراقية، قالت إنهم من عائلات تنظيم داعش."
    assert not [f for f in _statements(text) if ("ArmedGroup", "تنظيم داعش") in _agents(f)]


@pytest.mark.parametrize("text, opens", [
    # a quotation mark after the speaker named with a comma, or after the one word after the verb, opens what was said
    pytest.param("وأضاف العبادي، “ستواصل القوات تقدمها حتى آخر شبر”.", "“", id="after-a-comma"),
    pytest.param("وأضاف العبادي «ستواصل القوات تقدمها حتى آخر شبر».", "«", id="after-the-name"),
    # one that closes within a few words is a name in quotes: what was said opens after it
    pytest.param('وأفادت إذاعة "صوت الرقة الحر" بأن القوات دخلت القرية.', "بأن", id="a-name-in-quotes"),
])
def test_a_quotation_mark_after_the_speaker_opens_what_was_said(text, opens):
    from athar.read.utterance import what_was_said

    doc = athar.read(text, published=PUBLISHED)
    trig = next(t for t in doc.triggers if t.rule.event == "Statement")
    said = what_was_said(doc, trig, doc.sentences[0].last_token)
    start, end = doc.original(doc.tokens[said].start, doc.tokens[said].end)
    assert doc.text[start:end] == opens


def test_a_person_with_a_title_is_the_speaker_not_the_body_of_the_title():
    found = _statements("وذكر جون سميث ممثل منظمة الصحة العالمية في العراق أن الوضع الصحي يتدهور بسرعة.")
    assert [_agents(f) for f in found] == [[("Person", "جون سميث")]]


def test_the_evidence_of_a_statement_holds_what_was_said():
    text = "قالت منظمة العفو الدولية، الأربعاء، إن المدنيين يواجهون خطرا كبيرا في المدينة."
    (found,) = _statements(text)
    assert found.evidence.text == text.rstrip(".")
    assert found.date is not None and found.date.value == "2021-03-10"


def test_the_speaker_tables_load_and_name_a_bad_row():
    from athar.errors import LexiconError
    from athar.read.language import Language
    from athar.read.statement import according_words, speaker_nouns

    assert speaker_nouns(Language())["مصدر"] == "unnamed"
    assert speaker_nouns(Language())["شهود"] == "source"
    assert ("بحسب",) in according_words(Language())
    with pytest.raises(LexiconError, match="speakers.tsv:2"):
        speaker_nouns(Language({"speakers.tsv": "kind\tforms\nwitness\tشاهد\n"}))
    with pytest.raises(LexiconError, match="attribution.tsv:2"):
        according_words(Language({"attribution.tsv": "kind\tforms\nhearsay\tبحسب\n"}))


def test_who_goes_on_speaking_is_the_person_not_the_body_they_speak_for():
    text = ('وذكر جون سميث ممثل منظمة الصحة العالمية في العراق أن الوضع الصحي يتدهور، '
            'وقال "علينا أن نعمل بسرعة لإنقاذ الأطفال في المخيمات".')
    found = _statements(text)
    assert [_agents(f) for f in found] == [[("Person", "جون سميث")]]


def test_an_announcement_by_a_civil_body_or_an_armed_party_is_a_statement():
    found = _statements("أعلنت منظمة الهجرة الدولية، الخميس، عودة أكثر من ألف لاجئ عراقي من تركيا.")
    assert [_agents(f) for f in found] == [[("InternationalOrganization", "المنظمة الدولية للهجرة")]]
    assert found[0].date is not None and found[0].date.value == "2021-03-11"
    # an armed party's announcement is its statement too (read/announcement.py), beside the deed it announces
    found = _statements("أعلنت قوات سوريا الديمقراطية السيطرة على قرية الكرامة في ريف الرقة الشرقي.")
    assert [_agents(f) for f in found] == [[("ArmedForce", "قوات سوريا الديمقراطية")]]


def test_the_alliance_named_again_speaks():
    text = "بدأ حلف شمال الأطلسي مهمة لتدريب الجيش العراقي. وقال الحلف في بيان إن الدورة تستمر خمسة أسابيع."
    assert [[m.key for m in f.role("agent")] for f in _statements(text)] == [["nato"]]


def test_one_of_a_body_s_members_speaks_as_the_text_describes_them():
    found = _statements("وقال أحد ضباط الجيش العراقي إن القوات تقدمت نحو البلدة.")
    assert [[m.key.startswith("source-") for m in f.role("agent")] for f in found] == [[True]]


def test_a_place_in_what_was_said_is_not_where_it_was_said():
    text = ("أعلنت وزارة الداخلية العراقية اعتقال خمسة مطلوبين. "
            'وذكر إعلام الوزارة في بيان، أنه "بعد ورود معلومات عن شبكة داخل محافظة كركوك، تم اعتقال المطلوبين".')
    found = _statements(text)
    # the second, told with a noun of statement of its own, is a speech act of its own
    assert [f.trigger for f in found] == ["أعلنت", "ذكر"]
    assert not [m for f in found for m in f.role("place")]


@pytest.mark.parametrize("text, key", [
    pytest.param("تعرب منظمة الصحة العالمية عن قلقها العميق إزاء التقارير عن تفشي الكوليرا في مخيم الهول.", "who",
                 id="concern"),
    pytest.param("حذرت الأمم المتحدة من كارثة إنسانية في مخيم الركبان.", "un", id="warning"),
    pytest.param("ودعت اليونيسف إلى حماية الأطفال في مدينة الرقة.", "unicef", id="call"),
])
def test_concern_warnings_and_calls_of_a_body_are_its_statement(text, key):
    assert [[m.key for m in f.role("agent")] for f in _statements(text)] == [[key]]


@pytest.mark.parametrize("text", [
    pytest.param("وعاد لاجئ وطالب لجوء عراقي من تركيا إلى الموصل.", id="an-asylum-seeker"),
    pytest.param("وعلى القوات العراقية أن تتوخى مزيداً من الحذر في المدينة.", id="caution"),
])
def test_nouns_that_look_like_verbs_of_saying_say_nothing(text):
    assert _statements(text) == []


@pytest.mark.parametrize("text", [
    pytest.param("وقال نائب رئيس مجلس محافظة نينوى إن المدينة ستعمر.", id="the-title-alone"),
])
def test_the_body_of_a_title_does_not_speak_for_its_officer(text):
    assert _statements(text) == []


def test_an_officer_named_before_the_title_speaks_not_the_body():
    found = _statements("وقال كريم داود مدير قسم الإغاثة في منظمة الصحة العالمية إن الوضع يتدهور.")
    assert [_agents(f) for f in found] == [[("Person", "كريم داود")]]


def test_that_came_in_a_report_names_the_source_of_what_was_told():
    text = ("قتلت الألغام عشرات المدنيين في الرقة منذ طرد التنظيم. "
            "جاء ذلك في تقرير لمنظمة هيومن رايتس ووتش نشرته اليوم.")
    assert _statements(text) == []


def test_said_in_a_statement_is_one_statement_before_repetitions_are_dropped():
    from athar.read.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.remove("repetitions")
    doc = pipeline("قال التحالف الدولي في بيان من بغداد إن قواته ستبقى في العراق.", published=PUBLISHED)
    assert [f.trigger for f in doc.facts if f.type == "Statement"] == ["قال"]


def test_a_member_named_with_their_title_speaks_for_no_body():
    # the person named speaks (the gold's convention since its Statements were re-annotated), not the body
    text = "وقال أحمد خليل أحد عناصر قوات البيشمركة إن الفرق فككت عشرات العبوات."
    assert [_agents(f) for f in _statements(text)] == [[("Person", "أحمد خليل")]]
    assert [f.type for f in athar.read(text, published=PUBLISHED).facts] == ["Statement", "memberOf", "Demining"]


def test_a_request_by_a_head_of_government_is_his_statement():
    found = _statements("وكان رئيس الوزراء العراقي حيدر العبادي قد طلب من الدول المانحة مساعدة العراق.")
    assert [[t for t, _ in _agents(f)] for f in found] == [["Person"]]


@pytest.mark.parametrize("text", [
    pytest.param("ارتفع الطلب على النفط في الأسواق العالمية، وفق منظمة أوبك.", id="demand-for-oil"),
    pytest.param("وقالت الحكومة العراقية إن الطلب على الكهرباء ارتفع في الصيف.", id="demand-in-what-was-said"),
    pytest.param("احتفل الجيش العراقي في ذكرى تأسيس الجيش العراقي في بغداد.", id="an-anniversary"),
])
def test_a_noun_with_the_article_is_no_verb_of_saying(text):
    # "وفق منظمة أوبك" is a statement of its own (read/accord.py): "الطلب" is none
    assert [f.trigger for f in _statements(text)] in ([], ["قالت"], ["وفق"])


@pytest.mark.parametrize("text, office, told", [
    pytest.param("وأعلنت خلية الإعلام الأمني في بيان أن القوات العراقية حررت قرية البوعلي.", "خلية الإعلام الأمني",
                 "Liberation", id="cell-announces"),
    pytest.param("إلا أن مركز الإعلام الأمني أفاد بأن الطيران العراقي قصف مواقع التنظيم يوم الخميس.", "مركز الإعلام الأمني",
                 "Attack", id="centre-before-its-verb"),
    pytest.param("وقد أعلن إعلام الحشد الشعبي أن اللواء الثاني سيطر على القرية.", "إعلام الحشد الشعبي",
                 "Liberation", id="no-head-noun"),
    pytest.param("وذكرت خلية الإعلام الحربي أن قوات الجيش حررت القرية.", "خلية الإعلام الحربي", "Liberation",
                 id="war-cell"),
    pytest.param("وذكر مكتب إعلام الوزارة أن القوات اعتقلت خمسة مطلوبين.", "مكتب إعلام الوزارة", "Arrest",
                 id="office-by-cue"),
])
def test_a_media_office_speaks_for_its_side_as_an_outlet_does(text, office, told):
    # what the office tells is its statement, and the news it tells is read as well
    said = _statements(text)
    assert [[m.label_ar for m in f.role("agent")] for f in said] == [[office]]
    assert told in [f.type for f in athar.read(text, published=PUBLISHED).facts if not f.relation]


def test_an_armed_council_announcing_what_it_did_makes_a_statement():
    text = "المجلس العسكري يعلن تسلم مدينة الباب من الفصائل."
    assert [_agents(f) for f in _statements(text)] == [[("GovernmentBody", "المجلس العسكري")]]


def test_a_statement_on_behalf_of_a_body_is_the_body_s():
    found = _statements("بيان بالنيابة عن التحالف الدولي ضد داعش بمناسبة هزيمة داعش في الباغوز")
    assert [[m.key for m in f.role("agent")] for f in found] == [["coalition"]]


def test_an_official_named_before_what_was_said_is_the_speaker_not_the_body():
    text = ("وقال المتحدث باسم المفوضية السامية للأمم المتحدة لشؤون اللاجئين “بيتر مولر” من جنيف، "
            "إن آلاف المدنيين لا يزالون عالقين في المدينة.")
    assert [_agents(f) for f in _statements(text)] == [[("Person", "بيتر مولر")]]


def test_an_official_with_no_name_leaves_the_body_the_speaker():
    text = "وقال المتحدث باسم المفوضية السامية للأمم المتحدة لشؤون اللاجئين إن آلاف المدنيين لا يزالون عالقين."
    assert [[t for t, _ in _agents(f)] for f in _statements(text)] == [["InternationalOrganization"]]


def test_a_deputy_holds_an_office_and_speaks_a_member_speaks_for_no_body():
    deputy = ("قالت منظمة الصحة العالمية إن فرقها وصلت إلى المخيم. وقال نائب مدير المنظمة “سامي العلي” "
              "في لقاء مع إذاعة محلية: «الوضع في المخيم صعب».")
    assert [_agents(f) for f in _statements(deputy)][-1] == [("Person", "سامي العلي")]
    member = "وقال سامي العلي أحد عناصر البشمركة إن المسلحين هاجموا القرية ليلا."
    assert [_agents(f) for f in _statements(member)] == [[("Person", "سامي العلي")]]


def test_a_statement_issued_by_an_officer_is_the_officer_s():
    text = ("وأصدرت الوزارة بيانا صادرا عن مدير منظمة الصحة العالمية، السيد كريم داود، "
            "أكد فيه أن الوضع يتدهور.")
    assert [_agents(f) for f in _statements(text)] == [[("Person", "كريم داود")]]


def test_the_person_who_said_it_in_a_statement_made_it():
    text = "وقال الكولونيل الأمريكي جون سميث المتحدث باسم القوات الدولية في بيان إن الغارات دمرت مواقع التنظيم."
    assert [_agents(f) for f in _statements(text)] == [[("Person", "جون سميث")]]


def test_a_body_in_the_titles_before_the_speaker_is_no_second_speaker():
    # "و" joins the council of the first title to the minister of the second: one speaker, the person
    text = "وقال نائب رئيس مجلس الوزراء ووزير الخارجية القطري خالد سالم العطية، اليوم، إن المساعدات وصلت."
    found = _statements(text)
    assert [_agents(f) for f in found] == [[("Person", "خالد سالم العطية")]]


def test_a_place_in_the_speaker_s_title_is_where_they_hold_office_not_where_they_spoke():
    found = _statements("وقال ممثل منظمة اليونيسف في العراق جون هاريس إن الأطفال بحاجة للمساعدة.")
    assert [_agents(f) for f in found] == [[("Person", "جون هاريس")]]
    assert not found[0].role("place")


def test_a_verb_of_saying_joined_on_goes_on_with_the_speaker_named_after_the_last_one():
    # the subject of the sentence did the killing; who said it is who was named after "أعلنت"
    text = ("قصف التحالف الدولي قرية قرب الرقة، حسبما أعلنت منظمة العفو الدولية التي وثقت "
            "القصف، وقالت إنه قتل عشرة مدنيين.")
    # "حسبما أعلنت" is a statement of the organization's too (read/accord.py)
    assert [_agents(f) for f in _statements(text)] == [[("InternationalOrganization", "منظمة العفو الدولية")]] * 2


def test_a_verb_of_saying_joined_on_after_a_monitor_goes_on_with_the_monitor():
    # a monitor or an agency that tells the news is the speaker of what it says (as the gold codes it)
    text = ("أعدم التنظيم خمسة رجال في ريف الحسكة، بحسب ما ذكر المرصد السوري لحقوق الإنسان الذي وثق "
            "العملية، وقال إنها الأولى هذا الشهر. وذكر المرصد أن الجثث بقيت في العراء.")
    found = _statements(text)
    assert found and all(_agents(f) == [("MediaOutlet", "المرصد السوري لحقوق الإنسان")] for f in found)


@pytest.mark.parametrize("text, speaker", [
    pytest.param("وفي بيان له، قال التحالف الدولي إن طائراته قصفت مواقع التنظيم.", ("Coalition", "التحالف الدولي"),
                 id="masculine"),
    pytest.param("وفي بيان لها، قالت منظمة الصحة العالمية إن فرقها وصلت إلى المخيم.",
                 ("InternationalOrganization", "منظمة الصحة العالمية"), id="feminine"),
])
def test_a_statement_named_before_a_comma_leaves_the_verb_its_own_speaker(text, speaker):
    # "في بيان له،" frames the verb after the comma; it does not join the noun into one trigger
    assert [_agents(f) for f in _statements(text)] == [[speaker]]


@pytest.mark.parametrize("text, person", [
    pytest.param("وقالت المنظمة في بيان صادر عن المديرة التنفيذية لليونيسف، السيدة سارة أحمد، إن الأطفال يعانون.",
                 "سارة أحمد", id="said-in"),
    pytest.param("وأصدرت الوزارة بيانا صادرا عن المدير التنفيذي لليونيسف، السيد كريم داود، أكد فيه أن الوضع يتدهور.",
                 "كريم داود", id="accusative"),
])
def test_a_title_between_issued_by_and_the_person_leaves_the_person_the_speaker(text, person):
    assert [_agents(f) for f in _statements(text)] == [[("Person", person)]]


def test_one_an_announced_killing_was_done_to_is_not_the_speaker():
    # the person named after the word of the killing was killed: the ministry or the media office
    # speaks, the dead man does not
    said = _statements("أعلنت وزارة الدفاع العراقية مقتل القيادي في تنظيم داعش أبو عبد الله الحديثي بضربة جوية.")
    assert [_agents(f) for f in said] == [[("GovernmentBody", "وزارة الدفاع العراقية")]]
    said = _statements("أعلنت خلية الإعلام الأمني مقتل القيادي في تنظيم داعش أبو عبد الله الحديثي بضربة جوية.")
    assert [_agents(f) for f in said] == [[("GovernmentBody", "خلية الإعلام الأمني")]]


@pytest.mark.parametrize("text", [
    pytest.param("وذكر التلفزيون السوري الرسمي أن انفجارا وقع قرب المدينة.", id="syrian-official"),
    pytest.param("وأورد التلفزيون الرسمي السوري أن عدد القتلى ارتفع إلى عشرة.", id="official-syrian"),
])
def test_the_syrian_state_television_is_an_outlet_that_speaks(text):
    assert [[m.type for m in f.role("agent")] for f in _statements(text)] == [["MediaOutlet"]]
