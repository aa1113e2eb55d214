"""A person named again by their family name alone: news names a person in full once ("وزير
الدفاع العراقي، خالد العبيدي") and then, as the speaker of what they said next, by the last word
of that name ("وقال العبيدي إن", "وأكدت أزولاي"). Right after a verb of saying
(attribution.tsv's say) that word is a mention of the same person; elsewhere a family name alone
("العبيدي") may as well be a tribe's or an adjective, and is left alone."""

from __future__ import annotations

from dataclasses import replace

from athar.read.entity import Mention, _cue_matcher, title_matcher, stopwords
from athar.read.function_words import function_words
from athar.read.language import Language, language_data
from athar.read.text import ARTICLE, Doc, normalize_word

PERSON = "Person"
_MIN_LETTERS = 4  # a shorter last word ("علي", "حسن") is as often a given name or a word
# with the article a last word is no given name: three letters make a family name ("الصدر", "الحكيم")
_MIN_DEFINITE_LETTERS = 3


@language_data
def _say_words(lang: Language) -> frozenset[str]:
    """attribution.tsv's verbs of saying ("قال", "أكدت", "أضاف")."""
    return frozenset(f for row in lang.table("attribution.tsv", ("kind", "forms"))
                     if row["kind"] in ("say", "further") for f in row.forms("forms"))


def family_name_mentions(seg: Doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions of the family names of the people ``mentions`` name in full, where those words
    stand alone later in the text, outside any mention: each the person's mention, moved. A
    family name two people of the text share, or a word that may start a title or a head noun,
    names nobody."""
    tokens, lang = seg.tokens, seg.language
    people: dict[str, Mention] = {}  # family name -> the person first named with it
    shared: set[str] = set()
    for m in mentions:
        words = [normalize_word(w) for w in m.label_ar.split()]
        if m.type != PERSON or len(words) < 2 or _names_something(seg.language, words[0]):
            continue  # "مؤسسة الشهداء" read as a person's name names nobody again
        family = words[-1]
        if family in people and people[family].key != m.key:
            shared.add(family)
        people.setdefault(family, m)
    stop, parts = stopwords(lang), function_words(lang, "name_part")
    titles, cues = title_matcher(lang), _cue_matcher(lang)
    people = {w: m for w, m in people.items() if w not in shared and len(w.removeprefix(ARTICLE)) >= (
              _MIN_DEFINITE_LETTERS if w.startswith(ARTICLE) else _MIN_LETTERS) and w not in stop and w not in parts and not titles.starts(w) and not cues.starts(w)}
    if not people:
        return []
    taken = [False] * len(tokens)
    for m in mentions:
        for k in range(m.first_token, m.last_token):
            taken[k] = True
    conjunctions = function_words(lang, "conjunction")
    # a token no family name (with "و" or without) is passed over: only these are looked at
    names = people.keys() | {c + w for c in conjunctions for w in people}
    out = []
    for k in [k for k, w in enumerate(seg.texts) if w in names]:
        t = tokens[k]
        if taken[k] or not t.is_word:
            continue
        word, prefix = t.text, 0
        if word not in people and word[:1] in conjunctions and word[1:] in people:
            word, prefix = word[1:], 1  # "وأزولاي"
        person = people.get(word)
        if person is None or person.last_token > k or not _after_saying(seg, k, conjunctions):
            continue
        out.append(replace(person, start=t.start + prefix, end=t.end, first_token=k, last_token=k + 1,
                           source="person", marker="", role_of="", role_org_start=-1))
    return out


def _after_saying(seg: Doc, k: int, conjunctions: frozenset[str]) -> bool:
    """Whether token k follows a verb of saying of its sentence ("وقال", "أكدت")."""
    if k == 0 or seg.tokens[k - 1].sentence != seg.tokens[k].sentence:
        return False
    word, says = seg.tokens[k - 1].text, _say_words(seg.language)
    return word in says or word[:1] in conjunctions and word[1:] in says


def _names_something(lang: Language, word: str) -> bool:
    """Whether a word opens a title or a head noun ("مدير", "مؤسسة"): no word of a person's name."""
    return title_matcher(lang).starts(word) or _cue_matcher(lang).starts(word)
