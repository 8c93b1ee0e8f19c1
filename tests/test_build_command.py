"""The build command as an editor runs it: clear errors, no traceback, and the last good site kept."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from .commands import build_command as run_build
from .commands import leftovers
from .conftest import FIXTURES, make_project

pytestmark = [pytest.mark.build]


def fingerprint(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_a_broken_record_fails_clearly_and_keeps_the_last_good_site(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    assert run_build(project).returncode == 0
    before = fingerprint(project / "site")
    assert "supervision/index.html" in before and "en/supervision/index.html" in before

    record = project / "data" / "achievements.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text.replace("value: 156", 'value: "156"').replace("    order: 2\n", "    order: 2\n    colour: red\n"),
        encoding="utf-8",
    )
    result = run_build(project)

    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line.strip() for line in result.stderr.splitlines()]
    assert any(
        line.startswith("data/achievements.yaml:") and "highlights[1].figures[0].value: must be a number" in line
        for line in lines
    ), result.stderr
    assert any("highlights[1].colour: is not a known field" in line for line in lines), result.stderr
    assert fingerprint(project / "site") == before
    assert not leftovers(project)


def _build_on_a_terminal(project: Path, **environment: str) -> str:
    """Run `tayho build` with its standard error on a pseudo-terminal, as in an editor's shell; what it printed."""
    import os
    import pty
    import subprocess
    import sys

    primary, secondary = pty.openpty()
    env = {name: value for name, value in os.environ.items() if name != "CI"} | environment
    process = subprocess.Popen(
        [sys.executable, "-m", "tayho", "build", "--root", str(project), "--no-pdf"],
        stdout=subprocess.DEVNULL,
        stderr=secondary,
        env=env,
    )
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=120)
    os.close(primary)
    assert process.returncode == 0, output
    return output.decode("utf-8")


def test_a_build_on_a_terminal_reports_progress_and_stays_quiet_in_ci(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    shown = _build_on_a_terminal(project)
    for lang in ("vi", "en"):
        assert f"[{lang}] reading the record and the pages" in shown
        assert re.search(rf"\[{lang}\] pages (\d+)/\1 ", shown), shown  # every page, counted
    assert _build_on_a_terminal(project, CI="true") == ""
