"""The pipeline: a list of components that each read the layers of a :class:`Doc` before
them and set their own.

::

    text -> Language.make_doc -> mentions -> dates -> amounts -> currencies -> triggers
         -> events -> aims -> repetitions -> relations -> Doc (every layer set, facts in text order)

A component is a name, the layers it reads, the layers it writes and a function of the
Doc. A user inspects the list (``pipeline.names``), adds a component of their own before
or after another, replaces one (a morphological analyser for the mentions, a reader of
new relations) or removes one; the pipeline checks that every layer a component reads
is written by a component before it::

    pipeline = Pipeline()
    pipeline.add(Component("casualties", reads=("facts",), writes=(), run=count_the_dead),
                 after="relations")
    doc = pipeline("قتل 12 مدنياً في قصف على ريف إدلب", published="2019-05-01")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from athar.errors import PipelineError
from athar.read.accord import accord_statements
from athar.read.aim import drop_aims
from athar.read.amounts import extract_amounts
from athar.read.continuation import continued_statements
from athar.read.dates import extract_dates
from athar.read.facts import extract_events, extract_triggers, outside_currencies
from athar.read.function_words import line_joins
from athar.read.language import Language, arabic
from athar.read.mentions import extract_mentions
from athar.read.relations import extract_relations
from athar.read.repetition import drop_headline_repeats, drop_repetitions
from athar.read.sequence import sides_of_the_fight
from athar.read.source import Document
from athar.read.announcement import armed_announcements
from athar.read.statement import settle_statements
from athar.read.text import Doc
from athar.read.values import Fact

# The layers the text itself gives: a component may read them without a component before it.
_GIVEN = ("tokens", "sentences")


@dataclass(frozen=True)
class Component:
    """One step of the pipeline: ``run(doc)`` reads the layers ``reads`` and sets ``writes``."""

    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run: Callable[[Doc], None]


def _mentions(doc: Doc) -> None:
    doc.mentions = extract_mentions(doc)


def _dates(doc: Doc) -> None:
    doc.dates = extract_dates(doc, doc.published)


def _amounts(doc: Doc) -> None:
    doc.amounts = extract_amounts(doc, exclude=[(d.start, d.end) for d in doc.dates])


def _currencies(doc: Doc) -> None:
    doc.mentions = outside_currencies(doc.mentions, doc.amounts)


def _triggers(doc: Doc) -> None:
    doc.triggers = extract_triggers(doc)


def _events(doc: Doc) -> None:
    # an armed party's announcements first, so that "حسبما أعلنت X" finds its verb read as a statement
    # then a verb of saying that goes on with the speaker told last, whoever the settling found
    doc.facts = continued_statements(doc, accord_statements(doc, armed_announcements(
        doc, settle_statements(doc, sorted(extract_events(doc), key=_TEXT_ORDER)))))


def _aims(doc: Doc) -> None:
    doc.facts = drop_aims(doc, doc.facts or [])


def _repetitions(doc: Doc) -> None:
    # a battle's sides lent by the capture of its sentence once it is known to be news of its own
    doc.facts = sides_of_the_fight(drop_headline_repeats(doc, drop_repetitions(doc, doc.facts or [])))


def _relations(doc: Doc) -> None:
    doc.facts = sorted([*(doc.facts or ()), *extract_relations(doc, doc.mentions)], key=_TEXT_ORDER)


def _text_order(fact: Fact) -> tuple[int, int, str]:
    return fact.evidence.start, fact.evidence.end, fact.type


_TEXT_ORDER = _text_order


def default_components() -> list[Component]:
    """athar's components, in order."""
    return list(_DEFAULT_COMPONENTS)


# made once (a Component is frozen): athar.read() builds a Pipeline for every text it reads
_DEFAULT_COMPONENTS = (
    Component("mentions", (), ("mentions",), _mentions),
    Component("dates", (), ("dates",), _dates),
    Component("amounts", ("dates",), ("amounts",), _amounts),
    Component("currencies", ("mentions", "amounts"), ("mentions",), _currencies),
    Component("triggers", ("mentions", "amounts"), ("triggers",), _triggers),
    Component("events", ("mentions", "dates", "amounts", "triggers"), ("facts",), _events),
    Component("aims", ("triggers",), ("facts",), _aims),
    Component("repetitions", ("triggers",), ("facts",), _repetitions),
    Component("relations", ("mentions",), ("facts",), _relations),
)


class Pipeline:
    """A language and the components that read a text with it, in order."""

    def __init__(self, lang: Language | None = None, components: Iterable[Component] | None = None):
        self.lang = lang if lang is not None else arabic()
        if components is None:  # athar's own, checked once (below): read() makes one a text
            self.components = default_components()
        else:
            self.components = list(components)
            self._check()

    def __repr__(self) -> str:
        return f"Pipeline({self.lang!r}, {self.names})"

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def get(self, name: str) -> Component:
        return self.components[self._index(name)]

    def add(self, component: Component, *, before: str | None = None, after: str | None = None) -> None:
        """Add ``component`` at the end, or before or after the component named."""
        if before is not None and after is not None:
            raise PipelineError("give 'before' or 'after', not both")
        at = len(self.components)
        if before is not None:
            at = self._index(before)
        elif after is not None:
            at = self._index(after) + 1
        self._change(lambda cs: cs.insert(at, component))

    def replace(self, name: str, component: Component) -> None:
        at = self._index(name)
        self._change(lambda cs: cs.__setitem__(at, component))

    def remove(self, name: str) -> None:
        at = self._index(name)
        self._change(lambda cs: cs.pop(at))

    def __call__(self, text: str | Document, *, published: str | None = None) -> Doc:
        """Read ``text`` (or a :class:`Document` with its front matter) into a Doc."""
        meta = text if isinstance(text, Document) else Document(name="text", body=text, published=published)
        if published is not None and meta.published != published:
            raise PipelineError("'published' is given twice: by the Document and by the call")
        doc = self.lang.make_doc(meta.body, meta, line_joins(self.lang))
        for component in self.components:
            component.run(doc)
        return doc

    def _index(self, name: str) -> int:
        for k, c in enumerate(self.components):
            if c.name == name:
                return k
        raise PipelineError(f"no component '{name}'; the pipeline has {', '.join(self.names)}")

    def _change(self, edit: Callable[[list[Component]], object]) -> None:
        changed = list(self.components)
        edit(changed)
        self._check(changed)
        self.components = changed

    def _check(self, components: list[Component] | None = None) -> None:
        _check_components(components if components is not None else self.components)


def _check_components(components: Iterable[Component]) -> None:
    """Every name once; every layer read is written by an earlier component."""
    written = set(_GIVEN)
    seen: set[str] = set()
    for c in components:
        if c.name in seen:
            raise PipelineError(f"two components are named '{c.name}'")
        seen.add(c.name)
        unknown = [layer for layer in c.writes if layer not in Doc.LAYERS and layer not in _GIVEN]
        if unknown:
            raise PipelineError(f"component '{c.name}' writes {unknown}, which is no layer of a Doc "
                                f"({', '.join(Doc.LAYERS)}); keep your own data in doc.extensions")
        missing = [layer for layer in c.reads if layer not in written]
        if missing:
            raise PipelineError(f"component '{c.name}' reads {missing}, which no component before it writes")
        written.update(c.writes)


def read(text: str | Document, *, published: str | None = None, lang: Language | None = None) -> Doc:
    """Read one text with athar's pipeline: its Doc, with its facts (``doc.facts``) and every
    layer they were read from. ``published`` (YYYY, YYYY-MM or YYYY-MM-DD) anchors relative
    dates ("أمس", "الشهر الماضي")."""
    return Pipeline(lang)(text, published=published)


def extract_facts(document: Document, pipeline: Pipeline | None = None) -> list[Fact]:
    """The events and relations of one document, in text order."""
    return (pipeline or Pipeline())(document).facts


_check_components(_DEFAULT_COMPONENTS)  # athar's own, once
