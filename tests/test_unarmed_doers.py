"""Who can do a military deed (doers.tsv): an aid agency or a news outlet frees no town, wages no
operation and fights no battle. Such a body is let go from the doers of a military event, whether
the clause or the words around it gave it; an event whose only entity was such a doer is not
kept. An armed actor's deed and an agency's own civil work are read as before."""

from __future__ import annotations

import pytest

import athar
from athar.errors import LexiconError
from athar.read.doers import _barred, cannot_do
from athar.read.entity import Mention
from athar.read.language import Language, arabic

PUBLISHED = "2017-05-10"


def _events(text: str, cls: str) -> list:
    return [f for f in athar.read(text, published=PUBLISHED).facts if f.type == cls]


def _doers(text: str, cls: str) -> list[list[str]]:
    """The doers (agents, sides) of each event of ``cls``, by English label."""
    return [[m.label_en for r, m in f.roles if r in ("agent", "participant")] for f in _events(text, cls)]


@pytest.mark.parametrize("text, cls, agency", [
    pytest.param("وبعد أن انتهت المعارك في البلدة استأنف برنامج الأغذية العالمي عملياته لتوزيع الخبز على الأهالي.",
                 "MilitaryOperation", "World Food Programme", id="a-programme-resumes-its-work"),
    pytest.param("وقالت المنظمة الدولية للهجرة إنها ستقيم مخيمات للنازحين قبل انطلاق عملية تحرير مدينة تلعفر.",
                 "MilitaryOperation", "International Organization for Migration", id="the-agency-that-speaks-does-not-wage-the-operation"),
    pytest.param("وبعد أن انتهت المعارك في البلدة استأنف برنامج الأغذية العالمي عملياته لتوزيع الخبز على الأهالي.",
                 "Battle", "World Food Programme", id="an-agency-is-no-side-of-a-battle"),
    pytest.param("وقال برنامج الأغذية العالمي إنه تمكن من إيصال المساعدات بعد أن تغيرت السيطرة على المدينة إثر اشتباكات.",
                 "Liberation", "World Food Programme", id="the-speaking-agency-took-no-town"),
])
def test_an_agency_is_no_doer_of_a_military_event(text, cls, agency):
    assert all(agency not in doers for doers in _doers(text, cls))


def test_the_work_of_an_agency_is_no_military_operation():
    text = "وبعد أن انتهت المعارك في البلدة استأنف برنامج الأغذية العالمي عملياته لتوزيع الخبز على الأهالي."
    assert _events(text, "MilitaryOperation") == []
    assert _doers(text, "ServiceProvision") == [["World Food Programme"]]


@pytest.mark.parametrize("text, cls, doer", [
    pytest.param("حررت القوات العراقية مدينة تلعفر من تنظيم داعش.", "Liberation", "Iraqi Security Forces",
                 id="an-armed-force-frees-a-town"),
    pytest.param("ووزع برنامج الأغذية العالمي مساعدات غذائية على خمسة آلاف أسرة في مدينة الرقة.", "ServiceProvision",
                 "World Food Programme", id="an-agency-hands-out-food"),
])
def test_an_armed_deed_and_an_agency_s_civil_work_keep_their_doers(text, cls, doer):
    assert any(doer in doers for doers in _doers(text, cls))


def _body(key: str, source: str = "gazetteer") -> Mention:
    return Mention(0, 1, 0, 1, key, "InternationalOrganization", "", "", source=source)


@pytest.mark.parametrize("key, source, barred", [
    pytest.param("wfp", "gazetteer", True, id="an-aid-agency-bears-no-arms"),
    pytest.param("nato", "gazetteer", False, id="an-alliance-of-states-forces-does"),
    pytest.param("cue-x", "cue", False, id="an-unknown-organization-is-of-no-known-kind"),
])
def test_which_bodies_cannot_do_an_attack(key, source, barred):
    assert cannot_do(arabic(), "Attack", _body(key, source)) is barred


def test_a_body_may_do_what_the_table_does_not_bar():
    assert not cannot_do(arabic(), "Demining", _body("wfp"))


@pytest.mark.parametrize("keys", [
    pytest.param("natoo", id="a-key-no-gazetteer-holds"),
    pytest.param("wfp|iraqi-army", id="a-key-of-another-type"),
])
def test_a_bad_except_key_names_its_line(keys):
    rows = f"kind\tevents\texcept\nInternationalOrganization\tAttack\t{keys}\n"
    with pytest.raises(LexiconError, match=r"doers.tsv:2: 'except' names '(natoo|iraqi-army)'"):
        _barred(Language(tables={"doers.tsv": rows}))
