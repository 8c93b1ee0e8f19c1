"""Where in the record a published link that a build would break comes from, so that the editor sees which edit
broke it: the highlight its page belongs to (by its id, or by a redirect the record declares for it), and the list
(figures, photos, charts, events, notes) whose item its anchor named, with the line of that list's key. A link whose
page no longer belongs to any highlight (a highlight renamed or removed with no redirect) is shown alone: the record
no longer says where it was."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path as FilePath

from .anchors import ITEMS
from .errors import Path, RecordError, format_path
from .languages import SiteLanguages
from .yamlsource import MAX_BYTES, LineMap, decode, parse, read_regular_file

# The anchor prefix of each item list of a highlight page (#fig-…, #photo-…, #chart-…-title, …)
ANCHOR_FIELDS = tuple((f"{prefix}-", field) for field, prefix, _ in ITEMS) + (("chart-", "charts"),)
EMBEDS = "embed"  # /embed/<highlight>/<chart>/…: a chart's embeddable page and files
SHOWN = 50  # links listed at most; the others are counted


def listed(
    links: list[str], record_file: FilePath, shown: str, languages: SiteLanguages, max_bytes: int = MAX_BYTES
) -> list[str]:
    """The lines a build failure lists for `links`: those the record locates first ("FILE:LINE: FIELD PATH: LINK"),
    then the others alone, at most SHOWN of them and then how many more there are."""
    found = _fields(links, record_file, shown, languages, max_bytes)
    ordered = [pair for pair in found if pair[1]] + [pair for pair in found if not pair[1]]
    more = [f"… and {len(ordered) - SHOWN} more"] if len(ordered) > SHOWN else []
    return [_shown(link, field, lines, shown) for link, field, lines in ordered[:SHOWN]] + more


def located(
    links: Iterable[str], record_file: FilePath, shown: str, languages: SiteLanguages, max_bytes: int = MAX_BYTES
) -> list[str]:
    """Each link as a build failure lists it: "FILE:LINE: FIELD PATH: LINK" when the record still holds the
    highlight its page belongs to, the link alone otherwise, or when the record can no longer be read (it is read
    again as the build reads it: a regular file of at most `max_bytes`)."""
    return [
        _shown(link, field, lines, shown)
        for link, field, lines in _fields(links, record_file, shown, languages, max_bytes)
    ]


def _fields(
    links: Iterable[str], record_file: FilePath, shown: str, languages: SiteLanguages, max_bytes: int
) -> list[tuple[str, Path | None, LineMap | None]]:
    """Each link with the field of the record it comes from (None when unknown) and the record's lines."""
    links = list(links)
    try:
        data, lines = parse(decode(read_regular_file(record_file, shown, max_bytes), shown, max_bytes), shown)
    except RecordError:
        return [(link, None, None) for link in links]
    if not isinstance(data, dict):
        return [(link, None, None) for link in links]
    ids = _highlight_indexes(data)
    return [(link, _field_of(link, ids, languages), lines) for link in links]


def _highlight_indexes(data: dict) -> dict[str, int]:
    """Each highlight id, and each old id a highlight redirect declares, with the index of its highlight."""
    highlights = data.get("highlights")
    ids = {
        item["id"]: index
        for index, item in enumerate(highlights if isinstance(highlights, list) else [])
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }
    redirects = data.get("redirects")
    renames = {
        item["from"]: item["to"]
        for item in (redirects if isinstance(redirects, list) else [])
        if isinstance(item, dict) and item.get("kind") == "highlight" and isinstance(item.get("from"), str)
    }
    for old in renames:
        seen, new = {old}, renames[old]
        while new in renames and new not in seen and new not in ids:  # a chain of renames: a → b → c
            seen.add(new)
            new = renames[new]
        if old not in ids and isinstance(new, str) and new in ids:
            ids[old] = ids[new]
    return ids


def _field_of(link: str, ids: dict[str, int], languages: SiteLanguages) -> Path | None:
    page, _, fragment = link.partition("#")
    parts = [part for part in page.split("/") if part]
    if parts and parts[0] in languages.folders():
        parts = parts[1:]
    if len(parts) >= 2 and parts[0] == EMBEDS:
        index = ids.get(parts[1])
        return None if index is None else ("highlights", index, "charts")
    index = ids.get(parts[0]) if parts else None
    if index is None:
        return None
    for prefix, field in ANCHOR_FIELDS:
        if fragment.startswith(prefix):
            return ("highlights", index, field)
    return ("highlights", index)


def _shown(link: str, field: Path | None, lines: LineMap | None, shown: str) -> str:
    if field is None or lines is None:
        return link
    return f"{shown}:{lines.key_line_of(field)}: {format_path(field)}: {link}"
