"""Entity mentions: gazetteer, cue words, kinds, titles and anaphora, clitic-aware.

Names, cues and titles are found by :class:`athar.read.phrases.PhraseMatcher` on tokens of
normalized text: a proclitic chain (و ف ب ل ك and the article, "لل" for ل + ال) may
precede the first word of a form; quotation marks inside a name are skipped
("قوات “سوريا الديمقراطية”"). Mentions carry normalized offsets;
:func:`athar.read.text.Normalized.to_original` gives the words.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from operator import attrgetter

from athar.read.lexicon import check_choice, check_number
from athar.read.phrases import PhraseMatcher, WordIndex
from athar.read.function_words import function_affixes, function_word, function_words
from athar.read.text import ARTICLE, COMMA, WAW, Doc, normalize_word
from athar.read.numbers import read_number
from athar.read.romanization import romanize
from athar.read.values import value
from athar.read.language import Language, language_data

ENTITY_TYPES = (
    "Actor", "ArmedGroup", "Coalition", "ArmedForce", "GovernmentBody", "InternationalOrganization",
    "MediaOutlet", "Person", "Group", "Country", "Region", "Governorate", "District", "City", "Town",
    "Village", "Camp", "River", "Dam", "Facility", "Hospital", "School", "ChildrenCentre",
    "PowerStation", "Road", "Mosque", "MilitaryBase", "Bridge",
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
    for row in lang.table("anaphora.tsv", ("form", "type")):
        check_choice(row, "type", ENTITY_TYPES + ("Organization",))
        for f in row.forms("form"):
            forms.append((f, ("ana", row["type"], row.get("default"), tuple(row.many("only")))))
    return PhraseMatcher(lang, forms)


@language_data
def _cue_matcher(lang: Language) -> PhraseMatcher:
    forms = []
    for row in lang.table("cues.tsv", ("cue", "type", "en", "keep")):
        check_choice(row, "type", ENTITY_TYPES)
        check_choice(row, "keep", ("yes", "no"))
        for f in row.forms("cue"):
            forms.append((f, (row["type"], row["en"], row["keep"] == "yes", False)))
        for f in row.forms("dual") if row.get("dual") else ():
            forms.append((f, (row["type"], row["en"], row["keep"] == "yes", True)))
    return PhraseMatcher(lang, forms)


@language_data
def _title_matcher(lang: Language) -> PhraseMatcher:
    forms = []
    for row in lang.table("titles.tsv", ("title", "role", "en")):
        check_choice(row, "role", ("commander", "leader", "member", "official", "spokesperson"))
        for f in row.forms("title"):
            forms.append((f, (row["role"], row["en"])))
    return PhraseMatcher(lang, forms)


@language_data
def _mention_starts(lang: Language) -> WordIndex:
    """For each word, the matchers (of names, cues and titles) with a form that may start there."""
    matchers = (_gazetteer_matcher(lang), _cue_matcher(lang), _title_matcher(lang))
    return WordIndex(lambda word: tuple(m for m in matchers if m.starts(word)))


@language_data
def stopwords(lang: Language) -> frozenset[str]:
    return frozenset(w for row in lang.table("stopwords.tsv", ("word",)) for w in row.forms("word"))


def _slug(text: str) -> str:
    return hashlib.sha1(normalize_word(text).encode("utf-8")).hexdigest()[:10]


# -- extraction -------------------------------------------------------------

def extract_mentions(seg: Doc) -> list[Mention]:
    """All entity mentions of a segmented text, in order, non-overlapping."""
    tokens, lang = seg.tokens, seg.language
    gaz = gazetteer(lang)
    matcher, cues, titles = _gazetteer_matcher(lang), _cue_matcher(lang), _title_matcher(lang)
    mentions: list[Mention] = []
    history = _History(mentions)
    i = 0
    # most words start no name, cue or title: visit only those that may (one look-up each),
    # and there try only the matchers that may
    starts = _mention_starts(lang)
    for k in starts.indices(seg.texts):
        if k < i:
            continue
        i = k
        here = starts(tokens[i].text)
        hit = matcher.match_at(tokens, i) if matcher in here else None
        found = _lexicon_mention(seg, i, hit, gaz, history) if hit is not None else None
        cued = _cue_mention(seg, i, cues, matcher, gaz) if cues in here else None
        if cued is None and titles in here:
            cued = _person_mention(seg, i, titles, matcher, gaz, history)
        reach = _reach(found) if found is not None else 0
        if cued is not None:
            cued_reach = _reach(cued)
            if found is None or cued_reach > reach or cued_reach == reach and cued[0].source == "person":
                found, reach = cued, cued_reach
        if found is None:
            i += 1
            continue
        mentions.extend(found)
        i = max(i + 1, reach)
    # by start, the longer first at the same start: two stable sorts, the second keeping
    # the order of the first among mentions of the same start
    mentions.sort(key=_END, reverse=True)
    mentions.sort(key=_START)
    return mentions


_START, _END = attrgetter("start"), attrgetter("end")


def _reach(found: list[Mention]) -> int:
    """The token after the last of ``found`` (one mention, most often)."""
    return found[0].last_token if len(found) == 1 else max(m.last_token for m in found)


class _History:
    """The mentions found so far in a text, searched for the antecedents of anaphors.

    Mentions are only ever added while a text is read, so a search goes on from where the
    same search (same type, noun and keys) stopped, over the mentions added since: a long
    text costs no more per anaphor than a short one."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self._searched: dict[tuple, tuple[int, Mention | None, Mention | None]] = {}

    def antecedent(self, etype: str, head: str = "", only: tuple[str, ...] = ()) -> Mention | None:
        """The nearest earlier mention of a type; one whose label holds the anaphor's noun wins."""
        key = (etype, head, only)
        seen, named, nearest = self._searched.get(key, (0, None, None))
        new_named = new_nearest = None
        for k in range(len(self.mentions) - 1, seen - 1, -1):  # the mentions added since, nearest first
            m = self.mentions[k]
            if not (is_a(m.type, etype) and m.source != "kind" and (not only or m.key in only)):
                continue
            if new_nearest is None:
                new_nearest = m
            if not head or head in normalize_word(m.label_ar):
                new_named = m
                break
        named, nearest = new_named or named, new_nearest or nearest
        self._searched[key] = (len(self.mentions), named, nearest)
        return named or nearest


def _span(seg: Doc, first: int, last: int, prefix: int = 0) -> tuple[int, int]:
    return seg.tokens[first].start + prefix, seg.tokens[last - 1].end


def _lexicon_mention(seg, i, hit, gaz, history) -> list[Mention] | None:
    prefix, end, payload, marker = hit
    start, stop = seg.tokens[i].start + prefix, seg.tokens[end - 1].end  # _span(seg, i, end, prefix), inlined
    kind = payload[0]
    if kind == "gaz":
        e = gaz[payload[1]]
        return [Mention(start, stop, i, end, e.key, e.type, e.label_ar, e.label_en, e.scope,
                        "gazetteer", marker, e.parent, e.wikidata, e.wikidata_source)]
    if kind == "kind":
        _, key, etype, ar, en = payload
        return [Mention(start, stop, i, end, f"{key}-{start}", etype, seg.norm.original[
            slice(*seg.norm.to_original(start, stop))], en, "mention", "kind", marker)]
    _, etype, default, only = payload
    head = seg.tokens[i].text[prefix:] if end - i == 1 else ""
    antecedent = history.antecedent(etype, head.removeprefix(ARTICLE), only)
    if etype in _INSTITUTIONS and end < len(seg.tokens) and _nisba(seg.tokens[end].text) and (
            antecedent is None or seg.tokens[end].text not in normalize_word(antecedent.label_ar).split()):
        # "الحكومة النيجيرية": an institution its adjective names is not the one named before
        # (unless that one bears the adjective too: "المجلس العسكري" for "المجلس العسكري لمنبج")
        return None
    if antecedent is not None:
        a = antecedent
        return [Mention(start, stop, i, end, a.key, a.type, a.label_ar, a.label_en, a.scope, "anaphor",
                        marker, a.parent, a.wikidata, a.wikidata_source, implied=True)]
    if default and default in gaz:
        e = gaz[default]
        return [Mention(start, stop, i, end, e.key, e.type, e.label_ar, e.label_en, e.scope, "anaphor",
                        marker, e.parent, e.wikidata, e.wikidata_source, implied=True)]
    return None


_INSTITUTIONS = frozenset({"GovernmentBody", "Organization", "InternationalOrganization", "ArmedForce"})


def _nisba(word: str) -> bool:
    """A relative adjective with the article ("النيجيرية", "العراقي")."""
    return word.startswith(ARTICLE) and len(word) > 5 and word.endswith(("يه", "ية", "ي"))


def _name_after(seg: Doc, j: int, limit: int = 3) -> tuple[int, int] | None:
    """Token range of a name starting at j: a quoted span, or up to ``limit`` content words."""
    tokens = seg.tokens
    if j < len(tokens) and tokens[j].text == '"':
        k = j + 1
        while k < len(tokens) and tokens[k].text != '"' and k - j <= 5:
            if not tokens[k].is_word:
                return None
            k += 1
        if k < len(tokens) and tokens[k].text == '"' and k > j + 1:
            return j + 1, k
        return None
    stop = stopwords(seg.language)
    openers = function_affixes(seg.language, "phrase_opener")
    k = j
    while k < len(tokens) and k - j < limit and tokens[k].is_word and tokens[k].text not in stop:
        if k > j and tokens[k].text.startswith(WAW) and len(tokens[k].text) > 3:
            break  # a conjunction starts the next phrase
        if tokens[k].text.startswith(openers):
            break  # a prepositional phrase: "سد تشرين بالقصف"
        if k > j and tokens[k].start - tokens[k - 1].end > 1:
            break
        k += 1
        if limit == 2 and k - j == 1 and tokens[j].text.startswith(ARTICLE):
            # "مخيم الهول": a name with the article is usually one word
            break
    return (j, k) if k > j else None


def _cue_mention(seg, i, cues, matcher, gaz) -> list[Mention] | None:
    hit = cues.match_at(seg.tokens, i)
    if hit is None or (i > 0 and seg.tokens[i - 1].is_number):
        return None  # "75 مدرسة" counts schools, it names none
    prefix, cue_end, (etype, en_pattern, keep, dual), marker = hit
    found = _cue_name(seg, i, prefix, cue_end, 0, (etype, en_pattern, keep), marker, matcher, gaz)
    if found and dual:  # "قريتي تل شاميرام وتل هرمز": a cue in the dual names two places
        tokens, j = seg.tokens, found[0].last_token
        if j < len(tokens) and tokens[j].text == WAW:
            j, skip = j + 1, 0
        elif j < len(tokens) and tokens[j].text.startswith(WAW) and len(tokens[j].text) > 2:
            skip = 1
        else:
            return found
        if j < len(tokens) and tokens[j].sentence == tokens[i].sentence:
            second = _cue_name(seg, j, skip, j, skip, (etype, en_pattern, keep), "", matcher, gaz)
            if second:
                found = found + second
    return found


def _cue_name(seg, i, prefix, j, skip, payload, marker, matcher, gaz) -> list[Mention] | None:
    """The mention a cue word at token i introduces, its name starting at token j (after ``skip``
    characters of it: the "و" of a second name)."""
    etype, en_pattern, keep = payload
    tokens = seg.tokens
    # a known entity after the cue: "مدينة الرقة", "قوات “سوريا الديمقراطية”"
    if j < len(tokens) and tokens[j].text == '"':
        inner = matcher.match_at(tokens, j + 1)
        if inner is not None and inner[1] < len(tokens) and tokens[inner[1]].text == '"':
            inner = (inner[0], inner[1] + 1, inner[2], inner[3])
        elif inner is not None and inner[1] != len(tokens):
            inner = None
    else:
        inner = matcher.match_at(tokens, j)
    if inner is not None and inner[2][0] == "gaz" and inner[0] == skip:
        e = gaz[inner[2][1]]
        start, stop = _span(seg, i, inner[1], prefix)
        if not keep or is_a(e.type, "Organization") and is_a(etype, "Organization"):
            # "مدينة الرقة" is الرقة; "منظمة اليونيسف", "قوات سوريا الديمقراطية" are the bodies named
            return [Mention(start, stop, i, inner[1], e.key, e.type, e.label_ar, e.label_en, e.scope,
                            "cue", marker, e.parent, e.wikidata, e.wikidata_source)]
        name_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
        key = f"{etype.lower()}-{e.key}"
        place = Mention(*_span(seg, j, inner[1], skip), j, inner[1], e.key, e.type, e.label_ar, e.label_en,
                        e.scope, "gazetteer", "", e.parent, e.wikidata, e.wikidata_source)
        facility = Mention(start, stop, i, inner[1], key, etype, name_ar,
                           en_pattern.format(name=e.label_en), "global", "cue", marker, e.key)
        return [facility, place]
    if inner is not None and skip:
        return None  # "وقوات": a known word glued to the conjunction is no name
    name = _name_after(seg, j, limit=2)
    if name is None:
        return None
    first, last = name
    if last < len(tokens) and tokens[last].text == '"':
        last_incl = last + 1
    else:
        last_incl = last
    start, stop = _span(seg, i, last_incl, prefix)
    name_norm = " ".join(t.text for t in tokens[first:last])[skip if first == j else 0:]
    name_orig = seg.norm.original[slice(*seg.norm.to_original(tokens[first].start + (skip if first == j else 0),
                                                                tokens[last - 1].end))]
    label_ar = name_orig if not keep else seg.norm.original[slice(*seg.norm.to_original(start, stop))]
    label_ar = label_ar.replace('"', "").replace("“", "").replace("”", "")
    key = f"{etype.lower()}-{_slug(name_norm if not keep else normalize_word(label_ar))}"
    label_en, guessed = _english(seg, name_orig, en_pattern, label_ar)
    return [Mention(start, stop, i, last_incl, key, etype, label_ar, label_en, "global", "cue", marker,
                    label_guessed=guessed)]


def _english(seg: Doc, name_ar: str, pattern: str, label_ar: str) -> tuple[str, bool]:
    """The English label of an unknown name: the pattern around its romanization, or the Arabic."""
    latin, guessed = romanize(seg.language, name_ar)
    return (pattern.format(name=latin), True) if guessed else (label_ar, False)


def _name_before(seg: Doc, i: int, comma: bool) -> tuple[int, int] | None:
    """Two words naming a person just before a title, after a comma ("X Y، المتحدث باسم") or,
    for a member, without one ("X Y أحد عناصر"): the first word without the article, the
    second may have it (a nisba: "علي الجدوع")."""
    tokens, stop = seg.tokens, stopwords(seg.language)
    end = i - 1 if comma else i
    if end < 2 or (comma and tokens[end].text != COMMA):
        return None
    first, second = tokens[end - 2], tokens[end - 1]
    if not (first.is_word and second.is_word) or first.text in stop or second.text in stop \
            or read_number(seg, end - 2) is not None \
            or first.text.startswith(ARTICLE) or (comma and second.text.startswith(ARTICLE)):
        return None
    if not comma and end >= 3 and tokens[end - 3].is_word and tokens[end - 3].text not in stop \
            and not tokens[end - 3].text.startswith(ARTICLE):
        return None  # more words before: "قتل الجيش ثلاثة أحد عناصر" names no one
    return end - 2, end


def _person_mention(seg, i, titles, matcher, gaz, history) -> list[Mention] | None:
    """A person named after a title ("اللواء X"), or before a role ("X، المتحدث باسم Y")."""
    hit = titles.match_at(seg.tokens, i)
    if hit is None:
        return None
    tokens = seg.tokens
    prefix, end, (role, _en), marker = hit
    org = None
    j = end
    if role in ("spokesperson", "leader", "member"):
        if role == "leader" and j + 1 < len(tokens) and tokens[j].text == function_word(seg.language, "locative"):
            j += 1  # "القيادي في التنظيم"
        inner = matcher.match_at(tokens, j)
        org_mentions = _lexicon_mention(seg, j, inner, gaz, history) \
            if inner is not None and inner[2][0] in ("gaz", "ana") else None
        if org_mentions is None and inner is None:
            # an organization named by its head noun: "مديرة منظمة اليونيسف", "قائد لواء X"
            org_mentions = _cue_mention(seg, j, _cue_matcher(seg.language), matcher, gaz)
            if org_mentions and is_a(org_mentions[0].type, "Organization"):
                inner = (0, org_mentions[0].last_token)
            else:
                org_mentions = None
        if org_mentions and not is_a(org_mentions[0].type, "Person"):
            org = org_mentions[0]
            j = inner[1]
        elif tokens[end - 1].text.endswith(function_affixes(seg.language, "title_pronoun")):
            # "قائدهم": the leader of the group named just before
            org = history.antecedent("Organization")
    # skip a nationality adjective: "وزير الخارجية الأمريكي مايك بومبيو"
    if j < len(tokens) and tokens[j].text.startswith(ARTICLE) \
            and tokens[j].text.endswith(function_affixes(seg.language, "nisba")):
        j += 1
    if j < len(tokens) and tokens[j].text == COMMA:
        j += 1
        rank = titles.match_at(tokens, j) if org is not None else None
        if rank is not None and rank[0] == 0 and rank[2][0] == "commander":
            j = rank[1]  # "قائد شرطة المحافظة، اللواء X": the leader's rank, then the name
    long_name = j < len(tokens) and tokens[j].text in function_words(seg.language, "name_part")
    name = _name_after(seg, j, limit=3 if long_name else 2)
    if name is None or tokens[name[0]].text.startswith(ARTICLE):
        # "شرفان درويش، المتحدث باسم المجلس": the name stands before the title
        name = _name_before(seg, i, comma=True) or (_name_before(seg, i, comma=False) if role == "member" else None)
        if name is None:
            return None
    first, last = name
    if _cue_matcher(seg.language).match_at(tokens, first) is not None:
        return None  # "مختار بلدة الطيبة": a place after the title, not a person
    name_norm = " ".join(t.text for t in tokens[first:last])
    start, stop = tokens[first].start, tokens[last - 1].end
    label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
    role_of = f"{role}:{org.key}" if org is not None else role
    known = matcher.match_at(tokens, first)
    if known is not None and known[2][0] == "gaz" and gaz[known[2][1]].type == "Person":
        e = gaz[known[2][1]]  # a person the gazetteer knows: "أبو بكر البغدادي"
        last = known[1]
        start, stop = tokens[first].start, tokens[last - 1].end
        person = Mention(start, stop, first, last, e.key, e.type, e.label_ar, e.label_en, e.scope,
                         "person", "", e.parent, e.wikidata, e.wikidata_source, role_of=role_of,
                         role_org_start=org.start if org is not None else -1)
    else:
        label_en, guessed = _english(seg, label_ar, "{name}", label_ar)
        person = Mention(start, stop, first, last, f"person-{_slug(name_norm)}", "Person", label_ar,
                         label_en, "global", "person", role_of=role_of,
                         role_org_start=org.start if org is not None else -1, label_guessed=guessed)
    return [person] + ([org] if org is not None else [])
