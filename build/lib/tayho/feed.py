"""The change history as an Atom feed per language: dates from the record, never from the clock.

Each entry is one change: its id and its link are the change's entry on the changes page (which says what changed and
links the highlights it touched); each highlight it touched is a related link. The feed's author is the record's
editors, who make the changes, not the body the record is about.
"""

from __future__ import annotations

from . import urls
from .citation import editors
from .model import Record
from .urls import Links


def change_anchor(index: int) -> str:
    """The anchor of the change at `index` in the record's list on the changes page (views.changes_view)."""
    return f"change-{index + 1}"


def feed_view(record: Record, links: Links) -> dict:
    """Entries newest first; ids are stable URLs of each change's anchor on the changes page."""
    lang = links.lang
    entries = []
    for index, change in sorted(enumerate(record.changes), key=lambda item: (item[1].date, item[0]), reverse=True):
        entry_url = links.absolute(urls.CHANGES, fragment=change_anchor(index))
        entries.append(
            {
                "id": entry_url,
                "updated": f"{change.date.isoformat()}T00:00:00Z",
                "title": change.text[lang],
                "link": entry_url,
                "related": [
                    {
                        "href": links.absolute(urls.highlight_page(ref)),
                        "title": f"{record.highlight(ref).order}. {record.highlight(ref).title[lang]}",
                    }
                    for ref in change.highlights
                ],
            }
        )
    return {
        "lang": lang,
        "id": links.absolute_file(urls.FEED_FILE),
        "self": links.absolute_file(urls.FEED_FILE),
        "home": links.absolute(urls.HOME),
        "title": record.term.title[lang],
        "author": editors(lang),
        "updated": entries[0]["updated"],
        "entries": entries,
    }
