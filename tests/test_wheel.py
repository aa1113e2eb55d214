"""athar works installed, away from its repository: the wheel carries its package data,
and in a fresh virtual environment ``athar build`` and ``athar query`` answer from a
document written in a folder that is not the checkout.

The fresh environment installs the wheel's dependencies from the package index
(through pip's cache); it shares nothing with the development environment.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# What the wheel is built from: a copy, so that the build leaves nothing in the checkout
# (setuptools writes build/ and *.egg-info beside the sources) and nothing left there gets in.
SOURCES = ("pyproject.toml", "README.md", "src", "ontology", "queries")

DOCUMENT = """\
---
title: تحرير الفلوجة
published: 2016-06-27
language: ar
---
حررت القوات العراقية مدينة الفلوجة من تنظيم داعش في حزيران 2016.
وعاد آلاف النازحين إلى المدينة بعد أسابيع من المعارك.
"""

SELECT = """\
PREFIX athar: <https://w3id.org/athar/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?type ?place WHERE {
  ?e a ?class ; athar:place ?p . ?p rdfs:label ?place . FILTER(LANG(?place) = "en")
  BIND(STRAFTER(STR(?class), "#") AS ?type)
}"""


def _run(cmd: list, cwd: Path, env: dict, timeout: int = 300) -> str:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed ({done.returncode}):\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def env() -> dict:
    """The environment of the commands: no PYTHONPATH, no store from the caller's shell."""
    return {k: v for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "PYTHONHOME", "ATHAR_STORE", "VIRTUAL_ENV")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory, env) -> Path:
    src = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            # symlinks=True keeps src/athar/graph/ontology -> ../../../ontology as a link into the copy
            shutil.copytree(ROOT / name, src / name, symlinks=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"))
        else:
            shutil.copy2(ROOT / name, src / name)
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check",
          "-w", out, src], cwd=src, env=env)
    (built,) = out.glob("athar-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory, env) -> Path:
    """A fresh virtual environment with the wheel installed; its bin/ directory."""
    home = tmp_path_factory.mktemp("venv") / "athar"
    venv.create(home, with_pip=True, symlinks=True)
    bin_dir = home / "bin"
    _run([bin_dir / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel],
         cwd=home, env=env, timeout=600)
    return bin_dir


def test_the_wheel_carries_the_package_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"athar/read/lang/ar/{p.name}" for p in (ROOT / "src/athar/read/lang/ar").glob("*.tsv")}
    expected |= {f"athar/graph/ontology/{n}" for n in ("athar.ttl", "shapes.ttl", "mappings.ttl")}
    expected |= {f"athar/use/queries/{p.name}" for p in (ROOT / "queries").glob("*.rq")}
    expected |= {f"athar/graph/summaries/{p.name}" for p in (ROOT / "src/athar/graph/summaries").glob("*.rq")}
    assert len(expected) > 20
    assert sorted(expected - names) == []
    outside = sorted(n for n in names if not n.startswith(("athar/", "athar-")))
    assert outside == [], "files outside the athar package"
    meta = sorted({n.split("/")[0] for n in names if n.startswith("athar-")})
    assert len(meta) == 1 and meta[0].endswith(".dist-info"), meta


def test_the_wheel_carries_every_module(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(ROOT / "src").as_posix() for p in (ROOT / "src/athar").rglob("*.py")}
    assert sorted(modules - names) == []


def test_installed_athar_builds_and_answers_outside_the_repository(installed, tmp_path, env):
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "falluja.txt").write_text(DOCUMENT, encoding="utf-8")
    athar = installed / "athar"

    where = _run([installed / "python", "-c", "import athar; print(athar.__file__)"], cwd=work, env=env)
    assert Path(where.strip()).is_relative_to(installed.parent), f"athar imported from {where}"
    assert not Path(where.strip()).is_relative_to(ROOT)

    built = _run([athar, "build", "falluja.txt", "--store", "S"], cwd=work, env=env)
    assert "documents: 1" in built

    rows = list(csv.DictReader(io.StringIO(
        _run([athar, "query", "-e", SELECT, "-f", "csv", "--store", "S"], cwd=work, env=env))))
    assert {"type": "Liberation", "place": "Fallujah"} in rows, rows

    saved = list(csv.DictReader(io.StringIO(
        _run([athar, "query", "liberations", "-f", "csv", "--store", "S"], cwd=work, env=env))))
    assert [(r["place"], r["date"]) for r in saved] == [("Fallujah", "2016-06")], saved
    assert "الفلوجة" in saved[0]["evidence"]

    places = list(csv.DictReader(io.StringIO(  # an aggregate: read from the summary graph the build drew
        _run([athar, "query", "places", "-f", "csv", "--store", "S"], cwd=work, env=env))))
    # the liberation and the return "إلى المدينة" ("بعد أسابيع من المعارك" names the fighting as a
    # length of time, with no side: background, no event of its own)
    assert [(r["place"], r["events"], set(r["types"].split(", "))) for r in places] == \
        [("Fallujah", "2", {"Liberation", "Return"})], places
