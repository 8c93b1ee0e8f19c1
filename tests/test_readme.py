"""The README shows the real output of `make build` for common mistakes: replay those edits and compare."""

from __future__ import annotations

import re

import pytest

from .commands import build_command
from .conftest import ROOT, make_project

pytestmark = [pytest.mark.build]

README = (ROOT / "README.md").read_text(encoding="utf-8")
SHOWN = [block for block in re.findall(r"```text\n(.*?)```", README, re.S) if block.startswith("Build failed")]


def _figure_line(lines: list[str], figure_id: str, key: str) -> int:
    start = lines.index(next(line for line in lines if line.strip() == f"- id: {figure_id}"))
    return next(i for i in range(start, len(lines)) if lines[i].strip().startswith(f"{key}:"))


def misspelt_key_grouped_number_missing_translation(text: str) -> str:
    lines = text.split("\n")
    label = _figure_line(lines, "tasks-excellent", "label")
    lines[label] = lines[label].replace("label:", "lable:")
    value = _figure_line(lines, "criticism-attendees", "value")
    lines[value] = re.sub(r"value: \d+", "value: 5.736", lines[value])
    translation = _figure_line(lines, "law-conferences", "label")
    lines[translation] = re.sub(r', en: "[^"]*"', "", lines[translation])
    return "\n".join(lines)


def a_count_that_no_longer_adds_up(text: str) -> str:
    lines = text.split("\n")
    value = _figure_line(lines, "tasks-good", "value")
    lines[value] = lines[value].replace("value: 52", "value: 53")
    return "\n".join(lines)


@pytest.mark.parametrize(
    "number,edit", [(0, misspelt_key_grouped_number_missing_translation), (1, a_count_that_no_longer_adds_up)]
)
def test_the_readme_shows_what_make_build_prints(tmp_path, number, edit):
    project = make_project(tmp_path, ROOT / "data")
    record = project / "data" / "achievements.yaml"
    record.write_text(edit(record.read_text(encoding="utf-8")), encoding="utf-8")
    result = build_command(project)
    assert result.returncode == 1
    assert result.stderr.strip() == SHOWN[number].strip()
