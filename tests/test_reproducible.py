"""Two builds of one commit give a byte-identical site, with SHA256SUMS that verify it."""

from __future__ import annotations

import hashlib
import subprocess

import pytest

from .conftest import FIXTURES, build, make_project

pytestmark = [pytest.mark.build]


def tree(site):
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_cold_builds_are_byte_identical(tmp_path, monkeypatch):
    """Two copies of the project (so each renders its PDFs afresh, with its own cache) build the same bytes. The
    fixture record holds every kind of item once; two builds of the real record are compared in
    tests/test_engine.py (MkDocs and ProperDocs)."""
    for name in ("one", "two"):
        monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        build(make_project(tmp_path / name, FIXTURES / "minimal" / "data"), tmp_path / name / "site", pdf=True)
    one, two = tree(tmp_path / "one" / "site"), tree(tmp_path / "two" / "site")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    assert "sitemap-pages.xml.gz" in one and "en/search/search_index.json" in one
    assert any(name.endswith(".pdf") for name in one) and any(name.endswith(".png") for name in one)


def test_sha256sums_lists_and_verifies_every_file(real_site_with_pdf):
    site = real_site_with_pdf
    listed = {}
    for line in (site / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    files = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()} - {"SHA256SUMS"}
    assert set(listed) == files
    assert all(hashlib.sha256((site / name).read_bytes()).hexdigest() == digest for name, digest in listed.items())
    check = subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=site, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
