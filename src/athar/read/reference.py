"""Mentions of names the lexicons know: the gazetteer, kinds of facility, and anaphors
("التنظيم", "المدينة") resolved to the nearest fitting mention before them."""

from __future__ import annotations

from athar.read.entity import (ENTITY_TYPES, INSTITUTIONS, SETTING, Mention, directions, is_a, is_nisba, known_noun,
                               modifier, nisba_country, slug)
from athar.read.function_words import function_words
from athar.read.text import ARTICLE, COMMAS, normalize_word


class History:
    """The mentions found so far in a text, searched for the antecedents of anaphors.

    Mentions are only ever added while a text is read, so a search goes on from where the
    same search (same type, noun and keys) stopped, over the mentions added since: a long
    text costs no more per anaphor than a short one."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = mentions
        self._searched: dict[tuple, tuple[int, Mention | None, Mention | None]] = {}
        # (a country's key, only a place inside it) -> (mentions searched, named)
        self.countries: dict[tuple[str, bool], tuple[int, bool]] = {}
        # "سلاح الجو السوري ... وقصف سلاح الجو": the state's body a noun of arms was last named with,
        # by that noun (the body's own name does not hold it: the Syrian army's does not hold "سلاح")
        self.arms: dict[str, Mention] = {}

    def antecedent(self, etype: str, head: str = "", only: tuple[str, ...] = (), seg=None) -> Mention | None:
        """The nearest earlier mention of a type; one whose label holds the anaphor's noun wins (or, given
        the text ``seg``, one that bears it as the cue word its name opens with: "قضاء تلعفر" for "القضاء")."""
        key = (etype, head, only, seg is not None)
        seen, named, nearest = self._searched.get(key, (0, None, None))
        new_named = new_nearest = None
        for k in range(len(self.mentions) - 1, seen - 1, -1):  # the mentions added since, nearest first
            m = self.mentions[k]
            # "مسلحين ينتمون إلى التنظيم": a definite noun points back to a group named as such, not
            # to people a source names by a common word (gunmen, civilians: the gazetteer's document scope)
            if not (is_a(m.type, etype) and m.source != "kind" and (not only or m.key in only)) \
                    or m.scope == "document" and m.source == "gazetteer":
                continue
            if new_nearest is None:
                new_nearest = m
            if not head or (head in normalize_word(m.label_ar) if seg is None else _bears(seg, m, head)):
                new_named = m
                break
        named, nearest = new_named or named, new_nearest or nearest
        self._searched[key] = (len(self.mentions), named, nearest)
        return named or nearest



def lexicon_mention(seg, i, hit, gaz, history) -> list[Mention] | None:
    prefix, end, payload, marker = hit
    start, stop = seg.tokens[i].start + prefix, seg.tokens[end - 1].end  # span(seg, i, end, prefix), inlined
    kind = payload[0]
    if kind == "gaz":
        e = gaz[payload[1]]
        part = countryside_part(seg, i, prefix, end, e, marker)
        if part is not None:
            return [part]
        if e.scope == "document" and is_a(e.type, "Armed") and end - i == 1 and not prefix and _describing(seg, i):
            # "الهجوم الانتحاري", "عملية انتحارية": an adjective of the attack, no one (the adjective of
            # a kind of people still says who they are: "الضحايا المدنيين")
            return None
        return [Mention(start, stop, i, end, e.key, e.type, e.label_ar, e.label_en, e.scope,
                        "gazetteer", marker, e.parent, e.wikidata, e.wikidata_source)]
    if kind == "kind":
        _, key, etype, ar, en = payload
        return [Mention(start, stop, i, end, f"{key}-{start}", etype, seg.norm.original[
            slice(*seg.norm.to_original(start, stop))], en, "mention", "kind", marker)]
    _, etype, default, only, refers, not_before = payload
    if not_before and any(t.text in not_before for t in seg.tokens[end:end + _NOT_BEFORE]):
        return None  # "القضاء على داعش": wiping out, no district
    head = seg.tokens[i].text[prefix:] if end - i == 1 else ""
    subject = refers == _SUBJECT
    if only and is_a(etype, "Armed"):
        # "الطائرات الحربية السورية", "المدفعية التركية": a state's arms its country's adjective names (after
        # one more adjective at most) are that state's forces, the one of ``only`` bearing that adjective
        for k in (end, end + 1):
            if k >= len(seg.tokens) or k > end and not _describes(seg, end):
                break
            e = _state_body(seg, gaz, only, seg.tokens[k].text)
            if e is not None:
                m = Mention(start, seg.tokens[k].end, i, k + 1, e.key, e.type, e.label_ar, e.label_en, e.scope,
                            "gazetteer", marker, e.parent, e.wikidata, e.wikidata_source)
                history.arms[_arms_noun(seg, i, prefix)] = m
                return [m]
    home = _home(seg, gaz, default)
    if home is not None and end < len(seg.tokens) and seg.tokens[end].text.startswith(ARTICLE) \
            and seg.tokens[end].text not in function_words(seg.language, "relative"):
        return None  # "النظام الصحي", "النظام العام": the noun its adjective names, no state's body
    if etype == "ArmedForce" and not only and end < len(seg.tokens) \
            and (_is_adjective(seg, end) or _describes(seg, end)):
        return None  # "القوات الكردية", "القوات الخاصة": forces their adjective names (a cue reads them)
    if etype == "Country" and end < len(seg.tokens):
        country = nisba_country(seg.language, seg.tokens[end].text)
        if country is not None:  # "الأراضي السورية", "المملكة الأردنية": the country its adjective names
            return [Mention(start, seg.tokens[end].end, i, end + 1, country.key, country.type, country.label_ar,
                            country.label_en, country.scope, "gazetteer", marker, country.parent, country.wikidata,
                            country.wikidata_source)]
    antecedent = (subject and _subject_of(seg, i, etype, history)) or history.antecedent(
        etype, head.removeprefix(ARTICLE), only, seg if refers == _NAMED else None)
    noun = seg.tokens[i].text[prefix:].removeprefix(ARTICLE)  # "الطائرات الحربية": its noun, the first word
    if refers == _NAMED and antecedent is not None and not _bears(seg, antecedent, noun):
        antecedent = None  # "المتحدث باسم القيادة": only a command named before, not any body
    if refers == _NAMED and antecedent is None and only:
        antecedent = history.arms.get(_arms_noun(seg, i, prefix))  # the state's arms named before by this noun
    if refers == _OR_NAMED and antecedent is None:
        # "فصائل عملية درع الفرات ... وكانت الفصائل سيطرت": none of only named before, the body named by its noun
        antecedent = history.antecedent("Armed" if is_a(etype, "Armed") else etype, noun, (), seg)
        if antecedent is not None and not _bears(seg, antecedent, noun):
            antecedent = None
    if etype in INSTITUTIONS and end < len(seg.tokens) and _is_adjective(seg, end) and (
            antecedent is None or seg.tokens[end].text not in normalize_word(antecedent.label_ar).split()):
        # "الحكومة النيجيرية": an institution its adjective names is not the one named before
        # (unless that one bears the adjective too: "المجلس العسكري" for "المجلس العسكري لمنبج");
        # the noun and its adjective name it ("المجلس السوري"), labelled in Arabic alone
        stop = seg.tokens[end].end
        words = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
        country = nisba_country(seg.language, seg.tokens[end].text)
        return [Mention(start, stop, i, end + 1, f"{etype.lower()}-{slug(normalize_word(words))}",
                        etype if etype in ENTITY_TYPES else "GovernmentBody", words, words, "global", "cue",
                        marker, country.key if country is not None else "")]
    if antecedent is not None:
        a = antecedent
        return [Mention(start, stop, i, end, a.key, a.type, a.label_ar, a.label_en, a.scope, "anaphor",
                        marker, a.parent, a.wikidata, a.wikidata_source, implied=True)]
    if antecedent is None and etype in _FACILITIES and end < len(seg.tokens) and _describes(seg, end):
        # "الجسر القديم", "المستشفى الوطني" named before nothing: the facility its adjective names
        stop = seg.tokens[end].end
        words = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
        return [Mention(start, stop, i, end + 1, f"{etype.lower()}-{slug(normalize_word(words))}", etype, words,
                        words, "document", "cue", marker)]
    if default == SETTING and antecedent is None and only:
        # "القوة الجوية", "سلاح الجو" alone, none named before: the state's own, of the one country the text is set in
        e = _setting_body(seg, gaz, history, only)
        if e is not None:
            return [Mention(start, stop, i, end, e.key, e.type, e.label_ar, e.label_en, e.scope, "anaphor",
                            marker, e.parent, e.wikidata, e.wikidata_source, implied=True)]
    if default and default in gaz and (home is None or _set_in(seg, gaz, history, home)):
        e = gaz[default]
        return [Mention(start, stop, i, end, e.key, e.type, e.label_ar, e.label_en, e.scope, "anaphor",
                        marker, e.parent, e.wikidata, e.wikidata_source, implied=True)]
    return None


def _bears(seg, a: Mention, noun: str) -> bool:
    """Whether mention ``a`` bears ``noun``: in its label ("القيادة": "قيادة العمليات المشتركة") or as the cue
    word its name opens with, which the label leaves out ("الحي": "حي النور", labelled "النور")."""
    if noun in normalize_word(a.label_ar):
        return True
    if a.source != "cue" or a.first_token >= len(seg.tokens):
        return False
    word = seg.tokens[a.first_token].text
    return noun in (word, word[1:]) or word[1:].removeprefix(ARTICLE) == noun


def _arms_noun(seg, i: int, prefix: int) -> str:
    """The noun of a state's arms, without its article ("سلاح الجو", "القوة الجوية": "سلاح", "قوة")."""
    return normalize_word(seg.tokens[i].text[prefix:]).removeprefix(ARTICLE)


def _country_of(seg, label: str):
    """The country the last word of a body's Arabic name names by its adjective ("الجيش السوري": Syria)."""
    words = normalize_word(label).split()
    return nisba_country(seg.language, words[-1]) if len(words) > 1 else None


def _state_body(seg, gaz, only: tuple[str, ...], word: str):
    """The one of ``only`` that bears the adjective of the country ``word`` names, or None."""
    country = nisba_country(seg.language, word) if is_nisba(word) else None
    if country is None:
        return None
    return next((gaz[k] for k in only if k in gaz and (c := _country_of(seg, gaz[k].label_ar)) is not None
                 and c.key == country.key), None)


def _home(seg, gaz, default: str | None):
    """The country of a default that is a state's body ("النظام": the Syrian army), None for any other
    default ("التنظيم": the Islamic State; "المملكة", a country itself)."""
    if not default or default not in gaz or gaz[default].type == "Country":
        return None
    return _country_of(seg, gaz[default].label_ar)


def _setting_body(seg, gaz, history: History, only: tuple[str, ...]):
    """The one of ``only`` whose country is the one the text is set in, or None: a place inside that country
    named before ("الأنبار", "قضاء القائم": Iraq; the country's own name may be any party's), and inside no
    other country of ``only``'s bodies; two bodies of that country give none."""
    bodies = [(gaz[k], c) for k in only if k in gaz and (c := _country_of(seg, gaz[k].label_ar)) is not None]
    settings = {c.key for _, c in bodies if _set_in(seg, gaz, history, c, inside=True)}
    found = [e for e, c in bodies if c.key in settings]
    return found[0] if len(settings) == 1 and len(found) == 1 else None


def _set_in(seg, gaz, history: History, country, inside: bool = False) -> bool:
    """Whether the text names, before, the country or a place in it (``inside``: a place in it): "النظام"
    names the Syrian army in news set in Syria, and nothing in a text that is not."""
    # mentions are only added: the search goes on from where the last one for this country stopped
    scanned, found = history.countries.get((country.key, inside), (0, False))
    mentions = history.mentions
    for m in mentions[scanned:] if not found else ():
        if inside and m.key == country.key:
            continue
        key, seen = m.key if m.key in gaz else m.parent, set()  # "ريف السويداء الشرقي": a part of a place
        while key and key not in seen:
            if key == country.key:
                found = True
                break
            seen.add(key)
            key = gaz[key].parent if key in gaz else ""
        if found:
            break
    history.countries[(country.key, inside)] = (len(mentions), found)
    return found


_NOT_BEFORE = 4  # the words after an anaphor its not_before words are looked for in ("القضاء خلال العمليات على")
_SUBJECT, _NAMED = "subject", "named"  # anaphora.tsv's refers: the first its sentence names; one that bears its noun
_OR_NAMED = "or_named"  # anaphora.tsv's refers: one of only, else one that bears its noun


# a relative adjective: "انتحاري", "انتحارية", "انتحاريا", "انتحاريين", "انتحاريان", "انتحاريون"
_NISBA_ENDS = ("ي", "يه", "ية", "يا", "يين", "يان", "يون")
_HAMZA_SEAT = "ئ"


def _describing(seg, i: int) -> bool:
    """Whether token i, a relative adjective of the words that name kinds of fighters ("انتحاري":
    a suicide bomber), describes the noun right before it, with which it
    agrees: both with the article ("الهجوم الانتحاري", "الهجومين الانتحاريين"), both feminine
    ("عملية انتحارية"), both accusative ("هجوما انتحاريا"), both dual or plural. After a verb ("فجر انتحاري") or a particle ("إن انتحاريا") it
    names someone."""
    tokens = seg.tokens
    word = tokens[i].text
    if i == 0 or not word.endswith(_NISBA_ENDS) or tokens[i - 1].sentence != tokens[i].sentence \
            or seg.norm.text[tokens[i - 1].end:tokens[i].start].strip():
        return False
    # the ya of a participle's hamza ("لاجئة": a refugee, "جثة لاجئة" her body) is no nisba's
    if _HAMZA_SEAT in seg.norm.original[slice(*seg.norm.to_original(tokens[i].start, tokens[i].end))][-4:]:
        return False
    before = tokens[i - 1].text
    if len(before) < 3 or before in _particles(seg.language):
        return False
    if word.startswith(ARTICLE):
        return before.startswith(ARTICLE)
    if before.startswith(ARTICLE):
        return False
    return any(word.endswith(ours) and before.endswith(theirs) for ours, theirs in _AGREEING)


# the ending of an indefinite adjective and of the noun it agrees with: feminine, accusative, dual
# and plural ("عملية انتحارية", "هجوما انتحاريا", "هجومين انتحاريين", "هجومان انتحاريان")
_AGREEING = ((("ية", "يه"), ("ة", "ه")), ("يا", "ا"), ("يين", "ين"), ("يان", "ان"), ("يون", "ون"))


def _particles(lang) -> frozenset[str]:
    return function_words(lang, "complementizer") | function_words(lang, "relative") \
        | function_words(lang, "preposition")


def _subject_of(seg, i: int, etype: str, history: History) -> Mention | None:
    """"شن التنظيم هجوماً على معاقل قسد، وبدأه بتنفيذ أحد عناصره": a possessive pronoun on a
    group's members is the group the sentence is about, the first of its type the sentence names."""
    tokens, first = seg.tokens, None
    sentence = tokens[i].sentence
    # "قال التحالف إن الجيش سيقوم بسحب قواته": a clause of its own ("إن") has its own subject
    openers = function_words(seg.language, "complementizer")
    start = i
    while start > 0 and tokens[start - 1].sentence == sentence and tokens[start - 1].text not in openers:
        start -= 1
    speaker = clause_speaker = None
    # "دخل الجيش القائم، فيما أعلن التنظيم أن مقاتليه انسحبوا": after a comma a new clause has a
    # speaker of its own
    comma = next((j for j in range(start - 1, -1, -1) if tokens[j].sentence != sentence or tokens[j].text in COMMAS), -1)
    for m in reversed(history.mentions):
        if m.first_token < start:
            # "أعلنت قيادة العمليات المشتركة أن قواتها حررت": a clause said that names no one before
            # the pronoun speaks of the forces of its speaker, the first body its clause names, else
            # the first its sentence names
            if first is not None or tokens[m.first_token].sentence != sentence or start == 0 \
                    or tokens[start - 1].text not in openers:
                break
            if is_a(m.type, "Organization") and m.source != "kind":
                speaker = m
                if m.first_token > comma:
                    clause_speaker = m
            continue
        if is_a(m.type, etype) and m.source != "kind":
            first = m
    return first or clause_speaker or speaker


def countryside_part(seg, j, skip, end, e, marker, cue=None) -> Mention | None:
    """"ريف دير الزور الشرقي" (the gazetteer's "ريف X" at tokens j..end, its first ``skip``
    characters a clitic, a direction after it): a part of X's countryside, a region in X, not all
    of it. ``cue``: (token, clitic) of a cue word before it ("قرى ريف دير الزور الشرقي")."""
    tokens = seg.tokens
    if tokens[j].text[skip:] != _COUNTRYSIDE or end >= len(tokens) or tokens[end].text not in directions(seg.language):
        return None
    first, prefix = cue if cue is not None else (j, skip)
    stop = tokens[end].end
    words = seg.norm.original[slice(*seg.norm.to_original(tokens[j].start + skip, stop))]
    en = f"{directions(seg.language)[tokens[end].text]} countryside of {e.label_en}"
    return Mention(tokens[first].start + prefix, stop, first, end + 1, f"region-{slug(normalize_word(words))}",
                   "Region", words, en, "global", "cue", marker, e.key)


def countryside_direction(m: Mention) -> str:
    """The stem of the direction of a part of a countryside ("شرق" for "ريف دير الزور الشرقي"),
    "" for any other mention."""
    words = normalize_word(m.label_ar).split()
    if m.type != "Region" or not m.parent or len(words) < 3 or words[0] != _COUNTRYSIDE:
        return ""
    return words[-1].removeprefix(ARTICLE).removesuffix("ي")


_COUNTRYSIDE = "ريف"
_FACILITIES = frozenset({"Hospital", "Bridge", "Dam", "MilitaryBase", "Mosque", "School"})


def _describes(seg, k: int) -> bool:
    """Whether token k is an adjective with the article: a relative one ("الوطني") or one of
    modifiers.tsv without its article ("القديم": قديم)."""
    word = seg.tokens[k].text
    if not word.startswith(ARTICLE):
        return False
    known = modifier(seg.language, word[len(ARTICLE):])
    return _is_adjective(seg, k) or (known is not None and known[0] in ("quantifier", "adjective"))


def _is_adjective(seg, k: int) -> bool:
    """Whether token k ends like a relative adjective with the article and is no noun the lexicons
    know ("الطائرات الحربية القرية": the village the planes struck, no adjective of theirs)."""
    return is_nisba(seg.tokens[k].text) and not known_noun(seg.language, seg.tokens[k].text)
