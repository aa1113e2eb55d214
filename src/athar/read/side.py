"""The side of a place the news names as a place of its own: "الجانب الغربي من مدينة الرمادي",
"الساحل الأيمن للموصل", "القاطع الشمالي لمدينة الفلوجة", "الحي الغربي لمنبج", "الريف الشمالي
للمدينة".

A noun of a side (containment.tsv side) with the article, one or two adjectives of direction
(modifiers.tsv direction) or of a bank (containment.tsv flank), then the place, with "من" before
it or ل on it: one mention of a region over the words, the place's part, whose parent is the
place. :mod:`athar.read.relations` reads that it lies in the place.
"""

from __future__ import annotations

from athar.read.entity import COUNTRYSIDE_PART, Mention, directions, is_a, slug
from athar.read.function_words import function_word
from athar.read.language import Language, language_data
from athar.read.text import LAM, Doc, normalize_word

__all__ = ["SIDE_PART", "side_parts"]

SIDE_PART = "side-"  # the key of a side of a place ("الجانب الغربي من مدينة الرمادي")
_CLITICS = frozenset("وفبل")  # written on the noun: "بالقسم", "والساحل"
_ADJECTIVES = 2  # "الجانب الشمالي الشرقي"


def side_parts(seg: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` and a mention of each side of a place the text names (see the module), in
    text order; the words of the side named by no mention before."""
    nouns, flanks = _side_words(seg.language)
    ways = directions(seg.language)
    tokens, texts = seg.tokens, seg.texts
    forms = _side_forms(seg.language)
    candidates = [k for k, w in enumerate(texts) if w in forms]
    if not candidates:
        return mentions
    covered = {k for m in mentions for k in range(m.first_token, m.last_token)}
    places = {m.first_token: m for m in mentions if is_a(m.type, "Place")}
    partitive = function_word(seg.language, "partitive")
    added = []
    for i in candidates:
        if i in covered:
            continue
        end = i + 1
        while end < len(tokens) and end - i <= _ADJECTIVES and (texts[end] in ways or texts[end] in flanks) \
                and tokens[end].sentence == tokens[i].sentence:
            end += 1
        if end == i + 1 or end >= len(tokens):
            continue
        place = places.get(end)
        if place is None and texts[end] == partitive:
            place = places.get(end + 1)
        elif place is not None and place.marker != LAM:
            place = None
        if place is None or tokens[place.first_token].sentence != tokens[i].sentence or place.key.startswith(SIDE_PART):
            continue
        clitic, (noun_en, countryside) = _noun(texts[i], nouns)
        start = tokens[i].start + len(clitic)
        words = seg.norm.original[slice(*seg.norm.to_original(start, place.end))]
        way = " ".join(ways.get(t, flanks.get(t, "")) for t in texts[i + 1:end])
        prefix = COUNTRYSIDE_PART if countryside else SIDE_PART
        key = f"{prefix}{slug(place.key + ' ' + ' '.join(texts[i + 1:end]) + ' ' + noun_en)}"
        marker = clitic[-1:] if clitic[-1:] in ("ب", LAM) else ""
        added.append(Mention(start, place.end, i, place.last_token, key, "Region", words,
                             f"{way} {noun_en} of {place.label_en}", "document", "cue", marker, place.key))
    if not added:
        return mentions
    return sorted(mentions + added, key=lambda m: (m.start, -m.end))


def _noun(word: str, nouns: dict[str, tuple[str, bool]]) -> tuple[str, tuple[str, bool]] | None:
    """(the clitics written on it, (English, whether it is the countryside)) when ``word`` is a
    noun of a side with the article; None otherwise."""
    for n in range(0, 3):
        clitic, rest = word[:n], word[n:]
        if n and clitic[-1] not in _CLITICS:
            break
        if rest in nouns:
            return clitic, nouns[rest]
    return None


@language_data
def _side_forms(lang: Language) -> frozenset[str]:
    """Every word :func:`_noun` reads as a noun of a side: the noun with none, one or two of its
    clitics written on it (a text's words tested by one set look-up each)."""
    nouns = _side_words(lang)[0]
    clitics = ["", *_CLITICS, *(a + b for a in _CLITICS for b in _CLITICS)]
    return frozenset(c + n for c in clitics for n in nouns)


@language_data
def _side_words(lang: Language) -> tuple[dict[str, tuple[str, bool]], dict[str, str]]:
    """containment.tsv's nouns of a side -> (English, whether it names the countryside), and its
    adjectives of a bank -> English."""
    nouns, flanks = {}, {}
    for row in lang.table("containment.tsv", ("role", "forms")):
        if row["role"] in ("side", "flank", "countryside side") and not row.get("en"):
            raise row.fail(f"a {row['role']} word needs its English (en)")
        for form in row.forms("forms"):
            if row["role"] in ("side", "countryside side"):
                nouns[normalize_word(form)] = (row["en"], row["role"] == "countryside side")
            elif row["role"] == "flank":
                flanks[normalize_word(form)] = row["en"]
    return nouns, flanks
