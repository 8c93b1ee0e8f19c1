"""Running the `tayho` command as an editor does, in a subprocess, under a time limit and a memory limit."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

MEMORY_LIMIT = 2 * 1024**3  # the documented bound for a whole build
TIMEOUT = 120  # seconds; generous for a loaded CI machine (speed is measured by make bench, not here)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def tayho(*args: str, cwd: Path | None = None, timeout: float = TIMEOUT) -> subprocess.CompletedProcess:
    """`tayho ARGS…` (as `python -m tayho`, the same entry point), output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "tayho", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        preexec_fn=_limit_memory,
    )


def build_command(project: Path, *options: str) -> subprocess.CompletedProcess:
    """`tayho build` of a project, as `make build` runs it."""
    return tayho("build", "--root", str(project), *options)


def leftovers(project: Path) -> list[Path]:
    """Folders a build left beside the site (staging folders, an old site)."""
    return sorted(project.glob(".site-build-*")) + sorted(project.glob("site.old"))
