"""MkDocs hook: make search accent-insensitive, and split its index into chunks a reader fetches only to search.

Material's worker downloads the whole index on every page view (38 KB gzip for the real record, 1.8 MB at 1,000
highlights). From `extra.search_chunks_from` highlights on (0 in mkdocs.yml: always), the index is written in
chunks and the pages point Material's search box at the chunk-reading worker, which fetches only the files a query
needs (tayho/search_chunks.py). The offline copy keeps Material's single index, with folded copies of every entry
(tayho/search.py), as file:// pages cannot fetch chunks; TAYHO_SEARCH=chunked or =single forces either.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from tayho.search import fold_index
from tayho.search_chunks import WORKER, write_chunks

_MATERIAL_WORKER = re.compile(r'"search": "([^"]*)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')


def chunked(config) -> bool:
    forced = os.environ.get("TAYHO_SEARCH", "")
    if os.environ.get("TAYHO_OFFLINE") == "true" or forced == "single":
        return False
    if forced == "chunked":
        return True
    return len(config.extra["tayho_site"].record.highlights) >= config.extra.get("search_chunks_from", 200)


def on_config(config, **kwargs):
    config.extra["tayho_search_chunked"] = chunked(config)
    return config


def _point_at_worker(output: str, config) -> str:
    if not config.extra["tayho_search_chunked"]:
        return output
    return _MATERIAL_WORKER.sub(lambda match: f'"search": "{match.group(1)}{WORKER}"', output, count=1)


def on_post_page(output, page, config, **kwargs):
    return _point_at_worker(output, config)


def on_post_template(output_content, template_name, config, **kwargs):
    return _point_at_worker(output_content, config) if template_name.endswith(".html") else output_content


def on_post_build(config, **kwargs):
    search_dir = Path(config.site_dir) / "search"
    index_file = search_dir / "search_index.json"
    if not index_file.is_file():
        return
    if config.extra["tayho_search_chunked"]:
        stub = write_chunks(json.loads(index_file.read_text(encoding="utf-8")), search_dir)
        index_file.write_text(json.dumps(stub, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    else:
        index_file.write_text(fold_index(index_file.read_text(encoding="utf-8")), encoding="utf-8")
