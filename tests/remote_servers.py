"""Real SPARQL servers on loopback, started for the remote store's tests and benchmark.

- Oxigraph: ``oxigraph serve`` (the ``oxigraph`` package's binary), in a folder of its own:
  queries at /query, updates at /update, the Graph Store at /store; no authentication.
- Virtuoso: Debian's ``virtuoso-t`` with its own virtuoso.ini in a folder of its own, its SQL and
  HTTP ports on 127.0.0.1 only; the password of ``dba`` set through ``isql-vt``; queries at
  /sparql, updates at /sparql-auth and the Graph Store at /sparql-graph-crud-auth, both behind
  HTTP Digest authentication.

Each yields the path of a .toml file naming the endpoints (the password in the environment
variable the file names), as a user would write it. A server that cannot start is an error,
never a skip.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent
VIRTUOSO_PASSWORD_ENV = "ATHAR_TEST_VIRTUOSO_PASSWORD"
# Where Virtuoso 7.2 (Debian's) answers otherwise than the SPARQL 1.1 standard; the test of
# each (tests/test_remote_store.py) is expected to fail (strictly: a Virtuoso that answers right makes it pass, and fail).
VIRTUOSO_DEVIATES: dict[str, str] = {}  # none today: the saved queries are written so both answer alike

_VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
CaseMode           = 2
DirsAllowed        = .
NumberOfBuffers    = 20000
MaxDirtyBuffers    = 12000
CheckpointInterval = 60
[HTTPServer]
ServerPort         = 127.0.0.1:{http_port}
ServerRoot         = {dir}
ServerThreads      = 10
MaxClientConnections = 10
Charset            = UTF-8
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows   = 10000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph", path=str(BIN)) or shutil.which("oxigraph")
    if found is None:
        raise RuntimeError("no oxigraph binary: install the test extra (pip install -e '.[test]'), which has "
                           "the oxigraph package")
    return found


def virtuoso_binaries() -> tuple[str, str]:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if server is None or isql is None:
        raise RuntimeError("no virtuoso-t or isql-vt: install Debian's virtuoso-opensource "
                           "(scripts/setup.sh --test does)")
    return server, isql


@contextmanager
def oxigraph_server(folder: Path):
    """``oxigraph serve`` on a free loopback port; yields the .toml file naming its endpoints."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = _start([oxigraph_binary(), "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
                  f"{base}/query", folder / "oxigraph.log")
    config = folder / "oxigraph.toml"
    config.write_text(f'query = "{base}/query"\nupdate = "{base}/update"\ngraph_store = "{base}/store"\n')
    try:
        yield config
    finally:
        _stop(proc)


@contextmanager
def virtuoso_server(folder: Path, password: str):
    """Virtuoso on free loopback ports, ``dba``'s password set to ``password``; yields the .toml
    file naming its endpoints (the password read from $ATHAR_TEST_VIRTUOSO_PASSWORD)."""
    server, isql = virtuoso_binaries()
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(dir=folder, sql_port=sql_port, http_port=http_port))
    base = f"http://127.0.0.1:{http_port}"
    proc = _start([server, "+configfile", str(ini), "+foreground"], f"{base}/sparql", folder / "virtuoso.out",
                  wait=120)
    try:
        done = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba", "exec=USER_SET_PASSWORD('dba', '" + password.replace("'", "''") + "');"],
                              capture_output=True, text=True, timeout=60)
        if done.returncode != 0 or "Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql-vt could not set dba's password: {done.stdout} {done.stderr}")
        config = folder / "virtuoso.toml"
        config.write_text(f'query = "{base}/sparql"\nupdate = "{base}/sparql-auth"\n'
                          f'graph_store = "{base}/sparql-graph-crud-auth"\nuser = "dba"\n'
                          f'password_env = "{VIRTUOSO_PASSWORD_ENV}"\nauth = "digest"\n'
                          "union_default_graph = true\n")
        yield config
    finally:
        _stop(proc)


def _start(command: list[str], url: str, log: Path, wait: float = 60) -> subprocess.Popen:
    """Start a server and wait until its SPARQL endpoint answers ``ASK {}``."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                cwd=log.parent)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"{command[0]} exited with {proc.returncode}: {log.read_text(errors='replace')[-800:]}")
        time.sleep(0.25)
    _stop(proc)
    raise RuntimeError(f"{command[0]} did not answer at {url} within {wait:g} s: "
                       f"{log.read_text(errors='replace')[-800:]}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
