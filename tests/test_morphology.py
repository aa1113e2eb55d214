"""The verbs of lemmas.tsv: every form the generator writes is read as a trigger of its class,
and the examples of real news ("يحررانها", "استعادتها") with their pronoun endings."""

from __future__ import annotations

import pytest

from athar.errors import LexiconError
from athar.read.language import Language, arabic
from athar.read.morphology import conjugate, inflect, lemmas, masdar_of, object_forms
from athar.read.pipeline import Pipeline
from athar.read.text import normalize_word

VERB_FRAME = "{form} القوات 20 موقعا في البلدة أمس."
NOUN_FRAME = "وتواصلت {form} البلدة 20 يوما."
# a form whose rule needs a sum of money ("خصص", "منح") is read beside one
MONEY_FRAME = "{form} الحكومة 20 مليون دولار للبلدة أمس."

_PIPELINE: list[Pipeline] = []


def _events_at(text: str, form: str) -> set[str]:
    """The classes of the triggers that cover ``form`` in ``text``."""
    if not _PIPELINE:
        _PIPELINE.append(Pipeline(arabic()))
    doc = _PIPELINE[0](text)
    form = normalize_word(form)
    at = doc.norm.text.index(form) + len(form) - 1  # a trigger leaves its proclitics out
    return {t.rule.event for t in doc.triggers if t.start <= at < t.end}


def _generated() -> list:
    """Every generated form that events.tsv does not list (a listed form keeps its own row)."""
    rows = arabic().table("events.tsv", ("event", "triggers", "pos", "slots"))
    listed = {f: row["event"] for row in rows for f in row.forms("triggers")}
    needs = {f: row.get("needs") for row in rows for f in row.forms("triggers")}
    out = []
    for entry in lemmas(arabic()):
        i = entry.inflection
        passives = i.passive if entry.passive_rule != "-" else ()
        money = {"verb": needs.get(entry.rule) == "money", "noun": needs.get(entry.noun_rule) == "money"}
        groups = [("verb", i.verb + i.participles + passives), ("noun", i.nouns)]
        if entry.objects:  # read with its objects (objects.tsv): "وزعت المساعدات"; a form left out stays out with them
            groups = [("noun" if column == "noun_rule" else "verb",
                       tuple(f for f in forms if f.split()[0] not in entry.excluded))
                      for forms, _, column in object_forms(entry)]
        for kind, forms in groups:
            for form in _covering(entry, forms):
                if form not in entry.excluded and form not in listed:
                    out.append(pytest.param(entry.event, "money" if money[kind] else kind, form,
                                            id=f"{entry.event}-{form}"))
    return out


def _covering(entry, forms: tuple[str, ...]) -> list[str]:
    """The forms of a lemma to test: all of them; for a verb read with its objects (objects.tsv),
    every inflection with its first object and its first form with every object (the table
    writes each form with each object alike)."""
    if not entry.objects:
        return list(forms)
    # an object is read by its first two words, after the verb's own words ("عثر على")
    forms = tuple(dict.fromkeys(" ".join(f.split()[:len(entry.lemma.split()) + 2]) for f in forms))
    first = " ".join(entry.objects[0].split()[:2])
    with_first = [f for f in forms if f.endswith(" " + first)]
    head = with_first[0][: -len(first)] if with_first else ""
    return list(dict.fromkeys(with_first + [f for f in forms if head and f.startswith(head)]))


@pytest.mark.parametrize(("event", "kind", "form"), _generated())
def test_every_generated_form_is_a_trigger_of_its_class(event, kind, form):
    frame = {"verb": VERB_FRAME, "money": MONEY_FRAME}.get(kind, NOUN_FRAME)
    assert event in _events_at(frame.format(form=form), form)


@pytest.mark.parametrize(("text", "form", "event"), [
    pytest.param("القوات العراقية يحررانها من التنظيم", "يحررانها", "Liberation", id="dual-imperfect-object"),
    pytest.param("وبعد استعادتها من داعش عاد السكان", "استعادتها", "Liberation", id="masdar-possessive"),
    pytest.param("يستعيدون البلدة من داعش", "يستعيدون", "Liberation", id="imperfect-plural"),
    pytest.param("استعيدت البلدة من داعش", "استعيدت", "Liberation", id="passive-hollow-x"),
    pytest.param("استُعيدت البلدة من داعش", "استُعيدت", "Liberation", id="passive-diacritics"),
    pytest.param("بعد سيطرتهم على البلدة", "سيطرتهم", "TerritorialControl", id="masdar-possessive-plural"),
    pytest.param("حرروها من داعش", "حرروها", "Liberation", id="perfect-plural-object"),
    pytest.param("وسيهاجمون مواقع داعش", "وسيهاجمون", "Attack", id="future-conjunction"),
    pytest.param("هوجمت القافلة في البلدة", "هوجمت", "Attack", id="passive-form-iii"),
    pytest.param("يلقون القبض على عناصر داعش", "يلقون القبض", "Arrest", id="defective-two-words"),
    pytest.param("استولوا على البلدة", "استولوا", "TerritorialControl", id="defective-x"),
    pytest.param("ويعودون إلى منازلهم", "ويعودون", "Return", id="hollow-i"),
])
def test_inflected_triggers_of_real_news(text, form, event):
    assert event in _events_at(text, form)


@pytest.mark.parametrize(("text", "form"), [
    pytest.param("لا يزال الطريق مغلقا", "يزال", id="still"),
    pytest.param("أعدت الحكومة خطة جديدة", "أعدت", id="prepared"),
    pytest.param("سافر الوفد إلى عدن أمس", "عدن", id="aden"),
    pytest.param("تستهدف الحملة الأطفال", "تستهدف", id="aims-at"),
])
def test_homographs_are_not_generated(text, form):
    assert not _events_at(text, form)


@pytest.mark.parametrize(("lemma", "form", "expected"), [
    pytest.param("حرر", "II", {"حررت", "حرروا", "يحررون", "يحرران", "تحررين", "حررنا", "حررن", "يحررن", "نحرر"}, id="ii"),
    pytest.param("استعاد", "X", {"استعادت", "استعادوا", "يستعيد", "يستعيدون", "استعدنا", "يستعدن"}, id="hollow-x"),
    pytest.param("عاد", "I-u", {"عاد", "عادت", "عادوا", "عدنا", "يعود", "يعودون", "يعدن"}, id="hollow-i"),
    pytest.param("القي", "IV", {"القت", "القوا", "القينا", "يلقي", "يلقون", "يلقيان", "يلقين"}, id="defective-iv"),
])
def test_conjugation(lemma, form, expected):
    active, _ = conjugate(lemma, form)
    assert expected <= set(active)


@pytest.mark.parametrize(("lemma", "form", "passive"), [
    pytest.param("استعاد", "X", {"استعيد", "استعيدت", "يستعاد"}, id="hollow-x"),
    pytest.param("اعاد", "IV", {"اعيد", "اعيدت", "يعاد"}, id="hollow-iv"),
    pytest.param("اغتال", "VIII", {"اغتيل"}, id="hollow-viii"),
    pytest.param("هاجم", "III", {"هوجم", "هوجمت"}, id="iii"),
    pytest.param("حرر", "II", set(), id="sound-same-as-active"),
])
def test_the_passive_of_its_own(lemma, form, passive):
    assert set(conjugate(lemma, form)[1]) >= passive
    if not passive:
        assert conjugate(lemma, form)[1] == ()


@pytest.mark.parametrize(("lemma", "form", "masdar"), [
    ("حرر", "II", "تحرير"), ("هاجم", "III", "مهاجمه"), ("اعدم", "IV", "اعدام"), ("اعاد", "IV", "اعاده"),
    ("انسحب", "VII", "انسحاب"), ("اعتقل", "VIII", "اعتقال"), ("اغتال", "VIII", "اغتيال"),
    ("استهدف", "X", "استهداف"), ("استعاد", "X", "استعاده"), ("سيطر", "Q", "سيطره"), ("قتل", "I", ""),
])
def test_derived_masdar(lemma, form, masdar):
    assert masdar_of(lemma, form) == masdar


def test_masdar_takes_its_construct_stem_and_plural():
    assert inflect("استعاد", "X").nouns == ("استعاده", "استعادت", "استعادات")


def test_the_generator_covers_the_forms_events_tsv_lists():
    """Every one-word verb form events.tsv lists for a lemma's rule is generated (so that the
    lists can later be cut down to lemmas)."""
    generated = {f for e in lemmas(arabic()) for f in e.inflection.verb + e.inflection.passive + e.inflection.nouns}
    listed = {"حرر", "حررت", "حرروا", "يحرر", "استعاد", "استعادت", "استعادوا", "حررتا", "حررا", "سيطر", "سيطرت",
              "سيطروا", "يسيطر", "تسيطر", "سيطره", "استولي", "استولت", "يحتفظ", "احتفظ", "احتل", "احتلت", "هاجم",
              "هاجمت", "هاجموا", "يهاجم", "تهاجم", "قصفت", "قصفوا", "يقصف", "تقصف", "فجر", "فجرت", "فجروا", "اغتال",
              "اغتالت", "اغتالوا", "يغتال", "استهدف", "استهدفت", "قتل", "قتلوا", "قتلت", "اغتيل", "اعدم", "اعدمت",
              "يقتل", "استشهد", "استشهدت", "استشهدوا", "اعتقل", "اعتقلت", "اعتقلوا", "احتجز", "احتجزت", "اختطف",
              "اختطفت", "اختطفوا", "يختطف", "خطفت", "خطفوا", "عاد", "عادت", "عادوا", "يعود", "يعودون", "تعود",
              "رجع", "رجعت", "رجعوا", "اعاد", "اعادت", "اعادوا", "يعيد", "تعيد", "اعيد", "اعيدت", "اعيدوا", "درب",
              "دربت", "دربوا", "يدرب", "تدرب", "يدربون", "انسحب", "انسحبت", "انسحبوا", "سحب", "سحبت", "يسحب",
              "تنسحب", "ينسحب", "ينسحبون", "رمم", "رممت", "اصلحت", "ازال", "ازالت", "ازالوا", "يزيل", "تزيل",
              "فكك", "فككت", "فككوا", "طرد", "طردت", "طردوا", "دحر", "دحرت", "دحروا", "تحرر", "تحررت", "تحرروا"}
    assert listed - generated == set()


def _language(lemmas_tsv: str) -> Language:
    return Language(tables={"lemmas.tsv": "event\tlemma\tform\tmasdar\trule\n" + lemmas_tsv})


def test_a_form_of_two_classes_names_both_rows():
    lang = _language("Liberation\tحرر\tII\t-\n# a comment\nAttack\tحرر\tII\t-\n")
    with pytest.raises(LexiconError, match=r"lemmas.tsv:4: .*Liberation.*lemmas.tsv:2"):
        lemmas(lang)


def test_an_anchor_no_rule_lists_is_an_error():
    from athar.read.rules import rules

    with pytest.raises(LexiconError, match=r"lemmas.tsv:2: 'rule'.*'هجم'"):
        rules(_language("Attack\tهجم\tI\t-\n"))


def test_a_bad_form_class_names_the_line():
    with pytest.raises(LexiconError, match=r"lemmas.tsv:2: 'form' is 'XI'"):
        lemmas(_language("Attack\tهاجم\tXI\n"))


def test_events_tsv_keeps_its_own_forms():
    """A form events.tsv lists is not taken over by a generated one: "اغتيل" (the passive of
    اغتال, Attack) stays a Killing."""
    assert _events_at("اغتيل القيادي في البلدة", "اغتيل") == {"Killing"}


# Verbs whose last radical is a hamza, every active form as written (the hamza on its seat: أ ئ ؤ,
# آ for أا), with the stems a pronoun joins (هنأو- of "هنأوها").
_WRITTEN_HAMZA = {
    ("هنأ", "II"): (
        "هنأ هنأت هنآ هنأتا هنأوا هنؤوا هنأو هنؤو هنأتما هنأتم هنأتن هنأنا هنأن هنأتمو "
        "يهنئ تهنئ نهنئ أهنئ يهنئان تهنئان يهنئون تهنئون تهنئين يهنئا تهنئا يهنئوا تهنئوا تهنئي يهنئو تهنئو "
        "يهنئن تهنئن"),
    ("بدأ", "I-a"): (
        "بدأ بدأت بدآ بدأتا بدأوا بدؤوا بدأو بدؤو بدأتما بدأتم بدأتن بدأنا بدأن بدأتمو "
        "يبدأ تبدأ نبدأ أبدأ يبدآن تبدآن يبدأون يبدؤون تبدأون تبدؤون تبدئين يبدآ تبدآ يبدأوا يبدؤوا تبدأوا "
        "تبدؤوا تبدئي يبدأو يبدؤو تبدأو تبدؤو يبدأن تبدأن"),
}


@pytest.mark.parametrize(("lemma", "form"), list(_WRITTEN_HAMZA), ids=["ii", "i-a"])
def test_a_final_hamza_is_a_radical_on_its_seat_in_every_inflection(lemma, form):
    # written as in a text: the final hamza is no weak letter ("هنأ" is no defective "هنا": no "هنت")
    entry, = lemmas(_language(f"Statement\t{lemma}\t{form}\t-\t\n"))
    written = {normalize_word(w) for w in _WRITTEN_HAMZA[lemma, form].split()}
    assert set(entry.inflection.verb) == written
    assert "ء" not in "".join(entry.inflection.verb + entry.inflection.passive)


def test_a_final_hamza_gives_its_masdar_and_a_hollow_verb_keeps_its_own():
    entry, = lemmas(_language("Statement\tهنأ\tII\t\t\n"))
    assert entry.inflection.nouns[0] == normalize_word("تهنئة")
    assert conjugate("جاء", "I-i")[0][:2] == ("جاء", "جاءت")  # a hamza after a long alef stands alone
