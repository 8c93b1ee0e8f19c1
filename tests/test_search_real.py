"""Search on the real record in real Chromium: the queries readers type, with and without Vietnamese tone marks
and with d for đ, put the right highlight first, and each language searches only its own pages."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .serving import search_results

pytestmark = [pytest.mark.browser]


@pytest.fixture
def served(served_search) -> str:
    """The real record served on 127.0.0.1: with the chunked index the site uses online, and with Material's single
    index, which the offline copy uses."""
    return served_search.base


def search(browser, base: str, prefix: str, query: str) -> list[str]:
    """Type `query` into Material's search box on the home page of one language; the result pages, best first."""
    tab = browser.new_page()
    try:
        tab.set_default_timeout(15_000)
        tab.goto(base + prefix)
        return [urlsplit(link).path for link in search_results(tab, query)]
    finally:
        tab.close()


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
def test_vietnamese_queries_with_or_without_tone_marks_put_the_right_highlight_first(served, browser, query, expected):
    results = search(browser, served, "", query)
    assert results[0] in expected, results[:5]
    assert not any(path.startswith("/en/") for path in results)


def test_a_query_without_tone_marks_finds_what_the_marked_one_finds(served, browser):
    assert search(browser, served, "", "đại đoàn kết")[:3] == search(browser, served, "", "dai doan ket")[:3]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("supervision", "/en/supervision/"),
        ("social criticism", "/en/social-criticism/"),
        ("covid", "/en/covid-19/"),
        ("great unity festival", "/en/great-unity-festival/"),
    ],
)
def test_english_queries_find_english_pages_only(served, browser, query, expected):
    results = search(browser, served, "en/", query)
    assert results[0] == expected, results[:5]
    assert all(path.startswith("/en/") for path in results)
