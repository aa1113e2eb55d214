"""An armed party's announcement: "أعلن الجيش العراقي اليوم السيطرة على القرية", "وكانت قوات سوريا
الديمقراطية قد أعلنت", "أعلن تنظيم داعش مسؤوليته عن التفجير". The verb (speakers.tsv "announce") tells
two things: the party's statement, and the deed it announces, read by the events component with the
doer and the roles its clause gives it. The statement is added here, after the events are read and their
statements settled, so that the deed's reading is the one it has without it (events.tsv gives the verb
civil speakers only: an armed party named by it is no speaker there, and reads as the deed's doer).

The speaker is the armed party named right after the verb, or before it where its clause opens ("كان",
"قد" or a comma between: "وكانت قسد قد أعلنت", "أن الحشد الشعبي أعلن"); an armed force, group or
coalition, or a body whose name says it is armed ("المجلس العسكري"); and so a country ("أعلنت ألمانيا
عن تقديم", "وكانت ألمانيا أعلنت أنها"), which events.tsv's verb does not take for a speaker either. The statement's evidence runs to the
end of its sentence, as any statement's; its date is one named by the words of the announcement
(between the verb and what was announced, or right before the verb), else the one the news's
conventions give it (athar.read.newsdate: the lead's news is of the day it is published)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from athar.read.function_words import function_words
from athar.read.informant import speaker_table, pluperfect_words, unjoined_at, unjoined_word
from athar.read.language import Language, language_data
from athar.read.memo import mention_starts, triggers_by_first
from athar.read.newsdate import carry_dates
from athar.read.statement import armed_by_name
from athar.read.mentions import Mention, is_a
from athar.read.text import COMMAS, QUOTES, Doc
from athar.read.utterance import STATEMENT, with_words_said
from athar.read.values import Evidence, Fact

_NAME_WORDS = 8  # the longest name of a speaker before its verb ("قوات سوريا الديمقراطية")
_DATE_REACH = 12  # words after the speaker the words of the announcement may run over ("، في بيان نقلته الوكالة أمس")


@language_data
def announce_words(lang: Language) -> frozenset[str]:
    """speakers.tsv's verbs of announcing whose speaker may be an armed party ("أعلن", "أعلنت")."""
    return frozenset(w for w, k in speaker_table(lang).items() if k == "announce")


@language_data
def announced_words(lang: Language) -> frozenset[str]:
    """speakers.tsv's words after which comes what was announced ("أعلن عن")."""
    return frozenset(w for w, k in speaker_table(lang).items() if k == "announced")


def armed_announcements(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """``facts`` with the Statement of each armed party's announcement that none of them reads (see
    the module), in text order."""
    lang = doc.language
    forms = announce_words(lang)
    tokens = doc.tokens
    said = sorted((f.trigger_start, f.trigger_end) for f in facts if f.type == STATEMENT)
    said_starts = [s for s, _ in said]
    dates = [d.start for d in doc.dates or ()]  # in text order
    added: list[Fact] = []
    for k in unjoined_at(doc, forms):
        tok = tokens[k]
        speaker = _after(doc, tok.index) or (_before(doc, tok.index) if tok.text in forms else None)
        if speaker is None:
            continue
        tstart, tend = doc.original(tok.start, tok.end)
        i = bisect_left(said_starts, tend)  # the statement starting last before the verb's end may hold it
        if i and said[i - 1][1] > tstart:
            continue  # read as a statement already
        added.append(_statement(doc, tok.index, speaker, tstart, tend, dates))
    if not added:
        return facts
    # dated as the other events were (athar.read.newsdate): the lead's announcement is the day's news
    added = carry_dates(doc, added)
    return sorted([*facts, *added], key=lambda f: (f.evidence.start, f.evidence.end, f.type))


def _armed(lang: Language, m: Mention) -> bool:
    """Whether a mention names a party whose announcement events.tsv's verb does not read: an armed
    one, or a country ("أعلنت ألمانيا عن تقديم", "وكان العراق قد أعلن"), which the verb's slots leave
    to the deed it announces."""
    return not m.marker and (is_a(m.type, "Armed") or m.type == _COUNTRY or armed_by_name(lang, m))


_COUNTRY = "Country"


def _after(doc: Doc, k: int) -> Mention | None:
    """The armed party named right after the verb at token ``k`` ("أعلن الجيش العراقي"), in quotation
    marks or not ('أعلن "مجلس منبج العسكري"')."""
    tokens = doc.tokens
    j = k + 1
    if j < len(tokens) and tokens[j].text in QUOTES:
        j += 1
    if j >= len(tokens) or tokens[j].sentence != tokens[k].sentence:
        return None
    named = [m for m in mention_starts(doc).get(j, ()) if _armed(doc.language, m)]
    return max(named, key=lambda m: m.last_token, default=None)


def _before(doc: Doc, k: int) -> Mention | None:
    """The armed party named where the clause of the verb at token ``k`` opens, "كان", "قد" or a comma
    between ("وكانت قوات سوريا الديمقراطية قد أعلنت", "يذكر أن الحشد الشعبي أعلن"); not a relative
    clause's ("الأفواج التي أعلنت")."""
    tokens, lang = doc.tokens, doc.language
    first = doc.sentences[tokens[k].sentence].first_token
    before, j = pluperfect_words(lang), k - 1
    while j >= first and (tokens[j].text in COMMAS or unjoined_word(lang, tokens[j].text) in before):
        j -= 1
    if j < first:
        return None
    starts, opens = mention_starts(doc), before | function_words(lang, "complementizer")
    named = [m for i in range(max(first, j - _NAME_WORDS), j + 1) for m in starts.get(i, ())
             if m.last_token == j + 1 and _armed(lang, m)
             and (m.first_token == first or unjoined_word(lang, tokens[m.first_token - 1].text) in opens)]
    return min(named, key=lambda m: m.first_token, default=None)


def _statement(doc: Doc, k: int, speaker: Mention, tstart: int, tend: int, starts: list[int]) -> Fact:
    tokens = doc.tokens
    sentence = doc.sentences[tokens[k].sentence]
    nstart, nend = min(tokens[k].start, speaker.start), max(tokens[k].end, speaker.end)
    start, end = doc.original(nstart, nend)
    sstart, send = doc.original(sentence.start, sentence.end)
    body = doc.text
    f = Fact(type=STATEMENT, trigger=body[tstart:tend], trigger_start=tstart, trigger_end=tend,
             evidence=Evidence(start, end, body[start:end], body[sstart:send].strip()),
             roles=(("agent", speaker),), date=_date(doc, k, speaker, starts))
    return replace(f, evidence=with_words_said(doc, f, sentence.end))


def _date(doc: Doc, k: int, speaker: Mention, starts: list[int]):
    """The date the words of the announcement name: after the verb and its speaker, before what was
    announced (the word of an event, "أن", or "عن": "أعلن عن نجاح مقاتليه خلال الأيام الثلاثة الماضية") ("أعلن الجيش اليوم الخميس", "أعلنت قسد، في بيان نقلته
    الوكالة أمس السبت، بدء حملة"), or before the verb in its clause ("والخميس الماضي، أعلن الجيش",
    "وفي 20 آذار الجاري، أعلن التحالف"). ``starts``: where the text's dates start."""
    tokens, lang = doc.tokens, doc.language
    sentence = tokens[k].sentence
    last = max(k, speaker.last_token - 1)
    events, openers = triggers_by_first(doc), function_words(lang, "complementizer") | announced_words(lang)
    reach = last
    while reach + 1 < min(last + _DATE_REACH, len(tokens)) and tokens[reach + 1].sentence == sentence:
        t = events.get(reach + 1)
        if t is not None and t.rule.event != STATEMENT and t.rule.pos == "noun" \
                or unjoined_word(lang, tokens[reach + 1].text) in openers:
            break  # what was announced (a verb is a relative clause's: "في بيان نقلته الوكالة أمس")
        reach += 1
    lo, hi = tokens[k].end, tokens[reach].end
    near = tokens[max(k - _NAME_WORDS, doc.sentences[sentence].first_token)].start
    dates = doc.dates or []  # in text order
    after = [d for d in dates[bisect_left(starts, lo):bisect_left(starts, hi)] if d.end <= hi and not d.anchor]
    if after:
        return after[0]
    before = [d for d in dates[bisect_left(starts, near):bisect_left(starts, tokens[k].start)]
              if d.end <= tokens[k].start and not d.anchor]
    return before[-1] if before else None
