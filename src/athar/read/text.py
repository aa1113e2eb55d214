"""Documents and the text layer: front matter, normalization with an offset map,
sentences and tokens.

Matching happens on normalized text; everything reported to the user is an
offset into the original body, so that ``body[start:end]`` is the exact words.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, chain, count, repeat
from pathlib import Path
from typing import NamedTuple

import yaml

from athar.errors import DocumentError
from athar.read.values import value

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FRONT_KEYS = {"title", "published", "source", "language", "publisher"}

# Characters dropped by normalization: harakat, tanween, shadda, sukun, dagger
# alef, tatweel, and invisible direction and joiner marks.
_DROPPED = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00ad"]
)
_SUBSTITUTED = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ی": "ي", "ٮ": "ب",
    "٫": ".", "٬": ",", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‹": '"', "›": '"',
    "–": "-", "—": "-",
}
for _d in range(10):
    _SUBSTITUTED[chr(0x0660 + _d)] = str(_d)
    _SUBSTITUTED[chr(0x06F0 + _d)] = str(_d)

# A token is a word (letters), a number (digits, with a . or , between digits) or any
# other character but white space; the group makes re.split keep the tokens (segment).
_TOKEN_SPLIT = re.compile(r"([^\W\d_]+|\d+(?:[.,]\d+)*|\S)")
_STOPS = ".!?؟;؛"


@dataclass(frozen=True)
class Document:
    """One article: its body and what its front matter says about it."""

    name: str
    body: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    language: str = "ar"
    publisher: str | None = None
    path: str | None = None

    @property
    def slug(self) -> str:
        """A stable, IRI-safe identifier derived from the file name."""
        stem = self.name
        for suffix in (".txt", ".md", ".ar"):
            stem = stem.removesuffix(suffix)
        slug = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-").lower()
        if not slug:
            slug = "doc-" + hashlib.sha1(self.name.encode("utf-8")).hexdigest()[:10]
        return slug


def read_document(path: str | Path) -> Document:
    """Read a UTF-8 text file with optional YAML front matter."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError as e:
        raise DocumentError(f"{p}: no such file; give the path of a UTF-8 text file") from e
    except IsADirectoryError as e:
        raise DocumentError(f"{p}: is a directory, expected a text file") from e
    except OSError as e:
        raise DocumentError(f"{p}: cannot be read ({e.strerror or e})") from e
    return parse_document(decode_bytes(raw, str(p)), name=p.name, path=str(p))


def decode_bytes(raw: bytes, where: str) -> str:
    """Decode UTF-8 bytes, refusing empty, binary and wrongly encoded input."""
    if not raw.strip():
        raise DocumentError(f"{where}: the file is empty; nothing to read")
    if b"\x00" in raw[:8192]:
        raise DocumentError(f"{where}: looks like a binary file (NUL bytes); give a UTF-8 text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DocumentError(
            f"{where}:{line}: not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); "
            "re-save the file as UTF-8 (e.g. iconv -f WINDOWS-1256 -t UTF-8)"
        ) from e
    controls = sum(1 for ch in text[:4096] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    if controls > 8:
        raise DocumentError(f"{where}: contains {controls} control characters; looks binary, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_document(raw: str, name: str, path: str | None = None) -> Document:
    """Split front matter from the body and validate it."""
    where = path or name
    meta: dict = {}
    body = raw
    if raw.startswith("---\n"):
        end = raw.find("\n---", 4)
        if end < 0:
            raise DocumentError(f"{where}:1: front matter opened with '---' is never closed")
        try:
            loaded = yaml.safe_load(raw[4:end])
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            raise DocumentError(f"{where}:{line}: malformed front matter ({getattr(e, 'problem', e)})") from e
        if loaded is not None and not isinstance(loaded, dict):
            raise DocumentError(f"{where}:2: front matter must be a mapping of key: value lines")
        meta = loaded or {}
        after = raw.find("\n", end + 1)
        body = raw[after + 1:] if after >= 0 else ""
    unknown = set(meta) - _FRONT_KEYS
    if unknown:
        raise DocumentError(
            f"{where}: unknown front matter key(s) {sorted(unknown)}; allowed: {sorted(_FRONT_KEYS)}"
        )
    published = meta.get("published")
    if published is not None:
        published = str(published)
        if not _DATE_RE.match(published):
            raise DocumentError(f"{where}: 'published: {published}' must be YYYY, YYYY-MM or YYYY-MM-DD")
    if not body.strip():
        raise DocumentError(f"{where}: the document has no text after its front matter")
    return Document(
        name=name,
        body=body,
        title=_opt_str(meta.get("title")),
        published=published,
        source=_opt_str(meta.get("source")),
        language=str(meta.get("language") or "ar"),
        publisher=_opt_str(meta.get("publisher")),
        path=path,
    )


def _opt_str(value) -> str | None:
    return None if value is None else str(value)


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
        breaks = self.breaks
        k = bisect_right(breaks, start)
        ostart = start + self.shifts[k]
        if end >= len(self.text):
            oend = len(self.original)
        elif k == len(breaks) or end < breaks[k]:  # no break in the span: the same shift
            oend = end + self.shifts[k]
        else:
            oend = end + self.shifts[bisect_right(breaks, end, k)]
        original = self.original
        while oend > ostart and original[oend - 1].isspace():
            oend -= 1
        return ostart, oend


@functools.lru_cache(maxsize=1 << 14)
def normalize_word(word: str) -> str:
    """Normalize a lexicon entry the same way as text (cached: labels are normalized again and again)."""
    return normalize(word).text.strip()


# The normalization as (character, replacement) pairs, "" for a dropped character. No
# replacement is itself a character replaced (tests check it), so that replacing each
# character in turn is the one translation.
_REPLACEMENTS = tuple(sorted({**{ch: "" for ch in _DROPPED}, **_SUBSTITUTED}.items()))


def normalize(text: str) -> Normalized:
    """Drop diacritics and tatweel, unify letter variants, digits and quotes."""
    # Most of the characters replaced are absent from a text, and looking for one (`in`) is
    # a fast scan in C: replacing the few present costs far less than str.translate, which
    # looks every character of the text up in its table.
    normalized = text
    dropped: list[int] = []  # where the dropped characters are in text
    for ch, replacement in _REPLACEMENTS:
        if ch in text:
            normalized = normalized.replace(ch, replacement)
            if not replacement:
                at = text.find(ch)
                while at >= 0:
                    dropped.append(at)
                    at = text.find(ch, at + 1)
    # each run of adjacent dropped characters makes one break
    breaks: list[int] = []
    shifts = [0]
    previous = -2
    for at in sorted(dropped):
        if at == previous + 1:
            shifts[-1] += 1
        else:
            breaks.append(at - shifts[-1])
            shifts.append(shifts[-1] + 1)
        previous = at
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


@value
class Sentence:
    index: int
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive


@dataclass(frozen=True)
class Segmented:
    norm: Normalized
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    texts: tuple[str, ...] = field(repr=False)  # the text of each token, for map() over a whole text

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering a normalized offset."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            tok = self.tokens[mid]
            if tok.end <= offset:
                lo = mid + 1
            elif tok.start > offset:
                hi = mid
            else:
                return mid
        return None


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


def segment(text: str) -> Segmented:
    """Normalize, then split into tokens and sentences; a line break always ends a sentence."""
    norm = normalize(text)
    nt = norm.text
    # Every character but white space is in a token (the last alternative is \S), so
    # splitting the text around its tokens leaves only white space between them: the
    # pieces are gap, token, gap, ..., token, gap, and their running lengths are where
    # each token starts and ends. A text is within the Basic Multilingual Plane when its
    # UTF-16 takes two bytes a character (a character past U+FFFF takes four).
    bmp = len(nt.encode("utf-16-le", "surrogatepass")) == 2 * len(nt)
    pieces = (_bmp_token_split() if bmp else _TOKEN_SPLIT).split(nt)
    words = pieces[1::2]
    bounds = list(accumulate(map(len, pieces), initial=0))
    starts, ends = bounds[1:-1:2], bounds[2::2]
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
    line_break = nt.find("\n")
    while line_break >= 0:
        cuts.add(bisect_left(starts, line_break))
        line_break = nt.find("\n", line_break + 1)
    sentences: list[Sentence] = []
    first = 0
    for last in sorted(cuts):
        if last > first:
            sentences.append(Sentence(len(sentences), starts[first], ends[last - 1], first, last))
            first = last
    sentence_of = chain.from_iterable(repeat(s.index, s.last_token - s.first_token) for s in sentences)
    # tuple.__new__(Token, fields) is Token._make(fields) without its Python-level call.
    tokens = tuple(map(tuple.__new__, repeat(Token), zip(count(), starts, ends, words, sentence_of)))
    return Segmented(norm=norm, tokens=tokens, sentences=tuple(sentences), texts=tuple(words))


def _inside_number(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
