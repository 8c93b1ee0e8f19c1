"""Files a language build writes beside its pages: feeds (the record's and each highlight's), the sitemap of
its pages, redirects, and (once, in the root language's build) open data and robots.txt. The sitemap index itself is
MkDocs' own sitemap.xml template."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from markupsafe import Markup

from . import datapackage, metadata, opendata, urls
from .embeds import write_embeds
from .feed import feed_view
from .i18n import words
from .render import call_macro

PAGES_SITEMAP = "sitemap-pages.xml"


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")


def write_language_outputs(site, site_dir: Path, pages: list[str]) -> None:
    """Everything one language adds to its own folder; `pages` are the source paths of its pages."""
    for highlight_id in [None] + [highlight.id for highlight in site.record.highlights]:
        feed_file = urls.FEED_FILE if highlight_id is None else urls.highlight_feed(highlight_id)
        feed = feed_view(site.record, site.links, highlight_id)
        write_text(site_dir / feed_file, str(call_macro(site.env, "feed.html", "atom", feed)) + "\n")
    if not site.offline:
        write_embeds(site, site_dir)
        sitemap = str(call_macro(site.env, "outputs.html", "sitemap", sitemap_view(site, pages))) + "\n"
        write_text(site_dir / PAGES_SITEMAP, sitemap)
        with gzip.GzipFile(site_dir / (PAGES_SITEMAP + ".gz"), "wb", mtime=0) as packed:
            packed.write(sitemap.encode("utf-8"))
        for highlight in site.record.highlights:
            page = urls.highlight_page(highlight.id)
            own = str(call_macro(site.env, "outputs.html", "sitemap", sitemap_view(site, [page]))) + "\n"
            write_text(site_dir / urls.highlight_sitemap(highlight.id), own)
    for redirect in site.record.redirects:
        if redirect.kind == "highlight":
            write_text(
                site_dir / site.links.dest(urls.highlight_page(redirect.from_id)),
                str(call_macro(site.env, "outputs.html", "redirect", redirect_view(site, redirect))) + "\n",
            )


def write_shared_outputs(site, site_dir: Path) -> None:
    """What the whole site has once, at its root: open data and robots.txt."""
    data_dir = site_dir / urls.DATA_DIR
    record, languages = site.record, tuple(site.links.languages)
    write_text(data_dir / opendata.RECORD_JSON, opendata.record_json(record))
    write_text(data_dir / opendata.FIGURES_CSV, opendata.figures_csv(record, languages))
    for highlight in opendata.highlights_with_figures(record):
        rows = opendata.figures_csv(record, languages, highlight.id)
        write_text(data_dir / opendata.highlight_csv(highlight.id), rows)
    write_text(data_dir / opendata.FIGURES_SCHEMA, datapackage.figures_schema_json(languages))
    # The archived copy as loaded (its SHA-256 checked then); the descriptor gives that SHA-256 for readers to check.
    write_text(data_dir / opendata.source_path(record), site.source_text)
    write_text(data_dir / opendata.DESCRIPTOR, datapackage.datapackage(record, site.links, site.version))
    if not site.offline:
        write_text(site_dir / "robots.txt", f"User-agent: *\nAllow: /\nSitemap: {site.links.site_url}sitemap.xml\n")


def sitemap_index_view(site) -> dict:
    """sitemap.xml is an index naming the sitemaps of the pages: in the root language's folder, every language's;
    in another language's folder, its own. Material's script downloads the sitemap.xml beside the feed link on every
    page view; the index keeps that download small however many pages there are."""
    links = site.links
    codes = list(links.languages) if links.lang == links.languages.root else [links.lang]
    lastmod = max(change.date for change in site.record.changes).isoformat()
    return {"sitemaps": [{"loc": links.absolute_file(PAGES_SITEMAP, code), "lastmod": lastmod} for code in codes]}


def sitemap_view(site, pages: list[str]) -> dict:
    """Every page of this language, each with its alternates; lastmod from the record's change history."""
    record, links = site.record, site.links
    newest = max(change.date for change in record.changes).isoformat()
    entries = []
    for page in pages:
        highlight_id = site.highlight_id_for(page)
        entries.append(
            {
                "loc": links.absolute(page),
                "lastmod": record.last_updated(highlight_id).isoformat() if highlight_id else newest,
                "alternates": metadata.alternates(links, page),
            }
        )
    return {"entries": entries}


def redirect_view(site, redirect) -> dict:
    links = site.links
    old_page, new_page = urls.highlight_page(redirect.from_id), urls.highlight_page(redirect.to_id)
    target = links.href(new_page, links.url(old_page))
    highlight = site.record.highlight(redirect.to_id)
    return {
        "lang": site.lang,
        "target": target,
        "target_json": Markup(json.dumps(target)),
        "canonical": links.absolute(new_page),
        "title": f"{highlight.order}. {highlight.title[site.lang]}",
        "moved": words(site.lang)["moved"],
    }
