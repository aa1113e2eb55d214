"""Frames: what kind of news a sentence or a document is, told by its words, and whether
the context of a conflict trigger confirms it.

A trigger word of a conflict event is a hypothesis: "معركة" between two companies,
"انسحاب" of a team from a league, "تحرير سعر الصرف", "قضى الوفد يومين" report no war.
``lang/ar/frames.tsv`` lists the words of each frame (conflict, sports, economy,
politics, ...) and sense rules (a trigger with certain words beside it means something
else). :func:`frame_words` finds a text's frame words once; :func:`confirms` says whether
the context of one trigger confirms its conflict event:

- a sense rule of the trigger denies it ("رئيس التحرير", "قتل الوقت");
- the other frames' words in its sentence outnumbering its conflict words and armed
  actors deny it ("انسحاب الفريق من الدوري");
- otherwise it is confirmed by an armed actor (an entity of an armed type, or a person
  with a military title) in a role or in the sentence, a place in its place, origin,
  destination or target, a country as its agent, or a conflict word in the sentence or
  anywhere in the document.

A conflict word that is also a trigger ("قصف", "عبوة ناسفة") confirms its own event: the
table lists only words that tell the frame by themselves.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from athar.errors import LexiconError
from athar.read.lexicon import check_number
from athar.read.memo import of_mentions
from athar.read.mentions import Mention, is_a
from athar.read.morphology import lemmas
from athar.read.phrases import PhraseMatcher
from athar.read.rules import trigger_forms
from athar.read.text import Doc
from athar.read.language import Language, language_data

TABLE = "frames.tsv"
CONFLICT = "conflict"
# The events a conflict frame must confirm: the classes that name violence, control of
# ground and what follows from them. The others (Reconstruction, Funding, Meeting ...)
# are read in any news.
CONFLICT_EVENTS = frozenset({
    "Liberation", "TerritorialControl", "Battle", "Attack", "Killing", "Arrest", "Abduction", "Destruction",
    "MilitaryOperation", "Demining", "Displacement", "Return", "Departure", "Escape", "Dispersal",
    "Redeployment", "Withdrawal", "Handover", "Training"})
# A person whose title says so is an armed actor (titles.tsv, role "commander").
ARMED_TITLE = "commander"

_PLACE_ROLES = frozenset({"place", "origin", "destination", "target"})
_FRAME_NAME = re.compile(r"[a-z_]+")


@dataclass(frozen=True)
class Sense:
    """A sense rule: the trigger words it is about, the words that, within ``window`` words
    of them (after when positive, before when negative), give them another sense."""

    frame: str
    window: int
    where: str


@dataclass(frozen=True)
class FrameTable:
    words: PhraseMatcher  # frame word -> its frame
    senses: PhraseMatcher  # trigger word -> the sense rules about it
    context: PhraseMatcher  # context word -> the sense rules it serves


@language_data
def frame_table(lang: Language) -> FrameTable:
    words: list[tuple[str, str]] = []
    senses: dict[str, list[Sense]] = {}
    context: dict[str, set[Sense]] = {}
    known = trigger_forms(lang)
    inflected = _lemma_forms(lang)
    for row in lang.table(TABLE, ("frame", "forms")):
        frame = row["frame"]
        if not _FRAME_NAME.fullmatch(frame):
            raise row.fail(f"'frame' is '{frame}', expected a lowercase name (conflict, sports, ...)")
        forms = row.forms("forms")
        triggers = row.forms("triggers")
        for lemma in row.forms("lemmas"):
            if lemma not in inflected:
                raise row.fail(f"lemma '{lemma}' is no lemma of lemmas.tsv")
            triggers = list(dict.fromkeys([*triggers, *(f for f in inflected[lemma] if f in known)]))
        if not triggers:
            if row.get("window"):
                raise row.fail("'window' is given without 'triggers': a frame row has no window")
            words += [(f, frame) for f in forms]
            continue
        if frame == CONFLICT:
            raise row.fail("a sense rule names another sense than 'conflict'")
        if not row.get("window"):
            raise row.fail("a sense rule (with 'triggers') needs a 'window' (+N words after, -N before)")
        window = int(check_number(row, "window", int))
        if window == 0:
            raise row.fail("'window' is 0: +N looks N words after the trigger, -N before it")
        unknown = [t for t in triggers if t not in known]
        if unknown:
            raise row.fail(f"trigger(s) {unknown} are no trigger of events.tsv")
        sense = Sense(frame, window, row.where())
        for t in triggers:
            senses.setdefault(t, []).append(sense)
        for f in forms:
            context.setdefault(f, set()).add(sense)
    if not any(frame == CONFLICT for _, frame in words):
        raise LexiconError(f"{TABLE}: no row gives the frame '{CONFLICT}'")
    return FrameTable(PhraseMatcher(lang, words, enclitics=True),
                      PhraseMatcher(lang, [(t, tuple(s)) for t, s in senses.items()], enclitics=True),
                      PhraseMatcher(lang, [(f, frozenset(s)) for f, s in context.items()], enclitics=True))


def _lemma_forms(lang: Language) -> dict[str, tuple[str, ...]]:
    """Each verb lemma of lemmas.tsv (normalized) -> every trigger form it generates: a sense
    rule may name the lemma ("حاصر") for all its forms ("حاصرت", "تحاصر", "محاصرة" ...)."""
    out: dict[str, tuple[str, ...]] = {}
    for entry in lemmas(lang):
        i = entry.inflection
        out[entry.lemma] = out.get(entry.lemma, ()) + tuple(
            f for f in i.verb + i.passive + i.nouns + i.participles if f not in entry.excluded)
    return out


@dataclass
class Frames:
    """The frame words of one text: where each is (token range) and its frame, by sentence,
    and the count of each frame in the whole text."""

    by_sentence: dict[int, list[tuple[int, int, str]]]
    totals: Counter

    def counts(self, sentence: int) -> Counter:
        """The frames' words in a sentence."""
        return Counter(f for s, e, f in self.by_sentence.get(sentence, ()))

    def conflict_in_document(self) -> int:
        return self.totals[CONFLICT]


def frame_words(doc: Doc) -> Frames:
    """Every frame word of the text, found once."""
    matcher = frame_table(doc.language).words
    tokens = doc.tokens
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    totals: Counter = Counter()
    i = 0
    for k in matcher.starts.indices(doc.texts):
        if k < i:
            continue
        hit = matcher.match_at(tokens, k)
        if hit is None:
            continue
        _, end, frame, _ = hit
        found = by_sentence.setdefault(tokens[k].sentence, [])
        if found and found[-1][1] == k and found[-1][2] == frame:
            found[-1] = (found[-1][0], end, frame)  # "وباء كورونا": words of one frame in a row name one thing
        else:
            found.append((k, end, frame))
            totals[frame] += 1
        i = end
    return Frames(by_sentence, totals)


def other_sense(doc: Doc, first: int, last: int, gaps: list[tuple[int, int]] = ()) -> str | None:
    """The sense the words around the trigger at tokens ``first:last`` give it, when a
    sense rule of frames.tsv says they give it one ("رئيس التحرير": editing); ``gaps``: the
    words inside the trigger that are not its own ("أطلق الضيوف النار")."""
    table = frame_table(doc.language)
    tokens = doc.tokens
    hit = table.senses.match_at(tokens, first)
    for _, end in gaps:
        hit = table.senses.match_split(tokens, first, end) or hit
    if hit is None:
        return None
    sentence = tokens[first].sentence
    for sense in hit[2]:
        if sense.window > 0:
            span = range(last, min(len(tokens), last + sense.window))
        else:
            span = range(max(0, first + sense.window), first)
        for j in span:
            if tokens[j].sentence != sentence or not table.context.starts(doc.texts[j]):
                continue
            near = table.context.match_at(tokens, j)
            if near is not None and sense in near[2]:
                return sense.frame
    return None


def armed(m: Mention) -> bool:
    """An armed actor: an entity of an armed type, or a person with a military title."""
    return is_a(m.type, "Armed") or (m.type == "Person" and m.role_of.split(":", 1)[0] == ARMED_TITLE)


def confirms(doc: Doc, frames: Frames, first: int, last: int, roles, in_sentence: list[Mention],
             gaps: list[tuple[int, int]] = ()) -> bool:
    """Whether the context of the conflict trigger at tokens ``first:last`` confirms its event:
    no sense rule gives the trigger another sense, the other frames' words do not outnumber
    the conflict words and armed actors of its sentence, and an armed actor (in ``roles`` or
    among the sentence's mentions ``in_sentence``), a place or a country in a role, or a
    conflict word (in the sentence or the document) is there."""
    if other_sense(doc, first, last, gaps) is not None:
        return False
    sentence = doc.tokens[first].sentence

    def armed_actor(m: Mention) -> bool:
        return armed(m) and not any(s <= m.first_token and m.last_token <= e for s, e in named)

    def in_sentence_counts() -> tuple[list[tuple[int, int]], int, int]:
        counts = frames.counts(sentence)
        conflict = counts.pop(CONFLICT, 0) + sum(1 for m in in_sentence if armed_actor(m))
        return named, conflict, sum(counts.values())

    # "عضو مجلس النواب": words of another frame name the entity, whatever cue typed it
    # (the cue "مجلس X" makes a military council)
    named = [(s, e) for s, e, f in frames.by_sentence.get(sentence, ()) if f != CONFLICT]
    # the same for every trigger of the sentence: counted once (athar.read.memo)
    named, conflict, others = of_mentions(doc, ("frame counts", id(frames), sentence), in_sentence, in_sentence_counts)
    if others > conflict:
        return False
    return bool(conflict or any(armed_actor(m) or (r in _PLACE_ROLES and is_a(m.type, "Place"))
                                   or (r == "agent" and m.type == "Country") for r, m in roles)
                or frames.conflict_in_document())
