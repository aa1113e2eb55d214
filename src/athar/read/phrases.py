"""Phrases of the lexicons found in tokens, clitic-aware.

:class:`PhraseMatcher` finds multi-word forms (names, cues, titles, trigger words) in
the tokens of normalized text: a proclitic chain (و ف ب ل ك and the article, "لل"
for ل + ال) may precede the first word, quotation marks inside a form are skipped, and
trigger words may carry the article and a pronoun ending. :class:`WordIndex` remembers,
word by word, a fact about the words of the tokens (where a form may start), so that a
stage visits only the tokens that matter. :class:`PhraseTable` (:mod:`athar.read.phrasetable`,
re-exported here) is the longest match of forms under a chosen reading of each word, which
numbers, amounts and dates read their tables with.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from itertools import compress, count
from typing import NamedTuple

from athar.read.lexicon import check_choice
from athar.read.text import ALEF, ARTICLE, LAM, QUOTES, Token, normalize_word
from athar.read.values import value
from athar.read.language import Language, language_data

ALTERNATIVE = "/"  # between the words one place of a form may take
# skipped inside a form: quotes, and the "_" between the words of a hashtag ("#دير_الزور"); not
# the "#" that opens one, which text.NAME_MARKS skips between names: a form's words do not run on
# into a hashtag (skipping "#" here too changes what the corpus reads)
_QUOTES = QUOTES | {"_"}
# A form's word written as a quotation mark stands for a name in quotes ("عملية \"": عملية «نبع السلام»,
# حملة "غضب الفرات"): an opening quote, one to NAME_WORDS words, the closing quote; the form's match
# ends after it, the name's words inside it (no trigger of their own).
NAME = '"'
NAME_WORDS = 6
HAMZA = "\u0621"
_SEATS = ("\u064a", "\u0648")  # ئ and ؤ as normalize_word writes them: ي, و


class _Form(NamedTuple):  # thousands a language, kept in its snapshot: a tuple loads and collects faster
    words: tuple[str, ...]
    payload: object
    # for each word after the first, the token texts that read as it (see _readings_of)
    rest: tuple[frozenset[str], ...]


@value
class _Reading:
    """A clitic reading of a token's word, and the forms that may start with it."""

    prefix: int  # characters of proclitic
    marker: str
    # the forms of two words or more, under every token text their second word may take,
    # each list longest first (in the order of the index among equally long ones)
    longer: _Longer
    single: _Form | None  # the first one-word form


class _Longer(dict):
    """token text -> the forms of two words or more (longest first) whose second word it may
    be, worked out for a text when a form's first word is met before it and remembered: most
    forms' second words take a few dozen texts (the word with its endings and the article),
    and a first word is seldom followed by more than a few of them. True when there is a form."""

    __slots__ = ("_forms",)
    _MAX = 1 << 12  # texts remembered before the dict starts over

    def __init__(self, forms: tuple[_Form, ...]):
        super().__init__()
        self._forms = forms  # longest first, each with a second word

    def __missing__(self, text: str) -> tuple[_Form, ...]:
        if len(self) >= self._MAX:
            self.clear()
        found = self[text] = tuple(f for f in self._forms if text in f.rest[0])
        return found

    def __bool__(self) -> bool:
        return bool(self._forms)

    def __reduce__(self):  # a snapshot keeps the forms, not what was asked of them
        return _Longer, (self._forms,)


class WordIndex(dict):
    """word -> a fact about it, worked out by ``of_word`` on first use and remembered (up to
    ``_MAX`` words, then started over); and the positions of the tokens where it is true.

    A dict whose ``__missing__`` fills it, so that a look-up of a known word, and a whole
    scan of a text's tokens (``map`` and ``compress``), run without a Python call per token.
    """

    _MAX = 1 << 16

    def __init__(self, of_word: Callable[[str], object]):
        super().__init__()
        self._of_word = of_word

    def __missing__(self, word: str):
        if len(self) >= self._MAX:
            self.clear()
        known = self[word] = self._of_word(word)
        return known

    __call__ = dict.__getitem__

    def indices(self, texts: Sequence[str]) -> list[int]:
        """The indices of the token texts (``Doc.texts``) where the value is true: the
        positions of all the tokens, without reading each token's text out of it."""
        return list(compress(count(), map(self.__getitem__, texts)))


class PhraseMatcher:
    """Find multi-word forms in a token stream, allowing proclitics and skipping quotes."""

    _HEADS_MAX = 1 << 16  # words remembered before the cache starts over

    def __init__(self, lang: Language, forms: list[tuple[str, object]], *, enclitics: bool = False):
        # the clitics of the language the forms are matched in (clitics.tsv), and the
        # readings of each word under them, worked out once for every matcher of the language
        self._endings = _enclitics(lang) if enclitics else ()
        self._analysis = _word_analysis(lang)
        self._index: dict[str, list[_Form]] = {}
        self._enclitics = enclitics
        self._heads: dict[str, tuple[_Reading, ...]] = {}
        # the forms of each combination of first words a reading gives, as _Reading holds them
        # (few: a word and its forms without the article or an ending)
        self._groups: dict[tuple[str, ...], tuple[dict[str, tuple[_Form, ...]], _Form | None]] = {}
        for text, payload in forms:
            words = tuple(text.split())
            if words:  # a word "a/b" after the first is any of them (a verb's objects: "قدمت المساعدات/الخيام")
                rest = tuple((_readings_of if ALTERNATIVE not in w else _readings_of_any)(w, self._endings)
                             for w in words[1:])
                self._index.setdefault(words[0], []).append(_Form(words, payload, rest))
        for entries in self._index.values():
            entries.sort(key=lambda f: -len(f.words))
        # the nouns a name in quotes follows in a form of their own ("عملية \""): a longer form that
        # ends with one ends after the name too
        self._named = frozenset(f.words[0] for entries in self._index.values() for f in entries
                                if f.words[1:] == (NAME,))
        # the first words of the forms: a word none of whose readings is one starts no form
        self._firsts = frozenset(self._index)
        # starts(word): whether some form may start at a token reading ``word`` (a dict look-up)
        self.starts = WordIndex(self._starts)

    def _starts(self, word: str) -> bool:
        # most words start no form: told by one set operation on the shared analysis
        forms = self._analysis.forms.get(word) or self._analysis.forms_of(word)
        return not self._firsts.isdisjoint(forms) and bool(self._forms_at(word))

    def _forms_at(self, word: str) -> tuple[_Reading, ...]:
        """The clitic readings of ``word`` that start a form, in the order they are tried
        (none when the token is no word: a number or a mark); cached, since most words
        start no form at all."""
        heads = self._heads.get(word)
        if heads is None:
            found = []
            index = self._index
            analysis = self._analysis
            forms = analysis.forms.get(word) or analysis.forms_of(word)
            # no reading of the word is the first word of a form: its readings are not walked
            for prefix, marker, bare, candidates in () if self._firsts.isdisjoint(forms) else analysis[word]:
                if not self._enclitics:
                    if bare not in index:
                        continue
                    firsts: tuple[str, ...] = (bare,)
                else:
                    firsts = tuple(cand for cand in candidates if cand in index)
                    if not firsts:
                        continue
                found.append(_Reading(prefix, marker, *self._grouped(firsts)))
            heads = tuple(found)
            if len(self._heads) >= self._HEADS_MAX:
                self._heads.clear()
            self._heads[word] = heads
        return heads

    def _grouped(self, firsts: tuple[str, ...]) -> tuple[_Longer, _Form | None]:
        """The forms that start with the words ``firsts``, longest first (the order of the
        index among equally long ones), as a _Reading holds them; one copy for every word
        read as the same first words."""
        grouped = self._groups.get(firsts)
        if grouped is None:
            # the index lists each first word's forms longest first already
            forms = self._index[firsts[0]] if len(firsts) == 1 else sorted(
                (form for first in firsts for form in self._index[first]), key=lambda f: -len(f.words))
            single = next((f for f in forms if not f.rest), None)
            grouped = self._groups[firsts] = (_Longer(tuple(f for f in forms if f.rest)), single)
        return grouped

    def match_at(self, tokens: tuple[Token, ...], i: int) -> tuple[int, int, object, str] | None:
        """Longest form starting at token i: (prefix length, end token, payload, marker)."""
        if i >= len(tokens):
            return None
        word = tokens[i].text
        heads = self._heads.get(word)
        if heads is None:
            heads = self._forms_at(word)
        if not heads:
            return None
        # The first reading (the bare word, then longer proclitics) with a form that fits wins;
        # within it the longest form, the first listed among equally long ones. Every form
        # walks the same tokens (one per word, quotes skipped), so a form of more words ends
        # later: the first form that fits, longest first, is that one. A form of one word
        # always fits; one of more words only if the next word is one its second word takes.
        n = len(tokens)
        for reading in heads:
            if reading.longer._forms:  # (its truth, without a Python call for each reading tried)
                named = reading.longer[NAME] if i + 1 < n and tokens[i + 1].text in QUOTES else None
                if named:
                    end = _quoted_name_end(tokens, i + 1)
                    if end is not None:
                        return reading.prefix, end, named[0].payload, reading.marker
                j = i + 1
                while j < n and tokens[j].text in _QUOTES:
                    j += 1
                for form in reading.longer[tokens[j].text] if j < n else ():
                    end = _match_rest(tokens, j + 1, form.rest[1:])
                    if end is not None:
                        return reading.prefix, self._named_end(tokens, form, end), form.payload, reading.marker
            if reading.single is not None:
                return reading.prefix, i + 1, reading.single.payload, reading.marker
        return None


    def match_split(self, tokens: tuple[Token, ...], i: int, j: int) -> tuple[int, int, object, str] | None:
        """Longest form of two words or more whose first word is token i and whose other words
        start at token j, other words between ("أعادت الشرطة فتح": a light verb, its subject,
        its noun): (prefix length, end token, payload, marker)."""
        if i >= len(tokens) or j >= len(tokens):
            return None
        if tokens[j].text in QUOTES:
            return None  # a name in quotes follows its noun at once ("عملية «نبع السلام»")
        heads = self._heads.get(tokens[i].text)
        if heads is None:
            heads = self._forms_at(tokens[i].text)
        for reading in heads:
            for form in reading.longer[tokens[j].text]:
                end = _match_rest(tokens, j + 1, form.rest[1:])
                if end is not None:
                    return reading.prefix, self._named_end(tokens, form, end), form.payload, reading.marker
        return None

    def _named_end(self, tokens, form: _Form, end: int) -> int:
        """Where a form ends that ends with a noun a name in quotes may follow (a form "عملية \""
        of the matcher): after that name ("أطلقت القوات عملية «نبع السلام»"), else at ``end``."""
        if end < len(tokens) and tokens[end].text in QUOTES and form.words[-1] in self._named:
            return _quoted_name_end(tokens, end) or end
        return end


def starting_matchers(matchers: Sequence[PhraseMatcher]) -> WordIndex:
    """word -> the ``matchers`` (of one language) with a form that may start at it, in order:
    a word none of whose readings is the first word of a form of any of them is told by one
    set operation on the shared clitic analysis."""
    analysis = matchers[0]._analysis  # the matchers of one language share it
    firsts = frozenset().union(*(m._firsts for m in matchers))

    def starting(word: str) -> tuple[PhraseMatcher, ...]:
        forms = analysis.forms.get(word) or analysis.forms_of(word)
        return tuple(m for m in matchers if m.starts(word)) if not firsts.isdisjoint(forms) else ()

    return WordIndex(starting)


@functools.lru_cache(maxsize=1 << 12)
def _readings_of(word: str, endings: tuple[str, ...]) -> frozenset[str]:
    """The token texts that read as ``word`` after the first word of a form: the word,
    "ل" for its article ("لل" + noun is ل + ال + noun), and the word with each of the
    ``endings`` (enclitics of clitics.tsv: "ترميمها")."""
    out = {word}
    if word.startswith(ARTICLE):
        out.add(LAM + word[len(ALEF):])  # ال -> لل
    out.update(word + s for s in endings)
    if word.endswith(ALEF + HAMZA):  # "استيلائه", "إلقاؤه": the hamza on its seat before a pronoun
        out.update(word[:-1] + seat + s for seat in _SEATS for s in endings)
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 10)
def _readings_of_any(words: str, endings: tuple[str, ...]) -> frozenset[str]:  # as written: a list of words
    return frozenset(words.split(ALTERNATIVE))  # is long, and each reading is indexed when its form is first met


def _quoted_name_end(tokens, q: int) -> int | None:
    """The token after the closing quote of a name whose opening quote is token q: one to
    :data:`NAME_WORDS` words of one sentence between the quotes (a closing quote right after
    the form's word, or a quote that closes nothing, is no name)."""
    mark = tokens[q].text
    for k in range(q + 1, min(len(tokens), q + NAME_WORDS + 2)):
        t = tokens[k]
        if t.text == mark:
            return k + 1 if k > q + 1 else None
        if not t.is_word or t.sentence != tokens[q].sentence:
            return None
    return None


def _match_rest(tokens, j: int, rest: tuple[frozenset[str], ...]) -> int | None:
    n = len(tokens)
    for readings in rest:
        while j < n and tokens[j].text in _QUOTES:
            j += 1
        if j >= n or tokens[j].text not in readings:
            return None
        j += 1
    return j


@language_data
def _proclitic_table(lang: Language) -> tuple[tuple[str, str, str], ...]:
    """(form, marker, the letters what follows it must start with: "" for any) of clitics.tsv's proclitics."""
    rows = lang.table("clitics.tsv", ("kind", "forms"))
    out = []
    for row in rows:
        check_choice(row, "kind", ("proclitic", "enclitic"))
        if row["kind"] == "proclitic":
            before = "".join(normalize_word(c) for c in row.many("before"))
            out += [(normalize_word(f), row.get("marker"), before) for f in row.many("forms")]
    out.sort(key=lambda p: -len(p[0]))
    return tuple(out)


@language_data
def _enclitics(lang: Language) -> tuple[str, ...]:
    rows = lang.table("clitics.tsv", ("kind", "forms"))
    forms = [normalize_word(f) for r in rows if r["kind"] == "enclitic" for f in r.many("forms")]
    return tuple(sorted(set(forms), key=len, reverse=True))


class _WordAnalysis(dict):
    """word -> its clitic readings, for every :class:`PhraseMatcher` of a language: for each
    proclitic split (the bare word first, as :func:`_proclitic_splits` gives them), the
    prefix length, its marker, the rest, and the rest's candidate first words when a form
    may take the article and a pronoun ending (the rest, without the article, without each
    ending, longest ending first). Worked out once per word (up to ``_MAX`` words), however
    many matchers ask: a cold reader meets every word of its first texts for the first time."""

    _MAX = 1 << 16

    def __init__(self, proclitics: tuple[tuple[str, str, str], ...], endings: tuple[str, ...]):
        super().__init__()
        # word -> every string its readings give (each reading's rest and candidates): a matcher
        # none of whose first words is among them has nothing to try (filled with the readings)
        self.forms: dict[str, frozenset[str]] = {}
        self._proclitics = proclitics
        # the proclitics by their first letter, each list in the order of ``proclitics``: most
        # words start with a letter no proclitic starts with
        self._proclitics_by_first: dict[str, tuple[tuple[str, str, str], ...]] = {}
        for p in proclitics:
            self._proclitics_by_first[p[0][:1]] = self._proclitics_by_first.get(p[0][:1], ()) + (p,)
        # the endings by their last letter, each list in the order of ``endings``
        self._endings_by_last: dict[str, tuple[str, ...]] = {}
        for e in endings:
            self._endings_by_last[e[-1]] = self._endings_by_last.get(e[-1], ()) + (e,)

    def forms_of(self, word: str) -> frozenset[str]:
        """Every string the readings of ``word`` give (analysing it if it is new)."""
        self[word]  # noqa: B018 (fills forms)
        return self.forms[word]

    def __missing__(self, word: str):
        if len(self) >= self._MAX:
            self.clear()
            self.forms.clear()
        out = []
        forms: list[str] = []
        endings_by_last = self._endings_by_last
        splits = _proclitic_splits(word, self._proclitics_by_first.get(word[:1], ())) if word[:1].isalpha() else ()
        for prefix, rest, marker in splits:
            candidates = [rest]
            if rest.startswith(ARTICLE) and len(rest) > 4:
                candidates.append(rest[2:])  # trigger words take the article: "الهجوم"
            if len(rest) > 2 and (endings := endings_by_last.get(rest[-1])):
                stems = [rest[: -len(e)] for e in endings if rest.endswith(e) and len(rest) - len(e) >= 2]
                candidates += stems
                # a final hamza is written on its seat before a pronoun: "لقائها", "لقاؤه" (لقاء)
                candidates += [s[:-1] + HAMZA for s in stems if len(s) >= 3 and s[-2] == ALEF and s[-1] in _SEATS]
            out.append((len(prefix), marker, rest, tuple(candidates)))
            forms += candidates
        known = self[word] = tuple(out)
        self.forms[word] = frozenset(forms)  # each reading's rest is its first candidate
        return known


@language_data
def _word_analysis(lang: Language) -> _WordAnalysis:
    return _WordAnalysis(_proclitic_table(lang), _enclitics(lang))


def _proclitic_splits(word: str, proclitics: tuple[tuple[str, str, str], ...]) -> list[tuple[str, str, str]]:
    """(prefix, rest, marker) readings of a word under the ``proclitics`` (longest first),
    the bare word first; a proclitic that comes only before some letters ("س" of the future before
    an imperfect's ي ت ن ا: "سيعود", never "سعاد") splits no other word."""
    out = [("", word, "")]
    for prefix, marker, before in proclitics:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2 and (not before or word[len(prefix)] in before):
            rest = word[len(prefix):]
            out.append((prefix, rest, marker))
            # "لل" + noun stands for ل + ال: "للرقة" reads as ل + الرقة
            if marker == LAM and rest.startswith(LAM) and not rest.startswith(ARTICLE):  # the proclitic ل (its marker)
                out.append((prefix + LAM, ALEF + rest, marker))
    return out


# the phrase tables of numbers, amounts and dates, read from here by their callers
from athar.read.phrasetable import (  # noqa: E402,F401
    Match, PhraseTable, Proclitics, Variants, exact_form, longer_match, noun_variants, proclitics,
)
