"""The chunked search index the site uses online (tayho/search_chunks.py and its worker), on its own and in
Chromium on the real record: the queries of test_search_real find the same first page, and a page view downloads
no part of the index until the reader searches."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from tayho.search_chunks import ENTRIES_PER_FILE, plain, shard_key, words, write_chunks

from .conftest import ROOT, make_project
from .serving import built_and_served, search_results


def _index(pages: int, sections: int) -> dict:
    docs = []
    for page in range(pages):
        docs.append({"location": f"p{page}/", "title": f"Trang {page} giám sát",
                     "text": f"<p>Đại hội số {page} &amp; <b>dân chủ</b></p>"})
        docs += [{"location": f"p{page}/#s{k}", "title": f"Mục {k}", "text": f"<p>phần {k} của trang {page}</p>"}
                 for k in range(sections)]
    return {"config": {"lang": ["vi"], "fields": {"title": {"boost": 1000.0}}}, "docs": docs}


def test_every_word_of_every_entry_is_in_the_file_its_first_letters_name(tmp_path):
    index = _index(pages=40, sections=12)
    stub = write_chunks(index, tmp_path)
    assert stub["docs"] == [] and stub["config"] == index["config"]
    folder = tmp_path / "chunks"
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta["entries"] == len(index["docs"])
    for number, entry in enumerate(index["docs"]):
        for word in set(words(plain(entry["title"])) + words(plain(entry["text"]))):
            shard = json.loads((folder / f"t-{shard_key(word)}.json").read_text(encoding="utf-8"))
            assert number in [posting[0] for posting in shard[word]], (word, number)
    assert "giam" in json.loads((folder / "t-gi.json").read_text(encoding="utf-8"))  # folded: giám → giam
    indexed = {word for shard in folder.glob("t-*.json") for word in json.loads(shard.read_text(encoding="utf-8"))}
    assert "amp" not in indexed and "b" not in indexed and "p" not in indexed  # entities and tags are not words


def test_entry_files_hold_whole_pages_in_order(tmp_path):
    index = _index(pages=100, sections=12)
    write_chunks(index, tmp_path)
    meta = json.loads((tmp_path / "chunks" / "meta.json").read_text(encoding="utf-8"))
    assert len(meta["files"]) > 1
    rows = []
    for part, start in enumerate(meta["files"]):
        chunk = json.loads((tmp_path / "chunks" / f"d-{part}.json").read_text(encoding="utf-8"))
        assert len(rows) == start
        assert "#" not in chunk[0][0], "a file starts in the middle of a page"
        assert part == len(meta["files"]) - 1 or len(chunk) >= ENTRIES_PER_FILE
        rows += chunk
    assert [row[0] for row in rows] == [doc["location"] for doc in index["docs"]]
    assert rows[0][1:] == ["Trang 0 giám sát", "Đại hội số 0 & dân chủ"]  # plain text, entities decoded


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with built_and_served(make_project(tmp_path_factory.mktemp("chunked"), ROOT / "data"),
                          TAYHO_SEARCH="chunked") as base:
        yield base



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
        return [urlsplit(link).path for link in links], on_load, requests[len(on_load):]
    finally:
        tab.close()


@pytest.mark.browser
@pytest.mark.parametrize("prefix,query,expected", [
    ("", "giam sat", "/supervision/"),
    ("", "giám sát", "/supervision/"),
    ("", "dai doan ket", "/great-unity-festival/"),
    ("", "covid", "/covid-19/"),
    ("", "doi ngoai nhan dan", "/people-to-people-diplomacy/"),
    ("en/", "supervision", "/en/supervision/"),
    ("en/", "covid", "/en/covid-19/"),
])
def test_chunked_search_puts_the_right_highlight_first(served, browser, prefix, query, expected):
    results, on_load, by_search = _search(browser, served, prefix, query)
    assert results[0] == expected, results[:5]
    assert all(path.startswith("/en/") == (prefix == "en/") for path in results)
    assert not any("/search/chunks/" in path for path in on_load), "a page view downloaded the index"
    chunk_files = [path.rsplit("/", 1)[1] for path in by_search if "/search/chunks/" in path]
    assert "meta.json" in chunk_files
    shards = {name for name in chunk_files if name.startswith("t-")}
    assert 1 <= len(shards) <= 2 * len(query.split())  # per word: its first letter, then its first two
