"""Render prepared views through the Jinja macro files: autoescaped, strict about undefined names."""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup


def make_environment(fragments_dir: Path, compiled: BytecodeCache | None = None) -> Environment:
    """The one Jinja environment for the archive's fragments (MkDocs' own has neither safeguard); `compiled` keeps
    its compiled templates between builds (tayho/compiled_templates.py)."""
    return Environment(
        loader=FileSystemLoader(str(fragments_dir)),
        bytecode_cache=compiled,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def call_macro(env: Environment, template: str, macro: str, *args) -> Markup:
    """Call `macro` defined in fragments/`template` and return its HTML."""
    module = env.get_template(template).module
    return Markup(getattr(module, macro)(*args))
