"""The tayho MkDocs plugin: loads the record once per build and turns it into pages, parts of pages and files.

State lives on the plugin object and is rebuilt in `on_config` on every build; the work itself is done by the
package's modules (record loading, views, macro files, outputs, search), which know nothing of MkDocs.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from .. import outputs, urls
from ..compact import compact
from ..compiled_templates import CompiledTemplates
from ..corrections import CorrectionsError, CorrectionTarget
from ..editorial import check_editorial
from ..errors import RecordError
from ..i18n import words
from ..languages import REGISTRY, SiteLanguages
from ..lean_css import classes_in_html, theme_scripts, write_lean_stylesheet
from ..load import load_record
from ..minified_scripts import minify_own_scripts
from ..page_ids import duplicate_ids
from ..progress import Progress
from ..prose import FIGURE_REFERENCE, MARKER, check_prose
from ..render import call_macro
from ..search_chunks import WORKER
from ..search_index import HIGHLIGHT_BOOST, page_entries, write_index
from ..site import PROSE_MARKERS, LanguageSite
from ..version import record_version
from ..views import segments
from .config import AddressError, BuildRequest, TayhoConfig, site_address
from .setup import OFFLINE_SHIM, configure
from .versions import Versions

# Folders and names of the site's own that no highlight may take as its id (its page would hide them).
RESERVED_IDS = {
    "assets": "the theme's files",
    "search": "the search index",
    "data": "the open data",
    "embed": "the embeddable charts",
    "share": "the share images",
    "v": "the released versions",
    "versions": "the versions page",  # generated (tayho/plugin/versions.py), not a prose page of docs/
    "404": "the page-not-found page",
}


def _unreadable(file: File, lang: str) -> str | None:
    """What keeps a prose page from being read as UTF-8 text, with its file and line, or None."""
    shown = f"docs/{lang}/{file.src_uri}"
    try:
        raw = Path(file.abs_src_path).read_bytes()
    except OSError as error:
        return f"{shown}: {error.strerror}"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return f"{shown}:{line}: byte 0x{raw[error.start]:02X} is not valid UTF-8"
    return None


class TayhoPlugin(BasePlugin[TayhoConfig]):
    """`plugins: [tayho]` in mkdocs.yml."""

    def __init__(self):
        self.request = BuildRequest()
        self.site: LanguageSite | None = None
        self.root: Path | None = None  # the project folder (set by on_config)
        self._pages: list[str] = []
        self._entries: list = []
        self._prose_problems: list = []
        self._page_classes: set[str] = set()

    def prepare(self, request: BuildRequest) -> None:
        """What the next build is for (called by the `tayho` command before MkDocs' build)."""
        self.request = request

    # --- configuration and record -------------------------------------------------------------------------------

    def languages(self) -> SiteLanguages:
        try:
            return SiteLanguages(tuple(self.config.languages))
        except ValueError as error:
            raise Abort(f"mkdocs.yml, plugins: tayho: languages: {error}") from None

    def on_config(self, config, **kwargs):
        root = self.root = Path(config.config_file_path).resolve().parent
        languages = self.languages()
        try:
            site_url = site_address(self.request.site_url or config.site_url or "")
        except AddressError as error:
            raise Abort(str(error)) from None
        corrections = self.corrections()
        lang = self.request.language or languages.root
        record = self.load(root)
        configure(config, record, languages, lang, site_url, self.request.offline, root)
        links = urls.Links(languages, lang, site_url, directory_urls=config.use_directory_urls)
        version = record_version(root)
        if self.request.as_version:  # a release's own snapshot
            version = dataclasses.replace(version, release=self.request.as_version)
        self.site = LanguageSite.create(
            record,
            links,
            Path(__file__).resolve().parent.parent / "theme" / "fragments",
            root,
            version,
            offline=self.request.offline,
            pdf=self.request.pdf and not self.request.offline,
            corrections=corrections,
        )
        self.versions = self._versions(version, site_url)
        config.nav = self.site.nav()
        self._pages, self._entries, self._prose_problems = [], [], []
        self._page_classes = set()
        self.progress = Progress(lang, self.request.progress)
        self.progress.phase("reading the record and the pages")
        return config

    def _versions(self, version, site_url: str) -> Versions:
        """The releases this build shows; a release's own snapshot shows its banner instead."""
        request = self.request
        banner = None
        if request.as_version and request.current_url:
            banner = (request.as_version, version.date.isoformat(), request.current_url)
        releases = () if request.offline or request.as_version else request.releases
        if releases and version.release == releases[-1].version:
            self.site.cite_root = f"{site_url}v/{version.release}/"
        versions = Versions(self.site, releases, dict(request.release_folders), banner)
        self.site.diff_for = versions.diff_for
        return versions

    def corrections(self) -> CorrectionTarget | None:
        """Where readers report a correction (mkdocs.yml), checked; None when not set."""
        try:
            return CorrectionTarget.parse(self.config.corrections) if self.config.corrections else None
        except CorrectionsError as error:
            raise Abort(f"mkdocs.yml, plugins → tayho → corrections: {error}") from None

    def load(self, root: Path):
        """The project's record, validated for this site (its languages, the names its own pages take), with its texts
        checked against the glossary and the style sheet."""
        languages = self.languages()
        reserved = dict(RESERVED_IDS)
        reserved.update({code: "a language's folder" for code in REGISTRY})
        for code in languages:
            for page in sorted((root / "docs" / code).glob("*.md")):
                reserved.setdefault(page.stem, f"the prose page docs/{code}/{page.name}")
        try:
            record = load_record(
                root / self.config.record,
                root,
                languages,
                self.config.record_max_bytes,
                reserved,
                size_limits=self.config.record_size_limits,
            )
            if self.request.language in (None, languages.root):  # once per build: the root language's
                check_editorial(root, root / self.config.record, record, languages)  # glossary and style sheet
        except RecordError as error:
            raise Abort(error.report()) from None
        return record

    # --- files and pages ----------------------------------------------------------------------------------------

    def on_files(self, files, config, **kwargs):
        unreadable = [problem for file in files.documentation_pages() if (problem := _unreadable(file, self.site.lang))]
        if unreadable:
            raise Abort("The prose pages cannot be read:\n" + "\n".join(f"  {problem}" for problem in unreadable))
        generated = self.site.highlight_sources() | self.versions.sources()
        for path, source in generated.items():
            files.append(File.generated(config, path, content=source))
        shim = files.get_file_from_path(OFFLINE_SHIM)
        if shim is not None and not self.request.offline:
            files.remove(shim)
        return minify_own_scripts(files, config)

    def on_nav(self, nav, config, files, **kwargs):
        self._pages = [page.file.src_uri for page in nav.pages]
        self._done = 0
        return nav

    def on_page_markdown(self, markdown, page, config, files, **kwargs):
        if page.file.generated_by:  # the plugin's own pages: a highlight, the versions, the pages of changes
            return markdown
        shown = f"docs/{self.site.lang}/{page.file.src_uri}"
        self._prose_problems += check_prose(markdown, shown, PROSE_MARKERS, self.site.record.has_figure)
        return FIGURE_REFERENCE.sub(lambda match: self._figure_in_prose(match.group(1), page.url), markdown)

    def _figure_in_prose(self, figure_id: str, page_url: str) -> str:
        if not self.site.record.has_figure(figure_id):
            return ""  # reported by check_prose
        owner = self.site.record.highlight_of(figure_id)
        href = self.site.links.href(urls.highlight_page(owner.id), page_url)
        parts = segments(f"{{fig:{figure_id}}}", self.site.record, self.site.lang, href)
        return str(call_macro(self.site.env, "common.html", "segments", parts))

    def on_env(self, env, config, files, **kwargs):
        if self._prose_problems:
            count = len(self._prose_problems)
            raise Abort(
                f"The prose pages have {count} problem{'s' if count != 1 else ''}:\n"
                + "\n".join(f"  {problem}" for problem in self._prose_problems)
            )
        env.bytecode_cache = CompiledTemplates(self.root, "theme")  # before MkDocs renders any page
        return env

    def on_page_content(self, html, page, config, files, **kwargs):
        highlight_id = self.site.highlight_id_for(page.file.src_uri)
        versions_html = self.versions.page_html(page.file.src_uri, self.site.page_context(page.url))
        if highlight_id is not None:
            page.toc = get_toc(self.site.highlight_toc(highlight_id))
            html = str(self.site.highlight_html(highlight_id))
        elif versions_html is not None:
            html = str(versions_html)
        else:
            html = MARKER.sub(lambda match: str(self.site.prose_part(match.group(1), page.url)), html)
        self._done += 1
        self.progress.pages(self._done, len(self._pages))
        if not (page.meta.get("search") or {}).get("exclude"):
            boost = HIGHLIGHT_BOOST if highlight_id is not None else 1.0
            self._entries += page_entries(html, page.url, Markup(page.title or "").striptags(), boost)
        return html

    def on_page_context(self, context, page, config, nav, **kwargs):
        site = self.site
        title = Markup(page.title or config.site_name).striptags()
        description = site.description(page.file.src_uri, config.site_description or "")
        context["tayho_alternates"] = site.alternates(page.url)
        context["tayho_head"] = site.head_html(
            page.url, page.file.src_uri, title, description, site.record.term.title[site.lang]
        )
        context["tayho_footer"] = site.footer_html(page.url)
        context["tayho_search_worker"] = self._worker()
        context["tayho_search_initializer"] = words(site.lang).search_initializer
        context["tayho_banner"] = self.versions.banner_html(page.url)
        context["tayho_version_selector"] = self.versions.selector_html(site.page_context(page.url))
        return context

    def _worker(self) -> str | None:
        """The search worker the pages start: the chunk reader, or (None) Material's own for its single index."""
        return WORKER if self._chunked() else None

    def on_template_context(self, context, template_name, config, **kwargs):
        context["tayho_search_worker"] = self._worker()
        context["tayho_search_initializer"] = words(self.site.lang).search_initializer
        if template_name == "404.html":
            context["tayho_alternates"] = self.site.alternates_for_404()
            context["tayho_not_found"] = self.site.not_found_html()
            context["tayho_not_found_title"] = self.site.not_found_title()
        elif template_name == "sitemap.xml" and not self.request.offline:
            context["tayho_sitemap_index"] = call_macro(
                self.site.env, "outputs.html", "sitemap_index", outputs.sitemap_index_view(self.site)
            )
        return context

    def on_post_page(self, output, page, config, **kwargs):
        repeated = duplicate_ids(output)
        if repeated:
            raise Abort(
                f"{page.file.dest_uri} ({self.site.lang}): the element ids {', '.join(repeated)} are used "
                "more than once; an id in the record collides with another id of the page"
            )
        self._page_classes |= classes_in_html(output)
        return compact(output)

    def on_post_template(self, output_content, template_name, config, **kwargs):
        if template_name.endswith(".html"):
            self._page_classes |= classes_in_html(output_content)
        return output_content

    # --- files after the pages ----------------------------------------------------------------------------------

    def on_post_build(self, config, **kwargs):
        self.progress.phase("feeds, sitemaps, open data and the search index")
        site_dir = Path(config.site_dir)
        outputs.write_language_outputs(self.site, site_dir, self._pages)
        write_lean_stylesheet(site_dir, self._page_classes, theme_scripts(site_dir), self.root)
        if self.site.lang == self.site.links.languages.root:
            outputs.write_shared_outputs(self.site, site_dir)
        write_index(
            self._entries,
            site_dir / "search",
            self.site.links.languages.entry(self.site.lang).search_language,
            chunked=self._chunked(),
            inline=self.request.offline,
        )

    def _chunked(self) -> bool:
        if self.request.offline or self.request.search == "single":
            return False
        if self.request.search == "chunked":
            return True
        return len(self.site.record.highlights) >= self.config.search_chunks_from
