"""Linking sources: where ``athar link`` finds the item an entity is, in an open dataset.

A source answers two questions (the :class:`Linker` interface)::

    candidates(labels) -> {label: {item IRI, ...}}   items whose label or alias is one of them
    describe(items)    -> {item IRI: Item}           their labels, types, country, place, ...

:class:`SparqlLinker` asks a SPARQL endpoint through SPARQLWrapper, in the vocabulary its block
of ``links/sources.toml`` gives (Wikidata and DBpedia are configured, not coded): labels in
``VALUES`` blocks, a descriptive User-Agent, a timeout, back-off on 429 and 5xx, and an on-disk
cache, so that linking a store again asks nothing already answered. :class:`SnapshotLinker`
answers offline from the identifiers shipped with the package
(``links/wikidata-verified.csv``: each confirmed by the public sources named beside it).
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import re
import socket
import time
import tomllib
import urllib.error
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol

from athar.errors import LinkError
from athar.graph.terms import PREFIXES
from athar.read.text import normalize_word

log = logging.getLogger(__name__)

LINKS_DIR = resources.files("athar.use") / "links"
MAX_RETRY_AFTER = 60.0


@dataclass(frozen=True)
class Settings:
    """The ``[link]`` table: thresholds, score weights and how to behave towards an endpoint."""

    same_as: float = 0.8
    close_match: float = 0.5
    margin: float = 0.15
    batch: int = 50
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 2.0
    user_agent: str = "athar/0.1"
    score: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Source:
    """One ``[source.NAME]`` block, prefixed names expanded to IRIs."""

    name: str
    endpoint: str
    item_prefix: str
    labels: tuple[str, ...]
    aliases: tuple[str, ...]
    paths: dict           # type, country, within, coordinates, latitude, longitude, population -> SPARQL path
    classes: dict         # athar class -> frozenset of type IRIs
    prefixes: dict
    search: str = ""
    search_host: str = ""
    snapshot: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    settings: Settings
    sources: dict


@dataclass(frozen=True)
class Ref:
    """An item another item points to (its country, the unit it lies in), with its labels."""

    iri: str
    labels: frozenset = frozenset()


@dataclass(frozen=True)
class Item:
    iri: str
    labels: frozenset = frozenset()      # (text, lang)
    aliases: frozenset = frozenset()
    types: frozenset = frozenset()
    countries: tuple = ()                # Ref
    within: tuple = ()                   # Ref
    lat: float | None = None
    lon: float | None = None
    population: float | None = None
    sources: str = ""                    # the public sources that confirm it (snapshot rows)
    coordinates_source: str = ""         # where lat/lon come from when not from the item's own row


class Linker(Protocol):
    """What ``athar.use.link`` needs of a source."""

    name: str
    origin: str       # the endpoint's URL, or the snapshot's file name (PROV's prov:used)
    method: str       # how candidates are found, for each link's record
    requests: int     # requests sent to the endpoint
    cached: int       # answers read from the cache instead

    def candidates(self, labels: Iterable[tuple[str, str]]) -> dict[tuple[str, str], set[str]]: ...

    def describe(self, items: Iterable[str]) -> dict[str, Item]: ...

    def accepted_types(self, classes: Iterable[str]) -> frozenset: ...


def key(text: str) -> str:
    """A label as it is compared: normalized Arabic letters, case and spacing aside."""
    return " ".join(normalize_word(text).casefold().split())


# -- configuration ------------------------------------------------------------------

def load_config(path: str | Path | None = None) -> Config:
    """The package's ``links/sources.toml``, with the ``[link]`` settings and ``[source.*]``
    blocks of ``path`` (a user's file) laid over it."""
    data = _read_toml(LINKS_DIR / "sources.toml", "links/sources.toml")
    if path is not None:
        user = _read_toml(Path(path), str(path))
        data.setdefault("link", {}).update({k: v for k, v in user.get("link", {}).items() if k != "score"})
        data["link"].setdefault("score", {}).update(user.get("link", {}).get("score", {}))
        data.setdefault("source", {}).update(user.get("source", {}))
    where = str(path or "links/sources.toml")
    raw = data.get("link", {})
    try:
        settings = Settings(**{k: v for k, v in raw.items()})
    except TypeError as e:
        raise LinkError(f"{where}: [link] has an unknown setting ({e}); see the package's links/sources.toml") from e
    return Config(settings, {name: _source(name, block, where) for name, block in data.get("source", {}).items()})


def _read_toml(path, shown: str) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise LinkError(f"{shown}: cannot read the linker configuration ({e.strerror or e})") from e
    except tomllib.TOMLDecodeError as e:
        raise LinkError(f"{shown}: is not valid TOML ({e})") from e


def _source(name: str, block: dict, where: str) -> Source:
    missing = [k for k in ("endpoint", "item_prefix", "labels") if k not in block]
    if missing:
        raise LinkError(f"{where}: [source.{name}] lacks {', '.join(missing)}")
    prefixes = {**PREFIXES, **block.get("prefixes", {})}

    def iri(name_: str) -> str:
        prefix, colon, local = name_.partition(":")
        if colon and prefix in prefixes and not local.startswith("//"):
            return prefixes[prefix] + local
        if name_.startswith(("http://", "https://")):
            return name_
        raise LinkError(f"{where}: [source.{name}] names {name_!r}: unknown prefix; declare it in its prefixes")

    paths = {k: block[k] for k in ("type", "country", "within", "coordinates", "latitude", "longitude", "population")
             if block.get(k)}
    classes = {c: frozenset(iri(t) for t in types) for c, types in block.get("classes", {}).items()}
    return Source(name, block["endpoint"], block["item_prefix"], tuple(block["labels"]), tuple(block.get("aliases", ())),
                  paths, classes, prefixes, block.get("search", ""), block.get("search_host", ""),
                  block.get("snapshot", {}))


def accepted(classes_map: dict, classes: Iterable[str]) -> frozenset:
    """The types that fit an entity of ``classes`` (its class, then its superclasses, nearest
    first): those of the nearest class the map lists."""
    for c in classes:
        if c in classes_map:
            return frozenset(classes_map[c])
    return frozenset()


# -- a SPARQL endpoint -------------------------------------------------------------

class SparqlLinker:
    """A source behind a SPARQL endpoint, asked through SPARQLWrapper."""

    def __init__(self, source: Source, settings: Settings, *, endpoint: str | None = None,
                 cache_dir: str | Path | None = None):
        self.source, self.settings = source, settings
        self.name = source.name
        self.origin = endpoint or source.endpoint
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self.requests = self.cached = 0
        self.use_search = bool(source.search) and source.search_host and source.search_host in self.origin
        self.method = "entity search" if self.use_search else "label match"

    # the two questions
    def candidates(self, labels: Iterable[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
        labels = sorted(set(labels))
        out: dict[tuple[str, str], set[str]] = {lab: set() for lab in labels}
        if self.use_search:
            for text, lang in labels:
                q = self._prologue() + self.source.search.replace("$label", _literal(text)).replace(
                    "$lang", _literal(lang))
                out[(text, lang)] |= {b["item"]["value"] for b in self.select(q) if self._is_item(b.get("item"))}
            return out
        predicates = " | ".join(self.source.labels + self.source.aliases)
        for chunk in _chunks(labels, self.settings.batch):
            values = " ".join(f"{_literal(t)}@{lang}" for t, lang in chunk)
            q = (self._prologue() + f"SELECT DISTINCT ?label ?item WHERE {{\n  VALUES ?label {{ {values} }}\n"
                 f"  ?item {predicates} ?label .\n}}")
            for b in self.select(q):
                lit = b["label"]
                if self._is_item(b.get("item")):
                    out.setdefault((lit["value"], lit.get("xml:lang", "")), set()).add(b["item"]["value"])
        return out

    def _is_item(self, term: dict | None) -> bool:
        """An IRI of the source's items, and one that can be written back into a query."""
        return bool(term) and term.get("type") == "uri" and term["value"].startswith(self.source.item_prefix) \
            and _IRI.fullmatch(term["value"]) is not None

    def describe(self, items: Iterable[str]) -> dict[str, Item]:
        found: dict[str, dict] = {}
        for chunk in _chunks(sorted(set(items)), self.settings.batch):
            for b in self.select(self._describe_query(chunk)):
                item, what, value = b["item"]["value"], b["what"]["value"], b["value"]
                d = found.setdefault(item, {"labels": set(), "aliases": set(), "types": set(), "country": {},
                                            "within": {}})
                if what in ("labels", "aliases"):
                    d[what].add((value["value"], value.get("xml:lang", "")))
                elif what == "type":
                    d["types"].add(value["value"])
                elif what in ("country", "within"):
                    if value.get("type") != "uri":
                        continue
                    names = d[what].setdefault(value["value"], set())
                    if "name" in b:
                        names.add(b["name"]["value"])
                else:
                    d.setdefault(what, value["value"])
        return {iri: _item(iri, d) for iri, d in found.items()}

    def accepted_types(self, classes: Iterable[str]) -> frozenset:
        return accepted(self.source.classes, classes)

    # SPARQL
    def _prologue(self) -> str:
        return "".join(f"PREFIX {p}: <{i}>\n" for p, i in sorted(self.source.prefixes.items()))

    def _describe_query(self, items: list[str]) -> str:
        s = self.source
        labels = " | ".join(s.labels)
        parts = [f'{{ ?item {labels} ?value BIND("labels" AS ?what) FILTER(LANG(?value) IN ("ar", "en")) }}']
        if s.aliases:
            parts.append(f'{{ ?item {" | ".join(s.aliases)} ?value BIND("aliases" AS ?what) '
                         'FILTER(LANG(?value) IN ("ar", "en")) }')
        for what, path in s.paths.items():
            named = f' OPTIONAL {{ ?value {labels} ?name FILTER(LANG(?name) IN ("ar", "en")) }}' \
                if what in ("country", "within") else ""
            parts.append(f'{{ ?item {path} ?value BIND("{what}" AS ?what){named} }}')
        values = " ".join(f"<{i}>" for i in items)
        return (self._prologue() + f"SELECT ?item ?what ?value ?name WHERE {{\n  VALUES ?item {{ {values} }}\n  "
                + "\n  UNION ".join(parts) + "\n}")

    # HTTP, politely, through the cache
    def select(self, query: str) -> list[dict]:
        """The bindings of a SELECT: from the cache, else from the endpoint (then cached)."""
        path = self.cache_dir / (hashlib.sha256(f"{self.origin}\n{query}".encode()).hexdigest() + ".json")
        try:
            bindings = json.loads(path.read_text(encoding="utf-8"))
            self.cached += 1
            return bindings
        except (OSError, ValueError):
            pass
        bindings = self._fetch(query)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(bindings, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError as e:
            log.warning("%s: cannot write the link cache (%s); answers will be asked again", path.parent, e)
        return bindings

    def _fetch(self, query: str) -> list[dict]:
        from SPARQLWrapper import JSON, POST, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

        st = self.settings
        delay, problem = st.backoff, ""
        for attempt in range(st.retries + 1):
            if attempt:
                log.info("%s: %s; trying again in %.1f s", self.origin, problem, delay)
                time.sleep(delay)
                delay *= 2
            wrapper = SPARQLWrapper(self.origin, agent=st.user_agent)
            wrapper.setQuery(query)
            wrapper.setMethod(POST)
            wrapper.setReturnFormat(JSON)
            wrapper.setTimeout(st.timeout)
            self.requests += 1
            try:
                answer = wrapper.queryAndConvert()
                return answer["results"]["bindings"]
            except urllib.error.HTTPError as e:
                if e.code != 429 and e.code < 500:
                    raise LinkError(f"{self.origin}: refused the query (HTTP {e.code}); the store is unchanged") from e
                problem = f"HTTP {e.code}"
                after = _retry_after(e.headers.get("Retry-After") if e.headers else None)
                if after is not None:
                    delay = after
            except EndPointInternalError:
                problem = "HTTP 500"
            except (TimeoutError, socket.timeout):
                problem = f"no answer within {st.timeout:g} s"
            except urllib.error.URLError as e:
                if not isinstance(e.reason, (TimeoutError, socket.timeout)):
                    raise LinkError(f"{self.origin}: cannot connect ({e.reason}); the store is unchanged; "
                                    "check --endpoint, or link with --offline") from e
                problem = f"no answer within {st.timeout:g} s"
            except SPARQLWrapperException as e:
                raise LinkError(f"{self.origin}: refused the query ({' '.join(str(e).split())[:200]}); "
                                "the store is unchanged") from e
            except (ValueError, KeyError, TypeError) as e:
                raise LinkError(f"{self.origin}: answered something other than SPARQL JSON results ({e}); "
                                "the store is unchanged") from e
        raise LinkError(f"{self.origin}: {problem} after {st.retries + 1} tries; the store is unchanged; "
                        "try again later, raise the timeout, or link with --offline")


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return min(float(value.strip()), MAX_RETRY_AFTER)
    return None


def _literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid SPARQL string literal


def _chunks(seq: list, n: int) -> Iterable[list]:
    for i in range(0, len(seq), max(1, n)):
        yield seq[i:i + max(1, n)]


_IRI = re.compile(r"[^\s<>\"{}|\\^`]+")
_POINT = re.compile(r"point\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)", re.IGNORECASE)


def _item(iri: str, d: dict) -> Item:
    lat = lon = None
    if "coordinates" in d and (m := _POINT.search(d["coordinates"])):
        lon, lat = float(m.group(1)), float(m.group(2))
    elif "latitude" in d and "longitude" in d:
        lat, lon = _number(d["latitude"]), _number(d["longitude"])
    return Item(iri, frozenset(d["labels"]), frozenset(d["aliases"]), frozenset(d["types"]),
                tuple(Ref(i, frozenset(n)) for i, n in sorted(d["country"].items())),
                tuple(Ref(i, frozenset(n)) for i, n in sorted(d["within"].items())),
                lat, lon, _number(d.get("population")))


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def default_cache_dir() -> Path:
    """``$ATHAR_CACHE/links``, else ``$XDG_CACHE_HOME/athar/links``, else ``~/.cache/athar/links``."""
    if os.environ.get("ATHAR_CACHE"):
        return Path(os.environ["ATHAR_CACHE"]) / "links"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "athar" / "links"


# -- the shipped snapshot ----------------------------------------------------------

class SnapshotLinker:
    """The identifiers shipped with the package: rows of ``links/wikidata-verified.csv``
    (label_en, label_ar, kind, wikidata, lat, lon, sources). Asks nothing of the network."""

    def __init__(self, source: Source, path: str | Path | None = None):
        if not source.snapshot:
            raise LinkError(f"source '{source.name}' ships no snapshot; link it online (--online or --endpoint URL)")
        self.name = source.name
        self.kinds = {k: tuple(v) for k, v in source.snapshot.get("kinds", {}).items()}
        file = Path(path) if path else Path(str(LINKS_DIR / source.snapshot["file"]))
        self.origin = file.name
        self.method = "verified snapshot"
        self.requests = self.cached = 0
        self.items: dict[str, Item] = {}
        try:
            with file.open(encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f))
        except OSError as e:
            raise LinkError(f"{file}: cannot read the snapshot ({e.strerror or e})") from e
        for line, row in enumerate(rows, 2):
            qid = (row.get("wikidata") or "").strip()
            if not qid:
                continue
            if not re.fullmatch(r"Q\d+", qid) or not (row.get("sources") or "").strip():
                raise LinkError(f"{file}:{line}: a row needs a Q-id and the sources that confirm it")
            iri = source.item_prefix + qid
            lat, lon = _number(row.get("lat")), _number(row.get("lon"))
            where = ""
            if (lat is None or lon is None) and row["kind"] == "country":
                lat, lon, where = _country_point(row["label_en"])
            self.items[iri] = Item(iri, frozenset({(row["label_ar"], "ar"), (row["label_en"], "en")}),
                                   types=frozenset({row["kind"]}), lat=lat, lon=lon, sources=row["sources"].strip(),
                                   coordinates_source=where)
        self._by_label: dict[str, set[str]] = {}
        for item in self.items.values():
            for text, _ in item.labels:
                self._by_label.setdefault(key(text), set()).add(item.iri)

    def candidates(self, labels: Iterable[tuple[str, str]]) -> dict[tuple[str, str], set[str]]:
        return {lab: set(self._by_label.get(key(lab[0]), ())) for lab in labels}

    def describe(self, items: Iterable[str]) -> dict[str, Item]:
        return {i: self.items[i] for i in items if i in self.items}

    def accepted_types(self, classes: Iterable[str]) -> frozenset:
        classes = list(classes)
        return frozenset(kind for kind, fits in self.kinds.items() if classes and classes[0] in fits)


__all__ = ["Config", "Item", "Linker", "Ref", "Settings", "SnapshotLinker", "Source", "SparqlLinker",
           "default_cache_dir", "key", "load_config"]


def _country_point(name: str) -> tuple[float | None, float | None, str]:
    """A country's representative point from the countryinfo package (the map's outlines come
    from it too): REST Countries' ``latlng``, in whole degrees. (None, None, "") when it has none."""
    from countryinfo import CountryInfo

    try:
        lat, lon = CountryInfo(name).latlng()[:2]
    except (KeyError, ValueError, TypeError):
        return None, None, ""
    return float(lat), float(lon), ("a representative point of the country in whole degrees, from the "
                                    "countryinfo package (REST Countries' latlng)")
