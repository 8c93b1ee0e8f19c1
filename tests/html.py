"""Reading built pages: parse HTML with the standard library into the facts the tests assert on."""

from __future__ import annotations

import html.parser
from pathlib import Path


class PageFacts(html.parser.HTMLParser):
    """Collects the html lang, every element id, links, meta and link elements, data values and visible text of one
    page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.ids: list[str] = []
        self.links: list[dict] = []
        self.meta: dict[str, list[str]] = {}  # <meta property|name=… content=…>, by property or name
        self.head_links: list[dict] = []  # <link> elements
        self.data_values: list[tuple[str, str]] = []
        self.text_parts: list[str] = []
        self._open_data: list[str] | None = None
        self._data_text = ""
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "a":
            self.links.append(attributes)
        if tag == "meta" and (key := attributes.get("property") or attributes.get("name")):
            self.meta.setdefault(key, []).append(attributes.get("content", ""))
        if tag == "link":
            self.head_links.append(attributes)
        if tag == "data":
            self._open_data = [attributes.get("value", "")]
            self._data_text = ""
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag == "data" and self._open_data is not None:
            self.data_values.append((self._open_data[0], self._data_text))
            self._open_data = None
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if self._open_data is not None:
            self._data_text += data
        if not self._skip:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.text_parts).split())


def facts(path: Path) -> PageFacts:
    parser = PageFacts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page(site: Path, url: str) -> Path:
    """The file serving a directory URL such as en/supervision/."""
    return site / url / "index.html" if not url.endswith(".html") else site / url
