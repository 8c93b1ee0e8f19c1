"""Damage done to a cache entry by the cache tests: what a killed build, a bad disk or a stray tool may leave."""

from __future__ import annotations

import os
from pathlib import Path


def damage_entry(entry: Path, damage: str | bytes) -> None:
    """Replace `entry` by a folder or a FIFO, cut it in half, change one of its bytes, or write `damage` (bytes)."""
    if damage == "folder":
        entry.unlink()
        entry.mkdir()
    elif damage == "fifo":
        entry.unlink()
        os.mkfifo(entry)
    elif damage == "half":
        entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    elif damage == "one-byte":  # it may still load, and then run wrongly or fail
        content = bytearray(entry.read_bytes())
        content[len(content) // 2] ^= 0x01
        entry.write_bytes(bytes(content))
    else:
        entry.write_bytes(damage)
