"""Real Chromium (Debian's, through Playwright) against the built fixture site served on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .conftest import FIXTURES, make_project, served_build

pytestmark = [pytest.mark.browser]


@pytest.fixture
def served(minimal_served) -> str:
    """The fixture record, built for and served on 127.0.0.1."""
    return minimal_served.base


@pytest.fixture(scope="module")
def reader(browser, minimal_served):
    """One page for the module's tests, as one reader going from page to page (opening a new page costs Chromium
    more than most of these tests): it lists every request it makes, and may use the clipboard on the served site."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=minimal_served.base.rstrip("/"))
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.requests = requests
    yield page
    context.close()


@pytest.fixture
def tab(reader):
    """The module's page, blank, with no request listed yet."""
    reader.goto("about:blank")
    reader.requests.clear()
    return reader


def switch_language(tab, target: str) -> None:
    tab.locator(".md-select > button").hover()
    tab.locator(f".md-select__link[hreflang={target}]").click()
    tab.wait_for_load_state("load")


@pytest.mark.parametrize(
    "start,target,expected",
    [
        ("supervision/#fig-tasks-done", "en", "en/supervision/"),
        ("en/congress/#fig-fund", "vi", "congress/"),
        ("en/about/", "vi", "about/"),
    ],
)
def test_switcher_keeps_the_page_and_the_anchor(served, tab, start, target, expected):
    tab.goto(served + start)
    switch_language(tab, target)
    url = urlsplit(tab.url)
    assert url.path == "/" + expected
    if "#" in start:
        assert url.fragment == start.split("#")[1]
    assert tab.locator("html").get_attribute("lang") == target


def test_no_request_leaves_127_0_0_1(served, tab):
    for url in ("", "supervision/", "en/", "en/congress/", "about/"):
        tab.goto(served + url)
        tab.wait_for_load_state("networkidle")
    hosts = {urlsplit(request).hostname for request in tab.requests if not request.startswith("data:")}
    assert hosts == {"127.0.0.1"}


def test_a_page_view_requests_no_missing_file(served, tab):
    """Every file a page view asks for exists (a static host answers the others with its whole 404 page)."""
    failed: list[str] = []

    def note(response):
        if response.status >= 400:
            failed.append(response.url)

    tab.on("response", note)
    try:
        for url in ("", "supervision/", "en/", "en/congress/", "about/", "en/timeline/"):
            tab.goto(served + url)
            tab.wait_for_load_state("networkidle")
    finally:
        tab.remove_listener("response", note)
    assert failed == []


@pytest.mark.parametrize(
    "selector,expected",
    [
        ("li#fig-tasks-done .tayho-copy", lambda base: f"{base}en/supervision/#fig-tasks-done"),
        (".tayho-heading:has(#figures) .tayho-copy", lambda base: f"{base}en/supervision/#figures"),
        (
            "button[data-clipboard-target='#cite-plain']",
            lambda base: "“1. Giám sát” [1. Supervision]. In: Bài mẫu [Sample article] (archived copy",
        ),
        ("button[data-clipboard-target='#cite-bibtex']", lambda base: "@misc{tayho-2019-2024-supervision-en,\n"),
    ],
)
def test_copy_controls_work_from_the_keyboard(served, tab, selector, expected):
    tab.goto(served + "en/supervision/")
    tab.evaluate("navigator.clipboard.writeText('')")
    button = tab.locator(selector)
    button.focus()
    assert button.evaluate("element => element === document.activeElement")
    tab.keyboard.press("Enter")
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(expected(served))


@pytest.fixture(scope="module")
def served_after_rename(tmp_path_factory):
    """The fixture record with highlight 'congress' renamed to 'congress-vii' and a redirect declared."""
    project = make_project(tmp_path_factory.mktemp("renamed"), FIXTURES / "minimal" / "data")
    record = project / "data" / "achievements.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("id: congress\n", "id: congress-vii\n")
        + "redirects:\n  - {kind: highlight, from: congress, to: congress-vii}\n",
        encoding="utf-8",
    )
    for served in served_build(project, project / "site"):
        yield served.base


@pytest.mark.parametrize(
    "old,new", [("congress/#fig-fund", "/congress-vii/"), ("en/congress/#fig-delegates", "/en/congress-vii/")]
)
def test_a_redirect_page_forwards_the_reader_and_the_anchor(served_after_rename, tab, old, new):
    tab.goto(served_after_rename + old)
    tab.wait_for_url(f"**{new}*")
    url = urlsplit(tab.url)
    assert url.path == new and url.fragment == old.split("#")[1]
    assert tab.locator(f"#{url.fragment}").count() == 1


def test_without_javascript_a_redirect_page_still_leads_to_the_new_page(served_after_rename, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served_after_rename + "en/congress/")
    page.wait_for_url("**/en/congress-vii/")  # the meta refresh; the page also carries a plain link
    assert page.locator("html").get_attribute("lang") == "en"
    context.close()
