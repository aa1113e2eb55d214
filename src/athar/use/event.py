"""The events table's records: one per event or relation, read from the store in a few
plain SPARQL queries (one per kind of attribute) joined by the fact's IRI.
"""

from __future__ import annotations

import re

from athar.graph.rdf import ENTITIES_GRAPH
from athar.graph.store import Store
from athar.graph.terms import EVENT_ROLES, sparql_prefixes

# The events table is read in a few plain queries, one per kind of attribute, joined here by
# the fact's IRI: one query with a dozen OPTIONALs and a UNION, each evaluated by Oxigraph's
# hash joins over the whole store, cost 36 s at 1,000 documents for 5,717 facts; these cost
# what they answer.
_FACTS = """SELECT ?fact ?file ?words ?start ?end ?sentence WHERE {
  ?fact athar:evidence ?ev .
  ?ev nif:beginIndex ?start ; nif:endIndex ?end ; nif:anchorOf ?words ; athar:sentence ?sentence ;
      nif:referenceContext ?doc .
  ?doc athar:fileName ?file .
}"""
# the most specific class: after reasoning an event is also an Event, a ConflictEvent, ...
_CLASSES = """SELECT ?fact ?cls WHERE {
  ?fact athar:evidence ?ev ; a ?cls . FILTER(STRSTARTS(STR(?cls), STR(athar:)))
  FILTER NOT EXISTS { ?fact a ?sub . ?sub rdfs:subClassOf ?cls . FILTER(?sub != ?cls) }
}"""
_RELATIONS = """SELECT ?fact ?p ?s ?o WHERE {
  ?fact a athar:RelationStatement ; rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o .
}"""
_ATTRIBUTES = """SELECT ?fact ?prop ?value WHERE {
  VALUES ?prop { athar:date athar:datePrecision athar:dateQualifier athar:dateAnchor athar:duration
                 athar:modality athar:implied }
  ?fact athar:evidence ?ev ; ?prop ?value .
}"""
_AMOUNTS = """SELECT ?fact ?value ?unit ?bound ?vague ?words WHERE {
  ?fact athar:evidence ?ev ; athar:amount ?a .
  ?a athar:value ?value ; athar:bound ?bound ; athar:vague ?vague ; athar:words ?words .
  OPTIONAL { ?a athar:unit ?unit }
}"""
_ROLES = """SELECT ?fact ?prop ?entity WHERE {
  VALUES ?prop { """ + " ".join(f"athar:{r}" for r in EVENT_ROLES) + """ }
  ?fact athar:evidence ?ev ; ?prop ?entity .
}"""
_LABELS = f"SELECT ?entity ?label WHERE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?entity rdfs:label ?label }} }}"


def events(store: Store) -> list[dict]:
    """One record per event or relation, with roles as lists of entities."""
    def rows(sparql: str):
        return store.query(sparql_prefixes("athar", "nif", "rdf", "rdfs") + sparql)

    classes: dict[str, str] = {}
    for sol in rows(_CLASSES):
        key, cls = sol["fact"].value, _local(sol["cls"].value)
        classes[key] = min(classes.get(key, cls), cls)
    relations = {}
    for sol in rows(_RELATIONS):
        relations.setdefault(sol["fact"].value, (_local(sol["p"].value), sol["s"].value, sol["o"].value))
    attributes: dict[str, dict[str, str]] = {}
    for sol in rows(_ATTRIBUTES):
        values = attributes.setdefault(sol["fact"].value, {})
        prop, value = _local(sol["prop"].value), sol["value"].value
        values[prop] = min(values.get(prop, value), value)
    amounts = {}
    for sol in rows(_AMOUNTS):
        amounts.setdefault(sol["fact"].value, {
            "value": _number(sol["value"].value), "unit": _opt(sol["unit"]),
            "bound": re.sub(r"([a-z])([A-Z])", r"\1-\2", _local(sol["bound"].value)).lower().replace(" ", ""),
            "vague": sol["vague"].value == "true", "words": sol["words"].value})
    labels: dict[str, dict[str, str]] = {}
    for sol in rows(_LABELS):
        label = sol["label"]
        if label.language in ("en", "ar"):
            mine = labels.setdefault(sol["entity"].value, {})
            mine[label.language] = min(mine.get(label.language, label.value), label.value)
    roles: dict[str, dict[str, set[str]]] = {}
    for sol in rows(_ROLES):
        roles.setdefault(sol["fact"].value, {}).setdefault(_local(sol["prop"].value), set()).add(sol["entity"].value)
    for key, (_, subject, obj) in relations.items():
        roles[key] = {"subject": {subject}, "object": {obj}}

    records: dict[str, dict] = {}
    for sol in rows(_FACTS):
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
        for role, entities in roles.get(key, {}).items():
            rec[role] = [{"id": e, "label_en": labels.get(e, {}).get("en"), "label_ar": labels.get(e, {}).get("ar")}
                         for e in sorted(entities)]
    out = list(records.values())
    out.sort(key=lambda r: (r["document"], r["start"], r["end"], r["type"]))
    return out


def _local(iri: str) -> str:
    return iri.rpartition("#")[2]


def _opt(term) -> str | None:
    return None if term is None else term.value


def _number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value
