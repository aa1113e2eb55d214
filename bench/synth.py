"""A SYNTHETIC corpus for benchmarks: Arabic articles made by recombining sentence patterns
of the genre with places, actors, dates and numbers from athar's gazetteer, each article
with the facts it states written beside it (gold in the form of ``tests/data/gold/dev.yaml``).

    python bench/synth.py N OUT_DIR [--seed 12]

writes ``OUT_DIR/synth-000001.ar.txt`` ... (N articles) and ``OUT_DIR/gold.yaml``. Nothing
here is news: every article says so in its title and publisher ("synthetic"), and the
sentences are generic shapes of conflict and recovery reporting (a liberation, a return, a
pledge, an attack, a training, a rebuilt facility, an arrest), modelled on the sentence shapes
of ``data/corpus`` and ``data/eval/dev``, filled with other actors, places, dates and numbers.

Deterministic: article ``i`` depends only on ``--seed`` and ``i``, so the first 1,000 articles
of a 10,000-article corpus are the 1,000-article corpus. Sizes from 1 to 100,000 (and more).
Used by ``bench/queries.py`` (a store at scale) and ``tests/test_synth.py`` (extraction
accuracy on a generated corpus, scored by ``athar.use.evaluate``).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

PUBLISHER = "athar synthetic corpus (bench/synth.py)"
MONTHS = {  # the Levantine and the Egyptian names: both families run through Syrian and Iraqi news
    "levantine": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                  "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "egyptian": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
                 "أكتوبر", "نوفمبر", "ديسمبر"],
}
# Sentences that state no event, between the facts (an article is not a list of facts).
FILLER = [
    "وتشهد المنطقة منذ سنوات أوضاعاً إنسانية صعبة.",
    "ويأمل السكان أن تتحسن الخدمات الأساسية خلال الأشهر المقبلة.",
    "وأشار التقرير إلى أن الطريق نحو التعافي لا يزال طويلاً.",
    "ولا تزال الحاجة كبيرة إلى المياه والكهرباء والمدارس.",
]


@dataclass(frozen=True)
class Entity:
    key: str
    type: str
    en: str
    ar: str
    parent: str


def gazetteer() -> list[Entity]:
    """The global entries of athar's gazetteer (package data, read as a table, not through
    athar: the generator is a user of the data, not of the reader)."""
    text = (resources.files("athar.read") / "lang" / "ar" / "gazetteer.tsv").read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t")
    header = next(rows)
    out = []
    for row in rows:
        r = dict(zip(header, row + [""] * (len(header) - len(row))))
        if r["scope"] == "global":
            out.append(Entity(r["key"], r["type"], r["en"], r["ar"], r["parent"]))
    return out


class Pools:
    """The slots' fillers, by kind, from the gazetteer."""

    def __init__(self, entities: list[Entity]):
        by_type: dict[str, list[Entity]] = {}
        for e in entities:
            by_type.setdefault(e.type, []).append(e)
        self.forces = by_type["ArmedForce"]
        self.groups = by_type["ArmedGroup"]
        self.cities = by_type["City"]
        self.towns = by_type["Town"]
        self.countries = by_type["Country"]
        self.agencies = by_type["InternationalOrganization"]


def _date(rng: random.Random) -> tuple[str, str]:
    """Arabic words of a date, and its ISO value at the same precision (day or month)."""
    year, month = rng.randint(2014, 2023), rng.randint(1, 12)
    name = MONTHS[rng.choice(sorted(MONTHS))][month - 1]
    if rng.random() < 0.5:
        day = rng.randint(1, 28)
        return f"{day} {name} {year}", f"{year}-{month:02d}-{day:02d}"
    if name == "آب":  # "آب" alone is also "father": news writes the month with a day
        return f"شهر {name} {year}", f"{year}-{month:02d}"
    return f"{name} {year}", f"{year}-{month:02d}"


def _place(rng: random.Random, pools: Pools) -> tuple[str, Entity]:
    if rng.random() < 0.5:
        e = rng.choice(pools.cities)
        return f"مدينة {e.ar}", e
    e = rng.choice(pools.towns)
    return f"بلدة {e.ar}", e


# Each pattern: the Arabic words, then the gold facts they state (evidence: the words, unless given). Slots are filled by the functions below.
def _liberation(rng, p):
    agent, origin = rng.choice(p.forces), rng.choice(p.groups)
    where, place = _place(rng, p)
    words, iso = _date(rng)
    verb = rng.choice(["حررت", "استعادت"])
    text = f"{verb} {agent.ar} {where} من {origin.ar} في {words}"
    return text, {"type": "Liberation", "by": agent.en, "place": place.en, "from": origin.en, "date": iso}


def _return(rng, p):
    n = rng.randint(2, 900) * 10
    where, place = _place(rng, p)
    words, iso = _date(rng)
    text = f"عاد أكثر من {n} نازح إلى {where} في {words}"
    return text, {"type": "Return", "to": place.en, "date": iso,
                  "amount": {"value": n, "unit": "displaced", "bound": "more-than"}}


def _funding(rng, p):
    donor = rng.choice(p.countries)
    beneficiary = rng.choice([c for c in p.countries if c.key in ("syria", "iraq")] or p.countries)
    n = rng.randint(2, 500)
    verb = rng.choice(["تعهدت", "قدمت"])
    text = f"{verb} {donor.ar} بتقديم {n} مليون دولار لدعم {beneficiary.ar}"
    return text, {"type": "Funding", "by": donor.en, "beneficiary": beneficiary.en,
                  "amount": {"value": n * 1_000_000, "unit": "USD", "bound": "exact"}}


def _attack(rng, p):
    n = rng.randint(2, 60)
    agent = rng.choice(p.groups)
    where, place = _place(rng, p)
    words, iso = _date(rng)
    text = f"قتل {n} مدنياً في هجوم شنه {agent.ar} على {where} في {words}"
    return text, {"type": "Attack", "by": agent.en, "victim": "civilians", "place": place.en, "date": iso,
                  "amount": {"value": n, "bound": "exact"}}


def _training(rng, p):
    agent, trainee = rng.sample(p.forces, 2)
    n = rng.randint(2, 90) * 10
    where, place = _place(rng, p)
    text = f"دربت {agent.ar} أكثر من {n} عنصر من {trainee.ar} في {where}"
    return text, {"type": "Training", "by": agent.en, "trainees": trainee.en, "place": place.en,
                  "amount": {"value": n, "bound": "more-than"}}


def _reconstruction(rng, p):
    n = rng.randint(2, 80)
    where, place = _place(rng, p)
    facility = rng.choice(["مدرسة", "مستشفى", "جسراً", "محطة مياه"])
    text = f"أعادت السلطات المحلية تأهيل {n} {facility} في {where}"
    # no locatedIn for the counted facilities: as in the gold of real news, a locatedIn ties
    # named entities ("مسجد النوري الكبير ... في الموصل"), and the event's place says where these are
    return text, {"type": "Rebuilt", "by": "local authorities", "target": facility, "place": place.en,
                  "amount": {"value": n, "bound": "exact"}}


def _arrest(rng, p):
    agent, target = rng.choice(p.forces), rng.choice(p.groups)
    n = rng.randint(2, 40)
    where, place = _place(rng, p)
    text = f"اعتقلت {agent.ar} {n} عنصراً من {target.ar} في {where}"
    return text, {"type": "Arrest", "by": agent.en, "target": target.en, "place": place.en,
                  "amount": {"value": n, "bound": "exact"}}


PATTERNS = [_liberation, _return, _funding, _attack, _training, _reconstruction, _arrest]


def article(i: int, seed: int, pools: Pools) -> tuple[str, str, dict]:
    """Article ``i``: its file name, its text (front matter and body) and its gold entry."""
    rng = random.Random(f"{seed}:{i}")
    name = f"synth-{i:06d}.ar.txt"
    sentences, facts = [], []
    for k in range(rng.randint(3, 7)):
        text, *stated = rng.choice(PATTERNS)(rng, pools)
        sentences.append(text + ".")
        for j, fact in enumerate(stated):
            facts.append({"id": f"S{i:06d}-{k + 1}{'abc'[j]}", **fact, "evidence": fact.pop("evidence", text)})
        if rng.random() < 0.4:
            sentences.append(rng.choice(FILLER))
    year = rng.randint(2024, 2025)
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    head = (f'---\ntitle: "Synthetic article {i} (generated, not news)"\npublished: {published}\n'
            f'publisher: {PUBLISHER}\nlanguage: ar\n---\n')
    body = "\n".join(" ".join(sentences[j:j + 3]) for j in range(0, len(sentences), 3)) + "\n"
    return name, head + body, {"published": published, "facts": facts}


def write_corpus(n: int, out: Path, seed: int = 12, gold: bool = True) -> Path | None:
    """Write ``n`` articles and their gold (unless not ``gold``) into ``out``; return the gold
    file's path."""
    out.mkdir(parents=True, exist_ok=True)
    pools = Pools(gazetteer())
    documents = {}
    for i in range(1, n + 1):
        name, text, facts = article(i, seed, pools)
        (out / name).write_text(text, encoding="utf-8")
        if gold:
            documents[name] = facts
    if not gold:
        return None
    gold_path = out / "gold.yaml"
    header = (f"# SYNTHETIC gold of {n} generated articles (bench/synth.py, seed {seed}): the facts each\n"
              "# article was generated to state. Not news, not for evaluating the reading of real text.\n")
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's: the pure-Python one took minutes at 100,000
    gold_path.write_text(header + yaml.dump({"documents": documents}, Dumper=dumper, allow_unicode=True,
                                            sort_keys=False, width=1000), encoding="utf-8")
    return gold_path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="how many articles (100 to 100,000 for benchmarks)")
    ap.add_argument("out", type=Path, help="the folder to write them into")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--no-gold", action="store_true", help="the articles only (an ingest benchmark needs no gold)")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("N must be at least 1")
    gold = write_corpus(args.n, args.out, args.seed, gold=not args.no_gold)
    print(f"{args.n} synthetic articles in {args.out}" + (f", their facts in {gold}" if gold else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
