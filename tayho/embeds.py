"""Charts to take away: for each chart of each highlight, in each language, a page that shows the chart alone for an
<iframe> on another site (/embed/<highlight>/<chart>/), the chart as a standalone SVG and as a PNG, and its figures
as CSV; and what the highlight page offers beside the chart (the <iframe> snippet to copy and the downloads).

The embed page fetches nothing (its style is in the page, the chart is inline SVG), has no navigation or search,
fills whatever width and height the <iframe> gives it, and links back to the chart on the highlight page. The SVG
carries its title and source line, so the attribution travels with it; the PNG is that SVG drawn by resvg with the
shipped DejaVu fonts only, so its pixels do not depend on the fonts of the machine that builds it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from importlib.metadata import version
from pathlib import Path

from . import opendata, urls
from .charts import FONT_SIZE, chart_view
from .file_cache import FileCache
from .fonts import FONTS, fonts_digest
from .i18n import words
from .model import Chart, Highlight
from .render import call_macro
from .textwidth import text_width, wrap

PAGE, SVG_FILE, PNG_FILE, CSV_FILE = "index.html", "chart.svg", "chart.png", "figures.csv"
PNG_ZOOM = 3  # the PNG is three times the SVG's size: sharp on a slide or a high-density screen
PADDING = 16
TITLE_SIZE, TITLE_LINE = 16, 21
NOTE_SIZE, NOTE_LINE = 11, 15
FRAME_WIDTH = 420  # the widest the chart is drawn on the embed page; the snippet's height fits it at that width
FRAME_TEXT = 130  # room on the embed page for the title, the source line and the link back


def folder(highlight_id: str, chart_id: str) -> str:
    """Where a chart's embed page and files are, from its language's root."""
    return f"{urls.EMBED_DIR}{highlight_id}/{chart_id}/"


def charts(record) -> list[tuple[Highlight, Chart]]:
    return [(highlight, chart) for highlight in record.highlights for chart in highlight.charts]


@dataclasses.dataclass(frozen=True)
class ChartFiles:
    """A chart's embed page, its downloads and the <iframe> snippet, as the highlight page links them."""

    page: str
    svg: str
    png: str | None  # None in a build that draws no images (the quick preview)
    csv: str
    svg_name: str  # the file name a download is saved as
    png_name: str
    csv_name: str
    snippet: str


def chart_files(site, highlight: Highlight, chart: Chart, page_url: str) -> ChartFiles:
    """The links from the highlight page at `page_url` to one chart's embed page and files."""
    base = folder(highlight.id, chart.id)
    name = f"tayho-archive-{highlight.id}-{chart.id}-{site.lang}"
    view = chart_view(site.record, chart, site.lang)
    snippet_view = {
        "src": site.links.absolute_file(base),
        "title": f"{view['title']} ({highlight.order}. {highlight.title[site.lang]})",
        "height": round(view["height"] * FRAME_WIDTH / view["width"]) + FRAME_TEXT,
    }
    return ChartFiles(
        page=site.links.file(base, page_url),
        svg=site.links.file(base + SVG_FILE, page_url),
        png=site.links.file(base + PNG_FILE, page_url) if site.pdf else None,  # drawn with the PDFs
        csv=site.links.file(base + CSV_FILE, page_url),
        svg_name=f"{name}.svg",
        png_name=f"{name}.png",
        csv_name=f"tayho-archive-{highlight.id}-{chart.id}.csv",
        snippet=str(call_macro(site.env, "embed.html", "snippet", snippet_view)),
    )


def _credit(site) -> dict:
    """The source line every copy of a chart carries."""
    text, record = words(site.lang), site.record
    root = site.links.languages.root
    return {
        "source": text.chart_source.format(source=record.term.source.title[root]),
        "credit": text.chart_credit.format(editors=text.editors),
    }


def _lines(texts: list[str], size: int, line: int, top: int, width: float, bold: bool = False) -> tuple[list, int]:
    """Texts broken to `width`, as (text, baseline) pairs from `top`; and the y below them."""
    placed, y = [], top
    for text in texts:
        for part in wrap(text, width, size, bold):
            y += line
            placed.append({"text": part, "y": y - round(line * 0.25)})
    return placed, y


def svg_view(site, highlight: Highlight, chart: Chart) -> dict:
    """The standalone SVG: the title at the top, the chart, then the source and credit lines."""
    view = chart_view(site.record, chart, site.lang)
    inner = view["width"]
    credit = _credit(site)
    title, y = _lines([view["title"]], TITLE_SIZE, TITLE_LINE, PADDING - 4, inner, bold=True)
    chart_top = y + 10
    address = site.links.absolute(urls.highlight_page(highlight.id))
    notes, bottom = _lines(
        [credit["source"], credit["credit"], address], NOTE_SIZE, NOTE_LINE, chart_top + view["height"] + 12, inner
    )
    # an address is not broken: the drawing is as wide as it needs
    widest = max(inner, math.ceil(text_width(address, NOTE_SIZE)))
    return {
        "lang": site.lang,
        "chart": view,
        "width": widest + 2 * PADDING,
        "height": bottom + PADDING,
        "padding": PADDING,
        "title_lines": title,
        "title_size": TITLE_SIZE,
        "note_lines": notes,
        "note_size": NOTE_SIZE,
        "chart_top": chart_top,
        "font_size": FONT_SIZE,
    }


def page_view(site, highlight: Highlight, chart: Chart) -> dict:
    """The embed page of one chart."""
    text = words(site.lang)
    view = chart_view(site.record, chart, site.lang)
    page = urls.highlight_page(highlight.id)
    back = site.links.absolute(page, fragment=urls.anchor("chart", chart.id))
    rows = [
        {"label": bar.label, "display": bar.display, "href": site.links.absolute(page, fragment=bar.figure_anchor)}
        for bar in view["bars"]
    ]
    return {
        "lang": site.lang,
        "title": f"{view['title']} · {highlight.order}. {highlight.title[site.lang]}",
        "page_title": f"{highlight.order}. {highlight.title[site.lang]}",
        "chart": view,
        "rows": rows,
        "back": back,
        "credit": _credit(site),
        "frame_width": FRAME_WIDTH,
        "words": text,
    }


def render_png(svg: str) -> bytes:
    """The SVG drawn at PNG_ZOOM times its size, with the shipped fonts and no other."""
    import resvg_py

    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg,
            zoom=PNG_ZOOM,
            skip_system_fonts=True,
            font_dirs=[str(FONTS)],
            font_family="DejaVu Sans",
            sans_serif_family="DejaVu Sans",
            background="#ffffff",
        )
    )


def svg_document(site, highlight: Highlight, chart: Chart) -> str:
    return str(call_macro(site.env, "embed.html", "svg_document", svg_view(site, highlight, chart))) + "\n"


def write_embeds(site, language_site: Path) -> None:
    """Every chart's embed page, SVG and CSV, into one language's built folder (the PNGs: write_chart_pngs)."""
    languages = tuple(site.links.languages)
    for highlight, chart in charts(site.record):
        target = language_site / folder(highlight.id, chart.id)
        target.mkdir(parents=True, exist_ok=True)
        page = call_macro(site.env, "embed.html", "page", page_view(site, highlight, chart))
        (target / PAGE).write_text(str(page) + "\n", encoding="utf-8")
        (target / SVG_FILE).write_text(svg_document(site, highlight, chart), encoding="utf-8")
        rows = opendata.figures_csv(site.record, languages, highlight.id, tuple(chart.figures))
        (target / CSV_FILE).write_text(rows, encoding="utf-8", newline="")


def _png_key(svg: str) -> str:
    digest = hashlib.sha256(svg.encode("utf-8"))
    digest.update(f"{PNG_ZOOM} resvg-py {version('resvg-py')}".encode())
    digest.update(fonts_digest().encode("ascii"))
    return digest.hexdigest()


def write_chart_pngs(site, language_site: Path, cache: FileCache) -> list[str]:
    """Every chart's PNG, drawn from its SVG with the images of a full build (from the cache when unchanged), so
    that the quick preview of `tayho serve` does not wait for them; the cache keys used."""
    used = []
    for highlight, chart in charts(site.record):
        charted = language_site / folder(highlight.id, chart.id)
        svg = (charted / SVG_FILE).read_text(encoding="utf-8")  # as write_embeds wrote it
        key = _png_key(svg)
        cache.copy(key, lambda svg=svg: render_png(svg), charted / PNG_FILE)
        used.append(key)
    return used


def chart_tools(site, highlight: Highlight, page_url: str) -> list[ChartFiles | None]:
    """Per chart of a highlight, in order, the files the page links beside it (none in the offline copy)."""
    if site.offline:
        return [None for _ in highlight.charts]
    return [chart_files(site, highlight, chart, page_url) for chart in highlight.charts]
