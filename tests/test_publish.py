"""Publishing: `tayho publish` builds the site for its published address and makes it the whole tree of the
gh-pages branch of a remote (here a local bare repository); the GitHub Pages workflow runs the tests first."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from .commands import tayho
from .conftest import FIXTURES, ROOT, make_project

pytestmark = [pytest.mark.build]
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]


def git(*args: str, cwd: Path) -> str:
    return subprocess.run([*GIT, *args], cwd=cwd, capture_output=True, text=True, check=True).stdout


def test_publish_makes_the_site_the_whole_tree_of_the_branch_of_the_remote(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Test")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "test@example.org")
    remote = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    git("init", "-q", cwd=project)
    git("add", ".", cwd=project)
    git("commit", "-q", "-m", "the record", cwd=project)
    git("remote", "add", "origin", str(remote), cwd=project)
    commit = git("rev-parse", "--short=10", "HEAD", cwd=project).strip()

    result = tayho("publish", "--root", str(project), "--site-url", "https://example.org/archive/")
    assert result.returncode == 0, result.stderr
    assert f"origin/gh-pages: Publish the site built from {commit}" in result.stdout

    tree = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split())
    built = {path.relative_to(project / "site").as_posix() for path in (project / "site").rglob("*") if path.is_file()}
    assert tree == built | {".nojekyll"}
    assert {"index.html", "en/index.html", "SHA256SUMS", "data/record.json", "print/tayho-archive-vi.pdf"} <= tree
    home = git("show", "gh-pages:index.html", cwd=remote)
    assert '<link rel="canonical" href="https://example.org/archive/">' in home
    assert git("log", "-1", "--format=%s", "gh-pages", cwd=remote).strip() == f"Publish the site built from {commit}"


def test_publishing_outside_a_git_checkout_says_so(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    result = tayho("publish", "--root", str(project), "--site-url", "https://example.org/")
    assert result.returncode == 1 and "is not a git checkout" in result.stderr and "Traceback" not in result.stderr


def test_the_pages_workflow_tests_builds_for_its_address_and_deploys_site():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = [
        step.get("run", "") + " " + step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]
    ]
    commands = " ".join(steps)
    assert "bash .ci/run" in commands and "make build SITE_URL=" in commands
    assert "actions/upload-pages-artifact" in commands and "actions/deploy-pages" in commands
    assert shutil.which("git")
