"""Where in the record a published link that a build would break comes from, so that the editor sees which edit
broke it: the highlight its page belongs to (by its id, or by an earlier id its redirects declare), and the list
(figures, photos, charts, events, notes) whose item its anchor named, with the line of that list's key. A link whose
page no longer belongs to any highlight (a highlight renamed or removed with no redirect) is shown alone: the record
no longer says where it was."""

from __future__ import annotations

from pathlib import Path as FilePath

from .anchors import ITEMS
from .errors import Path, RecordError, format_path
from .languages import SiteLanguages
from .load import load_record_and_lines
from .model import Record
from .yamlsource import MAX_BYTES

# The anchor prefix of each item list of a highlight page (#fig-…, #photo-…, #chart-…-title, …)
ANCHOR_FIELDS = tuple((f"{prefix}-", field) for field, prefix, _ in ITEMS) + (("chart-", "charts"),)
EMBEDS = "embed"  # /embed/<highlight>/<chart>/…: a chart's embeddable page and files
SHOWN = 50  # links listed at most; the others are counted


def listed(
    links: list[str],
    record_file: FilePath,
    root: FilePath,
    languages: SiteLanguages,
    max_bytes: int = MAX_BYTES,
    size_limits: bool = True,
) -> list[str]:
    """The lines a build failure lists for `links`: first those the record locates ("FILE:LINE: FIELD PATH:
    LINK"), then the others alone, at most SHOWN in all and then how many more there are. The record is read again
    as the build reads it; when it no longer loads (changed since), every link is listed alone."""
    try:
        record, lines, shown = load_record_and_lines(record_file, root, languages, max_bytes, size_limits=size_limits)
    except RecordError:
        return _cut(links)
    pages = _highlight_pages(record)
    fields = [(link, _field_of(link, pages, languages)) for link in links]
    ordered = [pair for pair in fields if pair[1]] + [pair for pair in fields if not pair[1]]
    return _cut(
        [
            f"{shown}:{lines.key_line_of(field)}: {format_path(field)}: {link}" if field else link
            for link, field in ordered
        ]
    )


def _cut(lines: list[str]) -> list[str]:
    return lines[:SHOWN] + ([f"… and {len(lines) - SHOWN} more"] if len(lines) > SHOWN else [])


def _highlight_pages(record: Record) -> dict[str, int]:
    """Each highlight's page name, and each earlier one its redirects keep, with the highlight's index."""
    pages = {}
    for index, highlight in enumerate(record.highlights):
        pages[highlight.id] = index
        for alias in record.aliases_of("highlight", highlight.id):
            pages.setdefault(alias, index)
    return pages


def _field_of(link: str, pages: dict[str, int], languages: SiteLanguages) -> Path | None:
    page, _, fragment = link.partition("#")
    parts = [part for part in page.split("/") if part]
    if parts and parts[0] in languages.folders():
        parts = parts[1:]
    if len(parts) >= 2 and parts[0] == EMBEDS:
        index = pages.get(parts[1])
        return None if index is None else ("highlights", index, "charts")
    index = pages.get(parts[0]) if parts else None
    if index is None:
        return None
    for prefix, field in ANCHOR_FIELDS:
        if fragment.startswith(prefix):
            return ("highlights", index, field)
    return ("highlights", index)
