"""What the genre tests ask of a sentence: the events athar reads in it, by class."""

from __future__ import annotations

import athar

PUBLISHED = "2020-11-16"


def events_by_class(text: str, published: str = PUBLISHED) -> dict[str, list]:
    """The event facts read from ``text`` (no relations), by class."""
    out: dict[str, list] = {}
    for f in athar.read(text, published=published).facts:
        if not f.relation:
            out.setdefault(f.type, []).append(f)
    return out
