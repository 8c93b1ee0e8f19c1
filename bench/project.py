"""Project copies the benchmark builds, and the edits it times rebuilds after.

A copy holds what `python -m tayho build --root COPY` reads: mkdocs.yml, docs/, data/ and permalinks.lock (the real
one for the real record; for a synthetic record, one holding only its header: a site never published). Its
mkdocs.yml raises the plugin's `record_max_bytes` so that records of thousands of highlights are read. A copy has
no git history, so it builds no released versions (data/releases.yaml is left out; the real record has none yet).
"""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path

import yaml

from bench.synth import write_synthetic

ROOT = Path(__file__).resolve().parent.parent
RECORD = Path("data") / "achievements.yaml"
EMPTY_LOCK = "# Every published link of the site; `make permalinks` adds new ones. Never delete a line.\n"
RECORD_MAX_BYTES = 2_000_000_000
PLUGIN_LINE = "  - tayho:\n"
LEFT_OUT = {"achievements.yaml", "releases.yaml"}


def with_record_limit(config_text: str, max_bytes: int = RECORD_MAX_BYTES) -> str:
    """mkdocs.yml with the tayho plugin's `record_max_bytes` set and its size limits off, to measure past them (the
    plugin's options follow its line)."""
    if config_text.count(PLUGIN_LINE) != 1:
        raise ValueError(f"mkdocs.yml does not list the tayho plugin as {PLUGIN_LINE.strip()!r} exactly once")
    options = f"      record_max_bytes: {max_bytes}\n      record_size_limits: false\n"
    return config_text.replace(PLUGIN_LINE, PLUGIN_LINE + options)


def copy_project(target: Path, size: int | None) -> Path:
    """A copy of the project around the real record (size None) or a synthetic record of `size` highlights."""
    target.mkdir(parents=True)
    shutil.copytree(ROOT / "docs", target / "docs")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(with_record_limit(config), encoding="utf-8")
    shutil.copytree(ROOT / "data", target / "data", ignore=lambda _folder, names: LEFT_OUT & set(names))
    if size is None:
        shutil.copy2(ROOT / RECORD, target / RECORD)
        shutil.copy2(ROOT / "permalinks.lock", target / "permalinks.lock")
    else:
        write_synthetic(ROOT / RECORD, size, target / RECORD)
        (target / "permalinks.lock").write_text(EMPTY_LOCK, encoding="utf-8")
    return target


def edit_highlight_text(project: Path, edit: int) -> str:
    """Change one text of one highlight: the English of the first highlight's first paragraph gets the words
    "Edit N." at its end (in the YAML as written, nothing else touched). Returns the new text."""
    record_file = project / RECORD
    source = record_file.read_text(encoding="utf-8")
    highlight = yaml.safe_load(source)["highlights"][0]
    old = highlight["body"][0]["en"]
    new = f"{old.split(' Edit ')[0]} Edit {edit}."
    start = source.index(f"id: {highlight['id']}\n")
    at = source.index(old, start)
    record_file.write_text(source[:at] + new + source[at + len(old) :], encoding="utf-8")
    if yaml.safe_load(record_file.read_text(encoding="utf-8"))["highlights"][0]["body"][0]["en"] != new:
        raise RuntimeError(f"{record_file}: the edit did not change the first paragraph as intended")
    return new


def record_shape(record_file: Path) -> dict:
    """What a record of this shape holds per highlight: figures, and the length of its texts (characters)."""
    record = yaml.safe_load(record_file.read_text(encoding="utf-8"))
    figures = [len(highlight.get("figures", [])) for highlight in record["highlights"]]
    texts = [list(_texts(highlight)) for highlight in record["highlights"]]
    longest = max(len(text) for highlight in texts for text in highlight)
    return {
        "highlights": len(figures),
        "bytes": record_file.stat().st_size,
        "figures_per_highlight": {"mean": round(statistics.mean(figures), 1), "max": max(figures)},
        "paragraphs_per_highlight": round(statistics.mean(len(h["body"]) for h in record["highlights"]), 1),
        "longest_text_chars": longest,
        "text_chars_per_highlight": round(statistics.mean(sum(map(len, highlight)) for highlight in texts)),
    }


def _texts(value):
    """Every string in a highlight (its titles, summary, paragraphs, labels, captions, notes), ids included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
