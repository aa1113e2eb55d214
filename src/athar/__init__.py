"""athar (أثر, "trace"): Arabic news on conflict and recovery as a linked knowledge graph.

Three rooms, data flowing one way::

    read/   text -> Doc (normalized, offsets) -> components add layers: mentions, dates,
            amounts, triggers, facts, relations; lang/ar/ holds the Arabic data
    graph/  terms (from the ontology) -> RDF -> store, ingest, reasoning, validation
    use/    query, output, views, analytics, exports

The public API::

    doc = athar.read("حررت القوات العراقية مدينة الفلوجة ...", published="2016-06-26")
    doc.facts                      # events and relations, each with its evidence
    with athar.Store("athar-store") as store:
        store.build(["data/corpus"])
        store.query("liberations")  # rows of plain Python values

``athar.read`` is the function; the subpackage of the same name is imported by its full
module names (``from athar.read.text import normalize``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from athar.errors import AtharError
from athar.read.language import Language
from athar.read.mentions import Mention
from athar.read.pipeline import Component, Pipeline, extract_facts
from athar.read.pipeline import read as _read
from athar.read.source import Document, parse_document, read_document
from athar.read.text import Doc, Span
from athar.read.values import Evidence, Fact

if TYPE_CHECKING:
    from athar.graph.ingest import BuildReport
    from athar.use.api import Store

read = _read

# The graph and the store (rdflib, pyoxigraph) are imported when first asked for: reading a
# text needs neither, and importing them cost five times what the reading's own modules do
# (0.5 s of a cold start) and left 60,000 more objects for every full collection to scan.
_LAZY = {"BuildReport": "athar.graph.ingest", "Store": "athar.use.api"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'athar' has no attribute {name!r}")

__all__ = [
    "AtharError",
    "BuildReport",
    "Component",
    "Doc",
    "Document",
    "Evidence",
    "Fact",
    "Language",
    "Mention",
    "Pipeline",
    "Span",
    "Store",
    "extract_facts",
    "parse_document",
    "read",
    "read_document",
]
__version__ = "0.1.0"
