"""Entities as the text names them: their types, the :class:`Mention` value, and the
lexicons names are found with (gazetteer, kinds, anaphora, cue words, titles, stopwords).

The finders of mentions live in :mod:`athar.read.mentions` (the walk over a text),
:mod:`athar.read.reference` (known names and anaphors), :mod:`athar.read.cue` (names after
cue words) and :mod:`athar.read.person` (people named with a title, their offices in :mod:`athar.read.office`).
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

from athar.read.lexicon import check_choice, check_number
from athar.read.phrases import PhraseMatcher, WordIndex, starting_matchers
from athar.read.text import ARTICLE, QUOTE_MARKS, Doc, normalize_word
from athar.read.values import value
from athar.read.language import Language, language_data

ENTITY_TYPES = (
    "Actor", "ArmedGroup", "Coalition", "ArmedForce", "GovernmentBody", "InternationalOrganization",
    "MediaOutlet", "Person", "Group", "Country", "Region", "Governorate", "District", "City", "Town",
    "Village", "Camp", "River", "Dam", "Facility", "Hospital", "School", "ChildrenCentre",
    "PowerStation", "Road", "Mosque", "MilitaryBase", "Bridge", "Materiel",
)
# What each type is, for role constraints in event rules.
_SUPER = {
    "Actor": {"ArmedGroup", "Coalition", "ArmedForce", "GovernmentBody", "InternationalOrganization",
              "MediaOutlet", "Person", "Group", "Country"},
    "Organization": {"ArmedGroup", "Coalition", "ArmedForce", "GovernmentBody",
                     "InternationalOrganization", "MediaOutlet"},
    "Armed": {"ArmedGroup", "ArmedForce", "Coalition"},
    "Place": {"Country", "Region", "Governorate", "District", "City", "Town", "Village", "Camp",
              "River", "Dam", "Facility", "Hospital", "School", "ChildrenCentre", "PowerStation",
              "Road", "Mosque", "MilitaryBase", "Bridge"},
    "Settlement": {"City", "Town", "Village", "Camp", "Region", "Governorate", "District", "Country"},
    "Facility": {"Facility", "Hospital", "School", "ChildrenCentre", "PowerStation", "Road", "Mosque",
                 "MilitaryBase", "Bridge", "Dam"},
}


def is_a(entity_type: str, constraint: str) -> bool:
    """Whether an entity type satisfies a role constraint (a type or a group of types)."""
    if constraint in ("Any", entity_type):
        return True
    return entity_type in _SUPER.get(constraint, ())


@value
class Mention:
    """A mention of an entity: normalized span, the entity, and how it was found."""

    start: int
    end: int
    first_token: int
    last_token: int  # exclusive
    key: str
    type: str
    label_ar: str
    label_en: str
    scope: str = "global"  # global | document | mention
    source: str = "gazetteer"  # gazetteer | cue | kind | anaphor | person
    marker: str = ""  # the preposition carried as a proclitic (ب, ل, ك)
    parent: str = ""
    wikidata: str = ""
    wikidata_source: str = ""
    implied: bool = False
    role_of: str = ""  # for persons: "spokesperson:KEY" or "leader:KEY"
    role_org_start: int = -1  # where the title names that organization, when it does
    label_guessed: bool = False  # label_en is a romanization (romanization.tsv), not a known name


# -- lexicons ---------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    key: str
    type: str
    label_ar: str
    label_en: str
    scope: str
    parent: str = ""
    wikidata: str = ""
    wikidata_source: str = ""
    lat: float | None = None
    lon: float | None = None


@language_data
def gazetteer(lang: Language) -> dict[str, Entry]:
    entries: dict[str, Entry] = {}
    for row in lang.table("gazetteer.tsv", ("key", "type", "en", "ar", "scope")):
        check_choice(row, "type", ENTITY_TYPES)
        check_choice(row, "scope", ("global", "document"))
        if row["key"] in entries:
            raise row.fail(f"key '{row['key']}' is defined twice")
        qid = row.get("wikidata")
        if qid and not re.fullmatch(r"Q\d+", qid):
            raise row.fail(f"wikidata '{qid}' is not a Q-id")
        if qid and not row.get("source"):
            raise row.fail("a wikidata id needs its source")
        lat = lon = None
        if row.get("lat") or row.get("lon"):
            lat, lon = check_number(row, "lat"), check_number(row, "lon")
            if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not row.get("source"):
                raise row.fail(f"coordinates {lat}, {lon} are out of range or lack a source")
        entries[row["key"]] = Entry(row["key"], row["type"], row["ar"], row["en"], row["scope"],
                                    row.get("parent"), qid, row.get("source"), lat, lon)
    for e in entries.values():
        if e.parent and e.parent not in entries:
            raise LookupError(f"gazetteer.tsv: parent '{e.parent}' of '{e.key}' is not a key")
    return entries


SETTING = "setting"  # anaphora.tsv's default: the one of only of the country the text is set in


@language_data
def _gazetteer_matcher(lang: Language) -> PhraseMatcher:
    forms = []
    for row in lang.table("gazetteer.tsv", ("key", "type", "en", "ar", "scope")):
        for f in [normalize_word(row["ar"])] + row.forms("aliases"):
            forms.append((f, ("gaz", row["key"])))
    for row in lang.table("kinds.tsv", ("key", "type", "en", "ar", "forms")):
        check_choice(row, "type", ENTITY_TYPES)
        for f in row.forms("forms"):
            forms.append((f, ("kind", row["key"], row["type"], row["ar"], row["en"])))
    known = gazetteer(lang)
    for row in lang.table("anaphora.tsv", ("form", "type")):
        check_choice(row, "type", ENTITY_TYPES + ("Organization", "Armed", "Settlement"))
        # a key misspelt would point back to no one, silently
        for key in row.many("only") + ([row["default"]] if row.get("default") else []):
            if key not in known and not (key == SETTING and row.get("only")):
                raise row.fail(f"{key!r} is no gazetteer key" + (" ('setting' needs 'only')" if key == SETTING else ""))
        for f in row.forms("form"):
            forms.append((f, ("ana", row["type"], row.get("default"), tuple(row.many("only")),
                             check_choice(row, "refers", ("", "subject", "named", "or_named")), frozenset(row.forms("not_before")))))
    return PhraseMatcher(lang, forms)


@language_data
def _cue_matcher(lang: Language) -> PhraseMatcher:
    forms = []
    for row in lang.table("cues.tsv", ("cue", "type", "en", "keep")):
        check_choice(row, "type", ENTITY_TYPES)
        keep = check_choice(row, "keep", ("yes", "no", "described", "people", "quoted"))
        number = check_choice(row, "number", ("", "yes", "only"))
        if keep in ("described", "people", "quoted"):
            number = keep  # "القوات الكردية", "جنود أمريكيون": the cue takes a describing word, no name
        for column in ("cue", "dual", "plural"):
            for f in row.forms(column) if row.get(column) else ():
                forms.append((f, (row["type"], row["en"], keep != "no", column if column != "cue" else "", number)))
    return PhraseMatcher(lang, forms)


_TITLE_ROLES = ("commander", "leader", "member", "official", "spokesperson", "aged", "named", "described", "office",
                "kunya")


_APART = ("office", "kunya")  # roles of titles.tsv read by matchers of their own


def _titles(lang: Language, role: str | None) -> PhraseMatcher:
    """The titles of one of the roles kept apart, or (None) of every other role."""
    forms = []
    for row in lang.table("titles.tsv", ("title", "role", "en")):
        kind = check_choice(row, "role", _TITLE_ROLES)
        if kind != role and (role is not None or kind in _APART):
            continue
        for f in row.forms("title"):
            forms.append((f, (kind, row["en"], row.get("body"))))
    return PhraseMatcher(lang, forms)


@language_data
def title_matcher(lang: Language) -> PhraseMatcher:
    """The titles before a name (or a role's before or after it: titles.tsv)."""
    return _titles(lang, None)


@language_data
def office_matcher(lang: Language) -> PhraseMatcher:
    """The titles of an office that stand only after a name (titles.tsv, office): "X آمر اللواء 73"."""
    return _titles(lang, "office")


@language_data
def _kunya_matcher(lang: Language) -> PhraseMatcher:
    """The first word of a kunya ("أبو"), which starts a fighter's name (titles.tsv, kunya)."""
    return _titles(lang, "kunya")


@language_data
def _mention_starts(lang: Language) -> WordIndex:
    """For each word, the matchers (of names, cues and titles) with a form that may start there."""
    matchers = (_gazetteer_matcher(lang), _cue_matcher(lang), title_matcher(lang), _kunya_matcher(lang))
    return starting_matchers(matchers)


@language_data
def stopwords(lang: Language) -> frozenset[str]:
    return frozenset(w for row in lang.table("stopwords.tsv", ("word",)) for w in row.forms("word"))


@functools.lru_cache(maxsize=1 << 12)  # the same labels come back, in a text and across texts
def slug(text: str) -> str:
    return hashlib.sha1(normalize_word(text).encode("utf-8")).hexdigest()[:10]



def without_quotes(label: str) -> str:
    """A label cut from the original text, its quotation marks of every kind left out."""
    return "".join(ch for ch in label if ch not in QUOTE_MARKS)


def span(seg: Doc, first: int, last: int, prefix: int = 0) -> tuple[int, int]:
    return seg.tokens[first].start + prefix, seg.tokens[last - 1].end


COUNTRYSIDE_PART = "countryside-"  # the key of a part of a countryside named by its direction alone


INSTITUTIONS = frozenset({"GovernmentBody", "Organization", "InternationalOrganization", "ArmedForce"})


def is_nisba(word: str) -> bool:
    """A relative adjective with the article ("النيجيرية", "العراقي")."""
    return word.startswith(ARTICLE) and len(word) > 5 and word.endswith(("يه", "ية", "ي"))


@language_data
def known_nouns(lang: Language) -> frozenset[str]:
    """Words the lexicons know as nouns, without the article: the cue words of cues.tsv in every
    number ("قرية", "ناحية", "قرى"), the words for the country of containment.tsv ("بلاد") and the
    one-word nouns of events.tsv ("عملية", "حملة"). One of them
    with the article after a described noun opens a phrase of its own, though it ends like a relative
    adjective ("القوات الأمنية القرية": the forces and the village they stormed)."""
    out: set[str] = set()
    for row in lang.table("cues.tsv", ("cue", "type", "en", "keep")):
        out.update(f.removeprefix(ARTICLE) for c in ("cue", "dual", "plural") if row.get(c) for f in row.forms(c)
                   if " " not in f)  # "القوات" as "قوات"
    for row in lang.table("containment.tsv", ("role", "forms")):
        if row["role"] == "country":  # "البلاد": the country a text is set in
            out.update(f.removeprefix(ARTICLE) for f in row.forms("forms"))
    for row in lang.table("events.tsv", ("event", "triggers", "pos", "slots")):
        if row["pos"] == "noun":
            out.update(f for f in row.forms("triggers") if " " not in f and not f.startswith(ARTICLE))
    return frozenset(out)


def known_noun(lang: Language, word: str) -> bool:
    """Whether ``word`` (with the article or without it) is a noun the lexicons know (known_nouns)."""
    return word.removeprefix(ARTICLE) in known_nouns(lang)


MODIFIER_KINDS = ("quantifier", "adjective", "verb", "generic", "direction", "nisba")


@language_data
def modifiers(lang: Language) -> dict[str, tuple[str, str]]:
    """Words that make no name after a head noun (modifiers.tsv): word -> (kind, English)."""
    out: dict[str, tuple[str, str]] = {}
    for row in lang.table("modifiers.tsv", ("kind", "words")):
        kind = check_choice(row, "kind", MODIFIER_KINDS)
        if kind in ("generic", "direction", "nisba") and not row.get("en"):
            raise row.fail(f"a {kind} word needs its English (en)")
        if kind in ("direction", "nisba"):
            continue  # read by directions() and nisba() alone
        for w in row.forms("words"):
            if w in out:
                raise row.fail(f"'{w}' is listed twice")
            out[w] = (kind, row.get("en"))
    return out


@language_data
def directions(lang: Language) -> dict[str, str]:
    """Adjectives of direction after "ريف X" (modifiers.tsv, kind direction): word -> English
    ("الشرقي": eastern); "ريف دير الزور الشرقي" is a part of the governorate, not all of it."""
    return {w: row.get("en") for row in lang.table("modifiers.tsv", ("kind", "words"))
            if row["kind"] == "direction" for w in row.forms("words")}


def modifier(lang: Language, word: str) -> tuple[str, str] | None:
    """(kind, English) when ``word`` after a head noun makes no name: a listed word, or a
    relative adjective without the article ("عسكرية", "إقليمية": a description, not a name)."""
    known = modifiers(lang).get(word)
    if known is not None:
        return known
    if not word.startswith(ARTICLE) and len(word) >= 5 and word.endswith(("يه", "يين", "يون")) \
            and not word.endswith(("ايه", "اية")):  # "حماية", "رعاية": a masdar, no adjective
        return ("adjective", "")
    return None


def nisba(lang: Language, word: str) -> str | None:
    """The English of a relative adjective of a people, a nation or a side in any of its
    inflections (modifiers.tsv, kind nisba), or None: "كردية", "كرديون", "كرديين", "الكرديون",
    "أكراد" are Kurdish. A kind noun of people or groups before it is a description of them
    ("جماعات شيعية", "جنود أمريكيون", "مقاتلين عرب وأكراد")."""
    return _nisbas(lang).get(word)


_NISBA_ENDINGS = ("", "ه", "ون", "ين", "ات")  # masculine, feminine, the sound plurals (normalized ة is ه)
_NISBA_DEFINITE = ("ون", "ين")  # with the article, only the plurals of people: "العسكريون الأمريكيون"


@language_data
def _nisbas(lang: Language) -> dict[str, str]:
    """modifiers.tsv, kind nisba: the masculine singular without the article ("كردي") gives its
    inflections (_NISBA_ENDINGS, and the plurals with the article); the other words of a row are
    broken plurals, taken as written ("أكراد", "عرب")."""
    out: dict[str, str] = {}
    for row in lang.table("modifiers.tsv", ("kind", "words")):
        if row["kind"] != "nisba":
            continue
        stem, *plurals = row.forms("words")
        if not stem.endswith("ي") or row.many("words")[0].startswith(ARTICLE):  # "ألماني" is "الماني" normalized
            raise row.fail(f"a nisba is written as its masculine singular without the article ('{stem}')")
        forms = [stem + e for e in _NISBA_ENDINGS] + [ARTICLE + stem + e for e in _NISBA_DEFINITE] + plurals
        for f in forms:
            if out.get(f, row["en"]) != row["en"]:
                raise row.fail(f"'{f}' is the nisba of two rows")
            out[f] = row["en"]
    return out


@language_data
def _nisba_countries(lang: Language) -> dict[str, Entry]:
    """The countries of the gazetteer by the stem of their relative adjective: "المان" for
    ألمانيا ("الألماني"), "عراق" for العراق ("العراقي")."""
    out: dict[str, Entry] = {}
    entries = gazetteer(lang)
    for row in lang.table("gazetteer.tsv", ("key", "type", "en", "ar", "scope")):
        if row["type"] != "Country":
            continue
        for original in [row["ar"]] + row.many("aliases"):
            if " " in original.strip():
                continue
            # the article, not a hamza on the alef ("ألمانيا" is written "المانيا" once normalized)
            name = normalize_word(original)[len(ARTICLE) if original.startswith(ARTICLE) else 0:]
            for ending in ("يا", "يه", "ا", "ه", ""):
                if name.endswith(ending) and len(name) - len(ending) >= 3:
                    out.setdefault(name[: len(name) - len(ending)], entries[row["key"]])
    return out


def nisba_country(lang: Language, word: str) -> Entry | None:
    """The country a relative adjective with the article names ("الألماني", "العراقية")."""
    if not word.startswith(ARTICLE):
        return None
    stem = word.removeprefix(ARTICLE)
    for ending in ("يه", "ي"):
        if stem.endswith(ending):
            return _nisba_countries(lang).get(stem[: -len(ending)])
    return None
