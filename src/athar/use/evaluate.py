"""Evaluation: score the events table against a gold file.

A gold fact is found when an extracted fact of a matching type has evidence
overlapping the gold evidence, and agrees on the date and the amount where the
gold gives them. Gold files follow ``shared/seed/gold.yaml`` (one document) or
``shared/dev/gold.yaml`` (several).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from athar.errors import EvaluationError
from athar.graph.ingest import build
from athar.use.query import events
from athar.graph.store import Store
from athar.read.source import read_document

# gold's plain type words -> athar's classes and properties
GOLD_TYPES = {
    "Rebuilt": ("Reconstruction",), "Established": ("Establishment",), "Pledge": ("Funding",),
    "Serves": ("ServiceProvision",), "EquippedFor": ("ServiceProvision",), "Operation": ("MilitaryOperation",),
    "Escape": ("Escape", "Displacement"), "Departure": ("Departure", "Displacement", "Return"),
    "Withdrawal": ("Withdrawal", "Redeployment"), "Redeployment": ("Redeployment", "Withdrawal"),
    "Attack": ("Attack",), "Killing": ("Killing", "Attack"),
}
_SEASONS = {"early", "mid", "late"}


@dataclass
class GoldFact:
    id: str
    document: str
    type: str
    evidence: str
    core: bool
    date: str | None
    amount: dict | None
    start: int = -1
    end: int = -1


@dataclass
class Outcome:
    fact: GoldFact
    hit: bool
    reason: str
    matched: dict | None = None


@dataclass
class Report:
    outcomes: list[Outcome]
    extras: list[dict] = field(default_factory=list)

    def recall(self, core_only: bool = False) -> tuple[int, int]:
        chosen = [o for o in self.outcomes if o.fact.core or not core_only]
        return sum(o.hit for o in chosen), len(chosen)

    def to_dict(self) -> dict:
        core, total = self.recall(True), self.recall(False)
        return {
            "core": {"found": core[0], "of": core[1]},
            "all": {"found": total[0], "of": total[1]},
            "facts": [{"id": o.fact.id, "document": o.fact.document, "type": o.fact.type, "core": o.fact.core,
                       "hit": o.hit, "reason": o.reason, "evidence": o.fact.evidence} for o in self.outcomes],
            "extras": [{"document": r["document"], "type": r["type"], "evidence": r["evidence"]}
                       for r in self.extras],
        }


def load_gold(path: Path) -> list[GoldFact]:
    """Facts of a gold file, single-document or multi-document form."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise EvaluationError(f"{path}: cannot read the gold file ({e.strerror or e})") from e
    except yaml.YAMLError as e:
        raise EvaluationError(f"{path}: malformed YAML ({e})") from e
    if not isinstance(data, dict):
        raise EvaluationError(f"{path}: expected a mapping with 'facts' or 'documents'")
    if "documents" in data:
        groups = [(name, (body or {}).get("facts", [])) for name, body in data["documents"].items()]
    elif "document" in data:
        groups = [(data["document"]["file"], data.get("facts", []))]
    else:
        raise EvaluationError(f"{path}: neither 'document' nor 'documents' is given")
    facts = []
    for name, items in groups:
        for item in items:
            if not isinstance(item, dict) or not {"id", "type", "evidence"} <= item.keys():
                raise EvaluationError(f"{path}: fact {item!r} lacks id, type or evidence")
            facts.append(GoldFact(str(item["id"]), name, str(item["type"]), str(item["evidence"]),
                                  bool(item.get("core", False)), _gold_date(item.get("date")),
                                  item.get("amount")))
    return facts


def _gold_date(value) -> str | None:
    return None if value is None else str(value)


def score(gold: list[GoldFact], records: list[dict], bodies: dict[str, str]) -> Report:
    """Match gold facts to extracted records (the events table)."""
    outcomes = []
    covered: set[int] = set()
    for g in gold:
        body = bodies.get(g.document)
        if body is None:
            raise EvaluationError(f"gold names {g.document}, which was not given")
        g.start = body.find(g.evidence)
        if g.start < 0:
            raise EvaluationError(f"{g.id}: its evidence is not in {g.document}: {g.evidence[:40]}…")
        g.end = g.start + len(g.evidence)
        types = GOLD_TYPES.get(g.type, (g.type,))
        overlapping = [r for r in records if r["document"] == g.document
                       and r["start"] < g.end and g.start < r["end"]]
        typed = [r for r in overlapping if r["type"] in types]
        for r in overlapping:
            covered.add(id(r))
        if not typed:
            got = sorted({r["type"] for r in overlapping})
            outcomes.append(Outcome(g, False, f"no {'/'.join(types)} over the evidence (found: {got or 'nothing'})"))
            continue
        reasons = []
        for r in typed:
            problem = _date_problem(g, r) or _amount_problem(g, r)
            if problem is None:
                outcomes.append(Outcome(g, True, "found", r))
                break
            reasons.append(problem)
        else:
            outcomes.append(Outcome(g, False, "; ".join(dict.fromkeys(reasons))))
    extras = [r for r in records if id(r) not in covered and r["document"] in bodies]
    return Report(outcomes, extras)


def _date_problem(g: GoldFact, r: dict) -> str | None:
    if g.date is None:
        return None
    parts = g.date.split()
    want, qualifier = parts[0], (parts[1] if len(parts) > 1 else None)
    got = r.get("date")
    if got != want:
        return f"date {got} where gold has {g.date}"
    if qualifier in _SEASONS and r.get("date_qualifier") != qualifier:
        return f"date qualifier {r.get('date_qualifier')} where gold has {qualifier}"
    return None


def _amount_problem(g: GoldFact, r: dict) -> str | None:
    if not g.amount:
        return None
    got = r.get("amount")
    if got is None:
        return "no amount"
    value = g.amount.get("value")
    if isinstance(value, str):  # vague: "dozens", "tens of thousands"
        return None if got.get("vague") else f"amount {got['value']} is not vague where gold has '{value}'"
    if float(got["value"]) != float(value):
        return f"amount {got['value']} where gold has {value}"
    bound = g.amount.get("bound")
    if bound and got.get("bound") != bound:
        return f"bound {got.get('bound')} where gold has {bound}"
    return None


def evaluate_files(gold_path: Path, doc_paths: list[Path]) -> Report:
    """Build an in-memory store from the documents and score its events table."""
    gold = load_gold(gold_path)
    store = Store()
    report = build(store, doc_paths)
    if report.errors:
        raise EvaluationError("; ".join(report.errors))
    bodies = {p.name: read_document(p).body for p in doc_paths}
    return score(gold, events(store), bodies)


def format_report(report: Report) -> str:
    lines = []
    for o in report.outcomes:
        mark = "hit " if o.hit else "MISS"
        lines.append(f"{mark} {o.fact.id:4} {'core' if o.fact.core else '    '} {o.fact.type:18} "
                     f"{o.fact.document}: {o.reason}")
    core, total = report.recall(True), report.recall(False)
    lines.append("")
    lines.append(f"core facts: {core[0]}/{core[1]}   all facts: {total[0]}/{total[1]}")
    if report.extras:
        lines.append(f"\nextracted facts no gold fact covers ({len(report.extras)}), for review:")
        for r in report.extras:
            lines.append(f"  {r['document']}:{r['start']}-{r['end']} {r['type']}: {r['evidence'][:90]}")
    return "\n".join(lines)
