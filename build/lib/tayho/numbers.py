"""Figures and dates as each language writes them, from one typed value, through Babel."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from .consistency import as_decimal
from .i18n import words
from .languages import REGISTRY
from .model import Figure, Scale, Unit

_SCALES = {Scale.BILLION: Decimal(10) ** 9}


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
    """The figure as it reads in running text: "hơn 1.500", "over 80%", "VND 29.004 billion"."""
    word = qualifier_word(figure, lang)
    quantity = format_quantity(figure, lang)
    return f"{word} {quantity}" if word else quantity


def format_full_date(date: dt.date, lang: str) -> str:
    return format_date(date, words(lang).date_format, locale=REGISTRY[lang].babel_locale)


def format_partial_date(text: str, lang: str) -> str:
    """A date known to the year, the month or the day: 2023 / tháng 4 năm 2024 / 02-04-2024."""
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_skeleton("yMMMM", dt.date(parts[0], parts[1], 1), locale=REGISTRY[lang].babel_locale)
    return format_full_date(dt.date(*parts), lang)


def date_span(start: str, end: str | None, lang: str) -> list[dict]:
    """A date or a range as parts for <time> elements: [{"iso": "2022", "text": "2022"}, ...]."""
    return [{"iso": value, "text": format_partial_date(value, lang)} for value in (start, end) if value]


def format_date_span(start: str, end: str | None, lang: str) -> str:
    return (
        f"{format_partial_date(start, lang)} – {format_partial_date(end, lang)}"
        if end
        else format_partial_date(start, lang)
    )
