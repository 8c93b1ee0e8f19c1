"""Load the record file: parse, validate against the model, run the consistency checks, or report every problem."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

import pydantic

from . import checks
from .errors import Problem, RecordError, format_path
from .languages import THIS_SITE, SiteLanguages
from .model import Record
from .translations import translation_findings
from .yamlsource import MAX_BYTES, LineMap, decode, parse, read_regular_file

_FRIENDLY = {
    "missing": "is required but missing",
    "extra_forbidden": "is not a known field (check its spelling and indentation)",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be a mapping of fields",
    "date_type": "must be a date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "must be a date written as YYYY-MM-DD",
}


def load_record(
    path: Path,
    root: Path | None = None,
    languages: SiteLanguages = THIS_SITE,
    max_bytes: int = MAX_BYTES,
    reserved: Mapping[str, str] | None = None,
    size_limits: bool = True,
) -> Record:
    """Return the validated record at `path`, or raise RecordError listing every problem (load_record_and_lines
    says how)."""
    return load_record_and_lines(path, root, languages, max_bytes, reserved, size_limits)[0]


def load_record_and_lines(
    path: Path,
    root: Path | None = None,
    languages: SiteLanguages = THIS_SITE,
    max_bytes: int = MAX_BYTES,
    reserved: Mapping[str, str] | None = None,
    size_limits: bool = True,
) -> tuple[Record, LineMap, str]:
    """Return the validated record at `path`, the line of each of its fields and the file's name as messages
    show it, or raise RecordError listing every problem.

    `root` is the repository folder the source file's path is relative to (default: the record's grandparent);
    `languages` are those every text must be written in; a file larger than `max_bytes` is refused unread;
    `reserved` are names of the site's own (folders, prose pages) that no highlight may take as its id, with
    what holds each; without `size_limits`, the counts of tayho/limits.py are not enforced (the benchmark's
    deliberately large records).
    """
    root = root if root is not None else path.resolve().parent.parent
    shown = _shown_name(path, root)
    data, lines = parse(decode(read_regular_file(path, shown, max_bytes), shown, max_bytes), shown)
    translations = [
        Problem(shown, lines.line_of(where), format_path(where), message)
        for where, message in translation_findings(Record, data, languages)
    ]
    record = _validate(data, lines, shown, translations, size_limits)
    if translations:  # the rules across fields read every text in every language: they wait for the translations
        raise RecordError(translations)
    problems = [
        Problem(shown, lines.line_of(where), format_path(where), message)
        for where, message in checks.check_record(record, reserved or {})
    ]
    problems += _check_source(record, lines, shown, root)
    if problems:
        raise RecordError(problems)
    return record, lines, shown


def _shown_name(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _validate(data: object, lines: LineMap, shown: str, earlier: list[Problem], size_limits: bool = True) -> Record:
    try:
        return Record.model_validate(data, context={"size_limits": size_limits})
    except pydantic.ValidationError as error:
        raise RecordError(earlier + [_problem_from(item, lines, shown) for item in error.errors()]) from None


def _problem_from(item: dict, lines: LineMap, shown: str) -> Problem:
    where = tuple(part for part in item["loc"] if not _is_internal(part))
    message = _FRIENDLY.get(item["type"]) or _describe(item)
    return Problem(shown, lines.line_of(where), format_path(where), message)


def _is_internal(part: object) -> bool:
    """Pydantic names union members and validators in error locations; editors never wrote those."""
    return isinstance(part, str) and (part.startswith("function-") or part in {"int", "float", "str"})


def _describe(item: dict) -> str:
    message = item["msg"]
    if item["type"] == "string_pattern_mismatch":
        if item["loc"][-1] in {"id", "delegates", "count", "total"} or item["loc"][-2:-1] in {("figures",), ("parts",)}:
            return "must be an id: lowercase ASCII letters and digits in words joined by hyphens, like covid-19"
        return f"does not have the expected form ({item['ctx']['pattern']})"
    if item["type"] == "value_error":
        return message.removeprefix("Value error, ")
    if item["type"] == "string_type":
        return f"must be text, not {type(item['input']).__name__}"
    if item["type"] in ("too_long", "string_too_long"):
        limit, what = item["ctx"]["max_length"], "items" if item["type"] == "too_long" else "characters"
        return (
            f"has {len(item['input'])} {what}; the archive builds at most {limit} within its memory bound "
            "(tayho/limits.py, measured in BENCHMARKS.md): split it or shorten it"
        )
    return message[0].lower() + message[1:]


def _check_source(record: Record, lines: LineMap, shown: str, root: Path) -> list[Problem]:
    source = record.term.source
    where = ("term", "source", "sha256")
    try:
        raw = read_regular_file(root / source.file, source.file, MAX_BYTES)
        decode(raw, source.file)
    except RecordError as error:
        line = lines.line_of(("term", "source", "file"))
        message = f"the source file {source.file} cannot be used: {error.problems[0].message}"
        return [Problem(shown, line, "term.source.file", message)]
    digest = hashlib.sha256(raw).hexdigest()
    if digest != source.sha256:
        return [
            Problem(
                shown,
                lines.line_of(where),
                format_path(where),
                f"does not match the source file, whose SHA-256 is {digest}",
            )
        ]
    return []
