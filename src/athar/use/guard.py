"""What one query may be, checked before any engine sees it: its length, its nesting (Oxigraph's
parser recurses, and a query 3,000 braces deep overflows its stack), NUL characters, and the
endpoints its SERVICE calls may reach. The command line and the endpoint both call it.
"""

from __future__ import annotations

import re

from athar.errors import QueryError

MAX_QUERY_CHARS = 1_000_000
MAX_QUERY_DEPTH = 200

# The parts of SPARQL text in which a bracket or a keyword is no bracket or keyword: comments,
# strings (long ones first), IRIs; then the brackets, and SERVICE with what it names.
_LEXEME = re.compile(r"""
    (?P<skip> \#[^\n]*
            | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
            | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'
            | <[^<>"{}|^`\\\x00-\x20]*> )
  | (?P<open>[({\[]) | (?P<close>[)}\]])
  | (?<![\w:?$])(?P<service>SERVICE)\b(?:\s|\#[^\n]*)*(?:SILENT\b(?:\s|\#[^\n]*)*)?(?P<endpoint><[^<>\s]*>|[^\s{]*)
""", re.VERBOSE | re.IGNORECASE)


def check_query(sparql: str, *, allow_service: tuple[str, ...] = (), services: bool = True) -> None:
    """Refuse, before any engine sees it, a query too long, nested too deep, holding a NUL, or
    calling a SERVICE whose endpoint is not in ``allow_service`` (IRIs the user allows). With
    ``services`` False, SERVICE calls are left to the caller (the endpoint resolves prefixed
    names and BASE before it judges them)."""
    if len(sparql) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(sparql):,} characters; the limit is {MAX_QUERY_CHARS:,}")
    if "\x00" in sparql:
        raise QueryError(f"the query holds a NUL character at {_position(sparql, sparql.index(chr(0)))}; "
                         "it is binary, not SPARQL text")
    depth = 0
    for m in _LEXEME.finditer(sparql):
        if m.group("open"):
            depth += 1
            if depth > MAX_QUERY_DEPTH:
                raise QueryError(f"the query nests brackets more than {MAX_QUERY_DEPTH} deep (at "
                                 f"{_position(sparql, m.start())}); write it flatter")
        elif m.group("close"):
            depth = max(0, depth - 1)
        elif m.group("service") and services:
            endpoint = m.group("endpoint")
            if endpoint.startswith("<") and endpoint[1:-1] in allow_service:
                continue
            allowed = ", ".join(allow_service) or "none"
            raise QueryError(f"SERVICE {endpoint or '?'} at {_position(sparql, m.start('service'))} is not "
                             "allowed: a query reaches another endpoint only when it is written in full "
                             f"(<IRI>) and given with --allow-service (allowed: {allowed})")


def _position(text: str, at: int) -> str:
    line = text.count("\n", 0, at) + 1
    return f"line {line}, column {at - (text.rfind(chr(10), 0, at) + 1) + 1}"
