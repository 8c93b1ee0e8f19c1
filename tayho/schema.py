"""Export the record's JSON Schema (for editors' YAML language servers): python -m tayho.schema"""

from __future__ import annotations

import json
import sys

from .model import Record


def record_schema() -> dict:
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Tây Hồ term record (data/achievements.yaml)"
    return schema


if __name__ == "__main__":
    json.dump(record_schema(), sys.stdout, ensure_ascii=False, indent=2, sort_keys=True)
    sys.stdout.write("\n")
