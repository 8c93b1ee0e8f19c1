"""One language build's MkDocs configuration, derived from the language registry, the record and the request.

Everything that differs between the languages is set here, so mkdocs.yml holds only what they share: the docs
folder, the theme's language, the site's name, description and address, the permalink sign's title, the names of
the colour-scheme toggles, the offline copy's URL style, the switcher, the navigation and the archive's theme
folder (inserted before Material's).
"""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from ..i18n import words
from ..languages import SiteLanguages
from ..model import Record

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
OFFLINE_SHIM = "assets/javascripts/iframe-worker-shim.js"
# The words naming each colour scheme's toggle in mkdocs.yml's theme.palette, by the system setting it answers.
SCHEME_TOGGLES = {
    "(prefers-color-scheme)": "scheme_toggle.auto",
    "(prefers-color-scheme: light)": "scheme_toggle.light",
    "(prefers-color-scheme: dark)": "scheme_toggle.dark",
}


def configure(
    config: MkDocsConfig, record: Record, languages: SiteLanguages, lang: str, site_url: str, offline: bool, root: Path
) -> None:
    """Set the language-specific parts of `config` for the build of `lang`."""
    text = words(lang)
    docs_dir = root / "docs" / lang
    if not docs_dir.is_dir():
        raise Abort(
            f"docs/{lang}/ is missing: each language of the site ({', '.join(languages)}) needs its "
            "prose pages in docs/<language>/"
        )
    config.docs_dir = str(docs_dir)
    config.theme["language"] = lang
    config.site_url = site_url + languages.prefix(lang)
    # The site's name is the record's title: text from the data, which Material prints unescaped (in <title>, the
    # header, aria-label), so it is escaped here once (partials/header.html and nav.html no longer escape it again).
    config.site_name = html.escape(record.term.title[lang], quote=True)
    config.site_description = text.site_description.format(
        title=record.term.title[lang],
        years=f"{record.term.start_year}–{record.term.end_year}",
        body=record.term.body[lang],
        city=record.term.city[lang],
    )
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = text.permalink
    for option in config.theme.get("palette") or []:  # each colour scheme's toggle, named in this language
        option["toggle"]["name"] = text[SCHEME_TOGGLES[option["media"]]]
    if not offline:  # one colour-scheme choice for every language: Material keeps it under the site's path
        config.extra["scope"] = urlsplit(site_url).path or "/"
    config.extra["alternate"] = [{"name": languages.entry(code).name, "lang": code} for code in languages]
    config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    if offline:
        config.use_directory_urls = False  # file:// shows a folder listing for supervision/
        config.extra["polyfills"] = [OFFLINE_SHIM]  # Material would load its Worker shim from a CDN
        for template in ("404.html", "sitemap.xml"):  # no server answers with a 404 page or reads a sitemap
            config.theme.static_templates.discard(template)
