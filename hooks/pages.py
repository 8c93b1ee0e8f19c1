"""MkDocs hook: add one generated page per highlight and fill the record's parts into the prose pages."""

from __future__ import annotations

import re

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

MARKER = re.compile(r"<!-- tayho:([a-z-]+) -->")


def on_files(files, config, **kwargs):
    site = config.extra["tayho_site"]
    for path, source in site.highlight_sources().items():
        if files.get_file_from_path(path) is not None:
            raise Abort(f"docs/{path} would hide the generated page of a highlight; rename or remove it")
        files.append(File.generated(config, path, content=source))
    return files


def on_page_content(html, page, config, files, **kwargs):
    site = config.extra["tayho_site"]
    highlight_id = site.highlight_id_for(page.file.src_uri)
    if highlight_id is not None:
        page.toc = get_toc(site.highlight_toc(highlight_id))
        return str(site.highlight_html(highlight_id))
    return MARKER.sub(lambda match: _part(site, match.group(1), page), html)


def _part(site, marker: str, page) -> str:
    from tayho.site import PROSE_MARKERS
    if marker not in PROSE_MARKERS:
        raise Abort(f"{page.file.src_uri}: unknown marker <!-- tayho:{marker} -->; known: {', '.join(PROSE_MARKERS)}")
    return str(site.prose_part(marker, page.url))
