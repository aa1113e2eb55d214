"""The evaluation, in one command: every figure EVALUATION.md reports.

    python bench/evaluation.py [--brief]

1. Cold extraction: the distinct articles of data/eval/dev and data/eval/test, each read
   once by ``athar.read`` with one fresh ``Language`` (no table loaded, no cache built:
   this runs first, in a fresh process), against ``pyarabic.araby.tokenize`` of the same
   bodies, side by side, and the ratio (target: at most 20 times).
2. The seed and dev gold of the tests (tests/data/gold/seed.yaml with data/corpus, and
   tests/data/gold/dev.yaml), in role mode (type mode beside it).
3. The real corpus: data/eval/dev and data/eval/test, in type mode and role mode: recall
   (core, all), precision (events, relations, both), the per-class table, and (unless --brief)
   the wrong roles and every gold fact hit or missed and why.
4. The negative corpora (data/eval/negative*/sentences.tsv): conflict events read from
   civic news, per 50 sentences, and every offending sentence with the class read.

``--halves`` adds data/eval/dev scored in its two halves (EVALUATION.md, milestone 15): half A,
the texts rules are written from, and half B, the texts a rule is checked on before it is kept,
whose misses are not read. A text's half is fixed by its file name (:func:`dev_half`), so it
does not change as dev grows.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "data" / "eval"
CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT / "tests" / "data" / "gold"
MAX_RATIO = 20.0
# The negative sets of civic news: (folder, title, held out). A held-out set is read at
# milestones only, never for rule work (``--without-test`` leaves it out); once a newer set is
# gathered blind, the older one becomes development material.
NEGATIVE_SETS = [
    ("negative", "negative", False),
    ("negative-2", "second negative", False),
    ("negative-3", "third negative", False),
    ("negative-4", "fourth negative", True),
]


def dev_half(name: str) -> str:
    """The half of data/eval/dev a text belongs to, "A" or "B": the parity of the first byte of
    the SHA-1 of its file name (about half each; a text keeps its half as dev grows)."""
    return "A" if hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def distinct_articles() -> list[Path]:
    seen, out = set(), []
    for p in sorted((EVAL / "dev").glob("*.ar.txt")) + sorted((EVAL / "test").glob("*.ar.txt")):
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            out.append(p)
    return out


def cold_timing() -> dict:
    """Run first, before anything has read Arabic in this process."""
    from pyarabic import araby

    import athar
    from athar.read.language import Language
    from athar.read.source import read_document

    docs = [read_document(p) for p in distinct_articles()]
    chars = sum(len(d.body) for d in docs)
    t0 = time.perf_counter()
    lang = Language()
    facts = 0
    first = None
    for d in docs:
        facts += len(athar.read(d, lang=lang).facts)
        if first is None:
            first = time.perf_counter() - t0
    athar_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:  # the same again, warm: for context only
        athar.read(d, lang=lang)
    warm_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    tokens = sum(len(araby.tokenize(d.body)) for d in docs)
    base_s = time.perf_counter() - t0
    return {"articles": len(docs), "chars": chars, "facts": facts, "tokens": tokens, "athar_s": athar_s,
            "first_s": first or 0.0, "pyarabic_s": base_s, "ratio": athar_s / base_s,
            "warm_s": warm_s}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brief", action="store_true", help="figures only (recall, precision, the table per class), no line of any one fact")
    parser.add_argument("--without-test", action="store_true",
                        help="leave the test split, a fresh batch and the held-out negative set out (for rule "
                             "work: they are read at milestones only)")
    parser.add_argument("--halves", action="store_true",
                        help="also score data/eval/dev's half A (rules are written from it) and half B (rules "
                             "are checked on it; its misses are not printed)")
    args = parser.parse_args()

    t = cold_timing()
    from athar.use.evaluate import evaluate_files, extract_records, format_report, format_summary, load_gold, score
    from athar.use.negative import evaluate_negative

    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "?"
    print(f"athar evaluation at commit {commit}\n")
    print("== cold extraction: each distinct article of data/eval/dev and test read once, one fresh Language")
    print(f"articles {t['articles']}, {t['chars']:,} characters, {t['facts']} facts, {t['tokens']:,} tokens")
    print(f"athar.read           {t['athar_s'] * 1000:9.1f} ms  (first article, with the tables loaded: "
          f"{t['first_s'] * 1000:.1f} ms)")
    print(f"pyarabic tokenize    {t['pyarabic_s'] * 1000:9.1f} ms")
    print(f"(for context, warm: the same articles read again {t['warm_s'] * 1000:9.1f} ms, "
          f"{t['warm_s'] / t['pyarabic_s']:.1f} x)")
    verdict = "within" if t["ratio"] <= MAX_RATIO else "ABOVE"
    print(f"ratio                {t['ratio']:9.1f} x   ({verdict} the target of {MAX_RATIO:.0f}x)\n")

    summary = []

    def run(title, gold, docs, roles):
        report = evaluate_files(gold, docs, roles=roles)
        print(f"== {title}, {'role' if roles else 'type'} mode")
        print(format_report(report) if not args.brief else format_summary(report, wrong_roles=False))
        print()
        summary.append((title, "role" if roles else "type", report))

    seed = CORPUS / "baghuz-one-year.ar.txt"
    dev_corpus = sorted(p for p in CORPUS.glob("*.txt") if p != seed)
    for roles in (False, True):
        run("seed (tests/data/gold/seed.yaml)", GOLD / "seed.yaml", [seed], roles)
        run("dev corpus (tests/data/gold/dev.yaml)", GOLD / "dev.yaml", dev_corpus, roles)
    parts = ["dev"] if args.without_test else ["dev", "test"]
    if not args.without_test:  # the batches waiting to be split (data/eval/fresh18 ...)
        parts += sorted(p.name for p in EVAL.glob("fresh*") if (p / "gold.yaml").exists())
    for part in parts:
        for roles in (False, True):
            run(f"data/eval/{part}", EVAL / part / "gold.yaml", sorted((EVAL / part).glob("*.ar.txt")), roles)

    if args.halves:
        gold = load_gold(EVAL / "dev" / "gold.yaml")
        for half in ("A", "B"):
            docs = sorted(p for p in (EVAL / "dev").glob("*.ar.txt") if dev_half(p.name) == half)
            names = {p.name for p in docs}
            records, bodies = extract_records(docs)
            for roles in (False, True):
                report = score([g for g in gold if g.document in names], records, bodies, roles=roles)
                title = f"data/eval/dev half {half} ({len(docs)} texts)"
                print(f"== {title}, {'role' if roles else 'type'} mode")
                print(format_report(report) if half == "A" and not args.brief else
                      "\n".join(format_summary(report).splitlines()[:2]))
                print()
                summary.append((title, "role" if roles else "type", report))

    negatives = []
    for folder, title, held_out in NEGATIVE_SETS:
        path = EVAL / folder / "sentences.tsv"
        if (held_out and args.without_test) or not path.exists():
            continue
        report = evaluate_negative(path)
        print(f"== {title} (data/eval/{folder}/sentences.tsv)")
        print(report.format())
        print()
        negatives.append((title, report))

    print("== summary")
    print(f"{'gold':40} {'mode':5} {'core':>14} {'all':>14} {'precision':>14} {'events':>14} {'relations':>12}")
    for title, mode, r in summary:
        cells = [_pct(*r.recall(True)), _pct(*r.recall()), _pct(*r.precision()),
                 _pct(*r.precision("events")), _pct(*r.precision("relations"))]
        print(f"{title:40} {mode:5} " + " ".join(f"{c:>14}" for c in cells[:4]) + f" {cells[4]:>12}")
    for title, report in negatives:
        print(f"{title}: {len(report.offending)}/{report.sentences} sentences with a conflict event, "
              f"{report.rate:.1f} per 50 sentences")
    print(f"cold extraction: {t['ratio']:.1f}x pyarabic's tokenization (target at most {MAX_RATIO:.0f}x)")
    return 0


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} {100 * a / b:.0f}%" if b else f"{a}/{b}"


if __name__ == "__main__":
    sys.exit(main())
