"""Which texts of the record lack one of the site's languages, or carry a language the site does not publish.

The model's `Localized` type has one optional field per language of the registry; which of them a record must
fill depends on the site. This walks the raw data along the model's field types, so that a missing translation
is reported together with every other problem of the file, even when the rest does not validate yet.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .errors import Path
from .languages import SiteLanguages
from .model import Localized

Finding = tuple[Path, str]


def translation_findings(model: type[BaseModel], data: Any, languages: SiteLanguages, path: Path = ()) -> list[Finding]:
    """Every missing or unexpected language of every text in `data`, read as an instance of `model`."""
    return list(_fields(model, data, languages, path))


def _fields(model: type[BaseModel], data: Any, languages: SiteLanguages, path: Path) -> Iterator[Finding]:
    if not isinstance(data, dict):
        return
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key in data:
            yield from _value(field.annotation, data[key], languages, path + (key,))


def _value(annotation: Any, value: Any, languages: SiteLanguages, path: Path) -> Iterator[Finding]:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is Localized:
        yield from _texts(value, languages, path)
    elif origin is typing.Annotated:
        yield from _value(args[0], value, languages, path)
    elif origin is typing.Union:
        for member in args:
            yield from _value(member, value, languages, path)
    elif origin is list and isinstance(value, list):
        for index, item in enumerate(value):
            yield from _value(args[0], item, languages, path + (index,))
    elif inspect.isclass(annotation) and issubclass(annotation, BaseModel):
        yield from _fields(annotation, value, languages, path)


def _texts(value: Any, languages: SiteLanguages, path: Path) -> Iterator[Finding]:
    if not isinstance(value, dict):
        return  # the model reports a text that is not a mapping of languages
    for code in languages:
        if value.get(code) is None:  # absent, or written as null (~, or nothing after the colon)
            yield path + (code,), "is required but missing"
    for code in value:
        if isinstance(code, str) and code not in languages and code in Localized.model_fields:
            yield (
                path + (code,),
                (
                    f"is a language this site does not publish (its languages: "
                    f"{', '.join(languages)}); remove it or add the language to mkdocs.yml"
                ),
            )
