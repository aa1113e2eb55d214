"""Statements told by a word of attribution: "بحسب X", "وفقا لـ X", "حسبما أفاد X", "نقلا عن X"
say that X told what the sentence tells, a statement of X's as much as "قال X" is. The source is
the first body, person or outlet that can speak, named within a few words after the word of
attribution (past "ما" and a verb of saying: "بحسب ما أفاد موقع"); the evidence runs from the
word to the source. The statement is dated as the other events are (athar.read.newsdate): the
lead's is the news of the day the report is published, the body's the day the lead tells. A title names the person after
it ("وفق مدير المرصد X"); a noun of what a body issues ("بحسب تقديرات الحكومة") the body. "نقلت X
عن Y" tells two statements, X's and Y's. Nothing else changes: the events
the sentence reports keep their roles (read/circumstance.py's ``attribution`` reads the source
apart from them).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from athar.read.entity import title_matcher
from athar.read.informant import (
    OUTLET, SOURCE_KEY, UNNAMED, speaker_table, bare_word, speaker_nouns, unjoined_at, unjoined_word, unnamed_source)
from athar.read.language import Language, language_data
from athar.read.mentions import Mention
from athar.read.newsdate import carry_dates
from athar.read.statement import _speaks, according_words
from athar.read.text import Doc
from athar.read.unlisted import unlisted_speaker
from athar.read.utterance import STATEMENT
from athar.read.values import Evidence, Fact

# how many words after the word of attribution the source may start ("بحسب ما أفاد موقع X")
_REACH = 4


@language_data
def _accord_forms(lang: Language) -> dict[str, tuple[tuple[str, ...], ...]]:
    """attribution.tsv's "according" forms that name a speaker right after them, by their first
    word, longest first; "جاء ذلك في" names the occasion, not who spoke."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in according_words(lang):
        if words[0] in _OCCASION:
            continue
        out.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(f, key=len, reverse=True)) for w, f in out.items()}


_OCCASION = frozenset({"جاء", "ورد"})  # "جاء ذلك في", "ورد ذلك في": where, not who


def accord_statements(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """``facts`` with a Statement for each word of attribution whose source is named (see the
    module), in text order."""
    lang, tokens = doc.language, doc.tokens
    forms, relays, records = _accord_forms(lang), relay_words(lang), record_words(lang)
    told = {f.trigger_start for f in facts if f.type == STATEMENT}  # where the verbs read start
    # a token that is no relay's or record's verb and starts no form is passed over: only these are looked at
    hits = unjoined_at(doc, relays | records | forms.keys())
    if not hits:
        return facts
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions or ():
        by_sentence.setdefault(tokens[m.first_token].sentence, []).append(m)
    added: list[Fact] = []
    for sentence in doc.sentences:
        mentions = by_sentence.get(sentence.index, [])
        i = sentence.first_token
        while True:
            h = bisect_left(hits, i)
            if h == len(hits) or hits[h] >= sentence.last_token:
                break
            i = hits[h]
            if unjoined_word(lang, tokens[i].text) in relays:
                relayed = _relayed(doc, sentence, i, mentions)
                added.extend(relayed)
                i = relayed[-1].roles[0][1].last_token if relayed else i + 1
                continue
            if unjoined_word(lang, tokens[i].text) in records:
                # "فيما رصد المرصد السوري مقتل": the outlet named right after records the news
                outlet = next((m for m in mentions if m.first_token == i + 1 and m.type == OUTLET), None)
                if outlet is not None:
                    added.append(_statement(doc, sentence, i, i + 1, outlet))
                i += 1
                continue
            end = _cue_end(doc, forms, i, sentence.last_token)
            if end is None:
                i += 1
                continue
            source = _source(doc, end, sentence.last_token, mentions)
            if source is not None and not _told_by_verb(doc, end, sentence.last_token, told):
                added.append(_statement(doc, sentence, i, end, source))
            i = end
    if not added:
        return facts
    added = carry_dates(doc, added)  # "ووفق مصادر أمنية" in a hard-news report: the day's news, as "وقالت مصادر"
    return sorted([*facts, *added], key=lambda f: (f.evidence.start, f.evidence.end, f.type))


@language_data
def relay_words(lang: Language) -> frozenset[str]:
    """attribution.tsv's verbs by which one tells what another said, named after "عن" ("نقلت")."""
    return frozenset(f for row in lang.table("attribution.tsv", ("kind", "forms"))
                     if row["kind"] == "relay" for f in row.forms("forms"))


@language_data
def record_words(lang: Language) -> frozenset[str]:
    """attribution.tsv's verbs by which a monitor or an outlet named right after records the news ("رصد")."""
    return frozenset(f for row in lang.table("attribution.tsv", ("kind", "forms"))
                     if row["kind"] == "record" for f in row.forms("forms"))


def _relayed(doc: Doc, sentence, i: int, mentions: list[Mention]) -> list[Fact]:
    """"ونقلت وكالة رويترز عن مصدر عسكري": the Statements of the teller named after the verb at
    token ``i`` and of whom it tells, named after "عن" (none when no teller is named there)."""
    tokens, last = doc.tokens, sentence.last_token
    teller = _source(doc, i + 1, last, mentions)
    if teller is None or teller.key.startswith(SOURCE_KEY) and teller.type != OUTLET:
        return []
    out = [_statement(doc, sentence, i, i + 1, teller)]
    j = teller.last_token
    while j < min(last, teller.last_token + _RELAY_REACH) and tokens[j].text != _FROM:
        j += 1
    other = _source(doc, j + 1, last, mentions) or unlisted_speaker(doc, j + 1, last, mentions) \
        if j + 1 < last and tokens[j].text == _FROM else None
    if other is not None:
        out.append(_statement(doc, sentence, j, j + 1, other))
    return out


_FROM = "عن"  # "نقلت X عن Y": Y said it
_RELAY_REACH = 6  # how many words after the teller "عن" may come ("ونقلت وكالة X الروسية للأنباء عن")


def _source(doc: Doc, k: int, last: int, mentions: list[Mention]) -> Mention | None:
    """Who the word of attribution ending before token ``k`` names: a body, person or outlet
    starting within a word of ``k`` ("بحسب وكالة سبوتنيك", "وفقا لشبكة رووداو"), or a source named
    by what it is ("بحسب مصادر أمنية"); past "ما" and its verb ("بحسب ما أفاد", "حسبما قال")."""
    tokens, lang = doc.tokens, doc.language
    if tokens[k - 1].text.endswith(_WHAT) or (k < last and tokens[k].text == _WHAT):
        k += 1 if tokens[k - 1].text.endswith(_WHAT) else 2  # "حسبما ذكرت", "وفق ما أفاد": past the verb
    if k >= last:
        return None
    if _document(doc, k):
        # "بحسب إحصاءات إدارة المخيم", "ووفق بيان صادر عن الخلية": the body whose it is, a few words on
        body = next((m for m in mentions if k < m.first_token < min(last, k + _DOCUMENT_REACH)
                     and m.type != "Person" and _speaks(lang, m)), None)
        if body is not None:
            return body
    if _titled(doc, k):
        # "بحسب قائد فريق العمليات في المنظمة، X", "وفق مدير المرصد X": the person the title names
        person = next((m for m in mentions if k < m.first_token < min(last, k + _TITLE_REACH) and m.type == "Person"), None)
        if person is not None:
            return person
    for m in mentions:
        if m.first_token > k + 1:
            break
        if m.first_token < k < m.last_token:
            return None  # the word is inside a name ("مجلس حسب ...")
        if k <= m.first_token and _speaks(lang, m):
            return m
    return _described(doc, k, last, mentions)


def _described(doc: Doc, k: int, last: int, mentions: list[Mention]) -> Mention | None:
    """A source named by what it is at token ``k`` ("بحسب مصادر أمنية", "حسبما قال نشطاء", "حسب
    شهود عيان", "ووفقا لمصادر أمنية"): after a word of attribution, whoever tells speaks."""
    tokens, lang = doc.tokens, doc.language
    word = tokens[k].text
    if word.startswith(_TO) and speaker_nouns(lang).get(bare_word(lang, word[1:])) in _TOLD_BY:
        # "لمصادر": the preposition of "وفقا ل" joined to the noun; read the noun alone
        return unnamed_source(_unjoined(doc, k), k, last, mentions, _TOLD_BY)
    return unnamed_source(doc, k, last, mentions, _TOLD_BY)


_TO = "ل"
_TOLD_BY = (UNNAMED, "official", "source")  # speakers.tsv's kinds of a source described


def _unjoined(doc: Doc, k: int) -> Doc:
    """``doc`` with token ``k`` read without the "ل" joined to it."""
    t = doc.tokens[k]
    tokens = list(doc.tokens)
    tokens[k] = t._replace(start=t.start + 1, text=t.text[1:])
    return replace(doc, tokens=tuple(tokens))


def _told_by_verb(doc: Doc, k: int, last: int, told: set[int]) -> bool:
    """Whether the verb after "ما" ("وفق ما أفاد المرصد") was read as a Statement of its own: the
    word of attribution adds none."""
    tokens = doc.tokens
    verb = k if tokens[k - 1].text.endswith(_WHAT) else k + 1 if k < last and tokens[k].text == _WHAT else None
    return verb is not None and verb < last and doc.norm.to_original(tokens[verb].start, tokens[verb].end)[0] in told


def _document(doc: Doc, k: int) -> bool:
    """Whether a noun of what a body issues or gathers stands at token ``k`` (speakers.tsv
    document: "بيان", "إحصاءات", "للبيانات")."""
    lang, word = doc.language, doc.tokens[k].text
    words = {bare_word(lang, word)}
    if word.startswith(_TO + _TO):
        words.add(word[2:])  # "للبيانات": ل and the article
    elif word.startswith(_TO):
        words.add(word[1:])
    return any(speaker_table(lang).get(w) == _DOCUMENT for w in words)


_DOCUMENT = "document"
_DOCUMENT_REACH = 6  # "وفقا للبيانات الرسمية للأمم المتحدة", "ووفق بيان صادر عن خلية"


def _titled(doc: Doc, k: int) -> bool:
    """Whether a title or an official's noun stands at token ``k`` ("مدير", "قائد", "المتحدث")."""
    lang = doc.language
    return title_matcher(lang).match_at(doc.tokens, k) is not None or \
        speaker_nouns(lang).get(bare_word(lang, doc.tokens[k].text)) in (UNNAMED, "official")


_TITLE_REACH = 10  # how many words a title and its body may run before the person's name
_WHAT = "ما"  # "بحسب ما", "حسبما": what a verb after it says


def _cue_end(doc: Doc, forms: dict[str, tuple[tuple[str, ...], ...]], i: int, last: int) -> int | None:
    """The token after a word of attribution that starts at token ``i``, or None."""
    tokens = doc.tokens
    first = unjoined_word(doc.language, tokens[i].text)
    for words in forms.get(first, ()):
        end = i + len(words)
        if end <= last and tuple(t.text for t in tokens[i + 1:end]) == words[1:]:
            return end
        joined = end - 1  # "وفقا لوزارة": the preposition joined to the source's first word
        if len(words) > 1 and len(words[-1]) == 1 and joined < last and tuple(
                t.text for t in tokens[i + 1:joined]) == words[1:-1] and tokens[joined].text.startswith(words[-1]):
            return joined
    return None


def _statement(doc: Doc, sentence, first: int, end: int, source: Mention) -> Fact:
    norm, body, tokens = doc.norm, doc.text, doc.tokens
    tstart, tend = norm.to_original(tokens[first].start, tokens[end - 1].end)
    start, stop = norm.to_original(tokens[first].start, source.end)
    sstart, send = norm.to_original(sentence.start, sentence.end)
    return Fact(type=STATEMENT, trigger=body[tstart:tend], trigger_start=tstart, trigger_end=tend,
                evidence=Evidence(start, stop, body[start:stop], body[sstart:send].strip()),
                roles=(("agent", source),))
