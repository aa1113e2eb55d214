"""Split the incoming real corpus into dev (two thirds) and test (one third).

    python data/eval/split.py [INCOMING]      # default: data/eval/incoming
    python data/eval/split.py --add FOLDER    # a later batch, e.g. data/eval/fresh

Deterministic: each batch (folder: syria/, iraq/) is sorted by file name and shuffled
with ``random.Random(SEED)``; the first third (rounded) of each batch goes to test, the
rest to dev, so both splits hold both batches. Writes data/eval/dev/ and data/eval/test/
(each: the *.ar.txt files, one gold.yaml that is the union of the batches' gold entries
for its documents, copied as written, and SOURCES.tsv), and copies negative/ as is.
Run once, when the corpus came in; afterwards a text only moves from test to dev
(see README.md), never by running this again. A later batch (``--add FOLDER``: texts, gold.yaml,
SOURCES.tsv) is split the same way, by its own seed, and appended to dev and test: the texts
already there stay where they are.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
from pathlib import Path

import yaml

SEED = 20240601
BATCHES = ("syria", "iraq")
HERE = Path(__file__).resolve().parent
_DOC_KEY = re.compile(r"(?m)^  (\S+\.ar\.txt):\s*$")


def gold_blocks(text: str) -> dict[str, str]:
    """Each document's block of a gold file, its text exactly as the annotators wrote it."""
    marks = list(_DOC_KEY.finditer(text))
    return {m.group(1): text[m.start():(marks[i + 1].start() if i + 1 < len(marks) else len(text))].rstrip() + "\n"
            for i, m in enumerate(marks)}


def split(incoming: Path, out: Path = HERE) -> dict[str, dict[str, list[str]]]:
    chosen: dict[str, dict[str, list[str]]] = {"dev": {}, "test": {}}
    blocks: dict[str, str] = {}
    sources: dict[str, str] = {}
    header = None
    for batch in BATCHES:
        folder = incoming / batch
        names = sorted(p.name for p in folder.glob("*.ar.txt"))
        gold_text = (folder / "gold.yaml").read_text(encoding="utf-8")
        found = gold_blocks(gold_text)
        assert set(found) == set(names), f"{batch}: gold and texts disagree: {set(found) ^ set(names)}"
        assert set(yaml.safe_load(gold_text)["documents"]) == set(names)
        blocks.update(found)
        lines = (folder / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()
        header = lines[0]
        sources.update({line.split("\t", 1)[0]: line for line in lines[1:] if line.strip()})
        shuffled = names[:]
        random.Random(f"{SEED}:{batch}").shuffle(shuffled)
        n_test = round(len(shuffled) / 3)
        chosen["test"][batch] = sorted(shuffled[:n_test])
        chosen["dev"][batch] = sorted(shuffled[n_test:])
    for part, by_batch in chosen.items():
        folder = out / part
        folder.mkdir(parents=True, exist_ok=True)
        gold = [f"# Gold for data/eval/{part}: the union of the batches' gold entries for these documents,\n"
                f"# copied as the annotators wrote them (data/eval/split.py); written from the texts alone,\n"
                f"# before any system was run on them.\ndocuments:\n"]
        rows = [header]
        for batch, names in by_batch.items():
            gold.append(f"\n  # batch: {batch}\n")
            for name in names:
                shutil.copyfile(incoming / batch / name, folder / name)
                gold.append(blocks[name] + "\n")
                rows.append(sources[name])
        (folder / "gold.yaml").write_text("".join(gold).rstrip() + "\n", encoding="utf-8")
        (folder / "SOURCES.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        loaded = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))["documents"]
        assert sorted(loaded) == sorted(n for ns in by_batch.values() for n in ns)
    neg = out / "negative"
    neg.mkdir(exist_ok=True)
    for name in ("sentences.tsv", "README.md"):
        shutil.copyfile(incoming / "negative" / name, neg / name)
    return chosen


def add_batch(folder: Path, out: Path = HERE) -> dict[str, list[str]]:
    """Split one later batch into a third test, the rest dev, appended to out/dev and out/test."""
    batch = folder.name
    names = sorted(p.name for p in folder.glob("*.ar.txt"))
    gold_text = (folder / "gold.yaml").read_text(encoding="utf-8")
    found = gold_blocks(gold_text)
    assert set(found) == set(names), f"{batch}: gold and texts disagree: {set(found) ^ set(names)}"
    lines = (folder / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()
    sources = {line.split("\t", 1)[0]: line for line in lines[1:] if line.strip()}
    shuffled = names[:]
    random.Random(f"{SEED}:{batch}").shuffle(shuffled)
    n_test = round(len(shuffled) / 3)
    chosen = {"test": sorted(shuffled[:n_test]), "dev": sorted(shuffled[n_test:])}
    for part, part_names in chosen.items():
        target = out / part
        already = yaml.safe_load((target / "gold.yaml").read_text(encoding="utf-8"))["documents"]
        clash = set(already) & set(part_names)
        assert not clash, f"{part}: already holds {sorted(clash)}"
        gold = (target / "gold.yaml").read_text(encoding="utf-8").rstrip() + f"\n\n  # batch: {batch}\n"
        rows = (target / "SOURCES.tsv").read_text(encoding="utf-8").rstrip("\n").split("\n")
        for name in part_names:
            shutil.copyfile(folder / name, target / name)
            gold += found[name] + "\n"
            rows.append(sources[name])
        (target / "gold.yaml").write_text(gold.rstrip() + "\n", encoding="utf-8")
        (target / "SOURCES.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        loaded = yaml.safe_load((target / "gold.yaml").read_text(encoding="utf-8"))["documents"]
        assert set(part_names) <= set(loaded) and len(loaded) == len(already) + len(part_names)
    return chosen


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        sys.exit(0)
    if len(sys.argv) == 3 and sys.argv[1] == "--add":
        for part, names in add_batch(Path(sys.argv[2]).resolve()).items():
            print(part, len(names))
            for n in names:
                print(f"  {n}")
        sys.exit(0)
    result = split(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "incoming")
    for part, by_batch in result.items():
        print(part, {b: len(n) for b, n in by_batch.items()})
        for b, names in by_batch.items():
            for n in names:
                print(f"  {b}/{n}")
