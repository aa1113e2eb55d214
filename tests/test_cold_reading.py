"""Reading words met for the first time: a word none of whose readings is the first word of a
form of a table is told by one set operation, and skips the look-ups. The answer must be what
the full look-ups give, for the words of real articles and for every form of the tables (with
and without clitics)."""

from __future__ import annotations

from pathlib import Path

from athar.read.quantity import _amount_start, _bounds, _duals, _symbol_dual_bound_firsts, _units
from athar.read.datewords import lexicon
from athar.read.entity import _cue_matcher, _gazetteer_matcher, title_matcher
from athar.read.language import Language
from athar.read.phrases import starting_matchers
from athar.read.rules import rules
from athar.read.source import read_document
from athar.read.text import segment

ROOT = Path(__file__).resolve().parent.parent


class _Everything(frozenset):
    """A set of first words that meets every reading: the gates let every word through."""

    def isdisjoint(self, other) -> bool:
        return False

    def __contains__(self, item) -> bool:
        return True


def _words(forms) -> list[str]:
    words = {t for p in sorted((ROOT / "data" / "corpus").glob("*.txt"))
             for t in segment(read_document(p).body).texts}
    for form in forms:
        first = form.split()[0] if form.split() else ""
        # the form's first word as a token may carry it: a proclitic, the article, an ending, the accusative alef
        words.update({first, "و" + first, "وب" + first, "لل" + first[2:], "ال" + first, first + "ها", first + "ا",
                      first + "ون", first[:-1]})
    return sorted(w for w in words if w)


def test_a_date_word_is_read_alike_with_and_without_the_gate():
    lex = lexicon(Language())
    forms = [f for table in (lex.months, lex.weekdays, lex.ordinals, lex.cues, lex.units) for f in table.firsts()]
    words = _words(forms)
    gated = {w: lex.read(w) for w in words}
    assert sum(1 for w in words if gated[w].start) > 100  # the words include date words
    lex.__dict__["_gate"] = _Everything()
    assert {w: lex.read(w) for w in words} == gated


def test_a_matcher_finds_the_same_forms_with_and_without_the_gate():
    for build in (_gazetteer_matcher, _cue_matcher, title_matcher, lambda lang: rules(lang)[0]):
        gated, full = build(Language()), build(Language())
        full._firsts = _Everything()
        words = _words(gated._index)
        found = [w for w in words if gated.starts(w)]
        assert found  # the words include forms of the table
        assert found == [w for w in words if full.starts(w)]
        assert [gated._forms_at(w) for w in words] == [full._forms_at(w) for w in words]


def test_an_amount_word_is_read_alike_with_and_without_the_gate():
    gated, full = Language(), Language()
    full._data[_symbol_dual_bound_firsts.__wrapped__] = _Everything()
    words = _words([f for table in (_units, _duals, _bounds) for f in table(gated).firsts()])
    found = [_amount_start(gated, w) for w in words]
    assert found.count("number") > 20 and found.count("bound") > 5  # the words include symbols, duals, bounds
    assert found == [_amount_start(full, w) for w in words]


def test_the_matchers_starting_at_a_word_are_those_whose_forms_start_there():
    lang = Language()
    matchers = (_gazetteer_matcher(lang), _cue_matcher(lang), title_matcher(lang))
    starting = starting_matchers(matchers)
    words = _words([f for m in matchers for f in m._index])
    found = [starting[w] for w in words]
    assert sum(1 for ms in found if ms) > 100
    assert found == [tuple(m for m in matchers if m.starts(w)) for w in words]


def _eager(forms) -> dict[str, tuple]:
    """The forms of two words or more under every text their second word may take, longest first:
    the index a matcher built at once for each first word, before it worked a text out when asked."""
    out: dict[str, list] = {}
    for form in forms:
        for text in form.rest[0] if form.rest else ():
            out.setdefault(text, []).append(form)
    return {text: tuple(found) for text, found in out.items()}


def test_the_forms_after_a_first_word_are_those_the_whole_index_gives():
    lang = Language()
    for build in (_gazetteer_matcher, _cue_matcher, title_matcher, lambda lang: rules(lang)[0]):
        matcher = build(lang)
        firsts = [w for w, forms in matcher._index.items() if any(f.rest for f in forms)]
        assert firsts  # forms of several words
        for first in firsts:
            forms = sorted(matcher._index[first], key=lambda f: -len(f.words))
            eager = _eager(forms)
            longer, single = matcher._grouped((first,))
            assert single is next((f for f in forms if not f.rest), None)
            assert bool(longer) == bool(eager)
            # every text a second word takes, and texts no form takes ("" and the first word itself)
            assert all(longer[text] == eager.get(text, ()) for text in [*eager, "", first])
