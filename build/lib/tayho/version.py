"""Which version of the record a build shows: the last commit, from git, and the release it is, if it is one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path

from .releases import RELEASES_FILE, read_releases


@dataclasses.dataclass(frozen=True)
class RecordVersion:
    commit: str  # short hash, or "unversioned" outside git
    date: dt.date
    release: str | None = None  # the release whose content this build is exactly, if any

    @property
    def known(self) -> bool:
        return self.commit != "unversioned"


def _git(root: Path, *args: str) -> subprocess.CompletedProcess | None:
    try:
        return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None


def record_version(root: Path) -> RecordVersion:
    """The short commit and commit date of HEAD; a build outside git says so instead of guessing."""
    result = _git(root, "log", "-1", "--abbrev=10", "--format=%h %cs")
    out = result.stdout.split() if result is not None and result.returncode == 0 else []
    if len(out) != 2:
        return RecordVersion("unversioned", dt.date(1970, 1, 1))
    return RecordVersion(out[0], dt.date.fromisoformat(out[1]), released_as(root))


def released_as(root: Path) -> str | None:
    """The version of the last release, if the checkout holds exactly its content (the release commit, or later
    commits that changed nothing but data/releases.yaml) with nothing uncommitted; else None."""
    releases = read_releases(root)
    if not releases:
        return None
    last = releases[-1]
    status = _git(root, "status", "--porcelain", "--untracked-files=no")
    if status is None or status.returncode != 0 or status.stdout.strip():
        return None
    if last.commit is None:  # the release commit itself, whose hash the next commit records
        return last.version
    changed = _git(root, "diff", "--quiet", last.commit, "HEAD", "--", ".", f":(exclude){RELEASES_FILE}")
    return last.version if changed is not None and changed.returncode == 0 else None
