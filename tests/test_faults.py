"""Faults of the machine and of the project's own files, as `tayho build` meets them: each ends in one clear
message (the path and the system's reason, or the file and line), a non-zero exit and the last good site kept,
never a traceback or a hang. Builds queue on a lock, and site/ exists, complete, whenever a build is killed."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .commands import build_command, leftovers, tayho
from .conftest import FIXTURES, build, make_project

pytestmark = [pytest.mark.build]


def fingerprint(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    """The fixture record, built once for this file with the command an editor runs."""
    project = make_project(tmp_path_factory.mktemp("faults"), FIXTURES / "minimal" / "data")
    result = build_command(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(built_project, tmp_path) -> Path:
    """A copy of the built fixture project for one test to damage."""
    return shutil.copytree(built_project, tmp_path / "project", symlinks=True)


def fails_cleanly(result: subprocess.CompletedProcess, *phrases: str) -> str:
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output[-3000:]
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr[-3000:]
    return result.stderr


# --- the project's own files -------------------------------------------------------------------------------------


def test_a_fifo_in_place_of_the_record_is_refused_without_blocking(project):
    before = fingerprint(project / "site")
    record = project / "data" / "achievements.yaml"
    record.unlink()
    os.mkfifo(record)
    fails_cleanly(build_command(project), "data/achievements.yaml:1", "not a regular file")
    assert fingerprint(project / "site") == before


def test_a_folder_in_place_of_the_source_article_is_a_record_error(project):
    source = project / "data" / "source" / "sample.txt"
    source.unlink()
    source.mkdir()
    fails_cleanly(build_command(project), "term.source.file", "is a folder")


def test_a_source_article_that_is_not_utf8_is_a_record_error(project):
    source = project / "data" / "source" / "sample.txt"
    source.write_bytes(source.read_bytes() + b"\xff")
    fails_cleanly(build_command(project), "term.source.file", "not valid UTF-8")


def test_a_prose_page_that_is_not_utf8_names_its_file_and_line(project):
    page = project / "docs" / "en" / "about.md"
    page.write_bytes(page.read_bytes() + b"\n\nBroken \xe9 byte\n")
    lines = page.read_bytes().count(b"\n")
    fails_cleanly(build_command(project), f"docs/en/about.md:{lines}: byte 0xE9 is not valid UTF-8")


@pytest.mark.parametrize(
    "damage,phrase",
    [
        ("missing", "permalinks.lock is missing"),
        ("folder", "permalinks.lock cannot be read"),
        ("fifo", "permalinks.lock cannot be read (it is not a regular file)"),  # read, it would block the build
        ("not-utf8", "permalinks.lock cannot be read (it is not UTF-8 text)"),
        ("garbage", "permalinks.lock is damaged"),
        # a terminal obeys ESC and U+202E: the line is refused and shown escaped
        ("control-characters", "permalinks.lock is damaged: '/supervision/\\x1b[2J\\u202e'"),
    ],
)
def test_a_missing_or_damaged_permalink_lock_fails_the_build_and_says_how_to_recreate_it(project, damage, phrase):
    before = fingerprint(project / "site")
    lock = project / "permalinks.lock"
    lock.unlink()
    if damage == "folder":
        lock.mkdir()
    elif damage == "fifo":
        os.mkfifo(lock)
    elif damage == "not-utf8":
        lock.write_bytes(b"/\n/\xff\xfe/\n")
    elif damage == "garbage":
        lock.write_text("/\nthis is not a link\n", encoding="utf-8")
    elif damage == "control-characters":
        lock.write_text("/\n/supervision/\x1b[2J\u202e\n", encoding="utf-8")
    stderr = fails_cleanly(build_command(project), phrase)
    assert "make permalinks" in stderr and "\x1b" not in stderr and "\u202e" not in stderr
    assert fingerprint(project / "site") == before


BAD_ADDRESSES = [
    "javascript:alert(1)",
    "ftp://example.org/",
    "example.org",
    'https://e.org/"><script>',
    "https://e.org/a b/",
]


@pytest.mark.parametrize("address", BAD_ADDRESSES)
def test_a_site_address_that_is_not_an_absolute_http_url_is_refused(project, address):
    fails_cleanly(build_command(project, "--site-url", address), "must be an absolute http:// or https:// URL")


def test_a_site_folder_that_holds_something_else_is_never_replaced(project):
    docs = fingerprint(project / "docs")
    fails_cleanly(build_command(project, "--site-dir", str(project / "docs")), "holds the project's own files")
    other = project / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    fails_cleanly(build_command(project, "--site-dir", str(other)), "not a site built by tayho")
    assert fingerprint(project / "docs") == docs and (other / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_source_date_epoch_that_is_not_a_number_is_refused(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    fails_cleanly(build_command(project), "SOURCE_DATE_EPOCH is 'yesterday'")


# --- the machine ---------------------------------------------------------------------------------------------------


def _small_files_only() -> None:
    """Every file the build writes may hold 64 KB at most: a disk that fills up in the middle of the build."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_a_disk_that_fills_up_names_the_file_and_the_reason(project):
    before = fingerprint(project / "site")
    result = subprocess.run(
        [sys.executable, "-m", "tayho", "build", "--root", str(project)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_small_files_only,
    )
    stderr = fails_cleanly(result, "Build failed; the previous site/ is unchanged.", "File too large")
    assert str(project) in stderr
    assert fingerprint(project / "site") == before
    build(project)  # the next build, with room, cleans up after the failed one
    assert not leftovers(project)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a full or read-only file system needs root")
@pytest.mark.parametrize("options,reason", [("size=256k", "No space left on device"), ("ro", "Read-only file system")])
def test_a_full_or_read_only_file_system_under_the_site(tmp_path, options, reason):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    volume = tmp_path / "volume"
    volume.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(volume)], check=True)
    try:
        fails_cleanly(build_command(project, "--site-dir", str(volume / "site")), str(volume), reason)
    finally:
        subprocess.run(["umount", str(volume)], check=False)


# --- builds one at a time, and a site that is always whole -------------------------------------------------------


def test_a_second_build_waits_for_the_first(project):
    with open(project / ".site.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a build is running
        second = subprocess.Popen(
            [sys.executable, "-m", "tayho", "build", "--root", str(project), "--no-pdf"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(3)
        assert second.poll() is None, "the second build did not wait for the first"
        fcntl.flock(lock, fcntl.LOCK_UN)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert "Another build of" in err and "waits for it to finish" in err


def test_site_is_whole_whenever_a_build_is_killed(project):
    """Builds killed at many moments of a build (a tenth of a whole build's time apart, measured first on this
    machine): after each, site/ is one complete build (its SHA256SUMS verify), and the next build removes what the
    killed ones left."""
    command = [sys.executable, "-m", "tayho", "build", "--root", str(project), "--no-pdf"]
    started = time.monotonic()
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    whole = time.monotonic() - started
    for delay in [whole * tenth / 10 for tenth in range(1, 10)]:
        build_process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        deadline = time.monotonic() + delay
        while time.monotonic() < deadline and build_process.poll() is None:
            assert (project / "site").is_dir(), f"site/ missing {delay} s into a build"
            time.sleep(0.01)
        with contextlib.suppress(ProcessLookupError):  # the build may have finished just before
            os.killpg(build_process.pid, signal.SIGKILL)
        build_process.wait()
        check = subprocess.run(
            ["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=project / "site", capture_output=True, text=True
        )
        assert check.returncode == 0, (delay, check.stdout[-2000:])
    build(project)
    assert not leftovers(project)
    shutil.rmtree(project / "site")


def test_the_check_command_reports_the_record_without_building(project):
    record = project / "data" / "achievements.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("value: 156", "value: 0156"), encoding="utf-8")
    result = tayho("check", "--root", str(project))
    fails_cleanly(result, "tayho check failed.", "the octal number 110")
