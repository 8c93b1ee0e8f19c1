"""The measurements of one record: cold builds, rebuilds after an edit, the plain MkDocs baseline, what a reader's
browser downloads, and how soon `make serve` shows an edit.

Every build is `python -m tayho build --root COPY` as an editor runs it (each language in its own process), timed
with its whole process tree (bench/measure.py). Cold: no site/ and no .tayho-cache/ (every PDF rendered). Rebuild:
the cache as the previous build left it, after one text of one highlight changed (bench/project.py).
"""

from __future__ import annotations

import gzip
import html
import json
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from markupsafe import escape

from bench import browser as reader
from bench.measure import timed
from bench.plain import write_plain_project
from bench.project import RECORD, copy_project, edit_highlight_text, record_shape

PYTHON = sys.executable
CASE_TIMEOUT = 1800  # seconds: the limit a record's full build must stay within
MEMORY_CAP_MB = 12 * 1024  # a build past this is stopped: the machine is shared (and 2 GiB is the bound sought)
SEARCH_QUERY = "giam sat"  # typed into the Vietnamese home page's search box
REBUILDS_UP_TO = 1000  # rebuilds are timed up to this N (beyond, each costs minutes and no target asks for it)


def build(project: Path, *options: str, cold: bool = True) -> dict:
    """One `tayho build` of `project`, timed; with the number of PDFs it rendered (those new in the cache)."""
    if cold:
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(project / ".tayho-cache", ignore_errors=True)
    cache = project / ".tayho-cache" / "pdf"
    before = set(cache.glob("*.pdf"))
    command = [PYTHON, "-m", "tayho", "build", "--root", str(project), *options]
    result = timed(command, project, CASE_TIMEOUT, MEMORY_CAP_MB)
    if "--no-pdf" not in options and result.get("seconds") is not None:
        result["pdfs_rendered"] = len(set(cache.glob("*.pdf")) - before)
    return result


def edited_rebuild(project: Path, edit: int) -> dict:
    edit_highlight_text(project, edit)
    return build(project, cold=False)


def median_run(runs: list[dict]) -> dict:
    """The run of median time among `runs` (an odd number), with every run's time listed."""
    ordered = sorted(runs, key=lambda run: run["seconds"] if run.get("seconds") is not None else float("inf"))
    return {**ordered[len(runs) // 2], "runs_seconds": [run.get("seconds") for run in runs]}


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def site_figures(site: Path, highlight_url: str, languages: dict[str, str], search: bool = True) -> dict:
    """Size of the site and its search index, and what a reader's browser downloads and waits for (the search
    only where the query can match: plain MkDocs has no accent folding, so "giam sat" finds nothing there)."""
    files = [path for path in site.rglob("*") if path.is_file()]
    indexes = {code: site / prefix / "search" / "search_index.json" for code, prefix in languages.items()}
    chunks = site / "search" / "chunks"
    figures = {
        "pages": sum(1 for path in files if path.suffix == ".html"),
        "pdfs": sum(1 for path in files if path.suffix == ".pdf"),
        "site_mb": round(sum(path.stat().st_size for path in files) / 1e6, 2),
        "search_mode": "chunked" if chunks.is_dir() else "single",
        "search_index_kb": {
            code: {"raw": round(path.stat().st_size / 1024, 1), "gzip": round(gz(path) / 1024, 1)}
            for code, path in indexes.items()
        },
    }
    if chunks.is_dir():
        parts = [path for path in chunks.iterdir() if path.is_file()]
        figures["search_chunks"] = {
            "files": len(parts),
            "raw_kb": round(sum(p.stat().st_size for p in parts) / 1024, 1),
        }
    with reader.chromium() as browser, reader.served(site) as base:  # started here: never open during a build
        figures["first_view_home"] = _measured(reader.first_view, browser, site, base, "")
        figures["first_view_highlight"] = _measured(reader.first_view, browser, site, base, highlight_url + "/")
        if search:
            figures["search_first_result"] = _measured(
                reader.time_to_first_result, browser, site, base, "", SEARCH_QUERY
            )
    return figures


def _measured(measurement, *arguments) -> dict:
    """One browser measurement, or what stopped it: a run of an hour is not lost to one page that timed out."""
    try:
        return measurement(*arguments)
    except Exception as error:  # noqa: BLE001 - recorded in the results and the report
        print(f"[bench] {measurement.__name__} failed: {error}".splitlines()[0], flush=True)
        return {"error": str(error).splitlines()[0]}


def languages_of(project: Path) -> dict[str, str]:
    """Each language of the project's site and its folder ("" for the root)."""
    from tayho.build import site_languages

    languages = site_languages(project)
    return {code: languages.prefix(code).strip("/") for code in languages}


def real_record(scratch: Path, runs: int) -> dict:
    """The real record: pages alone, cold builds, rebuilds with nothing changed and after an edit, `runs` each."""
    project = copy_project(scratch / "real", None)
    languages, first = languages_of(project), _first_highlight(project)
    result = {"record": record_shape(project / RECORD)}
    result["single_index"] = build(project, "--no-pdf", "--search", "single")
    result["single_index"].update(site_figures(project / "site", first, languages))
    result["pages_only"] = median_run([build(project, "--no-pdf") for _ in range(runs)])
    result["archive"] = median_run([build(project) for _ in range(runs)])
    result["archive"].update(site_figures(project / "site", first, languages))
    result["unchanged_rebuild"] = median_run([build(project, cold=False) for _ in range(runs)])
    result["rebuild"] = median_run([edited_rebuild(project, edit) for edit in range(1, runs + 1)])
    shutil.rmtree(project, ignore_errors=True)
    return result


def _first_highlight(project: Path) -> str:
    import yaml

    return yaml.safe_load((project / RECORD).read_text(encoding="utf-8"))["highlights"][0]["id"]


def synthetic(size: int, scratch: Path) -> dict:
    """N = size: pages alone, a cold build, rebuilds (up to REBUILDS_UP_TO), and plain MkDocs on the same pages."""
    project = copy_project(scratch / f"archive-{size}", size)
    languages, first = languages_of(project), _first_highlight(project)
    result = {"n": size, "record": record_shape(project / RECORD)}
    result["archive_pages_only"] = build(project, "--no-pdf")
    plain = write_plain_project(project, scratch / f"plain-{size}")
    result["archive"] = build(project)
    if result["archive"].get("seconds") is not None:
        result["archive"].update(site_figures(project / "site", first, languages))
        if size <= REBUILDS_UP_TO:
            result["unchanged_rebuild"] = build(project, cold=False)
            result["rebuild"] = edited_rebuild(project, 1)
    mkdocs = str(Path(PYTHON).parent / "mkdocs")
    commands = " && ".join(f"{mkdocs} build -q -f {config}" for config in plain.configs)
    result["plain"] = timed(["sh", "-c", commands], plain.folder, CASE_TIMEOUT, MEMORY_CAP_MB)
    if result["plain"].get("seconds") is not None:
        result["plain"].update(site_figures(plain.folder / "site", first, languages, search=False))
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(plain.folder, ignore_errors=True)
    return result


def full_build_only(size: int, scratch: Path) -> dict:
    """N = size: the record's bytes and shape, and one cold build with its PDFs (the record size limits)."""
    project = copy_project(scratch / f"limit-{size}", size)
    result = {"n": size, "record": record_shape(project / RECORD), "archive": build(project)}
    shutil.rmtree(project, ignore_errors=True)
    return result


def serve_latency(scratch: Path, edits: int = 3) -> dict:
    """Seconds from saving a data edit to the served page showing it (`make serve`, real record): each of `edits`
    edits is made once the server has finished the complete rebuild (PDFs included) after the one before."""
    project = copy_project(scratch / "serve", None)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [PYTHON, "-m", "tayho", "serve", "--root", str(project), "--port", str(port)]
    server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        return _edits_seen(project, base, edits)
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl+C: the server stops watching and closes its port
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(project, ignore_errors=True)


def _edits_seen(project: Path, base: str, edits: int) -> dict:
    import yaml

    record = project / RECORD
    first = yaml.safe_load(record.read_text(encoding="utf-8"))["highlights"][0]
    title, url = first["title"]["en"], f"{base}/en/{first['id']}/"
    if not _wait_for(url, lambda body: html.escape(title, quote=False) in body, 300):
        return {"seconds": None, "error": "the first build was not served within 5 minutes"}
    if not _idle(base, 1, 300):
        return {"seconds": None, "error": "the first build did not finish within 5 minutes"}
    seen = []
    for edit in range(1, edits + 1):
        new_title = f"{first['title']['en']} (benchmark edit {edit})"  # keeps the glossary's terms: still valid
        record.write_text(record.read_text(encoding="utf-8").replace(title, new_title), encoding="utf-8")
        started = time.monotonic()
        shown = str(escape(new_title))  # as the page writes it (an apostrophe is &#39;)
        if not _wait_for(url, lambda body, expected=shown: expected in body, 120):
            return {"seconds": None, "runs_seconds": seen, "error": f"edit {edit} not shown within 2 minutes"}
        seen.append(round(time.monotonic() - started, 2))
        title = new_title
        if not _idle(base, 1 + 2 * edit, 300):  # the pages, then the whole site with its PDFs
            return {"seconds": None, "runs_seconds": seen, "error": f"the rebuild after edit {edit} did not end"}
    return {"seconds": round(statistics.median(seen), 2), "runs_seconds": seen}


def _idle(base: str, builds: int, limit: float) -> bool:
    """Whether the server has started `builds` builds and is not building, within `limit` seconds."""

    def done(body: str) -> bool:
        status = json.loads(body)
        return status["started"] >= builds and not status["building"]

    return _wait_for(f"{base}/.tayho-serve/status", done, limit)


def _wait_for(url: str, condition, limit: float) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if condition(response.read().decode("utf-8")):
                    return True
        except OSError:
            pass
        time.sleep(0.05)
    return False
