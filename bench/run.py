"""make bench: build time, memory, size and page weight of the archive against plain MkDocs, as the record grows.

For each N (default 10, 100, 1000; add 5000 with --sizes 10,100,1000,5000) a synthetic record of N highlights
(bench/synth.py) is built cold with `tools/build.py`, and the same pages written as plain Markdown are built with
the same theme and no hooks. Results go to bench/results.json and BENCHMARKS.md; targets are recorded, not asserted.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import html
import io
import json
import os
import platform
import pstats
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import browser as reader  # noqa: E402
from bench.plain import write_plain_project  # noqa: E402
from bench.synth import write_synthetic  # noqa: E402

PYTHON = sys.executable
os.environ["TAYHO_RECORD_MAX_BYTES"] = str(200_000_000)  # synthetic records of thousands of highlights
PROJECT_PARTS = ("mkdocs.yml", "mkdocs.en.yml", "docs", "overrides", "hooks", "tayho", "tools")
CASE_TIMEOUT = 1800
SEARCH_QUERY = "giam sat"  # typed into the Vietnamese home page's search box
SINGLE_INDEX_COMPARED_FROM = 1000  # from this N on, also build with Material's single index (before/after)


def copy_project(target: Path, size: int | None) -> Path:
    target.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    (target / "data").mkdir()
    shutil.copytree(ROOT / "data" / "source", target / "data" / "source")
    if size is None:
        shutil.copy2(ROOT / "data" / "achievements.yaml", target / "data" / "achievements.yaml")
    else:
        write_synthetic(ROOT / "data" / "achievements.yaml", size, target / "data" / "achievements.yaml")
    return target


def _tree_rss_kb(root_pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (kB)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            total += next(int(line.split()[1]) for line in (Path("/proc") / str(pid) / "status").read_text().splitlines()
                          if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    return total


def timed(command: list[str], cwd: Path) -> dict:
    """Wall time and peak memory of a command, its worker processes included (sampled every 50 ms), or a timeout."""
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kb(process.pid))
        if time.monotonic() - started > CASE_TIMEOUT:
            process.kill()
            process.wait()
            return {"seconds": None, "peak_rss_mb": None, "timed_out": True}
        time.sleep(0.05)
    seconds = time.monotonic() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{process.stderr.read()[-3000:]}")
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(peak / 1024, 1)}


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def site_figures(site: Path, highlight_url: str, browser, search: bool = True) -> dict:
    """Size of the site and its search index, and what a reader's browser downloads and waits for (the search
    only where the query can match: plain MkDocs has no accent folding, so "giam sat" finds nothing there)."""
    pages = list(site.rglob("*.html"))
    indexes = {lang: site / prefix / "search" / "search_index.json" for lang, prefix in (("vi", ""), ("en", "en"))}
    chunks = site / "search" / "chunks"
    figures = {
        "pages": len(pages),
        "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6, 2),
        "search_mode": "chunked" if chunks.is_dir() else "single",
        "search_index_kb": {lang: {"raw": round(p.stat().st_size / 1024, 1), "gzip": round(gz(p) / 1024, 1)}
                            for lang, p in indexes.items()},
    }
    if chunks.is_dir():
        files = [p for p in chunks.iterdir() if p.is_file()]
        figures["search_chunks"] = {"files": len(files), "raw_kb": round(sum(p.stat().st_size for p in files) / 1024, 1)}
    with reader.served(site) as base:
        figures["first_view_home"] = reader.first_view(browser, site, base, "")
        figures["first_view_highlight"] = reader.first_view(browser, site, base, highlight_url + "/")
        if search:
            figures["search_first_result"] = reader.time_to_first_result(browser, site, base, "", SEARCH_QUERY)
    return figures


def _with_env(command: list[str], **environment: str) -> list[str]:
    return ["env", *(f"{name}={value}" for name, value in environment.items()), *command]


def measure(size: int, scratch: Path, browser) -> dict:
    project = copy_project(scratch / f"archive-{size}", size)
    build = [PYTHON, "tools/build.py", "--root", str(project)]
    result = {"n": size}
    if size >= SINGLE_INDEX_COMPARED_FROM:  # the same pages with Material's single search index, for comparison
        result["single_index"] = timed(_with_env(build + ["--no-pdf"], TAYHO_SEARCH="single"), project)
        if result["single_index"].get("seconds") is not None:
            result["single_index"].update(site_figures(project / "site", "supervision-n1", browser))
    pages_only = timed(build + ["--no-pdf"], project)
    archive = timed(build, project)
    result.update(archive=archive, archive_pages_only=pages_only)
    if archive.get("seconds") is not None:
        result["archive"].update(site_figures(project / "site", "supervision-n1", browser))
        result["archive"]["seconds_per_page"] = round(archive["seconds"] / result["archive"]["pages"], 4)
    plain = write_plain_project(project, scratch / f"plain-{size}")
    mkdocs = str(Path(PYTHON).parent / "mkdocs")
    plain_run = timed(["sh", "-c", f"{mkdocs} build -q -f mkdocs.yml && {mkdocs} build -q -f mkdocs.en.yml"], plain)
    result["plain"] = plain_run
    if plain_run.get("seconds") is not None:
        result["plain"].update(site_figures(plain / "site", "supervision-n1", browser, search=False))
    if archive.get("seconds") and plain_run.get("seconds"):
        result["overhead"] = round(archive["seconds"] / plain_run["seconds"], 2)
    if pages_only.get("seconds") and plain_run.get("seconds"):
        result["overhead_pages_only"] = round(pages_only["seconds"] / plain_run["seconds"], 2)
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(plain / "site", ignore_errors=True)
    return result


def serve_latency(scratch: Path) -> float | None:
    """Seconds from saving a data edit to the served page showing it (make serve, real record)."""
    project = copy_project(scratch / "serve", None)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([PYTHON, str(project / "tools" / "serve.py"), "--port", str(port)], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        record = project / "data" / "achievements.yaml"
        first = yaml.safe_load(record.read_text(encoding="utf-8"))["highlights"][0]
        title = first["title"]["en"]
        url = f"http://127.0.0.1:{port}/en/{first['id']}/"
        if not _wait_for(url, lambda body: html.escape(title, quote=False) in body, 120):
            return None
        record.write_text(record.read_text(encoding="utf-8").replace(title, "Benchmark edit"), encoding="utf-8")
        started = time.monotonic()
        if not _wait_for(url, lambda body: "Benchmark edit" in body, 60):
            return None
        return round(time.monotonic() - started, 2)
    finally:
        server.terminate()
        server.wait(timeout=30)


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


def profile(size: int, scratch: Path) -> list[str]:
    """Where the archive's own code spends time in a build of N highlights (cProfile, cumulative)."""
    from tools.build import CONFIGS, build_language_with_pdf

    project = copy_project(scratch / f"profile-{size}", size)

    def both_languages_in_this_process():  # tools/build.py runs them in two processes, which cProfile cannot see
        for config_name, prefix in CONFIGS:
            build_language_with_pdf(project, config_name, scratch / f"profile-{size}-{prefix or 'vi'}", prefix, True)

    profiler = cProfile.Profile()
    profiler.runcall(both_languages_in_this_process)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    total = stats.total_tt
    rows = []
    for (filename, line, name), (_, _, _, cumulative, _) in sorted(stats.stats.items(), key=lambda i: -i[1][3]):
        if any(part in filename for part in ("/tayho/", "/hooks/", "/tools/pdf", "weasyprint/__init__")):
            rows.append(f"| `{Path(filename).parent.name}/{Path(filename).name}:{name}` | {cumulative:.2f} s | "
                        f"{100 * cumulative / total:.0f}% |")
        if len(rows) == 15:
            break
    return [f"Total {total:.1f} s for N = {size}.", "", "| function | cumulative | share |", "|---|---|---|", *rows]


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0")
    import material
    import mkdocs
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(int(memory) / 2**20, 1),
            "python": platform.python_version(), "mkdocs": mkdocs.__version__,
            "material": material.__version__ if hasattr(material, "__version__") else "9.8.1"}


def targets(results: dict) -> list[tuple[str, str, bool | None]]:
    by_n = {case["n"]: case for case in results["cases"]}
    rows = []
    real = results["real_record"]["archive"]["seconds"]
    rows.append(("real record: `make build` < 3 s", f"{real} s", real is not None and real < 3))
    overheads = {n: case.get("overhead") for n, case in by_n.items()}
    rows.append(("overhead vs plain MkDocs ≤ 1.3× at every N",
                 ", ".join(f"N={n}: {o}×" for n, o in overheads.items()),
                 all(o is not None and o <= 1.3 for o in overheads.values())))
    if 1000 in by_n:
        case = by_n[1000]["archive"]
        seconds, rss = case.get("seconds"), case.get("peak_rss_mb")
        rows.append(("N=1000 builds in < 60 s, < 1 GiB peak", f"{seconds} s, {rss} MB",
                     seconds is not None and seconds < 60 and rss < 1024))
    per_page = {n: case["archive"].get("seconds_per_page") for n, case in by_n.items() if n >= 100}
    if len(per_page) >= 2 and all(per_page.values()):
        ratio = round(per_page[max(per_page)] / per_page[min(per_page)], 2)
        rows.append(("time per page flat from N=100 up", f"{per_page} (ratio {ratio})", ratio <= 1.5))
    weight = results["real_record"]["archive"]["first_view_highlight"]["gzip_kb"]
    rows.append(("first view of a highlight page ≤ 70 KB gzip", f"{weight} KB", weight <= 70))
    latency = results["serve_edit_latency_s"]
    rows.append(("`make serve`: data edit visible ≤ 2 s", f"{latency} s", latency is not None and latency <= 2))
    if 1000 in by_n and "single_index" in by_n[1000]:
        single, chunked = by_n[1000]["single_index"], by_n[1000]["archive"]
        before = single["search_first_result"]
        after = chunked["search_first_result"]
        rows.append(("search at N=1000: Material's single index passes 500 KB gzip, so it is chunked",
                     f"single index {single['search_index_kb']['vi']['gzip']} KB gzip, first result after "
                     f"{before['seconds']} s; chunked: {after['search_gzip_kb']} KB in {after['search_files']} "
                     f"files, first result after {after['seconds']} s",
                     chunked["search_mode"] == "chunked" and after["search_gzip_kb"] < 500))
    return rows


def write_report(results: dict, profile_lines: list[str]) -> None:
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2, sort_keys=True) + "\n",
                                                  encoding="utf-8")
    m = results["machine"]
    lines = ["# Benchmarks", "", "Written by `make bench` (bench/run.py); figures from its latest run.", "",
             f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; Python {m['python']}, "
             f"MkDocs {m['mkdocs']}, Material {m['material']}.", "", "## Targets", "",
             "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {'yes' if ok else 'no'} |" for name, value, ok in targets(results)]
    lines += ["", "## Build against plain MkDocs", "",
              "Cold build of both languages. Archive: `tools/build.py` (the languages in two processes), with its "
              "PDFs and, in the next column, without them (`--no-pdf`, as `make serve` previews); plain: the same "
              "pages as Markdown, same theme, no hooks, `mkdocs build` once per language. Peak memory is the "
              "resident total of the build's process tree, sampled every 50 ms.", "",
              "| N | pages | archive s | archive without PDF s | plain s | overhead | overhead without PDF | "
              "archive peak MB | plain peak MB | s/page | site MB |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    for case in results["cases"]:
        a, p, q = case["archive"], case["plain"], case.get("archive_pages_only", {})
        lines.append(f"| {case['n']} | {a.get('pages')} | {a.get('seconds')} | {q.get('seconds')} | "
                     f"{p.get('seconds')} | {case.get('overhead')}× | {case.get('overhead_pages_only')}× | "
                     f"{a.get('peak_rss_mb')} | {p.get('peak_rss_mb')} | {a.get('seconds_per_page')} | "
                     f"{a.get('site_mb')} |")
    lines += ["", "## Search and first view", "",
              "First view: every file a fresh visit downloads until the network is idle (Material loads the search "
              "worker and the whole search index on every page view), counted gzipped. Search: "
              f"\"{SEARCH_QUERY}\" typed into the home page's search box as soon as it loads, on a throttled "
              "connection (1.6 Mbit/s, 150 ms round trip, files served uncompressed); seconds from the start of the "
              "page load to the first result, and the search files downloaded by then. `single` is Material's one "
              "index (with folded copies of every entry), `chunked` the index in chunks read by "
              "`overrides/assets/javascripts/tayho-search.js`, used from "
              "`extra.search_chunks_from` (200) highlights on.", "",
              "| N | build | search | index file vi / en KB gzip | search files (KB gzip) | page ready s | "
              "first result s | home first view KB gzip | highlight first view KB gzip |",
              "|---|---|---|---|---|---|---|---|---|"]
    rows = [("real", "archive", results["real_record"]["archive"])]
    for case in results["cases"]:
        rows += [(case["n"], label, case[key]) for key, label in
                 (("single_index", "archive, single index"), ("archive", "archive"), ("plain", "plain MkDocs"))
                 if key in case and "search_index_kb" in case[key]]
    for n, label, a in rows:
        index, found = a["search_index_kb"], a.get("search_first_result", {})
        lines.append(f"| {n} | {label} | {a['search_mode']} | {index['vi']['gzip']} / {index['en']['gzip']} | "
                     f"{found.get('search_files', '–')} ({found.get('search_gzip_kb', '–')}) | "
                     f"{found.get('page_ready_seconds', '–')} | {found.get('seconds', '–')} | "
                     f"{a['first_view_home']['gzip_kb']} | {a['first_view_highlight']['gzip_kb']} |")
    measured = sorted(case["n"] for case in results["cases"])
    lines += ["", "## Reading the results", "",
              "- The PDFs (WeasyPrint, one whole-record PDF per language, rendered in parallel) are most of the "
              "archive's extra time and most of its extra memory; the overhead without them is in its own "
              "column.",
              "- Time per page grows with N in plain MkDocs as well: Material writes the whole navigation into every "
              "page, so each page grows with the number of highlights.",
              "- Material loads its search worker, language files and whole index on every page view; that is most "
              "of the difference between the archive's first view and plain MkDocs', and the reason the index is "
              "split into chunks for large records.",
              "- Builds are timed cold, one after another, on a machine doing nothing else; expect a few percent "
              "of noise between runs."]
    if 5000 not in measured:
        lines += [f"- Measured at N = {', '.join(map(str, measured))}. N = 5,000 is not in the default run "
                  "(`python bench/run.py --sizes 10,100,1000,5000` adds it): from the growth between 100 and "
                  "1,000, a build of 5,000 highlights would exceed the benchmark's 30-minute limit per build."]
    lines += ["", "## Where the archive's time goes", "", *profile_lines, ""]
    (ROOT / "BENCHMARKS.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--profile-size", type=int, default=1000)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        real_project = copy_project(scratch / "real", None)
        real = {"archive": timed([PYTHON, "tools/build.py", "--root", str(real_project)], real_project)}
        cases = []
        with reader.chromium() as browser:
            real["archive"].update(site_figures(real_project / "site", "supervision", browser))
            for size in sizes:
                print(f"[bench] N = {size}", flush=True)
                cases.append(measure(size, scratch, browser))
                print(json.dumps(cases[-1]), flush=True)
        latency = serve_latency(scratch)
        profile_lines = profile(min(args.profile_size, max(sizes)), scratch)
    results = {"machine": machine(), "real_record": real, "cases": cases, "serve_edit_latency_s": latency}
    write_report(results, profile_lines)
    print((ROOT / "BENCHMARKS.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
