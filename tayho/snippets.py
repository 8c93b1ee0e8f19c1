"""The start of an entry's text that a search result shows: whole words up to a length, marked as cut, and never a
letter parted from its marks (nor half a flag or an emoji from its skin tone) where a text has no space to cut at."""

from __future__ import annotations

import unicodedata

CUT_MARK = "…"
TRAILING = " ,.;:–—-"  # left off before the mark
ZERO_WIDTH_JOINER = "\u200d"
SKIN_TONES = range(0x1F3FB, 0x1F400)
REGIONAL_INDICATORS = range(0x1F1E6, 0x1F200)  # two make a flag


def _joins_previous(text: str, index: int) -> bool:
    """Whether the character at `index` belongs to the same visible character as the one before it."""
    char = text[index]
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")  # a combining mark (variation selectors included)
        or ord(char) in SKIN_TONES
        or char == ZERO_WIDTH_JOINER
        or text[index - 1] == ZERO_WIDTH_JOINER
    )


def whole_characters_end(text: str, end: int) -> int:
    """The largest cut ≤ `end` that leaves no visible character in two parts."""
    while 0 < end < len(text) and _joins_previous(text, end):
        end -= 1
    if 0 < end < len(text) and ord(text[end]) in REGIONAL_INDICATORS:
        start = end
        while start > 0 and ord(text[start - 1]) in REGIONAL_INDICATORS:
            start -= 1
        end -= (end - start) % 2  # an odd number of indicators before the cut: the last one's pair is after it
    return end


def shown_text(text: str, length: int) -> str:
    """`text` when it fits in `length` characters, else its start cut after the last whole word that fits (or, when
    that would show less than half of `length`, after the last whole character) and marked with an ellipsis."""
    if len(text) <= length:
        return text
    limit = length - len(CUT_MARK)
    space = text.rfind(" ", 0, limit + 1)
    hard_cut = whole_characters_end(text, limit)
    shown = text[: space if space >= limit // 2 else hard_cut].rstrip(TRAILING)
    return (shown or text[:hard_cut]) + CUT_MARK
