"""Every athar: term the code, the queries, the shapes and the mappings use is in the ontology,
and the ontology (with its mappings) is OWL 2 DL by a registry package's profile checker."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef

from athar.graph.terms import ATHAR, ONTOLOGY_PATH

ROOT = Path(__file__).resolve().parents[1]
NS = str(ATHAR._NS)
# ATHAR.Liberation, ATHAR["Liberation"] in Python; athar:Liberation in SPARQL and Turtle.
PYTHON_TERM = re.compile(r"""\bATHAR(?:\.([A-Za-z][A-Za-z0-9]*)|\[\s*["']([A-Za-z][A-Za-z0-9]*)["']\s*\])""")
PREFIXED_TERM = re.compile(r"(?<![\w/#])athar:([A-Za-z][A-Za-z0-9]*)")
# Python strings that hold SPARQL also use athar:xxx; a prefix declaration is not a term.
_DECLARATION = re.compile(r"(?:PREFIX|@prefix)\s+athar:\s*<[^>]*>", re.IGNORECASE)


def _without_docstrings(text: str) -> str:
    """Python source with its docstrings blanked: they may name a term to say it does not exist."""
    lines = text.splitlines(keepends=True)
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for i in range(node.lineno - 1, node.end_lineno):
                lines[i] = "\n"
    return "".join(lines)


def _uses(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        text = _without_docstrings(text)
    text = _DECLARATION.sub("", text)
    names = {a or b for a, b in PYTHON_TERM.findall(text)} if path.suffix == ".py" else set()
    return names | set(PREFIXED_TERM.findall(text))


def _sources() -> list[Path]:
    return sorted([*(ROOT / "src" / "athar").rglob("*.py"), *(ROOT / "queries").glob("*.rq"),
                   ROOT / "ontology" / "shapes.ttl", ROOT / "ontology" / "mappings.ttl"])


@pytest.fixture(scope="module")
def declared() -> set[str]:
    g = Graph().parse(ONTOLOGY_PATH, format="turtle")
    return {str(s)[len(NS):] for s in g.subjects(RDF.type, None)
            if isinstance(s, URIRef) and str(s).startswith(NS)}


def test_the_scan_finds_terms():
    used = set().union(*(_uses(p) for p in _sources()))
    assert {"Liberation", "agent", "evidence", "locatedIn"} <= used, sorted(used)


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_terms_used_are_declared(declared, path):
    missing = sorted(_uses(path) - declared)
    assert not missing, f"{path.relative_to(ROOT)} uses athar: terms the ontology does not declare: {missing}"


@pytest.mark.parametrize("name", ["athar.ttl", "mappings.ttl"])
def test_ontology_is_owl2_dl(name):
    """py-horned-owl's profile checker (pyhornedowl.profile) finds no OWL 2 DL violation."""
    import pyhornedowl
    from pyhornedowl.profile import check_profile

    ontology = pyhornedowl.open_ontology(str(ONTOLOGY_PATH.with_name(name)), "ttl")
    report = check_profile(ontology, "DL")
    problems = [f"{type(v).__name__}: {v.message} {getattr(v, 'iri', '') or getattr(v, 'axiom', '')}"
                for v in report.violations]
    assert report.conformant, "not OWL 2 DL (see docs/ontology/PROFILE.md):\n" + "\n".join(problems)
