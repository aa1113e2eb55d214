"""Documents as files: a UTF-8 text with optional YAML front matter, read and checked.

A :class:`Document` is the article as the user gave it (its body, title, date of
publication, source); reading it refuses empty, binary and wrongly encoded input with
one line naming the file and the problem.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from dataclasses import dataclass
from datetime import date
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


# What athar reads, at most: a news article is a few tens of KB; these bound what a wrong path
# (a log, a dump, a device) can cost before it is refused.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FRONT_MATTER_CHARS = 64 * 1024
_BOM = "\ufeff"
_TATWEEL = "\u0640"  # a letter to Python (Lm), a stretch of the line to a reader
_HTML_RE = re.compile(r"\s*<(?:!doctype\s+html|html|head|body|\?xml)\b", re.IGNORECASE)
_URL_FORBIDDEN = re.compile(r'[\s<>"{}|^`\\]')
# Files of other formats saved under a text file's name, known by their first bytes.
_SIGNATURES = (
    (b"%PDF-", "a PDF document; extract its text as UTF-8 (e.g. pdftotext -enc UTF-8 file.pdf)"),
    (b"{\\rtf", "an RTF document (WordPad, TextEdit); save the article as plain text in UTF-8"),
    (b"PK\x03\x04", "a ZIP archive (a .docx or .odt document is one); save the article as plain text in UTF-8"),
)


def read_document(path: str | Path, key: str | None = None) -> Document:
    """Read a UTF-8 text file with optional YAML front matter; ``key`` is its identity in a
    store (see :attr:`Document.key`). Only a regular file of at most MAX_FILE_BYTES is read:
    a FIFO, a device or a directory is refused before a byte is read."""
    p = Path(path)
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(f"{p}: is a directory, expected a text file")
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(f"{p}: is not a regular file ({_kind(info.st_mode)}); give a UTF-8 text file")
        if info.st_size > MAX_FILE_BYTES:
            raise DocumentError(f"{p}: is {info.st_size:,} bytes, over the limit of {MAX_FILE_BYTES:,} "
                                "bytes for one document; split it into articles")
        with p.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as e:
        raise DocumentError(f"{p}: no such file; give the path of a UTF-8 text file") from e
    except OSError as e:
        raise DocumentError(f"{p}: cannot be read ({e.strerror or e})") from e
    if len(raw) > MAX_FILE_BYTES:  # it grew while being read
        raise DocumentError(f"{p}: is over the limit of {MAX_FILE_BYTES:,} bytes for one document")
    return parse_document(decode_bytes(raw, str(p)), name=p.name, path=str(p), key=key)


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "not a plain file"


def decode_bytes(raw: bytes, where: str) -> str:
    """Decode UTF-8 bytes, refusing empty, binary and wrongly encoded input. The text is kept
    as it is on disk (line ends included), but for the byte order marks that open it, so that
    offsets into the body are offsets into the file."""
    if not raw.strip():
        raise DocumentError(f"{where}: the file is empty; nothing to read")
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:8]
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            raise DocumentError(f"{where}: is {kind}")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(f"{where}: is UTF-16 text; re-save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)")
    nul = raw.find(b"\x00")
    if 0 <= nul < 8192:
        raise DocumentError(f"{where}: looks like a binary file (NUL bytes); give a UTF-8 text file")
    if nul >= 0:
        line = raw[:nul].count(b"\n") + 1
        raise DocumentError(f"{where}:{line}: a NUL byte at offset {nul}; a text file has none "
                            "(a binary file, or text cut and joined with another)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DocumentError(
            f"{where}:{line}: not valid UTF-8 (byte 0x{raw[e.start]:02x} at offset {e.start}); "
            "re-save the file as UTF-8 (e.g. iconv -f WINDOWS-1256 -t UTF-8)"
        ) from e
    text = text.lstrip(_BOM)  # one byte order mark, or two (a file saved twice by a BOM-writing editor)
    controls = sum(1 for ch in text[:4096] if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    if controls > 8:
        raise DocumentError(f"{where}: contains {controls} control characters; looks binary, not text")
    return text


def parse_document(raw: str, name: str, path: str | None = None, key: str | None = None) -> Document:
    """Split front matter from the body and validate it. The body is the rest of the text as it
    is, "\r\n" line ends kept."""
    where = path or name
    meta: dict = {}
    body = raw
    opening = "---\r\n" if raw.startswith("---\r\n") else "---\n" if raw.startswith("---\n") else None
    if opening:
        end = raw.find("\n---", len(opening) - 1, MAX_FRONT_MATTER_CHARS + 8)
        if end < 0:
            if len(raw) > MAX_FRONT_MATTER_CHARS:
                raise DocumentError(f"{where}:1: front matter is not closed within its limit of "
                                    f"{MAX_FRONT_MATTER_CHARS // 1024} KB; it holds a few key: value lines")
            raise DocumentError(f"{where}:1: front matter opened with '---' is never closed")
        meta = _load_front_matter(raw[len(opening):end], where)
        after = raw.find("\n", end + 1)
        body = raw[after + 1:] if after >= 0 else ""
    unknown = set(meta) - _FRONT_KEYS
    if unknown:
        raise DocumentError(
            f"{where}: unknown front matter key(s) {sorted(map(str, unknown))}; allowed: {sorted(_FRONT_KEYS)}"
        )
    for k, v in meta.items():
        if isinstance(v, (list, dict, set, tuple)):
            raise DocumentError(f"{where}: '{k}' must be a string, not a {'list' if isinstance(v, list) else 'mapping'}")
    published = meta.get("published")
    if published is not None:
        published = str(published)
        if not _DATE_RE.match(published):
            raise DocumentError(f"{where}: 'published: {published}' must be YYYY, YYYY-MM or YYYY-MM-DD")
        try:
            date.fromisoformat(published + "-01" * (2 - published.count("-")))
        except ValueError as e:
            raise DocumentError(f"{where}: 'published: {published}' is no date of the calendar ({e})") from e
    source = _opt_str(meta.get("source"))
    if source is not None:
        _check_source(source, where)
    if _HTML_RE.match(body):
        raise DocumentError(f"{where}: is an HTML or XML page, not the text of an article; save the article's text "
                            "as a .txt file (e.g. a browser's reader view, or html2text)")
    if not body.strip():
        raise DocumentError(f"{where}: the document has no text after its front matter")
    if not any(ch.isalnum() and ch != _TATWEEL for ch in body):
        raise DocumentError(f"{where}: has no letter or digit (only marks, tatweel, punctuation or spaces); "
                            "nothing to read")
    return Document(
        name=name,
        body=body,
        title=_opt_str(meta.get("title")),
        published=published,
        source=source,
        language=str(meta.get("language") or "ar"),
        publisher=_opt_str(meta.get("publisher")),
        path=path,
        key=key,
    )


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases and anchors (so no alias bomb), and without dates read
    as dates: ``published`` stays the text it is and athar checks it."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(None, None, "anchors and aliases (&name, *name) are not "
                                              "allowed in front matter", event.start_mark)
        return super().compose_node(parent, index)


def _load_front_matter(text: str, where: str) -> dict:
    try:
        loaded = yaml.load(text, Loader=_FrontMatterLoader)  # noqa: S506 (a safe loader, aliases refused)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise DocumentError(f"{where}:{line}: malformed front matter ({getattr(e, 'problem', None) or e})") from e
    if loaded is not None and not isinstance(loaded, dict):
        raise DocumentError(f"{where}:2: front matter must be a mapping of key: value lines")
    return loaded or {}


def _check_source(source: str, where: str) -> None:
    """A source is a URL (an IRI in the graph) or a plain reference; neither holds control
    characters, and a URL holds none of the characters an IRI cannot."""
    bad = next((ch for ch in source if unicodedata.category(ch) == "Cc"), None)
    if bad is not None:
        raise DocumentError(f"{where}: 'source' contains the control character U+{ord(bad):04X}; "
                            "give the article's URL")
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", source):
        found = _URL_FORBIDDEN.search(source)
        if found:
            raise DocumentError(f"{where}: 'source' is not a valid URL: {found.group()!r} at position "
                                f"{found.start() + 1}; percent-encode it ({quote(found.group())})")


def _opt_str(value) -> str | None:
    return None if value is None else str(value)
