"""The theme files copied from Material and edited for the archive (tayho/theme/) are Material's installed files
with exactly the listed edits: when Material changes a file, this test says which copy to redo."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from .conftest import ROOT

MATERIAL = Path(material.__file__).resolve().parent / "templates"
THEME = ROOT / "tayho" / "theme"
GENERATED = "{#-\n  This file was automatically generated - do not edit\n-#}\n"
NOTE = (
    "{#- Material 9.8.1's {name}, edited for the archive: tests/test_material_copies.py lists\n"
    "    each edit and checks that this copy is the installed Material's file with exactly those edits. -#}\n"
)

SITE_NAME_ESCAPED_ONCE = ('title="{{ config.site_name | e }}"', 'title="{{ config.site_name }}"')
EDITS = {
    "base.html": [
        # autocomplete is allowed only on text-like inputs (Nu HTML Checker)
        ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
        ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
        # the search worker: the chunk reader when the index is chunked (tayho/search_chunks.py)
        (
            '"search": "assets/javascripts/workers/search.a7633da7.min.js" | url,',
            '"search": (tayho_search_worker or "assets/javascripts/workers/search.a7633da7.min.js") | url,',
        ),
        # Material's stylesheet cut to the rules the site can use (tayho/lean_css.py)
        (
            '      <link rel="stylesheet" href="{{ \'assets/stylesheets/main.57a0d79d.min.css\' | url }}">',
            '      <link rel="stylesheet" href="{{ \'assets/stylesheets/material.css\' | url }}">',
        ),
        # no palette.css (2 KB gzip on every first view): tayho.css defines the archive's two colour schemes
        (
            "      {% if config.theme.palette %}\n"
            "        {% set palette = config.theme.palette %}\n"
            '        <link rel="stylesheet" href="{{ \'assets/stylesheets/palette.fb2fffe2.min.css\' | url }}">\n'
            "      {% endif %}\n",
            "",
        ),
    ],
    "partials/header.html": [
        # the search box without Material's search plugin: the tayho plugin writes the index
        (
            '    {% if "material/search" in config.plugins %}\n'
            '      {% set search = config.plugins["material/search"] | attr("config") %}\n'
            "      {% if search.enabled %}",
            "    {% if tayho_search_worker is defined %}\n      {% if true %}",
        ),
        SITE_NAME_ESCAPED_ONCE,  # the site's name comes from the record and is escaped once, by the plugin
        # the version menu of the current site, when the record has releases (tayho/plugin/versions.py)
        (
            '      {% include "partials/alternate.html" %}\n    {% endif %}\n',
            '      {% include "partials/alternate.html" %}\n    {% endif %}\n    {{ tayho_version_selector or "" }}\n',
        ),
    ],
    "partials/nav.html": [SITE_NAME_ESCAPED_ONCE],
    "partials/nav-item.html": [  # an empty tabindex="" is invalid HTML
        (
            'id="{{ path }}_label" tabindex="{{ tabindex }}">',
            'id="{{ path }}_label"{% if tabindex %} tabindex="{{ tabindex }}"{% endif %}>',
        ),
    ],
    "partials/search.html": [  # a dialog needs an accessible name (axe)
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
        ),
        # Material's Vietnamese words leave this one in English: the archive's own words say it in each language
        (
            '            {{ lang.t("search.result.initializer") }}',
            '            {{ tayho_search_initializer or lang.t("search.result.initializer") }}',
        ),
    ],
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_each_copy_is_material_with_exactly_the_listed_edits(name):
    expected = (MATERIAL / name).read_text(encoding="utf-8")
    assert expected.startswith(GENERATED)
    expected = NOTE.replace("{name}", Path(name).name) + expected[len(GENERATED) :]
    for original, edited in EDITS[name]:
        assert original in expected, f"Material's {name} changed: redo the copy and its edits"
        expected = expected.replace(original, edited)
    assert (THEME / name).read_text(encoding="utf-8") == expected


def test_every_copy_of_a_material_file_is_listed():
    copies = {
        path.relative_to(THEME).as_posix()
        for path in THEME.rglob("*.html")
        if "Material 9.8.1's" in path.read_text(encoding="utf-8").split("\n", 1)[0]
    }
    assert copies == set(EDITS)
