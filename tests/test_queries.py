"""Saved queries: each parses, runs, states its question, and answers what a reader expects."""

from __future__ import annotations

import pytest

from athar.use.query import format_table, resolve_query, run_select, saved_queries

QUERIES = saved_queries()


def test_there_are_at_least_eight_saved_queries():
    assert len(QUERIES) >= 8


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_every_saved_query_states_its_question_and_runs(query, corpus_store):
    assert query.question_en.endswith("?") and query.question_ar.endswith("؟")
    table = run_select(corpus_store, query.text)
    assert table.rows, f"{query.name} returned nothing"
    for fmt in ("table", "csv", "tsv", "json"):
        assert format_table(table, fmt)


def rows(store, name) -> list[dict]:
    table = run_select(store, resolve_query(name).text)
    return [dict(zip(table.columns, r)) for r in table.rows]


def test_liberations(corpus_store):
    got = {(r["place"], r["from"], r["date"]) for r in rows(corpus_store, "liberations")}
    assert ("Baghuz", "Islamic State (ISIS / Daesh)", "2019-03-23") in got
    assert ("Mosul", "Islamic State (ISIS / Daesh)", "2017-07") in got
    assert ("Raqqa", "Islamic State (ISIS / Daesh)", "2017-10") in got
    by = {(r["place"], r["by"], r["date"]) for r in rows(corpus_store, "liberations")}
    assert ("Manbij", "Syrian Democratic Forces (SDF)", "2016-08-12") in by
    assert ("Manbij", "Manbij Military Council", "2016-08-12") in by
    assert ("Baghuz", "Global Coalition against Daesh", "2019-03") in by  # "a year ago", from 2020-03-23


def test_reconstruction(corpus_store):
    got = {(r["kind"], r["what"], r["where"], r["by"], r["count"]) for r in rows(corpus_store, "reconstruction")}
    assert ("Reconstruction", "schools", "Raqqa", "local authorities", "75") in got
    assert ("Establishment", "children's centres", None, "local authorities", "11") in got
    hospital = [r for r in rows(corpus_store, "reconstruction") if r["what"] == "Tabqa Hospital"]
    assert hospital and hospital[0]["where"] == "Raqqa Governorate"


def test_training(corpus_store):
    got = rows(corpus_store, "training")
    top = got[0]
    assert (top["trainer"], top["trainees"], top["count"], top["bound"]) == (
        "Global Coalition against Daesh", "police and army personnel", "210000", "MoreThan")
    assert {r["where"] for r in got if r["count"] == "210000"} == {"Iraq", "Syria"}


def test_returns(corpus_store):
    got = rows(corpus_store, "returns")
    first_group = {(r["to"], r["date"], r["count"]) for r in got if r["date"] == "2019-06-01"}
    assert first_group == {("Raqqa", "2019-06-01", "700"), ("Tabqa", "2019-06-01", "700")}
    sdf = [r for r in got if r["helped_by"] == "Syrian Democratic Forces (SDF)"]
    assert sdf and sdf[0]["who"] == "displaced people" and sdf[0]["vague"] == "true"
    assert (sdf[0]["date"], sdf[0]["qualifier"], sdf[0]["anchor"]) == ("2019", "mid", "since")  # منذ أواسط العام 2019


def test_pledges(corpus_store):
    got = {(r["donor"], r["amount"], r["unit"]) for r in rows(corpus_store, "pledges")}
    assert ("Coalition partners", "20000000000", "USD") in got
    assert ("Saudi Arabia", "100000000", "USD") in got
    beneficiaries = {r["beneficiary"] for r in rows(corpus_store, "pledges") if r["donor"] == "Coalition partners"}
    assert {"Iraq", "northeast Syria"} <= beneficiaries


def test_killings(corpus_store):
    got = {(r["kind"], r["victim"], r["where"], r["date"]) for r in rows(corpus_store, "killings")}
    assert ("Killing", "Abu Bakr al-Baghdadi", "northwest Syria", "2019-10") in got
    amaq = [r for r in rows(corpus_store, "killings") if r["according_to"] == "Amaq News Agency"]
    assert amaq and amaq[0]["count"] == "30" and amaq[0]["victim"] == "Syrian Democratic Forces (SDF)"


def test_timeline_2019_is_in_date_order(corpus_store):
    got = rows(corpus_store, "timeline-2019")
    dates = [r["date"] for r in got]
    assert dates == sorted(dates) and all(d.startswith("2019") for d in dates)
    assert {"2019-03-23", "2019-06-01", "2019-10"} <= set(dates)
    types = {r["type"] for r in got}
    assert {"Liberation", "Return", "Killing"} <= types


def test_evidence_gives_words_and_sentence_for_every_fact(corpus_store):
    got = rows(corpus_store, "evidence")
    assert len({(r["document"], r["start"], r["type"]) for r in got}) >= 60
    for r in got:
        assert r["words"] in r["sentence"] or r["sentence"] in r["words"] or len(r["words"]) > len(r["sentence"])


def test_events_by_governorate_counts_cities_in_it(corpus_store):
    got = {r["governorate"]: r for r in rows(corpus_store, "events-by-governorate")}
    assert "Tabqa" in got["Raqqa Governorate"]["places"] and "Raqqa" in got["Raqqa Governorate"]["places"]


def test_actors(corpus_store):
    got = rows(corpus_store, "actors")
    assert got[0]["actor"] == "Islamic State (ISIS / Daesh)"
    assert "Global Coalition against Daesh" in {r["actor"] for r in got[:3]}
