"""The ``src/`` of another commit of this repository, for a benchmark that runs it beside this checkout."""

from __future__ import annotations

import subprocess
import tarfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def baseline_src(rev: str, into: Path) -> Path:
    """The ``src/`` folder of commit ``rev``, unpacked from ``git archive`` into ``into`` with the
    folders its package data links to (the saved queries, the ontology)."""
    data = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src", "ontology", "queries"],
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"
