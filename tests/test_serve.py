"""`make serve` (`tayho serve`) on a copy of the project: an edit to the record shows on the served page (an open
page in Chromium reloads by itself), a broken edit prints the problem while the last good build stays served and
open pages show a banner, reading the watched files never starts a rebuild, a missing page gets the site's own 404
page, and a port in use gets a one-line message."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from watchdog.events import FileModifiedEvent

from tayho.serve import MAX_WAIT, PACKAGE, Rebuilder

from .conftest import FIXTURES, ROOT, make_project

pytestmark = [pytest.mark.build]

WAIT = 120  # seconds; generous for a loaded CI machine (speed is measured by make bench, not here)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"gave up waiting for {what}")


def _status(base: str) -> dict:
    return json.loads(_page(base + ".tayho-serve/status") or "{}")


def _quiet_after(base: str, settle: float = 3.0) -> dict:
    """Wait until no build is running for `settle` seconds (the watcher's own settle time is 0.2 s); the status."""
    seen, since = _status(base), time.monotonic()
    deadline = since + WAIT
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = _status(base)
        if now != seen or now.get("building"):
            seen, since = now, time.monotonic()
        elif time.monotonic() - since >= settle:
            return now
    pytest.fail("the server never went quiet")


def _read_every_watched_file(project: Path) -> int:
    count = 0
    for path in [project / name for name in ("data", "docs", "mkdocs.yml", "permalinks.lock")] + [PACKAGE]:
        for item in [path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []:
            if item.is_file():
                item.read_bytes()
                count += 1
    return count


@contextlib.contextmanager
def serve(tmp_path: Path, *options: str):
    """`tayho serve OPTIONS` on a copy of the two-highlight fixture record (what it does does not depend on the
    record's size); yields the project, the address served and the server's log."""
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "tayho", "serve", "--root", str(project), "--port", str(port), *options],
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            yield project, f"http://127.0.0.1:{port}/", log
        finally:
            server.terminate()
            server.wait(timeout=30)


@pytest.fixture
def serving(tmp_path):
    """The quickest preview (`--no-pdf`): the tests of what an edit shows need no PDF."""
    with serve(tmp_path, "--no-pdf") as served:
        yield served


@pytest.fixture
def serving_drawn(tmp_path):
    """`make serve` as it is: the pages first, then the whole site with its PDFs."""
    with serve(tmp_path) as served:
        yield served


def _builds_of(project: Path) -> list[int]:
    """The processes building `project` (the `tayho build` a server started, and its language builds)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"build" in command and str(project).encode() in command:
            found.append(int(entry.name))
    return found


@pytest.mark.browser
def test_an_edit_shows_and_a_broken_edit_keeps_the_last_good_site(serving, browser):
    project, base, log = serving
    record = project / "data" / "achievements.yaml"
    first = yaml.safe_load(record.read_text(encoding="utf-8"))["highlights"][0]
    url = f"{base}en/{first['id']}/"
    _until(lambda: first["title"]["en"] in (_page(url) or ""), "the first build to be served")

    tab = browser.new_page()
    tab.goto(url + "#figures")
    assert first["title"]["en"] in tab.locator("article h1").inner_text()
    record.write_text(
        # the edit keeps the glossary's renderings (the VFF, supervision): a build refuses a title without them
        record.read_text(encoding="utf-8").replace(first["title"]["en"], "An edited title: the VFF's supervision"),
        encoding="utf-8",
    )
    tab.wait_for_function(
        "document.querySelector('article h1')?.textContent.includes('An edited title')", timeout=WAIT * 1000
    )
    assert tab.url.endswith("#figures")  # the reload kept the reader's place
    tab.close()
    assert "An edited title" in (_page(url) or "")
    assert "tayho-serve" not in (project / "site" / "en" / first["id"] / "index.html").read_text(encoding="utf-8")

    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("    order: 1\n", "    order: first\n", 1), encoding="utf-8")
    line = text[: text.index("    order: 1\n")].count("\n") + 1
    # A build may start between write_text's truncation and its write (it then reports an empty file, and the
    # write starts another): the report looked for is the one of the whole edited file.
    _until(
        lambda: f"data/achievements.yaml:{line} highlights[0].order:" in log.read_text(encoding="utf-8"),
        "the failed rebuild to report the broken line",
    )
    output = log.read_text(encoding="utf-8")
    assert "FAILED (still serving the last good build)" in output, output[-2000:]
    assert "Traceback" not in output
    assert "An edited title" in (_page(url) or "")


def test_reading_the_watched_files_never_starts_a_rebuild_and_an_edit_starts_exactly_one(serving_drawn):
    project, base, log = serving_drawn
    _until(lambda: _status(base).get("started", 0) >= 1 and (project / "site").is_dir(), "the first build")
    before = _quiet_after(base)
    # the first pages, then the whole site with its PDFs
    assert before["started"] == 2 and before["good"] == 1, log.read_text(encoding="utf-8")[-2000:]
    assert (project / "site" / "print" / "tayho-archive-vi.pdf").is_file()
    assert _read_every_watched_file(project) > 20
    assert _quiet_after(base) == before, log.read_text(encoding="utf-8")[-2000:]

    record = project / "data" / "achievements.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("two highlights", "the two highlights", 1), encoding="utf-8"
    )
    after_edit = _quiet_after(base)
    # one edit: the quick pages build, then the whole site with its PDFs, then nothing more
    assert after_edit["started"] == before["started"] + 2 and after_edit["good"] == before["good"] + 1
    assert (project / "site" / "print" / "tayho-archive-vi.pdf").is_file()
    _read_every_watched_file(project)
    assert _quiet_after(base) == after_edit


def test_without_pdfs_an_edit_rebuilds_the_pages_only(serving):
    project, base, log = serving
    _until(lambda: (project / "site").is_dir(), "the first build")
    before = _quiet_after(base)
    assert before["started"] == 1 and not (project / "site" / "print" / "tayho-archive-vi.pdf").exists()
    record = project / "data" / "achievements.yaml"
    record.write_text(
        record.read_text(encoding="utf-8").replace("two highlights", "the two highlights", 1), encoding="utf-8"
    )
    after = _quiet_after(base)
    assert after["started"] == 2 and after["good"] == 2, log.read_text(encoding="utf-8")[-2000:]
    assert "the two highlights" in (project / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert not (project / "site" / "print" / "tayho-archive-vi.pdf").exists()
    assert "pages built" in log.read_text(encoding="utf-8") and "PDFs follow" not in log.read_text(encoding="utf-8")


def test_stopping_the_server_ends_the_build_under_way(tmp_path):
    with serve(tmp_path) as (project, base, log):
        # the first pages are served; the whole site with its PDFs is being built
        _until(lambda: _status(base).get("started", 0) >= 2 and _status(base).get("building"), "the PDFs' build")
        _until(lambda: list(project.glob(".site-build-*")), "the build to write into its staging folder")
        assert _builds_of(project), "no build process seen"
    _until(lambda: not _builds_of(project), "the build to end with the server")
    assert not (project / "site" / "print" / "tayho-archive-vi.pdf").exists(), "the build went on to its end"
    assert (project / "site" / "index.html").is_file() and not list(project.glob(".site-build-*"))
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_a_missing_page_gets_the_site_404_page_in_the_language_of_its_address(serving):
    project, base, _ = serving
    _until(lambda: (project / "site" / "en" / "404.html").is_file(), "the first build")
    for address, page in (("no-such-page/", "404.html"), ("en/no-such-page/", "en/404.html")):
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(base + address, timeout=5)
        assert answer.value.code == 404
        body = answer.value.read().decode("utf-8")
        expected = (project / "site" / page).read_text(encoding="utf-8")
        assert body.startswith(expected.split("</body>")[0])  # the site's page, with the reload script added


@pytest.mark.browser
def test_a_failed_build_shows_a_banner_on_open_pages(serving, browser):
    project, base, _ = serving
    _until(lambda: (project / "site").is_dir() and _status(base).get("started", 0) >= 1, "the first build")
    _quiet_after(base)
    tab = browser.new_page()
    tab.goto(base)
    record = project / "data" / "achievements.yaml"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("    order: 1\n", "    order: first\n", 1), encoding="utf-8")
    banner = tab.locator("[role=alert]")
    banner.wait_for(timeout=WAIT * 1000)
    line = text[: text.index("    order: 1\n")].count("\n") + 1
    assert f"data/achievements.yaml:{line} highlights[0].order" in banner.inner_text()
    record.write_text(text, encoding="utf-8")
    tab.wait_for_selector("[role=alert]", state="detached", timeout=WAIT * 1000)
    tab.close()


def test_a_port_in_use_gets_one_line_naming_it(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "tayho", "serve", "--root", str(ROOT), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"[serve] port {port} is already in use on 127.0.0.1; choose another with `make serve PORT={port + 1}`"
    )
    assert "Traceback" not in result.stdout + result.stderr


def test_a_file_written_over_and_over_still_gets_rebuilt_while_the_writes_go_on(tmp_path):
    """The watcher waits for the files to be quiet, but not for ever: a tool rewriting the record every 0.1 s."""
    rebuilder = Rebuilder(tmp_path, "http://127.0.0.1:1/")
    started = []
    rebuilder.rebuild = lambda pdf=True: started.append(time.monotonic()) or True
    rebuilder.start()
    edit = FileModifiedEvent(str(tmp_path / "data" / "achievements.yaml"))
    writes_end = time.monotonic() + 3 * MAX_WAIT
    while time.monotonic() < writes_end:
        rebuilder.dispatch(edit)
        time.sleep(0.1)
    assert started and started[0] < writes_end, "no rebuild while the writes went on"
