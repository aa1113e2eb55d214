"""The building an attack was made on, read from where its clause places it: the market or
restaurant a bomb went off in ("فجر انتحاري حزامه الناسف في سوق مزدحمة"), or, when the clause
names the town it was in too, the church or headquarters it went off near ("سقطت قذائف بالقرب من
كنيسة في مدينة الحسكة"): what the attack struck, the town is where. Not open ground (a square, a
street, a roundabout: function_words.tsv "open_space"), where the attack was and struck no building.
Read by :func:`athar.read.argument.roles_in_clause` for the events whose building struck is their target."""

from __future__ import annotations

from athar.read.clause import says_result
from athar.read.function_words import function_words
from athar.read.mentions import Mention, is_a
from athar.read.text import normalize_word

STRIKES = frozenset({"Attack"})  # the events whose building struck is their target


def struck_building(reading, event: str, roles: list, within: list[Mention], landmarks: set[int]) -> list:
    """The roles with the building struck as the target (:mod:`athar.read.building`): a building
    the event was in (``within``: "في", "داخل"), else one it was near (``landmarks``: ids of the
    mentions after "قرب", "بالقرب من") when another place of the clause says where it was; the
    roles unchanged when the event has a target, is of no class that strikes, or names no building."""
    if event not in STRIKES or any(r == "target" for r, _ in roles):
        return roles
    open_ground = function_words(reading.doc.language, "open_space")

    def building(m: Mention) -> bool:
        return is_a(m.type, "Facility") and normalize_word(m.label_ar.split(" ", 1)[0]) not in open_ground

    struck = next((m for m in within if building(m)), None)
    if struck is None and any(r == "place" and id(m) not in landmarks for r, m in roles):
        struck = next((m for r, m in roles if r == "place" and id(m) in landmarks and building(m)), None)
    if struck is None:
        return roles
    return [("target", m) if m is struck else (r, m) for r, m in roles]


def damaged_building(reading, trig) -> Mention | None:
    """"سقطت قذائف قرب كنيسة في مدينة الحسكة، ما أدى إلى إحداث أضرار مادية فيها": the damage an
    attack told right before in the sentence brought about (words of result just before it) was
    done to the building that attack struck; None when the damage follows no such attack."""
    tokens = reading.doc.tokens
    if trig.rule.event != _DAMAGE or not reading.previous:
        return None
    p = reading.previous[-1]
    if p.rule.event not in STRIKES or p.last > trig.first or tokens[p.first].sentence != tokens[trig.first].sentence:
        return None
    between = " ".join(t.text for t in tokens[max(p.last, trig.first - _RESULT_WORDS):trig.first])
    if not says_result(reading.doc.language, between):
        return None
    return next((m for r, m in p.roles if r == "target" and is_a(m.type, "Facility")), None)


_DAMAGE = "Destruction"
_RESULT_WORDS = 3  # "ما أدى إلى", "مما أسفر عن": the words of result right before the damage
