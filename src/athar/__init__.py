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

import athar.read as _subpackage  # loaded first, so that importing its modules later leaves ``read`` below
from athar.errors import AtharError

if TYPE_CHECKING:
    from athar.graph.ingest import BuildReport
    from athar.read.language import Language
    from athar.read.mentions import Mention
    from athar.read.pipeline import Component, Pipeline, extract_facts, read
    from athar.read.source import Document, parse_document, read_document
    from athar.read.text import Doc, Span
    from athar.read.values import Evidence, Fact
    from athar.use.api import Store

del read, _subpackage  # ``athar.read`` is the function, found by __getattr__ (the subpackage is in sys.modules)

# The public names are imported when first asked for: a command that only queries the store
# needs neither the reading's modules (its rules, its tables: a third of a second of a cold
# start) nor the graph's and the store's (rdflib, pyoxigraph), and they leave tens of thousands
# of objects for every full collection to scan.
_LAZY = {"BuildReport": "athar.graph.ingest", "Component": "athar.read.pipeline", "Doc": "athar.read.text",
         "Document": "athar.read.source", "Evidence": "athar.read.values", "Fact": "athar.read.values",
         "Language": "athar.read.language", "Mention": "athar.read.mentions", "Pipeline": "athar.read.pipeline",
         "Span": "athar.read.text", "Store": "athar.use.api", "extract_facts": "athar.read.pipeline",
         "parse_document": "athar.read.source", "read": "athar.read.pipeline", "read_document": "athar.read.source"}


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
