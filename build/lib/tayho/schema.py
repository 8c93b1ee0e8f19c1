"""The record's JSON Schema, for editors' YAML language servers (`tayho schema`, `make schema`)."""

from __future__ import annotations

from .languages import THIS_SITE, SiteLanguages
from .model import Record


def record_schema(languages: SiteLanguages = THIS_SITE) -> dict:
    """The model's schema, with every text requiring exactly the site's languages."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Tây Hồ term record (data/achievements.yaml)"
    localized = schema["$defs"]["Localized"]
    localized["properties"] = {code: _text_schema(localized["properties"][code]) for code in languages}
    localized["required"] = list(languages)
    return schema


def _text_schema(field: dict) -> dict:
    """A language's text: the model makes every registry language optional (None); a site's text is a string."""
    options = [option for option in field.get("anyOf", [field]) if option.get("type") != "null"]
    return {key: value for key, value in {**field, **options[0]}.items() if key not in ("anyOf", "default")}
