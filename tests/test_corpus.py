"""A corpus of broken records, each made from the fixture record by one text or byte edit.

For every case the loader must raise RecordError whose problems name data/achievements.yaml, the line (computed from
the edited text, never written down) and, where the problem belongs to a field, its path, with a specific message.
A subset also runs the real build command in a subprocess, with a time limit and a 2 GiB address-space limit, around
a first good build: it must fail without a traceback, name the file and line, and leave the previous site/ as it was.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import subprocess
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Optional, Union

import pytest

from tayho import yamlsource
from tayho.errors import RecordError
from tayho.load import load_record

from .commands import build_command, leftovers
from .conftest import FIXTURES, make_project

MINIMAL = FIXTURES / "minimal" / "data"
TEXT = (MINIMAL / "achievements.yaml").read_text(encoding="utf-8")
FILE = "data/achievements.yaml"
SENTINEL = "pwned"  # a file a python tag would create if it ran

Content = Union[str, bytes]


# --- helpers: edits and line numbers ----------------------------------------------------------------------------


def edit(old: str, new: str, text: str = TEXT) -> str:
    """The text with the first `old` replaced; the fixture must still contain `old`."""
    assert old in text, f"the fixture record no longer contains {old!r}"
    return text.replace(old, new, 1)


def line_of(content: Content, needle: Content, occurrence: int = 1) -> int:
    """1-based line of the n-th occurrence of needle (str in text, bytes in raw bytes)."""
    start = -1
    for _ in range(occurrence):
        start = content.index(needle, start + 1)
    return content[:start].count(b"\n" if isinstance(content, bytes) else "\n") + 1


def line_equal(text: str, line: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line that is exactly `line`."""
    return [n for n, each in enumerate(text.splitlines(), 1) if each == line][occurrence - 1]


def last_line(content: Content) -> int:
    newline = b"\n" if isinstance(content, bytes) else "\n"
    return content.rstrip(newline).count(newline) + 1


@dataclasses.dataclass(frozen=True)
class Expected:
    """One problem the loader must report. path None: a problem of the file, not of one field (any path)."""

    path: Optional[str]
    line: int
    phrase: Union[str, tuple[str, ...]]  # a tuple: any one of them

    def matches(self, problem) -> bool:
        phrases = (self.phrase,) if isinstance(self.phrase, str) else self.phrase
        return (
            (self.path is None or problem.path == self.path)
            and problem.line == self.line
            and any(phrase in problem.message for phrase in phrases)
        )


@dataclasses.dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], Content]  # tmp_path → the broken record's content
    expect: Callable[[Content], list[Expected]]  # the problems, computed from that content

    def param(self):
        return pytest.param(self, id=self.id)


def case(id, make, expect) -> Case:
    maker = make if callable(make) else (lambda tmp_path, content=make: content)
    return Case(id, maker, expect)


def file_problem(line: Union[int, Callable], phrase) -> Callable:
    """A single problem of the whole file (YAML syntax, encoding, size) at a line."""
    return lambda content: [Expected(None, line(content) if callable(line) else line, phrase)]


def field_problem(path: str, needle: str, phrase, occurrence: int = 1) -> Callable:
    """A single problem of one field, at the line holding needle."""
    return lambda content: [Expected(path, line_of(content, needle, occurrence), phrase)]


# --- the broken records -----------------------------------------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"lol{level}: &lol{level} [" + ", ".join([f"*lol{level - 1}"] * 10) + "]")
    return TEXT + "\n".join(lines) + "\n"


def fifty_megabytes_of_comment(tmp_path: Path) -> bytes:
    return TEXT.encode("utf-8") + b"# " + b"x" * (50 * 1024 * 1024) + b"\n"


def fifty_megabytes_of_list(tmp_path: Path) -> bytes:
    items = b", ".join([b"phu-thuong"] * (50 * 1024 * 1024 // 12))
    return edit("places: [phu-thuong]", "places: [@@]").encode("utf-8").replace(b"@@", items)


def python_tag_running_a_command(tmp_path: Path) -> str:
    return edit("places: [phu-thuong]", f'places: !!python/object/apply:os.system ["touch {tmp_path / SENTINEL}"]')


NOT_UTF8 = TEXT.encode("utf-8").replace("Giữ nguyên chính tả.".encode(), b"Gi\xff nguy\xean ch\xednh t\xe1.")
CUT_IN_A_CHARACTER = TEXT.encode("utf-8")[: TEXT.encode("utf-8").index("Nội".encode()) + 2]  # N + 1 of 3 bytes
FIGURE_COPY = """      - id: delegates
        value: 156
        unit: delegates
        label: {vi: "đại biểu", en: "delegates"}
"""
UNCLOSED_LINE = "the line where the unclosed construct begins"


def extra_figures(count: int) -> str:
    """The fixture with `count` more figures in its first highlight (each valid on its own)."""
    extra = "".join(
        f'      - id: extra-{k}\n        value: 1\n        unit: delegates\n        label: {{vi: "x", en: "x"}}\n'
        for k in range(count)
    )
    return edit("    figures:\n", "    figures:\n" + extra)


def shown_in_the_text(text: str, figure_ids: list[str]) -> str:
    """The record `text` with the figures `figure_ids` cited at the start of its first paragraph, in both languages."""
    tokens = " ".join("{fig:" + figure_id + "}" for figure_id in figure_ids)
    text = edit('vi: "Tổng số {fig:tasks-total}', f'vi: "{tokens} Tổng số {{fig:tasks-total}}', text)
    return edit('en: "Of {fig:tasks-total} tasks,', f'en: "{tokens} Of {{fig:tasks-total}} tasks,', text)


def extra_paragraphs(count: int) -> str:
    """The fixture with `count` more paragraphs in its first highlight's text."""
    extra = "".join('      - {vi: "Câu.", en: "Sentence."}\n' for _ in range(count))
    return edit("    body:\n", "    body:\n" + extra)


CASES = [
    # YAML syntax
    case(
        "yaml-unclosed-bracket",
        edit("    order: 1\n", "    order: [1\n"),
        file_problem(lambda c: line_of(c, "order: [1"), "flow sequence"),
    ),
    case(
        "yaml-unclosed-brace",
        edit('label: {vi: "nội dung", en: "tasks"}', 'label: {vi: "nội dung", en: "tasks"'),
        file_problem(lambda c: line_of(c, 'en: "tasks"\n'), "flow mapping"),
    ),
    case(
        "yaml-unclosed-quote-in-a-flow-mapping",
        edit('"Giám sát"', '"Giám sát'),
        file_problem(lambda c: line_of(c, '"Giám sát,'), "not valid YAML"),
    ),
    case(
        "yaml-unclosed-quote-of-a-block-value",
        edit('number: "124-QĐ/TW"', "number: '124-QĐ/TW"),
        file_problem(lambda c: line_of(c, "number: '124"), "quoted scalar"),
    ),
    case(
        "yaml-indentation-too-deep",
        edit("    order: 1\n", "      order: 1\n"),
        file_problem(lambda c: line_of(c, "      order: 1"), "mapping values are not allowed"),
    ),
    case(
        "yaml-indentation-too-shallow",
        edit('    title: {vi: "Giám sát"', '   title: {vi: "Giám sát"'),
        file_problem(lambda c: line_of(c, '   title: {vi: "Giám sát"'), "expected <block end>"),
    ),
    case(
        "yaml-second-document", TEXT + "---\nfoo: 1\n", file_problem(lambda c: line_equal(c, "---"), "single document")
    ),
    case(
        "tab-indentation",
        edit("        unit: items\n", "\t\tunit: items\n"),
        file_problem(lambda c: line_of(c, "\t\tunit: items"), "spaces, not tabs"),
    ),
    case(
        "truncated-half-way-in-a-string",
        TEXT[: TEXT.index('"', len(TEXT) // 2) + 2],
        file_problem(last_line, "unexpected end of stream"),
    ),
    case("truncated-in-a-character", CUT_IN_A_CHARACTER, file_problem(last_line, "not valid UTF-8")),
    case("empty-file", b"", file_problem(1, "empty")),
    case("comments-and-blank-lines-only", "# a comment\n\n   \n# another one\n", file_problem(1, "empty")),
    # encoding
    case(
        "bytes-that-are-not-utf8",
        NOT_UTF8,
        file_problem(lambda c: line_of(c, b"Gi\xff"), "byte 0xFF is not valid UTF-8"),
    ),
    case("utf16-file", TEXT.encode("utf-16"), file_problem(1, "not valid UTF-8")),
    case("utf8-byte-order-mark", b"\xef\xbb\xbf" + TEXT.encode("utf-8"), file_problem(1, "byte-order mark")),
    # keys, anchors, tags
    case(
        "duplicate-top-level-key",
        TEXT + "notes: []\n",
        lambda c: [Expected("notes", last_line(c), "duplicate key 'notes'")],
    ),
    case(
        "duplicate-key-names-the-line-of-the-first-key",
        TEXT + "notes: []\n",
        lambda c: [Expected("notes", last_line(c), f"(first given on line {line_equal(c, 'notes:')})")],
    ),
    case(
        "duplicate-nested-key",
        edit('{vi: "Giám sát", en:', '{vi: "Giám sát", vi: "Giám sát", en:'),
        field_problem("highlights[0].title.vi", 'vi: "Giám sát", vi:', "duplicate key 'vi'"),
    ),
    case(
        "non-text-key",
        edit("    order: 1\n", "    order: 1\n    1: one\n"),
        field_problem("highlights[0]", "    1: one", "key 1 must be text"),
    ),
    case(
        "billion-laughs-9-levels",
        billion_laughs(9),
        file_problem(lambda c: line_of(c, "&lol0"), "anchors (&name) are not allowed"),
    ),
    case(
        "one-anchor-and-one-alias",
        edit(
            'label: {vi: "nội dung hoàn thành", en: "tasks completed"}',
            "label: *total",
            edit('label: {vi: "nội dung", en: "tasks"}', 'label: &total {vi: "nội dung", en: "tasks"}'),
        ),
        file_problem(lambda c: line_of(c, "&total"), "anchors (&name) are not allowed"),
    ),
    case(
        "merge-key",
        edit("    order: 1\n", "    order: 1\n    <<: {colour: red}\n"),
        file_problem(lambda c: line_of(c, "<<:"), "merge keys (<<) are not allowed"),
    ),
    case(
        "python-tag-on-a-sequence",
        edit("places: [phu-thuong]", 'places: !!python/object/apply:os.system ["echo hi"]'),
        file_problem(lambda c: line_of(c, "!!python"), "tag"),
    ),
    case(
        "python-tag-on-a-valid-list",
        edit("people: [lan-huong]", "people: !!python/object/apply:os.system [lan-huong]"),
        file_problem(lambda c: line_of(c, "!!python"), "tag"),
    ),
    case(
        "python-tag-running-a-command",
        python_tag_running_a_command,
        file_problem(lambda c: line_of(c, "!!python"), "tag"),
    ),
    case(
        "python-tag-on-a-scalar",
        edit('en: "Supervision"}', 'en: !!python/object/apply:os.system "echo hi"}'),
        file_problem(lambda c: line_of(c, "!!python"), "python/object/apply:os.system"),
    ),
    # size and depth
    case("file-of-50-mb-comment", fifty_megabytes_of_comment, file_problem(1, "the limit is 4,000,000")),
    case("file-of-50-mb-list", fifty_megabytes_of_list, file_problem(1, "the limit is 4,000,000")),
    case(
        "deep-nesting-10000-brackets",
        edit("    order: 1\n", "    order: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        file_problem(lambda c: line_of(c, "order: [[["), "nesting deeper than 32 levels"),
    ),
    case(
        "deep-nesting-10000-unclosed-braces",
        edit("    order: 1\n", "    order: " + "{a: " * 10_000 + "\n"),
        file_problem(lambda c: line_of(c, "order: {a: {a:"), "nesting deeper than 32 levels"),
    ),
    # the model
    case(
        "unknown-top-level-key",
        TEXT + "colour: red\n",
        lambda c: [Expected("colour", last_line(c), "is not a known field")],
    ),
    case(
        "unknown-key-in-the-source",
        edit("    written_before: 2024-04-02\n", "    written_before: 2024-04-02\n    written_after: 2020-01-01\n"),
        field_problem("term.source.written_after", "written_after", "is not a known field"),
    ),
    case(
        "missing-translation",
        edit('city: {vi: "Hà Nội", en: "Hanoi"}', 'city: {vi: "Hà Nội"}'),
        field_problem("term.city.en", 'city: {vi: "Hà Nội"}', "is required but missing"),
    ),
    case(
        "text-where-a-number-belongs",
        edit("decimals: 3\n", 'decimals: "3"\n'),
        field_problem("highlights[1].figures[1].decimals", 'decimals: "3"', "must be a whole number"),
    ),
    case(
        "text-where-a-year-belongs",
        edit("  start_year: 2019\n", '  start_year: "2019"\n'),
        field_problem("term.start_year", 'start_year: "2019"', "must be a whole number"),
    ),
    case(
        "list-where-text-belongs",
        edit('en: "Supervision"}', "en: [Super, vision]}"),
        field_problem("highlights[0].title.en", "en: [Super, vision]", "must be text, not list"),
    ),
    case(
        "negative-count",
        edit("        value: 3\n", "        value: -3\n"),
        field_problem("highlights[0].figures[3].value", "value: -3", "must not be negative"),
    ),
    case(
        "huge-integer",
        edit("value: 156", "value: " + "9" * 5000),
        field_problem("highlights[1].figures[0].value", "value: 9999", ("number", "digits")),
    ),
    # the record size limits (tayho/limits.py): refused when read, the limit named
    case(
        "a-text-past-the-length-limit",
        edit('en: "Supervision of {fig:tasks-total} tasks."}', 'en: "' + "word " * 1000 + 'end."}'),
        field_problem("highlights[0].summary.en", "word word", ("has 5004 characters", "at most 5000")),
    ),
    case(
        "a-highlight-past-the-figures-limit",
        extra_figures(200),
        field_problem("highlights[0].figures", "      - id: extra-0\n", ("has 205 items", "at most 200")),
    ),
    case(
        "a-chart-past-the-bars-limit",
        edit(
            "figures: [tasks-done, tasks-rest]",
            "figures: [tasks-done, tasks-rest, " + ", ".join(f"extra-{k}" for k in range(19)) + "]",
            shown_in_the_text(extra_figures(19), [f"extra-{k}" for k in range(19)]),
        ),
        field_problem("highlights[0].charts[0].figures", "figures: [tasks-done, tasks-rest, extra-0", "at most 20"),
    ),
    case(
        "a-chart-label-past-its-limit",
        edit('en: "tasks completed"', 'en: "tasks completed ' + "and more " * 25 + 'done"'),
        field_problem("highlights[0].charts[0].figures[0]", "figures: [tasks-done, tasks-rest]", "at most 200"),
    ),
    case(
        "a-highlight-past-the-paragraphs-limit",
        extra_paragraphs(100),
        field_problem("highlights[0].body", '      - {vi: "Câu."', ("has 101 items", "at most 100")),
    ),
    case(
        "share-over-100-percent",
        edit("        value: 70\n", "        value: 170\n"),
        lambda c: [
            Expected("highlights[0].figures[2].value", line_of(c, "value: 170"), "cannot exceed 100"),
            Expected("highlights[0].figures[2].value", line_of(c, "value: 170"), "stated 170, recomputed 70"),
        ],
    ),
    case(
        "duplicate-highlight-ids",
        edit("  - id: congress\n", "  - id: supervision\n"),
        lambda c: [
            Expected(
                f"highlights[{i}].id",
                line_equal(c, "  - id: supervision", i + 1),
                "highlight id 'supervision' is used 2 times",
            )
            for i in (0, 1)
        ],
    ),
    case(
        "duplicate-figure-ids",
        edit('en: "epidemic fund"}\n', 'en: "epidemic fund"}\n' + FIGURE_COPY),
        lambda c: [
            Expected(
                f"highlights[1].figures[{j}].id",
                line_equal(c, "      - id: delegates", i + 1),
                "figure id 'delegates' is used 2 times",
            )
            for i, j in ((0, 0), (1, 2))
        ],
    ),
    case(
        "non-ascii-id",
        edit("      - id: supervision-conference\n", "      - id: hội-nghị\n"),
        field_problem("highlights[0].photos[0].id", "id: hội-nghị", "lowercase ASCII"),
    ),
    case(
        "id-with-uppercase-and-space",
        edit("      - id: supervision-2023\n", "      - id: Supervision 2023\n"),
        field_problem("highlights[0].events[0].id", "id: Supervision 2023", "lowercase ASCII"),
    ),
    case(
        "share-contradicting-its-count-without-a-note",
        edit("        kind: mismatch\n", "        kind: editorial\n"),
        field_problem("highlights[0].figures[4].value", "value: 31", "stated 31, recomputed 30"),
    ),
    case(
        "nfd-text",
        edit('"Nguyễn Lan Hương"', '"' + unicodedata.normalize("NFD", "Nguyễn Lan Hương") + '"'),
        field_problem("people[0].name", 'name: "Ngu', "NFC"),
    ),
    case(
        "nul-by-escape",
        edit('"Supervision conference"', '"Supervision\\0 conference"'),
        field_problem("highlights[0].events[0].title.en", "Supervision\\0", "U+0000"),
    ),
    case(
        "escape-character-by-escape",
        edit('"Supervision conference"', '"Supervision\\e conference"'),
        field_problem("highlights[0].events[0].title.en", "Supervision\\e", "U+001B"),
    ),
    case(
        "escape-character-raw",
        edit('"Hội nghị giám sát"', '"Hội nghị\x1b giám sát"'),
        lambda c: [Expected(None, line_of(c, "\x1b"), "U+001B")],
    ),
    case(
        "bidi-override-raw",
        edit('"Spelling kept as published."', '"Spelling \u202ekept as published."'),
        field_problem("notes[0].text.en", "\u202e", "U+202E"),
    ),
    case(
        "root-is-a-list",
        "-\n" + textwrap.indent(TEXT, "  "),
        lambda c: [Expected("", line_equal(c, "-"), "must be a mapping of fields")],
    ),
    case(
        "date-that-is-not-a-date",
        edit("    written_before: 2024-04-02\n", "    written_before: soon\n"),
        field_problem("term.source.written_before", "written_before: soon", "must be a date"),
    ),
    case(
        "impossible-date",
        edit("  - date: 2024-05-01\n", "  - date: 2024-13-45\n"),
        field_problem("changes[0].date", "date: 2024-13-45", "date"),
    ),
    case(
        "unknown-unit",
        edit("unit: delegates", "unit: kilos"),
        field_problem("highlights[1].figures[0].unit", "unit: kilos", "should be 'persons'"),
    ),
    case(
        "token-naming-no-figure",
        edit(
            "{fig:delegates} delegates.",
            "{fig:nope} delegates.",
            edit("{fig:delegates} đại biểu.", "{fig:nope} đại biểu."),
        ),
        lambda c: [
            Expected(f"highlights[1].summary.{lang}", line_of(c, "{fig:nope}"), "{fig:nope} names no figure")
            for lang in ("vi", "en")
        ],
    ),
    # YAML 1.1 traps: refused, not interpreted
    case(
        "octal-by-leading-zero",
        edit("value: 156", "value: 0242"),
        field_problem("highlights[1].figures[0].value", "value: 0242", "the octal number 162"),
    ),
    case(
        "sexagesimal-number",
        edit("value: 156", "value: 2:36"),
        field_problem("highlights[1].figures[0].value", "value: 2:36", "base-60"),
    ),
    case(
        "hexadecimal-number",
        edit("value: 156", "value: 0x9C"),
        field_problem("highlights[1].figures[0].value", "value: 0x9C", "hexadecimal"),
    ),
    case(
        "number-with-underscores",
        edit("value: 156", "value: 1_56"),
        field_problem("highlights[1].figures[0].value", "value: 1_56", "underscores"),
    ),
    case(
        "yes-for-true",
        edit("        headline: true\n", "        headline: yes\n"),
        field_problem("highlights[0].figures[0].headline", "headline: yes", "read by YAML as true"),
    ),
    case(
        "no-as-text",
        edit('name: "Nguyễn Lan Hương"', "name: no"),
        field_problem("people[0].name", "name: no", "read by YAML as false"),
    ),
    case(
        "infinity",
        edit("value: 156", "value: .inf"),
        field_problem("highlights[1].figures[0].value", "value: .inf", "not a finite number"),
    ),
    case(
        "not-a-number",
        edit("value: 156", "value: .nan"),
        field_problem("highlights[1].figures[0].value", "value: .nan", "not a finite number"),
    ),
    # numbers the outputs cannot compute with or would change
    case(
        "number-beyond-every-format",
        edit("value: 156", "value: " + "9" * 40),
        field_problem("highlights[1].figures[0].value", "value: 9999", "larger than 1,000,000,000,000,000"),
    ),
    case(
        "float-beyond-every-format",
        edit("value: 156", "value: 1.5e+300"),
        field_problem("highlights[1].figures[0].value", "value: 1.5e+300", "larger than"),
    ),
    case(
        "negative-zero",
        edit("        value: 70\n", "        value: -0.0\n"),
        lambda c: [Expected("highlights[0].figures[2].value", line_of(c, "value: -0.0"), "must not be negative")],
    ),
    case(
        "scaled-amount-with-hidden-decimals",
        edit("value: 29004000000", "value: 29004500000"),
        field_problem("highlights[1].figures[1].value", "value: 29004500000", "29.0045 billion"),
    ),
    # dates
    case(
        "a-day-that-does-not-exist-in-a-partial-date",
        edit('date: "2023"', 'date: "2023-02-29"'),
        field_problem("highlights[0].events[0].date", 'date: "2023-02-29"', "not a date on the calendar"),
    ),
    case(
        "a-number-where-a-date-belongs",
        edit("  - date: 2024-05-01\n", "  - date: 0\n"),
        field_problem("changes[0].date", "date: 0", "date"),
    ),
    case(
        "event-ending-before-it-starts",
        edit('date: "2023"', 'date: "2023-05"\n        end: "2023-04-30"'),
        field_problem("highlights[0].events[0].end", 'end: "2023-04-30"', "does not come after the start"),
    ),
    case(
        "congress-ending-before-it-starts",
        edit("    end_date: 2024-04-03\n", "    end_date: 2024-04-01\n"),
        field_problem("term.next_congress.end_date", "end_date: 2024-04-01", "before the start date"),
    ),
    case(
        "term-ending-before-it-starts",
        edit("  end_year: 2024\n", "  end_year: 2018\n"),
        field_problem("term.end_year", "end_year: 2018", "not after the start year 2019"),
    ),
    case(
        "change-dated-in-the-future",
        edit("  - date: 2024-06-01\n", "  - date: 2099-06-01\n"),
        lambda c: [Expected("changes[1].date", line_of(c, "date: 2099-06-01"), "in the future")],
    ),
    # which characters a text may hold
    case(
        "line-separator",
        edit('"Supervision conference"', '"Supervision\\u2028conference"'),
        field_problem("highlights[0].events[0].title.en", "Supervision\\u2028", "U+2028 (LINE SEPARATOR)"),
    ),
    case(
        "noncharacter",
        edit('"Supervision conference"', '"Supervision\\uFFFE conference"'),
        field_problem("highlights[0].events[0].title.en", "Supervision\\uFFFE", "U+FFFE"),
    ),
    case(
        "zero-width-space",
        edit('"Supervision conference"', '"Supervision\u200b conference"'),
        field_problem("highlights[0].events[0].title.en", "\u200b", "U+200B (ZERO WIDTH SPACE)"),
    ),
    case(
        "soft-hyphen",
        edit('"Supervision conference"', '"Super\u00advision conference"'),
        field_problem("highlights[0].events[0].title.en", "\u00ad", "U+00AD (SOFT HYPHEN)"),
    ),
    case(
        "private-use-character",
        edit('"Supervision conference"', '"Supervision \ue000 conference"'),
        field_problem("highlights[0].events[0].title.en", "\ue000", "U+E000"),
    ),
    case(
        "a-title-of-invisible-characters-only",
        edit('en: "Supervision"}', 'en: "\u200b\u200c\u2060"}'),
        field_problem("highlights[0].title.en", "\u200b", "U+200B"),
    ),
    case(
        "a-lone-combining-mark",
        edit('"Supervision conference"', '"\u0301 conference"'),
        field_problem("highlights[0].events[0].title.en", "\u0301", "combining mark U+0301"),
    ),
    case(
        "lone-surrogate-by-escape",
        edit('"Supervision conference"', '"Supervision \\ud800 conference"'),
        field_problem("highlights[0].events[0].title.en", "\\ud800", "U+D800, a surrogate"),
    ),
    # ids that collide with the site's own names or with each other on a page
    case(
        "highlight-id-of-a-section",
        edit("  - id: congress\n", "  - id: summary\n"),
        field_problem("highlights[1].id", "  - id: summary", "which the section heading has"),
    ),
    case(
        "chart-ids-that-collide",
        edit(
            "        figures: [tasks-done, tasks-rest]\n",
            "        figures: [tasks-done, tasks-rest]\n"
            "      - id: task-ratings-title\n"
            '        title: {vi: "b", en: "b"}\n'
            '        description: {vi: "b", en: "b"}\n'
            "        figures: [tasks-done, tasks-rest]\n",
        ),
        lambda c: [
            Expected("highlights[0].charts[0].id", line_of(c, "- id: task-ratings\n"), "chart-task-ratings-title"),
            Expected("highlights[0].charts[1].id", line_of(c, "- id: task-ratings-title"), "chart-task-ratings-title"),
        ],
    ),
    case(
        "figure-id-colliding-with-the-highlight-id",
        edit("  - id: congress\n", "  - id: fig-delegates\n"),
        lambda c: [
            Expected("highlights[1].id", line_of(c, "  - id: fig-delegates"), "'fig-delegates'"),
            Expected("highlights[1].figures[0].id", line_of(c, "      - id: delegates"), "'fig-delegates'"),
        ],
    ),
    # arithmetic that cannot be checked
    case(
        "share-of-a-zero-total",
        edit("        value: 10\n", "        value: 0\n"),
        lambda c: [
            Expected("highlights[0].figures[0].value", line_of(c, "        value: 0\n"), "stated 0, recomputed 10"),
            Expected("highlights[0].figures[2].share_of.total", line_of(c, "share_of: {count: tasks-done"), "is 0"),
            Expected("highlights[0].figures[4].share_of.total", line_of(c, "share_of: {count: tasks-rest"), "is 0"),
        ],
    ),
    case(
        "total-listing-itself",
        edit("parts: [tasks-done, tasks-rest]", "parts: [tasks-done, tasks-rest, tasks-total]"),
        lambda c: [Expected("highlights[0].figures[0].parts[2]", line_of(c, "parts: [tasks-done"), "its own parts")],
    ),
    case(
        "share-of-percentages",
        edit(
            "share_of: {count: tasks-rest, total: tasks-total}",
            "share_of: {count: tasks-done-share, total: tasks-total}",
        ),
        lambda c: [
            Expected("highlights[0].figures[4].share_of.count", line_of(c, "count: tasks-done-share"), "percentage")
        ],
    ),
    # a figure reference where it is not replaced
    case(
        "figure-reference-in-the-term",
        edit('en: "Below are two highlights."', 'en: "Below are {fig:delegates} highlights."'),
        lambda c: [Expected("term.intro.en", line_of(c, "{fig:delegates} highlights"), "printed as it is")],
    ),
    case(
        "figure-reference-in-a-label",
        edit('en: "official delegates"', 'en: "{fig:fund} delegates"'),
        lambda c: [
            Expected("highlights[1].figures[0].label.en", line_of(c, "{fig:fund} delegates"), "printed as it is")
        ],
    ),
]

# These cases also run through the build command.
BUILT = [
    "octal-by-leading-zero",
    "number-beyond-every-format",
    "a-day-that-does-not-exist-in-a-partial-date",
    "line-separator",
    "highlight-id-of-a-section",
    "chart-ids-that-collide",
    "share-of-a-zero-total",
    "file-of-50-mb-comment",
    "file-of-50-mb-list",
    "billion-laughs-9-levels",
    "deep-nesting-10000-brackets",
    "python-tag-running-a-command",
    "python-tag-on-a-valid-list",
    "bytes-that-are-not-utf8",
    "utf8-byte-order-mark",
    "nfd-text",
    "text-where-a-number-belongs",
    "duplicate-highlight-ids",
    "escape-character-raw",
    "impossible-date",
    "huge-integer",
]
BY_ID = {each.id: each for each in CASES}


def test_the_corpus_is_large_and_every_case_changes_the_record(tmp_path):
    assert len(CASES) >= 30 and len(BY_ID) == len(CASES)
    assert set(BUILT) <= set(BY_ID) and len(BUILT) >= 8
    for each in CASES:
        content = each.make(tmp_path)
        assert content != TEXT and content != TEXT.encode("utf-8"), each.id


# --- loading ----------------------------------------------------------------------------------------------------


def write_record(folder: Path, content: Content) -> Path:
    record = folder / "data" / "achievements.yaml"
    record.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return record


def test_the_fixture_itself_loads(tmp_path):
    shutil.copytree(MINIMAL, tmp_path / "data")
    assert load_record(write_record(tmp_path, TEXT), tmp_path).highlights


@pytest.mark.parametrize("broken", [each.param() for each in CASES])
def test_broken_record_is_reported_precisely(tmp_path, capfd, broken):
    shutil.copytree(MINIMAL, tmp_path / "data")
    content = broken.make(tmp_path)
    expected = broken.expect(content)
    try:
        with pytest.raises(RecordError) as caught:
            load_record(write_record(tmp_path, content), tmp_path)
    finally:
        printed = capfd.readouterr()
        assert not (tmp_path / SENTINEL).exists(), "a tag in the record ran a command"
        assert printed.out == "" and printed.err == "", f"loading printed: {printed}"
    problems = caught.value.problems
    report = str(caught.value)
    lines = last_line(content) if content else 1
    for problem in problems:
        assert problem.file == FILE
        assert 1 <= problem.line <= lines, problem
        assert problem.message.strip(), problem
        assert f"{FILE}:{problem.line}" in report
    unmatched = list(problems)
    for want in expected:
        hit = next((problem for problem in unmatched if want.matches(problem)), None)
        assert hit is not None, f"expected {want}, got:\n{report}"
        unmatched.remove(hit)
        if want.path:
            assert hit.path, hit
    assert unmatched == [], f"unexpected problems:\n{report}"


@pytest.mark.parametrize("broken", [each.param() for each in CASES])
def test_libyaml_and_the_pure_python_parser_agree_on_every_case(tmp_path, broken):
    """The loader reads with libyaml for speed; it must accept and refuse exactly what the pure-Python parser does
    (whose messages are the ones reported)."""
    content = broken.make(tmp_path)
    try:
        text = yamlsource.decode(content if isinstance(content, bytes) else content.encode("utf-8"), FILE)
    except RecordError:
        return  # refused (size, encoding) before either parser runs
    outcomes = []
    for loader in yamlsource._LOADERS:
        try:
            outcomes.append(yamlsource._parse_with(loader, text, FILE))
        except RecordError:
            outcomes.append("refused")
    assert len(outcomes) == 2 and outcomes[0] == outcomes[1]


# --- the build command ------------------------------------------------------------------------------------------


def run_build(project: Path) -> subprocess.CompletedProcess:
    """`tayho build` as an editor runs it, under a time limit and a 2 GiB address-space limit; without the PDFs,
    which a build draws after the pages, and these records never reach the pages."""
    return build_command(project, "--no-pdf")


def fingerprint(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def good_project(tmp_path_factory) -> Path:
    """The fixture record built once, by the same command and under the same limits as the broken ones."""
    project = make_project(tmp_path_factory.mktemp("corpus-good"), MINIMAL)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "en" / "supervision" / "index.html").exists()
    return project


@pytest.mark.parametrize("broken", [pytest.param(BY_ID[name], id=name) for name in BUILT])
def test_build_fails_cleanly_and_keeps_the_last_good_site(good_project, tmp_path, broken):
    project = tmp_path / "project"
    shutil.copytree(good_project, project, symlinks=True)
    before = fingerprint(project / "site")
    assert len(before) > 20
    content = broken.make(tmp_path)
    write_record(project, content)

    result = run_build(project)

    output = result.stdout + result.stderr
    assert not (tmp_path / SENTINEL).exists(), "a tag in the record ran a command"
    assert result.returncode != 0, "the broken record was built"
    assert "Traceback" not in output, output[-3000:]
    assert f"{FILE}:" in result.stderr, output[-3000:]
    for want in broken.expect(content):
        assert f"{FILE}:{want.line}" in result.stderr, (want, result.stderr[-3000:])
    assert fingerprint(project / "site") == before
    assert not leftovers(project)
