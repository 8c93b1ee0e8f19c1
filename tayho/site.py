"""What one language build of the site needs from the record: the pages it adds and the HTML of each part."""

from __future__ import annotations

import dataclasses
import html
from pathlib import Path

import yaml
from jinja2 import Environment
from markupsafe import Markup, escape

from . import indexes, metadata, urls, views
from .citation import version_text
from .i18n import LANGUAGE_NAMES, words
from .model import Record
from .navigation import site_nav
from .render import call_macro, make_environment
from .version import RecordVersion

PROSE_MARKERS = {
    "term": ("home.html", "term"),
    "cards": ("home.html", "cards"),
    "source": ("about.html", "source"),
    "omitted": ("about.html", "omitted"),
    "notes": ("about.html", "notes"),
    "verbatim": ("about.html", "verbatim"),
    "downloads": ("about.html", "downloads"),
    "changes": ("changes.html", "changes"),
    "timeline": ("indexes.html", "timeline"),
    "places": ("indexes.html", "places"),
    "documents": ("indexes.html", "documents"),
    "everything": ("print.html", "everything"),
}


@dataclasses.dataclass
class LanguageSite:
    """The record bound to one language, its published address, its version and the fragment templates."""

    record: Record
    lang: str
    env: Environment
    source_text: str
    site_url: str
    version: RecordVersion
    offline: bool = False
    _views: dict = dataclasses.field(default_factory=dict, repr=False)

    @classmethod
    def create(cls, record: Record, lang: str, fragments_dir: Path, root: Path, site_url: str,
               version: RecordVersion) -> "LanguageSite":
        source_text = (root / record.term.source.file).read_text(encoding="utf-8")
        return cls(record, lang, make_environment(fragments_dir), source_text, site_url, version)

    def highlight_sources(self) -> dict[str, str]:
        """Markdown source (front matter only) of each generated highlight page, keyed by its file path."""
        return {f"{highlight.id}.md": self._front_matter(f"{highlight.order}. {highlight.title[self.lang]}")
                for highlight in self.record.highlights}

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

    def page_context(self, page_url: str) -> views.PageContext:
        return views.PageContext(
            absolute_url=self.site_url + page_url,
            version=self.version,
            data_href=urls.to_shared(urls.DATA_DIR, page_url, self.lang),
            changes_href=urls.relative(urls.CHANGES_URL, page_url),
        )

    def _highlight_view(self, highlight_id: str) -> dict:
        """One highlight's view, computed once per build (the page and its table of contents both need it)."""
        if highlight_id not in self._views:
            url = urls.highlight_url(highlight_id)
            highlight = self.record.highlight(highlight_id)
            self._views[highlight_id] = views.highlight_view(self.record, highlight, self.lang, self.page_context(url))
        return self._views[highlight_id]

    def highlight_html(self, highlight_id: str) -> Markup:
        return call_macro(self.env, "highlight.html", "page", self._highlight_view(highlight_id))

    def highlight_toc(self, highlight_id: str) -> list[dict]:
        """Table-of-contents tokens in the shape Python-Markdown's toc extension produces."""
        return [{"level": 2, "id": section.id, "name": section.title, "html": str(escape(section.title)),
                 "data-toc-label": "", "children": []} for section in self._highlight_view(highlight_id)["sections"]]

    def prose_part(self, marker: str, page_url: str) -> Markup:
        """The HTML a marker <!-- tayho:NAME --> in a prose page stands for."""
        template, macro = PROSE_MARKERS[marker]
        if marker == "term":
            view = views.term_view(self.record, self.lang)
        elif marker == "cards":
            view = views.highlight_cards(self.record, self.lang, page_url)
        elif marker in ("timeline", "places", "documents"):
            view = getattr(indexes, f"{marker}_view")(self.record, self.lang, page_url)
        elif marker == "everything":
            view = views.print_view(self.record, self.lang, page_url, self.page_context)
        elif marker == "changes":
            view = views.changes_view(self.record, self.lang, page_url, self.page_context(page_url))
        else:
            view = views.about_view(self.record, self.lang, page_url, self.source_text, self.page_context(page_url))
        return call_macro(self.env, template, macro, view)

    def alternates(self, page_url: str) -> list[dict]:
        """The language switcher's entries for one page: the same page in each language."""
        return [{"lang": lang, "name": name, "current": lang == self.lang,
                 "href": urls.other_language(page_url, self.lang, lang)}
                for lang, name in LANGUAGE_NAMES.items()]

    def alternates_for_404(self, site_path: str) -> list[dict]:
        """The 404 page is served at any URL, so its switcher leads to each language's home by absolute path."""
        return [{"lang": lang, "name": name, "current": lang == self.lang,
                 "href": urls.language_root(site_path, self.lang, lang)}
                for lang, name in LANGUAGE_NAMES.items()]

    def description(self, src_uri: str, fallback: str) -> str:
        """A page's description for previews: a highlight's summary as plain text, else the site's."""
        highlight_id = self.highlight_id_for(src_uri)
        if highlight_id is None:
            return fallback
        summary = self.record.highlight(highlight_id).summary[self.lang]
        return "".join(segment.text for segment in views.segments(summary, self.record, self.lang))

    def head_html(self, page_url: str, src_uri: str, title: str, description: str, site_name: str) -> Markup:
        """Description, feed link, Open Graph and JSON-LD for one page (its other languages are in sitemap.xml)."""
        url = self.site_url + page_url
        highlight_id = self.highlight_id_for(src_uri)
        if highlight_id is not None:
            structured = metadata.highlight_report(self.record, self.site_url, self.lang, highlight_id)
        else:
            structured = metadata.term_report(self.record, self.site_url, self.lang)
        view = {
            "description": description,
            "offline": self.offline,
            "open_graph": metadata.open_graph(self.record, self.lang, site_name, title, description, url,
                                              highlight_id is not None),
            "json_ld": Markup(metadata.json_for_script(structured)),
            "feed_href": urls.relative(urls.FEED_FILE, page_url),
            "feed_title": words(self.lang)["feed"],
        }
        return call_macro(self.env, "head.html", "head", view)

    def footer_html(self, page_url: str) -> Markup:
        view = {"version": version_text(self.version, self.lang), "href": urls.relative(urls.CHANGES_URL, page_url)}
        return call_macro(self.env, "head.html", "footer", view)
