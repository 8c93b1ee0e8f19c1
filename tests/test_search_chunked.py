"""The chunked search index the site uses online (tayho/search_chunks.py and its worker), on its own and in
Chromium on the real record: the queries of test_search_real find the same first page, and a page view downloads
neither the index nor the worker's code (only its loader) until the reader searches."""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import rjsmin

from tayho.search_chunks import (
    ENTRIES_PER_FILE,
    ONE_FILE_UP_TO,
    SHOWN_TEXT,
    shard_key,
    shown_text,
    words,
    write_chunks,
)
from tayho.static_host import StaticSiteHandler, hosting

from .serving import search_results

ROOT = Path(__file__).resolve().parent.parent
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


def test_a_long_text_is_shown_cut_at_a_word_and_marked_as_cut():
    text = "Từ năm 2022, Ban Thường vụ Quận uỷ Tây Hồ triển khai việc đăng ký đảm nhận, " * 4
    shown = shown_text(text)
    assert len(shown) <= SHOWN_TEXT and shown.endswith("…")
    assert text.startswith(shown[:-1]) and text[len(shown) - 1] == " "  # whole words only
    assert shown_text("ngắn") == "ngắn"
    assert shown_text("x" * (SHOWN_TEXT * 2)) == "x" * (SHOWN_TEXT - 1) + "…"  # no space: cut where it must be


def test_a_small_record_is_one_entries_file_and_a_large_one_many(tmp_path):
    small = _entries(pages=ONE_FILE_UP_TO // 13, sections=12)
    write_chunks(CONFIG, small, tmp_path / "small")
    assert json.loads((tmp_path / "small" / "chunks" / "meta.json").read_text(encoding="utf-8"))["files"] == [0]
    large = _entries(pages=ONE_FILE_UP_TO // 13 + 1, sections=12)
    write_chunks(CONFIG, large, tmp_path / "large")
    files = json.loads((tmp_path / "large" / "chunks" / "meta.json").read_text(encoding="utf-8"))["files"]
    assert len(files) == len(large) // 26  # pages of 13 entries, two to a file of at least 25


def test_the_citation_is_not_searched_but_its_heading_is(real_site):
    chunks = real_site / "search" / "chunks"
    meta = json.loads((chunks / "meta.json").read_text(encoding="utf-8"))
    rows = [row for part in range(len(meta["files"])) for row in json.loads((chunks / f"d-{part}.json").read_text())]
    citations = [row for row in rows if row[0].endswith("#cite")]
    assert len(citations) == 10 and all(title == "Trích dẫn" and text == "" for _, title, text in citations)


def test_the_site_serves_the_worker_minified_and_working_alike(real_site):
    source = (ROOT / "tayho" / "theme" / "assets" / "javascripts" / "tayho-search.js").read_text(encoding="utf-8")
    served = (real_site / "assets" / "javascripts" / "tayho-search.js").read_text(encoding="utf-8")
    assert served == rjsmin.jsmin(source) and len(served) < len(source) * 0.7
    assert "/*" not in served and "answerMessage" in served  # comments gone, names kept (the loader calls it)


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
@pytest.mark.parametrize(
    "failing,typed_first",
    [
        ("**/tayho-search.js", "g"),  # the worker's code, loaded by the loader at the first query
        ("**/search/chunks/meta.json", "g"),  # the index's table of contents, requested while the code loads
        ("**/search/chunks/t-gi.json", "gi"),  # the postings of the words the query starts with
    ],
)
def test_a_search_whose_file_failed_to_load_answers_no_result_and_the_next_query_loads_it(
    served, browser, failing, typed_first
):
    context = browser.new_context()
    failed = []

    def fail_once(route):
        if not failed:
            failed.append(route.request.url)
            return route.abort()
        return route.continue_()

    context.route(failing, fail_once)
    tab = context.new_page()
    box = _open_search_box(tab, served)
    box.press_sequentially(typed_first, delay=0)
    tab.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
    tab.wait_for_timeout(500)  # an answer to the failed query arrives after Material's first words
    assert failed and tab.locator(".md-search-result__item").count() == 0
    box.press_sequentially("giam sat"[len(typed_first) :], delay=20)
    tab.wait_for_selector(".md-search-result__item > a")
    first = tab.eval_on_selector_all(".md-search-result__item > a", "links => links.map(link => link.href)")[0]
    context.close()
    assert urlsplit(first).path == "/supervision/"
