"""The offline copy: a zip of both languages that works from file:// (navigation, language switch, search), with
page.html addresses written by MkDocs itself and no link to a file it does not hold."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tayho.offline import write_offline_copy

from .conftest import FIXTURES, ROOT, make_project
from .html import facts
from .serving import search_results
from .test_browser import switch_language

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory) -> Path:
    scratch = tmp_path_factory.mktemp("offline")
    project = make_project(scratch, FIXTURES / "minimal" / "data")
    archive = scratch / "offline.zip"
    assert write_offline_copy(project, archive) == archive
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(scratch / "unzipped")
    return scratch / "unzipped" / "tayho-archive"


def test_the_zip_holds_both_languages_and_nothing_points_to_another_host(unzipped):
    assert (unzipped / "index.html").is_file() and (unzipped / "en" / "supervision.html").is_file()
    assert (unzipped / "search" / "search_index.js").is_file() and (
        unzipped / "en" / "search" / "search_index.js"
    ).is_file()
    for page in unzipped.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and 'src="http' not in text, page


def test_the_vendored_worker_shim_is_copied_as_published_with_its_licence(unzipped):
    shim = "assets/javascripts/iframe-worker-shim.js"
    copied = (unzipped / shim).read_text(encoding="utf-8")
    assert copied == (ROOT / "tayho" / "theme" / shim).read_text(encoding="utf-8")
    assert "MIT" in copied.split("*/", 1)[0]


def test_every_local_link_of_the_copy_leads_to_a_file_it_holds(unzipped):
    problems = []
    for page in unzipped.rglob("*.html"):
        for link in facts(page).links:
            target = link.get("href", "").split("#")[0].split("?")[0]
            local = target and not target.startswith(("http://", "https://", "mailto:", "javascript:", "data:"))
            if local and not (page.parent / target).resolve().is_file():
                problems.append(f"{page.relative_to(unzipped)} → {target}")
    assert problems == []
    assert not list(unzipped.rglob("*.pdf"))


@pytest.fixture
def file_tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests
    yield page
    context.close()


def test_navigation_and_language_switch_from_file_urls(unzipped, file_tab):
    file_tab.goto((unzipped / "index.html").as_uri())
    file_tab.locator(".md-content a[href='supervision.html']").first.click()
    assert file_tab.url == (unzipped / "supervision.html").as_uri()
    switch_language(file_tab, "en")
    assert file_tab.url == (unzipped / "en" / "supervision.html").as_uri()
    assert file_tab.locator("h1").inner_text().startswith("1. Supervision")
    assert [url for url in file_tab.requests if not url.startswith(("file://", "data:"))] == []


@pytest.mark.parametrize(
    "start,query,expected",
    [("index.html", "giam sat", "supervision.html"), ("en/index.html", "supervision", "en/supervision.html")],
)
def test_search_works_from_file_urls(unzipped, file_tab, start, query, expected):
    file_tab.goto((unzipped / start).as_uri())
    first = search_results(file_tab, query)[0]
    assert first.split("?")[0] == (unzipped / expected).as_uri()
