"""Where the store is: a folder on this machine, a SPARQL endpoint's URL, or a TOML file naming a
server's endpoints and credentials. :func:`open_store` opens any of them.

A URL serves queries and updates itself (Virtuoso's ``/sparql-auth``, a Fuseki dataset); one
ending in ``/query`` has its update endpoint beside it (``/update``: Oxigraph, Fuseki). A file
names each endpoint, the Graph Store endpoint among them::

    query = "http://127.0.0.1:8890/sparql"
    update = "http://127.0.0.1:8890/sparql-auth"
    graph_store = "http://127.0.0.1:8890/sparql-graph-crud-auth"
    user = "dba"
    password_env = "VIRTUOSO_PASSWORD"   # or password = "..." in a file only you can read
    auth = "digest"                      # or "basic"; default: the scheme the server asks for
    timeout = 60                         # seconds a request may take
    union_default_graph = true           # the server's default graph is the union of its graphs

Credentials never have to be written on the command line: ``$ATHAR_STORE_USER``,
``$ATHAR_STORE_PASSWORD`` and ``$ATHAR_STORE_AUTH`` give them where the file does not.
"""

from __future__ import annotations

import logging
import os
import stat
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from athar.errors import StoreError
from athar.graph.store import Store

if TYPE_CHECKING:
    from athar.graph.remote import Endpoints

# athar.graph.remote (httpx) is imported when a remote store is named: a command on a store on
# this machine does not pay for the HTTP client (a sixth of ``athar query``'s start).

log = logging.getLogger(__name__)

_KEYS = {"query", "update", "graph_store", "user", "password", "password_env", "auth", "timeout",
         "union_default_graph"}
_AUTH = ("basic", "digest")


def is_remote(spec: str | Path | None) -> bool:
    """Whether ``spec`` names a SPARQL server (a URL or a .toml file), not a folder."""
    text = str(spec) if spec is not None else ""
    return text.startswith(("http://", "https://")) or text.endswith(".toml")


def open_store(spec: str | Path | None, *, read_only: bool = False, timeout: float | None = None):
    """The store ``spec`` names: in memory for None, a :class:`RemoteStore` for a URL or a .toml
    file, else the embedded :class:`Store` in that folder. ``timeout`` (seconds) overrides the
    file's for a remote store's queries."""
    if spec is None:
        return Store()
    if not is_remote(spec):
        return Store(spec, read_only=read_only)
    from athar.graph.remote import RemoteStore

    endpoints = read_endpoints(str(spec))
    store = RemoteStore(endpoints, read_only=read_only)
    if timeout is not None:
        store.timeout = timeout
    return store


def read_endpoints(spec: str, environ: dict | None = None) -> Endpoints:
    """The endpoints and credentials a URL or a .toml file names, completed from the environment."""
    from athar.graph.remote import Endpoints

    env = os.environ if environ is None else environ
    if spec.endswith(".toml") and not spec.startswith(("http://", "https://")):
        config = _read_toml(Path(spec))
        where = spec
    else:
        config, where = {"query": spec}, "--store"
    query = _url(config.get("query"), "query", where)
    update = _url(config.get("update") or _beside(query), "update", where)
    graph_store = _url(config["graph_store"], "graph_store", where) if config.get("graph_store") else None
    user = config.get("user") or env.get("ATHAR_STORE_USER") or None
    password = config.get("password")
    if password is None and config.get("password_env"):
        password = env.get(config["password_env"])
        if password is None:
            raise StoreError(f"{where}: password_env names ${config['password_env']}, which is not set; "
                             "export it before running athar")
    if password is None:
        password = env.get("ATHAR_STORE_PASSWORD")
    if password is not None and not user:
        raise StoreError(f"{where}: a password is given but no user; set 'user' in the file or $ATHAR_STORE_USER")
    auth = (config.get("auth") or env.get("ATHAR_STORE_AUTH") or "").lower() or None
    if auth is not None and auth not in _AUTH:
        raise StoreError(f"{where}: auth is '{auth}'; use basic or digest (or leave it out: the server's choice)")
    timeout = config.get("timeout", 60.0)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise StoreError(f"{where}: timeout is {timeout!r}; give a positive number of seconds")
    return Endpoints(query=query, update=update, graph_store=graph_store, user=user, password=password,
                     auth=auth, timeout=float(timeout), union_default_graph=config.get("union_default_graph", False))


def _read_toml(path: Path) -> dict:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise StoreError(f"{path}: cannot read the store's file ({e.strerror or e}); it names a SPARQL server's "
                         "endpoints (see README, 'A remote store')") from e
    try:
        config = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise StoreError(f"{path}: is not a TOML file ({e})") from e
    config = config.get("store", config)  # the keys at the top, or under [store]
    unknown = sorted(set(config) - _KEYS)
    if unknown:
        raise StoreError(f"{path}: unknown key{'s' * (len(unknown) > 1)} {', '.join(unknown)}; "
                         f"the keys are {', '.join(sorted(_KEYS))}")
    if not isinstance(config.get("union_default_graph", False), bool):
        raise StoreError(f"{path}: union_default_graph must be true or false")
    for key in _KEYS - {"timeout", "union_default_graph"}:
        if key in config and not isinstance(config[key], str):
            raise StoreError(f"{path}: {key} must be a string, not {config[key]!r}")
    if "password" in config and os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("%s: holds a password and others can read it; chmod 600 it, or use password_env", path)
    return config


def _url(value: str | None, key: str, where: str) -> str:
    if not value:
        raise StoreError(f"{where}: no {key} endpoint; give its URL ({key} = \"http://host/sparql\")")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{where}: {key} endpoint '{value}' is not an http(s) URL")
    if parts.username or parts.password:
        shown = urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else "")))
        raise StoreError(f"{where}: {shown} carries credentials in the URL, where they leak into logs and shell "
                         "history; set $ATHAR_STORE_USER and $ATHAR_STORE_PASSWORD (or a .toml file) instead")
    return value


def _beside(query: str | None) -> str | None:
    """The update endpoint of a query endpoint: ``.../update`` beside ``.../query``, else itself."""
    if query and urlsplit(query).path.endswith("/query"):
        parts = urlsplit(query)
        return urlunsplit(parts._replace(path=parts.path[: -len("query")] + "update"))
    return query
