"""make screenshots: full-page screenshots of the main pages of both languages, at a phone's and a desktop's width, in
the light and the dark colour scheme, all in one folder (screenshots/, not in git) for a person to review.

The real record is built (no PDFs) for the address it is served at on 127.0.0.1, then every page is opened in
Debian's Chromium. File names sort by language, page, width and scheme: vi-home-390-light.png. With --readme, the
two small images the README shows are written instead (docs/images/): the Vietnamese home page on a desktop, and an
English highlight page on a phone in the dark scheme, each as its first screen, in 256 colours.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench.browser import chromium
from tayho.build import SiteBuild, build_site
from tayho.static_host import hosting

ROOT = Path(__file__).resolve().parent.parent

PAGES = {  # name: the page's address within its language (the 404 page is what a missing address shows)
    "home": "",
    "highlight": "great-unity-festival/",
    "highlight-covid": "covid-19/",
    "timeline": "timeline/",
    "places": "places/",
    "documents": "documents/",
    "about": "about/",
    "changes": "changes/",
    "print": "print/",
    "not-found": "no-such-page/",
}
LANGUAGES = {"vi": "", "en": "en/"}
WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")


def shoot(browser, base: str, folder: Path, pages: dict[str, str]) -> list[Path]:
    written = []
    for scheme in SCHEMES:
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
            tab = context.new_page()
            for lang, prefix in LANGUAGES.items():
                for name, address in pages.items():
                    tab.goto(base + prefix + address)
                    tab.wait_for_load_state("networkidle")
                    path = folder / f"{lang}-{name}-{width}-{scheme}.png"
                    tab.screenshot(path=str(path), full_page=True)
                    written.append(path)
            context.close()
    return written


README_SHOTS = {  # file: (address, viewport width, height, scheme)
    "home-vi.png": ("", 1280, 800, "light"),
    "highlight-en.png": ("en/great-unity-festival/#figures", 390, 1400, "dark"),
}


def shoot_readme(browser, base: str, folder: Path, pages: dict[str, str]) -> list[Path]:
    from PIL import Image

    written = []
    for name, (address, width, height, scheme) in README_SHOTS.items():
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        tab = context.new_page()
        tab.goto(base + address)
        tab.wait_for_load_state("networkidle")
        path = folder / name
        tab.screenshot(path=str(path))
        context.close()
        Image.open(path).convert("RGB").quantize(256).save(path, optimize=True)
        written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "screenshots", help="the folder to write (default: %(default)s)"
    )
    parser.add_argument("--pages", help="only these pages, comma-separated (default: all of " + ", ".join(PAGES) + ")")
    parser.add_argument("--readme", action="store_true", help="write the README's two images to docs/images/")
    options = parser.parse_args()
    pages = {name: PAGES[name] for name in options.pages.split(",")} if options.pages else PAGES
    if options.readme:
        options.out = ROOT / "docs" / "images"
    options.out.mkdir(parents=True, exist_ok=True)
    for old in () if options.readme else options.out.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "site"
        with hosting(site) as base, chromium() as browser:
            build_site(SiteBuild(ROOT, site, site_url=base, pdf=False))
            written = (shoot_readme if options.readme else shoot)(browser, base, options.out, pages)
    print(f"{len(written)} screenshots in {options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
