"""Aims: an event named as what something is for is no event of its own; nor is one asked for,
denied, named as a time bound, or long past (below).

News names the aim of an operation, a meeting or a plan with a masdar after the lam of
purpose: "حملة للتحالف لطرد تنظيم الدولة من الرقة", "شن هجوما في محاولة لاستعادة المدينة",
"بدء المعركة الكبرى للسيطرة على الرقة", "مؤتمر الكويت لإعادة إعمار العراق". The masdar is a
trigger word, but nothing it names has happened: the operation, the attack, the conference
are the news (and are read by their own words). Read as an event, the aim would be a
liberation or a rebuilding that the text does not report.

Only the outcomes an operation seeks are left out (:data:`SOUGHT`: a place taken or held, a
killing, an abduction, an arrest ("شنت القوات حملة مداهمات لاعتقال عناصر الخلية"), a handover):
an activity named by its purpose is most often the activity itself ("أرسلت ألمانيا مدربين لتدريب البيشمركة", "فرق لإزالة الألغام", "مبلغ لإعادة
تأهيل المستشفى"), and stays.

A fact is such an aim when its trigger carries the lam of purpose (function_words.tsv,
role ``purpose``: "لطرد", "للسيطرة"), its rule's class is sought, and no word of markers.tsv's ``complement`` row comes
before it in its sentence, a few words back: after those words the masdar with ل is what
happened ("تعرضت البلدة للقصف", "الخاضعة لسيطرة قسد") or is planned outright ("تستعد
القوات لإدخال قوات خاصة"), and the event is kept (its modality says whether it happened).
A masdar joined to an aim by "و" or "أو" shares its lam and is an aim too ("للاختطاف أو القتل"), and so
is one joined by "و" further down a chain of purposes (athar.read.purpose: "لطرد التنظيم، وتحرير القرى").

The aim is named without the lam too, by the words right before the masdar (markers.tsv, rows
``aim``, ``attempt`` and ``operation``): a verb of aiming ("الحملة التي تهدف إلى تحرير الرقة",
"بهدف السيطرة على"), an attempt ("محاولة السيطرة على التلة", "نجا من محاولة اغتيال") or an
operation whose genitive it is, when it is the taking of ground ("عمليات تحرير القضاء بحاجة إلى
قوة كبيرة", "جهود استعادة المدينة"; "عملية اغتيال" and "عملية التسليم" are the act itself); so are what a force is
about to reach (row ``aim`` too: "باتت قريبة من السيطرة على المدينة", "على وشك تحرير") and what a
source denies (row ``denial``: "نفت الوزارة سيطرة التنظيم على الحي"). A completed operation is
read by its own words ("أعلن الجيش انتهاء عملية تحرير الموصل": the trigger starts at أعلن), and an
operation said to be carried out to its end (row ``completion``, a few words before it: "استكملت
القوات المشتركة عملية تطهير المدينة") has reached its aim: the masdar stays.

Nor is the task a body is named by: a masdar with the lam of purpose a few words after a body
(markers.tsv, row ``body``: "الفريق الاستشاري لإعادة إعمار نينوى", "مؤتمر الكويت الدولي لإعادة
إعمار العراق") says what the body is for, whatever its class.

What is asked or hoped for has not happened either: a masdar right after a word of necessity or
urgency (markers.tsv, row ``necessity``: "شدد على ضرورة تحرير", "طالب بسرعة تحرير القضاء"), one feared or
forestalled (row ``fear``: "تحسبا لهجمات محتملة", "خشية وقوع هجمات"), or after a verb of asking or hoping
(markers.tsv, row ``demand``, a few words back, its object between) with ب, إلى or في ("طالب
الأهالي قوات الأمن بالتدخل", "دعت المنظمة إلى إعادة إعمار المدارس", "يأمل الوزير في تدريب
الجيش"), of any class but a statement or a meeting, is left out.

Nor is what one is charged with (row ``charge``: "أعدم التنظيم رجلين بتهمة قتال التنظيم"), what could not
be done (row ``impediment``: "جعل من المستحيل إيصال الغذاء", "تعذر إيصال المساعدات"), what one wants to do
(row ``wish``: "تريد بغداد استعادة الموصل", "يرغب النازحون في العودة") or what is prepared for
(row ``preparation``, as the words of fear: "عبرت الشاحنات الحدود تمهيدا لتوزيعها", "حشد قواته استعدادا
لاقتحام المدينة").

Nor is an event named as the time bound of another (markers.tsv, row ``before``): "فر المسلحون
قبل وصول القوات الكردية", "يجب إبطال العبوات قبل عودة السكان", "زرعها التنظيم قبل أن تستعيدها
القوات": the sentence tells what came before it, and the bound is either still to come or told in
its own words elsewhere. The doer's own next step, a masdar with its pronoun, is told and stays
("دمر التنظيم الجسر قبل انسحابه من المدينة").

Nor is the fighting a sentence names as the cause or the length of what it tells: a battle noun with
the article and no side named, right after a word of cause (markers.tsv, row ``cause``: "نزح
الأهالي جراء المعارك", "دمرت الجسور نتيجة القتال") or after "من" and a unit of time ("بعد أربعة
أشهر من المعارك"), is the war known to the reader, told elsewhere if at all; a battle with its
sides ("جراء اشتباكات مع داعش", "هربا من المعارك بين الجيش والتنظيم") is an event and stays.

Nor is history news: an event the text dates a generation (:data:`HISTORY_YEARS`) or more before
the report's publication ("شُيّد المستشفى عام 1979", "أعيد إعمار المسجد في العام 1942") is the
background of a place, not an event the report tells; the war's own past ("سيطر التنظيم على
الموصل في حزيران 2014", told in 2019) is well within it and stays.

Nor is what the text supposes, a possibility or a condition ("وربما يحاولون الهرب", "إذا هاجم التنظيم
البلدة": athar.read.supposition).

Nor is ground the text says will be taken ("وسيتم قريبا تحرير الحي", "ستسيطر القوة الأمنية على المدينة":
its modality is Planned) taken: like an aim, it is sought, not reached. A planned activity ("ستقدم ألمانيا
قرضا", "سيقوم التحالف بإعادة نشر قواته") is news of a decision, and stays.
"""

from __future__ import annotations

from dataclasses import replace

from athar.read.backdrop import aim_markers as _markers, backdrop, time_frame
from athar.read.entity import is_a
from athar.read.function_words import function_affixes, function_words
from athar.read.language import Language, language_data
from athar.read.memo import trigger_starts, triggers_by_start
from athar.read.phrases import PhraseMatcher
from athar.read.purpose import joined_to_purpose
from athar.read.rules import MARKER_BA, MARKER_ON, clause_openers, marker_forms
from athar.read.text import ARTICLE, Doc
from athar.read.trigger_pronoun import pronoun_suffix
from athar.read.supposition import supposed
from athar.read.untold import demanded, necessary
from athar.read.values import Fact

# the classes whose events an operation seeks: named as its aim, they have not happened
SOUGHT = frozenset({"Liberation", "TerritorialControl", "Killing", "Abduction", "Arrest", "Handover", "Battle"})
# how many words before the masdar a complement word reaches, across its subject ("تعرضت الجسور
# الخمسة في مدينة الموصل لدمار")
_REACH = 8
# how many words (the doer of an attempt: "محاولة مسلحي التنظيم السيطرة") an operation noun and
# the masdar it governs may have between them
_GENITIVE = 2
_PLANNED = "Planned"
_TO = "الى"  # the row of markers.tsv whose words open what a verb of aiming aims at ("تهدف القوات إلى")
# the classes an operation is named by the aim of ("عمليات تحرير", "معركة استعادة"); after "عملية"
# the others are the act itself ("عملية اغتيال", "عملية التسليم")
_GROUND = frozenset({"Liberation", "TerritorialControl"})
# what is asked for with these is still said or met: "دعا إلى اجتماع", "طالب بتصريح"
_SAID = frozenset({"Statement", "Meeting"})
# how many years before the report an event's date makes it history, not news
HISTORY_YEARS = 25


def drop_aims(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """``facts`` without the events the text names but does not tell (see the module): the aim of
    something it tells, what is asked or hoped for, about to happen or denied, the time bound of
    another event, and history."""
    triggers = triggers_by_start(doc)  # once a text (athar.read.memo)
    purpose = function_affixes(doc.language, "purpose")
    out = []
    after = -1  # the token after the last aim left out
    published = _year(doc.published)
    operations = _operation_tokens(doc, facts, triggers)
    for f in facts:
        if published is not None and not f.relation and f.date is not None \
                and (_year(f.date.value) or published) <= published - HISTORY_YEARS:
            continue  # history: "شُيّد المستشفى عام 1979" in a report of 2021
        trig = None if f.relation else triggers.get(f.trigger_start)
        if trig is not None and (_coordinated(doc, trig, after) or trig.rule.event in SOUGHT
                                 and joined_to_purpose(doc, trig) and not _complement(doc, trig.first)):
            after = trig.last  # "خوفا من التعرض للاختطاف او القتل": the aim goes on
            continue
        if trig is not None and (demanded(doc, trig) or necessary(doc, trig) or supposed(doc, trig) or _bound(doc, trig)
                                 or _task(doc, trig, purpose)
                                 or backdrop(doc, f, trig) or time_frame(doc, f, trig)):
            continue
        begun = _begun(doc, trig, operations) if trig is not None and f.type in _GROUND \
            and _seeks_ground(doc, f, trig) else None
        if begun is not None:
            out.append(_operation(doc, f, begun))  # "بدأت القوات في تطهير القضاء": the offensive is the news
            continue
        if trig is None or trig.rule.event not in SOUGHT or (
                not trig.proclitic.endswith(purpose) or _complement(doc, trig.first)) and not _sought(doc, trig):
            if not (f.type in _GROUND and f.modality == _PLANNED):
                out.append(f)  # ground to be taken is not taken (the module)
        else:
            after = trig.last
            campaign = _campaign(doc, trig)
            if campaign is not None:
                out.append(_operation(doc, f, campaign))
            elif trig.proclitic.endswith(purpose) and _seeks_ground(doc, f, trig) \
                    and (campaign := _campaign_before(doc, trig, operations)) is not None:
                # the operation is told as going on; its lam made the masdar a plan
                out.append(replace(_operation(doc, f, campaign), modality="Asserted"))
            else:
                _sought_ground(doc, f, trig, out, triggers)
    return out


def _sought_ground(doc: Doc, aim: Fact, trig, out: list[Fact], triggers) -> None:
    """"بدء حملة عسكرية لطرد داعش من شرق محافظة دير الزور", "المرحلة الرابعة لحملة غضب الفرات التي
    تهدف إلى تحرير مدينة الرقة": an operation read by its own words that names no place is where
    the ground its aim seeks lies. The operation is the last event kept before the aim, at most
    ``_REACH`` words back in its sentence with no other event between; ``out`` is changed in place."""
    places = [m for m in aim.role("place") if m.source != "kind"]
    # a statement whose words said run over the operation is kept after it ("أعلنت قسد بدء حملة لطرد")
    k = len(out) - 2 if len(out) > 1 and not out[-1].relation and out[-1].type == "Statement" else len(out) - 1
    if aim.type not in _GROUND or not places or k < 0 or out[k].relation or out[k].type != "MilitaryOperation":
        return
    last = out[k]
    before = triggers.get(last.trigger_start)
    if before is None or last.role("place") or doc.tokens[before.first].sentence != doc.tokens[trig.first].sentence \
            or trig.first - before.last > _REACH:
        return
    out[k] = replace(last, roles=last.roles + tuple(("place", m) for m in places))


def _operation_tokens(doc: Doc, facts: list[Fact], triggers) -> frozenset[int]:
    """The tokens of the triggers of the military operations read: an operation noun among them
    is told already."""
    out: set[int] = set()
    for f in facts:
        trig = triggers.get(f.trigger_start) if f.type == "MilitaryOperation" and not f.relation else None
        if trig is not None:
            out.update(range(trig.first, trig.last))
    return frozenset(out)


def _campaign_before(doc: Doc, trig, operations: frozenset[int]) -> int | None:
    """The token of an operation noun (markers.tsv's row ``campaign``) a few words (``_REACH``) before
    a masdar of taking ground with the lam of purpose, the words between in its sentence with no
    comma, no clause opener and no other trigger ("حملة تدعمها الولايات المتحدة لاستعادة الموصل"):
    the operation, no event of its own words, named by what it seeks; None when there is none, or
    when the operation noun is read already ("حملة للتحالف لطرد التنظيم": told by "حملة")."""
    if trig.rule.event not in _GROUND:
        return None
    tokens, matcher = doc.tokens, _markers(doc.language)["campaign"]
    openers = clause_openers(doc.language)
    starts = trigger_starts(doc)
    for j in range(trig.first - 1, max(-1, trig.first - _REACH - 1), -1):
        t = tokens[j]
        if t.sentence != tokens[trig.first].sentence or not t.is_word or t.text in openers:
            return None
        found = matcher.match_at(tokens, j)
        if found is not None and found[1] == j + 1:
            return None if j in operations else j
        if j in starts:
            return None
    return None


def _seeks_ground(doc: Doc, f: Fact, trig) -> bool:
    """Whether the masdar of taking ground names ground as its object: a place right after it, its
    pronoun, or an armed holder ("لاستعادة الموصل", "لطرد التنظيم من الرقة"); "حملة لاستعادة السيارات
    المسروقة في بغداد" seeks goods, and no campaign of war is told by it."""
    if pronoun_suffix(doc, trig) or any(is_a(m.type, "Armed") for m in f.role("origin")):
        return True
    return any(m.first_token in (trig.last, trig.last + 1) for m in f.role("place"))


def _begun(doc: Doc, trig, operations: frozenset[int]) -> int | None:
    """The token of a verb or noun of beginning (markers.tsv's row ``start``) that governs the
    masdar of taking ground at the trigger, right before it or before "في" or "على" and it, or with its
    subject between (at most ``_GENITIVE`` + 2 words, none a trigger, in its sentence): "بدأت القوات
    في تطهير القضاء", "شرعت القوات العراقية بتحرير الحي", "مع بدء تحرير المدينة". An offensive begun
    is the news; the ground is what it seeks, not taken yet. None when there is none, or when an
    operation read already stands between ("بدء معركة استعادة المدينة": told by "بدء معركة")."""
    if trig.rule.event not in _GROUND or trig.proclitic not in ("", MARKER_BA):
        return None
    tokens, matcher = doc.tokens, _markers(doc.language)["start"]
    starts = trigger_starts(doc)
    first = trig.first
    if first > 0 and not trig.proclitic and tokens[first - 1].text in (marker_forms(doc.language, "في")
                                                               | function_words(doc.language, "worked_at")):
        first -= 1  # "بدأت في تطهير", "تعمل على تطهير"
    for j in range(first - 1, max(-1, first - _GENITIVE - 3), -1):
        t = tokens[j]
        if t.sentence != tokens[trig.first].sentence or not t.is_word:
            return None
        if j in operations:
            return None
        found = matcher.match_at(tokens, j)
        if found is not None and found[1] == j + 1:
            return j
        if j in starts:
            return None
    return None


def _task(doc: Doc, trig, purpose: tuple[str, ...]) -> bool:
    """Whether the trigger is a masdar with the lam of purpose that names the task of a body a few
    words before it (markers.tsv's row ``body``, at most ``_GENITIVE`` words between, none a trigger
    nor outside its sentence): "الفريق الاستشاري لإعادة إعمار نينوى", "مؤتمر الكويت الدولي لإعادة
    الإعمار"."""
    if not trig.proclitic.endswith(purpose) or trig.rule.event in _SAID:
        return False
    matcher, tokens = _markers(doc.language)["body"], doc.tokens
    starts = trigger_starts(doc)
    for j in range(trig.first - 1, max(-1, trig.first - _GENITIVE - 2), -1):
        if tokens[j].sentence != tokens[trig.first].sentence or not tokens[j].is_word:
            return False
        found = matcher.match_at(tokens, j)
        if found is not None and found[1] == j + 1:
            return True  # the body may be a trigger of its own ("مؤتمر")
        if j in starts:
            return False
    return False


def _campaign(doc: Doc, trig) -> int | None:
    """The token of the operation noun (markers.tsv's row ``campaign``) whose genitive the masdar
    of taking ground is, right before it ("عملية تحرير الموصل", "حملة استعادة المدينة"), or None:
    the masdar names the operation, which is the news."""
    if trig.rule.event not in _GROUND or trig.proclitic not in ("", ARTICLE) or trig.first == 0:
        return None
    j = trig.first - 1
    found = _markers(doc.language)["campaign"].match_at(doc.tokens, j)
    return j if found is not None and found[1] == trig.first else None


def _operation(doc: Doc, f: Fact, first: int) -> Fact:
    """The military operation a masdar of taking ground names ("عملية تحرير الموصل"): the ground's
    holder is its target, its evidence starts at the operation noun."""
    start = doc.norm.to_original(doc.tokens[first].start, doc.tokens[first].end)[0]
    start = min(start, f.evidence.start)
    roles = tuple(("target" if r == "origin" else r, m) for r, m in f.roles if r in ("agent", "origin", "place", "supporter"))
    evidence = replace(f.evidence, start=start, text=doc.text[start:f.evidence.end])
    return replace(f, type="MilitaryOperation", roles=tuple(dict.fromkeys(roles)), evidence=evidence)


def _year(value: str | None) -> int | None:
    """The year of an ISO date ("2021-05-03", "1979"), or None."""
    return int(value[:4]) if value and value[:4].isdigit() else None


def _coordinated(doc: Doc, trig, after: int) -> bool:
    """Whether the trigger is joined to the aim just left out, which ends before token ``after``,
    by "و" or "أو" (markers.tsv's row ``coordination``): it shares its lam ("للاختطاف أو القتل"); so does a
    masdar after "أو" and a word with that lam that is no trigger ("جهوده لأسر أو تحييد عناصر داعش")."""
    lang, tokens, k = doc.language, doc.tokens, trig.first
    if k >= 2 and trig.rule.pos == "noun" and not trig.proclitic and tokens[k - 1].text in marker_forms(lang, "alternative") \
            and tokens[k - 2].text.startswith(function_affixes(lang, "purpose")) and tokens[k - 2].sentence == tokens[k].sentence:
        return True
    if after < 0:
        return False
    if trig.first == after:
        return trig.proclitic.startswith(function_affixes(lang, "conjunction"))
    return trig.first == after + 1 and doc.tokens[after].text in marker_forms(lang, "coordination")


def _complement(doc: Doc, first: int) -> bool:
    """Whether a word whose complement the masdar at token ``first`` is comes before it in its
    sentence, at most ``_REACH`` words back."""
    matcher = _markers(doc.language)["complement"]
    tokens = doc.tokens
    sentence = tokens[first].sentence
    for j in range(max(0, first - _REACH), first):
        if tokens[j].sentence == sentence and matcher.match_at(tokens, j) is not None:
            return True
    return False


def _sought(doc: Doc, trig) -> bool:
    """Whether a word of aiming (markers.tsv's row ``aim``) ends right before the trigger, a
    masdar with no proclitic but the article, or an attempt or operation (row ``operation``) ends
    right before it or, the masdar defined, at most ``_GENITIVE`` words before it, its doer between
    them (not "معارك مع داعش سيطرت": a verb): the masdar is what is sought ("تهدف إلى تحرير",
    "عمليات تحرير", "محاولة داعش السيطرة على")."""
    if trig.proclitic not in ("", ARTICLE):
        return False
    matcher = _aim_matcher(doc.language)
    tokens = doc.tokens
    if _imminent(doc, trig):
        return True
    for j in range(max(0, trig.first - 4), trig.first):
        found = matcher.match_at(tokens, j)
        if found is None or tokens[j].sentence != tokens[trig.first].sentence:
            continue
        if found[2] == "aim" and found[1] == trig.first:
            return True
        if found[2] == "denial" and trig.first - _REACH // 2 <= found[1] <= trig.first \
                and all(t.text.isalpha() for t in tokens[found[1]:trig.first]):
            return True  # "نفت وزارة الدفاع سيطرة التنظيم": its subject between
        if (found[2] == "attempt" or found[2] == "operation" and trig.rule.event in _GROUND) and (
                found[1] == trig.first or trig.first - _GENITIVE <= found[1] < trig.first
                and tokens[trig.first].text.startswith(ARTICLE)
                and all(t.text.isalpha() for t in tokens[found[1]:trig.first])):
            return found[2] == "attempt" or not _completed(doc, j)
    return False


def _imminent(doc: Doc, trig) -> bool:
    """Whether the masdar at the trigger is what a party is about to reach or aims at, its subject between
    the verb of imminence (markers.tsv's row ``imminence``) and على right before the masdar ("توشك الدولة
    الإسلامية على خسارة الموصل", "أوشكت القوات العراقية على استعادة المدينة"), or the verb of aiming (row
    ``aiming``) and إلى ("وتهدف القوات إلى استعادة المدينة"): at most ``_GENITIVE`` + 2 words between, in
    its sentence; the row ``aim`` holds the verbs with على or إلى right after them."""
    tokens, first = doc.tokens, trig.first
    if first < 2:
        return False
    before = tokens[first - 1].text
    if before in marker_forms(doc.language, MARKER_ON):
        matcher = _markers(doc.language)["imminence"]
    elif before in marker_forms(doc.language, _TO):
        matcher = _markers(doc.language)["aiming"]
    else:
        return False
    for j in range(first - 2, max(-1, first - _GENITIVE - 5), -1):
        if tokens[j].sentence != tokens[first].sentence or not tokens[j].text.isalpha():
            return False
        if matcher.match_at(tokens, j) is not None:
            return True
    return False


def _bound(doc: Doc, trig) -> bool:
    """Whether a word of markers.tsv's row ``before`` ends right before the trigger, in its
    sentence: the event is the time bound of another ("قبل وصول القوات"). A masdar with a
    possessive pronoun is the doer's own next step ("دمر التنظيم الجسر قبل انسحابه"): it is told,
    and stays."""
    if pronoun_suffix(doc, trig):
        return False
    tokens = doc.tokens
    matcher = _markers(doc.language)["before"]
    for j in range(max(0, trig.first - 2), trig.first):
        found = matcher.match_at(tokens, j) if matcher.starts(doc.texts[j]) else None
        if found is not None and found[1] == trig.first and tokens[j].sentence == tokens[trig.first].sentence:
            return True
    return False


def _completed(doc: Doc, first: int) -> bool:
    """Whether a word of completion (markers.tsv's row ``completion``) comes at most ``_REACH``
    words before the operation noun at token ``first``, in its sentence."""
    matcher = _markers(doc.language)["completion"]
    tokens = doc.tokens
    return any(tokens[j].sentence == tokens[first].sentence and matcher.match_at(tokens, j) is not None
               for j in range(max(0, first - _REACH), first))


@language_data
def _aim_matcher(lang: Language) -> PhraseMatcher:
    return PhraseMatcher(lang, [(f, marker) for marker in ("aim", "attempt", "operation", "denial")
                                for f in marker_forms(lang, marker)])
