"""The same pages as plain MkDocs would publish them: the benchmark's baseline for MkDocs itself.

For every page the archive built (every language: the highlights, the home page, the indexes, the printable page,
the about, changes and versions pages), the plain project has a Markdown file holding that page's content as the
archive wrote it (raw HTML, which Markdown passes through), under the same title, in the same navigation, with the
same theme and features, and Material's own search plugin instead of the tayho plugin. Building it costs what
MkDocs and Material cost for these pages; the archive's build time over it is what the archive's own code adds:
loading and checking the record, rendering the pages from it, the feeds, open data, redirects, its search index
and checksums (and, separately, the PDFs).
"""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import yaml

from tayho.build import project_plugin
from tayho.navigation import nav_pages, site_nav

CONFIG = {
    "site_url": "https://example.invalid/",
    "theme": {
        "name": "material",
        "font": False,
        "features": [
            "navigation.sections",
            "navigation.prune",
            "navigation.top",
            "navigation.footer",
            "search.highlight",
            "toc.follow",
            "content.code.copy",
        ],
    },
    "markdown_extensions": ["attr_list", "md_in_html", "admonition", {"toc": {"permalink": True}}],
}
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
PAGE_TITLE = re.compile(r"<title>(.*?) - [^<]*</title>", re.S)
HOME_TITLE = re.compile(r"<title>(.*?)</title>", re.S)  # the site name
NOT_SEARCHED = {"print.md"}  # as in docs/*/print.md


@dataclasses.dataclass(frozen=True)
class PlainProject:
    folder: Path
    configs: tuple[str, ...]  # one mkdocs configuration per language, built one after the other


def _page_source(built_page: Path, path: str) -> str:
    page = built_page.read_text(encoding="utf-8")
    content = ARTICLE.search(page).group(1)
    title = PAGE_TITLE.search(page)
    meta = {"title": title.group(1)} if title else {}  # as the archive printed it (HTML-escaped once)
    if path in NOT_SEARCHED:
        meta["search"] = {"exclude": True}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + content.strip() + "\n"


def write_plain_project(archive_project: Path, target: Path) -> PlainProject:
    """A plain MkDocs project (mkdocs.<language>.yml for each language) publishing the pages the archive built in
    archive_project/site."""
    plugin = project_plugin(archive_project)
    record = plugin.load(archive_project)
    built = archive_project / "site"
    configs = []
    for lang in plugin.languages():
        prefix = plugin.languages().prefix(lang).strip("/")
        nav = site_nav(record, lang)
        docs = target / "docs" / lang
        docs.mkdir(parents=True)
        for path in nav_pages(nav):
            url = "" if path == "index.md" else path.removesuffix(".md") + "/"
            (docs / path).write_text(_page_source(built / prefix / url / "index.html", path), encoding="utf-8")
        site_name = html.unescape(HOME_TITLE.search((built / prefix / "index.html").read_text("utf-8")).group(1))
        config = {
            **CONFIG,
            "site_name": site_name,
            "docs_dir": f"docs/{lang}",
            "site_dir": f"site/{prefix}".rstrip("/"),
            "theme": {**CONFIG["theme"], "language": lang},
            "plugins": [{"search": {"lang": lang}}],
            "nav": nav,
        }
        configs.append(f"mkdocs.{lang}.yml")
        (target / configs[-1]).write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return PlainProject(target, tuple(configs))
