"""The projected graph as GraphML or GEXF, the files Gephi (and networkx, yEd, Cytoscape) open.

    athar export -f graphml -o athar.graphml            # events as edges between their participants
    athar export -f gexf --events nodes -o athar.gexf   # events as nodes

Each node carries ``label`` (Arabic, else English: what Gephi shows), ``label_ar``,
``label_en``, ``cls`` (its most specific athar class), ``kind`` (entity or event) and
``iri``; an event node also its ``date``. Each edge carries ``label`` (the event's
class, the role or the relation), ``kind``, ``role`` and the fact it comes from
(``source``) with the words that state it (``evidence``, ``sentence``, ``document``,
and the offsets ``begin_offset`` and ``end_offset``: GEXF keeps "end" for time), one
edge per span of evidence. Both formats take only text, numbers and booleans: an
attribute without a value is left out.
"""

from __future__ import annotations

import networkx as nx

from athar.errors import QueryError
from athar.use.network import EVENTS_AS, read_evidence, read_network

FORMATS = ("graphml", "gexf")


def export_network(store, fmt: str, events: str = "edges", graphs: list[str] | None = None) -> str:
    """The graph of ``store`` (events as ``"edges"`` or ``"nodes"``) as GraphML or GEXF text."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown graph format '{fmt}'; use {' or '.join(FORMATS)}")
    if events not in EVENTS_AS:
        raise QueryError(f"events are drawn as {' or '.join(EVENTS_AS)}, not {events!r}")
    net = read_network(store, graphs=graphs)
    return network_text(net.graph(events, evidence=read_evidence(store)), fmt)


def network_text(G: nx.MultiDiGraph, fmt: str) -> str:
    """``G`` as GraphML or GEXF, its attributes kept where they have a value."""
    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        attrs = _plain(d)
        attrs["label"] = d.get("label_ar") or d.get("label_en") or n
        H.add_node(n, **attrs)
    for u, v, key, d in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=key, **_plain(d), label=d.get("cls") or d.get("role") or "")
    lines = nx.generate_graphml(H) if fmt == "graphml" else nx.generate_gexf(H)
    return "\n".join(lines) + "\n"


def _plain(d: dict) -> dict:
    return {_RENAMED.get(k, k): v for k, v in d.items()
            if isinstance(v, (str, int, float, bool)) and not k.startswith("_")}


_RENAMED = {"begin": "begin_offset", "end": "end_offset"}
