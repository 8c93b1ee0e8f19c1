"""Problems found in the record, each tied to a field path and a source line, and how they are printed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Union

PathPart = Union[str, int]
Path = tuple[PathPart, ...]


@dataclasses.dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the record: where (file, line, field path) and what."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where} {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class RecordError(Exception):
    """Raised with every problem found at once; its text is the report an editor reads."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"The record has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([heading, *(f"  {problem}" for problem in self.problems)])


def format_path(path: Path) -> str:
    """Render ('highlights', 0, 'figures', 2, 'value') as highlights[0].figures[2].value."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text
