"""What a reader's browser downloads and waits for, measured in Debian's Chromium on a built site served locally.

First view: every file a fresh visit to a page requests until the network is idle (the page, its stylesheets
and scripts, the search worker and whatever index it loads), counted at its gzip size. Time to first
result: on a throttled connection (slow 4G: 1.6 Mbit/s down, 150 ms round trip, files served uncompressed), from
the start of a fresh page load, a query typed as soon as the page is ready, until the first result is shown (by the
archive's chunk worker online, or Material's own worker for a single index).
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
WAIT_MS = 600_000
LARGEST_LISTED = 4  # the largest files of a first view, listed with its total
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


class _StaticHost(http.server.SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages and most static hosts do: a missing file gets the site's 404.html."""

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            return super().send_error(code, message, explain)
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StaticHost, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        try:
            yield browser
        finally:
            browser.close()


def _file_of(site: Path, url: str) -> Path | None:
    path = unquote(urlsplit(url).path).lstrip("/")
    candidate = site / path
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _gzip_kb(files: list[Path]) -> float:
    return round(sum(len(gzip.compress(f.read_bytes(), compresslevel=9, mtime=0)) for f in files) / 1024, 1)


def _published_address(site: Path) -> str:
    """The site's address as built (SITE_URL), read from the home page's canonical link."""
    home = (site / "index.html").read_text(encoding="utf-8")
    return home.split('<link rel="canonical" href="', 1)[1].split('"', 1)[0]


def first_view(browser, site: Path, base: str, page: str) -> dict:
    """Files and gzip KB a fresh visit of `page` downloads, as if the site were at its published address: a request
    there (absolute links in the page) is answered from the local copy without leaving the machine, and a request
    for a missing file counts as the 404 page a static host sends back, and is listed."""
    published = _published_address(site)
    context = browser.new_context()
    context.route(f"{published}**", lambda route: route.fulfill(status=204))
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    tab.goto(base + page)
    tab.wait_for_load_state("networkidle")
    context.close()
    local = [
        base + url.removeprefix(published) if url.startswith(published) else url
        for url in requested
        if url.startswith((base, published))
    ]
    files = sorted({f for f in (_file_of(site, url) for url in local) if f})
    missing = sorted({url.removeprefix(base) for url in local if _file_of(site, url) is None})
    body = _gzip_kb(files + [site / "404.html"] * len(missing))
    sizes = sorted(((_gzip_kb([f]), f.relative_to(site).as_posix()) for f in files), reverse=True)
    largest = [{"file": name, "gzip_kb": kb} for kb, name in sizes[:LARGEST_LISTED]]
    return {"files": len(files), "gzip_kb": body, "largest": largest, "not_found": missing}


def _is_search_file(path: Path, site: Path) -> bool:
    relative = path.relative_to(site).as_posix()
    return (
        "/search/" in f"/{relative}"
        or "javascripts/workers/" in relative
        or "/lunr/" in relative
        or relative.endswith("tayho-search.js")
    )


def time_to_first_result(browser, site: Path, base: str, page: str, query: str) -> dict:
    """Seconds from navigation to the first search result on a slow connection (and to the page being ready, which
    bounds it from below), and the search files fetched by then."""
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)  # a home page listing thousands of highlights takes minutes on slow 4G
    session = context.new_cdp_session(tab)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW_4G)
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    tab.goto(base + page, wait_until="domcontentloaded")
    tab.locator("input.md-search__input").press_sequentially(query)
    tab.wait_for_selector(".md-search-result__item")
    seconds = tab.evaluate("performance.now()") / 1000
    ready = tab.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd") / 1000
    context.close()
    files = sorted(
        {
            f
            for f in (_file_of(site, url) for url in requested if url.startswith(base))
            if f and _is_search_file(f, site)
        }
    )
    return {
        "seconds": round(seconds, 2),
        "page_ready_seconds": round(ready, 2),
        "search_files": len(files),
        "search_gzip_kb": _gzip_kb(files),
        "files": {f.relative_to(site).as_posix(): _gzip_kb([f]) for f in files},
    }
