"""MkDocs hook: after the pages, write the feed, sitemap and redirect pages (and, in the root build, open data)."""

from __future__ import annotations

from pathlib import Path

from tayho.outputs import write_language_outputs, write_shared_outputs

_page_urls: list[str] = []


def on_nav(nav, config, files, **kwargs):
    _page_urls[:] = [page.url for page in nav.pages]
    return nav


def on_post_build(config, **kwargs):
    site = config.extra["tayho_site"]
    write_language_outputs(site, Path(config.site_dir), list(_page_urls))
    if site.lang == "vi":
        write_shared_outputs(site, Path(config.site_dir))
