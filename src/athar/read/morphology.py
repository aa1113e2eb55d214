"""Verbs written once, as lemmas: their inflected forms generated from pattern tables.

``lemmas.tsv`` names a verb by its lemma (the past, third person masculine singular:
حرر, استعاد, سيطر) and its form class (I to X, or Q for four-letter roots); this module
writes out, in normalized script (no diacritics; alef, hamza, ya and ta marbuta folded as
:func:`~athar.read.text.normalize_word` folds them):

- the perfect in every person, number and gender (حررت, حررنا, حرروا, حررن ...), and the
  stem a pronoun ending is joined to (حررو- of "حرروها");
- the imperfect with the prefixes ي ت ن ا and the endings ان ون ين ن, the subjunctive and
  jussive endings (يحرروا, تحرري) and the stem before a pronoun (يحررو- of "يحرروها");
- the passive. Unvocalized, the passive of a sound verb is the active (حُرِّرَت = حررت,
  يُستهدَف = يستهدف): only hollow verbs (استُعيد, أُعيد, اُغتيل, يُستعاد), form III
  (هوجم) and defective verbs (أُلقيت) have passive forms of their own;
- the masdar (given, or derived for forms II to X), its construct stem before a pronoun
  (استعادت- of "استعادتها") and its plural in ات; and the participles when asked for.

Object and possessive pronoun endings, the article and the proclitics (و ف ب ل ك س) are
left to the trigger matcher (clitics.tsv). The weak shapes are read off the lemma: a middle
alef is a hollow verb (عاد, أعاد, اغتال, استعاد), a final ى or ا a defective one (ألقى,
استولى); a final hamza written on its seat (هنأ, أنشأ, بدأ) is a strong radical, whatever
normalization makes of it (see ``HAMZA``). A form I hollow or defective verb names its imperfect vowel: ``I-u`` (عاد يعود),
``I-i`` (قضى يقضي), ``I-a``.
"""

from __future__ import annotations

from dataclasses import dataclass

from athar.read.function_words import function_words
from athar.read.language import Language, language_data
from athar.read.lexicon import Row, check_choice
from athar.read.phrases import ALTERNATIVE
from athar.read.text import normalize_word

FORM_CLASSES = ("I", "I-u", "I-i", "I-a", "II", "III", "IV", "V", "VI", "VII", "VIII", "X", "Q")

_ALEF, _WAW, _YA, _TA, _HA, _MIM, _NUN = "ا", "و", "ي", "ت", "ه", "م", "ن"

# Perfect endings after the stem a vowel follows (3rd person: حرر حررت حررا حررتا حرروا,
# and حررو- before a pronoun), and after the stem a consonant follows (حررت حررتما حررتم
# حررتن حررنا حررن, and حررتمو- before a pronoun).
_PERFECT_VOWEL = ("", "ت", "ا", "تا", "وا", "و")
_PERFECT_CONSONANT = ("ت", "تما", "تم", "تن", "نا", "ن", "تمو")
# Imperfect: (prefixes, ending) on the stem a vowel follows; the feminine plural (يحررن,
# تحررن) takes the stem a consonant follows.
_IMPERFECT = (
    ("يتنا", ""), ("يت", "ان"), ("يت", "ون"), ("ت", "ين"),  # indicative
    ("يت", "ا"), ("يت", "وا"), ("ت", "ي"), ("يت", "و"),  # subjunctive, jussive; stem before a pronoun
)
_IMPERFECT_FEMININE_PLURAL = ("يت", "ن")


@dataclass(frozen=True)
class Inflection:
    """The forms of one lemma, normalized, by what they are."""

    verb: tuple[str, ...]  # perfect and imperfect, active (and the passive where it is the same)
    passive: tuple[str, ...]  # passive forms that differ from every active one
    nouns: tuple[str, ...]  # the masdar, its construct stem and plural
    participles: tuple[str, ...]


def _form_i(form: str) -> bool:
    return form in ("I", "I-u", "I-i", "I-a")


def _hollow(lemma: str, form: str) -> bool:
    return form in ("I-u", "I-i", "I-a", "IV", "VII", "VIII", "X") and len(lemma) >= 3 and lemma[-2] == _ALEF


def _defective(lemma: str, form: str) -> bool:
    return lemma[-1] in (_YA, _ALEF) and form != "III"


def _imperfect_stem(lemma: str, form: str) -> str:
    """The sound imperfect stem without its prefix: يحرر -> حرر, يعتقل -> عتقل; a hamza first
    of forms II and III sits on waw after the prefix (أمّن: يؤمّن, normalized يومن)."""
    if form in ("II", "III") and lemma[0] == _ALEF:
        return _WAW + lemma[1:]
    return lemma[1:] if form in ("IV", "VII", "VIII", "X") else lemma


def _vowel(form: str) -> str:
    return {"I-u": _WAW, "I-i": _YA, "I-a": _ALEF}.get(form, _YA)


TENSES = ("perfect", "imperfect")


def conjugate(lemma: str, form: str, tenses: tuple[str, ...] = TENSES) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(active forms, passive forms) of the verb ``lemma`` (normalized) of class ``form`` in
    the ``tenses``; the passive forms are only those that are no active form."""
    if _defective(lemma, form):
        return _conjugate_defective(lemma, form, tenses)
    if _hollow(lemma, form):
        perfect_long, perfect_short = lemma, lemma[:-2] + lemma[-1]
        if _form_i(form):
            present_long = lemma[0] + _vowel(form) + lemma[-1]
        elif form in ("VII", "VIII"):
            present_long = lemma[1:]  # ينقاد, يغتال
        else:  # IV, X: يعيد, يستعيد
            present_long = lemma[1:-2] + _YA + lemma[-1]
        present_short = present_long[:-2] + present_long[-1]
        passive_perfect = lemma[:-2] + _YA + lemma[-1]  # عيد, أعيد, اغتيل, استعيد
        passive_present = present_long[:-2] + _ALEF + present_long[-1]  # يعاد, يستعاد
    else:
        perfect_long = perfect_short = lemma
        present_long = present_short = _imperfect_stem(lemma, form)
        passive_perfect = lemma[0] + _WAW + lemma[2:] if form == "III" else lemma  # هوجم
        passive_present = present_long
    perfect, imperfect = "perfect" in tenses, "imperfect" in tenses
    # a final hamza (never a hollow verb's: جاء) on the seats of the active, then of the passive (هُنِّئ, يُهنَّأ)
    seated = lemma.endswith(HAMZA) and not _hollow(lemma, form)
    past, present, past_passive, present_passive = (
        _seated(v) if seated else list for v in (_FATHA, _imperfect_vowel(form), _KASRA, _FATHA))
    active = perfect * past(_perfect(perfect_long, perfect_short)) + imperfect * present(_imperfect(present_long, present_short))
    passive = perfect * past_passive(_perfect(passive_perfect, perfect_short)) \
        + imperfect * present_passive(_imperfect(passive_present, present_short))
    if passive_perfect != perfect_long:  # استعيد: "was recovered" in news, far more than "I recover"
        active = [f for f in active if f != passive_perfect]
    return _unique(active), _unique(f for f in passive if f not in set(active))


# A final hamza (هنأ, أنشأ, بدأ) is a strong radical: the lemma carries it as ء (``HAMZA``), and
# each form writes it on the seat the vowel before it and the letter after it give, normalized
# (أ and آ as ا, ئ as ي, ؤ as و): هنأت هنات, هنآ هنا, هنأوا/هنؤوا, يهنئ يهني, يبدأ يبدا, تبدئين;
# after a long vowel it stands alone (إنشاء, مقروء).
HAMZA = "ء"
_FATHA, _KASRA, _DAMMA = "a", "i", "u"


def _imperfect_vowel(form: str) -> str:
    """The vowel before the last radical in the imperfect: يبدَأ, يتبوَّأ; يهنِّئ, ينشِئ; يجرُؤ."""
    return {"I": _FATHA, "I-a": _FATHA, "V": _FATHA, "VI": _FATHA, "I-u": _DAMMA}.get(form, _KASRA)


def _seated(vowel: str):
    """The forms with their final hamza written on its seat after ``vowel``."""
    def seat(forms: list[str]) -> list[str]:
        out = []
        for f in forms:
            k = f.rfind(HAMZA)
            if k <= 0:
                out.append(f)
                continue
            after = f[k + 1:k + 2]
            if after == _YA or vowel == _KASRA:
                seats = (_YA,)
            elif after == _ALEF and vowel == _FATHA:
                seats = ("",)  # "هنأا" is written هنآ, normalized هنا
            elif after == _WAW or vowel == _DAMMA:
                seats = (_WAW, _ALEF) if vowel == _FATHA else (_WAW,)  # هنؤوا and هنأوا
            else:
                seats = (_ALEF,)
            out += [f[:k] + c + f[k + 1:] for c in seats]
        return out
    return seat


def _perfect(long: str, short: str) -> list[str]:
    return [long + e for e in _PERFECT_VOWEL] + [short + e for e in _PERFECT_CONSONANT]


def _imperfect(long: str, short: str) -> list[str]:
    out = [p + long + e for prefixes, e in _IMPERFECT for p in prefixes]
    prefixes, e = _IMPERFECT_FEMININE_PLURAL
    return out + [p + short + e for p in prefixes]


def _conjugate_defective(lemma: str, form: str, tenses: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """ألقى: ألقى ألقت ألقيا ألقتا ألقوا ألقين ألقيت ألقينا ...; يلقي يلقيان يلقون يلقين ...
    (ى is written ي once normalized; a final ا is a waw: دعا دعوت يدعو)."""
    base = lemma[:-1]
    glide = _WAW if lemma[-1] == _ALEF or form == "I-u" else _YA
    perfect = [lemma, base + "ت", base + glide + "ا", base + "تا", base + "وا", base + "و"]
    perfect += [base + glide + e for e in _PERFECT_CONSONANT]
    present = lemma[1:-1] if form in ("IV", "VII", "VIII", "X") else base
    final = _WAW if form == "I-u" else _YA
    imperfect = [p + present + final for p in "يتنا"]
    imperfect += [p + present + final + "ان" for p in "يت"]
    imperfect += [p + present + e for p in "يت" for e in ("ون", "وا", "و")]
    imperfect += [p + present + _YA + "ن" for p in "يت"]  # تلقين, يلقين
    if "perfect" not in tenses:
        perfect = []
    if "imperfect" not in tenses:
        imperfect = []
    active = _unique(perfect + imperfect)
    passive = [base + _YA + e for e in ("ت", "تا")] if "perfect" in tenses else []  # أُلقيَت
    return active, _unique(f for f in passive if f not in set(active))


def masdar_of(lemma: str, form: str) -> str:
    """The masdar of a verb of forms II to X, or "" when the pattern does not give it
    (form I, doubled and defective verbs: write it in the table)."""
    if _defective(lemma, form) or form.startswith("I-") or form in ("I", "VI"):
        return ""
    if _hollow(lemma, form):
        if form == "IV":
            return lemma + _HA  # إعادة
        if form == "X":
            return lemma + _HA  # استعادة
        return lemma[:-2] + _YA + _ALEF + lemma[-1]  # اغتيال, انقياد
    if form == "II":
        if lemma[-1] == HAMZA:
            return _TA + lemma[:-1] + _YA + _HA  # تهنئة, normalized تهنيه
        return _TA + lemma[:-1] + _YA + lemma[-1]  # تحرير, ترميم
    if form == "III":
        return _MIM + lemma.replace(HAMZA, _ALEF) + _HA  # مهاجمة, مكافأة (مكافاه)
    if form == "Q":
        return lemma + _HA  # سيطرة
    if form == "V":
        return lemma.replace(HAMZA, _WAW)  # تحرر, تبوؤ (تبوو)
    return lemma[:-1] + _ALEF + lemma[-1]  # إصلاح, انسحاب, اعتقال, استهداف


def participles_of(lemma: str, form: str) -> tuple[str, ...]:
    """Active and passive participles (مُفعِّل, مُستفعِل, مُستفعَل ...), unvocalized."""
    if _defective(lemma, form):
        return ()
    if _form_i(form):
        if _hollow(lemma, form):
            return ()
        active = [lemma[0] + _ALEF + lemma[1:]]
        if lemma.endswith(HAMZA):
            active = _seated(_KASRA)(active)
        return (*active, _MIM + lemma[:2] + _WAW + lemma[2:])  # قاتل, مقتول; قارئ, مقروء
    if _hollow(lemma, form):
        present = lemma[1:] if form in ("VII", "VIII") else lemma[1:-2] + _YA + lemma[-1]
        return _unique((_MIM + present, _MIM + present[:-2] + _ALEF + present[-1]))  # مستعيد, مستعاد
    participle = [_MIM + _imperfect_stem(lemma, form)]  # محرر, مهاجم, مستهدف; مهنئ
    return tuple(_seated(_imperfect_vowel(form))(participle) if lemma.endswith(HAMZA) else participle)


def _noun_forms(masdar: str) -> list[str]:
    """A masdar with its construct stem and plural (استعادة: استعادت-, استعادات)."""
    words = masdar.split()
    head, rest = words[0], words[1:]
    out = [head]
    if head.endswith(_HA):  # ة, normalized
        out += [head[:-1] + _TA, head[:-1] + "ات"]
    return [" ".join([w] + rest) for w in out]


_SEATED_HAMZAS = "أئؤ"


@dataclass(frozen=True)
class Lemma:
    """A row of lemmas.tsv: a verb lemma, what it generates, and the events.tsv rules its
    forms take their slots from (each named by a trigger that rule lists)."""

    event: str
    lemma: str  # normalized; a second word is kept after every form ("ألقى القبض")
    form: str
    inflection: Inflection
    rule: str  # the events.tsv trigger whose rule the verb forms take
    noun_rule: str  # ... the masdar
    passive_rule: str  # ... the passive forms of their own ("-": none, an intransitive verb)
    where: str
    excluded: frozenset[str]
    objects: tuple[str, ...] = ()  # the nouns every form is read with (objects.tsv), normalized


def inflect(lemma: str, form: str, masdar: str = "", participles: str = "",
            tenses: tuple[str, ...] = TENSES) -> Inflection:
    """Every form of the verb ``lemma`` (normalized; words after the first are kept after
    each form) in the ``tenses``, its masdar (given, or derived; "-" for none) and
    participles ("auto")."""
    head, *rest = lemma.split()

    def joined(forms) -> tuple[str, ...]:
        return tuple(" ".join([f] + rest) for f in forms)

    active, passive = conjugate(head, form, tenses)
    if rest:  # the stems a pronoun joins (القو- of "ألقوه") are no words before another word
        active, passive = _without_object_stems(active), _without_object_stems(passive)
    if not masdar and masdar_of(head, form):
        masdar = " ".join([masdar_of(head, form)] + rest)
    nouns = _noun_forms(masdar) if masdar and masdar != "-" else []
    parts = participles_of(head, form) if participles == "auto" else tuple(participles.split()) if participles else ()
    return Inflection(joined(active), joined(passive), tuple(nouns), joined(parts))


@language_data
def lemmas(lang: Language) -> tuple[Lemma, ...]:
    """The rows of lemmas.tsv, each checked and inflected; a form two rows of different
    event classes generate is an error naming both."""
    out = []
    owner: dict[str, Lemma] = {}
    objects = object_lists(lang)
    for row in lang.table("lemmas.tsv", ("event", "lemma", "form")):
        out.append(entry := _entry(row, objects))
        inflection = entry.inflection
        for f in inflection.verb + inflection.passive + inflection.nouns + inflection.participles:
            if f in entry.excluded:
                continue
            if entry.objects:  # its forms are read with its objects: a form with other objects is another
                f = f"{f} +{row['objects']}"
            first = owner.setdefault(f, entry)
            if first.event != entry.event:
                raise row.fail(f"'{f}' is a form of '{entry.lemma}' ({entry.event}) and of "
                               f"'{first.lemma}' ({first.event}) at {first.where}: list it under "
                               "'except' in one of them")
    return tuple(out)


def _entry(row: Row, objects: dict[str, tuple[str, ...]]) -> Lemma:
    form = check_choice(row, "form", FORM_CLASSES)
    lemma = " ".join(row.forms("lemma"))
    if len(row.many("lemma")) != 1 or len(lemma.split()[0]) < 2:
        raise row.fail(f"'lemma' is '{row['lemma']}', expected one verb (past, 3rd person masculine)")
    if row["lemma"].split()[0][-1] in _SEATED_HAMZAS:  # هنأ: normalized هنا, no defective verb
        lemma = lemma[:len(lemma.split()[0]) - 1] + HAMZA + lemma[len(lemma.split()[0]):]
    masdar = row.get("masdar")
    masdar = masdar if masdar == "-" else " ".join(row.forms("masdar"))
    participles = row.get("participles")
    participles = participles if participles == "auto" else " ".join(row.forms("participles"))
    tenses = tuple(row.many("tenses")) or TENSES
    chosen: tuple[str, ...] = ()
    for tense in tenses:
        if tense not in TENSES:
            raise row.fail(f"'tenses' has '{tense}', expected perfect or imperfect ('|' between)")
    inflection = inflect(lemma, form, masdar, participles, tenses)
    if row.get("objects"):  # "aid", or "ب+aid": each noun with the proclitic
        proclitic, _, key = row["objects"].rpartition("+")
        if key not in objects:
            raise row.fail(f"'objects' is '{row['objects']}', expected a key of objects.tsv (or 'ب+key')")
        chosen = tuple(normalize_word(proclitic) + o for o in objects[key])
    if not inflection.nouns and row.get("noun_rule"):
        raise row.fail("'noun_rule' is set but the lemma has no masdar: give one in 'masdar'")
    verb_rule = " ".join(row.forms("rule")) or lemma
    return Lemma(row["event"], lemma, form, inflection, verb_rule,
                 " ".join(row.forms("noun_rule")) or (inflection.nouns[0] if inflection.nouns else ""),
                 "-" if row.get("passive_rule") == "-" else " ".join(row.forms("passive_rule")) or verb_rule,
                 row.where(),
                 frozenset(row.forms("except")), chosen)


@language_data
def object_lists(lang: Language) -> dict[str, tuple[str, ...]]:
    """The lists of objects.tsv: key -> its nouns, normalized."""
    return {row["key"]: tuple(row.forms("forms")) for row in lang.table("objects.tsv", ("key", "forms"))}


def object_forms(entry: Lemma) -> list[tuple[tuple[str, ...], str, str]]:
    """(forms, anchor trigger, column) of a lemma read with its objects, each form followed by
    every object ("وزعت المساعدات", "توزيع المساعدات"): the stems before a pronoun left out, the
    masdar without its construct stem and plural."""
    return [(tuple(f"{f} {o}" for f in forms for o in entry.objects), anchor, column)
            for forms, anchor, column in _bare_groups(entry, objects=True)]


def _grouped_objects(objects: tuple[str, ...]) -> tuple[str, ...]:
    """The objects as matcher forms, one for each length, each word any of the words the
    objects of that length have there ("مساعدات/سلال انسانيه/غذائيه"): a noun and its
    adjective of one list, crossed, still name what the list names; a few forms instead of
    hundreds for every form of the verb."""
    places: dict[int, list[dict[str, None]]] = {}
    for o in objects:
        words = o.split()[:2]  # "مياه الشرب النظيفة": its first two words tell it (fewer forms to build)
        for at, word in zip(places.setdefault(len(words), [{} for _ in words]), words):
            at[word] = None
    return tuple(" ".join(ALTERNATIVE.join(at) for at in words) for _, words in sorted(places.items()))


def generated_triggers(lang: Language, listed: dict[str, object]) -> list[tuple[str, object]]:
    """(form, rule) for every form lemmas.tsv generates that ``listed`` (events.tsv's own
    forms -> their rule) lacks; each lemma's forms take the rule listing its anchor trigger."""
    out: list[tuple[str, object]] = []
    taken: set[str] = set(listed)
    for entry in lemmas(lang):
        objects = _grouped_objects(entry.objects)
        for forms, anchor, column in _bare_groups(entry, objects=bool(objects)):
            rule = _anchored(entry, anchor, column, listed)
            for f in forms:
                if f in entry.excluded:
                    continue
                for g in (f"{f} {o}" for o in objects) if objects else (f,):
                    if g not in taken:
                        taken.add(g)
                        out.append((g, rule))
    return out


@language_data
def lemma_forms(lang: Language) -> frozenset[str]:
    """Every trigger form lemmas.tsv generates (those events.tsv lists too among them)."""
    return frozenset(f for entry in lemmas(lang) if not entry.objects for forms, _, _ in _bare_groups(entry)
                     for f in forms if f not in entry.excluded)


@language_data
def saying_forms(lang: Language) -> frozenset[str]:
    """Every form lemmas.tsv generates of its verbs of saying (the Statement lemmas read by the rule
    of "قال": "أكدوا", "أوضحت", "رجحت"), written as a text writes them, not as one list of forms."""
    return frozenset(f for entry in lemmas(lang) if entry.event == _STATEMENT and entry.rule == _SAY
                     for f in entry.inflection.verb if f not in entry.excluded)


_STATEMENT, _SAY = "Statement", "قال"  # lemmas.tsv's verbs of saying: the Statement lemmas read as قال is


@language_data
def masdar_forms(lang: Language) -> frozenset[str]:
    """The first words of the masdars lemmas.tsv gives or derives, with their construct stems and plurals
    ("تطهير", "تفكيك"): words of a noun, whatever rule a trigger of them is read by."""
    return frozenset(n.split()[0] for entry in lemmas(lang) for n in entry.inflection.nouns)


@language_data
def object_masdars(lang: Language) -> frozenset[str]:
    """The masdars of the verbs read with their objects ("تقديم", "توزيع"), no verb form among
    them: a masdar takes its object right after it, no subject between ("تقديم مليوني يورو
    لدعم مشاريع إغاثة" is no aid delivered); not those whose objects follow a preposition."""
    prepositions = function_words(lang, "preposition")
    # objects after a preposition ("من الألغام") are complements: the masdar's own object (the place
    # cleared) stands between ("تطهير القرية من الألغام")
    entries = [e for e in lemmas(lang) if e.objects and not all(o.split()[0] in prepositions for o in e.objects)]
    verbs = {f for e in entries for f in e.inflection.verb + e.inflection.passive}
    return frozenset(e.inflection.nouns[0] for e in entries if e.inflection.nouns) - verbs


def _bare_groups(entry: Lemma, objects: bool = False) -> list[tuple[tuple[str, ...], str, str]]:
    """(forms, anchor trigger, the column naming it) of a lemma; before ``objects``, no stem
    that takes a pronoun and only the masdar itself."""
    inflection = entry.inflection
    verb, passive, nouns = inflection.verb, inflection.passive, inflection.nouns
    if objects:
        verb, passive, nouns = _without_object_stems(verb), _without_object_stems(passive), nouns[:1]
    groups = [(verb + inflection.participles, entry.rule, "rule")]
    if entry.passive_rule != "-":
        groups.append((passive, entry.passive_rule, "passive_rule"))
    if nouns:
        groups.append((nouns, entry.noun_rule, "noun_rule"))
    return groups


def _anchored(entry: Lemma, anchor: str, column: str, listed: dict[str, object]) -> object:
    rule = listed.get(anchor)
    if rule is None:
        rule = next((r for f, r in listed.items() if getattr(r, "event", None) == entry.event
                     and getattr(r, "pos", None) == "noun"), None) if column == "noun_rule" else None
    if rule is None:
        rule = listed.get(entry.rule) if column != "rule" else None
    if rule is None or getattr(rule, "event", None) != entry.event:
        raise _fail(entry, f"'{column}': no {entry.event} rule of events.tsv lists the trigger "
                           f"'{anchor}' (name a trigger of the row whose slots the forms take)")
    return rule


def _fail(entry: Lemma, message: str):
    from athar.errors import LexiconError

    return LexiconError(f"{entry.where}: {message}")


def _without_object_stems(forms: tuple[str, ...]) -> tuple[str, ...]:
    """The forms but the stems before a pronoun: a form in و whose وا form is there too
    (ألقوا: القو-), and the consonant stem in تمو."""
    kept = set(forms)
    return tuple(f for f in forms if not (f.endswith(_WAW) and f + _ALEF in kept or f.endswith("تمو")))


def _unique(forms) -> tuple[str, ...]:
    return tuple(dict.fromkeys(forms))
