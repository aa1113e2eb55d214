"""Reports kept on disk by the digest of the store's content, so that asking again is instant.

``athar stats`` on 10,000 documents reads 200,000 rows and measures a graph of 23,000 nodes:
seconds each time, for a report that changes only when the store does. :func:`kept` answers
from ``<cache>/stats/<key>.json`` when the key is the same, else computes the report and keeps it.

The key is a digest of:

- each named graph of the store (the ``--reason`` graph, the links, a graph written by hand
  included): a document graph by its ``athar:contentHash`` and ``athar:extractedBy`` (what the
  incremental build and ``athar validate`` already trust: the same text read by the same reader),
  a derived graph that records the digest of its sources (entities, summary) by that, and any
  other graph by its number of triples;
- the question's parameters (``--events``, ``--top``, ``--samples``);
- the text of the modules that compute the report, so that a new version of athar computes again.

A graph edited in place (with SPARQL Update, say) without its content hash or its size changing
is not seen: give ``--no-cache`` then. The folder is ``$ATHAR_CACHE/stats``, else
``$XDG_CACHE_HOME/athar/stats``, else ``~/.cache/athar/stats``; the newest ``KEEP`` reports stay.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path

from athar.graph.terms import ATHAR

log = logging.getLogger(__name__)

KEEP = 32  # reports kept; older ones are removed when a new one is written
_MODULES = ("analytics.py", "projection.py", "network.py", "cache.py")


def default_cache_dir() -> Path:
    """``$ATHAR_CACHE/stats``, else ``$XDG_CACHE_HOME/athar/stats``, else ``~/.cache/athar/stats``."""
    if os.environ.get("ATHAR_CACHE"):
        return Path(os.environ["ATHAR_CACHE"]) / "stats"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "athar" / "stats"


def store_digest(store) -> str:
    """A digest of the store's content as :mod:`athar.use.cache` describes it: index look-ups and
    a count of each graph that records no hash, not a scan of the store."""
    hashes = {r["g"].value: f'{r["h"].value} {r["d"].value if r["d"] is not None else ""}' for r in store.query(
        f"SELECT ?g ?h ?d WHERE {{ GRAPH ?g {{ ?g <{ATHAR.contentHash}> ?h "
        f"OPTIONAL {{ ?g <{ATHAR.extractedBy}> ?d }} }} }}")}
    lines = []
    for g in store.graphs():
        if g not in hashes:
            n = next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}")))["n"]
            hashes[g] = f"#{n.value}"
        lines.append(f"{g} {hashes[g]}")
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def kept(store, name: str, params: dict, compute: Callable[[], dict], directory: Path | None = None) -> dict:
    """The report ``compute()`` gives for ``store``, from the cache when the store's content, the
    parameters and athar's code are those it was computed for; else computed and kept."""
    folder = (directory or default_cache_dir())
    here = Path(__file__).parent
    code = hashlib.sha256(b"".join((here / m).read_bytes() for m in _MODULES)).hexdigest()
    key = hashlib.sha256(json.dumps([name, store_digest(store), params, code], sort_keys=True).encode()).hexdigest()
    path = folder / f"{key}.json"
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        log.info("%s: the report kept in %s (the store has not changed)", name, path)
        return report
    except (OSError, ValueError):
        pass
    report = compute()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(f".{os.getpid()}.part")
        part.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
        part.replace(path)
        for old in sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as e:  # a cache that cannot be written costs the next run its time, nothing else
        log.warning("%s: the report was not kept in %s (%s)", name, folder, e.strerror or e)
    return report


__all__ = ["KEEP", "default_cache_dir", "kept", "store_digest"]
