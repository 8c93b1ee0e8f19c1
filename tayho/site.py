"""What one language build of the site needs from the record: the pages it adds and the HTML of each part."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from jinja2 import Environment
from markupsafe import Markup, escape

from . import embeds, feed, home, indexes, jsonld, metadata, share_images, urls, views
from .citation import version_text
from .compiled_templates import CompiledTemplates
from .corrections import CorrectionTarget, report_links
from .i18n import words
from .model import Record
from .navigation import site_nav
from .render import call_macro, make_environment
from .urls import Links
from .version import RecordVersion

# <!-- tayho:NAME --> in a prose page stands for the record's part NAME: (macro file, macro, view of the page).
PROSE_MARKERS = {
    "term": ("home.html", "term", lambda site, page: home.term_view(site.record, site.lang, page)),
    "cards": ("home.html", "cards", lambda site, page: home.highlight_cards(site.record, site.lang, page)),
    "source": ("about.html", "source", lambda site, page: site.about(page)),
    "omitted": ("about.html", "omitted", lambda site, page: site.about(page)),
    "notes": ("about.html", "notes", lambda site, page: site.about(page)),
    "verbatim": ("about.html", "verbatim", lambda site, page: site.about(page)),
    "downloads": ("about.html", "downloads", lambda site, page: site.about(page)),
    "changes": (
        "changes.html",
        "changes",
        lambda site, page: views.changes_view(site.record, site.lang, page, site.diff_for),
    ),
    "timeline": ("indexes.html", "timeline", lambda site, page: indexes.timeline_view(site.record, site.lang, page)),
    "places": ("indexes.html", "places", lambda site, page: indexes.places_view(site.record, site.lang, page)),
    "documents": ("indexes.html", "documents", lambda site, page: indexes.documents_view(site.record, site.lang, page)),
    "everything": ("print.html", "everything", lambda site, page: views.print_view(site.record, site.lang, page)),
    "pdf": ("print.html", "pdf_link", lambda site, page: site.pdf_link(page)),
}


@dataclasses.dataclass
class LanguageSite:
    """The record bound to one language, its addresses, its version and the fragment templates."""

    record: Record
    links: Links
    env: Environment
    source_text: str
    version: RecordVersion
    offline: bool = False
    pdf: bool = True  # whether this build renders the PDFs (which the printable pages link) and the share images
    corrections: CorrectionTarget | None = None  # where readers report a correction (mkdocs.yml)
    _views: dict = dataclasses.field(default_factory=dict, repr=False)

    @classmethod
    def create(
        cls,
        record: Record,
        links: Links,
        fragments_dir: Path,
        root: Path,
        version: RecordVersion,
        offline: bool = False,
        pdf: bool = True,
        corrections: CorrectionTarget | None = None,
    ) -> LanguageSite:
        source_text = (root / record.term.source.file).read_text(encoding="utf-8")
        environment = make_environment(fragments_dir, CompiledTemplates(root, "fragments"))
        return cls(record, links, environment, source_text, version, offline, pdf, corrections)

    @property
    def lang(self) -> str:
        return self.links.lang

    def highlight_sources(self) -> dict[str, str]:
        """Markdown source (front matter only) of each generated highlight page, keyed by its file path."""
        return {
            urls.highlight_page(highlight.id): self._front_matter(f"{highlight.order}. {highlight.title[self.lang]}")
            for highlight in self.record.highlights
        }

    @staticmethod
    def _front_matter(title: str) -> str:
        # MkDocs and Material print titles as HTML, so the plain-text title is escaped here, once. Quotes are
        # left as they are: Material escapes titles again inside attributes (aria-label), where &#39; would show.
        return "---\n" + yaml.safe_dump({"title": html.escape(title, quote=False)}, allow_unicode=True) + "---\n"

    def nav(self) -> list:
        return site_nav(self.record, self.lang)

    def highlight_id_for(self, src_uri: str) -> str | None:
        stem = src_uri.removesuffix(".md")
        return stem if src_uri.endswith(".md") and self.record.has_highlight(stem) else None

    cite_root: str | None = None  # set when the site is exactly a release with a snapshot under v/
    diff_for: Callable = lambda index: None  # a change's position → the page of what its release changed (plugin)

    @property
    def words(self):
        return words(self.lang)

    def page_context(self, page_url: str) -> views.PageContext:
        return views.PageContext(self.links, page_url, self.version, self.cite_root)

    def _highlight_view(self, highlight_id: str) -> dict:
        """One highlight's view, computed once per build (the page and its table of contents both need it)."""
        if highlight_id not in self._views:
            page = self.page_context(self.links.url(urls.highlight_page(highlight_id)))
            highlight = self.record.highlight(highlight_id)
            view = views.highlight_view(self.record, highlight, self.lang, page)
            view["corrections"] = report_links(self.corrections, view, self.lang)
            view["press"] = self._press_links(highlight, page.url)
            view["chart_tools"] = embeds.chart_tools(self, highlight, page.url)
            self._views[highlight_id] = view
        return self._views[highlight_id]

    def _press_links(self, highlight, page_url: str) -> dict:
        """What a highlight page offers to take away: its PDF (when this build draws PDFs) and its own feed (not in
        the offline copy, which has neither)."""
        if self.offline:
            return {"pdf": None, "feed": None}
        folder = self.links.dest(urls.highlight_page(highlight.id)).rsplit("/", 1)[0]
        pdf = f"{folder}/{urls.highlight_pdf_file(highlight.id, self.lang)}"
        return {
            "pdf": self.links.file(pdf, page_url) if self.pdf else None,
            "feed": self.links.file(urls.highlight_feed(highlight.id), page_url),
        }

    def highlight_html(self, highlight_id: str) -> Markup:
        return call_macro(self.env, "highlight.html", "page", self._highlight_view(highlight_id))

    def highlight_toc(self, highlight_id: str) -> list[dict]:
        """Table-of-contents tokens in the shape Python-Markdown's toc extension produces."""
        return [
            {
                "level": 2,
                "id": section.id,
                "name": section.title,
                "html": str(escape(section.title)),
                "data-toc-label": "",
                "children": [],
            }
            for section in self._highlight_view(highlight_id)["sections"]
        ]

    def about(self, page: views.PageContext) -> dict:
        return views.about_view(self.record, self.lang, self.source_text, page)

    def pdf_link(self, page: views.PageContext) -> dict:
        """The printable page's link to its PDF (in the page's own folder), when this build makes one: not the
        offline copy, nor the quick preview of `tayho serve`."""
        return {"href": urls.pdf_file(self.lang) if self.pdf else None, "words": words(self.lang)}

    def prose_part(self, marker: str, page_url: str) -> Markup:
        """The HTML a marker <!-- tayho:NAME --> in a prose page stands for."""
        template, macro, view = PROSE_MARKERS[marker]
        return call_macro(self.env, template, macro, view(self, self.page_context(page_url)))

    def alternates(self, page_url: str) -> list[dict]:
        """The language switcher's entries for one page: the same page in each language."""
        return [
            {
                "lang": code,
                "name": self.links.languages.entry(code).name,
                "current": code == self.lang,
                "href": self.links.in_language(code, page_url),
            }
            for code in self.links.languages
        ]

    def alternates_for_404(self) -> list[dict]:
        """The 404 page is served at any URL, so its switcher leads to each language's home by absolute path."""
        return [
            {
                "lang": code,
                "name": self.links.languages.entry(code).name,
                "current": code == self.lang,
                "href": urlsplit(self.links.language_root(code)).path or "/",
            }
            for code in self.links.languages
        ]

    def description(self, src_uri: str, fallback: str) -> str:
        """A page's description for previews: a highlight's summary as plain text, else the site's."""
        highlight_id = self.highlight_id_for(src_uri)
        if highlight_id is None:
            return fallback
        return views.plain_text(self.record.highlight(highlight_id).summary[self.lang], self.record, self.lang)

    def head_html(self, page_url: str, src_uri: str, title: str, description: str, site_name: str) -> Markup:
        """Description, feed link, Open Graph and JSON-LD for one page (its other languages are in the sitemaps)."""
        highlight_id = self.highlight_id_for(src_uri)
        structured = jsonld.page_graph(self.record, self.links, src_uri, title, description, self.version)
        view = {
            "description": description,
            "offline": self.offline,
            "open_graph": metadata.open_graph(
                self.links,
                site_name,
                title,
                description,
                self.links.absolute(src_uri),
                highlight_id is not None,
                self.share_image(highlight_id),
            ),
            "large_image": self.pdf and not self.offline,
            "json_ld": Markup(metadata.json_for_script(structured)),
            "feeds": self.feeds(highlight_id, page_url),
        }
        return call_macro(self.env, "head.html", "head", view)

    def feeds(self, highlight_id: str | None, page_url: str) -> list[dict]:
        """The feed a page announces: on a highlight's page its own (which also holds the changes to the whole
        record), elsewhere the record's. One link, because Material's script downloads a sitemap.xml beside each."""
        word = words(self.lang)["feed"]
        if highlight_id is not None:
            title = feed.highlight_title(self.record, highlight_id, self.lang)
            return [{"href": self.links.file(urls.highlight_feed(highlight_id), page_url), "title": f"{word}: {title}"}]
        return [
            {"href": self.links.file(urls.FEED_FILE, page_url), "title": f"{word}: {self.record.term.title[self.lang]}"}
        ]

    def share_image(self, highlight_id: str | None) -> metadata.ShareImage | None:
        """The card a link preview shows for a page: its highlight's, else the record's (when the build draws them)."""
        if not self.pdf or self.offline:
            return None
        card = share_images.card_for(self, highlight_id)
        url = self.links.absolute_file(share_images.image_path(card.name))
        return metadata.ShareImage(url, share_images.WIDTH, share_images.HEIGHT, card.alt)

    def _root_path(self, page: str, lang: str | None = None) -> str:
        """The absolute path of a page ("/en/timeline/"), for the 404 page, which is served at any address."""
        return urlsplit(self.links.absolute(page, lang)).path or "/"

    def not_found_title(self) -> str:
        return words(self.lang)["not_found_title"]

    def not_found_html(self) -> Markup:
        """The body of the 404 page: a search of the archive (the home page opens Material's search with the ?q=
        query) and the ways back, by absolute paths."""
        text = words(self.lang)
        home_path = self._root_path(urls.HOME)
        view = {
            "home": home_path,
            "links": [
                views.Link(text[name], self._root_path(page))
                for page, name in ((urls.TIMELINE, "timeline"), (urls.ABOUT, "about"))
            ],
            "languages": [item for item in self.alternates_for_404() if not item["current"]],
            "words": text,
        }
        return call_macro(self.env, "page.html", "not_found", view)

    def footer_html(self, page_url: str) -> Markup:
        view = {"version": version_text(self.version, self.lang), "href": self.links.href(urls.CHANGES, page_url)}
        return call_macro(self.env, "page.html", "footer", view)
