"""The record as open data: the whole record as JSON, the figures as CSV (all, and per highlight), the files' names,
licence and description (the Data Package that declares them is tayho/datapackage.py)."""

from __future__ import annotations

import csv
import io
import json

from .citation import SOURCE_LANGUAGE, source_statement
from .consistency import recompute_share, recompute_sum
from .i18n import words
from .model import Highlight, Record
from .numbers import format_figure
from .views import plain_text

# The files of data/, at the site root, beside datapackage.json (paths relative to it).
DESCRIPTOR = "datapackage.json"
RECORD_JSON = "record.json"
FIGURES_CSV = "figures.csv"
FIGURES_SCHEMA = "figures.schema.json"  # the Table Schema shared by figures.csv and every highlight's CSV
# What the about page and the Dataset offer for download, with their media types.
DISTRIBUTIONS = ((RECORD_JSON, "application/json"), (FIGURES_CSV, "text/csv"), (DESCRIPTOR, "application/json"))

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
        # a scaled amount's decimals are the scaled number's (29,004 tỷ): in whole đồng it has none
        "value": fixed(figure.value, 0 if figure.scale else figure.decimals),
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


def figures_csv(
    record: Record,
    languages: tuple[str, ...],
    highlight_id: str | None = None,
    figure_ids: tuple[str, ...] | None = None,
) -> str:
    """The figures (all, one highlight's, or those of `figure_ids` in that order) as CSV with a header row; text
    that a spreadsheet would run as a formula is neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=figure_columns(languages), lineterminator="\n")
    writer.writeheader()
    for highlight in record.highlights:
        if highlight_id in (None, highlight.id):
            figures = highlight.figures if figure_ids is None else [record.figure(ref) for ref in figure_ids]
            for figure in figures:
                writer.writerow(_figure_row(record, figure, highlight.id, languages))
    return buffer.getvalue()


def highlights_with_figures(record: Record) -> list[Highlight]:
    """The highlights that get a CSV of their own (a highlight without figures gets none, and links none)."""
    return [highlight for highlight in record.highlights if highlight.figures]


def highlight_csv(highlight_id: str) -> str:
    return f"figures/{highlight_id}.csv"


def source_path(record: Record) -> str:
    """Where the archived copy of the source is published, from data/: source/<its file name>."""
    return "source/" + record.term.source.file.rsplit("/", 1)[-1]


def dataset_description(record: Record, lang: str) -> str:
    """The open data described for a data user, in one language (Google's Dataset Search wants 50–5,000 characters)."""
    term = record.term
    return words(lang)["dataset_description"].format(
        title=term.source.title[SOURCE_LANGUAGE],
        years=f"{term.start_year}–{term.end_year}",
        body=term.short_name[lang],
        city=term.city[lang],
        source=source_statement(record, lang),
    )
