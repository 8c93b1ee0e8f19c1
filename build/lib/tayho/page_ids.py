"""Element ids of a written page: every id must be unique, whatever ids the record chose."""

from __future__ import annotations

import html.parser
from collections import Counter


class _Ids(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.append(value)

    handle_startendtag = handle_starttag


def element_ids(page_html: str) -> list[str]:
    """Every id attribute of the page, in document order (SVG and MathML elements included)."""
    parser = _Ids()
    parser.feed(page_html)
    parser.close()
    return parser.ids


def duplicate_ids(page_html: str) -> list[str]:
    """The ids used more than once on the page, in the order they first appear."""
    counts = Counter(element_ids(page_html))
    return [element_id for element_id, count in counts.items() if count > 1]
