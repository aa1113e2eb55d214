"""The events in ACLED's column layout, read from the store with SPARQL.

``ontology/mappings.ttl`` maps athar's event classes to ACLED sub-event types
(``skos:closeMatch``/``skos:exactMatch``), actor classes to ACLED inter codes and
gazetteer countries to ACLED's countries; ``acled_events`` turns every event whose
class has such a match into one ACLED row, filling what the graph knows:

- event_date, year, time_precision (1 day, 2 a qualified day, 3 month, season or
  year; an undated event takes its document's date, with time_precision 3 and
  the tag ``date=publication``);
- actor1/assoc_actor_1 from the agents (or the first participant) and
  supporters; actor2/assoc_actor_2 from the victims, origins (the loser of a
  liberation), recipients, targets or trainees that are actors; inter codes and
  interaction from their classes;
- location, admin1 (governorate), admin2 (district), country, iso, region by
  walking ``athar:locatedIn`` from the event's place; geo_precision 1 for a
  settlement or facility, 2 for a district, 3 for anything larger;
- fatalities from the amount of a Killing or Attack counted in people, or the
  named persons killed;
- notes from the evidence words, source from the document's publisher (or file).

ACLED records what happened: negated and planned events are left out, and so are
classes that ACLED does not record (reconstruction, returns, funding).
Coordinates are left empty: the gazetteer has none.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass

from athar.graph.store import Store
from athar.graph.terms import ROLES, sparql_prefixes

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
# Units of data/lexicon/units.tsv that count people, for fatalities.
PEOPLE_UNITS = frozenset({"person", "fighter", "member", "soldier", "child", "woman", "killed"})
_FATAL = ("Killing", "Attack")
_ACTOR2_ROLES = ("victim", "origin", "recipient", "target", "trainee")
# Event types where ACLED says whether civilians were the target.
_CIVILIAN_TARGETING = ("Violence against civilians", "Explosions/Remote violence")
_PRECISE_PLACES = ("City", "Town", "Village", "Camp", "Facility", "Dam")

_PREFIXES = sparql_prefixes("athar", "acled", "dcterms", "nif", "rdf", "rdfs", "skos", "geo")
# The roles ACLED's columns draw on: every role the rules fill but the beneficiary.
_ACLED_ROLES = " ".join(f"athar:{r}" for r in ROLES if r != "beneficiary")

# Events whose class has a close or exact match among ACLED's sub-event types.
_EVENTS = _PREFIXES + """
SELECT DISTINCT ?fact ?cls ?sub ?subLabel ?typeLabel ?disorder ?cond1 ?cond2 ?modality ?date ?precision
       ?qualifier ?words ?file ?publisher ?issued
WHERE {
  ?fact rdf:type ?cls ; athar:evidence ?ev .
  ?cls skos:closeMatch|skos:exactMatch ?sub .
  ?sub skos:inScheme acled:EventTypes ; skos:broader ?type ; skos:prefLabel ?subLabel .
  FILTER (LANG(?subLabel) = "en")
  ?type skos:prefLabel ?typeLabel . FILTER (LANG(?typeLabel) = "en")
  OPTIONAL { SELECT ?type (GROUP_CONCAT(DISTINCT ?d; separator="; ") AS ?disorder) WHERE {
               ?type acled:disorderType/skos:prefLabel ?d . FILTER (LANG(?d) = "en") } GROUP BY ?type }
  OPTIONAL { SELECT ?sub (GROUP_CONCAT(DISTINCT ?c1; separator=" ") AS ?cond1) WHERE {
               ?sub acled:actor1Inter ?c1 } GROUP BY ?sub }
  OPTIONAL { SELECT ?sub (GROUP_CONCAT(DISTINCT ?c2; separator=" ") AS ?cond2) WHERE {
               ?sub acled:actor2Inter ?c2 } GROUP BY ?sub }
  ?ev nif:anchorOf ?words ; nif:referenceContext ?doc .
  ?doc athar:fileName ?file .
  OPTIONAL { ?doc dcterms:publisher ?publisher }
  OPTIONAL { ?doc dcterms:issued ?issued }
  OPTIONAL { ?fact athar:modality ?modality }
  OPTIONAL { ?fact athar:date ?date ; athar:datePrecision ?precision }
  OPTIONAL { ?fact athar:dateQualifier ?qualifier }
  FILTER NOT EXISTS { ?fact athar:modality ?m . FILTER (?m IN (athar:Negated, athar:Planned)) }
}
"""

# Every role of those events, with the entity's English label, whether it is an
# actor and a place, and its ACLED inter code (the smallest, if several classes map).
_ROLES = _PREFIXES + """
SELECT ?fact ?role ?entity ?label ?labelAr ?actor ?place ?person ?inter
WHERE {
  VALUES ?p { """ + _ACLED_ROLES + """ }
  ?fact ?p ?entity ; athar:evidence ?ev .
  BIND (STRAFTER(STR(?p), "#") AS ?role)
  OPTIONAL { ?entity rdfs:label ?label . FILTER (LANG(?label) = "en") }
  OPTIONAL { ?entity rdfs:label ?labelAr . FILTER (LANG(?labelAr) = "ar") }
  BIND (EXISTS { ?entity rdf:type/rdfs:subClassOf* athar:Actor } AS ?actor)
  BIND (EXISTS { ?entity rdf:type/rdfs:subClassOf* athar:Place } AS ?place)
  BIND (EXISTS { ?entity rdf:type/rdfs:subClassOf* athar:Person } AS ?person)
  OPTIONAL { SELECT ?entity (MIN(?code) AS ?inter) WHERE {
               ?entity rdf:type/rdfs:subClassOf* ?c . ?c skos:closeMatch|skos:exactMatch ?i .
               ?i skos:inScheme acled:InterCodes ; skos:notation ?code } GROUP BY ?entity }
}
"""

# Places, and every place they lie in (athar:locatedIn, transitively), with classes.
_PLACES = _PREFIXES + """
SELECT DISTINCT ?place ?anc ?cls ?label ?labelAr ?countryName ?iso ?iso3 ?region ?wkt
WHERE {
  ?fact athar:place|athar:target|athar:destination|athar:origin ?place ; athar:evidence ?ev .
  ?place athar:locatedIn* ?anc .
  ?anc rdf:type ?cls . FILTER (STRSTARTS(STR(?cls), STR(athar:)))
  OPTIONAL { ?anc rdfs:label ?label . FILTER (LANG(?label) = "en") }
  OPTIONAL { ?anc rdfs:label ?labelAr . FILTER (LANG(?labelAr) = "ar") }
  OPTIONAL { ?anc skos:exactMatch ?c . ?c skos:inScheme acled:Countries ; skos:prefLabel ?countryName ;
             acled:iso ?iso ; acled:iso3 ?iso3 ; acled:region ?region }
  OPTIONAL { ?anc geo:hasGeometry/geo:asWKT ?wkt }
}
"""

_AMOUNTS = _PREFIXES + """
SELECT ?fact ?value ?unit WHERE { ?fact athar:amount ?a . ?a athar:value ?value . OPTIONAL { ?a athar:unit ?unit } }
"""


@dataclass(frozen=True)
class _Entity:
    iri: str
    label: str
    actor: bool
    place: bool
    person: bool
    inter: str


def acled_events(store: Store) -> list[dict[str, str]]:
    """One ACLED row (a dict keyed by :data:`ACLED_COLUMNS`) per event that ACLED would record."""
    candidates: dict[str, list[dict]] = {}
    for sol in store.query(_EVENTS):
        candidates.setdefault(sol["fact"].value, []).append({k: _opt(sol[k]) for k in (
            "cls", "sub", "subLabel", "typeLabel", "disorder", "cond1", "cond2", "modality", "date", "precision",
            "qualifier", "words", "file", "publisher", "issued")})
    roles = _roles(store)
    places = _places(store)
    amounts = {sol["fact"].value: (float(sol["value"].value), _opt(sol["unit"])) for sol in store.query(_AMOUNTS)}
    rows = [_row(fact, cands, roles.get(fact, {}), places, amounts.get(fact)) for fact, cands in candidates.items()]
    rows.sort(key=lambda r: (r["event_date"], r["event_id_cnty"]))
    return rows


def format_acled(rows: list[dict[str, str]]) -> str:
    """The rows as CSV with ACLED's header."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


# -- reading ----------------------------------------------------------------

def _roles(store: Store) -> dict[str, dict[str, list[_Entity]]]:
    out: dict[str, dict[str, list[_Entity]]] = {}
    for sol in store.query(_ROLES):
        label = _opt(sol["label"]) or _opt(sol["labelAr"]) or sol["entity"].value.rsplit("/", 1)[-1]
        e = _Entity(sol["entity"].value, label, sol["actor"].value == "true", sol["place"].value == "true",
                    sol["person"].value == "true", _opt(sol["inter"]) or "")
        bucket = out.setdefault(sol["fact"].value, {}).setdefault(sol["role"].value, [])
        if e not in bucket:
            bucket.append(e)
    for by_role in out.values():
        for bucket in by_role.values():
            bucket.sort(key=lambda e: (e.label, e.iri))
    return out


def _places(store: Store) -> dict[str, list[dict]]:
    """For each place, itself and its ancestors: class names, labels and ACLED country data."""
    out: dict[str, dict[str, dict]] = {}
    for sol in store.query(_PLACES):
        anc = out.setdefault(sol["place"].value, {}).setdefault(sol["anc"].value, {"classes": set()})
        anc["classes"].add(sol["cls"].value.rsplit("#", 1)[-1])
        anc["iri"] = sol["anc"].value
        anc["label"] = _opt(sol["label"]) or _opt(sol["labelAr"]) or anc["iri"].rsplit("/", 1)[-1]
        for k in ("countryName", "iso", "iso3", "region"):
            if sol[k] is not None:
                anc[k] = sol[k].value
        if sol["wkt"] is not None:  # "POINT(lon lat)" from the gazetteer
            lon, lat = sol["wkt"].value.partition("(")[2].rstrip(")").split()
            anc["latitude"], anc["longitude"] = lat, lon
    return {p: list(ancs.values()) for p, ancs in out.items()}


# -- one row -----------------------------------------------------------------

def _row(fact: str, cands: list[dict], roles: dict[str, list[_Entity]], places: dict[str, list[dict]],
         amount: tuple[float, str | None] | None) -> dict[str, str]:
    actor1, assoc1, actor2, assoc2 = _actors(roles)
    inter1 = actor1.inter if actor1 else ""
    inter2 = actor2.inter if actor2 else ""
    c = _choose(cands, inter1, inter2)
    event_type = c["typeLabel"]
    where = _where(roles, places)
    date, precision, tags = _date(c)
    cls = c["cls"].rsplit("#", 1)[-1]
    if c["modality"] and not c["modality"].endswith("#Asserted"):
        tags.append("modality=" + c["modality"].rsplit("#", 1)[-1])
    tags.insert(0, "athar=" + fact)
    iso3 = where.get("iso3", "")
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{int(hashlib.sha1(fact.encode()).hexdigest()[:8], 16) % 1_000_000:06d}",
        "event_date": date,
        "year": date[:4],
        "time_precision": precision,
        "disorder_type": c["disorder"] or "",
        "event_type": event_type,
        "sub_event_type": c["subLabel"],
        "actor1": actor1.label if actor1 else "",
        "assoc_actor_1": "; ".join(e.label for e in assoc1),
        "inter1": inter1,
        "actor2": actor2.label if actor2 else "",
        "assoc_actor_2": "; ".join(e.label for e in assoc2),
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == "7" and event_type in _CIVILIAN_TARGETING else "",
        "iso": where.get("iso", ""),
        "region": where.get("region", ""),
        "country": where.get("country", ""),
        "admin1": where.get("admin1", ""),
        "admin2": where.get("admin2", ""),
        "admin3": "",
        "location": where.get("location", ""),
        "latitude": where.get("latitude", ""),
        "longitude": where.get("longitude", ""),
        "geo_precision": where.get("geo_precision", ""),
        "source": c["publisher"] or c["file"],
        "source_scale": "",
        "notes": c["words"],
        "fatalities": str(_fatalities(cls, roles, amount)),
        "tags": "; ".join(tags),
        "timestamp": "",
    }


def _choose(cands: list[dict], inter1: str, inter2: str) -> dict:
    """Among the close matches: the first whose conditions hold, else one without conditions."""
    cands = sorted(cands, key=lambda c: (c["cond1"] is None and c["cond2"] is None, c["sub"]))
    for c in cands:
        ok1 = c["cond1"] is None or inter1 in c["cond1"].split()
        ok2 = c["cond2"] is None or inter2 in c["cond2"].split()
        if (c["cond1"] or c["cond2"]) and ok1 and ok2:
            return c
    unconditioned = [c for c in cands if c["cond1"] is None and c["cond2"] is None]
    return unconditioned[0] if unconditioned else cands[0]


def _actors(roles: dict[str, list[_Entity]]):
    agents = [e for e in roles.get("agent", []) if e.actor]
    participants = [e for e in roles.get("participant", []) if e.actor]
    supporters = [e for e in roles.get("supporter", []) if e.actor]
    if agents:
        actor1, assoc1, rest = agents[0], agents[1:] + supporters, participants
    elif participants:
        actor1, assoc1, rest = participants[0], supporters, participants[1:]
    else:
        actor1, assoc1, rest = None, supporters, []
    for role in _ACTOR2_ROLES:
        others = [e for e in roles.get(role, []) if e.actor and e != actor1]
        if others:
            return actor1, assoc1, others[0], others[1:] + rest
    return actor1, assoc1, (rest[0] if rest else None), rest[1:]


def _interaction(inter1: str, inter2: str) -> str:
    if inter1 and inter2:
        return "".join(sorted((inter1, inter2)))
    return f"{inter1 or inter2}0" if inter1 or inter2 else ""


def _where(roles: dict[str, list[_Entity]], places: dict[str, list[dict]]) -> dict[str, str]:
    """The most precise place of the event, and the governorate, district and country it lies in."""
    chosen: list[tuple[int, str, dict]] = []
    for role in ("place", "target", "destination", "origin"):
        for e in roles.get(role, []):
            if e.place and e.iri in places:
                ancestors = places[e.iri]
                own = next(a for a in ancestors if a["iri"] == e.iri)
                chosen.append((_geo_precision(own["classes"]), e.iri, {"own": own, "all": ancestors}))
        if chosen:
            break
    if not chosen:
        return {}
    precision, _, found = min(chosen, key=lambda t: (t[0], t[1]))
    out = {"location": found["own"]["label"], "geo_precision": str(precision)}
    if "latitude" in found["own"]:
        out["latitude"], out["longitude"] = found["own"]["latitude"], found["own"]["longitude"]
    for a in found["all"]:
        if "Governorate" in a["classes"]:
            out.setdefault("admin1", a["label"])
        if "District" in a["classes"]:
            out.setdefault("admin2", a["label"])
        if "Country" in a["classes"]:
            out.setdefault("country", a.get("countryName", a["label"]))
            for k in ("iso", "iso3", "region"):
                if k in a:
                    out.setdefault(k, a[k])
    return out


def _geo_precision(classes: set[str]) -> int:
    if classes & set(_PRECISE_PLACES) or any(c in classes for c in ("Hospital", "School", "ChildrenCentre",
                                                                      "PowerStation", "Road", "Mosque",
                                                                      "MilitaryBase", "Bridge")):
        return 1
    return 2 if "District" in classes else 3


def _date(c: dict) -> tuple[str, str, list[str]]:
    tags = []
    value, precision = c["date"], c["precision"]
    if value is None:
        value, precision = c["issued"], "month" if c["issued"] and len(c["issued"]) == 7 else "day"
        tags.append("date=publication")
        if value is None:
            return "", "", tags
        level = "3"
    elif precision == "day":
        level = "2" if c["qualifier"] in ("about", "since", "until") else "1"
    else:
        level = "3"
    if precision and precision != "day":
        tags.append(f"date precision={precision}")
    if c["qualifier"]:
        tags.append(f"date qualifier={c['qualifier']}")
    date = value + "-01" * ((10 - len(value)) // 3) if len(value) < 10 else value
    return date, level, tags


def _fatalities(cls: str, roles: dict[str, list[_Entity]], amount: tuple[float, str | None] | None) -> int:
    if cls not in _FATAL:
        return 0
    if amount is not None and amount[1] in PEOPLE_UNITS:
        return int(amount[0])
    if cls == "Killing":
        return len([e for e in roles.get("victim", []) if e.person])
    return 0


def _opt(term) -> str | None:
    return None if term is None else term.value


__all__ = ["ACLED_COLUMNS", "PEOPLE_UNITS", "acled_events", "format_acled"]
