"""What a speaker tells of its own work: the deed a body's words open with ("قالت اليونسكو إن إعادة
بناء المسجد ستبدأ": UNESCO's). Used with the doers of :mod:`athar.read.agency` by
:mod:`athar.read.argument`, once the clause's own roles are read."""

from __future__ import annotations

from typing import TYPE_CHECKING

from athar.read.clause import noun_context
from athar.read.function_words import function_words
from athar.read.mentions import is_a

if TYPE_CHECKING:
    from athar.read.clause import EventReading, Trigger
    from athar.read.mentions import Mention


def _agents(trig: Trigger) -> list[Mention]:
    return [m for r, m in trig.roles if r == "agent"]


def own_deed(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"قالت اليونسكو إن إعادة بناء المسجد ستبدأ", "وقال بيان للتحالف: إن عمليات برية تواصلت": the
    masdar that opens the clause a body says, naming no doer, is the body's own deed: the agent
    of the statement told right before it, in its sentence, nothing named between. Only the
    deeds a body tells of its own work (no killing, attack, arrest or return, which a body reports
    of others; an operation, a redeployment or a withdrawal only an armed body's: a watchdog telling
    of a campaign did not wage it), and no outlet's or person's word (who report what others did)."""
    if trig.rule.event not in _OWN_DEEDS or not reading.previous:
        return []
    seg = reading.doc
    tokens = seg.tokens
    p = reading.previous[-1]
    if p.rule.event != "Statement" or p.last > trig.first or tokens[p.first].sentence != tokens[trig.first].sentence:
        return []
    if trig.proclitic or trig.rule.pos != "noun" and not noun_context(seg, trig):
        return []
    j = trig.first - 1
    while j >= p.last and not tokens[j].is_word:
        j -= 1  # "إنّ “عمليات"
    if j < p.last or tokens[j].text not in function_words(seg.language, "complementizer"):
        return []
    own = {id(m) for _, m in p.roles}
    if any(id(m) not in own for m in reading.mention_spans.starting(p.last, trig.first)):
        return []
    armed = trig.rule.event in _ARMED_DEEDS
    return [m for m in _agents(p) if is_a(m.type, "Organization") and not is_a(m.type, "MediaOutlet")
            and (not armed or is_a(m.type, "Armed"))]


_ARMED_DEEDS = frozenset({"MilitaryOperation", "Redeployment", "Withdrawal"})
# the deeds a body says it does itself, opening what it says with their masdar (an arrest a ministry
# tells of is its police's: "أعلنت الوزارة أن اعتقال خمسة تم", no doer of its own)
_OWN_DEEDS = frozenset({"Reconstruction", "Establishment", "Training", "Funding", "ServiceProvision", "Demining",
                        "MilitaryOperation", "Redeployment", "Withdrawal", "Handover", "Suspension"})
