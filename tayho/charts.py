"""Bar-chart geometry for a chart of figures: positions and lengths in SVG units, computed in Python.

The chart is drawn for the narrowest screen: WIDTH units fit in the text column of a 320 px phone, so the SVG is
never scaled down there and its text is drawn at FONT_SIZE px or larger at every width (tayho.css lets it grow up
to 1.1 times as wide on wider screens, with `max-width`). Each bar's label sits above it, broken into lines that
fit the width as measured with the widest font of the site's stack (tayho/textwidth.py); the value follows the
bar, or goes under it when the values are too wide to share the line.
"""

from __future__ import annotations

import dataclasses
import math

from . import urls
from .model import Chart, Record
from .numbers import format_figure
from .textwidth import ASCENT, DESCENT, text_width, wrap

WIDTH = 280
FONT_SIZE = 15
LINE_HEIGHT = 19  # more than the font's line box (1.164 em), so that lines never overlap
BAR_HEIGHT = 16
GAP = 6  # between a bar and its value, and between a label and its bar
ROW_GAP = 14
SAFETY = 0.96  # labels are broken to fit this share of the width (kerning and rounding)
TOP = round(FONT_SIZE * ASCENT) + 1  # the first baseline: the line box starts inside the chart
BELOW = round(FONT_SIZE * DESCENT) + 1  # room under the last baseline


@dataclasses.dataclass(frozen=True)
class Line:
    text: str
    y: int


@dataclasses.dataclass(frozen=True)
class Bar:
    label: str
    lines: list[Line]
    display: str
    figure_anchor: str
    bar_y: int
    length: float
    value_x: float
    value_y: int


def _value_baseline(bar_y: int) -> int:
    """The baseline that centres a value's digits on its bar."""
    return bar_y + round(BAR_HEIGHT / 2 + FONT_SIZE * 0.36)


def chart_view(record: Record, chart: Chart, lang: str) -> dict:
    """Everything the chart macro prints: title, description, one bar per figure, and the text-table rows."""
    figures = [record.figure(ref) for ref in chart.figures]
    displays = [format_figure(figure, lang) for figure in figures]
    room = max(text_width(display, FONT_SIZE, bold=True) for display in displays) + GAP
    values_beside = room <= WIDTH / 2
    usable = WIDTH - room if values_beside else WIDTH
    largest = max(float(figure.value) for figure in figures) or 1.0
    bars, top = [], 0
    for figure, display in zip(figures, displays, strict=True):
        label = figure.label[lang]
        lines = [
            Line(text, top + TOP + index * LINE_HEIGHT)
            for index, text in enumerate(wrap(label, WIDTH * SAFETY, FONT_SIZE))
        ]
        bar_y = lines[-1].y + BELOW + GAP
        length = max(math.floor(usable * float(figure.value) / largest * 10) / 10, 1.0)
        if values_beside:
            value_x, value_y, bottom = length + GAP, _value_baseline(bar_y), bar_y + BAR_HEIGHT
        else:
            value_x, value_y = 0, bar_y + BAR_HEIGHT + GAP + TOP
            bottom = value_y + BELOW
        bars.append(Bar(label, lines, display, urls.anchor("fig", figure.id), bar_y, length, value_x, value_y))
        top = max(bottom, _value_baseline(bar_y) + BELOW) + ROW_GAP
    return {
        "anchor": urls.anchor("chart", chart.id),
        "title": chart.title[lang],
        "description": chart.description[lang],
        "width": WIDTH,
        "height": top - ROW_GAP,
        "font_size": FONT_SIZE,
        "bar_height": BAR_HEIGHT,
        "bars": bars,
    }
