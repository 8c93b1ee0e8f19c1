"""Where a build's time goes: the pages under cProfile, and each PDF's render timed, in this process.

`tayho build` builds each language in a forked process, which cProfile cannot follow; here every language is built
one after the other in this process with the same per-language build (tayho.build.build_language). The pages are
profiled without the PDFs; the PDFs are timed separately, one render at a time, by kind (the whole record, a
highlight alone), with a cold cache: profiling WeasyPrint's layout would mostly measure the profiler.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import shutil
import statistics
import time
from pathlib import Path

from bench.project import copy_project

CONTEXT_ROWS = {
    ("build.py", "_build_page"): "MkDocs and Material: a page's template, plugins included",
    ("build.py", "_populate_page"): "MkDocs: a page's Markdown, plugins included",
}
ROWS = 16
WHOLE_BUILD = {"build_language", "_build_every_language"}  # 100%: not shown


def _build_every_language(project: Path, out: Path, pdf: bool) -> None:
    from tayho.build import SiteBuild, build_language, site_languages, source_date_epoch

    os.environ.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(project))
    job = SiteBuild(project, project / "site", pdf=pdf)
    languages = site_languages(project)
    for code in languages:
        build_language(job, code, languages.prefix(code), out / code)


def profile_pages(size: int, scratch: Path) -> dict:
    """cProfile of every language's pages for N = size: the archive's own functions, MkDocs' page work for scale."""
    project = copy_project(scratch / f"profile-{size}", size)
    profiler = cProfile.Profile()
    profiler.runcall(_build_every_language, project, scratch / f"profile-{size}-out", False)
    stats = pstats.Stats(profiler, stream=io.StringIO()).sort_stats("cumulative")
    ordered = sorted(stats.stats.items(), key=lambda item: -item[1][3])
    total = next(cumulative for (_, _, name), (*_, cumulative, _) in ordered if name == _build_every_language.__name__)
    rows = []
    for (filename, _line, name), (_, _, _, cumulative, _) in ordered:
        label = CONTEXT_ROWS.get((Path(filename).name, name)) if "/mkdocs/" in filename else None
        if label or ("/tayho/" in filename and name not in WHOLE_BUILD):
            rows.append(
                {
                    "function": f"{Path(filename).parent.name}/{Path(filename).name}:{name}",
                    "label": label,
                    "seconds": round(cumulative, 2),
                    "share": round(cumulative / total, 3),
                }
            )
        if len(rows) == ROWS:
            break
    shutil.rmtree(project, ignore_errors=True)
    return {"n": size, "seconds": round(total, 1), "rows": rows}


def time_pdfs(size: int | None, scratch: Path) -> dict:
    """Seconds per PDF render by kind for N = size (None: the real record), every language one after the other,
    nothing cached."""
    import tayho.pdf

    project = copy_project(scratch / f"pdf-timing-{size or 'real'}", size)
    render, renders = tayho.pdf.render_pdf, {"record": [], "highlight": []}

    def timed_render(document, date):
        started = time.monotonic()
        pdf = render(document, date)
        kind = "record" if Path(document.target).parent.name == "print" else "highlight"
        renders[kind].append(time.monotonic() - started)
        return pdf

    tayho.pdf.render_pdf = timed_render
    try:
        started = time.monotonic()
        _build_every_language(project, scratch / f"pdf-timing-{size or 'real'}-out", True)
        total = time.monotonic() - started
    finally:
        tayho.pdf.render_pdf = render
    shutil.rmtree(project, ignore_errors=True)
    return {
        "n": size or "real",
        "seconds": round(total, 1),
        "record_pdf_seconds": [round(seconds, 2) for seconds in renders["record"]],
        "highlight_pdfs": len(renders["highlight"]),
        "highlight_pdf_seconds_median": round(statistics.median(renders["highlight"]), 3),
        "highlight_pdf_seconds_total": round(sum(renders["highlight"]), 1),
    }
