"""Accessibility in real Chromium: the axe-core check (WCAG 2.2 AA rules, in both colour schemes) that
tests/test_every_page.py runs on every page of both languages, its negative controls, the colour-scheme toggle and
the language switcher by keyboard. (Screenshots for review: `make screenshots`.)"""

from __future__ import annotations

import pytest

from .conftest import ROOT

pytestmark = [pytest.mark.browser]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Every rule of these tags runs; only violations are gathered in full (axe's documented option for speed: passes
# and inapplicable rules are reported with one node each).
AXE_RUN = "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
# What a change of colour scheme changes: the colours (the rules about them run on the whole page again) and which
# of the palette toggle's labels shows (every rule runs on the toggle again).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_RUN_AFTER_SCHEME_CHANGE = """async ([tags, rules]) => {
  const colours = await axe.run(document, {runOnly: {type: 'rule', values: rules}, resultTypes: ['violations']});
  const toggle = await axe.run({include: [['form[data-md-component=palette]']]},
                               {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return {violations: colours.violations.concat(toggle.violations)};
}"""


@pytest.fixture
def real(real_served):
    """The real record, built for and served on 127.0.0.1."""
    return real_served.base, real_served.site


SCHEMES = {"light": "default", "dark": "slate"}  # the reader's system setting: the scheme Material's body shows
SETTLED = "() => document.getAnimations().every(animation => animation.playState !== 'running')"
# Colours change at once when the scheme does (what Playwright's screenshots do with animations="disabled"): axe
# reads the colours a reader sees once the transition has ended, without waiting for it on every page.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def axe_problems_in_both_schemes(tab, url: str) -> tuple[list[str], tuple[str, str]]:
    """axe on the open page as a reader whose system is light sees it; then the system turns dark (Material follows
    it at once, as it does when a phone switches to its night mode) and axe checks again what a scheme changes: every
    colour of the page, and the palette toggle. The page must have been opened with axe-core as its context's init
    script and NO_TRANSITIONS added. Returns the violations and the page's background in each scheme."""
    found, backgrounds = [], []
    for system, shown in SCHEMES.items():
        tab.emulate_media(color_scheme=system)
        tab.wait_for_function("scheme => document.body.dataset.mdColorScheme === scheme", arg=shown)
        tab.wait_for_function(SETTLED)  # no colour still changing
        if system == "light":
            result = tab.evaluate(AXE_RUN, WCAG_TAGS)
        else:
            result = tab.evaluate(AXE_RUN_AFTER_SCHEME_CHANGE, [WCAG_TAGS, COLOUR_RULES])
        backgrounds.append(tab.evaluate("getComputedStyle(document.body).backgroundColor"))
        for violation in result["violations"]:
            targets = [" ".join(node["target"]) for node in violation["nodes"]][:3]
            rule = f"{violation['id']} ({violation['impact']}) {violation['help']}"
            found.append(f"{url} ({system}): {rule} at {targets}")
    return found, (backgrounds[0], backgrounds[1])


def require_axe() -> None:
    if not AXE.is_file():
        pytest.fail("node_modules is missing: run `npm ci --ignore-scripts` (make test does it)")


def test_axe_does_report_a_violation_when_there_is_one(browser):
    tab = browser.new_page()
    tab.set_content('<html><body><img src="data:,"><p style="color:#eee;background:#fff">faint</p></body></html>')
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(AXE_RUN, WCAG_TAGS)
    assert {"image-alt", "color-contrast"} <= {violation["id"] for violation in result["violations"]}
    tab.close()


def test_after_a_change_of_scheme_axe_still_reports_colours_and_the_toggle(browser):
    """The check run after the system turns dark: faint text anywhere, and any violation in the palette toggle."""
    tab = browser.new_page()
    tab.set_content(
        '<html><body><img src="data:,"><p style="color:#222;background:#000">faint</p>'
        '<form data-md-component="palette"><input type="radio"></form></body></html>'
    )
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate(AXE_RUN_AFTER_SCHEME_CHANGE, [WCAG_TAGS, COLOUR_RULES])
    found = {violation["id"] for violation in result["violations"]}
    assert {"color-contrast", "label"} <= found and "image-alt" not in found  # the image is not the scheme's
    tab.close()


def scheme_after_clicks(tab, clicks: int) -> str:
    for _ in range(clicks):
        tab.locator("form[data-md-component=palette] label:not([hidden])").click()
    return tab.evaluate("document.body.dataset.mdColorScheme")


@pytest.mark.parametrize("system,shown", [("light", ["default", "default", "slate"]), ("dark", ["slate", "default"])])
def test_the_scheme_follows_the_system_until_the_reader_chooses_one(real, browser, system, shown):
    """Automatic first (the system's scheme), then light, then dark; the choice holds on the next page."""
    base, _ = real
    context = browser.new_context(color_scheme=system)
    tab = context.new_page()
    tab.goto(base + "supervision/")
    assert [scheme_after_clicks(tab, clicks) for clicks in (0, 1, 1)][: len(shown)] == shown
    chosen = tab.evaluate("document.body.dataset.mdColorScheme")
    tab.goto(base + "en/timeline/")
    assert tab.evaluate("document.body.dataset.mdColorScheme") == chosen
    context.close()


def test_a_dark_system_gets_a_dark_page_before_materials_script_runs(real, browser):
    """The page is drawn dark from the start: the inline script in the header sets the scheme, even when
    Material's deferred script never arrives."""
    base, _ = real
    context = browser.new_context(color_scheme="dark")
    context.route("**/bundle.*.min.js", lambda route: route.abort())
    tab = context.new_page()
    tab.goto(base + "covid-19/")
    background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert background != "rgb(255, 255, 255)" and background.startswith("rgb(")


@pytest.mark.parametrize("prefix,label", [("", "Chọn ngôn ngữ"), ("en/", "Select language")])
def test_language_switcher_is_reachable_by_keyboard_and_labelled_in_the_page_language(real, browser, prefix, label):
    base, _ = real
    tab = browser.new_page()
    tab.goto(base + prefix + "covid-19/")
    for _ in range(40):
        tab.keyboard.press("Tab")
        if tab.evaluate("document.activeElement.closest('.md-select') !== null"):
            break
    focused = tab.evaluate("[document.activeElement.getAttribute('aria-label'), document.activeElement.tagName]")
    assert focused == [label, "BUTTON"]
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.classList.contains('md-select__link')")
    tab.close()
