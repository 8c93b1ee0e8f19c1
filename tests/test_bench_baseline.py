"""The benchmark's plain MkDocs baseline (bench/plain.py) publishes the same pages as the archive: every page in
every language, under the same titles, with the same article content and the same sidebar, with the same theme and
Material's own search plugin instead of the tayho plugin."""

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
        # the open data and the embeddable charts are files the archive writes beside its pages, not pages
        if not p.relative_to(site).as_posix().startswith(("data/", "en/data/", "embed/", "en/embed/"))
    }


def _lines(html: str) -> list[str]:
    """The lines of some HTML, blank ones left out (Markdown drops some between the blocks it passes through)."""
    return [line.strip() for line in html.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def plain_site(minimal_site, tmp_path_factory):
    project = write_plain_project(minimal_site.parent, tmp_path_factory.mktemp("plain") / "plain")
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    for config in project.configs:
        subprocess.run([mkdocs, "build", "-q", "-f", config], cwd=project.folder, check=True)
    return project.folder


def test_the_baseline_is_material_alone_with_the_same_theme_features(plain_site):
    archive = yaml.safe_load(Path("mkdocs.yml").read_text(encoding="utf-8"))
    for name in ("mkdocs.vi.yml", "mkdocs.en.yml"):
        plain = yaml.safe_load((plain_site / name).read_text(encoding="utf-8"))
        assert "hooks" not in plain and plain["plugins"] == [{"search": {"lang": name.split(".")[1]}}]
        assert plain["theme"]["name"] == archive["theme"]["name"]
        assert plain["theme"]["features"] == archive["theme"]["features"]
        assert plain["markdown_extensions"][:3] == archive["markdown_extensions"][:3]


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


@pytest.mark.slow  # reads a record of a thousand highlights
def test_a_synthetic_project_copy_reads_its_large_record_with_the_raised_limit(tmp_path):
    """The benchmark's copies raise the plugin's record_max_bytes in their mkdocs.yml; a record over the project's
    own limit is read there (and refused with the limit as shipped)."""
    from bench.project import RECORD_MAX_BYTES, copy_project
    from tayho.build import project_plugin
    from tayho.errors import RecordError
    from tayho.load import load_record

    project = copy_project(tmp_path / "copy", 30)
    plugin = project_plugin(project)
    assert plugin.config.record_max_bytes == RECORD_MAX_BYTES
    assert len(plugin.load(project).highlights) == 30
    assert (project / "permalinks.lock").read_text(encoding="utf-8").splitlines()[0].startswith("# Every published")
    size = (project / "data" / "achievements.yaml").stat().st_size
    with pytest.raises(RecordError, match="the limit is"):
        load_record(project / "data" / "achievements.yaml", project, max_bytes=size - 1)


@pytest.mark.slow  # copies and reads the project
def test_the_timed_edit_changes_one_text_of_one_highlight_and_nothing_else(tmp_path):
    from bench.project import RECORD, copy_project, edit_highlight_text

    project = copy_project(tmp_path / "copy", None)
    before = yaml.safe_load((project / RECORD).read_text(encoding="utf-8"))
    for edit in (1, 2):
        new = edit_highlight_text(project, edit)
        after = yaml.safe_load((project / RECORD).read_text(encoding="utf-8"))
        assert new.endswith(f" Edit {edit}.") and new.count("Edit") == 1
        assert after["highlights"][0]["body"][0]["en"] == new
        after["highlights"][0]["body"][0]["en"] = before["highlights"][0]["body"][0]["en"]
        assert after == before
