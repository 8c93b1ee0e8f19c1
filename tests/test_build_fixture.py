"""Build the two-highlight fixture record with MkDocs and check the site both languages get."""

from __future__ import annotations

import json
import posixpath
import re

import pytest

from tayho.views import SECTIONS

from .html import facts, page

LANGS = {"vi": "", "en": "en/"}
PAGES = ("", "supervision/", "congress/", "about/")


@pytest.mark.parametrize("lang,prefix", LANGS.items())
def test_each_language_has_its_pages_lang_search_and_404(minimal_site, lang, prefix):
    for url in PAGES:
        assert facts(page(minimal_site, prefix + url)).lang == lang, url
    assert facts(minimal_site / prefix / "404.html").lang == lang
    assert (minimal_site / prefix / "search" / "search_index.json").is_file()


def test_search_indexes_are_separate_per_language(minimal_site):
    def titles(prefix):
        search = minimal_site / prefix / "search"
        index = json.loads((search / "search_index.json").read_bytes())
        assert index["config"]["lang"] == [prefix.strip("/") or "vi"]
        rows = [
            row for entries in sorted((search / "chunks").glob("d-*.json")) for row in json.loads(entries.read_bytes())
        ]
        return {title for location, title, _ in rows if location.startswith("supervision/")}

    assert titles("") == {
        "1. Giám sát",
        "Nội dung",
        "Số liệu",
        "Ảnh trong bài gốc",
        "Văn bản được dẫn",
        "Địa danh",
        "Nhân vật",
        "Sự kiện",
        "Ghi chú của người biên tập",
        "Trích dẫn",
    }
    assert "1. Supervision" in titles("en/") and "Figures" in titles("en/")


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("lang,other", [("vi", "en"), ("en", "vi")])
def test_switcher_leads_to_the_same_page_in_the_other_language(minimal_site, url, lang, other):
    here = LANGS[lang] + url
    switch = [link for link in facts(page(minimal_site, here)).links if "md-select__link" in link.get("class", "")]
    target = next(link["href"] for link in switch if link["hreflang"] == other)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here + "x"), target))
    expected = posixpath.normpath(LANGS[other] + url) if (LANGS[other] + url) else "."
    assert resolved == expected
    assert page(minimal_site, LANGS[other] + url).is_file()


def test_highlight_headings_and_anchors_are_identical_across_languages(minimal_site):
    vi = facts(page(minimal_site, "supervision/")).ids
    en = facts(page(minimal_site, "en/supervision/")).ids
    content = lambda ids: [
        i
        for i in ids
        if i == "supervision"
        or i in SECTIONS
        or i.split("-")[0] in {"fig", "photo", "doc", "place", "person", "event", "note"}
    ]
    assert content(vi) == content(en)
    assert {
        "supervision",
        "summary",
        "text",
        "figures",
        "photos",
        "documents",
        "places",
        "people",
        "events",
        "notes",
        "fig-tasks-rest-share",
        "photo-supervision-conference",
        "note-rest-share",
    } <= set(content(vi))
    assert all(i.isascii() for i in content(vi))


def test_figures_are_formatted_per_locale(minimal_site):
    vi = facts(page(minimal_site, "congress/"))
    en = facts(page(minimal_site, "en/congress/"))
    assert ("29004000000", "hơn 29,004 tỷ đồng") in vi.data_values
    assert ("29004000000", "more than VND 29.004 billion") in en.data_values
    assert ("156", "156") in vi.data_values and ("156", "156") in en.data_values


def test_mismatch_is_annotated_beside_the_figure_and_on_the_about_page(minimal_site):
    vi = facts(page(minimal_site, "supervision/")).text
    assert "Tỷ lệ tính lại từ 3/10: 30% — không khớp với số đã công bố" in vi
    assert "3/10 là 30%, nguồn ghi 31%." in vi
    en_about = facts(page(minimal_site, "en/about/"))
    assert "3/10 is 30%; the source says 31%." in en_about.text
    assert any(link.get("href") == "../supervision/#note-rest-share" for link in en_about.links)
    ok = facts(page(minimal_site, "en/supervision/")).text
    assert "Share recomputed from 7/10: 70% — matches" in ok


def test_home_cards_link_every_highlight_with_headline_figures(minimal_site):
    home = facts(page(minimal_site, "en/"))
    hrefs = [link["href"] for link in home.links]
    assert "supervision/" in hrefs and "congress/" in hrefs
    assert "supervision/#fig-tasks-total" in hrefs
    assert "congress/#fig-fund" not in hrefs  # not a headline figure


def test_nothing_is_loaded_from_another_host(minimal_site):
    loaded = re.compile(
        r'<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc="https?://'
        r'|<link\b[^>]*\brel="(?:stylesheet|preload|modulepreload|icon)"[^>]*\bhref="https?://'
    )
    for path in minimal_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, path
        assert not loaded.search(text), (path, loaded.search(text))
        assert "@import url(http" not in text, path


@pytest.mark.parametrize("lang,expected", [("vi", {"vi": "/", "en": "/en/"}), ("en", {"vi": "/", "en": "/en/"})])
def test_404_switcher_leads_to_each_language_home(minimal_site, lang, expected):
    links = facts(minimal_site / LANGS[lang] / "404.html").links
    switch = {link["hreflang"]: link["href"] for link in links if "md-select__link" in link.get("class", "")}
    assert switch == expected


@pytest.mark.parametrize("url", ["", "about/", "changes/"])
def test_prose_pages_have_the_same_explicit_heading_ids_in_both_languages(minimal_site, url):
    def heading_ids(prefix):
        return [i for i in facts(page(minimal_site, prefix + url)).ids if i.isascii() and not i.startswith("__")]

    vi, en = heading_ids(""), heading_ids("en/")
    assert vi == en
    assert {"": "term", "about/": "source", "changes/": "changes"}[url] in vi


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize(
    "url,anchor",
    [("timeline/", "event-supervision-2023"), ("places/", "place-phu-thuong"), ("documents/", "doc-regulation-124")],
)
def test_timeline_and_indexes_link_to_the_anchor_where_each_entry_is_told(minimal_site, prefix, url, anchor):
    index = facts(page(minimal_site, prefix + url))
    assert anchor in index.ids
    target = next(link["href"] for link in index.links if link.get("href", "").endswith("#" + anchor))
    assert target == "../supervision/#" + anchor
    assert anchor in facts(page(minimal_site, prefix + "supervision/")).ids


def test_chart_is_inline_svg_with_title_description_and_table_in_the_page_language(minimal_site):
    for prefix, title, value in (
        ("", "Kết quả thực hiện nội dung", "tasks-done"),
        ("en/", "Results of the tasks", "tasks-done"),
    ):
        html = page(minimal_site, prefix + "supervision/").read_text(encoding="utf-8")
        assert '<svg class="tayho-chart__svg"' in html and 'role="img"' in html
        assert f'<title id="chart-task-ratings-title">{title}</title>' in html
        assert f'<th scope="row"><a href="#fig-{value}">' in html


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_build_without_pdfs_links_no_pdf(minimal_site, prefix):
    printable = page(minimal_site, prefix + "print/")
    assert not [link for link in facts(printable).links if link.get("href", "").endswith(".pdf")]
    assert not list(printable.parent.glob("*.pdf"))
