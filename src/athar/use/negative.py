"""The negative corpus: sentences of civic news (sports, economy, politics, health, weather,
culture) from which athar must read no conflict event. Meetings, statements, funding and
rebuilding happen in civic news too and are not counted; a match read as a battle, a player's
return or a team's withdrawal from a league are.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from athar.read.frames import CONFLICT_EVENTS
from athar.read.language import Language
from athar.read.pipeline import read

@dataclass
class NegativeReport:
    sentences: int
    offending: list[tuple[str, str, str, list[tuple[str, str]]]]  # (id, topic, sentence, [(class, evidence)])
    events: int  # conflict events read, over all sentences

    @property
    def rate(self) -> float:
        """Sentences with a conflict event, per 50 sentences."""
        return 50 * len(self.offending) / self.sentences if self.sentences else 0.0

    def format(self) -> str:
        lines = [f"negative corpus: {len(self.offending)} of {self.sentences} sentences give a conflict event "
                 f"({self.events} events): {self.rate:.1f} per 50 sentences"]
        for sid, topic, sentence, found in self.offending:
            classes = ", ".join(f"{c} ({ev})" for c, ev in found)
            lines.append(f"  {sid} {topic:8} {classes}\n      {sentence}")
        return "\n".join(lines)


def read_negative(path: Path) -> list[dict]:
    """The rows of a negative corpus (TAB-separated, one header line, no quoting)."""
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def evaluate_negative(path: Path, lang: Language | None = None) -> NegativeReport:
    """Read every sentence of the negative corpus (with its publication date when the row
    gives one) and list those athar reads a conflict event from."""
    rows = read_negative(path)
    offending, count = [], 0
    for row in rows:
        doc = read(row["sentence"], published=row.get("published") or None, lang=lang)
        # a conflict event: none should be read from civic news
        found = [(f.type, f.evidence.text) for f in doc.facts if not f.relation and f.type in CONFLICT_EVENTS]
        if found:
            offending.append((row["id"], row.get("topic", ""), row["sentence"], found))
            count += len(found)
    return NegativeReport(len(rows), offending, count)
