"""The files of a renamed highlight or chart, kept at their old addresses.

A redirect page forwards a reader from an old page (tayho/outputs.py), but a feed reader, a link to a PDF, a share
card or an embedded chart has no page to be forwarded by: after a language's build, each file of the new id is
copied to the old one's address (its name with the old id), so that every published file keeps answering.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from . import opendata, urls
from .model import Record


def keep_renamed_files(record: Record, language_site: Path, with_shared: bool) -> None:
    """Copy, in one language's built folder, each renamed highlight's and chart's files to their old addresses;
    `with_shared`: also the open data at the site root (the root language's build writes it)."""
    # charts first: a highlight renamed with one of its charts then copies the chart's old folder along
    for redirect in sorted(record.redirects, key=lambda redirect: redirect.kind == "highlight"):
        old, new = redirect.from_id, redirect.to_id
        if redirect.kind == "highlight":
            _copy_folder_files(language_site / new, language_site / old, new, old)
            _copy_file(language_site / urls.SHARE_DIR / f"{new}.png", language_site / urls.SHARE_DIR / f"{old}.png")
            _copy_tree(language_site / urls.EMBED_DIR / new, language_site / urls.EMBED_DIR / old)
            if with_shared:
                data = language_site / urls.DATA_DIR
                _copy_file(data / opendata.highlight_csv(new), data / opendata.highlight_csv(old))
        elif redirect.kind == "chart":
            for highlight in record.highlights:
                if any(chart.id == new for chart in highlight.charts):
                    embeds = language_site / urls.EMBED_DIR / highlight.id
                    _copy_tree(embeds / new, embeds / old)


def _copy_file(source: Path, target: Path) -> None:
    if source.is_file() and not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def _copy_folder_files(source: Path, target: Path, new: str, old: str) -> None:
    """The files beside a page (its feed, its PDFs), not the page itself (the redirect page replaces it)."""
    if not source.is_dir():
        return
    for path in source.iterdir():
        if path.is_file() and path.name != "index.html":
            _copy_file(path, target / path.name.replace(f"-{new}-", f"-{old}-"))


def _copy_tree(source: Path, target: Path) -> None:
    if source.is_dir() and not target.exists():
        shutil.copytree(source, target)
