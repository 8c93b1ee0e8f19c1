"""The site navigation; its list of highlights is flat for a short record, nested in numbered groups for a long one.

Material writes the navigation into every page. A flat list of N highlights makes every page grow with N and the
whole build grow with N²; a sidebar of a thousand links is no help to a reader either. Past `fan_out` highlights
the list is split into groups of `fan_out`, `fan_out`², … (labelled by the numbers they hold, "1–10"), so that with
Material's `navigation.prune` a page carries only the groups on its own path: a few dozen links at any size.
"""

from __future__ import annotations

from .i18n import words
from .model import Record
from .numbers import format_number

FAN_OUT = 10


def site_nav(record: Record, lang: str) -> list:
    """MkDocs `nav` of one language: the home page, the highlights, the indexes, the printable page and the rest."""
    text = words(lang)
    highlights = [(highlight.order, f"{highlight.id}.md") for highlight in record.highlights]
    return [
        {text["home"]: "index.md"},
        {text["highlights"]: grouped_highlights(highlights, lang)},
        {text["timeline"]: "timeline.md"},
        {text["places_index"]: "places.md"},
        {text["documents_index"]: "documents.md"},
        {text["print"]: "print.md"},
        {text["about"]: "about.md"},
        {text["changes"]: "changes.md"},
        {text["versions"]: "versions.md"},
    ]


def grouped_highlights(entries: list[tuple[int, str]], lang: str, fan_out: int = FAN_OUT) -> list:
    """MkDocs nav items for `entries` (order number, page path), in their order, grouped when there are too many."""
    if len(entries) <= fan_out:
        return [path for _, path in entries]
    block = fan_out
    while block * fan_out < len(entries):
        block *= fan_out
    groups = []
    for start in range(0, len(entries), block):
        part = entries[start : start + block]
        groups.append({_range_label(part[0][0], part[-1][0], lang): grouped_highlights(part, lang, fan_out)})
    return groups


def nav_pages(nav: list) -> list[str]:
    """The page paths of a MkDocs `nav`, groups opened, in reading order."""
    paths = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        paths += nav_pages(value) if isinstance(value, list) else [value]
    return paths


def _range_label(first: int, last: int, lang: str) -> str:
    if first == last:
        return format_number(first, 0, lang)
    return f"{format_number(first, 0, lang)}–{format_number(last, 0, lang)}"
