"""Speakers the news names by what they are, not by who (speakers.tsv): "قالت مصادر أمنية
عراقية", "وأكد مصدر عسكري", "وقال مراسل الوكالة". Such a source is a mention of its noun and the
adjectives after it (read/statement.py settles whose statement it makes)."""

from __future__ import annotations

from athar.read.entity import Mention, stopwords
from athar.read.function_words import function_word, function_words
from athar.read.language import Language, language_data
from athar.read.lexicon import check_choice
from athar.read.text import ARTICLE, Doc

OUTLET = "MediaOutlet"
SPEAKER_KINDS = ("source", "unnamed", "official", "armed", "behalf", "issued", "quote", "pluperfect", "verb", "other", "single", "between",
                 "announce", "announced", "document")
UNNAMED = "unnamed"  # speakers.tsv's kind of a source named by what it is ("مصدر أمني")
SOURCE_KEY = "source-"  # the key of an unnamed source's mention, with where it starts
_SOURCE_WORDS = 3  # the longest description after a source's noun ("أمنية عراقية رفيعة")
_ADJECTIVE_ENDINGS = ("ي", "يه", "يون", "يين")  # normalized: "أمني", "عسكرية", "محليون", "عراقيين"


def only_reports(m: Mention) -> bool:
    """Whether a mention names who only tells the news: an outlet ("أعلنت قسد، في بيان نقلته رويترز،
    بدء حملة") or a source named by what it is ("قال مسؤول كردي إن القوات فرضت سيطرتها"). It
    makes its statement and does none of what it tells (an armed group's own outlet claims for
    the group: athar.read.agency.own_outlet)."""
    return m.type == OUTLET or m.key.startswith(SOURCE_KEY)


@language_data
def speaker_table(lang: Language) -> dict[str, str]:
    """Normalized word (or words) -> its kind (speakers.tsv, one of SPEAKER_KINDS)."""
    out: dict[str, str] = {}
    for row in lang.table("speakers.tsv", ("kind", "forms")):
        kind = check_choice(row, "kind", SPEAKER_KINDS)
        forms = row.forms("forms")
        if not forms:
            raise row.fail("'forms' lists no word")
        if kind != _SINGLE:  # a number, not a kind: read by _single_nouns
            out.update(dict.fromkeys(forms, kind))
    return out


_SINGLE = "single"


@language_data
def _single_nouns(lang: Language) -> frozenset[str]:
    """speakers.tsv's nouns of unnamed speakers that name one person ("مصدر", "محافظ")."""
    return frozenset(f for row in lang.table("speakers.tsv", ("kind", "forms")) if row["kind"] == _SINGLE
                     for f in row.forms("forms"))


@language_data
def pluperfect_words(lang: Language) -> frozenset[str]:
    """speakers.tsv's words between a speaker named first and the verb ("كان", "قد")."""
    return frozenset(w for w, k in speaker_table(lang).items() if k == "pluperfect")


@language_data
def other_words(lang: Language) -> frozenset[str]:
    """speakers.tsv's words of "another" ("آخر", "أخرى"): a word of a description, never a name."""
    return frozenset(w for w, k in speaker_table(lang).items() if k == "other")


@language_data
def speaker_nouns(lang: Language) -> dict[str, str]:
    """Normalized noun -> "source", "unnamed" or "official": what a speaker named by what they are is."""
    return {w: k for w, k in speaker_table(lang).items() if k in ("source", UNNAMED, "official")}


@language_data
def saying_verbs(lang: Language) -> frozenset[str]:
    """speakers.tsv's verbs of saying whose bare perfect is also a noun or a name ("حذر", "طالب"),
    normalized: no name of a speaker begins with one."""
    return frozenset(w for w, k in speaker_table(lang).items() if k == "verb")


def unnamed_source(doc: Doc, k: int, said: int, mentions: list[Mention],
                   kinds: tuple[str, ...] = (UNNAMED,)) -> Mention | None:
    """"وأكد مصدر عسكري أن", "قالت مصادر أمنية عراقية إن", "وقال قائد ميداني": a source named by
    what it is right after a verb of saying (speakers.tsv, unnamed, or one of ``kinds``), as a
    mention of its noun and the adjectives after it; None when no such noun stands there."""
    tokens, lang = doc.tokens, doc.language
    if k >= said or any(m.first_token <= k < m.last_token for m in mentions) \
            or speaker_nouns(lang).get(bare_word(lang, tokens[k].text)) not in kinds \
            or unjoined_word(lang, tokens[k].text).startswith(ARTICLE):
        return None  # "وأوضح المصدر أن": the source named before goes on, no new speaker
    outlet = next((m for m in mentions if m.first_token == k + 1 and m.type == OUTLET), None)
    if outlet is not None:
        return outlet  # "أفاد مراسل وكالة تسنيم": the agency reports through its correspondent
    end, stop = k + 1, stopwords(lang)
    while end < min(said, k + 1 + _SOURCE_WORDS) and tokens[end].is_word and tokens[end].text not in stop \
            and not tokens[end].text.startswith(ARTICLE) and (tokens[end].text.endswith(_ADJECTIVE_ENDINGS)
                                                              or tokens[end].text in other_words(lang)) \
            and not any(m.first_token == end for m in mentions):
        end += 1
    # "محافظ نينوى", "قائد عمليات نينوى": the place or the body of the office, right after its noun
    # or after one more noun of the chain
    held = next((m for m in mentions if end == k + 1 and m.last_token <= said and m.type != OUTLET and (
        m.first_token == end or m.first_token == end + 1 and tokens[end].is_word
        and not tokens[end].text.startswith(ARTICLE))), None) if end < said else None
    if held is not None:
        end = held.last_token
    if end + 1 < said and tokens[end].text == function_word(lang, "locative") and tokens[end + 1].is_word \
            and tokens[end + 1].text.startswith(ARTICLE) and tokens[end + 1].sentence == tokens[k].sentence:
        # "مصدر في الشرطة", "قائد في الجيش الحر": the body the source is in, its name whole
        body = next((m for m in mentions if m.first_token == end + 1 and m.last_token <= said), None)
        end = body.last_token if body is not None else end + 2
    start, stop = tokens[k].start, tokens[end - 1].end
    if tokens[k].text[:1] in function_words(lang, "conjunction") and len(tokens[k].text) > 4:
        start += 1  # "ومصادر"
    words = doc.norm.original[slice(*doc.norm.to_original(start, stop))]
    one = bare_word(lang, tokens[k].text) in _single_nouns(lang)  # "محافظ نينوى": a person; "مصادر": a group
    return Mention(start, stop, k, end, f"{SOURCE_KEY}{start}", "Person" if one else "Group", words,
                   f"unnamed source ({words})", "mention", "kind")


def unjoined_word(lang: Language, word: str) -> str:
    """A word without the "و" or "ف" joined to it ("وبحسب" -> "بحسب")."""
    return word[1:] if word[:1] in function_words(lang, "conjunction") and len(word) > 3 else word


def unjoined_at(doc: Doc, words) -> list[int]:
    """The tokens of ``doc`` whose :func:`unjoined_word` is one of ``words``, in text order: the
    passes over every token for a word of attribution or of announcing look at these alone. Each
    token's word without its "و" is worked out once a text."""
    texts = doc.memo.get(_UNJOINED)
    if texts is None:
        conjunctions = function_words(doc.language, "conjunction")
        texts = doc.memo[_UNJOINED] = [w[1:] if w[:1] in conjunctions and len(w) > 3 else w for w in doc.texts]
    return [k for k, w in enumerate(texts) if w in words]


_UNJOINED = "unjoined"  # doc.memo's key of every token's word without its "و"


def bare_word(lang: Language, word: str) -> str:
    """A word without "و" and the article before it ("والمصدر" -> "مصدر")."""
    word = unjoined_word(lang, word)
    return word.removeprefix(ARTICLE) if len(word) > len(ARTICLE) + 2 else word
