"""MkDocs hook: give the language switcher the same page in each language."""

from __future__ import annotations

from urllib.parse import urlsplit


def on_page_context(context, page, config, nav, **kwargs):
    context["tayho_alternates"] = config.extra["tayho_site"].alternates(page.url)
    return context


def on_template_context(context, template_name, config, **kwargs):
    if template_name == "404.html":
        site_path = urlsplit(config.site_url or "/").path or "/"
        context["tayho_alternates"] = config.extra["tayho_site"].alternates_for_404(site_path)
    return context
