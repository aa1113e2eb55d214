"""The real corpus's gold is well formed: the mechanical checks made before any scoring.

Every text of data/eval/{dev,test} (and of data/eval/fresh*, batches not yet split) has its gold entry and SOURCES.tsv row; every
evidence cuts the text; every role value is an entity id of its document or a plain label;
dates, amounts and types are of the forms the scorer reads. Nothing here runs athar: the
checks read the gold, the texts and the ontology only (gold stays blind)."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "data" / "eval"
SPLITS = ("dev", "test")
# batches waiting to be split (data/eval/fresh18 ..., issue 9) are checked like the
# splits while they are there
WAITING = tuple(sorted(p.name for p in EVAL.glob("fresh*") if (p / "gold.yaml").exists()))
CHECKED = SPLITS + WAITING
ROLES = {"agent", "target", "place", "victim", "origin", "destination", "participant",
         "supporter", "recipient", "beneficiary", "trainee"}
RELATIONS = {"locatedIn", "leaderOf", "memberOf", "spokespersonOf"}
FACT_KEYS = {"id", "core", "type", "evidence", "date", "amount", "note", "implied",
             "subject", "object"} | ROLES
BOUNDS = {"exact", "more-than", "at-least", "about", "less-than", "at-most"}
DATE = re.compile(r"\d{4}(-\d\d(-\d\d)?)?( (early|mid|late))?")
ID = re.compile(r"[a-z][a-z0-9_]*")
# used by the independent evaluation: no text of ours may come from them (issue 9)
KEPT_OUT = ("aljazeera.net", "alarabiya.net", "almayadeen.net", "arabi21.com", "dailysabah.com",
            "diyaruna.com", "elaph.com", "euronews.com", "iraaqi.com", "kurdistan24.net",
            "middle-east-online.com", "sauress.com", "arabstates.undp.org",
            "theglobalcoalition.org", "enabbaladi.net")


def _event_classes():
    ttl = (ROOT / "ontology" / "athar.ttl").read_text(encoding="utf-8")
    return set(re.findall(r"^athar:(\w+) a owl:Class ;\n    rdfs:subClassOf athar:(?:ConflictEvent|RecoveryEvent|"
                          r"Movement|PoliticalEvent|Situation)\b", ttl, re.M))


def _split(name):
    folder = EVAL / name
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))["documents"]
    with (folder / "SOURCES.tsv").open(encoding="utf-8", newline="") as f:
        sources = {row["file"]: row for row in csv.DictReader(f, delimiter="\t")}
    texts = {}
    for path in sorted(folder.glob("*.ar.txt")):
        front, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
        meta = dict(re.findall(r"^(\w+): (.*)$", front, re.M))
        texts[path.name] = (meta, body)
    return gold, sources, texts


def _domain(url):
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


@pytest.mark.parametrize("name", CHECKED)
def test_every_text_has_its_gold_and_its_source_row(name):
    gold, sources, texts = _split(name)
    assert texts, f"data/eval/{name} has no texts"
    assert set(gold) == set(texts), f"gold and texts differ: {set(gold) ^ set(texts)}"
    assert set(sources) == set(texts), f"SOURCES.tsv and texts differ: {set(sources) ^ set(texts)}"
    for doc, (meta, _) in texts.items():
        assert {"source", "publisher", "published"} <= meta.keys(), f"{doc}: front matter incomplete"
        assert str(gold[doc]["published"]) == meta["published"], f"{doc}: published differs from the gold's"
        assert sources[doc]["source_url"] == meta["source"], f"{doc}: SOURCES.tsv URL differs from the text's"


@pytest.mark.parametrize("name", CHECKED)
def test_every_fact_is_well_formed(name):
    gold, _, texts = _split(name)
    types = _event_classes() | RELATIONS
    seen = set()
    for doc, entry in gold.items():
        body = texts[doc][1]
        entities = {e["id"]: e for e in entry["entities"]}
        assert len(entities) == len(entry["entities"]), f"{doc}: an entity id is repeated"
        for e in entry["entities"]:
            assert e.get("type") and e.get("en") and e.get("ar"), f"{doc}: entity {e['id']} lacks type, en or ar"
        for fact in entry["facts"]:
            where = f"{doc} {fact['id']}"
            assert fact["id"] not in seen, f"{where}: fact id repeated"
            seen.add(fact["id"])
            assert not set(fact) - FACT_KEYS, f"{where}: unknown keys {set(fact) - FACT_KEYS}"
            assert fact["type"] in types, f"{where}: type {fact['type']} is not an ontology event class"
            assert fact["evidence"] in body, f"{where}: the evidence is not in the text"
            for role in ROLES & fact.keys():
                for value in fact[role]:
                    assert not ID.fullmatch(value) or value in entities, f"{where}: {role} {value} is no entity"
            if fact["type"] in RELATIONS:
                assert fact.get("subject") in entities and fact.get("object") in entities, f"{where}: ends"
            if "date" in fact:
                assert DATE.fullmatch(str(fact["date"])), f"{where}: date {fact['date']}"
            if "amount" in fact:
                amount = fact["amount"]
                assert {"value", "unit", "bound"} <= amount.keys() and amount["bound"] in BOUNDS, where


def _batch(name: str, batch: str) -> list[str]:
    """The documents of one batch in a split's gold (data/eval/split.py marks each with '# batch: X')."""
    return _marked(name, r"^  # batch: (\w+)", batch)


def _marked(name: str, mark: str, value: str) -> list[str]:
    """The documents of a gold.yaml that follow a comment line whose ``mark`` group is ``value``."""
    text = (EVAL / name / "gold.yaml").read_text(encoding="utf-8")
    names, current = [], None
    for line in text.splitlines():
        found = re.match(mark, line)
        if found:
            current = found.group(1)
        doc = re.match(r"^  (\S+\.ar\.txt):\s*$", line)
        if doc and current == value:
            names.append(doc.group(1))
    return names


@pytest.mark.parametrize("batch", ["fresh", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9", "fresh10", "fresh11",
                                   "fresh12", "fresh13", "fresh14", "fresh15", "fresh16", "fresh17"])
def test_the_later_batches_are_real_news_from_new_outlets(batch):
    """The third to seventeenth batches (issue 9), each split a third to test and the rest to dev by
    data/eval/split.py --add: every text from an outlet no other text of the corpus uses."""
    fresh = {part: _batch(part, batch) for part in SPLITS}
    total = len(fresh["test"]) + len(fresh["dev"])
    assert 14 <= total <= 16 and len(fresh["test"]) == round(total / 3)
    texts, older = {}, set()
    for part in SPLITS:
        gold, sources, part_texts = _split(part)
        texts.update({n: part_texts[n] for n in fresh[part]})
        older |= {_domain(row["source_url"]) for n, row in sources.items() if n not in fresh[part]}
        assert sum(1 for n in fresh[part] for f in gold[n]["facts"] if f.get("core")) >= len(fresh[part])
    domains = [_domain(meta["source"]) for meta, _ in texts.values()]
    assert len(set(domains)) == len(domains), "two fresh texts from one outlet"
    for doc, (meta, body) in texts.items():
        domain = _domain(meta["source"])
        assert domain not in older, f"{doc}: {domain} is already in dev or test"
        assert not any(domain == k or domain.endswith("." + k) for k in KEPT_OUT), f"{doc}: {domain} is kept out"
        assert 600 <= len(body.strip()) <= 2500, f"{doc}: {len(body.strip())} characters"


@pytest.mark.parametrize("waiting", WAITING or [pytest.param("", marks=pytest.mark.skip(reason="no batch waiting"))])
def test_the_waiting_batch_is_real_news_from_outlets_used_nowhere_else(waiting):
    """A batch waiting in data/eval/fresh*: 14 to 16 texts, half Syria half Iraq, each from its own
    outlet, none used by the splits or by another waiting batch."""
    gold, sources, texts = _split(waiting)
    assert 14 <= len(texts) <= 16
    syria, iraq = (set(_batch_part(waiting, country)) for country in ("Syria", "Iraq"))
    assert syria | iraq == set(texts) and abs(len(syria) - len(iraq)) <= 1
    older = {_domain(row["source_url"]) for part in SPLITS + WAITING if part != waiting
             for row in _split(part)[1].values()}
    domains = [_domain(meta["source"]) for meta, _ in texts.values()]
    assert len(set(domains)) == len(domains), "two texts of the batch from one outlet"
    for doc, (meta, body) in texts.items():
        domain = _domain(meta["source"])
        assert domain not in older, f"{doc}: {domain} is already in dev, test or another waiting batch"
        assert not any(domain == k or domain.endswith("." + k) for k in KEPT_OUT), f"{doc}: {domain} is kept out"
        assert 600 <= len(body.strip()) <= 2500, f"{doc}: {len(body.strip())} characters"
        assert any(f.get("core") for f in gold[doc]["facts"]), f"{doc}: no core fact"


def _batch_part(name: str, country: str) -> list[str]:
    """The documents under a '# batch: X, <country>' mark of a gold.yaml."""
    return _marked(name, r"^  # batch: [\w-]+, (\w+)", country)
