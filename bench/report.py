"""BENCHMARKS.md, written from bench/results.json: the targets, the tables, the record size limits, why each missed
target was missed, and where the time goes. Every figure comes from the run; the words around them do not change
with it."""

from __future__ import annotations

from pathlib import Path

from bench.targets import (
    BASELINE,
    MEMORY_BOUND_MB,
    TIME_BOUND_S,
    full_builds,
    largest_within,
    targets,
    within_bounds,
)

DISTURBED_SHARE = 0.10  # other processes using more than this share of the machine's CPU during a measurement


def _value(run: dict | None, key: str, missing: str = "–"):
    if not run:
        return missing
    if key == "seconds" and run.get("seconds") is None and run.get("stopped"):
        return f"stopped ({run['stopped']}, after {run['stopped_after_seconds']} s)"
    value = run.get(key)
    return missing if value is None else value


def _measurements(results: dict) -> list[tuple[str, dict]]:
    real = results["real_record"]
    found = [(f"real record, {key}", real[key]) for key in ("pages_only", "archive", "unchanged_rebuild", "rebuild")]
    for case in results["cases"] + results.get("limits", []):
        found += [
            (f"N = {case['n']}, {key}", case[key])
            for key in case
            if isinstance(case[key], dict) and "cpu_seconds" in case[key]
        ]
    return found


def machine_lines(results: dict) -> list[str]:
    m = results["machine"]
    measured = _measurements(results)
    disturbed = [(name, run) for name, run in measured if (run.get("others_cpu_share") or 0) > DISTURBED_SHARE]
    loads = [run.get("load_before", 0) for _, run in measured]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; Python {m['python']}, MkDocs {m['mkdocs']}, "
        f"Material {m['material']}. Code: commit {results.get('commit', '?')}; run {results.get('date', '?')}.",
        "",
        f"Load: the load average before each build ranged from {min(loads, default=0)} to {max(loads, default=0)} "
        "(it counts the benchmark's own previous build too); other processes used more than "
        f"{round(100 * DISTURBED_SHARE)}% of the machine's CPU during {len(disturbed)} of the {len(measured)} timed "
        "builds (column `others` in the tables: the share of both cores they took while the build ran, the "
        "benchmark's own memory sampling included).",
    ]
    if disturbed:
        worst = sorted(disturbed, key=lambda item: -item[1]["others_cpu_share"])[:5]
        lines += [
            "",
            "**Timings disturbed:** other processes (other engineers' tests) ran on this machine during the run; "
            "those builds' times are longer than on an idle machine (their CPU time is less affected). Most "
            "disturbed: " + "; ".join(f"{name} ({round(100 * run['others_cpu_share'])}%)" for name, run in worst) + ".",
        ]
    return lines


def target_lines(results: dict) -> list[str]:
    lines = ["## Targets", "", "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {t.name} | {t.measured} | {'yes' if t.met else '**no**'} |" for t in targets(results)]
    return lines


def _build_row(label: str, run: dict) -> str:
    return (
        f"| {label} | {_value(run, 'seconds')} | {_value(run, 'cpu_seconds')} | {_value(run, 'peak_pss_mb')} | "
        f"{_value(run, 'peak_rss_mb')} | {_value(run, 'pdfs_rendered')} | "
        f"{round(100 * run.get('others_cpu_share', 0))}% |"
    )


def real_lines(results: dict) -> list[str]:
    real = results["real_record"]
    header = "| build | s | CPU s | peak PSS MB | peak RSS MB | PDFs rendered | others |"
    labels = (
        ("pages_only", "pages alone (`--no-pdf`)"),
        ("archive", "cold (no .tayho-cache), PDFs included"),
        ("unchanged_rebuild", "rebuild, nothing changed"),
        ("rebuild", "rebuild after editing one text of one highlight"),
    )
    lines = [
        "## The real record",
        "",
        f"`python -m tayho build` of the real record ({real['record']['highlights']} highlights, "
        f"{real['record']['bytes']:,} bytes), each build run five times; the run of median time is shown, with "
        "every run's time.",
        "",
        header,
        "|---|---|---|---|---|---|---|",
    ]
    lines += [_build_row(label, real[key]) for key, label in labels]
    lines += ["", "Every run, in seconds: " + "; ".join(f"{label}: {_runs_of(real[key])}" for key, label in labels)]
    return lines


def _runs_of(run: dict) -> str:
    return ", ".join(str(seconds) for seconds in run.get("runs_seconds", []))


def growth_lines(results: dict) -> list[str]:
    lines = [
        "## Build against plain MkDocs, as the record grows",
        "",
        "Synthetic records of N highlights (bench/synth.py: the real ten, again and again). Archive: `python -m "
        "tayho build` (each language in its own process, then its PDFs): the pages alone (`--no-pdf`), a cold "
        "build with every PDF, and up to N = 1,000 a rebuild with nothing changed and one after editing one "
        "highlight. Plain: the same pages, navigation, theme and features, with Material's own search plugin "
        "instead of the tayho plugin (bench/plain.py), `mkdocs build` once per language, one after the other. "
        "Memory: the peak of the build's whole process tree, as PSS (shared pages counted "
        "once; sampled every 0.5 s) and as the sum of RSS (counted once per process; every 50 ms).",
        "",
        "| N | pages | PDFs | pages alone s (CPU s) | plain s (CPU s) | pages alone / plain | cold s (CPU s) | "
        "rebuild unchanged s | rebuild after an edit s (PDFs rendered) | peak PSS MB: pages alone / cold / plain | "
        "peak RSS MB: cold | others (cold) | site MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for case in results["cases"]:
        a, q, p = case["archive"], case["archive_pages_only"], case["plain"]
        ratio = round(q["seconds"] / p["seconds"], 2) if q.get("seconds") and p.get("seconds") else "–"
        rebuild = case.get("rebuild")
        lines.append(
            f"| {case['n']} | {_value(a, 'pages')} | {_value(a, 'pdfs')} | {_value(q, 'seconds')} "
            f"({_value(q, 'cpu_seconds')}) | {_value(p, 'seconds')} ({_value(p, 'cpu_seconds')}) | {ratio}× | "
            f"{_value(a, 'seconds')} ({_value(a, 'cpu_seconds')}) | "
            f"{_value(case.get('unchanged_rebuild'), 'seconds')} | "
            f"{_value(rebuild, 'seconds')} ({_value(rebuild, 'pdfs_rendered')}) | {_value(q, 'peak_pss_mb')} / "
            f"{_value(a, 'peak_pss_mb')} / {_value(p, 'peak_pss_mb')} | {_value(a, 'peak_rss_mb')} | "
            f"{round(100 * a.get('others_cpu_share', 0))}% | {_value(a, 'site_mb')} |"
        )
    return lines


def _bound_sentence(builds: list[dict], index: int, bound: str) -> str:
    largest, beyond = largest_within(builds, index)
    if largest is None and beyond is None:
        return f"No measured build tells the largest N within {bound}."
    if largest is None:
        return f"Even the smallest N measured, {beyond:,}, does not build within {bound}."
    if beyond is None:
        return f"Every N measured builds within {bound}: the largest, {largest:,}, is a lower bound."
    order = "" if largest < beyond else " (the measurements are not monotonic: see the table)"
    return f"The largest N measured within {bound} is {largest:,}; the smallest beyond it, {beyond:,}{order}."


def limit_lines(results: dict) -> list[str]:
    builds = full_builds(results)
    shape = builds[0]["record"] if builds else results["real_record"]["record"]
    lines = [
        "## Record size limits",
        "",
        f"A cold full build (PDFs included) of synthetic records as N grows, for the bounds of the record size "
        f"limits: {MEMORY_BOUND_MB // 1024} GiB for the whole build's process tree (PSS) and "
        f"{TIME_BOUND_S // 60} minutes. Each highlight is a copy of a real one: on average "
        f"{shape['figures_per_highlight']['mean']} figures (at most {shape['figures_per_highlight']['max']}), "
        f"{shape['paragraphs_per_highlight']} paragraphs and {shape['text_chars_per_highlight']:,} characters of "
        f"text in both languages together; the longest single text is {shape['longest_text_chars']:,} characters. "
        "A build past 12 GiB or 30 minutes is stopped "
        "(`.venv/bin/python -m bench.run --limits 2000,5000` measures more N).",
        "",
        "| N | record bytes | full build s | peak PSS MB | peak RSS MB | within 2 GiB | within 30 min | others |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for entry in builds:
        run = entry["archive"]
        memory, time = (("yes" if ok else "no") if ok is not None else "not known" for ok in within_bounds(run))
        lines.append(
            f"| {entry['n']:,} | {entry['record']['bytes']:,} | {_value(run, 'seconds')} | "
            f"{_value(run, 'peak_pss_mb')} | {_value(run, 'peak_rss_mb')} | {memory} | {time} | "
            f"{round(100 * run.get('others_cpu_share', 0))}% |"
        )
    lines += [
        "",
        "- " + _bound_sentence(builds, 0, f"{MEMORY_BOUND_MB // 1024} GiB"),
        "- " + _bound_sentence(builds, 1, f"{TIME_BOUND_S // 60} minutes"),
    ]
    return lines


def search_lines(results: dict) -> list[str]:
    lines = [
        "## Search and first view",
        "",
        "First view: every file a fresh visit downloads until the network is idle, counted gzipped, as if served "
        "from the published address by a static host. Search: "
        f'"{BASELINE["query"]}" typed into the home page\'s search box as soon as it loads, on a throttled '
        "connection (1.6 Mbit/s, 150 ms round trip, files served uncompressed); seconds from the start of the page "
        "load to the first result, and the search files downloaded by then. `chunked`: the index the tayho plugin "
        "writes in chunks, read by tayho/theme/assets/javascripts/tayho-search.js, which downloads nothing until "
        "the reader searches (the site online); `single`: one index for Material's own search worker (the offline "
        f"copy's). In brackets, the last run before the restructured build ({BASELINE['from'].split(' (')[0]}).",
        "",
        "| N | build | search | search files (KB gzip) | page ready s | first result s | home first view KB gzip | "
        "highlight first view KB gzip |",
        "|---|---|---|---|---|---|---|---|",
    ]
    real = results["real_record"]
    rows = [("real", "single index", real["single_index"]), ("real", "archive", real["archive"])]
    for case in results["cases"]:
        rows += [(str(case["n"]), "archive", case["archive"]), (str(case["n"]), "plain MkDocs", case["plain"])]
    for key, label, run in rows:
        if "search_mode" in run:
            lines.append(_search_row(key, label, run))
    return lines


def _search_row(key: str, label: str, run: dict) -> str:
    found = run.get("search_first_result", {})
    before = BASELINE["cases"].get(key, {}) if label == "archive" else {}

    def was(name: str) -> str:
        return f" ({before[name]})" if name in before else ""

    return (
        f"| {key} | {label} | {run['search_mode']} | {found.get('search_files', '–')} "
        f"({found.get('search_gzip_kb', '–')}{was('search_gzip_kb')}) | "
        f"{found.get('page_ready_seconds', '–')}{was('page_ready_seconds')} | "
        f"{found.get('seconds', 'failed' if 'error' in found else '–')}{was('seconds')} | "
        f"{run['first_view_home'].get('gzip_kb', 'failed')}{was('first_view_home_gzip_kb')} | "
        f"{run['first_view_highlight'].get('gzip_kb', 'failed')}{was('first_view_highlight_gzip_kb')} |"
    )


def shortfall_lines(results: dict) -> list[str]:
    missed = [target for target in targets(results) if not target.met]
    if not missed:
        return []
    return ["## Targets not met, and why", ""] + [f"- **{t.name}**: {t.why}" for t in missed]


READING = [
    "## Reading the results",
    "",
    "- Each language renders the whole record as one PDF and each highlight as a PDF of its own (PDF/A-3a), after "
    "its pages, the languages in two processes at once. A PDF is kept in .tayho-cache/pdf/ under the hash of its "
    "input, so a cold build renders every PDF (2 × (N + 1)) and a rebuild only those whose input changed; an edit "
    "to any text changes the whole record's PDF in every language, whose attached record.json holds them all.",
    "- The pages alone (`--no-pdf`, what `make serve` shows first) are what compares with plain MkDocs, which "
    "typesets nothing.",
    "- Material writes the navigation into every page; past ten highlights the archive groups them by tens, "
    "hundreds and thousands (tayho/navigation.py) and `navigation.prune` keeps only the groups on a page's own "
    "path, so a page carries a few dozen links at any N; the plain baseline has the same sidebar.",
    "- On this shared 2-core machine single runs of a short build vary by up to a third: the real record's builds "
    "are medians of five, and every build records how much of the CPU other processes took meanwhile.",
]


def profile_lines(results: dict) -> list[str]:
    profile = results.get("profile", {})
    pages, pdfs = profile.get("pages"), profile.get("pdfs")
    lines = ["## Where the time goes", ""]
    if pages:
        lines += [
            f"Every language's pages built one after the other in one process under cProfile, without the PDFs: "
            f"{pages['seconds']} s for N = {pages['n']} (profiling slows pure-Python code more than the rest).",
            "",
            "| function | cumulative | share |",
            "|---|---|---|",
        ]
        lines += [
            f"| `{row['function']}`{' (' + row['label'] + ')' if row['label'] else ''} | {row['seconds']} s | "
            f"{round(100 * row['share'])}% |"
            for row in pages["rows"]
        ]
    for timing in pdfs or []:
        where = "the real record" if timing["n"] == "real" else f"N = {timing['n']}"
        lines += [
            "",
            f"The PDFs of {where}, every language one after the other in one process, nothing cached: "
            f"{timing['seconds']} s in all (pages included); the whole record's PDF took "
            f"{' and '.join(map(str, timing['record_pdf_seconds']))} s (one per language), the "
            f"{timing['highlight_pdfs']} highlight PDFs {timing['highlight_pdf_seconds_total']} s together, "
            f"{timing['highlight_pdf_seconds_median']} s each (median).",
        ]
    return lines


def write_report(results: dict, path: Path) -> None:
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/run.py) from bench/results.json; figures from its "
        "latest run. Targets are recorded here, never asserted in tests.",
        "",
    ]
    for part in (
        machine_lines,
        target_lines,
        real_lines,
        growth_lines,
        limit_lines,
        search_lines,
        shortfall_lines,
    ):
        section = part(results)
        if section:
            lines += [*section, ""]
    lines += [*READING, "", *profile_lines(results), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
