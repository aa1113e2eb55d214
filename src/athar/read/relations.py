"""Relations between entities: where a place lies, who leads or speaks for whom, which body
or part of an armed group belongs to which.

A relation is a :class:`athar.read.facts.Fact` with ``relation=True``: its type is
the ontology property, its roles are ``subject`` and ``object``.
"""

from __future__ import annotations

from athar.read.function_words import function_affixes, function_word
from athar.read.side import SIDE_PART, side_parts
from athar.read.facility import one_facility
from athar.read.entity import COUNTRYSIDE_PART, office_matcher, title_matcher, is_nisba, nisba_country, slug, stopwords
from athar.read.mentions import Mention, is_a
from athar.read.rules import MARKER_BA, belonging_words
from athar.read.alias import ALIAS, aliases
from athar.read.membership import bracketed_members, office_bodies, offices, origin_members, unnamed_members
from athar.read.containment import first_stated, stated_containments
from athar.read.location import (_RANK, _between, _connectors, _next_pairs, _ranker, _tables,
                                 located_pairs, place_containers, reference_places)
from athar.read.text import ARTICLE, COMMA, LAM, NAME_MARKS, WAW, Doc, normalize_word
from athar.read.values import Evidence, Fact
from athar.read.language import Language, language_data

__all__ = ["extract_relations", "located_pairs", "place_containers", "reference_places", "role_title", "title_label"]

_ROLE_RELATION = {"spokesperson": "spokespersonOf", "leader": "leaderOf", "member": "memberOf"}


def extract_relations(seg: Doc, mentions: list[Mention]) -> list[Fact]:
    """locatedIn between adjacent places; leaderOf, spokespersonOf and memberOf from titles."""
    tokens = seg.tokens
    out = []
    mentions = side_parts(seg, mentions)  # "الجانب الغربي من مدينة الرمادي": a place of its own

    def fact(kind: str, a: Mention, b: Mention, said: tuple[int, int] | None = None) -> Fact:
        nstart, nend = min(a.start, b.start), max(a.end, b.end)
        start, end = seg.norm.to_original(nstart, nend)
        sent = seg.sentences[tokens[a.first_token].sentence]
        s0, s1 = seg.norm.to_original(sent.start, sent.end)
        body = seg.norm.original
        # the trigger: the words that state the relation when they are known (a role's title), else the span
        t0, t1 = seg.norm.to_original(*said) if said is not None else (start, end)
        return Fact(type=kind, trigger=body[t0:t1], trigger_start=t0, trigger_end=t1,
                    evidence=Evidence(min(start, t0), max(end, t1), body[min(start, t0):max(end, t1)],
                                      body[s0:s1].strip()),
                    roles=(("subject", a), ("object", b)), relation=True)

    lang = seg.language  # two places in a row, and as the news states it beyond that (containment.py)
    stated = stated_containments(seg, mentions, located_pairs(seg, mentions), _connectors(lang), _ranker(seg), _RANK)
    for a, b in first_stated(located_pairs(seg, mentions), stated):
        # "المنازل في البلدة": houses of no name are no entity to locate; "داخل مطعم وسط مدينة منبج": one is,
        # in a named place narrower than a country ("ومقره في بريطانيا" tells where a body sits)
        if a.source != "kind" or one_facility(seg, a) and b.source != "kind" and b.type != "Country":
            out.append(fact("locatedIn", a, b))
    for a, b in stated:
        out.append(fact("locatedIn", a, b))
    for a, b in _sides(mentions):
        out.append(fact("locatedIn", a, b))
    for a, b in _units(seg, mentions):
        out.append(fact("memberOf", a, b))
    for a, b in _parts(seg, mentions):
        out.append(fact("memberOf", a, b))
    for a, b in offices(seg, mentions) + office_bodies(seg, mentions) + unnamed_members(seg, mentions) \
            + origin_members(seg, mentions) + bracketed_members(seg, mentions):
        out.append(fact("memberOf", a, b))
    for kind, a, b, said in _clause_relations(seg, mentions):
        out.append(fact(kind, a, b, said))
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        by_key.setdefault(m.key, []).append(m)
    for m in mentions:
        role, _, org_key = m.role_of.partition(":")
        if m.type != "Person" or role not in _ROLE_RELATION or not org_key:
            continue
        org = _nearest(seg, by_key.get(org_key, []), m)
        if org is None:
            continue
        office = _office_of(seg, org) if role == "leader" else None
        if office is not None:  # "مدير المركز الإعلامي لقوات سوريا الديمقراطية": the centre is led, and of the force
            out.append(fact("leaderOf", m, office, role_title(seg, org)))
            out.append(fact("memberOf", office, org))
        else:
            out.append(fact(_ROLE_RELATION[role], m, org, role_title(seg, org)))
    for a, b in aliases(seg, mentions):
        out.append(fact(ALIAS, a, b, (b.start, b.end)))
    return out


def _sides(mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """A side of a place named as a place of its own and the place it names at its end
    ("الجانب الغربي من مدينة الرمادي": side.py): the side lies in the place."""
    by_end = {(m.last_token, m.key): m for m in mentions if is_a(m.type, "Place")}
    out = []
    for m in mentions:
        if m.key.startswith((SIDE_PART, COUNTRYSIDE_PART)) and m.parent:
            place = by_end.get((m.last_token, m.parent))
            if place is not None and place.first_token > m.first_token:
                out.append((m, place))
    return out


_ROLE_TITLES = ("leader", "member", "spokesperson", "office", "official")
_TITLE_REACH = 6  # tokens a title may stand before the body it names ("المتحدث الرسمي باسم")


def role_title(seg: Doc, org: Mention) -> tuple[int, int] | None:
    """The normalized span of the title that names a person's role in the body ``org`` ("أمير",
    "المتحدث باسم", "وزير الثقافة"): the title right before the body's mention, or the mention
    itself when the office names the body ("وزير الخارجية الألماني"); None when none is there."""
    found = _title_before(seg, org)
    return None if found is None else found[0]


def _office_of(seg: Doc, org: Mention) -> Mention | None:
    """The office a title names between itself and its body, as a body of its own: "مدير المركز
    الإعلامي لقوات سوريا الديمقراطية" leads "المركز الإعلامي لقوات سوريا الديمقراطية", "رئيسة وفد
    الصليب الأحمر" the delegation; None when the title stands right before the body."""
    found = _title_before(seg, org)
    if found is None or found[1] >= org.first_token:
        return None
    return _body_mention(seg, found[1], org, "Organization", f"office of {org.label_en}")


def _title_before(seg: Doc, org: Mention) -> tuple[tuple[int, int], int] | None:
    """role_title's span, and the first token of the office's words between the title and the body
    (the body's first token when there are none)."""
    tokens, lang = seg.tokens, seg.language
    for k in range(org.first_token, max(-1, org.first_token - _TITLE_REACH), -1):
        if tokens[k].sentence != tokens[org.first_token].sentence:
            break
        for matcher in (title_matcher(lang), office_matcher(lang)):
            hit = matcher.match_at(tokens, k)
            if hit is None or hit[2][0] not in _ROLE_TITLES:
                continue
            gap = [t.text for t in tokens[hit[1]:org.first_token]]
            if k == org.first_token or all(w in _BEFORE_BODY for w in gap) and len(gap) <= 2:
                return (tokens[k].start + hit[0], tokens[hit[1] - 1].end), org.first_token
            if org.marker in _BEFORE_BODY and 0 < len(gap) <= _OFFICE_WORDS and all(
                    t.is_word and t.text not in _BEFORE_BODY for t in tokens[hit[1]:org.first_token]):
                # "منسق مشروعات الطوارئ بالمنظمة": the title and the words of the office
                return (tokens[k].start + hit[0], tokens[org.first_token - 1].end), hit[1]
    return None


_BEFORE_BODY = frozenset({"في", '"', "ب", "ل"})
_OFFICE_WORDS = 3  # words of an office between its title and the body it serves  # "القيادي في التنظيم", "مدير «المرصد»"


def title_label(lang: Language, words: str) -> str | None:
    """The English of a title of titles.tsv as written ("المتحدث باسم" -> "Spokesperson"), None when
    the words are no title."""
    tokens = tuple(normalize_word(w) for w in words.split())
    return _title_english(lang).get(tokens)


@language_data
def _title_english(lang: Language) -> dict[tuple[str, ...], str]:
    out = {}
    for row in lang.table("titles.tsv", ("title", "role", "en")):
        if row["role"] in _ROLE_TITLES:
            for f in row.forms("title"):
                out.setdefault(tuple(normalize_word(w) for w in f.split()), row["en"])
    return out





def _units(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """A unit and the force or body it belongs to: "اللواء 11 التابع للحشد", "اللواء 73 ضمن
    الفرقة 16" (memberOf, relations.tsv)."""
    orgs = [m for m in mentions if is_a(m.type, "Organization")]
    lang = seg.language
    words = _tables(lang)["memberOf"]
    headed = {(function_word(lang, "locative"),), (function_word(lang, "partitive"),)}
    # a body the article describes and does not name is a unit only by words that say it outright
    # ("قوات أمريكية برية، ضمن التحالف"; "القوات المختصة في قوات X" is none);
    # "في" and "من" make a unit of a body its head noun names ("مديرية X في وزارة الداخلية",
    # "اللواء 37 من الفرقة التاسعة"), not of a body the gazetteer knows ("مشاركة الجيش في
    # التحالف", "انسحاب الجيش من التحالف": no member)
    out = []
    for a, b in _next_pairs(seg, orgs):
        between = _between(seg, a, b)
        if a.source == "cue":  # "هيئة العلاقات الخارجية في الإدارة الذاتية": the name's adjectives
            while between and is_nisba(between[0]) and nisba_country(lang, between[0]) is None:
                between = between[1:]
            between = _past_adjectives(seg, a, between, words, headed | {(MARKER_BA,)})
        if between[:1] == ("(",) and ")" in between[:_BRACKETED + 2]:
            between = between[between.index(")") + 1:]  # "وكالة أنباء (أعماق) التابعة لتنظيم الدولة": its name
        elif between[:1] == (")",) and a.first_token > 0 and seg.tokens[a.first_token - 1].text == "(":
            between = between[1:]  # the name in brackets is the mention: "(أعماق) التابعة لتنظيم الدولة"
        # a body described, not named ("قوات أمريكية برية"): only words that say it outright ("ضمن"),
        # no preposition alone ("القوات الأمنية المدعومة بالحشد")
        if a.scope == "document" and (between in headed or between == (MARKER_BA,)):
            continue
        if between in words and (between not in headed or a.source == "cue"):
            out.append((a, b))
    return out


_ADJECTIVES = 2  # adjectives after a unit's name before the words that put it in a force ("المدرعة")


def _past_adjectives(seg: Doc, a: Mention, between: tuple[str, ...], words: dict[tuple[str, ...], bool],
                     prepositions: set[tuple[str, ...]]) -> tuple[str, ...]:
    """The words between a unit named by its head noun and a body, past up to two adjectives that
    describe the unit when relations.tsv's words of memberOf follow them: "قوات الفرقة التاسعة
    المدرعة التابعة للجيش", "قوات أمريكية برية، ضمن التحالف". An adjective agrees with the name's last
    word: with the article after a definite name, a feminine or relative ending after an indefinite
    one; a preposition alone after them says nothing outright ("المدعومة بالحشد": supported by, no
    unit of it). ``between`` itself when no such words follow."""
    definite = seg.tokens[a.last_token - 1].text.startswith(ARTICLE)
    stop = stopwords(seg.language)
    rest = between
    for _ in range(_ADJECTIVES):
        if rest in words or not rest or rest[0] in stop or not rest[0].isalpha():
            break
        w = rest[0]
        if definite != w.startswith(ARTICLE) or not definite and not w.endswith(_INDEFINITE_ENDINGS):
            break
        rest = rest[1:]
        if rest in words and rest not in prepositions:
            return rest
    return between


_INDEFINITE_ENDINGS = ("ه", "ة", "ي")  # a feminine or relative adjective: "برية", "أمريكي"


_PART_WORDS = 2  # words that describe a part between its noun and "تابعة ل" ("خلية إرهابية نائمة")


def _parts(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """A part of an armed group named as a group of its own and the group: "خلايا داعش", "خلية
    لتنظيم داعش", "كبار قادة التنظيم", "خلية إرهابية نائمة تابعة لتنظيم داعش" (relations.tsv part):
    (the part, a Group of the words from its noun to the group's name, and the group), the first part
    of each group the text names; and a body of no name that "تابع ل" puts in one named after it
    ("مركز الإعلام الأمني التابع لوزارة الداخلية", relations.tsv body)."""
    tokens, lang = seg.tokens, seg.language
    parts, bodies = _part_forms(lang), _body_forms(lang)
    stop = stopwords(lang)
    # a preposition (function_words.tsv bound_preposition) or "و" written on a part's first word
    proclitics = frozenset(function_affixes(lang, "bound_preposition")) | {WAW}
    ends = {m.last_token for m in mentions}
    out, told = [], set()  # the first part of a group the text names: the cells it tells of
    for b in mentions:
        if not is_a(b.type, "Organization") or b.first_token == 0:
            continue
        i, described, words = _before_quotes(tokens, b.first_token - 1), 0, parts
        if i >= 0 and tokens[i].text in belonging_words(lang) and b.marker == LAM:
            # "خلية إرهابية نائمة تابعة لتنظيم داعش": the part's noun a few words before
            i, described, words = _before_quotes(tokens, i - 1), _PART_WORDS, {**parts, **bodies}
            if i + 1 in ends:
                continue  # a body named before the words: _units relates it
        elif not is_a(b.type, "ArmedGroup"):
            continue
        while i >= 0 and tokens[i].sentence == tokens[b.first_token].sentence:
            found = _part_at(tokens, i, words, proclitics)
            if found is not None:
                first, (kind, en), prefix = found
                if kind == "body" or b.key not in told and not _titled(seg, first, i):
                    if kind == "part":
                        told.add(b.key)
                    out.append((_part_mention(seg, first, b, kind, en, prefix), b))
                break
            if not described or not tokens[i].is_word or tokens[i].text in stop:
                break
            i, described = _before_quotes(tokens, i - 1), described - 1
    return out


def _before_quotes(tokens, i: int) -> int:
    """Token i, or the first before it that is no quotation mark."""
    while i >= 0 and tokens[i].text in NAME_MARKS:
        i -= 1
    return i



def _titled(seg: Doc, first: int, last: int) -> bool:
    """Whether the words of a part from token ``first`` to ``last`` end a person's title of
    titles.tsv that starts one word before them ("أحد قادة التنظيم": one of its leaders, a person,
    no group of them)."""
    if first == 0:
        return False
    hit = title_matcher(seg.language).match_at(seg.tokens, first - 1)
    return hit is not None and hit[1] > last


def _part_at(tokens, i: int, words: dict[tuple[str, ...], tuple[str, str]],
             proclitics: frozenset[str]) -> tuple[int, tuple[str, str], int] | None:
    """Where the words of a part that end at token i start, its (kind, English) and the letters of a
    proclitic on its first word before it (0 or 1); None when none end there."""
    for n in range(min(_LONGEST_PART, i + 1), 0, -1):
        texts = tuple(t.text for t in tokens[i - n + 1:i + 1])
        found, prefix = words.get(texts), 0
        if found is None and texts[0][:1] in proclitics:  # "اجتماع لقيادات داعش", "بخلايا التنظيم"
            found, prefix = words.get((texts[0][1:],) + texts[1:]), 1
        if found is not None:
            return i - n + 1, found, prefix
    return None



_LONGEST_PART = 3  # words of the longest form of relations.tsv part and body


def _part_mention(seg: Doc, first: int, group: Mention, kind: str, en: str, prefix: int = 0) -> Mention:
    """The part of relations.tsv ``kind`` (part or body) from token ``first`` (past ``prefix`` letters of
    a proclitic) to the end of ``group``."""
    return _body_mention(seg, first, group, "Group" if kind == "part" else "Organization", f"{group.label_en} {en}",
                         prefix)


def _body_mention(seg: Doc, first: int, body: Mention, etype: str, label_en: str, prefix: int = 0) -> Mention:
    """A body of its own, of type ``etype``, named by the words from token ``first`` (past ``prefix``
    letters) to the end of the body's mention ``body`` ("المركز الإعلامي لقوات سوريا الديمقراطية", "خلايا داعش")."""
    start = seg.tokens[first].start + prefix
    label_ar = seg.norm.original[slice(*seg.norm.to_original(start, body.end))]
    return Mention(start, body.end, first, body.last_token, f"{etype.lower()}-{slug(normalize_word(label_ar))}",
                   etype, label_ar, label_en, "mention", "cue")


@language_data
def _part_forms(lang: Language) -> dict[tuple[str, ...], tuple[str, str]]:
    return _part_words(lang, "part")


@language_data
def _body_forms(lang: Language) -> dict[tuple[str, ...], tuple[str, str]]:
    return _part_words(lang, "body")


def _part_words(lang: Language, kind: str) -> dict[tuple[str, ...], tuple[str, str]]:
    """The forms of relations.tsv part or body -> (kind, English)."""
    forms = {}
    for row in lang.table("relations.tsv", ("relation", "forms", "explicit")):
        if row["relation"] == kind:
            if not row.get("en"):
                raise row.fail(f"a {kind} needs its English (en)")
            for f in row.forms("forms"):
                words = tuple(normalize_word(w) for w in f.split())
                if len(words) > _LONGEST_PART:
                    raise row.fail(f"'{f}': at most {_LONGEST_PART} words")
                forms[words] = (kind, row["en"])
    return forms


_BRACKETED = 3  # words of a name in brackets after a body, before the words that relate it


_CLAUSE_KINDS = {"led": "leaderOf", "comprising": "memberOf"}


def _clause_relations(seg: Doc, mentions: list[Mention]) -> list[tuple[str, Mention, Mention, tuple[int, int]]]:
    """A body and who leads it or what it holds, in a clause after it (relations.tsv led and
    comprising): "التحالف الدولي الذي تقوده الولايات المتحدة", "التحالف، بقيادة واشنطن" (the second
    leads the first), "قوات سوريا الديمقراطية، التي تضم مقاتلين من وحدات حماية الشعب" (the second
    is a member of the first); the body may be placed before the clause ("التحالف الدولي في العراق
    والذي تتزعمه أمريكا"). (kind, subject, object, the words) for each."""
    tokens, out = seg.tokens, []
    starts = _clause_phrases(seg.language)
    by_first = {m.first_token: m for m in mentions}
    # the tokens that start a phrase, by one set test each (a word of the text against the phrases' first words)
    for k in [k for k, w in enumerate(seg.texts) if w in starts]:
        if k == 0:
            continue
        for kind, phrase in starts[tokens[k].text]:
            n = len(phrase)
            if tuple(t.text for t in tokens[k:k + n]) != phrase:
                continue
            second = by_first.get(k + n)
            first = _body_before(seg, mentions, k) if second is not None else None
            if first is None or first.key == second.key or tokens[k + n].sentence != tokens[k].sentence:
                continue
            if is_a(second.type, "Organization") or kind == "led" and second.type in ("Person", "Country"):
                out.append((_CLAUSE_KINDS[kind], second, first, (tokens[k].start, tokens[k + n - 1].end)))
            break
    return out


@language_data
def _clause_phrases(lang: Language) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """The phrases of relations.tsv led and comprising by their first word, the longest first."""
    out: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    tables = _tables(lang)
    for kind in _CLAUSE_KINDS:
        for phrase in sorted(tables[kind], key=len, reverse=True):
            out.setdefault(phrase[0], []).append((kind, phrase))
    return out


def _body_before(seg: Doc, mentions: list[Mention], k: int) -> Mention | None:
    """The organization named right before token ``k``, a comma or a place it is in ("في العراق")
    between."""
    tokens = seg.tokens
    end = k - (tokens[k - 1].text == COMMA)
    while end > 0 and tokens[end - 1].text in NAME_MARKS:
        end -= 1  # "قوات “سوريا الديمقراطية”، التي تضم"
    by_last = {m.last_token: m for m in mentions}
    m = by_last.get(end)
    if m is not None and is_a(m.type, "Place") and m.first_token > 0 \
            and tokens[m.first_token - 1].text == function_word(seg.language, "locative"):
        m = by_last.get(m.first_token - 1)
    if m is None or not is_a(m.type, "Organization") or tokens[m.first_token].sentence != tokens[k].sentence:
        return None
    return m




def _nearest(seg: Doc, same_key: list[Mention], person: Mention) -> Mention | None:
    """The organization the title named ("المتحدث باسم التحالف"), else the nearest mention of it.
    A title whose body the text named in full in a sentence before ("ناشدت اللجنة الدولية للصليب
    الأحمر ... وقالت X رئيسة وفد الصليب الأحمر") names it again in the person's own sentence: that
    mention, whose words say the office ("وفد"), not the one of the sentence before."""
    same = [m for m in same_key if m is not person]
    named = [m for m in same if m.start == person.role_org_start]
    tokens = seg.tokens
    sentence = tokens[person.first_token].sentence
    if named and tokens[named[0].first_token].sentence != sentence:
        named = [m for m in same if tokens[m.first_token].sentence == sentence and m.first_token >= person.last_token][:1] \
            or named
    return (named or sorted(same, key=lambda m: abs(m.start - person.start)) or [None])[0]
