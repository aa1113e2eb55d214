"""What was said: where the words a verb of saying introduces begin ("أن", "إن", a colon, a
quotation mark), the evidence of a statement run over them, and whether a statement is a speech act
of its own though its speaker spoke before (read/statement.py settles who said it)."""

from __future__ import annotations

from athar.read.clause import Trigger
from athar.read.function_words import function_words
from athar.read.informant import pluperfect_words, unjoined_word
from athar.read.language import Language, language_data
from athar.read.memo import first_sayings, mention_starts
from athar.read.mentions import is_a
from athar.read.rules import marker_forms, rules
from athar.read.text import ARTICLE, COMMAS, QUOTE, Doc
from athar.read.values import Evidence, Fact

STATEMENT = "Statement"
_COLON = ":"


@language_data
def _openers(lang: Language) -> tuple[frozenset[str], frozenset[str]]:
    """Words that open what was said ("أن", "إن", "بأن", "أنه") and the pronoun endings they take."""
    clause = marker_forms(lang, "clause")
    return clause | function_words(lang, "self_reference"), frozenset(
        o + p for o in clause for p in function_words(lang, "pronoun_suffix"))


def says_anew(doc: Doc, trig: Trigger) -> bool:
    """Whether a statement is a speech act of its own though its speaker spoke before: told with a
    noun of statement of its own between the verb and what was said ("وأوضح البيان أن", "وقال بيان
    للوزارة", "وأكد التحالف في بيانه أن", "وذكر في تقرير نشره"). A verb that only says again what
    its speaker holds ("وأكد التحالف أن") is the statement told before."""
    tokens = doc.tokens
    sentence = doc.sentences[tokens[trig.first].sentence]
    said = what_was_said(doc, trig, sentence.last_token)
    matcher = rules(doc.language)[0]
    for k in range(trig.first + 1, said):
        hit = matcher.match_at(tokens, k)
        if hit is not None and hit[2].event == STATEMENT and hit[2].pos == "noun":
            return True
    return False


def what_was_said(doc: Doc, trig: Trigger, end: int) -> int:
    """The token where what was said begins ("أن", "إن", "إنهم", a colon, a quotation mark right
    after the verb or after its speaker: "وأضاف سلو «سيطرت قواتنا»", "وأضاف الصدر، “فها هي"), or
    ``end``."""
    words, suffixed = _openers(doc.language)
    tokens = doc.tokens
    for i in range(trig.last, end):
        w = tokens[i].text
        if w == _COLON or w in words or w in suffixed:
            return i
        if w == QUOTE and not _quoted_name(doc, i) and (i == trig.last or _after_speaker(doc, trig, i)):
            return i
    return end


_QUOTE_REACH = 16  # words between a verb of saying and a quotation its speaker opens ("قال X على هامش مؤتمر ... ، “")


def _after_speaker(doc: Doc, trig: Trigger, i: int) -> bool:
    """Whether the quotation mark at token i opens the words a speaker said: right after a comma, or
    right after a name that follows the verb ("وأضاف سلو «", "وقال X، المتحدث باسم الوزارة، “"), within
    reach, or right after the one word after the verb (the speaker named again); a quotation that
    closes within a few words is a name in quotes, not the words said."""
    tokens = doc.tokens
    if i - trig.last > _QUOTE_REACH or any(t.text == QUOTE for t in tokens[i + 1:i + 2 + _NAME_IN_QUOTES]):
        return False  # "أفادت صادر “شام إف إم” في الرقة": a name in quotes
    return tokens[i - 1].text in COMMAS or i == trig.last + 1 or any(
        m.last_token == i for m in mention_starts(doc).get(trig.last, ()))


_NAME_IN_QUOTES = 4  # the most words a name in quotes has ("“غرفة عمليات حوار كلس”"); words said run longer


def _quoted_name(doc: Doc, i: int) -> bool:
    """Whether the quotation mark at token i opens a name, closed right after it ("أكد “المرصد
    السوري” أن"), not the words said."""
    tokens = doc.tokens
    return any(m.last_token < len(tokens) and tokens[m.last_token].text == QUOTE
               for m in mention_starts(doc).get(i + 1, ()))


def with_words_said(doc: Doc, f: Fact, sentence_end: int) -> Evidence:
    """The fact's evidence, run on to the end of its sentence: what was said is part of it."""
    body = doc.text
    end = doc.original(sentence_end, sentence_end)[0]
    while end > f.evidence.end and body[end - 1] in " \t\r\n.":
        end -= 1
    if end <= f.evidence.end:
        return f.evidence
    return Evidence(f.evidence.start, end, body[f.evidence.start:end], f.evidence.sentence)



def reported(doc: Doc, p: Trigger) -> bool:
    """Whether an event other than a statement is told after a verb or noun of saying of its
    sentence ("أعلن التحالف أن قسد سيطرت على القرية"): what a speaker reported, whose doer does not
    go on speaking after it; the saying may be one the reading dropped (no speaker read for it)."""
    if p.rule.event == STATEMENT:
        return False
    said = first_sayings(doc, STATEMENT).get(doc.tokens[p.first].sentence)
    return said is not None and said <= p.first


_NAME_WORDS = 8  # the longest name a subject before its verb is looked for over ("قوات سوريا الديمقراطية")


def own_subject(doc: Doc, trig: Trigger) -> list:
    """The bodies a verb of saying names as its subject right before it, where its clause opens, "كان",
    "قد" or a comma between ("وكانت قوات سوريا الديمقراطية قد أعلنت", "الجيش أعلن"), whether or not
    the rule takes them for speakers: the verb does not go on with the speaker of the statement before
    it (athar.read.succession). (A person named so is the speaker: read.statement.subject_before.)"""
    tokens, lang = doc.tokens, doc.language
    if trig.rule.pos != "verb" or trig.proclitic:
        return []
    first = doc.sentences[tokens[trig.first].sentence].first_token
    before, k = pluperfect_words(lang), trig.first - 1
    while k >= first and (tokens[k].text in COMMAS or unjoined_word(lang, tokens[k].text) in before):
        k -= 1
    if k < first:
        return []
    starts, opens = mention_starts(doc), before | function_words(lang, "complementizer")
    return [m for j in range(max(first, k - _NAME_WORDS), k + 1) for m in starts.get(j, ())
            if m.last_token == k + 1 and not m.marker and is_a(m.type, "Actor") and m.type != "Person"
            and (m.first_token == first or unjoined_word(lang, tokens[m.first_token - 1].text) in opens)]


_PLUPERFECT_REACH = 8  # words between "وكان" and its verb ("وكان وزير الدفاع العراقي، X، أعلن")


def told_before(doc: Doc, trig: Trigger) -> bool:
    """Whether a verb of saying is told in the pluperfect ("وكان X قد أعلن", "وكان الوزير أكد"):
    speakers.tsv's pluperfect words ("كان", "قد") within reach before it in its sentence. It tells
    what was said on an earlier occasion, which a later statement does not repeat."""
    tokens, lang = doc.tokens, doc.language
    first = doc.sentences[tokens[trig.first].sentence].first_token
    return any(unjoined_word(lang, tokens[k].text) in pluperfect_words(lang)
               for k in range(max(first, trig.first - _PLUPERFECT_REACH), trig.first))


_STATEMENT_REACH = 2  # sentences back the statement a verb and "البيان" go on with may be told


def statement_before(reading, trig: Trigger) -> list:
    """"وقال بيان للوزارة إن ... وتابع البيان": a verb of saying whose subject is the definite noun of a
    statement ("البيان", "التقرير": events.tsv's rows of a verb and that noun) goes on with the statement
    told last (:func:`goes_on_from`), in its sentence or the two before: the speakers of that statement
    speak again (a statement of its own, :func:`says_anew`). [] when no statement with a speaker is told
    there."""
    if not named_again(reading.doc, trig):
        return []
    # the noun names the statement: deeds told between ("وقال بيان ... . وشنت الطائرات غارات ... . وتابع
    # البيان") do not stand for it
    p = goes_on_from(reading.doc, trig, reading.previous, _STATEMENT_REACH, statements_only=True)
    return [m for r, m in p.roles if r == "agent"] if p is not None else []


def goes_on_from(doc: Doc, trig: Trigger, previous: list, reach: int, statements_only: bool = False) -> Trigger | None:
    """The event (a statement, when ``statements_only``) told last before the statement ``trig``, with
    a doer, in its sentence or the ``reach`` before, passing over what a speaker reported
    (:func:`reported`): the one a statement with no speaker of its own goes on from ("أعلن التحالف أن
    قسد سيطرت على القرية، كما صرح بأن": the coalition's statement, not the SDF's taking). Asked by
    "وتابع البيان" (:func:`statement_before`) and by a verb of saying alone
    (athar.read.succession.inherit); None when none is told there."""
    tokens = doc.tokens
    sentence = tokens[trig.first].sentence
    for p in reversed(previous):
        if sentence - tokens[p.first].sentence > reach:
            break
        if p.last <= trig.first and not reported(doc, p) and any(r == "agent" for r, _ in p.roles) \
                and (p.rule.event == STATEMENT or not statements_only):
            return p
    return None


def named_again(doc: Doc, trig: Trigger) -> bool:
    """Whether a Statement's trigger is a verb of saying and the definite noun of a statement, its
    subject ("وتابع البيان", "وأضاف التقرير"): a statement told before, named again."""
    return trig.last - trig.first == 2 and not trig.gaps and trig.rule.event == STATEMENT \
        and doc.tokens[trig.last - 1].text.startswith(ARTICLE)
