"""The findings of the last validation, kept per document graph with that graph's digest.

A document graph records what it was drawn from: its ``athar:contentHash`` (the document's
text) and ``athar:extractedBy`` (the reader). Its findings depend on that and on the context
every graph is checked against: the compiled shapes (with the class hierarchy written into
them) and the gazetteer graph. ``athar validate`` keeps each checked graph's findings beside the
store, in ``validation.json`` in the store's folder, under that digest and that context; the next
validation re-checks only the graphs whose digest changed (a build that read a document again,
a new document) or that have none (the gazetteer, a graph loaded by hand), and takes the others'
findings from the ledger. A graph edited in place without its content hash changing is not seen:
``athar validate --all`` checks every graph. Any other context (new shapes, another gazetteer,
another version of this format) starts the ledger afresh.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import astuple
from pathlib import Path

log = logging.getLogger(__name__)

FORMAT = 1  # bump when what a finding holds, or how rows become findings, changes
FILE = "validation.json"


class Ledger:
    """Findings by graph IRI, each with the digest of the graph they were found in."""

    def __init__(self, path: Path | None, context: str, entries: dict | None = None) -> None:
        self.path, self.context = path, context
        self.entries: dict[str, dict] = entries or {}

    @classmethod
    def load(cls, folder: Path | None, context: str) -> Ledger:
        """The ledger of the store in ``folder``; an empty one when there is none, it cannot be
        read, or it was written for another context."""
        path = None if folder is None else Path(folder) / FILE
        if path is None or not path.is_file():
            return cls(path, context)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            log.warning("%s: cannot read the last validation (%s); checking every graph", path, e)
            return cls(path, context)
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("context") != context:
            log.info("%s: the shapes, gazetteer or format changed since the last validation; checking every graph",
                     path)
            return cls(path, context)
        return cls(path, context, data.get("graphs") or {})

    def unchanged(self, digests: dict[str, str]) -> set[str]:
        """The graphs whose digest is the one their findings were kept under."""
        return {g for g, d in digests.items() if d and self.entries.get(g, {}).get("digest") == d}

    def findings(self, graph: str) -> list[tuple]:
        """The kept findings of ``graph`` as tuples (graph, focus, severity, shape, message, path,
        value, sentence)."""
        return [(graph, *f) for f in self.entries.get(graph, {}).get("findings", [])]

    def record(self, digests: dict[str, str], checked: list[str], findings: list) -> None:
        """Keep the findings of the graphs just ``checked`` (those with a digest); forget graphs
        the store no longer holds (not in ``digests``)."""
        mine: dict[str, list] = {g: [] for g in checked}
        for f in findings:
            if f.graph in mine:
                mine[f.graph].append(list(astuple(f))[1:])
        for g in checked:
            if digests.get(g):
                self.entries[g] = {"digest": digests[g], "findings": mine[g]}
            else:
                self.entries.pop(g, None)
        for g in set(self.entries) - set(digests):
            del self.entries[g]

    def save(self) -> None:
        """Write the ledger (a new file moved into place); a store folder that cannot be written
        costs the next validation its shortcut, nothing else."""
        if self.path is None:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            tmp.write_text(json.dumps({"format": FORMAT, "context": self.context, "graphs": self.entries},
                                      ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as e:
            log.warning("%s: cannot keep the findings for the next validation (%s)", self.path, e)


def context_digest(*parts: str) -> str:
    """A digest of what every graph is checked against (the compiled queries, the gazetteer)."""
    h = hashlib.sha256(str(FORMAT).encode())
    for part in parts:
        h.update(b"\0" + part.encode())
    return h.hexdigest()
