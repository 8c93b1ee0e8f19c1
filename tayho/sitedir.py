"""The published folder (site/): one build at a time, built beside it, swapped in whole in one atomic step.

A build writes into a fresh staging folder next to site/ and, only when everything succeeded, exchanges the two
folders with a single renameat2(RENAME_EXCHANGE) system call: at every instant site/ exists and holds one complete
build, even if the process is killed between any two system calls. The old build, now in the staging folder, is
then deleted; whatever a killed build left behind is deleted by the next one. Builds of one project queue on a
lock file beside site/.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def staging_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}-build-"


def exchange(first: Path, second: Path) -> None:
    """Swap two folders' names in one atomic step (Linux renameat2); OSError if the system cannot."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available", str(first))
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(first), None, str(second))


def publish(staging: Path, site_dir: Path) -> Path:
    """Make `staging` the new site_dir; return the folder that now holds the previous build, to be deleted."""
    if not site_dir.exists():
        staging.rename(site_dir)
        return staging
    try:
        exchange(staging, site_dir)
        return staging
    except OSError as error:
        if error.errno not in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
            raise
    # A system or file system without renameat2: two renames, with site_dir absent for an instant between them.
    retired = staging.with_name(staging.name + "-previous")
    site_dir.rename(retired)
    staging.rename(site_dir)
    return retired


@contextlib.contextmanager
def build_lock(site_dir: Path, wait: bool = True) -> Iterator[None]:
    """Hold the project's build lock; a second build waits for the first (or, with wait=False, raises)."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    lock_path = site_dir.with_name(f".{site_dir.name}.lock")
    with open(lock_path, "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise
            print(
                f"Another build of {site_dir} is running; this one waits for it to finish.", file=sys.stderr, flush=True
            )
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


class NotASiteError(Exception):
    """The folder asked for as site/ holds something else: replacing it would delete that."""


def check_replaceable(site_dir: Path, root: Path) -> None:
    """Refuse a site folder the build would wrongly replace: the project itself, a folder of its sources, or any
    folder that is neither empty nor a previous build (which always holds SHA256SUMS)."""
    resolved = site_dir.resolve()
    protected = [root.resolve()] + [root.resolve() / name for name in ("data", "docs", "tayho", ".git")]
    if resolved in protected or any(folder.is_relative_to(resolved) for folder in protected):
        raise NotASiteError(f"{site_dir} holds the project's own files; choose another folder for the site")
    if resolved.exists() and not resolved.is_dir():
        raise NotASiteError(f"{site_dir} is a file, not a folder; choose another place for the site")
    if resolved.is_dir() and any(resolved.iterdir()) and not (resolved / "SHA256SUMS").is_file():
        raise NotASiteError(
            f"{site_dir} is not empty and is not a site built by tayho (it has no SHA256SUMS); "
            "the build would delete what it holds: choose an empty or new folder"
        )
    if resolved.is_dir() and (resolved / "SHA256SUMS").is_file():
        # a folder of downloads has a SHA256SUMS too: a previous build's lists its index.html and every file
        foreign = _not_listed(resolved)
        if foreign:
            raise NotASiteError(
                f"{site_dir} is not a site built by tayho: its SHA256SUMS does not list {foreign}; the build "
                "would delete what it holds: choose an empty or new folder"
            )


def _not_listed(folder: Path) -> str | None:
    """The first file or folder at the top of `folder` that its SHA256SUMS does not list, or "index.html"
    when that is not listed either (not a site); None for a previous build."""
    try:
        lines = (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return "anything (it cannot be read as text)"
    listed = {line.split("  ", 1)[1].split("/", 1)[0] for line in lines if "  " in line}
    if "index.html" not in listed:
        return "index.html"
    for entry in sorted(folder.iterdir()):
        if entry.name == "SHA256SUMS" or entry.name in listed:
            continue
        if not entry.is_dir() or any(path.is_file() for path in entry.rglob("*")):
            return entry.name
    return None


def remove_leftovers(site_dir: Path) -> None:
    """Delete staging folders that killed builds left beside site_dir (call with the build lock held)."""
    for folder in site_dir.parent.glob(staging_prefix(site_dir) + "*"):
        shutil.rmtree(folder, ignore_errors=True)


def new_staging_folder(site_dir: Path) -> Path:
    """A fresh folder beside site_dir, so that the swap is a rename on one file system."""
    return Path(tempfile.mkdtemp(prefix=staging_prefix(site_dir), dir=site_dir.parent))
