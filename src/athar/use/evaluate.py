"""Evaluation: score the events table against a gold file.

A gold fact is found when an extracted fact of a matching type has evidence
overlapping the gold evidence, and agrees on the date and the amount where the
gold gives them (type mode). In role mode (``roles=True``) it must also name the
gold's agent, target and place (the victim of a Killing, the subject and object
of a relation) and no other entity in those roles; see :func:`score`. Gold files
follow ``tests/data/gold/seed.yaml`` (one document) or ``tests/data/gold/dev.yaml``
and ``data/eval/*/gold.yaml`` (several, optionally with each document's entities).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from athar.errors import EvaluationError
from athar.graph.ingest import build
from athar.use.query import events
from athar.graph.store import Store
from athar.read.pipeline import read
from athar.read.source import read_document
from athar.read.text import normalize_word

# gold's plain type words -> athar's classes and properties (the first is the class the
# per-class table counts the gold fact under). A gold type athar has no class for maps
# to itself, and is missed.
GOLD_TYPES = {
    "Rebuilt": ("Reconstruction",), "Established": ("Establishment",), "Pledge": ("Funding",),
    "Serves": ("ServiceProvision",), "EquippedFor": ("ServiceProvision",), "Operation": ("MilitaryOperation",),
    "Escape": ("Escape", "Displacement"), "Departure": ("Departure", "Displacement", "Return"),
    "Withdrawal": ("Withdrawal", "Redeployment"), "Redeployment": ("Redeployment", "Withdrawal"),
    "Attack": ("Attack",), "Killing": ("Killing", "Attack"),
    # data/eval's gold: an abduction read as an Arrest, an appeal as a Funding, still counts
    "Abduction": ("Abduction", "Arrest"), "FundingAppeal": ("FundingAppeal", "Funding"), "Handover": ("Handover",),
    "Statement": ("Statement",), "Population": ("Population",), "Displacement": ("Displacement", "Escape"),
    "memberOf": ("memberOf",),  # no such property in athar's ontology: always missed
}
_SEASONS = {"early", "mid", "late"}

# -- roles -------------------------------------------------------------------
# Gold's role words -> athar's roles (ontology/athar.ttl: each class's comment names
# its roles). The seed and dev gold use older, plain words; the real corpus's gold uses
# athar's role names, but with its own reading of three classes, translated below.
ROLE_WORDS = {
    "agent": "agent", "by": "agent", "actor": "agent", "led_by": "agent", "trainer": "agent",
    "host": "agent", "who": "agent",
    "target": "target", "targets": "target", "against": "target", "facility": "target",
    "place": "place", "places": "place",
    "victim": "victim", "subject": "subject", "object": "object",
    "from": "origin", "origin": "origin", "to": "destination", "destination": "destination",
    "supporter": "supporter", "supported_by": "supporter", "assisted_by": "supporter",
    "participant": "participant", "parties": "participant", "with": "participant",
    "recipient": "recipient", "handed_to": "recipient",
    "beneficiary": "beneficiary", "beneficiaries": "beneficiary",
    "trainee": "trainee", "trainees": "trainee", "claimed_by": "accordingTo",
}
# (athar class, gold word) -> athar role, where a class reads a word otherwise
ROLE_WORDS_BY_CLASS = {
    # "Liberation ... Roles: agent (who liberated), place, origin (from whom)"
    ("Liberation", "target"): "origin", ("Liberation", "against"): "origin",
    # "TerritorialControl ... Roles: agent, place, origin (from whom, when taken)": the side an area was
    # taken from, which gold writes as the target ("سيطر التنظيم على مواقع ... من أيدي قوات الجيش")
    ("TerritorialControl", "target"): "origin",
    # "Battle: Fighting between two sides. Roles: participant (each side), place"
    ("Battle", "agent"): "participant", ("Battle", "target"): "participant",
    ("Battle", "against"): "participant", ("Battle", "by"): "participant", ("Battle", "actor"): "participant",
    # "ServiceProvision ... Roles: agent, beneficiary, place": the facility that serves is its agent
    ("ServiceProvision", "target"): "agent", ("ServiceProvision", "facility"): "agent",
    # the detained / the residents
    ("Arrest", "who"): "victim", ("Population", "who"): "participant",
    # the people a liberation freed, the people a sponsor takes in: not the agent
    ("Liberation", "who"): "beneficiary", ("Sponsorship", "who"): "beneficiary",
}
_CORE_ROLES = ("agent", "target", "place")
RELATION_ROLES = ("subject", "object")


def scored_roles(cls: str) -> tuple[str, ...]:
    """The athar roles role mode scores for a class: agent, target and place; also the
    victim of a Killing, the origin of a Liberation or a TerritorialControl (its gold target),
    the participants of a Battle (its gold agent and target), subject and object of a relation."""
    if cls[:1].islower():
        return RELATION_ROLES
    extra = {"Killing": ("victim",), "Liberation": ("origin",), "TerritorialControl": ("origin",), "Battle": ("participant",)}.get(cls, ())
    return _CORE_ROLES + extra


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
    roles: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # athar role -> each value's labels
    values: dict[str, list[str]] = field(default_factory=dict)  # athar role -> the gold's words for each value

    @property
    def cls(self) -> str:
        return GOLD_TYPES.get(self.type, (self.type,))[0]

    @property
    def relation(self) -> bool:
        return self.cls[:1].islower()


@dataclass
class Outcome:
    fact: GoldFact
    hit: bool
    reason: str
    matched: dict | None = None


@dataclass
class RoleError:
    """A scored role an extracted fact of the right type, place in the text, date and amount got wrong."""

    fact: str
    document: str
    type: str
    role: str
    gold: list[str]
    extracted: list[str]  # the extracted values of that role (labels)
    wrong: list[str]  # those that match no gold value ([] when the gold value is only missing)


@dataclass
class Report:
    outcomes: list[Outcome]
    extras: list[dict] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)  # every extracted fact of the scored documents
    correct: list[bool] = field(default_factory=list)  # per record: matched to some gold fact
    role_errors: list[RoleError] = field(default_factory=list)
    roles: bool = False

    def recall(self, core_only: bool = False) -> tuple[int, int]:
        chosen = [o for o in self.outcomes if o.fact.core or not core_only]
        return sum(o.hit for o in chosen), len(chosen)

    def precision(self, kind: str = "all") -> tuple[int, int]:
        """Extracted facts matched to a gold fact, over the extracted facts: kind is
        "all", "events" or "relations"."""
        pairs = [(r, ok) for r, ok in zip(self.records, self.correct)
                 if kind == "all" or (kind == "relations") == _is_relation(r["type"])]
        return sum(ok for _, ok in pairs), len(pairs)

    def by_class(self) -> dict[str, dict[str, int]]:
        """Per athar class: gold facts, found, extracted, extracted and matched."""
        table: dict[str, dict[str, int]] = {}
        row = lambda c: table.setdefault(c, {"gold": 0, "found": 0, "extracted": 0, "correct": 0})  # noqa: E731
        for o in self.outcomes:
            row(o.fact.cls)["gold"] += 1
            row(o.fact.cls)["found"] += o.hit
        for r, ok in zip(self.records, self.correct):
            row(r["type"])["extracted"] += 1
            row(r["type"])["correct"] += ok
        return dict(sorted(table.items(), key=lambda kv: (_is_relation(kv[0]), -kv[1]["gold"], kv[0])))

    def to_dict(self) -> dict:
        core, total = self.recall(True), self.recall(False)
        out = {
            "mode": "roles" if self.roles else "types",
            "core": {"found": core[0], "of": core[1]},
            "all": {"found": total[0], "of": total[1]},
            "facts": [{"id": o.fact.id, "document": o.fact.document, "type": o.fact.type, "core": o.fact.core,
                       "hit": o.hit, "reason": o.reason, "evidence": o.fact.evidence} for o in self.outcomes],
            "extras": [{"document": r["document"], "type": r["type"], "evidence": r["evidence"]}
                       for r in self.extras],
        }
        if self.records:
            out["precision"] = {k: dict(zip(("matched", "of"), self.precision(k)))
                                for k in ("all", "events", "relations")}
            out["classes"] = self.by_class()
        if self.roles:
            out["role_errors"] = [vars(e) for e in self.role_errors]
        return out


def _is_relation(type_: str) -> bool:
    return type_[:1].islower()


def load_gold(path: Path) -> list[GoldFact]:
    """Facts of a gold file, single-document or multi-document form, with their roles
    as athar's roles (:data:`ROLE_WORDS`) and each role value's labels."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise EvaluationError(f"{path}: cannot read the gold file ({e.strerror or e})") from e
    except yaml.YAMLError as e:
        raise EvaluationError(f"{path}: malformed YAML ({e})") from e
    if not isinstance(data, dict):
        raise EvaluationError(f"{path}: expected a mapping with 'facts' or 'documents'")
    if "documents" in data:
        groups = [(name, (body or {}).get("facts", []), (body or {}).get("entities", []))
                  for name, body in data["documents"].items()]
    elif "document" in data:
        groups = [(data["document"]["file"], data.get("facts", []), data.get("entities", []))]
    else:
        raise EvaluationError(f"{path}: neither 'document' nor 'documents' is given")
    facts = []
    for name, items, entities in groups:
        labels = _entity_labels(path, name, entities or [])
        for item in items:
            if not isinstance(item, dict) or not {"id", "type", "evidence"} <= item.keys():
                raise EvaluationError(f"{path}: fact {item!r} lacks id, type or evidence")
            g = GoldFact(str(item["id"]), name, str(item["type"]), str(item["evidence"]),
                         bool(item.get("core", False)), _gold_date(item.get("date")), item.get("amount"))
            for word, value in item.items():
                role = ROLE_WORDS_BY_CLASS.get((g.cls, word)) or ROLE_WORDS.get(word)
                if role is None:
                    continue
                for v in value if isinstance(value, list) else [value]:
                    if not isinstance(v, str):
                        raise EvaluationError(f"{path}: {g.id}: role {word} has a value that is not a word: {v!r}")
                    g.roles.setdefault(role, []).append(labels.get(v, (v,)))
                    g.values.setdefault(role, []).append(v)
            facts.append(g)
    return facts


def _entity_labels(path: Path, name: str, entities: list) -> dict[str, tuple[str, ...]]:
    out = {}
    for e in entities:
        if not isinstance(e, dict) or "id" not in e:
            raise EvaluationError(f"{path}: {name}: entity {e!r} has no id")
        ar = e.get("ar") or []
        out[str(e["id"])] = tuple([*(ar if isinstance(ar, list) else [ar]), *([e["en"]] if e.get("en") else [])])
    return out


def _gold_date(value) -> str | None:
    return None if value is None else str(value)


# -- matching entities ---------------------------------------------------------

_PUNCT = re.compile(r"[\"'«»“”„‘’()\[\]،,.:;!?؟\-–—/]+")


_LATIN = re.compile(r"[a-z' ]+")
_VOWELS = re.compile(r"[aeiouy'\u02bf\u02be]")


# The article and a preposition or conjunction written onto it ("للتحالف", "وبالرقة", "فالجيش"):
# the words that name an entity in the text carry them or lose them (a mention of "للتحالف" is
# "تحالف"), a label keeps the article. Both are compared without.
_ARTICLE = re.compile(r"^(?:[وف]?[بك]?ال|[وف]?لل)(?=..)")


def _norm(label: str) -> str:
    words = _PUNCT.sub(" ", normalize_word(label)).lower().split()
    return " ".join(_ARTICLE.sub("", w, count=1) for w in words)


def _skeleton(label: str) -> str:
    """A romanized name without its vowels: "Sharfan Darwish" and "Shrfan Drwysh" are one name."""
    return " ".join(w for w in (_VOWELS.sub("", w) for w in label.split()) if w)


def label_matches(gold_labels: tuple[str, ...], extracted: list[str]) -> bool:
    """Whether an extracted entity (its Arabic and English labels and the words that name it)
    is the gold value: equal after athar's normalization, or one contains the other."""
    for g in map(_norm, gold_labels):
        for x in map(_norm, extracted):
            if not g or not x:
                continue
            if g == x or (min(len(g), len(x)) >= 3 and (f" {g} " in f" {x} " or f" {x} " in f" {g} ")):
                return True
            if _LATIN.fullmatch(g) and _LATIN.fullmatch(x) and min(len(g), len(x)) >= 5:
                sg, sx = _skeleton(g), _skeleton(x)
                if sg and sx and (sg == sx or f" {sg} " in f" {sx} " or f" {sx} " in f" {sg} "):
                    return True
    return False


def _entity_names(entity: dict) -> list[str]:
    return [s for s in (entity.get("label_ar"), entity.get("label_en"), *entity.get("words", ())) if s]


def _role_problems(g: GoldFact, r: dict) -> list[RoleError]:
    problems = []
    for role in scored_roles(g.cls):
        wanted = g.roles.get(role)
        if not wanted:
            continue
        got = r.get(role, [])
        found = any(label_matches(w, _entity_names(e)) for w in wanted for e in got)
        wrong = [e for e in got if not any(label_matches(w, _entity_names(e)) for w in wanted)]
        if not found or wrong:
            problems.append(RoleError(g.id, g.document, g.cls, role, g.values[role],
                                      [e.get("label_en") or e.get("label_ar") or e["id"] for e in got],
                                      [e.get("label_en") or e.get("label_ar") or e["id"] for e in wrong]))
    return problems


# -- scoring -------------------------------------------------------------------

def _place(g: GoldFact, body: str) -> list[tuple[int, int]]:
    """Every place the gold evidence occurs in the body (a few stand twice)."""
    spans, i = [], body.find(g.evidence)
    while i >= 0:
        spans.append((i, i + len(g.evidence)))
        i = body.find(g.evidence, i + 1)
    return spans


def score(gold: list[GoldFact], records: list[dict], bodies: dict[str, str], roles: bool = False) -> Report:
    """Match gold facts to extracted records (the events table).

    Type mode: a hit is an extracted fact of a type :data:`GOLD_TYPES` allows whose evidence
    overlaps the gold evidence and which agrees on the date and the amount where the gold
    gives them. Role mode adds, for each role of :func:`scored_roles` that the gold gives:
    at least one gold value is among the extracted values, and no extracted value is
    outside the gold's (a wrong role). A gold value is an entity id of the document's
    ``entities`` (its ``ar`` labels and ``en``) or a plain label; it matches an extracted
    entity by :func:`label_matches`.
    """
    outcomes, role_errors = [], []
    spans: dict[str, list[tuple[int, int]]] = {}
    for g in gold:
        body = bodies.get(g.document)
        if body is None:
            raise EvaluationError(f"gold names {g.document}, which was not given")
        spans[g.id + "\0" + g.document] = found = _place(g, body)
        if not found:
            raise EvaluationError(f"{g.id}: its evidence is not in {g.document}: {g.evidence[:40]}…")
        g.start, g.end = found[0]
    scored = [r for r in records if r["document"] in bodies]
    covered: set[int] = set()
    correct = [False] * len(scored)
    for g in gold:
        where = spans[g.id + "\0" + g.document]
        types = GOLD_TYPES.get(g.type, (g.type,))
        overlapping = [(i, r) for i, r in enumerate(scored) if r["document"] == g.document
                       and any(r["start"] < e and s < r["end"] for s, e in where)]
        covered.update(id(r) for _, r in overlapping)
        typed = [(i, r) for i, r in overlapping if r["type"] in types]
        if not typed:
            got = sorted({r["type"] for _, r in overlapping})
            outcomes.append(Outcome(g, False, f"no {'/'.join(types)} over the evidence (found: {got or 'nothing'})"))
            continue
        reasons, hit, best_roles = [], None, None
        for i, r in typed:
            problem = _date_problem(g, r) or _amount_problem(g, r)
            if problem is not None:
                reasons.append(problem)
                continue
            problems = _role_problems(g, r) if roles else []
            if problems:
                if best_roles is None or len(problems) < len(best_roles):
                    best_roles = problems
                reasons.append("; ".join(_describe(p) for p in problems))
                continue
            correct[i] = True
            hit = hit or r
        if hit is not None:
            outcomes.append(Outcome(g, True, "found", hit))
        else:
            outcomes.append(Outcome(g, False, "; ".join(dict.fromkeys(reasons))))
            role_errors.extend(best_roles or [])
    extras = [r for r in scored if id(r) not in covered]
    return Report(outcomes, extras, scored, correct, role_errors, roles)


def _describe(p: RoleError) -> str:
    if p.wrong:
        return f"wrong {p.role}: {', '.join(p.wrong)} where gold has {', '.join(p.gold)}"
    return f"{p.role} {', '.join(p.extracted) or 'none'} where gold has {', '.join(p.gold)}"


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


# -- running athar -------------------------------------------------------------

def extract_records(doc_paths: list[Path]) -> tuple[list[dict], dict[str, str]]:
    """The events table of the documents (built in an in-memory store, as ``athar build``
    and ``athar events`` make it), each role entity with the words that name it in the text;
    and the bodies by file name."""
    store = Store()
    report = build(store, doc_paths)
    if report.errors:
        raise EvaluationError("; ".join(report.errors))
    records = events(store)
    documents = {p.name: read_document(p) for p in doc_paths}
    by_doc: dict[str, list[dict]] = {}
    for r in records:
        by_doc.setdefault(r["document"], []).append(r)
    for name, recs in by_doc.items():
        doc = read(documents[name])
        facts = {}
        for f in doc.facts:
            facts.setdefault((f.type, f.evidence.start, f.evidence.end), []).append(f)
        for r in recs:
            for f in facts.get((r["type"], r["start"], r["end"]), []):
                for role, m in f.roles:
                    words = doc.text[slice(*doc.original(m.start, m.end))]
                    for e in r.get(role, []):
                        if isinstance(e, dict) and (e.get("label_ar"), e.get("label_en")) == (m.label_ar, m.label_en):
                            e.setdefault("words", [])
                            if words not in e["words"]:
                                e["words"].append(words)
    return records, {n: d.body for n, d in documents.items()}


def evaluate_files(gold_path: Path, doc_paths: list[Path], roles: bool = False) -> Report:
    """Build an in-memory store from the documents and score its events table."""
    gold = load_gold(gold_path)
    records, bodies = extract_records(doc_paths)
    return score(gold, records, bodies, roles=roles)


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else f"{a}/{b}"


def format_summary(report: Report, wrong_roles: bool = True) -> str:
    """The figures: recall, precision, the per-class table and (unless wrong_roles is false: a set
    whose facts are not to be read, such as a test split) the wrong roles, one line a fact."""
    core, total = report.recall(True), report.recall(False)
    lines = [f"core facts: {core[0]}/{core[1]}   all facts: {total[0]}/{total[1]}"]
    if report.records:
        lines.append("precision: " + "   ".join(f"{k} {_pct(*report.precision(k))}"
                                                  for k in ("all", "events", "relations")))
        lines.append("")
        lines.append(f"{'class':20} {'gold':>5} {'found':>6} {'extracted':>10} {'precision':>10}")
        for cls, c in report.by_class().items():
            prec = f"{100 * c['correct'] / c['extracted']:.0f}%" if c["extracted"] else "-"
            lines.append(f"{cls:20} {c['gold']:5} {c['found']:6} {c['extracted']:10} {prec:>10}")
    if wrong_roles and report.roles and report.role_errors:
        lines.append(f"\nroles missed or wrong ({len(report.role_errors)}), gold vs extracted:")
        for e in report.role_errors:
            lines.append(f"  {e.fact:8} {e.type:18} {e.role:11} gold {', '.join(e.gold)} | extracted "
                         f"{', '.join(e.extracted) or 'none'}{' | WRONG ' + ', '.join(e.wrong) if e.wrong else ''}")
    return "\n".join(lines)


def format_report(report: Report) -> str:
    lines = []
    for o in report.outcomes:
        mark = "hit " if o.hit else "MISS"
        lines.append(f"{mark} {o.fact.id:4} {'core' if o.fact.core else '    '} {o.fact.type:18} "
                     f"{o.fact.document}: {o.reason}")
    lines.append("")
    lines.append(format_summary(report))
    if report.extras:
        lines.append(f"\nextracted facts no gold fact covers ({len(report.extras)}), for review:")
        for r in report.extras:
            lines.append(f"  {r['document']}:{r['start']}-{r['end']} {r['type']}: {r['evidence'][:90]}")
    return "\n".join(lines)
