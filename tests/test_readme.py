"""The README's Python example runs as written and prints what the README says it prints.

What a user checks here: copying the example from the README into a Python session gives the
lines shown in its comments."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def python_example() -> tuple[str, list[str]]:
    """The README's ```python block, and the lines its comments say it prints."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", text, re.S)
    assert block, "the README has no ```python example"
    code = block.group(1)
    # a comment on a line of its own shows what the line before it prints
    return code, re.findall(r"^\s*# (.+)$", code, re.M)


def test_the_readme_example_prints_what_it_says():
    code, expected = python_example()
    assert len(expected) == 3, expected
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == expected
