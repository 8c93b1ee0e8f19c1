"""make audit: Lighthouse (mobile preset, Debian's Chromium) on the home page and two highlight pages per language.

A benchmark, not a test: each page is audited three times (one run varies by about ten points on this machine) and
the median of each category's scores is recorded in audit.json and AUDIT.md and printed with the targets
(performance >= 0.95; accessibility, best practices and SEO 1.0).

The site is served on 127.0.0.1 as its static host serves it: text files (HTML, CSS, JavaScript, JSON, XML, SVG)
compressed with gzip when the browser accepts it, as GitHub Pages does. Lighthouse's throttling then simulates a
slow phone connection on the bytes that a reader would really download.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tayho.build import SiteBuild, build_site
from tayho.static_host import StaticSiteHandler, hosting

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = Path("/usr/bin/chromium")

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "supervision/", "covid-19/", "en/", "en/supervision/", "en/covid-19/"]
RUNS = 3
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


class CompressingHost(StaticSiteHandler):
    """The static host, answering a request for a text file with its gzip-compressed bytes when accepted."""

    def do_GET(self):
        path = self.compressible_file()
        if path is None:
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def compressible_file(self) -> Path | None:
        """The text file a GET asks for, when the browser accepts gzip; None for anything else (a missing file, a
        folder's address without its "/", which the host redirects, an image)."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return None
            path = path / "index.html"
        return path if path.is_file() and path.suffix in COMPRESSED else None


def lighthouse(url: str, report: Path) -> dict:
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        timeout=300,
    )
    return json.loads(report.read_text(encoding="utf-8"))


def below_full_marks(data: dict) -> list[str]:
    return sorted(
        {
            audit_id
            for category in data["categories"].values()
            for ref in category["auditRefs"]
            if ref["weight"] > 0
            and (audit_id := ref["id"]) in data["audits"]
            and data["audits"][audit_id].get("score") not in (None, 1)
        }
    )


def audit_page(url: str, scratch: Path) -> dict:
    """The median score of each category over RUNS runs, every run's scores, and the audits below full marks in
    any run."""
    runs = [lighthouse(url, scratch / "report.json") for _ in range(RUNS)]
    scores = [{name: data["categories"][name]["score"] for name in TARGETS} for data in runs]
    return {
        "scores": {name: statistics.median(run[name] for run in scores) for name in TARGETS},
        "runs": scores,
        "below_full_marks": sorted({audit for data in runs for audit in below_full_marks(data)}),
    }


def table(results: dict) -> str:
    rows = [
        "| page | performance | accessibility | best practices | SEO | performance in each run |",
        "|---|---|---|---|---|---|",
    ]
    for page, result in results.items():
        cells = [
            f"{result['scores'][name]:.2f}" + ("" if result["scores"][name] >= target else " ✗")
            for name, target in TARGETS.items()
        ]
        each = ", ".join(f"{run['performance']:.2f}" for run in result["runs"])
        rows.append(f"| /{page} | " + " | ".join(cells) + f" | {each} |")
    return "\n".join(rows)


def report(results: dict, met: bool) -> str:
    notes = "\n".join(
        f"- /{page}: {', '.join(result['below_full_marks']) or 'none'}" for page, result in results.items()
    )
    return (
        "# Lighthouse audit (make audit)\n\nLatest run of `make audit`: Lighthouse 12.8.2, mobile preset, Debian's "
        "Chromium, the site served on 127.0.0.1 with gzip as its static host serves it. Each page is audited "
        f"{RUNS} times and each score is the median of the runs (one run varies by about ten points on this "
        f"machine). Targets: {', '.join(f'{k} ≥ {v}' for k, v in TARGETS.items())}; ✗ marks a median below its "
        f"target. All targets met: {'yes' if met else 'no'}.\n\n{table(results)}\n\n"
        f"Audits scoring below 1 in at least one run:\n\n{notes}\n"
    )


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("node_modules is missing: run `npm ci --ignore-scripts`", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        site = scratch / "site"
        with hosting(site, handler_class=CompressingHost) as base:
            build_site(SiteBuild(ROOT, site, site_url=base, pdf=False))
            results = {page: audit_page(base + page, scratch) for page in PAGES}
    met = all(result["scores"][name] >= target for result in results.values() for name, target in TARGETS.items())
    summary = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "lighthouse": "12.8.2, mobile preset, Debian chromium, served with gzip",
        "runs_per_page": RUNS,
        "targets": TARGETS,
        "all_targets_met": met,
        "pages": results,
    }
    (ROOT / "audit.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (ROOT / "AUDIT.md").write_text(report(results, met), encoding="utf-8")
    print(table(results))
    print(f"all targets met: {met}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
