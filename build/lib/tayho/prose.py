"""The hand-written prose pages (docs/<language>/*.md): what they may contain, and the record's parts they name.

Prose is trusted more than the record, but gets the same guarantees: no script, no event-handler attribute and no
javascript: link, checked on the Markdown source so that each problem names its file and line. A marker
`<!-- tayho:NAME -->` must name a part of the record, and a `{fig:ID}` reference a figure of the record.
"""

from __future__ import annotations

import dataclasses
import html.parser
import re
from collections.abc import Callable, Iterable

MARKER = re.compile(r"<!--\s*tayho:([^\s>]*)\s*-->")
FIGURE_REFERENCE = re.compile(r"\{fig:([^{}]*)\}")
_SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")


@dataclasses.dataclass(frozen=True, order=True)
class ProseProblem:
    """One thing wrong with a prose page: where (file, line) and what."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class _Tags(html.parser.HTMLParser):
    """Raw HTML inside Markdown: script and style elements, event handlers and script URLs, with their lines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        if tag in ("script", "iframe", "object", "embed", "base", "meta", "form"):
            self.found.append((line, f"a <{tag}> element is not allowed in a prose page"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append((line, f"the event-handler attribute {name}= is not allowed in a prose page"))
            elif name in ("href", "src", "action", "formaction", "xlink:href") and _SCRIPT_URL.match(value or ""):
                self.found.append((line, f"a {value.split(':', 1)[0].strip()}: address is not allowed in a prose page"))

    handle_startendtag = handle_starttag


def _lines_of(text: str, pattern: re.Pattern) -> Iterable[tuple[int, re.Match]]:
    for match in pattern.finditer(text):
        yield text.count("\n", 0, match.start()) + 1, match


def check_prose(
    markdown: str, shown: str, known_markers: Iterable[str], has_figure: Callable[[str], bool]
) -> list[ProseProblem]:
    """Every problem of one prose page's Markdown source, with its line; `shown` names the file (and language)."""
    parser = _Tags()
    parser.feed(markdown)
    parser.close()
    problems = [ProseProblem(shown, line, message) for line, message in parser.found]
    for line, match in _lines_of(markdown, _MARKDOWN_LINK):
        if _SCRIPT_URL.match(match.group(1)):
            problems.append(
                ProseProblem(shown, line, f"a {match.group(1).split(':', 1)[0]}: link is not allowed in a prose page")
            )
    known = set(known_markers)
    for line, match in _lines_of(markdown, MARKER):
        if match.group(1) not in known:
            problems.append(
                ProseProblem(
                    shown, line, f"unknown marker <!-- tayho:{match.group(1)} -->; known: {', '.join(sorted(known))}"
                )
            )
    for line, match in _lines_of(markdown, FIGURE_REFERENCE):
        if not has_figure(match.group(1)):
            problems.append(ProseProblem(shown, line, f"{{fig:{match.group(1)}}} names no figure of the record"))
    return sorted(set(problems))
