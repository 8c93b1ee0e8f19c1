"""The reading experience in real Chromium (Debian's, with only the fonts the site names): the checks that
tests/test_every_page.py runs on every page of both languages, and their negative controls. A page is opened at
320 px and widened to 390, 768 and 1280 px: nothing is wider than the screen, every text of every chart stays inside
its SVG and is drawn at 14 px or more, no text is cut or spills out of its box or is smaller than 14 px. Each run of
Vietnamese text is drawn by one font (its regular or bold face) that has every one of its letters precomposed
(Chromium's own report, DevTools' CSS.getPlatformFontsForNode, which covers an element's text and its children's; a
run drawn exactly as one already checked is not asked again)."""

from __future__ import annotations

import functools
import subprocess
import unicodedata
from pathlib import Path

import pytest

from .test_a11y import NO_TRANSITIONS, SETTLED

pytestmark = [pytest.mark.browser]
WIDTHS = (320, 390, 768, 1280)
MINIMUM_PX = 14
LAYOUT = (Path(__file__).resolve().parent / "layout.js").read_text(encoding="utf-8")
# Letters that only Vietnamese (among the site's languages) writes: a run holding one of them is Vietnamese text.
VIETNAMESE = set(unicodedata.normalize("NFC", "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"))
VIETNAMESE |= {letter.upper() for letter in VIETNAMESE}
MARK = "data-tayho-font-probe"
NOT_YET_DRAWN_RETRIES = 5  # frames waited for a text that has no font yet (a script just replaced it)


def open_at_narrowest(tab, url: str) -> None:
    tab.set_viewport_size({"width": WIDTHS[0], "height": 900})
    tab.goto(url)
    tab.add_style_tag(content=NO_TRANSITIONS)  # the layout a reader sees once Material's transitions end


def layout_of_open_page(tab, url: str) -> list[str]:
    """The open page widened through every width (as a reader turns a phone or widens a window: Material lays the
    page out again on every resize), checked at each as it is once its transitions (the search box's width) have
    ended; the page is left at the widest."""
    found = []
    for width in WIDTHS:
        tab.set_viewport_size({"width": width, "height": 900})
        tab.wait_for_function(SETTLED)
        found += [f"/{url} at {width} px: {problem}" for problem in tab.evaluate(LAYOUT, MINIMUM_PX)]
    return found


def layout_problems(tab, base: str, urls: list[str]) -> list[str]:
    found = []
    for url in urls:
        open_at_narrowest(tab, base + url)
        found += layout_of_open_page(tab, url)
    return found


def test_a_page_too_wide_only_at_one_width_is_reported_at_that_width(browser):
    """The check runs again after each resize: a block that overflows only below 400 px is found at 320 and 390."""
    tab = browser.new_page()
    tab.route(
        "http://pages.test/**",
        lambda route: route.fulfill(
            content_type="text/html",
            body="<style>@media (max-width: 400px) { div { width: 500px } }</style><div>narrow only</div>",
        ),
    )
    found = layout_problems(tab, "http://pages.test/", ["page"])
    tab.close()
    assert [problem.split(":")[0] for problem in found] == ["/page at 320 px", "/page at 390 px"]


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


def vietnamese_runs(tab) -> list[tuple[str, str]]:
    """The elements of the open page whose own text is Vietnamese, in document order, marked for DevTools: for each,
    its text and what decides the fonts Chromium draws it with (its markup, font properties and language)."""
    return tab.evaluate(
        """([mark, letters]) => {
            const runs = [];
            for (const element of document.querySelectorAll("body *")) {
              const text = [...element.childNodes].filter(node => node.nodeType === Node.TEXT_NODE)
                .map(node => node.textContent).join("");
              if (![...text].some(letter => letters.includes(letter))) continue;
              if (!element.checkVisibility()) continue;
              element.setAttribute(mark, "");
              const style = getComputedStyle(element);
              const drawn = [element.outerHTML, style.fontFamily, style.fontWeight, style.fontStyle,
                             element.closest("[lang]")?.lang ?? ""];
              runs.push([text, JSON.stringify(drawn)]);
            }
            return runs;
        }""",
        [MARK, "".join(sorted(VIETNAMESE))],
    )


def font_problems(tab, url: str, seen: set[str] | None = None) -> list[str]:
    """Each Vietnamese run drawn by more than one font, or by a font that lacks one of its letters. A run drawn
    exactly as one already in `seen` (the same markup, font properties and language: the menus of every page) is
    not asked of DevTools again."""
    seen = set() if seen is None else seen
    runs = vietnamese_runs(tab)
    devtools = tab.context.new_cdp_session(tab)
    devtools.send("DOM.enable")
    devtools.send("CSS.enable")
    root = devtools.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    nodes = devtools.send("DOM.querySelectorAll", {"nodeId": root, "selector": f"[{MARK}]"})["nodeIds"]
    assert len(nodes) == len(runs)  # both in document order
    found = []
    for node, (text, drawn) in zip(nodes, runs, strict=True):
        if drawn in seen:
            continue
        seen.add(drawn)
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
