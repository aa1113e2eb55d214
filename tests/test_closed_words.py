"""The closed-class words of function_words.tsv: every role the table gives is one the code
asks for, a bad row names file:line, and the words still do their job in a sentence (and stop
doing it when the table no longer lists them)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import athar
from athar.errors import LexiconError
from athar.read import function_words as fw
from athar.read.language import Language, arabic
from athar.read.text import WAW

READ = Path(fw.__file__).parent
TABLE = fw.TABLE


def _roles_asked_for() -> set[str]:
    """The roles the code under read/ names in a call to function_words, function_affixes or
    function_word."""
    asked = set()
    for path in READ.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in (
                    "function_words", "function_affixes", "function_word") and len(node.args) == 2 \
                    and isinstance(node.args[1], ast.Constant):
                asked.add(node.args[1].value)
    return asked


def test_every_role_of_the_table_is_asked_for_by_the_code_and_no_other():
    assert _roles_asked_for() == set(fw.ROLES)
    given = {row["role"] for row in arabic().table(TABLE, ("role", "forms"))}
    assert given == set(fw.ROLES)


def test_the_forms_are_normalized_and_read_once_per_language():
    lang = arabic()
    assert fw.function_words(lang, "relative") is fw.function_words(lang, "relative")
    assert "اثر" in fw.function_words(lang, "time")  # written "إثر" in the table
    assert fw.function_word(lang, "partitive") == "من"
    assert WAW in fw.function_words(lang, "conjunction")  # the letter text.py names is the conjunction


def _table_with(role: str, line: str | None) -> Language:
    """The package's table with the row of ``role`` replaced by ``line`` (None: dropped)."""
    out = []
    for row in arabic().text_of(TABLE).splitlines():
        if row.startswith(role + "\t"):
            if line is None:
                continue
            row = line
        out.append(row)
    return Language(tables={TABLE: "\n".join(out) + "\n"})


def _line_of(role: str) -> int:
    return next(n for n, row in enumerate(arabic().text_of(TABLE).splitlines(), start=1)
                if row.startswith(role + "\t"))


@pytest.mark.parametrize("role, line, message", [
    pytest.param("relative", "relativ\tالذي|التي\ttypo", "'role' is 'relativ', expected one of relative",
                 id="unknown-role"),
    pytest.param("conjunction", "conjunction\tو|ثم\tnote", "role 'conjunction' takes single letters",
                 id="word-in-a-letter-role"),
    pytest.param("relative", "relative\t\tnote", "column 'forms' is empty", id="no-forms"),
])
def test_a_bad_row_names_file_and_line(role, line, message):
    with pytest.raises(LexiconError, match=rf"^{TABLE}:{_line_of(role)}: {message}"):
        fw.function_words(_table_with(role, line), "relative")


def test_a_role_without_a_row_is_an_error():
    with pytest.raises(LexiconError, match=rf"{TABLE}: no row gives the role\(s\) time"):
        fw.function_words(_table_with("time", None), "relative")


def test_a_role_of_one_word_takes_one_word():
    with pytest.raises(LexiconError, match=rf"{TABLE}: role 'partitive' takes one word"):
        fw.function_word(_table_with("partitive", "partitive\tمن|عن\tnote"), "partitive")


def _facts(text: str, lang: Language | None = None) -> set[tuple]:
    doc = athar.read(text, published="2020-01-01", lang=lang)
    return {(f.type, f.modality, tuple(sorted((r, m.label_en) for r, m in f.roles))) for f in doc.facts}


@pytest.mark.parametrize("role, text, fact", [
    pytest.param("time", "شنت قسد عقب الهجوم حملة اعتقالات في دير الزور",
                 ("Arrest", "Asserted", (("agent", "Syrian Democratic Forces (SDF)"), ("place", "Deir ez-Zor"))),
                 id="time-word-aqib: the attack was told before, the clause is the arrests'"),
    pytest.param("self_reference", "أعلنت اليونيسف أنها أعادت تأهيل مدرسة في الرقة",
                 ("Reconstruction", "Asserted", (("agent", "UNICEF"), ("place", "Raqqa"), ("target", "schools"))),
                 id="annaha: the speaker is the actor"),
    pytest.param("conjunction", "حررت القوات العراقية الفلوجة واعتقلت عناصر من داعش",
                 ("Arrest", "Asserted", (("agent", "Iraqi Security Forces"),
                                         ("target", "Islamic State (ISIS / Daesh)"))),
                 id="waw-on-a-verb: the actor carries over"),
    pytest.param("continuer", "حررت القوات العراقية الفلوجة ثم اعتقلت عناصر من داعش",
                 ("Arrest", "Asserted", (("agent", "Iraqi Security Forces"),
                                         ("target", "Islamic State (ISIS / Daesh)"))),
                 id="thumma: the actor carries over"),
    pytest.param("purpose", "خصصت السعودية 100 مليون دولار لإعادة إعمار الرقة",
                 ("Reconstruction", "Planned", (("agent", "Saudi Arabia"), ("target", "Raqqa"))),
                 id="lam-of-purpose: planned, by the donor"),
    pytest.param("locative", "قصفت الطائرات مخيم الهول بالحسكة",
                 ("locatedIn", "Asserted", (("object", "Hasakah"), ("subject", "al-Hol camp"))),
                 id="ba-on-a-place-reads-fi: locatedIn"),
    pytest.param("name_part", "قال المتحدث باسم التحالف أبو محمد العدناني لوكالة الأنباء",
                 ("spokespersonOf", "Asserted", (("object", "Global Coalition against Daesh"),
                                                 ("subject", "Abu Mohammed al-Adnani"))),
                 id="abu-opens-a-long-name"),
    pytest.param("title_pronoun", "سيطر تنظيم داعش على الرقة وقال قائدهم أبو بكر البغدادي",
                 ("leaderOf", "Asserted", (("object", "Islamic State (ISIS / Daesh)"),
                                           ("subject", "Abu Bakr al-Baghdadi"))),
                 id="qaiduhum: their leader"),
])
def test_the_words_do_their_job(role, text, fact):
    assert fact in _facts(text)
    # with the role's words replaced by a letter no text has here, the fact is read otherwise
    letter = "ظ"
    without = _table_with(role, f"{role}\t{letter}\t")
    assert fact not in _facts(text, without)
