"""A statement that goes on: a verb of saying that opens its sentence and names no new speaker
before what was said ("وأشارت إلى أن", "وأضاف، أن", "وتابع: "), or names again one told before by
a word of their name ("وأشار عبد الرحمن إلى أن"; with the article: "وأوضح المصدر أن", "ولفتت المصادر إلى أن", "وأوضحت الخلية أن",
"وأضاف المصدر، الذي تحفظ عن ذكر اسمه، أن"), is a statement of its own of that speaker: the one of the
statement told last, or the last one the noun names, in the few sentences before. News tells what one speaker said over several sentences, each opened by
such a verb; the clause before may be a deed, a quotation or a statement whose speaker only the
statements settled (read/statement.py, read/accord.py) name, so the events component, which reads a
verb's subject from the clauses just before, leaves it with no one.

An indefinite noun after the verb ("وقال عقيد في الشرطة"), a name of another ("وقال الجيش") or a
definite noun no speaker before bears ("وذكر التلفزيون الرسمي"، "وأوضح الضابط الذي يقود العمليات")
names a new speaker and is no going on; a verb inside its sentence ("مضيفا", "قالت إنهم") is read
with its clause. The statement has the evidence of any statement (to the end of its sentence) and
the date the news's conventions give it (athar.read.newsdate)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from athar.read.function_words import function_words
from athar.read.informant import bare_word, speaker_nouns, unjoined_word
from athar.read.language import Language, language_data
from athar.read.memo import mention_starts
from athar.read.morphology import saying_forms
from athar.read.newsdate import carry_dates
from athar.read.rules import marker_forms
from athar.read.text import ARTICLE, COMMAS, QUOTE, QUOTE_MARKS, Doc, normalize_word
from athar.read.utterance import STATEMENT, what_was_said, with_words_said
from athar.read.values import Evidence, Fact

_SENTENCES = 3  # sentences back the statement a verb goes on from may be told in
_RECENT = 4  # the statements told last a definite noun may name again
_SUBJECT_WORDS = 10  # words between the verb and what was said ("المصدر، الذي تحفظ عن ذكر اسمه،")


@language_data
def _going_on(lang: Language) -> tuple[frozenset[str], frozenset[str]]:
    """attribution.tsv's verbs of saying (those read only where they open a sentence too: "وبين"), every
    form of lemmas.tsv's ("وأكدوا", "ورجحت"), and
    speakers.tsv's words that may stand between such a verb and what was said without naming a
    speaker ("إلى", "أيضا", "في بيان": kind "between")."""
    says = frozenset(f for row in lang.table("attribution.tsv", ("kind", "forms"))
                     if row["kind"] in ("say", "further", "opening") for f in row.forms("forms")) | saying_forms(lang)
    between = frozenset(f for row in lang.table("speakers.tsv", ("kind", "forms"))
                        if row["kind"] == "between" for f in row.forms("forms"))
    return says, between


def continued_statements(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """``facts`` with a Statement for each verb of saying that goes on with the speaker of the
    statement told last (see the module), in text order."""
    lang, tokens = doc.language, doc.tokens
    says, between = _going_on(lang)
    conjunctions = function_words(lang, "conjunction")
    starts = [doc.original(s.start, s.start)[0] for s in doc.sentences]  # in text order
    told = sorted(((f.trigger_start, f) for f in facts if f.type == STATEMENT and f.role("agent")), key=lambda tf: tf[0])
    read = sorted(f.trigger_start for f in facts if f.type == STATEMENT)  # a trigger may start after "و"
    added: list[Fact] = []
    recent: list[tuple[int, Fact]] = []  # the statements told last, with their sentences, latest last
    worded = _worded(doc)
    i = 0
    for sentence in doc.sentences:
        k = sentence.first_token
        tstart, tend = doc.original(tokens[k].start, tokens[k].end) if k < sentence.last_token else (None, None)
        while i < len(told) and (tstart is None or told[i][0] < tstart):
            recent = [*recent[1 - _RECENT:], (bisect_right(starts, told[i][0]) - 1, told[i][1])]
            i += 1
        recent = [(n, f) for n, f in recent if worded[sentence.index] - worded[n] <= _SENTENCES]
        if tstart is None or not recent or bisect_left(read, tend) > bisect_left(read, tstart):
            continue  # no statement before it, or its verb read already
        word = tokens[k].text
        if word[:1] not in conjunctions or unjoined_word(lang, word) not in says:
            continue
        fact = _going_on_from(doc, k, sentence, recent, between)
        if fact is not None:
            added.append(fact)
            recent = [*recent[1 - _RECENT:], (sentence.index, fact)]
    if not added:
        return facts
    added = carry_dates(doc, added)
    return sorted([*facts, *added], key=lambda f: (f.evidence.start, f.evidence.end, f.type))


def _worded(doc: Doc) -> list[int]:
    """For each sentence, how many sentences up to it hold a word: the reach back to a statement is
    counted in them, so that the marks of a quotation cut into pieces ("جداً... لكنه صعب.") do not
    stand for sentences of news."""
    tokens, out, n = doc.tokens, [], 0
    for sentence in doc.sentences:
        n += any(tokens[k].is_word for k in range(sentence.first_token, sentence.last_token))
        out.append(n)
    return out


def _going_on_from(doc: Doc, k: int, sentence, recent: list[tuple[int, Fact]],
                   between: frozenset[str]) -> Fact | None:
    """The statement of the verb at token ``k`` (its sentence's first) going on with the speakers of
    the statement told last (of ``recent``), or of the last one whose speaker the definite noun after
    the verb names again ("وأوضحت الخلية": a cell's); None when it names a speaker of its own or says
    nothing after it."""
    tokens, lang = doc.tokens, doc.language
    said = what_was_said(doc, _Verb(k, k + 1), sentence.last_token)
    if said >= sentence.last_token - 1 or said - k - 1 > _SUBJECT_WORDS:
        return None
    before = recent[-1][1]
    text = tokens[k + 1].text
    if not (text in COMMAS or text in between or text == QUOTE or k + 1 == said):
        word = bare_word(lang, text)
        if not text.startswith(ARTICLE) and word in speaker_nouns(lang):
            return None  # "وقال عقيد في الشرطة إن", "وقال مصدر آخر": a speaker of its own, described anew
        # "وأوضح المصدر", "وأوضحت الخلية", "وأشار عبد الرحمن": a word of a speaker's name, named again
        before = _named_again(lang, word, recent) or _described_again(lang, word, recent)
        if before is None:
            return None  # "وذكر التلفزيون الرسمي أن", "وتوقع X أن": another speaker
    speakers = {m.key for m in before.role("agent")}
    starts = mention_starts(doc)
    if any(m.key not in speakers for j in range(k + 1, said) for m in starts.get(j, ())):
        return None  # "وقال الجيش إن": a speaker of its own
    tstart, tend = doc.original(tokens[k].start, tokens[k].end)
    body = doc.text
    fact = Fact(type=STATEMENT, trigger=body[tstart:tend], trigger_start=tstart, trigger_end=tend,
                evidence=Evidence(tstart, tend, body[tstart:tend],
                                  body[slice(*doc.original(sentence.start, sentence.end))].strip()),
                roles=tuple(("agent", m) for m in before.role("agent")))
    return replace(fact, evidence=with_words_said(doc, fact, sentence.end))


def _named_again(lang: Language, word: str, recent: list[tuple[int, Fact]]) -> Fact | None:
    """The statement of ``recent`` told last whose speaker ``word`` names again, a word of its name
    ("الخلية": "خلية الإعلام الحربي", "المصدر": "مصدر أمني", "علوش": "X علوش"); None when no speaker
    told there bears it ("وأوضح الضابط الذي يقود العمليات": an officer not named before)."""
    for _, f in reversed(recent):
        if any(word in (bare_word(lang, w) for w in m.label_ar.split()) for m in f.role("agent")):
            return f
    return None


def _described_again(lang: Language, word: str, recent: list[tuple[int, Fact]]) -> Fact | None:
    """The statement told last when ``word`` is a noun of a speaker named by what they are (speakers.tsv:
    "المصدر", "المراسل", "المصادر") that its words before what was said used: "وأفاد مراسل الوكالة بأن ... وأوضح المراسل أن" (the
    correspondent the agency speaks through), "وقالت مصادر محلية ... وأضافت المصادر المذكورة أن". None when
    the statement told last used no such word ("وأوضح الضابط الذي يقود العمليات": an officer not told before)."""
    if word not in speaker_nouns(lang):
        return None
    last = recent[-1][1]
    return last if word in _speaker_words(lang, last) else None


def _speaker_words(lang: Language, f: Fact) -> set[str]:
    """The bare words of the statement ``f``'s evidence before what was said (its first "أن", "إن",
    colon or quotation mark): those a word of what was said does not name ("وقال الجيش إن مصادر
    استخباراتية أكدت ... وأضافت المصادر": the sources said it, not the army)."""
    openers, out = marker_forms(lang, "clause"), set()
    for raw in f.evidence.text.split():
        if raw[0] in QUOTE_MARKS:
            break
        w = normalize_word(raw.rstrip(_COLON + "".join(COMMAS)))
        if w in openers:
            break
        out.add(bare_word(lang, w))
        if raw.endswith(_COLON):
            break
    return out


_COLON = ":"  # what was said follows it


class _Verb:
    """The span of a verb of saying, as read/utterance.py's functions read a trigger's."""

    __slots__ = ("first", "last")

    def __init__(self, first: int, last: int):
        self.first, self.last = first, last
