"""Memberships the name or the description of a body or a person states: a body named by its
office in construct with the force it serves ("إعلام الحشد الشعبي"), someone described by a rank in
a body and named no further ("قيادي بتنظيم داعش").

Split from :mod:`athar.read.relations`, which makes the memberOf facts of these pairs.
"""

from __future__ import annotations

from athar.read.entity import _gazetteer_matcher, gazetteer, slug, title_matcher
from athar.read.function_words import function_word
from athar.read.language import Language, language_data
from athar.read.location import _tables
from athar.read.mentions import Mention, is_a
from athar.read.rules import MARKER_BA
from athar.read.numbers import read_number
from athar.read.text import ARTICLE, COMMA, HARAKAT, LAM, NAME_MARKS, Doc, normalize_word

__all__ = ["bracketed_members", "office_bodies", "offices", "origin_members", "unnamed_members"]


def offices(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """A body named by its office in construct with the force or body it serves, and that force:
    "إعلام الحشد الشعبي", "مديرية أمن الحشد" (relations.tsv office): (the body, the force named in
    its name), for the first mention of each body in the text. The force is a name of the gazetteer
    there, or a word that refers back to one ("الحشد": the one the text named before)."""
    lang = seg.language
    heads = _tables(lang)["office"]
    matcher, known = _gazetteer_matcher(lang), gazetteer(lang)
    out, told = [], set()
    last_of: dict[str, Mention] = {}  # the last mention of each key before the one read
    for m in mentions:
        if is_a(m.type, "Organization") and m.source in ("gazetteer", "cue") and m.key not in told:
            force = _office_force(seg, m, heads, matcher, known, last_of)
            if force is not None:
                told.add(m.key)
                out.append((m, force))
        last_of[m.key] = m
    return out


def _office_force(seg: Doc, m: Mention, heads, matcher, known, last_of: dict[str, Mention]) -> Mention | None:
    """The force named after the office words that open the name of body ``m``, None when there
    are none."""
    tokens = seg.tokens
    head: tuple[str, ...] = ()
    # the words of the longest office of relations.tsv, and a quotation mark that may stand among them
    longest = max(map(len, heads), default=0) + 1
    for k in range(m.first_token, min(m.last_token - 1, m.first_token + longest)):
        if tokens[k].text not in NAME_MARKS:
            head += (_unmarked(tokens[k].text, m.marker) if k == m.first_token else tokens[k].text,)
        if head not in heads:
            continue
        j = k + 1
        while j < m.last_token and tokens[j].text in NAME_MARKS:
            j += 1
        hit = matcher.match_at(tokens, j)
        if hit is None or hit[1] != m.last_token or hit[3]:
            continue
        key = _force_key(hit[2], known, last_of)
        if key is None or key == m.key:
            return None
        e = known[key]
        return Mention(tokens[j].start, m.end, j, m.last_token, e.key, e.type, e.label_ar, e.label_en,
                       e.scope, "gazetteer", "", e.parent, e.wikidata, e.wikidata_source)
    return None


def _unmarked(word: str, marker: str) -> str:
    """A mention's first word without the proclitic its marker names: "لإعلام" -> "إعلام" ("بيان
    لإعلام الحشد"), "للمكتب" -> "المكتب" (ل and the article, its alef dropped)."""
    if not marker or not word.startswith(marker):
        return word
    rest = word[len(marker):]
    return ARTICLE[0] + rest if marker == LAM and rest.startswith(LAM) else rest


def _force_key(payload, known, last_of: dict[str, Mention]) -> str | None:
    """The gazetteer key of a force a name names (("gaz", key)) or a word refers back to (("ana",
    type, default, only, refers): the last one of ``only`` the text named), if an organization."""
    if payload[0] == "gaz":
        key = payload[1]
    elif payload[0] == "ana" and payload[3]:
        named = [last_of[k] for k in payload[3] if k in last_of]
        key = max(named, key=lambda n: n.start).key if named else None
    else:
        return None
    return key if key in known and is_a(known[key].type, "Organization") else None


def office_bodies(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """A body named by its office and ل before the force or body it serves: "المركز الإعلامي لقوات
    سوريا الديمقراطية", "المكتب الإعلامي لـ «قسد»", "القيادة العامة لقوات X" (relations.tsv office):
    (an Organization of the words from the office to the force's name, the force), for the first
    such body of each force. No pair where a title stands right before the office ("مدير المركز
    الإعلامي لقوات X": the title's relations read the office as its holder's body)."""
    tokens, lang = seg.tokens, seg.language
    heads = _tables(lang)["office"]
    longest = max(map(len, heads), default=0)
    titles = title_matcher(lang)
    out, told = [], set()
    for b in mentions:
        if not is_a(b.type, "Organization") or b.key in told:
            continue
        k = b.first_token - 1
        while k >= 0 and tokens[k].text in NAME_MARKS:
            k -= 1  # "لـ «قسد»"
        if b.marker == LAM and k == b.first_token - 1:
            end = b.first_token
        elif b.marker == "" and k >= 0 and tokens[k].text == LAM:
            end = k
        else:
            continue
        for n in range(min(longest, end), 0, -1):
            first = end - n
            if tuple(t.text for t in tokens[first:end]) not in heads \
                    or tokens[first].sentence != tokens[b.first_token].sentence:
                continue
            if any((hit := titles.match_at(tokens, j)) is not None and hit[1] == first
                   for j in range(max(0, first - _TITLE_WORDS), first)):
                break  # "مدير المركز الإعلامي لقوات X"
            start = tokens[first].start
            label_ar = seg.norm.original[slice(*seg.norm.to_original(start, b.end))]
            body = Mention(start, b.end, first, b.last_token, f"organization-{slug(normalize_word(label_ar))}",
                           "Organization", label_ar, f"office of {b.label_en}", "mention", "cue")
            told.add(b.key)
            out.append((body, b))
            break
    return out


_TITLE_WORDS = 3  # words of the longest title before an office ("المتحدث الرسمي باسم")


def unnamed_members(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Someone the text describes by a rank in a body and names no further, and the body: "قيادي
    بتنظيم داعش", "قائد بقوات فيلق الشام", "أمير في تنظيم داعش", "قائد ميداني من البشمركة" (relations.tsv
    rank, a relative adjective after it or not). A rank in a
    body makes one of its members, not its leader (who is "قائد X", the title in construct, read
    by :mod:`athar.read.person`). No pair when a person's name stands right before the rank or right
    after the body (the person's title then relates them): (a Person of the rank and the body's
    words, the body)."""
    tokens, lang = seg.tokens, seg.language
    ranks, locative, partitive = _rank_words(lang), function_word(lang, "locative"), function_word(lang, "partitive")
    ends = {m.last_token for m in mentions if m.type == "Person"}
    starts = {m.first_token for m in mentions if m.type == "Person"}
    out = []
    for b in mentions:
        if not is_a(b.type, "Organization") or b.first_token < 2:
            continue
        if b.marker == MARKER_BA:
            k = b.first_token - 1
        elif not b.marker and tokens[b.first_token - 1].text in (locative, partitive):
            k = b.first_token - 2  # "قيادي في التنظيم", "قائد ميداني من البشمركة"
        else:
            continue
        if k > 0 and tokens[k].text not in ranks and _of_origin(_written(seg, k)) and tokens[k].text[-1:] != "ن":
            k -= 1  # "قائد ميداني", "قياديا عسكريا": the rank's relative adjective
        en = ranks.get(tokens[k].text)
        if en is None or tokens[k].sentence != tokens[b.first_token].sentence:
            continue
        before = k - 1 if k > 0 and tokens[k - 1].text == COMMA else k
        after = b.last_token + 1 if b.last_token < len(tokens) and tokens[b.last_token].text == COMMA else b.last_token
        if before in ends or after in starts:
            continue  # "أبو خالد، قيادي في التنظيم": the person's title
        start = tokens[k].start
        label_ar = seg.norm.original[slice(*seg.norm.to_original(start, b.end))]
        person = Mention(start, tokens[k].end, k, k + 1, f"person-{slug(normalize_word(label_ar))}", "Person",
                         label_ar, f"{en} of {b.label_en}", "mention", "cue")
        out.append((person, b))
    return out


@language_data
def _rank_words(lang: Language) -> dict[str, str]:
    """relations.tsv rank: each word -> its English."""
    out = {}
    for row in lang.table("relations.tsv", ("relation", "forms", "explicit")):
        if row["relation"] == "rank":
            if not row.get("en"):
                raise row.fail("a rank needs its English (en)")
            for f in row.forms("forms"):
                if " " in f:
                    raise row.fail(f"'{f}': a rank is one word")
                out[f] = row["en"]
    return out


def origin_members(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Members of a body described by where they come from, then "من" and the body: "عنصر أميركي
    من قوات التحالف", "جنديين بريطانيين من قوات التحالف", "12 مقاتلا أجنبيا من التنظيم"
    (relations.tsv origin: the nouns of its men). The adjective of origin sets them apart as a
    group of the body's (its national contingent, its foreigners); without one ("عناصر من
    التنظيم") the words count the body's men and make no group of their own. (a Group of the
    words from the count or the noun to the adjective, the body)."""
    tokens, lang = seg.tokens, seg.language
    nouns, partitive = _origin_nouns(lang), function_word(lang, "partitive")
    out = []
    for b in mentions:
        k = b.first_token - 3  # the noun, the adjective, "من", the body
        if not is_a(b.type, "Organization") or b.marker or k < 0 or tokens[k + 2].text != partitive \
                or tokens[k].text not in nouns or not _of_origin(_written(seg, k + 1)) \
                or not tokens[k].sentence == tokens[b.first_token].sentence:
            continue
        first = k - 1 if k > 0 and read_number(seg, k - 1) is not None else k
        start, stop = tokens[first].start, tokens[k + 1].end
        label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
        group = Mention(start, stop, first, k + 2, f"group-{slug(normalize_word(label_ar))}", "Group", label_ar,
                        f"{nouns[tokens[k].text]} of {b.label_en}", "mention", "cue")
        out.append((group, b))
    return out


# an indefinite relative adjective: "أميركي", "أجنبيا", "بريطانيين"; a plural in ين of no nisba ("آخرين",
# "مدربين") says nothing of origin; the feminine as texts write it ("عناصر أجنبية": the word is read
# unnormalized, :func:`_written`) or with ه
_ORIGIN_ENDINGS = ("ي", "يا", "يين", "ييون", "ية", "يه")


def _of_origin(word: str) -> bool:
    """Whether a word reads as an indefinite relative adjective ("أميركي", "أجنبيا", "فرنسيين")."""
    return not word.startswith(ARTICLE) and len(word) >= 4 and word.endswith(_ORIGIN_ENDINGS)


def _written(seg: Doc, k: int) -> str:
    """Token k as the text writes it, its short vowels and tanween left out: a final ى stays ى
    ("جرحى", "قتلى": no relative adjective), where normalization writes it ي."""
    t = seg.tokens[k]
    word = seg.norm.original[slice(*seg.norm.to_original(t.start, t.end))]
    return "".join(c for c in word if c not in HARAKAT)


@language_data
def _origin_nouns(lang: Language) -> dict[str, str]:
    """relations.tsv origin: each noun of a body's men -> its English."""
    out = {}
    for row in lang.table("relations.tsv", ("relation", "forms", "explicit")):
        if row["relation"] == "origin":
            if not row.get("en"):
                raise row.fail("the nouns of origin need their English (en)")
            for f in row.forms("forms"):
                if " " in f:
                    raise row.fail(f"'{f}': a noun of origin is one word")
                out[f] = row["en"]
    return out


_BRACKETS = {"(": ")", "[": "]"}
_LISTED = 40  # tokens of a bracketed list of bodies


def bracketed_members(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """A body and, in brackets right after it, the bodies it is made of: "القوات المشتركة [جهاز
    مكافحة الإرهاب، الجيش العراقي، الشرطة الاتحادية]", "القوات الأمنية (الجيش والشرطة)": each a
    member of the body. Two bodies at least, joined by commas or "و" (one body in brackets is the
    body's other name: "قوات سوريا الديمقراطية (قسد)"). (each body listed, the body)."""
    tokens = seg.tokens
    orgs = [m for m in mentions if is_a(m.type, "Organization")]
    by_first = {m.first_token: m for m in orgs}
    out = []
    for a in orgs:
        k = a.last_token
        close = _BRACKETS.get(tokens[k].text) if k < len(tokens) else None
        if close is None:
            continue
        listed, j = [], k + 1
        while j < min(len(tokens), k + _LISTED) and tokens[j].text != close \
                and tokens[j].sentence == tokens[k].sentence:
            m = by_first.get(j)
            if m is not None and m.key != a.key:
                listed.append(m)
                j = max(m.last_token, j + 1)
            else:
                j += 1
        if j < len(tokens) and tokens[j].text == close and len({m.key for m in listed}) >= 2:
            out.extend((m, a) for m in listed)
    return out
