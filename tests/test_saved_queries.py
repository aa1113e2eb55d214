"""Saved queries that are right: the same answers whether or not the store was reasoned, the
inferences only when asked (--inferred), parameters bound as terms (never as text), and the
answer of each new query on the corpus (data/corpus/*.txt), with the words that make it right.
"""

from __future__ import annotations

import pytest

from athar.cli import main
from athar.errors import QueryError
from athar.graph.ingest import build
from athar.graph.reason import INFERRED_GRAPH, reason
from athar.graph.store import Store
from athar.use.api import Store as ApiStore
from athar.use.query import bind_params, resolve_query, run_select, saved_queries

from conftest import CORPUS

SDF = "Syrian Democratic Forces (SDF)"
COALITION = "Global Coalition against Daesh"
# the parameters the answers below are asked with
PARAMS = {"by-place": {"place": "الرقة"}, "by-actor": {"actor": "قوات سوريا الديمقراطية"}}


@pytest.fixture(scope="module")
def reasoned_store(tmp_path_factory) -> Store:
    """The corpus after `athar build --reason`."""
    store = Store(tmp_path_factory.mktemp("reasoned") / "athar-store")
    assert build(store, [CORPUS]).errors == []
    assert reason(store) > 0
    return store


def table(store, name, inferred=False, **params) -> list[dict]:
    query = resolve_query(name)
    got = run_select(store, query, params=params or PARAMS.get(name), inferred=inferred)
    return [dict(zip(got.columns, r)) for r in got.rows]


# -- the inferred graph -------------------------------------------------------------

@pytest.mark.parametrize("name", [q.name for q in saved_queries() if not q.services])  # federated: test_link.py
def test_a_reasoned_store_answers_as_a_plain_one(corpus_store, reasoned_store, name):
    assert str(INFERRED_GRAPH) in reasoned_store.graphs()
    assert table(reasoned_store, name) == table(corpus_store, name)


def test_inferred_answers_only_when_asked(reasoned_store):
    # Tabqa lies in Raqqa Governorate (gazetteer), which lies in Syria: the return "إلى الرقة والطبقة"
    # is in Syria only through transitive locatedIn, which the inferred graph holds
    def returns_to_tabqa(rows):
        return [(r["where"], r["type"], r["date"]) for r in rows if r["where"] == "Tabqa"]
    assert returns_to_tabqa(table(reasoned_store, "by-place", place="سوريا")) == []
    assert ("Tabqa", "Return", "2019-06-01") in returns_to_tabqa(
        table(reasoned_store, "by-place", inferred=True, place="سوريا"))
    with ApiStore(reasoned_store.path.parent / "api-copy") as api:
        api.build(CORPUS)  # a fresh store answers the same without and with inferred=True (none there)
        assert api.query("by-place", params={"place": "Syria"}) == api.query(
            "by-place", params={"place": "Syria"}, inferred=True)


def test_a_plain_build_drops_the_inferred_graph(tmp_path):
    store = Store(tmp_path / "s")
    build(store, [CORPUS / "baghuz-one-year.ar.txt"])
    reason(store)
    assert str(INFERRED_GRAPH) in store.graphs()
    build(store, [CORPUS / "baghuz-one-year.ar.txt"])
    assert str(INFERRED_GRAPH) not in store.graphs()


def test_the_cli_reads_inferences_with_inferred(tmp_path, capsys):
    path = str(tmp_path / "s")
    assert main(["build", str(CORPUS), "--store", path, "--reason", "-q"]) == 0
    capsys.readouterr()
    main(["query", "by-place", "--param", "place=Syria", "--store", path, "-f", "csv"])
    plain = capsys.readouterr().out
    main(["query", "by-place", "--param", "place=Syria", "--inferred", "--store", path, "-f", "csv"])
    inferred = capsys.readouterr().out
    assert "Tabqa" not in plain and "Tabqa" in inferred
    assert main(["build", str(CORPUS), "--store", path, "-q"]) == 0
    assert str(INFERRED_GRAPH) not in Store(path, read_only=True).graphs()


# -- parameters -------------------------------------------------------------------

def test_a_label_matches_forgivingly(corpus_store):
    # normalized on both sides in Python (taa marbuta, hamza, diacritics; case): one entity, Raqqa
    for label in ("الرقة", "الرقه", "الرَّقَّة", "raqqa", "https://w3id.org/athar/id/entity/raqqa"):
        assert {r["place"] for r in table(corpus_store, "by-place", place=label)} == {
            "https://w3id.org/athar/id/entity/raqqa"}, label


def _labelled_store(path, labels: dict[str, list[str]]) -> Store:
    store = Store(path)
    entities, label = "https://w3id.org/athar/id/graph/entities", "http://www.w3.org/2000/01/rdf-schema#label"
    store.add_quads("".join(f'<https://w3id.org/athar/id/entity/{key}> <{label}> "{name}"@ar <{entities}> .\n'
                            for key, names in labels.items() for name in names).encode())
    return store


@pytest.mark.parametrize("value, key", [
    pytest.param("الرقة", "raqqa", id="exact-label-wins"),
    pytest.param("الرقه", "raqqah", id="exact-other-spelling"),
    pytest.param("https://w3id.org/athar/id/entity/raqqah", "raqqah", id="iri"),
])
def test_a_label_given_as_stored_names_its_entity(tmp_path, value, key):
    # two entities whose labels are one once normalized: the label given as one of them states it
    store = _labelled_store(tmp_path / "s", {"raqqa": ["الرقة"], "raqqah": ["الرقه"]})
    bound = bind_params(store, resolve_query("by-place"), {"place": value})
    assert [t.value for t in bound.values()] == [f"https://w3id.org/athar/id/entity/{key}"]


@pytest.mark.parametrize("value", [pytest.param("الرَّقَّة", id="diacritics"), pytest.param("ألرقة", id="hamza")])
def test_a_label_equal_to_two_once_normalized_is_ambiguous(tmp_path, value):
    store = _labelled_store(tmp_path / "s", {"raqqa": ["الرقة"], "raqqah": ["الرقه"]})
    with pytest.raises(QueryError, match="names 2 entities"):
        bind_params(store, resolve_query("by-place"), {"place": value})


@pytest.mark.parametrize("params, message", [
    ({}, r"query 'by-place' needs --param place=VALUE; its parameters: place \(an Arabic"),
    ({"place": "الرقة", "city": "x"}, r"query 'by-place' has no parameter 'city'; its parameters: place"),
    ({"place": "Atlantis"}, r"no entity in the store is labelled 'Atlantis'"),
])
def test_a_wrong_parameter_is_one_line(corpus_store, params, message):
    with pytest.raises(QueryError, match=message) as e:
        run_select(corpus_store, resolve_query("by-place"), params=params)
    assert "\n" not in str(e.value)


def test_a_query_without_parameters_refuses_one(corpus_store):
    with pytest.raises(QueryError, match="query 'actors' has no parameter 'x'; it takes no parameters"):
        run_select(corpus_store, resolve_query("actors"), params={"x": "1"})


@pytest.mark.parametrize("value", [
    'الرقة" } ?e ?p ?o . { "', "الرقة' } UNION { ?e ?p ?o } #", "} } SELECT * WHERE { ?s ?p ?o",
    '"\\"> <x> }', "الرقة\n}"])
def test_a_value_with_quotes_or_braces_cannot_change_the_query(corpus_store, value):
    # the value is matched against labels in Python and bound as an IRI: it is never SPARQL text
    with pytest.raises(QueryError, match="no entity in the store is labelled") as e:
        run_select(corpus_store, resolve_query("by-place"), params={"place": value})
    assert "\n" not in str(e.value)


def test_the_cli_takes_param_and_says_what_is_wrong(corpus_store, capsys):
    path = str(corpus_store.path)
    assert main(["query", "by-actor", "--param", "actor=SDF", "--store", path, "-f", "csv"]) == 0
    assert "Handover" in capsys.readouterr().out
    assert main(["query", "by-actor", "--param", "place=x", "--store", path]) != 0
    err = capsys.readouterr().err.strip()
    assert "has no parameter 'place'; its parameters: actor" in err and "\n" not in err
    assert main(["query", "by-actor", "--param", "actor", "--store", path]) != 0
    assert "--param takes NAME=VALUE" in capsys.readouterr().err


# -- the answers on the corpus ----------------------------------------------------

def test_timeline(corpus_store):
    got = [(r["date"], r["type"]) for r in table(corpus_store, "timeline")]
    assert got == sorted(got, key=lambda t: t[0])
    # "أواخر العام 2015، سيطر تنظيم داعش": the earliest; "اليوم، تحرَّر ما يقرب من ثمانية مليون شخص"
    # (the statement of 2020-03-23): the latest
    # (the statement of 2020-03-23, dated by its day of publication as the lead of the article): the latest
    assert got[0] == ("2015", "TerritorialControl") and got[-1][0] == "2020-03-23"
    assert ("2020-03-23", "Liberation") in got and ("2020-03-23", "Statement") in got
    for row in [("2016-08-12", "Liberation"),  # manbij: "أعلنا سيطرتهما الكاملة على مدينة منبج ... الجمعة 12 آب"
                ("2017-07", "Liberation"),  # "خسر داعش مدينة الموصل في تموز/يوليو 2017"
                ("2017-10", "Liberation"),  # "وسرعان ما خسر الرقة ... في تشرين الأول/أكتوبر من العام ذاته"
                ("2018-07-12", "Funding"),  # saudi: "وكانت المملكة تعهدت ... في 12 يوليو الماضي"
                ("2019-03-23", "Liberation"),  # "في 23 آذار/مارس 2019، تم تحرير بلدة الباغوز"
                ("2019-06-01", "Return"),  # "في الأول من حزيران/يونيو 2019"
                ("2019-10", "Killing")]:  # "قُتل في شمال غرب سوريا في تشرين الأول/أكتوبر 2019"
        assert row in got


def test_events_by_month(corpus_store):
    got = {r["month"]: int(r["events"]) for r in table(corpus_store, "events-by-month")}
    # "2015" and "2019" alone (أواخر العام 2015، أواسط العام 2019) name no month: not counted
    assert got["2017-07"] == 1  # Mosul lost
    assert got["2017-10"] == 1  # Raqqa lost
    assert got["2019-06"] == 1  # the first group returned
    assert got["2019-10"] == 1  # al-Baghdadi killed
    # manbij, August 2016: the liberation, ISIS's withdrawal and the battles of the 12th; the Amaq attack, the
    # battle of the 19th, and the four handovers the article (published on the 19th) announces in its lead;
    # and the three statements of the 19th: the council's announcement that it took over the points ("أعلن
    # المجلس العسكري لمنبج وريفها أنه تسلّم"), its spokesman Sherfan Darwish's and Amaq's
    assert got["2016-08"] == 12
    assert list(got) == sorted(got)


def test_places(corpus_store):
    got = {r["place"]: int(r["events"]) for r in table(corpus_store, "places")}
    # manbij: the liberation, the handovers "ضمن مركز المدينة", the battle "معارك منطقة منبج", the attack
    # "جنوب منبج"; Raqqa: lost by ISIS, the 75 schools and the 11 centres, the return of the 700, the mediation,
    # and in the Saudi pledge "مدينة الرقة التي دمرها إرهابيو داعش" with "مشاريع استعادة الخدمات الأساسية" there
    assert got["Manbij"] >= 4 and got["Raqqa"] == 7
    assert got["Mosul"] == 1  # "خسر داعش مدينة الموصل"
    assert got["Baghuz"] >= 3  # liberated (seed, statement), held "في منطقة الباغوز"
    assert got["Tabqa"] == 1  # "إلى الرقة والطبقة"


def test_rebuilt_by_governorate(corpus_store):
    got = {r["governorate"]: (r["events"], set(r["facilities"].split("; ")))
           for r in table(corpus_store, "rebuilt-by-governorate")}
    # "مستشفى الطبقة في محافظة الرقة ... جرى إعادة ترميمها"; "في الرقة، أعادت السلطات المحلية تأهيل أكثر من 75 مدرسة
    # وأنشأت 11 مركزاً للأطفال"
    assert got["Raqqa Governorate"] == ("3", {"Tabqa Hospital", "schools", "children's centres"})


def test_rebuilt_by_governorate_counts_the_childrens_centres(corpus_store):  # "وأنشأت 11 مركزاً" is in Raqqa
    got = {r["governorate"]: r["facilities"] for r in table(corpus_store, "rebuilt-by-governorate")}
    assert "children's centres" in got["Raqqa Governorate"]


def test_victims(corpus_store):
    got = {(r["kind"], r["victim"]): (r["events"], r["count"]) for r in table(corpus_store, "victims")}
    assert got == {
        # baghuz: "أبو بكر البغدادي، الذي قُتل" (one man; the text gives no number)
        ("killed", "Abu Bakr al-Baghdadi"): ("1", "0"),
        # manbij: "إن 30 مقاتلًا من قوات “سوريا الديمقراطية” قتلوا" (Amaq's claim)
        ("killed", SDF): ("1", "30"),
        # baghuz: "اعتقال عشرات المقاتلين الإرهابيين الأجانب": tens of them, at least a dozen
        ("arrested", "foreign terrorist fighters"): ("1", "12"),
    }


def test_funding_by_donor(corpus_store):
    got = {(r["donor"], r["unit"]): r["total"] for r in table(corpus_store, "funding-by-donor")}
    # baghuz: "تعهد شركاء التحالف بما يزيد على 20 مليار دولار"
    assert got[("Coalition partners", "USD")] == "20000000000"


def test_funding_by_donor_counts_one_saudi_contribution(corpus_store):
    # the headline 'المملكة تقدم 100 مليون دولار' and the lead 'قدمت المملكة مساهمة بمبلغ 100 مليون دولار'
    # tell one contribution: the headline's event is the lead's (repetition.drop_headline_repeats)
    got = {(r["donor"], r["unit"]): r["total"] for r in table(corpus_store, "funding-by-donor")}
    assert got[("Saudi Arabia", "USD")] == "100000000"


def test_training_by_trainer(corpus_store):
    got = table(corpus_store, "training-by-trainer")
    # baghuz: the Coalition trains "الجهات الأمنية المحلية والوطنية" (ongoing) and "أكثر من 210,000 عنصرٍ من
    # الشرطة والجيش (في العراق وسوريا)" (one training, two places: two events); "سنستأنف تدريباتنا" is planned
    assert [(r["trainer"], r["most"]) for r in got] == [(COALITION, "210000")]
    assert {"local and national security actors", "police and army personnel"} <= set(got[0]["trained"].split("; "))


def test_returns_by_destination(corpus_store):
    got = {r["destination"]: (r["returns"], r["people"]) for r in table(corpus_store, "returns-by-destination")}
    # baghuz: "وعادت المجموعة الأولى التي ضمت أكثر من 700 نازحاً إلى الرقة والطبقة" (the only return with a
    # named destination; "إلى بلداتهم وقراهم" and "إلى منازلهم" name none)
    assert got == {"Raqqa": ("1", "700"), "Tabqa": ("1", "700")}


def test_claims(corpus_store):
    got = {(r["source"], r["type"]) for r in table(corpus_store, "claims")}
    assert got == {
        # manbij: "قالت وكالة “أعماق” ... إن 30 مقاتلًا ... قتلوا ... في هجوم"
        ("Amaq News Agency", "Attack"),
        # manbij: "وقال شرفان درويش ... إن “سوريا الديمقراطية” سلمت جميع المواقع"
        ("Sharfan Darwish", "Handover"),
    }


def test_by_place(corpus_store):
    got = {(r["where"], r["type"], r["date"]) for r in table(corpus_store, "by-place", place="الرقة")}
    assert got == {
        ("Raqqa", "Liberation", "2017-10"),  # "وسرعان ما خسر الرقة ... في تشرين الأول/أكتوبر"
        ("Raqqa", "Reconstruction", None),  # "في الرقة، أعادت السلطات المحلية تأهيل أكثر من 75 مدرسة"
        ("Raqqa", "Establishment", None),  # "... وأنشأت 11 مركزاً للأطفال": the same place
        ("Raqqa", "Mediation", None),  # "صفقات بين قوات سوريا الديمقراطية والعشائر في الرقة ودير الزور"
        ("Raqqa", "Return", "2019-06-01"),  # "عادت المجموعة الأولى ... إلى الرقة والطبقة"
        ("Raqqa", "Destruction", None),  # saudi: "مدينة الرقة التي دمرها إرهابيو داعـش"
    }
    # a governorate: its own events and those of the places stated to lie in it (Tabqa: the return)
    gov = {(r["where"], r["type"]) for r in table(corpus_store, "by-place", place="محافظة الرقة")}
    assert ("Raqqa Governorate", "Reconstruction") in gov  # "مستشفى الطبقة في محافظة الرقة"
    assert ("Tabqa", "Return") in gov


def test_by_actor(corpus_store):
    got = {(r["role"], r["type"], r["where"], r["date"]) for r in table(corpus_store, "by-actor")}
    for row in [
        ("agent", "Liberation", "Manbij", "2016-08-12"),  # "أعلنا سيطرتهما الكاملة على مدينة منبج"
        ("victim", "Attack", "Hajar Saghir", "2016-08-19"),  # "30 مقاتلًا من قوات سوريا الديمقراطية قتلوا"
        ("participant", "Mediation", "Raqqa", None),  # "صفقات بين قوات سوريا الديمقراطية والعشائر في الرقة"
        ("supporter", "Return", None, "2019"),  # "ساعدت قوات سوريا الديمقراطية على عودة آلاف النازحين"
    ]:
        assert row in got, sorted(got, key=str)
    assert {r["actor"] for r in table(corpus_store, "by-actor")} == {"https://w3id.org/athar/id/entity/sdf"}
