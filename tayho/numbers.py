"""Figures and dates as each language writes them, from one typed value, through Babel.

Dates and date ranges follow docs/style.md: a single date in the language's `date_format` (2/4/2024; 2 April 2024),
a range through CLDR's interval formats for the same skeleton (2–3 April 2024; 2022–2023), with the one adjustment
Vietnamese press usage makes (2–3/4/2024, where CLDR repeats the whole date).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_skeleton, match_skeleton
from babel.numbers import format_decimal

from .consistency import as_decimal
from .i18n import words
from .languages import REGISTRY
from .model import Event, Figure, Scale, Unit

_SCALES = {Scale.BILLION: Decimal(10) ** 9}

# Running text spells out a whole count under ten in these languages' press style ("three conferences"); the
# Vietnamese source writes numerals, and Vietnamese keeps them.
_WORDS_UNDER_TEN = {"en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")}

# Vietnamese press writes a range inside one month, or one year, with the shared part once (2–3/4/2024,
# 28/11 – 2/12/2024); CLDR's Vietnamese interval formats repeat the whole date (2/4/2024 – 3/4/2024).
_PRESS_RANGES = {("vi", "yMd"): {"d": ("d–", "d/M/y"), "M": ("d/M\u2009–\u2009", "d/M/y")}}

_QUOTED = re.compile(r"('[^']*')")
_FIELD_AND_SEPARATOR = re.compile(r"^(.*[A-Za-z'])([^A-Za-z']*)$", re.S)


@functools.lru_cache(maxsize=4096)  # the same values are formatted on many pages
def format_number(value: Decimal | float | int, decimals: int, lang: str) -> str:
    """Group thousands and mark decimals as `lang` does (5.736 and 63,58 in vi; 5,736 and 63.58 in en)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(
        as_decimal(value), format=pattern, locale=REGISTRY[lang].babel_locale, decimal_quantization=True
    )


def scaled_value(figure: Figure) -> Decimal:
    """The number as the source wrote it: 29,004 for 29,004 tỷ đồng."""
    value = as_decimal(figure.value)
    return value / _SCALES[figure.scale] if figure.scale else value


def format_quantity(figure: Figure, lang: str) -> str:
    """The number with its % sign or currency, without the qualifier: 63,58% / VND 29.004 billion / 5.736."""
    number = format_number(scaled_value(figure), figure.decimals, lang)
    if figure.unit is Unit.PERCENT:
        return f"{number}%"
    if figure.unit is Unit.VND:
        return words(lang)["money." + figure.scale.value if figure.scale else "money"].format(number=number)
    return number


def qualifier_word(figure: Figure, lang: str) -> str | None:
    return words(lang)["qualifier." + figure.qualifier.value] if figure.qualifier else None


def format_figure(figure: Figure, lang: str) -> str:
    """The figure as a table or a label shows it: "hơn 1.500", "over 80%", "VND 29.004 billion", "3"."""
    word = qualifier_word(figure, lang)
    quantity = format_quantity(figure, lang)
    return f"{word} {quantity}" if word else quantity


def format_in_text(figure: Figure, lang: str) -> str:
    """The figure as running text writes it: as format_figure, except that English spells out a whole count under
    ten ("in three fields", "one of the three units"); percentages, money and larger counts stay numerals."""
    spelled = _WORDS_UNDER_TEN.get(lang)
    is_small_count = (
        figure.unit not in (Unit.PERCENT, Unit.VND)
        and isinstance(figure.value, int)
        and 0 <= figure.value < 10
        and not figure.decimals
    )
    if not (spelled and is_small_count):
        return format_figure(figure, lang)
    word = qualifier_word(figure, lang)
    return f"{word} {spelled[figure.value]}" if word else spelled[figure.value]


def format_full_date(date: dt.date, lang: str) -> str:
    return format_date(date, words(lang).date_format, locale=REGISTRY[lang].babel_locale)


def _parts(text: str) -> list[int]:
    return [int(part) for part in text.split("-")]


def format_partial_date(text: str, lang: str) -> str:
    """A date known to the year, the month or the day: 2023 / tháng 4 năm 2024 / 2/4/2024."""
    parts = _parts(text)
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=REGISTRY[lang].babel_locale)
    return format_full_date(dt.date(*parts), lang)


def _skeleton_of(pattern: str) -> str:
    """The CLDR skeleton of a date pattern: "d MMMM yyyy" → "yMMMMd", "d/M/y" → "yMd" (quoted text ignored)."""
    fields = _QUOTED.sub("", pattern)
    months = max((len(run) for run in re.findall(r"M+", fields)), default=0)
    return "y" + "M" * months + "d"


def _widen_months(pattern: str, width: int) -> str:
    """CLDR has no interval format for "yMMMMd"; its nearest, "yMMMd", is given the full month name again."""
    if width < 4:
        return pattern
    pieces = _QUOTED.split(pattern)
    return "".join(piece if piece.startswith("'") else re.sub(r"(?<!M)MMM(?!M)", "MMMM", piece) for piece in pieces)


def _interval_pieces(skeleton: str, greatest: str, lang: str) -> tuple[str, str] | None:
    """The two patterns of a range (the start's with its separator, then the end's), or None if CLDR has none."""
    if (lang, skeleton) in _PRESS_RANGES and greatest in _PRESS_RANGES[(lang, skeleton)]:
        return _PRESS_RANGES[(lang, skeleton)][greatest]
    formats = Locale.parse(REGISTRY[lang].babel_locale).interval_formats
    nearest = match_skeleton(skeleton, [key for key in formats if key])
    pieces = formats.get(nearest, {}).get(greatest) if nearest else None
    if not pieces or len(pieces) != 2:
        return None
    return tuple(_widen_months(piece, skeleton.count("M")) for piece in pieces)


def _range_parts(start: str, end: str, lang: str) -> list[dict] | None:
    """A range of two dates of the same precision through the interval formats; None for mixed precisions."""
    first, last = _parts(start), _parts(end)
    if len(first) != len(last):
        return None
    skeleton = {1: "y", 2: "yMMMM"}.get(len(first)) or _skeleton_of(words(lang).date_format)
    greatest = "yMd"[next((i for i, (a, b) in enumerate(zip(first, last, strict=True)) if a != b), len(first) - 1)]
    pieces = _interval_pieces(skeleton, greatest, lang)
    if pieces is None:
        return None
    dates = [dt.date(*(parts + [1] * (3 - len(parts)))) for parts in (first, last)]
    locale = REGISTRY[lang].babel_locale
    field, separator = _FIELD_AND_SEPARATOR.match(pieces[0]).groups()
    return [
        {"iso": start, "text": format_date(dates[0], field, locale=locale), "after": separator},
        {"iso": end, "text": format_date(dates[1], pieces[1], locale=locale), "after": ""},
    ]


def date_span(start: str, end: str | None, lang: str) -> list[dict]:
    """A date or a range as parts for <time> elements, each with the text that follows it:
    [{"iso": "2024-04-02", "text": "2", "after": "–"}, {"iso": "2024-04-03", "text": "3/4/2024", "after": ""}]."""
    if end is None or end == start:
        return [{"iso": start, "text": format_partial_date(start, lang), "after": ""}]
    ranged = _range_parts(start, end, lang)
    if ranged is not None:
        return ranged
    fallback = Locale.parse(REGISTRY[lang].babel_locale).interval_formats.get(None, "{0} – {1}")
    separator = fallback.replace("{0}", "", 1).replace("{1}", "", 1)
    return [
        {"iso": start, "text": format_partial_date(start, lang), "after": separator},
        {"iso": end, "text": format_partial_date(end, lang), "after": ""},
    ]


def format_date_span(start: str, end: str | None, lang: str) -> str:
    """A date or a range as one text: 2–3/4/2024; 2–3 April 2024; 2022–2023."""
    return "".join(part["text"] + part["after"] for part in date_span(start, end, lang))


def event_dates(event: Event, lang: str) -> list[dict]:
    """When an event happened, as parts for <time> elements; an undated event has one part without a date (iso
    None): the period it belongs to, as the record words it."""
    if event.date is None:
        return [{"iso": None, "text": event.period[lang], "after": ""}]
    return date_span(event.date, event.end, lang)
