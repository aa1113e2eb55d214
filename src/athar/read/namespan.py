"""Where a name after a head noun ends: a span in quotation marks or slashes, or up to a few
words, cut by a conjunction, a preposition or a clause; and the marks around the names of a list
("نواحي ( X وY )", "حيي (X) و (Y)", "قرى "X، وY""), read by cue.py; where a name ends is also asked
by person.py, office.py and alias.py."""

from __future__ import annotations

from athar.read.entity import stopwords
from athar.read.function_words import function_affixes, function_words
from athar.read.language import Language, language_data
from athar.read.lexicon import check_choice
from athar.read.nameword import _known, _name_words, not_a_name_word
from athar.read.text import ARTICLE, WAW, Doc, normalize_word


def name_after(seg: Doc, j: int, limit: int = 3, listed: bool = False) -> tuple[int, int] | None:
    """Token range of a name starting at j: a quoted span, or up to ``limit`` content words.
    ``listed``: the name is one of a list a head noun in the dual or plural introduces, and a word
    glued to "و" starts the next one ("قريتي خيلو وتل القصف": خيلو, then تل القصف)."""
    tokens = seg.tokens
    if j < len(tokens) and tokens[j].text in QUOTES:
        k, mark = j + 1, tokens[j].text
        while k < len(tokens) and tokens[k].text != mark and k - j <= 5:
            if not (tokens[k].is_word or tokens[k].is_number and k > j + 1):
                return None  # a number after a word of the name is part of it: "قاعدة «كي 1»"
            k += 1
        if k < len(tokens) and tokens[k].text == mark and k > j + 1:
            return j + 1, k
        return None
    stop = stopwords(seg.language)
    openers = function_affixes(seg.language, "phrase_opener")
    k = j
    given = _given_names(seg.language).get(tokens[j].text) if j + 1 < len(tokens) else None
    if given is not None and _spelled_as_name(seg, j) and _begins_a_name(seg, j + 1, stop, given == _NISBA):
        k = j + 1  # "صباح خالد": a time word that is also a given name, a name's word after it
    # "رامي عبد الرحمن", "أحمد عبد الكريم الجبوري": a word that opens a compound name part (function_words
    # name_part: عبد، أبو، بن) inside a name takes the word after it into the same part, never ends it
    # "يار الله", "عطا الله": a word that closes a compound given name (function_words name_end)
    # makes one name part with the word before it, never a part of its own
    parts, ends, bound = function_words(seg.language, "name_part"), function_words(seg.language, "name_end"), 0
    while k < len(tokens) and (k - j - bound < limit or k > j and tokens[k].text in ends) \
            and (tokens[k].is_word and tokens[k].text not in stop or _latin_code(tokens, j, k)):
        if k > j and (conjunction(seg.language, tokens[k].text)
                      or tokens[k].text.startswith(WAW) and tokens[j].text.startswith(WAW) and len(tokens[k].text) > 3
                      or listed and tokens[k].text.startswith(WAW) and len(tokens[k].text) > 2
                      and tokens[k].text not in _name_words(seg.language)):
            break  # a conjunction starts the next phrase (in a list joined by "و": "وعجاج وسفاخير")
        if tokens[k].text.startswith(openers) and len(tokens[k].text) > _OPENER_STEM:
            break  # a prepositional phrase: "سد تشرين بالقصف"; "بالي" is too short for one: a name
        if k > j and tokens[k].text in function_words(seg.language, "pointing_back"):
            break  # "والقرى المحيطة بها": the preposition and its pronoun are no word of a name
        if not_a_name_word(seg.language, tokens[k].text):
            break  # "مدينة يستردها الجيش", "قرية دابق لاستعادتها", "قائد آخر بأن": a clause goes on, no name
        if k > j and tokens[k].start - tokens[k - 1].end > 1:
            break
        if k > j and (tokens[k].text in parts or tokens[k].text in ends):
            bound += 1
        k += 1
        if limit == 2 and k - j == 1 and tokens[j].text.startswith(ARTICLE) and tokens[j].text not in parts:
            # "مخيم الهول": a name with the article is usually one word (not after a name part
            # function_words lists with the article)
            break
    if k - 1 > j and tokens[k - 1].text in parts:
        k -= 1  # "رامي عبد" then a stopword: no name part is cut after its opener
    return (j, k) if k > j else None


_OPENER_STEM = 4  # the letters of a preposition with the article and a word of one letter ("بالي")
# the marks news writes around a name, once normalized: quotation marks of every kind ("«X»", "“X”")
# and slashes ("بلدة /X/"); not the single quote of text.QUOTES, which these rules never took (the
# corpus reads the same with it)
QUOTES = ('"', "/")


def indefinite_phrase(seg: Doc, first: int, last: int) -> bool:
    """Whether the words first..last are an indefinite noun in the accusative and its adjective
    ("مطعما جديدا", "مخيماً كبيراً"): both end with the alef of the accusative. A name may too
    ("لينا زكريا"): the words are a name when the first is a given name romanization.tsv knows
    and neither is written with the accusative's tanween."""
    words = [t.text for t in seg.tokens[first:last]]
    if len(words) != 2 or not all(len(w) >= 4 and w.endswith(_ALEF) and not w.startswith(ARTICLE) for w in words):
        return False
    written = seg.norm.original[slice(*seg.norm.to_original(seg.tokens[first].start, seg.tokens[last - 1].end))]
    return any(mark in written for mark in TANWEEN) or words[0] not in _name_words(seg.language)


_ALEF = "ا"
TANWEEN = ("\u064b", "\u064bا", "ا\u064b")  # an accusative adverb ends so


def conjunction(lang: Language, word: str) -> bool:
    """Whether a word of more than three letters that starts with "و" is the conjunction and a word
    ("والقوات", "ووزير", "وقال"), not a word of a name that starts with the letter ("وارن", "وليد",
    "وائل"): it is when what follows the "و" is a word we know or starts with the article, or when the
    whole word is one we know as no name (a title, a head noun, a verb form). A given name of
    romanization.tsv decides first: "وليد" is the name, "وحسن" the conjunction and a name."""
    if not word.startswith(WAW) or len(word) <= 3:
        return False
    rest, names = word[1:], _name_words(lang)
    if word in names:
        return False
    return rest.startswith(ARTICLE) or rest in names or _known(lang, rest) or _known(lang, word)


def _latin_code(tokens, j: int, k: int) -> bool:
    """Whether token k is a number glued to a Latin word of the name before it ("قاعدة K1")."""
    return k > j and tokens[k].is_number and tokens[k].start == tokens[k - 1].end \
        and tokens[k - 1].text[-1:].isascii() and tokens[k - 1].text[-1:].isalpha()


@language_data
def _given_names(lang: Language) -> dict[str, str]:
    """stopwords.tsv, name: the stopwords that are also given names ("صباح") -> "yes", or "nisba"
    when a word with the article may follow them in a name ("علي الحمداني")."""
    out: dict[str, str] = {}
    for row in lang.table("stopwords.tsv", ("word",)):
        kind = check_choice(row, "name", ("", "yes", _NISBA))
        if kind:
            out.update(dict.fromkeys((normalize_word(w) for w in row.forms("word")), kind))
    return out


_NISBA = "nisba"


def _spelled_as_name(seg: Doc, j: int) -> bool:
    """Whether token j, a stopword that is also a given name, is written as the name: "على" (on)
    and "علي" (Ali) are one word once normalized; the text's final ي or ى tells them apart."""
    word = seg.norm.original[slice(*seg.norm.to_original(seg.tokens[j].start, seg.tokens[j].end))]
    return not word.endswith(_ALIF_MAQSURA)


_ALIF_MAQSURA = "ى"


def _begins_a_name(seg: Doc, k: int, stop: frozenset[str], article: bool = False) -> bool:
    """Whether token k can be a name's second word right after a given name: a word of the same
    sentence, next to it, no stopword, without the article unless ``article``."""
    t, before = seg.tokens[k], seg.tokens[k - 1]
    return t.is_word and t.text not in stop and (article or not t.text.startswith(ARTICLE)) \
        and t.sentence == before.sentence \
        and t.start - before.end <= 1


LIST_MARKS = {"(": ")", '"': '"'}  # the marks a list of names may open with, and their closing marks (as QUOTES)


def list_opening(seg: Doc, k: int, head: int) -> str | None:
    """The mark at token k that opens a list of names after a head noun in the dual or plural: a
    bracket, or a quotation mark around more than one name (a comma or a word glued to "و" in it)."""
    tokens = seg.tokens
    mark = tokens[k].text if k < len(tokens) and tokens[k].sentence == tokens[head].sentence else None
    if mark not in LIST_MARKS:
        return None
    if mark == "(":
        return mark
    alone = name_after(seg, k)
    if alone is not None and not any(t.text.startswith(WAW) and len(t.text) > 2 for t in tokens[alone[0] + 1:alone[1]]):
        return None  # "بلدتي “السوسة” و”الباغوز”": each name in its own marks
    return mark


def pointing_back(seg: Doc, k: int) -> bool:
    """Whether the words at token k, after a word of a list, point back to the places named
    (function_words pointing_back), right after it or after its adjective: "والمحيطة بها",
    "والمزارع القريبة منها"."""
    tokens, back = seg.tokens, function_words(seg.language, "pointing_back")
    return k < len(tokens) and tokens[k].text in back or k + 1 < len(tokens) \
        and tokens[k].text.startswith(ARTICLE) and tokens[k + 1].text in back


def bracket_at(tokens, k: int, mark: str, head: int) -> bool:
    """Whether token k is the bracket ``mark`` in the sentence of the head noun at token ``head``."""
    return k < len(tokens) and tokens[k].text == mark and tokens[k].sentence == tokens[head].sentence
