"""A speaker named by a name no list holds, read from where the news puts it: the two or three words
that end the slot between a verb of saying (or the "عن" of one who tells what another said) and what
was said. "ونقلت الوكالة عن رئيس الفريق الاستشاري لإعمار المحافظة X Y قوله إن", "وقالت X Y Z (45
عاما) إن", "ونقلت الوكالة عن X Y (طبيبة في المنظمة) أن": the slot ends at what was said ("أن", "إن",
a colon, "قوله"), a bracket or a comma; the name stands right before that end, right after the verb,
the "عن", or the titles and body that describe the person (a name read or a title of titles.tsv).

A name is two or three words, the first without the article (a given name; a family name may take it:
"الخياط"), none of them a function word, a number, a noun with a possessive ending ("ودموعها تنهمر
فرحا"), the word of an event or of a statement ("في بيان صحفي"), a speaker named by what they are
("مصدر") or a title ("رئيس الوزراء العراقي"). Where such
words do not stand there, no name is read: the speaker is left to the other rules."""

from __future__ import annotations

from athar.read.entity import Mention, slug, stopwords, title_matcher
from athar.read.function_words import function_affixes, function_words
from athar.read.informant import bare_word, speaker_nouns, speaker_table
from athar.read.language import Language, language_data
from athar.read.memo import trigger_starts
from athar.read.romanization import english_label
from athar.read.rules import marker_forms
from athar.read.text import ARTICLE, COMMAS, Doc

_NAME_WORDS = (2, 3)  # the fewest and the most words of a name ("مارتينا كوستا", "وداد حسن جاسم")
_SLOT_REACH = 16  # words between the verb and what was said: the titles of a person run long
_BRACKET = "("  # "X Y (45 عاما)", "X Y (طبيبة في المنظمة)": what describes the person named
_COLON = ":"
_QUOTE_WORDS = "quote"  # speakers.tsv's kind of "قوله", "قولها": what was said follows


@language_data
def _closers(lang: Language) -> frozenset[str]:
    """The words that end a speaker's slot: those that open what was said ("أن", "إن", "بأن") and
    speakers.tsv's words of quoting ("قوله")."""
    quote = frozenset(w for w, k in speaker_table(lang).items() if k == _QUOTE_WORDS)
    clause = marker_forms(lang, "clause")
    suffixed = frozenset(o + p for o in clause for p in function_words(lang, "pronoun_suffix"))  # "إنه"
    return clause | suffixed | quote | {_COLON}


def unlisted_speaker(doc: Doc, first: int, end: int, mentions: list[Mention]) -> Mention | None:
    """The person the words before the end of the slot that starts at token ``first`` name (see the
    module), the slot closed before token ``end``; None when no such name stands there. ``mentions``:
    those of the sentence."""
    tokens, lang = doc.tokens, doc.language
    end = min(end, first + _SLOT_REACH, doc.sentences[tokens[first].sentence].last_token) if first < len(tokens) else first
    closers = _closers(lang)
    close = next((k for k in range(first, end) if tokens[k].text in closers or tokens[k].text in COMMAS
                  or tokens[k].text == _BRACKET), None)
    if close is None:
        return None
    named = {k for m in mentions if m.first_token < close and m.last_token > first
             for k in range(m.first_token, m.last_token)}
    start = close
    while start > first and close - start < _NAME_WORDS[1] and _may_name(doc, start - 1, named):
        start -= 1
    # the name opens where the slot does or right after a name read or a title, which the walk back may
    # have passed ("عن مدير الدائرة X Y قوله": the title's last word is no word of the name); the words
    # before a name of more words than a name has open none ("ردود فعل واسعة النطاق")
    start = next((s for s in range(start, close - _NAME_WORDS[0] + 1)
                  if not tokens[s].text.startswith(ARTICLE) and _opens_name(doc, first, s, mentions)), None)
    if start is None:
        return None
    a, b = doc.original(tokens[start].start, tokens[close - 1].end)
    label_ar = doc.text[a:b]
    label_en, guessed = english_label(doc, label_ar, "{name}", label_ar)
    norm = " ".join(t.text for t in tokens[start:close])
    return Mention(tokens[start].start, tokens[close - 1].end, start, close, f"person-{slug(norm)}", "Person",
                   label_ar, label_en, "global", "person", label_guessed=guessed)


def _may_name(doc: Doc, k: int, named: set[int]) -> bool:
    """Whether token ``k`` may be a word of a name no list holds."""
    tokens, lang = doc.tokens, doc.language
    t = tokens[k]
    return t.is_word and k not in named and k not in trigger_starts(doc) and t.text not in _plain_words(lang) \
        and not t.text.endswith(function_affixes(lang, "owned")) and bare_word(lang, t.text) not in speaker_nouns(lang) \
        and title_matcher(lang).match_at(tokens, k) is None


@language_data
def _plain_words(lang: Language) -> frozenset[str]:
    """Words that are no word of a name: stopwords and function words."""
    return stopwords(lang) | frozenset(w for kind in ("preposition", "conjunction", "complementizer", "relative")
                                       for w in function_words(lang, kind))


def _opens_name(doc: Doc, first: int, start: int, mentions: list[Mention]) -> bool:
    """Whether a name may start at token ``start``: right at the start of the slot, or right after a
    name read or a title that describes the person ("رئيس الفريق الاستشاري لإعمار محافظة نينوى X")."""
    if start == first or any(m.last_token == start for m in mentions):
        return True
    titles = title_matcher(doc.language)
    return any((hit := titles.match_at(doc.tokens, j)) is not None and hit[1] == start for j in range(first, start))
