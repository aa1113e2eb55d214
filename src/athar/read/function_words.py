"""Function words: the closed classes of Arabic the reading code asks for by role.

``lang/ar/function_words.tsv`` lists, one row per role, the relative pronouns, the
prepositions, the pronoun suffixes, the conjunctions and the particles that the clause,
fact, mention and amount readers test words against::

    function_words(lang, "relative")   # frozenset of normalized forms: "الذي", "التي", ...
    function_affixes(lang, "conjunction")  # the same forms as a tuple, for str.startswith
    function_word(lang, "partitive")   # the one form of a role that has one: "من"

The table is read once per :class:`~athar.read.language.Language` (``@language_data``):
a hot path tests a word against a frozenset built once, never per call. A row whose role
is not in :data:`ROLES` is an error naming ``file:line``; so is a role without a row.
"""

from __future__ import annotations

from athar.errors import LexiconError
from athar.read.language import Language, language_data
from athar.read.lexicon import check_choice

TABLE = "function_words.tsv"

# Every role the code asks for; the table must give each at least one form.
ROLES = (
    "relative", "time", "preposition", "bound_preposition", "purpose", "future", "conjunction",
    "continuer", "self_reference", "matter", "matter_opener", "pronoun_suffix", "owned", "title_pronoun", "partitive", "locative",
    "countryside", "phrase_opener", "name_part", "name_end", "group_name_tail",
    "nisba", "complementizer", "year_suffix", "subset", "breakdown", "passive_light",
    "undergo", "open_space", "undergo_to", "reach", "assassination", "died_by", "line_end", "line_start", "place_adverb",
    "operation_frame", "carried_out", "named_operation", "waging", "during", "others", "pointing_back", "describer", "terrain",
    "worked_at", "perfect_particle", "place_pronoun", "suffixed_preposition", "argument_preposition",
    "negation_through",
)
# Roles whose forms the code tests as one letter (word[0] in ..., word[1:]).
_LETTERS = ("bound_preposition", "purpose", "future", "conjunction", "nisba")
# Roles the code reads as one word (function_word).
_SINGLE = ("partitive", "locative", "year_suffix")


@language_data
def _table(lang: Language) -> dict[str, tuple[str, ...]]:
    """role -> its normalized forms, in file order, each once."""
    out: dict[str, dict[str, None]] = {role: {} for role in ROLES}
    for row in lang.table(TABLE, ("role", "forms")):
        role = check_choice(row, "role", ROLES)
        forms = row.forms("forms")
        if not forms:
            raise row.fail("'forms' lists no word")
        if role in _LETTERS and any(len(f) != 1 for f in forms):
            raise row.fail(f"role '{role}' takes single letters, got {forms}")
        out[role].update(dict.fromkeys(forms))
    missing = [role for role in ROLES if not out[role]]
    if missing:
        raise LexiconError(f"{TABLE}: no row gives the role(s) {', '.join(missing)}")
    for role in _SINGLE:
        if len(out[role]) != 1:
            raise LexiconError(f"{TABLE}: role '{role}' takes one word, got {list(out[role])}")
    return {role: tuple(forms) for role, forms in out.items()}


@language_data
def _sets(lang: Language) -> dict[str, frozenset[str]]:
    return {role: frozenset(forms) for role, forms in _table(lang).items()}


_SETS = _sets.__wrapped__  # the key the language keeps the sets under
_TABLE = _table.__wrapped__  # and the forms in file order


def function_words(lang: Language, role: str) -> frozenset[str]:
    """The normalized forms of ``role`` (one of :data:`ROLES`), built once per language."""
    try:  # asked for tens of thousands of times a text: the language's own dict, at once
        return lang._data[_SETS][role]  # type: ignore[index]
    except KeyError:
        return _sets(lang)[role]


def line_joins(lang: Language) -> tuple[frozenset[str], frozenset[str]]:
    """The words that cannot end a sentence and those that cannot open one: a line break after
    the first or before the second goes on with the sentence ("مسؤوليته\nعن التفجير")."""
    return function_words(lang, "line_end"), function_words(lang, "line_start")


def function_affixes(lang: Language, role: str) -> tuple[str, ...]:
    """The forms of ``role`` as a tuple, in file order: for ``str.startswith``/``endswith``."""
    try:  # as function_words: the language's own dict, at once
        return lang._data[_TABLE][role]  # type: ignore[index]
    except KeyError:
        return _table(lang)[role]


def function_word(lang: Language, role: str) -> str:
    """The one form of a role that has one ("partitive": "من")."""
    try:
        return lang._data[_TABLE][role][0]  # type: ignore[index]
    except KeyError:
        return _table(lang)[role][0]
