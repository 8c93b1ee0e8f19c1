"""The search index, written from the pages the build rendered (Material's search plugin is not used).

Each page gives one entry for its title and opening text, and one per section heading that has an id, in the
shape Material's search expects (`location`, `title`, `text`). Text is plain: tags are dropped, a space is kept
wherever markup separated two blocks ("151" and "nội dung" in two cells stay two words), and elements marked
`data-search-exclude` (or buttons, scripts and permalink signs) are left out. A heading marked
`data-search-continue` starts no entry (its title is left out, its text stays with the entry before it).
Online the index is written in chunks fetched when the reader searches (tayho/search_chunks.py); the offline
copy gets Material's single index, with accent-folded copies of every entry (tayho/search.py) and as a script,
since file:// pages cannot fetch.
"""

from __future__ import annotations

import dataclasses
import html
import html.parser
import json
from pathlib import Path

from .search import FOLDED_FIELDS, fold
from .search_chunks import write_chunks

HEADINGS = {"h1", "h2", "h3"}
BLOCKS = HEADINGS | {
    "p",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "tr",
    "div",
    "section",
    "figure",
    "figcaption",
    "pre",
    "blockquote",
    "aside",
    "table",
    "ul",
    "ol",
    "dl",
    "br",
    "details",
    "summary",
    "time",
}
SKIPPED = {"h1", "script", "style", "button", "svg", "template", "noscript"}  # the h1 is the entry's title
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}


HIGHLIGHT_BOOST = 2.0  # a highlight's own page ranks above the index pages that list it (timeline, documents)


@dataclasses.dataclass
class Entry:
    location: str
    title: str
    text: str = ""
    boost: float = 1.0  # Material's per-entry boost (its `search.boost`), used by the single index


class _Sections(html.parser.HTMLParser):
    """Splits a page's content at its headings with ids, collecting the plain text of each part."""

    def __init__(self, page_url: str, page_title: str, boost: float):
        super().__init__(convert_charrefs=True)
        self.entries = [Entry(page_url, page_title, boost=boost)]
        self.page_url, self.boost = page_url, boost
        self._skipping: list[str] = []  # the open elements whose content is left out
        self._heading: list[str] | None = None
        self._parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self._skipping:
            if tag not in VOID:
                self._skipping.append(tag)
            return
        if (
            tag in SKIPPED
            or "data-search-exclude" in attributes
            or "data-search-continue" in attributes
            or "headerlink" in (attributes.get("class") or "")
        ):
            if tag not in VOID:
                self._skipping.append(tag)
            return
        if tag in BLOCKS:
            self._parts.append(" ")
        if tag in HEADINGS and attributes.get("id") and tag != "h1":
            self._close_section()
            self.entries.append(Entry(f"{self.page_url}#{attributes['id']}", "", boost=self.boost))
            self._heading = []

    def handle_endtag(self, tag):
        if self._skipping:
            self._skipping.pop()
            return
        if tag in HEADINGS and self._heading is not None:
            self.entries[-1].title = " ".join("".join(self._heading).split())
            self._heading = None
        elif tag in BLOCKS:
            self._parts.append(" ")

    def handle_data(self, data):
        if self._skipping:
            return
        if self._heading is not None:
            self._heading.append(data)
        else:
            self._parts.append(data)

    def _close_section(self):
        self.entries[-1].text = " ".join("".join(self._parts).split())
        self._parts = []

    def result(self) -> list[Entry]:
        self.close()
        self._close_section()
        return [entry for entry in self.entries if entry.title or entry.text]


def page_entries(content_html: str, page_url: str, page_title: str, boost: float = 1.0) -> list[Entry]:
    """The search entries of one rendered page (its content, without the theme around it)."""
    parser = _Sections(page_url, page_title, boost)
    parser.feed(content_html)
    return parser.result()


def material_config(search_language: str) -> dict:
    """The search settings Material's front end reads from search_index.json."""
    return {"lang": [search_language], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"]}


def write_index(entries: list[Entry], search_dir: Path, search_language: str, chunked: bool, inline: bool) -> None:
    """Write search/search_index.json: a stub pointing at the chunks, or Material's single index with folded
    copies of each entry (and, for file:// pages, search_index.js holding it as a script)."""
    search_dir.mkdir(parents=True, exist_ok=True)
    config = material_config(search_language)
    if chunked:
        index = write_chunks(config, [(entry.location, entry.title, entry.text) for entry in entries], search_dir)
    else:
        config["fields"] = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}
        for original, folded in FOLDED_FIELDS.items():
            config["fields"][folded] = dict(config["fields"][original])
        index = {"config": config, "docs": [_single_entry(entry) for entry in entries]}
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    (search_dir / "search_index.json").write_text(data, encoding="utf-8")
    if inline:
        (search_dir / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")


def _single_entry(entry: Entry) -> dict:
    """An entry of Material's single index: its title and text are shown as HTML, so plain text is escaped."""
    shown = {"location": entry.location, "title": html.escape(entry.title), "text": html.escape(entry.text)}
    if entry.boost != 1.0:
        shown["boost"] = entry.boost
    for original, folded in FOLDED_FIELDS.items():
        value = shown[original]
        if fold(value) != value:
            shown[folded] = fold(value)
    return shown
