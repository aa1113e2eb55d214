"""Offices and the bodies they are of: "وزير الخارجية الألماني" (a ministry over the title),
"قائد عمليات نينوى" (a command of a place), "منسق مشروعات الطوارئ بالمنظمة" (an office's words,
then its body), "X آمر اللواء 73" (an office after a name); read by :mod:`athar.read.person`."""

from __future__ import annotations

from athar.read.cue import cue_mention
from athar.read.entity import (Mention, _cue_matcher, office_matcher, title_matcher, is_a, is_nisba, nisba_country, slug, span,
                               stopwords)
from athar.read.function_words import function_word, function_words
from athar.read.informant import saying_verbs
from athar.read.language import Language, language_data
from athar.read.nameword import name_words, not_a_name_word
from athar.read.namespan import name_after
from athar.read.numbers import read_number
from athar.read.reference import lexicon_mention
from athar.read.text import ARTICLE, COMMA, WAW, Doc


def names_something(seg: Doc, k: int) -> bool:
    """Whether token k opens a title or a head noun ("رئيس", "مجلس"): no word of a person's name."""
    lang, word = seg.language, seg.tokens[k].text
    return title_matcher(lang).starts(word) or _cue_matcher(lang).starts(word)


NEEDS_BODY = "+"  # titles.tsv body: the title names a person only with the body they serve
WHERE_WORDS = 3  # words of a place where an office is held, between "في" and a comma ("في غرب الموصل")
_OFFICE_WORDS = 3  # words of an office between its title and its body ("منسق مشروعات الطوارئ بالمنظمة")
_BODY_MARKERS = ("ب", "ل")  # the prepositions joined to a body after an office's words


def place_at(seg: Doc, k: int, matcher, gaz) -> bool:
    """Whether a place the gazetteer knows is named at token k."""
    hit = matcher.match_at(seg.tokens, k)
    return hit is not None and hit[2][0] == "gaz" and is_a(gaz[hit[2][1]].type, "Place")


def body_after_office(seg: Doc, j: int, matcher, gaz, history):
    """The body named after the words of an office that starts at token j, joined to it by ب, ل
    or "في" ("منسق مشروعات الطوارئ بالمنظمة", "مسؤول الإغاثة في منظمة الصحة العالمية"): (the
    body's mentions, (0, the token after it)), or (None, None)."""
    tokens, lang = seg.tokens, seg.language
    stop = stopwords(lang)
    for k in range(j + 1, min(len(tokens), j + _OFFICE_WORDS + 1)):
        words = tokens[j:k]
        if not all(t.is_word and t.text not in stop and t.sentence == tokens[j].sentence for t in words) \
                or any(read_number(seg, n) is not None for n in range(j, k)):
            return None, None
        at = k + (tokens[k].text == function_word(lang, "locative"))
        hit = matcher.match_at(tokens, at) if at < len(tokens) else None
        if hit is None or hit[2][0] not in ("gaz", "ana") or at == k and hit[3] not in _BODY_MARKERS:
            continue
        found = lexicon_mention(seg, at, hit, gaz, history)
        if found and is_a(found[0].type, "Organization"):
            return found, (0, found[0].last_token)
        return None, None
    return None, None


BODY_ROLES = ("leader", "member", "spokesperson")


def office_after(seg: Doc, k: int, titles, matcher, gaz, history) -> tuple[str, Mention] | None:
    """The office a title names right after a person's name at token k, with or without a
    comma, and the body it is of ("X آمر اللواء 73", "X، قائد اللواء 11،", "X القيادي في
    التنظيم"): (role, body); None when no title with a body follows."""
    tokens = seg.tokens
    if k < len(tokens) and tokens[k].text == COMMA:
        k += 1
    hit = titles.match_at(tokens, k) if k < len(tokens) else None
    if hit is None and k < len(tokens):
        hit = office_matcher(seg.language).match_at(tokens, k)
    if hit is not None and hit[0] == 0 and (hit[2][2] or "").startswith(COMMAND):
        # "الفريق X قائد عمليات «قادمون يا نينوى»", "X قائد عمليات نينوى": the command they lead
        command = command_body(seg, k, hit[0], hit[1], hit[2][2], matcher, gaz, hit[3])
        return ("leader", command[0]) if command is not None else None
    if hit is None or hit[0] != 0 or hit[2][0] not in BODY_ROLES + ("office",) or hit[2][2] not in ("", None, NEEDS_BODY):
        return None  # an office naming its own body ("وزير الخارجية") is a second person's title
    role, j = "leader" if hit[2][0] == "office" else hit[2][0], hit[1]
    if j + 1 < len(tokens) and tokens[j].text == function_word(seg.language, "locative"):
        # "X القيادي في التنظيم": a leading member in the body, not its leader (person.py)
        j, role = j + 1, "member" if role == "leader" else role
    if j >= len(tokens) or tokens[j].sentence != tokens[k].sentence:
        return None
    body = organization_at(seg, j, matcher, gaz, history)
    return (role, body) if body is not None else None

def organization_at(seg, j, matcher, gaz, history) -> Mention | None:
    """The organization named at token j, by name or by its head noun."""
    inner = matcher.match_at(seg.tokens, j)
    found = lexicon_mention(seg, j, inner, gaz, history) if inner is not None and inner[2][0] in ("gaz", "ana") \
        else cue_mention(seg, j, _cue_matcher(seg.language), matcher, gaz, history)
    return found[0] if found and is_a(found[0].type, "Organization") else None


def office_body(seg: Doc, i: int, prefix: int, end: int, body: str, marker: str) -> tuple[Mention, int] | None:
    """The body an office title names ("وزير الخارجية الألماني", "رئيس الوزراء العراقي",
    "وزير الثقافة"), as a mention over the title, and the token after it; None when a bare
    "وزير" names no ministry after it."""
    tokens, lang = seg.tokens, seg.language
    j = end
    if body == "*":  # the ministry is the next word: "وزير الثقافة"
        if j >= len(tokens) or not tokens[j].is_word or not tokens[j].text.startswith(ARTICLE) \
                or tokens[j].text in stopwords(lang) or nisba_country(lang, tokens[j].text) is not None:
            return None
        j += 1
    named = j  # the title and the ministry's word end here, before a nationality
    country = nisba_country(lang, tokens[j].text) if j < len(tokens) else None
    if country is not None:
        j += 1
    start, stop = span(seg, i, j, prefix)
    label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
    body_word = body_words(lang).get(" ".join([tokens[i].text[prefix:], *(t.text for t in tokens[i + 1:end])]))
    if body_word is not None and i + 1 < named:  # "وزير الهجرة" leads "وزارة الهجرة"
        label_ar = body_word + " " + seg.norm.original[slice(*seg.norm.to_original(*span(seg, i + 1, named)))]
    if body == "*":  # a ministry named in Arabic only: no guess at its English
        label_en = f"{label_ar} ({country.label_en})" if country is not None else label_ar
    else:
        # "Government of Iraq"; a body whose English already says "of" keeps the country apart:
        # "Ministry of Defence (Iraq)"
        label_en = body if country is None else f"{body} ({country.label_en})" if " of " in body \
            else f"{body} of {country.label_en}"
    # one country's ministry is not another's of the same name ("وزارة الخارجية" of Kuwait, of Germany)
    key = f"governmentbody-{slug(label_ar + (' ' + country.key if country is not None else ''))}"
    return Mention(start, stop, i, j, key, "GovernmentBody", label_ar, label_en, "global", "cue", marker,
                   parent=country.key if country is not None else ""), j


def said_by(seg: Doc, k: int) -> bool:
    """"ممثل اليونيسف في العراق X إن": a name of two or three words at token k with what was said, a
    comma or the sentence's end right after it: the holder of the office named before."""
    tokens, lang = seg.tokens, seg.language
    name = name_after(seg, k, limit=3)
    if name is None or name[1] - name[0] < 2 or tokens[k].text.startswith(ARTICLE) or names_something(seg, k):
        return False
    after = name[1]
    return after >= len(tokens) or tokens[after].sentence != tokens[k].sentence or tokens[after].text in (COMMA, '"') \
        or tokens[after].text in function_words(lang, "complementizer")


def name_past_office(seg: Doc, j: int) -> tuple[int, int] | None:
    """The holder's name after the words of an office that run on past its title and body (from
    token j), where no rule of a shorter office found it: "المتحدث باسم مكتب القائد العام للجيش X Y
    في مؤتمر", "قائد فريق العمليات في منظمة (روج)، X Y، فإن". The name is two or three words after
    a comma, or, with no comma, starts with a given name romanization.tsv knows; either way what
    was said, a comma, "في" or the sentence's end follows it. The office's words are words of the
    sentence, none a verb, a stopword other than "في" or a word joined by "و" (a clause goes on).
    None when no name follows within reach."""
    tokens, lang = seg.tokens, seg.language
    stop, locative, given = stopwords(lang), function_word(lang, "locative"), name_words(lang)
    if j >= len(tokens):
        return None
    sentence, titles, k = tokens[j].sentence, title_matcher(lang), j
    while k < min(len(tokens), j + _PAST_WORDS):
        token = tokens[k]
        if token.sentence != sentence:
            return None
        if token.text == COMMA:
            return _name_ending(seg, k + 1)  # the office's words end at a comma, the name or nothing after it
        title = titles.match_at(tokens, k)
        if title is not None and title[0] == 0 and k > j:
            k = title[1]  # "مكتب القائد العام للجيش": the title of the office's holder, in its body
            continue
        k += 1
        if token.text in _ENCLOSING or token.is_number:
            continue  # "منظمة «روج»", "منظمة (روج)", "اللواء 73"
        if not token.is_word or token.text in stop and token.text != locative \
                or token.text.startswith(WAW) and len(token.text) > 3 or not_a_name_word(lang, token.text) \
                or token.text in saying_verbs(lang):
            return None
        if k - 1 > j and token.text in given and not names_something(seg, k - 1) and tokens[k - 2].is_word:
            found = _name_ending(seg, k - 1)
            if found is not None:
                return found
    return None


def _name_ending(seg: Doc, k: int) -> tuple[int, int] | None:
    """A name of two or three words without the article at token k, what was said, a comma, a
    quote, "في" or the sentence's end right after it ("X Y في مؤتمر صحفي", "X Y، إن")."""
    tokens, lang = seg.tokens, seg.language
    if k >= len(tokens) or not tokens[k].is_word or tokens[k].text.startswith(ARTICLE) or names_something(seg, k) \
            or tokens[k].text in stopwords(lang):
        return None
    name = name_after(seg, k, limit=3)
    if name is None or name[1] - name[0] < 2 or any(names_something(seg, n) for n in range(*name)):
        return None
    after = name[1]
    if after >= len(tokens) or tokens[after].sentence != tokens[k].sentence \
            or tokens[after].text in (COMMA, '"', function_word(lang, "locative")) \
            or tokens[after].text in function_words(lang, "complementizer") or tokens[after].text in saying_verbs(lang):
        return name
    return None


_ENCLOSING = frozenset('"()')  # the marks around a body's name ("منظمة (روج)")
_PAST_WORDS = 8  # words of an office, its body and where it is held before the holder's name


def command_body(seg: Doc, i: int, prefix: int, end: int, body: str, matcher, gaz, marker: str) -> tuple[Mention, int] | None:
    """"قائد عمليات نينوى": the command of a place the gazetteer knows, named right after the title
    (titles.tsv, body "@..."), as a mention over the title and the place, and the token after it;
    None when no such place follows."""
    tokens = seg.tokens
    hit = matcher.match_at(tokens, end) if end < len(tokens) else None
    place, j = None, _command_name_end(seg, end)  # "قائد عمليات الجزيرة والبادية اللواء X": a region we do not know
    quoted = _quoted_operation_end(seg, end)
    if quoted is not None:  # "قائد عمليات “قادمون يا نينوى”": the command of the operation so named
        hit, j = None, quoted
    if hit is not None and hit[0] == 0 and hit[2][0] == "gaz" and is_a(gaz[hit[2][1]].type, "Place") \
            and (j is None or j <= hit[1]):  # "عمليات الفرات الأوسط اللواء": more than the place we know
        place, j = gaz[hit[2][1]], hit[1]
    if j is None:
        return None
    words = " ".join([tokens[i].text[prefix:], *(t.text for t in tokens[i + 1:end])])
    named = seg.norm.original[slice(*seg.norm.to_original(*span(seg, i + 1, j)))]  # "عمليات نينوى"
    label_ar = f"{body_words(seg.language).get(words, '')} {named}".strip()  # "قيادة عمليات نينوى"
    start, stop = span(seg, i, j, prefix)
    # a command of a place we do not know is named in Arabic only: no guess at its English
    label_en = body[len(COMMAND):].format(name=place.label_en) if place is not None else label_ar
    return Mention(start, stop, i, j, f"armedforce-{slug(label_ar)}", "ArmedForce", label_ar, label_en, "global",
                   "cue", marker, place.key if place is not None else ""), j


_COMMAND_WORDS = 3  # words of a command's region ("الجزيرة والبادية", "الفرات الأوسط")
_OPERATION_WORDS = 5  # words of an operation's name in quotes ("قادمون يا نينوى")
_QUOTE = '"'  # quotation marks, normalized


def _quoted_operation_end(seg: Doc, k: int) -> int | None:
    """The token after the closing quotation mark of an operation's name in quotes at token k
    ("عمليات “قادمون يا نينوى”"): one to five words of its sentence; None when none is quoted."""
    tokens = seg.tokens
    if k >= len(tokens) or tokens[k].text != _QUOTE:
        return None
    for j in range(k + 2, min(len(tokens), k + _OPERATION_WORDS + 2)):
        if tokens[j].sentence != tokens[k].sentence:
            return None
        if tokens[j].text == _QUOTE:
            return j + 1 if all(t.is_word for t in tokens[k + 1:j]) else None
    return None


def _command_name_end(seg: Doc, k: int) -> int | None:
    """The end of the words at token k that name a command's region the gazetteer does not know,
    when a rank follows them ("عمليات الجزيرة والبادية اللواء الركن X"): one to three words of
    its sentence, no number, stopword, title or head noun; None when no rank follows."""
    tokens, lang = seg.tokens, seg.language
    stop, titles = stopwords(lang), title_matcher(lang)
    for j in range(k + 1, min(len(tokens), k + _COMMAND_WORDS + 1)):
        t = tokens[j - 1]
        if not t.is_word or t.text in stop or t.sentence != tokens[k].sentence or names_something(seg, j - 1) \
                or read_number(seg, j - 1) is not None:
            return None
        rank = titles.match_at(tokens, j)
        if rank is not None and rank[0] == 0 and rank[2][0] == _RANK:
            return j
    return None


_RANK = "commander"  # titles.tsv's role of a rank ("اللواء", "العميد")


COMMAND = "@"  # titles.tsv body: the title names the command of the place after it


@language_data
def body_words(lang: Language) -> dict[str, str]:
    """titles.tsv's body_ar: a title's normalized form -> the word that names its body in Arabic
    before the title's words after its first ("وزير" -> "وزارة")."""
    return {f: row["body_ar"] for row in lang.table("titles.tsv", ("title", "role", "en"))
            if row.get("body_ar") for f in row.forms("title")}


_BODY_WORDS = 6  # words of a body no name gives between a leader's title and the holder ("الحملة العسكرية لتحرير الموصل")


def body_between(seg: Doc, start: int, stop: int) -> Mention | None:
    """The body a leader's title leads, named by the words from token ``start`` (right after the
    title) to token ``stop`` (the holder's name, or the holder's rank before it) when no name the
    gazetteer knows is there: "رئيس اللجنة الأمنية في مجلس المحافظة أحمد حميد", "زعيم التيار
    الصدري، مقتدى الصدر", "قائد أفواج عشائر الأنبار العميد X". One to six words of one sentence, a
    comma before the name left out, the first a noun (no title, stopword, number or nisba: "الرئيس
    الأمريكي، X" names a country), "في" only inside; a head noun of a place names no body ("محافظ مدينة X" is read as its administration).
    An organization of those words; None when they do not read so."""
    tokens, lang = seg.tokens, seg.language
    if stop > start and tokens[stop - 1].text == COMMA:
        stop -= 1
    if not 0 < stop - start <= _BODY_WORDS:
        return None
    stop_words, locative = stopwords(lang), function_word(lang, "locative")
    words = tokens[start:stop]
    if any(t.sentence != tokens[start].sentence or not (t.is_word or t.is_number or t.text in _ENCLOSING)
           or t.text in stop_words and t.text != locative or t.text in saying_verbs(lang) for t in words) \
            or not words[0].is_word or words[0].text in stop_words or words[-1].text == locative \
            or is_nisba(words[0].text) or nisba_country(lang, words[0].text) is not None \
            or title_matcher(lang).match_at(tokens, start) is not None:
        return None
    cue = _cue_matcher(lang).match_at(tokens, start)
    etype = cue[2][0] if cue is not None and cue[0] == 0 else "Organization"
    if not is_a(etype, "Organization"):
        return None
    s, e = span(seg, start, stop)
    label_ar = seg.norm.original[slice(*seg.norm.to_original(s, e))]
    return Mention(s, e, start, stop, f"{etype.lower()}-{slug(' '.join(t.text for t in words))}", etype,
                   label_ar, label_ar, "global", "cue")


def body_before_rank(seg: Doc, start: int) -> tuple[Mention, int] | None:
    """A leader's title, the words of the body it leads and the holder's rank, then the name:
    "قائد الحملة العسكرية لتحرير الموصل الفريق الركن X", "قائد أفواج عشائر الأنبار العميد X" (the
    title ends at token ``start``): (the body, body_between, and the rank's first token); None when
    no rank follows within reach."""
    tokens, titles = seg.tokens, title_matcher(seg.language)
    for k in range(start + 1, min(len(tokens), start + _BODY_WORDS + 1)):
        if tokens[k].sentence != tokens[start].sentence:
            return None
        hit = titles.match_at(tokens, k)
        if hit is not None and hit[0] == 0 and hit[2][0] == _RANK:
            body = body_between(seg, start, k)
            return (body, k) if body is not None else None
        if hit is not None:
            return None
    return None
