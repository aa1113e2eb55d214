"""Aliases: another name a person goes by, as the text gives it after the name ("X المعروف بأبي
علي", "X الملقب بـ«الشبح»", "X (أبو محمد)"; aliases.tsv). The graph writes it as the person's
skos:altLabel."""

from __future__ import annotations

from athar.read.entity import is_nisba, stopwords, without_quotes
from athar.read.language import Language, language_data
from athar.read.mentions import Mention
from athar.read.namespan import name_after
from athar.read.romanization import romanize
from athar.read.text import COMMA, WAW, Doc, normalize_word

ALIAS = "alias"  # the type of the relation between a person and another name of theirs
_TITLE_REACH = 6  # tokens between a person's name and the body its role names ("، قائد الفرقة 16،")


@language_data
def _alias_words(lang: Language) -> frozenset[tuple[str, ...]]:
    """aliases.tsv: the words after a person's name that say another name of theirs follows."""
    return frozenset(tuple(normalize_word(w) for w in f.split())
                     for row in lang.table("aliases.tsv", ("forms",)) for f in row.forms("forms"))


def aliases(seg: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """A person and another name of theirs: "X المعروف بأبي علي", "X الملقب بـ«الشبح»", "X (أبو
    محمد)": (the person, a mention of the alias: the person mention read there, else the name
    after the words)."""
    tokens, out = seg.tokens, []
    people = {m.first_token: m for m in mentions if m.type == "Person"}
    words = _alias_words(seg.language)
    longest = max((len(w) for w in words), default=0)
    for a in sorted(people.values(), key=lambda m: m.first_token):
        # right after the name, or after the body its role names: "X، قائد الفرقة 16، الملقب ..."
        ends = [a.last_token] + [m.last_token for m in mentions if m.start == a.role_org_start
                                 and a.last_token < m.first_token <= a.last_token + _TITLE_REACH]
        j = None
        for k in ends:
            k += k < len(tokens) and tokens[k].text == COMMA
            for n in range(longest, 0, -1):
                if tuple(t.text for t in tokens[k:k + n]) in words:
                    j = k + n
                    break
            if j is not None:
                break
        k = a.last_token + (a.last_token < len(tokens) and tokens[a.last_token].text == COMMA)
        bracket = j is None and k < len(tokens) and tokens[k].text == "("
        if bracket:  # "X (أبو محمد)": a kunya in brackets after the name
            j = k + 1
            b = people.get(j)
            if b is None or not b.label_ar.startswith(_KUNYA) or b.last_token >= len(tokens) \
                    or tokens[b.last_token].text != ")":
                continue
        if j is None or j >= len(tokens) or tokens[j].sentence != tokens[a.first_token].sentence:
            continue
        b = people.get(j) or _alias_name(seg, j, a)
        if b is not None and b.key != a.key:
            out.append((a, b))
    return out


_KUNYA = ("أبو", "أبي", "أبا", "ابو")
_BY_NAME = ("ب", "باسم")
_KUNYA_NORM = frozenset(normalize_word(w) for w in _KUNYA)


def _alias_name(seg: Doc, j: int, person: Mention) -> Mention | None:
    """The name at token j after words of an alias: a quoted one, or up to three words (a ب
    proclitic left out: "بأبي علي")."""
    tokens = seg.tokens
    skip, said = 0, tokens[j - 1].text in _BY_NAME  # "المعروف ب", "المعروف باسم"
    if tokens[j].text in _BY_NAME and j + 1 < len(tokens):
        j, said = j + 1, True
    elif tokens[j].text.startswith("ب") and len(tokens[j].text) > 3:
        skip, said = 1, True  # "بأبي علي"
    word = tokens[j].text[skip:]
    if not said and tokens[j].text != '"' and word not in _KUNYA_NORM:
        return None  # "المعروف عنه", "الشهير في المدينة": a quoted name or a kunya only, without "ب"
    if word in _KUNYA_NORM and j + 1 < len(tokens) and tokens[j + 1].is_word \
            and tokens[j + 1].sentence == tokens[j].sentence:
        # "بأبي علي": a kunya and the name after it, whatever that name's other readings ("علي"
        # is also "على"), and a relative adjective after them ("أبو محمد العراقي")
        last = j + 2
        if last < len(tokens) and tokens[last].is_word and is_nisba(tokens[last].text) \
                and tokens[last].sentence == tokens[j].sentence:
            last += 1
        name = (j, last)
    elif skip:  # "بالشبح": the proclitic would end a name read from here; the words after it go on
        stop, last = stopwords(seg.language), j + 1
        while last < min(j + 3, len(tokens)) and tokens[last].is_word and tokens[last].text not in stop \
                and not tokens[last].text.startswith(WAW) and tokens[last].sentence == tokens[j].sentence:
            last += 1
        name = (j, last)
    else:
        name = name_after(seg, j, limit=3)
    if name is None:
        return None
    first, last = name
    start = tokens[first].start + (skip if first == j else 0)
    stop = tokens[last - 1].end
    label = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
    label = without_quotes(label).strip()
    if not label:
        return None
    head, _, rest = label.partition(" ")
    if rest and normalize_word(head) in _KUNYA_NORM:
        label = f"{_KUNYA[0]} {rest}"  # "بأبي علي": the alias is "أبو علي", as one calls him
    latin, guessed = romanize(seg.language, label)
    return Mention(start, stop, first, last, f"{person.key}-alias", "Person", label, latin if guessed else label,
                   person.scope, "person", label_guessed=guessed)
