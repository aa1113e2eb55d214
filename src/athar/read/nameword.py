"""Which words stand in a name and which never do, as news Arabic writes names: the given names
and name parts romanization.tsv knows, the words of the language's tables, and the words that end
a name because a clause goes on after it (a verb in the imperfect, a word with a pronoun suffix,
the preposition ل on a masdar or a pronoun, a particle, a number spelled out)."""

from __future__ import annotations

from athar.read.entity import _cue_matcher, _gazetteer_matcher, title_matcher, modifier, stopwords
from athar.read.function_words import function_words
from athar.read.language import Language, language_data
from athar.read.morphology import lemma_forms, lemmas
from athar.read.numbers import may_start_number
from athar.read.text import ARTICLE, LAM, WAW, normalize_word


def name_words(lang: Language) -> frozenset[str]:
    """The given names and name parts romanization.tsv knows ("خالد", "وليد"), normalized."""
    return _name_words(lang)


@language_data
def _name_words(lang: Language) -> frozenset[str]:
    """romanization.tsv, kind "word": given names and name parts ("وليد", "حسن")."""
    return frozenset(normalize_word(row["ar"]) for row in lang.table("romanization.tsv", ("ar", "en", "kind"))
                     if row["kind"] == "word")


def _known(lang: Language, word: str) -> bool:
    """Whether a word is one of the language's tables: a stopword, a verb form, a modifier, or the
    start of a title, a head noun or a known name."""
    return word in stopwords(lang) or word in lemma_forms(lang) or modifier(lang, word) is not None \
        or any(m.starts(word) for m in (title_matcher(lang), _cue_matcher(lang), _gazetteer_matcher(lang)))



def not_a_name_word(lang: Language, word: str) -> bool:
    """Whether a word never stands in a name, as a news text writes names: a verb (a form of a
    lemma of lemmas.tsv in the imperfect, bare or with an object pronoun: "يعاد", "يستردها"), a word we know with a
    pronoun suffix ("جنوبها", "ومحيطها", "استعادتها"), the preposition ل on a verb, a masdar or a
    pronoun ("لاستعادتها", "لها"), a particle that opens a clause ("بأن"), or a number word
    spelled out ("اثنين", "وثلاثة"). A given name romanization.tsv knows is a name ("رفعت")."""
    if word in _name_words(lang):
        return False
    if word in function_words(lang, "complementizer") and not word.startswith(WAW) or word in _verb_forms(lang):
        # "وأن" is left to the conjunction's reading: normalized it is "وان", the "one" of "قاعدة كي وان"
        return True
    if len(word) >= 5 and may_start_number(lang, word) and not word[:1].isdigit():
        return True
    rest = word[1:] if word.startswith(LAM) else ""
    if rest in function_words(lang, "pronoun_suffix"):
        return True  # "لها", "لهم"
    for stem in (word, rest):
        if stem and _suffixed_known(lang, stem):
            return True
    return bool(rest) and (rest in _verb_forms(lang) or rest in lemma_forms(lang))


def _suffixed_known(lang: Language, word: str) -> bool:
    """A word with a third-person pronoun suffix after it: a word we know so ("جنوبها", "استعادتها",
    "يستردها", "نواحيها"), or any word of five letters or more ending so ("سكناهم", "منازلها"): no
    name of a place or a person in the gazetteer or romanization.tsv ends in ها, هم, هما or هن."""
    for suffix in _PRONOUNS:
        if len(word) >= 5 and word.endswith(suffix) and not word.startswith(ARTICLE):
            return True
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            stem = word[:-len(suffix)]
            stems = (stem, stem[:-1] + _TA_NORMALIZED) if stem.endswith(_TA) else (stem,)
            if any(s in lemma_forms(lang) or s in _verb_forms(lang) or s in stopwords(lang) or _cue_matcher(lang).starts(s)
                   or s[:1] == WAW and s[1:] in stopwords(lang) for s in stems):
                return True
    return False


_PRONOUNS = ("هما", "هم", "ها", "هن")  # not "ه" alone: names end so ("طه")
_TA, _TA_NORMALIZED = "ت", "ه"  # "استعادتها" is "استعادة" (normalized "استعاده") + "ها"


@language_data
def _verb_forms(lang: Language) -> frozenset[str]:
    """The imperfect forms, active and passive, lemmas.tsv generates ("يستعيد", "تستعيدها", "يعاد"):
    the present tense opens a clause that describes the noun before it ("أول مدينة يستردها الجيش",
    "أول جسر يعاد إعماره"). Not the perfect, whose bare forms unvocalized text writes as nouns and
    names ("رفعت", "طلب"), nor a masdar, which may stand in a name ("قيادة عمليات تحرير نينوى")."""
    nouns = {f for e in lemmas(lang) for f in e.inflection.nouns + e.inflection.participles}
    return frozenset(f for e in lemmas(lang) for f in e.inflection.verb + e.inflection.passive
                     if f not in e.excluded and f.startswith(_IMPERFECT) and f not in nouns)


_IMPERFECT = ("ي", "ت", "ن")  # the prefixes of the imperfect's third person and first plural
