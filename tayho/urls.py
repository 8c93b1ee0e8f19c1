"""Where each page and file of one language build lives, by MkDocs' own URL rules, and links between them.

Pages are named by their source path (`index.md`, `about.md`, `supervision.md`): MkDocs decides their URLs
(`supervision/` on the web, `supervision.html` in the offline copy), and every link the archive writes is made
relative with MkDocs' `get_relative_url`, so that both layouts work with no rewriting afterwards. Paths passed
around are relative to one language's root; files shared by every language (data/) live at the site root.
"""

from __future__ import annotations

import dataclasses
import functools

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from .languages import SiteLanguages

HOME = "index.md"
ABOUT = "about.md"
CHANGES = "changes.md"
PRINT = "print.md"
TIMELINE = "timeline.md"
PLACES = "places.md"
DOCUMENTS = "documents.md"
FEED_FILE = "feed.xml"
DATA_DIR = "data/"  # at the root of the whole site, shared by every language
SHARE_DIR = "share/"  # the share images of a language (tayho/share_images.py)
EMBED_DIR = "embed/"  # the embeddable charts of a language (tayho/embeds.py)


def pdf_file(lang: str) -> str:
    """The PDF of the whole record in one language, beside its printable page."""
    return f"tayho-archive-{lang}.pdf"


def highlight_pdf_file(highlight_id: str, lang: str) -> str:
    """The PDF of one highlight in one language, beside its page."""
    return f"tayho-archive-{highlight_id}-{lang}.pdf"


def highlight_page(highlight_id: str) -> str:
    """The source path of a highlight's generated page: supervision.md (served at supervision/)."""
    return f"{highlight_id}.md"


def highlight_feed(highlight_id: str) -> str:
    """The Atom feed of one highlight's changes, beside its page (from its language's root)."""
    return f"{highlight_id}/{FEED_FILE}"


def highlight_sitemap(highlight_id: str) -> str:
    """The sitemap of one highlight's page, beside its feed: Material's script downloads the sitemap.xml beside
    every <link rel="alternate"> of a page, so the folder of a feed a page announces must have one."""
    return f"{highlight_id}/sitemap.xml"


def anchor(kind: str, item_id: str) -> str:
    """The fragment id of an item on a highlight page: fig-…, photo-…, note-…"""
    return f"{kind}-{item_id}"


@functools.lru_cache(maxsize=65536)
def _page_file(page: str, directory_urls: bool) -> File:
    return File(page, src_dir=None, dest_dir="", use_directory_urls=directory_urls)


def _with_anchor(url: str, fragment: str) -> str:
    return f"{url}#{fragment}" if fragment else url


@dataclasses.dataclass(frozen=True)
class Links:
    """The URLs of one language build: its pages, the other languages' pages, and the site's shared files."""

    languages: SiteLanguages
    lang: str
    site_url: str  # the absolute address of the whole site (the root language's home), ending in "/"
    directory_urls: bool = True

    def url(self, page: str) -> str:
        """A page's URL from its language's root, as MkDocs writes it: "supervision/", "./", "about.html"."""
        return _page_file(page, self.directory_urls).url

    def dest(self, page: str) -> str:
        """The file a page is written to, from its language's root: "supervision/index.html"."""
        return _page_file(page, self.directory_urls).dest_uri

    def href(self, page: str, current: str, fragment: str = "") -> str:
        """A relative link from the page at URL `current` to `page` (and its #fragment)."""
        return _with_anchor(get_relative_url(self.url(page), current or "./"), fragment)

    def shared(self, path: str, current: str) -> str:
        """A relative link from the page at URL `current` to a file at the site root, such as data/record.json."""
        return get_relative_url(path, self.languages.prefix(self.lang) + (current or "./"))

    def file(self, path: str, current: str) -> str:
        """A relative link from the page at URL `current` to a file of this language, such as feed.xml."""
        return get_relative_url(path, current or "./")

    def in_language(self, lang: str, current: str) -> str:
        """A relative link from the page at URL `current` to the same page in language `lang`."""
        here = self.languages.prefix(self.lang) + (current if current not in ("", "./") else "")
        there = self.languages.prefix(lang) + (current if current not in ("", "./") else "")
        return get_relative_url(there or "./", here or "./")

    def language_root(self, lang: str | None = None) -> str:
        """The absolute address of a language's home: https://…/ or https://…/en/."""
        return self.site_url + self.languages.prefix(lang or self.lang)

    def absolute(self, page: str, lang: str | None = None, fragment: str = "") -> str:
        """The absolute address of a page in a language (this one by default)."""
        url = self.url(page)
        return _with_anchor(self.language_root(lang) + ("" if url == "./" else url), fragment)

    def absolute_shared(self, path: str) -> str:
        return self.site_url + path

    def absolute_file(self, path: str, lang: str | None = None) -> str:
        return self.language_root(lang) + path
