"""Queries: saved SPARQL by name, results as table, CSV, TSV or JSON, and the
events table (one row per event or relation, like an ACLED export).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from athar.errors import QueryError, QueryNotFound
from athar.graph.store import Store, Table
from athar.graph.terms import EVENT_ROLES, sparql_prefixes
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
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise QueryNotFound(f"{path}: cannot read the query file ({e.strerror or e})") from e
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
