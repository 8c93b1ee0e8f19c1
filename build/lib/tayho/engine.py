"""Which engine builds the site: MkDocs 1.6 (the default) or ProperDocs, its maintained continuation.

MkDocs 1.6.1 has had no release since 2024, and MkDocs 2 runs no plugins or themes; ProperDocs 1.6 is a drop-in
continuation of MkDocs 1.x that builds this project byte for byte the same (a test compares the SHA256SUMS of both
builds). Moving to it is one line: DEFAULT below. ProperDocs answers every `import mkdocs…` of the code, the
plugin and Material once its `replacement` module is imported, which must happen before anything imports MkDocs.
See docs/decisions/0001-engine.md.
"""

from __future__ import annotations

import importlib
import sys

ENGINES = ("mkdocs", "properdocs")
DEFAULT = "mkdocs"


def select(engine: str = DEFAULT) -> None:
    """Make `engine` the one that builds; call before anything imports mkdocs."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "properdocs":
        if any(name == "mkdocs" or name.startswith("mkdocs.") for name in sys.modules):
            raise RuntimeError("MkDocs was imported before ProperDocs could replace it")
        importlib.import_module("properdocs.replacement")


def current() -> str:
    """The engine the imported `mkdocs` modules belong to."""
    module = sys.modules.get("mkdocs.config") or importlib.import_module("mkdocs.config")
    return "properdocs" if module.__name__.startswith("properdocs") else "mkdocs"
