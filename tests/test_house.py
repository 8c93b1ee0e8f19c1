"""The house: the package installs from its wheel with its templates, words and fonts and runs `tayho`; the runtime
lock holds no test tool and no lock names a machine's own index; `make help` lists every target; pre-commit's hooks
are valid and pass on the tree; the test suite's own machinery (the order of its modules, the host its processes
share) does what conftest.py says."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from . import shared_host
from .conftest import FIXTURES, LONGEST_FIRST, ROOT, make_project

LOCKS = sorted((ROOT / "requirements").glob("*.txt"))


def _pinned(lock: Path) -> set[str]:
    return {
        line.split("==")[0].lower()
        for line in lock.read_text(encoding="utf-8").splitlines()
        if re.match(r"^[A-Za-z0-9_.-]+==", line)
    }


def test_the_runtime_lock_holds_no_test_or_benchmark_tool():
    runtime = _pinned(ROOT / "requirements" / "runtime.txt")
    assert {"mkdocs", "mkdocs-material", "weasyprint", "pydantic"} <= runtime
    assert not runtime & {"pytest", "playwright", "hypothesis", "ruff", "pre-commit"}
    assert {"pytest", "playwright", "hypothesis"} <= _pinned(ROOT / "requirements" / "test.txt")


@pytest.mark.parametrize("lock", LOCKS, ids=[lock.name for lock in LOCKS])
def test_every_lock_pins_with_hashes_and_names_no_machine_index(lock):
    text = lock.read_text(encoding="utf-8")
    assert not re.search(r"^\s*--(extra-index-url|index-url|find-links|trusted-host)", text, re.M)
    assert "file://" not in text and "/opt/" not in text
    requirements = re.findall(r"^([A-Za-z0-9_.-]+)==\S+ \\\n((?:\s+--hash=sha256:[0-9a-f]{64}(?: \\)?\n)+)", text, re.M)
    assert len(requirements) == len(_pinned(lock)) > 10


def test_make_help_lists_every_target():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = set(re.search(r"^\.PHONY: (.*)$", makefile, re.M).group(1).split())
    documented = set(re.findall(r"^([a-z-]+):.*## ", makefile, re.M))
    assert phony == documented
    shown = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert {line.split()[1] for line in shown.splitlines()} == documented


@pytest.mark.build
def test_the_wheel_holds_everything_and_its_tayho_command_builds_a_site(tmp_path):
    wheels, source = tmp_path / "wheels", tmp_path / "source"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in tracked.decode("utf-8").split("\0"):  # what a clone holds (setuptools writes build/ beside it)
        if name and (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("tayho_archive-*.whl")
    with zipfile.ZipFile(wheel) as opened:
        names = set(opened.namelist())
    for needed in (
        "tayho/locales/fr.yml",
        "tayho/theme/main.html",
        "tayho/theme/fragments/highlight.html",
        "tayho/theme/assets/javascripts/tayho-search.js",
        "tayho/theme/assets/javascripts/tayho-search-loader.js",
        "tayho/pdf/fonts/DejaVuSans.ttf",
        "tayho/pdf/pdf.css",
    ):
        assert needed in names, needed
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    environment = dict(os.environ, PYTHONPATH=str(target))
    help_text = subprocess.run(
        [str(target / "bin" / "tayho"), "--help"], env=environment, capture_output=True, text=True, check=True
    ).stdout
    for command in ("build", "serve", "offline", "check", "schema", "publish"):
        assert command in help_text
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    built = subprocess.run(
        [str(target / "bin" / "tayho"), "build", "--root", str(project), "--no-pdf"],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    assert (project / "site" / "en" / "supervision" / "index.html").is_file()
    probe = subprocess.run(
        [sys.executable, "-c", "import tayho; print(tayho.__file__)"],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert probe.startswith(str(target))  # the wheel's copy was used, not this checkout


@pytest.mark.slow  # runs every hook over the tree
def test_pre_commit_hooks_are_valid_and_pass_on_the_tree():
    config = ROOT / ".pre-commit-config.yaml"
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pre-commit"), "validate-config", str(config)], check=True, capture_output=True
    )
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pre-commit"), "run", "--all-files"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_modules_make_test_starts_first_exist():
    assert len(set(LONGEST_FIRST)) == len(LONGEST_FIRST)
    assert [name for name in LONGEST_FIRST if not (ROOT / "tests" / name).is_file()] == []


def test_a_shared_host_serves_its_site_until_the_session_that_started_it_ends(tmp_path):
    """The host one test process starts for the others serves until the session (their parent) ends."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>shared</p>", encoding="utf-8")
    session = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        base = shared_host.start(site, tmp_path / "address", session_pid=session.pid)
        with urllib.request.urlopen(base, timeout=10) as response:
            assert response.read() == b"<p>shared</p>"
    finally:
        session.communicate(b"", timeout=30)  # the session ends
    for _ in range(100):
        try:
            urllib.request.urlopen(base, timeout=1).close()
        except OSError:
            break
        time.sleep(0.1)
    else:
        raise AssertionError(f"the shared host still answers at {base} 10 s after its session ended")
