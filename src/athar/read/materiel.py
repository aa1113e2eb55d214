"""Materiel of war named by its kind (kinds.tsv rows of type Materiel), read as one phrase.

The kind's noun is the head ("ثلاث سيارات مفخخة", "عدد من الآليات"); the phrase goes on over
what news writes right after it to say which materiel it is:

- another materiel joined by "و": "أسلحة وذخائر", "أسلحتهم وعتادهم" name one lot, destroyed or
  seized together;
- a verb of carrying and what is carried (materiel.tsv): "آلية تحمل مقاتلين", "سيارتين تحملان
  أسلحة";
- whose it is, an actor in construct or with ل: "دبابات التنظيم", "أربع عجلات مفخخة لداعش" (the
  owner of what was destroyed is neither the destroyer nor the event's target of its own).

The phrase is one mention, labelled with its words; the mentions inside it are part of it.
Materiel after the preposition ب is no mention: "هجوم بسيارة مفخخة" names the attack's instrument,
"انفجرت عبوة بعربة عسكرية تابعة للجيش" what the attack struck, both read by the attack's own words.
"""

from __future__ import annotations

from dataclasses import replace

from athar.read.entity import Mention, is_a, stopwords
from athar.read.language import Language, language_data
from athar.read.text import LAM, WAW, Doc

MATERIEL = "Materiel"
_BI = "ب"  # the preposition of instrument


@language_data
def carrying_words(lang: Language) -> frozenset[str]:
    """The verbs and participles of carrying after a materiel's noun (materiel.tsv)."""
    words: set[str] = set()
    for row in lang.table("materiel.tsv", ("role", "forms")):
        if row["role"] != "carrying":
            raise row.fail(f"unknown role '{row['role']}': the code reads 'carrying'")
        words.update(row.forms("forms"))
    return frozenset(words)


def materiel_phrases(seg: Doc, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` (in text order) with each materiel's mention grown over its phrase, and the
    mentions its phrase covers left out. One pass over the mentions."""
    if not any(m.type == MATERIEL for m in mentions):
        return mentions
    tokens, carrying = seg.tokens, carrying_words(seg.language)
    starting: dict[int, Mention] = {}
    for m in mentions:  # the longer first at a start
        starting.setdefault(m.first_token, m)
    out: list[Mention] = []
    end_token = -1  # the token the last grown phrase ends before
    for m in mentions:
        if m.first_token < end_token:
            continue  # inside a phrase grown before
        if m.type != MATERIEL:
            out.append(m)
            continue
        if m.marker == _BI:
            continue  # "هجوم بسيارة مفخخة", "انفجرت عبوة بعربة عسكرية": the instrument, or what an attack struck, told by the attack's words
        last = m.last_token
        if tokens[last - 1].text in carrying:  # the kind's form ends with the verb: "عربة تحمل مقاتلين"
            last = _carried_end(seg, last, starting, m)
        while True:
            nxt = starting.get(last)
            if nxt is not None and nxt.type == MATERIEL and tokens[last].text.startswith(WAW) \
                    and tokens[last].sentence == tokens[m.first_token].sentence:
                last = nxt.last_token  # "أسلحة وذخائر"
                continue
            if last < len(tokens) and tokens[last].text in carrying \
                    and tokens[last].sentence == tokens[m.first_token].sentence:
                last = _carried_end(seg, last + 1, starting, m)  # "آلية تحمل مقاتلين"
            owner = starting.get(last)
            if owner is not None and _owns(seg, owner, m):
                last = owner.last_token  # "دبابات التنظيم", "عجلات مفخخة لداعش"
            break
        if last == m.last_token:
            out.append(m)
            continue
        out.append(_grown(seg, m, last))
        end_token = last
    return out


def _owns(seg: Doc, owner: Mention, head: Mention) -> bool:
    """Whether the actor named right after a materiel's phrase is whose it is: in construct
    ("آليات التنظيم") or with ل ("عجلات مفخخة لداعش"), not joined by و nor after another preposition."""
    word = seg.tokens[owner.first_token]
    return is_a(owner.type, "Actor") and owner.marker in ("", LAM) and not word.text.startswith(WAW) \
        and word.sentence == seg.tokens[head.first_token].sentence


def _carried_end(seg: Doc, k: int, starting: dict[int, Mention], head: Mention) -> int:
    """The token after what a verb of carrying at k - 1 says is carried: the mention that starts
    at k ("تحملان أسلحة"), else the one word there ("تحمل مقاتلين"), not a word of the closed classes."""
    tokens = seg.tokens
    if k in starting:
        return starting[k].last_token
    if k < len(tokens) and tokens[k].is_word and tokens[k].sentence == tokens[head.first_token].sentence \
            and tokens[k].text not in stopwords(seg.language):
        return k + 1
    return k - 1


def _grown(seg: Doc, m: Mention, last: int) -> Mention:
    """The mention ``m`` over its tokens to ``last`` (exclusive), labelled with its words."""
    end = seg.tokens[last - 1].end
    words = seg.norm.original[slice(*seg.norm.to_original(m.start, end))]
    return replace(m, end=end, last_token=last, label_ar=words)
