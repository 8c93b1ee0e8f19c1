"""Which version of the record a build shows: the last commit touching the repository, from git."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path


@dataclasses.dataclass(frozen=True)
class RecordVersion:
    commit: str  # short hash, or "unversioned" outside git
    date: dt.date

    @property
    def known(self) -> bool:
        return self.commit != "unversioned"


def record_version(root: Path) -> RecordVersion:
    """The short commit and commit date of HEAD; a build outside git says so instead of guessing."""
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--abbrev=10", "--format=%h %cs"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        out = []
    if len(out) != 2:
        return RecordVersion("unversioned", dt.date(1970, 1, 1))
    return RecordVersion(out[0], dt.date.fromisoformat(out[1]))
