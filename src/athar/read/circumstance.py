"""The circumstances of an event read from its clause: its date and length of time, the
amount it takes, whether it is asserted, negated, planned or ongoing, and who the sentence says
reports it. Each helper takes the :class:`~athar.read.clause.EventReading` of the events
component (the Doc, its dates and amounts by position, and its index of words)."""

from __future__ import annotations

from bisect import bisect_left

from athar.read.amounts import AmountMention
from athar.read.quantity import _unit_kinds, made_of
from athar.read.background import background
from athar.read.clause import EventReading, Trigger
from athar.read.dates import DateMention
from athar.read.function_words import function_affixes, function_words
from athar.read.mentions import Mention, is_a
from athar.read.negation import presupposed
from athar.read.rules import MONEY, clause_openers, lasting_verbs, marker_forms, time_words, wounding_words
from athar.read.language import Language, language_data
from athar.read.phrases import PhraseMatcher
from athar.read.purpose import joined_to_purpose
from athar.read.text import COMMAS, WAW, Doc, Sentence, normalize_word


def pick_date(reading: EventReading, trig: Trigger, left: int, right: int, sentence) -> tuple[DateMention | None, str | None]:
    """The date of the clause: after the trigger, then before it, then in the rest of the
    sentence before it, or after it when a time clause follows ("عندما استضاف ... في 12 يوليو"),
    or when it comes later in the sentence with no other event between ("قتلت اللاجئة ... بعدة
    طلقات، في وقت متأخر من يوم الخميس 4 آذار"; not a bound: "المدرسة، المغلقة منذ عام 2014").
    A date in the clause of another event that is background ("منذ انسحابها منها في يونيو
    2014") is that event's only (:func:`_confined`). A relative clause whose verb does the event
    its noun names ("العملية التي شنها الجيش منذ 19 نيسان") dates it (:func:`_restated_event_dates`)."""
    in_sentence = reading.index.dates_in.get(sentence.index)
    if in_sentence is None:
        in_sentence = reading.index.dates_in[sentence.index] = [
            d for d in reading.date_spans.starting(sentence.start, sentence.end + 1)
            if sentence.start <= d.start and d.end <= sentence.end]
    if not in_sentence:
        return None, None
    seg = reading.doc
    lo, hi = seg.tokens[left].start, end_of(seg, right)
    after, before, earlier, later, beyond = [], [], [], [], []
    for d in in_sentence:
        if d.of_event and d.start >= trig.end:
            continue  # "بعد يومين من اقتحامها": the storming's date (and what follows it), not the event's before it
        if d.start >= trig.end and d.end <= hi:
            after.append(d)
        if d.end <= trig.start and d.start >= lo:
            before.append(d)
        if d.end <= lo and not _confined(reading, trig, d):
            earlier.append(d)
        if d.start >= hi and not _confined(reading, trig, d):
            if _time_clause_between(seg, trig.last, d):
                later.append(d)
            elif not beyond and d.anchor is None and _nothing_between(reading, trig, d) and not _dates_a_figure(reading, hi, d):
                beyond.append(d)
    joined = [] if after else _joined_event_dates(reading, trig, in_sentence, sentence)
    restated = [] if after else _restated_event_dates(reading, trig, in_sentence, sentence)
    date = duration = None
    for pool in (after, restated, joined, before, earlier[::-1], later, beyond):
        points = [d for d in pool if d.value]
        if points and date is None:
            date = min(points, key=lambda d: _distance(d, trig))
        # a length of time belongs to the event it touches: "ستة أسابيع من القتال",
        # "معارك استمرت 73 يوماً", not "بعد خمس سنوات من إعلان ... تعلن القضاء على"
        spans = [d for d in pool if d.duration and (_words_between(seg, d, trig) <= 2 or _lasting(seg, d, trig))]
        if spans and duration is None and pool is not later and pool is not beyond and pool is not joined:
            duration = min(spans, key=lambda d: _distance(d, trig)).duration
    return date, duration


_JOINED_GAP = 1  # the word that joins an event to another: "انسحابه أمام هجوم" (or none: "الهجوم لاستعادة")


def _joined_event_dates(reading: EventReading, trig: Trigger, in_sentence, sentence) -> list[DateMention]:
    """The dates of the clause of the event a word joins to this one ("منذ انسحابه أمام هجوم
    مقاتلي التنظيم في يونيو 2014", "نزحوا إثر القصف في آذار"), or that says what it was for
    ("بدء الهجوم لاستعادة الموصل في 17 تشرين الأول"): the two happened then, and
    that date is nearer the event than one before it ("الرمادي التي سقطت في مايو فستكون أول
    مدينة يستردها الجيش منذ انسحابه"). Not a date of a relative clause of the joined event's
    ("بسبب القصف الذي بدأ في 2019")."""
    seg = reading.doc
    k = bisect_left(reading.triggers, trig.last, key=lambda t: t.first)
    if k >= len(reading.triggers):
        return []
    joined = reading.triggers[k]
    gap = joined.first - trig.last
    if not (gap == _JOINED_GAP or gap == 0 and purpose(seg.language, joined)):
        return []  # "قتلت اللاجئة": a noun right after the verb is its object, no event joined to it
    stop = reading.triggers[k + 1].first if k + 1 < len(reading.triggers) else sentence.last_token
    commas = reading.index.commas
    n = bisect_left(commas, joined.last)
    if n < len(commas):
        stop = min(stop, commas[n])
    relative = function_words(seg.language, "relative")
    stop = next((j for j in range(joined.last, stop) if seg.tokens[j].text in relative), stop)
    lo, hi = seg.tokens[joined.last - 1].end, end_of(seg, min(stop, sentence.last_token))
    return [d for d in in_sentence if lo <= d.start and d.end <= hi]


_RESTATED_GAP = 1  # the adjective that may come between an event's noun and its relative clause


def _restated_event_dates(reading: EventReading, trig: Trigger, in_sentence, sentence) -> list[DateMention]:
    """The dates of a relative clause that tells again, by a verb of doing, the event its noun
    names ("الحملة الأمنية التي قامت بها القوات ضد خلايا التنظيم، في 2 نيسان الماضي", "العملية
    التي شنها الجيش منذ 19 آذار"; function_words.tsv, carried_out): the event's own date, its
    start when the clause says since when, up to the next event of the sentence. Not a clause of
    another verb ("المدينة التي سقطت في مايو")."""
    seg = reading.doc
    tokens = seg.tokens
    relative = function_words(seg.language, "relative")
    j = next((k for k in range(trig.last, min(trig.last + _RESTATED_GAP + 1, sentence.last_token))
              if tokens[k].text in relative), None)
    if j is None or j + 1 >= sentence.last_token or tokens[j + 1].text not in function_words(seg.language, "carried_out"):
        return []
    stop = sentence.last_token
    k = bisect_left(reading.triggers, j + 2, key=lambda t: t.first)
    if k < len(reading.triggers):
        stop = min(stop, reading.triggers[k].first)
    lo, hi = tokens[j + 1].end, end_of(seg, stop)
    return [d for d in in_sentence if lo <= d.start and d.end <= hi and not d.of_event]


def _confined(reading: EventReading, trig: Trigger, d: DateMention) -> bool:
    """Whether a date outside an event's clause is in the clause of another event of its sentence
    that is background ("دخلت القوات المدينة منذ انسحابها منها في يونيو 2014، وسيطرت على
    مركزها": June 2014 is the withdrawal's, not the control's)."""
    seg = reading.doc
    first = seg.token_at(d.start)
    k = bisect_left(reading.triggers, first, key=lambda t: t.first) - 1 if first is not None else -1
    if k < 0 or reading.triggers[k] is trig or seg.tokens[reading.triggers[k].first].sentence != seg.tokens[first].sentence:
        return False
    other = reading.triggers[k].first
    if other and seg.tokens[other - 1].text in time_words(seg.language):
        return False  # "أعلنا سيطرتهما على منبج، عقب انسحاب مقاتلي التنظيم منها، الجمعة": right after, the same day
    return background(seg, other, reading.triggers[k - 1].last if k else 0)


def _nothing_between(reading: EventReading, trig: Trigger, d: DateMention) -> bool:
    """Whether no other event, and no relative clause, comes between a trigger and a date later
    in its sentence: the date is a circumstance of that event set off by commas. A word of the
    event's own class between names the same event again (the verb's cognate object: "هاجم
    ... عدة هجمات انتحارية، أمس")."""
    seg = reading.doc
    first = seg.token_at(d.start)
    if first is None:
        return False
    triggers = reading.triggers
    k = bisect_left(triggers, trig.last, key=lambda t: t.first)
    while k < len(triggers) and triggers[k].first < first:
        if triggers[k].rule.event != trig.rule.event:
            return False
        k += 1  # the same event named again, by its noun: "هاجم مسلحو التنظيم عدة هجمات انتحارية، أمس"
    relative = function_words(seg.language, "relative")
    return not any(t.text in relative for t in seg.tokens[trig.last:first])


def _dates_a_figure(reading: EventReading, hi: int, d: DateMention) -> bool:
    """Whether a date past an event's clause follows a figure of its own there: "عالقين في
    الرقة، مقارنة بمئة ألف نهاية يونيو" dates the hundred thousand it is compared with, "قتل
    خمسة، بعد 12 قتيلا في آذار" the toll before. A figure of an earlier segment is not the
    date's ("قتلت بعدة طلقات، في وقت متأخر من يوم الخميس")."""
    seg = reading.doc
    first = seg.token_at(d.start)
    if first is None:
        return False
    commas = reading.index.commas
    n = bisect_left(commas, first) - 1
    lo = max(hi, seg.tokens[commas[n]].end if n >= 0 else hi)  # the date's own segment
    return any(lo <= a.start and a.end <= d.start for a in reading.amount_spans.starting(lo, d.start))


def _lasting(seg: Doc, span, trig: Trigger) -> bool:
    """"معارك عنيفة مع مسلحي التنظيم استمرت أكثر من شهرين": a verb of lasting ties the length
    to the event before it."""
    first = seg.token_at(span.start)
    if span.start < trig.end or first is None:
        return False
    return any(seg.tokens[j].text in lasting_verbs(seg.language) for j in range(max(trig.last, first - 3), first))


def _words_between(seg: Doc, span, trig: Trigger) -> int:
    if span.start >= trig.end:
        first = seg.token_at(span.start)
        return (first if first is not None else trig.last) - trig.last
    last = seg.token_at(span.end - 1)
    return trig.first - 1 - (last if last is not None else trig.first - 1)


def _time_clause_between(seg, from_token: int, d: DateMention) -> bool:
    last = seg.token_at(d.start) or from_token
    words = time_words(seg.language)
    return any(t.text in words for t in seg.tokens[from_token:last])


def pick_amount(reading: EventReading, trig: Trigger, left: int, right: int, sentence: Sentence) -> AmountMention | None:
    """The nearest amount in the clause that no other event took; first, one whose counted noun
    the event's word follows as its genitive ("سجلت 69 حالة قتل و12 محاولة قتل": 69)."""
    seg = reading.doc
    in_sentence = reading.index.amounts_in.get(sentence.index)
    if in_sentence is None:
        in_sentence = reading.index.amounts_in[sentence.index] = [
            a for a in reading.amount_spans.starting(sentence.start, sentence.end) if sentence.start <= a.start < sentence.end]
    if not in_sentence:
        return None
    lo, hi = seg.tokens[left].start, end_of(seg, right)
    free = [a for a in in_sentence if id(a) not in reading.used_amounts]
    reached = _count_reached(reading, trig, sentence, free)
    if reached is not None:
        return reached
    near = [a for a in free if lo <= a.start and a.end <= hi
            and _takes(trig.rule.amounts, a)
            and not _counts_wounded(seg, a, trig)
            and not _counts_of_another(reading, trig, a)]
    if near:
        # "69 حالة قتل", "ثلاث عمليات اغتيال": the event is the genitive of the counted noun, which counts it
        counting = [a for a in near if a.unit_end is not None and seg.token_at(a.unit_end - 1) == trig.first - 1]
        if counting:
            return counting[0]
        kinds = _unit_kinds(seg.language)
        measured = [a for a in near if not a.vague and kinds.get(a.unit) == "area"]
        if measured and any(a.vague for a in near):
            near = measured  # "السيطرة على عدد من القرى بمساحة 35 كيلومترا مربعا": the ground, by its area
        if any(a.start >= trig.end for a in near):
            near = [a for a in near if not _closed_before(reading, a, trig)] or near
        return min(near, key=lambda a: _distance(a, trig))
    return _postponed(reading, trig, right, sentence, free)


_TALLY_WORDS = 6  # the most words from a word of counting ("عدد") to the event it counts


def _count_reached(reading: EventReading, trig: Trigger, sentence: Sentence, free) -> AmountMention | None:
    """The figure a count of the event's people reaches, past the words that describe them ("ليرتفع
    عدد عناصر التنظيم الذين قتلوا خلال 11 يوما من المعارك في المدينة إلى 159", "ارتفع عدد قتلى
    القوات الذين قتلوا في المعارك ذاتها إلى 22 قتيلا"): the first event after the word of counting (markers.tsv,
    tally) is what is counted; the first figure after it in the sentence, before a comma or another
    clause, is its count when a word of reaching brings it in ("إلى", tally_reached), not that of an
    event named on the way ("المعارك"). A figure put before the count ("ارتفع إلى 220 عدد المخطوفين")
    is left to the clause."""
    seg, tokens = reading.doc, reading.doc.tokens
    tally = marker_forms(seg.language, "tally")
    texts = seg.texts
    first = max(sentence.first_token, trig.first - _TALLY_WORDS)
    counted = next((j for j in range(trig.first - 1, first - 1, -1) if texts[j] in tally), None)
    if counted is None:
        return None
    k = bisect_left(reading.triggers, counted, key=lambda t: t.first)
    if reading.triggers[k] is not trig:
        return None  # another event stands between the count and this one: it is that one's
    if any(not tokens[j].is_word or texts[j] in COMMAS for j in range(counted, trig.first)):
        return None
    openers = clause_openers(seg.language)
    for a in free:
        if a.start < trig.end:
            continue
        at = seg.token_at(a.start)
        if at is None or any(texts[j] in COMMAS or texts[j] in openers for j in range(trig.last, at)):
            return None
        if at == 0 or texts[at - 1] not in marker_forms(seg.language, "tally_reached"):
            return None  # "من 11 قرية": no figure the count reaches
        if a.unit_end is not None and seg.token_at(a.unit_end - 1) in reading.trigger_starts:
            return None  # "ارتفع عدد القتلى إلى 50 قتيلا": the figure counts the event its own noun names
        return a if _takes(trig.rule.amounts, a) and not _counts_wounded(seg, a, trig) else None
    return None


def _closed_before(reading: EventReading, a: AmountMention, trig: Trigger) -> bool:
    """Whether a comma stands between an amount and the event after it: "بلغ عدد النازحين نحو
    مليون، عاد منهم 234 ألفا": the figure before closed the clause of its own verb; the event's
    is the one after it, when there is one."""
    if a.end > trig.start:
        return False
    commas = reading.index.commas
    last = reading.doc.token_at(a.end - 1)
    n = bisect_left(commas, last + 1) if last is not None else len(commas)
    return n < len(commas) and commas[n] < trig.first


_POSTPONED_COMMAS = 3  # how many commas an event's amount may come after ("، و51 صندوقا" is no new one)
_POSTPONED_WORDS = 2  # how many words of its segment may come before money: "، بلغت 30 مليار دولار"


def _postponed(reading: EventReading, trig: Trigger, right: int, sentence: Sentence, free) -> AmountMention | None:
    """An amount the clause of an event puts off past the comma that closes it: the object
    after a date or an aside set off by commas ("انتشل الفريق في 9 أيار، ست جثث", "قتلت غارات،
    لم تعرف هويتها، 11 شخصا"), the figure that a list of givers adds up to ("تعهدات من 76 دولة،
    و51 صندوقا، بلغت 30 مليار دولار"). It opens a segment (money: within two words of its
    start), before any other event, any clause of its own ("أن", "، وقال"), any relative
    clause; not after a preposition ("، بعدة طلقات": what it was done with); after the words
    of what the object is made of ("اعتقال خلية، في الرقة، مؤلفة من ثلاثة شبان": 3;
    amount_links.tsv, made-of)."""
    seg, tokens = reading.doc, reading.doc.tokens
    if right >= sentence.last_token or tokens[right].text not in COMMAS:
        return None
    k = bisect_left(reading.triggers, trig.last, key=lambda t: t.first)
    bound = sentence.last_token
    if k < len(reading.triggers) and reading.triggers[k].first < bound:
        bound = reading.triggers[k].first
    relative, openers = function_words(seg.language, "relative"), clause_openers(seg.language)
    commas, segment = 1, right
    for j in range(right + 1, bound):
        text = tokens[j].text
        if text in relative or text in openers:
            return None
        if text in COMMAS:
            # "، و51 صندوقا، و106 منظمات": the items of a list are one segment
            listed = j + 2 < bound and _amount_at(seg, free, j + 2, tokens[j + 1].text)
            commas, segment = commas + (not listed), j
            if commas > _POSTPONED_COMMAS:
                return None
            continue
        if j == segment + 1 and (past := made_of(seg, j)) is not None and past < bound:
            segment = past - 1  # "، مؤلفة من ثلاثة": the size after the words of composition opens the segment
            continue
        starting = [a for a in free if seg.token_at(a.start) == j]
        if j == segment + 1 and text.startswith(WAW) and not starting and not _amount_at(seg, free, j + 1, text):
            return None  # "، وقال": a coordinated clause of its own; "، و51 صندوقا" goes on a list
        if j - segment - 1 > (_POSTPONED_WORDS if trig.rule.amounts == "money" else 0) and not _amount_at(seg, free, j, tokens[j - 1].text):
            continue  # "ومع تداعي آخر معقل له، تمكنت قلة من عناصره": a count after a verb is its subject's
        for a in starting:
            if a.start == tokens[j].start and _takes(trig.rule.amounts, a) and not _counts_wounded(seg, a, trig):
                return a
    return None


def _takes(amounts: str, a: AmountMention) -> bool:
    """Whether an event whose rule takes ``amounts`` (events.tsv) may take amount ``a``."""
    if amounts == "none":
        return False  # a statement: the figures it reports count the events it tells
    if amounts in ("", "money", "any"):
        return (a.unit in MONEY) == (amounts == "money") or amounts == "any"
    return a.unit in amounts.split("|")  # "mine|house": counts of those only


def _counts_of_another(reading: EventReading, trig: Trigger, a: AmountMention) -> bool:
    """"أعلنت السلطات رفع رفات 123 شخصا من ضحايا التنظيم": a figure followed by "من" and the
    word of another event counts that event's people (the victims), not this one's."""
    seg = reading.doc
    last = seg.token_at(a.end - 1)
    if last is None or last + 2 >= len(seg.tokens) or seg.tokens[last + 1].text not in function_words(seg.language, "partitive"):
        return False
    k = bisect_left(reading.triggers, last + 2, key=lambda t: t.first)
    return k < len(reading.triggers) and reading.triggers[k].first == last + 2 and reading.triggers[k] is not trig


def _amount_at(seg: Doc, free, j: int, conjunction: str) -> bool:
    """Whether a bare "و" is followed by an amount: "، و 51 صندوقا" goes on a list."""
    return conjunction == WAW and any(seg.token_at(a.start) == j for a in free)


def _counts_wounded(seg: Doc, amount: AmountMention, trig: Trigger) -> bool:
    """"قُتل أربعة جنود وأصيب اثنان آخران": the number after a word of wounding counts the
    wounded, which no event of athar takes (a toll counts the dead, as ACLED does). Not when
    the word of wounding is joined to the event's own word: "مقتل وجرح العشرات", "قتل وأصيب
    20" count the dead and the wounded together, and the event takes the figure."""
    first = seg.token_at(amount.start)
    if first is None or first < 1 or seg.tokens[first - 1].text not in wounding_words(seg.language):
        return False
    return not (trig.rule.event == "Killing" and first - 1 == trig.last and seg.tokens[first - 1].text.startswith(WAW))


def end_of(seg, token_index: int) -> int:
    return seg.tokens[token_index - 1].end if token_index > 0 else 0


def _distance(span, trig) -> int:
    if span.start >= trig.end:
        return span.start - trig.end
    if span.end <= trig.start:
        return (trig.start - span.end) + 1  # after the trigger wins a tie
    return 0


def purpose(lang: Language, trig: Trigger) -> bool:
    """"لإعادة إعمار": a masdar after ل says what something is for, not what was done."""
    return trig.rule.pos == "noun" and trig.proclitic.endswith(function_affixes(lang, "purpose"))


def modality(reading: EventReading, trig: Trigger, left: int) -> str:
    lang = reading.doc.language
    if trig.proclitic.endswith(function_affixes(lang, "future")) and trig.rule.pos == "verb" or purpose(lang, trig) \
            or joined_to_purpose(reading.doc, trig):  # "لدعم المدن، وتوفير الخدمات": what it is for
        return "Planned"
    modal, matcher, tokens = reading.index.modal, reaching_matcher(lang), reading.doc.tokens
    for n in range(bisect_left(modal, max(left, trig.first - matcher.farthest)), bisect_left(modal, trig.first)):
        text = tokens[modal[n]].text
        if text in matcher.closed or text[:1] in _CONJUNCTIONS and text[1:] in matcher.closed:
            continue  # "بعدما" is no ب + "عدم", "ولأن" no و + "لا" + ن: a word of its own
        hit = matcher.match_at(tokens, modal[n])
        if hit is not None and hit[1] <= trig.first + 1 and trig.first - modal[n] <= hit[2][1]:
            if hit[2][0] == "Negated" and presupposed(reading, trig, hit[1]):
                return "Asserted"  # "لم يستطع المشاركة في المعركة": the battle is not what is denied
            return hit[2][0]
    return "Asserted"


_CONJUNCTIONS = (WAW, "ف")  # the conjunctions written joined to a word ("وبعدما", "فلأن")


class _Reaching(PhraseMatcher):
    farthest: int
    closed: frozenset[str]


@language_data
def reaching_matcher(lang: Language) -> _Reaching:
    """The words of modality.tsv, each with its modality and how many words before a trigger
    it reaches (the column ``reach``, 4 when empty: "سوف" reaches the verb it puts in the future
    across the subject and the adverbs between them)."""
    forms = []
    for row in lang.table("modality.tsv", ("modality", "forms")):
        reach = row.get("reach", "") or "4"
        if not reach.isdigit():
            raise row.fail(f"reach {reach!r} is no number of words; write one, as 4")
        forms += [(f, (row["modality"], int(reach))) for f in row.forms("forms")]
    matcher = _Reaching(lang, forms, enclitics=True)
    matcher.farthest = max(r for _, (_, r) in forms)
    matcher.closed = _closed_words(lang) - {normalize_word(f.split()[0]) for f, _ in forms}
    return matcher


def _closed_words(lang: Language) -> frozenset[str]:
    """The words of the closed classes (stopwords.tsv, function_words.tsv), normalized: each is
    a word of its own, never a clitic form of a word of modality.tsv ("بعدما": after, not ب +
    "عدم" + ا; "لأن": because, not "لا" + ن)."""
    words = {w for row in lang.table("stopwords.tsv", ("word",)) for w in row.forms("word")}
    words.update(w for row in lang.table("function_words.tsv", ("role", "forms")) for w in row.forms("forms"))
    return frozenset(normalize_word(w) for w in words if " " not in w)


_ATTRIBUTED = ("MediaOutlet", "Person", "InternationalOrganization", "GovernmentBody")


def attribution(reading: EventReading, sentence: Sentence, trig: Trigger) -> Mention | None:
    """Who the sentence says reports the event: an outlet, a person, an agency or a body named
    just after a reporting word ("قالت وكالة أعماق", "بحسب المنظمة"), before the trigger. The
    first such mention after each reporting word of a sentence is found once, so that a trigger
    costs the same however many reporting words come before it."""
    found = reading.index.attributions.get(sentence.index)
    if found is None:
        found = reading.index.attributions[sentence.index] = [
            (cue_end, m) for cue_end in reading.index.reporting.get(sentence.index, ())
            if (m := _reporter(reading, sentence, cue_end, cue_end + 4)) is not None]
    for cue_end, m in found:
        if cue_end > trig.first:
            break
        if m.first_token < trig.first:
            return m
        # the mention after this reporting word is the trigger's own or after it: one before it?
        m = _reporter(reading, sentence, cue_end, trig.first)
        if m is not None:
            return m
    return None


def _reporter(reading: EventReading, sentence: Sentence, lo: int, hi: int) -> Mention | None:
    """The first mention of a reporter that starts in tokens [lo, hi) of the sentence."""
    lo, hi = max(lo, sentence.first_token), min(hi, sentence.last_token)
    for m in reading.mention_spans.starting(lo, hi) if lo < hi else ():
        if lo <= m.first_token < hi and is_a(m.type, "Actor") and m.type in _ATTRIBUTED:
            return m
    return None
