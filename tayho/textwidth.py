"""How wide a line of text is drawn, measured from the DejaVu Sans shipped with the archive (tayho/pdf/fonts/).

DejaVu Sans is the widest face of the site's font stack (tayho.css names it for systems without the others), so
a line measured with it is at most as wide in any font the stack picks: charts lay out their labels with it.
"""

from __future__ import annotations

import functools
import unicodedata

from .fonts import FONTS

FACES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
ASCENT = 1901 / 2048  # of the font size: the line box above and below the baseline (DejaVu Sans' hhea metrics)
DESCENT = 483 / 2048


@functools.cache
def _advances(bold: bool) -> tuple[dict[int, int], int, int]:
    """The advance width of each character (in font units), the widest one, and the font's units per em."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(FONTS / FACES[bold]), lazy=True)
    metrics = font["hmtx"]
    advances = {code: metrics[glyph][0] for code, glyph in font.getBestCmap().items()}
    return advances, max(advances.values()), font["head"].unitsPerEm


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` (one line, NFC) at font size `size`; a character the font lacks counts as its widest."""
    advances, widest, units = _advances(bold)
    total = sum(advances.get(ord(char), widest) for char in unicodedata.normalize("NFC", text))
    return total * size / units


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """`text` broken at spaces into lines no wider than `width`; a word wider than a line is broken between its
    characters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:
            if line and text_width(line + char, size, bold) > width:
                lines.append(line)
                line = ""
            line += char
    if line:
        lines.append(line)
    return lines
