"""Role-aware scoring, and the figures the real corpus gives (a ratchet: they may rise, not fall)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from athar.use.evaluate import evaluate_files, extract_records, format_summary, label_matches, load_gold, score
from athar.use.negative import evaluate_negative

from conftest import GOLD, SEED

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "data" / "eval"

BODY = "حررت قوات سوريا الديمقراطية مدينة الرقة من تنظيم داعش. وقتل التحالف ثلاثة مدنيين."
GOLD_YAML = """
documents:
  a.ar.txt:
    entities:
      - {id: sdf, type: ArmedForce, en: "Syrian Democratic Forces", ar: ["قسد", "قوات سوريا الديمقراطية"]}
      - {id: isis, type: ArmedGroup, en: "Islamic State", ar: ["داعش"]}
      - {id: raqqa, type: City, en: "Raqqa", ar: ["مدينة الرقة"]}
    facts:
      - {id: G1, core: true, type: Liberation, agent: [sdf], target: [isis], place: [raqqa],
         evidence: "حررت قوات سوريا الديمقراطية مدينة الرقة من تنظيم داعش"}
      - {id: G2, type: Killing, agent: ["التحالف"], victim: ["مدنيين"], evidence: "وقتل التحالف ثلاثة مدنيين"}
"""


def _entity(en, ar, words=()):
    return {"id": en.lower().replace(" ", "-"), "label_en": en, "label_ar": ar, "words": list(words)}


def _record(type_, evidence, **roles):
    start = BODY.index(evidence)
    return {"document": "a.ar.txt", "type": type_, "evidence": evidence, "start": start,
            "end": start + len(evidence), "date": None, "amount": None, **roles}


SDF = _entity("Syrian Democratic Forces (SDF)", "قوات سوريا الديمقراطية")
ISIS = _entity("Islamic State (ISIS / Daesh)", "تنظيم داعش")
RAQQA = _entity("Raqqa", "الرقة", ["مدينة الرقة"])
COALITION = _entity("Global Coalition against Daesh", "التحالف الدولي", ["التحالف"])
CIVILIANS = _entity("civilians", "مدنيون", ["مدنيين"])
LIBERATION = "حررت قوات سوريا الديمقراطية مدينة الرقة من تنظيم داعش"
KILLING = "وقتل التحالف ثلاثة مدنيين"


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD_YAML, encoding="utf-8")
    return load_gold(path)


def test_the_right_roles_hit(gold):
    records = [_record("Liberation", LIBERATION, agent=[SDF], origin=[ISIS], place=[RAQQA]),
               _record("Killing", KILLING, agent=[COALITION], victim=[CIVILIANS])]
    report = score(gold, records, {"a.ar.txt": BODY}, roles=True)
    assert [o.hit for o in report.outcomes] == [True, True]
    assert report.role_errors == []
    assert report.precision() == (2, 2)


def test_a_wrong_agent_misses_and_is_listed(gold):
    records = [_record("Liberation", LIBERATION, agent=[SDF, COALITION], origin=[ISIS], place=[RAQQA])]
    report = score(gold, records, {"a.ar.txt": BODY}, roles=True)
    assert not report.outcomes[0].hit
    assert "wrong agent" in report.outcomes[0].reason
    [error] = report.role_errors
    assert (error.fact, error.role, error.gold, error.wrong) == ("G1", "agent", ["sdf"], [COALITION["label_en"]])
    assert "WRONG Global Coalition against Daesh" in format_summary(report)
    # the figures alone (bench/evaluation.py --brief, the test split's floors) show no fact
    assert "G1" not in format_summary(report, wrong_roles=False)
    assert "core facts: 0/1" in format_summary(report, wrong_roles=False)
    # type mode does not look at roles
    assert score(gold, records, {"a.ar.txt": BODY}).outcomes[0].hit


def test_a_missing_role_misses(gold):
    records = [_record("Liberation", LIBERATION, agent=[SDF], place=[RAQQA])]  # no one it was taken from
    report = score(gold, records, {"a.ar.txt": BODY}, roles=True)
    assert not report.outcomes[0].hit and report.role_errors[0].role == "origin"


def test_the_side_a_control_took_ground_from_is_its_origin(tmp_path):
    """Gold writes the side an area was taken from as a TerritorialControl's target, as for a
    Liberation; athar reads it as the origin: the one is scored against the other."""
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD_YAML.replace("type: Liberation", "type: TerritorialControl"), encoding="utf-8")
    control = load_gold(path)
    taken = [_record("TerritorialControl", LIBERATION, agent=[SDF], origin=[ISIS], place=[RAQQA])]
    assert score(control, taken, {"a.ar.txt": BODY}, roles=True).outcomes[0].hit
    wrong = [_record("TerritorialControl", LIBERATION, agent=[SDF], origin=[COALITION], place=[RAQQA])]
    report = score(control, wrong, {"a.ar.txt": BODY}, roles=True)
    assert not report.outcomes[0].hit and report.role_errors[0].role == "origin"


def test_a_gold_label_matched_by_alias_and_by_the_words_in_the_text(gold):
    by_alias = _entity("SDF", "قسد")  # the entity's second Arabic label
    plain = _entity("Coalition", "ائتلاف", ["التحالف"])  # a plain gold label, found in the words
    records = [_record("Liberation", LIBERATION, agent=[by_alias], origin=[ISIS], place=[RAQQA]),
               _record("Killing", KILLING, agent=[plain], victim=[CIVILIANS])]
    report = score(gold, records, {"a.ar.txt": BODY}, roles=True)
    assert [o.hit for o in report.outcomes] == [True, True]


def test_label_matching_normalizes_contains_and_reads_romanizations():
    assert label_matches(("مدينة الرقّة",), ["الرقة"])  # diacritics, containment
    assert label_matches(("Sharfan Darwish",), ["Shrfan Drwysh"])
    assert label_matches(("ISIS",), ["Islamic State (ISIS / Daesh)"])
    assert not label_matches(("Syria",), ["Iraq"])
    assert not label_matches(("داعش",), ["الرقة"])


def test_label_matching_reads_the_words_of_the_text_without_their_clitics():
    # the words naming an entity in the text carry a preposition on the article ("للتحالف") or
    # lose the article with it (the mention of "للتحالف" is "تحالف"); a gold label keeps it
    assert label_matches(("التحالف الذي تقوده الولايات المتحدة",), ["تحالف"])
    assert label_matches(("مدينة الرقة",), ["وبالرقة"])
    assert label_matches(("الجيش العراقي",), ["فالجيش العراقي"])
    assert not label_matches(("الجيش العراقي",), ["الجيش السوري"])
    assert not label_matches(("التحالف",), ["الحشد"])


def test_precision_counts_the_extras(gold):
    records = [_record("Liberation", LIBERATION, agent=[SDF], origin=[ISIS], place=[RAQQA]),
               _record("Battle", LIBERATION, participant=[SDF]),
               _record("locatedIn", "مدينة الرقة", subject=[RAQQA], object=[SDF])]
    report = score(gold, records, {"a.ar.txt": BODY}, roles=True)
    assert report.recall() == (1, 2)
    assert report.precision() == (1, 3)
    assert report.precision("events") == (1, 2) and report.precision("relations") == (0, 1)
    classes = report.by_class()
    assert classes["Battle"] == {"gold": 0, "found": 0, "extracted": 1, "correct": 0}
    assert classes["Killing"] == {"gold": 1, "found": 0, "extracted": 0, "correct": 0}


def test_the_seed_in_type_and_role_mode():
    assert evaluate_files(GOLD / "seed.yaml", [SEED]).recall(True) == (16, 16)
    report = evaluate_files(GOLD / "seed.yaml", [SEED], roles=True)
    # The brief asks for at least 29 of 33 in role mode. Measured at commit c7b96e5: 25/33
    # (13/16 core). The gold role mapping was checked fact by fact: the eight misses are
    # athar's, roles the text states that athar does not fill: a place before the verb or
    # shared across "و" (F03, F13, F22, F24, F31), an elided or unnamed actor (F20, F23),
    # and a Withdrawal read as Training (F33). Raise these figures when athar reads them.
    # Milestone 3 (read-roles): 29/33 (15/16 core); F03, F13, F23, F24 are read (a place that
    # opens the sentence or is shared by coordinated verbs, the paragraph's place, "المتطرفون" as
    # the group named before). Left: F20 (the first group of 700 displaced), F22 (Escape takes no
    # place), F31 (the place opens the paragraph before), F33.
    # Issue 9 clause structure: 30/33; F33 is read (a Withdrawal, past the relative clause).
    # Issue 9 places: 31/33; F31 is read (its paragraph opens with "وهذا يعني" and goes on with the
    # one before, which "في العراق،" opens).
    # Issue 9 slots: 32/33; F22 is read (Escape takes its place after في).
    assert report.recall() >= (32, 33)
    assert report.recall(True) >= (15, 16)


# -- the ratchet: data/eval/test, at milestone 2 (EVALUATION.md; commit 0fac6b8 and the
# Abduction fix). Milestone 1 (c7b96e5): type 25/53, 45/123, 46/138; role 2/53, 12/123,
# 13/138; 42 negative sentences. The floors are the measured values rounded down to the percent.
# Milestone 3 (read-roles, roles from context): type 27/53, 47/123, 50/155; role 3/53, 15/123, 15/155.
# Issue 9 clause structure (branch clause, 76de980): type 28/53, 52/123, 55/158; role 3/53, 17/123, 17/158
# (no floor rose).
# Issue 9 triggers (branch triggers, 016a7ea: repetitions, amounts, dates): type 28/53, 52/123, 55/147;
# role 3/53, 17/123, 17/147: the precision floors rose.
# Issue 9 actors (branch actors, c47c227): type 29/53, 54/123, 57/161; role 4/53, 18/123, 18/161.
# Issue 9 names (branch names, measured once at its end): type 28/53, 57/123, 61/168; role 3/53,
# 22/123, 23/168 (relations: 15/25 found in type mode, 13/25 with their subject and object).
# Milestone 4 (cce4dac, the four reading branches met), the 22 texts: type 29/53, 59/123, 63/160;
# role 4/53, 23/123, 24/160. Then the third batch (16 texts) split by data/eval/split.py --add:
# 5 to test, 11 to dev. The test split of 27 texts, same commit: type 35/64, 81/181, 85/194;
# role 6/64, 36/181, 37/194.
# Issue 9 precision (branch precision: sense rules, aims, captures after fighting), measured once at
# its end: type 35/64, 80/181, 84/188; role 6/64, 35/181, 36/188 (the type precision floor rose).
# Issue 9 roles (branch roles4, 2954001, measured once at its end): type 35/64, 81/181, 85/194;
# role 7/64, 39/181, 40/194: the role floors rose. Both merged (the aims stage costs one fact
# the roles gained): role 7/64, 38/181, 39/189.
# Issue 9 statements (branch statements, measured once at its end, a45c3b6): type 36/64, 82/181, 85/192;
# role 7/64, 38/181, 39/192. The three merged (the reading of milestone 5): type 36/64, 81/181,
# 84/187; role 8/64, 40/181, 41/187.
# Then the fourth batch (16 texts, measured whole: EVALUATION.md, milestone 5) split by
# split.py --add: 5 to test, 11 to dev. The test split of 32 texts, same reading: type 38/76,
# 93/231, 98/224; role 8/76, 48/231, 50/224.
# Milestone 7 (the reading of 0352abd): the 37 texts type 51/88, 120/274, 124/265; role 16/88,
# 63/274, 65/265. Then the sixth batch (16 texts, measured whole before and after: EVALUATION.md,
# milestone 7) split by split.py --add: 5 to test, 11 to dev. The test split of 42 texts:
# type 61/107, 152/340, 156/315; role 19/107, 82/340, 84/315.
# Milestone 8, before the split (the reading of 0cc829c): the 42 texts type 63/107, 163/340,
# 167/333; role 22/107, 91/340, 93/333. Then the seventh batch (16 texts, measured whole before and
# after: EVALUATION.md, milestone 8) split by split.py --add: 5 to test, 11 to dev; five passes
# more (an event's date and amount, statements, roles of core facts, two of follow-ups: the 42 texts
# type 64/107, 164/340, 168/333; role 22/107, 90/340, 92/333). The test split of 47 texts at the reading of milestone 8:
# type 74/128, 190/404, 192/367; role 27/128, 105/404, 107/367.
# Milestone 9 (the reading of e2bb088): the 47 texts type 77/128, 206/404, 211/394; role 32/128,
# 123/404, 125/394. Then the eighth batch (16 texts, measured whole before and after: EVALUATION.md,
# milestone 9) split by split.py --add: 5 to test, 11 to dev. The test split of 52 texts at the
# reading of milestone 9:
# After four passes more (statements, dates, roles, classes; the reading of 0abd5d9): type 86/143,
# 231/457, 237/439; role 36/143, 139/457, 142/439.
# Milestone 10 (seven passes: dates, statements, agents, targets, classes, places, names): the 52
# texts type 86/143, 233/457, 239/439; role 37/143, 142/457, 146/439. Then the ninth batch (16
# texts, measured whole before and after: EVALUATION.md, milestone 10) split by split.py --add: 5 to
# test, 11 to dev. The test split of 57 texts at the same reading:
# After six passes and three follow-ups more (agents, targets, places, names, statements, classes;
# the reading of milestone 10): the 57 texts type 95/157, 281/526, 286/500; role 44/157, 177/526,
# 182/500. Then the tenth batch (16 texts, measured whole before and after: EVALUATION.md,
# milestone 10) split by split.py --add: 5 to test, 11 to dev. The test split of 62 texts at the
# same reading:
# Milestone 11 (passes on relations, statements, places, precision, attacks and battles, operations,
# killings): the 62 texts type 104/171, 323/594 -> 327/594, 326/555 -> 330/564; role 51 -> 52/171,
# 206/594 -> 214/594, 212/555 -> 221/564. Then the eleventh batch (16 texts, measured whole
# before and after: EVALUATION.md, milestone 11) split by split.py --add: 5 to test, 11 to dev.
# The test split of 67 texts at the same reading: type 109/185, 356/666, 362/613; role 55/185,
# 234/666, 243/613. After four passes more (dates of core facts, their roles and classes, a review;
# the reading of milestone 11): type 110/185, 361/666, 368/618; role 56/185, 237/666, 247/618.
# Milestone 12 (eleven passes: agents, places and dates, statements, relations, classes, precision,
# amounts, three faults, place mentions, people, the cold read's cost): the 67 texts type 113/185,
# 368/666, 376/633; role 60/185, 244/666, 254/633. Then the twelfth batch (16 texts, measured whole
# before and after: EVALUATION.md, milestone 12) split by split.py --add: 5 to test, 11 to dev. The
# test split of 72 texts at the same reading (5ce28be): type 119/199, 401/734, 408/675; role 65/199,
# 264/734, 274/675. Milestone 13: the Statements of the six early batches re-annotated blind to the later
# batches' convention (99 facts on test: EVALUATION.md), ten passes (relations, attacks, doers, classes,
# statements that go on, armed parties' announcements, "بحسب X"), then the thirteenth batch (14 texts,
# measured whole before and after) split by split.py --add: 5 to test, 9 to dev. The test split of 77
# texts at milestone 13's reading (dd65ad8): type 130/211, 537/893, 545/812; role 70/211, 371/893,
# 385/812. Milestone 14 (doers, places, targets, core classes, precision, statements, the cold read's
# cost; the side a control took ground from scored as its origin): the 77 texts type 131/211, 551/893,
# 557/824; role 72/211, 384/893, 397/824. Then the fourteenth batch (15 texts, measured whole before and
# after) split by split.py --add: 5 to test, 10 to dev. The test split of 82 texts at milestone 14's
# reading (9353c13): type 141/226, 606/984, 611/898; role 78/226, 422/984, 436/898. Milestone 15 (doers,
# places, targets, relations, precision, each rule written from one half of dev and checked on the other):
# the 82 texts type 141/226, 608/984, 613/899; role 79/226, 426/984, 440/899. Then the fifteenth batch
# (15 texts, measured whole before and after) split by split.py --add: 5 to test, 10 to dev. The test
# split of 87 texts at milestone 15's reading (ade3833): type 148/235, 646/1059, 650/949; role 84/235,
# 453/1059, 466/949. Milestone 16 (speakers, statements that go on, dates of attributed statements, each
# kept only if the half of dev it was not written from held or gained): the 87 texts type 149/235,
# 650/1059, 656/955; role 85/235, 457/1059, 472/955. Then the sixteenth batch (15 texts, measured whole
# before and after) split by split.py --add: 5 to test, 10 to dev. The test split of 92 texts at
# milestone 16's reading (65df023): type 157/246, 692/1137, 698/1017; role 91/246, 487/1137, 503/1017.
# Milestone 17 (places, doers, classes, relations, unnamed actors, who may do a military deed, where a
# name ends; each kept only if the half of dev it was not written from held or gained): the 92 texts
# type 158/246, 695/1137, 702/1021; role 92/246, 489/1137, 505/1021. Then the seventeenth batch (15
# texts, measured whole before and after milestones 16 and 17) split by split.py --add: 5 to test, 10
# to dev. The test split of 97 texts at milestone 17's reading (f7aae6e):
FLOORS = {  # mode: (core recall, all-fact recall, precision), in percent
    False: (65, 60, 69),  # type mode: 168/258, 734/1219, 747/1082
    True: (38, 42, 49),  # role mode: 100/258, 519/1219, 537/1082
}
NEGATIVE_MAX = (0, 249)  # sentences with a conflict event, of all (42 at milestone 1)
# data/eval/negative-2: 217 sentences collected and committed (30efc58) before athar was run on
# them. The independent figure, measured once at that commit: 9 of 217 sentences (11 events),
# 2.1 per 50. Rules written afterwards come from the first set, dev and our own sentences only;
# the issue asks at most one sentence per 50. After the sense rules and frame words written from
# the first set, dev and our own sentences (control of a fire or of prices, clouds, leaving a
# government or a contest, regaining a rank, taking office, surgery, operations rooms, state
# visits, pests, fires): 1 of 217 (a gold future "تسليم فبراير" read as a Handover; left, no
# rule was written from this set's words alone). This figure is no longer independent.
NEGATIVE2_MAX = (1, 217)
# data/eval/negative-3: 249 sentences from 124 sites, committed (945eb9f) before athar was run on
# them, measured at 5e18eb5 (7 sentences, 1.4 per 50) and again after the milestone-4 reading
# (cce4dac: the same 7): independent figures, above the one per 50. No rule had been
# written from this set; the ceiling kept it from rising. Since a fourth set is being gathered blind,
# this one is development material: sense rules for its 7 sentences, each general and tested on
# sentences of our own (riot police and crowds, sunstroke and kicks, a player's training, fans
# entering, a civic campaign, crops received; branch precision): 0 of 249. No longer independent.
NEGATIVE3_MAX = (0, 249)
# data/eval/negative-4: 275 sentences from 152 sites none of the other sets used, committed
# (38b7f06) before athar was run on them; measured once at 2836a79 (the reading of 35a6936):
# 2 sentences (an "Attack" of empty shells in a parliament's questioning, a "Liberation" of civil
# defence forces controlling a fire), 0.4 per 50. The held-out set: no rule is written from it
# (bench/evaluation.py --without-test leaves it out).
NEGATIVE4_MAX = (2, 275)


@pytest.fixture(scope="module")
def test_split():
    docs = sorted((EVAL / "test").glob("*.ar.txt"))
    assert len(docs) == 97  # 22 of the first two batches, 5 each of the third to the seventeenth
    return extract_records(docs)


@pytest.mark.parametrize("roles", [False, True], ids=["types", "roles"])
def test_the_test_split_does_not_fall_below_its_measured_figures(test_split, roles):
    records, bodies = test_split
    report = score(load_gold(EVAL / "test" / "gold.yaml"), records, bodies, roles=roles)
    print(format_summary(report, wrong_roles=False))  # figures only: no fact of the test split shown
    figures = [report.recall(True), report.recall(), report.precision()]
    for (found, of), floor, what in zip(figures, FLOORS[roles], ("core recall", "all-fact recall", "precision")):
        assert math.floor(100 * found / of) >= floor, f"{what} fell to {found}/{of} (floor {floor}%)"


def test_the_negative_rate_does_not_rise():
    report = evaluate_negative(EVAL / "negative" / "sentences.tsv")
    print(report.format())
    assert report.sentences == NEGATIVE_MAX[1]
    assert len(report.offending) <= NEGATIVE_MAX[0], report.format()
    assert report.rate <= 50 * NEGATIVE_MAX[0] / NEGATIVE_MAX[1]


def test_the_fresh_negative_rate_does_not_rise():
    report = evaluate_negative(EVAL / "negative-2" / "sentences.tsv")
    print(report.format())
    assert report.sentences == NEGATIVE2_MAX[1]
    assert len(report.offending) <= NEGATIVE2_MAX[0], report.format()


def test_the_third_negative_rate_does_not_rise():
    report = evaluate_negative(EVAL / "negative-3" / "sentences.tsv")
    assert report.sentences == NEGATIVE3_MAX[1]
    assert len(report.offending) <= NEGATIVE3_MAX[0], report.format()


def test_the_held_out_negative_rate_stays_within_one_in_fifty():
    """The issue's target, on the set no rule was written from: at most one sentence of civic
    news in 50 read as a conflict event, and never more than when it was first measured."""
    report = evaluate_negative(EVAL / "negative-4" / "sentences.tsv")
    assert report.sentences == NEGATIVE4_MAX[1]
    assert len(report.offending) <= NEGATIVE4_MAX[0], report.format()
    assert report.rate <= 1.0
