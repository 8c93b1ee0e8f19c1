"""Compiled Jinja templates kept between builds (.tayho-cache/templates/), so a build compiles only the templates
whose source changed since the last one: compiling the theme's and the fragments' templates was about a fifth of
the CPU time of a build's pages.

Jinja's own bytecode cache format is used (jinja2.BytecodeCache): each entry carries the checksum of its template's
source and Jinja's and Python's bytecode version, and Jinja compiles the template again when any of them differs.
An entry is named by the template and by the settings of its environment that its code depends on (trim_blocks,
autoescape, extensions…), each Jinja version has its own folder, and every entry is checked against the digest
written before it (tayho/file_cache.py). A cache that is missing, unreadable, damaged or cannot be written only
makes the build slower, never different.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from .file_cache import read_entry, write_entry

TEMPLATES_CACHE = Path(".tayho-cache") / "templates"
# What an environment's compiled code depends on besides the template's source (Jinja's Environment attributes).
COMPILE_SETTINGS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


def _named(value) -> str:
    """A setting as text that stays the same from one process to the next (a function by its name)."""
    return f"{value.__module__}.{value.__qualname__}" if callable(value) else repr(value)


def environment_settings(environment: jinja2.Environment) -> str:
    """The settings of `environment` that its compiled code depends on, as one text."""
    settings = [f"{name}={getattr(environment, name)!r}" for name in COMPILE_SETTINGS]
    settings += [f"autoescape={_named(environment.autoescape)}", f"finalize={_named(environment.finalize)}"]
    settings += [f"extension={name}" for name in sorted(environment.extensions)]
    return "\n".join(settings)


class CompiledTemplates(BytecodeCache):
    """The compiled templates of one Jinja environment (`namespace`) of the project at `root`."""

    def __init__(self, root: Path, namespace: str):
        self.folder = root / TEMPLATES_CACHE / f"jinja-{jinja2.__version__}" / namespace

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        """Jinja's bucket, under a key that names the environment's settings as well as the template."""
        key = hashlib.sha256(
            "\0".join([name, filename or "", environment_settings(environment)]).encode("utf-8", "surrogatepass")
        ).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.bytecode"

    def load_bytecode(self, bucket: Bucket) -> None:
        data = read_entry(self._path(bucket))  # None when missing, unreadable or damaged
        if data is None:
            return
        try:
            bucket.bytecode_from_string(data)  # Jinja resets the bucket when its version or the source differ
        except Exception:  # noqa: BLE001 — whatever it holds, the template is compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        write_entry(self._path(bucket), bucket.bytecode_to_string())
