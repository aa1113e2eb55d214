"""Documents as files: a UTF-8 text with optional YAML front matter, read and checked.

A :class:`Document` is the article as the user gave it (its body, title, date of
publication, source); reading it refuses empty, binary and wrongly encoded input with
one line naming the file and the problem.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import yaml

from athar.errors import DocumentError

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_FRONT_KEYS = {"title", "published", "source", "language", "publisher"}


@dataclass(frozen=True)
class Document:
    """One article: its body and what its front matter says about it."""

    name: str
    body: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    language: str = "ar"
    publisher: str | None = None
    path: str | None = None
    # what tells this document from every other in a store: its path under the folder it was
    # found in, with that folder's name ("corpus/raqqa/report.txt"); the name when not given
    key: str | None = None

    @property
    def identity(self) -> str:
        return self.key or self.name

    @property
    def slug(self) -> str:
        """The identity as one IRI path segment, case and every character kept (percent-encoded),
        so that two identities never share a slug ("My Report.txt", "my-report.txt")."""
        return quote(self.identity, safe="-._~")


def read_document(path: str | Path, key: str | None = None) -> Document:
    """Read a UTF-8 text file with optional YAML front matter; ``key`` is its identity in a
    store (see :attr:`Document.key`)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError as e:
        raise DocumentError(f"{p}: no such file; give the path of a UTF-8 text file") from e
    except IsADirectoryError as e:
        raise DocumentError(f"{p}: is a directory, expected a text file") from e
    except OSError as e:
        raise DocumentError(f"{p}: cannot be read ({e.strerror or e})") from e
    return parse_document(decode_bytes(raw, str(p)), name=p.name, path=str(p), key=key)


def decode_bytes(raw: bytes, where: str) -> str:
    """Decode UTF-8 bytes, refusing empty, binary and wrongly encoded input."""
    if not raw.strip():
        raise DocumentError(f"{where}: the file is empty; nothing to read")
    if b"\x00" in raw[:8192]:
        raise DocumentError(f"{where}: looks like a binary file (NUL bytes); give a UTF-8 text file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DocumentError(
            f"{where}:{line}: not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); "
            "re-save the file as UTF-8 (e.g. iconv -f WINDOWS-1256 -t UTF-8)"
        ) from e
    controls = sum(1 for ch in text[:4096] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    if controls > 8:
        raise DocumentError(f"{where}: contains {controls} control characters; looks binary, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_document(raw: str, name: str, path: str | None = None, key: str | None = None) -> Document:
    """Split front matter from the body and validate it."""
    where = path or name
    meta: dict = {}
    body = raw
    if raw.startswith("---\n"):
        end = raw.find("\n---", 4)
        if end < 0:
            raise DocumentError(f"{where}:1: front matter opened with '---' is never closed")
        try:
            loaded = yaml.safe_load(raw[4:end])
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            raise DocumentError(f"{where}:{line}: malformed front matter ({getattr(e, 'problem', e)})") from e
        if loaded is not None and not isinstance(loaded, dict):
            raise DocumentError(f"{where}:2: front matter must be a mapping of key: value lines")
        meta = loaded or {}
        after = raw.find("\n", end + 1)
        body = raw[after + 1:] if after >= 0 else ""
    unknown = set(meta) - _FRONT_KEYS
    if unknown:
        raise DocumentError(
            f"{where}: unknown front matter key(s) {sorted(unknown)}; allowed: {sorted(_FRONT_KEYS)}"
        )
    published = meta.get("published")
    if published is not None:
        published = str(published)
        if not _DATE_RE.match(published):
            raise DocumentError(f"{where}: 'published: {published}' must be YYYY, YYYY-MM or YYYY-MM-DD")
    if not body.strip():
        raise DocumentError(f"{where}: the document has no text after its front matter")
    return Document(
        name=name,
        body=body,
        title=_opt_str(meta.get("title")),
        published=published,
        source=_opt_str(meta.get("source")),
        language=str(meta.get("language") or "ar"),
        publisher=_opt_str(meta.get("publisher")),
        path=path,
        key=key,
    )


def _opt_str(value) -> str | None:
    return None if value is None else str(value)
