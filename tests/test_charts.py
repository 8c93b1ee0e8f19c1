"""Chart geometry (tayho/charts.py) and text measuring (tayho/textwidth.py): every label and value of every chart of
the real record fits the chart's width as measured with DejaVu Sans, lines never overlap, and the chart's height
holds everything. The browser test (tests/test_every_page.py) checks the same in Chromium at every screen width."""

from __future__ import annotations

import pytest

from tayho import charts
from tayho.load import load_record
from tayho.textwidth import ASCENT, DESCENT, text_width, wrap

from .conftest import ROOT

RECORD = load_record(ROOT / "data" / "achievements.yaml", ROOT)
CHARTS = [(highlight, chart) for highlight in RECORD.highlights for chart in highlight.charts]
SIZE = charts.FONT_SIZE


def test_widths_come_from_the_font():
    assert text_width("W", SIZE) > text_width("i", SIZE) > 0
    assert text_width("Tây Hồ", SIZE) == pytest.approx(text_width("Ta\u0302y Ho\u0302\u0300", SIZE))  # NFD = NFC
    assert text_width("151", SIZE, bold=True) > text_width("151", SIZE)


def test_wrapping_keeps_every_word_and_fits_the_width():
    text = "lượt gia đình văn hóa - sức khỏe tiêu biểu được khen thưởng, biểu dương"
    lines = wrap(text, 150, SIZE)
    assert len(lines) > 1 and " ".join(lines) == text
    assert all(text_width(line, SIZE) <= 150 for line in lines)
    pieces = wrap("Đạiđoànkếttoàndântộc", 60, SIZE)  # a word wider than the line is broken
    assert len(pieces) > 1 and "".join(pieces) == "Đạiđoànkếttoàndântộc"
    assert all(text_width(piece, SIZE) <= 60 for piece in pieces)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("highlight,chart", CHARTS, ids=[chart.id for _, chart in CHARTS])
def test_every_label_and_value_fits_and_nothing_overlaps(highlight, chart, lang):
    view = charts.chart_view(RECORD, chart, lang)
    previous_bottom = 0.0
    for bar in view["bars"]:
        assert " ".join(line.text for line in bar.lines) == " ".join(bar.label.split())
        for line in bar.lines:
            assert text_width(line.text, SIZE) <= view["width"]
            assert line.y - SIZE * ASCENT >= previous_bottom  # below the previous line or row
            previous_bottom = line.y + SIZE * DESCENT
        assert bar.bar_y >= previous_bottom and 0 < bar.length <= view["width"]
        assert bar.value_x + text_width(bar.display, SIZE, bold=True) <= view["width"]
        assert bar.value_y - SIZE * ASCENT >= previous_bottom  # the value never touches the label above
        previous_bottom = max(bar.bar_y + charts.BAR_HEIGHT, bar.value_y + SIZE * DESCENT)
    assert previous_bottom <= view["height"]


def test_the_long_labels_of_the_festival_charts_are_broken_into_lines():
    """The labels that ran past the old 420-unit chart (three Vietnamese, one English) now take several lines."""
    festival = next(chart for highlight, chart in CHARTS if chart.id == "emulation-and-care")
    for lang in ("vi", "en"):
        view = charts.chart_view(RECORD, festival, lang)
        assert max(len(bar.lines) for bar in view["bars"]) > 1
