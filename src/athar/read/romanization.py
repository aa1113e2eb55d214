"""English labels for Arabic names the gazetteer lacks, by the scheme of romanization.tsv.

The scheme (a simplified ALA-LC "news" romanization) is written in the table's header:
letters one for one, the vowels the script shows (ا و ي), an "a" guessed only where a
syllable would have none, "al-" for the article, ة as "a" or "at" in construct. A label
made so is a guess, and :func:`romanize` says so; a word the scheme cannot spell
(a Latin letter, a digit) leaves the label in Arabic. A place the gazetteer knows, inside the
name, is written as the gazetteer writes it ("مديرية شرطة كركوك": Kirkuk, not Karkuk), and a
verbal noun of the forms with a prefix (VII, VIII, X) by its pattern ("استخبارات" Istikhbarat).
"""

from __future__ import annotations

from dataclasses import dataclass

from athar.read.entity import gazetteer
from athar.read.lexicon import check_choice
from athar.read.language import Language, language_data
from athar.read.text import HARAKAT, normalize_word

_DROP = HARAKAT + "\u0640\u200c\u200d\u200e\u200f\u061c\ufeff\u00ad"  # marks and tatweel
_QUOTES = "\"'“”«»‘’()"


@dataclass(frozen=True)
class _Letter:
    latin: str
    kind: str  # consonant | vowel | semivowel | ending
    vowel: str = ""  # the vowel a semivowel reads as
    initial: str | None = None  # the form at a word's start, when it differs
    construct: str = ""  # the form of an ending in construct


@dataclass(frozen=True)
class _Pattern:
    letters: str  # the pattern as written, ف ع ل where the root's consonants stand ("استفعال")
    latin: str  # the Latin, 1 2 3 where they stand ("isti12a3")


@dataclass(frozen=True)
class _Scheme:
    letters: dict[str, _Letter]
    guess: str
    article: tuple[str, str]  # (Arabic, Latin)
    hyphen: str
    words: dict[str, str]  # a normalized word -> the spelling readers know ("محمد" Mohammed)
    patterns: tuple[_Pattern, ...] = ()
    endings: tuple[tuple[str, str, str], ...] = ()  # (Arabic, Latin, Latin in construct), longest first


@language_data
def _scheme(lang: Language) -> _Scheme:
    letters: dict[str, _Letter] = {}
    special: dict[str, tuple[str, str]] = {}
    words: dict[str, str] = {}
    patterns: list[_Pattern] = []
    suffixes: list[tuple[str, str, str]] = []
    for row in lang.table("romanization.tsv", ("ar", "en", "kind")):
        kind = check_choice(row, "kind", ("consonant", "vowel", "semivowel", "ending", "guess", "article",
                                          "hyphen", "word", "pattern", "suffix", "community"))
        if kind == "pattern":
            if [c for c in row["ar"] if c in _ROOT] != list(_ROOT) or sorted(c for c in row["en"] if c.isdigit()) \
                    != ["1", "2", "3"]:
                raise row.fail(f"pattern '{row['ar']}' needs ف ع ل once each, and its Latin 1 2 3")
            patterns.append(_Pattern(row["ar"], row["en"]))
            continue
        if kind == "suffix":
            suffixes.append((row["ar"], row["en"], row.get("construct") or row["en"]))
            continue
        if kind in ("word", "community"):
            key = normalize_word(row["ar"])
            if key in words and words[key] != row["en"]:
                raise row.fail(f"'{row['ar']}' is spelled twice")
            words[key] = row["en"]
            continue
        if kind in ("guess", "article", "hyphen"):
            special[kind] = (row["ar"], row["en"])
            continue
        if len(row["ar"]) != 1:
            raise row.fail(f"'{row['ar']}' is not one letter")
        if kind == "semivowel" and not row.get("vowel"):
            raise row.fail("a semivowel needs its vowel")
        initial = row.get("initial") or None
        letters[row["ar"]] = _Letter(row["en"], kind, row.get("vowel"),
                                     "" if initial == "-" else initial, row.get("construct") or row["en"])
    missing = {"guess", "article", "hyphen"} - set(special)
    if missing:
        raise LookupError(f"romanization.tsv: no row of kind {sorted(missing)}")
    return _Scheme(letters, special["guess"][1], special["article"], special["hyphen"][1], words,
                   tuple(patterns), tuple(sorted(suffixes, key=lambda e: -len(e[0]))))


@language_data
def communities(lang: Language) -> frozenset[str]:
    """romanization.tsv, kind "community": the words (normalized) a church's name ends with
    ("الكاثوليك", "الأرثوذكس")."""
    return frozenset(normalize_word(row["ar"]) for row in lang.table("romanization.tsv", ("ar", "en", "kind"))
                     if row["kind"] == "community")


_ROOT = "فعل"  # the root's three consonants in a pattern, as the grammarians write it
_PLACE_TYPES = ("Country", "Governorate", "District", "City", "Town", "Village", "Camp")
_KNOWN_MAX = 3  # words of a known place's name


@language_data
def _known_places(lang: Language) -> dict[str, str]:
    """The gazetteer's places by their Arabic name (normalized) -> their English ("الموصل" Mosul;
    "نينوى" Nineveh, a governorate's name without "Governorate"); a name two places share, or an
    alias that is another place's (a capital standing for its country), is left out."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for e in gazetteer(lang).values():
        if e.type not in _PLACE_TYPES:
            continue
        en = e.label_en.removesuffix(" Governorate")
        names = [e.label_ar]
        if e.type == "Governorate":  # "محافظة نينوى": the governorate's own name is its alias
            names += [a for a in lang_aliases(lang).get(e.key, ()) if not a.startswith("ريف")]
        for name in names:
            key = normalize_word(name)
            if key in out and out[key] != en:
                shared.add(key)
            out.setdefault(key, en)
    return {k: v for k, v in out.items() if k not in shared}


@language_data
def lang_aliases(lang: Language) -> dict[str, tuple[str, ...]]:
    """The gazetteer's aliases by key, as written."""
    return {row["key"]: tuple(row.many("aliases")) for row in lang.table("gazetteer.tsv", ("key", "ar"))}


def romanize(lang: Language, arabic: str) -> tuple[str, bool]:
    """The Latin label of an Arabic name, and whether it is a guess.

    ``romanize(lang, "حجر صغير") == ("Hajar Saghir", True)``; a name the scheme cannot
    spell is given back in Arabic, not guessed: ``(arabic, False)``.
    """
    scheme, places = _scheme(lang), _known_places(lang)
    words = "".join(c for c in arabic if c not in _DROP and c not in _QUOTES).split()
    out = []
    n = 0
    while n < len(words):
        place = next(((k, places[key]) for k in range(min(_KNOWN_MAX, len(words) - n), 0, -1)
                      if (key := normalize_word(" ".join(words[n:n + k]))) in places), None)
        if place is not None:  # a place the gazetteer knows: "كركوك" Kirkuk
            out.append(place[1])
            n += place[0]
            continue
        word = words[n]
        n += 1
        nxt = words[n] if n < len(words) else ""
        art_ar, art_en = scheme.article
        known = scheme.words.get(normalize_word(word))
        if known is not None:  # a given name readers spell one way: "محمد" Mohammed
            out.append(known[:1].upper() + known[1:] if len(out) == 0 else known)
            continue
        has_article = word.startswith(art_ar) and len(word) > len(art_ar) + 1
        stem = word[len(art_ar):] if has_article else word
        construct = not has_article and bool(nxt) and not nxt.startswith(art_ar)
        latin = _patterned(scheme, stem, construct) or _word(scheme, stem, construct)
        if latin is None:
            return arabic.strip(), False
        latin = latin[:1].upper() + latin[1:]
        if has_article:
            latin = (art_en.capitalize() if not out else art_en) + scheme.hyphen + latin
        out.append(latin)
    return (" ".join(out), True) if out else (arabic.strip(), False)


def is_verbal_noun(lang: Language, word: str) -> bool:
    """Whether a word (normalized) is a verbal noun of a pattern of romanization.tsv ("انفجار",
    "استهداف", "اعتقال"), with or without a suffix: an event's noun, no one's name."""
    return _patterned(_scheme(lang), word, False) is not None


def _patterned(scheme: _Scheme, word: str, construct: bool) -> str | None:
    """A verbal noun of a derived form written by its pattern (romanization.tsv, pattern), with a
    suffix after it (ات, ة, ية): "استخبارات" Istikhbarat, "انسحاب" Insihab, "اعتقال" I'tiqal."""
    for ending, latin_end, construct_end in scheme.endings + (("", "", ""),):
        if not word.endswith(ending) or len(word) - len(ending) < 5:
            continue
        stem = word[: len(word) - len(ending)]
        for p in scheme.patterns:
            if len(p.letters) != len(stem):
                continue
            root = []
            for c, slot in zip(stem, p.letters):
                if slot in _ROOT:
                    letter = scheme.letters.get(c)
                    if letter is None or letter.kind not in ("consonant", "semivowel"):
                        break
                    root.append(letter.latin)
                elif c != slot:
                    break
            else:
                latin = p.latin
                for k, consonant in enumerate(root, 1):
                    latin = latin.replace(str(k), consonant)
                return latin + (construct_end if construct else latin_end)
    return None


def _word(scheme: _Scheme, word: str, construct: bool) -> str | None:
    """One word without its article, syllabified from its end: (C)V(C), "a" where V is missing."""
    units: list[tuple[str, bool]] = []  # (Latin, is a vowel)
    for k, c in enumerate(word):
        letter = scheme.letters.get(c)
        if letter is None:
            return None
        last = k == len(word) - 1
        if letter.kind == "ending":
            if not last:
                return None
            units.append((letter.construct if construct else letter.latin, True))
        elif letter.kind == "vowel":
            units.append((letter.latin, True))
        elif letter.kind == "semivowel":
            after_vowel = bool(units) and units[-1][1]
            following = scheme.letters.get(word[k + 1]) if not last else None
            before_vowel = following is not None and following.kind in ("vowel", "ending", "semivowel")
            if k >= 3 and not after_vowel and k == len(word) - 2 and following is not None \
                    and following.kind == "ending" and letter.vowel == "i":
                units += [(letter.vowel, True), (letter.latin, False)]  # "ـية": the relative ending "iya"
            elif k == 0 or after_vowel or before_vowel:
                units.append((letter.latin, False))
            else:
                units.append((letter.vowel, True))
        else:
            units.append((letter.initial if k == 0 and letter.initial is not None else letter.latin, False))
    syllables = []
    i = len(units) - 1
    while i >= 0:
        if i == 0 and not units[0][1]:
            syllables.append(units[0][0] + scheme.guess)
            break
        coda = ""
        if not units[i][1]:
            coda, i = units[i][0], i - 1
        if i >= 0 and units[i][1]:
            vowel, i = units[i][0], i - 1
        else:
            vowel = scheme.guess
        onset = ""
        if i >= 0 and not units[i][1]:
            onset, i = units[i][0], i - 1
        syllables.append(onset + vowel + coda)
    return "".join(reversed(syllables))


def english_label(seg, name_ar: str, pattern: str, label_ar: str) -> tuple[str, bool]:
    """The English label of an unknown name: the pattern around its romanization, or the Arabic."""
    latin, guessed = romanize(seg.language, name_ar)
    return (pattern.format(name=latin), True) if guessed else (label_ar, False)
