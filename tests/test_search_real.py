"""Search on the real record in real Chromium: the queries readers type, with and without Vietnamese tone marks
and with d for đ, put the right highlight first, and each language searches only its own pages."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from .serving import search_results

pytestmark = [pytest.mark.browser]


@pytest.fixture
def served(served_search) -> str:
    """The real record served on 127.0.0.1: with the chunked index the site uses online, and with Material's single
    index, which the offline copy uses."""
    return served_search.base


@pytest.fixture(scope="module")
def home_pages(browser) -> Iterator[dict]:
    """One open home page per site and language, searched again for each query (as a reader searches again):
    Material's own worker builds its index once per page view, which would otherwise be most of each test."""
    pages: dict = {}
    yield pages
    for tab in pages.values():
        tab.close()


@pytest.fixture
def search(browser, home_pages):
    def search_in(base: str, prefix: str, query: str) -> list[str]:
        """Type `query` into Material's search box on the home page of one language, emptied first; the result
        pages, best first."""
        if base + prefix not in home_pages:
            tab = browser.new_page()
            tab.set_default_timeout(15_000)
            tab.goto(base + prefix)
            home_pages[base + prefix] = tab
        tab = home_pages[base + prefix]
        box = tab.locator("input.md-search__input")
        if box.input_value():
            box.fill("")
            tab.wait_for_selector(".md-search-result__item", state="detached")
        return [urlsplit(link).path for link in search_results(tab, query)]

    return search_in


@pytest.mark.parametrize(
    "query,expected",
    [
        ("giám sát", {"/supervision/"}),
        ("giam sat", {"/supervision/"}),
        ("GIAM SAT", {"/supervision/"}),
        ("phan bien xa hoi", {"/social-criticism/"}),
        ("dai doan ket", {"/great-unity-festival/", "/great-unity-outreach/"}),
        ("đại đoàn kết", {"/great-unity-festival/", "/great-unity-outreach/"}),
        ("covid", {"/covid-19/"}),
        ("doi ngoai nhan dan", {"/people-to-people-diplomacy/"}),
        ("dan chu co so", {"/grassroots-democracy/"}),
    ],
)
def test_vietnamese_queries_with_or_without_tone_marks_put_the_right_highlight_first(served, search, query, expected):
    results = search(served, "", query)
    assert results[0] in expected, results[:5]
    assert not any(path.startswith("/en/") for path in results)


def test_a_query_without_tone_marks_finds_what_the_marked_one_finds(served, search):
    assert search(served, "", "đại đoàn kết")[:3] == search(served, "", "dai doan ket")[:3]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("supervision", "/en/supervision/"),
        ("social criticism", "/en/social-criticism/"),
        ("covid", "/en/covid-19/"),
        ("great unity festival", "/en/great-unity-festival/"),
    ],
)
def test_english_queries_find_english_pages_only(served, search, query, expected):
    results = search(served, "en/", query)
    assert results[0] == expected, results[:5]
    assert all(path.startswith("/en/") for path in results)
