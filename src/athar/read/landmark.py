"""Where an event is when the place its clause gives only says where another place lies (used by
:mod:`athar.read.setting`).

The slots of an event take the place after "في" or ب ("استهدفت سيارة مفخخة المركز العام للشرطة، وسط
مدينة الحمراء في محافظة النهرين"): when that place is one the text names only to say where the place
right before it lies (:func:`athar.read.location.located_pairs`), and that narrower place stands in
the event's clause after its word, unread by any role, the event is in the narrower place: the town,
not its governorate. A facility stays out: whether a building is where the event is or what it is
done to is the facility rules' (:mod:`athar.read.venue`).
"""

from __future__ import annotations

from athar.read.clause import EventReading, Trigger
from athar.read.location import located_pairs
from athar.read.mentions import Mention, is_a

__all__ = ["place_landmarked"]


def _located(reading: EventReading) -> dict[int, Mention]:
    """id(a place) -> the place named right before it that the text says lies in it; worked out once a
    reading (the pairs are the Doc's, asked by the relations too)."""
    if reading.located is None:
        reading.located = {}
        for a, b in located_pairs(reading.doc, reading.mentions):
            if a.last_token > b.first_token or not is_a(a.type, "Place") or a.source == "kind":
                continue
            known = reading.located.get(id(b))
            # "قاعدة القائم في محافظة الأنبار": the base, not the town its name holds
            if known is None or a.first_token < known.first_token:
                reading.located[id(b)] = a
    return reading.located


def place_landmarked(reading: EventReading, trig: Trigger, roles):
    """``roles`` with each place the clause names only to say where the place before it lies (see the
    module) swapped for that narrower place, when it stands between the trigger and the wider place,
    in its sentence, no other event's word before it, and fills no role."""
    places = [m for r, m in roles if r == "place" and m.source != "kind"]
    if not places:
        return roles
    located = _located(reading)
    if not any(id(m) in located for m in places):
        return roles
    seg = reading.doc
    sentence = seg.tokens[trig.first].sentence
    taken = {m.key for _, m in roles}
    # a place a role's name holds is that role's ("انسحبت القوات من قاعدة القائم": the base, its origin)
    spans = [(m.first_token, m.last_token) for r, m in roles if r != "place"]
    swap: dict[int, Mention] = {}
    for m in places:
        a = located.get(id(m))
        if a is None or a.key in taken or is_a(a.type, "Facility") or a.first_token < trig.last \
                or seg.tokens[a.first_token].sentence != sentence:
            continue
        if any(first <= a.first_token < last for first, last in spans):
            continue
        if any(k in reading.trigger_starts for k in range(trig.last, a.first_token)):
            continue  # "قتل ثلاثة في هجوم على قرية الزهور في ريف المدينة": the attack's village
        swap[id(m)] = a
        taken.add(a.key)
    if not swap:
        return roles
    return [(r, swap.get(id(m), m)) if r == "place" else (r, m) for r, m in roles]
