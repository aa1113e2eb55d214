"""Event rules and the word lists they use, loaded from ``data/lexicon``.

``events.tsv`` says, for each event class, which words trigger it and how the words
around a trigger fill its roles; ``markers.tsv`` which prepositions mark which slot;
``modality.tsv``, ``attribution.tsv``, ``refine.tsv`` and ``members.tsv`` the rest.
Each loader validates its file and names ``file:line`` in its error.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from athar.read.lexicon import check_choice
from athar.read.mentions import ENTITY_TYPES, is_a
from athar.read.morphology import generated_triggers, lemma_forms
from athar.read.phrases import PhraseMatcher
from athar.read.roles import ROLES  # the roles the rules fill (re-exported: events.tsv is read against them)
from athar.read.text import TANWEEN_ALEF
from athar.read.language import Language, language_data

EVENT_TYPES = (
    "Liberation", "TerritorialControl", "Battle", "Attack", "Killing", "Arrest", "Abduction",
    "Destruction", "MilitaryOperation", "Reconstruction", "Establishment", "Training", "Funding",
    "FundingAppeal", "Demining", "ServiceProvision", "Sponsorship", "Return", "Displacement",
    "Departure", "Escape", "Dispersal", "Redeployment", "Withdrawal", "Handover", "Meeting",
    "Mediation", "Statement", "Suspension", "Population",
)

CONSTRAINTS = ENTITY_TYPES + ("Actor", "Armed", "Place", "Settlement", "Facility", "Organization", "Any")

MONEY = frozenset({"USD", "EUR", "SAR", "GBP", "IQD", "SYP", "AED", "KWD", "QAR", "TRY"})

# Marker names the code reads roles by: values of the first column of markers.tsv and of the
# marker column of clitics.tsv, which the slots of events.tsv name ("obj=target:Any; على=...").
# Identifiers shared by the tables and the code, not words matched in the text.
MARKER_BA = "ب"  # a proclitic ب on the mention (clitics.tsv)
MARKER_LI = "ل"  # a proclitic ل on the mention, or "لصالح", "لدعم" (markers.tsv)
MARKER_FROM = "من"
MARKER_ON = "على"

@dataclass(frozen=True)
class Rule:
    event: str
    pos: str
    slots: dict[str, tuple[tuple[str, str], ...]]
    needs: str
    where: str
    takes_event: bool = False
    amounts: str = ""  # "" counts, not money; "money"; "any"; "none"; or units ("mine|house"): counts of those only

    @functools.cached_property
    def roles(self) -> frozenset[str]:
        """Every role the rule's slots can fill."""
        return frozenset(r for choices in self.slots.values() for r, _ in choices)

    def takes(self, role: str, m) -> bool:
        """Whether one of the rule's slots takes mention ``m`` in ``role`` (its type meets the slot's constraint)."""
        return any(r == role and is_a(m.type, c) for choices in self.slots.values() for r, c in choices)

    @property
    def stated_need(self) -> bool:
        """Whether a need of the rule asks for a role its clause names ("agent!")."""
        return _STATED in (self.needs or "")

    def satisfied(self, roles, amount, new: bool = False, stated=None) -> bool:
        """Whether the roles found (``(role, mention)`` pairs) and the amount taken are what the
        rule's ``needs`` asks to keep its event: one of its choices ("|"), each with all of its
        needs ("+"): "destination+agent|destination+amount" is an arrival at a camp of people
        named or counted. ``new``: the trigger is an indefinite noun, which brings a new event in
        ("وقع انفجار", "عبر سيارة مفخخة"), the need "new". A role's name with "!" ("agent!") needs
        the role among ``stated``, those the clause itself names (all of ``roles`` when not given),
        not one the words around it lend."""
        return any(all(_has(need[:-1], roles if stated is None else stated, amount, new) if need.endswith(_STATED)
                       else _has(need, roles, amount, new) for need in choice.split("+"))
                   for choice in (self.needs or "").split("|"))


_NEEDS = ("none", "any", "amount", "money", "new", "role")
_STATED = "!"  # after a role's name in ``needs``: named by the clause itself ("agent!")


def _has(need: str, roles, amount, new: bool) -> bool:
    """Whether one need of a rule is met (empty: a role filled)."""
    if need == "none":
        return True
    if need == "new":
        return new
    if need == "role":  # what an empty need asks, among choices ("role|new")
        need = ""
    if need == "amount":
        return amount is not None
    if need == "money":
        return amount is not None and amount.unit in MONEY
    if need == "any":
        return bool(roles) or amount is not None
    if need:
        return any(r == need for r, _ in roles)
    return bool(roles)

@language_data
def rules(lang: Language) -> tuple[PhraseMatcher, tuple[Rule, ...]]:
    forms: list[tuple[str, Rule]] = []
    seen: dict[str, str] = {}
    rules = []
    units = {row["unit"] for row in lang.table("units.tsv", ("unit", "kind", "forms"))}
    for row in lang.table("events.tsv", ("event", "triggers", "pos", "slots")):
        check_choice(row, "event", EVENT_TYPES)
        check_choice(row, "pos", ("verb", "noun", "passive"))
        needs = row.get("needs")
        for need in (part for choice in needs.split("|") for part in choice.split("+")) if needs else ():
            if need not in _NEEDS + ROLES + tuple(r + _STATED for r in ROLES):
                raise row.fail(f"'needs' is '{needs}', expected empty, none, any, amount, money, new, role or a role's name, "
                               f"or such needs joined by '+' (all of them) and '|' (one of the choices)")
        slots: dict[str, tuple[tuple[str, str], ...]] = {}
        for part in row["slots"].split(";"):
            if not part.strip():
                continue
            slot, _, spec = part.strip().partition("=")
            choices = []
            for choice in spec.split(","):
                role, _, constraint = choice.strip().partition(":")
                if role not in ROLES or constraint not in CONSTRAINTS:
                    raise row.fail(f"slot '{part.strip()}': '{choice.strip()}' is not ROLE:TYPE "
                                   f"(roles: {', '.join(ROLES)})")
                choices.append((role, constraint))
            slots[slot.strip()] = tuple(choices)
        takes = row.get("takes")
        if takes not in ("", "event"):
            raise row.fail(f"'takes' is '{takes}', expected empty or event")
        amounts = row.get("amounts")
        if amounts not in ("", "money", "any", "none") and not set(amounts.split("|")) <= units:
            raise row.fail(f"'amounts' is '{amounts}', expected empty, money, any, none or units of units.tsv "
                           f"joined by '|'")
        rule = Rule(row["event"], row["pos"], slots, needs, row.where(), takes == "event", amounts)
        rules.append(rule)
        for f in row.forms("triggers"):
            if f in seen and seen[f] != rule.where:
                raise row.fail(f"trigger '{f}' is already a trigger at {seen[f]}")
            seen[f] = rule.where
            forms.append((f, rule))
    forms += generated_triggers(lang, dict(forms))  # the forms of lemmas.tsv's verbs that events.tsv lacks
    return PhraseMatcher(lang, forms, enclitics=True), tuple(rules)

@language_data
def markers(lang: Language) -> PhraseMatcher:
    forms = []
    for row in lang.table("markers.tsv", ("marker", "forms")):
        forms += [(f, row["marker"]) for f in row.forms("forms")]
    return PhraseMatcher(lang, forms)

@language_data
def marker_ends(lang: Language) -> tuple[tuple[int, ...], dict[tuple[str, ...], str]]:
    """The lengths of marker phrases, longest first, and each phrase's marker (the first
    line that lists a phrase wins), for matching backwards from a mention."""
    out: dict[tuple[str, ...], str] = {}
    for row in lang.table("markers.tsv", ("marker", "forms")):
        if row["marker"] in ("clause", "masdar", "wounded", "daypart", "belonging", "claim", "responsibility", "apposition", "complement",
                             "coordination", "aim", "operation", "completion", "demand",
                             "denial", "before", "attempt", "campaign", "body", "start", "necessity", "quantifier", "fear",
                             "preparation", "charge", "impediment", "wish", "imminence", "demonstrative", "alternative",
                             "opening", "aside", "framing", "named_operation", "held", "held_area", "under", "own_control", "tally", "tally_reached",
                             "supposition"):
            continue  # they open a clause or govern a masdar; they govern no mention
        for f in row.forms("forms"):
            out.setdefault(tuple(f.split()), row["marker"])
    return tuple(sorted({len(w) for w in out}, reverse=True)), out

@language_data
def modality_matcher(lang: Language) -> PhraseMatcher:
    forms = []
    for row in lang.table("modality.tsv", ("modality", "forms")):
        check_choice(row, "modality", ("Negated", "Planned", "Ongoing", "Asserted"))
        forms += [(f, row["modality"]) for f in row.forms("forms")]
    return PhraseMatcher(lang, forms, enclitics=True)

@language_data
def attribution_matcher(lang: Language) -> PhraseMatcher:
    # a verb read as one of saying only where it opens a sentence ("بين": else "between") is no word of
    # attribution elsewhere (attribution.tsv "opening", read/continuation.py)
    return PhraseMatcher(lang, [(f, True) for row in lang.table("attribution.tsv", ("kind", "forms"))
                          if row["kind"] != "opening" for f in row.forms("forms")], enclitics=False)

@language_data
def refinements(lang: Language) -> tuple[tuple[str, str, str, str, bool, tuple[str, ...]], ...]:
    out = []
    for row in lang.table("refine.tsv", ("from", "to", "role", "type")):
        check_choice(row, "from", EVENT_TYPES)
        check_choice(row, "to", EVENT_TYPES)
        check_choice(row, "role", ROLES)
        check_choice(row, "type", CONSTRAINTS)
        check_choice(row, "named", ("", "object"))
        out.append((row["from"], row["to"], row["role"], row["type"], row.get("named") == "object",
                    tuple(row.forms("cues"))))
    return tuple(out)


@language_data
def refinements_of(lang: Language) -> dict[str, tuple[tuple[str, str, str, str, bool, tuple[str, ...]], ...]]:
    """The refinements by the event they refine, in file order."""
    out: dict[str, list] = {}
    for refinement in refinements(lang):
        out.setdefault(refinement[0], []).append(refinement)
    return {event: tuple(found) for event, found in out.items()}


# -- extraction -------------------------------------------------------------

@language_data
def member_nouns(lang: Language) -> frozenset[str]:
    """Nouns that stand for their group ("عناصر داعش" acts as داعش) or name what it holds
    ("مواقع داعش"), with the accusative alef ("مقراً")."""
    out = set()
    for row in lang.table("members.tsv", ("kind", "forms")):
        check_choice(row, "kind", ("unit", "member", "holding"))
        out.update(f for form in row.forms("forms") for f in (form, form + TANWEEN_ALEF))
    return frozenset(out)


@language_data
def holding_nouns(lang: Language) -> frozenset[str]:
    """The nouns of members.tsv that name what a group holds: a strike on them targets it."""
    return _member_kind(lang, "holding")


@language_data
def unit_nouns(lang: Language) -> frozenset[str]:
    """The nouns of members.tsv that name a body of a force ("وحدات", "مفرزة"): after a verb,
    with "من", it stands for the force ("تقدمت وحدات من الجيش")."""
    return _member_kind(lang, "unit")


def _member_kind(lang: Language, kind: str) -> frozenset[str]:
    """The nouns of members.tsv's rows of ``kind``, with the accusative alef."""
    return frozenset(f for row in lang.table("members.tsv", ("kind", "forms")) if row["kind"] == kind
                     for form in row.forms("forms") for f in (form, form + TANWEEN_ALEF))


@language_data
def marker_pairs(lang: Language) -> frozenset[tuple[str, str]]:
    """Two-word marker phrases ("من سيطرة"): their second word is no trigger."""
    return frozenset(tuple(f.split()) for row in lang.table("markers.tsv", ("marker", "forms"))
                     if row["marker"] not in ("claim", "apposition") for f in row.forms("forms") if len(f.split()) == 2)

@language_data
def trigger_forms(lang: Language) -> frozenset[str]:
    return frozenset(f for row in lang.table("events.tsv", ("event", "triggers", "pos", "slots"))
                     for f in row.forms("triggers")) | lemma_forms(lang)

@language_data
def _forms_by_marker(lang: Language) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in lang.table("markers.tsv", ("marker", "forms")):
        out.setdefault(row["marker"], set()).update(row.forms("forms"))
    return {marker: frozenset(forms) for marker, forms in out.items()}


_BY_MARKER = _forms_by_marker.__wrapped__  # the key the language keeps them under
_NO_FORMS: frozenset[str] = frozenset()


def marker_forms(lang: Language, marker: str) -> frozenset[str]:
    """The normalized forms markers.tsv lists under ``marker`` ("when", "clause", ...)."""
    try:  # asked for tens of thousands of times a text: the language's own dict, at once (as function_words)
        return lang._data[_BY_MARKER].get(marker, _NO_FORMS)  # type: ignore[attr-defined]
    except KeyError:
        return _forms_by_marker(lang).get(marker, _NO_FORMS)


@language_data
def time_words(lang: Language) -> frozenset[str]:
    return marker_forms(lang, "when")


@language_data
def compounds(lang: Language) -> dict[tuple[str, str], tuple[int, str]]:
    """(first event, second event) -> (largest gap in words, resulting event)."""
    from athar.read.lexicon import check_number

    out = {}
    for row in lang.table("compounds.tsv", ("first", "second", "gap", "result")):
        for column in ("first", "second", "result"):
            check_choice(row, column, EVENT_TYPES)
        out[(row["first"], row["second"])] = (int(check_number(row, "gap", int)), row["result"])
    return out


@language_data
def fell_to_words(lang: Language) -> frozenset[str]:
    """Words of a killing whose subject is the event that killed ("راح ضحيته", "أودى بحياة"), normalized."""
    return marker_forms(lang, "fell_to")


@language_data
def result_phrases(lang: Language) -> tuple[str, ...]:
    """Words that say one event came of another ("أسفر عن", "ما أدى إلى"), normalized."""
    return tuple(sorted(marker_forms(lang, "result")))


@language_data
def clause_openers(lang: Language) -> frozenset[str]:
    """Words that open a clause of their own ("أن", "بأن"): what follows is not said of the
    trigger before them ("وأضاف البيان أن قوات الحشد حررت")."""
    return marker_forms(lang, "clause")


@language_data
def masdar_governors(lang: Language) -> frozenset[str]:
    """Verbs whose object is a masdar ("استطاعت القوات طرد", "واصلت الفرق إزالة")."""
    return marker_forms(lang, "masdar")


@language_data
def day_parts(lang: Language) -> tuple[frozenset[str], frozenset[str]]:
    """Parts of the day ("فجر", "صباح") and the words that make them one ("الإثنين", "اليوم",
    "يوم"): "فجر الإثنين" is dawn on Monday, not "detonated"."""
    parts = marker_forms(lang, "daypart")
    days = {f for row in lang.table("weekdays.tsv", ("weekday", "forms")) for f in row.forms("forms")}
    days.update(f for row in lang.table("date_cues.tsv", ("role", "forms")) if row["role"] in ("today", "yesterday")
                for f in row.forms("forms"))
    days.update(f for row in lang.table("date_cues.tsv", ("role", "forms")) if row["role"] == "day"
                for f in row.forms("forms"))  # "يوم"
    return parts, frozenset(days)


@language_data
def belonging_words(lang: Language) -> frozenset[str]:
    """Words that say whose a thing is ("التابعة"): the ل after them names the owner, which
    stands for the thing ("فرق نزع الألغام التابعة لمجلس الرقة المدني أزالت")."""
    return marker_forms(lang, "belonging")


@language_data
def wounding_words(lang: Language) -> frozenset[str]:
    """Words of wounding ("أصيب", "جرح"): the number after them counts the wounded."""
    return marker_forms(lang, "wounded")


@language_data
def lasting_verbs(lang: Language) -> frozenset[str]:
    """Verbs that give an event its length ("استمرت", "دامت"), normalized."""
    return marker_forms(lang, "lasting")


@language_data
def claim_words(lang: Language) -> frozenset[str]:
    """Words by which a group claims an attack ("تبنى", "أعلن مسؤوليته"), normalized: the
    claimer is the doer of the attack or killing named after them."""
    return marker_forms(lang, "claim")


@language_data
def claiming_words(lang: Language) -> frozenset[str]:
    """The words that tell a claim, normalized: its verb ("تبنى", claim_words) or the
    responsibility it names apart from its verb ("مسؤوليته", markers.tsv "responsibility")."""
    return claim_words(lang) | marker_forms(lang, "responsibility")


@language_data
def apposition_words(lang: Language) -> frozenset[str]:
    """Words that open an apposition after a comma ("راوة، آخر البلدات"): it describes the noun
    before the comma, and the clause goes on over it."""
    return marker_forms(lang, "apposition")


@language_data
def stand_in_keys(lang: Language) -> frozenset[str]:
    """Keys of generic kinds that stand for the armed group a sentence names (stand_ins.tsv)."""
    return frozenset(row["key"] for row in lang.table("stand_ins.tsv", ("key",)))


@language_data
def call_rule(lang: Language) -> Rule | None:
    """The Statement rule of the verbs of calling and demanding: the verb row of events.tsv that
    lists most forms of markers.tsv's "demand" ("دعا", "طالبت"). An appeal for funds that names
    no money is such a call ("ناشدت اللجنة الدولية كل الأطراف الرفق بالمدنيين")."""
    demand = marker_forms(lang, "demand")
    rows = lang.table("events.tsv", ("event", "triggers", "pos", "slots"))
    best = max(((len(demand.intersection(row.forms("triggers"))), rule)
                for row, rule in zip(rows, rules(lang)[1]) if rule.event == "Statement" and rule.pos == "verb"),
               key=lambda x: x[0], default=(0, None))
    return best[1] if best[0] else None
