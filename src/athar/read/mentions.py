"""Entity mentions: gazetteer, cue words, kinds, titles and anaphora, clitic-aware.

Names, cues and titles are found by :class:`athar.read.phrases.PhraseMatcher` on tokens of
normalized text: a proclitic chain (و ف ب ل ك and the article, "لل" for ل + ال) may
precede the first word of a form; quotation marks inside a name are skipped
("قوات “سوريا الديمقراطية”"). Mentions carry normalized offsets;
:func:`athar.read.text.Normalized.to_original` gives the words.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import compress, count
from operator import attrgetter, methodcaller

from athar.read.cue import cue_mention
from athar.read.entity import (COUNTRYSIDE_PART, ENTITY_TYPES, Entry, Mention, _cue_matcher, _gazetteer_matcher,
                               _kunya_matcher, _mention_starts, title_matcher, directions, gazetteer, is_a, is_nisba, known_noun,
                               modifier, modifiers, nisba_country, slug, stopwords)
from athar.read.function_words import function_word, function_words
from athar.read.materiel import materiel_phrases
from athar.read.person import kunya_person, person_mention
from athar.read.reference import History, lexicon_mention
from athar.read.romanization import communities, english_label, romanize
from athar.read.surname import family_name_mentions
from athar.read.text import ARTICLE, LAM, WAW, Doc, normalize_word

__all__ = ["ENTITY_TYPES", "Entry", "Mention", "extract_mentions", "gazetteer", "is_a", "romanize", "stopwords"]


def extract_mentions(seg: Doc) -> list[Mention]:
    """All entity mentions of a segmented text, in order, non-overlapping."""
    tokens, lang = seg.tokens, seg.language
    gaz = gazetteer(lang)
    matcher, cues, titles = _gazetteer_matcher(lang), _cue_matcher(lang), title_matcher(lang)
    kunyas = _kunya_matcher(lang)
    mentions: list[Mention] = []
    history = History(mentions)
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
        found = lexicon_mention(seg, i, hit, gaz, history) if hit is not None else None
        cued = cue_mention(seg, i, cues, matcher, gaz, history) if cues in here else None
        if cued is None and titles in here:
            cued = person_mention(seg, i, titles, matcher, gaz, history)
        if cued is None and found is None and kunyas in here:
            cued = kunya_person(seg, i, kunyas, matcher)  # "أبو عائشة الأنصاري"
        reach = _reach(found) if found is not None else 0
        if cued is not None:
            cued_reach = _reach(cued)
            if found is not None and cued_reach > reach and all(t.text == '"' for t in tokens[reach:cued_reach]):
                cued_reach = reach  # "مخيم “الهول”": the closing quote makes the cue's name no longer
            # a title and a name as long as a known name: the person, unless the known name is a
            # place's that holds the title word ("السيدة زينب", a town, not Mrs Zaynab)
            if found is None or cued_reach > reach or cued_reach == reach and cued[0].source == "person" \
                    and not (found[0].source == "gazetteer" and is_a(found[0].type, "Place")):
                found, reach = cued, cued_reach
        if found is None:
            i += 1
            continue
        if found[0].source == "cue":
            whole = _whole_name(seg, found[0], cues, gaz)
            if whole is not None:  # "حي هشام بن عبد الملك": the name goes on after "بن"
                found = [whole] + found[1:]
                reach = max(reach, whole.last_token)
        mentions.extend(found)
        i = max(i + 1, reach)
    # by start, the longer first at the same start: two stable sorts, the second keeping
    # the order of the first among mentions of the same start
    mentions.sort(key=_END, reverse=True)
    mentions.sort(key=_START)
    mentions = _with_community(seg, _construct_names(seg, _named_with_adjectives(seg, mentions, gaz), gaz), gaz)
    mentions = _capitals(seg, _countryside_parts(seg, _no_quantities(seg, mentions, gaz)), gaz)
    mentions = materiel_phrases(seg, _without_name_tails(seg, mentions))  # "أسلحة وذخائر", "آلية تحمل مقاتلين"
    again = family_name_mentions(seg, mentions)  # "وقال العبيدي إن": a person named before, again
    return sorted(mentions + again, key=_START) if again else mentions


def _construct_names(seg: Doc, mentions: list[Mention], gaz) -> list[Mention]:
    """A place's name after its head noun whose first word looks like a relative adjective without
    the article and whose second has it ("قضاء عامرية الصمود", "ناحية حمدانية الشرقاط"): a genitive
    construct, a noun and the noun it governs, is a name; an adjective describing the head noun
    ("قرى مسيحية") would take no defined noun after it."""
    tokens, lang = seg.tokens, seg.language
    ends = [k for k in compress(count(), map(methodcaller("endswith", _NISBA_END), seg.texts))
            if 0 < k < len(tokens) - 1 and not tokens[k].text.startswith(ARTICLE)]
    if not ends and _OPEN not in seg.texts:
        return mentions
    cues, stop, listed = _cue_matcher(lang), stopwords(lang), modifiers(lang)
    covered = {k for m in mentions for k in range(m.first_token, m.last_token)}
    added = []
    for k in ends:
        i, word, after = k - 1, tokens[k], tokens[k + 1]
        hit = cues.match_at(tokens, i)
        if hit is None or hit[1] != k or covered & {i, k, k + 1} or (i > 0 and tokens[i - 1].is_number):
            continue
        etype, en_pattern, keep, dual = hit[2][:4]
        if keep or dual or not is_a(etype, "Place") or modifier(lang, word.text) != ("adjective", "") \
                or word.text in stop or not after.is_word or not after.text.startswith(ARTICLE) \
                or after.text in stop or after.text.removeprefix(ARTICLE) in listed or after.text in listed \
                or nisba_country(lang, after.text) is not None \
                or len({tokens[i].sentence, word.sentence, after.sentence}) > 1 \
                or word.start - tokens[i].end > 1 or after.start - word.end > 1:
            continue
        added.append(_cue_named(seg, i, hit, k, k + 2, k + 2))
    added += _bracketed_names(seg, mentions, cues, gaz)
    if not added:
        return mentions
    # a name in brackets the gazetteer knows with its head noun is read once, as the whole; a
    # head noun read as a kind is read once, with its name
    whole = [(m.first_token, m.last_token) for m in added if m.key in gaz]
    named = {m.first_token for m in added}
    mentions = [m for m in mentions if not (_kind_word(m) and m.first_token in named)]
    out = [m for m in mentions if not any(a <= m.first_token and m.last_token <= b for a, b in whole)] + added
    out.sort(key=_END, reverse=True)
    out.sort(key=_START)
    return out


_NISBA_END = ("يه", "ية")
_OPEN, _CLOSE = "(", ")"
_BRACKETED_MAX = 3  # words of a name in brackets after its head noun


def _bracketed_names(seg: Doc, mentions: list[Mention], cues, gaz) -> list[Mention]:
    """A name news puts in brackets after its head noun, as it puts one in quotation marks:
    "منطقة (بادوش)", "قناة (الرافدين)". A name the gazetteer knows is read by itself."""
    tokens = seg.tokens
    opens = [k for k in compress(count(), map((_OPEN).__eq__, seg.texts)) if 0 < k < len(tokens) - 2]
    if not opens:
        return []
    # "مدرسة (التجارة)": the head noun read as a kind (a school unnamed) is named by the brackets
    covered = {k for m in mentions if not _kind_word(m) for k in range(m.first_token, m.last_token)}
    known, out = _gazetteer_matcher(seg.language), []
    for k in opens:
        i = k - 1
        hit = cues.match_at(tokens, i)
        if hit is None or hit[1] != k or hit[2][3] or hit[2][4] in ("only", "described") or i in covered \
                or (i > 0 and tokens[i - 1].is_number):
            continue
        close = next((c for c in range(k + 1, min(len(tokens), k + 2 + _BRACKETED_MAX)) if tokens[c].text == _CLOSE),
                     None)
        whole = _known_with_head(seg, i, hit, k + 1, close, known, gaz) if close is not None else None
        if whole is not None:  # "مخيم (الهول)" is the camp the gazetteer knows, not the town
            out.append(whole)
            continue
        if close is None or close == k + 1 or covered & set(range(k + 1, close)) \
                or not all(t.is_word and t.text not in stopwords(seg.language) for t in tokens[k + 1:close]) \
                or known.match_at(tokens, k + 1) is not None or tokens[close].sentence != tokens[i].sentence:
            continue
        out.append(_cue_named(seg, i, hit, k + 1, close, close + 1))
    return out


def _kind_word(m: Mention) -> bool:
    """Whether a mention is a head noun alone read as a kind ("مدرسة": a school, unnamed)."""
    return m.source == "kind" and m.last_token == m.first_token + 1


def _known_with_head(seg: Doc, i: int, hit, first: int, last: int, known, gaz) -> Mention | None:
    """The entity the gazetteer knows by a head noun and the name in brackets after it, read
    without the brackets ("مخيم (الهول)" as "مخيم الهول"), over the tokens i to the bracket's close."""
    tokens = seg.tokens
    if last <= first or tokens[last].sentence != tokens[i].sentence:
        return None
    words = seg.language.make_doc(" ".join(t.text for t in tokens[i:hit[1]] + tokens[first:last])).tokens
    found = known.match_at(words, 0)
    if found is None or found[0] != hit[0] or found[1] != len(words) or found[2][0] != "gaz":
        return None
    e = gaz[found[2][1]]
    return Mention(tokens[i].start + hit[0], tokens[last].end, i, last + 1, e.key, e.type, e.label_ar, e.label_en,
                   e.scope, "cue", hit[3], e.parent, e.wikidata, e.wikidata_source)


def _cue_named(seg: Doc, i: int, hit, first: int, last: int, end: int) -> Mention:
    """The mention of a name (tokens first to last) a cue word at token i introduces, over the
    tokens i to end: labelled with the cue when the cue is part of the name (cues.tsv keep)."""
    tokens = seg.tokens
    etype, en_pattern, keep = hit[2][:3]
    name_ar = seg.norm.original[slice(*seg.norm.to_original(tokens[first].start, tokens[last - 1].end))]
    head_ar = seg.norm.original[slice(*seg.norm.to_original(tokens[i].start + hit[0], tokens[hit[1] - 1].end))]
    label_ar = f"{head_ar} {name_ar}" if keep else name_ar
    label_en, guessed = english_label(seg, name_ar, en_pattern, label_ar)
    key = f"{etype.lower()}-{slug(normalize_word(label_ar) if keep else ' '.join(t.text for t in tokens[first:last]))}"
    return Mention(tokens[i].start + hit[0], tokens[end - 1].end, i, end, key, etype, label_ar, label_en, "global",
                   "cue", hit[3], label_guessed=guessed)
_COMMUNITY_MAX = 2  # words of a community after a church's name ("الروم الأرثوذكس")


def _with_community(seg: Doc, mentions: list[Mention], gaz) -> list[Mention]:
    """A church's name goes on with the community or rite it belongs to (romanization.tsv, kind
    community): "كنيسة السريان الكاثوليك", "كنيسة مار توما للسريان" is cut by its preposition."""
    tokens, lang = seg.tokens, seg.language
    words = communities(lang)
    if not words.intersection(seg.texts):
        return mentions
    cues, starts = _cue_matcher(lang), {m.first_token for m in mentions}
    out = []
    for m in mentions:
        end = m.last_token
        hit = cues.match_at(tokens, m.first_token) if m.source == "cue" and is_a(m.type, "Facility") \
            and m.key not in gaz else None
        while hit is not None and hit[2][2] is True and end < len(tokens) and end - m.last_token < _COMMUNITY_MAX \
                and end not in starts and tokens[end].text in words \
                and tokens[end].sentence == tokens[m.first_token].sentence and tokens[end].start - tokens[end - 1].end <= 1:
            end += 1
        if end == m.last_token:
            out.append(m)
            continue
        stop_ = tokens[end - 1].end
        label_ar = seg.norm.original[slice(*seg.norm.to_original(m.start, stop_))]
        label_ar = label_ar.replace('"', "").replace("“", "").replace("”", "")
        name_ar = seg.norm.original[slice(*seg.norm.to_original(tokens[hit[1]].start, stop_))]
        label_en, guessed = english_label(seg, name_ar, hit[2][1], label_ar)
        out.append(replace(m, end=stop_, last_token=end, key=f"{m.type.lower()}-{slug(normalize_word(label_ar))}",
                           label_ar=label_ar, label_en=label_en, label_guessed=guessed))
    return out


_DESCRIBING = ("adjective", "quantifier", "verb")  # modifiers.tsv kinds that describe, name nothing
_ADJECTIVES_MAX = 2  # relative adjectives a body's name may end with ("هيئة العلاقات الخارجية")


def _named_with_adjectives(seg: Doc, mentions: list[Mention], gaz) -> list[Mention]:
    """A body named by its head noun and a noun ("هيئة العلاقات", "مديرية الدفاع") whose name goes
    on with relative adjectives ("هيئة العلاقات الخارجية", "مديرية الدفاع المدني"): the mention
    over the whole name. Not an adjective of nationality ("وزارة الدفاع الأمريكية": the country's)
    nor one that describes ("الإرهابية", modifiers.tsv)."""
    tokens, lang = seg.tokens, seg.language
    cues = _cue_matcher(lang)
    starts = {m.first_token for m in mentions}
    out: list[Mention] = []
    renamed: dict[str, str] = {}
    for m in mentions:
        hit = cues.match_at(tokens, m.first_token) if m.source == "cue" and is_a(m.type, "Organization") \
            and m.key not in gaz and not tokens[m.last_token - 1].is_number else None  # "الفوج 2 المنضوي في"
        end = m.last_token
        while hit is not None and hit[2][2] is True and end < len(tokens) and end - m.last_token < _ADJECTIVES_MAX \
                and end not in starts and is_nisba(tokens[end].text) and not known_noun(lang, tokens[end].text) \
                and tokens[end].sentence == tokens[m.first_token].sentence \
                and tokens[end].start - tokens[end - 1].end <= 1 and nisba_country(lang, tokens[end].text) is None \
                and modifiers(lang).get(tokens[end].text.removeprefix(ARTICLE), ("",))[0] not in _DESCRIBING \
                and tokens[end].text not in stopwords(lang):
            end += 1
        if end == m.last_token:
            out.append(m)
            continue
        first = hit[1]
        start, stop_ = tokens[m.first_token].start, tokens[end - 1].end
        label_ar = seg.norm.original[slice(*seg.norm.to_original(m.start, stop_))].replace('"', "")
        name_ar = seg.norm.original[slice(*seg.norm.to_original(tokens[first].start, stop_))]
        label_en, guessed = english_label(seg, name_ar, hit[2][1], label_ar)
        key = f"{m.type.lower()}-{slug(normalize_word(label_ar))}"
        renamed[m.key] = key
        out.append(replace(m, end=stop_, last_token=end, key=key, label_ar=label_ar, label_en=label_en,
                           label_guessed=guessed))
    if renamed:  # the people whose office names the body: "المسؤول في هيئة العلاقات الخارجية X"
        for n, m in enumerate(out):
            role, _, key = m.role_of.partition(":")
            if key in renamed:
                out[n] = replace(m, role_of=f"{role}:{renamed[key]}")
    return out


_NAME_MAX = 5  # words of a name after a cue, when "بن" or "أبو" carry it on


def _whole_name(seg: Doc, m: Mention, cues, gaz) -> Mention | None:
    """A name after a cue word that stops on a word opening a longer name ("بن", "أبو", "عبد":
    function_words.tsv name_part) goes on to the words after it: "مدرسة عمار بن ياسر", "حي هشام
    بن عبد الملك", "جامع خالد بن الوليد". The mention over the whole name; None when it is whole."""
    tokens, lang = seg.tokens, seg.language
    parts, stop = function_words(lang, "name_part"), stopwords(lang)
    hit = cues.match_at(tokens, m.first_token)
    if hit is None or m.key in gaz or m.last_token >= len(tokens) or tokens[m.last_token - 1].text not in parts:
        return None
    end = m.last_token
    while end < len(tokens) and end - hit[1] < _NAME_MAX and tokens[end].is_word \
            and tokens[end].text not in stop and tokens[end].sentence == tokens[m.first_token].sentence \
            and tokens[end].start - tokens[end - 1].end <= 1:
        end += 1
        if tokens[end - 1].text not in parts:
            break  # "بن ياسر": the name after the part ends it, "بن عبد الملك" takes one more
    if end == m.last_token or tokens[end - 1].text in parts:
        return None
    etype, en_pattern, keep = hit[2][0], hit[2][1], hit[2][2]
    first = hit[1]
    start, stop_ = tokens[first].start, tokens[end - 1].end
    name_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop_))]
    whole_ar = seg.norm.original[slice(*seg.norm.to_original(m.start, stop_))]
    label_ar = (whole_ar if keep else name_ar).replace('"', "").replace("“", "").replace("”", "")
    name_norm = " ".join(t.text for t in tokens[first:end])
    key = f"{etype.lower()}-{slug(normalize_word(label_ar) if keep else name_norm)}"
    label_en, guessed = english_label(seg, name_ar, en_pattern, label_ar)
    return replace(m, end=stop_, last_token=end, key=key, label_ar=label_ar, label_en=label_en,
                   label_guessed=guessed)


def _no_quantities(seg: Doc, mentions: list[Mention], gaz) -> list[Mention]:
    """"قرى بير شلال وعجاج وعدد من المزارع": a word of a list of places that the partitive "من"
    follows, and no name after it, counts things ("عدد من", "جملة من"); it names no place."""
    tokens, partitive = seg.tokens, function_word(seg.language, "partitive")
    starts = {m.first_token for m in mentions}
    out = []
    for m in mentions:
        k = m.last_token
        if m.source == "cue" and m.key not in gaz and is_a(m.type, "Settlement") and m.last_token - m.first_token == 1 \
                and k + 1 < len(tokens) and tokens[k].text == partitive and k + 1 not in starts \
                and tokens[m.first_token].text.startswith(WAW):
            continue
        out.append(m)
    return out


def _without_name_tails(seg: Doc, mentions: list[Mention]) -> list[Mention]:
    """"تنظيم الدولة الإسلامية في العراق والشام", "بتنظيم /داعش/ في العراق والشام": the places of
    an armed group's own name after its short name (function_words "group_name_tail") are part of
    the name, no place where what the sentence tells happened."""
    tails = [tuple(f.split()) for f in function_words(seg.language, "group_name_tail")]
    texts = seg.texts
    if not any(t[-1] in texts for t in tails):  # most texts name no group so
        return mentions
    tokens = seg.tokens
    inside: set[int] = set()
    for m in mentions:
        if not is_a(m.type, "Armed"):
            continue
        j = m.last_token
        while j < len(tokens) and not tokens[j].is_word and j - m.last_token < 2:
            j += 1  # "داعش/ في", "داعش" في"
        for tail in tails:
            if tuple(texts[j:j + len(tail)]) == tail:
                inside.update(range(j, j + len(tail)))
    if not inside:
        return mentions
    return [m for m in mentions if not (m.first_token in inside and is_a(m.type, "Place"))]


_COUNTRYSIDE = "الريف"
_GROUNDS = ("Governorate", "City")


def _countryside_parts(seg: Doc, mentions: list[Mention]) -> list[Mention]:
    """"في الريف الشمالي الغربي" with no place after it: a part of the countryside of the city or
    governorate named last before it (or of the countryside named so: "ريف الرقة الغربي"), a
    region in it, as large as a district. "الريف الشرقي لدير الزور" names its place itself."""
    tokens, lang = seg.tokens, seg.language
    out, added = list(mentions), False
    # the tokens that end with the word, found in one scan (most texts have none)
    ending = list(compress(count(), map(methodcaller("endswith", _COUNTRYSIDE), seg.texts)))
    if not ending:
        return out
    ways = directions(lang)
    covered = {k for m in mentions for k in range(m.first_token, m.last_token)}
    for i in ending:
        t = tokens[i]
        if len(t.text) - len(_COUNTRYSIDE) > 2 or i in covered:
            continue
        end = i + 1
        while end < len(tokens) and end - i <= 2 and tokens[end].text in ways and tokens[end].sentence == t.sentence:
            end += 1
        if end == i + 1 or end < len(tokens) and tokens[end].is_word and tokens[end].text[:1] == LAM \
                and tokens[end].sentence == t.sentence:
            continue  # no direction, or the place after it: "الريف الشرقي لدير الزور"
        before = [m for m in mentions if m.last_token <= i and (m.type in _GROUNDS or m.type == "Region" and m.parent)]
        if not before:
            continue
        ground = before[-1]
        parent = ground.parent if ground.type == "Region" else ground.key
        where = ground.label_en if ground.type != "Region" else ground.label_en.split(" of ", 1)[-1]
        names = [ways[w.text] for w in tokens[i + 1:end]]
        way = "-".join([n.removesuffix("ern") for n in names[:-1]] + names[-1:])
        start = t.start + len(t.text) - len(_COUNTRYSIDE)
        words = seg.norm.original[slice(*seg.norm.to_original(start, tokens[end - 1].end))]
        prefix = t.text[: len(t.text) - len(_COUNTRYSIDE)]
        marker = prefix[-1:] if prefix[-1:] in ("ب", "ل") else ""
        out.append(Mention(start, tokens[end - 1].end, i, end, f"{COUNTRYSIDE_PART}{slug(parent + ' ' + words)}",
                           "Region", words, f"{way} countryside of {where}", "global", "cue", marker, parent))
        added = True
    if added:
        out.sort(key=_END, reverse=True)
        out.sort(key=_START)
    return out


_CAPITAL = frozenset({"عاصمه", "مركز"})


def _capitals(seg: Doc, mentions: list[Mention], gaz) -> list[Mention]:
    """An anaphor in apposition with the place it is the capital of ("بالمدينة، عاصمة محافظة
    الحسكة") is the place named before that lies in it, when the nearest one does not."""
    tokens = seg.tokens
    for k, m in enumerate(mentions[:-1]):
        if m.source != "anaphor" or m.last_token + 2 >= len(tokens) or tokens[m.last_token].text != "،" \
                or tokens[m.last_token + 1].text not in _CAPITAL:
            continue
        region = next((n for n in mentions[k + 1:] if n.first_token == m.last_token + 2), None)
        if region is None or m.parent == region.key:
            continue
        earlier = [e for e in mentions[:k] if e.type == m.type and e.source != "anaphor"
                   and e.key in gaz and gaz[e.key].parent == region.key]
        if earlier:
            e = earlier[-1]
            mentions[k] = Mention(m.start, m.end, m.first_token, m.last_token, e.key, e.type, e.label_ar,
                                  e.label_en, e.scope, "anaphor", m.marker, e.parent, e.wikidata,
                                  e.wikidata_source, implied=True)
    return mentions


_START, _END = attrgetter("start"), attrgetter("end")


def _reach(found: list[Mention]) -> int:
    """The token after the last of ``found`` (one mention, most often)."""
    return found[0].last_token if len(found) == 1 else max(m.last_token for m in found)
