"""Queries: saved SPARQL by name, results as table, CSV, TSV or JSON, and the
events table (one row per event or relation, like an ACLED export).
"""

from __future__ import annotations

import json
import multiprocessing
import re
import signal
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from athar.errors import QueryError, QueryNotFound, StoreError
from athar.graph.store import Store, Table
from athar.graph.terms import EVENT_ROLES, PREFIXES, sparql_prefixes
from athar.use.output import format_table  # noqa: F401  (re-exported: queries print through it)

# Package data (the top-level queries/ is its editable source, linked into the package).
QUERY_DIR = Path(str(resources.files("athar.use") / "queries"))


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path
    question_en: str
    question_ar: str
    text: str


def saved_queries(directory: Path = QUERY_DIR) -> list[SavedQuery]:
    return [load_query(p) for p in sorted(directory.glob("*.rq"))]


def load_query(path: Path) -> SavedQuery:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise QueryNotFound(f"{path}: cannot read the query file ({e.strerror or e})") from e
    if len(raw) > MAX_QUERY_CHARS * 4:
        raise QueryError(f"{path}: is {len(raw):,} bytes; a query holds at most {MAX_QUERY_CHARS:,} characters")
    if b"\x00" in raw:
        raise QueryError(f"{path}: is a binary file (NUL bytes), not SPARQL text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise QueryError(f"{path}: is not UTF-8 text (byte 0x{raw[e.start]:02x} at offset {e.start}); "
                         "a .rq file is SPARQL saved as UTF-8") from e
    comments = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
    en = next((c.partition(":")[2].strip() for c in comments if c.lower().startswith("question:")), "")
    ar = next((c.partition(":")[2].strip() for c in comments if c.startswith("السؤال")), "")
    return SavedQuery(path.stem, path, en, ar, text)


def resolve_query(name_or_path: str, directory: Path = QUERY_DIR) -> SavedQuery:
    """A saved query by name ("liberations"), or a .rq file by path."""
    p = Path(name_or_path)
    if p.suffix == ".rq" and p.exists():
        return load_query(p)
    candidate = directory / f"{name_or_path}.rq"
    if candidate.exists():
        return load_query(candidate)
    names = ", ".join(q.name for q in saved_queries(directory))
    raise QueryNotFound(f"no saved query '{name_or_path}'; saved queries: {names}")


# -- running a user's query safely -----------------------------------------------

# What one query may be: nested at most MAX_QUERY_DEPTH brackets deep (Oxigraph's parser
# recurses, and a query 3,000 braces deep overflows its stack), at most MAX_QUERY_CHARS long,
# and answered within a time limit, in a worker process that is killed when it runs over.
MAX_QUERY_CHARS = 1_000_000
MAX_QUERY_DEPTH = 200
DEFAULT_TIMEOUT = 30.0

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


def check_query(sparql: str, *, allow_service: tuple[str, ...] = ()) -> None:
    """Refuse, before any engine sees it, a query too long, nested too deep, holding a NUL, or
    calling a SERVICE whose endpoint is not in ``allow_service`` (IRIs the user allows)."""
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
        elif m.group("service"):
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


def run_query(store_path: str | Path, sparql: str, *, timeout: float = DEFAULT_TIMEOUT,
              allow_service: tuple[str, ...] = ()) -> dict:
    """Answer SPARQL against the store at ``store_path`` in a worker process, killed after
    ``timeout`` seconds: the SPARQL 1.1 results JSON of a SELECT or an ASK, and a CONSTRUCT or
    DESCRIBE answer as rows of ?subject ?predicate ?object. The query is checked first
    (:func:`check_query`); a crash of the engine is an error, not the end of the caller."""
    check_query(sparql, allow_service=allow_service)
    if not timeout > 0:
        raise QueryError(f"the time limit must be a positive number of seconds, not {timeout}")
    if not Path(store_path).exists():
        raise StoreError(f"{store_path}: no store here; run 'athar build' first or give --store PATH")
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    receive, send = context.Pipe(duplex=False)
    worker = context.Process(target=_answer_in_worker, args=(str(store_path), sparql, send), daemon=True)
    worker.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise QueryError(f"the query ran over its time limit of {timeout:g} s and was stopped; "
                             "narrow it (LIMIT, more specific patterns) or give --timeout SECONDS")
        try:
            outcome = receive.recv()
        except EOFError:
            worker.join(5)
            code = worker.exitcode
            cause = f"signal {signal.Signals(-code).name}" if code is not None and code < 0 else f"exit {code}"
            raise QueryError(f"the query engine stopped without an answer ({cause})") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join(5)
        receive.close()
    kind, value = outcome
    if kind == "ok":
        return value
    raise (StoreError if kind == "StoreError" else QueryError)(value)


def _answer_in_worker(store_path: str, sparql: str, send) -> None:
    try:
        with Store(store_path, read_only=True) as store:
            answer = results_json(store.query(sparql))
        send.send(("ok", answer))
    except (QueryError, StoreError) as e:
        send.send((type(e).__name__ if isinstance(e, StoreError) else "QueryError", " ".join(str(e).split())))
    except Exception as e:  # the engine's own error: its text, on one line
        send.send(("QueryError", " ".join(f"{type(e).__name__}: {e}".split())))
    finally:
        send.close()


def results_json(answer) -> dict:
    """An Oxigraph answer as the SPARQL 1.1 results JSON; a graph (CONSTRUCT, DESCRIBE) as rows
    of ?subject ?predicate ?object."""
    if isinstance(answer, (ox.QuerySolutions, ox.QueryBoolean)):
        return json.loads(answer.serialize(format=ox.QueryResultsFormat.JSON))
    names = ["subject", "predicate", "object"]
    rows = [dict(zip(names, map(_json_term, (t.subject, t.predicate, t.object)))) for t in answer]
    return {"head": {"vars": names}, "results": {"bindings": rows}}


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != PREFIXES["xsd"] + "string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "literal", "value": str(term)}  # an RDF-star triple term, as its text


def run_select(store: Store, sparql: str) -> Table:
    """Run a SELECT (or ASK) query and return its rows as strings."""
    result = store.query(sparql)
    if isinstance(result, (bool, ox.QueryBoolean)):  # pyoxigraph 0.5 answers ASK with a QueryBoolean
        return Table(["ask"], [["true" if bool(result) else "false"]])
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("only SELECT and ASK queries give a table; use CONSTRUCT with 'athar export'")
    columns = [v.value for v in result.variables]
    rows = [[_text(sol[c]) for c in columns] for sol in result]
    return Table(columns, rows)


def _text(term) -> str | None:
    if term is None:
        return None
    return term.value


# The role properties of an event, for the FILTER below.
_ROLE_IRIS = ", ".join(f"athar:{r}" for r in EVENT_ROLES)

_EVENTS = sparql_prefixes("athar", "nif", "rdf", "rdfs") + """SELECT ?fact ?type ?file ?words ?start ?end ?sentence ?date ?precision ?qualifier ?anchor ?duration
       ?value ?unit ?bound ?vague ?amountWords ?modality ?implied ?role ?entity ?labelEn ?labelAr
WHERE {
  ?fact athar:evidence ?ev .
  ?ev nif:beginIndex ?start ; nif:endIndex ?end ; nif:anchorOf ?words ; athar:sentence ?sentence ;
      nif:referenceContext ?doc .
  ?doc athar:fileName ?file .
  {
    ?fact a ?cls . FILTER(?cls != athar:RelationStatement && STRSTARTS(STR(?cls), STR(athar:)))
    # the most specific class: after reasoning an event is also an Event, a ConflictEvent, ...
    FILTER NOT EXISTS { ?fact a ?sub . ?sub rdfs:subClassOf ?cls . FILTER(?sub != ?cls) }
    BIND(STRAFTER(STR(?cls), "#") AS ?type)
    OPTIONAL { ?fact ?roleProp ?entity .
               FILTER(?roleProp IN (""" + _ROLE_IRIS + """))
               BIND(STRAFTER(STR(?roleProp), "#") AS ?role) }
    OPTIONAL { ?fact athar:date ?date ; athar:datePrecision ?precision }
    OPTIONAL { ?fact athar:dateQualifier ?qualifier }
    OPTIONAL { ?fact athar:dateAnchor ?anchor }
    OPTIONAL { ?fact athar:duration ?duration }
    OPTIONAL { ?fact athar:modality ?m . BIND(STRAFTER(STR(?m), "#") AS ?modality) }
    OPTIONAL { ?fact athar:implied ?implied }
    OPTIONAL { ?fact athar:amount ?a . ?a athar:value ?value ; athar:bound ?b ; athar:vague ?vague ;
               athar:words ?amountWords .
               BIND(LCASE(REPLACE(REPLACE(STRAFTER(STR(?b), "#"), "([a-z])([A-Z])", "$1-$2"), " ", "")) AS ?bound)
               OPTIONAL { ?a athar:unit ?unit } }
  } UNION {
    ?fact a athar:RelationStatement ; rdf:predicate ?p .
    BIND(STRAFTER(STR(?p), "#") AS ?type)
    { ?fact rdf:subject ?entity . BIND("subject" AS ?role) }
    UNION { ?fact rdf:object ?entity . BIND("object" AS ?role) }
  }
  OPTIONAL { ?entity rdfs:label ?labelEn . FILTER(LANG(?labelEn) = "en") }
  OPTIONAL { ?entity rdfs:label ?labelAr . FILTER(LANG(?labelAr) = "ar") }
}
"""


def events(store: Store) -> list[dict]:
    """One record per event or relation, with roles as lists of entities."""
    records: dict[str, dict] = {}
    for sol in store.query(_EVENTS):
        key = sol["fact"].value
        rec = records.get(key)
        if rec is None:
            value = sol["value"]
            rec = records[key] = {
                "id": key,
                "type": sol["type"].value,
                "document": sol["file"].value,
                "evidence": sol["words"].value,
                "start": int(sol["start"].value),
                "end": int(sol["end"].value),
                "sentence": sol["sentence"].value,
                "date": _opt(sol["date"]),
                "date_precision": _opt(sol["precision"]),
                # a season or "about"; else "since" / "until" when the date opens or closes a period
                "date_qualifier": _opt(sol["qualifier"]) or _opt(sol["anchor"]),
                "date_anchor": _opt(sol["anchor"]),
                "duration": _opt(sol["duration"]),
                "amount": None if value is None else {
                    "value": _number(value.value), "unit": _opt(sol["unit"]),
                    "bound": sol["bound"].value, "vague": sol["vague"].value == "true",
                    "words": sol["amountWords"].value},
                "modality": _opt(sol["modality"]),
                "implied": sol["implied"] is not None and sol["implied"].value == "true",
            }
        role = sol["role"]
        if role is not None and sol["entity"] is not None:
            entity = {"id": sol["entity"].value, "label_en": _opt(sol["labelEn"]), "label_ar": _opt(sol["labelAr"])}
            bucket = rec.setdefault(role.value, [])
            if entity not in bucket:
                bucket.append(entity)
    out = list(records.values())
    for rec in out:
        for bucket in rec.values():
            if isinstance(bucket, list):
                bucket.sort(key=lambda e: e["id"])
    out.sort(key=lambda r: (r["document"], r["start"], r["end"], r["type"]))
    return out


def _opt(term) -> str | None:
    return None if term is None else term.value


def _number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value


_ROLE_COLUMNS = EVENT_ROLES + ("subject", "object")
# Every column of the events table, and the few that fit a terminal: an event's agent and target
# share their columns with a relation's subject and object.
EVENT_COLUMNS = ("document", "start", "end", "type", "date", "date_qualifier", "amount", "modality",
                 *_ROLE_COLUMNS, "evidence")
KEY_COLUMNS = ("type", "date", "agent/subject", "target/object", "place", "evidence")
_SHARED_COLUMNS = ("agent/subject", "target/object")


def event_columns(text: str) -> tuple[str, ...]:
    """The columns named in "type,date,victim", checked against the events table's."""
    columns = tuple(c.strip() for c in text.split(",") if c.strip())
    known = (*EVENT_COLUMNS, *_SHARED_COLUMNS)
    unknown = [c for c in columns if c not in known] or ([] if columns else [text])
    if unknown:
        raise QueryError(f"unknown column {', '.join(map(repr, unknown))}; the columns are: {', '.join(known)}")
    return columns


def events_table(records: list[dict], columns: tuple[str, ...] = EVENT_COLUMNS) -> Table:
    """The events as a flat table of the given columns (several entities in a role joined by "; ")."""
    return Table(list(columns), [[_cell(r, c) for c in columns] for r in records])


def _cell(record: dict, column: str) -> str | None:
    if column in ("start", "end"):
        return str(record[column])
    if column == "amount":
        a = record["amount"]
        return None if a is None else f"{a['bound']} {a['value']:,} {a['unit'] or ''}".strip()
    if column in _SHARED_COLUMNS:
        return _labels(record, *column.split("/"))
    if column in _ROLE_COLUMNS:
        return _labels(record, column)
    return record[column]


def _labels(record: dict, *roles: str) -> str | None:
    entities = [e for role in roles for e in record.get(role, [])]
    return "; ".join(e["label_en"] or e["label_ar"] or e["id"] for e in entities) or None
