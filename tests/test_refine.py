"""Class refinements by context (refine.tsv): the class a trigger gives becomes another when its
roles and the words of its sentence say so. Sentences written for these tests."""

from __future__ import annotations

import pytest

from athar.read.pipeline import Pipeline

PUBLISHED = "2021-03-01"


def _classes(text: str) -> list[str]:
    return [f.type for f in Pipeline()(text, published=PUBLISHED).facts if not f.relation]


@pytest.mark.parametrize("text", [
    pytest.param("وستقوم قوات الشرطة المحلية بالسيطرة على الأحياء المحررة في مدينة الرمادي.", id="liberated-districts"),
    pytest.param("وتتولى أفواج الطوارئ السيطرة على الأرض المحررة في قضاء هيت.", id="liberated-ground"),
])
def test_control_over_liberated_ground_is_a_deployment(text):
    found = _classes(text)
    assert "Redeployment" in found and "Liberation" not in found, found


def test_control_taken_is_no_deployment():
    found = _classes("سيطرت القوات العراقية على حي الضباط في الرمادي بعد معارك مع داعش.")
    assert "Liberation" in found and "Redeployment" not in found, found


@pytest.mark.parametrize("text, expected", [
    pytest.param("أنهت وحدات الجيش تطهير قرية البوحمد، ورفعت الألغام الأرضية المزروعة حولها من المخلفات الحربية.",
                 "Liberation", id="war-remnants-in-a-clause-of-their-own"),
    pytest.param("أكملت قوات الشرطة تطهير منطقة الصناعة، وفجرت السيارات الملغومة التي تركها المسلحون.",
                 "Liberation", id="mined-cars-in-a-clause-of-their-own"),
    pytest.param("أكملت قوات الشرطة تطهير منطقة الصناعة من المنازل الملغومة.", "Demining", id="mined-houses-its-own"),
    pytest.param("سيطرت القوات العراقية على بلدات في كركوك، ونينوى، وديالى، عقب انسحاب المسلحين منها.",
                 "Liberation", id="list-of-names-goes-on"),
])
def test_a_refining_word_of_another_clause_does_not_refine(text, expected):
    """"تطهير X، وفككت المنازل الملغمة": what a coordinated clause of its own tells after the
    trigger does not make the trigger's event another class; a list of names going on does."""
    facts = sorted((f for f in Pipeline()(text, published=PUBLISHED).facts if not f.relation),
                   key=lambda f: f.trigger_start)
    assert facts and facts[0].type == expected, [(f.trigger, f.type) for f in facts]  # the first trigger's event


@pytest.mark.parametrize("text, expected", [
    pytest.param("وانفجرت عبوة ناسفة لدى مرور سيارة مدنية على طريق تكريت", "Attack", id="went-off-is-no-blew-up"),
    pytest.param("قصفت الطائرات الحربية الجسر الرئيسي في مدينة تدمر", "Attack", id="palmyra-is-no-destroyed"),
    pytest.param("استهدف مسلحو داعش بقذائف الهاون المستشفى الوطني في تدمر", "Attack", id="palmyra-after-a-target"),
    pytest.param("وفجروا الجسر الرئيسي في الرقة", "Destruction", id="the-cue-after-a-conjunction"),
    pytest.param("فجر التنظيم جسر الرقة قبل انسحابه", "Destruction", id="the-cue-itself"),
])
def test_a_refining_word_is_the_cue_with_its_proclitics_only(text, expected):
    """"انفجرت" (went off) ends with "فجرت" (blew up) and "تدمر" (Palmyra) with "دمر": neither
    makes an attack on a facility its destruction; "وفجروا" does."""
    classes = _classes(text)
    assert expected in classes and ({"Attack", "Destruction"} - {expected}).isdisjoint(classes), classes


@pytest.mark.parametrize("text, expected", [
    pytest.param("سيطر الحشد الشعبي على قرى شمال الحويجة", "Liberation", id="perfect-masculine"),
    pytest.param("وسيطرت القوات العراقية على قرية البوعيثة", "Liberation", id="perfect-feminine"),
    pytest.param("وسيطر الجيش العراقي على التلال المحيطة بالقائم", "Liberation", id="perfect-after-a-conjunction"),
    pytest.param("وتسيطر قوات الجيش العراقي على قضاء القائم منذ عام 2017", "TerritorialControl", id="imperfect-held"),
    pytest.param("ويسيطر الجيش السوري على أحياء المدينة الشرقية في دير الزور", "TerritorialControl",
                 id="imperfect-masculine-held"),
    pytest.param("سيطر تنظيم داعش على مدينة الموصل في حزيران", "TerritorialControl", id="taken-by-an-armed-group"),
])
def test_control_taken_by_a_state_force_is_a_capture(text, expected):
    """The perfect of سيطر with a state's force as its doer tells a place taken (a Liberation); the
    imperfect tells ground held, and ground an armed group takes stays its control."""
    classes = _classes(text)
    assert expected in classes and ({"Liberation", "TerritorialControl"} - {expected}).isdisjoint(classes), classes


@pytest.mark.parametrize("text, expected", [
    # control an armed group takes is a capture, told by the words of control
    pytest.param("وتمكن مسلحو تنظيم داعش من السيطرة على قرى الحمرا والشبكي شرق السويداء.",
                 "TerritorialControl", id="the-group-takes-villages"),
    pytest.param("واستعاد تنظيم داعش السيطرة على قرية الحمرا بعد هجوم مباغت.", "TerritorialControl", id="the-group-retakes"),
    # the same words with a state's side are a liberation
    pytest.param("وتمكنت قوات سوريا الديمقراطية من السيطرة على قرية الحمرا بعد طرد تنظيم داعش منها.",
                 "Liberation", id="a-state-side-takes"),
    pytest.param("واستعاد الجيش العراقي السيطرة على قرية الحمرا.", "Liberation", id="the-army-retakes"),
])
def test_control_an_armed_group_takes_is_no_liberation(text, expected):
    found = [c for c in _classes(text) if c in ("Liberation", "TerritorialControl")]
    assert found[:1] == [expected], found


@pytest.mark.parametrize("text", [
    pytest.param("وتعمل المنظمة على تطهير مدينة سنجار من بقايا المتفجرات التي خلفها التنظيم.", id="explosives-left"),
    pytest.param("تواصل الفرق الهندسية تطهير حي الزنجيلي من متفجرات داعش.", id="explosives-of-a-group"),
])
def test_a_place_cleared_of_explosives_is_demined(text):
    found = _classes(text)
    assert "Demining" in found and "Liberation" not in found, found


def test_explosives_of_another_clause_leave_a_liberation():
    found = _classes("أكملت القوات تطهير حي الزنجيلي في الموصل، وقتلت المتفجرات ثلاثة مدنيين في الحي المجاور.")
    assert "Liberation" in found and "Demining" not in found, found


@pytest.mark.parametrize("text", [
    pytest.param("لجأت مئات العائلات إلى مخيم المبروكة الواقع تحت سيطرة قوات سوريا الديمقراطية، مع اشتداد المعارك في "
                 "الريف الغربي.", id="camp-under-control-beside-fighting"),
    pytest.param("قصفت المدفعية القرى الخاضعة لسيطرة الجيش العراقي بعد اشتباكات عنيفة في المنطقة.",
                 id="villages-subject-to-control-after-clashes"),
    pytest.param("عاد آلاف النازحين إلى مناطق سيطرة الجيش السوري بعد انتهاء المعارك في البادية.",
                 id="areas-of-control-after-battles"),
])
def test_ground_held_under_control_is_no_capture(text):
    """"الواقع تحت سيطرة", "الخاضعة لسيطرة", "مناطق سيطرة": the masdar of control under "تحت", after "الخاضعة"
    or annexed to ground tells ground held; the fighting its sentence tells around it takes nothing."""
    found = _classes(text)
    assert "TerritorialControl" in found and "Liberation" not in found, found


def test_control_taken_by_its_masdar_is_a_capture():
    found = _classes("وأعلن الجيش السيطرة على قرية المشرفة بعد اشتباكات مع مسلحي داعش.")
    assert "Liberation" in found and "TerritorialControl" not in found, found
