"""Where facts are lost, by mechanism: every gold fact role mode misses, put in one class.

    python bench/misses.py data/eval/dev/gold.yaml --half A --examples 3
    python bench/misses.py data/eval/dev/gold.yaml --half B
    python bench/misses.py tests/data/gold/seed.yaml data/corpus/baghuz-one-year.ar.txt

The documents are the gold file's folder's ``*.ar.txt`` unless given (files or folders);
``--half A|B`` keeps the texts of one half of data/eval/dev (``bench/evaluation.py``'s
``dev_half``). The facts are scored by ``athar.use.evaluate`` as EVALUATION.md's
"Scoring" says; each gold fact that is not a role-mode hit gets one mechanism:

type (no type-mode hit)
  nothing read     no event or relation of any class over the gold evidence
  another class    something read over the evidence, of no class the gold type allows; told
                   apart: a relation where only events were read, an event where only a
                   Statement was, an event read as other events, the rest
  date or amount   the class right, the date or the amount not
roles (a type-mode hit, a role-mode miss): each role the scorer reports missed or wrong
  recognition      no mention athar made in the whole document names the gold value (none
                   whose words or labels match one of its labels, as the scorer matches them)
  resolution       the role's value is another entity sharing a word with the gold value's labels
  selection        a mention of the gold value is in the evidence's sentence, and the role has
                   none or another value (or, the gold value given, a wrong one beside it)
  discourse        mentions of the gold value stand only outside the evidence's sentence

A role missed is put in the first of resolution, selection, discourse, recognition that one of
its gold values fits (the scorer needs one value of a role); a fact with several roles at fault,
in the first of recognition, resolution, discourse, selection among them (the stage furthest
upstream). ``--examples N`` prints N facts of each mechanism; it is refused for half B and all
of data/eval/dev, and for the test split, the fresh batches and every other set of data/eval.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "data" / "eval"

TYPE_MECHANISMS = ("nothing read", "another class", "date or amount")
ROLE_MECHANISMS = ("recognition", "resolution", "discourse", "selection")  # upstream first
_ROLE_PREFERENCE = ("resolution", "selection", "discourse", "recognition")  # the nearest to a hit first
_CLASSES = 8  # the classes the table of classes shows
_HEADS = ("none read", "class", "date/amount", *ROLE_MECHANISMS)  # its columns, short


@dataclass
class RoleMiss:
    role: str
    mechanism: str
    gold: list[str]
    extracted: list[str]


@dataclass
class Miss:
    fact: object  # athar.use.evaluate.GoldFact
    mechanism: str  # "type: ..." or "role: ..."
    roles: list[RoleMiss] = field(default_factory=list)
    read: str = ""  # for "another class": the classes read over the evidence instead


@dataclass
class _Reading:
    """What athar read of one document: its mentions (original offsets, the words that name
    each) and its sentences (original offsets)."""

    mentions: list[tuple[int, int, list[str]]]
    sentences: list[tuple[int, int]]


def read_documents(paths: list[Path]) -> dict[str, _Reading]:
    """Each document read by athar (``athar.read``), its mentions and sentences kept."""
    import athar
    from athar.read.language import Language
    from athar.read.source import read_document

    lang, out = Language(), {}
    for p in paths:
        doc = athar.read(read_document(p), lang=lang)
        mentions = [(s.start, s.end, [s.text, s.item.label_ar, s.item.label_en]) for s in doc.spans("mentions")]
        sentences = [doc.original(s.start, s.end) for s in doc.sentences]
        out[p.name] = _Reading(mentions, sentences)
    return out


def classify(gold: list, records: list[dict], bodies: dict[str, str], readings: dict[str, _Reading],
             stop: frozenset[str] = frozenset()) -> list[Miss]:
    """Every gold fact role mode misses, with its mechanism (see the module's docstring).
    ``stop``: words that never make two names one (athar's stopwords)."""
    from athar.use.evaluate import GOLD_TYPES, score

    hits = {(o.fact.document, o.fact.id) for o in score(gold, records, bodies, roles=False).outcomes if o.hit}
    report = score(gold, records, bodies, roles=True)
    errors: dict[tuple[str, str], list] = {}
    for e in report.role_errors:
        errors.setdefault((e.document, e.fact), []).append(e)
    by_doc: dict[str, list[dict]] = {}
    for r in records:
        by_doc.setdefault(r["document"], []).append(r)
    misses = []
    for o in report.outcomes:
        if o.hit:
            continue
        g = o.fact
        body, types = bodies[g.document], GOLD_TYPES.get(g.type, (g.type,))
        spans = _places(g.evidence, body)
        over = [r for r in by_doc.get(g.document, []) if any(r["start"] < e and s < r["end"] for s, e in spans)]
        typed = [r for r in over if r["type"] in types]
        if (g.document, g.id) not in hits:
            kind = "nothing read" if not over else "another class" if not typed else "date or amount"
            misses.append(Miss(g, "type: " + kind, read="/".join(sorted({r["type"] for r in over}))))
            continue
        reading = readings[g.document]
        roles = [_role_miss(g, e, typed, reading, spans, stop) for e in errors.get((g.document, g.id), [])]
        first = min((ROLE_MECHANISMS.index(r.mechanism) for r in roles), default=len(ROLE_MECHANISMS) - 1)
        misses.append(Miss(g, "role: " + ROLE_MECHANISMS[first], roles))
    return misses


def _places(evidence: str, body: str) -> list[tuple[int, int]]:
    spans, i = [], body.find(evidence)
    while i >= 0:
        spans.append((i, i + len(evidence)))
        i = body.find(evidence, i + 1)
    return spans


def _display(entity: dict) -> str:
    return entity.get("label_en") or entity.get("label_ar") or entity["id"]


def _names(entity: dict) -> list[str]:
    return [s for s in (entity.get("label_ar"), entity.get("label_en"), *entity.get("words", ())) if s]


def _words(labels, stop: frozenset[str]) -> set[str]:
    """The words of labels as the scorer compares them (normalized, without punctuation and the
    article), less the short ones, numbers and ``stop``."""
    from athar.use.evaluate import _norm

    return {w for label in labels for w in _norm(label).split() if len(w) >= 3 and w not in stop and not w.isdigit()}


def _role_miss(g, error, typed: list[dict], reading: _Reading, spans, stop) -> RoleMiss:
    from athar.use.evaluate import label_matches

    wanted = g.roles[error.role]
    wrong = [e for r in typed for e in r.get(error.role, []) if isinstance(e, dict) and _display(e) in error.wrong]
    gold_words = _words([label for labels in wanted for label in labels], stop)
    if any(_words(_names(e), stop) & gold_words for e in wrong):
        return RoleMiss(error.role, "resolution", error.gold, error.extracted)
    if len(error.wrong) < len(error.extracted):  # a gold value was given: a wrong one beside it
        return RoleMiss(error.role, "selection", error.gold, error.extracted)
    inside = [(s, e) for s, e in reading.sentences if any(s < b and a < e for a, b in spans)]
    lo, hi = min(s for s, _ in inside or spans), max(e for _, e in inside or spans)
    found = set()
    for labels in wanted:
        for start, end, names in reading.mentions:
            if label_matches(labels, [n for n in names if n]):
                found.add("selection" if lo <= start and end <= hi else "discourse")
    kind = next((k for k in _ROLE_PREFERENCE if k in found), "recognition")
    return RoleMiss(error.role, kind, error.gold, error.extracted)


_OTHER_CLASS = ("a relation, events read", "an event, only a Statement", "an event, other events",
                "an event, relations read", "a relation, others read")


def _other_class(m: Miss) -> str:
    """What "another class" was: a relation the gold gives where only events were read (a
    Statement among them); an event told in a statement of which athar read only the saying; an
    event read as another event; an event where only relations were read; another relation."""
    read = set(m.read.split("/"))
    relations = {c for c in read if c[:1].islower()}
    if m.fact.relation:
        return _OTHER_CLASS[0] if not relations else _OTHER_CLASS[4]
    if read == {"Statement"}:
        return _OTHER_CLASS[1]
    return _OTHER_CLASS[2] if read - relations else _OTHER_CLASS[3]


def format_counts(misses: list[Miss], facts: int, hits: int) -> str:
    facts_by = Counter(m.mechanism for m in misses)
    lines = [f"gold facts {facts}, role-mode hits {hits}, missed {len(misses)}", "",
             f"{'mechanism':28} {'facts':>6}"]
    for kind in [f"type: {k}" for k in TYPE_MECHANISMS] + [f"role: {k}" for k in ROLE_MECHANISMS]:
        lines.append(f"{kind:28} {facts_by[kind]:6}")
        if kind == "type: another class":
            other = Counter(_other_class(m) for m in misses if m.mechanism == kind)
            lines += [f"  {k:26} {other[k]:6}" for k in _OTHER_CLASS]
    by_class = Counter((m.fact.cls, m.mechanism) for m in misses)
    classes = Counter(m.fact.cls for m in misses).most_common(_CLASSES)
    kinds = [f"type: {k}" for k in TYPE_MECHANISMS] + [f"role: {k}" for k in ROLE_MECHANISMS]
    lines += ["", f"the {_CLASSES} classes (athar's, of the gold type) with the most facts missed:",
              f"{'class':20} " + " ".join(f"{h:>11}" for h in _HEADS) + f" {'all':>6}"]
    for cls, n in classes:
        lines.append(f"{cls:20} " + " ".join(f"{by_class[cls, k]:11}" for k in kinds) + f" {n:6}")
    pairs = Counter((m.fact.cls, m.read) for m in misses if m.mechanism == "type: another class")
    lines += ["", f"another class: the {_CLASSES} commonest pairs, gold class <- the classes read over its evidence:"]
    lines += [f"{n:6}  {cls} <- {read}" for (cls, read), n in pairs.most_common(_CLASSES)]
    roles = Counter((r.role, r.mechanism) for m in misses for r in m.roles)
    names = sorted({role for role, _ in roles}, key=lambda r: (-sum(n for (x, _), n in roles.items() if x == r), r))
    lines += ["", "roles missed or wrong, by mechanism (one a role of a fact):",
              f"{'role':12} " + " ".join(f"{k:>12}" for k in ROLE_MECHANISMS) + f" {'all':>6} {'no value':>9}"]
    empty = Counter(r.role for m in misses for r in m.roles if not r.extracted)
    for role in names:
        lines.append(f"{role:12} " + " ".join(f"{roles[role, k]:12}" for k in ROLE_MECHANISMS)
                     + f" {sum(roles[role, k] for k in ROLE_MECHANISMS):6} {empty[role]:9}")
    lines.append(f"{'all':12} " + " ".join(f"{sum(n for (_, x), n in roles.items() if x == k):12}"
                                           for k in ROLE_MECHANISMS)
                 + f" {sum(roles.values()):6} {sum(empty.values()):9}")
    lines.append(f"{'no value':12} " + " ".join(
        f"{sum(1 for m in misses for r in m.roles if r.mechanism == k and not r.extracted):12}"
        for k in ROLE_MECHANISMS) + f" {sum(empty.values()):6}")
    lines.append("(no value: the role was given none; the others, a wrong value)")
    return "\n".join(lines)


def format_examples(misses: list[Miss], n: int) -> str:
    lines = []
    for kind in [f"type: {k}" for k in TYPE_MECHANISMS] + [f"role: {k}" for k in ROLE_MECHANISMS]:
        chosen = [m for m in misses if m.mechanism == kind][:n]
        if chosen:
            lines.append(f"\n== {kind}")
        for m in chosen:
            g = m.fact
            lines.append(f"  {g.id} {g.type} {g.document}: {g.evidence[:100]}")
            for r in m.roles:
                lines.append(f"      {r.role:11} {r.mechanism:11} gold {', '.join(r.gold)} | extracted "
                             f"{', '.join(r.extracted) or 'none'}")
    return "\n".join(lines)


def examples_allowed(gold_path: Path, half: str | None, documents: list[Path] = ()) -> bool:
    """Examples show texts: only of half A of data/eval/dev, or of a set outside data/eval
    (the seed and the dev corpus of tests/data/gold), gold file and documents alike."""
    for path in (gold_path, *documents):
        path = path.resolve()
        folder = path if path.is_dir() else path.parent
        if EVAL.resolve() in path.parents and (folder != (EVAL / "dev").resolve() or half != "A"):
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="?", default=EVAL / "dev" / "gold.yaml")
    parser.add_argument("documents", type=Path, nargs="*",
                        help="files or folders (default: the gold file's folder's *.ar.txt)")
    parser.add_argument("--half", choices=("A", "B"), help="one half of data/eval/dev (dev_half)")
    parser.add_argument("--examples", type=int, default=0, metavar="N",
                        help="N facts of each mechanism (half A of dev, or sets outside data/eval, only)")
    args = parser.parse_args(argv)
    if args.examples and not examples_allowed(args.gold, args.half, args.documents):
        parser.error("--examples is for half A of data/eval/dev or a set outside data/eval: "
                     "the other sets are measured, never read (counts only)")
    if args.half and args.gold.resolve().parent != (EVAL / "dev").resolve():
        parser.error("--half splits data/eval/dev only")

    sys.path.insert(0, str(ROOT / "bench"))
    from evaluation import dev_half

    from athar.read.entity import stopwords
    from athar.read.language import Language
    from athar.use.evaluate import extract_records, load_gold

    paths = []
    for p in args.documents or [args.gold.parent]:
        paths += sorted(p.glob("*.ar.txt")) if p.is_dir() else [p]
    if args.half:
        paths = [p for p in paths if dev_half(p.name) == args.half]
    names = {p.name for p in paths}
    gold = [g for g in load_gold(args.gold) if g.document in names]
    records, bodies = extract_records(paths)
    misses = classify(gold, records, bodies, read_documents(paths), stopwords(Language()))
    title = f"{args.gold}" + (f", half {args.half}" if args.half else "") + f" ({len(paths)} texts)"
    print(f"== where the misses are, by mechanism: {title}")
    print(format_counts(misses, len(gold), len(gold) - len(misses)))
    if args.examples:
        print(format_examples(misses, args.examples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
