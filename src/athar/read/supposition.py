"""Events a text supposes: what may happen, or would under a condition, is no event told.

"وربما يحاولون الهرب" (perhaps they will try to flee), "سواء قرر الناس الهرب أو البقاء" (whether
people decide to flee or to stay), "إذا هاجم التنظيم البلدة" (if the group attacks the town), "في حال
تعرضت القوات لهجوم" (should the forces come under attack): the trigger word names an event the
speaker imagines, not one the report tells. A word of supposition (markers.tsv, row
``supposition``) a few words (:data:`_REACH`) before the trigger in its sentence, with no comma
between (the clause it opens ends there: "إذا تعرضت القوات لهجوم، ردت المدفعية" tells nothing
either way, and the main clause is read by its own words), makes the event supposed; read by
:func:`athar.read.aim.drop_aims`, which leaves it out. A statement or a meeting is said or held
whatever it supposes.
"""

from __future__ import annotations

from athar.read.language import Language, language_data
from athar.read.phrases import PhraseMatcher
from athar.read.rules import marker_forms
from athar.read.text import COMMAS, Doc

# how many words before the trigger a word of supposition reaches ("سواء قرر الناس الهرب")
_REACH = 5
_SAID = frozenset({"Statement", "Meeting"})


def supposed(doc: Doc, trig) -> bool:
    """Whether a word of supposition opens the clause of the trigger, at most ``_REACH`` words before it."""
    if trig.rule.event in _SAID:
        return False
    tokens, first = doc.tokens, trig.first
    sentence = tokens[first].sentence
    matcher = _matcher(doc.language)
    for j in range(max(0, first - _REACH), first):
        if tokens[j].sentence != sentence or not matcher.starts(doc.texts[j]):
            continue
        found = matcher.match_at(tokens, j)
        if found is not None and found[1] <= first \
                and not any(tokens[k].text in COMMAS for k in range(found[1], first)):
            return True
    return False


@language_data
def _matcher(lang: Language) -> PhraseMatcher:
    return PhraseMatcher(lang, [(f, True) for f in marker_forms(lang, "supposition")])
