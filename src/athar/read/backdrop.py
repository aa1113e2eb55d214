"""The war as a backdrop: a battle noun the sentence names as the setting of what it tells ("نزح الأهالي
جراء المعارك", "بعد أربعة أشهر من المعارك", "مع اشتداد القتال") is no battle of its own, nor is a
battle or an operation it names only as the time of what it tells ("قتل سبعة جنود خلال معارك الأمس",
"أصيب ثلاثة أثناء الحملة") (read/aim.py leaves them out); and the matchers of the rows of markers.tsv
that the aims ask for alone."""

from __future__ import annotations

from athar.read.datewords import lexicon
from athar.read.entity import is_a
from athar.read.function_words import function_words
from athar.read.language import Language, language_data
from athar.read.phrases import PhraseMatcher
from athar.read.rules import marker_forms
from athar.read.text import ARTICLE, Doc
from athar.read.values import Fact

# the classes whose bare definite noun after a word of cause is the war as a backdrop ("جراء المعارك")
_BACKDROP = frozenset({"Battle"})
# the roles that name a side of a battle: with one, the battle is an event of its own; a side is a
# party that fights (an armed party, a people, a person, a country), not an office or a ward named
# beside the battle ("لعلاج المصابين جراء المعارك وغرفة طوارئ وقسم لفرز الإصابات")
_SIDES = frozenset({"agent", "participant", "target"})
_FIGHTERS = ("Armed", "Group", "Person", "Country")
_FROM = "من"
# the classes whose noun right after a word of "during" may name only the time of what the sentence tells
_TIME_FRAMES = frozenset({"Battle", "MilitaryOperation"})
_AND = "و"
# the rows of markers.tsv whose words the aims (and the backdrop) look for alone
_MARKERS = ("body", "campaign", "necessity", "charge", "impediment", "wish", "fear", "preparation", "start", "before", "cause",
            "demand", "completion", "complement", "imminence", "aiming")


@language_data
def aim_markers(lang: Language) -> dict[str, PhraseMatcher]:
    """A matcher of each row of markers.tsv that the aims ask for alone."""
    return {marker: PhraseMatcher(lang, [(f, True) for f in marker_forms(lang, marker)]) for marker in _MARKERS}


def backdrop(doc: Doc, f: Fact, trig) -> bool:
    """Whether the trigger is a battle noun with the article and no side its sentence names (the
    story's one armed group, guessed as its side by athar.read.opponent.side_of_battle, is named
    elsewhere), right after a word of cause (markers.tsv's row ``cause``: "جراء المعارك") or after
    "من" and a unit of time ("أربعة أشهر من المعارك"), in its sentence: the war as the backdrop of
    what the sentence tells."""
    tokens, first = doc.tokens, trig.first
    sentence = tokens[first].sentence
    if trig.rule.event not in _BACKDROP or trig.proclitic not in ("", ARTICLE) \
            or not tokens[first].text.startswith(ARTICLE) \
            or any(r in _SIDES and any(is_a(m.type, t) for t in _FIGHTERS) and tokens[m.first_token].sentence == sentence
                   for r, m in f.roles):
        return False
    if first < 2 or any(t.sentence != tokens[first].sentence for t in tokens[first - 2:first]):
        return False
    if tokens[first - 1].text == _FROM and tokens[first - 2].text in lexicon(doc.language).units.firsts():
        return True  # "بعد أربعة أشهر من المعارك"
    matcher = aim_markers(doc.language)["cause"]
    return any((found := matcher.match_at(tokens, j)) is not None and found[1] == first
               for j in range(first - 2, first))


def time_frame(doc: Doc, f: Fact, trig) -> bool:
    """Whether the trigger is a battle or an operation noun right after a word of "during"
    (function_words.tsv) that names nothing of its own: with the article and nothing after it in
    its phrase ("وجرح العشرات خلال المعارك، بينما", "أصيب ثلاثة أثناء الحملة"), or annexed to a
    date ("قتلوا خلال معارك الأمس", "قتلت خلال معارك اليوم 23 عنصرا"). Such a noun is the time of
    what the sentence tells, no event of its own. A noun with words of its own ("خلال المعارك
    الجارية في الموصل", "خلال معارك طرد التنظيم", "أثناء هجومهم على البلدة") is kept."""
    if trig.rule.event not in _TIME_FRAMES or trig.proclitic not in ("", ARTICLE) or trig.gaps:
        return False
    tokens, first, after = doc.tokens, trig.first, trig.last
    sentence = tokens[first].sentence
    if first < 1 or tokens[first - 1].sentence != sentence:
        return False
    before = tokens[first - 1].text
    during = function_words(doc.language, "during")
    if before not in during and not (before.startswith(_AND) and before[len(_AND):] in during):
        return False
    if after >= len(tokens) or tokens[after].sentence != sentence or not tokens[after].is_word:
        return tokens[first].text.startswith(ARTICLE)
    return after in _date_starts(doc)


def _date_starts(doc: Doc) -> frozenset[int]:
    """The tokens where a date of the text starts, worked out once a text."""
    key = ("date starts",)
    found = doc.memo.get(key)
    if found is None:
        starts = (doc.token_at(d.start) for d in doc.dates or ())
        found = doc.memo[key] = frozenset(k for k in starts if k is not None)
    return found
