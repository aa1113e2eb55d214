"""Names after cue words: "بلدة X" is a town, "مستشفى X" a hospital, "قوات X" a force
(cues.tsv); a known place after the cue is that place, an unknown name gets a romanized label."""

from __future__ import annotations

from dataclasses import replace

from athar.read.entity import Mention, _cue_matcher, is_a, known_noun, modifier, nisba, slug, span, stopwords
from athar.read.reference import countryside_part, lexicon_mention
from athar.read.function_words import function_affixes, function_words
from athar.read.language import Language, language_data
from athar.read.namespan import LIST_MARKS, QUOTES, TANWEEN, bracket_at, list_opening, name_after, pointing_back
from athar.read.operation import operation_forces_mention, operation_name
from athar.read.romanization import english_label
from athar.read.text import ARTICLE, COMMA, HARAKAT, LAM, TA_MARBUTA, WAW, Doc, normalize_word


_NUMBERED = ("yes", "only")  # cues.tsv, number: the cues a unit's number may follow
_QUOTED = "quoted"  # cues.tsv, keep: a cue that names only a name in quotation marks after it


def _ordinal_after(seg: Doc, k: int) -> tuple[int, int] | None:
    """(value, end) of an ordinal (ordinals.tsv, 1-10) at token k, or after one word with the
    article that says what kind of unit it is ("المدرعة التاسعة"), in the same sentence."""
    tokens, ordinals = seg.tokens, _ordinals(seg.language)
    for at in (k, k + 1):
        if at >= len(tokens) or tokens[at].sentence != tokens[k - 1].sentence:
            return None
        value = ordinals.get(tokens[at].text)
        if value is not None:
            return value, at + 1
        if at > k or not tokens[at].text.startswith(ARTICLE) or tokens[at].text in stopwords(seg.language):
            return None
    return None


@language_data
def _ordinals(lang: Language) -> dict[str, int]:
    """ordinals.tsv, kind unit: "التاسعة" -> 9."""
    return {normalize_word(f): int(row["value"]) for row in lang.table("ordinals.tsv", ("value", "kind", "forms"))
            if row["kind"] == "unit" for f in row.many("forms")}


_FORCE = "ArmedForce"


def cue_mention(seg, i, cues, matcher, gaz, history=None) -> list[Mention] | None:
    hit = cues.match_at(seg.tokens, i)
    if hit is None or (i > 0 and seg.tokens[i - 1].is_number):
        return None  # "75 مدرسة" counts schools, it names none
    prefix, cue_end, (etype, en_pattern, keep, dual, number), marker = hit
    tokens = seg.tokens
    extra = _extras(seg.language).get((etype, en_pattern))
    if extra is not None and i > 0 and tokens[i - 1].text in extra[1]:
        return None  # "عن طريق": by means of, no road
    if number in _NUMBERED and cue_end < len(tokens) and tokens[cue_end].is_number:
        # "اللواء 11", "لواء 14": a unit named by its number ("قتلت القوات 20 مسلحا" counts)
        start, stop = span(seg, i, cue_end + 1, prefix)
        label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
        label_en = f"{en_pattern.replace('{name}', '').strip()} {tokens[cue_end].text}"
        return [Mention(start, stop, i, cue_end + 1, f"{etype.lower()}-{slug(normalize_word(label_ar))}", etype,
                        label_ar, label_en, "global", "cue", marker)]
    ordinal = _ordinal_after(seg, cue_end) if number in _NUMBERED else None
    if ordinal is not None:
        # "الفرقة التاسعة", "الفرقة المدرعة التاسعة", "اللواء الخامس": a unit named by its ordinal,
        # the same unit as the one its number names ("الفرقة 9")
        value, end = ordinal
        start, stop = span(seg, i, end, prefix)
        label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
        head = seg.norm.original[slice(*seg.norm.to_original(*span(seg, i, cue_end, prefix)))]
        label_en = f"{en_pattern.replace('{name}', '').strip()} {value}"
        return [Mention(start, stop, i, end, f"{etype.lower()}-{slug(normalize_word(f'{head} {value}'))}", etype,
                        label_ar, label_en, "global", "cue", marker)]
    if number == "only" or number == _QUOTED and (cue_end >= len(tokens) or tokens[cue_end].text not in QUOTES):
        return None  # "خلية “الصقور”" names a cell; "خلية إرهابية" describes one (cues.tsv keep quoted)
    if number in ("described", "people"):  # "القوات الكردية", "جنود أمريكيون": forces the article describes
        operation = operation_name(seg, cue_end) if is_a(etype, "Armed") else None
        if operation is not None:  # "فصائل عملية «درع الفرات»": the factions that wage a military operation, a force
            return [operation_forces_mention(seg, i, prefix, operation, _FORCE, en_pattern, marker)]
        # "قوة أمنية": a force without the article, described by an adjective without it; not a group or
        # faction ("فصائل مسلحة", "جماعات إرهابية"), of either side as often: a body of no known side
        # unsettles who stands against whom (read/opponent.py)
        definite = extra is not None and extra[2].startswith(ARTICLE) or tokens[i].text[prefix:].startswith(ARTICLE)
        described = description(seg, cue_end, i, number == "people", not definite and etype == _FORCE)
        if described is None:
            return None
        end, en = described
        end = _described_on(seg, end, i)
        named = matcher.match_at(tokens, cue_end)
        if named is not None and (named[1] > cue_end + 1 or nisba(seg.language, tokens[cue_end].text) is None):
            return None  # "فصائل الجيش الوطني", "جنود الجيش": the members of the body named, not a description
        start, stop = span(seg, i, end, prefix)
        label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
        return [Mention(start, stop, i, end, f"{etype.lower()}-{slug(normalize_word(label_ar))}", etype,
                        label_ar, " ".join(en_pattern.lower().format(name=en).split()), "document", "cue", marker)]
    listed = dual in ("dual", "plural")
    # "نواحي ( زمار وربيعة )", "حيي (الفردوس) و (النهضة)": a list, or each of its names, in brackets;
    # "قرى "أم الريش ومسعدة، والزيبة"": a list in quotation marks (a name alone in them is read as quoted)
    opened = list_opening(seg, cue_end, i) if listed else None
    first = cue_end + 1 if opened else cue_end
    found = _cue_name(seg, i, prefix, first, 0, (etype, en_pattern, keep), marker, matcher, gaz, history, listed)
    # "قريتي تل شاميرام وتل هرمز": a cue in the dual names two places; "قرى مراطة الصغرى، والشيخ
    # مزهر، ومراطة الكبرى": one in the plural, a list of them
    more = 1 if dual == "dual" else _LIST_MAX if dual == "plural" else 0
    while found and more:
        more -= 1
        j, skip = max(m.last_token for m in found), 0
        closed = opened is not None and bracket_at(tokens, j, LIST_MARKS[opened], i)
        if closed and not (j + 2 < len(tokens) and tokens[j + 1].text == WAW and bracket_at(tokens, j + 2, opened, i)):
            break  # "مناطق (حويجة صكر والمريعية) والسيطرة على": the bracket closes the list
        j += closed
        # "قضائي عانة، وراوة" as "قرى مراطة، والشيخ مزهر": a comma may come before the "و" of the
        # next name; in the plural a comma alone joins the list
        comma = j < len(tokens) and tokens[j].text == COMMA
        j += comma
        if j < len(tokens) and tokens[j].text == WAW:
            j += 1
            j += closed  # "(الفردوس) و (النهضة)": the next name in its own brackets
        elif j < len(tokens) and tokens[j].text.startswith(WAW) and len(tokens[j].text) > 2:
            skip = 1
        elif not comma or dual != "plural":
            break
        if j >= len(tokens) or tokens[j].sentence != tokens[i].sentence:
            break
        if seg.norm.original[slice(*seg.norm.to_original(tokens[j].start, tokens[j].end))].endswith(TANWEEN):
            break  # "والشريعة وصولاً إلى": an adverb, no name
        if tokens[j].text[skip:] in function_words(seg.language, "terrain"):
            break  # "قرى الحمرات والعكيدات والتلال المحيطة بها": ground the list does not name
        after = _cue_name(seg, j, skip, j, skip, (etype, en_pattern, keep), "", matcher, gaz, history, listed)
        if after and pointing_back(seg, max(m.last_token for m in after)):
            break  # "والقرى المحيطة بها": a description of the places named, the list has ended
        if not after or not (is_a(after[0].type, etype) or not keep and is_a(etype, "Place")
                             and after[0].source == "cue" and after[0].key in gaz):
            break  # "أقضية تلعفر وسنجار والبعاج": a place the gazetteer knows as a town goes on with the list
        found = found + after
    if opened == "(" and found and bracket_at(tokens, found[-1].last_token, LIST_MARKS[opened], i):
        # "حيي (الفردوس) و (النهضة) في الرقة": the list's last name takes its closing bracket, so that
        # the words after it are read right after the name
        found = found[:-1] + [replace(found[-1], end=tokens[found[-1].last_token].end,
                                      last_token=found[-1].last_token + 1)]
    if found and extra is not None and extra[0] and found[0].type == etype and found[0].last_token < len(tokens) \
            and tokens[found[0].last_token].text in extra[0] \
            and tokens[found[0].last_token].sentence == tokens[i].sentence:
        found = [_armed(seg, found[0], en_pattern)] + found[1:]  # "مجلس الباب العسكري": a known place's council
    if found and keep and dual and extra is not None:
        found = [_singular(seg, m, n == 0, extra[2], matcher, gaz) if m.source == "cue" and m.type == etype else m
                 for n, m in enumerate(found)]
        known = [m for m in found if m.source == "cue" and m.key in gaz]
        # the place inside a camp the gazetteer knows is no mention of its own, as after the singular
        found = [m for m in found if not any(k is not m and k.start <= m.start and m.end <= k.end for k in known)]
    return found


def _plural_head(seg: Doc, i: int) -> bool:
    """Whether the cue word at token i is a sound feminine plural ("قوات", "ميليشيات")."""
    return seg.tokens[i].text.endswith(_PLURAL)


def _marbuta(seg: Doc, k: int) -> bool:
    """Whether token k ends in ة as the text writes it (normalization writes it as the pronoun ه)."""
    start, end = seg.norm.to_original(seg.tokens[k].start, seg.tokens[k].end)
    return seg.norm.original[start:end].rstrip(HARAKAT).endswith(TA_MARBUTA)


_PLURAL = "ات"


def _owned(seg: Doc, k: int) -> bool:
    """Whether token k is a noun the lexicons know with a pronoun on it ("بلاده": his country,
    "بلادهم": theirs), written so (not the ة normalization writes as ه)."""
    word = seg.tokens[k].text
    return not _marbuta(seg, k) and any(word.endswith(p) and known_noun(seg.language, word[: -len(p)])
                                        for p in function_words(seg.language, "pronoun_suffix"))


def description(seg: Doc, k: int, head: int, people: bool = True, indefinite: bool = False) -> tuple[int, str] | None:
    """(end, English) of the words at token k that describe the kind noun at token ``head``:
    a generic word of modifiers.tsv ("الأمنية": security), for an ``indefinite`` noun an adjective without
    the article ("قوة أمنية", "قوة عسكرية"; asked for a force alone, not factions: "فصائل مسلحة" is no
    body) or, for a noun of ``people``, a nisba in any inflection (entity.nisba) and the nisbas joined
    to it by "و" ("عرب وأكراد": Arab and Kurdish), all in the head's sentence."""
    tokens, lang = seg.tokens, seg.language
    if k >= len(tokens) or tokens[k].sentence != tokens[head].sentence:
        return None
    first = nisba(lang, tokens[k].text) if people else None
    if first is None:
        known = modifier(lang, tokens[k].text)
        # "قوة أمنية": a noun without the article is described by an adjective without it
        adjective = indefinite and known is not None and known[0] == "adjective" \
            and not tokens[k].text.startswith(function_affixes(lang, "bound_preposition"))
        if adjective:
            return k + 1, known[1] or nisba(lang, tokens[k].text) or ""
        return (k + 1, known[1]) if known is not None and known[0] == "generic" else None
    words, end = [first], k + 1
    while end < len(tokens) and tokens[end].sentence == tokens[head].sentence and len(words) < _DESCRIBED_MAX:
        text, step = tokens[end].text, 1
        if text == WAW and end + 1 < len(tokens):
            text, step = WAW + tokens[end + 1].text, 2
        more = nisba(lang, text[1:]) if text.startswith(WAW) else None
        if more is None or more in words:
            break
        words.append(more)
        end += step
    return end, " and ".join(words)


_DESCRIBED_MAX = 3  # nisbas joined in one description: "مقاتلين عرب وأكراد وتركمان"


def _described_on(seg: Doc, end: int, head: int) -> int:
    """The end of a description of the noun at ``head`` that goes on, after token ``end``, with more
    describing words of its definiteness in its sentence ("القوات الأمنية المشتركة", "قوات أمنية عراقية
    مشتركة", "قوات الأمن الكردية"): a nisba, an adjective or a describing word of modifiers.tsv, so that
    the words the body is named by end where its clause goes on ("... مشتركة قتلت"). Not a word whose
    complement on ل follows ("قوات عراقية تابعة لوزارة الداخلية")."""
    tokens, lang = seg.tokens, seg.language
    definite = tokens[end - 1].text.startswith(ARTICLE)
    stop = min(len(tokens), end + _DESCRIBED_MAX)
    while end < stop and tokens[end].sentence == tokens[head].sentence:
        word = tokens[end].text
        known = None if word.startswith(function_affixes(lang, "bound_preposition")) else modifier(lang, word)
        if word.startswith(ARTICLE) != definite or not (
                nisba(lang, word) is not None or known is not None and known[0] in _DESCRIBING_KINDS):
            break  # not "مركز شرطة زاغنية بناحية العبارة": a preposition on it opens a phrase of its own
        after = tokens[end + 1].text if end + 1 < len(tokens) else ""
        if after.startswith(LAM) and not after.startswith(ARTICLE) and after not in stopwords(lang):
            break  # not a particle ("لم", "لن", "لكن"): the clause goes on after the description
        end += 1
    return end


_DESCRIBING_KINDS = ("adjective", "quantifier", "generic")  # modifiers.tsv kinds a description goes on with


@language_data
def _extras(lang: Language) -> dict[tuple[str, str], tuple[frozenset[str], frozenset[str], str]]:
    """cues.tsv, by a row's type and English: the adjectives that make its body armed, the words
    before it that make it no cue, and its singular form."""
    out = {}
    for row in lang.table("cues.tsv", ("cue", "type", "en", "keep")):
        words = [frozenset(normalize_word(f) for f in row.forms(c)) if row.get(c) else frozenset()
                 for c in ("armed", "not_after")]
        out.setdefault((row["type"], row["en"]), (words[0], words[1], row.forms("cue")[0]))
    return out


# The labels below drop '"', “ and ” but keep « » ("منظمة «يونسكو»"), unlike entity.without_quotes
# (alias, operation): dropping them too would change labels the corpus gives, so it is left to a
# change of its own (mentions.py's labels do the same).


def _armed(seg: Doc, m: Mention, en_pattern: str) -> Mention:
    """A body whose name an adjective of cues.tsv (armed) right after it makes an armed force."""
    end = seg.tokens[m.last_token].end
    label_ar = seg.norm.original[slice(*seg.norm.to_original(m.start, end))].replace('"', "")
    label_ar = label_ar.replace("“", "").replace("”", "")
    suffix = en_pattern.replace("{name}", "")
    label_en = m.label_en[:-len(suffix)] + " Military" + suffix if suffix and m.label_en.endswith(suffix) \
        else m.label_en
    return replace(m, end=end, last_token=m.last_token + 1, type="ArmedForce", label_ar=label_ar, label_en=label_en,
                   key=f"armedforce-{slug(normalize_word(label_ar))}")


def _singular(seg: Doc, m: Mention, first: bool, singular: str, matcher, gaz) -> Mention:
    """A name a cue in the dual or plural introduces, labelled with the cue in the singular:
    "مخيمي الهول وروج" names مخيم الهول and مخيم روج, the camps the gazetteer knows by those names."""
    name = m.label_ar.split(" ", 1)[1] if first and " " in m.label_ar else m.label_ar
    if first and " " not in m.label_ar:
        return m
    label_ar = f"{singular} {name}"
    words = seg.language.make_doc(label_ar).tokens
    known = matcher.match_at(words, 0)
    if known is not None and known[0] == 0 and known[1] == len(words) and known[2][0] == "gaz":
        e = gaz[known[2][1]]
        return replace(m, key=e.key, type=e.type, label_ar=e.label_ar, label_en=e.label_en, scope=e.scope,
                       parent=e.parent, wikidata=e.wikidata, wikidata_source=e.wikidata_source, label_guessed=False)
    key = m.key if m.parent else f"{m.type.lower()}-{slug(normalize_word(label_ar))}"
    return replace(m, key=key, label_ar=label_ar)


_LIST_MAX = 6  # names a cue in the plural introduces at most


def _cue_name(seg, i, prefix, j, skip, payload, marker, matcher, gaz, history=None,
              listed=False) -> list[Mention] | None:
    """The mention a cue word at token i introduces, its name starting at token j (after ``skip``
    characters of it: the "و" of a second name); ``listed``: one of a list (name_after)."""
    etype, en_pattern, keep = payload
    tokens = seg.tokens
    # a known entity after the cue: "مدينة الرقة", "قوات “سوريا الديمقراطية”"
    if j < len(tokens) and tokens[j].text in QUOTES:
        inner = matcher.match_at(tokens, j + 1)
        if inner is not None and inner[1] < len(tokens) and tokens[inner[1]].text == tokens[j].text:
            inner = (inner[0], inner[1] + 1, inner[2], inner[3])
        elif inner is not None and inner[1] != len(tokens):
            inner = None
    else:
        inner = matcher.match_at(tokens, j)
    if inner is not None and inner[2][0] == "gaz" and inner[0] == skip:
        e = gaz[inner[2][1]]
        part = countryside_part(seg, j, skip, inner[1], e, marker, (i, prefix)) if not keep else None
        if part is not None:  # "قرى ريف دير الزور الشرقي": in a part of the countryside
            return [part]
        start, stop = span(seg, i, inner[1], prefix)
        if not keep or is_a(e.type, "Organization") and is_a(etype, "Organization"):
            # "مدينة الرقة" is الرقة; "منظمة اليونيسف", "قوات سوريا الديمقراطية" are the bodies named
            return [Mention(start, stop, i, inner[1], e.key, e.type, e.label_ar, e.label_en, e.scope,
                            "cue", marker, e.parent, e.wikidata, e.wikidata_source)]
        name_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
        key = f"{etype.lower()}-{e.key}"
        place = Mention(*span(seg, j, inner[1], skip), j, inner[1], e.key, e.type, e.label_ar, e.label_en,
                        e.scope, "gazetteer", "", e.parent, e.wikidata, e.wikidata_source)
        facility = Mention(start, stop, i, inner[1], key, etype, name_ar,
                           en_pattern.format(name=e.label_en), "global", "cue", marker, e.key)
        return [facility, place]
    if inner is not None and inner[2][0] == "ana" and inner[0] == skip == 0:
        return _cue_anaphor(seg, i, prefix, j, inner, payload, marker, gaz, history)
    if inner is not None and skip:
        return None  # "وقوات": a known word glued to the conjunction is no name
    word = tokens[j].text if j < len(tokens) and not skip else ""
    if keep and word[:1] == LAM and word[1:] in function_words(seg.language, "pronoun_suffix"):
        # "أكبر قاعدة لها", "مقر له": its base, its headquarters, described by whose it is, not named
        start, stop = span(seg, i, j, prefix)
        label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
        return [Mention(start, stop, i, j, f"{etype.lower()}-{slug(label_ar)}", etype, label_ar,
                        " ".join(en_pattern.lower().format(name="").split()), "document", "cue", marker)]
    if keep and not skip and j < len(tokens) and _owned(seg, j):
        return None  # "قوات بلاده", "قوات بلادها": the forces of whose country they are, described, no name
    operation = operation_name(seg, j) if not skip and is_a(etype, "Armed") else None
    if operation is not None:
        return [operation_forces_mention(seg, i, prefix, operation, etype, en_pattern, marker)]
    name = name_after(seg, j, limit=2, listed=listed)
    if name is None:
        return None
    first, last = name
    if first == j and last == first + 1 and not tokens[first].text[skip:].startswith(ARTICLE) \
            and pointing_back(seg, last):
        return None  # "مناطق خرج منها", "قرى تحيط بها": a clause about the places, no name
    if first == j and last == first + 1 and keep and is_a(etype, "Armed") and not skip \
            and _plural_head(seg, i) and not tokens[first].text.startswith(ARTICLE) and _marbuta(seg, first) \
            and modifier(seg.language, tokens[first].text) is None and nisba(seg.language, tokens[first].text) is None:
        # "وهي قوات نخبة في الجيش", "قوات حماية": one indefinite noun in ة (no adjective: "قوات فرنسية" is
        # read below) after a plural head is the kind of the forces in a genitive (elite forces, protection
        # forces), a description, no name of one body ("قوات حماية سنجار" goes on with its name)
        return None
    for k in range(first + 1, last):
        # "مكتب محافظ صلاح الدين": a name a genitive chain ends with is taken whole, never cut at the limit
        known = matcher.match_at(tokens, k)
        if known is not None and known[0] == 0 and known[2][0] == "gaz" and known[1] > last \
                and tokens[known[1] - 1].sentence == tokens[k].sentence:
            last = known[1]
            break
    if first == j:  # a quoted name is a name whatever its words
        word = tokens[first].text[skip:]
        if word.startswith(WAW + ARTICLE) or (not keep and word.startswith(WAW) and len(word) > 3):
            return None  # "لجنة والصحة", "أحياء ومنازل": the conjunction, the next noun
        if _cue_matcher(seg.language).match_at(tokens, first) is not None:
            # "مديرية شرطة الفلوجة": a body named by a body; "أحياء مدينة الرقة" names the city
            return _cue_nested(seg, i, prefix, first, payload, marker, matcher, gaz, history) if keep else None
        described = modifier(seg.language, word)
        people = nisba(seg.language, word)
        if people is not None and (described is None or described[0] == "adjective"):
            described = ("adjective", people)  # "قوات أمريكية": US forces, "ميليشيات شيعية": Shia militias
        if described is not None:
            # "قوات أخرى", "قرى مسيحية", "قرى تقع": no name; "قوات الأمن": the security forces
            # of this article, no entity of every article
            kind, en = described
            if not keep or kind == "generic" and not is_a(etype, "Organization") or is_a(etype, "Settlement"):
                return None  # "مخيمات منتشرة في المحافظة": camps described, no camp named
            # the body or facility is described, not named: "قوات مشتركة أخرى" act in their
            # sentence all the same, "قاعدة عسكرية" changes hands
            end = first + 1
            while kind != "generic" and end < last and modifier(seg.language, tokens[end].text) is not None:
                end += 1
            if people is not None and end == first + 1:
                end, en = description(seg, first, i) or (end, en)  # "قوات عربية وكردية"
            if is_a(etype, "Armed"):  # "وزارة الصحة السورية" keeps its name, the adjective after it is read apart
                end = _described_on(seg, end, i)
            start, stop = span(seg, i, end, prefix)
            label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
            return [Mention(start, stop, i, end, f"{etype.lower()}-{slug(label_ar)}", etype, label_ar,
                            " ".join(en_pattern.lower().format(name=en).split()), "document", "cue", marker)]
    if last < len(tokens) and (tokens[last].text == '"' or tokens[last].text in QUOTES and first > j):
        last_incl = last + 1
    else:
        last_incl = last
    armed = _extras(seg.language).get((etype, en_pattern))
    if armed and armed[0] and keep and first == j:
        # "مجلس منبج العسكري": an adjective that makes the council an armed force, in the name or after it
        if last - first > 1 and tokens[last - 1].text in armed[0]:
            last -= 1
        elif not (last < len(tokens) and tokens[last].text in armed[0]
                  and tokens[last].sentence == tokens[first].sentence):
            armed = None
        if armed:
            last_incl = last + 1
            etype, en_pattern = "ArmedForce", en_pattern.replace("{name}", "{name} Military")
    start, stop = span(seg, i, last_incl, prefix)
    name_norm = " ".join(t.text for t in tokens[first:last])[skip if first == j else 0:]
    name_orig = seg.norm.original[slice(*seg.norm.to_original(tokens[first].start + (skip if first == j else 0),
                                                                tokens[last - 1].end))]
    label_ar = name_orig if not keep else seg.norm.original[slice(*seg.norm.to_original(start, stop))]
    label_ar = label_ar.replace('"', "").replace("“", "").replace("”", "").replace("/", "")
    key = f"{etype.lower()}-{slug(name_norm if not keep else normalize_word(label_ar))}"
    label_en, guessed = english_label(seg, name_orig, en_pattern, label_ar)
    return [Mention(start, stop, i, last_incl, key, etype, label_ar, label_en, "global", "cue", marker,
                    label_guessed=guessed)]


def _cue_anaphor(seg, i, prefix, j, inner, payload, marker, gaz, history) -> list[Mention] | None:
    """A head noun before an anaphor: "قوات الجيش" are the army named before (or, none named,
    the army of this article: a description); "مشفى المخيم" names no hospital (the camp is
    read on its own)."""
    etype, en_pattern, _keep = payload
    if not is_a(etype, "Organization"):
        return None
    found = lexicon_mention(seg, j, inner, gaz, history) if history is not None else None
    if found and is_a(found[0].type, "Organization"):
        a = found[0]
        start, stop = span(seg, i, inner[1], prefix)
        return [Mention(start, stop, i, inner[1], a.key, a.type, a.label_ar, a.label_en, a.scope, "anaphor",
                        marker, a.parent, a.wikidata, a.wikidata_source, implied=True)]
    word = seg.tokens[j].text
    described = modifier(seg.language, word) if inner[1] == j + 1 else None
    if described is None or described[0] != "generic":
        return None
    start, stop = span(seg, i, j + 1, prefix)
    label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
    return [Mention(start, stop, i, j + 1, f"{etype.lower()}-{slug(label_ar)}", etype, label_ar,
                    en_pattern.lower().format(name=described[1]), "document", "cue", marker)]


def _cue_nested(seg, i, prefix, j, payload, marker, matcher, gaz, history) -> list[Mention] | None:
    """A body or facility named by the body after its head noun ("مديرية شرطة الفلوجة",
    "مستشفى جامعة الموصل"): one mention over both, and the places the inner name holds."""
    etype, en_pattern, _keep = payload
    inner = cue_mention(seg, j, _cue_matcher(seg.language), matcher, gaz, history)
    if not inner or inner[0].scope == "document":
        return None
    body, end = inner[0], inner[0].last_token
    start, stop = span(seg, i, end, prefix)
    if is_a(etype, "Armed") and is_a(body.type, "Armed"):  # "قوات اللواء 11", "قوات شرطة الفلوجة": the unit
        return [Mention(start, stop, i, end, body.key, body.type, body.label_ar, body.label_en, body.scope, "cue",
                        marker, body.parent, body.wikidata, body.wikidata_source, label_guessed=body.label_guessed)] \
            + [m for m in inner if not is_a(m.type, "Organization")]
    label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))].replace('"', "")
    label_ar = label_ar.replace("“", "").replace("”", "")
    outer = Mention(start, stop, i, end, f"{etype.lower()}-{slug(normalize_word(label_ar))}", etype, label_ar,
                    en_pattern.format(name=body.label_en), "global", "cue", marker,
                    label_guessed=body.label_guessed)
    return [outer] + [m for m in inner if not is_a(m.type, "Organization")]
