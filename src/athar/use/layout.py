"""Where each node of a view goes: a layout computed in Python, so that the page opens still.

vis-network's physics lays a graph out in the browser, which freezes the page for
seconds at a few hundred nodes and for minutes at a few thousand. ``place_nodes``
computes the positions once, here, and the page draws them with physics off:

- each connected component is laid out on its own and the components are packed in
  rows, largest first, so that a small story is not lost in the middle of a big one;
- a component of up to ``SPRING_LIMIT`` nodes gets networkx's spring layout (seeded:
  the same graph gives the same picture);
- a larger one gets the spring layout of its ``SPRING_LIMIT`` best-linked nodes (its
  backbone: the hubs, usually places and actors), and every other node is set on a
  sunflower spiral around its best-linked neighbour already placed, outward in
  breadth-first order. This costs time in proportion to the nodes and edges, where a
  force layout of the whole component costs the square of the nodes at each step.

Distances are in the page's pixels at zoom 1, wide enough for a label under each node.
"""

from __future__ import annotations

import math

import networkx as nx

SPRING_LIMIT = 300
_GAP = 150.0  # pixels between neighbours, about a label's width
_GOLDEN = math.pi * (3 - math.sqrt(5))

__all__ = ["SPRING_LIMIT", "place_nodes"]


def place_nodes(G: nx.Graph, seed: int = 7) -> dict:
    """Node -> (x, y) for every node of ``G`` (directions and parallel edges are ignored)."""
    U = nx.Graph()
    U.add_nodes_from(G.nodes)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    components = sorted(
        (sorted(c, key=str) for c in nx.connected_components(U)), key=lambda c: (-len(c), str(c[0]))
    )
    placed = [_component(U.subgraph(c).copy() if len(c) > 2 else U.subgraph(c), seed) for c in components]
    return _pack(placed)


def _component(C: nx.Graph, seed: int) -> dict:
    n = len(C)
    if n == 1:
        return {next(iter(C)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(C, key=str)
        # not quite level: vis-network draws the label of an exactly horizontal edge astray
        return {a: (-_GAP / 2, -_GAP / 10), b: (_GAP / 2, _GAP / 10)}
    if n <= SPRING_LIMIT:
        return _spring(C, seed, _GAP * math.sqrt(n) * 0.45)
    order = sorted(C, key=lambda v: (-C.degree(v), str(v)))
    backbone = order[:SPRING_LIMIT]
    pos = _spring(C.subgraph(backbone), seed, _GAP * math.sqrt(n) * 0.3)
    children: dict = {}
    frontier = list(backbone)
    while frontier:
        nxt = []
        for parent in frontier:
            for v in sorted(C[parent], key=lambda v: (-C.degree(v), str(v))):
                if v in pos:
                    continue
                k = children.get(parent, 0)
                children[parent] = k + 1
                r = _GAP * 0.4 * math.sqrt(k + 1)
                px, py = pos[parent]
                pos[v] = (px + r * math.cos(k * _GOLDEN), py + r * math.sin(k * _GOLDEN))
                nxt.append(v)
        frontier = nxt
    return pos


def _spring(C: nx.Graph, seed: int, radius: float) -> dict:
    k = 2.5 / math.sqrt(max(len(C), 1))
    # each step costs the square of the nodes: fewer steps for a big backbone (it settles sooner)
    raw = nx.spring_layout(C, seed=seed, k=k, iterations=80 if len(C) <= 150 else 50)
    return {v: (float(x) * radius, float(y) * radius) for v, (x, y) in raw.items()}


def _pack(components: list[dict]) -> dict:
    """Shelf packing: components left to right in rows about as wide as the first is tall."""
    out: dict = {}
    boxes = []
    for pos in components:
        xs = [x for x, _ in pos.values()]
        ys = [y for _, y in pos.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + _GAP, max(ys) - min(ys) + _GAP))
    total = sum(w * h for *_, w, h in boxes)
    row_width = max(math.sqrt(total) * 1.3, boxes[0][2] if boxes else 0)
    x = y = row_height = 0.0
    for pos, (x0, y0, w, h) in zip(components, boxes):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for v, (px, py) in pos.items():
            out[v] = (round(px - x0 + x, 1), round(py - y0 + y, 1))
        x += w
        row_height = max(row_height, h)
    return out
