"""The hand-written prose pages (docs/<language>/*.md) get the record's guarantees: scripts, event handlers and
javascript: links fail the build with file and line, and every marker and {fig:…} reference resolves or is an
error with its file, line and language."""

from __future__ import annotations

import pytest

from tayho.prose import check_prose

from .commands import build_command
from .conftest import FIXTURES, build, make_project
from .html import facts, page

KNOWN = ("term", "cards")


def problems(markdown: str) -> list[str]:
    return [str(problem) for problem in check_prose(markdown, "docs/en/x.md", KNOWN, lambda ref: ref == "fund")]


@pytest.mark.parametrize(
    "markdown,expected",
    [
        ("# T\n\ntext\n\n<script>alert(1)</script>\n", "docs/en/x.md:5: a <script> element is not allowed"),
        ('text\n<p onclick="alert(1)">x</p>\n', "docs/en/x.md:2: the event-handler attribute onclick="),
        ('<img src=x onerror="alert(1)">\n', "docs/en/x.md:1: the event-handler attribute onerror="),
        ('a\n\n<a href="javascript:alert(1)">x</a>\n', "docs/en/x.md:3: a javascript: address is not allowed"),
        ('<a href=" JavaScript:alert(1)">x</a>\n', "docs/en/x.md:1: a JavaScript: address is not allowed"),
        ("a\n[click](javascript:alert(1))\n", "docs/en/x.md:2: a javascript: link is not allowed"),
        ("<iframe src=x></iframe>\n", "docs/en/x.md:1: a <iframe> element is not allowed"),
        ("x\n\n<!-- tayho:nope -->\n", "docs/en/x.md:3: unknown marker <!-- tayho:nope -->; known: cards, term"),
        ("<!--tayho:Cards-->\n", "docs/en/x.md:1: unknown marker <!-- tayho:Cards -->"),
        ("a\nb {fig:nope} c\n", "docs/en/x.md:2: {fig:nope} names no figure of the record"),
    ],
)
def test_each_problem_of_a_prose_page_names_its_file_and_line(markdown, expected):
    found = problems(markdown)
    assert any(line.startswith(expected) for line in found), found


def test_safe_prose_passes_and_known_markers_and_figures_resolve():
    markdown = "# T { #t }\n\n<!-- tayho:term -->\n<!--tayho:cards-->\n\nThe fund: {fig:fund}.\n<p class=x>ok</p>\n"
    assert problems(markdown) == []


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, FIXTURES / "minimal" / "data")


@pytest.mark.build
def test_the_build_reports_every_prose_problem_at_once_with_its_language(project):
    (project / "docs" / "vi" / "about.md").write_text("# A\n\n<script>x()</script>\n", encoding="utf-8")
    (project / "docs" / "en" / "about.md").write_text("# A\n\nSee {fig:nope}.\n", encoding="utf-8")
    result = build_command(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "The prose pages have 2 problems:" in result.stderr
    assert "docs/vi/about.md:3: a <script> element is not allowed" in result.stderr
    assert "docs/en/about.md:3: {fig:nope} names no figure of the record" in result.stderr


@pytest.mark.build
def test_a_figure_reference_in_prose_shows_the_figure_in_the_page_language_and_links_its_row(project):
    for lang, sentence in (("vi", "Quỹ đạt {fig:fund}."), ("en", "The fund reached {fig:fund}.")):
        about = project / "docs" / lang / "about.md"
        about.write_text(about.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")
    site = build(project)
    vi = facts(page(site, "about/"))
    en = facts(page(site, "en/about/"))
    assert ("29004000000", "hơn 29,004 tỷ đồng") in vi.data_values
    assert ("29004000000", "more than VND 29.004 billion") in en.data_values
    assert any(link.get("href") == "../congress/#fig-fund" for link in en.links)
