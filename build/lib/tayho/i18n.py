"""The interface words of the archive's own pages, per language, read from locales/<code>.yml (the record's texts
live in the data)."""

from __future__ import annotations

import functools
from importlib import resources
from types import SimpleNamespace

import yaml

from .languages import REGISTRY


class Words(SimpleNamespace):
    """Interface words by key, as `words.cite` in templates and `words["cite"]` in Python.

    Not a dict, so that a key named like a dict method (copy, items) cannot silently print that method.
    """

    def __getitem__(self, key: str) -> str:
        return getattr(self, key)


def locale_text(lang: str) -> str:
    """The YAML text of one language's words file."""
    return resources.files(__package__).joinpath("locales", f"{lang}.yml").read_text(encoding="utf-8")


@functools.cache
def words(lang: str) -> Words:
    """The interface words of one language of the registry."""
    if lang not in REGISTRY:
        raise KeyError(f"unknown language {lang!r}")
    return Words(**yaml.safe_load(locale_text(lang)))
