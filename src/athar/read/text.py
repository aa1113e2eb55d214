"""The text layer: normalization with an offset map, tokens and sentences, and the
:class:`Doc` that carries them and every layer the reading adds.

Matching happens on normalized text; everything reported to the user is an
offset into the original body, so that ``body[start:end]`` is the exact words.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, chain, count, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from athar.read.values import value

if TYPE_CHECKING:  # the layers' types, from the stages after this one
    from athar.read.amounts import AmountMention
    from athar.read.clause import Trigger
    from athar.read.dates import DateMention
    from athar.read.language import Language
    from athar.read.mentions import Mention
    from athar.read.source import Document
    from athar.read.values import Fact

# The script, not the language: the letters, marks and punctuation below say how Arabic
# is written (which characters are variants of one letter, which are marks over a letter),
# which holds for every text whatever its words; so they stay in code beside the function
# that applies them. Words, clitics and affixes (what the language has) are tables in
# lang/ar/ (function_words.tsv, clitics.tsv, ...).
#
# Characters dropped by normalization: harakat, tanween, shadda, sukun, dagger
# alef, tatweel, and invisible direction and joiner marks.
_DROPPED = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"]
    # the other invisible marks: bidi embeddings, overrides and isolates, the word joiner
    + [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)] + ["\u2060"]
)
_SUBSTITUTED = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    # Persian and Urdu typing of Arabic letters (keyboards of Kurdish and Iranian outlets):
    # keheh, Farsi yeh, heh doachashmee ("المھام"), ae, heh goal, heh with yeh, teh marbuta goal
    "ک": "ك", "ی": "ي", "ٮ": "ب", "ھ": "ه", "ە": "ه", "ہ": "ه", "ۀ": "ه", "ۃ": "ه",
    "٫": ".", "٬": ",", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‹": '"', "›": '"',
    "–": "-", "—": "-",
}
for _d in range(10):
    _SUBSTITUTED[chr(0x0660 + _d)] = str(_d)
    _SUBSTITUTED[chr(0x06F0 + _d)] = str(_d)

# Quotation marks: normalization writes every double one (“ ” « » „ ‟ ″ ‹ ›) as '"' and every single
# one as "'", so a token is never a quotation mark but one of QUOTES; the original text may hold any
# of QUOTE_MARKS. NAME_MARKS are skipped between the words of a name: quotes, and a hashtag's "#_".
QUOTE, QUOTES = '"', frozenset("\"'")
QUOTE_MARKS = QUOTES | {ch for ch, to in _SUBSTITUTED.items() if to in QUOTES}
NAME_MARKS = QUOTES | frozenset("#_")

# A token is a word (letters), a number (digits, with a . or , between digits) or any
# other character but white space; the group makes re.split keep the tokens (segment).
_TOKEN_SPLIT = re.compile(r"([^\W\d_]+|\d+(?:[.,]\d+)*|\S)")
_STOPS = ".!?؟;؛"
# The most tokens a sentence holds: a longer run without a stop (a line of 200,000 characters
# with no punctuation) is cut into windows of at most this many tokens, at the last clause end
# of the window's second half when it has one, so that every stage after this one reads
# sentences of bounded length and its cost grows with the text, not with its square. No
# sentence of a news article comes near it (the longest of the corpus has under 150 tokens).
MAX_SENTENCE_TOKENS = 600

# Letters and marks whose shape the readers test, in normalized text unless said otherwise.
# Orthography, not word lists: the article and the conjunction و are written joined to the
# next word, and ل before the article drops the article's alef (ل + العام = "للعام").
ARTICLE = "ال"
WAW = "و"  # the conjunction as a letter: "وعشرون" is و + عشرون (function_words.tsv lists it too)
LAM = "ل"  # ل + ال is written "لل": "للرقة" reads as ل + الرقة
ALEF = "ا"  # the alef of the article that "لل" drops
TANWEEN_ALEF = "ا"  # what is left of "ـًا" once harakat are dropped: مقاتلًا -> مقاتلا
TA_MARBUTA = "ة"  # in the original text: normalization writes it as ه, like the pronoun suffix
HARAKAT = "".join(map(chr, range(0x064B, 0x0660))) + "\u0670"  # the marks normalization drops after a letter
# Punctuation: the Arabic and the Latin comma, and the marks that may close a clause.
COMMA = "،"
COMMAS = ("،", ",")
CLAUSE_ENDS = frozenset("،:؛,")


@dataclass(frozen=True)
class Normalized:
    """Normalized text and where its characters come from in the original.

    Normalization only drops characters (every substitution is one for one), so the
    map is sparse: ``breaks`` are the normalized offsets at which dropped characters
    were, and the normalized character ``i`` that follows ``k`` breaks is the original
    character ``i + shifts[k]`` (``shifts[k]``: the characters dropped at those breaks)."""

    original: str
    text: str
    breaks: tuple[int, ...] = field(repr=False)
    shifts: tuple[int, ...] = field(repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span (``0 <= start < end <= len(text)``) to the original
        span holding the same words.

        Trailing marks (a tanween after the last letter) belong to the word.
        """
        breaks, shifts = self.breaks, self.shifts
        k = bisect_right(breaks, start)
        ostart = start + shifts[k]
        if end < len(self.text) and (k == len(breaks) or end < breaks[k]):
            # no break in the span: the same shift (its last character's too, so the test of a
            # ligature below would give the same end)
            oend = end + shifts[k]
        else:
            if end >= len(self.text):
                oend = len(self.original)
            else:
                oend = end + shifts[bisect_right(breaks, end, k)]
            if end > start:  # a span ending inside what one character became (a ligature of words, "ﷺ")
                last = end - 1  # ends after that character, not before it
                oend = max(oend, last + shifts[bisect_right(breaks, last)] + 1)
        original = self.original
        while oend > ostart and original[oend - 1].isspace():
            oend -= 1
        return ostart, oend


@functools.lru_cache(maxsize=1 << 14)
def normalize_word(word: str) -> str:
    """Normalize a lexicon entry the same way as text (cached: labels are normalized again and again);
    the text of :func:`normalize`, without its map of offsets."""
    normalized = word
    for ch, replacement in _replacements(word):
        normalized = normalized.replace(ch, replacement)
    return normalized.strip()


def _presentation_forms() -> dict[str, str]:
    """Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF: the shapes of letters in legacy
    text, "ﻻ", "ﷲ") as the letters they show: their NFKC form, normalized like any other letter.
    A ligature becomes several letters; only these blocks are changed by NFKC."""
    forms = {}
    for c in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        ch = chr(c)
        nfkc = unicodedata.normalize("NFKC", ch)
        if nfkc != ch:
            forms[ch] = "".join("" if x in _DROPPED else _SUBSTITUTED.get(x, x) for x in nfkc)
    return forms


_PRESENTATION = _presentation_forms()
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")

# The normalization as (character, replacement) pairs, "" for a dropped character. No
# replacement is itself a character replaced (tests check it), so that replacing each
# character in turn is the one translation.
_REPLACEMENTS = tuple(sorted({**{ch: "" for ch in _DROPPED}, **_SUBSTITUTED, **_PRESENTATION}.items()))
_COMMON = tuple((ch, r) for ch, r in _REPLACEMENTS if ch not in _PRESENTATION)
_COMMON_MAP = dict(_COMMON)
_COMMON_KEYS = frozenset(_COMMON_MAP)
# the same characters as one class: re finds those a text holds in a bitmap, where building a
# set of the text's characters hashed each of them (a quarter of normalizing an article)
_COMMON_RE = re.compile("[" + "".join(map(re.escape, sorted(_COMMON_KEYS))) + "]")


def _replacements(text: str) -> tuple[tuple[str, str], ...]:
    """The characters to replace that ``text`` holds and what each becomes, in the order they
    are replaced: those of _COMMON (sorted), then presentation forms."""
    # one scan of the text for all of them instead of one for each
    replacements = tuple((ch, _COMMON_MAP[ch]) for ch in sorted(set(_COMMON_RE.findall(text))))
    if _PRESENTATION_RE.search(text):
        present = set(_PRESENTATION_RE.findall(text))
        replacements += tuple((ch, _PRESENTATION[ch]) for ch in sorted(present) if ch in _PRESENTATION)
    return replacements


def normalize(text: str) -> Normalized:
    """Drop diacritics and tatweel, unify letter variants, digits and quotes; presentation forms
    become the letters they show (a ligature several letters, all mapped to it)."""
    # Most of the characters replaced are absent from a text, and looking for one (`in`) is
    # a fast scan in C: replacing the few present costs far less than str.translate, which
    # looks every character of the text up in its table. Presentation forms are looked for
    # only in a text that has one (one scan), not one by one.
    replacements = _replacements(text)
    normalized = text
    changed: list[tuple[int, int]] = []  # (where in text, characters it becomes) when not one for one
    for ch, replacement in replacements:
        if ch in text:
            normalized = normalized.replace(ch, replacement)
            if len(replacement) != 1:
                at = text.find(ch)
                while at >= 0:
                    changed.append((at, len(replacement)))
                    at = text.find(ch, at + 1)
    # each run of adjacent dropped characters makes one break (its shift one more for each); a
    # character that becomes n makes n - 1 breaks, one after each of its first n - 1, the shift
    # one less at each, so that all n map back to it and what follows to what follows it
    breaks: list[int] = []
    shifts = [0]
    previous = -2
    for at, n in sorted(changed):
        if n == 0:
            if at == previous + 1:
                shifts[-1] += 1
            else:
                breaks.append(at - shifts[-1])
                shifts.append(shifts[-1] + 1)
            previous = at
        else:
            q = at - shifts[-1]
            for j in range(1, n):
                breaks.append(q + j)
                shifts.append(shifts[-1] - 1)
            previous = -2
    return Normalized(original=text, text=normalized, breaks=tuple(breaks), shifts=tuple(shifts))


class Token(NamedTuple):
    """A word, number or punctuation mark, with normalized offsets (a tuple: tokens are
    made by the hundred thousand)."""

    index: int
    start: int
    end: int
    text: str
    sentence: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()


_TOKEN_END = itemgetter(2)  # Token.end, as a key for bisect (no Python call a step)


@value
class Sentence:
    index: int
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


@value
class Span:
    """A span of a layer in the original text: ``doc.text[start:end] == text``; ``label`` says
    what it is (an entity type, an event class, "date", "amount") and ``item`` is the layer's
    own value (a Mention, a DateMention, a Fact ...)."""

    layer: str
    start: int
    end: int
    text: str
    label: str
    item: object


class _Language:
    """``Doc.language``: the language the text is read with (``doc.lang``); a Doc made by
    :func:`segment` alone has none. The rules ask for it tens of thousands of times a text: a
    Doc with a language holds it as a plain attribute, which shadows this descriptor (it has no
    ``__set__``); a Doc without one gets here and is told how to make one."""

    def __get__(self, doc: Doc | None, owner: type | None = None) -> Language:
        if doc is None:
            return self  # type: ignore[return-value]
        raise ValueError("this Doc has no language: make it with Language.make_doc(text) or athar.read(text)")


@dataclass(eq=False)
class Doc:
    """One text as athar reads it: the original, its normalization with the offset map, its
    tokens and sentences, and the layers the pipeline's components add, in order.

    Tokens and the spans inside the layers hold offsets into the normalized text (the same
    length or shorter: normalization only drops characters); :meth:`spans` gives every span
    of a layer with offsets into the original text, and :meth:`original` maps one span.
    A component reads the layers before it and sets its own; it never sees another
    component's private state.
    """

    norm: Normalized
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    texts: tuple[str, ...] = field(repr=False)  # the text of each token, for map() over a whole text
    lang: Language | None = field(default=None, repr=False)
    meta: Document | None = field(default=None, repr=False)  # the file and front matter, when there is one
    # the layers, None until their component has run
    mentions: list[Mention] | None = field(default=None, repr=False)
    dates: list[DateMention] | None = field(default=None, repr=False)
    amounts: list[AmountMention] | None = field(default=None, repr=False)
    triggers: list[Trigger] | None = field(default=None, repr=False)
    facts: list[Fact] | None = field(default=None, repr=False)
    # what a component of a user's adds, by its name
    extensions: dict[str, object] = field(default_factory=dict, repr=False)
    # what the rules work out once from the layers and look up again (athar.read.memo)
    memo: dict[object, object] = field(default_factory=dict, init=False, repr=False)

    LAYERS = ("mentions", "dates", "amounts", "triggers", "facts")
    language = _Language()

    @property
    def text(self) -> str:
        """The original text."""
        return self.norm.original

    @property
    def published(self) -> str | None:
        """The date of publication its front matter gives (relative dates are read against it)."""
        return self.meta.published if self.meta is not None else None

    def __post_init__(self) -> None:
        if self.lang is not None:
            self.language = self.lang

    def __setattr__(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)
        if name == "lang" and value is not None:  # ``language`` is ``lang``, read as a plain attribute
            object.__setattr__(self, "language", value)

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalized span ``start:end``."""
        return self.norm.to_original(start, end)

    def spans(self, layer: str) -> list[Span]:
        """Every span of ``layer`` (one of :attr:`LAYERS`) with offsets into the original text."""
        if layer not in self.LAYERS:
            raise ValueError(f"no layer '{layer}'; the layers are {', '.join(self.LAYERS)}")
        items = getattr(self, layer)
        if items is None:
            raise ValueError(f"the '{layer}' layer is not set: its component has not run on this Doc")
        out = []
        for item in items:
            if layer == "facts":
                start, end, label = item.evidence.start, item.evidence.end, item.type
            else:
                if layer == "triggers":
                    first, last = self.tokens[item.first], self.tokens[item.last - 1]
                    nstart, nend, label = first.start, last.end, item.rule.event
                else:
                    nstart, nend = item.start, item.end
                    label = item.type if layer == "mentions" else layer[:-1]
                start, end = self.original(nstart, nend)
            out.append(Span(layer, start, end, self.text[start:end], label, item))
        return out

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering a normalized offset."""
        tokens = self.tokens
        k = bisect_right(tokens, offset, key=_TOKEN_END)  # the first token ending after it
        return k if k < len(tokens) and tokens[k].start <= offset else None


# Building the BMP pattern (below) costs as much as splitting some 4 MB of text with it
# saves: a process starts with _TOKEN_SPLIT and takes the faster pattern once it has split
# that much. Both split every text alike.
_BMP_AFTER = 4_000_000
_split_so_far = [0]


def _token_split(nt: str) -> re.Pattern[str]:
    """The pattern to split ``nt`` with: the BMP one once enough text was split to pay for it."""
    if _split_so_far[0] < _BMP_AFTER:
        _split_so_far[0] += len(nt)
        return _TOKEN_SPLIT
    # a text is within the Basic Multilingual Plane when its UTF-16 takes two bytes a character
    # (a character past U+FFFF takes four)
    bmp = len(nt.encode("utf-16-le", "surrogatepass")) == 2 * len(nt)
    return _bmp_token_split() if bmp else _TOKEN_SPLIT


@functools.cache
def _bmp_token_split() -> re.Pattern[str]:
    r"""_TOKEN_SPLIT for a text of the Basic Multilingual Plane (no character past U+FFFF).

    re tests ``[^\W\d_]`` and ``\d`` with look-ups in the Unicode database, several for
    every character; the same sets within U+0000-U+FFFF, spelled as ranges of code points,
    are tested in a bitmap, and the pattern splits a text a third faster. Past U+FFFF the
    letters make hundreds of ranges, which re would try one by one: such a text takes
    _TOKEN_SPLIT."""
    letter, digit = _bmp_class(r"[^\W\d_]"), _bmp_class(r"\d")
    return re.compile(rf"({letter}+|{digit}+(?:[.,]{digit}+)*|\S)")


def _bmp_class(item: str) -> str:
    """The characters up to U+FFFF that the class ``item`` matches, as ranges of code points:
    the runs ``item`` matches in the string of every such character, in order."""
    every = "".join(map(chr, range(0x10000)))
    runs = re.finditer(item + "+", every)
    return "[" + "".join(rf"\u{run.start():04x}-\u{run.end() - 1:04x}" for run in runs) + "]"


def segment(text: str, joins: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())) -> Doc:
    """Normalize, then split into tokens and sentences (a line break ends a sentence, unless the
    word before it is one of ``joins[0]``, words that cannot end one, or the word after it one
    of ``joins[1]``, words that cannot open one): the Doc of ``text`` with no layer and no
    language (see :meth:`Language.make_doc`)."""
    norm = normalize(text)
    nt = norm.text
    # Every character but white space is in a token (the last alternative is \S), so
    # splitting the text around its tokens leaves only white space between them: the
    # pieces are gap, token, gap, ..., token, gap, and their running lengths are where
    # each token starts and ends.
    pieces = _token_split(nt).split(nt)
    words = pieces[1::2]
    bounds = list(accumulate(map(len, pieces), initial=0))
    starts, ends = bounds[1:-1:2], bounds[2::2]
    if _JOINED_AFTER_TA.search(text) is not None:
        words, starts, ends = _split_after_ta(norm, words, starts, ends)
    # A sentence ends after a stop (always a token of its own: inside a number token
    # it has digits on both sides), at a line break and at the end of the text; cuts
    # holds the index of the token after each end, and sentences are the non-empty
    # runs of tokens between cuts.
    cuts = {len(words)}
    for mark in _STOPS:
        at = nt.find(mark)
        while at >= 0:
            if not _inside_number(nt, at):
                cuts.add(bisect_left(starts, at) + 1)
            at = nt.find(mark, at + 1)
    for newline in ("\n", "\r"):  # "\r\n" (and a lone "\r") as on disk: a line break too
        line_break = nt.find(newline)
        while line_break >= 0:
            after = bisect_left(starts, line_break)
            if not (0 < after < len(words) and (words[after - 1] in joins[0] or words[after] in joins[1])):
                cuts.add(after)
            line_break = nt.find(newline, line_break + 1)
    sentences: list[Sentence] = []
    first = 0
    for last in sorted(cuts):
        while last - first > MAX_SENTENCE_TOKENS:
            cut = _window_end(words, first)
            sentences.append(Sentence(len(sentences), starts[first], ends[cut - 1], first, cut))
            first = cut
        if last > first:
            sentences.append(Sentence(len(sentences), starts[first], ends[last - 1], first, last))
            first = last
    sentence_of = chain.from_iterable(repeat(s.index, s.last_token - s.first_token) for s in sentences)
    # tuple.__new__(Token, fields) is Token._make(fields) without its Python-level call.
    tokens = tuple(map(tuple.__new__, repeat(Token), zip(count(), starts, ends, words, sentence_of)))
    return Doc(norm=norm, tokens=tokens, sentences=tuple(sentences), texts=tuple(words))


# ة ends a word: a letter right after it is a word the text joined to it by a typo
# ("القوات العراقيةوالأمريكية" is "العراقية" and "والأمريكية"). Normalized, ة is ه, which a
# word may hold inside, so the original text tells where to split.
_JOINED_AFTER_TA = re.compile(TA_MARBUTA + "[" + HARAKAT + "]*[\u0621-\u064a]")


def _split_after_ta(norm: Normalized, words: list[str], starts: list[int], ends: list[int]):
    """The tokens with each word that has a ة inside it split after the ة."""
    original, breaks, shifts = norm.original, norm.breaks, norm.shifts
    out_words, out_starts, out_ends = [], [], []
    for word, start, end in zip(words, starts, ends):
        cut = start
        for q in range(start, end - 1):
            if word[q - start] == "ه" and original[q + shifts[bisect_right(breaks, q)]] == TA_MARBUTA \
                    and word[q - start + 1].isalpha():
                out_words.append(word[cut - start:q + 1 - start])
                out_starts.append(cut)
                out_ends.append(q + 1)
                cut = q + 1
        out_words.append(word[cut - start:])
        out_starts.append(cut)
        out_ends.append(end)
    return out_words, out_starts, out_ends


def token_texts(text: str) -> tuple[str, ...]:
    """The texts of the tokens of ``text``, normalized: ``segment(text).texts`` without the
    offsets and sentences (lexicon forms are split so, by the hundred, when a language loads)."""
    if _JOINED_AFTER_TA.search(text) is not None:  # a word joined after ة: split as segment splits it
        return segment(text).texts
    return tuple(_TOKEN_SPLIT.split(normalize_word(text))[1::2])  # stripped: the same tokens


def _window_end(words: list[str], first: int) -> int:
    """Where a window of an overlong sentence starting at token ``first`` ends (exclusive): after
    the last clause end (comma, colon) in its second half, else after MAX_SENTENCE_TOKENS tokens."""
    limit = first + MAX_SENTENCE_TOKENS
    for j in range(limit - 1, first + MAX_SENTENCE_TOKENS // 2, -1):
        if words[j] in CLAUSE_ENDS:
            return j + 1
    return limit


def _inside_number(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
