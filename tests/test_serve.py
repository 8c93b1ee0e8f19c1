"""`make serve` (tools/serve.py) on a copy of the project: an edit to the record shows on the served page (an open
page in Chromium reloads by itself), and a broken edit prints the problem while the last good build stays served."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, make_project

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


@pytest.fixture
def serving(tmp_path):
    project = make_project(tmp_path, ROOT / "data")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, str(ROOT / "tools" / "serve.py"), "--root", str(project),
                                   "--port", str(port)], stdout=output, stderr=subprocess.STDOUT, text=True)
        try:
            yield project, f"http://127.0.0.1:{port}/", log
        finally:
            server.terminate()
            server.wait(timeout=30)


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
    record.write_text(record.read_text(encoding="utf-8").replace(first["title"]["en"], "An edited title"),
                      encoding="utf-8")
    tab.wait_for_function("document.querySelector('article h1').textContent.includes('An edited title')",
                          timeout=WAIT * 1000)
    assert tab.url.endswith("#figures")  # the reload kept the reader's place
    tab.close()
    assert "An edited title" in (_page(url) or "")
    assert "tayho-serve" not in (project / "site" / "en" / first["id"] / "index.html").read_text(encoding="utf-8")

    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("    order: 1\n", "    order: first\n", 1), encoding="utf-8")
    _until(lambda: "FAILED (still serving the last good build)" in log.read_text(encoding="utf-8"),
           "the failed rebuild to be reported")
    output = log.read_text(encoding="utf-8")
    line = text[: text.index("    order: 1\n")].count("\n") + 1
    assert f"data/achievements.yaml:{line} highlights[0].order:" in output, output[-2000:]
    assert "Traceback" not in output
    assert "An edited title" in (_page(url) or "")
