"""Making a release of the record: `tayho release VERSION` (after `make test`, which `make release` runs first).

On a clean checkout, it writes the version and date into data/releases.yaml, the record's change history and
CITATION.cff, commits that as "Release VERSION", tags it vVERSION, then records the release commit's hash in
data/releases.yaml in a second commit (a commit cannot hold its own hash). It then builds the site, with every
release served under v/VERSION/, and the preservation package (tayho/preserve.py) into release/.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from mkdocs.exceptions import Abort

from .i18n import words
from .releases import RELEASES_FILE, Release, read_releases, version_key, write_releases
from .yamlsource import parse

CITATION_FILE = "CITATION.cff"


def git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise Abort(f"git {' '.join(args)} failed: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout.strip()


def check_ready(root: Path, version: str) -> list[Release]:
    """A release needs a clean checkout and a version after every earlier one; the releases so far."""
    try:
        key = version_key(version)
    except ValueError as error:
        raise Abort(str(error)) from None
    if git(root, "status", "--porcelain", "--untracked-files=no"):
        raise Abort("the checkout has uncommitted changes: commit or stash them, then release")
    releases = read_releases(root)
    if releases and key <= releases[-1].key:
        raise Abort(f"{version} does not come after the last release, {releases[-1].version}")
    if git(root, "tag", "--list", f"v{version}"):
        raise Abort(f"the tag v{version} exists already")
    return releases


def add_change(root: Path, record_file: str, languages: tuple[str, ...], version: str, date: dt.date) -> None:
    """Append "Version X released" to the record's change history, as an editor would write it."""
    path = root / record_file
    text = path.read_text(encoding="utf-8")
    data, lines = parse(text, record_file)
    changes = data.get("changes") or []
    if not changes:
        raise Abort(f"{record_file} has no change history to add the release to")
    last_line = lines.line_of(("changes", len(changes) - 1))
    rows = text.split("\n")
    indent = len(rows[last_line - 1]) - len(rows[last_line - 1].lstrip(" "))
    end = last_line
    while end < len(rows) and (not rows[end].strip() or len(rows[end]) - len(rows[end].lstrip(" ")) > indent):
        end += 1
    texts = ", ".join(f'{code}: "{words(code).release_change.format(version=version)}"' for code in languages)
    entry = [f"{' ' * indent}- date: {date.isoformat()}", f"{' ' * indent}  text: {{{texts}}}"]
    while end > last_line and not rows[end - 1].strip():
        end -= 1
    path.write_text("\n".join(rows[:end] + entry + rows[end:]), encoding="utf-8")


def update_citation_file(root: Path, version: str, date: dt.date, url: str) -> None:
    """Set version, date-released and url in CITATION.cff, keeping everything else as written."""
    path = root / CITATION_FILE
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    for key, value in (("version", f'"{version}"'), ("date-released", f"{date.isoformat()}"), ("url", f'"{url}"')):
        line = f"{key}: {value}"
        text, count = re.subn(rf"^{re.escape(key)}:.*$", line, text, flags=re.M)
        if not count:
            text = text.rstrip("\n") + f"\n{line}\n"
    path.write_text(text, encoding="utf-8")


def make_release(
    root: Path, version: str, record_file: str, languages: tuple[str, ...], site_url: str, today: dt.date | None = None
) -> Release:
    """Commit, tag and record release `version` of the checkout at `root`; return it, with its commit."""
    releases = check_ready(root, version)
    date = today or dt.date.today()
    write_releases(root, [*releases, Release(version, date, None)])
    add_change(root, record_file, languages, version, date)
    update_citation_file(root, version, date, f"{site_url}v/{version}/")
    git(root, "add", "--", RELEASES_FILE, record_file, *([CITATION_FILE] if (root / CITATION_FILE).is_file() else []))
    git(root, "commit", "-q", "-m", f"Release {version}")
    commit = git(root, "rev-parse", "HEAD")
    git(root, "tag", "-a", f"v{version}", "-m", f"Release {version} of the record")
    release = Release(version, date, commit)
    write_releases(root, [*releases, release])
    git(root, "add", "--", RELEASES_FILE)
    git(root, "commit", "-q", "-m", f"Record the commit of release {version} ({commit[:10]}) in {RELEASES_FILE}")
    return release
