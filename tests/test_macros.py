"""Golden HTML for each macro file, rendered from the fixture record: review changes as diffs.

Rewrite the golden files with: .venv/bin/python -m pytest tests/test_macros.py --update-golden
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from tayho import home, indexes, urls, views
from tayho.feed import feed_view
from tayho.languages import SiteLanguages
from tayho.load import load_record
from tayho.outputs import sitemap_index_view, sitemap_view
from tayho.render import call_macro, make_environment
from tayho.site import LanguageSite
from tayho.version import RecordVersion

from .conftest import FIXTURES, ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"
RECORD = load_record(FIXTURES / "minimal" / "data" / "achievements.yaml", FIXTURES / "minimal")
ENV = make_environment(ROOT / "tayho" / "theme" / "fragments")

VERSION = RecordVersion("0123456789", dt.date(2026, 11, 24))
SITE = "https://archive.test/"


def links(lang: str) -> urls.Links:
    return urls.Links(SiteLanguages(("vi", "en")), lang, SITE)


def page(lang: str, source: str) -> views.PageContext:
    return views.PageContext(links(lang), links(lang).url(source), VERSION)


def about(lang: str, source_text: str = "Bài <mẫu> & co") -> dict:
    return views.about_view(RECORD, lang, source_text, page(lang, urls.ABOUT))


def site(lang: str) -> LanguageSite:
    return LanguageSite(RECORD, links(lang), ENV, "", VERSION)


CASES = {
    "highlight-page": (
        "highlight.html",
        "page",
        lambda lang: views.highlight_view(RECORD, RECORD.highlights[0], lang, page(lang, "supervision.md")),
    ),
    "home-term": ("home.html", "term", lambda lang: home.term_view(RECORD, lang, page(lang, urls.HOME))),
    "home-cards": ("home.html", "cards", lambda lang: home.highlight_cards(RECORD, lang, page(lang, urls.HOME))),
    "about-source": ("about.html", "source", about),
    "about-omitted": ("about.html", "omitted", about),
    "about-notes": ("about.html", "notes", about),
    "about-verbatim": ("about.html", "verbatim", about),
    "about-downloads": ("about.html", "downloads", about),
    "changes": ("changes.html", "changes", lambda lang: views.changes_view(RECORD, lang, page(lang, urls.CHANGES))),
    "timeline": (
        "indexes.html",
        "timeline",
        lambda lang: indexes.timeline_view(RECORD, lang, page(lang, urls.TIMELINE)),
    ),
    "places": ("indexes.html", "places", lambda lang: indexes.places_view(RECORD, lang, page(lang, urls.PLACES))),
    "documents": (
        "indexes.html",
        "documents",
        lambda lang: indexes.documents_view(RECORD, lang, page(lang, urls.DOCUMENTS)),
    ),
    "feed": ("feed.html", "atom", lambda lang: feed_view(RECORD, links(lang))),
    "sitemap": ("outputs.html", "sitemap", lambda lang: sitemap_view(site(lang), [urls.HOME, "supervision.md"])),
    "sitemap-index": ("outputs.html", "sitemap_index", lambda lang: sitemap_index_view(site(lang))),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_macro_output_matches_golden(case, lang, update_golden):
    template, macro, make_view = CASES[case]
    html = str(call_macro(ENV, template, macro, make_view(lang))) + "\n"
    golden = GOLDEN / f"{case}.{lang}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}; run pytest --update-golden and review it"
    assert html == golden.read_text(encoding="utf-8")


def test_data_text_is_escaped():
    html = str(call_macro(ENV, "about.html", "verbatim", about("en", "<script>x</script>")))
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html


def test_a_misspelt_name_in_a_template_fails_instead_of_printing_nothing():
    with pytest.raises(UndefinedError):
        call_macro(ENV, "home.html", "term", {"words": {}})


def test_head_metadata_is_escaped_and_json_ld_cannot_close_its_script():
    html = str(site("en").head_html("supervision/", "supervision.md", 'A "title" </script><b>', "d", "S & S"))
    assert "<b>" not in html and 'content="A &#34;title&#34; &lt;/script&gt;&lt;b&gt;"' in html
    assert html.count("</script>") == 1
    assert "hreflang" not in html  # declared in sitemap.xml
