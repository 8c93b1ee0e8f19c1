"""Compiled Jinja templates kept between builds (.tayho-cache/templates/), so a build compiles only the templates
whose source changed since the last one: compiling the theme's and the fragments' templates was about a fifth of
the CPU time of a build's pages.

Jinja's own bytecode cache format is used (jinja2.BytecodeCache): each entry carries the checksum of its template's
source and Jinja's and Python's bytecode version, and Jinja compiles the template again when any of them differs.
Each Jinja version gets its own folder, and each environment its own namespace (their settings change the code).
A cache that is missing, unreadable, damaged or cannot be written only makes the build slower, never different.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

TEMPLATES_CACHE = Path(".tayho-cache") / "templates"


class CompiledTemplates(BytecodeCache):
    """The compiled templates of one Jinja environment (`namespace`) of the project at `root`."""

    def __init__(self, root: Path, namespace: str):
        self.folder = root / TEMPLATES_CACHE / f"jinja-{jinja2.__version__}" / namespace

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.bytecode"

    def load_bytecode(self, bucket: Bucket) -> None:
        path = self._path(bucket)
        if not path.is_file():  # absent (or something else than a file, which opening could block on)
            return
        try:
            with path.open("rb") as file:
                bucket.load_bytecode(file)
        except Exception:  # noqa: BLE001 — missing, unreadable or damaged in any way: the template is compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        target = self._path(bucket)
        partial = target.with_name(f"{target.name}.{os.getpid()}.partial")  # the languages build at the same time
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with partial.open("wb") as file:
                bucket.write_bytecode(file)
            partial.replace(target)  # readers see a whole file or none
        except OSError:  # a full disk or a read-only folder: the next build compiles again
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
