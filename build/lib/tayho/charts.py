"""Bar-chart geometry for a chart of figures: positions and lengths in SVG units, computed in Python."""

from __future__ import annotations

import dataclasses

from . import urls
from .model import Chart, Record
from .numbers import format_figure

WIDTH = 420
LABEL_HEIGHT = 20
BAR_HEIGHT = 18
ROW_GAP = 14
VALUE_ROOM = 150  # space kept right of the longest bar for its value


@dataclasses.dataclass(frozen=True)
class Bar:
    label: str
    display: str
    figure_anchor: str
    label_y: int
    bar_y: int
    length: float
    value_x: float
    value_y: int


def chart_view(record: Record, chart: Chart, lang: str) -> dict:
    """Everything the chart macro prints: title, description, one bar per figure, and the text-table rows."""
    figures = [record.figure(ref) for ref in chart.figures]
    largest = max(float(figure.value) for figure in figures) or 1.0
    usable = WIDTH - VALUE_ROOM
    bars = []
    for index, figure in enumerate(figures):
        top = index * (LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)
        length = round(usable * float(figure.value) / largest, 1)
        bars.append(
            Bar(
                label=figure.label[lang],
                display=format_figure(figure, lang),
                figure_anchor=urls.anchor("fig", figure.id),
                label_y=top + 14,
                bar_y=top + LABEL_HEIGHT,
                length=max(length, 1.0),
                value_x=max(length, 1.0) + 6,
                value_y=top + LABEL_HEIGHT + 14,
            )
        )
    height = len(figures) * (LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP) - ROW_GAP
    return {
        "anchor": urls.anchor("chart", chart.id),
        "title": chart.title[lang],
        "description": chart.description[lang],
        "width": WIDTH,
        "height": height,
        "bars": bars,
    }
