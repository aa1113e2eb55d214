"""Purposes joined: a masdar coordinated with a masdar of purpose shares its lam.

"تعهد المانحون بمليار دولار لدعم المدن المحررة، وتوفير الخدمات للنازحين وتقديم العلاج للجرحى": the
lam of "لدعم" governs the masdars joined to it by "و", after a comma or not; "توفير الخدمات" and
"تقديم العلاج" are what the money is for, not help given. Such a masdar is read as the first one is
(athar.read.circumstance: Planned; athar.read.aim: left out when it is an outcome sought).

The chain is read back from a noun trigger with "و" alone as its proclitic ("وتوفير", not
"والتوفير" nor "ولتوفير"; not "وبسطت سيطرتها" either, whose pronoun tells the doer's own deed),
in its sentence, at most :data:`CHAIN` words back: a noun trigger with "و" alone is a link of the
chain and the reading goes on; a noun trigger with the lam of purpose,
or a word with that lam alone ("لدعم", "لتعزيز"; not "للأسر": whom it is for), is the purpose the
chain hangs on; any other trigger, or a word opening a segment after a comma ("، وقال"), ends it with
no purpose ("وزعت المنظمة الأغذية على الأسر وتوفير": the chain hangs on a deed).
"""

from __future__ import annotations

from athar.read.function_words import function_affixes
from athar.read.memo import mention_starts, triggers_by_first
from athar.read.text import ARTICLE, COMMAS, HARAKAT, Doc

# how many words back from the joined masdar the chain is read (across a relative clause: "لتعزيز
# المكاسب التي لم يكن من الصعب تحقيقها، وتوفير المساعدة")
CHAIN = 16
# the shortest word with the lam that may be a masdar ("لدعم"; "لدى", "لكن", "لهم" are shorter)
_SHORTEST = 4


def joined_to_purpose(doc: Doc, trig) -> bool:
    """Whether the noun trigger ``trig`` ("وتوفير") is joined by "و" to a masdar with the lam of
    purpose before it in its sentence (see the module)."""
    lang = doc.language
    conjunctions = function_affixes(lang, "conjunction")
    if trig.rule.pos != "noun" or trig.proclitic not in conjunctions or _possessed(doc, trig):
        return False  # "وبسطت سيطرتها": the doer's own deed, told
    purpose = function_affixes(lang, "purpose")
    tokens, at, names = doc.tokens, triggers_by_first(doc), mention_starts(doc)
    sentence = tokens[trig.first].sentence
    for j in range(trig.first - 1, max(-1, trig.first - CHAIN - 1), -1):
        t = tokens[j]
        if t.sentence != sentence:
            return False
        other = at.get(j)
        if other is not None and other.rule.pos == "noun":
            if other.proclitic.endswith(purpose):
                return True  # "لدعم", "للسيطرة" (as athar.read.circumstance reads them)
            if other.proclitic not in conjunctions:
                return False
            continue  # "وتوفير المساعدة وتقديم": a link of the chain
        if other is not None:
            return False
        if t.text.startswith(purpose) and not t.text.startswith(purpose[0] + ARTICLE[1:]) \
                and len(t.text) >= _SHORTEST and j not in names:
            return True  # "لدعم المدن"; "للنازحين" is whom it is for, "لتنظيم داعش" a name
        if t.is_word and (j == 0 or tokens[j - 1].text in COMMAS):
            return False  # a segment opens here with something else ("، وقال")
    return False


def _possessed(doc: Doc, trig) -> bool:
    """Whether the last word of the trigger carries a third-person pronoun (function_words.tsv's
    ``pronoun_suffix``), read in the original text, where "ة" is no "ه": "وبسطت سيطرتها"."""
    last = doc.tokens[trig.last - 1]
    start, end = doc.norm.to_original(last.start, last.end)
    word = doc.norm.original[start:end].rstrip(HARAKAT)
    return any(word.endswith(p) for p in function_affixes(doc.language, "pronoun_suffix"))
