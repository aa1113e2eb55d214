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

from athar.errors import AtharError
from athar.graph.ingest import BuildReport
from athar.read.language import Language
from athar.read.mentions import Mention
from athar.read.pipeline import Component, Pipeline, extract_facts
from athar.read.pipeline import read as _read
from athar.read.source import Document, parse_document, read_document
from athar.read.text import Doc, Span
from athar.read.values import Evidence, Fact
from athar.use.api import Store

read = _read

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
