"""Share images: the card a messenger or a social app shows for a link to the archive (1200 × 630 PNG, Open Graph).

One per highlight (its number, title and headline figure, in the page's language) and one for the record (its
title and term), drawn at build time with Pillow in the project's own font (tayho/pdf/fonts), so Vietnamese letters
keep their marks on any machine and no font is fetched. An image is named in .tayho-cache/images/ by the hash of
what it shows and how it is drawn: an unchanged card costs a copy, and its bytes do not depend on the machine.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

from . import urls
from .file_cache import FileCache
from .fonts import FONTS, fonts_digest
from .i18n import words
from .numbers import format_figure

WIDTH, HEIGHT = 1200, 630
PAPER, INK, RED, PALE, GREY = "#faf7f5", "#1d1b1a", "#9b1c1c", "#ffffff", "#5b5552"


@dataclasses.dataclass(frozen=True)
class Card:
    """What one share image shows, as text (already in its language)."""

    number: str  # the highlight's number, or the number of highlights for the record's card
    number_caption: str
    kicker: str  # the body and the term
    title: str
    figure: str  # the headline figure, formatted, or ""
    figure_label: str
    host: str
    name: str  # the file name: <highlight id>.png or record.png

    @property
    def alt(self) -> str:
        """The image's text alternative (og:image:alt)."""
        parts = [self.kicker, self.title, f"{self.figure} {self.figure_label}".strip()]
        return " — ".join(part for part in parts if part)


def cards(site) -> list[Card]:
    """Every share image of one language build: the record's, then each highlight's."""
    return [card_for(site, None)] + [card_for(site, highlight.id) for highlight in site.record.highlights]


def card_for(site, highlight_id: str | None) -> Card:
    """The card of one highlight, or the record's (for every other page)."""
    record, lang = site.record, site.lang
    host = urlsplit(site.links.site_url).netloc
    kicker = f"{record.term.short_name[lang]} · {record.term.start_year}–{record.term.end_year}"
    count = len(record.highlights)
    if highlight_id is None:
        return Card(
            str(count), words(lang).share_highlights, kicker, record.term.title[lang], "", "", host, "record.png"
        )
    highlight = record.highlight(highlight_id)
    figure = next((f for f in highlight.figures if f.headline), None)
    return Card(
        str(highlight.order), f"/ {count}", kicker, highlight.title[lang],
        format_figure(figure, lang) if figure else "", figure.label[lang] if figure else "", host,
        f"{highlight.id}.png",
    )  # fmt: skip


def image_path(name: str) -> str:
    """Where a card lives, from its language's root."""
    return urls.SHARE_DIR + name


def _font(size: int, bold: bool = False):
    from PIL import ImageFont

    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def _wrap(text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if font.getlength(trial) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    return lines + ([line] if line else [])


def _fitted(text: str, sizes: tuple[int, ...], width: int, max_lines: int, bold: bool = True):
    """The largest of `sizes` at which `text` fits in `max_lines` lines (cut with … at the smallest)."""
    for size in sizes:
        font = _font(size, bold)
        lines = _wrap(text, font, width)
        if len(lines) <= max_lines and all(font.getlength(line) <= width for line in lines):
            return font, lines
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while font.getlength(lines[-1] + " …") > width and " " in lines[-1]:
            lines[-1] = lines[-1].rsplit(" ", 1)[0]
        lines[-1] += " …"
    # a word wider than the card (a long name or address, a script written without spaces) is cut with …, never
    # drawn past the edge
    return font, [_cut(line, font, width) for line in lines]


def _cut(line: str, font, width: int) -> str:
    """`line`, or as much of it as fits in `width` followed by …"""
    if font.getlength(line) <= width:
        return line
    low, high = 0, len(line)  # the longest prefix that fits with its …
    while low < high:
        middle = (low + high + 1) // 2
        if font.getlength(line[:middle].rstrip() + "…") <= width:
            low = middle
        else:
            high = middle - 1
    return line[:low].rstrip() + "…"


def draw(card: Card) -> bytes:
    """The PNG of a card: the number on a band at the left; at the right, from the top, the kicker and the title,
    and from the bottom, the address, then the headline figure and its label above it."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 0, 300, HEIGHT), fill=RED)
    number_font = _font(200 if len(card.number) < 3 else 150, bold=True)
    pen.text((150, 270), card.number, font=number_font, fill=PALE, anchor="ms")
    pen.text((150, 330), card.number_caption, font=_font(30), fill=PALE, anchor="ms")
    left, width = 350, WIDTH - 350 - 60
    kicker_font, kicker_lines = _fitted(card.kicker, (28, 24, 20), width, 1)
    pen.text((left, 70), kicker_lines[0], font=kicker_font, fill=RED)
    bottom = HEIGHT - 50
    host_font, host_lines = _fitted(card.host, (24,), width, 1, bold=False)
    pen.text((left, bottom), host_lines[0], font=host_font, fill=GREY)
    title_bottom = bottom - 40
    if card.figure:
        label_font, label_lines = _fitted(card.figure_label, (30, 26), width, 2, bold=False)
        label_top = bottom - 30 - len(label_lines) * 36
        for index, line in enumerate(label_lines):
            pen.text((left, label_top + index * 36), line, font=label_font, fill=INK)
        figure_font, figure_lines = _fitted(card.figure, (72, 60, 48), width, 1)
        figure_top = label_top - 14 - figure_font.size
        pen.text((left, figure_top), figure_lines[0], font=figure_font, fill=RED)
        title_bottom = figure_top - 30
    y = 130
    for size in (54, 48, 42, 36, 32):
        title_lines = int((title_bottom - y) // (size * 1.25))
        if title_lines >= 1 and len(_wrap(card.title, _font(size, True), width)) <= title_lines:
            break
    title_font, lines = _fitted(card.title, (size,), width, max(title_lines, 1))
    for line in lines:
        pen.text((left, y), line, font=title_font, fill=INK)
        y += int(title_font.size * 1.25)
    output = io.BytesIO()
    image.save(output, format="PNG", compress_level=9)
    return output.getvalue()


def _key(card: Card) -> str:
    digest = hashlib.sha256(repr(dataclasses.astuple(card)).encode("utf-8"))
    digest.update(Path(__file__).read_bytes())
    digest.update(version("pillow").encode("utf-8"))
    digest.update(fonts_digest().encode("ascii"))
    return digest.hexdigest()


def write_cards(site, language_site: Path, cache: FileCache) -> list[str]:
    """Write every card of a language build into its folder (from the cache when unchanged); the keys used."""
    used = []
    for card in cards(site):
        key = _key(card)
        cache.copy(key, lambda card=card: draw(card), language_site / image_path(card.name))
        used.append(key)
    return used
