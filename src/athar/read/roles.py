"""The roles an event's rules fill, and the roles of an event in the graph.

``ROLES`` are the roles the rules of ``events.tsv`` fill (``athar.read.rules`` reads the file
against them), in the order docs/model.md lists them; ``EVENT_ROLES`` adds ``accordingTo``, the
claim-maker the attribution fills. A module of names only: ``athar.graph.terms`` and the
commands that only query the store import it without the reading's tables.
"""

from __future__ import annotations

ROLES: tuple[str, ...] = ("agent", "target", "place", "origin", "destination", "beneficiary", "supporter",
                          "recipient", "victim", "participant", "trainee")

EVENT_ROLES: tuple[str, ...] = ROLES + ("accordingTo",)

__all__ = ["EVENT_ROLES", "ROLES"]
