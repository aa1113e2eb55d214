"""The other parties of an event, from the sentence around it: the armed body an operation made
to pursue it was made on ("عملية عسكرية لملاحقة فلول داعش"), the dead "of both sides" of the battle
told before ("وقتل خلالها العشرات من عناصر الطرفين"), the one armed group the people a source names
by what it calls them belong to ("مقتل 96 إرهابياً"). Used by the events component
(:mod:`athar.read.facts`) once the clause's own roles are read; moved whole out of
:mod:`athar.read.agency`, which re-exports them."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from athar.read.function_words import function_words
from athar.read.language import Language, language_data
from athar.read.mentions import is_a
from athar.read.opponent import DONE_TO, document_group
from athar.read.rules import stand_in_keys
from athar.read.sequence import MADE_ON

if TYPE_CHECKING:
    from athar.read.clause import EventReading, Trigger
    from athar.read.mentions import Mention


def purpose_target(reading: EventReading, trig: Trigger, roles: list) -> list[Mention]:
    """"أعلن الجيش انطلاق عملية عسكرية لملاحقة فلول داعش", "نفذ الحشد عملية أمنية لتعقب بقايا
    داعش": an operation made for what its masdar of purpose (the lam, a few words after it) does to
    an armed body is made on that body, when it stands on the other side of the one that made it
    (a state's forces and an armed group): "عملية لدعم البيشمركة" is made with them."""
    if trig.rule.event not in MADE_ON:
        return []
    seg = reading.doc
    tokens, purpose = seg.tokens, function_words(seg.language, "purpose")
    sentence = tokens[trig.first].sentence
    lam = next((j for j in range(trig.last, min(len(tokens), trig.last + _PURPOSE_REACH))
                if tokens[j].sentence == sentence and tokens[j].text[:1] in purpose and len(tokens[j].text) > 3), None)
    if lam is None:
        return []
    agents = [m for r, m in roles if r == "agent"]
    for m in reading.mention_spans.starting(lam + 1, min(len(tokens), lam + _PURPOSE_REACH)):
        if tokens[m.first_token].sentence != sentence or not is_a(m.type, "Armed"):
            continue
        if any(a.key == m.key for a in agents) or not _opposed(agents, m):
            return []
        return [m]
    return []


_PURPOSE_REACH = 4  # the most tokens from the operation to its lam of purpose, and from it to the body


def _opposed(agents: list[Mention], m: Mention) -> bool:
    """Whether m stands on the other side of the agents: an armed group against a state's forces
    or a coalition (or against whoever, when no agent is named)."""
    if m.type == "ArmedGroup":
        return all(a.type != "ArmedGroup" for a in agents)
    return bool(agents) and all(a.type == "ArmedGroup" for a in agents)


def both_sides(reading: EventReading, trig: Trigger) -> list[Mention]:
    """"وتدور معارك بين قسد والتنظيم ... وقتل خلالها العشرات من عناصر الطرفين": the dead "of both
    sides" (a word of sides.tsv in the few words after a killing, in its sentence) are the sides of
    the battle told last, in its sentence or the one before."""
    if trig.rule.event != "Killing":
        return []
    tokens = reading.doc.tokens
    sentence = tokens[trig.first].sentence
    words = _sides(reading.doc.language)
    stop = min(len(tokens), trig.last + _SIDES_REACH)
    if not any(tokens[k].sentence == sentence and (tokens[k].text in words or tokens[k].text[1:] in words)
               for k in range(trig.last, stop)):
        return []
    for p in reversed(reading.previous):
        if sentence - tokens[p.first].sentence > 1:
            return []
        if p.rule.event == "Battle":
            return [m for r, m in p.roles if r == "participant"]
    return []


_SIDES_REACH = 6  # the most tokens from a killing to "الطرفين" ("مقتل وجرح العشرات من عناصر الطرفين")


@language_data
def _sides(lang: Language) -> frozenset[str]:
    return frozenset(f for row in lang.table("sides.tsv", ("form",)) for f in row.forms("form"))


def stand_ins(reading: EventReading, roles: list, sentence) -> tuple[list, bool]:
    """"تطهير الفلوجة من جيوب تنظيم داعش الإرهابي، مما أسفر عن مقتل 96 إرهابياً": the people a
    source names by what it calls them (stand_ins.tsv) are the members of the one armed group
    their sentence names, which fills their role. Returns the roles, and whether one changed."""
    keys = stand_in_keys(reading.doc.language)
    if not any(m.key in keys for _, m in roles):
        return roles, False
    groups = {m.key: m for m in reading.mention_spans.starting(sentence.first_token, sentence.last_token)
              if m.type == "ArmedGroup" and m.scope != "document" and m.last_token <= sentence.last_token}
    if not groups:
        return _stood_for_in_document(reading, roles)
    if len(groups) != 1:
        return roles, False
    group = next(iter(groups.values()))
    own = {r for r, m in roles if m.key == group.key}  # the group's own part in the event
    links = _stand_in_links(reading.doc.language)
    tokens = reading.doc.tokens

    def stands(r: str, m: Mention) -> bool:
        if m.key not in keys:
            return False
        if not links.get(m.key):
            # "مقتل 96 إرهابياً" in a sentence where the group has a part of its own: not it; "قتلت
            # ثلاثة إرهابيين من داعش": the group in their own role is who they are
            return own <= {r}
        # "على يد مسلحين من تنظيم داعش": joined to the group, they are it, in its own role or none
        between = tuple(t.text for t in tokens[m.last_token:group.first_token])
        linked = between in links[m.key] or bool(group.marker) and between + (group.marker,) in links[m.key]
        return linked and own <= {r}

    changed = [(r, group if stands(r, m) else m) for r, m in roles]
    return list(dict.fromkeys(changed)), changed != list(roles)


def _stood_for_in_document(reading: EventReading, roles: list) -> tuple[list, bool]:
    """"وأدت الضربات إلى مقتل أكثر من 40 إرهابيا": in a sentence that names no armed group, the
    people a source names by what it calls them (stand_ins.tsv, those its column "alone" gives to
    the group) whom an event was made on (its victims, its target) are the members of the one
    armed group the document names (athar.read.opponent.document_group), named by their own words;
    not when that group has a part of its own in the event, nor when the document names several."""
    alone = _of_the_group_alone(reading.doc.language)
    group = document_group(reading.doc) if any(r in DONE_TO and m.key in alone for r, m in roles) else None
    if group is None or any(m.key == group.key for _, m in roles):
        return roles, False

    def member(r: str, m: Mention) -> Mention:
        if r not in DONE_TO or m.key not in alone:
            return m
        return replace(group, start=m.start, end=m.end, first_token=m.first_token, last_token=m.last_token,
                       marker=m.marker, implied=True)

    return list(dict.fromkeys((r, member(r, m)) for r, m in roles)), True


def made_on_another(lang: Language, roles: list) -> list:
    """The roles without the doer named again as what the event was made on (its target): "قوات
    خاصة ... شاركت في تطهير مواقع لتنظيم داعش ... وتوقيف الكثير من مقاتليه": the forces arrested,
    they were not arrested; a side attacks or arrests another. (Not the victims: a group kills its
    own members, and the dead of a battle are of both sides; the holder a place was taken from is
    read apart, athar.read.facts.) Nor those named only by the deed they do (stand_ins.tsv
    "done_to": a suicide bomber) as its target or origin: "سيارة مفخخة يقودها انتحاري استهدفت المركز"."""
    doers = {m.key for r, m in roles if r == "agent"}
    doing = _doers_only(lang)

    def made_on(r: str, m: Mention) -> bool:
        return r == "target" and m.key in doers or r in _DONE_TO_ONLY and m.key in doing

    if not any(made_on(r, m) for r, m in roles):
        return roles
    return [(r, m) for r, m in roles if not made_on(r, m)]


_DONE_TO_ONLY = frozenset({"target", "origin"})


@language_data
def _doers_only(lang: Language) -> frozenset[str]:
    """stand_ins.tsv: the keys of people named only by the deed they do (column "done_to": "no")."""
    keys = set()
    for row in lang.table("stand_ins.tsv", ("key", "done_to")):
        if row["done_to"] not in ("yes", "no"):
            raise row.fail(f'done_to is "yes" or "no", not {row["done_to"]!r}')
        if row["done_to"] == "no":
            keys.add(row["key"])
    return frozenset(keys)


@language_data
def _of_the_group_alone(lang: Language) -> frozenset[str]:
    """stand_ins.tsv: the keys whose people are the document's one group in a sentence that names
    none (column "alone": "group"; "kind" keeps them what the source calls them)."""
    keys = set()
    for row in lang.table("stand_ins.tsv", ("key", "alone")):
        if row["alone"] not in ("group", "kind"):
            raise row.fail(f'alone is "group" or "kind", not {row["alone"]!r}')
        if row["alone"] == "group":
            keys.add(row["key"])
    return frozenset(keys)


@language_data
def _stand_in_links(lang: Language) -> dict[str, frozenset[tuple[str, ...]]]:
    """stand_ins.tsv: key -> the word sequences that join the people to their group (empty: none needed)."""
    return {row["key"]: frozenset(tuple(f.split()) for f in row.forms("links"))
            for row in lang.table("stand_ins.tsv", ("key",))}
