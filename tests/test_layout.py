"""The reading experience in real Chromium (Debian's, with only the fonts the site names): every page of both
languages at 320, 390, 768 and 1280 px. Nothing is wider than the screen,
every text of every chart stays inside its SVG and is drawn at 14 px or more, no text is cut or spills out of its
box or is smaller than 14 px; and each run of Vietnamese text is drawn by one font (its regular or bold face) that
has every one of its letters precomposed (Chromium's own report, DevTools' CSS.getPlatformFontsForNode, which
covers an element's text and its children's)."""

from __future__ import annotations

import functools
import subprocess
import unicodedata
from pathlib import Path

import pytest

from .test_a11y import page_urls

pytestmark = [pytest.mark.browser]
WIDTHS = (320, 390, 768, 1280)
MINIMUM_PX = 14
LAYOUT = (Path(__file__).resolve().parent / "layout.js").read_text(encoding="utf-8")
# Letters that only Vietnamese (among the site's languages) writes: a run holding one of them is Vietnamese text.
VIETNAMESE = set(unicodedata.normalize("NFC", "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"))
VIETNAMESE |= {letter.upper() for letter in VIETNAMESE}
MARK = "data-tayho-font-probe"
NOT_YET_DRAWN_RETRIES = 5  # frames waited for a text that has no font yet (a script just replaced it)


def layout_problems(tab, base: str, urls: list[str]) -> list[str]:
    found = []
    for url in urls:
        tab.goto(base + url)
        found += [f"/{url}: {problem}" for problem in tab.evaluate(LAYOUT, MINIMUM_PX)]
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_fits_and_no_text_is_cut_or_too_small(real_served, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    tab = context.new_page()
    urls = page_urls(real_served.site)
    assert len(urls) >= 30 and "404.html" in urls and "en/great-unity-festival/" in urls
    found = layout_problems(tab, real_served.base, urls)
    context.close()
    assert found == [], "\n".join(found)


def test_the_layout_check_sees_what_it_must(browser):
    """Negative control: a page with each fault the check looks for is reported for each of them."""
    tab = browser.new_page(viewport={"width": 320, "height": 600})
    tab.set_content(
        '<div style="width:2000px">wide</div><p style="font-size:11px">small</p>'
        '<p style="width:60px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis">cut off by an ellipsis</p>'
        '<svg class="tayho-chart__svg" viewBox="0 0 100 20" style="width:100px"><text x="0" y="15" '
        'font-size="15">a label longer than the chart</text></svg>'
    )
    found = tab.evaluate(LAYOUT, MINIMUM_PX)
    tab.close()
    assert any("page is" in problem for problem in found)
    assert any('"small" is 11 px' in problem for problem in found)
    assert any("cut off by an ellipsis" in problem and "box" in problem for problem in found)
    assert any("leaves the viewBox" in problem for problem in found)


@functools.cache
def font_letters(postscript_name: str) -> frozenset[int]:
    """The characters a font installed on this machine draws, from its file (found by fontconfig)."""
    from fontTools.ttLib import TTFont

    listing = subprocess.run(
        ["fc-list", f":postscriptname={postscript_name}", "file"], capture_output=True, text=True, check=True
    ).stdout
    path = listing.split(":")[0].strip()
    assert path, f"fontconfig does not know the font {postscript_name}"
    return frozenset(TTFont(path, lazy=True).getBestCmap())


def vietnamese_runs(tab) -> list[tuple[int, str]]:
    """The elements of the open page whose own text is Vietnamese, marked for DevTools: (mark, text)."""
    return tab.evaluate(
        """([mark, letters]) => {
            const runs = [];
            for (const element of document.querySelectorAll("body *")) {
              const text = [...element.childNodes].filter(node => node.nodeType === Node.TEXT_NODE)
                .map(node => node.textContent).join("");
              if (![...text].some(letter => letters.includes(letter))) continue;
              if (!element.checkVisibility()) continue;
              element.setAttribute(mark, runs.length);
              runs.push([runs.length, text]);
            }
            return runs;
        }""",
        [MARK, "".join(sorted(VIETNAMESE))],
    )


def font_problems(tab, url: str) -> list[str]:
    """Each Vietnamese run drawn by more than one font, or by a font that lacks one of its letters."""
    runs = dict(vietnamese_runs(tab))
    devtools = tab.context.new_cdp_session(tab)
    devtools.send("DOM.enable")
    devtools.send("CSS.enable")
    root = devtools.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    found = []
    for node in devtools.send("DOM.querySelectorAll", {"nodeId": root, "selector": f"[{MARK}]"})["nodeIds"]:
        attributes = devtools.send("DOM.getAttributes", {"nodeId": node})["attributes"]
        text = runs[int(attributes[attributes.index(MARK) + 1])]
        fonts = devtools.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        for _ in range(NOT_YET_DRAWN_RETRIES):  # a text the page's scripts just replaced is drawn at the next frame
            if fonts:
                break
            tab.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            fonts = devtools.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        shown = " ".join(text.split())[:40]
        families = sorted({font["familyName"] for font in fonts})  # its faces: regular, bold (a child <strong>)
        if len(families) != 1:
            found.append(f"/{url}: {shown!r} drawn with {families}")
            continue
        letters = {char for char in unicodedata.normalize("NFC", text) if char.strip()}
        for font in fonts:
            missing = letters - {chr(code) for code in font_letters(font["postScriptName"])}
            if missing:
                found.append(f"/{url}: {shown!r} drawn with {font['postScriptName']}, which lacks {sorted(missing)}")
    devtools.detach()
    return found


def test_vietnamese_is_drawn_with_one_font_that_has_every_letter(real_served, browser):
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    found, checked = [], 0
    for url in page_urls(real_served.site):
        tab.goto(real_served.base + url)
        checked += len(vietnamese_runs(tab))
        found += font_problems(tab, url)
    tab.close()
    assert checked > 1000  # both languages' pages hold Vietnamese (names in English pages)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize(
    "style,expected",
    [("font-family: monospace", "lacks"), ("font-family: Helvetica, Arial, 'DejaVu Sans', sans-serif", "drawn with [")],
)
def test_the_font_check_sees_a_broken_monospace_and_a_mixed_run(browser, style, expected):
    """Negative controls: DejaVu Sans Mono lacks 46 precomposed Vietnamese letters (Chromium then misplaces the
    marks), and Material's default stack mixes Liberation Sans and DejaVu Sans inside one word."""
    tab = browser.new_page()
    tab.set_content(f'<html lang="vi"><body><p style="{style}">Tây Hồ, dấu ấn tiêu biểu, Ủy ban</p></body></html>')
    found = font_problems(tab, "control")
    tab.close()
    assert len(found) == 1 and expected in found[0]
