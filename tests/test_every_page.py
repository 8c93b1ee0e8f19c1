"""Every page of both languages of the real record, opened once in real Chromium and checked on that visit as its
readers meet it: widened from 320 to 1280 px, nothing is wider than the screen and no text is cut or too small
(tests/test_layout.py); each run of Vietnamese text is drawn by one font that has all its letters (ibid.); axe-core
finds no WCAG 2.2 AA violation as a reader whose system is light sees the page, nor in the colours once the system
turns dark (tests/test_a11y.py). One visit serves every check: opening a page costs Chromium more than any of them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from .test_a11y import AXE, axe_problems_in_both_schemes, require_axe
from .test_layout import font_problems, layout_of_open_page, open_at_narrowest

pytestmark = [pytest.mark.browser]


def page_urls(site: Path) -> list[str]:
    """Every page of the site, as addresses relative to its root (the embeds: tests/test_embeds.py)."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if not relative.startswith(("embed/", "en/embed/")):
            urls.append(relative[: -len("index.html")] if relative.endswith("index.html") else relative)
    return urls


@dataclasses.dataclass
class PageChecks:
    """What each check found on every page of both languages, each page opened once."""

    urls: list[str]
    layout: list[str]
    fonts: list[str]
    font_runs: int  # runs of Vietnamese text drawn differently, asked of DevTools
    axe: list[str]
    backgrounds: list[tuple[str, str]]  # each page's background in the light scheme, then the dark one


@pytest.fixture(scope="module")
def every_page(real_served, browser) -> PageChecks:
    require_axe()
    urls = page_urls(real_served.site)
    context = browser.new_context(color_scheme="light")
    context.add_init_script(path=str(AXE))  # in every page, before its own scripts (cheaper than a tag per page)
    tab = context.new_page()
    checks = PageChecks(urls, [], [], 0, [], [])
    seen: set[str] = set()
    for url in urls:
        tab.emulate_media(color_scheme="light")  # the last page was left dark
        open_at_narrowest(tab, real_served.base + url)
        checks.layout += layout_of_open_page(tab, url)  # leaves the page at the widest, 1280 px
        found, backgrounds = axe_problems_in_both_schemes(tab, url)
        checks.axe += found
        checks.backgrounds.append(backgrounds)
        checks.fonts += font_problems(tab, url, seen)  # the same fonts in both schemes
    context.close()
    checks.font_runs = len(seen)
    return checks


def test_the_tour_opens_every_page_of_both_languages(every_page):
    assert len(every_page.urls) >= 30 and {"404.html", "en/supervision/", "en/great-unity-festival/"} <= set(
        every_page.urls
    )


def test_every_page_fits_and_no_text_is_cut_or_too_small_at_any_width(every_page):
    assert every_page.layout == [], "\n".join(every_page.layout)


def test_vietnamese_is_drawn_with_one_font_that_has_every_letter(every_page):
    assert every_page.font_runs > 500  # different runs: both languages' pages hold Vietnamese (names in English pages)
    assert every_page.fonts == [], "\n".join(every_page.fonts)


def test_axe_finds_no_violation_on_any_page_of_either_language_in_either_scheme(every_page):
    schemes = zip(every_page.urls, every_page.backgrounds, strict=True)
    stayed_light = [url for url, (light, dark) in schemes if light == dark]
    assert stayed_light == [], "these pages did not turn dark with the system"
    assert every_page.axe == [], "\n".join(every_page.axe)
