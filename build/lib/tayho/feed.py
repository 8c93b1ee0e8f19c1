"""The change history as Atom feeds: one per language for the whole record, and one per highlight and language
holding the changes that concern it (those that name it, and those of the whole record, which name none). Dates
come from the record, never from the clock.

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


def feed_view(record: Record, links: Links, highlight_id: str | None = None) -> dict:
    """Entries newest first; ids are stable URLs of each change's anchor on the changes page. With a highlight id:
    that highlight's feed (its title, its page, its changes)."""
    lang = links.lang
    entries = []
    for index, change in sorted(enumerate(record.changes), key=lambda item: (item[1].date, item[0]), reverse=True):
        if highlight_id is not None and change.highlights and highlight_id not in change.highlights:
            continue
        entry_url = links.absolute(urls.CHANGES, fragment=change_anchor(index))
        entries.append(
            {
                "id": entry_url,
                "updated": f"{change.date.isoformat()}T00:00:00Z",
                "title": change.text[lang],
                "link": entry_url,
                "related": [
                    {"href": links.absolute(urls.highlight_page(ref)), "title": highlight_title(record, ref, lang)}
                    for ref in change.highlights
                ],
            }
        )
    if highlight_id is None:
        feed_file, home, title = urls.FEED_FILE, urls.HOME, record.term.title[lang]
    else:
        feed_file, home = urls.highlight_feed(highlight_id), urls.highlight_page(highlight_id)
        title = f"{highlight_title(record, highlight_id, lang)} · {record.term.title[lang]}"
    return {
        "lang": lang,
        "id": links.absolute_file(feed_file),
        "self": links.absolute_file(feed_file),
        "home": links.absolute(home),
        "title": title,
        "author": editors(lang),
        # a feed is as new as its newest entry; a highlight no change concerns yet, as new as the record
        "updated": entries[0]["updated"] if entries else f"{max(c.date for c in record.changes).isoformat()}T00:00:00Z",
        "entries": entries,
    }


def highlight_title(record: Record, highlight_id: str, lang: str) -> str:
    """A highlight as a feed names it: its number and title."""
    highlight = record.highlight(highlight_id)
    return f"{highlight.order}. {highlight.title[lang]}"
