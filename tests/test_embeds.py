"""Charts to take away, on the real record in both languages: each chart's embed page, standalone SVG, PNG and CSV
as the files are written, and as a press officer uses them in Chromium: the page inside a 300 px <iframe> of the
height the copied snippet states, the snippet itself, the downloads, and axe on the embed pages."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
from PIL import Image

from tayho.embeds import PNG_ZOOM
from tayho.i18n import words
from tayho.load import load_record

from .conftest import ROOT
from .html import page

RECORD = load_record(ROOT / "data" / "achievements.yaml", ROOT)
SVG = "{http://www.w3.org/2000/svg}"
CHARTS = [(highlight, chart) for highlight in RECORD.highlights for chart in highlight.charts]
LANGUAGES = [("", "vi"), ("en/", "en")]


def embed_folder(site, prefix, highlight, chart):
    return site / prefix / "embed" / highlight.id / chart.id


def test_the_real_record_has_charts_to_embed():
    assert len(CHARTS) >= 5


@pytest.mark.build
@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_each_chart_has_an_svg_with_its_title_and_source_a_png_of_it_and_a_csv_of_its_figures(
    real_site_with_pdf, prefix, lang
):
    real_site = real_site_with_pdf  # the PNGs are drawn with the PDFs and share images
    for highlight, chart in CHARTS:
        folder = embed_folder(real_site, prefix, highlight, chart)
        svg = ElementTree.parse(folder / "chart.svg").getroot()
        assert svg.find(f"{SVG}title").text == chart.title[lang]
        text = " ".join("".join(element.itertext()) for element in svg.iter(f"{SVG}text"))
        for figure_id in chart.figures:
            assert RECORD.figure(figure_id).label[lang].split()[0] in text
        assert words(lang).chart_credit.format(editors=words(lang).editors).split(",")[0] in text
        assert f"{highlight.id}/" in text  # the address of the highlight page
        with Image.open(folder / "chart.png") as image:
            assert image.format == "PNG"
            assert image.size == (int(svg.get("width")) * PNG_ZOOM, int(svg.get("height")) * PNG_ZOOM)
            colours = {colour for _, colour in image.convert("RGB").getcolors(1 << 20)}
            assert (0x9B, 0x1C, 0x1C) in colours  # the bars are drawn
        rows = list(csv.DictReader(io.StringIO((folder / "figures.csv").read_text(encoding="utf-8"))))
        assert [row["id"] for row in rows] == list(chart.figures)
        assert [row["value"] for row in rows] == [str(RECORD.figure(ref).value) for ref in chart.figures]


@pytest.mark.build
@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_an_embed_page_fetches_nothing_and_links_back_to_the_chart(real_served, prefix, lang):
    real_site, base = real_served.site, real_served.base
    for highlight, chart in CHARTS:
        text = (embed_folder(real_site, prefix, highlight, chart) / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in text and '<meta name="robots" content="noindex">' in text
        assert "<script" not in text and '<link rel="stylesheet"' not in text and " src=" not in text
        back = f"{base}{prefix}{highlight.id}/#chart-{chart.id}"
        assert f'<link rel="canonical" href="{back}">' in text and f'href="{back}" target="_blank"' in text
        hrefs = [href for href in re.findall(r'href="([^"]+)"', text) if href != "data:,"]  # no favicon request
        assert all(href.startswith(base) for href in hrefs), hrefs


def chart_tools(site, prefix, highlight):
    """Per chart of a highlight page, the snippet its Embed button copies and its download links."""
    source = page(site, f"{prefix}{highlight.id}/").read_text(encoding="utf-8")
    found = []
    for block in source.split('<div class="tayho-chart__tools"')[1:]:
        block = block.split("</div>")[0]
        snippet = html.unescape(re.search(r'data-clipboard-text="([^"]+)"', block).group(1))
        downloads = dict(re.findall(r'<a href="([^"]+)" download="([^"]+)"', block))
        found.append((snippet, downloads))
    return found


def check_chart_tools(real_site, base, prefix, lang, drawn: bool) -> None:
    for highlight in RECORD.highlights:
        tools = chart_tools(real_site, prefix, highlight)
        assert len(tools) == len(highlight.charts)
        for chart, (snippet, downloads) in zip(highlight.charts, tools, strict=True):
            iframe = ElementTree.fromstring(snippet)
            assert iframe.tag == "iframe" and iframe.get("title").startswith(chart.title[lang])
            assert iframe.get("src") == f"{base}{prefix}embed/{highlight.id}/{chart.id}/"
            assert int(iframe.get("height")) > 100
            page_url = f"{base}{prefix}{highlight.id}/"
            files = {urlsplit(urljoin(page_url, href)).path.rsplit("/", 1)[1]: name for href, name in downloads.items()}
            expected = {
                "chart.svg": f"tayho-archive-{highlight.id}-{chart.id}-{lang}.svg",
                "figures.csv": f"tayho-archive-{highlight.id}-{chart.id}.csv",
            }
            if drawn:
                expected["chart.png"] = f"tayho-archive-{highlight.id}-{chart.id}-{lang}.png"
            assert files == expected
            for href in downloads:
                assert (real_site / urlsplit(urljoin(page_url, href)).path.lstrip("/")).is_file()


@pytest.mark.build
@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_beside_each_chart_the_page_offers_the_snippet_and_the_three_downloads(real_site_with_pdf, prefix, lang):
    check_chart_tools(real_site_with_pdf, "https://tayho-archive.github.io/", prefix, lang, drawn=True)


@pytest.mark.build
@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_a_quick_preview_offers_no_png_it_did_not_draw(real_served, prefix, lang):
    check_chart_tools(real_served.site, real_served.base, prefix, lang, drawn=False)
    assert not list(real_served.site.rglob("chart.png"))


# --- In Chromium --------------------------------------------------------------------------------------------------


@pytest.fixture
def press_context(browser, real_served):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=real_served.base.rstrip("/"))
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.requests = requests
    yield tab
    context.close()


def copied_snippet(tab, base, prefix, highlight, chart) -> str:
    tab.goto(f"{base}{prefix}{highlight.id}/")
    tab.evaluate("navigator.clipboard.writeText('')")
    tab.locator(f"#chart-{chart.id} .tayho-chart__tools .tayho-copy").click()
    return tab.evaluate("navigator.clipboard.readText()")


@pytest.mark.browser
@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_each_embed_fits_a_300_px_iframe_of_the_height_its_snippet_states(real_served, press_context, prefix, lang):
    """The snippet is copied from the page as a press officer copies it, pasted into a host page 300 px wide;
    the chart shows whole, with no scrolling either way, and the frame asks nothing of any other host."""
    check_each_chart_in_a_host_page(press_context, real_served.base, prefix)


def check_each_chart_in_a_host_page(tab, base, prefix):
    """The host page is answered by the browser itself at an address of the site's host (the site is shared with
    other tests and never written to)."""
    host: dict[str, str] = {}
    tab.route(
        base + "host.html", lambda route: route.fulfill(content_type="text/html; charset=utf-8", body=host["page"])
    )
    for highlight, chart in CHARTS:
        snippet = copied_snippet(tab, base, prefix, highlight, chart)
        assert snippet.startswith("<iframe ") and f"/{prefix}embed/{highlight.id}/{chart.id}/" in snippet
        host["page"] = f'<!doctype html><html lang="en"><title>host</title><div style="width:300px">{snippet}</div>'
        tab.requests.clear()
        tab.goto(base + "host.html")
        tab.wait_for_load_state("networkidle")
        frame = tab.frame_locator("iframe").locator("main")
        frame.locator("svg").wait_for()
        sizes = frame.evaluate(
            "main => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
            " document.documentElement.scrollHeight, document.documentElement.clientHeight,"
            " main.querySelector('svg').getBoundingClientRect().width]"
        )
        scroll_width, client_width, scroll_height, client_height, chart_width = sizes
        assert client_width == 300 and scroll_width <= client_width, (chart.id, sizes)
        assert scroll_height <= client_height, (chart.id, sizes)
        assert chart_width >= 250, (chart.id, sizes)  # the chart uses the width it has
        assert {urlsplit(url).netloc for url in tab.requests} == {urlsplit(base).netloc}
        assert len([url for url in tab.requests if "/embed/" in url]) == 1  # the embed page and nothing else


@pytest.mark.browser
@pytest.mark.parametrize("prefix,lang", LANGUAGES)
def test_the_downloads_beside_a_chart_are_its_files(real_served, press_context, prefix, lang):
    tab, base = press_context, real_served.base
    highlight, chart = CHARTS[0]
    tab.goto(f"{base}{prefix}{highlight.id}/")
    folder = embed_folder(real_served.site, prefix, highlight, chart)
    for label, file in (("SVG", "chart.svg"), ("CSV", "figures.csv")):  # the PNG: drawn in full builds only
        with tab.expect_download() as download_info:
            tab.locator(f"#chart-{chart.id} .tayho-chart__tools a", has_text=label).click()
        download = download_info.value
        assert download.suggested_filename.endswith("." + file.rsplit(".", 1)[1])
        assert download.suggested_filename.startswith(f"tayho-archive-{highlight.id}-{chart.id}")
        assert Path(download.path()).read_bytes() == (folder / file).read_bytes()


@pytest.mark.browser
def test_axe_finds_no_violation_on_any_embed_page(real_served, browser):
    from .test_a11y import AXE, AXE_RUN, WCAG_TAGS

    context = browser.new_context(viewport={"width": 300, "height": 400})
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    found = []
    for prefix, _ in LANGUAGES:
        for highlight, chart in CHARTS:
            url = f"{real_served.base}{prefix}embed/{highlight.id}/{chart.id}/"
            tab.goto(url)
            result = tab.evaluate(AXE_RUN, WCAG_TAGS)
            found += [f"{url}: {violation['id']} {violation['help']}" for violation in result["violations"]]
    context.close()
    assert found == [], "\n".join(found)
