"""The circumstances of an event read from its clause: its date and length of time, the
amount it takes, whether it is asserted, negated, planned or ongoing, and who the sentence says
reports it. ``ctx`` is the reading context of :mod:`athar.read.facts` (its segmented text, the
document's dates and amounts by position, and its index of words)."""

from __future__ import annotations

from bisect import bisect_left

from athar.read.amounts import AmountMention
from athar.read.clause import Trigger
from athar.read.dates import DateMention
from athar.read.mentions import Mention, is_a
from athar.read.rules import MONEY, lasting_verbs, modality_matcher, time_words, wounding_words
from athar.read.text import Segmented


def pick_date(ctx, trig: Trigger, left: int, right: int, sentence) -> tuple[DateMention | None, str | None]:
    """The date of the clause: after the trigger, then before it, then in the rest of the
    sentence before it, or after it when a time clause follows ("عندما استضاف ... في 12 يوليو")."""
    in_sentence = ctx.index.dates_in.get(sentence.index)
    if in_sentence is None:
        in_sentence = ctx.index.dates_in[sentence.index] = [
            d for d in ctx.date_spans.starting(sentence.start, sentence.end + 1)
            if sentence.start <= d.start and d.end <= sentence.end]
    if not in_sentence:
        return None, None
    seg = ctx.seg
    lo, hi = seg.tokens[left].start, end_of(seg, right)
    after, before, earlier, later = [], [], [], []
    for d in in_sentence:
        if d.start >= trig.end and d.end <= hi:
            after.append(d)
        if d.end <= trig.start and d.start >= lo:
            before.append(d)
        if d.end <= lo:
            earlier.append(d)
        if d.start >= hi and _time_clause_between(seg, trig.last, d):
            later.append(d)
    date = duration = None
    for pool in (after, before, earlier[::-1], later):
        points = [d for d in pool if d.value]
        if points and date is None:
            date = min(points, key=lambda d: _distance(d, trig))
        # a length of time belongs to the event it touches: "ستة أسابيع من القتال",
        # "معارك استمرت 73 يوماً", not "بعد خمس سنوات من إعلان ... تعلن القضاء على"
        spans = [d for d in pool if d.duration and (_words_between(seg, d, trig) <= 2 or _lasting(seg, d, trig))]
        if spans and duration is None and pool is not later:
            duration = min(spans, key=lambda d: _distance(d, trig)).duration
    return date, duration


def _lasting(seg: Segmented, span, trig: Trigger) -> bool:
    """"معارك عنيفة مع مسلحي التنظيم استمرت أكثر من شهرين": a verb of lasting ties the length
    to the event before it."""
    first = seg.token_at(span.start)
    if span.start < trig.end or first is None:
        return False
    return any(seg.tokens[j].text in lasting_verbs() for j in range(max(trig.last, first - 3), first))


def _words_between(seg: Segmented, span, trig: Trigger) -> int:
    if span.start >= trig.end:
        first = seg.token_at(span.start)
        return (first if first is not None else trig.last) - trig.last
    last = seg.token_at(span.end - 1)
    return trig.first - 1 - (last if last is not None else trig.first - 1)


def _time_clause_between(seg, from_token: int, d: DateMention) -> bool:
    last = seg.token_at(d.start) or from_token
    return any(t.text in time_words() for t in seg.tokens[from_token:last])


def pick_amount(ctx, trig, left, right, sentence) -> AmountMention | None:
    """The nearest amount in the clause that no other event took."""
    seg = ctx.seg
    in_sentence = ctx.index.amounts_in.get(sentence.index)
    if in_sentence is None:
        in_sentence = ctx.index.amounts_in[sentence.index] = [
            a for a in ctx.amount_spans.starting(sentence.start, sentence.end) if sentence.start <= a.start < sentence.end]
    if not in_sentence:
        return None
    lo, hi = seg.tokens[left].start, end_of(seg, right)
    free = [a for a in in_sentence if id(a) not in ctx.used_amounts]
    near = [a for a in free if lo <= a.start and a.end <= hi
            and ((a.unit in MONEY) == (trig.rule.amounts == "money") or trig.rule.amounts == "any")
            and not _counts_wounded(seg, a)]
    return min(near, key=lambda a: _distance(a, trig)) if near else None


def _counts_wounded(seg: Segmented, amount: AmountMention) -> bool:
    """"قُتل أربعة جنود وأصيب اثنان آخران": the number after a word of wounding counts the
    wounded, which no event of athar takes (a toll counts the dead, as ACLED does)."""
    first = seg.token_at(amount.start)
    return first is not None and first > 0 and seg.tokens[first - 1].text in wounding_words()


def end_of(seg, token_index: int) -> int:
    return seg.tokens[token_index - 1].end if token_index > 0 else 0


def _distance(span, trig) -> int:
    if span.start >= trig.end:
        return span.start - trig.end
    if span.end <= trig.start:
        return (trig.start - span.end) + 1  # after the trigger wins a tie
    return 0


def purpose(trig: Trigger) -> bool:
    """"لإعادة إعمار": a masdar after ل says what something is for, not what was done."""
    return trig.rule.pos == "noun" and trig.proclitic.endswith("ل")


def modality(ctx, trig: Trigger, left: int) -> str:
    if trig.proclitic.endswith("س") and trig.rule.pos == "verb" or purpose(trig):
        return "Planned"
    modal = ctx.index.modal
    for n in range(bisect_left(modal, max(left, trig.first - 4)), bisect_left(modal, trig.first)):
        hit = modality_matcher().match_at(ctx.seg.tokens, modal[n])
        if hit is not None and hit[1] <= trig.first + 1:
            return hit[2]
    return "Asserted"


def attribution(ctx, sentence, trig: Trigger) -> Mention | None:
    """Who the sentence says reports the event: an outlet, a person, an agency or a body named
    just after a reporting word ("قالت وكالة أعماق", "بحسب المنظمة")."""
    for cue_end in ctx.index.reporting.get(sentence.index, ()):
        if cue_end > trig.first:
            break
        for m in ctx.mention_spans.starting(sentence.first_token, sentence.last_token):
            if not sentence.first_token <= m.first_token < sentence.last_token:
                continue
            if cue_end <= m.first_token <= cue_end + 3 and m.first_token < trig.first and \
                    is_a(m.type, "Actor") and m.type in ("MediaOutlet", "Person", "InternationalOrganization",
                                                         "GovernmentBody"):
                return m
    return None
