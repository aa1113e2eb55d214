"""Statements: who said what. The events component reads a Statement from a verb of saying
or a noun ("قال", "أكد", "بيان", "تقرير") and its roles from the clause, as it reads any event;
what a statement is, and who makes it, is settled here, as the events component's last step:

- the speaker named by what they are (``speakers.tsv``, read/informant.py): witnesses, activists,
  residents and a body's members unnamed ("وذكر ناشطون بأن", "وقال شهود عيان إن", "قال أحد ضباط
  الأمن إن") speak as the text describes them, and do none of what they tell; an official who speaks for a body ("وقال مسؤول في هيئة العلاقات الخارجية") makes the body the
  speaker; a source, an officer, a commander, an official of no body named or the holder of an
  office named by its place, with no name ("وأوضح مصدر أمريكي أن", "وقال ضابط في الجيش لوكالة
  فرانس برس", "وفق ما أفاد مسؤول محلي", "وقال محافظ نينوى") speaks as the text describes them;
  the agency after "ل" hears what was said;
- an agency or a monitor that tells the news ("ذكرت وكالة سانا أن", "وفق ما أفاد المرصد
  السوري") is the speaker of what it tells, and so is a media office ("أفاد مركز الإعلام الأمني
  بأن", "أعلن إعلام الحشد الشعبي أن"), its side's channel of news;
- a noun of statement right after a word of attribution ("بحسب البيان", "وفق التقرير") names
  where other news comes from, no statement of its own;
- what was said is no speaker, nor the place it was said in: a name after "أن"/"إن" or a
  colon ("قالت إنهم من عائلات تنظيم داعش") is part of the words said;
- a person named with a title between the verb and what was said ("وذكر X ممثل اليونيسف في
  العراق أن", "وقال اللواء X، المتحدث باسم الوزارة، إن") is the speaker, the body of the title
  only describes them; a body named only as
  that of a title ("قال ... مدير قسم الإرهاب في المنظمة") makes no statement of its own; a
  member of a body named with their title ("قال X أحد عناصر البشمركة") speaks as the person named,
  for no body;
- someone named after the word of an event as one it was done to ("أعلنت وزارة الدفاع مقتل
  القيادي في التنظيم أبو X") is no speaker: the body the rules read speaks, if any;
- the evidence of a statement runs over what was said, to the end of its sentence.

A Statement left with no speaker is dropped, and so is a noun of statement whose speaker made
the statement its sentence told before it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from athar.read.clause import Trigger
from athar.read.entity import title_matcher
from athar.read.function_words import function_word, function_words
from athar.read.informant import (  # noqa: F401 (speaker_nouns, speaker_table: read by tests)
    OUTLET, SOURCE_KEY, UNNAMED, speaker_table, bare_word, pluperfect_words, speaker_nouns, unjoined_word,
    unnamed_source)
from athar.read.language import Language, language_data
from athar.read.lexicon import check_choice
from athar.read.memo import triggers_by_start
from athar.read.mentions import Mention, is_a
from athar.read.pluperfect import pluperfect_subject
from athar.read.text import ARTICLE, COMMAS, QUOTE, Doc, normalize_word
from athar.read.unlisted import unlisted_speaker
from athar.read.utterance import STATEMENT, what_was_said, with_words_said, named_again
from athar.read.values import Fact

# how many words after an official's noun the body they speak for may start ("مسؤول رفيع في وزارة")
_BODY_REACH = 4
# how many words after the verb the speaker and their titles may run before what was said
_SPEAKER_REACH = 16
_TITLE_WORDS = 4  # the longest title ("الفريق أول الركن")
_TO = "ل"  # the preposition joined to an outlet that hears what was said ("لوكالة رويترز")
_MEMBER = "member"  # titles.tsv's role of a body's members ("أحد عناصر", "الضابط في")


@language_data
def behalf_phrases(lang: Language) -> tuple[tuple[str, ...], ...]:
    """The words that name whom a statement speaks for ("بالنيابة عن", "نيابة عن"), longest first."""
    return _phrases(lang, "behalf")


@language_data
def issued_phrases(lang: Language) -> tuple[tuple[str, ...], ...]:
    """The words after a noun of statement that name who issued it ("صادر عن"), longest first."""
    return _phrases(lang, "issued")


def _phrases(lang: Language, kind: str) -> tuple[tuple[str, ...], ...]:
    found = {tuple(f.split()) for row in lang.table("speakers.tsv", ("kind", "forms"))
             if row["kind"] == kind for f in row.forms("forms")}
    return tuple(sorted(found, key=len, reverse=True))


@language_data
def armed_words(lang: Language) -> frozenset[str]:
    """Words that make a body's name that of an armed one ("العسكري")."""
    return frozenset(w for w, k in speaker_table(lang).items() if k == "armed")


@language_data
def according_words(lang: Language) -> frozenset[tuple[str, ...]]:
    """attribution.tsv's "according" forms ("بحسب", "وفقا ل", "جاء ذلك في"), as normalized words."""
    out = set()
    for row in lang.table("attribution.tsv", ("kind", "forms")):
        kind = check_choice(row, "kind", ("say", "according", "further", "relay", "record", "opening"))
        if kind == "according":
            out.update(tuple(f.split()) for f in row.forms("forms"))
    return frozenset(out)


def settle_statements(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """``facts`` (the events read, in text order) with their Statements settled: each with its
    speaker and its words, or left out (see the module)."""
    if not any(f.type == STATEMENT for f in facts):
        return facts
    triggers = triggers_by_start(doc)  # once a text (athar.read.memo)
    by_sentence: dict[int, list[Mention]] = {}  # each sentence's mentions, in the doc's order: one pass
    for m in doc.mentions or ():
        by_sentence.setdefault(doc.tokens[m.first_token].sentence, []).append(m)
    # who events are done to or with ("مقتل القيادي أبو X": X), and where the words of events start
    undergoing = ({m.key for f in facts if not f.relation and f.type != STATEMENT for r, m in f.roles if r != "agent"},
                  sorted(t.first for t in doc.triggers or () if t.rule.event != STATEMENT))
    out: list[Fact] = []
    last: tuple[Fact, int] | None = None  # the statement settled last, and its sentence
    for f in facts:
        trig = triggers.get(f.trigger_start) if f.type == STATEMENT and not f.relation else None
        if trig is not None:
            f = _settled(doc, trig, f, last, by_sentence, undergoing)
            if f is None:
                continue
            last = f, doc.tokens[trig.first].sentence
        out.append(f)
    return out


def _undergoes(trig: Trigger, m: Mention, undergoing: tuple[set[str], list[int]]) -> bool:
    """Whether a speaker read for a statement is named after the word of an event, after the verb
    of saying, as one an event was done to ("أعلنت خلية الإعلام الأمني مقتل القيادي في التنظيم أبو
    X": X was killed, he does not speak)."""
    keys, firsts = undergoing  # firsts sorted: the first word of an event at or after the trigger's end
    if m.key not in keys:
        return False
    i = bisect_left(firsts, trig.last)
    return i < len(firsts) and firsts[i] < m.first_token


def _settled(doc: Doc, trig: Trigger, f: Fact, last: tuple[Fact, int] | None,
             by_sentence: dict[int, list[Mention]], undergoing: tuple[set[str], list[int]]) -> Fact | None:
    """The statement with its speaker, what was said out of its roles and in its evidence; or
    None when it is no statement of anyone's."""
    lang, tokens = doc.language, doc.tokens
    sentence = doc.sentences[tokens[trig.first].sentence]
    if trig.rule.pos == "verb" and (tokens[trig.first].text.removeprefix(trig.proclitic).startswith(ARTICLE) or (
            trig.first > sentence.first_token and tokens[trig.first - 1].text in function_words(lang, "preposition"))):
        return None  # "ارتفع الطلب على النفط", "في ذكرى هزيمة داعش": a noun, no verb of saying
    if _after_according(doc, trig, sentence.first_token):
        return None  # "بحسب البيان", "جاء ذلك في تقرير للمنظمة": where the news comes from
    said = what_was_said(doc, trig, sentence.last_token)
    if trig.rule.pos == "verb" and not _adds_to_what_was_said(doc, trig, said):
        return None  # "إضافة إلى حاويات", "أضاف الجيش كتيبة": no point added to what was said
    agents = _speakers(doc, trig, f, last, said, by_sentence.get(sentence.index, []), undergoing)
    if not agents or not all(_speaks(lang, m) for m in agents):
        return None
    if any(armed_by_name(lang, m) for m in agents) and not any(
            is_a("ArmedForce", c) for choices in trig.rule.slots.values() for _, c in choices):
        return None  # "المجلس العسكري يعلن تسلم منبج": an armed party's announcement is added apart (read/announcement.py)
    if last is not None and last[1] == sentence.index and trig.rule.pos == "noun" and not named_again(doc, trig) \
            and {m.key for m in agents} <= {m.key for m in last[0].role("agent")}:
        return None  # "تعرب اليونيسف عن قلقها إزاء التقارير": one statement of a speaker in a sentence
    # where it was said is named before what was said ("قال التحالف في بيان من بغداد إن")
    roles = [(r, m) for r, m in f.roles if r != "agent" and not trig.last <= m.first_token >= said]
    # a place in the titles of a person named after the verb is where they hold office ("قال ممثل
    # اليونيسف في العراق X إن"), not where they said it
    named = min((m.first_token for m in agents if m.type == "Person" and m.first_token >= trig.last), default=None)
    if named is not None:
        roles = [(r, m) for r, m in roles if not (r == "place" and trig.last <= m.first_token < named)]
    roles += [("agent", m) for m in agents]
    roles.sort(key=lambda rm: rm[1].start)
    return replace(f, roles=tuple(dict.fromkeys(roles)), evidence=with_words_said(doc, f, sentence.end))


def _speakers(doc: Doc, trig: Trigger, f: Fact, last: tuple[Fact, int] | None, said: int,
              mentions: list[Mention], undergoing: tuple[set[str], list[int]]) -> list[Mention]:
    """Who makes the statement (see the module), from ``mentions``, those of its sentence; none
    when nobody's."""
    lang, tokens = doc.language, doc.tokens
    sentence = doc.sentences[tokens[trig.first].sentence]
    behalf = _behalf_of(doc, trig, mentions)
    if behalf is not None:
        return [behalf]  # "بيان بالنيابة عن التحالف الدولي": the body it speaks for
    issuer = _issued_by(doc, trig, said, mentions)
    if issuer is not None:
        return [issuer]  # "بيان صادر عن المديرة التنفيذية لليونيسف، السيدة X": who issued it
    subject = pluperfect_subject(doc, trig, said, mentions)
    if subject:
        return subject  # "وكانت “قسد” قد أعلنت": the subject after "كان", not a speaker before
    agents = [m for m in f.role("agent") if (not trig.last <= m.first_token or m.first_token < said)
              and not _undergoes(trig, m, undergoing) and not _told_to(doc, m)]
    noun = trig.first + 1
    kind = ""
    if trig.rule.pos == "verb" and noun < sentence.last_token and not any(
            m.first_token <= noun < m.last_token for m in mentions):
        kind = speaker_nouns(lang).get(bare_word(lang, tokens[noun].text), "")
    if kind == "source":
        # "وذكر ناشطون بأن", "وقال شهود عيان إن", "قال أحد ضباط الأمن إن": people or reports unnamed
        # speak as the text describes them
        described = unnamed_source(doc, noun, said, mentions, kinds=("source",))
        return [described] if described is not None else []
    if kind in (UNNAMED, "official"):
        # "وأفاد قائد عمليات نينوى اللواء X": the person named before what was said speaks
        named = _named_speaker(doc, noun, said, mentions)
        if named is not None:
            return [named]
    if kind == UNNAMED:
        # "قالت مصادر أمنية", "وقال ضابط في الجيش لوكالة فرانس برس": the source speaks, as the
        # text describes it, though a slot read the body it is in; "وأوضح المصدر": none named anew
        own = [m for m in agents if m.key.startswith(SOURCE_KEY) or m.type == OUTLET and m.first_token == noun + 1]
        described = unnamed_source(doc, noun, said, mentions) if not own else None
        return own or ([described] if described is not None else [])
    if kind == "official":
        # "وقال المتحدث باسم المفوضية إن": the body named right after the noun; with none, the
        # official as the text describes them ("وفق ما أفاد مسؤول محلي لوكالة فرانس برس")
        body = next((m for m in mentions if noun < m.first_token <= noun + _BODY_REACH and m.first_token < said
                     and is_a(m.type, "Organization") and m.type != "MediaOutlet"), None)
        described = unnamed_source(doc, noun, said, mentions, kinds=(UNNAMED, "official")) if body is None else None
        return [body or described] if (body or described) is not None else []
    person = _named_speaker(doc, trig.last, said, mentions) or _said_in(doc, trig, sentence.first_token, mentions) \
        or (unlisted_speaker(doc, trig.last, said, mentions) if trig.rule.pos == "verb" and not agents else None)
    if person is not None and _undergoes(trig, person, undergoing):
        person = None
    first = subject_before(doc, trig, mentions) if person is None and all(
        m.first_token < trig.first for m in agents) else None
    if first is not None:
        return [first]  # "وكان رئيس مجلس الوزراء X، أكد": the person, not the body of the title or one before
    if person is not None and all(m.type != "Person" for m in agents):
        agents = [person]  # "أكد نائب محافظ كركوك X أن": the person, whom no rule of the verb reads
    elif person is not None:
        # "قال نائب رئيس مجلس الوزراء ووزير الخارجية X": a body named in the titles before the
        # person only describes them, though "و" joins it to the person
        agents = [m for m in agents if m.type == "Person" or not trig.last <= m.first_token < person.first_token]
    if any(_witness(doc, trig, m) for m in mentions if any(m.key == a.key for a in agents)):
        # "قال X أحد عناصر البشمركة", "قال الرائد X، الضابط في البيشمركة" (X named twice: by rank,
        # then as a member): a member speaks for no body, as the person named
        return [m for m in agents if m.type == "Person"]
    if person is None and any(_title_of(doc, m, trig.last) for m in agents):
        return []  # "قال نديم حوري مدير قسم ... في المنظمة": someone unnamed to us spoke, not the body
    if person is None and last is not None and agents and _goes_on(doc, trig, agents, last, said, mentions):
        return last[0].role("agent")
    if person is None and all(m.first_token < trig.first for m in agents):
        own = next((m for m in mentions if trig.rule.pos == "verb" and m.first_token == trig.last
                    and _may_speak(m) and not _told_to(doc, m)), None)
        if own is not None:
            return [own]  # "وذكر المرصد بأنه": the verb's own subject, not one carried from before
        earlier = _joined_to_saying(doc, trig, said, mentions)
        if earlier is not None:
            return [earlier]  # "بحسب ما ذكر المرصد ... وقال بأنها": who said the first (an outlet: no statement)
    return agents


def _adds_to_what_was_said(doc: Doc, trig: Trigger, said: int) -> bool:
    """Whether a verb of saying is no verb that adds a point (attribution.tsv "further": "أضاف",
    "لفت"), or one written bare, as a verb ("إضافة", "أضافه" are other words), with what was said
    opened after it and its speaker, if named ("وأضاف المصدر، الذي تحفظ عن ذكر اسمه، أن")."""
    lang, tokens = doc.language, doc.tokens
    word = unjoined_word(lang, tokens[trig.first].text.removeprefix(trig.proclitic))
    further = further_words(lang)
    if not any(word.startswith(f) for f in further):
        return True
    sentence = doc.sentences[tokens[trig.first].sentence]
    return word in further and said < sentence.last_token and said - trig.last <= _SPEAKER_REACH


def _told_to(doc: Doc, m: Mention) -> bool:
    """Whether an outlet is named after "ل" joined to it ("في تصريحات لوكالة رويترز", "وقال
    لوكالة فرانس برس"): the agency heard what was said, it is no speaker."""
    token = doc.tokens[m.first_token]
    return m.type == OUTLET and m.start > token.start \
        and token.text[:1] == _TO


def _joined_to_saying(doc: Doc, trig: Trigger, said: int, mentions: list[Mention]) -> Mention | None:
    """"بحسب ما ذكر المرصد الذي وثق العمليات، وقال بأنها الأكبر": a verb of saying joined by "و"
    with no subject of its own goes on with the speaker named right after the last verb of saying
    before it, in its sentence or the one before ("... بحسب ما ذكر المرصد. وذكر في تقرير نشره")."""
    tokens, lang = doc.tokens, doc.language
    if trig.rule.pos != "verb" or trig.proclitic[:1] not in function_words(lang, "conjunction") \
            or any(trig.last <= m.first_token < said for m in mentions):
        return None
    sentence = tokens[trig.first].sentence
    first = doc.sentences[max(0, sentence - 1)].first_token
    says = _say_words(lang)
    named = {m.first_token: m for m in doc.mentions or () if first <= m.first_token < trig.first and _may_speak(m)}
    verb = next((k for k in range(trig.first - 1, first - 1, -1)
                 if unjoined_word(lang, tokens[k].text) in says and k + 1 in named), None)
    return None if verb is None else named[verb + 1]


def _may_speak(m: Mention) -> bool:
    """Whether a mention may be the subject of a verb of saying: a person, a country, a body or
    an outlet (whose words are news told on its word: ``_speaks``)."""
    return m.type in ("Person", "Country", "MediaOutlet") or is_a(m.type, "Organization")


def _named_speaker(doc: Doc, k: int, said: int, mentions: list[Mention]) -> Mention | None:
    """The first person named from token ``k`` on, before what was said and within reach."""
    return next((m for m in mentions if k <= m.first_token < min(said, k + _SPEAKER_REACH)
                 and m.type == "Person"), None)


def _said_in(doc: Doc, trig: Trigger, first: int, mentions: list[Mention]) -> Mention | None:
    """"وقال الكولونيل X المتحدث باسم التحالف في بيان": the person a verb of saying before "في" and
    the noun of statement names is who made the statement."""
    tokens, lang = doc.tokens, doc.language
    if trig.rule.pos != "noun" or trig.first == first or tokens[trig.first - 1].text != function_word(lang, "locative"):
        return None
    says = _say_words(lang)
    verb = next((k for k in range(first, trig.first) if unjoined_word(lang, tokens[k].text) in says), None)
    if verb is None:
        return None
    return next((m for m in mentions if verb < m.first_token < trig.first and m.type == "Person"), None)


@language_data
def _say_words(lang: Language) -> frozenset[str]:
    """attribution.tsv's verbs of saying ("قال", "أكد", "أضاف")."""
    return frozenset(f for row in lang.table("attribution.tsv", ("kind", "forms"))
                     if row["kind"] in ("say", "further") for f in row.forms("forms"))


@language_data
def further_words(lang: Language) -> frozenset[str]:
    """attribution.tsv's verbs that add a point to what was said ("أضاف", "لفت"): verbs of saying only
    as written bare ("إضافة", "أضافه" are other words) and with what was said opened after them."""
    return frozenset(f for row in lang.table("attribution.tsv", ("kind", "forms"))
                     if row["kind"] == "further" for f in row.forms("forms"))


def _witness(doc: Doc, trig: Trigger, m: Mention) -> bool:
    """Whether a speaker is a member of a body named with a member's title ("أحد عناصر البشمركة",
    "الضابط في"), who speaks as the person named, for no body; a deputy ("نائب مدير المنظمة") holds
    an office and speaks for it."""
    if not m.role_of.startswith(_MEMBER):
        return False
    titles, tokens = title_matcher(doc.language), doc.tokens
    locative = function_word(doc.language, "locative")
    for j in range(trig.last, min(len(tokens), m.last_token + _TITLE_WORDS + 1)):
        hit = titles.match_at(tokens, j)
        if hit is not None and hit[2][0] == _MEMBER and hit[2][1] in _OFFICE_HOLDERS:
            return False
        if hit is not None and j == trig.last and hit[2][0] == _RANK and hit[1] < len(tokens) \
                and tokens[hit[1]].text == locative:
            # "وقال الملازم أول في الفرقة التاسعة، X، إن": an officer named by rank and unit
            # before the name speaks as an officer of the unit, not as a witness
            return False
    return True


_OFFICE_HOLDERS = frozenset({"Deputy"})  # titles.tsv's member titles that hold an office
_RANK = "commander"  # titles.tsv's role of a rank ("الملازم أول", "العقيد")


def issuer(doc: Doc, trig: Trigger, mentions: list[Mention]) -> Mention | None:
    """Who issued or made the statement of ``trig``, from ``mentions``, those of its sentence: the
    events component takes them as its agent when no slot gave one. The person after "صادر عن"
    (``_issued_by``: a title stands between, "بيان صادر عن المديرة التنفيذية لليونيسف، السيدة X");
    else, after a verb of saying, the person named with their titles before what was said, whom
    no slot of the verb reads ("وقال اللواء X، المتحدث باسم الوزارة، إن", "وأفاد قائد عمليات Y
    اللواء X لوكالة")."""
    said = what_was_said(doc, trig, doc.sentences[doc.tokens[trig.first].sentence].last_token)
    found = _issued_by(doc, trig, said, mentions)
    if found is None and trig.rule.pos == "verb":
        quoted = trig.last < len(doc.tokens) and doc.tokens[trig.last].text == QUOTE  # "أكد “المرصد السوري”"
        # "وقال البرزاني خلال مؤتمر صحافي": the speaker stands in the gap between the verb and the
        # noun of statement merged with it
        found = _named_speaker(doc, trig.last, said, mentions) or next(
            (m for m in mentions for lo, hi in trig.gaps[:1] if m.first_token == lo == trig.first + 1
             and m.last_token <= hi and m.type == "Person"), None) or next(
            (m for m in mentions if m.first_token == trig.last + quoted and m.type == OUTLET), None) \
            or unnamed_source(doc, trig.last, said, mentions, kinds=(UNNAMED, "official", "source")) \
            or subject_before(doc, trig, mentions) or unlisted_speaker(doc, trig.last, said, mentions)
    return found


def subject_before(doc: Doc, trig: Trigger, mentions: list[Mention]) -> Mention | None:
    """"وكان وزير الدفاع X قد أعلن أن", "يذكر أن X كان قد صرح", "وكان رئيس الوزراء X، أكد": the
    person named right before a verb of saying with no "و" of its own, where a clause opens (the
    sentence's start, after "كان" or after "أن"), only "كان", "قد" or a comma between: the verb's
    subject, named first."""
    tokens, lang = doc.tokens, doc.language
    if trig.rule.pos != "verb" or trig.proclitic or trig.first == 0:
        return None
    before, k = pluperfect_words(lang), trig.first - 1
    first = doc.sentences[tokens[trig.first].sentence].first_token
    while k >= first and (tokens[k].text in COMMAS or unjoined_word(lang, tokens[k].text) in before):
        k -= 1
    person = next((m for m in mentions if m.last_token == k + 1 and m.type == "Person"), None)
    if person is None or person.first_token < first:
        return None
    # the clause opens right before the name, or before the titles of a person named with them
    # ("وكان وزير الدفاع العراقي، X، أعلن")
    reach = _TITLE_WORDS + 2 if person.role_of else 0
    for opener in range(person.first_token - 1, max(first, person.first_token - 1 - reach) - 2, -1):
        if opener < first or unjoined_word(lang, tokens[opener].text) in before \
                or tokens[opener].text in function_words(lang, "complementizer"):
            return person
        if any(m.first_token <= opener < m.last_token and m.type == "Person" for m in mentions):
            return None
    return None


def _issued_by(doc: Doc, trig: Trigger, said: int, mentions: list[Mention]) -> Mention | None:
    """Who issued a statement named by its noun, after "صادر عن" (speakers.tsv, issued): the person
    named there ("بيان صادر عن المديرة التنفيذية لليونيسف، السيدة X"), else the body; the noun may
    end a verb's trigger ("وقالت المنظمة في بيان صادر عن")."""
    tokens, phrases = doc.tokens, issued_phrases(doc.language)
    if not phrases:
        return None
    # the words after the noun, bare, as far as the longest phrase reaches (the phrases come longest first)
    bare = tuple(bare_word(doc.language, t.text) for t in tokens[trig.last:trig.last + len(phrases[0])])
    for words in phrases:
        end = trig.last + len(words)
        if bare[:len(words)] == words:
            person = _named_speaker(doc, end, said, mentions)
            body = next((m for m in mentions if end <= m.first_token <= end + _BODY_REACH
                         and is_a(m.type, "Organization") and m.type != "MediaOutlet"), None)
            return person or body
    return None


def _after_according(doc: Doc, trig: Trigger, first: int) -> bool:
    """Whether a word of attribution ("بحسب", "جاء ذلك في") ends right before the trigger."""
    tokens, lang = doc.tokens, doc.language
    for words in according_words(lang):
        at = trig.first - len(words)
        if at >= first and (unjoined_word(lang, tokens[at].text),) + tuple(
                t.text for t in tokens[at + 1:trig.first]) == words:
            return True
    return False


def _title_of(doc: Doc, m: Mention, lo: int) -> bool:
    """Whether a title (titles.tsv) ends right before the mention, after token ``lo``: the body
    names whose officer the title holder is ("مدير قسم الإرهاب", "نائب رئيس مجلس الوزراء")."""
    titles = title_matcher(doc.language)
    for j in range(max(lo, m.first_token - _TITLE_WORDS), m.first_token):
        hit = titles.match_at(doc.tokens, j)
        if hit is not None and hit[1] == m.first_token and hit[2][0] != "aged":
            return True
    return False


def _behalf_of(doc: Doc, trig: Trigger, mentions: list[Mention]) -> Mention | None:
    """The body a statement is made on behalf of, named right after it ("بيان بالنيابة عن X")."""
    tokens = doc.tokens
    for words in behalf_phrases(doc.language):
        end = trig.last + len(words)
        if tuple(t.text for t in tokens[trig.last:end]) == words:
            return next((m for m in mentions if m.first_token == end and is_a(m.type, "Organization")), None)
    return None


def armed_by_name(lang: Language, m: Mention) -> bool:
    """Whether a body's name says it is armed ("المجلس العسكري"), whatever type it was given."""
    return not is_a(m.type, "Armed") and any(normalize_word(w) in armed_words(lang) for w in m.label_ar.split())


def _speaks(lang: Language, m: Mention) -> bool:
    """Whether an entity can make a statement: a body (a media office too, "خلية الإعلام الأمني",
    as an outlet), a person, a country; not a group of people ("النازحون") nor a place, which a
    clause before may have handed down."""
    if m.type in ("Person", "Country", OUTLET) or m.key.startswith(SOURCE_KEY):
        return True
    return is_a(m.type, "Organization")


def _goes_on(doc: Doc, trig: Trigger, agents: list[Mention], last: tuple[Fact, int], said: int,
             mentions: list[Mention]) -> bool:
    """"وذكر X ممثل اليونيسف أن ... وقال": a verb with no speaker of its own in the words before
    what was said, in the sentence of the last statement or the next, whose speaker it took from
    the clause before is that statement's speaker: the person, and not the body they speak for."""
    tokens = doc.tokens
    sentence = tokens[trig.first].sentence
    if trig.rule.pos != "verb" or any(trig.first <= m.first_token for m in agents):
        return False
    spoke = last[0].role("agent")
    if sentence - last[1] > 1:
        return False
    if any(trig.last <= m.first_token < said for m in mentions):  # said is in the trigger's sentence
        return False
    bodies = {m.key for m in spoke} | {m.role_of.partition(":")[2] for m in spoke if m.role_of}
    return all(m.key in bodies for m in agents)
