"""Every lexicon under data/lexicon loads through its loader, and bad entries name file:line."""

from __future__ import annotations

import pytest

from athar.read import amounts, dates, mentions, phrases, relations, rules
from athar.errors import LexiconError
from athar.read.lexicon import LEXICON_DIR, parse_table

LOADERS = {
    "gazetteer.tsv": mentions.gazetteer,
    "cues.tsv": mentions._cue_matcher,
    "titles.tsv": mentions._title_matcher,
    "anaphora.tsv": mentions._gazetteer_matcher,
    "kinds.tsv": mentions._gazetteer_matcher,
    "clitics.tsv": phrases._proclitic_table,
    "stopwords.tsv": mentions.stopwords,
    "romanization.tsv": mentions._romanization,
    "events.tsv": rules.rules,
    "markers.tsv": rules.markers,
    "modality.tsv": rules.modality_matcher,
    "attribution.tsv": rules.attribution_matcher,
    "refine.tsv": rules.refinements,
    "members.tsv": rules.member_nouns,
    "relations.tsv": relations._connectors,
    "compounds.tsv": rules.compounds,
}


def test_every_lexicon_file_has_a_loader_here():
    files = {p.name for p in LEXICON_DIR.glob("*.tsv")}
    covered = set(LOADERS) | {"months.tsv", "weekdays.tsv", "ordinals.tsv", "date_cues.tsv", "durations.tsv",
                              "numbers.tsv", "bounds.tsv", "units.tsv"}
    assert files <= covered, f"no test loads {sorted(files - covered)}"


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_lexicon_loads(name):
    assert LOADERS[name]()


def test_date_and_amount_lexicons_load():
    from athar.read.text import segment

    assert dates.extract_dates(segment("في 5 آذار 2019"), None)
    assert amounts.extract_amounts(segment("أكثر من ألف شخص"))


def test_gazetteer_wikidata_ids_have_sources_and_parents_exist():
    entries = mentions.gazetteer()
    assert len(entries) > 150
    for e in entries.values():
        assert not e.wikidata or e.wikidata_source
        assert not e.parent or e.parent in entries


@pytest.mark.parametrize("lines, message", [
    pytest.param(["key\ttype", "a"], "gaz.tsv:2: column 'type' is empty", id="empty-required-cell"),
    pytest.param(["key\ttype", "a\tb\tc"], "gaz.tsv:2: 3 cells", id="too-many-cells"),
    pytest.param(["# only a comment"], "gaz.tsv: the lexicon is empty", id="no-header"),
    pytest.param(["name\ttype", "a\tb"], "gaz.tsv:1: header lacks column(s) ['key']", id="missing-column"),
])
def test_malformed_rows_name_file_and_line(lines, message):
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        parse_table(lines, "gaz.tsv", ("key", "type"))


def test_a_bad_event_rule_names_its_line(tmp_path, monkeypatch):
    bad = tmp_path / "events.tsv"
    bad.write_text("event\ttriggers\tpos\tslots\nLiberation\tتحرير\tnoun\tobj=owner:Place\n", encoding="utf-8")
    from athar.read import lexicon

    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    lexicon.load_table.cache_clear()
    rules.rules.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"events.tsv:2: slot 'obj=owner:Place'"):
            rules.rules()
    finally:
        lexicon.load_table.cache_clear()
        rules.rules.cache_clear()
