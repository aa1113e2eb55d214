"""What one event of a sentence tells of another's roles: who withdrew from a place just before
another took it over ("سيطرتهما على منبج عقب انسحاب مقاتلي التنظيم منها"), the place an attack was
made to take ("هجوماً في محاولة لاستعادة مدينة كوباني من القوات الكردية"), the side a capture fought
("سيطرت قسد على قرية حصان بعد اشتباكات مع تنظيم داعش"), the sides of a battle told around a capture
("سيطرت قسد على المدينة من التنظيم إثر معارك ضارية"). Used by the events component
(:mod:`athar.read.facts`) once each fact's own roles are read, and by the pipeline once the
repetitions are dropped (:func:`sides_of_the_fight`)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from athar.read.function_words import function_words
from athar.read.mentions import is_a
from athar.read.text import normalize_word

if TYPE_CHECKING:
    from athar.read.language import Language
    from athar.read.values import Fact

MADE_ON = frozenset({"Attack", "MilitaryOperation"})  # the events that have a target to take a place from
_FROM_IT = frozenset(normalize_word(w) for w in ("منها", "منه", "منهما"))  # "from it": the place taken

# the role that whoever withdrew from a place plays in the event that took it over after them:
# the one driven out of it, the one who handed it over; and the type it must be
_LEFT_BEHIND = {"Liberation": ("origin", "Armed"), "Handover": ("agent", "Actor")}


def after_withdrawal(lang: Language, facts: list[Fact], body: str) -> list[Fact]:
    """"أعلنا سيطرتهما على منبج، عقب انسحاب مقاتلي التنظيم منها", "تسلمت القوات العراقية قاعدة
    القائم، بعد انسحاب قوات التحالف منها": a withdrawal "from it" told as what came just before a
    liberation or a handover, in its sentence, names who left the place: the liberation's origin,
    the handover's giver, when the event names none."""
    out = list(facts)
    times = function_words(lang, "time")
    for k, f in enumerate(out):
        role, kind = _LEFT_BEHIND.get(f.type, (None, None))
        if role is None or f.relation or f.role(role):
            continue
        g = next((h for h in out[k + 1:k + 3] if h.type == "Withdrawal" and not h.relation
                  and h.evidence.sentence == f.evidence.sentence and h.trigger_start >= f.trigger_end), None)
        if g is None:
            continue
        before = body[f.trigger_end:g.trigger_start].split()
        after = [normalize_word(w.strip("،,.\"'")) for w in body[g.trigger_end:g.trigger_end + 80].split()[:6]]
        if not before or normalize_word(before[-1]) not in times or not _FROM_IT & set(after):
            continue
        left = [m for m in g.role("agent") if is_a(m.type, kind)]
        if left:
            out[k] = replace(f, roles=f.roles + tuple((role, m) for m in left), implied=True)
    return out


def attacked_to_take(lang: Language, facts: list[Fact], body: str) -> list[Fact]:
    """"شن التنظيم هجوماً في محاولة لاستعادة مدينة كوباني من القوات الكردية", "أعلنت قسد بدء المعركة
    الكبرى للسيطرة على مدينة الرقة": an attack or an operation made to take a place from someone is
    made on them; the liberation it was for, told right after it in its sentence with the lam of
    purpose, names its target when the attack names none."""
    out = list(facts)
    purpose = function_words(lang, "purpose")
    for k, f in enumerate(out):
        if f.type not in MADE_ON or f.relation or f.role("target"):
            continue
        g = next((h for h in out[k + 1:k + 3] if not h.relation and h.evidence.sentence == f.evidence.sentence
                  and h.trigger_start >= f.trigger_end), None)
        if g is None or g.type != "Liberation" or g.trigger_start - f.trigger_end > 60 \
                or body[g.trigger_start - 1:g.trigger_start] not in purpose:
            continue
        taken_from = [m for m in g.role("origin") if is_a(m.type, "Armed")]
        if taken_from:
            out[k] = replace(f, roles=f.roles + tuple(("target", m) for m in taken_from), implied=True)
    return out


def fought_over(facts: list[Fact]) -> list[Fact]:
    """"سيطرت قسد على قرية حصان بعد اشتباكات مع تنظيم داعش": the fighting its sentence tells
    around a capture was with the side that lost the place. A liberation that names no origin takes
    the one armed side of that battle that is not its own agent; a battle that names one side only
    ("اشتباكات مع التنظيم") takes the capture's agent as the other. Fighters killed in that fighting
    were killed by the other side (:func:`_killed_fighting`)."""
    out = list(facts)
    for k, f in enumerate(out):
        if f.type != "Liberation" or f.relation:
            continue
        battles = [j for j in range(max(0, k - 2), min(len(out), k + 3)) if out[j].type == "Battle"
                   and not out[j].relation and out[j].evidence.sentence == f.evidence.sentence]
        if len(battles) != 1:
            continue
        j = battles[0]
        agents = {m.key for m in f.role("agent")}
        sides = [m for m in out[j].role("participant") if is_a(m.type, "Armed")]
        others = list({m.key: m for m in sides if m.key not in agents}.values())
        if not f.role("origin") and len(others) == 1 and (agents or len(sides) == 1):
            out[k] = f = replace(f, roles=f.roles + (("origin", others[0]),), implied=True)
        if len(sides) == 1 and sides[0].key not in agents:
            joined = [m for m in f.role("agent") if is_a(m.type, "Armed")]
            if len(joined) == 1:
                out[j] = replace(out[j], roles=out[j].roles + (("participant", joined[0]),), implied=True)
    return _killed_fighting(out)


# the events a battle of their sentence is fought for, and the role that names the side they were made on
_FOUGHT_FOR = {"Liberation": "origin", "MilitaryOperation": "target"}


def sides_of_the_fight(facts: list[Fact]) -> list[Fact]:
    """"حاصرت قسد المدينة في إطار المعارك المستمرة لطرد تنظيم داعش", "أعلنت قسد سيطرتها على المدينة إثر
    معارك ضارية": a battle that names no side, told in the sentence of a capture or an operation
    that names one armed doer and one armed side it was made on, was fought between those two. Not
    when the sentence tells two such events with other sides (whose fight it is is then not said).
    Only the two facts either side of the battle are looked at (a bound on the cost, so a capture
    three facts away in a long sentence lends nothing). Read once the
    repetitions are dropped (athar.read.pipeline): sides lent so make no battle news of its own."""
    out = list(facts)
    for j, b in enumerate(out):
        if b.type != "Battle" or b.relation or b.role("participant"):
            continue
        sides = []
        for h in out[max(0, j - 2):j + 3]:
            foe_role = _FOUGHT_FOR.get(h.type)
            if foe_role is None or h.relation or h.evidence.sentence != b.evidence.sentence:
                continue
            doers = {m.key: m for m in h.role("agent") if is_a(m.type, "Armed")}
            foes = {m.key: m for m in h.role(foe_role) if is_a(m.type, "Armed")}
            if len(doers) == 1 and len(foes) == 1 and doers.keys() != foes.keys():
                sides.append((*doers.values(), *foes.values()))
        if len({(a.key, f.key) for a, f in sides}) == 1:
            out[j] = replace(b, roles=b.roles + tuple(("participant", m) for m in sides[0]), implied=True)
    return out


def _killed_fighting(facts: list[Fact]) -> list[Fact]:
    """"معارك خاضتها قسد مع التنظيم أدت لسقوط العشرات من القتلى في صفوفه", "بعد مقتل أحد قادة
    البشمركة في اشتباكات مع التنظيم": fighters killed in the fighting their sentence tells were
    killed by the side they fought. A killing that names no doer, whose victims are all armed,
    takes the one armed side of the fighting next to it that is not theirs."""
    out = list(facts)
    for k, f in enumerate(out):
        victims = f.role("victim")
        if f.type != "Killing" or f.relation or f.role("agent") or not victims \
                or not all(is_a(m.type, "Armed") for m in victims):
            continue
        battles = [h for h in out[max(0, k - 2):k + 3] if h.type == "Battle" and not h.relation
                   and h.evidence.sentence == f.evidence.sentence]
        theirs = {m.key for m in victims}
        # (the fighting told twice, "خاضت القوات معارك ... وأسفرت المعارك عن مقتل", is one)
        others = list({m.key: m for h in battles for m in h.role("participant")
                       if is_a(m.type, "Armed") and m.key not in theirs}.values())
        if len(others) == 1:
            out[k] = replace(f, roles=f.roles + (("agent", others[0]),), implied=True)
    return out
