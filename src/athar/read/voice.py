"""Whom a verb in the first person plural speaks for: "وقال أحد عناصر البشمركة «أبطلنا مفعول 45 قنبلة»",
"قال مسؤول في الفريق: تمكنا من تطهير المنازل": the body the speaker belongs to. Read by the events
component through :mod:`athar.read.agency`, which re-exports :func:`we`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from athar.read.mentions import is_a
from athar.read.rules import MARKER_FROM, masdar_governors, trigger_forms

if TYPE_CHECKING:
    from athar.read.clause import EventReading, Trigger
    from athar.read.mentions import Mention


_WE = "نا"  # the suffix of a verb in the first person plural: "أبطلنا", "تمكنا"


def we(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"وقال أحد عناصر البشمركة «أبطلنا مفعول 45 قنبلة»", "قال مسؤول في الفريق: تمكنا من تطهير
    المنازل": a verb in the first person plural, the trigger's or the one governing its masdar,
    speaks for the body the speaker belongs to: the organization or armed body its sentence names
    last before the trigger."""
    tokens, lang = reading.doc.tokens, reading.doc.language
    word = tokens[trig.first].text.removeprefix(trig.proclitic)
    rest = [t.text for t in tokens[trig.first + 1:trig.last]]
    forms = trigger_forms(lang)
    sentence = reading.doc.sentences[tokens[trig.first].sentence]
    # whether the trigger is quoted matters only to a word that may be a first person plural: the
    # sentence's quotes are scanned for those alone
    governing = tokens[trig.first - 2].text if trig.first >= 2 and tokens[trig.first - 1].text == MARKER_FROM else None
    quoted = (_may_be_we(word) or (governing is not None and _may_be_we(governing))) \
        and _quoted(tokens, sentence.first_token, trig.first)
    ours = any(" ".join([stem, *rest[:k]]) in forms for stem in _stems(word, quoted) for k in range(len(rest) + 1))
    if not ours and governing is not None:  # "تمكنا من تطهير"
        ours = any(stem in masdar_governors(lang) for stem in _stems(governing, quoted))
    if not ours:
        return []
    bodies = [m for m in reading.mention_spans.starting(sentence.first_token, trig.first)
              if m.last_token <= trig.first and (is_a(m.type, "Organization") or is_a(m.type, "Armed"))]
    return bodies[-1:]


def _may_be_we(word: str) -> bool:
    """Whether ``word`` may be a verb in the first person plural (``_stems`` gives it stems)."""
    return word.endswith(_WE) and len(word) >= 5


def _stems(word: str, quoted: bool) -> tuple[str, ...]:
    """The verb a first person plural may be: "أبطلنا" is أبطل; in quoted speech "تمكنّا" (written
    "تمكنا") is تمكن, which outside it is more likely the dual ("أعلنا سيطرتهما": the two announced)."""
    if not _may_be_we(word):
        return ()
    return (word[:-len(_WE)], word[:-1]) if quoted else (word[:-len(_WE)],)


_OPENING, _CLOSING, _STRAIGHT = frozenset("«“:"), frozenset("»”"), frozenset('"')


def _quoted(tokens, first: int, j: int) -> bool:
    """Whether token j stands in quoted speech opened in its sentence (from token ``first``)."""
    marks = [c for t in tokens[first:j] for c in t.text if c in _OPENING or c in _CLOSING or c in _STRAIGHT]
    if sum(c in _STRAIGHT for c in marks) % 2:
        return True
    curly = [c for c in marks if c not in _STRAIGHT]
    return bool(curly) and curly[-1] in _OPENING
