"""The benchmark's plain MkDocs baseline (bench/plain.py) publishes the same pages as the archive: every page in
both languages, under the same titles, with the same article content and the same sidebar, and no hooks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bench.plain import ARTICLE, write_plain_project

TITLE = re.compile(r"<title>(.*?)(?: - [^<]*)?</title>")


def _pages(site: Path) -> set[str]:
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("index.html")
        if not p.relative_to(site).as_posix().startswith(("data/", "en/data/"))
    }


def _lines(html: str) -> list[str]:
    """The lines of some HTML, blank ones left out (Markdown drops some between the blocks it passes through)."""
    return [line.strip() for line in html.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def plain_site(minimal_site, tmp_path_factory):
    project = write_plain_project(minimal_site.parent, tmp_path_factory.mktemp("plain") / "plain")
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        subprocess.run([mkdocs, "build", "-q", "-f", config], cwd=project, check=True)
    return project


def test_the_baseline_has_no_hooks_and_the_same_theme_features(plain_site):
    archive = yaml.safe_load(Path("mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    plain = yaml.safe_load((plain_site / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in plain and plain["theme"]["features"] == archive["theme"]["features"]


def test_the_baseline_publishes_every_page_with_the_same_title_and_content(minimal_site, plain_site):
    site = plain_site / "site"
    redirects = {
        page
        for page in _pages(minimal_site)
        if 'http-equiv="refresh"' in (minimal_site / page).read_text(encoding="utf-8")
    }
    assert _pages(site) == _pages(minimal_site) - redirects
    for page in _pages(site):
        ours, theirs = ((root / page).read_text(encoding="utf-8") for root in (minimal_site, site))
        assert TITLE.search(ours).group(1) == TITLE.search(theirs).group(1), page
        assert _lines(ARTICLE.search(ours).group(1)) == _lines(ARTICLE.search(theirs).group(1)), page
