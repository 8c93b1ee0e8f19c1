"""MkDocs hook: make the built search index accent-insensitive (see tayho/search.py)."""

from __future__ import annotations

from pathlib import Path

from tayho.search import fold_index


def on_post_build(config, **kwargs):
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        index.write_text(fold_index(index.read_text(encoding="utf-8")), encoding="utf-8")
