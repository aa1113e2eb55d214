"""Every lexicon table of the package (athar/read/lang/ar) loads through its loader, bad entries
name file:line, and a language built from other tables reads with them."""

from __future__ import annotations

import pytest

import athar
from athar.errors import LexiconError
from athar.read import (alias, amounts, containment, dates, entity, frames, function_words, mentions, morphology, phrases,
                        placement, relations, repetition, romanization, rules, statement)
from athar.read import agency, casualty, clause, doers, materiel
from athar.read.language import Language, arabic
from athar.read.lexicon import parse_table

LOADERS = {
    "gazetteer.tsv": mentions.gazetteer,
    "cues.tsv": mentions._cue_matcher,
    "titles.tsv": mentions.title_matcher,
    "anaphora.tsv": mentions._gazetteer_matcher,
    "kinds.tsv": mentions._gazetteer_matcher,
    "materiel.tsv": materiel.carrying_words,
    "clitics.tsv": phrases._proclitic_table,
    "stopwords.tsv": mentions.stopwords,
    "modifiers.tsv": entity.modifiers,
    "romanization.tsv": romanization._scheme,
    "events.tsv": rules.rules,
    "markers.tsv": rules.markers,
    "modality.tsv": rules.modality_matcher,
    "attribution.tsv": rules.attribution_matcher,
    "refine.tsv": rules.refinements,
    "members.tsv": rules.member_nouns,
    "relations.tsv": relations._connectors,
    "compounds.tsv": rules.compounds,
    "stand_ins.tsv": rules.stand_in_keys,
    "function_words.tsv": function_words._table,
    "frames.tsv": frames.frame_table,
    "lemmas.tsv": rules.rules,  # the verbs of lemmas.tsv join the trigger rules
    "objects.tsv": morphology.object_lists,  # the objects some of those verbs are read with
    "repetition.tsv": repetition.retold_by_agent,
    "placement.tsv": placement.placement_words,
    "speakers.tsv": statement.speaker_nouns,
    "aliases.tsv": alias._alias_words,
    "containment.tsv": containment.containment_words,
    "sides.tsv": agency._sides,
    "additions.tsv": agency._additions,
    "causes.tsv": casualty._causes,
    "instruments.tsv": clause._instruments,
    "doers.tsv": doers._barred,
}


def test_every_lexicon_file_has_a_loader_here():
    files = set(arabic().names())
    covered = set(LOADERS) | {"months.tsv", "weekdays.tsv", "ordinals.tsv", "date_cues.tsv", "durations.tsv",
                              "numbers.tsv", "bounds.tsv", "units.tsv", "amount_links.tsv"}
    assert files <= covered, f"no test loads {sorted(files - covered)}"


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_lexicon_loads(name):
    assert LOADERS[name](arabic())


def test_date_and_amount_lexicons_load():
    make_doc = arabic().make_doc
    assert [d.value for d in dates.extract_dates(make_doc("في 5 آذار 2019"), None)] == ["2019-03-05"]
    assert [(a.value, a.unit, a.bound) for a in amounts.extract_amounts(make_doc("أكثر من ألف شخص"))] == [
        (1000, "person", "more-than")]


def test_gazetteer_wikidata_ids_have_sources_and_parents_exist():
    entries = mentions.gazetteer(arabic())
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


def test_a_bad_event_rule_names_its_line():
    lang = Language(tables={"events.tsv": "event\ttriggers\tpos\tslots\nLiberation\tتحرير\tnoun\tobj=owner:Place\n"})
    with pytest.raises(LexiconError, match=r"events.tsv:2: slot 'obj=owner:Place'"):
        rules.rules(lang)


@pytest.mark.parametrize("needs, message", [
    pytest.param("destination+owner", "'needs' is 'destination\\+owner'", id="unknown-role"),
    pytest.param("destination|", "'needs' is 'destination\\|'", id="an-empty-choice"),
    pytest.param("place+agent|amount", None, id="choices"),
    pytest.param("role|new", None, id="a-role-or-an-indefinite-noun"),
])
def test_needs_join_roles_with_plus_and_choices_with_bar(needs, message):
    rows = f"event\ttriggers\tpos\tslots\tneeds\nLiberation\tتحرير\tnoun\tobj=place:Place\t{needs}\n"
    lang = Language(tables={"events.tsv": rows, "lemmas.tsv": "event\tlemma\tform\n"})
    if message is None:
        assert rules.rules(lang)[1][0].needs == needs
        return
    with pytest.raises(LexiconError, match=f"events.tsv:2: {message}"):
        rules.rules(lang)


def test_a_rule_with_choices_keeps_its_event_when_one_choice_is_met():
    rule = rules.Rule("Displacement", "verb", {}, "destination+agent|destination+amount", "t:1")
    camp, people = object(), object()
    assert rule.satisfied([("destination", camp), ("agent", people)], None)
    assert rule.satisfied([("destination", camp)], amount=object())
    assert not rule.satisfied([("destination", camp)], None)
    assert not rule.satisfied([("agent", people)], amount=object())


def test_a_language_of_ones_own_tables_reads_with_them_and_leaves_the_package_language_alone():
    """A test (or a user) swaps a table by building a language: no cache to clear, no patching."""
    text = "حررت القوات العراقية مدينة الفلوجة"
    assert [f.type for f in athar.read(text).facts] == ["Liberation"]
    rows = arabic().text_of("events.tsv").splitlines()
    # the same rules without the one whose triggers hold "حرر"
    kept = [r for r in rows if not (r.startswith("Liberation\t") and "حرر" in r.split("\t")[1])]
    assert len(kept) < len(rows)
    own = Language(tables={"events.tsv": "\n".join(kept), "lemmas.tsv": "event\tlemma\tform\n"})  # nor its verbs
    assert [f.type for f in athar.read(text, lang=own).facts] == []
    assert [f.type for f in athar.read(text).facts] == ["Liberation"]  # the package's Arabic is untouched
