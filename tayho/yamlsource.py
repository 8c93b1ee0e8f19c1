"""Read a YAML file safely into plain Python data, remembering the line of every field path.

Safe loading only; duplicate keys, anchors/aliases (the "billion laughs" attack), merge keys, custom tags,
excessive nesting and oversized files are rejected with the line where they occur.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from pathlib import Path as FilePath
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Path, Problem, RecordError, format_path
from .limits import MAX_RECORD_BYTES

# A file larger than this is refused before it is read (tayho/limits.py; the real record is about 0.1 MB).
# The plugin's `record_max_bytes` raises it for deliberately large records, such as the benchmark's.
MAX_BYTES = MAX_RECORD_BYTES
MAX_DEPTH = 32


@dataclasses.dataclass(frozen=True)
class LineMap:
    """Field path → 1-based line, with a fallback to the nearest enclosing field."""

    lines: dict[Path, int]
    keys: dict[Path, int] = dataclasses.field(default_factory=dict)  # field path → line of the key that names it

    def line_of(self, path: Path) -> int:
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def key_line_of(self, path: Path) -> int:
        """The line of the key that names the field at `path` (`photos:` rather than its first item), else the
        line of the nearest enclosing field."""
        return self.keys.get(path) or self.line_of(path)


class _Guard:
    """Refuses anchors and aliases and bounds the nesting depth while a loader composes the node tree."""

    def compose_node(self, parent, index):  # noqa: D102 (PyYAML hook)
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(
                problem="anchors and aliases (*name) are not allowed in the record", problem_mark=event.start_mark
            )
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(
                problem="anchors (&name) are not allowed in the record", problem_mark=event.start_mark
            )
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(
                    problem=f"nesting deeper than {MAX_DEPTH} levels", problem_mark=event.start_mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _PythonLoader(_Guard, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, guarded: slower, and the one whose error messages are reported."""


if getattr(yaml, "__with_libyaml__", False):
    from yaml._yaml import CParser

    class _FastLoader(
        _Guard, yaml.composer.Composer, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver
    ):
        """The same guarded composition and safe construction over libyaml's event stream (about ten times faster)."""

        def __init__(self, stream: str):
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _LOADERS = (_FastLoader, _PythonLoader)
else:  # pragma: no cover (PyYAML built without libyaml)
    _LOADERS = (_PythonLoader,)


def read_regular_file(path: FilePath, shown: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; anything else is a problem of the file, found without
    reading it (a FIFO or a device would block the build, a huge file would fill the memory)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a FIFO, socket or device)"
            raise RecordError([Problem(shown, 1, "", f"is {kind}; it must be a text file")])
        if info.st_size > max_bytes:
            raise RecordError([Problem(shown, 1, "", f"file is {info.st_size:,} bytes; the limit is {max_bytes:,}")])
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as error:
        raise RecordError([Problem(shown, 1, "", f"cannot read the file: {error.strerror}")]) from None


def decode(raw: bytes, file: str, max_bytes: int = MAX_BYTES) -> str:
    """Decode UTF-8 text, rejecting a byte-order mark, bad bytes and oversized files."""
    if len(raw) > max_bytes:
        raise RecordError([Problem(file, 1, "", f"file is {len(raw):,} bytes; the limit is {max_bytes:,}")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raise RecordError(
            [Problem(file, 1, "", "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")]
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise RecordError(
            [Problem(file, line, "", f"byte 0x{raw[error.start]:02X} is not valid UTF-8; save the file as UTF-8")]
        ) from None


def parse(text: str, file: str) -> tuple[Any, LineMap]:
    """Parse one YAML document into Python data and the line of each field path.

    libyaml reads the file when it can; a file with any problem is read again by the pure-Python parser, whose
    messages (and so what the editor sees) do not depend on how PyYAML was built.
    """
    try:
        return _parse_with(_LOADERS[0], text, file)
    except RecordError:
        if len(_LOADERS) == 1:
            raise
    return _parse_with(_PythonLoader, text, file)


def _parse_with(loader_class: type, text: str, file: str) -> tuple[Any, LineMap]:
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as error:
        raise RecordError([_reader_problem(error, text, file)]) from None
    try:
        root = loader.get_single_node()
        if root is None:
            raise RecordError([Problem(file, 1, "", "file is empty; it must hold the record")])
        lines: dict[Path, int] = {}
        keys: dict[Path, int] = {}
        problems: list[Problem] = []
        data = _build(root, (), loader, lines, problems, file, keys)
    except yaml.reader.ReaderError as error:
        raise RecordError([_reader_problem(error, text, file)]) from None
    except yaml.MarkedYAMLError as error:
        raise RecordError([_yaml_problem(error, file)]) from None
    except yaml.YAMLError as error:
        raise RecordError([Problem(file, 1, "", f"not valid YAML: {error}")]) from None
    finally:
        if "loader" in locals():
            loader.dispose()
    if problems:
        raise RecordError(problems)
    return data, LineMap(lines, keys)


def _reader_problem(error: yaml.reader.ReaderError, text: str, file: str) -> Problem:
    """PyYAML refuses some characters before parsing; say which and where."""
    line = text[: error.position].count("\n") + 1
    return Problem(file, line, "", f"contains the control character U+{error.character:04X}; remove it")


# An unclosed bracket or quote is reported where it was opened, not where the file ran out.
_OPENED_AT = ("while parsing a flow", "while scanning a quoted", "while scanning a simple key")


def _yaml_problem(error: yaml.MarkedYAMLError, file: str) -> Problem:
    opened = error.context_mark is not None and (error.context or "").startswith(_OPENED_AT)
    mark = error.context_mark if opened else (error.problem_mark or error.context_mark)
    line = mark.line + 1 if mark else 1
    what = " ".join(part for part in (error.context, error.problem) if part)
    if "\t" in what or "found character '\\t'" in what:
        what += " (YAML indentation must use spaces, not tabs)"
    return Problem(file, line, "", f"not valid YAML: {what}")


_PLAIN_TAGS = {MappingNode: "tag:yaml.org,2002:map", SequenceNode: "tag:yaml.org,2002:seq"}


def _build(
    node: Node, path: Path, loader: yaml.SafeLoader, lines: dict, problems: list, file: str, key_lines: dict
) -> Any:
    lines[path] = node.start_mark.line + 1
    if type(node) in _PLAIN_TAGS and node.tag != _PLAIN_TAGS[type(node)]:
        raise yaml.MarkedYAMLError(
            problem=f"tags ({node.tag}) are not allowed in the record", problem_mark=node.start_mark
        )
    if isinstance(node, MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise yaml.MarkedYAMLError(problem="merge keys (<<) are not allowed", problem_mark=key_node.start_mark)
            key = _scalar(key_node, loader)
            if not isinstance(key, str):
                problems.append(
                    Problem(file, key_node.start_mark.line + 1, format_path(path), f"key {key!r} must be text")
                )
                continue
            if key in result:
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1,
                        format_path(path + (key,)),
                        f"duplicate key {key!r} (first given on line {key_lines[path + (key,)]})",
                    )
                )
                continue
            key_lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, path + (key,), loader, lines, problems, file, key_lines)
        return result
    if isinstance(node, SequenceNode):
        return [
            _build(item, path + (index,), loader, lines, problems, file, key_lines)
            for index, item in enumerate(node.value)
        ]
    trap = yaml11_trap(node) or _surrogate(node)
    if trap:
        problems.append(Problem(file, node.start_mark.line + 1, format_path(path), trap))
        return None
    try:
        return _scalar(node, loader)
    except ValueError as error:  # an impossible date (2024-02-30) or an integer too long to convert
        problems.append(
            Problem(
                file,
                node.start_mark.line + 1,
                format_path(path),
                f"{node.value[:40]!r} is not a valid date or number: {error}",
            )
        )
        return None


def _surrogate(node: ScalarNode) -> str | None:
    """A lone surrogate written as an escape ("\\ud800") is not a character; both parsers refuse it alike."""
    found = _SURROGATE.search(node.value)
    return f"contains U+{ord(found[0]):04X}, a surrogate, which is not a character; remove it" if found else None


_SURROGATE = re.compile("[\ud800-\udfff]")


_PLAIN_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_PLAIN_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_BOOLEANS = {"true", "false"}


def yaml11_trap(node: ScalarNode) -> str | None:
    """A plain scalar that YAML 1.1 reads as something its writer rarely meant: refused, with what to write.

    0242 is octal (162), 1:30 is base 60 (90), 0x1F and 0b101 are hexadecimal and binary, 1_000 drops its
    underscore, yes/no/on/off are true and false, .inf and .nan are not numbers.
    """
    if node.style:
        return None  # quoted or a block scalar: text, as written (libyaml marks a plain scalar "", PyYAML None)
    text, tag = node.value, node.tag.rsplit(":", 1)[-1]
    if tag == "int" and not _PLAIN_INT.match(text):
        digits = text.lstrip("+-")
        if ":" in text:
            why = "a base-60 number (1:30 is 90)"
        elif digits.lower().startswith(("0x", "0b")):
            why = "a hexadecimal or binary number"
        elif "_" in text:
            why = "a number with its underscores dropped"
        elif set(digits) <= set("01234567"):
            why = f"the octal number {int(digits, 8)}"
        else:
            why = "something other than the number it looks like"
        plain = digits.lstrip("0") or "0"
        example = plain if plain.isdigit() else "242"
        return (
            f"{text[:40]!r} is read by YAML as {why}; write the number in plain decimal digits, without a "
            f"leading zero ({example}), or quote it if it is text"
        )
    if tag == "float" and not _PLAIN_FLOAT.match(text):
        if text.lstrip("+-").lower() in (".inf", ".nan"):
            return f"{text[:40]!r} is not a finite number"
        return (
            f"{text[:40]!r} is read by YAML as a number in an unusual form; write it as 12.5, or quote it if it is text"
        )
    if tag == "bool" and text.lower() not in _BOOLEANS:
        meaning = "true" if text.lower() in ("yes", "y", "on") else "false"
        return f"{text[:40]!r} is read by YAML as {meaning}; write true or false, or quote it if it is text"
    return None


def _scalar(node: Node, loader: yaml.SafeLoader) -> Any:
    if not isinstance(node, ScalarNode):
        raise yaml.MarkedYAMLError(problem="a key must be plain text", problem_mark=node.start_mark)
    return loader.construct_object(node, deep=True)
