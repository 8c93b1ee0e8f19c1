"""Files a language build writes beside its pages: feed, sitemaps, redirects, and (once) open data and robots.txt."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from markupsafe import Markup

from . import metadata, opendata, urls
from .feed import feed_view
from .i18n import words
from .render import call_macro

PAGES_SITEMAP = "sitemap-pages.xml"


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def write_language_outputs(site, site_dir: Path, page_urls: list[str]) -> None:
    """Everything one language adds to its own folder."""
    write_text(site_dir / urls.FEED_FILE, str(call_macro(site.env, "feed.html", "atom",
                                                         feed_view(site.record, site.lang, site.site_url))) + "\n")
    sitemap = str(call_macro(site.env, "outputs.html", "sitemap", sitemap_view(site, page_urls))) + "\n"
    write_text(site_dir / PAGES_SITEMAP, sitemap)
    with gzip.GzipFile(site_dir / (PAGES_SITEMAP + ".gz"), "wb", mtime=0) as packed:
        packed.write(sitemap.encode("utf-8"))
    write_text(site_dir / "sitemap.xml", str(call_macro(site.env, "outputs.html", "sitemap_index",
                                                        sitemap_index_view(site))) + "\n")
    for redirect in site.record.redirects:
        if redirect.kind == "highlight":
            write_text(site_dir / urls.highlight_url(redirect.from_id) / "index.html",
                       str(call_macro(site.env, "outputs.html", "redirect", redirect_view(site, redirect))) + "\n")


def write_shared_outputs(site, site_dir: Path) -> None:
    """What the whole site has once, at its root: open data and robots.txt."""
    data_dir = site_dir / urls.DATA_DIR
    write_text(data_dir / "record.json", opendata.record_json(site.record))
    write_text(data_dir / "figures.csv", opendata.figures_csv(site.record))
    for highlight in site.record.highlights:
        write_text(data_dir / "figures" / f"{highlight.id}.csv", opendata.figures_csv(site.record, highlight.id))
    write_text(data_dir / "datapackage.json", opendata.datapackage(site.record))
    write_text(site_dir / "robots.txt", f"User-agent: *\nAllow: /\nSitemap: {site.site_url}sitemap.xml\n")


def sitemap_index_view(site) -> dict:
    """sitemap.xml is an index naming the sitemap of the pages. Material's script downloads the sitemap.xml
    beside the feed link on every page view; the index keeps that download small however many pages there are."""
    return {"loc": site.site_url + PAGES_SITEMAP,
            "lastmod": max(change.date for change in site.record.changes).isoformat()}


def sitemap_view(site, page_urls: list[str]) -> dict:
    """Every page in every language, each with its alternates; lastmod from the record's change history."""
    record = site.record
    newest = max(change.date for change in record.changes).isoformat()
    entries = []
    for lang in metadata.LANGUAGE_NAMES:
        for page_url in page_urls:
            highlight_id = page_url.rstrip("/") if record.has_highlight(page_url.rstrip("/")) else None
            entries.append({
                "loc": metadata.absolute_in(site.site_url, site.lang, lang, page_url),
                "lastmod": record.last_updated(highlight_id).isoformat() if highlight_id else newest,
                "alternates": metadata.alternates(site.site_url, site.lang, page_url),
            })
    return {"entries": entries}


def redirect_view(site, redirect) -> dict:
    target = urls.relative(urls.highlight_url(redirect.to_id), urls.highlight_url(redirect.from_id))
    highlight = site.record.highlight(redirect.to_id)
    return {"lang": site.lang, "target": target, "target_json": Markup(json.dumps(target)),
            "canonical": site.site_url + urls.highlight_url(redirect.to_id),
            "title": f"{highlight.order}. {highlight.title[site.lang]}", "moved": words(site.lang)["moved"]}
