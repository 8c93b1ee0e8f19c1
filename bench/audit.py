"""make audit: Lighthouse (mobile preset, Debian's Chromium) on the home page and two highlight pages per language.

A benchmark, not a test: it records the four category scores in audit.json and AUDIT.md and prints them with
the targets (performance >= 0.95, accessibility 1.0, best practices >= 0.95, SEO 1.0).
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from tayho.build import SiteBuild, build_site
from tayho.static_host import hosting

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "supervision/", "covid-19/", "en/", "en/supervision/", "en/covid-19/"]
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 0.95, "seo": 1.0}
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync"
)


def audit_page(url: str, scratch: Path) -> dict:
    report = scratch / "report.json"
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
    data = json.loads(report.read_text(encoding="utf-8"))
    failing = sorted(
        {
            audit_id
            for category in data["categories"].values()
            for ref in category["auditRefs"]
            if ref["weight"] > 0
            and (audit_id := ref["id"]) in data["audits"]
            and data["audits"][audit_id].get("score") not in (None, 1)
        }
    )
    return {"scores": {name: data["categories"][name]["score"] for name in TARGETS}, "below_full_marks": failing}


def table(results: dict) -> str:
    rows = ["| page | performance | accessibility | best practices | SEO |", "|---|---|---|---|---|"]
    for page, result in results.items():
        cells = [
            f"{result['scores'][name]:.2f}" + ("" if result["scores"][name] >= target else " ✗")
            for name, target in TARGETS.items()
        ]
        rows.append(f"| /{page} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main() -> int:
    if not LIGHTHOUSE.exists():
        print("node_modules is missing: run `npm ci --ignore-scripts`", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        site = scratch / "site"
        with hosting(site) as base:
            build_site(SiteBuild(ROOT, site, site_url=base, pdf=False))
            results = {page: audit_page(base + page, scratch) for page in PAGES}
    met = all(result["scores"][name] >= target for result in results.values() for name, target in TARGETS.items())
    summary = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "lighthouse": "12.8.2, mobile preset, Debian chromium",
        "targets": TARGETS,
        "all_targets_met": met,
        "pages": results,
    }
    (ROOT / "audit.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    notes = "\n".join(
        f"- /{page}: below full marks: {', '.join(result['below_full_marks']) or 'none'}"
        for page, result in results.items()
    )
    (ROOT / "AUDIT.md").write_text(
        "# Lighthouse audit (make audit)\n\nLatest run of `make audit`: Lighthouse 12.8.2, mobile preset, Debian's "
        f"Chromium, site served on 127.0.0.1. Targets: {', '.join(f'{k} ≥ {v}' for k, v in TARGETS.items())}; "
        f"✗ marks a score below its target. All targets met: {'yes' if met else 'no'}.\n\n{table(results)}\n\n"
        f"Audits scoring below 1 on each page:\n\n{notes}\n",
        encoding="utf-8",
    )
    print(table(results))
    print(f"all targets met: {met}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
