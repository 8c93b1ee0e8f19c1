"""The change history as an Atom feed per language: dates from the record, never from the clock."""

from __future__ import annotations

from . import urls
from .model import Record
from .urls import Links


def feed_view(record: Record, links: Links) -> dict:
    """Entries newest first; ids are stable URLs of each change's anchor on the changes page."""
    lang = links.lang
    entries = []
    for index, change in sorted(enumerate(record.changes), key=lambda item: (item[1].date, item[0]), reverse=True):
        anchor = f"change-{index + 1}"
        targets = [links.absolute(urls.highlight_page(ref)) for ref in change.highlights]
        entries.append(
            {
                "id": links.absolute(urls.CHANGES, fragment=anchor),
                "updated": f"{change.date.isoformat()}T00:00:00Z",
                "title": change.text[lang],
                "link": targets[0] if targets else links.absolute(urls.CHANGES, fragment=anchor),
            }
        )
    return {
        "lang": lang,
        "id": links.absolute_file(urls.FEED_FILE),
        "self": links.absolute_file(urls.FEED_FILE),
        "home": links.absolute(urls.HOME),
        "title": record.term.title[lang],
        "author": record.term.body[lang],
        "updated": entries[0]["updated"],
        "entries": entries,
    }
