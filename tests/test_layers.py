"""The house keeps its shape: rooms import only from the rooms before them, no module
grows past 500 lines, and prefixes and roles are declared once (``graph/prefixes.py`` and
``read/roles.py``, both re-exported by ``graph/terms.py``), in agreement with the ontology."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph

from athar.read.rules import ROLES as RULE_ROLES
from athar.graph import prefixes
from athar.graph.terms import ATHAR, EVENT_ROLES, ONTOLOGY_PATH, PREFIXES, ROLES, SEM, sparql_prefixes

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "athar"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 500
# Over the limit today, to be split by what they do; each shows as XFAIL until it is.
TO_SPLIT: set[str] = set()  # modules known to be over the limit, none today


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


# -- layers -------------------------------------------------------------------

def test_import_contracts_hold():
    """import-linter's contracts in pyproject.toml: cli > use > graph > read > errors, no cycles."""
    lint = Path(sys.executable).with_name("lint-imports")
    assert lint.exists(), f"{lint} is missing: install the test extra (scripts/setup.sh --test)"
    run = subprocess.run([str(lint), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    report = run.stdout[run.stdout.find("Contracts"):] + run.stderr
    assert run.returncode == 0, report


def test_nothing_but_the_entry_point_imports_the_cli():
    importers = []
    for path in MODULES:
        if _name(path).startswith("cli/"):
            continue  # the command line's own modules
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == "athar.cli" or n.startswith("athar.cli.") for n in names):
                importers.append(_name(path))
    assert importers == ["__main__.py"], f"athar.cli is imported by {importers}"


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=_name(p),
                  marks=[pytest.mark.xfail(reason=f"over {MAX_LINES} lines: to be split", strict=False)]
                  if _name(p) in TO_SPLIT else [])
     for p in MODULES],
)
def test_module_is_at_most_500_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{_name(path)} has {lines} lines; split it by what it does"


# -- roles ----------------------------------------------------------------------

def _ontology_roles() -> set[str]:
    """The ontology's role properties: object properties on events, each a sub-property of one of SEM's."""
    onto = Graph().parse(ONTOLOGY_PATH, format="turtle")
    roles = set()
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        if not str(prop).startswith(str(ATHAR._NS)):
            continue
        domains = set(onto.objects(prop, RDFS.domain))
        domains |= {m for d in domains for u in onto.objects(d, OWL.unionOf) for m in onto.items(u)}
        sem = [s for s in onto.objects(prop, RDFS.subPropertyOf) if str(s).startswith(str(SEM))]
        if ATHAR.Event in domains and sem:
            roles.add(str(prop)[len(str(ATHAR._NS)):])
    return roles


def test_roles_are_the_rules_roles():
    assert ROLES is RULE_ROLES
    assert EVENT_ROLES[:len(ROLES)] == ROLES
    assert len(set(EVENT_ROLES)) == len(EVENT_ROLES), "a role is listed twice"


def test_every_role_is_a_role_property_of_the_ontology():
    declared = _ontology_roles()
    assert set(EVENT_ROLES) == declared, (
        f"in EVENT_ROLES only: {sorted(set(EVENT_ROLES) - declared)}; "
        f"in the ontology only: {sorted(declared - set(EVENT_ROLES))}")


# -- prefixes -------------------------------------------------------------------

@pytest.mark.parametrize("name", ["athar.ttl", "shapes.ttl", "mappings.ttl"])
def test_prefixes_agree_with_the_ontology_files(name):
    text = (ONTOLOGY_PATH.parent / name).read_text(encoding="utf-8")
    declared = dict(re.findall(r"@prefix\s+(\w*):\s*<([^>]*)>", text))
    assert declared, f"{name} declares no prefix"
    assert {p: PREFIXES.get(p) for p in declared} == declared


def test_sparql_prefixes_are_lines_of_the_map():
    assert sparql_prefixes("athar", "nif") == (f"PREFIX athar: <{PREFIXES['athar']}>\n"
                                               f"PREFIX nif: <{PREFIXES['nif']}>\n")
    assert str(ATHAR._NS) == PREFIXES["athar"]
    assert len(set(PREFIXES.values())) == len(PREFIXES), "two prefixes for one namespace"


def _strings(path: Path):
    """The string constants of a module, but its docstrings, with their line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


@pytest.mark.parametrize("path", [pytest.param(p, id=_name(p)) for p in MODULES
                                  if p != Path(prefixes.__file__).resolve()])
def test_namespaces_are_written_only_in_terms(path):
    found = [f"{_name(path)}:{line}: {iri}" for line, s in _strings(path)
             for iri in PREFIXES.values() if iri in s]
    found += [f"{_name(path)}:{line}: a PREFIX line" for line, s in _strings(path)
              if re.search(r"^\s*PREFIX\s+\w*:", s, re.MULTILINE | re.IGNORECASE)]
    assert not found, "use athar.graph.prefixes.PREFIXES or sparql_prefixes:\n" + "\n".join(found)
