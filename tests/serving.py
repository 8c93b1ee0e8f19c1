"""Serving a built project on 127.0.0.1 and driving Debian's Chromium, shared by the browser tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path
from typing import Iterator

import pytest

from tools.build import build_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def built_and_served(project: Path, **environment: str) -> Iterator[str]:
    """Build `project` for the address it is then served at (as a deployment sets SITE_URL), with the extra
    `environment` variables set during the build (TAYHO_SEARCH=chunked, for example); yield that address."""
    handler = functools.partial(QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    saved = {name: os.environ.get(name) for name in ("SITE_URL", "SITE_URL_EN", *environment)}
    os.environ.update(SITE_URL=base, SITE_URL_EN=base + "en/", **environment)
    try:
        build_site(project, project / "site")
    finally:
        for name, value in saved.items():
            os.environ.pop(name, None) if value is None else os.environ.__setitem__(name, value)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


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
    """Type `query` into Material's search box on the open page; the result links (page URLs), best first."""
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    tab.locator("input.md-search__input").press_sequentially(query, delay=20)
    tab.wait_for_selector(".md-search-result__item > a")
    return tab.eval_on_selector_all(".md-search-result__item > a", "links => links.map(link => link.href)")
