"""Plain data for the pages about versions: the list of releases, what changed between two of them (for the record
and for each highlight), the banner of a released snapshot and the version selector of the current site."""

from __future__ import annotations

import dataclasses
import datetime as dt

from pydantic import ValidationError

from . import urls
from .diff import FigureChange, HighlightDiff, RecordDiff, TextChange
from .i18n import words
from .languages import REGISTRY
from .model import FIGURE_TOKEN, Figure
from .numbers import format_figure, format_full_date
from .views import PageContext

# a changed text's field → the word that names it on the page
_LABELS = {
    "title": "diff_title",
    "summary": "summary",
    "body": "text",
    "photos": "photos",
    "notes": "notes",
    "events": "events",
    "term": "term",
}
CURRENT = "current"  # the label of the site as it is now, when it has changes after the last release


@dataclasses.dataclass(frozen=True)
class VersionInfo:
    """A release as the current build knows it: version, date, and the pages its snapshot has."""

    version: str
    date: str
    pages: frozenset[str]


def diff_page(old: str, new: str) -> str:
    """The source path of the page of what changed from `old` to `new` (a version, or CURRENT)."""
    return f"versions/{old}-{new}.md"


def highlight_diff_page(old: str, new: str, highlight_id: str) -> str:
    return f"versions/{old}-{new}/{highlight_id}.md"


def _date(text: str, lang: str) -> str:
    return format_full_date(dt.date.fromisoformat(text), lang)


def versions_view(versions: list[VersionInfo], page: PageContext, has_current: bool) -> dict:
    """The releases, newest first, each with its snapshot, its PDF and what changed since the one before."""
    lang, links = page.links.lang, page.links
    items = []
    for index, info in enumerate(versions):
        previous = versions[index - 1].version if index else None
        home = links.shared(f"v/{info.version}/{links.languages.prefix(lang)}", page.url)
        items.append(
            {
                "version": info.version,
                "date": _date(info.date, lang),
                "iso_date": info.date,
                "href": home,
                "pdf": f"{home}print/{urls.pdf_file(lang)}",
                "diff": page.href(diff_page(previous, info.version)) if previous else None,
                "earlier": [
                    {"version": other.version, "href": page.href(diff_page(other.version, info.version))}
                    for other in versions[:index]
                ],
            }
        )
    current = None
    if has_current and versions:
        current = {"diff": page.href(diff_page(versions[-1].version, CURRENT))}
    return {"items": list(reversed(items)), "current": current, "words": words(lang)}


def _figure_text(data: dict | None, lang: str) -> str:
    if data is None:
        return "—"
    try:
        return format_figure(Figure.model_validate(data), lang)
    except (ValidationError, KeyError, TypeError, ValueError):
        return str(data.get("value"))


def _figure_row(change: FigureChange, languages: tuple[str, ...], lang: str) -> dict:
    label = (change.new or change.old)["label"]
    return {
        "id": change.figure_id,
        "label": label.get(lang) or label.get(languages[0], ""),
        "values": [
            {
                "lang": code,
                "language": REGISTRY[code].name,
                "old": _figure_text(change.old, code),
                "new": _figure_text(change.new, code),
            }
            for code in languages
        ],
        "kind": "added" if change.old is None else "removed" if change.new is None else "changed",
    }


def _shown(text: str, figures: dict[str, dict], lang: str) -> str:
    """A text of either version with its {fig:…} references as that version printed them."""
    return FIGURE_TOKEN.sub(lambda match: _figure_text(figures.get(match.group(1)), lang), text)


def _text_row(change: TextChange, old_figures: dict, new_figures: dict, page_lang: str) -> dict:
    """One changed text, word by word, labelled in the page's language (Summary, Text ¶2, Photo …)."""
    text = words(page_lang)
    shown = dataclasses.replace(
        change, old=_shown(change.old, old_figures, change.lang), new=_shown(change.new, new_figures, change.lang)
    )
    label = text[_LABELS[change.field]] if change.field in _LABELS else change.field
    where = f"{label} {change.detail}".strip()
    return {
        "where": where,
        "lang": change.lang,
        "language": REGISTRY[change.lang].name,
        "pieces": [{"kind": kind, "text": piece} for kind, piece in shown.pieces()],
    }


def highlight_diff_view(
    diff: HighlightDiff,
    old_label: str,
    new_label: str,
    languages: tuple[str, ...],
    page: PageContext,
    title: str,
    figures: tuple[dict, dict] = ({}, {}),
) -> dict:
    lang = page.links.lang
    current = diff.new_id and page.href(urls.highlight_page(diff.new_id))
    return {
        "title": title,
        "old": old_label,
        "new": new_label,
        "href": current,
        "renamed": (diff.old_id, diff.new_id) if diff.old_id and diff.new_id and diff.old_id != diff.new_id else None,
        "figures": [_figure_row(change, languages, lang) for change in diff.figures],
        "texts": [_text_row(change, *figures, lang) for change in diff.texts],
        "added": diff.added,
        "removed": diff.removed,
        "words": words(lang),
    }


def record_diff_view(
    diff: RecordDiff,
    old_label: str,
    new_label: str,
    titles: dict[str, str],
    old_new: tuple,
    page: PageContext,
    figures: tuple[dict, dict] = ({}, {}),
) -> dict:
    """The record's changes: each highlight that changed (linking to its own page of changes), the term's texts,
    what was added or removed, and the renames declared."""
    lang = page.links.lang
    highlights = []
    for item in diff.highlights:
        if not item.changed:
            continue
        key = item.new_id or item.old_id
        href = page.href(highlight_diff_page(*old_new, key)) if item.new_id else None
        state = "added" if item.old_id is None else "removed" if item.new_id is None else "changed"
        highlights.append(
            {
                "title": titles.get(key, key),
                "href": href,
                "state": state,
                "figures": len(item.figures),
                "texts": len(item.texts),
            }
        )
    return {
        "old": old_label,
        "new": new_label,
        "highlights": highlights,
        "texts": [_text_row(change, *figures, lang) for change in diff.texts],
        "added": diff.added,
        "removed": diff.removed,
        "redirects": diff.redirects,
        "words": words(lang),
    }


def banner_view(version: str, date: str, current_href: str, lang: str) -> dict:
    """On a released snapshot: which release this is, and the same page on the current site."""
    return {"version": version, "date": _date(date, lang), "href": current_href, "words": words(lang)}


def selector_view(versions: list[VersionInfo], page_path: str, page: PageContext, release: str | None) -> dict:
    """The current site's version menu: this page in every release that has it (else that release's home)."""
    links = page.links
    entries = [{"label": words(links.lang).version_current, "href": None, "current": True}]
    for info in reversed(versions):
        target = page_path if page_path in info.pages else links.languages.prefix(links.lang)
        entries.append(
            {
                "label": info.version + (f" ({words(links.lang).version_latest})" if info is versions[-1] else ""),
                "href": links.shared(f"v/{info.version}/{target}", page.url),
                "current": False,
            }
        )
    return {"entries": entries, "release": release, "words": words(links.lang)}
