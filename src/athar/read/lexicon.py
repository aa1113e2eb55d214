"""Linguistic data as TSV tables: parsing and validation (a :class:`~athar.read.language.Language`
reads the tables of ``athar/read/lang/ar/``).

Every lexicon is a TSV file: a header line naming the columns, then one entry
per line; ``#`` starts a comment line; a cell with several values separates
them with `` | ``. The loader checks every entry and names ``file:line`` in its
error, so that an analyst can fix the data without reading Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from athar.errors import LexiconError
from athar.read.text import normalize_word


@dataclass(frozen=True)
class Row:
    """One entry of a lexicon, with where it came from."""

    file: str
    line: int
    cells: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.cells[key]

    def get(self, key: str, default: str = "") -> str:
        return self.cells.get(key) or default

    def many(self, key: str) -> list[str]:
        """The ``|``-separated values of a cell, stripped, empty ones dropped."""
        return [v.strip() for v in self.get(key).split("|") if v.strip()]

    def forms(self, key: str) -> list[str]:
        """Like :meth:`many`, normalized as text is (for matching)."""
        return [normalize_word(v) for v in self.many(key)]

    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def fail(self, message: str) -> LexiconError:
        return LexiconError(f"{self.where()}: {message}")


def parse_table(lines: Iterable[str], file: str, required: tuple[str, ...]) -> list[Row]:
    header: list[str] | None = None
    rows: list[Row] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        while len(cells) > 1 and not cells[-1]:
            cells.pop()
        if header is None:
            header = cells
            missing = [c for c in required if c not in header]
            if missing:
                raise LexiconError(f"{file}:{number}: header lacks column(s) {missing}; it has {header}")
            continue
        if len(cells) > len(header):
            raise LexiconError(
                f"{file}:{number}: {len(cells)} cells but the header has {len(header)} columns "
                "(separate columns with one TAB)"
            )
        row = Row(file, number, dict(zip(header, cells + [""] * (len(header) - len(cells)))))
        for column in required:
            if not row.get(column):
                raise row.fail(f"column '{column}' is empty")
        rows.append(row)
    if header is None:
        raise LexiconError(f"{file}: the lexicon is empty (no header line)")
    return rows


def check_choice(row: Row, column: str, allowed: Iterable[str]) -> str:
    """The cell's value, which must be one of ``allowed``."""
    value = row.get(column)
    allowed = tuple(allowed)
    if value not in allowed:
        raise row.fail(f"'{column}' is '{value}', expected one of {', '.join(allowed)}")
    return value


def check_number(row: Row, column: str, convert: Callable[[str], float] = float) -> float:
    try:
        return convert(row[column])
    except ValueError as e:
        raise row.fail(f"'{column}' is '{row[column]}', expected a number") from e
