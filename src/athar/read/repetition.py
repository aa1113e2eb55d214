"""Repetition: a bare, definite noun for an event the text has already told is no new fact.

News tells an event once and then refers back to it with a definite noun: "قُتلت لاجئة
عراقية في المخيم ... وعثر على الضحية ... ولم تعرف دوافع القتل", "تبنى التنظيم التفجير في
بيان ... وجاء في البيان". The noun ("الضحية", "القتل", "البيان", "قتل اللاجئة") is a trigger
word, but it adds nothing to the event before it: read as an event of its own it would count
the killing twice. An indefinite noun ("شن التنظيم هجوماً") brings a new event in, and a noun
with an argument of its own ("السيطرة على حاجز", "التسليم للقاعدة") says something new.

A fact is such a repetition when

- its trigger is a noun (the rule's ``pos`` is ``noun``, or the words around make it one,
  see :func:`athar.read.clause.noun_context`) that is definite: it has the article, a
  possessive pronoun, or the definite noun or name it is annexed to follows it
  ("قتل اللاجئة");
- it is bare: no preposition follows it, nor stands within its trigger's words ("القضاء على"): a
  preposition opens an argument of its own;
- an event of the same class was read before it in the document; and
- it says nothing that event does not: every entity its own sentence names in its roles is
  one the earlier event names (in any role) in its own clause, not one it was only given by
  inference from the words around (:func:`athar.read.argument.inferred_keys`); it has no amount
  but the earlier event's, and no date written in its own sentence other than the earlier event's.

A claim of responsibility names again the event of its class the text has told, whatever it
adds of its place ("أعلن التنظيم مسؤوليته عن الهجوم في المدينة": :func:`_claimed`).

A repetition is left out; the event it repeats keeps its own evidence (a fact has one).

A headline tells the lead's news before the lead does ("المملكة تقدم 100 مليون دولار لدعم
الاستقرار" over "قدمت المملكة مساهمة بمبلغ 100 مليون دولار لصالح التحالف"): an event of the
headline (a first line with no full stop) that the lead's sentence tells again, of the same class,
naming all it names and its amount, is that event; the lead's, which says more, is kept
(:func:`drop_headline_repeats`).
"""

from __future__ import annotations

from dataclasses import replace

from athar.read.argument import inferred_keys
from athar.read.clause import Trigger, noun_context
from athar.read.function_words import function_affixes, function_words
from athar.read.language import Language, language_data
from athar.read.lexicon import check_choice
from athar.read.memo import triggers_by_start
from athar.read.relations import place_containers
from athar.read.rules import EVENT_TYPES, claiming_words, marker_forms
from athar.read.utterance import STATEMENT, named_again, says_anew, told_before
from athar.read.text import ARTICLE, Doc, normalize_word
from athar.read.trigger_pronoun import pronoun_suffix
from athar.read.values import Fact

# how many events of a class back a repetition is looked for: a text refers back to what it has
# just told, and the cost of a text stays linear in its length
_RECENT = 30
# "عن" after a claim of responsibility, and how many words back the claim reaches ("مسؤولية التنظيم عن")
_ABOUT = "عن"
_CLAIM_REACH = 3
_OBJECT = "object"  # the claim's verb takes the event's noun as its object ("تبنى التنظيم الهجوم")
# markers.tsv's markers that open an argument of the noun before them
_ARGUMENT_MARKERS = ("من", "by", "في", "الى", "على", "ضد", "ل", "بين", "مع", "support", "lead")


def drop_repetitions(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """``facts`` (in text order) without the events that only repeat one told before them."""
    triggers = triggers_by_start(doc)  # once a text (athar.read.memo)
    # class -> the events told so far, with their sentence; a repetition stays among them, for
    # what repeats it repeats the event it repeats ("قال ... وأضاف في تصريح")
    told: dict[str, list[tuple[Fact, int]]] = {}
    named = {m.first_token for m in doc.mentions or ()}  # where a name starts
    out = []
    for f in facts:
        if f.relation:
            out.append(f)
            continue
        trig = triggers.get(f.trigger_start)
        sentence = doc.tokens[trig.first].sentence if trig is not None else -1
        if trig is None or not (_repetition(doc, trig, f, sentence, told.get(f.type, ()), named)
                                or told and _pointed_back(doc, trig) or f.type in told and _claims_told(doc, trig, f, told[f.type])):
            out.append(f)
        kept = told.setdefault(f.type, [])
        kept.append((f, sentence))
        if len(kept) > _RECENT:
            del kept[0]
    return _narrowed(doc, _merge_retold(doc, out))


def _narrowed(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """``facts`` with the place of an event told again later, by a definite noun, in a narrower place
    ("حذر ... من هجمات ...؛ لأسر الضحايا الذين فقدوا حياتهم جراء الهجوم ... وأدان الهجوم بإطلاق النار
    والذي وقع في منطقة الطارمية شمال بغداد"): the first telling, with no place of its own sentence or
    a wider one (a place holding the later one's), is in the later one's place. The first is the
    nearest before of the same class, named by a verb or a definite noun (a bare indefinite noun,
    "هجمات", tells events in general), with nothing the later one contradicts."""
    triggers = triggers_by_start(doc)
    within: dict[str, set[str]] | None = None
    out = list(facts)
    for j, g in enumerate(out):
        trig = triggers.get(g.trigger_start)
        places = {m.key for m in g.role("place")}
        if g.relation or not places or trig is None or not _definite_noun(doc, trig) \
                or not all(_same_sentence(doc, trig, m.start) for m in g.role("place")):
            continue
        if within is None:
            within = place_containers(doc, doc.mentions)
        sentence = doc.tokens[trig.first].sentence
        for i in range(j - 1, -1, -1):
            f = out[i]
            before = triggers.get(f.trigger_start)
            if f.relation or f.type != g.type or before is None:
                continue
            if doc.tokens[before.first].sentence == sentence or _indefinite_noun(doc, before):
                continue
            theirs = {m.key for m in f.role("place")}
            wider = bool(theirs) and all(theirs & within.get(k, set()) for k in places) and not theirs & places
            if theirs and not wider or not _agrees_but_place(f, g):
                break  # the nearest event of the class is another one: no further back
            roles = tuple((r, m) for r, m in f.roles if r != "place") + tuple(("place", m) for m in g.role("place"))
            out[i] = replace(f, roles=roles)
            break
    return out


def _definite_noun(doc: Doc, trig: Trigger) -> bool:
    if not (trig.rule.pos == "noun" or noun_context(doc, trig)):
        return False
    return doc.tokens[trig.first].text.removeprefix(trig.proclitic).startswith(ARTICLE)


def _indefinite_noun(doc: Doc, trig: Trigger) -> bool:
    if not (trig.rule.pos == "noun" or noun_context(doc, trig)):
        return False
    return not (doc.tokens[trig.first].text.removeprefix(trig.proclitic).startswith(ARTICLE)
                or pronoun_suffix(doc, trig))


def _agrees_but_place(first: Fact, second: Fact) -> bool:
    """Whether the second telling says nothing the first contradicts, its place aside."""
    if second.modality != first.modality:
        return False
    for role in {r for r, _ in second.roles} - {"place"}:
        theirs = {m.key for m in first.role(role)}
        if theirs and not {m.key for m in second.role(role)} <= theirs:
            return False
    if second.amount is not None and first.amount is not None and second.amount.value != first.amount.value:
        return False
    return second.date is None or first.date is None or second.date.value == first.date.value


def _merge_retold(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """``facts`` with each event that its own sentence tells a second time merged into the first
    telling: "انتهت بسيطرة الجيش الحر على مدينة الباب، وطرد عناصر التنظيم منها", "هجوم بالعبوات نفذه
    التنظيم واستهدف سوقا": the same class, and the second names nothing the first contradicts (in
    each of its roles an entity the first names, or a role the first leaves empty), no amount and no
    date but the first's, and is no stage of its own (a phase of the operation the first names). The first takes the roles it lacked, and its evidence reaches over both."""
    out: list[Fact] = []
    for f in facts:
        if f.relation or f.type in _TOLD_APART:
            out.append(f)
            continue
        k = next((k for k in range(len(out) - 1, -1, -1) if not out[k].relation and out[k].type == f.type
                  and out[k].evidence.sentence == f.evidence.sentence and _agrees(out[k], f)
                  and not _new_stage(doc, f, out[k])), None)
        if k is None:
            out.append(f)
        else:
            out[k] = _merged(doc, out[k], f)
    return out


# Classes whose events one sentence often tells several of, each its own ("قال ... وأكد", a
# handover of people and of a base): a statement is retold by its own rule (repetition.tsv)
_TOLD_APART = frozenset({"Statement", "Meeting", "Funding", "Handover", "Training"})
# the roles a second telling may not bring when the first has none: who did it, who died
_WHO = frozenset({"agent", "victim"})


def _agrees(first: Fact, second: Fact) -> bool:
    """Whether the second telling says nothing the first contradicts (see _merge_retold)."""
    if second.modality != first.modality:
        return False
    for role in {r for r, _ in second.roles}:
        theirs = {m.key for m in first.role(role)}
        # a doer or a victim of its own tells another event ("وقتل مسلحون آخرون مختار القرية")
        if (theirs or role in _WHO) and not {m.key for m in second.role(role)} <= theirs:
            return False
    # a count or a date of its own tells another event ("قتل اللاجئة ... بعد قتل أربعة لاجئين")
    if second.amount is not None and (first.amount is None or second.amount.value != first.amount.value):
        return False
    return second.date is None or first.date is not None and second.date.value == first.date.value


def _merged(doc: Doc, first: Fact, second: Fact) -> Fact:
    roles = first.roles + tuple((r, m) for r, m in second.roles if not first.role(r))
    start, end = min(first.evidence.start, second.evidence.start), max(first.evidence.end, second.evidence.end)
    evidence = replace(first.evidence, start=start, end=end, text=doc.text[start:end])
    return replace(first, roles=tuple(dict.fromkeys(roles)), evidence=evidence)


def drop_headline_repeats(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """``facts`` without the headline's events that the lead's sentence tells again."""
    sentences, tokens = doc.sentences, doc.tokens
    if len(sentences) < 2 or not tokens[sentences[0].last_token - 1].is_word \
            or "\n" not in doc.norm.text[sentences[0].end:sentences[1].start]:
        return facts  # no headline: the first sentence ends with a stop, or the line goes on
    headline_end = doc.norm.to_original(sentences[0].start, sentences[0].end)[1]
    lead = doc.norm.to_original(sentences[1].start, sentences[1].end)
    in_lead = [g for g in facts if not g.relation and lead[0] <= g.trigger_start < lead[1]]
    if not in_lead:
        return facts
    within = place_containers(doc, doc.mentions)
    return [f for f in facts if f.relation or f.trigger_end > headline_end
            or not any(_tells_again(f, g, within) for g in in_lead)]


def _tells_again(headline: Fact, lead: Fact, within: dict[str, set[str]]) -> bool:
    """Whether the lead's event tells the headline's: the same class, every entity the headline
    names named by the lead too, or a place holding one the lead names (a headline's "سوريا" over
    the lead's "شمال شرق سوريا"), and the headline's amount, if it has one."""
    if lead.type != headline.type:
        return False
    named = {m.key for _, m in lead.roles}
    wider = set().union(*(within.get(k, set()) for k in named))
    if not all(m.key in named or m.key in wider for _, m in headline.roles):
        return False
    return headline.amount is None or lead.amount is not None and lead.amount.value == headline.amount.value


def _repetition(doc: Doc, trig: Trigger, f: Fact, sentence: int, told, named: set[int]) -> bool:
    if not told or f.type == STATEMENT and named_again(doc, trig):
        return False  # "وتابع البيان": a further point of the statement, a speech act of its own
    noun = _noun_alone(doc, trig, named)
    if noun:
        # a definite noun refers back across the text, and so does a bare indefinite one that names
        # nothing of its own ("وأضاف أن تدريبات ..."); another indefinite one only to the event of
        # its own sentence ("قال التحالف في بيان")
        anywhere = noun == "definite" or not _own_entities(doc, trig, f) and f.amount is None
        return any(_repeats(doc, trig, f, earlier) for earlier, at in told if anywhere or at == sentence)
    # a speaker quoted again (repetition.tsv): the same agent, nothing new; a statement with a noun
    # of its own or its own words quoted is another speech act (statement.says_anew)
    agents = {m.key for m in f.role("agent")}
    if f.type == STATEMENT and says_anew(doc, trig):
        return False
    # what a speaker said on an earlier occasion ("وكان الوزير قد أعلن أن ...") is not repeated by
    # what the text goes on to quote ("وقال الوزير إن")
    # (a speaker quoted again in a later sentence makes a statement of its own: repetition.tsv)
    return bool(agents) and f.type in retold_by_agent(doc.language) and any(
        agents <= {m.key for m in earlier.role("agent")} and _repeats(doc, trig, f, earlier)
        and not (earlier.type == STATEMENT and (at != sentence or _in_pluperfect(doc, earlier)))
        for earlier, at in told)


def _in_pluperfect(doc: Doc, f: Fact) -> bool:
    trig = triggers_by_start(doc).get(f.trigger_start)
    return trig is not None and trig.rule.pos == "verb" and told_before(doc, trig)


@language_data
def retold_by_agent(lang: Language) -> frozenset[str]:
    """The event classes a verb retells when its agent is the earlier event's (repetition.tsv)."""
    out = set()
    for row in lang.table("repetition.tsv", ("event",)):
        check_choice(row, "event", EVENT_TYPES)
        if check_choice(row, "retold_by", ("agent", "")):
            out.add(row["event"])
    return frozenset(out)


def _pointed_back(doc: Doc, trig: Trigger) -> bool:
    """Whether a demonstrative points the event's noun, with the article, back to an event the text has told
    ("ووثق المرصد هذه العمليات", "وأدان الوزير هذا الهجوم"): markers.tsv "demonstrative"."""
    # (the noun alone: "أن هذا الرتل العسكري انسحب" tells the convoy's withdrawal by its verb)
    if trig.first == 0 or trig.rule.pos != "noun" or trig.gaps or not _definite_noun(doc, trig) or trig.proclitic:
        return False
    before = doc.tokens[trig.first - 1]
    return before.sentence == doc.tokens[trig.first].sentence \
        and normalize_word(before.text) in marker_forms(doc.language, "demonstrative")


def _claims_told(doc: Doc, trig: Trigger, f: Fact, told: list[tuple[Fact, int]]) -> bool:
    """Whether the event is the one told last of its class, named again by a claim (:func:`_claimed`). A claim
    whose noun is the verb's object ("وتبنى التنظيم الهجوم") names the event told last only when that event
    names no other doer: a group does not claim what others did ("اقتحمت القوات العراقية مبنى ... وتبنى
    تنظيم داعش الهجوم" tells a second attack)."""
    how = _claimed(doc, trig)
    if how != _OBJECT:
        return bool(how)
    doers = {m.key for m in told[-1][0].role("agent")}
    return not doers or bool(doers & {m.key for m in f.role("agent")})


def _claimed(doc: Doc, trig: Trigger) -> str:
    """How the event's noun, with the article, is what a claim of responsibility is for: "عن" right
    before it and a word of claiming (rules.claiming_words) a few words before that ("أعلن التنظيم مسؤوليته عن
    الهجوم في المدينة": ``_ABOUT``), or the claim's verb a few words before it, the noun its object ("أعلن
    التنظيم تبنيه التفجير", "وتبنى التنظيم الهجوم": ``_OBJECT``); "" when it is not. Asked only when the text
    has told an event of the class before: the claim names that event again, whatever it adds of its place; a
    claim that opens the story tells it."""
    if trig.first < 2 or trig.proclitic or trig.gaps or not _definite_noun(doc, trig):
        return ""
    tokens, k = doc.tokens, trig.first - 1
    sentence = tokens[trig.first].sentence
    if tokens[k].sentence != sentence:
        return ""
    claims = claiming_words(doc.language)
    if normalize_word(tokens[k].text) == _ABOUT:
        return _ABOUT if any(t.sentence == sentence and normalize_word(t.text) in claims
                             for t in tokens[max(0, k - _CLAIM_REACH):k]) else ""
    joined = function_affixes(doc.language, "conjunction")
    words = [w[1:] if w[:1] in joined and w[1:] in claims else w
             for t in tokens[max(0, k - _CLAIM_REACH):k + 1] if t.sentence == sentence and (w := normalize_word(t.text))]
    return _OBJECT if any(w in claims or f"{w} {v}" in claims for w, v in zip(words, words[1:] + [""])) else ""


@language_data
def stage_words(lang: Language) -> dict[str, frozenset[str]]:
    """Per event class, the words of a stage of its events (repetition.tsv's "stages")."""
    out: dict[str, set[str]] = {}
    for row in lang.table("repetition.tsv", ("event",)):
        out.setdefault(row["event"], set()).update(row.forms("stages"))
    return {k: frozenset(v) for k, v in out.items() if v}


def _noun_alone(doc: Doc, trig: Trigger, named: set[int]) -> str:
    """"definite" or "indefinite" for a noun with no argument after it; "" for a verb or a
    noun with an argument."""
    relative = _relative_clause(doc, trig)
    if trig.gaps and not relative or not (trig.rule.pos == "noun" or noun_context(doc, trig)):
        return ""
    tokens = doc.tokens
    nxt = tokens[trig.last] if trig.last < len(tokens) else None
    same = nxt is not None and nxt.sentence == tokens[trig.first].sentence and nxt.is_word
    if same and not relative and _opens_argument(doc, nxt.text):
        return ""
    # a trigger whose own words hold the argument ("القضاء على أعداد من"): the noun is not alone
    if not relative and any(_opens_argument(doc, tokens[i].text) for i in range(trig.first + 1, trig.last)):
        return ""
    if relative:  # "الهجوم الانتحاري الذي استهدف ساحة الطيران": the noun refers back, the clause describes it
        first = tokens[trig.first].text.removeprefix(trig.proclitic)
        return "definite" if first.startswith(ARTICLE) else ""
    first = tokens[trig.first].text.removeprefix(trig.proclitic)
    if first.startswith(ARTICLE) or pronoun_suffix(doc, trig):
        return "definite"
    # annexed to a definite noun, a name or a demonstrative: "قتل اللاجئة", "مقتل أبو محمد", "اختطاف هؤلاء"
    if same and (nxt.text.startswith(ARTICLE) or trig.last in named
                 or normalize_word(nxt.text) in marker_forms(doc.language, "demonstrative")):
        return "definite"
    return "indefinite"


def _relative_clause(doc: Doc, trig: Trigger) -> bool:
    """Whether the trigger is a noun and a verb of its class merged across a relative pronoun (the noun
    described by a relative clause, clause.py): "الهجوم الذي وقع", "التفجير الانتحاري الذي استهدف"."""
    if len(trig.gaps) != 1 or trig.rule.pos != "noun":
        return False
    _, end = trig.gaps[0]
    return end == trig.last - 1 and doc.tokens[end - 1].text in function_words(doc.language, "relative")


def _opens_argument(doc: Doc, word: str) -> bool:
    lang = doc.language
    if any(word in marker_forms(lang, m) for m in _ARGUMENT_MARKERS):
        return True
    bound = function_affixes(lang, "bound_preposition")
    return word[:1] in bound and word[1:].startswith((ARTICLE, "ل")) and word not in function_words(lang, "conjunction")


def _own_entities(doc: Doc, trig: Trigger, f: Fact) -> set[str]:
    """The entities its own sentence names (a role carried from the sentence before is no news)."""
    return {m.key for _, m in f.roles if _same_sentence(doc, trig, m.start)}


def _repeats(doc: Doc, trig: Trigger, f: Fact, earlier: Fact) -> bool:
    if _new_stage(doc, f, earlier):
        return False
    # what the earlier event names only by inference ("اقتحمت القوات فندقا كان يتحصن فيه عناصر
    # التنظيم": the group guessed as the side it was made on) is not what it told
    before = triggers_by_start(doc).get(earlier.trigger_start)
    guessed = inferred_keys(doc, before.first) if before is not None else frozenset()
    if not _own_entities(doc, trig, f) <= {m.key for _, m in earlier.roles} - guessed:
        return False
    # a vague count ("عدد من القتلى") after a count of the event says nothing new
    if f.amount is not None and (earlier.amount is None or earlier.amount.value != f.amount.value
                                 and not f.amount.vague):
        return False
    if f.date is not None and _same_sentence(doc, trig, f.date.start) and (
            earlier.date is None or earlier.date.value != f.date.value):
        return False
    return True


def _new_stage(doc: Doc, f: Fact, earlier: Fact) -> bool:
    """Whether ``f`` tells a stage (a sweep, a phase: repetition.tsv) that ``earlier`` does not: a
    stage repeats only one told by the same word ("تمشيط ... التمشيط")."""
    stages = stage_words(doc.language).get(f.type)
    if not stages:
        return False
    own = _stages_in(f.trigger, stages)
    return bool(own) and not own <= _stages_in(earlier.trigger, stages)


def _stages_in(trigger: str, stages: frozenset[str]) -> set[str]:
    words = (normalize_word(w) for w in trigger.split())
    return {w.removeprefix(ARTICLE) for w in words if w in stages}


def _same_sentence(doc: Doc, trig: Trigger, offset: int) -> bool:
    """Whether a normalized offset (a date's, a role's) is in the trigger's sentence, not
    carried to it from the lead, the paragraph or the sentence before."""
    at = doc.token_at(offset)
    return at is None or doc.tokens[at].sentence == doc.tokens[trig.first].sentence
