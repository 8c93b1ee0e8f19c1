"""Driving Debian's Chromium through Playwright, shared by the browser tests."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextlib.contextmanager
def chromium():
    """Debian's Chromium through Playwright; fails (never skips) when it is missing."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is not installed: run `make browsers` (make test does it)")
    with playwright_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def search_results(tab, query: str) -> list[str]:
    """Enter `query` into Material's search box on the open page; the result links (page URLs), best first.

    All but its last letter are pasted and the last one typed: Material searches when a key is released, so this is
    one search, not one per letter (half-typed queries and late answers are tested in test_search_chunked.py)."""
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    box = tab.locator("input.md-search__input")
    box.fill(query[:-1])
    box.press(query[-1])
    tab.wait_for_selector(".md-search-result__item > a")
    return _settled(
        lambda: tab.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)"), tab
    )


def _settled(read, tab, quiet_reads: int = 3) -> list[str]:
    """What `read` returns once it has stayed the same for `quiet_reads` reads 0.3 s apart: every keystroke sends a
    query, and the answer to a half-typed one may be shown before the answer to the whole query arrives."""
    last, same = read(), 0
    for _ in range(200):
        if same == quiet_reads:
            return last
        tab.wait_for_timeout(300)
        now = read()
        same = same + 1 if now == last else 0
        last = now
    raise AssertionError(f"the search results kept changing for a minute: {last[:5]}")
