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


def events_of(text: str, cls: str, published: str = PUBLISHED) -> list:
    """The events of class ``cls`` read from ``text``; fails, naming what was read, when none is."""
    facts = [f for f in athar.read(text, published=published).facts if not f.relation]
    found = [f for f in facts if f.type == cls]
    assert found, [(f.type, f.trigger) for f in facts]
    return found


def role_labels(fact, role: str) -> list[str]:
    """The labels (English, else Arabic) of a fact's ``role``, sorted."""
    return sorted(m.label_en or m.label_ar for r, m in fact.roles if r == role)
