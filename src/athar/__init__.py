"""athar (أثر, "trace"): Arabic news on conflict and recovery as a linked knowledge graph.

The pipeline runs one way: text -> mentions -> facts -> rdf -> store -> query / viz.
"""

from athar.errors import AtharError
from athar.read.facts import Evidence, Fact, extract_facts
from athar.graph.ingest import build
from athar.read.mentions import Mention, extract_mentions
from athar.graph.rdf import build_graph
from athar.graph.store import Store
from athar.read.text import Document, parse_document, read_document

__all__ = [
    "AtharError",
    "Document",
    "Evidence",
    "Fact",
    "Mention",
    "Store",
    "build",
    "build_graph",
    "extract_facts",
    "extract_mentions",
    "parse_document",
    "read_document",
]
__version__ = "0.1.0"
