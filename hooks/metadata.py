"""MkDocs hook: per-page metadata (language alternates, Open Graph, JSON-LD) and the record-version footer."""

from __future__ import annotations

from markupsafe import Markup


def on_page_context(context, page, config, nav, **kwargs):
    site = config.extra["tayho_site"]
    title = Markup(page.title or config.site_name).striptags()
    description = site.description(page.file.src_uri, config.site_description or "")
    context["tayho_head"] = site.head_html(page.url, page.file.src_uri, title, description, config.site_name)
    context["tayho_footer"] = site.footer_html(page.url)
    return context
