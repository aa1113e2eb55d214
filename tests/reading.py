"""What the genre tests ask of a sentence: the events athar reads in it, by class."""

from __future__ import annotations

from pathlib import Path

import athar
from athar.read.pipeline import extract_facts
from athar.read.source import parse_document, read_document

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


def facts_of(text: str, published: str = PUBLISHED) -> list:
    """Every fact read from ``text`` (events and relations), each one's evidence and trigger checked
    against the body."""
    doc = parse_document(f"---\npublished: {published}\n---\n{text}", "test.txt")
    found = extract_facts(doc)
    for f in found:
        assert doc.body[f.evidence.start:f.evidence.end] == f.evidence.text
        assert doc.body[f.trigger_start:f.trigger_end] == f.trigger
    return found


def relation_pairs(text: str, kind: str, published: str = PUBLISHED) -> set[tuple[str, str]]:
    """The (subject, object) Arabic labels of the ``kind`` relations (memberOf, leaderOf, locatedIn
    ...) read from ``text``."""
    return {(f.roles[0][1].label_ar, f.roles[1][1].label_ar) for f in facts_of(text, published) if f.type == kind}


def located(text: str) -> set[tuple[str, str]]:
    """The (place, container) pairs, by English label, of the locatedIn facts read from ``text``
    (published 2020-06-15), each fact's evidence checked against the body."""
    return {(f.roles[0][1].label_en, f.roles[1][1].label_en) for f in facts_of(text, "2020-06-15")
            if f.type == "locatedIn"}


def event_places(text: str, event: str, published: str = "2020-06-15") -> set[str]:
    """The English labels of the places of every ``event`` read from ``text``; fails, naming what
    was read, when no such event is."""
    facts = facts_of(text, published)
    found = [f for f in facts if f.type == event]
    assert found, [f.type for f in facts]
    return {m.label_en for f in found for r, m in f.roles if r == "place"}


CORPUS = sorted(Path(__file__).resolve().parent.parent.joinpath("data", "corpus").glob("*.txt"))


def corpus_and(written) -> list:
    """The Docs of data/corpus's articles and of the sentences ``written`` for a test, each read by athar."""
    return [athar.read(read_document(p)) for p in CORPUS] + [athar.read(t) for t in written]


def mentions_found(text: str) -> dict[str, tuple[str, str]]:
    """The mentions athar reads in ``text``: their words as written -> (type, English label)."""
    from athar.read.language import arabic
    from athar.read.mentions import extract_mentions

    seg = arabic().make_doc(text)
    out = {}
    for m in extract_mentions(seg):
        start, end = seg.norm.to_original(m.start, m.end)
        out[text[start:end]] = (m.type, m.label_en)
    return out
