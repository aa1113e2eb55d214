"""The events table's records: one per event or relation, read from the store a batch of
documents at a time, in a few plain SPARQL queries a batch (one per kind of attribute) joined by
the fact's IRI, and yielded in the table's order as they are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from athar.graph.prefixes import ENTITIES_GRAPH, sparql_prefixes
from athar.graph.store import Store
from athar.read.roles import EVENT_ROLES

# Documents whose facts one round of queries reads. Each query names the batch's graphs
# (VALUES ?g ... GRAPH ?g), so the store reads their facts by index: the cost of a batch is its
# facts, whatever the store holds, and the first records come out before the last are read.
# (One query with a dozen OPTIONALs over the whole store cost 36 s at 1,000 documents; one
# query per attribute over the whole store, 27 s at 10,000.)
BATCH = 200
_ROLE_ORDER = (*EVENT_ROLES, "subject", "object")  # a record's roles, in the ontology's order

_DOCUMENTS = """SELECT ?g ?file WHERE { GRAPH ?g { ?doc a athar:Document ; athar:fileName ?file } }"""
_FACTS = """SELECT ?fact ?file ?words ?start ?end ?sentence WHERE { %(graphs)s
  GRAPH ?g { ?fact athar:evidence ?ev .
    ?ev nif:beginIndex ?start ; nif:endIndex ?end ; nif:anchorOf ?words ; athar:sentence ?sentence ;
        nif:referenceContext ?doc .
    ?doc athar:fileName ?file . }
}"""
# the most specific class: a document's graph states it (reasoning adds the others elsewhere)
_CLASSES = """SELECT ?fact ?cls WHERE { %(graphs)s
  GRAPH ?g { ?fact athar:evidence ?ev ; a ?cls } FILTER(STRSTARTS(STR(?cls), STR(athar:)))
  FILTER NOT EXISTS { ?fact a ?sub . ?sub rdfs:subClassOf ?cls . FILTER(?sub != ?cls) }
}"""
_RELATIONS = """SELECT ?fact ?p ?s ?o WHERE { %(graphs)s
  GRAPH ?g { ?fact a athar:RelationStatement ; rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o . }
}"""
# (the properties by FILTER IN, each amount's triples as they are: a VALUES of properties or an
# OPTIONAL here is planned over the whole store, 2 s a batch at 10,000 documents instead of 0.03)
_ATTRIBUTES = """SELECT ?fact ?prop ?value WHERE { %(graphs)s
  GRAPH ?g { ?fact athar:evidence ?ev ; ?prop ?value .
    FILTER(?prop IN (athar:date, athar:datePrecision, athar:dateQualifier, athar:dateAnchor, athar:duration,
                     athar:modality, athar:implied)) }
}"""
_AMOUNTS = """SELECT ?fact ?prop ?value WHERE { %(graphs)s
  GRAPH ?g { ?fact athar:amount ?a . ?a ?prop ?value . }
}"""
_ROLES = """SELECT ?fact ?prop ?entity WHERE { %(graphs)s
  GRAPH ?g { ?fact athar:evidence ?ev ; ?prop ?entity .
    FILTER(?prop IN (""" + ", ".join(f"athar:{r}" for r in EVENT_ROLES) + """)) }
}"""
_LABELS = f"""SELECT ?entity ?label WHERE {{ %(entities)s GRAPH <{ENTITIES_GRAPH}> {{ ?entity rdfs:label ?label }} }}"""


def events(store: Store) -> list[dict]:
    """One record per event or relation, with roles as lists of entities, in the table's order
    (document, start, end, type)."""
    return list(iter_events(store))


def iter_events(store: Store, batch: int = BATCH) -> Iterator[dict]:
    """The records of :func:`events`, yielded a batch of documents at a time (documents in the
    order of their file names; memory and the wait for the first record follow the batch)."""
    def rows(sparql: str):
        return store.query(sparql_prefixes("athar", "nif", "rdf", "rdfs") + sparql)

    files: dict[str, list[str]] = {}  # file name -> its graphs (two folders may hold the same name)
    for sol in rows(_DOCUMENTS):
        files.setdefault(sol["file"].value, []).append(sol["g"].value)
    group: list[str] = []
    for name in sorted(files):
        group += files[name]
        if len(group) >= batch:
            yield from _batch(rows, group)
            group = []
    if group:
        yield from _batch(rows, group)


def _batch(rows, graphs: list[str]) -> list[dict]:
    """The records of the facts in ``graphs``, sorted."""
    given = {"graphs": "VALUES ?g { " + " ".join(f"<{g}>" for g in graphs) + " }"}
    classes: dict[str, str] = {}
    for sol in rows(_CLASSES % given):
        key, cls = sol["fact"].value, _local(sol["cls"].value)
        classes[key] = min(classes.get(key, cls), cls)
    relations = {}
    for sol in rows(_RELATIONS % given):
        relations.setdefault(sol["fact"].value, (_local(sol["p"].value), sol["s"].value, sol["o"].value))
    attributes: dict[str, dict[str, str]] = {}
    for sol in rows(_ATTRIBUTES % given):
        values = attributes.setdefault(sol["fact"].value, {})
        prop, value = _local(sol["prop"].value), sol["value"].value
        values[prop] = min(values.get(prop, value), value)
    parts: dict[str, dict[str, str]] = {}
    for sol in rows(_AMOUNTS % given):
        prop, value = _local(sol["prop"].value), sol["value"].value
        mine = parts.setdefault(sol["fact"].value, {})
        mine[prop] = min(mine.get(prop, value), value)
    amounts = {key: {"value": _number(a["value"]), "unit": a.get("unit"),
                     "bound": re.sub(r"([a-z])([A-Z])", r"\1-\2", _local(a["bound"])).lower().replace(" ", ""),
                     "vague": a["vague"] == "true", "words": a["words"]}
               for key, a in parts.items() if {"value", "bound", "vague", "words"} <= a.keys()}
    roles: dict[str, dict[str, set[str]]] = {}
    for sol in rows(_ROLES % given):
        roles.setdefault(sol["fact"].value, {}).setdefault(_local(sol["prop"].value), set()).add(sol["entity"].value)
    for key, (_, subject, obj) in relations.items():
        roles[key] = {"subject": {subject}, "object": {obj}}
    labels: dict[str, dict[str, str]] = {}
    named = sorted({e for rs in roles.values() for es in rs.values() for e in es})
    if named:
        for sol in rows(_LABELS % {"entities": "VALUES ?entity { " + " ".join(f"<{e}>" for e in named) + " }"}):
            label = sol["label"]
            if label.language in ("en", "ar"):
                mine = labels.setdefault(sol["entity"].value, {})
                mine[label.language] = min(mine.get(label.language, label.value), label.value)

    records: dict[str, dict] = {}
    for sol in rows(_FACTS % given):
        key = sol["fact"].value
        if key in records:
            continue
        relation = relations.get(key)
        if relation is None and (key not in classes or classes[key] == "RelationStatement"):
            continue
        at = attributes.get(key, {})
        dated = "date" in at and "datePrecision" in at
        rec = records[key] = {
            "id": key,
            "type": relation[0] if relation else classes[key],
            "document": sol["file"].value,
            "evidence": sol["words"].value,
            "start": int(sol["start"].value),
            "end": int(sol["end"].value),
            "sentence": sol["sentence"].value,
            "date": at["date"] if dated else None,
            "date_precision": at["datePrecision"] if dated else None,
            # a season or "about"; else "since" / "until" when the date opens or closes a period
            "date_qualifier": at.get("dateQualifier") or at.get("dateAnchor"),
            "date_anchor": at.get("dateAnchor"),
            "duration": at.get("duration"),
            "amount": None if relation else amounts.get(key),
            "modality": None if relation or "modality" not in at else _local(at["modality"]),
            "implied": not relation and at.get("implied") == "true",
        }
        for role, entities in sorted(roles.get(key, {}).items(), key=lambda item: _ROLE_ORDER.index(item[0])):
            rec[role] = [{"id": e, "label_en": labels.get(e, {}).get("en"), "label_ar": labels.get(e, {}).get("ar")}
                         for e in sorted(entities)]
    out = list(records.values())
    out.sort(key=lambda r: (r["document"], r["start"], r["end"], r["type"]))
    return out


def _local(iri: str) -> str:
    return iri.rpartition("#")[2]



def _number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value
