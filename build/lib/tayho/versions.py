"""Every release stays readable: each one is built from its own commit, with its own code, and served under
v/VERSION/ of the site, each page with a banner that says which release it is and leads to the same page of the
current site.

A release's site is built once, in a git worktree of its commit (`python -m tayho build` run with that commit's
package first on the path, so the build never depends on today's code reading old data), and kept in
.tayho-cache/versions/; only a new release costs a build. The site's own build then copies each release in.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.exceptions import Abort

from .releases import Release, read_releases

VERSIONS_DIR = "v/"


@dataclasses.dataclass(frozen=True)
class VersionSite:
    """A release, built: its version, date, folder and the pages it has (paths from the site root)."""

    version: str
    date: str
    commit: str
    folder: Path
    pages: frozenset[str]

    def record(self) -> dict:
        """The release's record as it published it (data/record.json), read as plain data."""
        return json.loads((self.folder / "data" / "record.json").read_text(encoding="utf-8"))


def cache_dir(root: Path) -> Path:
    return root / ".tayho-cache" / "versions"


def _pages(site: Path) -> frozenset[str]:
    return frozenset(
        path.relative_to(site).as_posix()[: -len("index.html")]
        for path in site.rglob("index.html")
        if "/v/" not in f"/{path.relative_to(site).as_posix()}"
    )


def build_release(root: Path, release: Release, site_url: str) -> Path:
    """The site of `release` for the site at `site_url`, from the cache or built in a worktree of its commit."""
    address = hashlib.sha256(site_url.encode("utf-8")).hexdigest()[:12]
    target = cache_dir(root) / f"{release.version}-{release.commit[:12]}-{address}"
    if (target / "SHA256SUMS").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="tayho-release-") as scratch:
        tree = Path(scratch) / "tree"
        _git(root, "worktree", "add", "--detach", "-f", str(tree), release.commit)
        try:
            _build_in(tree, target, release, site_url)
        finally:
            _git(root, "worktree", "remove", "--force", str(tree))
    return target


def _build_in(tree: Path, target: Path, release: Release, site_url: str) -> None:
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    environment = dict(os.environ, PYTHONPATH=str(tree))  # the release's own code, not today's
    environment.pop("SOURCE_DATE_EPOCH", None)  # its own commit's time
    command = [
        sys.executable,
        "-m",
        "tayho",
        "build",
        "--root",
        str(tree),
        "--site-dir",
        str(staging),
        "--site-url",
        f"{site_url}{VERSIONS_DIR}{release.version}/",
        "--as-version",
        release.version,
        "--current-url",
        site_url,
    ]
    result = subprocess.run(command, cwd=tree, env=environment, capture_output=True, text=True, timeout=3600)
    if result.returncode != 0:
        raise Abort(
            f"release {release.version} (commit {release.commit[:10]}) could not be built:\n"
            f"{result.stderr.strip()[-3000:]}"
        )
    staging.rename(target)


def _git(root: Path, *args: str) -> None:
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise Abort(f"git {' '.join(args)}: {result.stderr.strip()}")


def release_sites(root: Path, site_url: str) -> list[VersionSite]:
    """Every recorded release, built (or from the cache), oldest first. Releases whose commit is not yet recorded
    (the release commit itself) are left out: the next commit records them."""
    releases = [release for release in read_releases(root) if release.commit]
    if not releases:
        return []
    sites = []
    for release in releases:
        folder = build_release(root, release, site_url)
        sites.append(VersionSite(release.version, release.date.isoformat(), release.commit, folder, _pages(folder)))
    return sites


def prune(root: Path, sites: list[VersionSite]) -> None:
    """Delete cached builds no site uses any more (for another address, or a build cut short)."""
    keep = {site.folder for site in sites}
    for folder in cache_dir(root).glob("*"):
        if folder not in keep:
            shutil.rmtree(folder, ignore_errors=True)


def copy_into(site: Path, sites: list[VersionSite]) -> None:
    """Put every release's site under v/VERSION/ of the site being built, and versions.json beside them."""
    for version in sites:
        shutil.copytree(version.folder, site / VERSIONS_DIR / version.version, dirs_exist_ok=False)
    listing = [
        {
            "version": v.version,
            "title": v.version,
            "date": v.date,
            "commit": v.commit,
            "aliases": ["latest"] if v is sites[-1] else [],
        }
        for v in reversed(sites)
    ]
    (site / VERSIONS_DIR).mkdir(parents=True, exist_ok=True)
    (site / VERSIONS_DIR / "versions.json").write_text(
        json.dumps(listing, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
