"""The forces of a named operation ("قوات حملة (غضب الفرات)", :mod:`athar.read.cue`) are the
forces that wage it: where the text tells the operation by its name ("بدأت قوات سوريا الديمقراطية
حملة "غضب الفرات""), the doer of that telling takes their place in every role they fill. Used by
the events component (:func:`athar.read.facts.extract_events`) once every fact is read."""

from __future__ import annotations

import re
from dataclasses import replace

from athar.read.entity import Mention, is_a, slug, span, without_quotes
from athar.read.function_words import function_words
from athar.read.romanization import english_label
from athar.read.text import QUOTES, Doc, normalize_word
from athar.read.values import Fact

# the marks a name opens with, and those that close it: text.QUOTES, each closing itself, and a bracket
_CLOSING = {**{q: q for q in QUOTES}, "(": ")"}
OPERATION = "operation"  # Mention.role_of of the forces of a named operation: "operation:<its name>"


def operation_name(seg: Doc, j: int) -> tuple[int, int, int] | None:
    """A noun of an operation at token j and its name in quotes or brackets after it
    (function_words.tsv, named_operation: "حملة (غضب الفرات)", "عملية «درع الفرات»"): the tokens
    (first, last) of the name and the one after its closing mark."""
    tokens = seg.tokens
    if j + 2 >= len(tokens) or tokens[j].text not in function_words(seg.language, "named_operation"):
        return None
    close = _CLOSING.get(tokens[j + 1].text)
    if close is None:
        return None
    for k in range(j + 2, min(len(tokens), j + 2 + _OPERATION_WORDS + 1)):
        if tokens[k].text == close:
            return (j + 2, k, k + 1) if k > j + 2 else None
        if not tokens[k].is_word or tokens[k].sentence != tokens[j].sentence:
            return None
    return None


_OPERATION_WORDS = 6  # words of an operation's name between its marks


def operation_forces_mention(seg: Doc, i: int, prefix: int, operation: tuple[int, int, int], etype: str,
                             en_pattern: str, marker: str) -> Mention:
    """"قوات حملة (غضب الفرات)": the forces of a named operation are no body called after the
    campaign's noun; they are the forces that wage the operation, which the text may name where it
    tells the operation (:func:`operation_forces`). The mention, of this document, carries the
    operation's name in ``role_of``."""
    first, last, end = operation
    start, stop = span(seg, i, end, prefix)
    label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
    label_ar = without_quotes(label_ar).replace("(", "").replace(")", "")
    label_ar = " ".join(label_ar.split())
    name = " ".join(t.text for t in seg.tokens[first:last])
    name_orig = seg.norm.original[slice(*seg.norm.to_original(seg.tokens[first].start, seg.tokens[last - 1].end))]
    label_en, guessed = english_label(seg, name_orig, en_pattern, label_ar)
    return Mention(start, stop, i, end, f"{etype.lower()}-{slug(normalize_word(label_ar))}", etype, label_ar,
                   label_en, "document", "cue", marker, role_of=f"{OPERATION}:{name}", label_guessed=guessed)


_WORD = re.compile(r"\w+")
_OF_OPERATION = OPERATION + ":"


def operation_forces(facts: list[Fact]) -> list[Fact]:
    """The facts, the forces of a named operation in their roles replaced by the armed doers of
    the operation the text tells under that name; kept when it tells none: "فصائل عملية «درع
    الفرات»" is then the only name the text gives those who wage it."""
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
            taken = waged.get(m.role_of[len(_OF_OPERATION):], [m]) if m.role_of.startswith(_OF_OPERATION) else [m]
            roles += [(role, x) for x in taken if (role, x) not in roles]
        out.append(replace(f, roles=tuple(roles)))
    return out
