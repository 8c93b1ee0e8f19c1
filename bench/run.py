"""make bench: build time, memory, size and page weight of the archive against plain MkDocs, as the record grows.

The real record is built five times each way (pages alone, cold with every PDF, rebuilt with nothing changed, rebuilt
after an edit); then for each N (default 10, 100, 1000 and 5000; --sizes 10,100 for a quick run) a synthetic record
of N highlights (bench/synth.py) is built, and the same pages as plain MkDocs; then `make serve` is timed showing
an edit, and one build is profiled in this process. `--limits 2000,5000` adds cold full builds at those N (merged
into the last run's results) for the record size limits. Results go to bench/results.json and BENCHMARKS.md
(bench/report.py); targets are recorded there, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from bench import cases
from bench.profiling import profile_pages, time_pdfs
from bench.report import write_report

ROOT = Path(__file__).resolve().parent.parent

RESULTS = ROOT / "bench" / "results.json"
REPORT = ROOT / "BENCHMARKS.md"


def machine() -> dict:
    info = (Path("/proc/cpuinfo").read_text().splitlines(), Path("/proc/meminfo").read_text().splitlines())
    cpu = next((line.split(":", 1)[1].strip() for line in info[0] if line.startswith("model name")), "")
    memory = next((line.split()[1] for line in info[1] if line.startswith("MemTotal")), "0")
    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory) / 2**20, 1),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "weasyprint": version("weasyprint"),
    }


def commit() -> str:
    """The code measured: the commit, marked when the worktree has uncommitted changes."""
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=10", "HEAD"], capture_output=True, text=True)
    outputs = [f":(exclude){path.relative_to(ROOT)}" for path in (RESULTS, REPORT)]  # what the run writes
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--", ".", *outputs], capture_output=True, text=True
    )
    return head.stdout.strip() + (" with uncommitted changes" if dirty.stdout.strip() else "")


def say(message: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {message}", flush=True)


def measure_all(args, scratch: Path) -> dict:
    say("real record")
    real = cases.real_record(scratch, args.real_runs)
    measured = []
    for size in args.sizes:
        say(f"N = {size}")
        measured.append(cases.synthetic(size, scratch))
        say(json.dumps({key: measured[-1][key].get("seconds") for key in ("archive_pages_only", "archive", "plain")}))
    say("make serve")
    serve = cases.serve_latency(scratch)
    say(f"profile (pages at N = {args.profile_size}, PDFs of the real record and at N = {args.pdf_profile_size})")
    profile = {
        "pages": profile_pages(args.profile_size, scratch),
        "pdfs": [time_pdfs(None, scratch), time_pdfs(args.pdf_profile_size, scratch)],
    }
    return {"real_record": real, "cases": measured, "serve": serve, "profile": profile}


def measure_limits(sizes: list[int], scratch: Path, results: dict) -> dict:
    """The cold full builds at `sizes`, replacing those of the same N in results["limits"]."""
    limits = {entry["n"]: entry for entry in results.get("limits", [])}
    for size in sizes:
        say(f"limit: N = {size}")
        limits[size] = {**cases.full_build_only(size, scratch), "commit": commit()}
        say(json.dumps(limits[size]["archive"]))
    return {**results, "limits": [limits[n] for n in sorted(limits)]}


def _sizes(text: str) -> list[int]:
    return [int(size) for size in text.split(",")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=_sizes("10,100,1000,5000"))
    parser.add_argument("--real-runs", type=int, default=5, help="runs of each real-record build (median shown)")
    parser.add_argument("--profile-size", type=int, default=1000, help="N of the profiled pages build")
    parser.add_argument("--pdf-profile-size", type=int, default=100, help="N of the PDFs timed one by one")
    parser.add_argument(
        "--limits", type=_sizes, default=None, metavar="N,N", help="only cold full builds at these N, added to results"
    )
    parser.add_argument("--report-only", action="store_true", help="rewrite BENCHMARKS.md from bench/results.json")
    args = parser.parse_args()
    if args.report_only:
        write_report(json.loads(RESULTS.read_text(encoding="utf-8")), REPORT)
        return 0
    with tempfile.TemporaryDirectory(prefix="tayho-bench-") as scratch_name:
        scratch = Path(scratch_name)
        if args.limits:
            if not RESULTS.is_file():
                print("bench/results.json is missing: run `make bench` first, then --limits", file=sys.stderr)
                return 2
            results = measure_limits(args.limits, scratch, json.loads(RESULTS.read_text(encoding="utf-8")))
        else:
            started = dt.datetime.now()
            earlier = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.is_file() else {}
            results = {"machine": machine(), "commit": commit(), "date": f"{started:%Y-%m-%d %H:%M}"}
            results["limits"] = earlier.get("limits", [])  # measured apart (--limits), kept until measured again
            results.update(measure_all(args, scratch))
            results["minutes"] = round((dt.datetime.now() - started).total_seconds() / 60)
    RESULTS.write_text(json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    write_report(results, REPORT)
    print(REPORT.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
