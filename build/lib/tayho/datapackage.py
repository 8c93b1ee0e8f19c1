"""The Frictionless Data Package of the open data: a descriptor that stands alone for a data user.

It declares every file of data/ (the record as JSON, figures.csv, one CSV per highlight that has figures, and the
archived copy of the source with its SHA-256), with one Table Schema for the figures' CSV files: the type, unit and
meaning of every column. Written in the Data Package v2 form (`$schema`, resources of `type: table`), and kept valid as
v1 as well (a v1 reader ignores `$schema` and `type`, and finds `profile` and `role`), so that readers of either
version take it; the tests validate it both ways with Frictionless.
"""

from __future__ import annotations

import json

from . import opendata, urls
from .citation import SOURCE_LANGUAGE, editors, source_statement
from .languages import REGISTRY
from .model import Qualifier, Record, Unit
from .urls import Links
from .version import RecordVersion

PROFILE_V2 = "https://datapackage.org/profiles/2.0/datapackage.json"

UNIT_MEANINGS = {
    Unit.PERSONS: "persons",
    Unit.PERSON_TIMES: "person-times (attendances: one person counted once per occasion; Vietnamese “lượt người”)",
    Unit.CONFERENCES: "conferences",
    Unit.ITEMS: "items (tasks, contents or other things the source counts)",
    Unit.TEAMS: "teams",
    Unit.HOUSEHOLDS: "households",
    Unit.HOUSEHOLD_TIMES: "household-times (one household counted once per occasion; “lượt hộ”)",
    Unit.RESIDENTIAL_GROUPS: "residential groups (tổ dân phố)",
    Unit.RESIDENTIAL_GROUP_TIMES: "residential-group-times (one group counted once per occasion)",
    Unit.FAMILY_TIMES: "family-times (one family counted once per occasion)",
    Unit.HOUSES: "houses",
    Unit.WARDS: "wards",
    Unit.DEPUTIES: "deputies (elected representatives)",
    Unit.DELEGATES: "delegates",
    Unit.PERFORMERS: "performers",
    Unit.PROGRAMMES: "programmes",
    Unit.FIELDS: "fields (areas of work)",
    Unit.UNITS: "units (organisations or administrative units)",
    Unit.YEARS: "years",
    Unit.DAYS: "days",
    Unit.PERCENT: "percent (the value 63.58 means 63.58%)",
    Unit.VND: "Vietnamese đồng (VND), in whole đồng",
}
QUALIFIER_MEANINGS = {
    Qualifier.MORE_THAN: "more-than (hơn)",
    Qualifier.OVER: "over (trên)",
    Qualifier.NEARLY: "nearly (gần)",
    Qualifier.ABOUT: "about (khoảng)",
}


def _field(name: str, kind: str, description: str, **extra) -> dict:
    return {"name": name, "type": kind, "description": description} | extra


def _language_fields(prefix: str, what: str, languages: tuple[str, ...]) -> list[dict]:
    return [_field(f"{prefix}_{code}", "string", f"{what}, in {REGISTRY[code].english_name}") for code in languages]


def figures_schema(languages: tuple[str, ...]) -> dict:
    """The Table Schema of figures.csv and of each highlight's CSV: one row per figure the source states."""
    units = "; ".join(f"{unit.value}: {meaning}" for unit, meaning in UNIT_MEANINGS.items())
    fields = [
        _field(
            "id",
            "string",
            "Stable id of the figure; its row on the highlight page is #fig-<id>",
            constraints={"required": True, "unique": True},
        ),
        _field(
            "highlight",
            "string",
            "Id of the highlight the figure belongs to; its page is /<id>/",
            constraints={"required": True},
        ),
        *_language_fields("label", "What the figure counts (the editors' label)", languages),
        _field(
            "value",
            "number",
            "The figure's value in the unit of the `unit` column: a count, a percentage, or an "
            "amount in whole đồng (the source's 29,004 tỷ đồng is 29004000000). Percentages keep the decimals the "
            "source published (35.10). A figure the source hedged (see `qualifier`) is a bound, not an exact value",
            constraints={"required": True},
        ),
        _field(
            "decimals",
            "integer",
            "How many decimals the source wrote the figure with, as it wrote it (3 for 29,004 tỷ đồng, 2 for 35,10%)",
            constraints={"required": True, "minimum": 0},
        ),
        _field(
            "as_published",
            "string",
            "The figure as the source wrote it, in Vietnamese number format, with its "
            "qualifier word and unit (hơn 1.500; 63,58%; 29,004 tỷ đồng)",
            constraints={"required": True},
        ),
        _field(
            "unit",
            "string",
            f"What the value counts or measures. {units}",
            constraints={"required": True, "enum": [unit.value for unit in Unit]},
        ),
        _field(
            "qualifier",
            "string",
            "The source's hedge before the number, empty if none: " + ", ".join(QUALIFIER_MEANINGS.values()),
            constraints={"enum": [qualifier.value for qualifier in Qualifier]},
        ),
        _field(
            "count",
            "number",
            "For a percentage the source relates to two of its figures: the count (the value of another figure)",
        ),
        _field("total", "number", "For such a percentage: the total it is a share of (the value of another figure)"),
        _field("stated_share", "number", "For such a percentage: the percentage as published, in percent"),
        _field(
            "recomputed_share",
            "number",
            "For such a percentage: count / total × 100, rounded half up to the "
            "published decimals, in percent; it differs from stated_share where the source's numbers disagree",
        ),
        _field(
            "parts_sum",
            "number",
            "For a figure the source gives as a total of other figures: the sum of those parts, in the same unit",
        ),
        *_language_fields("editorial_note", "The editors' notes on the figure, separated by ' | '", languages),
    ]
    return {"fields": fields, "primaryKey": ["id"], "missingValues": [""]}


def _table(name: str, path: str, title: str, description: str) -> dict:
    return {
        "name": name,
        "type": "table",
        "profile": "tabular-data-resource",
        "path": path,
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": opendata.FIGURES_SCHEMA,
    }


def resources(record: Record) -> list[dict]:
    source = record.term.source
    found = [
        {
            "name": "record",
            "path": "record.json",
            "title": "The whole record",
            "description": "Every field of the record as validated: the term, the highlights with their texts in each "
            "language, figures, charts, photo captions, documents, places, people, events and notes, and the "
            "change history.",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
        },
        _table("figures", opendata.FIGURES_CSV, "Every figure", "Every figure of the record, in source order"),
    ]
    for highlight in opendata.highlights_with_figures(record):
        title = f"Figures of highlight {highlight.order}"
        found.append(
            _table(
                f"figures-{highlight.id}",
                opendata.highlight_csv(highlight.id),
                title,
                f"{title}: the rows of figures.csv whose highlight is {highlight.id}",
            )
        )
    found.append(
        {
            "name": "source",
            "path": opendata.source_path(record),
            "title": "Archived copy of the source article",
            "description": "The text of the archived copy (a web scrape) the record is transcribed from, byte for "
            f"byte ({source_statement(record, 'en')}). Its text belongs to the article's publisher: it is not "
            "covered by this package's licence.",
            "format": "txt",
            "mediatype": "text/plain",
            "encoding": "utf-8",
            "hash": f"sha256:{source.sha256}",
        }
    )
    return found


def datapackage(record: Record, links: Links, version: RecordVersion) -> str:
    """datapackage.json, in the language the data's descriptions are written in (English)."""
    term, languages = record.term, tuple(links.languages)
    lang = "en" if "en" in languages else links.languages.root
    package = {
        "$schema": PROFILE_V2,
        "name": f"tayho-fatherland-front-{term.start_year}-{term.end_year}",
        "id": links.absolute_shared(urls.DATA_DIR + opendata.DESCRIPTOR),
        "title": term.title[lang],
        "description": opendata.dataset_description(record, lang),
        "homepage": links.absolute(urls.ABOUT, lang, fragment="downloads"),
        "keywords": [term.short_name[lang], term.district[lang], term.city[lang], "open data"],
        "licenses": [opendata.LICENCE],
        "contributors": [{"title": editors(lang), "role": "author", "roles": ["author"]}],
        "sources": [
            {
                "title": f"{term.source.title[SOURCE_LANGUAGE]} ({source_statement(record, lang)})",
                "path": opendata.source_path(record),
            }
        ],
        "resources": resources(record),
    }
    package |= {"version": version.commit} if version.known else {}
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def figures_schema_json(languages: tuple[str, ...]) -> str:
    return json.dumps(figures_schema(languages), ensure_ascii=False, indent=2) + "\n"
