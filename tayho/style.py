"""The rules of docs/style.md that a program can check, on one text at a time.

Each rule reads a text of one language and yields (offset, message) for every place that breaks it. A passage quoted
from the source keeps the source's own form (a Vietnamese quotation inside an English note, a caption's straight
quotes): the caller says which quoted passages are the source's, and the rules leave those alone.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator

Hit = tuple[int, str]
FromSource = Callable[[str], bool]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_ABBREVIATIONS = ("No.", "Nos.", "TP.", "Mr.", "Ms.", "Dr.", "St.")
_DAY_RANGE = re.compile(
    rf"\b\d{{1,2}}(?: ?- ?| and )\d{{1,2}} (?:{_MONTHS})\b"  # 2-3 April, 2 and 3 April
    rf"|\b\d{{1,2}} ({_MONTHS}) (\d{{4}}) ?[-–] ?\d{{1,2}} \1 \2\b"  # 2 April 2024 – 3 April 2024
)
_QUOTED = re.compile(r"“[^“”]*”|‘[^‘’]*’|\"[^\"]*\"")


@dataclasses.dataclass(frozen=True)
class Rule:
    name: str
    languages: tuple[str, ...]  # the languages whose texts it reads
    find: Callable[[str], Iterator[Hit]]


def _year_ranges(text: str) -> Iterator[Hit]:
    for match in re.finditer(r"(?<![\d/])((?:19|20)\d\d)( ?- ?| – |-)((?:19|20)\d\d)(?![\d/])", text):
        yield (
            match.start(),
            (f"write the year range “{match.group(0)}” as {match.group(1)}–{match.group(3)} (an en dash, no spaces)"),
        )


def _day_ranges(text: str) -> Iterator[Hit]:
    for match in _DAY_RANGE.finditer(text):
        yield (
            match.start(),
            (
                f"write the date range “{match.group(0)}” with the month once and an en dash between the days "
                "(2–3 April 2024)"
            ),
        )


def _sentence_starts(text: str) -> Iterator[Hit]:
    for match in re.finditer(r"(?:^|(?<=[.!?])\s+)(\{fig:[^{}]*\}|\d+(?!\d|st\b|nd\b|rd\b|th\b))", text):
        before = text[: match.start()].rstrip()
        if not before or not before.endswith(_ABBREVIATIONS):
            yield match.start(1), "a sentence does not begin with a numeral: reword it (“In all, 156 teams …”)"


def _figure_fractions(text: str) -> Iterator[Hit]:
    for match in re.finditer(r"\{fig:[^{}]*\}/\{fig:[^{}]*\}", text):
        yield match.start(), f"English writes “7 of the 8 wards”, not “7/8 wards”: reword {match.group(0)}"


def _small_numerals(text: str) -> Iterator[Hit]:
    for match in re.finditer(r"(?<![\w.,/])(\d)(?=[ -][a-z])", text):
        if not text[: match.start()].endswith(("No. ", "highlight ", "Highlight ")):
            yield match.start(), f"spell out a number under ten in running text (“{match.group(0)}” as a word)"


def _spaced_hyphens(text: str) -> Iterator[Hit]:
    for match in re.finditer(r"(?<=\S) - (?=\S)", text):
        yield match.start(), "use an en dash (–), not a spaced hyphen, between words or names"


def _straight_quotes(text: str) -> Iterator[Hit]:
    for match in re.finditer(r"\"[^\"]*\"|\"", text):  # a quoted passage once, or a stray quote
        yield match.start(), "use typographic quotation marks “…” (‘…’ inside a quotation), not straight quotes"


RULES = (
    Rule("year-range", ("en",), _year_ranges),
    Rule("day-range", ("en",), _day_ranges),
    Rule("sentence-start", ("en",), _sentence_starts),
    Rule("figure-fraction", ("en",), _figure_fractions),
    Rule("small-numeral", ("en",), _small_numerals),
    Rule("spaced-hyphen", ("en",), _spaced_hyphens),
    Rule("straight-quotes", ("vi", "en"), _straight_quotes),
)


def _blank_source_quotations(text: str, from_source: FromSource) -> str:
    """The text with every passage quoted from the source blanked out (same length, so offsets still hold)."""

    def blank(match: re.Match) -> str:
        inner = match.group(0)[1:-1]
        return (
            " " * len(match.group(0))
            if inner and (from_source(inner) or from_source(match.group(0)))
            else match.group(0)
        )

    return _QUOTED.sub(blank, text)


def style_findings(text: str, lang: str, from_source: FromSource) -> list[tuple[str, int, str]]:
    """Every (rule, offset, message) of the rules for `lang` that `text` breaks, outside quotations of the source."""
    readable = _blank_source_quotations(text, from_source)
    return [
        (rule.name, offset, message)
        for rule in RULES
        if lang in rule.languages
        for offset, message in rule.find(readable)
    ]
