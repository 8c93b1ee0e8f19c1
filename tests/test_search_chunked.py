"""The chunked search index the site uses online (tayho/search_chunks.py and its worker), on its own and in
Chromium on the real record: the queries of test_search_real find the same first page, and a page view downloads
neither the index nor the worker's code (only its loader) until the reader searches."""

from __future__ import annotations

import json
import time
from urllib.parse import urlsplit

import pytest

from tayho.search_chunks import ENTRIES_PER_FILE, shard_key, words, write_chunks
from tayho.static_host import StaticSiteHandler, hosting

from .serving import search_results

CONFIG = {"lang": ["vi"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}


def _entries(pages: int, sections: int) -> list[tuple[str, str, str]]:
    entries = []
    for page in range(pages):
        entries.append((f"p{page}/", f"Trang {page} giám sát", f"Đại hội số {page} & dân chủ <b>"))
        entries += [(f"p{page}/#s{k}", f"Mục {k}", f"phần {k} của trang {page}") for k in range(sections)]
    return entries


def test_every_word_of_every_entry_is_in_the_file_its_first_letters_name(tmp_path):
    entries = _entries(pages=40, sections=12)
    stub = write_chunks(CONFIG, entries, tmp_path)
    assert stub["docs"] == [] and stub["config"] == CONFIG
    folder = tmp_path / "chunks"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["entries"] == len(entries)
    for number, (_, title, text) in enumerate(entries):
        for word in set(words(title) + words(text)):
            shard = json.loads((folder / f"t-{shard_key(word)}.json").read_text(encoding="utf-8"))
            assert number in [posting[0] for posting in shard[word]], (word, number)
    assert "giam" in json.loads((folder / "t-gi.json").read_text(encoding="utf-8"))  # folded: giám → giam


def test_entry_files_hold_whole_pages_in_order(tmp_path):
    entries = _entries(pages=100, sections=12)
    write_chunks(CONFIG, entries, tmp_path)
    meta = json.loads((tmp_path / "chunks" / "meta.json").read_text(encoding="utf-8"))
    assert len(meta["files"]) > 1
    rows = []
    for part, start in enumerate(meta["files"]):
        chunk = json.loads((tmp_path / "chunks" / f"d-{part}.json").read_text(encoding="utf-8"))
        assert len(rows) == start
        assert "#" not in chunk[0][0], "a file starts in the middle of a page"
        assert part == len(meta["files"]) - 1 or len(chunk) >= ENTRIES_PER_FILE
        rows += chunk
    assert [tuple(row) for row in rows] == entries  # plain text as given: the worker escapes it


@pytest.fixture
def served(real_served) -> str:
    return real_served.base


def _search(browser, base: str, prefix: str, query: str) -> tuple[list[str], list[str], list[str]]:
    """Result pages, requests made by the page view, and requests made by the search."""
    tab = browser.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(urlsplit(request.url).path))
    try:
        tab.set_default_timeout(15_000)
        tab.goto(base + prefix)
        tab.wait_for_load_state("networkidle")
        on_load = list(requests)
        links = search_results(tab, query)
        return [urlsplit(link).path for link in links], on_load, requests[len(on_load) :]
    finally:
        tab.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "prefix,query,expected",
    [
        ("", "giam sat", "/supervision/"),
        ("", "giám sát", "/supervision/"),
        ("", "dai doan ket", "/great-unity-festival/"),
        ("", "covid", "/covid-19/"),
        ("", "doi ngoai nhan dan", "/people-to-people-diplomacy/"),
        ("en/", "supervision", "/en/supervision/"),
        ("en/", "covid", "/en/covid-19/"),
    ],
)
def test_chunked_search_puts_the_right_highlight_first(served, browser, prefix, query, expected):
    results, on_load, by_search = _search(browser, served, prefix, query)
    assert results[0] == expected, results[:5]
    assert all(path.startswith("/en/") == (prefix == "en/") for path in results)
    assert not any("/search/chunks/" in path for path in on_load), "a page view downloaded the index"
    scripts = [path.rsplit("/", 1)[1] for path in on_load + by_search if path.endswith(".js")]
    assert "tayho-search-loader.js" in scripts[: scripts.index("tayho-search.js")], "the worker's code came first"
    assert "tayho-search.js" not in [path.rsplit("/", 1)[1] for path in on_load], "a page view downloaded the worker"
    chunk_files = [path.rsplit("/", 1)[1] for path in by_search if "/search/chunks/" in path]
    assert "meta.json" in chunk_files
    shards = {name for name in chunk_files if name.startswith("t-")}
    assert 1 <= len(shards) <= 2 * len(query.split())  # per word: its first letter, then its first two


class _SlowShard(StaticSiteHandler):
    """A host that answers the index file of words starting with "da" late, as a slow connection may."""

    def do_GET(self):
        if self.path.endswith("/search/chunks/t-da.json"):
            time.sleep(2.5)
        return super().do_GET()


def _open_search_box(tab, url: str):
    """Load `url` until the network is idle, open Material's search box; the box to type in."""
    tab.set_default_timeout(15_000)
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    tab.locator("label.md-search__icon, .md-search__input").first.click()
    return tab.locator("input.md-search__input")


@pytest.mark.browser
def test_results_always_answer_the_text_now_in_the_box(real_site, browser):
    """A reader types "dai", changes their mind and types "giam sat", one character at a time, quickly: the answer
    to "dai" comes last (its index file is slow) and must not replace the answer to the text now in the box."""
    with hosting(real_site, handler_class=_SlowShard) as base:
        tab = browser.new_page()
        box = _open_search_box(tab, base)
        box.press_sequentially("dai", delay=0)
        box.press("Control+A")
        box.press_sequentially("giam sat", delay=0)
        tab.wait_for_selector(".md-search-result__item > a")
        tab.wait_for_timeout(4000)  # until after the slow file has come and its query's answer would have been shown
        shown = tab.eval_on_selector_all(".md-search-result__item > a", "links => links.map(link => link.href)")
        meta = tab.locator(".md-search-result__meta").inner_text()
        tab.close()
    assert urlsplit(shown[0]).path == "/supervision/" and urlsplit(shown[0]).query == "h=giam+sat", shown[:5]
    assert meta


@pytest.mark.browser
def test_a_search_whose_worker_code_failed_to_load_answers_no_result_and_the_next_query_loads_it(served, browser):
    context = browser.new_context()
    failed = []

    def fail_once(route):
        if not failed:
            failed.append(route.request.url)
            return route.abort()
        return route.continue_()

    context.route("**/tayho-search.js", fail_once)
    tab = context.new_page()
    box = _open_search_box(tab, served)
    box.press_sequentially("g", delay=0)
    tab.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
    assert failed and tab.locator(".md-search-result__item").count() == 0
    box.press_sequentially("iam sat", delay=20)
    tab.wait_for_selector(".md-search-result__item > a")
    first = tab.eval_on_selector_all(".md-search-result__item > a", "links => links.map(link => link.href)")[0]
    context.close()
    assert urlsplit(first).path == "/supervision/"
