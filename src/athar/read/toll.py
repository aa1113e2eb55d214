"""A killing merged into the attack it came of: "شن التنظيم هجوماً ... ما أدى إلى مقتل 12", one Attack
that carries the victims, the count and the date (as ACLED codes fatalities). Which readings merge
is decided by :func:`athar.read.facts.extract_events`."""

from __future__ import annotations

from dataclasses import replace

from athar.read.mentions import is_a
from athar.read.values import Evidence, Fact


def with_toll(attack: Fact, killing: Fact, body: str) -> Fact:
    """The attack that carries the killing it came of as its toll: the killing's victims (the members
    of the side attacked, not the attacker's), its place, doer and date where the attack names none,
    the evidence of both."""
    victims = tuple(("victim", m) for r, m in killing.roles if r == "victim")
    # "قصفت طائرات التحالف مواقع لتنظيم داعش، ما أدى إلى مقتل 20 من عناصره": who attacked is not
    # who its attack killed; the members killed are of the side attacked
    doing = {m.key for m in attack.role("agent")}
    if any(m.key in doing for _, m in victims):
        struck = tuple(("victim", m) for m in attack.role("target") if is_a(m.type, "Armed") and m.key not in doing)
        victims = tuple((r, m) for r, m in victims if m.key not in doing) + struck
    places = () if attack.role("place") else tuple(("place", m) for m in killing.role("place"))
    # "تمكن عناصره من قتل العشرات ...، حيث فجروا ألغاماً": who killed made the attack that killed
    doers = () if attack.role("agent") else tuple(("agent", m) for m in killing.role("agent"))
    # "30 مقاتلاً من قسد قتلوا في هجوم بسيارة مفخخة": an attack that killed the fighters of an
    # armed party was made on that party
    targets = () if attack.role("target") else tuple(("target", m) for _, m in victims if is_a(m.type, "Armed"))
    start, end = min(killing.evidence.start, attack.evidence.start), max(killing.evidence.end, attack.evidence.end)
    return replace(attack, roles=tuple(dict.fromkeys(victims + places + attack.roles + doers + targets)),
                   evidence=Evidence(start, end, body[start:end], attack.evidence.sentence),
                   amount=attack.amount or killing.amount, amount_words=attack.amount_words or killing.amount_words,
                   date=attack.date or killing.date, according_to=attack.according_to or killing.according_to)
