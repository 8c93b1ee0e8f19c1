"""Where in the record a published link that a build would break comes from, so that the editor sees which edit
broke it: the highlight its page belongs to, and the list (figures, photos, charts, events, notes) whose item its
anchor named, with the line. A link whose page no longer belongs to any highlight (a highlight renamed or removed)
is shown alone: the record no longer says where it was."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path as FilePath

from .anchors import ITEMS
from .errors import Path, RecordError, format_path
from .languages import SiteLanguages
from .yamlsource import LineMap, parse

# The anchor prefix of each item list of a highlight page (#fig-…, #photo-…, #chart-…-title, …)
ANCHOR_FIELDS = tuple((f"{prefix}-", field) for field, prefix, _ in ITEMS) + (("chart-", "charts"),)
EMBEDS = "embed"  # /embed/<highlight>/<chart>/…: a chart's embeddable page and files


def located(links: Iterable[str], record_file: FilePath, shown: str, languages: SiteLanguages) -> list[str]:
    """Each link as a build failure lists it: "FILE:LINE: FIELD PATH: LINK" when the record still holds the
    highlight its page belongs to, the link alone otherwise (or when the record cannot be read again)."""
    links = list(links)
    try:
        data, lines = parse(record_file.read_text(encoding="utf-8"), shown)
    except (OSError, UnicodeError, RecordError):
        return links
    highlights = data.get("highlights") if isinstance(data, dict) else None
    ids = {
        item["id"]: index
        for index, item in enumerate(highlights if isinstance(highlights, list) else [])
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }
    return [_shown(link, _field_of(link, ids, languages), lines, shown) for link in links]


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


def _shown(link: str, field: Path | None, lines: LineMap, shown: str) -> str:
    if field is None:
        return link
    return f"{shown}:{lines.line_of(field)}: {format_path(field)}: {link}"
