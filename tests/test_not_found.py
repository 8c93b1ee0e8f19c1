"""The page-not-found page as a reader meets it: a missing address, answered by the static host with the 404 page of
its language, titled in that language, whose search leads to the home page's search results and whose links lead
back into the archive."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser]


@pytest.mark.parametrize(
    "prefix,title,query,expected",
    [
        ("", "Không tìm thấy trang", "giam sat", "/supervision/"),
        ("en/", "Page not found", "supervision", "/en/supervision/"),
    ],
)
def test_a_missing_address_gets_a_404_page_in_its_language_that_searches(
    real_served, browser, prefix, title, query, expected
):
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    response = tab.goto(real_served.base + prefix + "no-such/page/")
    assert response.status == 404
    assert tab.title().startswith(title) and tab.locator("h1").inner_text() == title
    links = tab.eval_on_selector_all(".tayho-not-found__links a", "links => links.map(link => link.href)")
    home = real_served.base + prefix
    assert links[0] == home and all(link.startswith(real_served.base) for link in links)
    tab.fill("#tayho-not-found-query", query)
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"{home}?q=*")
    tab.wait_for_selector(".md-search-result__item > a")
    results = tab.eval_on_selector_all(".md-search-result__item > a", "links => links.map(link => link.href)")
    context.close()
    assert urlsplit(results[0]).path == expected
