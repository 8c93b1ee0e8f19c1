"""The editorial checks of a project, run with the record's own: the glossary (data/glossary.yaml, beside the record)
and the automatable rules of docs/style.md, on every text of the record and of the prose pages (docs/<lang>/*.md).
A project without a glossary has no editorial checks.

Problems are reported like the record's: file, line, field path, what is wrong, every one at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from .errors import Path as FieldPath
from .errors import Problem, RecordError, format_path
from .glossary import Finding, Glossary, apply_exceptions, check_english, check_pair, load_glossary
from .languages import SiteLanguages
from .model import Localized, Record
from .style import style_findings
from .yamlsource import MAX_BYTES, LineMap, decode, parse, read_regular_file

GLOSSARY_FILE = "glossary.yaml"


class EditorialError(RecordError):
    """The texts break the glossary or the style sheet."""

    def report(self) -> str:
        count = len(self.problems)
        heading = f"The texts have {count} editorial problem{'s' if count != 1 else ''} (glossary, style sheet):"
        return "\n".join([heading, *(f"  {problem}" for problem in self.problems)])


def localized_texts(node: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, Localized]]:
    """Every text of the record written in each language, with its field path."""
    if isinstance(node, Localized):
        yield path, node
    elif isinstance(node, BaseModel):
        for name, field in type(node).model_fields.items():
            yield from localized_texts(getattr(node, name), path + (field.alias or name,))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from localized_texts(item, path + (index,))


class _Project:
    """The texts of one project: the record's, the prose pages', and the source they quote."""

    def __init__(self, root: Path, record_path: Path, record: Record, languages: SiteLanguages):
        self.root, self.record_path, self.record, self.languages = root, record_path, record, languages
        self.record_shown = _shown(record_path, root)
        self.texts = list(localized_texts(record))
        source = decode(read_regular_file(root / record.term.source.file, record.term.source.file), "source")
        self._source = " ".join(source.split())
        self._lines: LineMap | None = None

    def from_source(self, passage: str) -> bool:
        return " ".join(passage.split()) in self._source

    def prose(self, lang: str) -> dict[str, str]:
        folder = self.root / "docs" / lang
        return {page.name: page.read_text(encoding="utf-8") for page in sorted(folder.glob("*.md"))}

    def record_problem(self, where: FieldPath, message: str) -> Problem:
        if self._lines is None:  # read again only when there is something to report
            text = decode(read_regular_file(self.record_path, self.record_shown, MAX_BYTES), self.record_shown)
            self._lines = parse(text, self.record_shown)[1]
        return Problem(self.record_shown, self._lines.line_of(where), format_path(where), message)


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, max(offset, 0)) + 1


def editorial_problems(root: Path, record_path: Path, record: Record, languages: SiteLanguages) -> list[Problem]:
    """Every problem the glossary and the style sheet find in the project's texts (empty when there is none).

    A project takes on the editorial checks with its glossary: without data/glossary.yaml beside the record (a test
    fixture, a synthetic benchmark record) nothing is checked; the glossary's own check needs Vietnamese and English.
    """
    glossary_path = record_path.parent / GLOSSARY_FILE
    if not glossary_path.exists():
        return []
    project = _Project(root, record_path, record, languages)
    problems = list(_style_problems(project))
    if "vi" in languages and "en" in languages:
        problems += _glossary_problems(project, glossary_path)
    return problems


def _style_problems(project: _Project) -> Iterator[Problem]:
    for where, text in project.texts:
        for lang in project.languages:
            for rule, _, message in style_findings(text[lang], lang, project.from_source):
                yield project.record_problem(where + (lang,), f"style ({rule}): {message}")
    for lang in project.languages:
        for name, page in project.prose(lang).items():
            for rule, offset, message in style_findings(page, lang, project.from_source):
                yield Problem(f"docs/{lang}/{name}", _line_at(page, offset), "", f"style ({rule}): {message}")


def _glossary_problems(project: _Project, glossary_path: Path) -> list[Problem]:
    glossary_shown = _shown(glossary_path, project.root)
    glossary, glossary_lines = load_glossary(glossary_path, glossary_shown)
    findings: list[Finding] = []
    for where, text in project.texts:
        findings += check_pair(glossary, format_path(where), text["vi"], text["en"])
    english_pages, vietnamese_pages = project.prose("en"), project.prose("vi")
    for name, page in english_pages.items():
        at = f"docs/en/{name}"
        if name in vietnamese_pages:
            findings += check_pair(glossary, at, vietnamese_pages[name], page)
        else:
            findings += check_english(glossary, at, page)
    places = {format_path(where) for where, _ in project.texts} | {f"docs/en/{name}" for name in english_pages}
    kept, exception_problems = apply_exceptions(glossary, findings, places)
    paths = {format_path(where): where for where, _ in project.texts}
    problems = [_finding_problem(project, finding, paths, english_pages) for finding in kept]
    for index, field, message in exception_problems:
        where = ("exceptions", index, field)
        problems.append(Problem(glossary_shown, glossary_lines.line_of(where), format_path(where), message))
    return problems


def _finding_problem(project: _Project, finding: Finding, paths: dict, pages: dict[str, str]) -> Problem:
    message = f"glossary: {finding.message}"
    if finding.at in paths:
        return project.record_problem(paths[finding.at] + ("en",), message)
    page = pages[finding.at.removeprefix("docs/en/")]
    return Problem(finding.at, _line_at(page, page.find(finding.form) if finding.form else 0), "", message)


def check_editorial(root: Path, record_path: Path, record: Record, languages: SiteLanguages) -> None:
    """Raise EditorialError listing every problem, if there is any."""
    problems = editorial_problems(root, record_path, record, languages)
    if problems:
        raise EditorialError(problems)


def glossary_of(record_path: Path) -> Glossary | None:
    """The project's glossary, if it has one (for tests and tools)."""
    path = record_path.parent / GLOSSARY_FILE
    return load_glossary(path, path.name)[0] if path.exists() else None
