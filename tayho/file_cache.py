"""A folder of generated files named by the hash of their input (.tayho-cache/<kind>/), so a build makes a file
only when what it shows changed, copies it otherwise, and drops what the site no longer uses; and the entries of
data derived from the project (compiled templates, the stylesheet's analysis), each checked against its digest."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path


class FileCache:
    """Generated files of one kind (`suffix`, e.g. ".pdf") under `folder`, one per input hash."""

    def __init__(self, folder: Path, suffix: str):
        self.folder = folder
        self.suffix = suffix

    def copy(self, key: str, make: Callable[[], bytes], target: Path) -> None:
        """Put the file for `key` at `target`, making it first (with `make`) when the cache has none."""
        self.folder.mkdir(parents=True, exist_ok=True)
        cached = self.folder / f"{key}{self.suffix}"
        if not (cached.is_file() and _whole(cached)):  # a damaged cached file is made again, never published
            partial = cached.with_name(f"{cached.stem}.{os.getpid()}.partial")  # languages build in parallel
            partial.write_bytes(make())
            partial.replace(cached)  # a killed build never leaves a truncated file in the cache
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)

    def prune(self, keep: set[str]) -> None:
        """Delete the cached files whose key is not in `keep`, and any partial file a killed build left."""
        for cached in self.folder.glob(f"*{self.suffix}"):
            if cached.stem not in keep:
                cached.unlink(missing_ok=True)
        for partial in self.folder.glob("*.partial"):
            partial.unlink(missing_ok=True)


# How a whole file of each kind begins and ends: a truncated, emptied or overwritten cached file fails these.
SIGNATURES = {".pdf": (b"%PDF-", b"%%EOF"), ".png": (b"\x89PNG\r\n\x1a\n", b"IEND\xaeB`\x82")}


def _whole(path: Path) -> bool:
    """Whether a cached file begins and ends as a whole file of its kind (any file of a kind not listed)."""
    head, tail = SIGNATURES.get(path.suffix, (b"", b""))
    with path.open("rb") as file:
        start = file.read(len(head))
        file.seek(0, 2)
        file.seek(max(file.tell() - 64, 0))
        end = file.read().rstrip(b"\r\n \t")
    return start == head and end.endswith(tail)


# --- entries of derived data (compiled templates, the stylesheet's analysis) --------------------------------------

DIGEST_SIZE = 32  # an entry is the SHA-256 of its data, then the data


def write_entry(path: Path, data: bytes) -> None:
    """Write a cache entry whole (readers see all of it or nothing) with the digest of its data before it. A full
    disk or a read-only folder leaves no entry: the next build makes it again."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")  # the languages build at the same time
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(hashlib.sha256(data).digest() + data)
        partial.replace(path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def read_entry(path: Path) -> bytes | None:
    """The data of an entry write_entry wrote, or None when there is none, it is not a regular file (which opening
    could block on), cannot be read, or is not what was written (cut short, or any byte changed)."""
    try:
        if not path.is_file():
            return None
        content = path.read_bytes()
    except OSError:
        return None
    digest, data = content[:DIGEST_SIZE], content[DIGEST_SIZE:]
    return data if len(digest) == DIGEST_SIZE and hashlib.sha256(data).digest() == digest else None
