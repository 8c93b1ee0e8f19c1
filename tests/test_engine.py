"""A way out of MkDocs' end of life: the same build run by ProperDocs (MkDocs 1.x's maintained continuation) writes
byte-identical pages and files (their SHA256SUMS compared), so that moving engines is one line (tayho/engine.py).
The PDFs are left out: WeasyPrint draws them from documents the archive writes itself, not from the engine's pages."""

from __future__ import annotations

import pytest

from .commands import tayho
from .conftest import ROOT, make_project

pytestmark = [pytest.mark.build]


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    project = make_project(tmp_path, ROOT / "data")
    sums = {}
    for engine in ("mkdocs", "properdocs"):
        version = tayho("--engine", engine, "version")
        assert version.returncode == 0 and f"built by {engine} " in version.stdout, version.stdout + version.stderr
        site = tmp_path / f"site-{engine}"
        result = tayho("--engine", engine, "build", "--root", str(project), "--site-dir", str(site), "--no-pdf")
        assert result.returncode == 0, result.stderr
        sums[engine] = (site / "SHA256SUMS").read_text(encoding="utf-8")
    assert len(sums["mkdocs"].splitlines()) > 100
    assert sums["properdocs"] == sums["mkdocs"]


def test_an_unknown_engine_is_refused_before_anything_runs():
    result = tayho("--engine", "zensical", "version")
    assert result.returncode == 2 and "invalid choice: 'zensical'" in result.stderr
