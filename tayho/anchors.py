"""The element ids each highlight page will hold, computed from the record, with the field each comes from.

A page's ids must be unique, whatever ids the record chose: a highlight's own id (its h1), the fixed section ids
(summary, figures, …), the prefixed ids of its items (fig-…, chart-…-title, note-…) and the ids kept for renamed
items. The same list is what highlight.html writes; the build also checks every written page (tayho/page_ids.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from .errors import Path, format_path
from .model import Highlight, Record
from .urls import anchor

SECTIONS = ("summary", "text", "figures", "photos", "documents", "places", "people", "events", "notes", "cite")
FIXED = {
    **{section: "the section heading" for section in SECTIONS},
    "cite-plain": "the citation block",
    "cite-bibtex": "the citation block",
}
# Item lists of a highlight (or of the record, for documents, places and people), their anchor prefix and the kind
# of redirect that renames them.
ITEMS = (
    ("figures", "fig", "figure"),
    ("photos", "photo", "photo"),
    ("events", "event", "event"),
    ("notes", "note", "note"),
)
CHART_ANCHOR_SUFFIXES = ("", "-title", "-desc")  # a chart's figure, and its SVG's <title> and <desc>
NAMED = (("documents", "doc", "document"), ("places", "place", "place"), ("people", "person", "person"))

PageId = tuple[str, Path, tuple[str, str]]  # (element id, the field it comes from, (kind, the item's own id))


def page_ids(record: Record, index: int) -> Iterator[PageId]:
    """Every record-made element id of the page of highlight `index`, with the field it comes from."""
    highlight = record.highlights[index]
    here: Path = ("highlights", index)
    yield highlight.id, here + ("id",), ("highlight", highlight.id)
    for alias in record.aliases_of("highlight", highlight.id):
        yield alias, _redirect_path(record, "highlight", alias), ("redirect", alias)
    for field, prefix, kind in ITEMS:
        for j, item in enumerate(getattr(highlight, field)):
            yield anchor(prefix, item.id), here + (field, j, "id"), (kind, item.id)
            for alias in record.aliases_of(kind, item.id):
                yield anchor(prefix, alias), _redirect_path(record, kind, alias), ("redirect", alias)
    for j, chart in enumerate(highlight.charts):
        for suffix in CHART_ANCHOR_SUFFIXES:
            yield anchor("chart", chart.id) + suffix, here + ("charts", j, "id"), ("chart", chart.id)
        for alias in record.aliases_of("chart", chart.id):
            for suffix in CHART_ANCHOR_SUFFIXES:
                yield anchor("chart", alias) + suffix, _redirect_path(record, "chart", alias), ("redirect", alias)
    yield from _named_ids(record, highlight, here)


def _named_ids(record: Record, highlight: Highlight, here: Path) -> Iterator[PageId]:
    for field, prefix, kind in NAMED:
        for j, ref in enumerate(getattr(highlight, field)):
            yield anchor(prefix, ref), here + (field, j), (kind, ref)
            for alias in record.aliases_of(kind, ref):
                yield anchor(prefix, alias), _redirect_path(record, kind, alias), ("redirect", alias)


def _redirect_path(record: Record, kind: str, from_id: str) -> Path:
    index = next(i for i, r in enumerate(record.redirects) if r.kind == kind and r.from_id == from_id)
    return ("redirects", index, "from")


def collisions(record: Record) -> Iterator[tuple[Path, str]]:
    """(field, message) for every id that two parts of one highlight page would both use, reported at both."""
    for index, highlight in enumerate(record.highlights):
        sources: dict[str, list[Path]] = defaultdict(list)
        items: dict[str, set] = defaultdict(set)
        for element_id, where, item in page_ids(record, index):
            sources[element_id].append(where)
            items[element_id].add(item)
        for element_id, wheres in sources.items():
            if element_id in FIXED:
                for where in wheres:
                    yield (
                        where,
                        (
                            f"gives the page of highlight {highlight.id!r} the element id {element_id!r}, "
                            f"which {FIXED[element_id]} has; choose another id"
                        ),
                    )
            elif len(items[element_id]) > 1:  # one item listed twice is a duplicate id, reported on its own
                for where in dict.fromkeys(wheres):
                    others = ", ".join(format_path(other) for other in dict.fromkeys(wheres) if other != where)
                    yield (
                        where,
                        (
                            f"gives the page of highlight {highlight.id!r} the element id {element_id!r}, "
                            f"which {others} gives it too; choose another id"
                        ),
                    )
