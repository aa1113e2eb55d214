"""People named with a title or a role: "اللواء X", "X، المتحدث باسم Y", "X أحد عناصر Y"
(titles.tsv), with the organization the title names."""

from __future__ import annotations

from athar.read.cue import cue_mention, english_label, name_after
from athar.read.entity import Mention, _cue_matcher, is_a, slug, stopwords
from athar.read.function_words import function_affixes, function_word, function_words
from athar.read.numbers import read_number
from athar.read.reference import lexicon_mention
from athar.read.text import ARTICLE, COMMA, Doc


def _name_before(seg: Doc, i: int, comma: bool) -> tuple[int, int] | None:
    """Two words naming a person just before a title, after a comma ("X Y، المتحدث باسم") or,
    for a member, without one ("X Y أحد عناصر"): the first word without the article, the
    second may have it (a nisba: "علي الجدوع")."""
    tokens, stop = seg.tokens, stopwords(seg.language)
    end = i - 1 if comma else i
    if end < 2 or (comma and tokens[end].text != COMMA):
        return None
    first, second = tokens[end - 2], tokens[end - 1]
    if not (first.is_word and second.is_word) or first.text in stop or second.text in stop \
            or read_number(seg, end - 2) is not None \
            or first.text.startswith(ARTICLE) or (comma and second.text.startswith(ARTICLE)):
        return None
    if not comma and end >= 3 and tokens[end - 3].is_word and tokens[end - 3].text not in stop \
            and not tokens[end - 3].text.startswith(ARTICLE):
        return None  # more words before: "قتل الجيش ثلاثة أحد عناصر" names no one
    return end - 2, end


def person_mention(seg, i, titles, matcher, gaz, history) -> list[Mention] | None:
    """A person named after a title ("اللواء X"), or before a role ("X، المتحدث باسم Y")."""
    hit = titles.match_at(seg.tokens, i)
    if hit is None:
        return None
    tokens = seg.tokens
    prefix, end, (role, _en), marker = hit
    org = None
    j = end
    if role in ("spokesperson", "leader", "member"):
        if role == "leader" and j + 1 < len(tokens) and tokens[j].text == function_word(seg.language, "locative"):
            j += 1  # "القيادي في التنظيم"
        inner = matcher.match_at(tokens, j)
        org_mentions = lexicon_mention(seg, j, inner, gaz, history) \
            if inner is not None and inner[2][0] in ("gaz", "ana") else None
        if org_mentions is None and inner is None:
            # an organization named by its head noun: "مديرة منظمة اليونيسف", "قائد لواء X"
            org_mentions = cue_mention(seg, j, _cue_matcher(seg.language), matcher, gaz, history)
            if org_mentions and is_a(org_mentions[0].type, "Organization"):
                inner = (0, org_mentions[0].last_token)
            else:
                org_mentions = None
        if org_mentions and not is_a(org_mentions[0].type, "Person"):
            org = org_mentions[0]
            j = inner[1]
        elif tokens[end - 1].text.endswith(function_affixes(seg.language, "title_pronoun")):
            # "قائدهم": the leader of the group named just before
            org = history.antecedent("Organization")
    # skip a nationality adjective: "وزير الخارجية الأمريكي مايك بومبيو"
    if j < len(tokens) and tokens[j].text.startswith(ARTICLE) \
            and tokens[j].text.endswith(function_affixes(seg.language, "nisba")):
        j += 1
    if j < len(tokens) and tokens[j].text == COMMA:
        j += 1
        rank = titles.match_at(tokens, j) if org is not None else None
        if rank is not None and rank[0] == 0 and rank[2][0] == "commander":
            j = rank[1]  # "قائد شرطة المحافظة، اللواء X": the leader's rank, then the name
    long_name = j < len(tokens) and tokens[j].text in function_words(seg.language, "name_part")
    name = name_after(seg, j, limit=3 if long_name else 2)
    if name is None or tokens[name[0]].text.startswith(ARTICLE):
        # "شرفان درويش، المتحدث باسم المجلس": the name stands before the title
        name = _name_before(seg, i, comma=True) or (_name_before(seg, i, comma=False) if role == "member" else None)
        if name is None:
            return None
    first, last = name
    if _cue_matcher(seg.language).match_at(tokens, first) is not None:
        return None  # "مختار بلدة الطيبة": a place after the title, not a person
    name_norm = " ".join(t.text for t in tokens[first:last])
    start, stop = tokens[first].start, tokens[last - 1].end
    label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
    role_of = f"{role}:{org.key}" if org is not None else role
    known = matcher.match_at(tokens, first)
    if known is not None and known[2][0] == "gaz" and gaz[known[2][1]].type == "Person":
        e = gaz[known[2][1]]  # a person the gazetteer knows: "أبو بكر البغدادي"
        last = known[1]
        start, stop = tokens[first].start, tokens[last - 1].end
        person = Mention(start, stop, first, last, e.key, e.type, e.label_ar, e.label_en, e.scope,
                         "person", "", e.parent, e.wikidata, e.wikidata_source, role_of=role_of,
                         role_org_start=org.start if org is not None else -1)
    else:
        label_en, guessed = english_label(seg, label_ar, "{name}", label_ar)
        person = Mention(start, stop, first, last, f"person-{slug(name_norm)}", "Person", label_ar,
                         label_en, "global", "person", role_of=role_of,
                         role_org_start=org.start if org is not None else -1, label_guessed=guessed)
    return [person] + ([org] if org is not None else [])
