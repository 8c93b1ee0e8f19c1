"""The exported JSON Schema that editors' YAML language servers use matches the model."""

from __future__ import annotations

import json

from tayho.schema import record_schema

from .conftest import ROOT


def test_exported_schema_is_current():
    exported = json.loads((ROOT / "data" / "achievements.schema.json").read_text(encoding="utf-8"))
    assert exported == record_schema(), "the model changed: run `make schema` and commit data/achievements.schema.json"


def test_record_file_points_editors_at_the_schema():
    first_line = (ROOT / "data" / "achievements.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=./achievements.schema.json"


def test_schema_forbids_unknown_keys_and_requires_both_languages():
    schema = record_schema()
    localized = schema["$defs"]["Localized"]
    assert localized["additionalProperties"] is False and set(localized["required"]) == {"vi", "en"}
    assert schema["additionalProperties"] is False
