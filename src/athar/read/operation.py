"""The forces of a named operation ("قوات حملة (غضب الفرات)", :mod:`athar.read.cue`) are the
forces that wage it: where the text tells the operation by its name ("بدأت قوات سوريا الديمقراطية
حملة "غضب الفرات""), the doer of that telling takes their place in every role they fill. Used by
the events component (:func:`athar.read.facts.extract_events`) once every fact is read."""

from __future__ import annotations

import re
from dataclasses import replace

from athar.read.cue import OPERATION
from athar.read.entity import is_a
from athar.read.text import normalize_word
from athar.read.values import Fact

_WORD = re.compile(r"\w+")
_OF_OPERATION = OPERATION + ":"


def operation_forces(facts: list[Fact]) -> list[Fact]:
    """The facts, the forces of a named operation in their roles replaced by the armed doers of
    the operation the text tells under that name; left out when it tells none (an empty role
    is better than a force called after the campaign's noun)."""
    if not any(m.role_of.startswith(_OF_OPERATION) for f in facts for _, m in f.roles):
        return facts
    waged: dict[str, list] = {}  # the operation's name (normalized words) -> who wages it
    for f in facts:
        if f.type != "MilitaryOperation":
            continue
        doers = [m for m in f.role("agent") if is_a(m.type, "Armed") and not m.role_of.startswith(_OF_OPERATION)]
        words = [normalize_word(w) for w in _WORD.findall(f.trigger)]
        if doers and len(words) > 1:  # "حملة "غضب الفرات"": the noun, then the name
            waged.setdefault(" ".join(words[1:]), doers)
    out = []
    for f in facts:
        if not any(m.role_of.startswith(_OF_OPERATION) for _, m in f.roles):
            out.append(f)
            continue
        roles: list = []
        for role, m in f.roles:
            taken = waged.get(m.role_of[len(_OF_OPERATION):], []) if m.role_of.startswith(_OF_OPERATION) else [m]
            roles += [(role, x) for x in taken if (role, x) not in roles]
        out.append(replace(f, roles=tuple(roles)))
    return out
