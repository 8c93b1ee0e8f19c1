"""Publishing to a plain git branch (GitHub Pages' gh-pages, GitLab's or any static host that serves a branch):
build for the published address, then commit site/ as the whole tree of the branch with ghp-import and push it."""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

from mkdocs.exceptions import Abort

from .build import SiteBuild, build_site


def _commit_of(root: Path) -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--short=10", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
        return out.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        raise Abort(f"{root} is not a git checkout: publishing commits the site to a branch of it") from None


def publish(
    root: Path, site_url: str | None, remote: str = "origin", branch: str = "gh-pages", push: bool = True
) -> str:
    """Build the site of the checkout at `root` for `site_url` and make it the tree of `branch` (pushed to
    `remote` unless push is False); the message names the commit it was built from. Returns that message."""
    commit = _commit_of(root)
    build_site(SiteBuild(root, root / "site", site_url=site_url))
    from ghp_import import GhpError, ghp_import

    message = f"Publish the site built from {commit}"
    with contextlib.chdir(root):
        try:
            ghp_import("site", mesg=message, remote=remote, branch=branch, push=push, nojekyll=True, force=True)
        except GhpError as error:
            raise Abort(f"publishing to {branch} failed: {os.fsdecode(str(error)).strip()}") from None
    return message
