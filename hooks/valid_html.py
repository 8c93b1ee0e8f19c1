"""MkDocs hook: mend three bits of Material's markup, so every page passes the Nu HTML Checker and axe.

Material 9.8 writes autocomplete="off" on its checkbox toggles (allowed only on text-like inputs) and an empty
tabindex="" on section labels of the navigation: both are dropped. Its search panel has role="dialog" but no
name: it gets one in the page's language. Nothing else of the page is touched.
"""

from __future__ import annotations

_INVALID = (
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
    (' tabindex="">', ">"),
)


_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_NAMES = {"vi": "Tìm kiếm", "en": "Search"}


def on_post_page(output, page, config, **kwargs):
    for invalid, valid in _INVALID:
        output = output.replace(invalid, valid)
    name = _SEARCH_NAMES[config.theme["language"]]
    return output.replace(_SEARCH_DIALOG, _SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{name}"'))


def on_post_template(output_content, template_name, config, **kwargs):
    return on_post_page(output_content, None, config) if template_name.endswith(".html") else output_content
