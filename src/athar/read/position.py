"""Where a trigger word stands: the words around a matched trigger that make it no trigger.

"من سيطرة داعش" says from whom, it reports no control; "فجر الإثنين" is dawn on Monday; and a
verb of speech whose bare perfect is also a noun or a name ("حذر" caution, "طالب" a student:
markers.tsv "opening") is a verb only where it opens its sentence, the lead of news ("حذر
الممثل الخاص من", "وطالب وزير الخارجية"), or after an aside on the speaker ("من جهته، طالب
التحالف"). After a comma with "و" it goes on with the speaker before ("أكد المختار وقوع الحادث،
وطالب قوات الأمن بالتدخل": the security forces are asked, they say nothing): not read.
"""

from __future__ import annotations

from dataclasses import replace

from athar.read.function_words import function_affixes
from athar.read.memo import mention_starts, money_sentences
from athar.read.language import Language, language_data
from athar.read.rules import MONEY, Rule, call_rule, day_parts, marker_forms, marker_pairs
from athar.read.text import ARTICLE, COMMAS, QUOTES, WAW, Doc



def no_trigger_at(seg: Doc, i: int, end: int, prefix: int) -> bool:
    """Whether the trigger matched over tokens [i, end), its first ``prefix`` letters a
    proclitic, is no trigger where it stands."""
    tokens, lang = seg.tokens, seg.language
    if i > 0 and (tokens[i - 1].text, tokens[i].text) in marker_pairs(lang):
        return True  # "من سيطرة داعش"
    parts, days = day_parts(lang)
    if end == i + 1 and end < len(tokens) and tokens[i].text[prefix:] in parts and tokens[end].text in days:
        return True  # "فجر الإثنين"
    if end != i + 1:
        return False
    word, openings = tokens[i].text[prefix:], marker_forms(lang, "opening")
    if word.startswith(ARTICLE) and word[len(ARTICLE):] in openings:
        return True  # "مزيدا من الحذر": the noun
    # "خلية تابعة لتنظيم داعش" (written "تابعه" once normalized): the adjective, as the bare word is
    opening = word in openings or any(word.startswith(o) and word[len(o):] in function_affixes(lang, "pronoun_suffix")
                                      for o in openings)
    return opening and not opens_clause(seg, i)


def opens_clause(seg: Doc, i: int) -> bool:
    """Whether token i (after its proclitic) opens its sentence, or a clause after an aside on
    the speaker ("من جهته،")."""
    tokens = seg.tokens
    if i == 0 or tokens[i - 1].sentence != tokens[i].sentence:
        return True
    if tokens[i - 1].text not in COMMAS:
        return False
    lengths, asides = _asides(seg.language)
    return any(i - 1 - n >= 0 and " ".join(t.text for t in tokens[i - 1 - n:i - 1]) in asides for n in lengths)


def _asides(lang: Language) -> tuple[tuple[int, ...], frozenset[str]]:
    return _phrases(lang, "aside")


def _phrases(lang: Language, marker: str) -> tuple[tuple[int, ...], frozenset[str]]:
    """The phrases markers.tsv lists under ``marker``, and their lengths in words."""
    return _phrase_table(lang)[marker]


@language_data
def _phrase_table(lang: Language) -> dict[str, tuple[tuple[int, ...], frozenset[str]]]:
    out = {}
    for marker in ("aside", "framing"):
        forms = marker_forms(lang, marker)
        out[marker] = tuple(sorted({len(f.split()) for f in forms})), forms
    return out


def spoken(seg: Doc, i: int, end: int, prefix: int, rule: Rule) -> Rule:
    """The rule a trigger reads by where it stands: a verb of appeal for funds ("ناشدت",
    "دعت إلى تقديم": its first word a word of markers.tsv's "demand") whose sentence names no
    money is a call, a Statement ("ناشدت اللجنة الدولية كل الأطراف الرفق بالمدنيين"), when the
    one who calls is named right after the verb (people named by a common noun, "ناشد المزارعون
    الجيش التدخل", make no statement of a body: the name after them is the one called upon)."""
    if rule.needs != "money" or rule.pos != "verb" or seg.tokens[i].text[prefix:] not in marker_forms(seg.language, "demand"):
        return rule
    if not mention_starts(seg).get(end) or seg.tokens[i].sentence in money_sentences(seg, MONEY):
        return rule
    return call_rule(seg.language) or rule


def framed(seg: Doc, i: int, end: int, prefix: int, rule: Rule) -> Rule:
    """An operation named in quotes right after a word that frames the sentence's news in it
    (markers.tsv "framing", "named_operation": "وذلك في إطار عملية «درع الفرات»", "ضمن عملية
    “إرادة النصر”") is told whoever wages it: its rule needs no role."""
    tokens, lang = seg.tokens, seg.language
    if rule.needs == "none" or end - i < 3 or tokens[i + 1].text not in QUOTES \
            or tokens[i].text[prefix:] not in marker_forms(lang, "named_operation"):
        return rule
    lengths, frames = _phrases(lang, "framing")
    if prefix or not any(i - n >= 0 and _without_waw(" ".join(t.text for t in tokens[i - n:i])) in frames
                         for n in lengths):
        return rule
    return replace(rule, needs="none")


def _without_waw(words: str) -> str:
    """"وضمن" as "ضمن": the conjunction before a framing phrase."""
    return words[len(WAW):] if words.startswith(WAW) and len(words.split()[0]) > 2 else words
