"""MkDocs hook: mend two bits of invalid markup in Material's templates, so every page passes the Nu HTML Checker.

Material 9.8 writes autocomplete="off" on its checkbox toggles (allowed only on text-like inputs) and an empty
tabindex="" on section labels of the navigation. Both are dropped; nothing else of the page is touched.
"""

from __future__ import annotations

_INVALID = (
    ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
    ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
    (' tabindex="">', ">"),
)


def on_post_page(output, page, config, **kwargs):
    for invalid, valid in _INVALID:
        output = output.replace(invalid, valid)
    return output


def on_post_template(output_content, template_name, config, **kwargs):
    return on_post_page(output_content, None, config) if template_name.endswith(".html") else output_content
