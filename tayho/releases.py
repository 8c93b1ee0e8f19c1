"""The record's releases: data/releases.yaml lists each one (version, date, commit), so that a clone or a mirror
that drops git tags still finds every release; the tags say the same.

Versions follow semantic versioning, read for a record (docs/releases.md): MAJOR when a published figure, text or
id changes meaning (a corrected figure, a highlight removed or renamed), MINOR when something is added (a new
highlight, a new translation, new notes, documents or events), PATCH when nothing a reader relies on changes (a
typo in a translation, wording of the editors' own notes, the site's code).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import yaml

from .errors import Problem, RecordError

RELEASES_FILE = "data/releases.yaml"
VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
HEADER = (
    "# Every release of the record: its version (semantic, see docs/releases.md), date and commit. Written by\n"
    "# `make release VERSION=x.y.z`; never edit or remove an entry. The commit is filled in by the commit that\n"
    "# follows the release's own.\n"
)


@dataclasses.dataclass(frozen=True)
class Release:
    version: str
    date: dt.date
    commit: str | None  # the release commit's hash; None only between the release commit and the next

    @property
    def key(self) -> tuple[int, int, int]:
        return version_key(self.version)


def version_key(version: str) -> tuple[int, int, int]:
    match = VERSION.match(version)
    if not match:
        raise ValueError(f"{version!r} is not a version of the form MAJOR.MINOR.PATCH, such as 1.0.0")
    return tuple(int(part) for part in match.groups())


def read_releases(root: Path) -> list[Release]:
    """The releases, oldest first; a file that does not exist means none yet."""
    path = root / RELEASES_FILE
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise RecordError([Problem(RELEASES_FILE, 1, "", f"cannot be read: {error}")]) from None
    releases, problems = [], []
    for index, entry in enumerate(data.get("releases") or []):
        try:
            version_key(str(entry["version"]))
            commit = entry.get("commit")
            if commit is not None and not re.fullmatch(r"[0-9a-f]{7,40}", str(commit)):
                raise ValueError(f"commit {commit!r} is not a git commit hash")
            if not isinstance(entry["date"], dt.date):
                raise ValueError("date must be written YYYY-MM-DD")
            releases.append(Release(str(entry["version"]), entry["date"], commit))
        except (KeyError, TypeError, ValueError) as error:
            problems.append(Problem(RELEASES_FILE, 1, f"releases[{index}]", str(error).strip("'\"")))
    if [release.key for release in releases] != sorted({release.key for release in releases}):
        problems.append(Problem(RELEASES_FILE, 1, "releases", "list each version once, oldest first"))
    if problems:
        raise RecordError(problems)
    return releases


def write_releases(root: Path, releases: list[Release]) -> None:
    entries = [{"version": r.version, "date": r.date, "commit": r.commit} for r in releases]
    text = HEADER + yaml.safe_dump({"releases": entries}, sort_keys=False, allow_unicode=True)
    (root / RELEASES_FILE).write_text(text, encoding="utf-8")


def latest(releases: list[Release]) -> Release | None:
    return releases[-1] if releases else None
