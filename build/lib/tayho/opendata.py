"""The record as open data: the whole record as JSON, the figures as CSV, and a Frictionless Data Package."""

from __future__ import annotations

import csv
import io
import json

from .consistency import recompute_share, recompute_sum
from .languages import REGISTRY
from .model import Record
from .numbers import format_figure
from .views import plain_text

# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV Injection"): such a text cell
# is written with a leading apostrophe, which spreadsheets show as text and do not print.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def figure_columns(languages: tuple[str, ...]) -> tuple[str, ...]:
    """The columns of figures.csv: labels and notes once per language of the site."""
    return (
        "id",
        "highlight",
        *(f"label_{code}" for code in languages),
        "value",
        "decimals",
        "as_published",
        "unit",
        "qualifier",
        "count",
        "total",
        "stated_share",
        "recomputed_share",
        "parts_sum",
        *(f"editorial_note_{code}" for code in languages),
    )


def neutralise(cell: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made plain text; numbers are left as they are."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def fixed(value: object, decimals: int) -> str:
    """A number with exactly the decimals the source published: 35.10, not 35.1."""
    return f"{value:.{decimals}f}" if decimals else str(value)


LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 for the editors' work (structure, translation, notes); "
    "the Vietnamese source text remains its publisher's",
}


def record_json(record: Record) -> str:
    """Every field of the record, as validated, with stable key order."""
    data = record.model_dump(mode="json", by_alias=True)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _figure_row(record: Record, figure, highlight_id: str, languages: tuple[str, ...]) -> dict:
    share = recompute_share(record, figure)
    total = recompute_sum(record, figure)
    notes = record.notes_on(figure.id)
    row = {
        "id": figure.id,
        "highlight": highlight_id,
        "value": fixed(figure.value, figure.decimals),
        "decimals": figure.decimals,
        "as_published": format_figure(figure, languages[0]),
        "unit": figure.unit.value,
        "qualifier": figure.qualifier.value if figure.qualifier else "",
        "count": record.figure(figure.share_of.count).value if figure.share_of else "",
        "total": record.figure(figure.share_of.total).value if figure.share_of else "",
        "stated_share": share.stated if share else "",
        "recomputed_share": share.recomputed if share else "",
        "parts_sum": total.recomputed if total else "",
    }
    for code in languages:
        row[f"label_{code}"] = figure.label[code]
        row[f"editorial_note_{code}"] = " | ".join(plain_text(note.text[code], record, code) for note in notes)
    return {column: neutralise(value) for column, value in row.items()}


def figures_csv(record: Record, languages: tuple[str, ...], highlight_id: str | None = None) -> str:
    """The figures (of one highlight, or all) as CSV with a header row; text that a spreadsheet would run as a
    formula is neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=figure_columns(languages), lineterminator="\n")
    writer.writeheader()
    for highlight in record.highlights:
        if highlight_id in (None, highlight.id):
            for figure in highlight.figures:
                writer.writerow(_figure_row(record, figure, highlight.id, languages))
    return buffer.getvalue()


def _field(name: str, kind: str, description: str) -> dict:
    return {"name": name, "type": kind, "description": description}


def datapackage(record: Record, languages: tuple[str, ...]) -> str:
    """A Frictionless Data Package describing record.json and figures.csv."""
    term = record.term
    names = {code: REGISTRY[code].english_name for code in languages}
    fields = [
        _field("id", "string", "Stable id of the figure"),
        _field("highlight", "string", "Id of its highlight"),
        *(_field(f"label_{code}", "string", f"What it counts ({name})") for code, name in names.items()),
        _field(
            "value", "number", "The value as published, with its published decimals (VND for money, percent for shares)"
        ),
        _field("decimals", "integer", "How many decimals the source published"),
        _field(
            "as_published",
            "string",
            "The figure as the source wrote it (in the number format of the source language, with its qualifier)",
        ),
        _field("unit", "string", "Unit"),
        _field("qualifier", "string", "more-than, over, nearly or about"),
        _field("count", "number", "For a share: the count it is computed from"),
        _field("total", "number", "For a share: the total it is computed from"),
        _field("stated_share", "number", "For a share: the percentage as published"),
        _field("recomputed_share", "number", "For a share: count / total × 100, rounded as published"),
        _field("parts_sum", "number", "For a total: the sum of its parts"),
        *(
            _field(f"editorial_note_{code}", "string", f"Editor's notes on the figure ({name})")
            for code, name in names.items()
        ),
    ]
    package = {
        "name": f"tayho-fatherland-front-{term.start_year}-{term.end_year}",
        "title": term.title.en,
        "description": term.intro.en,
        "licenses": [LICENCE],
        "sources": [{"title": term.source.title.vi, "path": term.source.file}],
        "resources": [
            {
                "name": "record",
                "path": "record.json",
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "description": "The whole record as validated",
            },
            {
                "name": "figures",
                "path": "figures.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": {"fields": fields, "primaryKey": ["id"]},
            },
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
