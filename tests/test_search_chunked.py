"""The chunked search index the site uses online (tayho/search_chunks.py and its worker), on its own and in
Chromium on the real record: the queries of test_search_real find the same first page, and a page view downloads
neither the index nor the worker's code (only its loader) until the reader searches."""

from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import rjsmin

from tayho.search_chunks import (
    ENTRIES_PER_FILE,
    FORMAT,
    ONE_FILE_UP_TO,
    SHOWN_TEXT,
    shard_key,
    words,
    write_chunks,
)
from tayho.snippets import shown_text
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
    assert len(meta["lengths"]) == len(entries)
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
    shown = shown_text(text, SHOWN_TEXT)
    assert len(shown) <= SHOWN_TEXT and shown.endswith("…")
    assert text.startswith(shown[:-1]) and text[len(shown) - 1] == " "  # whole words only
    assert shown_text("ngắn", SHOWN_TEXT) == "ngắn"


@pytest.mark.parametrize(
    "text,shown_end",
    [
        ("x" * 200, "x" * 10 + "…"),  # no space: cut where it must be
        ("cờ " + "x" * 123 + "🇻🇳 sau đó", "xx🇻🇳…"),  # the only space far back: cut at a character, not there
        ("..... " + "z" * 200, "zz…"),  # nothing but marks before the space: still text shown
        ("ab" * 64 + "x\u0303" + "c" * 20, "ab…"),  # a letter is not parted from its combining mark
        ("ภาษาไทยไม่มีช่องว่าง" * 10, "ไทยไ…"),  # nor a Thai letter from its tone mark
        ("a" * 128 + "🇻🇳🇻🇳 zz", "aa…"),  # nor a flag from its second half
        ("a" * 127 + "🇻🇳🇻🇳 zz", "a🇻🇳…"),
        ("a" * 128 + "👍🏽 zz", "aa…"),  # nor an emoji from its skin tone
    ],
)
def test_a_text_without_a_space_to_cut_at_is_cut_between_whole_characters(text, shown_end):
    shown = shown_text(text, 130)  # the cases are written for 130 characters
    assert shown.endswith(shown_end) and 126 <= len(shown) <= 130
    assert text.startswith(shown[:-1])
    assert unicodedata.category(text[len(shown) - 1]) not in ("Mn", "Mc", "Me")  # what follows the cut is not a mark


def test_the_table_of_contents_names_the_format_and_a_version_that_changes_with_the_files(tmp_path):
    entries = _entries(pages=3, sections=2)
    versions = []
    for name, texts in (("a", entries), ("b", entries), ("c", entries[:-1] + [(entries[-1][0], "Mục", "đổi")])):
        write_chunks(CONFIG, texts, tmp_path / name)
        meta = json.loads((tmp_path / name / "chunks" / "meta.json").read_text(encoding="utf-8"))
        assert meta["format"] == FORMAT
        versions.append(meta["version"])
    assert versions[0] == versions[1] != versions[2]


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
        ("", "giám sát", "/supervision/"),
        ("", "doi ngoai nhan dan", "/people-to-people-diplomacy/"),
        ("en/", "supervision", "/en/supervision/"),
    ],
)
def test_chunked_search_puts_the_right_highlight_first(served, browser, prefix, query, expected):
    """What a search downloads, and when (the ranking of many more queries, with and without tone marks, in both
    languages and with both indexes: tests/test_search_real.py)."""
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
        if urlsplit(self.path).path == "/search/chunks/t-da.json":
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
        ("/assets/javascripts/tayho-search.js", "g"),  # the worker's code, loaded by the loader at the first query
        ("/search/chunks/meta.json", "g"),  # the index's table of contents, requested while the code loads
        ("/search/chunks/t-gi.json", "gi"),  # the postings of the words the query starts with (?v=… follows)
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

    context.route(lambda url: urlsplit(url).path == failing, fail_once)
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


@pytest.mark.browser
def test_index_files_carry_the_index_version_and_an_index_of_another_format_is_refused(real_site, served, browser):
    version = json.loads((real_site / "search" / "chunks" / "meta.json").read_text(encoding="utf-8"))["version"]
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    old_format = []

    def an_older_index(route):
        if not old_format:  # the first time: a table of contents of another format, as a stale cache might hold
            old_format.append(route.request.url)
            return route.fulfill(json={"format": FORMAT - 1, "entries": 1, "files": [0], "shards": ["gi"]})
        return route.continue_()

    context.route(lambda url: urlsplit(url).path == "/search/chunks/meta.json", an_older_index)
    tab = context.new_page()
    box = _open_search_box(tab, served)
    box.press_sequentially("g", delay=0)
    tab.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() !== ''")
    tab.wait_for_timeout(500)
    assert old_format and tab.locator(".md-search-result__item").count() == 0
    box.press_sequentially("iam sat", delay=20)
    tab.wait_for_selector(".md-search-result__item > a")
    context.close()
    chunks = [urlsplit(url) for url in requests if "/search/chunks/" in url]
    files = [part for part in chunks if not part.path.endswith("/meta.json")]
    assert files and all(part.query == f"v={version}" for part in files), [part.geturl() for part in files]
