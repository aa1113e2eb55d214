"""Phrase tables: the longest match of forms under a chosen reading of each word (with or
without a proclitic: :class:`Proclitics`), which numbers, amounts and dates read their tables
with. (Split from :mod:`athar.read.phrases`, which re-exports these names.)"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from athar.read.language import Language, language_data
from athar.read.text import ALEF, ARTICLE, LAM, TANWEEN_ALEF, Doc, normalize_word, token_texts
from athar.read.values import value

Variants = Callable[[str], Iterable[tuple[str, int]]]


def exact_form(word: str) -> tuple[tuple[str, int], ...]:
    """The word itself: (form, characters skipped at its start)."""
    return ((word, 0),)


class Proclitics:
    """The proclitic chains of a language (clitics.tsv), and the readings they give a word.

    :meth:`readings` is a :data:`Variants`: "بنحو" reads as itself and as ("نحو", 1). Every
    date and amount table tries every token this way, several times: the readings are
    remembered per word (up to ``_MAX`` words, then started over)."""

    _MAX = 1 << 16

    def __init__(self, forms: tuple[str, ...]):
        self.forms = forms  # longest first
        self._known: dict[str, tuple[tuple[str, int], ...]] = {}
        # the forms by their first letter, longest first: most words start with none of them
        self._by_first: dict[str, tuple[str, ...]] = {}
        for prefix in forms:
            self._by_first[prefix[:1]] = self._by_first.get(prefix[:1], ()) + (prefix,)

    def readings(self, word: str) -> tuple[tuple[str, int], ...]:
        known = self._known.get(word)
        if known is None:
            if len(self._known) >= self._MAX:
                self._known.clear()
            known = self._known[word] = self._read(word)
        return known

    def _read(self, word: str) -> tuple[tuple[str, int], ...]:
        out = [(word, 0)]
        for prefix in self._by_first.get(word[:1], ()):
            rest = word[len(prefix):]
            if word.startswith(prefix) and len(rest) >= 2:
                out.append((rest, len(prefix)))
                if prefix.endswith(LAM) and rest.startswith(LAM) and not rest.startswith(ARTICLE):
                    out.append((ALEF + rest, len(prefix) + 1))  # "للعام" = ل + العام
        return tuple(out)


def noun_variants(word: str) -> tuple[tuple[str, int], ...]:
    """A noun with and without its article and accusative alef ("الهجمات", "نازحا")."""
    bases = (word, word[len(ARTICLE):]) if word.startswith(ARTICLE) and len(word) > 3 else (word,)
    out = []
    for base in bases:
        out.append((base, 0))
        if base.endswith(TANWEEN_ALEF) and len(base) > 2:
            out.append((base[:-1], 0))
    return tuple(out)


@value
class Match:
    payloads: tuple
    end: int  # index of the token after the phrase
    skip: int  # characters of proclitic at the start of the first token


class PhraseTable:
    """Longest match of one- or many-word normalized forms over the tokens of a sentence.

    A form may carry several payloads ("آلاف" is a scale word and a vague quantity);
    ``accept`` keeps the ones a caller wants before lengths are compared.
    """

    _HEADS_MAX = 1 << 16  # words remembered per table before the cache starts over

    def __init__(self) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        self._heads: dict[tuple[str, Variants], tuple[tuple[int, tuple[str, ...], object], ...]] = {}

    def add(self, form: str, payload: object) -> None:
        words = token_texts(normalize_word(form))
        if words:
            self._by_first.setdefault(words[0], []).append((words[1:], payload))
            self._heads.clear()

    def firsts(self) -> frozenset[str]:
        """The first words of the forms."""
        return frozenset(self._by_first)

    def _forms_at(self, word: str, first: Variants) -> tuple[tuple[int, tuple[str, ...], object], ...]:
        """(skip, remaining words, payload) of every form whose first word is a reading of ``word``,
        in the order readings and forms are tried; cached, since most words start no form at all."""
        key = (word, first)
        heads = self._heads.get(key)
        if heads is None:
            by_first = self._by_first
            readings = tuple(first(word))  # read twice below
            heads = ()
            for cand, _ in readings:
                if cand in by_first:  # most words: no reading is the first word of a form
                    heads = tuple((skip, tail, payload) for cand, skip in readings
                                  for tail, payload in by_first.get(cand, ()))
                    break
            if len(self._heads) >= self._HEADS_MAX:
                self._heads.clear()
            self._heads[key] = heads
        return heads

    def starts(self, word: str, first: Variants = exact_form, accept: Callable[[object], bool] | None = None) -> bool:
        """Whether some form (that ``accept`` keeps) may start at a token reading ``word``."""
        heads = self._forms_at(word, first)
        return bool(heads) and (accept is None or any(accept(payload) for _, _, payload in heads))

    def match(self, seg: Doc, i: int, first: Variants = exact_form, rest: Variants = exact_form,
              accept: Callable[[object], bool] | None = None) -> Match | None:
        toks = seg.tokens
        if i >= len(toks):
            return None
        heads = self._heads.get((toks[i].text, first))  # most calls end here: no form starts
        if heads is None:
            heads = self._forms_at(toks[i].text, first)
        if not heads:
            return None
        best: Match | None = None
        # most forms of many words are told apart by their second word: test it first
        second = toks[i + 1].text if i + 1 < len(toks) and rest is exact_form else None
        for skip, tail, payload in heads:
            if second is not None and tail and tail[0] != second:
                continue
            if accept is not None and not accept(payload):
                continue
            end = i + 1 + len(tail)
            if end > len(toks) or toks[end - 1].sentence != toks[i].sentence:
                continue
            if tail and not _tail_fits(toks, i + 1, tail, rest):
                continue
            best = longer_match(best, payload, end, skip)
        return best


def longer_match(best: Match | None, payload: object, end: int, skip: int) -> Match:
    """The match so far with one more form that fits: a longer form wins; one as long, read
    with the same proclitic, adds its payload ("آلاف" is a scale word and a vague quantity)."""
    if best is None or end > best.end:
        return Match((payload,), end, skip)
    if end == best.end and skip == best.skip and payload not in best.payloads:
        return Match(best.payloads + (payload,), end, skip)
    return best


def _tail_fits(toks, j: int, tail: tuple[str, ...], rest: Variants) -> bool:
    """Whether the tokens from j read as the words of ``tail``."""
    if rest is exact_form:  # the only reading of a token is its text
        return all(toks[j + k].text == w for k, w in enumerate(tail))
    return all(w in {c for c, _ in rest(toks[j + k].text)} for k, w in enumerate(tail))



@language_data
def proclitics(lang: Language) -> Proclitics:
    """The proclitics of clitics.tsv; ``proclitics(lang).readings`` is the word with and
    without a proclitic chain."""
    rows = lang.table("clitics.tsv", ("kind", "forms"))
    forms = {normalize_word(f) for r in rows if r["kind"] == "proclitic" for f in r.many("forms")}
    return Proclitics(tuple(sorted(forms, key=len, reverse=True)))
