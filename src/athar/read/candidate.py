"""The mentions of a trigger's clause that may fill one of its roles: those of its clause, not
nested in another, not set off in an aside between dashes, not the same entity named again in
brackets, not a part of a group named before, not the owner that only describes a named thing; and
who the sentence says reports the event (kept apart). Read by :mod:`athar.read.facts` before
:func:`athar.read.argument.roles_in_clause`."""

from __future__ import annotations

from athar.read.circumstance import attribution
from athar.read.clause import EventReading, Trigger, noun_context
from athar.read.entity import office_matcher, title_matcher
from athar.read.function_words import function_words
from athar.read.memo import of_sentence
from athar.read.mentions import Mention, is_a
from athar.read.rules import MARKER_LI, belonging_words
from athar.read.text import ARTICLE, COMMA, QUOTE, QUOTE_MARKS


def candidates(reading: EventReading, trig: Trigger, left: int, right: int, sentence) -> tuple[list[Mention], Mention | None]:
    """The mentions of the clause that may fill a role, in text order, and who the sentence says
    reports the event."""
    rule = trig.rule
    outer = [m for m in reading.mention_spans.starting(left, right) if left <= m.first_token and m.last_token <= right
             and (not (m.first_token < trig.last and m.last_token > trig.first)
                  or any(a <= m.first_token and m.last_token <= b for a, b in trig.gaps))]
    # a mention nested in another (the town in "مستشفى الطبقة") fills no role of its own; when
    # each mention ends before the next starts, none is nested
    cands = outer
    if len(outer) > 1 and any(a.end > b.start for a, b in zip(outer, outer[1:])):
        cands = [m for m in outer if not any(o is not m and o.start <= m.start and m.end <= o.end
                                             and (o.end - o.start) > (m.end - m.start) for o in outer)]
    tokens = reading.doc.tokens
    # "أعلنت قسد - بمؤتمر صحفي عقدته في قرية الحزيمة - بدء المعركة": what an aside between dashes
    # names belongs to the aside, not to an event outside it
    asides = _dash_asides(reading.doc, sentence)
    if asides:
        cands = [m for m in cands if not any(a < m.first_token and m.last_token <= b and not a < trig.first < b
                                             for a, b in asides)]
    # "تنظيم الدولة الإسلامية (داعش)": the same entity named again in brackets is no other role
    cands = [m for k, m in enumerate(cands) if k == 0 or not (
        cands[k - 1].key == m.key and m.first_token > cands[k - 1].last_token
        and not any(t.is_word for t in tokens[cands[k - 1].last_token:m.first_token]))]
    # "الحشد الشعبي (قوات شيعية تساندها بغداد) استعاد": what brackets right after a body's name
    # say it is describes it; it is no other party of the event; so do quotation marks naming a
    # body of the same kind ("قوات مكافحة الإرهاب "قوات نخبة بالجيش" حررت")
    cands = [m for k, m in enumerate(cands) if k == 0 or not (
        is_a(cands[k - 1].type, "Organization") and is_a(m.type, "Actor")
        and _opens_bracket(tokens[cands[k - 1].last_token:m.first_token])
        or cands[k - 1].type == m.type and is_a(m.type, "Organization")
        and _quoted_after(tokens, cands[k - 1], m))]
    # "فرقاً هندسية تابعة لقسد": people named by their kind, then whose they are: the owner stands for them
    owned = belonging_words(reading.doc.language)
    cands = [m for k, m in enumerate(cands) if not (_people_of_a_kind(m) and k + 1 < len(cands) and m.last_token
             < len(tokens) and tokens[m.last_token].text in owned and cands[k + 1].first_token == m.last_token + 1)]
    # "مئات المدنيين بينهم 150 طفلاً": a part of the group named before fills no role of its own
    subset = function_words(reading.doc.language, "subset")
    cands = [m for k, m in enumerate(cands) if k == 0 or not any(
        t.text in subset for t in tokens[max(cands[k - 1].last_token, m.first_token - 4):m.first_token])]
    # "هجمات انتحارية", "الهجوم الانتحاري": a relative adjective right after the event's noun describes
    # the event; it names no party (the suicide bombers of the gazetteer's document scope)
    cands = [m for m in cands if not _describes(reading, m, trig)]
    according = attribution(reading, sentence, trig) if sentence.index in reading.index.reporting else None
    if according is not None and rule.event == "Statement":
        according = None  # "حسبما ذكرت الوزارة في بيان": who reports the statement made it
    if according is not None and _opens_clause(reading, according, trig):
        according = None  # "وأشار إلى أن المفوضية نجحت في إرسال قوافل": the subject of what is said
    if according is not None:
        cands = [m for m in cands if m is not according]
    if rule.event != "Statement" and sentence.index in reading.index.reporting:
        sources = _sources_after(reading, cands, trig, sentence)
        cands = [m for m in cands if id(m) not in sources]
    # "تحدث العميد X آمر اللواء 73 عن اقتحام قوة من جهاز مكافحة الإرهاب": the body whose office a
    # person named right before it holds only describes the person
    # (the statement the person makes reads them with their office: read.statement)
    offices = {(m.role_of.partition(":")[2], m.last_token) for m in cands if m.type == "Person" and m.role_of}
    if offices and rule.event != "Statement":
        cands = [m for m in cands if not any(key == m.key and _office_between(reading.doc, end, m.first_token)
                                             for key, end in offices)]
    # "وكالة أعماق التابعة لتنظيم الدولة": the owner of a named thing only describes it
    if any(m.marker == MARKER_LI for m in cands):
        cands = [m for m in cands if not _owner_of_a_mention(reading, m, sentence)]
    return cands, according


def _office_between(doc, end: int, first: int) -> bool:
    """Whether the words from a person's name (ending at token ``end``) to a mention at token
    ``first`` are a title of office, a comma before it or not ("X آمر اللواء", "X، القيادي في")."""
    tokens = doc.tokens
    k = end + 1 if end < first and tokens[end].text == COMMA else end
    for matcher in (title_matcher(doc.language), office_matcher(doc.language)):
        hit = matcher.match_at(tokens, k) if k < first else None
        if hit is not None and hit[1] <= first <= hit[1] + 1:
            return True
    return False


def _sources_after(reading: EventReading, cands: list[Mention], trig: Trigger, sentence) -> set[int]:
    """The mentions after the trigger that name who the news comes from: right after a reporting word,
    a title between at most, and the names that follow them ("وتسبب التفجير وفق مدير المرصد السوري رامي
    عبد الرحمن بمقتل", "قتل 15 مدنيا، قال المرصد"): no party to the event. A mention right after "أن"
    or "إن" is the subject of what is said, not who said it."""
    # (a reporting word after the trigger's own words: "رصدت الحكومة 10 مليارات" allocates, its subject the doer)
    ends = {end for end in reading.index.reporting[sentence.index] if end > trig.last}
    tokens, openers = reading.doc.tokens, function_words(reading.doc.language, "complementizer")
    out: set[int] = set()
    for m in sorted(cands, key=lambda m: m.first_token):
        if m.first_token >= trig.last and any(0 <= m.first_token - end <= 1 for end in ends) \
                and tokens[m.first_token - 1].text not in openers:  # "قال إن الجيش": who the clause said is about
            out.add(id(m))
            ends.add(m.last_token)
    return out


_NISBA_ENDINGS = ("ي", "يه", "يا")  # normalized: "انتحاري", "انتحارية", "انتحاريا"


def _describes(reading: EventReading, m: Mention, trig: Trigger) -> bool:
    """Whether a one-word mention of a document's kind ("انتحاري") stands right after a noun of the
    trigger as its relative adjective: a nisba ending, the noun's definiteness."""
    # right after a word of the trigger: after its last, or in a gap ("الهجوم الانتحاري الذي استهدف")
    before = m.first_token - 1
    if not trig.first <= before < trig.last or any(a <= before < b for a, b in trig.gaps) \
            or m.last_token != m.first_token + 1 or m.scope != "document":
        return False
    seg = reading.doc
    if not (trig.rule.pos == "noun" or noun_context(seg, trig)):
        return False
    noun, word = seg.tokens[before].text, seg.tokens[m.first_token].text
    if not word.endswith(_NISBA_ENDINGS):
        return False
    return _definite(seg, noun) == word.startswith(ARTICLE)


def _definite(seg, word: str) -> bool:
    """Whether a noun has the article, after a joined preposition or conjunction ("بالتفجير",
    "والهجمات"); "لل" drops its alef."""
    joined = function_words(seg.language, "bound_preposition") | function_words(seg.language, "conjunction")
    return word.startswith((ARTICLE, MARKER_LI + MARKER_LI)) or word[:1] in joined and word[1:].startswith(ARTICLE)


def _opens_clause(reading: EventReading, m: Mention, trig: Trigger) -> bool:
    """"وأشار المتحدث إلى أن مفوضية اللاجئين نجحت في إرسال قوافل": a mention right after "أن"/"إن"
    (the speaker unnamed before it), or after the quotation mark that opens what was said ("ولفت إلى
    أن “المنظمة قررت إنشاء"), is the subject of the clause said, no reporter of it; the trigger is
    in that clause (no other complementizer between)."""
    tokens = reading.doc.tokens
    openers = function_words(reading.doc.language, "complementizer")
    j = m.first_token - 1
    if j > 0 and tokens[j].text in QUOTE_MARKS:
        j -= 1
    if j < 0 or m.first_token >= trig.first or tokens[j].text not in openers:
        return False
    return not any(t.text in openers for t in tokens[m.last_token:trig.first])


_DASHES = frozenset({"-", "–", "—"})


def _dash_asides(doc, sentence) -> list[tuple[int, int]]:
    """The asides of a sentence set off by a pair of dashes: (opening dash, closing dash) tokens
    (once a sentence, not for each of its triggers)."""
    def asides() -> list[tuple[int, int]]:
        dashes = [j for j, w in enumerate(doc.texts[sentence.first_token:sentence.last_token], sentence.first_token)
                  if w in _DASHES]
        return list(zip(dashes[::2], dashes[1::2]))
    return of_sentence(doc, "dash_asides", sentence, asides)


def _owner_of_a_mention(reading: EventReading, m: Mention, sentence) -> bool:
    tokens = reading.doc.tokens
    j = m.first_token - 1
    if m.marker != MARKER_LI or j < 1 or tokens[j].text not in belonging_words(reading.doc.language):
        return False
    return any(o.last_token == j and not _people_of_a_kind(o) for o in reading.mention_spans.starting(sentence.first_token, j))


def _people_of_a_kind(m: Mention) -> bool:
    return m.source == "kind" and m.type == "Group"


def _opens_bracket(between) -> bool:
    """Whether the tokens between two mentions are an opening bracket and nothing else."""
    return bool(between) and not any(t.is_word for t in between) and any(t.text == "(" for t in between)


def _quoted_after(tokens, before: Mention, m: Mention) -> bool:
    """Whether m is quoted right after the name before it: one quotation mark between them that
    opens m's quotation, not the one closing a quoted name before ("“سوريا الديمقراطية” والمجلس
    العسكري": two bodies, the first in quotation marks). Normalization writes every double
    quotation mark as QUOTE: which one opens is told by the name before."""
    between = tokens[before.last_token:m.first_token]
    return len(between) == 1 and between[0].text == QUOTE \
        and not (before.first_token > 0 and tokens[before.first_token - 1].text == QUOTE)
