"""Shared fixtures: throwaway project copies around a record, and the sites the tests read, each built once per
session and shared.

Tiers: tests that build a site are marked `build` (automatically, by the fixtures they use), tests that drive
Chromium `browser`; `make check` runs the rest (model, validation, views, golden HTML) in seconds. PDFs are
rendered only for the tests about PDFs (the `real_site_with_pdf` fixture).
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tayho.build import SiteBuild, build_site
from tayho.compiled_templates import TEMPLATES_CACHE
from tayho.lean_css import ANALYSES_CACHE
from tayho.static_host import hosting

from . import shared_host
from .serving import chromium

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PROJECT_PARTS = ("mkdocs.yml", "docs", ".gitignore")
EMPTY_LOCK = "# Every published link of the site; `make permalinks` adds new ones. Never delete a line.\n"

# Fixtures that build a site: a test using any of them (directly or through another fixture) is marked `build`.
# In the quick tier (-m "not build") a test that builds anyway fails and says it must be marked (see below).
BUILDING_FIXTURES = {
    "real_site",
    "real_served",
    "real_single_served",
    "real_site_with_pdf",
    "minimal_site",
    "minimal_served",
    "served_search",
    "good_project",
    "hostile",
    "twin",
    "locked_project",
    "long_site",
    "serving",
    "served_after_rename",
    "served_single",
    "unzipped",
    "plain_site",
}


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


# The modules that take longest (wall time, one process, this machine), longest first. The tests run in this order,
# the other modules after them alphabetically; `make test` (pytest-xdist, --dist worksteal) hands them out in that
# order, so that the long ones start at once and the short ones fill the end. The two that wait most (for a server's
# rebuilds, for search answers) lead, so that the other processes use the cores meanwhile.
LONGEST_FIRST = (
    "test_serve.py",
    "test_search_real.py",
    "test_every_page.py",
    "test_faults.py",
    "test_injection.py",
    "test_corpus.py",
    "test_search_chunked.py",
    "test_release.py",
    "test_browser.py",
    "test_embeds.py",
    "test_mutations.py",
    "test_pdf.py",
    "test_attacks_more.py",
)


def _module_order(item) -> tuple[int, str]:
    name = item.path.name
    return (LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST), name)


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config, items):
    for item in items:
        if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)
    items.sort(key=_module_order)  # stable: a module's tests keep their order


@pytest.fixture(autouse=True)
def _quick_tier_builds_nothing(request, monkeypatch):
    """When builds are deselected (`make check`), a test that starts one fails: it belongs in the build tier."""
    if "not build" not in (request.config.option.markexpr or "") or request.node.get_closest_marker("build"):
        return

    def refuse(*args, **kwargs):
        raise AssertionError(f"{request.node.nodeid} builds a site: mark it build (or use a building fixture)")

    for name in ("tayho.build.build_site", "tests.conftest.build_site", "tests.commands.tayho"):
        monkeypatch.setattr(name, refuse)


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def make_project(tmp_path: Path, data_dir: Path, lock: str | None = None) -> Path:
    """A copy of the project's configuration and prose pages around another record's data/ folder.

    Its permalinks.lock is the real one when the record is the real one (the copy must serve every published
    link), else `lock` (default: an empty lock, for a site never published).
    """
    project = tmp_path / "project"
    project.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
    shutil.copytree(data_dir, project / "data")
    real = data_dir.resolve() == (ROOT / "data").resolve()
    text = (ROOT / "permalinks.lock").read_text(encoding="utf-8") if real and lock is None else (lock or EMPTY_LOCK)
    (project / "permalinks.lock").write_text(text, encoding="utf-8")
    share_compiled_caches(project)
    return project


def share_compiled_caches(project: Path) -> None:
    """Point the project's caches of compiled templates and analysed stylesheets at the real project's: their
    entries are named by the hash of everything they are made from, so every copy can read them, and a test
    build need not compile what an earlier one did. (PDFs and images stay per project: tests look at them.)"""
    cache = project / ".tayho-cache"
    cache.mkdir(exist_ok=True)
    for shared in (TEMPLATES_CACHE, ANALYSES_CACHE):
        (ROOT / shared).mkdir(parents=True, exist_ok=True)
        (project / shared).symlink_to(ROOT / shared, target_is_directory=True)


def build(project: Path, site: Path | None = None, **options) -> Path:
    """Build `project` as `tayho build` does (no PDFs unless pdf=True); return the site folder."""
    site = site or project / "site"
    build_site(SiteBuild(project, site, **{"pdf": False, **options}))
    return site


@dataclasses.dataclass(frozen=True)
class Served:
    """A site built for the address it is served at on 127.0.0.1."""

    site: Path
    base: str  # "http://127.0.0.1:PORT/"


def served_build(project: Path, site: Path, **options) -> Iterator[Served]:
    """Serve `site` (built for the server's own address, as a deployment sets its site URL) while the test runs."""
    with hosting(site) as base:
        build(project, site, site_url=base, **options)
        yield Served(site, base)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, started once for the session (Playwright's sync API drives one at a time)."""
    with chromium() as instance:
        yield instance


@contextlib.contextmanager
def shared_folder(tmp_path_factory, name: str) -> Iterator[Path]:
    """The folder `name` of the session, which all the processes of `make test` share (above each one's own), held
    under a lock while the block runs: the first process makes what it holds, the others wait and find it made."""
    shared = tmp_path_factory.getbasetemp().parent / name
    shared.mkdir(exist_ok=True)
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield shared


def shared_served_build(
    tmp_path_factory, worker_id: str, name: str, project_in: Callable[[Path], Path], **options
) -> Iterator[Served]:
    """`served_build` once for all the processes of `make test`: the first to need the site makes its project
    (`project_in(folder)`: the real project, or a copy made in folder), starts a host that lives as long as the session
    (tests/shared_host.py) and builds the site for the host's address; the others wait for it and read the same site.
    The site is the project's site/ (a copy's) or folder/site (the real project's). No test changes a shared site."""

    def site_of(folder: Path) -> tuple[Path, Path]:
        folder.mkdir(parents=True, exist_ok=True)
        project = project_in(folder)
        return (folder if project == ROOT else project) / "site", project

    if worker_id == "master":  # one process: its own host, as served_build
        site, project = site_of(tmp_path_factory.mktemp(name))
        yield from served_build(project, site, **options)
        return
    with shared_folder(tmp_path_factory, name) as shared:
        if not (shared / "built").is_file():
            site, project = site_of(shared / f"by-{os.getpid()}")  # its own folder, should another one's build fail
            (shared / "address").unlink(missing_ok=True)  # of a host whose build failed in another process
            base = shared_host.start(site, shared / "address")
            build(project, site, site_url=base, **options)
            (shared / "built").write_text(str(site), encoding="utf-8")
    yield Served(Path((shared / "built").read_text(encoding="utf-8")), (shared / "address").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def real_served(tmp_path_factory, worker_id) -> Iterator[Served]:
    """The real record, built once for the session for the address it is served at, without PDFs."""
    yield from shared_served_build(tmp_path_factory, worker_id, "real-served", lambda folder: ROOT)


@pytest.fixture(scope="session")
def real_site(real_served) -> Path:
    return real_served.site


@pytest.fixture(scope="session")
def real_single_served(tmp_path_factory, worker_id) -> Iterator[Served]:
    """The real record with Material's single search index (the one the offline copy uses), served."""
    yield from shared_served_build(
        tmp_path_factory, worker_id, "real-single-served", lambda folder: ROOT, search="single"
    )


@pytest.fixture(scope="session", params=["chunked", "single"])
def served_search(request, real_served, real_single_served) -> Served:
    """The real record served with each search index: the chunked one of the site, Material's single one."""
    return real_served if request.param == "chunked" else real_single_served


@pytest.fixture(scope="session")
def real_site_with_pdf(tmp_path_factory, worker_id) -> Path:
    """The real record with its PDFs, exactly as `make build` writes it (default address); built once for all the
    processes of `make test` (the first to need it builds it, the others wait for it), since no test changes it."""
    if worker_id == "master":  # one process: the session's own folder
        return build(ROOT, tmp_path_factory.mktemp("real-pdf") / "site", pdf=True)
    with shared_folder(tmp_path_factory, "real-pdf") as shared:
        if not (shared / "site").is_dir():  # the build writes site/ whole or not at all
            build(ROOT, shared / "site", pdf=True)
    return shared / "site"


@pytest.fixture(scope="session")
def minimal_served(tmp_path_factory, worker_id) -> Iterator[Served]:
    """The two-highlight fixture record, built once, served."""
    yield from shared_served_build(
        tmp_path_factory,
        worker_id,
        "minimal-served",
        lambda folder: make_project(folder, FIXTURES / "minimal" / "data"),
    )


@pytest.fixture(scope="session")
def minimal_site(minimal_served) -> Path:
    return minimal_served.site
