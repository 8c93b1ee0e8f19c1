"""Shared fixtures: the repository root, throwaway project copies around a record, and built sites."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(ROOT))

from tools.build import build_site  # noqa: E402

from .serving import chromium  # noqa: E402

PROJECT_PARTS = ("mkdocs.yml", "mkdocs.en.yml", "docs", "overrides", "hooks")


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def make_project(tmp_path: Path, data_dir: Path) -> Path:
    """A copy of the project's configuration, pages and templates around another record's data/ folder."""
    project = tmp_path / "project"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part)
        else:
            shutil.copy2(source, project / part)
    shutil.copytree(data_dir, project / "data")
    return project


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, started once for the session (Playwright's sync API drives one at a time)."""
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real record, built once for the session with the same entry point as `make build`."""
    site = tmp_path_factory.mktemp("real") / "site"
    build_site(ROOT, site)
    return site


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory) -> Path:
    """The two-highlight fixture record, built once."""
    project = make_project(tmp_path_factory.mktemp("minimal"), FIXTURES / "minimal" / "data")
    build_site(project, project / "site")
    return project / "site"
