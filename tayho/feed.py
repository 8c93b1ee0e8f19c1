"""The change history as an Atom feed per language: dates from the record, never from the clock."""

from __future__ import annotations

from . import urls
from .model import Record


def feed_view(record: Record, lang: str, site_url: str) -> dict:
    """Entries newest first; ids are stable URLs of each change's anchor on the changes page."""
    changes_url = site_url + urls.CHANGES_URL
    entries = []
    for index, change in sorted(enumerate(record.changes), key=lambda item: (item[1].date, item[0]), reverse=True):
        links = [site_url + urls.highlight_url(ref) for ref in change.highlights] or [site_url]
        entries.append({"id": f"{changes_url}#change-{index + 1}", "updated": f"{change.date.isoformat()}T00:00:00Z",
                        "title": change.text[lang], "link": links[0]})
    return {
        "lang": lang,
        "id": site_url + urls.FEED_FILE,
        "self": site_url + urls.FEED_FILE,
        "home": site_url,
        "title": record.term.title[lang],
        "author": record.term.body[lang],
        "updated": entries[0]["updated"],
        "entries": entries,
    }
