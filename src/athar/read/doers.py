"""Who can do a deed (doers.tsv): a body that bears no arms, an aid agency or a news outlet, is
never the doer of a military event. The events component (:mod:`athar.read.facts`) asks it of
every doer, stated or taken from the words around the clause, in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from athar.read.entity import ENTITY_TYPES, gazetteer
from athar.read.language import Language, language_data
from athar.read.lexicon import check_choice
from athar.read.rules import EVENT_TYPES

if TYPE_CHECKING:
    from athar.read.entity import Mention

DOER_ROLES = ("agent", "participant")  # the roles of who does the deed (a battle's sides)


@language_data
def _barred(lang: Language) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Entity type -> (the events it never does, the keys of that type that may)."""
    out: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    known = gazetteer(lang)
    for row in lang.table("doers.tsv", ("kind", "events")):
        kind = check_choice(row, "kind", ENTITY_TYPES)
        events = row.many("events")
        if not events:
            raise row.fail("'events' lists no event class")
        for event in events:
            if event not in EVENT_TYPES:
                raise row.fail(f"unknown event class {event!r}")
        for key in row.many("except"):  # a key misspelt would bar the body it means
            if key not in known or known[key].type != kind:
                raise row.fail(f"'except' names {key!r}, no gazetteer key of type {kind}")
        out[kind] = (frozenset(events), frozenset(row.many("except")))
    return out


def cannot_do(lang: Language, event: str, m: Mention) -> bool:
    """Whether ``m`` names a body that cannot be the doer of an ``event``."""
    barred = _barred(lang).get(m.type)
    # "منظمة" before a name the lexicons do not know tells no kind: Turkish outlets call an armed
    # group "منظمة ... الإرهابية"
    return barred is not None and event in barred[0] and m.key not in barred[1] and m.source != "cue"


def unarmed_doers(lang: Language, event: str, roles: list) -> tuple[list, bool]:
    """``roles`` without the doers that cannot do ``event``, and whether such an agent was all the
    event named: no entity left tells the deed ("استأنف البرنامج عملياته": the programme's work).
    A battle told with an agency as its side ("انتهت المعارك في البلدة") is still a battle."""
    kept = [(r, m) for r, m in roles if r not in DOER_ROLES or not cannot_do(lang, event, m)]
    return kept, not kept and any(r == "agent" for r, _ in roles)
