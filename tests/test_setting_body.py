"""A state's air force named by its noun alone ("القوة الجوية", "سلاح الجو") that the text named no state's
body for before: the one of the country the text is set in, where its places lie in one country alone. Read
from sentences written for these tests."""

from __future__ import annotations

import pytest

from athar.errors import LexiconError
from athar.read.entity import _gazetteer_matcher
from athar.read.language import Language
from reading import events_of, role_labels


@pytest.mark.parametrize("text, agent", [
    pytest.param("تقدمت القوات نحو بلدة القائم غربي الأنبار. وقصفت القوة الجوية مخابئ للمسلحين قرب البلدة",
                 "Iraqi Army", id="air-force-iraq"),
    pytest.param("وفي ريف حمص الشرقي قصف سلاح الجو مواقع للمسلحين قرب تدمر",
                 "Syrian Arab Army", id="air-arm-syria"),
])
def test_a_state_body_alone_is_the_one_of_the_country_the_text_is_set_in(text, agent):
    fact = events_of(text, "Attack")[-1]
    assert role_labels(fact, "agent") == [agent]


@pytest.mark.parametrize("text, etype", [
    # places in two countries: no setting, no one guessed
    pytest.param("نزح آلاف من الموصل إلى الحسكة. وقصفت القوة الجوية مخابئ للمسلحين قرب الحدود", "Attack",
                 id="two-countries"),
    # the country named, no place in it: a party as often as a setting
    pytest.param("أعلن العراق أن القوة الجوية قصفت مخابئ للمسلحين قرب الحدود", "Attack", id="country-name-only"),
])
def test_no_body_where_the_setting_does_not_say_which(text, etype):
    for fact in events_of(text, etype):
        assert not {"Iraqi Army", "Syrian Arab Army", "Syrian National Army"} & set(role_labels(fact, "agent"))


@pytest.mark.parametrize("only, default, message", [
    pytest.param("iraqi-army|syrian-armyy", "", "'syrian-armyy' is no gazetteer key", id="a-misspelt-key-in-only"),
    pytest.param("", "setting", r"'setting' is no gazetteer key \('setting' needs 'only'\)", id="setting-without-only"),
    pytest.param("", "islamic-statee", "'islamic-statee' is no gazetteer key", id="a-misspelt-default"),
])
def test_a_bad_key_in_the_anaphora_table_names_its_line(only, default, message):
    rows = f"form\ttype\tonly\tdefault\nالقوة الجوية\tArmedForce\t{only}\t{default}\n"
    with pytest.raises(LexiconError, match=f"anaphora.tsv:2: {message}"):
        _gazetteer_matcher(Language(tables={"anaphora.tsv": rows}))
