"""MkDocs hook: give the language switcher the same page in each language."""

from __future__ import annotations


def on_page_context(context, page, config, nav, **kwargs):
    context["tayho_alternates"] = config.extra["tayho_site"].alternates(page.url)
    return context
