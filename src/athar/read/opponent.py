"""Whom an attack, an operation or a liberation was made on when its clause names no side: the
side the same doer's event before was made on ("استعادت القوات حيين من مسلحي داعش، واقتحمت
ثالثا"), or the one armed group its sentence names ("شن الجيش عملية ... ما دفع تنظيم داعش إلى
الانسحاب"), not past words that turn the sentence to other news. Read by
:func:`athar.read.argument.roles_from_context`; the roles so given are inferred.

Once the events are read (athar.read.facts), the story's one armed group is also the side of a
battle no word of which names one (:func:`side_of_battle`), and the killer of the people an
attack killed when the story tells its claim and no other side's attack (:func:`killer_in_document`)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from athar.read.clause import EventReading, Trigger
from athar.read.function_words import function_words
from athar.read.language import Language, language_data
from athar.read.memo import of_sentence
from athar.read.mentions import Mention, is_a
from athar.read.rules import claiming_words, marker_forms, stand_in_keys
from athar.read.text import QUOTES

DONE_TO = ("target", "origin", "victim", "participant")  # the roles that name the side an event was made on


def opponent_before(reading: EventReading, trig: Trigger, roles) -> list[Mention]:
    """The armed side the event before in the sentence was made on (its target, origin, victims,
    or the other side of a battle) when this event, after it in the sentence, has the same doer;
    [] otherwise. In "قتلوا العشرات من عناصر القوات الكردية ... وهاجموا قريتي"
    the villages were attacked as the Kurdish forces' positions."""
    seg = reading.doc
    tokens = seg.tokens
    doers = {m.key for r, m in roles if r == "agent"}
    if not doers or not reading.previous:
        return []
    for prev in reversed(reading.previous[-3:]):
        if tokens[prev.first].sentence != tokens[trig.first].sentence or prev.first >= trig.first:
            return []
        if doers == {m.key for r, m in prev.roles if r in ("agent", "participant") and m.key in doers}:
            return list({m.key: m for r, m in prev.roles if r in DONE_TO and m.key not in doers
                         and is_a(m.type, "Armed")}.values())
    return []


STATE_SIDE = frozenset({"ArmedForce", "Coalition", "GovernmentBody", "Country"})  # who fights for a state


def foe_in_sentence(reading: EventReading, trig: Trigger, roles, sentence) -> list[Mention]:
    """"تقدمت قسد إلى داخل الأراضي التي يسيطر عليها مسلحو داعش", "اقتحمت القوات الكردية فندقا
    كان يتحصن فيه عناصر من التنظيم": an operation of a state's forces or the coalition whose clause
    names no side it was made on is made on the one armed group (no state's) its sentence names
    in no role of it, nor in brackets or quotation marks right after a doer's name (:func:`_restates`);
    [] when the sentence names none or several."""
    doers = [m for r, m in roles if r == "agent"]
    if not doers or not all(m.type in STATE_SIDE for m in doers):
        return []
    taken = {m.key for _, m in roles}
    # "طردت قسد مسلحي داعش من قرية، وهاجمت القوات التركية قرية": a group another doer fought
    # before in the sentence is that one's foe
    tokens, doers_keys = reading.doc.tokens, {m.key for m in doers}
    for p in reversed(reading.previous):  # the events read before, in the text's order: this sentence's last
        if tokens[p.first].sentence != sentence.index:
            if tokens[p.first].sentence < sentence.index:
                break  # an earlier sentence: so are all before it (the cost stays linear in the text)
            continue
        others = {m.key for r, m in p.roles if r == "agent"}
        if p.first < trig.first and others and not doers_keys & others:
            taken |= {m.key for r, m in p.roles if r in DONE_TO}
    end = _other_news(reading.doc, sentence, trig.last)
    groups = {m.key: m for m in reading.mention_spans.starting(sentence.first_token, end)
              if m.type == "ArmedGroup" and m.key not in taken and not _restates(reading.doc, m, doers)}
    return list(groups.values()) if len(groups) == 1 else []


_OPENING = QUOTES | {"(", "["}  # what opens a bracket or a quotation (every quotation mark, normalized)


def _restates(seg, m: Mention, doers: list[Mention]) -> bool:
    """"الحشد الشعبي (قوات شيعية تساندها بغداد) استعاد", "قوات مكافحة الإرهاب "قوات نخبة
    بالجيش" حررت": a group named in brackets or quotation marks right after a doer's name says
    what the doer is; it is no other side."""
    return _restates_end(seg, m, {d.last_token for d in doers})


def restates_a_force(reading: EventReading, m: Mention) -> bool:
    """Whether a group is named in brackets or quotation marks right after the name of a state's
    armed side ("الحشد الشعبي (قوات شيعية تساندها بغداد)"): it says what that side is, and
    held nothing the side took."""
    k = m.first_token - 1
    return k > 0 and reading.doc.tokens[k].text in _OPENING and any(
        o.last_token == k and o.type in _STATE_ARMS for o in reading.mention_spans.starting(max(0, k - _NAME_WORDS), k))


_NAME_WORDS = 8  # the most words a name before a bracket is looked for over


def _restates_end(seg, m: Mention, ends: set[int]) -> bool:
    """Whether ``m`` stands right after a bracket or quotation mark opened right after a mention
    ending at one of ``ends`` (exclusive token ends)."""
    return m.first_token > 0 and seg.tokens[m.first_token - 1].text in _OPENING and m.first_token - 1 in ends


def _other_news(seg, sentence, first: int) -> int:
    """Where, after token ``first`` of ``sentence``, the sentence goes on to other news ("، من جهة
    أخرى وصل تنظيم داعش إلى الحدود": markers.tsv's row "other_news"); its end when it does not.
    The places are found once a sentence."""
    def starts() -> list[int]:
        phrases, firsts, longest = _news_turns(seg.language)
        texts, last = seg.texts, sentence.last_token
        return [i for i in range(sentence.first_token, last) if texts[i] in firsts
                and any(" ".join(texts[i:i + n]) in phrases for n in range(1, min(longest, last - i) + 1))]
    return next((i for i in of_sentence(seg, "other_news", sentence, starts) if i >= first), sentence.last_token)


@language_data
def _news_turns(lang: Language) -> tuple[frozenset[str], frozenset[str], int]:
    """markers.tsv's "other_news" phrases, their first words (a token no phrase starts with starts
    none: tokens hold no space) and the most words of one."""
    phrases = marker_forms(lang, "other_news")
    return phrases, frozenset(p.split(" ")[0] for p in phrases), max((p.count(" ") + 1 for p in phrases), default=0)


# the deeds of a state's side that a clause tells with no doer: ground taken back, mines cleared
_HELD_BY_STATE = frozenset({"Liberation", "Demining"})
_STATE_ARMS = frozenset({"ArmedForce", "Coalition"})
_LAM = "ل"  # the lam of purpose
_SOUGHT = ("aim", "attempt", "operation")  # markers.tsv: the words before a masdar that make it sought
_WISHED = ("aim", "attempt")  # the same, but for "عملية", which names demining under way as often


def side_in_sentence(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"استكملت القوات العراقية تطهير الفلوجة، مما أسفر عن مقتل 96 إرهابيا بعد السيطرة على حي الجولان",
    "بعد اشتباكات مع التنظيم انتهت بتحرير القرية من قبضته وتطهيرها من الألغام": ground taken back or
    mines cleared, told with no doer, were the work of the one state's armed side (forces, a
    coalition) its sentence names before the sentence turns to other news; [] when it names none or
    several. Armed groups are left out: the group named beside such a deed is the one it was taken from."""
    tokens = reading.doc.tokens
    if trig.rule.event not in _HELD_BY_STATE or trig.proclitic.endswith(_LAM) or _sought(reading.doc, trig.first):
        return []  # "لتحرير الموصل", "في محاولة لاستعادة", "لعمليات تحرير", "على وشك استعادة": sought, not done
    sentence = reading.doc.sentences[tokens[trig.first].sentence]
    return one_state_side(reading, sentence.first_token, _other_news(reading.doc, sentence, trig.last))


def one_state_side(reading: EventReading, first: int, end: int) -> list[Mention]:
    """The one state's armed side (forces, a coalition; no head noun alone) named from token
    ``first`` to ``end``; [] when the words name none or several."""
    sides = {m.key: m for m in reading.mention_spans.starting(first, end) if m.type in _STATE_ARMS and m.source != "kind"}
    return list(sides.values()) if len(sides) == 1 else []


def _sought(seg, first: int, kinds: tuple[str, ...] = _SOUGHT) -> bool:
    """Whether the words right before token ``first`` make the masdar there sought ("عملية", "لعمليات",
    "محاولة", "على وشك": markers.tsv's aim, attempt and operation, or those of ``kinds``), a clitic of
    one letter aside."""
    if first < 1:
        return False
    forms, lasts = _sought_forms(seg.language, kinds)
    texts = seg.texts
    # every form of the rows ends with the word before the masdar (or is that word without its clitic)
    if texts[first - 1] not in lasts and texts[first - 1][1:] not in lasts:
        return False
    for n in (1, 2, 3):
        if first - n < 0:
            break
        words = list(texts[first - n:first])
        if " ".join(words) in forms or " ".join([words[0][1:], *words[1:]]) in forms:
            return True
    return False


def _sought_forms(lang: Language, kinds: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The forms of markers.tsv's rows ``kinds``, and the last word of each."""
    kept = _forms_of_rows(lang)
    found = kept.get(kinds)
    if found is None:
        forms = frozenset().union(*(marker_forms(lang, kind) for kind in kinds))
        found = kept[kinds] = forms, frozenset(f.rsplit(" ", 1)[-1] for f in forms)
    return found


@language_data
def _forms_of_rows(lang: Language) -> dict[tuple[str, ...], tuple[frozenset[str], frozenset[str]]]:
    """Rows of markers.tsv -> their forms and the last word of each (:func:`_sought_forms`), when asked."""
    return {}


# the deeds a state's side tells of its own operations with no doer: mines cleared, the foe's men killed and
# its arms destroyed, men arrested (not operations, which every side is told to make, nor ground taken, which
# the news tells as wished and as feared as often: "تريد بغداد استعادة الموصل ... وتقول إن استردادها")
_ACCOUNTED = frozenset({"Demining", "Destruction", "Killing", "Arrest"})
# the deeds of a side in the field whose doer frames the account (not a holding, which describes a place, nor
# a statement, nor an arrest: "ألقت القوات القبض على خلية ... وجرى تفكيك 20 عبوة" tells police work, not an operation)
_FRAMING = frozenset({"Liberation", "MilitaryOperation", "Attack", "Battle", "Demining", "Destruction", "Killing"})
_ACCOUNT_REACH = 2  # the most sentences back the deed that frames the account was told in
_KILLED_REACH = 8  # the most tokens from a killing to the foe's men it names
_OF_THEM = frozenset({"منهم", "منه", "منها"})  # "مقتل العديد منهم": of the men named before


def side_in_account(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"وأعلن مصدر عسكري سيطرة الجيش على مساحات جديدة ... وأضاف أنه تم القضاء خلال العمليات على عدد من
    إرهابيي داعش، وتدمير أسلحتهم": a deed of a state's side told with no doer (mines cleared, the foe's men
    killed, its arms destroyed, arrests), in an account whose last deed in the field told with a doer, in
    its sentence or the two before, was one state's side's (forces, a coalition), was that side's too;
    [] when that deed was another's, when another state's side or body is named between, when the
    sentence turns to other news before it, or when the deed is only sought. A killing must name the
    foe's men ("عناصر من داعش", "العشرات منهم"), not people whose side is not told."""
    seg, tokens = reading.doc, reading.doc.tokens
    # ("وتجري الآن عملية تفكيك الألغام": an operation of clearing mines is the clearing, under way)
    if trig.rule.event not in _ACCOUNTED or trig.proclitic.endswith(_LAM) \
            or _sought(seg, trig.first, _SOUGHT if trig.rule.event != "Demining" else _WISHED):
        return []
    at = tokens[trig.first].sentence
    sentence = seg.sentences[at]
    if _other_news(seg, sentence, sentence.first_token) < trig.first:
        return []
    frame = None
    for p in reversed(reading.previous):
        if tokens[p.first].sentence < at - _ACCOUNT_REACH:
            break
        if p.first >= trig.first or p.rule.event not in _FRAMING:
            continue
        doers = [m for r, m in p.roles if r == "agent" and is_a(m.type, "Armed")]
        if doers:
            frame = p, doers
            break
    if frame is None:
        return []
    p, doers = frame
    keys = {m.key for m in doers}
    if len(keys) != 1 or not all(m.type in _STATE_ARMS for m in doers):
        return []
    if any(m.type in STATE_SIDE and m.type != "Country" and m.key not in keys
           for m in reading.mention_spans.starting(p.first, trig.first)):
        return []  # "سيطر الجيش على القرية ... وتقدمت القوات التركية": another state's side between
    if trig.rule.event == "Killing" and not _foe_named(reading, trig, sentence.last_token):
        return []
    return doers[:1]


def _foe_named(reading: EventReading, trig: Trigger, end: int) -> bool:
    """Whether the killing at ``trig`` names an armed group's men as its dead ("مقتل 60 عنصرا من داعش",
    "القضاء على العشرات منهم"), right after it in its sentence."""
    tokens = reading.doc.tokens
    stop = min(end, trig.last + _KILLED_REACH)
    named = reading.mention_spans.starting(trig.last, stop)
    if named:
        return named[0].type == "ArmedGroup"
    return any(t.text in _OF_THEM for t in tokens[trig.last:min(stop, trig.last + 4)])


# the events a state's side makes on its foe, and the role that names the foe (not what a strike
# destroyed, nor whom it killed: a bridge, a car, civilians are named so as often as the foe)
_FOE_ROLE = {"Attack": "target", "MilitaryOperation": "target", "Liberation": "origin"}
# no armed group's own deed: a state's told without it; a battle no word of which names a side ("في معارك
# بمناطق متفرقة", "القتال العنيف الذي جرى لاستعادة المدينة") was fought with the story's one armed group
_NO_DOER_NEEDED = frozenset({"MilitaryOperation", "Liberation", "Battle"})


def foe_in_document(reading: EventReading, trig: Trigger, event: str, roles, sentence) -> list[Mention]:
    """"شنت قوات مشتركة هجوما باتجاه منطقة الستمية", "أعلن تحرير أحيائها الشرقية": news of a war
    against one armed group tells a state's attack, operation, strike or liberation without naming
    whom it was made on when the story names that group once; the foe is then the one armed group
    the document names (by a known or a new name: the gunmen and suicide bombers of the
    gazetteer's document scope are no name of a group). [] when it names none or several, when the
    doer is not a state's side (forces, a coalition, a government, a country), when the event has
    no doer and is not an operation, a liberation or a battle (an attack with none may be the group's own),
    or when another doer fought that group before in the sentence ("طردت قسد مسلحي داعش من قرية،
    وهاجمت القوات التركية قرية": the group is the first doer's foe, not the second's)."""
    doers = [m for r, m in roles if r == "agent"]
    if doers and not all(m.type in STATE_SIDE for m in doers) or not doers and event not in _NO_DOER_NEEDED:
        return []
    named = _named_groups(reading.doc)
    if len(named) != 1 or named[0].key in {m.key for _, m in roles}:
        return []
    tokens, doing = reading.doc.tokens, {m.key for m in doers}
    for p in reversed(reading.previous):  # this sentence's events read before, the last first
        if tokens[p.first].sentence != sentence.index:
            if tokens[p.first].sentence < sentence.index:
                break
            continue
        others = {m.key for r, m in p.roles if r == "agent"}
        if p.first < trig.first and others and not doing & others \
                and any(r in DONE_TO and m.key == named[0].key for r, m in p.roles):
            return []
    return list(named)


_BATTLE = "Battle"


def side_of_battle(reading: EventReading, trig: Trigger, roles, sentence) -> list[Mention]:
    """"في معارك بمناطق متفرقة من المحافظة", "القتال العنيف الذي جرى لاستعادة المدينة": a battle kept
    with no side named (athar.read.facts reads it after its event is kept: a side guessed so
    confirms no conflict) was fought with the one armed group the story names
    (:func:`foe_in_document`); [] when a side is named."""
    if trig.rule.event != _BATTLE or any(r == "participant" for r, _ in roles):
        return []
    return foe_in_document(reading, trig, _BATTLE, roles, sentence)


def foe_role(event: str) -> str | None:
    """The role the side an event of ``event`` was made on fills (:func:`foe_in_document`), or None."""
    return _FOE_ROLE.get(event)


def _named_groups(doc) -> list[Mention]:
    """The armed groups the document names, each by its first mention."""
    mentions = doc.mentions
    kept = doc.memo.get(_NAMED)  # kept with the layer read (its identity: a replaced layer is read again)
    if kept is not None and kept[0] is mentions:
        return kept[1]  # type: ignore[index]
    groups: dict[str, Mention] = {}
    # "الحشد الشعبي (فصائل شيعية)": a group that restates a state's force names no foe
    state_ends = {m.last_token for m in mentions if m.type in _STATE_ARMS}
    for m in mentions:
        if m.type == "ArmedGroup" and (m.scope == "global" or m.source == "cue") and m.key not in groups \
                and not _restates_end(doc, m, state_ends):
            # a copy: the mention stays free for the clause that names it (no event took it)
            groups[m.key] = replace(m, implied=True)
    doc.memo[_NAMED] = (mentions, list(groups.values()))
    return doc.memo[_NAMED][1]  # type: ignore[index]


_NAMED = "named armed groups"  # doc.memo's key


def document_group(doc) -> Mention | None:
    """The one armed group the document names (by its first mention, a copy marked implied), or
    None when it names none or several."""
    named = _named_groups(doc)
    return named[0] if len(named) == 1 else None


def killer_in_document(doc, facts: list) -> list:
    """"قُتل 44 شخصاً في هجوم مزدوج", "أدى التفجيران إلى مقتل 48 شخصاً": news of a war against one
    armed group tells the people an attack killed without naming the killer again; when the story
    names that group and no other, tells its claim and no other side's attack, it killed them. A killing told
    in the sentence of an attack (or an attack with its toll) that names no doer, whose victims are
    people, not a side of the fighting, takes the one armed group the document names. Not the
    fighters a source names by what it calls them ("مقتل 49 إرهابياً", stand_ins.tsv): they are that
    group's own. Returns the facts, those it gave a doer marked implied."""
    named = _named_groups(doc)
    if len(named) != 1:
        return facts
    group, fighters = named[0], stand_in_keys(doc.language)
    # (a story that tells no claim leaves the killer open: "هاجم التنظيم قرية. وقتل ثلاثة مدنيين في
    # انفجار عبوة ناسفة في منبج")
    if not _claimed(doc):
        return facts
    # (a story whose attacks other sides make too leaves the killer open: "شن التحالف غارات ...
    # وأسفر هجوم عن مقتل عشرة مدنيين")
    if any(m.key != group.key and m.key not in fighters for f in facts if f.type == "Attack" for m in f.role("agent")):
        return facts
    # (the dead of a road accident, of fighting between others, of an event told apart are no
    # attack's: the killing is one, or an attack's word is in its sentence)
    struck = {doc.tokens[t.first].sentence for t in doc.triggers if t.rule.event == "Attack"}
    starts = [x.start for x in doc.sentences]  # a fact's sentence, by where its trigger starts
    out = list(facts)
    for k, f in enumerate(out):
        victims = f.role("victim")
        if f.type not in _KILLINGS or f.relation or f.role("agent") or not victims \
                or f.type != "Attack" and doc.sentences[bisect_right(starts, f.trigger_start) - 1].index not in struck or any(
                is_a(m.type, "Armed") or is_a(m.type, "Place") or m.key == group.key or m.key in fighters
                for m in victims):
            continue
        out[k] = replace(f, roles=f.roles + (("agent", group),), implied=True)
    return out


_KILLINGS = frozenset({"Killing", "Attack"})  # a killing, or an attack that carries its toll


def _claimed(doc) -> bool:
    """Whether the text tells a claim: a word of claiming (one word: "تبنى", "مسؤوليته":
    rules.claiming_words), with or without "و" or "ف" before it."""
    return not _claims(doc.language).isdisjoint(doc.texts)


@language_data
def _claims(lang: Language) -> frozenset[str]:
    """The words of claiming as a token may write them: alone, or after a one-letter conjunction."""
    words = claiming_words(lang)
    return words | {c + w for c in function_words(lang, "conjunction") if len(c) == 1 for w in words}
