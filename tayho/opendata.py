"""The record as open data: the whole record as JSON, the figures as CSV, and a Frictionless Data Package."""

from __future__ import annotations

import csv
import io
import json

from .consistency import recompute_share, recompute_sum
from .model import Record
from .views import plain_text

FIGURE_COLUMNS = ("id", "highlight", "label_vi", "label_en", "value", "unit", "qualifier", "count", "total",
                  "stated_share", "recomputed_share", "parts_sum", "editorial_note_vi", "editorial_note_en")
LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0 for the editors' work (structure, translation, notes); "
                    "the Vietnamese source text remains its publisher's"}


def record_json(record: Record) -> str:
    """Every field of the record, as validated, with stable key order."""
    data = record.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _figure_row(record: Record, figure, highlight_id: str) -> dict:
    share = recompute_share(record, figure)
    total = recompute_sum(record, figure)
    notes = record.notes_on(figure.id)
    return {
        "id": figure.id, "highlight": highlight_id, "label_vi": figure.label.vi, "label_en": figure.label.en,
        "value": figure.value, "unit": figure.unit.value, "qualifier": figure.qualifier.value if figure.qualifier else "",
        "count": record.figure(figure.share_of.count).value if figure.share_of else "",
        "total": record.figure(figure.share_of.total).value if figure.share_of else "",
        "stated_share": share.stated if share else "", "recomputed_share": share.recomputed if share else "",
        "parts_sum": total.recomputed if total else "",
        "editorial_note_vi": " | ".join(plain_text(note.text.vi, record, "vi") for note in notes),
        "editorial_note_en": " | ".join(plain_text(note.text.en, record, "en") for note in notes),
    }


def figures_csv(record: Record, highlight_id: str | None = None) -> str:
    """The figures (of one highlight, or all) as CSV with a header row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIGURE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for highlight in record.highlights:
        if highlight_id in (None, highlight.id):
            for figure in highlight.figures:
                writer.writerow(_figure_row(record, figure, highlight.id))
    return buffer.getvalue()


def _field(name: str, kind: str, description: str) -> dict:
    return {"name": name, "type": kind, "description": description}


def datapackage(record: Record) -> str:
    """A Frictionless Data Package describing record.json and figures.csv."""
    term = record.term
    fields = [
        _field("id", "string", "Stable id of the figure"), _field("highlight", "string", "Id of its highlight"),
        _field("label_vi", "string", "What it counts (Vietnamese)"), _field("label_en", "string", "What it counts (English)"),
        _field("value", "number", "The value as published (VND for money, percent for shares)"),
        _field("unit", "string", "Unit"), _field("qualifier", "string", "more-than, over, nearly or about"),
        _field("count", "number", "For a share: the count it is computed from"),
        _field("total", "number", "For a share: the total it is computed from"),
        _field("stated_share", "number", "For a share: the percentage as published"),
        _field("recomputed_share", "number", "For a share: count / total × 100, rounded as published"),
        _field("parts_sum", "number", "For a total: the sum of its parts"),
        _field("editorial_note_vi", "string", "Editor's notes on the figure (Vietnamese)"),
        _field("editorial_note_en", "string", "Editor's notes on the figure (English)"),
    ]
    package = {
        "name": f"tayho-fatherland-front-{term.start_year}-{term.end_year}",
        "title": term.title.en,
        "description": term.intro.en,
        "licenses": [LICENCE],
        "sources": [{"title": term.source.title.vi, "path": term.source.file}],
        "resources": [
            {"name": "record", "path": "record.json", "format": "json", "mediatype": "application/json",
             "encoding": "utf-8", "description": "The whole record as validated"},
            {"name": "figures", "path": "figures.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "profile": "tabular-data-resource", "schema": {"fields": fields, "primaryKey": ["id"]}},
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
