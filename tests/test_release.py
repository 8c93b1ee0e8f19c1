"""Two releases of the fixture record, with a corrected figure, a reworded summary and a renamed photo between them,
made as an editor makes them (`tayho release`): both versions are served at their own addresses, the older one
says so, the page of changes shows the figure's old and new value and the texts word by word in both languages,
each version's citation carries its own address, the PDFs are PDF/A with their data attached, the BagIt bag
validates and the WACZ holds the home page."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tayho.static_host import hosting

from .commands import tayho
from .conftest import FIXTURES, ROOT, make_project

pytestmark = [pytest.mark.build]
SITE = "https://archive.example.org/"
IDENTITY = {
    "GIT_AUTHOR_NAME": "Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
}


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(project), *args], capture_output=True, text=True, check=True).stdout


def edit(project: Path, old: str, new: str) -> None:
    record = project / "data" / "achievements.yaml"
    text = record.read_text(encoding="utf-8")
    assert old in text
    record.write_text(text.replace(old, new), encoding="utf-8")


def release(project: Path, version: str) -> str:
    result = tayho("release", version, "--root", str(project), "--site-url", SITE)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    import os

    os.environ.update(IDENTITY)
    project = make_project(tmp_path_factory.mktemp("releases"), FIXTURES / "minimal" / "data")
    (project / "permalinks.lock").unlink()
    shutil.copy2(ROOT / "CITATION.cff", project / "CITATION.cff")
    (project / ".gitignore").write_text("site/\n.site.lock\n.tayho-cache/\nrelease/\n", encoding="utf-8")
    git(project, "init", "-q")
    assert tayho("permalinks", "--root", str(project)).returncode == 0
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "The record")
    assert "Released 1.0.0" in release(project, "1.0.0")
    edit(project, "value: 156", "value: 157")
    edit(project, '"Đại hội với {fig:delegates} đại biểu."', '"Đại hội chính thức với {fig:delegates} đại biểu."')
    edit(project, '"A congress of {fig:delegates} delegates."', '"An official congress of {fig:delegates} delegates."')
    edit(project, "      - id: supervision-conference\n", "      - id: conference-2023\n")
    record = project / "data" / "achievements.yaml"
    record.write_text(
        record.read_text(encoding="utf-8")
        + "redirects:\n  - {kind: photo, from: supervision-conference, to: conference-2023}\n",
        encoding="utf-8",
    )
    git(project, "commit", "-q", "-am", "A corrected figure, a clearer summary, a renamed photo")
    assert "Released 1.1.0" in release(project, "1.1.0")
    return project


def test_each_release_is_committed_tagged_and_listed(released):
    assert git(released, "tag").split() == ["v1.0.0", "v1.1.0"]
    listed = (released / "data" / "releases.yaml").read_text(encoding="utf-8")
    for version in ("1.0.0", "1.1.0"):
        commit = git(released, "rev-list", "-n", "1", f"v{version}").strip()
        assert f"version: {version}\n" in listed and f"commit: {commit}" in listed
    assert 'version: "1.1.0"' in (released / "CITATION.cff").read_text(encoding="utf-8")
    assert "Version 1.1.0 of the record released." in (released / "data" / "achievements.yaml").read_text("utf-8")
    assert not git(released, "status", "--porcelain", "--untracked-files=no")


def _get(base: str, path: str) -> str:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return response.read().decode("utf-8")


def test_both_versions_are_served_at_their_addresses_and_the_older_one_says_so(released):
    with hosting(released / "site") as base:
        old = _get(base, "v/1.0.0/en/congress/")
        new = _get(base, "v/1.1.0/en/congress/")
        current = _get(base, "en/congress/")
    assert '<data value="156">156</data>' in old and '<data value="157">157</data>' in new
    assert "You are reading version 1.0.0 of the record" in old
    assert f'href="{SITE}en/congress/">See this page on the current site.' in old
    assert "tayho-version-select" in current and "tayho-version-select" not in old
    assert f"{SITE}v/1.0.0/en/congress/#congress" in old  # each version cites its own address
    assert f"{SITE}v/1.1.0/en/congress/#congress" in current  # the current site is release 1.1.0: cite that
    assert "Version 1.1.0 (" in current


def test_the_page_of_changes_shows_old_and_new_figures_and_the_texts_word_by_word(released):
    for prefix, words in (
        ("", ("Từ 1.0.0 đến 1.1.0", "Tóm tắt (Tiếng Việt)")),
        ("en/", ("From 1.0.0 to 1.1.0", "Summary (English)")),
    ):
        page = (released / "site" / prefix / "versions" / "1.0.0-1.1.0" / "congress" / "index.html").read_text("utf-8")
        assert all(word in page for word in words)
        rows = re.findall(r'<td lang="(vi|en)">[^<]*</td><td><del>([^<]*)</del></td><td><ins>([^<]*)</ins></td>', page)
        assert rows == [("vi", "156", "157"), ("en", "156", "157")]
        assert "Đại hội <ins>chính thức </ins>với <del>156</del><ins>157</ins> đại biểu." in page
        assert "<del>A</del><ins>An official</ins> congress of <del>156</del><ins>157</ins> delegates." in page
        record = (released / "site" / prefix / "versions" / "1.0.0-1.1.0" / "index.html").read_text("utf-8")
        assert "supervision-conference → conference-2023" in record
        changes = (released / "site" / prefix / "changes" / "index.html").read_text("utf-8")
        assert 'href="../versions/1.0.0-1.1.0/"' in changes


def test_the_pdfs_of_each_version_are_pdf_a_with_their_data_attached(released):
    pypdf = pytest.importorskip("pypdf")
    for folder in ("v/1.0.0/", "v/1.1.0/", ""):
        reader = pypdf.PdfReader(released / "site" / folder / "en" / "print" / "tayho-archive-en.pdf")
        xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
        assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp
        data = json.loads(reader.attachments["record.json"][0])
        assert data["highlights"][1]["figures"][0]["value"] == (156 if folder == "v/1.0.0/" else 157)


def test_the_bag_validates_and_holds_what_an_archive_needs(released):
    import bagit

    bag = bagit.Bag(str(released / "release" / "tayho-archive-1.1.0"))
    bag.validate()
    assert bag.info["Version"] == "1.1.0" and bag.info["External-Identifier"] == "tayho-archive-1.1.0"
    payload = set(bag.payload_files())
    for needed in (
        "data/site/index.html",
        "data/site/v/1.0.0/index.html",
        "data/record/achievements.yaml",
        "data/source/sample.txt",
        "data/source/sample.txt.sha256",
        "data/pdf/tayho-archive-vi.pdf",
        "data/README.txt",
    ):
        assert needed in payload, needed


def test_the_web_archive_holds_the_site_at_its_published_addresses(released):
    from warcio.archiveiterator import ArchiveIterator

    wacz = released / "release" / "tayho-archive-1.1.0.wacz"
    with zipfile.ZipFile(wacz) as archive:
        package = json.loads(archive.read("datapackage.json"))
        for resource in package["resources"]:
            assert resource["hash"] == "sha256:" + hashlib.sha256(archive.read(resource["path"])).hexdigest()
        pages = [json.loads(line) for line in archive.read("pages/pages.jsonl").decode("utf-8").splitlines()]
        assert {page["url"] for page in pages[1:]} >= {SITE, f"{SITE}en/congress/", f"{SITE}v/1.0.0/congress/"}
        (warc,) = [name for name in archive.namelist() if name.startswith("archive/")]
        with archive.open(warc) as stream:
            home = next(
                record
                for record in ArchiveIterator(stream)
                if record.rec_type == "response" and record.rec_headers.get_header("WARC-Target-URI") == SITE
            )
            assert home.http_headers.get_header("Content-Type") == "text/html; charset=utf-8"
            assert "Bài mẫu về nhiệm kỳ" in home.content_stream().read().decode("utf-8")
    released_on = re.search(r"version: 1.1.0\n  date: (\S+)", (released / "data" / "releases.yaml").read_text("utf-8"))
    assert package["mainPageURL"] == SITE and package["created"] == f"{released_on.group(1)}T00:00:00Z"


def test_a_release_needs_a_clean_checkout_and_a_later_version(released):
    assert "does not come after the last release" in tayho("release", "1.0.1", "--root", str(released)).stderr
    edit(released, "value: 157", "value: 158")
    try:
        result = tayho("release", "2.0.0", "--root", str(released))
        assert result.returncode == 1 and "uncommitted changes" in result.stderr
    finally:
        git(released, "checkout", "--", "data/achievements.yaml")
