"""Where a trigger word stands: the words around a matched trigger that make it no trigger.

"من سيطرة داعش" says from whom, it reports no control; "فجر الإثنين" is dawn on Monday; and a
verb of speech whose bare perfect is also a noun or a name ("حذر" caution, "طالب" a student:
markers.tsv "opening") is a verb only where it opens its sentence, the lead of news ("حذر
الممثل الخاص من", "وطالب وزير الخارجية"), or after an aside on the speaker ("من جهته، طالب
التحالف"). After a comma with "و" it goes on with the speaker before ("أكد المختار وقوع الحادث،
وطالب قوات الأمن بالتدخل": the security forces are asked, they say nothing): not read.
"""

from __future__ import annotations

from athar.read.language import Language, language_data
from athar.read.rules import MONEY, Rule, call_rule, day_parts, marker_forms, marker_pairs
from athar.read.text import ARTICLE, COMMAS, Doc


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
    return word in openings and not opens_clause(seg, i)


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


@language_data
def _asides(lang: Language) -> tuple[tuple[int, ...], frozenset[str]]:
    asides = marker_forms(lang, "aside")
    return tuple(sorted({len(a.split()) for a in asides})), asides


def spoken(seg: Doc, i: int, end: int, prefix: int, rule: Rule) -> Rule:
    """The rule a trigger reads by where it stands: a verb of appeal for funds ("ناشدت",
    "دعت إلى تقديم": its first word a word of markers.tsv's "demand") whose sentence names no
    money is a call, a Statement ("ناشدت اللجنة الدولية كل الأطراف الرفق بالمدنيين"), when the
    one who calls is named right after the verb (people named by a common noun, "ناشد المزارعون
    الجيش التدخل", make no statement of a body: the name after them is the one called upon)."""
    if rule.needs != "money" or rule.pos != "verb" or seg.tokens[i].text[prefix:] not in marker_forms(seg.language, "demand"):
        return rule
    if not any(m.first_token == end for m in seg.mentions or ()):
        return rule
    sentence = seg.tokens[i].sentence
    for a in seg.amounts or ():
        first = seg.token_at(a.start)
        if a.unit in MONEY and first is not None and seg.tokens[first].sentence == sentence:
            return rule
    return call_rule(seg.language) or rule
